// Debian's Chromium driven by playwright-core (which cannot download its own browser here).
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { removeOnExit } from './codeServer';
import { findChromium } from './env';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--lang=zh-CN',
];

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(opts: { headless?: boolean; width?: number; height?: number } = {}): Promise<BrowserSession> {
  // Chromium's crash-report folder and caches go to a temp dir, not ~/.config/chromium.
  const home = removeOnExit(mkdtempSync(path.join(os.tmpdir(), 'baogao-e2e-chromium-')));
  const browser = await chromium.launch({
    executablePath: findChromium(),
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
    headless: opts.headless ?? process.env.BAOGAO_E2E_HEADFUL !== '1',
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1400, height: opts.height ?? 900 },
    locale: 'zh-CN',
    // A writer's browser lets the page read and write the clipboard (the paste tests put Word's text there).
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  // Keep everything on this machine: code-server is on 127.0.0.1 and the workbench
  // needs nothing else. Any other request (marketplace, CDN, telemetry) is refused.
  await context.route(/^(https?|wss?):\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
