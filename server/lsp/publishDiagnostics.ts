// Diagnostics as you type, in one of two modes chosen per client at initialisation:
// - push (clients without pull diagnostics): each open document is checked a pause after its last change
//   (as long as its last check took: a small report answers at once, a huge one waits for typing to
//   stop), and its problems are published to its own URI and to the snippets it includes;
// - pull (LSP 3.17 `textDocument/diagnostic`): the client asks when it wants them; the answer carries a
//   result id, and a report whose problems did not change is answered `unchanged`. Only URIs the client
//   does not pull (closed snippets a report includes) are pushed — never both for one URI.
// A URI's diagnostics are the union of what every open document found there, each problem once.
import {
  DiagnosticSeverity, DocumentDiagnosticReportKind, type Connection, type Diagnostic as LspDiagnostic, type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../grammar/index.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { settingsFileDiagnostics } from '../language/config.js';
import { rangeIn, SEVERITY } from './convert.js';
import { shownInEditor } from './diagnosticLimit.js';
import type { ReportModel } from '../language/model.js';
import type { DocumentStore } from './documents.js';

/**
 * The pause after a change: as long as the document's last check took (so at most half the work is spent
 * on text that is typed over), within these bounds — never longer than the fixed 200 ms it replaced.
 * Before its first check a document waits by its size (`perMegabyte` ms a million characters).
 */
export const DIAGNOSTIC_DELAY_MS = { min: 15, max: 200, perMegabyte: 200 };

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How long each document's last check took, ms. */
  private readonly lastCheckMs = new Map<string, number>();
  /** Diagnostics published to a URI, by the open document whose check produced them. */
  private readonly published = new Map<string, Map<string, LspDiagnostic[]>>();
  /** Each open document's findings as last converted (the checker's result, a new array per model). */
  private readonly converted = new Map<string, Diagnostic[]>();
  /** Pull mode: the last answer per URI (its result id and items), to answer `unchanged`. */
  private readonly results = new Map<string, { id: string; items: LspDiagnostic[] }>();
  /** URIs whose diagnostics were recorded anew since their last pull answer. */
  private readonly touched = new Set<string>();
  private resultCount = 0;
  /** URIs whose pushed diagnostics are not empty (cleared when the client starts pulling them). */
  private readonly pushed = new Set<string>();
  private mode: { pull: boolean; refresh: boolean } = { pull: false, refresh: false };

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
  ) {
    this.started = new Promise((resolve) => (this.start = resolve));
  }

  /** Resolved once the client's settings are read (`initialized`): no document is checked with defaults it does not use. */
  readonly started: Promise<void>;
  private start: () => void = () => undefined;
  private ready = false;

  /** The client's settings are read: check every open document (a pull waiting for this goes on). */
  begin(): void {
    this.ready = true;
    this.start();
    if (!this.mode.pull) this.scheduleAll();
  }

  /** Set at initialisation: pull when the client supports it (and whether it can be told to pull again). */
  usePull(pull: boolean, refresh: boolean): void {
    this.mode = { pull, refresh };
  }

  get pulling(): boolean {
    return this.mode.pull;
  }

  /** Checks a document after a pause (a newer call for it restarts the pause); pull clients ask themselves. */
  schedule(uri: string, delay = this.delayFor(uri)): void {
    if (this.mode.pull || !this.ready) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.validate(uri);
    }, delay));
  }

  private delayFor(uri: string): number {
    const expected = this.lastCheckMs.get(uri) ?? ((this.store.get(uri)?.getText().length ?? 0) / 1e6) * DIAGNOSTIC_DELAY_MS.perMegabyte;
    return Math.round(Math.min(DIAGNOSTIC_DELAY_MS.max, Math.max(DIAGNOSTIC_DELAY_MS.min, expected)));
  }

  /** Everything may have changed (settings, snippets, files on disk): check every open document again. */
  scheduleAll(): void {
    if (this.mode.pull) {
      this.converted.clear();
      if (this.mode.refresh) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of this.store.all()) this.schedule(doc.uri);
  }

  /** A document opened: a pull client pulls it now, so what was pushed to its URI is withdrawn. */
  opened(uri: string): void {
    if (!this.mode.pull || !this.pushed.delete(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * The answer to `textDocument/diagnostic`: the document's problems for its current version (one check
   * per version, shared with every other request), `unchanged` when the client already has them.
   */
  report(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const doc = this.store.get(uri);
    if (doc) this.update(doc);
    this.publishConfigProblems();
    let last = this.results.get(uri);
    // Nothing found anew for this URI since the last answer: the same result, without comparing anything.
    if (last && !this.touched.delete(uri)) return this.answer(last, previousResultId, uri);
    const items = this.union(uri);
    // Compared item by item (no JSON of thousands of problems made per keystroke to compare).
    if (!last || !sameDiagnostics(last.items, items)) this.results.set(uri, (last = { id: String(++this.resultCount), items }));
    return this.answer(last, previousResultId, uri);
  }

  private answer(last: { id: string; items: LspDiagnostic[] }, previousResultId: string | undefined, uri: string): DocumentDiagnosticReport {
    const version = this.store.get(uri)?.version;
    if (previousResultId === last.id) {
      this.connection.tracer.log(`问题 ${uri} 第 ${version} 版：未变（结果 ${last.id}）`);
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.id };
    }
    this.connection.tracer.log(`问题 ${uri} 第 ${version} 版：${last.items.length} 处（结果 ${last.id}）`);
    return { kind: DocumentDiagnosticReportKind.Full, resultId: last.id, items: last.items };
  }

  /** A document closed: withdraw what it published, clearing its own URI. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.lastCheckMs.delete(uri);
    this.converted.delete(uri);
    this.results.delete(uri);
    this.touched.delete(uri);
    const affected = new Set<string>([uri]);
    for (const [target, owners] of this.published) if (owners.delete(uri)) affected.add(target);
    for (const target of affected) {
      const owners = this.published.get(target);
      if (target === uri || !owners || owners.size === 0) {
        this.published.delete(target);
        this.pushed.delete(target);
        this.touched.add(target);
        void this.connection.sendDiagnostics({ uri: target, diagnostics: [] });
      } else this.deliver(target);
    }
  }

  private validate(uri: string): void {
    const doc = this.store.get(uri);
    if (!doc) return;
    const version = doc.version;
    try {
      const started = performance.now();
      this.store.diagnosticsFor(doc);
      this.lastCheckMs.set(uri, performance.now() - started);
      // A newer edit arrived while checking: its own check will publish.
      if (this.store.get(uri)?.version !== version) return;
      this.update(doc);
      this.publishConfigProblems();
    } catch (error) {
      this.connection.console.error(`baogao diagnostics: ${(error as Error)?.stack ?? String(error)}`);
    }
  }

  /** Records a document's findings by URI (converted once per check) and delivers every URI they change. */
  private update(doc: TextDocument): void {
    const found = this.store.diagnosticsFor(doc);
    if (this.converted.get(doc.uri) === found) return;
    this.converted.set(doc.uri, found);
    this.replace(doc.uri, lspDiagnosticsByUri(this.store, doc.uri, this.store.modelFor(doc), found));
  }

  /** What was published on each baogao.json, to send only changes. */
  private readonly configPublished = new Map<string, string>();

  /**
   * Problems in the baogao.json files the open reports use, as diagnostics on those files (at the key
   * named in the message when it can be found). A baogao.json no longer read, or fixed, is cleared.
   */
  publishConfigProblems(): void {
    const now = new Map<string, LspDiagnostic[]>();
    for (const { file, problems, text } of this.store.projects.configFiles()) {
      const lines = new LineIndex(text);
      now.set(this.store.uriFor(file), settingsFileDiagnostics(text, problems).map((d) => ({
        range: rangeIn(lines, d.start, d.end), severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error, code: d.code, source: 'baogao', message: `baogao.json：${d.message}`,
      })));
    }
    for (const uri of this.configPublished.keys()) if (!now.has(uri)) now.set(uri, []);
    for (const [uri, diagnostics] of now) {
      const key = JSON.stringify(diagnostics);
      if (this.configPublished.get(uri) === key || (!diagnostics.length && !this.configPublished.has(uri))) continue;
      if (diagnostics.length) this.configPublished.set(uri, key);
      else this.configPublished.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** Forgets what `owner` published before, records what it found now, and publishes every affected URI. */
  private replace(owner: string, byUri: Map<string, LspDiagnostic[]>): void {
    const affected = new Set(byUri.keys());
    for (const [target, owners] of this.published) if (owners.delete(owner)) affected.add(target);
    for (const [target, list] of byUri) {
      let owners = this.published.get(target);
      if (!owners) this.published.set(target, (owners = new Map()));
      owners.set(owner, list);
    }
    for (const target of affected) this.deliver(target);
  }

  /** Pushes a URI's diagnostics, unless a pull client pulls that URI itself (it is open). */
  private deliver(target: string): void {
    this.touched.add(target);
    if (this.mode.pull && this.store.get(target)) return;
    this.publish(target);
  }

  /** The union of what every open document found at a URI, each problem (code, start, message) once. */
  private union(target: string): LspDiagnostic[] {
    // By start position first: problems that start apart are not compared further (no key strings made).
    const seen = new Map<number, LspDiagnostic | LspDiagnostic[]>();
    const diagnostics: LspDiagnostic[] = [];
    const same = (a: LspDiagnostic, b: LspDiagnostic) => a.code === b.code && a.message === b.message;
    for (const list of this.published.get(target)?.values() ?? []) {
      for (const d of list) {
        const at = d.range.start.line * 2 ** 32 + d.range.start.character;
        const there = seen.get(at);
        if (there === undefined) seen.set(at, d);
        else if (Array.isArray(there)) {
          if (there.some((o) => same(o, d))) continue;
          there.push(d);
        } else {
          if (same(there, d)) continue;
          seen.set(at, [there, d]);
        }
        diagnostics.push(d);
      }
    }
    return diagnostics;
  }

  private publish(target: string): void {
    const owners = this.published.get(target);
    const diagnostics = this.union(target);
    if (owners && owners.size === 0) this.published.delete(target);
    if (diagnostics.length) this.pushed.add(target);
    else this.pushed.delete(target);
    const doc = this.store.get(target);
    this.connection.tracer.log(`问题 ${target}${doc ? ` 第 ${doc.version} 版` : ''}：${diagnostics.length} 处（推送）`);
    void this.connection.sendDiagnostics({ uri: target, diagnostics, ...(doc ? { version: doc.version } : {}) });
  }
}

/** A document's findings as LSP diagnostics, by the URI each is on (its own, or a snippet's it includes). */
export function lspDiagnosticsByUri(store: DocumentStore, uri: string, model: ReportModel, found: readonly Diagnostic[]): Map<string, LspDiagnostic[]> {
  const byUri = new Map<string, LspDiagnostic[]>([[uri, []]]);
  for (const d of shownInEditor(found)) {
    const path = d.uri && d.uri !== model.file.path ? d.uri : undefined;
    const target = path ? store.uriFor(path) : uri;
    const lines = path ? store.linesOf(path) : model.file.lineIndex;
    const list = byUri.get(target) ?? [];
    // (sameDiagnostics compares each of these fields.)
    list.push({ range: rangeIn(lines, d.start, d.end), severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error, code: d.code, source: 'baogao', message: d.message });
    byUri.set(target, list);
  }
  return byUri;
}

/** Whether two lists of diagnostics would be sent as the same JSON (every field the server sets). */
function sameDiagnostics(a: readonly LspDiagnostic[], b: readonly LspDiagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.code !== y.code || x.severity !== y.severity || x.message !== y.message || x.source !== y.source || !samePosition(x.range.start, y.range.start) || !samePosition(x.range.end, y.range.end)) return false;
  }
  return true;
}

const samePosition = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line === q.line && p.character === q.character;
