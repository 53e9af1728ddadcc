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
      const list = files.get(folder) ?? files.set(folder, { list: [] }).get(folder)!;
      const start = { line: 0, character: 0 };
      list.list.push({ range: { start, end: start }, severity: SEVERITY.error ?? 1, code: 'BG909', source: 'baogao', message: misnamedMessage(entry) });
    }
    const answer = { files: [...files].map(([uri, { list }]) => ({ uri, diagnostics: list, ...(snippets.has(uri) ? { snippet: true } : {}) })) };
    // A problem is about 250 bytes of JSON (its range, code and a Chinese message).
    beforeLargeAnswer(250 * answer.files.reduce((sum, f) => sum + f.diagnostics.length, 0));
    return answer;
  }));
}

/**
 * Problems by URI; a file whose problems other files' checks found too (a snippet included by several
 * reports) has the keys of those listed, so that each is listed once.
 */
type FoundByUri = Map<string, { list: PlainDiagnostic[]; keys?: Set<string> }>;

/** Adds a closed file's problems (and those it finds in closed snippets) to `files`, by URI. */
function checkClosedFile({ store, index }: ServerContext, file: string, files: FoundByUri): void {
  if (store.byPath(file)) return;
  const listed = (uri: string) => files.get(uri) ?? files.set(uri, { list: [] }).get(uri)!;
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
  listed(store.uriFor(file));
  found.forEach((code, message, severity, path, range) => {
    if (store.byPath(path)) return;
    const listing = listed(store.uriFor(path));
    const problem = { range, severity: SEVERITY[severity] ?? 1, code, source: 'baogao', message };
    // A snippet included by several reports (or checked itself too): its problems once, found by a key
    // (comparing with every problem listed was quadratic, minutes for a binary file of 40,000 problems).
    // Only lists that another file's check adds to have keys: the keys of every report's own problems,
    // 125,000 in a county's workspace, were 10 MB of the server's peak.
    if (path !== file) listing.keys ??= new Set(listing.list.map(problemKey));
    if (listing.keys) {
      const key = problemKey(problem);
      if (listing.keys.has(key)) return;
      listing.keys.add(key);
    }
    listing.list.push(problem);
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
