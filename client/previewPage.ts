// The preview's page: A4 sheets drawn from the server's laid-out lines (baogao/preview), a toolbar, and a
// small script (allowed by its nonce alone, under `default-src 'none'`) that patches only the sheets
// whose lines changed, keeps the scroll, marks diagnostics where they are, syncs scrolling both ways and
// jumps to the source on double-click. Messages: see `PreviewMessage` and `PageMessage`.
import { escapeHtml } from './webview.js';

/** From the extension to the page. */
export type PreviewMessage =
  | { type: 'pages'; pages: unknown; empty: boolean; width: number; linesPerPage: number }
  | { type: 'diagnostics'; list: Array<{ line: number; severity: 'error' | 'warning' | 'info'; message: string }> }
  | { type: 'scrollTo'; line: number }
  | { type: 'locked'; locked: boolean; title: string }
  | { type: 'error'; message: string }
  | { type: 'download'; name: string; text: string; mime: string };

/** From the page to the extension. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'reveal'; line: number }
  | { type: 'scrolled'; line: number }
  | { type: 'command'; command: 'exportDocx' | 'exportHtml' | 'exportText' | 'print' | 'toggleLock' };

export interface PageStrings {
  exportDocx: string;
  exportHtml: string;
  exportText: string;
  print: string;
  lock: string;
  unlock: string;
  empty: string;
  problems: string;
}

export function previewHtml(cspSource: string, nonce: string, strings: PageStrings): string {
  const policy = [`default-src 'none'`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ');
  const button = (command: string, label: string) => `<button data-command="${command}" id="btn-${command}">${escapeHtml(label)}</button>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<div id="toolbar">
${button('exportDocx', strings.exportDocx)}${button('exportHtml', strings.exportHtml)}${button('exportText', strings.exportText)}${button('print', strings.print)}
<span class="spacer"></span><span id="problems"></span>
<button data-command="toggleLock" id="btn-lock" data-lock="${escapeHtml(strings.lock)}" data-unlock="${escapeHtml(strings.unlock)}">${escapeHtml(strings.lock)}</button>
</div>
<div id="error" hidden></div>
<div id="empty" hidden>${escapeHtml(strings.empty)}</div>
<div id="pages"></div>
<script nonce="${nonce}" data-problems="${escapeHtml(strings.problems)}">${SCRIPT}</script>
</body>
</html>`;
}

// A4 at 96 px/in: 210 mm ≈ 793.7 px. GB/T 9704 margins: 37 (top) 26 (right) 35 (bottom) 28 (left) mm;
// 22 lines of 28.95 pt; 28 characters of 16 pt 仿宋 on the 156 mm line.
const STYLE = `
:root { --zoom: 1; --pitch: calc(155.9mm / 28); --line: 28.95pt; }
body { margin: 0; padding: 0; background: var(--vscode-editor-background); color: #000; }
#toolbar { position: sticky; top: 0; z-index: 2; display: flex; gap: 6px; align-items: center; padding: 6px 8px; background: var(--vscode-editorWidget-background, #eee); border-bottom: 1px solid var(--vscode-panel-border, #8884); font-family: var(--vscode-font-family); font-size: 12px; color: var(--vscode-foreground); }
#toolbar button { font: inherit; color: var(--vscode-button-secondaryForeground, #000); background: var(--vscode-button-secondaryBackground, #ddd); border: none; padding: 3px 8px; border-radius: 2px; cursor: pointer; }
#toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, #ccc); }
#toolbar button.on { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
#toolbar .spacer { flex: 1; }
#problems { color: var(--vscode-descriptionForeground); }
#error { margin: 8px; padding: 6px 8px; color: var(--vscode-errorForeground); border: 1px solid var(--vscode-inputValidation-errorBorder, red); font-family: var(--vscode-font-family); }
#empty { margin: 24px; color: var(--vscode-descriptionForeground); font-family: var(--vscode-font-family); }
#pages { zoom: var(--zoom); padding: 12px 0 24px; }
.page { position: relative; box-sizing: border-box; width: 210mm; height: 297mm; margin: 0 auto 12px; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 4px #0006; overflow: hidden;
  font-family: "仿宋_GB2312", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: var(--line); letter-spacing: calc(var(--pitch) - 1em); }
.line { height: var(--line); white-space: pre; overflow: visible; cursor: default; }
.line.justify { text-align: justify; text-align-last: justify; }
.line.title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif; font-size: 22pt; letter-spacing: 0; }
.line.h1 { font-family: SimHei, "黑体", "Noto Sans CJK SC", sans-serif; }
.line.h2 { font-family: "楷体_GB2312", KaiTi, STKaiti, "AR PL UKai CN", "Noto Serif CJK SC", serif; }
.line:hover { background: #0000000a; }
.line.error { text-decoration: underline wavy #e51400; text-decoration-skip-ink: none; }
.line.warning { text-decoration: underline wavy #bf8803; text-decoration-skip-ink: none; }
.line.info { text-decoration: underline dotted #1a85ff; }
.line.before::before { content: "⚠"; position: absolute; left: 10mm; color: #e51400; letter-spacing: 0; }
mark { background: #ffe0e0; color: #a00; outline: 1px dashed #e51400; }
mark.unresolved { background: #fff1c2; color: #7a4b00; outline-color: #bf8803; }
.pageno { position: absolute; bottom: 28mm; font-family: SimSun, "宋体", "Noto Serif CJK SC", serif; font-size: 14pt; letter-spacing: 0; }
.page.odd .pageno { right: calc(26mm + 14pt); }
.page.even .pageno { left: calc(28mm + 14pt); }
@media print { #toolbar { display: none; } #pages { zoom: 1; padding: 0; } .page { box-shadow: none; margin: 0; } }
`;

const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const pagesEl = document.getElementById('pages');
  const problemsLabel = document.currentScript.dataset.problems;
  let shown = [];          // each page's lines as JSON: only changed pages are redrawn
  let diagnostics = [];
  let quietUntil = 0;      // scroll events we caused are not echoed back
  const PAGE_MM = 210;

  function fit() {
    const pagePx = PAGE_MM * 96 / 25.4;
    const zoom = Math.min(1, Math.max(0.2, (document.documentElement.clientWidth - 16) / pagePx));
    document.documentElement.style.setProperty('--zoom', String(zoom));
  }
  window.addEventListener('resize', fit);
  fit();

  function drawLine(line) {
    const el = document.createElement('div');
    el.className = 'line ' + (line.align === 'justify' ? 'justify ' : '') + line.role;
    if (line.role === 'heading' && /^[一二三四五六七八九十百]+、/.test(line.text)) el.classList.add('h1');
    if (line.role === 'heading' && /^（[一二三四五六七八九十百]+）/.test(line.text)) el.classList.add('h2');
    if (typeof line.source === 'number') el.dataset.source = String(line.source);
    el.dataset.block = String(line.block);
    el.style.paddingLeft = 'calc(' + line.indent + ' * var(--pitch) / 2)';
    let at = 0;
    const marks = (line.marks || []).slice().sort((a, b) => a.from - b.from);
    for (const m of marks) {
      if (m.from > at) el.append(line.text.slice(at, m.from));
      const mark = document.createElement('mark');
      mark.className = m.kind;
      mark.title = m.message;
      mark.textContent = line.text.slice(m.from, m.to);
      el.append(mark);
      at = m.to;
    }
    el.append(line.text.slice(at));
    return el;
  }

  function drawPage(page) {
    const el = document.createElement('section');
    el.className = 'page ' + (page.number % 2 ? 'odd' : 'even');
    el.dataset.page = String(page.number);
    for (const line of page.lines) el.append(drawLine(line));
    const no = document.createElement('div');
    no.className = 'pageno';
    no.textContent = page.numbered === false ? '' : '\\u2014 ' + page.number + ' \\u2014';
    el.append(no);
    return el;
  }

  function showPages(msg) {
    document.getElementById('error').hidden = true;
    document.getElementById('empty').hidden = !msg.empty;
    const pages = msg.empty ? [] : msg.pages;
    // null: the page is as shown (the server sends only the pages that changed).
    if (pages.some((p, i) => p === null && shown[i] === undefined)) { vscode.postMessage({ type: 'ready' }); return; }
    const next = pages.map((p, i) => (p === null ? shown[i] : JSON.stringify(p)));
    const elements = pagesEl.children;
    for (let i = 0; i < next.length; i++) {
      if (shown[i] === next[i]) continue;
      const el = drawPage(pages[i]);
      if (elements[i]) pagesEl.replaceChild(el, elements[i]); else pagesEl.append(el);
    }
    while (pagesEl.children.length > next.length) pagesEl.lastElementChild.remove();
    shown = next;
    markDiagnostics();
  }

  function lineElements() {
    return Array.from(pagesEl.querySelectorAll('.line[data-source]'));
  }

  function markDiagnostics() {
    for (const el of pagesEl.querySelectorAll('.line.error, .line.warning, .line.info, .line.before')) {
      el.classList.remove('error', 'warning', 'info', 'before');
      el.removeAttribute('title');
    }
    const lines = lineElements();
    const rank = { error: 3, warning: 2, info: 1 };
    for (const d of diagnostics) {
      // The printed line of the diagnostic's source line; a source line that prints nothing (a missing
      // snippet, a broken directive) marks the next printed line, in the margin.
      let target = lines.filter((el) => Number(el.dataset.source) === d.line);
      let before = false;
      if (!target.length) {
        const next = lines.find((el) => Number(el.dataset.source) > d.line);
        target = next ? [next] : [];
        before = true;
      }
      for (const el of target) {
        const current = ['error', 'warning', 'info'].find((c) => el.classList.contains(c));
        if (!current || rank[d.severity] > rank[current]) {
          if (current) el.classList.remove(current);
          el.classList.add(d.severity);
        }
        if (before) el.classList.add('before');
        el.title = (el.title ? el.title + '\\n' : '') + d.message;
      }
    }
    const count = diagnostics.filter((d) => d.severity !== 'info').length;
    document.getElementById('problems').textContent = count ? problemsLabel.replace('{0}', String(count)) : '';
  }

  /** The source line of the first line shown below the toolbar. */
  function topSource() {
    const toolbar = document.getElementById('toolbar').offsetHeight;
    const first = lineElements().find((el) => el.getBoundingClientRect().bottom > toolbar);
    return first ? Number(first.dataset.source) : undefined;
  }

  function scrollToSource(line) {
    const lines = lineElements();
    let best;
    for (const el of lines) {
      if (Number(el.dataset.source) <= line) best = el; else break;
    }
    // That paragraph is already on screen (a paragraph is one source line over many printed lines):
    // stay, so that typing never moves the page under the writer.
    if (best) {
      const toolbar = document.getElementById('toolbar').offsetHeight;
      const height = document.documentElement.clientHeight;
      const same = pagesEl.querySelectorAll('.line[data-block="' + best.dataset.block + '"]');
      for (const el of same) {
        const r = el.getBoundingClientRect();
        if (r.bottom > toolbar && r.top < height / 2) return;
      }
    }
    quietUntil = Date.now() + 400;
    if (!best) { window.scrollTo(0, 0); return; }
    const toolbar = document.getElementById('toolbar').offsetHeight;
    const top = best.getBoundingClientRect().top + window.scrollY - toolbar - 8;
    window.scrollTo(0, Math.max(0, top));
  }

  let scrollTimer;
  window.addEventListener('scroll', () => {
    if (Date.now() < quietUntil) return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      const line = topSource();
      if (line !== undefined) vscode.postMessage({ type: 'scrolled', line });
    }, 50);
  });

  pagesEl.addEventListener('dblclick', (event) => {
    const line = event.target.closest && event.target.closest('.line[data-source]');
    if (line) vscode.postMessage({ type: 'reveal', line: Number(line.dataset.source) });
  });

  document.getElementById('toolbar').addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('button[data-command]');
    if (button) vscode.postMessage({ type: 'command', command: button.dataset.command });
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg.type === 'pages') showPages(msg);
    else if (msg.type === 'diagnostics') { diagnostics = msg.list; markDiagnostics(); }
    else if (msg.type === 'scrollTo') scrollToSource(msg.line);
    else if (msg.type === 'locked') {
      const b = document.getElementById('btn-lock');
      b.classList.toggle('on', msg.locked);
      b.textContent = msg.locked ? b.dataset.unlock : b.dataset.lock;
      b.title = msg.title;
    } else if (msg.type === 'download') {
      // The browser saves it (the webview sandbox allows downloads, not printing).
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([msg.text], { type: msg.mime + ';charset=utf-8' }));
      link.download = msg.name;
      document.body.appendChild(link);
      link.click();
      setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 60000);
    } else if (msg.type === 'error') {
      const e = document.getElementById('error');
      e.textContent = msg.message;
      e.hidden = false;
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
