// The workspace index: for every report of the workspace folders, a summary — its symbols, with their
// LSP locations, and once checked, its problems — built once and kept current by file watching and by
// the open documents, so workspace symbols and a repeated workspace check do not re-read and re-analyse
// every file. It keeps summaries, not models: memory grows with symbols and problems, not syntax trees.
import type { SymbolInformation } from 'vscode-languageserver';
import { LineIndex } from '../../grammar/index.js';
import { fileSymbols, matchingSymbols, type SymbolKind as FeatureKind } from '../language/features/symbols.js';
import { LanguageService } from '../language/service.js';
import type { DocumentStore } from './documents.js';
import { rangeIn } from './convert.js';
import type { LongWork } from './requests.js';

interface IndexedSymbol {
  name: string;
  kind: FeatureKind;
  detail: string;
  /** The file's path and the symbol's range in it (URIs are resolved when answering: a file may open or close). */
  path: string;
  range: SymbolInformation['location']['range'];
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedSymbol[]>();
  /** Each file's problems as the last workspace check found them (the caller's conversion of them), with the files they depend on. */
  private readonly problems = new Map<string, { found: unknown; reads: ReadonlySet<string> }>();
  private readonly stale = new Set<string>();
  private built = false;

  constructor(
    private readonly store: DocumentStore,
    /** The report paths under the workspace folders (a walk of the folders). */
    private readonly listReports: () => string[],
    /** True when the client tells us about file changes (workspace/didChangeWatchedFiles): else every query re-walks. */
    private readonly watched: () => boolean,
  ) {}

  /** A file changed (on disk or in an open buffer), was created or deleted: summarise it again on the next query. */
  changed(path: string): void {
    this.stale.add(path);
    for (const [file, entry] of this.problems) if (entry.reads.has(path)) this.problems.delete(file);
  }

  /** Settings or snippets changed: every summary may differ (heading numbers, snippet names, problems). */
  invalidate(): void {
    this.built = false;
    this.problems.clear();
  }

  /** A file's problems: remembered from the last workspace check while nothing it reads has changed. */
  problemsOf<T>(path: string, check: () => { found: T; reads: ReadonlySet<string> }): T {
    if (!this.watched()) return check().found;
    let entry = this.problems.get(path);
    if (!entry) this.problems.set(path, (entry = check()));
    return entry.found as T;
  }

  /** The first `limit` symbols matching a query, with the URIs of their files. */
  symbols(query: string, limit: number): Array<IndexedSymbol & { uri: string }> {
    this.refresh();
    const all: IndexedSymbol[] = [];
    for (const list of this.files.values()) for (const s of list) all.push(s);
    const uris = new Map<string, string>();
    const uriOf = (path: string) => uris.get(path) ?? (uris.set(path, this.store.uriFor(path)), uris.get(path)!);
    return matchingSymbols(all, query).slice(0, limit).map((s) => ({ ...s, uri: uriOf(s.path) }));
  }

  private refresh(): void {
    const service = this.startRefresh();
    for (const path of [...this.stale]) this.summarize(service, path);
  }

  /** The same as the refresh before `symbols`, a file at a time: cancellable, letting edits in (requests.ts). */
  async refreshGently(work: LongWork): Promise<void> {
    const service = this.startRefresh();
    for (const path of [...this.stale]) {
      await work.pause();
      this.summarize(service, path);
    }
  }

  /** Marks what is to be summarised again; a service of its own, whose parse cache goes with it (only summaries stay). */
  private startRefresh(): LanguageService {
    if (!this.built || !this.watched()) {
      this.files.clear();
      this.stale.clear();
      for (const path of this.listReports()) this.stale.add(path);
      for (const doc of this.store.all()) this.stale.add(this.store.pathOf(doc));
      this.built = true;
    }
    return new LanguageService(this.store.service.workspace, this.store.service.settings);
  }

  private summarize(service: LanguageService, path: string): void {
    this.stale.delete(path);
    const text = this.store.byPath(path)?.getText() ?? service.workspace.readFile(path);
    if (text === undefined) {
      this.files.delete(path);
      return;
    }
    const model = service.analyze(path, text);
    const lines = new LineIndex(model.file.text);
    this.files.set(path, fileSymbols(model).map((s) => ({ name: s.name, kind: s.kind, detail: s.detail, path, range: rangeIn(lines, s.start, s.end) })));
  }
}
