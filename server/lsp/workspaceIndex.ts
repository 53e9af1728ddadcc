// The workspace index: for every report of the workspace folders, a summary — its symbols with their LSP
// locations, the snippets it includes, whether it is a snippet, last year's report it reads, and once
// checked, its problems — built once and kept current by file watching and by the open documents, so
// workspace symbols, references and renames of snippets, and a repeated workspace check neither re-read
// nor re-analyse every file. It keeps summaries, not models: each file's syntax tree is dropped as soon as
// it is summarised, so memory grows with symbols and problems, not with syntax trees. With a place to keep
// it (IndexMemory), the summaries outlive the session: the next one takes each report whose file, and every
// file its summary read, is unchanged, and analyses only the others.
import type { SymbolInformation } from 'vscode-languageserver';
import { LineIndex } from '../../grammar/index.js';
import type { FileText } from '../language/features/navigation.js';
import { fileSymbols, nameMatcher, type SymbolKind as FeatureKind } from '../language/features/symbols.js';
import { previousReportPath } from '../language/header.js';
import { LanguageService } from '../language/service.js';
import type { Workspace } from '../language/workspace.js';
import type { DocumentStore } from './documents.js';
import { keptSummary, type IndexMemory, type KeptSummary } from './indexMemory.js';
import { rangeIn } from './convert.js';
import type { LongWork } from './requests.js';

export interface IndexedSymbol {
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
  /** The summaries that can be kept for the next session (not those of open documents, or read from one). */
  private readonly kept = new Map<string, KeptSummary>();
  private loaded = false;
  private keptChanged = false;
  /** This refresh's work: summaries taken from the last session, files analysed. */
  private work = { taken: 0, analysed: 0 };
  /**
   * What workspace requests found of each file (its problems, its figures for collect: the caller's
   * conversion of them), by what and path, with the files they depend on.
   */
  private readonly found = new Map<string, { found: unknown; reads: ReadonlySet<string> }>();
  private readonly stale = new Set<string>();
  private built = false;

  constructor(
    private readonly store: DocumentStore,
    /** The report paths under the workspace folders (a walk of the folders). */
    private readonly listReports: () => string[],
    /** Whether that walk would list a path (a file the client says changed may be any file, anywhere). */
    private readonly listable: (path: string) => boolean,
    /** True when the client tells us about file changes (workspace/didChangeWatchedFiles): else every query re-walks. */
    private readonly watched: () => boolean,
    /** Told after each refresh, with how many summaries it took from the last session and how many files it analysed (the server fits its heap policy to the workspace's size). */
    private readonly refreshed: (work: { taken: number; analysed: number }) => void = () => undefined,
    /** Where the summaries are kept between sessions, if anywhere. */
    private readonly memory?: IndexMemory,
  ) {}

  /** How many files the index summarises. */
  get size(): number {
    return this.files.size;
  }

  /** A file changed (on disk or in an open buffer), was created or deleted: summarise it again on the next query. */
  changed(path: string): void {
    // Only a report of the index is summarised again: a baogao.json, a text file or a file outside the
    // workspace the client tells of (it watches baogao.json too) was analysed as a report, and checking
    // the workspace listed “syntax errors” of baogao.json.
    if (this.files.has(path) || this.isOpen(path) || this.listable(path)) this.stale.add(path);
    // A report's figure values may come from last year's report: those reading this one are summarised again.
    for (const [file, summary] of this.files) if (summary.lastYear === path) this.stale.add(file);
    for (const [key, entry] of this.found) if (entry.reads.has(path)) this.found.delete(key);
  }

  /** Settings or snippets changed: every summary may differ (heading numbers, snippet names, problems). */
  invalidate(): void {
    this.built = false;
    this.forgetFound();
  }

  /**
   * A baogao.json changed: what requests found in the files under it (checked with its settings) goes; the
   * summaries stay (they are made with the editor's own settings).
   */
  forgetFound(): void {
    this.found.clear();
  }

  /**
   * What a workspace request finds in a closed file (`what`: its problems, its figures…): remembered from
   * the last time while nothing it reads has changed (`reads` includes the file itself).
   */
  foundIn<T>(what: 'problems' | 'figures', path: string, find: () => { found: T; reads: ReadonlySet<string> }): T {
    if (!this.watched()) return find().found;
    const key = `${what}\u0000${path}`;
    let entry = this.found.get(key);
    if (!entry) this.found.set(key, (entry = find()));
    return entry.found as T;
  }

  /** The files that include a snippet of this name, with their current text (references, renames). */
  filesIncluding(name: string): FileText[] {
    this.refresh();
    const out: FileText[] = [];
    for (const [path, summary] of this.files) if (summary.includes.has(name)) out.push({ path, text: this.store.textOf(path) });
    return out;
  }

  /** The reports with an `@上年` where `affected` says yes of the report or of the report it reads. */
  lastYearReaders(affected: (path: string) => boolean): string[] {
    this.refresh();
    const out: string[] = [];
    for (const [path, summary] of this.files) if (summary.lastYear && (affected(path) || affected(summary.lastYear))) out.push(path);
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
    this.startRefresh();
    for (const path of [...this.stale]) this.summarize(path);
    this.endRefresh();
  }

  /**
   * The same as the refresh before a request, a file at a time: cancellable, letting edits in (requests.ts).
   * Gives every file of the workspace (and every open document), with whether it is a snippet: asked
   * again, a client that does not watch files would have the whole workspace summarised a second time.
   */
  async refreshGently(work: LongWork): Promise<Array<{ path: string; snippet: boolean }>> {
    this.startRefresh();
    for (const path of [...this.stale]) {
      await work.pause();
      this.summarize(path);
    }
    this.endRefresh();
    return [...this.files].map(([path, summary]) => ({ path, snippet: summary.snippet }));
  }

  /** Marks what is to be summarised again. */
  private startRefresh(): void {
    if (!this.built || !this.watched()) {
      this.files.clear();
      this.stale.clear();
      for (const path of this.listReports()) this.stale.add(path);
      for (const doc of this.store.all()) this.stale.add(this.store.pathOf(doc));
      this.built = true;
      // Kept summaries of files no longer listed go; those of the last session that still hold come back.
      this.kept.clear();
      this.keptChanged = true;
      this.takeKept();
    }
  }

  private endRefresh(): void {
    if (this.memory && this.keptChanged && this.watched()) this.memory.save(this.kept);
    this.keptChanged = false;
    const work = this.work;
    this.work = { taken: 0, analysed: 0 };
    this.refreshed(work);
  }

  /**
   * Once a session, when the client tells us of file changes (else every query lists the folders again):
   * the last session's summaries of the files to summarise whose file and reads are as they were then.
   */
  private takeKept(): void {
    if (!this.memory || this.loaded || !this.watched()) return;
    this.loaded = true;
    const last = this.memory.load();
    if (!last) return;
    const stamps = new Map<string, string>();
    const stampOf = (path: string) => {
      let stamp = stamps.get(path);
      if (stamp === undefined) stamps.set(path, (stamp = this.memory!.stamp(path)));
      return stamp;
    };
    for (const path of this.stale) {
      const kept = keptSummary(last.get(path), path);
      if (!kept || this.isOpen(path) || stampOf(path) !== kept.stamp) continue;
      if (!kept.reads.every(([read, stamp]) => !this.isOpen(read) && stampOf(read) === stamp)) continue;
      this.files.set(path, { ...kept.summary, includes: new Set(kept.summary.includes), lastYear: kept.summary.lastYear ?? undefined });
      this.kept.set(path, kept);
      this.stale.delete(path);
      this.work.taken++;
    }
  }

  private isOpen(path: string): boolean {
    return this.store.byPath(path) !== undefined;
  }

  /**
   * Summarises one file with a service of its own, dropped after it (its tree and the snippets it parsed
   * go with it), whose reads are all this file's: a service shared by files would read a snippet once
   * for all of them, and the files after the first would not know that they depend on it.
   */
  private summarize(path: string): void {
    this.stale.delete(path);
    // Stamped before it is read: a change while it is analysed makes the kept summary stale, not wrong.
    const stamp = this.memory?.stamp(path);
    const text = this.store.byPath(path)?.getText() ?? this.store.service.workspace.readFile(path);
    const reads = new Set<string>();
    const service = new LanguageService(recording(this.store.service.workspace, reads), this.store.service.settings);
    // A file that is there but cannot be read (beyond 10 MB) stays listed: checking the workspace says why.
    const gone = text === undefined && (this.store.service.workspace.whyUnreadable?.(path) ?? '文件不存在') === '文件不存在';
    if (gone) this.files.delete(path);
    else this.files.set(path, summarise(service, path, text ?? ''));
    this.work.analysed++;
    this.keptChanged = this.kept.delete(path) || this.keptChanged;
    const summary = this.files.get(path);
    if (!this.memory || stamp === undefined || !summary || this.isOpen(path) || [...reads].some((read) => this.isOpen(read))) return;
    const plain = { symbols: summary.symbols, includes: [...summary.includes], snippet: summary.snippet, lastYear: summary.lastYear ?? null };
    this.kept.set(path, { stamp, reads: [...reads].map((read) => [read, this.memory!.stamp(read)]), summary: plain });
    this.keptChanged = true;
  }
}

/** The workspace, noting each file read and folder listed (what a kept summary depends on). */
function recording(workspace: Workspace, reads: Set<string>): Workspace {
  return {
    readFile: (path) => (reads.add(path), workspace.readFile(path)),
    listReports: (folder) => (reads.add(folder), workspace.listReports(folder)),
    findReports: (folder) => (reads.add(folder), workspace.findReports(folder)),
    whyUnreadable: workspace.whyUnreadable && ((path) => workspace.whyUnreadable!(path)),
  };
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
