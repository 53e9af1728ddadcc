// Diagnostics as you type: each open document is checked a pause after its last change (as long as its
// last check took: a small report answers at once, a huge one waits for typing to stop), and
// its problems are published to its own URI and to the snippets it includes. A URI's diagnostics are the
// union of what every open document found there, each problem once.
import { DiagnosticSeverity, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { LineIndex } from '../../grammar/index.js';
import { settingsFileDiagnostics } from '../language/config.js';
import { rangeIn, SEVERITY } from './convert.js';
import type { DocumentStore } from './documents.js';

/**
 * The pause after a change: as long as the document's last check took (so at most half the work is spent
 * on text that is typed over), within these bounds — never longer than the fixed 200 ms it replaced.
 */
export const DIAGNOSTIC_DELAY_MS = { min: 15, max: 200, initial: 50 };

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How long each document's last check took, ms. */
  private readonly lastCheckMs = new Map<string, number>();
  /** Diagnostics published to a URI, by the open document whose check produced them. */
  private readonly published = new Map<string, Map<string, LspDiagnostic[]>>();

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
  ) {}

  /** Checks a document after a pause (a newer call for it restarts the pause). */
  schedule(uri: string, delay = this.delayFor(uri)): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.validate(uri);
    }, delay));
  }

  private delayFor(uri: string): number {
    const last = this.lastCheckMs.get(uri);
    if (last === undefined) return DIAGNOSTIC_DELAY_MS.initial;
    return Math.round(Math.min(DIAGNOSTIC_DELAY_MS.max, Math.max(DIAGNOSTIC_DELAY_MS.min, last)));
  }

  scheduleAll(): void {
    for (const doc of this.store.all()) this.schedule(doc.uri);
  }

  /** A document closed: withdraw what it published, clearing its own URI. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.lastCheckMs.delete(uri);
    const affected = new Set<string>([uri]);
    for (const [target, owners] of this.published) if (owners.delete(uri)) affected.add(target);
    for (const target of affected) {
      const owners = this.published.get(target);
      if (target === uri || !owners || owners.size === 0) {
        this.published.delete(target);
        void this.connection.sendDiagnostics({ uri: target, diagnostics: [] });
      } else this.publish(target);
    }
  }

  private validate(uri: string): void {
    const doc = this.store.get(uri);
    if (!doc) return;
    const version = doc.version;
    try {
      const started = performance.now();
      const model = this.store.modelFor(doc);
      const found = this.store.diagnosticsFor(doc);
      this.lastCheckMs.set(uri, performance.now() - started);
      // A newer edit arrived while checking: its own check will publish.
      if (this.store.get(uri)?.version !== version) return;
      const byUri = new Map<string, LspDiagnostic[]>([[uri, []]]);
      for (const d of found) {
        const path = d.uri && d.uri !== model.file.path ? d.uri : undefined;
        const target = path ? this.store.uriFor(path) : uri;
        const lines = path ? this.store.linesOf(path) : model.file.lineIndex;
        const list = byUri.get(target) ?? [];
        list.push({ range: rangeIn(lines, d.start, d.end), severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error, code: d.code, source: 'baogao', message: d.message });
        byUri.set(target, list);
      }
      this.replace(uri, byUri);
      this.publishConfigProblems();
    } catch (error) {
      this.connection.console.error(`baogao diagnostics: ${(error as Error)?.stack ?? String(error)}`);
    }
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
    for (const target of affected) this.publish(target);
  }

  private publish(target: string): void {
    const owners = this.published.get(target);
    const seen = new Set<string>();
    const diagnostics: LspDiagnostic[] = [];
    for (const list of owners?.values() ?? []) {
      for (const d of list) {
        const key = `${d.code}:${d.range.start.line}:${d.range.start.character}:${d.message}`;
        if (!seen.has(key)) (seen.add(key), diagnostics.push(d));
      }
    }
    if (owners && owners.size === 0) this.published.delete(target);
    const doc = this.store.get(target);
    void this.connection.sendDiagnostics({ uri: target, diagnostics, ...(doc ? { version: doc.version } : {}) });
  }
}
