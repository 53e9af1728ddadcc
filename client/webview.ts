// A webview panel that follows one report: re-rendered (debounced) when the report or the settings
// change, stale renders dropped, no scripts (Content-Security-Policy without script-src).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { errorMessage } from './documents.js';
import * as l10n from './l10n.js';

export const UPDATE_DELAY_MS = 300;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The policy every page gets: styles inline or from the extension, images, no scripts, no frames. */
export function contentSecurityPolicy(webview: vscode.Webview): string {
  return [`default-src 'none'`, `style-src ${webview.cspSource} 'unsafe-inline'`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`].join('; ');
}

/** Puts the policy into a complete HTML document (first thing in <head>), or wraps a fragment in one. */
export function withPolicy(html: string, policy: string, title = ''): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`;
  if (/<head[\s>]/i.test(html)) return html.replace(/<head(\s[^<>]*)?>/i, (head) => `${head}\n${meta}`);
  if (/<html[\s>]/i.test(html)) return html.replace(/<html(\s[^<>]*)?>/i, (tag) => `${tag}\n<head>${meta}</head>`);
  return `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n${meta}\n<title>${escapeHtml(title)}</title>\n${BASE_STYLE}\n</head>\n<body>\n${html}\n</body>\n</html>\n`;
}

/** For pages the client builds: follow the editor's theme. */
const BASE_STYLE = `<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 2em; line-height: 1.6; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background); position: sticky; top: 0; }
td.number { text-align: right; white-space: nowrap; }
tr.problem td { background: var(--vscode-inputValidation-errorBackground, #f003); }
code { font-family: var(--vscode-editor-font-family); }
.muted { color: var(--vscode-descriptionForeground); }
.error { color: var(--vscode-errorForeground); }
a { color: var(--vscode-textLink-foreground); }
pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family); }
</style>`;

export interface LiveWebviewOptions {
  viewType: string;
  title: (doc: vscode.TextDocument) => string;
  /** Commands the page may link to (command: URIs); none by default. */
  commandUris?: readonly string[];
  /** Builds the page (a complete HTML document or a fragment). */
  render: (doc: vscode.TextDocument, webview: vscode.Webview) => Promise<string>;
}

/** One panel per report and kind; `show` creates or reveals it. */
export class LiveWebviews implements vscode.Disposable {
  private readonly panels = new Map<string, LivePanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly options: LiveWebviewOptions) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        const own = this.panels.get(e.document.uri.toString());
        if (own) own.schedule();
        // A snippet or last year's report changed: every open page may show it.
        else if (e.document.languageId === 'baogao') for (const panel of this.panels.values()) panel.schedule(UPDATE_DELAY_MS * 2);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('baogao')) for (const panel of this.panels.values()) panel.schedule();
      }),
    );
  }

  async show(doc: vscode.TextDocument): Promise<vscode.WebviewPanel> {
    const key = doc.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.schedule(0);
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      this.options.viewType,
      this.options.title(doc),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableForms: false, enableCommandUris: this.options.commandUris ?? false, localResourceRoots: [] },
    );
    const live = new LivePanel(doc, panel, this.options);
    this.panels.set(key, live);
    panel.onDidDispose(() => {
      live.dispose();
      this.panels.delete(key);
    });
    await live.update();
    return panel;
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

class LivePanel {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    readonly doc: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly options: LiveWebviewOptions,
  ) {}

  schedule(delay = UPDATE_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const webview = this.panel.webview;
    let html: string;
    try {
      html = await this.options.render(this.doc, webview);
    } catch (error) {
      html = `<p class="error">${escapeHtml(l10n.t('无法显示：{0}', errorMessage(error)))}</p>`;
    }
    // A newer update started meanwhile: it will show its own result.
    if (generation !== this.generation) return;
    try {
      webview.html = withPolicy(html, contentSecurityPolicy(webview), this.options.title(this.doc));
    } catch {
      // the panel was closed meanwhile
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.generation++;
  }
}

export const baseName = (doc: vscode.TextDocument) => path.basename(doc.uri.path) || doc.uri.toString();
