// The open documents and their analysed models: a model is reused while neither its text nor anything
// it reads (snippets, last year's report, settings) has changed.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../grammar/index.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { checkReport } from '../language/checks/index.js';
import type { FileText } from '../language/features/navigation.js';
import type { ReportModel } from '../language/model.js';
import type { LanguageService } from '../language/service.js';
import type { Project, Projects } from './projects.js';
import { pathToUri, uriToPath } from './uri.js';

/** The open document at a core path, if any (the workspace overlays these on the disk). */
export function openDocumentAt(documents: TextDocuments<TextDocument>, path: string): TextDocument | undefined {
  for (const doc of documents.all()) if (uriToPath(doc.uri) === path) return doc;
  return undefined;
}

/** An open document's current version: its model and, once asked, the checker's findings under those settings. */
interface ModelEntry {
  version: number;
  generation: number;
  model: ReportModel;
  checked?: { settings: object; found: Diagnostic[] };
}

export class DocumentStore {
  /** Bumped when something every model may read changes: a snippet, settings, a file on disk. */
  private generation = 0;
  private readonly models = new Map<string, ModelEntry>();

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    readonly projects: Projects,
    /** Told before a document is analysed (and whether it is a file): the server lets its folders be read (see FileSystemWorkspace). */
    private readonly analysing: (path: string, onDisk: boolean) => void = () => undefined,
    /** Told after each analysis (the server traces it: one analysis per version, whoever asked first). */
    private readonly analysed: (uri: string, version: number, ms: number) => void = () => undefined,
    /** Told after a version's check (the server may rehearse keystrokes on it: rehearsal.ts). */
    private readonly checked: (doc: TextDocument) => void = () => undefined,
  ) {}

  /** The service of the editor's own settings (workspace-wide features); a report's own is `serviceFor`. */
  get service(): LanguageService {
    return this.projects.base.service;
  }

  /** The settings a report is checked and rendered with: its baogao.json over the editor's settings. */
  projectFor(path: string | undefined): Project {
    return this.projects.for(path);
  }

  serviceFor(path: string | undefined): LanguageService {
    return this.projects.for(path).service;
  }

  get(uri: unknown): TextDocument | undefined {
    return typeof uri === 'string' ? this.documents.get(uri) : undefined;
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  byPath(path: string): TextDocument | undefined {
    return openDocumentAt(this.documents, path);
  }

  /** The core path of a document (a URI that is not a file gets a path of its own). */
  pathOf(doc: TextDocument): string {
    return uriToPath(doc.uri) ?? `/${doc.uri}`;
  }

  /** The URI of a core path: the open document's own URI when it is open (the client's spelling). */
  uriFor(path: string): string {
    return this.byPath(path)?.uri ?? pathToUri(path);
  }

  /** A file's text: the editor's buffer when open, else the disk's; '' when unreadable. */
  textOf(path: string): string {
    return this.byPath(path)?.getText() ?? this.service.workspace.readFile(path) ?? '';
  }

  /** Line positions of a file, reusing the model's own index when the model is of that file. */
  linesOf(path: string, model?: ReportModel): LineIndex {
    return model && model.file.path === path ? model.file.lineIndex : new LineIndex(this.textOf(path));
  }

  modelFor(doc: TextDocument): ReportModel {
    return this.currentEntry(doc).model;
  }

  /** The entry of a document's current version, its model analysed when not yet. */
  private currentEntry(doc: TextDocument): ModelEntry {
    const hit = this.models.get(doc.uri);
    // The text too: a client may open a document again, or change it, without a new version number.
    if (hit && hit.version === doc.version && hit.generation === this.generation && hit.model.file.text === doc.getText()) return hit;
    // The stale model goes first: it is not needed to analyse the new version (the parse cache is), and
    // kept it would be live beside the new one (3 MB report: 15 MB more, doubled by the heap policy).
    this.models.delete(doc.uri);
    const path = this.pathOf(doc);
    this.analysing(path, uriToPath(doc.uri) !== undefined);
    const started = performance.now();
    const model = this.serviceFor(path).analyze(path, doc.getText());
    const entry: ModelEntry = { version: doc.version, generation: this.generation, model };
    this.models.set(doc.uri, entry);
    this.analysed(doc.uri, doc.version, performance.now() - started);
    return entry;
  }

  /**
   * The checker's findings for a document's current version: computed once per model and settings,
   * shared by diagnostics (pushed or pulled), quick fixes, formatting and the figures table.
   */
  diagnosticsFor(doc: TextDocument): Diagnostic[] {
    const entry = this.currentEntry(doc);
    const settings = this.serviceFor(entry.model.file.path).settings;
    if (entry.checked?.settings === settings) return entry.checked.found;
    const found = checkReport(entry.model, settings);
    entry.checked = { settings, found };
    this.checked(doc);
    return found;
  }

  /** A closed document: its model and its tree go, so that memory is released. */
  forget(uri: string): void {
    this.models.delete(uri);
    const path = uriToPath(uri);
    if (path) this.service.cache.forget(path);
  }

  /** Every model is stale: something they read (snippets, settings, files on disk) changed. */
  invalidateAll(): void {
    this.generation++;
    for (const service of this.projects.services()) service.snippets.invalidate();
  }

  /** Settings changed: models are re-analysed (snippet folders are re-read by the new settings). */
  invalidateModels(): void {
    this.generation++;
  }

  /** The .bg files under the workspace folders, and every open document, with their current text. */
  workspaceFiles(folders: readonly string[]): FileText[] {
    const paths = new Set<string>();
    for (const folder of folders) for (const path of this.service.workspace.findReports(folder)) paths.add(path);
    for (const doc of this.documents.all()) {
      const path = uriToPath(doc.uri);
      if (path) paths.add(path);
    }
    return [...paths].map((path) => ({ path, text: this.textOf(path) }));
  }
}
