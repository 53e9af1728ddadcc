// 打开预览: the report as it prints — A4 pages from the server's layout (baogao/preview) — in one panel
// beside the editor that follows the active report (unless locked, like the Markdown preview), updates
// in place while typing, syncs scrolling both ways, jumps to the source on double-click, marks the
// diagnostics where they are, and has the export and print buttons (client/previewPage.ts).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { PreviewRequest } from '../server/lsp/protocol.js';
import { documentParams, errorMessage, request, requireDocument } from './documents.js';
import { Commands, LANGUAGE_ID, Views } from './ids.js';
import * as l10n from './l10n.js';
import { previewHtml, type PageMessage, type PreviewMessage } from './previewPage.js';
import { baseName } from './webview.js';

/** After typing stops: the server has the newest text by then (didChange is sent at once). */
export const PREVIEW_DELAY_MS = 60;

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): ReportPreview {
  const preview = new ReportPreview(client);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand(Commands.openPreview, async (uri?: vscode.Uri) => {
      const doc = await requireDocument(uri);
      if (doc) await preview.show(doc);
    }),
    vscode.commands.registerCommand(Commands.togglePreviewLock, () => preview.toggleLock()),
    vscode.window.registerWebviewPanelSerializer(Views.preview, {
      // A preview left open by the last session: closed (its report is opened again with the command).
      deserializeWebviewPanel: async (panel) => panel.dispose(),
    }),
  );
  return preview;
}

/** What the end-to-end tests read (command baogao.previewState). */
export interface PreviewState {
  uri: string | undefined;
  locked: boolean;
  version: number | undefined;
  pages: number;
  /** Milliseconds from the last change of the report to the page message being posted. */
  lastUpdateMs: number | undefined;
  /** Pages the last update carried (the others were unchanged). */
  pagesSent: number;
  /** The page has said it is ready and been sent every page (until then an update sends them all). */
  pageReady: boolean;
}

export class ReportPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private doc: vscode.TextDocument | undefined;
  private locked = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private asking: vscode.CancellationTokenSource | undefined;
  /** The server's name for the pages the page shows: the next answer sends only pages changed since. */
  private shownResultId: string | undefined;
  private changedAt: number | undefined;
  private readonly state: PreviewState = { uri: undefined, locked: false, version: undefined, pages: 0, lastUpdateMs: undefined, pagesSent: 0, pageReady: false };
  /** Echoes of our own scrolling are not passed back; the editor's top line is posted only when it moves. */
  private quietUntil = 0;
  private editorTop: number | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.doc) return;
        if (e.document === this.doc) {
          this.changedAt = Date.now();
          this.schedule(PREVIEW_DELAY_MS);
        } else if (e.document.languageId === LANGUAGE_ID) this.schedule(PREVIEW_DELAY_MS * 5); // a snippet it may include
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('baogao') && this.schedule(0)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && !this.locked && editor?.document.languageId === LANGUAGE_ID && editor.document !== this.doc) void this.follow(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const top = e.visibleRanges[0]?.start.line;
        if (e.textEditor.document !== this.doc || Date.now() < this.quietUntil || top === undefined || top === this.editorTop) return;
        this.editorTop = top;
        void this.post({ type: 'scrollTo', line: top });
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.doc && e.uris.some((u) => u.toString() === this.doc!.uri.toString())) this.postDiagnostics();
      }),
      vscode.commands.registerCommand(Commands.previewState, () => ({ ...this.state })),
    );
  }

  async show(doc: vscode.TextDocument): Promise<void> {
    if (!this.panel) {
      this.state.pageReady = false;
      this.panel = vscode.window.createWebviewPanel(Views.preview, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: true,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.doc = undefined;
        this.state.uri = undefined;
        clearTimeout(this.timer);
      });
      this.panel.webview.onDidReceiveMessage((m: PageMessage) => void this.onMessage(m));
      this.panel.webview.html = previewHtml(this.panel.webview.cspSource, randomBytes(16).toString('base64'), {
        exportDocx: l10n.t('导出 Word'), exportHtml: l10n.t('导出 HTML'), exportText: l10n.t('导出纯文本'), print: l10n.t('打印'),
        lock: l10n.t('锁定'), unlock: l10n.t('已锁定'), empty: l10n.t('这份报告还是空的：写上文头（@标题、@机关、@年度）和正文，这里就显示印出来的样子。'),
        problems: l10n.t('{0} 个问题'),
      });
    } else this.panel.reveal(undefined, true);
    await this.follow(doc);
  }

  /**
   * Has the writer's browser download a file (the print-ready page) through the preview: a webview may
   * download (its sandbox allows it) where it may not print. Opens the preview on `doc` when closed.
   */
  async download(doc: vscode.TextDocument, name: string, text: string): Promise<void> {
    if (!this.panel) await this.show(doc);
    else this.panel.reveal(undefined, true);
    await this.post({ type: 'download', name, text, mime: 'text/html' });
  }

  toggleLock(): void {
    this.locked = !this.locked;
    this.state.locked = this.locked;
    this.updateTitle();
    void this.post({ type: 'locked', locked: this.locked, title: this.locked ? l10n.t('预览固定显示这份报告；点击后跟随当前编辑器') : l10n.t('预览跟随当前编辑器；点击后固定显示这份报告') });
    if (!this.locked) {
      const active = vscode.window.activeTextEditor?.document;
      if (active?.languageId === LANGUAGE_ID && active !== this.doc) void this.follow(active);
    }
  }

  private async follow(doc: vscode.TextDocument): Promise<void> {
    this.doc = doc;
    this.shownResultId = undefined;
    this.editorTop = undefined;
    this.state.uri = doc.uri.toString();
    this.updateTitle();
    await this.update();
    this.postDiagnostics();
  }

  private updateTitle(): void {
    if (this.panel && this.doc) this.panel.title = `${this.locked ? '🔒 ' : ''}${l10n.t('预览：{0}', baseName(this.doc))}`;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    // The pages asked for are out of date: the server skips the request if it has not started it.
    this.asking?.cancel();
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const doc = this.doc;
    if (!doc || !this.panel) return;
    const generation = ++this.generation;
    try {
      const params: PreviewRequest.Params = { ...documentParams(this.client, doc), previousResultId: this.shownResultId };
      this.asking?.dispose();
      const asking = (this.asking = new vscode.CancellationTokenSource());
      const result = await request<PreviewRequest.Result>(this.client, PreviewRequest.method, params, asking.token);
      // A newer update started meanwhile, or the panel now shows another report.
      if (generation !== this.generation || doc !== this.doc) return;
      await this.post({ type: 'pages', pages: result.pages, empty: result.empty, width: result.width, linesPerPage: result.linesPerPage });
      this.shownResultId = result.resultId;
      this.state.version = result.version;
      this.state.pages = result.empty ? 0 : result.pages.length;
      this.state.pagesSent = result.pages.filter((p) => p !== null).length;
      if (this.changedAt !== undefined) this.state.lastUpdateMs = Date.now() - this.changedAt;
      this.changedAt = undefined;
    } catch (error) {
      const cancelled = error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
      if (generation === this.generation && !cancelled) await this.post({ type: 'error', message: l10n.t('无法显示：{0}', errorMessage(error)) });
    }
  }

  private postDiagnostics(): void {
    if (!this.doc) return;
    const severity = (s: vscode.DiagnosticSeverity) => (s === vscode.DiagnosticSeverity.Error ? 'error' : s === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info');
    const list = vscode.languages.getDiagnostics(this.doc.uri).map((d) => ({
      line: d.range.start.line,
      severity: severity(d.severity) as 'error' | 'warning' | 'info',
      message: `${typeof d.code === 'object' ? d.code.value : (d.code ?? '')} ${d.message}`.trim(),
    }));
    void this.post({ type: 'diagnostics', list });
  }

  private async post(message: PreviewMessage): Promise<void> {
    try {
      await this.panel?.webview.postMessage(message);
    } catch {
      // the panel was closed meanwhile
    }
  }

  private async onMessage(message: PageMessage): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    switch (message.type) {
      case 'ready':
        // A new page (or one that lost track): it shows nothing yet, so every page is sent.
        this.shownResultId = undefined;
        await this.update();
        this.state.pageReady = true;
        this.postDiagnostics();
        await this.post({ type: 'locked', locked: this.locked, title: '' });
        return;
      case 'reveal': {
        const position = new vscode.Position(Math.max(0, message.line), 0);
        const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ?? vscode.ViewColumn.One;
        await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(position, position) });
        return;
      }
      case 'scrolled': {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
        if (!editor || !Number.isInteger(message.line)) return;
        this.quietUntil = Date.now() + 200;
        this.editorTop = message.line;
        editor.revealRange(new vscode.Range(message.line, 0, message.line, 0), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'command': {
        const ids = { exportDocx: Commands.exportDocx, exportHtml: Commands.exportHtml, exportText: Commands.exportText, print: Commands.print, toggleLock: Commands.togglePreviewLock };
        const id = ids[message.command];
        if (id) await vscode.commands.executeCommand(id, ...(message.command === 'toggleLock' ? [] : [doc.uri]));
        return;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.asking?.dispose();
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
