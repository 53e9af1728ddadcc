// baogao/checkWorkspace: checks the workspace's reports that are not open, with progress, cancellable.
import type { CancellationToken } from 'vscode-languageserver';
import { checkReport } from '../../language/checks/index.js';
import { withoutBlockCache } from '../../language/checks/blockCache.js';
import { filesRead } from '../../language/analyze.js';
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import type { ServerContext } from '../context.js';
import { rangeIn, SEVERITY } from '../convert.js';
import { shownInEditor } from '../diagnosticLimit.js';
import { CheckWorkspaceRequest, type PlainDiagnostic } from '../protocol.js';
import { answerOrFail, LongWork } from '../requests.js';
import { misnamedMessage } from '../../node/files.js';
import { beforeLargeAnswer } from '../memory.js';

export function register(context: ServerContext): void {
  const { connection, client, index } = context;
  connection.onRequest(CheckWorkspaceRequest.method, answerOrFail(connection, 'checkWorkspace', async (params: CheckWorkspaceRequest.Params, token: CancellationToken): Promise<CheckWorkspaceRequest.Result> => {
    const files: FoundByUri = new Map();
    const snippets = new Set<string>();
    // Progress through the library: the client's own token when it sent one, else one the server asks for.
    const progress = params?.workDoneToken !== undefined || !client.workDoneProgress
      ? connection.window.attachWorkDoneProgress(params?.workDoneToken)
      : await connection.window.createWorkDoneProgress();
    progress.begin('检查工作区', 0, '建立索引', true);
    // Cancelled by the request's token or by the progress bar's cancel button, the index's build included.
    const work = LongWork.of(token, 'token' in progress ? (progress as { token: CancellationToken }).token : undefined);
    try {
      // The index lists the files (built or brought up to date a file at a time); a file's text is read
      // only when its problems are not remembered.
      const all = await index.refreshGently(work);
      progress.report(0, `共 ${all.length} 个文件`);
      for (const [index, f] of all.entries()) {
        // Between files: let edits, their diagnostics, other requests and a cancellation in.
        await work.pause();
        progress.report(Math.round((index / Math.max(1, all.length)) * 100), f.path.slice(f.path.lastIndexOf('/') + 1));
        checkClosedFile(context, f.path, files);
        if (f.snippet) snippets.add(context.store.uriFor(f.path));
      }
    } finally {
      progress.done();
    }
    // Reports and folders named in GBK: not checked, said so at the folder that holds them (BG909).
    for (const entry of context.store.service.workspace.misnamed?.() ?? []) {
      const folder = context.store.uriFor(entry.path.slice(0, entry.path.lastIndexOf('/')) || '/');
      const start = { line: 0, character: 0 };
      listingOf(files, folder).add({ range: { start, end: start }, severity: SEVERITY.error ?? 1, code: 'BG909', source: 'baogao', message: misnamedMessage(entry) }, false);
    }
    const answer = { files: [...files].map(([uri, listing]) => ({ uri, diagnostics: listing.diagnostics(), ...(snippets.has(uri) ? { snippet: true } : {}) })) };
    // A problem is about 250 bytes of JSON (its range, code and a Chinese message).
    beforeLargeAnswer(250 * [...files.values()].reduce((sum, listing) => sum + listing.size, 0));
    return answer as CheckWorkspaceRequest.Result;
  }));
}

/** Problems by URI. */
type FoundByUri = Map<string, Listing>;

const listingOf = (files: FoundByUri, uri: string) => files.get(uri) ?? files.set(uri, new Listing()).get(uri)!;

/**
 * The problems listed for one file. Most files' are those their own check found, which the index keeps
 * (FoundProblems): they are made into LSP's objects only when the answer is written, a file at a time
 * (as objects, the 125,000 problems of a county's workspace were 25 MB of the server's peak). A file other
 * files' checks find problems in too (a snippet included by several reports) has its problems as objects,
 * with their keys, so that each is listed once.
 */
class Listing {
  private own: { problems: FoundProblems; path: string } | undefined;
  private readonly list: PlainDiagnostic[] = [];
  private keys: Set<string> | undefined;

  get size(): number {
    return this.own ? this.own.problems.countAt(this.own.path) : this.list.length;
  }

  /** The problems a file's own check found in it: kept as they are when nothing else is listed for it. */
  addOwn(problems: FoundProblems, path: string): void {
    if (!this.own && this.list.length === 0 && !this.keys) {
      this.own = { problems, path };
      return;
    }
    for (const made of diagnosticsAt(problems, path)) this.add(made, false);
  }

  /** One problem; `keyed`: one another file's check found, listed once however many find it. */
  add(problem: PlainDiagnostic, keyed: boolean): void {
    if (this.own) {
      const { problems, path } = this.own;
      this.own = undefined;
      for (const made of diagnosticsAt(problems, path)) this.add(made, false);
    }
    if (keyed) this.keys ??= new Set(this.list.map(problemKey));
    if (this.keys) {
      const key = problemKey(problem);
      if (this.keys.has(key)) return;
      this.keys.add(key);
    }
    this.list.push(problem);
  }

  /** The answer's list: the objects, or the own problems made into them when the answer is written (toJSON). */
  diagnostics(): PlainDiagnostic[] | { toJSON(): PlainDiagnostic[] } {
    const own = this.own;
    return own ? { toJSON: () => diagnosticsAt(own.problems, own.path) } : this.list;
  }
}

/** The problems a check found at one path, as LSP's objects. */
function diagnosticsAt(problems: FoundProblems, path: string): PlainDiagnostic[] {
  const out: PlainDiagnostic[] = [];
  problems.forEach((code, message, severity, at, range) => {
    if (at === path) out.push({ range, severity: SEVERITY[severity] ?? 1, code, source: 'baogao', message });
  });
  return out;
}

/** Adds a closed file's problems (and those it finds in closed snippets) to `files`, by URI. */
function checkClosedFile({ store, index }: ServerContext, file: string, files: FoundByUri): void {
  if (store.byPath(file)) return;
  // The index remembers each file's problems (with their ranges) until the file or what it reads changes.
  const found = index.foundIn('problems', file, () => {
    const service = store.serviceFor(file);
    const text = service.workspace.readFile(file);
    // Deleted since the index listed it: no problems of an empty file for it (was: BG408 and the like).
    // Not read (beyond 10 MB, no permission): said so, not checked as empty nor passed over in silence.
    if (text === undefined) return { found: unreadable(file, service.workspace.whyUnreadable?.(file)), reads: new Set([file]) };
    const model = service.analyze(file, text);
    // Only what is shown is kept (not the checker's objects with their fixes), at most MAX_SHOWN a report
    // as in the editor (a binary file renamed .bg: tens of thousands). Checked once, nothing remembered by
    // block: a thousand closed reports would push out the blocks of those being typed in.
    const problems = new FoundProblems();
    for (const d of shownInEditor(withoutBlockCache(() => checkReport(model, service.settings)))) {
      problems.add(d.code, d.message, d.severity, d.uri ?? file, rangeIn(store.linesOf(d.uri ?? file, model), d.start, d.end));
    }
    // A closed report's tree is not kept, its problems are (a snippet's stays: open reports include it).
    if (!model.isSnippet) service.cache.forget(file);
    return { found: problems.trimmed(), reads: filesRead(model) };
  });
  if (found === GONE) return;
  const isOpen = (path: string) => !!store.byPath(path);
  listingOf(files, store.uriFor(file)).addOwn(found, file);
  // Problems found in other files (closed snippets the report includes): each listed once, whichever
  // report's check finds it.
  found.forEach((code, message, severity, path, range) => {
    if (path === file || isOpen(path)) return;
    listingOf(files, store.uriFor(path)).add({ range, severity: SEVERITY[severity] ?? 1, code, source: 'baogao', message }, true);
  });
}

function problemKey({ code, range, message }: PlainDiagnostic): string {
  return `${code}\u0000${range.start.line}:${range.start.character}\u0000${message}`;
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/**
 * A file's problems as the index keeps them between workspace checks: each a code, a message and five
 * numbers (which file, the range) in flat arrays, not five objects — 1,000 reports of the county's
 * workspace have some 125,000 problems, kept for the whole session.
 */
export class FoundProblems {
  private readonly codes: string[] = [];
  private readonly messages: string[] = [];
  private readonly severities: Array<Diagnostic['severity']> = [];
  private readonly paths: string[] = [];
  /** Per problem: the index of its path, then its range's start line and character, end line and character. */
  private numbers = new Int32Array(0);

  add(code: string, message: string, severity: Diagnostic['severity'], path: string, range: Range): void {
    const n = this.codes.length;
    this.codes.push(code);
    this.messages.push(message);
    this.severities.push(severity);
    let p = this.paths.indexOf(path);
    if (p < 0) p = this.paths.push(path) - 1;
    if (this.numbers.length < (n + 1) * 5) {
      const grown = new Int32Array(Math.max(40, this.numbers.length * 2));
      grown.set(this.numbers);
      this.numbers = grown;
    }
    const v = this.numbers;
    const o = n * 5;
    v[o] = p;
    v[o + 1] = range.start.line;
    v[o + 2] = range.start.character;
    v[o + 3] = range.end.line;
    v[o + 4] = range.end.character;
  }

  /** Done adding: the numbers' spare room goes. */
  trimmed(): this {
    if (this.numbers.length > this.codes.length * 5) this.numbers = this.numbers.slice(0, this.codes.length * 5);
    return this;
  }

  /** How many problems are at a path. */
  countAt(path: string): number {
    const p = this.paths.indexOf(path);
    let n = 0;
    for (let i = 0; i < this.codes.length; i++) if (this.numbers[i * 5] === p) n++;
    return n;
  }

  /** Each problem in the order added, with a range of its own. */
  forEach(each: (code: string, message: string, severity: Diagnostic['severity'], path: string, range: Range) => void): void {
    const v = this.numbers;
    for (let i = 0; i < this.codes.length; i++) {
      const o = i * 5;
      each(this.codes[i]!, this.messages[i]!, this.severities[i]!, this.paths[v[o]!]!, { start: { line: v[o + 1]!, character: v[o + 2]! }, end: { line: v[o + 3]!, character: v[o + 4]! } });
    }
  }
}

/** What a check finds in a file no longer there. */
const GONE = new FoundProblems();

/** The one problem of a listed file that cannot be read, or GONE when it is not there. */
function unreadable(file: string, reason: string | undefined): FoundProblems {
  if (!reason || reason === '文件不存在') return GONE;
  const start = { line: 0, character: 0 };
  const problems = new FoundProblems();
  problems.add('BG902', `无法读取，未作检查：${reason}。`, 'error', file, { start, end: start });
  return problems;
}
