// The baogao extension as a writer meets it: the packaged .vsix installed into code-server, a copy of
// samples/ opened in Chromium, everything done with the mouse and keyboard and read off the screen.
// Once in a trusted workspace, once in Restricted Mode (the extension declares limited support there:
// colouring, diagnostics, outline and hover must still work). A screenshot per step goes to
// test-artifacts/e2e/ui/<scenario>/.
//
//   npm run package && bash scripts/e2e/run.sh ui
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../lib/env';
import { baogaoVsix } from '../lib/vsix';
import type { Locator } from 'playwright-core';
import { Workbench } from './harness';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const REPORT = 'guiwei-2020.bg';
const TITLE = '桂圩镇人民政府2020年度法治政府建设情况报告';
/** The title's second printed line (it wraps after the issuing body). */
const TITLE_END = '2020年度法治政府建设情况报告';

/** An input's value once `ok` accepts it (VS Code fills inputs in after showing them), or its last value after 10 s. */
async function valueOf(input: Locator, ok: (value: string) => boolean): Promise<string> {
  await input.waitFor();
  let value = '';
  for (let i = 0; i < 50 && !ok(value); i++) {
    value = await input.inputValue();
    if (!ok(value)) await input.page().waitForTimeout(200);
  }
  return value;
}

/** Line numbers (1-based) in samples/guiwei-2020.bg. */
const LINE = { title: 9, opening: 15, rates: 42, problems: 58 };
/**
 * Chinese prose is written in long lines: wrapped, as a writer would have it. No auto-save (code-server
 * saves after a delay by default): a step's edits are discarded when it closes its editors, so every
 * step sees the sample as it is. The language server's messages are traced into its log (tellServerLog).
 */
const SETTINGS = { 'editor.wordWrap': 'on', 'files.autoSave': 'off', 'baogao.trace.server': 'messages' };

/**
 * After a failed step, the language server's log (its messages traced: SETTINGS) goes to the output, so
 * that a failure seen only in CI says what the server was asked and answered.
 */
function tellServerLog(context: Mocha.Context, wb: Workbench | undefined): void {
  if (context.currentTest?.state !== 'failed' || !wb) return;
  console.log(`--- 报告语言服务器 log, last lines (after “${context.currentTest.title}”) ---\n${wb.outputLog('报告语言服务器', 150)}\n--- end of log ---`);
}

/** Checks shared by both scenarios: what must work in a trusted workspace and in Restricted Mode alike. */
function writerBasics(get: () => Workbench) {
  it('opens guiwei-2020.bg from the Explorer: the Chinese report in an editor, language 报告', async () => {
    const wb = get();
    await wb.openFileFromExplorer(REPORT);
    const lines = await wb.editorLines();
    assert.ok(lines.some((l) => l.text.startsWith(`@标题 ${TITLE}`)), lines.map((l) => l.text.slice(0, 30)).join('\n'));
    // The language mode in the status bar.
    const items = await wb.statusBarItems();
    assert.ok(items.some((i) => i.text === '报告'), `no 报告 language indicator: ${items.map((i) => i.text).join(' | ')}`);
  });

  it('colours the report: a directive line and a prose line are drawn with different token colours', async () => {
    const wb = get();
    // Colouring comes from the TextMate grammar at once, then from the server's semantic tokens.
    let directive: string[] = [];
    let prose: string[] = [];
    const deadline = Date.now() + 20_000;
    do {
      const lines = await wb.editorLines();
      directive = lines.find((l) => l.text.startsWith('@标题'))?.classes ?? [];
      prose = lines.find((l) => l.text.startsWith('桂圩镇{年度}年度法治政府建设工作'))?.classes ?? [];
      if (directive.length > 1 && prose.length > 0 && directive.join() !== prose.join()) break;
      await wb.page.waitForTimeout(250);
    } while (Date.now() < deadline);
    await wb.screenshot('colouring');
    assert.ok(directive.length > 1, `the @标题 line has one colour only: ${directive.join(' ')}`);
    assert.ok(prose.length > 0, 'the opening paragraph is not rendered');
    assert.notDeepEqual(directive, prose, `directive ${directive.join(' ')} vs prose ${prose.join(' ')}`);
    // `{年度}` in the prose line is a figure: coloured unlike the text around it.
    assert.ok(prose.length > 1, `the prose line with {年度} and 《…》 has one colour only: ${prose.join(' ')}`);
  });

  it('counts the problems in the status bar (the extension’s item and VS Code’s own)', async () => {
    const wb = get();
    let items = await wb.statusBarItems();
    const deadline = Date.now() + 30_000;
    // Until the counts have come in (the item can show a count while the report's problems still arrive).
    const settled = () => items.some((i) => { const m = /法治政府建设年度报告：(\d+) 错误 (\d+) 警告/.exec(i.text); return !!m && Number(m[1]) >= 10 && Number(m[2]) >= 2; });
    while (!settled() && Date.now() < deadline) {
      await wb.page.waitForTimeout(250);
      items = await wb.statusBarItems();
    }
    await wb.screenshot('status-bar');
    const ours = items.find((i) => /法治政府建设年度报告：\d+ 错误 \d+ 警告/.test(i.text));
    assert.ok(ours, `no baogao status item: ${items.map((i) => i.text).join(' | ')}`);
    const [, errors, warnings] = /：(\d+) 错误 (\d+) 警告/.exec(ours.text)!.map(Number);
    assert.ok(errors! >= 10 && warnings! >= 2, ours.text);
    // VS Code's problems indicator (errors, warnings) agrees.
    const problems = items.find((i) => i.id === 'status.problems');
    assert.ok(problems, 'no status.problems item');
    assert.ok(problems.text.replace(/\s+/g, ' ').includes(`${errors} ${warnings}`), `status.problems "${problems.text}" vs ${ours.text}`);
  });

  it('lists the Chinese messages in the Problems panel (缺少必备部分, 年份范围, 半角标点)', async () => {
    const wb = get();
    const rows = await wb.readProblems({ waitForMarkers: 10 });
    const markers = rows.filter((r) => r.kind === 'marker').map((r) => `${r.text} ${r.label}`);
    const all = markers.join('\n');
    assert.ok(markers.some((m) => m.includes('缺少必备部分“党政主要负责人履行推进法治建设第一责任人职责情况”')), all);
    assert.ok(markers.some((m) => m.includes('年份范围“2015-2020年”用了连字符')), all);
    assert.ok(markers.some((m) => m.includes('中文里用了半角标点“:”')), all);
    assert.ok(markers.some((m) => /BG602/.test(m) && m.includes('没有对应的')), all);
  });

  it('shows the numbered headings in the Outline', async () => {
    const wb = get();
    const names = await wb.readOutline({ waitForItems: 3 });
    // The tree opens expanded: the first heading, its sub-headings, then its figures fill the view.
    assert.equal(names[0], '一、依法全面履行政府职能情况', names.join(' | '));
    assert.ok(names.includes('（一）全面部署法治建设'), names.join(' | '));
  });

  it('hovers a figure with the mouse and sees its value (持证率 81.48%)', async () => {
    const wb = get();
    await wb.openFileFromExplorer(REPORT);
    await wb.goTo(LINE.rates, 1); // scrolls line 42 into view
    const text = await wb.hoverText('{持证率 =', 2); // the mouse over 证 of 持证率
    assert.match(text, /81\.48%/, text);
    assert.match(text, /持证\/应领证/, text);
    await wb.dismiss();
    await wb.page.mouse.move(5, 5);
  });
}

describe('baogao UI: trusted workspace, extension installed from the .vsix', function () {
  this.timeout(300_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.open({ name: 'baogao-trusted', folder: SAMPLES, trust: 'trusted', vsix: [baogaoVsix()], settings: SETTINGS });
  });
  after(async () => {
    await wb?.close();
  });
  // A failed step may leave a menu or widget open: close it, so the next step starts clean.
  afterEach(async function () {
    tellServerLog(this, wb);
    for (let i = 0; i < 2; i++) await wb?.page.keyboard.press('Escape');
  });

  it('is not in Restricted Mode', async () => {
    assert.equal(await wb.isRestrictedMode(), false);
  });

  writerBasics(() => wb);

  it('types { and chooses the figure 调处 from the completion list', async () => {
    await wb.openFileFromExplorer(REPORT);
    await wb.goTo(LINE.problems + 1, 1);
    await wb.focusEditor();
    await wb.page.keyboard.press('ArrowLeft'); // the end of line 58 (…问题和困难。)
    await wb.type('共');
    await wb.page.keyboard.type('{'); // a real key press: the editor closes the brace, the server may suggest
    const labels = await wb.triggerCompletion({ waitFor: '调处' });
    assert.ok(labels.includes('调处'), labels.join(' '));
    assert.ok(labels.includes('持证率'), labels.join(' '));
    await wb.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row', { hasText: /^调处/ }).first().click();
    await wb.page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden' });
    await wb.screenshot('completion-chosen');
    const line = (await wb.editorLines()).find((l) => l.text.includes('但仍存在一些问题和困难'));
    assert.ok(line, 'the edited line is not visible');
    assert.ok(line.text.endsWith('困难。共{调处}'), line.text.slice(-30));
    await wb.closeAllEditors(); // without saving
  });

  it('applies a quick fix with Ctrl+. on a half-width colon: 改为“：”', async () => {
    await wb.openFileFromExplorer(REPORT);
    // As a writer goes to a problem: from its row in the Problems panel.
    await wb.readProblems({ waitForMarkers: 10 });
    await wb.clickProblem('中文里用了半角标点“:”');
    await wb.page.waitForTimeout(500);
    await wb.screenshot('at-problem');
    const titles = await wb.quickFixes();
    assert.ok(titles.some((t) => t.includes('改为“：”')), titles.join(' | '));
    await wb.chooseQuickFix('改为“：”');
    const lines = await wb.editorTextsWhen((texts) => texts.some((l) => l.includes('汇报如下：')));
    await wb.screenshot('quick-fix-applied');
    assert.ok(lines.some((l) => l.includes('汇报如下：')), lines.filter((l) => l.includes('汇报如下')).join('\n') || 'line 15 not visible');
    assert.ok(!lines.some((l) => l.includes('汇报如下:')));
    await wb.closeAllEditors(); // without saving
  });

  it('pastes text copied from Word with Ctrl+V: the typed number gone, the amounts written as figures (粘贴为报告语言)', async () => {
    await wb.openFileFromExplorer(REPORT);
    // The clipboard as a copy from Word leaves it (plain text, not copied in VS Code).
    await wb.page.evaluate(
      (text) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(text),
      '（一）调处矛盾纠纷。全年调处矛盾纠纷30起，成功28起。\n',
    );
    await wb.goTo(LINE.problems - 1, 1); // the blank line below the heading 存在问题
    await wb.focusEditor();
    await wb.page.keyboard.press('Control+V');
    let lines = await wb.editorTextsWhen((texts) => texts.some((l) => l.includes('{调处矛盾纠纷 = 30起}')), 15_000);
    await wb.screenshot('pasted-from-word');
    assert.ok(lines.some((l) => l.includes('全年调处矛盾纠纷{调处矛盾纠纷 = 30起}，成功{成功之二 = 28起}。')), lines.filter((l) => l.includes('调处矛盾纠纷')).join('\n') || 'the pasted lines are not visible');
    // The heading line as drawn: `## 调处矛盾纠纷` and its number （一） shown by the inlay hint.
    assert.ok(lines.some((l) => /^##(（一）)?调处矛盾纠纷$/.test(l.replace(/\s/g, ''))), 'the typed （一） became a level-2 heading under 存在问题');
    // Copied inside VS Code, the writer's own markup is pasted as it is (not escaped, not renamed).
    await wb.goTo(LINE.problems, 1); // the pasted paragraph
    await wb.page.keyboard.press('Home');
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.press('Control+C');
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Control+V');
    const pasted = '全年调处矛盾纠纷{调处矛盾纠纷 = 30起}，成功{成功之二 = 28起}。';
    lines = await wb.editorTextsWhen((texts) => texts.filter((l) => l.includes(pasted)).length === 2);
    await wb.screenshot('copied-in-editor');
    assert.equal(lines.filter((l) => l.includes(pasted)).length, 2, lines.filter((l) => l.includes('调处矛盾纠纷')).join('\n'));
    assert.ok(!lines.some((l) => l.includes('\\{')), 'nothing escaped');
    // Copied from a plain-text editor in VS Code (last year's .txt opened there): converted like Word's text.
    await wb.runCommand('File: New Untitled Text File');
    await wb.type('（二）矛盾纠纷排查。全年排查纠纷40起。');
    await wb.page.keyboard.press('Control+A');
    await wb.page.keyboard.press('Control+C');
    await wb.page.locator('.tabs-container .tab', { hasText: REPORT }).first().click();
    await wb.goTo(LINE.problems + 2, 1); // the blank line below the two pasted paragraphs
    await wb.focusEditor();
    await wb.page.keyboard.press('Control+V');
    lines = await wb.editorTextsWhen((texts) => texts.some((l) => l.includes('{排查纠纷 = 40起}')));
    await wb.screenshot('pasted-from-text-editor');
    assert.ok(lines.some((l) => l.includes('全年排查纠纷{排查纠纷 = 40起}。')), lines.filter((l) => l.includes('排查')).join('\n') || 'not visible');
    await wb.closeAllEditors(); // without saving
  });

  it('F2 on {年度} offers the year; typing 2021 changes @年度 in the header, the {年度} uses stay', async () => {
    await wb.openFileFromExplorer(REPORT);
    await wb.goTo(LINE.opening, 1);
    await wb.clickText('桂圩镇{年度}年度', 5); // between 年 and 度 of the first {年度}
    await wb.page.keyboard.press('F2');
    const input = wb.page.locator('.rename-box input').first();
    assert.equal(await valueOf(input, (v) => v === '2020'), '2020', 'F2 offers the value, not the name');
    await input.fill('2021');
    await wb.screenshot('rename-year');
    await input.press('Enter');
    await wb.goTo(LINE.title + 3, 1);
    let lines: string[] = [];
    for (let i = 0; i < 50 && !lines.includes('@年度 2021'); i++) {
      lines = (await wb.editorLines()).map((l) => l.text.trim());
      await wb.page.waitForTimeout(200);
    }
    assert.ok(lines.includes('@年度 2021'), lines.join('\n'));
    assert.ok(lines.some((l) => l.includes('桂圩镇{年度}年度法治政府建设工作')), 'the uses stay {年度}');
    await wb.closeAllEditors();
  });

  it('runs 报告: 排版为纯文本 from the palette and shows the rendering with the centred title', async () => {
    await wb.openFileFromExplorer(REPORT);
    await wb.runCommand('报告: 排版为纯文本');
    // An untitled editor beside the report (VS Code names its tab after the first line: the title).
    // The title wraps between its phrases as it prints: 桂圩镇人民政府 / 2020年度法治政府建设情况报告.
    const output = wb.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: TITLE_END }).filter({ hasNotText: '@标题' });
    await output.first().waitFor();
    const lines = (await wb.editorLines(output.first())).map((l) => l.text).filter((l) => l.trim());
    await wb.screenshot('render-text');
    assert.equal(lines[0]!.trim() + lines[1]!.trim(), TITLE, lines.slice(0, 3).join('\n'));
    assert.match(lines[0]!, /^[\u3000 ]{2,}\S/, 'the title is not centred');
    assert.ok(lines.some((l) => l.trim() === '一、依法全面履行政府职能情况'), lines.join('\n'));
    await wb.closeAllEditors();
  });

  it('opens 报告: 打开预览 and shows the report in the preview', async () => {
    await wb.openFileFromExplorer(REPORT);
    await wb.runCommand('报告: 打开预览');
    await wb.page.locator('.tabs-container .tab', { hasText: `预览：${REPORT}` }).first().waitFor();
    const text = await wb.webviewText({ waitFor: TITLE_END });
    assert.ok(text.replace(/\s+/g, '').includes(TITLE), text.slice(0, 200));
    assert.ok(text.includes('一、依法全面履行政府职能情况'), text.slice(0, 400));
  });

  it('the preview is the printed page: A4 pages with page numbers; typing updates it in place, the scroll kept', async () => {
    // The preview of the previous step is still open beside the report.
    const frame = wb.webviewFrame();
    await frame.locator('section.page').nth(2).waitFor();
    const numbers = await frame.locator('section.page .pageno').allTextContents();
    assert.deepEqual(numbers.slice(0, 3), ['— 1 —', '— 2 —', '— 3 —']);
    const scrollY = await frame.locator('section.page').nth(2).evaluate((el: any) => {
      el.scrollIntoView();
      return el.ownerDocument.defaultView.scrollY as number;
    });
    assert.ok(scrollY > 0);
    // The editor follows the preview (scroll sync) to the line the preview shows at its top. The page
    // ignores its own scroll for a moment after it was scrolled for the editor, so it is nudged until
    // the editor has left the report's first line.
    const editorFollowed = async () => ((await wb.editorLines()).find((l) => l.onScreen && l.line !== undefined)?.line ?? 1) > 1;
    for (let i = 0; i < 20 && !(await editorFollowed()); i++) {
      await frame.locator('body').evaluate((el: any, dy: number) => el.ownerDocument.defaultView.scrollBy(0, dy), i % 2 ? -4 : 4);
      await wb.page.waitForTimeout(500);
    }
    assert.ok(await editorFollowed(), 'the editor follows the preview’s scroll');
    await wb.page.waitForTimeout(500);
    // Patched, not reloaded: a page the edit does not change stays the same element.
    await frame.locator('section.page').first().evaluate((el: any) => { el.dataset.mark = 'kept'; });
    const before = await frame.locator('body').evaluate((el: any) => el.ownerDocument.defaultView.scrollY as number);
    // The words are typed at the start of a paragraph the editor shows, so that nothing scrolls: a source
    // line that starts with a Chinese character after an empty or a heading's line (a directive or comment
    // prints nothing of what is typed). Go to Line puts the cursor there without moving a line in view.
    const shown = await wb.editorLines();
    const startsParagraph = (i: number) => i > 0 && shown[i]!.line !== undefined && /^\s*(#|$)/.test(shown[i - 1]!.text);
    const prose = shown.find((l, i) => l.onScreen && startsParagraph(i) && /^\s*[\u4e00-\u9fff]/.test(l.text));
    assert.ok(prose, `a paragraph's first row on screen: ${JSON.stringify(shown.map((l) => [l.line, l.onScreen, l.text.slice(0, 12)]))}`);
    await wb.goTo(prose.line!, 1);
    await wb.type('新增一句话。');
    // The printed line holding the typed words' first character: the layout breaks lines every 28
    // characters, so the words may run over two lines (no one element need hold them all).
    const typedAt = async () => frame.locator('body').evaluate((body: any) => {
      const lines = [...body.querySelectorAll('section.page .line')] as any[];
      const texts = lines.map((l) => (l.textContent ?? '').replace(/\s+/g, ''));
      const all = texts.join('');
      const at = all.indexOf('新增一句话');
      if (at < 0) return -1;
      let passed = 0;
      return texts.findIndex((t) => (passed += t.length) > at);
    });
    for (const deadline = Date.now() + 30_000; (await typedAt()) < 0; ) {
      assert.ok(Date.now() < deadline, 'the typed words “新增一句话” appear in the preview within 30 s');
      await wb.page.waitForTimeout(200);
    }
    await wb.page.waitForTimeout(500);
    await wb.screenshot('preview-updated');
    // Not reloaded to the top: the preview stays where the writer is, the typed words in view.
    const after = await frame.locator('body').evaluate((el: any) => el.ownerDocument.defaultView.scrollY as number);
    assert.ok(after > 0 && Math.abs(after - before) < 1000, `scroll kept near the edit: ${before} → ${after}`);
    const typed = await frame.locator('section.page .line').nth(await typedAt()).evaluate((el: any) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= el.ownerDocument.defaultView.innerHeight;
    });
    assert.ok(typed, 'the typed words are in view in the preview');
    assert.equal(await frame.locator('section.page[data-mark="kept"]').count(), 1, 'the first page was not redrawn');
  });

  it('scrolls the preview with the editor, and double-click on the preview goes to the source line', async () => {
    const frame = wb.webviewFrame();
    await frame.locator('body').evaluate((el: any) => el.ownerDocument.defaultView.scrollTo(0, 0));
    await wb.page.waitForTimeout(1000); // the editor follows the preview up first
    await wb.goTo(LINE.problems, 1);
    const synced = await (async () => {
      for (let i = 0; i < 50; i++) {
        const y = await frame.locator('body').evaluate((el: any) => el.ownerDocument.defaultView.scrollY as number);
        if (y > 200) return y;
        await wb.page.waitForTimeout(200);
      }
      return 0;
    })();
    assert.ok(synced > 200, 'the preview followed the editor down');
    const heading = frame.locator('.line', { hasText: '二、' }).first();
    await heading.dblclick();
    const status = async () => (await wb.statusBarItems()).find((i) => i.id === 'status.editor.selection')?.text ?? '';
    let where = '';
    for (let i = 0; i < 50; i++) {
      where = await status();
      const at = /(\d+)/.exec(where)?.[1];
      if (at && Number(at) !== LINE.problems) break;
      await wb.page.waitForTimeout(200);
    }
    await wb.screenshot('double-click-to-source');
    const line = Number(/(\d+)/.exec(where)?.[1]);
    assert.ok(line > 1 && line < LINE.problems, `the cursor went to the heading's line: ${where}`);
    await wb.closeAllEditors();
  });

  it('prints from the preview’s 打印 button: the browser gets the printed pages, which open its print dialog', async () => {
    // A webview cannot print (no allow-modals in its sandbox); in a browser window the print-ready page is
    // downloaded by the browser itself, and opening it opens the print dialog.
    await wb.openFileFromExplorer(REPORT);
    await wb.runCommand('报告: 打开预览');
    const frame = wb.webviewFrame();
    await frame.locator('section.page').first().waitFor();
    const download = wb.page.waitForEvent('download', { timeout: 60_000 });
    await frame.locator('#btn-print').click();
    const saved = await download;
    assert.equal(saved.suggestedFilename(), 'guiwei-2020.html');
    const file = path.join(wb.artifacts, 'guiwei-2020.html');
    await saved.saveAs(file);
    const html = readFileSync(file, 'utf8');
    assert.ok(html.includes(`<title>${TITLE}</title>`), html.slice(0, 400));
    assert.equal((html.match(/class="folio"/g) ?? []).length, 5, 'five printed pages, each with its page number');
    const opened = await wb.page.context().newPage();
    // The page's print() recorded instead of a dialog headless Chromium cannot show.
    await opened.addInitScript('window.printCalls = 0; window.print = () => { window.printCalls++; };');
    await opened.goto(`file://${file}`);
    await opened.waitForFunction('window.printCalls === 1', undefined, { timeout: 10_000 });
    await opened.close();
    await wb.screenshot('printed');
    await wb.closeAllEditors();
  });

  it('从上一年报告新建 from a report without @年度: asked its year (guessed from the name), saved, opened with @年度 + 1', async () => {
    writeFileSync(path.join(wb.workspace, '东口镇-2021.bg'), '@机关 东口镇人民政府\n\n# 一\n2021年共调处{调处 = 15起}。\n');
    await wb.openFileFromExplorer('东口镇-2021.bg');
    await wb.runCommand('报告: 从上一年报告新建');
    const input = wb.page.locator('.quick-input-widget input[type="text"]').first();
    assert.equal(await valueOf(input, (v) => v === '2021'), '2021', 'the year guessed from the file name');
    await wb.screenshot('asked-year');
    await input.press('Enter');
    // Then the save dialog, its name a year on.
    assert.match(await valueOf(input, (v) => v.endsWith('东口镇-2022.bg')), /东口镇-2022\.bg$/);
    await input.press('Enter');
    await wb.page.locator('.tabs-container .tab.active', { hasText: '东口镇-2022.bg' }).first().waitFor();
    const file = path.join(wb.workspace, '东口镇-2022.bg');
    for (let i = 0; i < 50 && !existsSync(file); i++) await wb.page.waitForTimeout(200);
    assert.match(readFileSync(file, 'utf8'), /^@机关 东口镇人民政府\n@年度 2022\n@日期 ？\n@上年 东口镇-2021\.bg\n/);
    await wb.screenshot('new-from-last-year');
    await wb.closeAllEditors();
  });

  it('exports Word from the palette (报告: 导出为 Word), saved where the dialog says', async () => {
    await wb.openFileFromExplorer(REPORT);
    await wb.runCommand('报告: 导出为 Word（DOCX）');
    // code-server's own save dialog: the path is filled in beside the report; Enter saves.
    const input = wb.page.locator('.quick-input-widget input[type="text"]').first();
    assert.match(await valueOf(input, (v) => v.endsWith('.docx')), /guiwei-2020\.docx$/);
    await wb.screenshot('save-dialog');
    await input.press('Enter');
    const file = path.join(wb.workspace, 'guiwei-2020.docx');
    for (let i = 0; i < 100 && !existsSync(file); i++) await wb.page.waitForTimeout(200);
    assert.ok(existsSync(file), `${file} written`);
    assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK');
    await wb.closeAllEditors();
  });
  it('opens the walkthrough 开始写法治政府建设情况报告 (Welcome: Open Walkthrough...): the year in seven steps, and a step’s button runs its command', async () => {
    await wb.closeAllEditors();
    await wb.openWalkthrough('法治政府', '开始写法治政府建设情况报告');
    const steps = ['从去年的 Word 报告开始', '边写边检查', '数字写成指标', '预览版面', '导出 Word 交稿', '明年的报告', '县里审阅各乡镇的报告'];
    for (const title of steps) await wb.page.getByText(title, { exact: true }).first().waitFor();
    await wb.page.getByText('预览版面', { exact: true }).first().click();
    const button = wb.page.getByText('打开预览', { exact: true }).first();
    await button.waitFor();
    await wb.screenshot('walkthrough');
    // No report is open: the preview's command says what it needs. Twice (in CI, and once run alone) the
    // palette opened right after the click found the window held (inert) and never took the text; cause
    // not found. A click event on the button itself, a second's pause, and a picture of that moment.
    await button.dispatchEvent('click');
    await wb.page.waitForTimeout(1000);
    await wb.screenshot('walkthrough-after-click');
    const shown = await wb.notifications({ waitFor: '请先打开一个报告' });
    assert.ok(shown.some((n) => n.includes('请先打开一个报告（.bg 文件）')), shown.join('\n'));
    await wb.closeAllEditors();
  });
});

describe('baogao UI: English display language', function () {
  this.timeout(300_000);
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open({ name: 'baogao-english', folder: SAMPLES, trust: 'trust-disabled', vsix: [baogaoVsix()], settings: SETTINGS, locale: 'en' });
  });
  after(async () => {
    await wb?.close();
  });

  it('shows the commands in English', async () => {
    await wb.openFileFromExplorer(REPORT);
    const labels = await wb.paletteLabels('Baogao: ', 'Export as Word');
    for (const title of ['Baogao: Export as Word (DOCX)', 'Baogao: Import Word Report', "Baogao: New Report from Last Year's", 'Baogao: Collect Figures', 'Baogao: Open Preview']) {
      assert.ok(labels.includes(title), `${title} in ${labels.join(' | ')}`);
    }
    assert.ok(!labels.some((l) => /导出|预览/.test(l)), labels.join(' | '));
  });

  it('shows the walkthrough in English: its title and steps', async () => {
    await wb.openWalkthrough('rule-of-law', 'Write a rule-of-law government report');
    for (const title of ["Start from last year's Word report", 'Checked as you write', 'Export the Word file to hand in', "The county reviews the towns' reports"]) {
      await wb.page.getByText(title, { exact: true }).first().waitFor();
    }
    await wb.screenshot('walkthrough-en');
  });
});

describe('baogao UI: Restricted Mode workspace, extension installed from the .vsix', function () {
  this.timeout(300_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.open({ name: 'baogao-restricted', folder: SAMPLES, trust: 'restricted', vsix: [baogaoVsix()], settings: SETTINGS });
  });
  after(async () => {
    await wb?.close();
  });
  afterEach(async function () {
    tellServerLog(this, wb);
    for (let i = 0; i < 2; i++) await wb?.page.keyboard.press('Escape');
  });

  it('is in Restricted Mode', async () => {
    assert.equal(await wb.isRestrictedMode(), true);
  });

  // Limited support: the language server runs (it reads only the workspace's reports), so all of these work.
  writerBasics(() => wb);

  it('still renders from the palette (built-in templates only)', async () => {
    await wb.openFileFromExplorer(REPORT);
    await wb.runCommand('报告: 排版为纯文本');
    const output = wb.page.locator('.editor-instance .view-lines', { hasText: TITLE_END }).filter({ hasNotText: '@标题' });
    await output.first().waitFor();
    await wb.screenshot('render-text-restricted');
    await wb.closeAllEditors();
  });
});
