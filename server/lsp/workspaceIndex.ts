// The workspace index: for every report of the workspace folders, a summary — its symbols with their LSP
// locations, the snippets it includes, whether it is a snippet, last year's report it reads, and once
// checked, its problems — built once and kept current by file watching and by the open documents, so
// workspace symbols, references and renames of snippets, and a repeated workspace check neither re-read
// nor re-analyse every file. It keeps summaries, not models: each file's syntax tree is dropped as soon as
// it is summarised, so memory grows with symbols and problems, not with syntax trees.
import type { SymbolInformation } from 'vscode-languageserver';
import { LineIndex } from '../../grammar/index.js';
import type { FileText } from '../language/features/navigation.js';
import { fileSymbols, nameMatcher, type SymbolKind as FeatureKind } from '../language/features/symbols.js';
import { previousReportPath } from '../language/header.js';
import { LanguageService } from '../language/service.js';
import type { DocumentStore } from './documents.js';
import { rangeIn } from './convert.js';
import type { LongWork } from './requests.js';

interface IndexedSymbol {
  name: string;
  /** The name lower-cased once, for matching queries. */
  lower: string;
  kind: FeatureKind;
  detail: string;
  /** The file's path and the symbol's range in it (URIs are resolved when answering: a file may open or close). */
  path: string;
  range: SymbolInformation['location']['range'];
}

/** What the index keeps of one file. */
interface FileSummary {
  symbols: IndexedSymbol[];
  /** Names of the snippets it includes (@引用). */
  includes: ReadonlySet<string>;
  /** A snippet file (`@片段` first). */
  snippet: boolean;
  /** Last year's report it reads (@上年), as a path. */
  lastYear: string | undefined;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
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
    /** Told after each refresh (the server fits its heap policy to the workspace's size). */
    private readonly refreshed: () => void = () => undefined,
  ) {}

  /** How many files the index summarises. */
  get size(): number {
    return this.files.size;
  }

  /** A file changed (on disk or in an open buffer), was created or deleted: summarise it again on the next query. */
  changed(path: string): void {
    this.stale.add(path);
    // A report's figure values may come from last year's report: those reading this one are summarised again.
    for (const [file, summary] of this.files) if (summary.lastYear === path) this.stale.add(file);
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

  /** Every file of the workspace (and every open document), with whether it is a snippet. */
  paths(): Array<{ path: string; snippet: boolean }> {
    this.refresh();
    return [...this.files].map(([path, summary]) => ({ path, snippet: summary.snippet }));
  }

  /** The files that include a snippet of this name, with their current text (references, renames). */
  filesIncluding(name: string): FileText[] {
    this.refresh();
    const out: FileText[] = [];
    for (const [path, summary] of this.files) if (summary.includes.has(name)) out.push({ path, text: this.store.textOf(path) });
    return out;
  }

  /** The first `limit` symbols matching a query, with the URIs of their files (the search stops there). */
  symbols(query: string, limit: number): Array<IndexedSymbol & { uri: string }> {
    this.refresh();
    const matches = nameMatcher(query);
    const found: Array<IndexedSymbol & { uri: string }> = [];
    for (const [path, summary] of this.files) {
      let uri: string | undefined;
      for (const s of summary.symbols) {
        if (!matches(s.lower)) continue;
        found.push({ ...s, uri: (uri ??= this.store.uriFor(path)) });
        if (found.length >= limit) return found;
      }
    }
    return found;
  }

  private refresh(): void {
    const service = this.startRefresh();
    for (const path of [...this.stale]) this.summarize(service, path);
    this.refreshed();
  }

  /** The same as the refresh before a request, a file at a time: cancellable, letting edits in (requests.ts). */
  async refreshGently(work: LongWork): Promise<void> {
    const service = this.startRefresh();
    for (const path of [...this.stale]) {
      await work.pause();
      this.summarize(service, path);
    }
    this.refreshed();
  }

  /** Marks what is to be summarised again; a service of its own, dropped after the refresh (the snippets it parsed go with it). */
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
    if (text === undefined) this.files.delete(path);
    else this.files.set(path, summarise(service, path, text));
    // The report's own tree is not kept: only its summary.
    service.cache.forget(path);
  }
}

function summarise(service: LanguageService, path: string, text: string): FileSummary {
  const model = service.analyze(path, text);
  const lines = new LineIndex(text);
  return {
    symbols: fileSymbols(model).map((s) => ({ name: s.name, lower: s.name.toLowerCase(), kind: s.kind, detail: s.detail, path, range: rangeIn(lines, s.start, s.end) })),
    includes: new Set(model.includes.filter((i) => i.scope.file === model.file).map((i) => i.name)),
    snippet: model.isSnippet,
    lastYear: previousReportPath(model.header, path),
  };
}
