// The language server: one short handler per request, converting positions and URIs and delegating
// to the pure features in server/language/features/. The only module (with main.ts) that speaks LSP.
import { readdirSync } from 'node:fs';
import {
  CodeActionKind, CompletionItemKind, DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, FoldingRangeKind,
  InlayHintKind, LSPErrorCodes, ResponseError, ErrorCodes, SemanticTokensBuilder, SymbolKind, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type Connection, type Diagnostic as LspDiagnostic, type InitializeResult, type Location as LspLocation,
  type CancellationToken, type Position, type Range as LspRange, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { LineIndex } from '../../grammar/index.js';
import { checkReport } from '../language/check.js';
import { quickFixes, numberToFigure, extractSnippet, type CodeAction as FeatureAction } from '../language/features/codeActions.js';
import { complete, type CompletionKind } from '../language/features/completion.js';
import { foldingRanges } from '../language/features/folding.js';
import { formatRange, formatText, minimalEdit } from '../language/features/formatting.js';
import { hover } from '../language/features/hover.js';
import { inlayHints } from '../language/features/inlayHints.js';
import { documentLinks } from '../language/features/links.js';
import { definition, prepareRename, references, rename, type FileText } from '../language/features/navigation.js';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../language/features/semanticTokens.js';
import { documentSymbols, workspaceSymbols, type DocumentSymbol as FeatureSymbol, type SymbolKind as FeatureKind } from '../language/features/symbols.js';
import type { ReportModel } from '../language/model.js';
import { LanguageService } from '../language/service.js';
import { formatNumber, formatValue } from '../language/values.js';
import { OUTPUT_FORMATS, render, type OutputFormat } from '../../templates/render.js';
import { FileSystemWorkspace, toOsPath } from '../node/fsWorkspace.js';
import { citationRegistry } from '../language/checks/citations.js';
import { CheckWorkspaceRequest, FiguresRequest, RenderRequest, type FigureRow, type PlainDiagnostic } from './protocol.js';
import { toServerSettings, type ServerSettings } from './settings.js';
import { pathToUri, uriToPath } from './uri.js';

export const DIAGNOSTIC_DELAY_MS = 200;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = toServerSettings({});
  const workspace = new FileSystemWorkspace((path) => openByPath(path)?.getText());
  const service = new LanguageService(workspace, settings.service);
  let folders: string[] = [];
  let configurationSupport = false;
  let progressSupport = false;
  let watchRegistration = false;
  let generation = 0;
  const models = new Map<string, { version: number; generation: number; model: ReportModel }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Diagnostics published to a URI, by the open document whose check produced them. */
  const published = new Map<string, Map<string, LspDiagnostic[]>>();

  // ---------- documents, paths, models

  function openByPath(path: string): TextDocument | undefined {
    for (const doc of documents.all()) if (uriToPath(doc.uri) === path) return doc;
    return undefined;
  }
  const uriFor = (path: string) => openByPath(path)?.uri ?? pathToUri(path);
  const textOf = (path: string) => openByPath(path)?.getText() ?? workspace.readFile(path) ?? '';

  function modelFor(doc: TextDocument): ReportModel {
    const hit = models.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === generation) return hit.model;
    const model = service.analyze(uriToPath(doc.uri) ?? `/${doc.uri}`, doc.getText());
    models.set(doc.uri, { version: doc.version, generation, model });
    return model;
  }

  function invalidateAll() {
    generation++;
    service.snippets.invalidate();
  }

  /** Runs a handler on an open document; unknown documents and failures give the fallback. */
  function withDocument<T>(uri: unknown, fallback: T, run: (doc: TextDocument, model: ReportModel) => T): T {
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) return fallback;
    return run(doc, modelFor(doc));
  }

  function guard<P, T>(name: string, fallback: T, handler: (params: P) => T): (params: P) => T {
    return (params: P) => {
      try {
        return handler(params);
      } catch (error) {
        connection.console.error(`baogao ${name}: ${(error as Error)?.stack ?? String(error)}`);
        return fallback;
      }
    };
  }

  const offsetOf = (doc: TextDocument, position: unknown): number => {
    const p = position as Position | undefined;
    if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') throw new ResponseError(ErrorCodes.InvalidParams, '缺少位置参数');
    return doc.offsetAt({ line: Math.max(0, Math.min(p.line, 2 ** 31 - 1)), character: Math.max(0, Math.min(p.character, 2 ** 31 - 1)) });
  };
  const rangeIn = (lines: LineIndex, start: number, end: number): LspRange => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
  const linesOf = (path: string, model?: ReportModel): LineIndex => (model && model.file.path === path ? model.file.lineIndex : new LineIndex(textOf(path)));
  const location = (l: { path: string; start: number; end: number }, model?: ReportModel): LspLocation => ({ uri: uriFor(l.path), range: rangeIn(linesOf(l.path, model), l.start, l.end) });

  // ---------- diagnostics

  const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
  };

  function schedule(uri: string, delay = DIAGNOSTIC_DELAY_MS) {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      validate(uri);
    }, delay));
  }

  function scheduleAll() {
    for (const doc of documents.all()) schedule(doc.uri);
  }

  function validate(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    try {
      const model = modelFor(doc);
      const found = checkReport(model, service.settings);
      // A newer edit arrived while checking: its own check will publish.
      if (documents.get(uri)?.version !== version) return;
      const byUri = new Map<string, LspDiagnostic[]>([[uri, []]]);
      for (const d of found) {
        const path = d.uri && d.uri !== model.file.path ? d.uri : undefined;
        const target = path ? uriFor(path) : uri;
        const lines = path ? linesOf(path) : model.file.lineIndex;
        const list = byUri.get(target) ?? [];
        list.push({ range: rangeIn(lines, d.start, d.end), severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error, code: d.code, source: 'baogao', message: d.message });
        byUri.set(target, list);
      }
      // Forget what this document published elsewhere before, then publish every affected URI.
      const affected = new Set(byUri.keys());
      for (const [target, owners] of published) if (owners.delete(uri)) affected.add(target);
      for (const [target, list] of byUri) {
        let owners = published.get(target);
        if (!owners) published.set(target, (owners = new Map()));
        owners.set(uri, list);
      }
      for (const target of affected) publish(target);
    } catch (error) {
      connection.console.error(`baogao diagnostics: ${(error as Error)?.stack ?? String(error)}`);
    }
  }

  function publish(target: string) {
    const owners = published.get(target);
    const seen = new Set<string>();
    const diagnostics: LspDiagnostic[] = [];
    for (const list of owners?.values() ?? []) {
      for (const d of list) {
        const key = `${d.code}:${d.range.start.line}:${d.range.start.character}:${d.message}`;
        if (!seen.has(key)) (seen.add(key), diagnostics.push(d));
      }
    }
    if (owners && owners.size === 0) published.delete(target);
    const doc = documents.get(target);
    void connection.sendDiagnostics({ uri: target, diagnostics, ...(doc ? { version: doc.version } : {}) });
  }

  const isSnippetText = (text: string) => /^(?:\s*(?:\/\/[^\n]*)?\n)*\s*[@＠](?:片段|snippet)(?:\s|$)/.test(text);

  documents.onDidChangeContent((event) => {
    const path = uriToPath(event.document.uri);
    if (isSnippetText(event.document.getText()) || (path && /\/(snippets|片段)\/[^/]+$/.test(path))) {
      invalidateAll();
      scheduleAll();
    } else schedule(event.document.uri);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    models.delete(uri);
    const affected = new Set<string>([uri]);
    for (const [target, owners] of published) if (owners.delete(uri)) affected.add(target);
    for (const target of affected) {
      const owners = published.get(target);
      if (target === uri || !owners || owners.size === 0) {
        published.delete(target);
        void connection.sendDiagnostics({ uri: target, diagnostics: [] });
      } else publish(target);
    }
    // The buffer is gone: snippets and reports read from disk again.
    invalidateAll();
    scheduleAll();
  });

  // ---------- settings and watched files

  async function loadSettings() {
    if (!configurationSupport) return;
    try {
      const raw: unknown = await connection.workspace.getConfiguration('baogao');
      settings = toServerSettings(raw);
      service.updateSettings(settings.service);
      generation++;
    } catch (error) {
      connection.console.error(`baogao settings: ${String(error)}`);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities ?? {};
    configurationSupport = !!caps.workspace?.configuration;
    progressSupport = !!caps.window?.workDoneProgress;
    watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (folders.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders = [root];
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: '报告' },
        workspaceSymbolProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['@', '＠', '{', '｛', '#', '＃', ' ', '《', '='], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.RefactorExtract], resolveProvider: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true, range: false },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: false } },
      },
      serverInfo: { name: 'baogao', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.bg' }] }).catch(() => undefined);
    }
    await loadSettings();
    scheduleAll();
  });

  connection.onDidChangeConfiguration(async () => {
    await loadSettings();
    invalidateAll();
    scheduleAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.type === FileChangeType.Created || c.type === FileChangeType.Deleted || c.type === FileChangeType.Changed)) {
      invalidateAll();
      scheduleAll();
    }
  });

  // ---------- files of the workspace (workspace symbols, snippet references and renames)

  function workspaceFiles(): FileText[] {
    const paths = new Set<string>();
    const walk = (folder: string, depth: number) => {
      if (depth > 5 || paths.size > 2000) return;
      let entries: import('node:fs').Dirent[];
      try {
        entries = readdirSync(toOsPath(folder), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const child = `${folder.replace(/\/$/, '')}/${e.name}`;
        if (e.isDirectory()) walk(child, depth + 1);
        else if (e.isFile() && e.name.endsWith('.bg')) paths.add(child);
      }
    };
    for (const folder of folders) walk(folder, 0);
    for (const doc of documents.all()) {
      const p = uriToPath(doc.uri);
      if (p) paths.add(p);
    }
    return [...paths].map((path) => ({ path, text: textOf(path) }));
  }

  // ---------- requests

  const SYMBOL_KIND: Record<FeatureKind, SymbolKind> = {
    heading: SymbolKind.Namespace, figure: SymbolKind.Variable, constant: SymbolKind.Constant, snippet: SymbolKind.Module, label: SymbolKind.Key,
  };

  connection.onDocumentSymbol(guard('documentSymbol', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (_doc, model) => {
      const convert = (s: FeatureSymbol): import('vscode-languageserver').DocumentSymbol => ({
        name: s.name || '（空）',
        detail: s.detail,
        kind: SYMBOL_KIND[s.kind],
        range: rangeIn(model.file.lineIndex, s.start, s.end),
        selectionRange: rangeIn(model.file.lineIndex, s.selectionStart, s.selectionEnd),
        children: s.children.map(convert),
      });
      return documentSymbols(model).map(convert);
    })));

  connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (params) => {
    const query = typeof params?.query === 'string' ? params.query : '';
    const analysed = workspaceFiles().map((f) => service.analyze(f.path, f.text));
    return workspaceSymbols(analysed, query).slice(0, 500).map((s) => ({
      name: s.name, kind: SYMBOL_KIND[s.kind], containerName: s.detail, location: location(s, analysed.find((m) => m.file.path === s.path)),
    }));
  }));

  connection.onHover(guard('hover', null, (params) =>
    withDocument(params?.textDocument?.uri, null, (doc, model) => {
      const result = hover(model, offsetOf(doc, params.position), citationRegistry(service.settings.checks));
      return result ? { contents: { kind: 'markdown', value: result.markdown }, range: rangeIn(model.file.lineIndex, result.start, result.end) } : null;
    })));

  const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
    keyword: CompletionItemKind.Keyword, value: CompletionItemKind.Value, figure: CompletionItemKind.Variable, constant: CompletionItemKind.Constant,
    unit: CompletionItemKind.Unit, snippet: CompletionItemKind.Module, parameter: CompletionItemKind.Property, citation: CompletionItemKind.Reference,
    label: CompletionItemKind.Reference, heading: CompletionItemKind.Text,
  };

  connection.onCompletion(guard('completion', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (doc, model) => {
      const items = complete(service, model, offsetOf(doc, params.position), { today: new Date(), citations: citationRegistry(service.settings.checks) });
      return items.map((item, i) => ({
        label: item.label,
        kind: COMPLETION_KIND[item.kind],
        ...(item.detail ? { detail: item.detail } : {}),
        sortText: String(i).padStart(4, '0'),
        textEdit: { range: rangeIn(model.file.lineIndex, item.start, item.end), newText: item.insertText ?? item.label },
      }));
    })));

  connection.onDefinition(guard('definition', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (doc, model) => definition(service, model, offsetOf(doc, params.position)).map((l) => location(l, model)))));

  connection.onReferences(guard('references', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (doc, model) =>
      references(service, model, offsetOf(doc, params.position), params.context?.includeDeclaration !== false, workspaceFiles()).map((l) => location(l, model)))));

  connection.onPrepareRename((params) => {
    try {
      return withDocument(params?.textDocument?.uri, null, (doc, model) => {
        const result = prepareRename(model, offsetOf(doc, params.position));
        if (!result.ok) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
        return { range: rangeIn(model.file.lineIndex, result.range.start, result.range.end), placeholder: result.placeholder };
      });
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`baogao prepareRename: ${String(error)}`);
      return null;
    }
  });

  connection.onRenameRequest((params) => {
    try {
      return withDocument(params?.textDocument?.uri, null, (doc, model): WorkspaceEdit | null => {
        const edits = rename(service, model, offsetOf(doc, params.position), String(params.newName ?? ''), workspaceFiles());
        if (typeof edits === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, edits);
        return { changes: groupEdits(edits, model) };
      });
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`baogao rename: ${String(error)}`);
      return null;
    }
  });

  function groupEdits(edits: ReadonlyArray<{ path: string; start: number; end: number; newText: string }>, model?: ReportModel): Record<string, LspTextEdit[]> {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const e of edits) {
      const uri = uriFor(e.path);
      (changes[uri] ??= []).push({ range: rangeIn(linesOf(e.path, model), e.start, e.end), newText: e.newText });
    }
    return changes;
  }

  connection.onCodeAction(guard('codeAction', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (doc, model) => {
      const start = offsetOf(doc, params.range?.start);
      const end = offsetOf(doc, params.range?.end);
      const range = { start: Math.min(start, end), end: Math.max(start, end) };
      const only = params.context?.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const actions: FeatureAction[] = [];
      if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(model, checkReport(model, service.settings), range));
      if (wants(CodeActionKind.RefactorRewrite)) {
        const a = numberToFigure(model, range);
        if (a) actions.push(a);
      }
      if (wants(CodeActionKind.RefactorExtract)) {
        const a = extractSnippet(model, range, (p) => workspace.readFile(p) !== undefined);
        if (a) actions.push(a);
      }
      return actions.map((a): CodeAction => {
        const action: CodeAction = { title: a.title, kind: a.kind };
        if (a.isPreferred) action.isPreferred = true;
        if (a.diagnostic) {
          action.diagnostics = [{ range: rangeIn(model.file.lineIndex, a.diagnostic.start, a.diagnostic.end), code: a.diagnostic.code, source: 'baogao', message: a.diagnostic.message, severity: SEVERITY[a.diagnostic.severity] }];
        }
        if (a.createFiles?.length) {
          const created = new Set(a.createFiles);
          action.edit = {
            documentChanges: [
              ...a.createFiles.map((path) => ({ kind: 'create' as const, uri: uriFor(path), options: { ignoreIfExists: false, overwrite: false } })),
              ...Object.entries(groupEdits(a.edits.map((e) => (created.has(e.path) ? { ...e, start: 0, end: 0 } : e)), model)).map(([uri, edits]) => ({
                textDocument: { uri, version: uri === doc.uri ? doc.version : null }, edits,
              })),
            ],
          };
        } else action.edit = { changes: groupEdits(a.edits, model) };
        return action;
      });
    })));

  const safeDiagnostics = (path: string) => (text: string) => checkReport(service.analyze(path, text), service.settings);

  connection.onDocumentFormatting(guard('formatting', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (doc, model) => {
      const before = doc.getText();
      const edit = minimalEdit(before, formatText(before, safeDiagnostics(model.file.path)));
      return edit ? [{ range: rangeIn(model.file.lineIndex, edit.start, edit.end), newText: edit.newText }] : [];
    })));

  connection.onDocumentRangeFormatting(guard('rangeFormatting', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (doc, model) => {
      const edit = formatRange(doc.getText(), offsetOf(doc, params.range?.start), offsetOf(doc, params.range?.end), safeDiagnostics(model.file.path));
      return edit ? [{ range: rangeIn(model.file.lineIndex, edit.start, edit.end), newText: edit.newText }] : [];
    })));

  connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, (params) =>
    withDocument(params?.textDocument?.uri, { data: [] }, (_doc, model) => {
      const builder = new SemanticTokensBuilder();
      for (const t of semanticTokens(model.file.document, model.file.text)) {
        const p = model.file.lineIndex.positionAt(t.start);
        builder.push(p.line, p.character, t.end - t.start, TOKEN_TYPES.indexOf(t.type), t.declaration ? 1 : 0);
      }
      return builder.build();
    })));

  connection.onFoldingRanges(guard('foldingRanges', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (_doc, model) =>
      foldingRanges(model.file.document, model.file.lineIndex, model.file.text).map((f) => ({
        startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
      })))));

  connection.onDocumentLinks(guard('documentLinks', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (_doc, model) =>
      documentLinks(model).map((l) => ({ range: rangeIn(model.file.lineIndex, l.start, l.end), target: uriFor(l.path), tooltip: l.tooltip })))));

  connection.languages.inlayHint.on(guard('inlayHint', [], (params) =>
    withDocument(params?.textDocument?.uri, [], (doc, model) => {
      const start = params.range ? offsetOf(doc, params.range.start) : 0;
      const end = params.range ? offsetOf(doc, params.range.end) : doc.getText().length;
      return inlayHints(model, start, end).map((h) => ({
        position: model.file.lineIndex.positionAt(h.offset),
        label: h.label,
        kind: h.kind === 'value' ? InlayHintKind.Type : InlayHintKind.Parameter,
        paddingLeft: h.kind === 'value',
      }));
    })));

  // ---------- baogao's own requests (server/lsp/protocol.ts)

  const openDocument = (params: unknown): TextDocument => {
    const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `文档未打开：${String(uri)}`);
    return doc;
  };

  connection.onRequest(RenderRequest.method, (params: RenderRequest.Params): RenderRequest.Result => {
    const doc = openDocument(params);
    const formats: readonly string[] = OUTPUT_FORMATS;
    const format = params.format === 'preview' ? (formats.includes('html') ? 'html' : 'md') : params.format;
    if (!formats.includes(format)) throw new ResponseError(ErrorCodes.InvalidParams, `不支持的格式“${String(format)}”（可用：${formats.join('、')}）`);
    const width = typeof params.width === 'number' && params.width >= 8 && params.width <= 200 ? params.width : settings.lineWidth;
    const templateFolders = Array.isArray(params.templateFolders) ? params.templateFolders.filter((f): f is string => typeof f === 'string') : [];
    const text = render(modelFor(doc), format as OutputFormat, { width, pages: params.pages === true, templateFolders });
    return { format, text, formats: [...formats] };
  });

  connection.onRequest(FiguresRequest.method, (params: FiguresRequest.Params): FiguresRequest.Result => {
    const doc = openDocument(params);
    const model = modelFor(doc);
    const found = checkReport(model, service.settings);
    const figures = model.figures.allDefinitions.map((d): FigureRow => {
      const file = d.scope.file;
      const source = (s: { start: number; end: number } | undefined) => (s ? file.text.slice(s.start, s.end) : null);
      const percent = d.value?.type === 'number' && d.value.percent;
      return {
        name: d.name,
        value: d.value ? formatValue(d.value) : null,
        formula: d.body.value && d.body.value.kind !== 'quantity' ? `${source(d.body.value)}${d.body.percent ? ' %' : ''}` : null,
        check: source(d.body.check),
        computed: d.computed === undefined ? null : percent ? `${formatNumber(d.computed * 100, 4)}%` : formatNumber(d.computed, 4),
        hidden: d.hidden,
        used: d.used,
        problems: found.filter((x) => (x.uri ?? model.file.path) === file.path && x.start >= d.node.start && x.end <= d.node.end).map((x) => ({ code: x.code, message: x.message })),
        location: { uri: uriFor(file.path), ...file.lineIndex.positionAt(d.node.start) },
      };
    });
    return { uri: doc.uri, title: model.header.values.标题?.text ?? null, kind: model.header.kind ?? null, figures };
  });

  connection.onRequest(CheckWorkspaceRequest.method, async (params: CheckWorkspaceRequest.Params, token): Promise<CheckWorkspaceRequest.Result> => {
    const files = new Map<string, PlainDiagnostic[]>();
    const all = workspaceFiles();
    // Progress through the library: the client's own token when it sent one, else one the server asks for.
    const progress = params?.workDoneToken !== undefined || !progressSupport
      ? connection.window.attachWorkDoneProgress(params?.workDoneToken)
      : await connection.window.createWorkDoneProgress();
    progress.begin('检查工作区', 0, `共 ${all.length} 个文件`, true);
    try {
      for (const [index, f] of all.entries()) {
        // Between files: let edits, other requests and a cancellation in.
        await new Promise((resolve) => setImmediate(resolve));
        if (token.isCancellationRequested || ('token' in progress && (progress as { token: CancellationToken }).token.isCancellationRequested)) {
          throw new ResponseError(LSPErrorCodes.RequestCancelled, '已取消');
        }
        progress.report(Math.round((index / Math.max(1, all.length)) * 100), f.path.slice(f.path.lastIndexOf('/') + 1));
        checkOne(f);
      }
    } finally {
      progress.done();
    }
    return { files: [...files].map(([uri, diagnostics]) => ({ uri, diagnostics })) };

    function checkOne(f: FileText) {
      if (openByPath(f.path)) return;
      const model = service.analyze(f.path, f.text);
      if (!files.has(uriFor(f.path))) files.set(uriFor(f.path), []);
      for (const d of checkReport(model, service.settings)) {
        const path = d.uri ?? f.path;
        if (openByPath(path)) continue;
        const list = files.get(uriFor(path)) ?? [];
        const range = rangeIn(linesOf(path, model), d.start, d.end);
        // A snippet included by several reports: its problems once.
        if (!list.some((x) => x.code === d.code && x.message === d.message && x.range.start.line === range.start.line && x.range.start.character === range.start.character)) {
          list.push({ range, severity: SEVERITY[d.severity] ?? 1, code: d.code, source: 'baogao', message: d.message });
        }
        files.set(uriFor(path), list);
      }
    }
  });

  documents.listen(connection);
  connection.listen();
}
