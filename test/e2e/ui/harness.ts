// Playwright harness for driving the VS Code workbench served by code-server.
//
//   const wb = await Workbench.open({ name: 'probe-trusted', folder, trust: 'trusted',
//                                     extensionDevelopmentPath: PROBE });
//   await wb.openFileFromExplorer('说明.txt');
//   const problems = await wb.readProblems();
//   ...
//   await wb.close();
//
// Every helper takes a screenshot into test-artifacts/e2e/ui/<name>/NN-<step>.png.
// Everything is bounded: each wait has a timeout, and close() kills Chromium and
// the code-server process group.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS_ROOT, assertCjkFont, findChromium, findCodeServer } from '../lib/env';
import { launchBrowser, type BrowserSession } from '../lib/browser';
import { remoteUri, removeOnExit, startCodeServer, type RunningCodeServer } from '../lib/codeServer';
import { localeSetup } from '../lib/locale';

export type TrustMode =
  /** Workspace trust on; the folder is trusted through the real "Trust" dialog. */
  | 'trusted'
  /** Workspace trust on; the folder is left untrusted: Restricted Mode. */
  | 'restricted'
  /** Workspace trust feature off (what @vscode/test-electron does): everything trusted. */
  | 'trust-disabled';

export interface WorkbenchOptions {
  /** Artifacts subfolder name (screenshots, logs). */
  name: string;
  /** Folder to open; it is copied to a temp dir first, so tests may edit freely. */
  folder: string;
  trust: TrustMode;
  /** Load an extension the way F5 / test-electron does (workbench ?payload=, see README). */
  extensionDevelopmentPath?: string;
  /** Install .vsix files into the (temporary) extensions dir before starting. */
  vsix?: string[];
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Per-wait timeout (ms). Default 30 s. */
  timeoutMs?: number;
  /** Display language (default: BAOGAO_E2E_LOCALE, else zh-cn): 'en' for VS Code's default. */
  locale?: string;
}

export interface ProblemEntry {
  /** The row's accessible label, e.g. "Warning: ... at line 7 column 14" (what a screen reader reads). */
  label: string;
  /** Visible text of the row. */
  text: string;
  /** 'file' for a file row in tree mode, 'marker' for a diagnostic. */
  kind: 'file' | 'marker';
}

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** A rendered row of an editor (see Workbench.editorLines). */
export interface EditorRow { text: string; top: number; line: number | undefined; onScreen: boolean; classes: string[] }

export class Workbench {
  private step = 0;

  private constructor(
    readonly page: Page,
    readonly server: RunningCodeServer,
    private readonly browser: BrowserSession,
    readonly workspace: string,
    readonly artifacts: string,
    private readonly tmp: string,
    readonly timeoutMs: number,
    readonly consoleErrors: string[],
  ) {}

  static async open(opts: WorkbenchOptions): Promise<Workbench> {
    // Prerequisites first, so a missing one fails before anything is touched.
    assertCjkFont();
    findCodeServer();
    findChromium();
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const artifacts = path.join(ARTIFACTS_ROOT, 'ui', opts.name);
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    const tmp = removeOnExit(mkdtempSync(path.join(os.tmpdir(), 'baogao-e2e-ui-')));
    const workspace = path.join(tmp, path.basename(opts.folder));
    cpSync(opts.folder, workspace, { recursive: true });

    const settings: Record<string, unknown> = {
      'security.workspace.trust.enabled': opts.trust !== 'trust-disabled',
      // 'trusted' answers the real startup dialog; 'restricted' never sees one.
      'security.workspace.trust.startupPrompt': opts.trust === 'trusted' ? 'always' : 'never',
      ...(opts.settings ?? {}),
    };
    // Chinese display language for extensions (VS Code's own UI stays English): see lib/locale.ts.
    const locale = localeSetup(opts.locale);
    // Logs at trace level: the language client writes the server's traced messages (baogao.trace.server) there only.
    const args: string[] = [...locale.args, '--log', 'trace'];
    if (opts.extensionDevelopmentPath) args.push('--vscode-option', 'enable-smoke-test-driver');

    let server: RunningCodeServer;
    try {
      server = await startCodeServer({
        folder: workspace,
        logFile: path.join(artifacts, 'code-server.log'),
        settings,
        args,
        installExtensions: opts.vsix ?? [],
        userDataFiles: locale.userDataFiles,
        startTimeoutMs: 60_000,
      });
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    let browser: BrowserSession | undefined;
    try {
      browser = await launchBrowser();
      const page = browser.page;
      page.setDefaultTimeout(timeoutMs);
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));

      let url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
      if (opts.extensionDevelopmentPath) {
        const payload = [
          ['extensionDevelopmentPath', remoteUri(server, opts.extensionDevelopmentPath)],
          ['skipWelcome', 'true'],
          ['skipReleaseNotes', 'true'],
        ];
        url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      }
      const wb = new Workbench(page, server, browser, workspace, artifacts, tmp, timeoutMs, consoleErrors);
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await wb.waitForWorkbench(opts.trust);
      return wb;
    } catch (err) {
      if (browser) {
        await browser.page.screenshot({ path: path.join(artifacts, 'open-failed.png') }).catch(() => undefined);
        await browser.close();
      }
      await server.stop();
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
  }

  /** Waits until the workbench is usable: explorer populated, trust answered, chat closed. */
  private async waitForWorkbench(trust: TrustMode): Promise<void> {
    const page = this.page;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
    if (trust === 'trusted') {
      // The startup dialog: "Do you trust the authors of the files in this folder?"
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 60_000 });
      await this.screenshot('trust-dialog');
      await dialog.getByRole('button', { name: /Yes, I trust the authors|Trust/ }).first().click();
      await dialog.waitFor({ state: 'detached' });
    }
    await this.closeAuxiliaryBar();
    await this.showExplorer();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    // Trust is resolved a moment after the workbench shows: wait for the final state.
    const indicator = this.restrictedIndicator();
    if (trust === 'restricted') await indicator.first().waitFor({ timeout: 60_000 });
    else await indicator.first().waitFor({ state: 'hidden', timeout: 60_000 }).catch(() => undefined);
    await this.screenshot('workbench-ready');
  }

  private restrictedIndicator() {
    return this.page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' });
  }

  /** Closes the secondary side bar (Chat) if it is open. */
  async closeAuxiliaryBar(): Promise<void> {
    const aux = this.page.locator('.part.auxiliarybar');
    if (await aux.isVisible().catch(() => false)) {
      await this.runCommand('View: Close Secondary Side Bar').catch(async () => {
        await this.runCommand('View: Hide Secondary Side Bar');
      });
      await aux.waitFor({ state: 'hidden', timeout: this.timeoutMs }).catch(() => undefined);
    }
  }

  async showExplorer(): Promise<void> {
    const view = this.page.locator('.explorer-folders-view');
    if (!(await view.isVisible().catch(() => false))) {
      await this.page.keyboard.press(`${mod}+Shift+E`);
      await view.waitFor();
    }
  }

  /** Screenshot into test-artifacts/e2e/ui/<name>/NN-<step>.png; returns the path. */
  async screenshot(step: string): Promise<string> {
    this.step += 1;
    const file = path.join(this.artifacts, `${String(this.step).padStart(2, '0')}-${step.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 60)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Whether the workbench shows Restricted Mode (status bar indicator / banner). */
  async isRestrictedMode(): Promise<boolean> {
    return this.restrictedIndicator().first().isVisible();
  }

  /** Trusts the open folder through "Workspaces: Manage Workspace Trust" (the real UI). */
  async grantTrust(): Promise<void> {
    await this.runCommand('Workspaces: Manage Workspace Trust');
    const editor = this.page.locator('.workspace-trust-editor');
    await editor.waitFor();
    await this.screenshot('trust-editor');
    await editor.getByRole('button', { name: /^Trust( Folder)?$/ }).first().click();
    await this.restrictedIndicator().first().waitFor({ state: 'hidden' });
    await this.screenshot('trusted');
    // The trust editor opens as a modal editor; close it.
    const modal = this.page.locator('.monaco-modal-editor-block');
    if (await modal.isVisible().catch(() => false)) {
      await this.page.keyboard.press('Escape');
      if (!(await modal.waitFor({ state: 'hidden', timeout: 3000 }).then(() => true, () => false))) {
        await modal.getByRole('button', { name: /^Close/ }).first().click();
        await modal.waitFor({ state: 'hidden' });
      }
    }
  }

  /** Runs a command by its palette label (e.g. "View: Toggle Word Wrap"). */
  async runCommand(label: string): Promise<void> {
    const page = this.page;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input[type="text"]').first();
    await input.waitFor();
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor();
    await this.screenshot(`palette-${label}`);
    await row.click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  /** Opens a workspace-relative file by clicking through the Explorer tree. */
  async openFileFromExplorer(relPath: string): Promise<void> {
    await this.showExplorer();
    const parts = relPath.split('/');
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i];
      const row = this.page.locator('.explorer-folders-view .monaco-list-row', {
        has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(name)}$`) }),
      }).first();
      await row.waitFor();
      if (i < parts.length - 1) {
        if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      } else {
        await row.dblclick(); // double click: a pinned editor, not a preview
      }
    }
    const name = parts[parts.length - 1];
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    await this.screenshot(`open-${relPath}`);
  }

  /** Focuses the active editor. */
  async focusEditor(): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor textarea, .editor-instance .monaco-editor .native-edit-context').first().focus();
  }

  /** Moves the cursor to a 1-based line/column with Go to Line (Ctrl+G). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input[type="text"]').first();
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  /** Types text at the cursor in the active editor. */
  async type(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.insertText(text);
  }

  /** Opens the Problems panel and returns its rows (files and markers). */
  async readProblems(opts: { waitForMarkers?: number } = {}): Promise<ProblemEntry[]> {
    await this.runCommand('View: Focus Problems');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor();
    const want = opts.waitForMarkers ?? 0;
    const deadline = Date.now() + this.timeoutMs;
    let rows: ProblemEntry[] = [];
    do {
      rows = await panel.locator('.monaco-list-row').evaluateAll((els) =>
        els.map((e) => ({
          label: e.getAttribute('aria-label') ?? '',
          text: (e.textContent ?? '').trim(),
          kind: (e.querySelector('.marker-icon, .codicon-warning, .codicon-error, .codicon-info') ? 'marker' : 'file') as 'file' | 'marker',
        })),
      );
      if (rows.filter((r) => r.kind === 'marker').length >= want) break;
      await this.page.waitForTimeout(250);
    } while (Date.now() < deadline);
    await this.screenshot('problems');
    return rows;
  }

  /** Opens the Outline view and returns the visible symbol names (in tree order). */
  async readOutline(opts: { waitForItems?: number } = {}): Promise<string[]> {
    await this.runCommand('Explorer: Focus on Outline View');
    const view = this.page.locator('.outline-pane, [id="outline"]').first();
    await view.waitFor();
    const want = opts.waitForItems ?? 0;
    const deadline = Date.now() + this.timeoutMs;
    let names: string[] = [];
    do {
      names = await this.page.locator('.outline-pane .monaco-list-row .label-name').allTextContents();
      if (names.length >= want) break;
      await this.page.waitForTimeout(250);
    } while (Date.now() < deadline);
    await this.screenshot('outline');
    return names.map((n) => n.trim());
  }

  /** Triggers completion (Ctrl+Space) at the cursor and returns the suggest widget's labels. */
  async triggerCompletion(opts: { waitFor?: string } = {}): Promise<string[]> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor();
    const rows = widget.locator('.monaco-list-row .label-name');
    if (opts.waitFor) await widget.locator('.monaco-list-row', { hasText: opts.waitFor }).first().waitFor();
    else await rows.first().waitFor();
    const labels = (await rows.allTextContents()).map((s) => s.trim());
    await this.screenshot('completion');
    return labels;
  }

  /** Closes the suggest widget / hover (Escape). */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Shows the hover at a 1-based position (keyboard: editor.action.showHover) and returns its text. */
  async hover(line: number, column: number): Promise<string> {
    await this.goTo(line, column);
    await this.focusEditor();
    // Ctrl+K Ctrl+I = "Show or Focus Hover".
    await this.page.keyboard.press(`${mod}+K`);
    await this.page.keyboard.press(`${mod}+I`);
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
    await hover.waitFor();
    const text = ((await hover.textContent()) ?? '').trim();
    await this.screenshot('hover');
    return text;
  }

  /**
   * Messages in the Notification Center (opened, read, closed). The center rather
   * than toasts: in this build toasts are not shown for extension messages in the
   * headless page, while the center always lists them.
   */
  async notifications(opts: { waitFor?: string | RegExp } = {}): Promise<string[]> {
    await this.runCommand('Notifications: Show Notifications');
    const center = this.page.locator('.notifications-center');
    await center.waitFor();
    const items = center.locator('.notification-list-item-message');
    if (opts.waitFor) await items.filter({ hasText: opts.waitFor }).first().waitFor();
    const texts = (await items.allTextContents()).map((s) => s.trim());
    await this.screenshot('notifications');
    await this.runCommand('Notifications: Hide Notifications').catch(() => this.page.keyboard.press('Escape'));
    return texts;
  }

  /**
   * The rendered lines (view lines: a wrapped line gives several) of an editor — by default the one
   * that has the focus, else the first — with the token colour classes `mtkN` of each, top to bottom.
   * `line` is the 1-based source line for the first row of a line (from the line-number gutter), and
   * `onScreen` says the row is wholly inside the editor's visible area (the DOM also holds rows just
   * outside it).
   */
  async editorLines(editor?: Locator): Promise<EditorRow[]> {
    const focused = this.page.locator('.editor-instance .monaco-editor.focused .view-lines');
    const target = editor ?? ((await focused.count()) > 0 ? focused.first() : this.page.locator('.editor-instance .monaco-editor .view-lines').first());
    const lines = await target.evaluate((root) => {
      // No named functions in here: the test runner's transform wraps them in a helper the page lacks.
      const topPx = /top:\s*([\d.]+)px/;
      const editorEl = root.closest('.monaco-editor');
      const numbers = new Map<number, number>();
      for (const row of editorEl?.querySelectorAll('.margin-view-overlays > div') ?? []) {
        const n = parseInt(row.querySelector('.line-numbers')?.textContent ?? '', 10);
        if (Number.isInteger(n)) numbers.set(parseFloat(topPx.exec(row.getAttribute('style') ?? '')?.[1] ?? '0'), n);
      }
      const area = (editorEl?.querySelector('.lines-content')?.parentElement ?? root).getBoundingClientRect();
      return [...root.querySelectorAll('.view-line')].map((l) => {
        const r = l.getBoundingClientRect();
        const top = parseFloat(topPx.exec(l.getAttribute('style') ?? '')?.[1] ?? '0');
        return {
          text: (l.textContent ?? '').replace(/\u00a0/g, ' '),
          top,
          line: numbers.get(top),
          onScreen: r.height > 0 && r.top >= area.top && r.bottom <= area.bottom,
          classes: [...new Set([...l.querySelectorAll('span[class*="mtk"]')].flatMap((s) => [...s.classList].filter((c) => /^mtk\d+$/.test(c))))],
        };
      });
    });
    return lines.sort((a, b) => a.top - b.top);
  }

  /** The editor's line texts once `ok` accepts them (edits and the server's answers take a moment), or the last ones read after `ms`. */
  async editorTextsWhen(ok: (texts: string[]) => boolean, ms = 10_000): Promise<string[]> {
    const deadline = Date.now() + ms;
    let texts = (await this.editorLines()).map((l) => l.text);
    while (!ok(texts) && Date.now() < deadline) {
      await this.page.waitForTimeout(200);
      texts = (await this.editorLines()).map((l) => l.text);
    }
    return texts;
  }

  /** Texts of the status bar items (left and right), with their accessible labels. */
  async statusBarItems(): Promise<{ id: string; text: string; label: string }[]> {
    return this.page.locator('.part.statusbar .statusbar-item').evaluateAll((els) =>
      els.map((e) => ({
        id: e.id,
        text: (e.textContent ?? '').trim(),
        label: e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? e.getAttribute('aria-label') ?? '',
      })),
    );
  }

  /**
   * Screen coordinates of a character of the active editor: the `index`-th character of the first
   * visible occurrence of `needle` (the line must be scrolled into view, e.g. with goTo(line)).
   */
  async charPosition(needle: string, index = 0): Promise<{ x: number; y: number }> {
    const pos = await this.page.locator('.editor-instance .monaco-editor .view-lines').evaluateAll((roots, [needle, index]) => {
      for (const root of roots) {
        for (const line of root.querySelectorAll('.view-line')) {
          const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
          const at = text.indexOf(needle as string);
          if (at < 0) continue;
          // Walk the text nodes to the character at at + index.
          let offset = at + (index as number);
          const doc = line.ownerDocument;
          const walker = doc.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const len = n.textContent?.length ?? 0;
            if (offset < len) {
              const range = doc.createRange();
              range.setStart(n, offset);
              range.setEnd(n, offset + 1);
              const r = range.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }
            offset -= len;
          }
        }
      }
      return null;
    }, [needle, index] as const);
    if (!pos) throw new Error(`"${needle}" is not on screen in an editor`);
    return pos;
  }

  /** Moves the mouse over a character (see charPosition) and returns the text of the hover that appears. */
  async hoverText(needle: string, index = 0): Promise<string> {
    const { x, y } = await this.charPosition(needle, index);
    await this.page.mouse.move(x, y, { steps: 4 });
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
    await hover.waitFor();
    const text = ((await hover.textContent()) ?? '').trim();
    await this.screenshot('hover');
    return text;
  }

  /** Clicks a character (see charPosition): the cursor goes before it. */
  async clickText(needle: string, index = 0): Promise<void> {
    const { x, y } = await this.charPosition(needle, index);
    await this.page.mouse.click(x - 2, y);
  }

  /** Clicks a Problems panel row (the panel must be open): the editor shows the problem's place. */
  async clickProblem(text: string | RegExp): Promise<void> {
    await this.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().click();
    await this.page.keyboard.press('Enter'); // a single click selects; Enter opens (focuses the editor at the marker)
  }

  /** Closes every editor; an unsaved one is closed without saving ("Don't Save"). */
  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    const dialog = this.page.locator('.monaco-dialog-box');
    for (let i = 0; i < 5; i++) {
      if (!(await dialog.waitFor({ timeout: 1500 }).then(() => true, () => false))) break;
      await this.screenshot('save-dialog');
      await dialog.getByRole('button', { name: /Don't Save|Don’t Save/ }).first().click();
      await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
    }
  }

  /** Opens the quick fix menu (Ctrl+.) at the cursor and returns the offered action titles. */
  async quickFixes(): Promise<string[]> {
    await this.page.keyboard.press(`${mod}+Period`);
    const widget = this.page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    await widget.waitFor();
    const items = widget.locator('.monaco-list-row.action');
    await items.first().waitFor();
    const titles = (await items.allTextContents()).map((s) => s.trim());
    await this.screenshot('quick-fix-menu');
    return titles;
  }

  /** Picks an action of the open quick fix menu by its title. */
  async chooseQuickFix(title: string): Promise<void> {
    const widget = this.page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    await widget.locator('.monaco-list-row.action', { hasText: title }).first().click();
    await widget.waitFor({ state: 'hidden' });
  }

  /** The active webview's document (a webview is two iframes deep), to locate and evaluate in. */
  webviewFrame() {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  /** Opens a walkthrough by its title (Welcome: Open Walkthrough…, searched by `typed`). */
  async openWalkthrough(typed: string, title: string): Promise<void> {
    await this.runCommand('Welcome: Open Walkthrough...');
    const input = this.page.locator('.quick-input-widget input[type="text"]').first();
    await input.fill(typed);
    const item = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await item.waitFor();
    await item.click();
  }

  /** The labels the command palette lists for what is typed (the palette is closed afterwards). */
  async paletteLabels(typed: string, waitFor: string): Promise<string[]> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input[type="text"]').first();
    await input.waitFor();
    await input.fill(`>${typed}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: waitFor }).first().waitFor();
    const labels = (await this.page.locator('.quick-input-list .monaco-list-row .label-name').allTextContents()).map((s) => s.trim());
    await this.screenshot(`palette-${typed}`);
    await this.page.keyboard.press('Escape');
    return labels;
  }

  /** The text of the active webview's document (a webview is two iframes deep). */
  async webviewText(opts: { waitFor?: string } = {}): Promise<string> {
    const body = this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame').locator('body');
    if (opts.waitFor) await body.getByText(opts.waitFor).first().waitFor();
    else await body.waitFor();
    const text = (await body.innerText()).trim();
    await this.screenshot('webview');
    return text;
  }

  async close(): Promise<void> {
    await this.browser.close();
    // VS Code's logs (the extension host's, each output channel's: the language server's among them) are
    // kept with the screenshots: a failure in CI leaves nothing else to read.
    const logs = path.join(this.server.userDataDir, 'logs');
    if (existsSync(logs)) cpSync(logs, path.join(this.artifacts, 'logs'), { recursive: true });
    await this.server.stop();
    rmSync(this.tmp, { recursive: true, force: true });
  }

  /** The last `lines` lines of an output channel's log (the language server's: `报告语言服务器`), '' when there is none yet. */
  outputLog(channel: string, lines = 120): string {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === `${channel}.log`) found.push(full);
      }
    };
    const logs = path.join(this.server.userDataDir, 'logs');
    if (existsSync(logs)) walk(logs);
    return found.map((file) => readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')).join('\n');
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
