// The extension's own commands (package.json contributes.commands), run through vscode.commands as the
// palette, menus and keybindings run them.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_ID, activateExtension, allTabs, closeAllEditors, fileUri, openReport, waitFor, waitForDiagnostics } from './helpers';

const TITLE = '桂圩镇人民政府2020年度法治政府建设情况报告';

describe('baogao extension: commands', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('contributes its commands', async () => {
    await openReport('guiwei-2020.bg');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['baogao.renderText', 'baogao.renderMarkdown', 'baogao.checkWorkspace', 'baogao.insertSkeleton', 'baogao.showFigures', 'baogao.openPreview', 'baogao.restartServer']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  it('排版为纯文本 (baogao.renderText): the centred title first, the numbered headings, in an editor beside', async () => {
    const editor = await openReport('guiwei-2020.bg');
    const text = await vscode.commands.executeCommand<string>('baogao.renderText');
    assert.equal(typeof text, 'string', 'renderText returned no text');
    const lines = text.split('\n');
    // The title is centred, and wraps between its phrases (机关 / 年度…报告) as it prints.
    const start = lines.findIndex((l) => l.trim() !== '');
    const end = lines.findIndex((l, i) => i > start && l.trim() === '');
    const titleLines = lines.slice(start, end);
    assert.equal(titleLines.map((l) => l.trim()).join(''), TITLE, `title lines: ${titleLines.join(' / ')}`);
    assert.ok(titleLines.every((l) => /^[\u3000 ]{2,}\S/.test(l)), 'the title is not centred (no leading space)');
    assert.ok(lines.some((l) => l.trim() === '一、依法全面履行政府职能情况'), 'no line 一、依法全面履行政府职能情况');
    assert.ok(text.replace(/\s+/g, '').includes('持证率为81.48%'), 'figure 持证率 not printed as 81.48%');
    // The output is in a new untitled editor beside the report.
    const output = await waitFor('the render output editor', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.isUntitled && e.document.getText() === text));
    assert.equal(output.document.languageId, 'plaintext');
    assert.notEqual(output.viewColumn, editor.viewColumn);
  });

  it('排版为 Markdown (baogao.renderMarkdown) renders the same report as Markdown', async () => {
    await openReport('guiwei-2020.bg');
    const md = await vscode.commands.executeCommand<string>('baogao.renderMarkdown');
    assert.equal(typeof md, 'string');
    assert.ok(md.includes(TITLE));
    assert.ok(md.includes('一、依法全面履行政府职能情况'));
    await waitFor('a markdown editor', () => vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown'));
  });

  it('打开预览 (baogao.openPreview) opens a webview tab beside the report', async () => {
    const uri = fileUri('guiwei-2020.bg');
    await openReport('guiwei-2020.bg');
    await vscode.commands.executeCommand('baogao.openPreview', uri);
    const tab = await waitFor('a baogao.preview webview tab', () =>
      allTabs().find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('baogao.preview')));
    assert.equal(tab.label, '预览：guiwei-2020.bg');
  });

  it('显示指标表 (baogao.showFigures) returns every figure with its value and opens the table', async () => {
    await openReport('guiwei-2020.bg');
    const result = await vscode.commands.executeCommand<{ title: string | null; kind: string | null; figures: { name: string; value: string | null; check: string | null }[] }>('baogao.showFigures');
    assert.ok(result, 'showFigures returned nothing');
    assert.equal(result.title, TITLE);
    assert.equal(result.kind, '法治政府建设年度报告');
    const byName = new Map(result.figures.map((f) => [f.name, f]));
    for (const [name, value] of [['调处', '150起'], ['成功', '147起'], ['应领证', '54人'], ['持证', '44人'], ['持证率', '81.48%']]) {
      assert.equal(byName.get(name!)?.value, value, `${name}: ${JSON.stringify(byName.get(name!))}`);
    }
    assert.equal(byName.get('持证率')?.check, '持证/应领证');
    await waitFor('a baogao.figures webview tab', () =>
      allTabs().find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('baogao.figures')));
  });

  it('检查整个工作区 (baogao.checkWorkspace) counts the sample reports and their problems', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; reports: number; snippets: number; errors: number; warnings: number }>('baogao.checkWorkspace');
    assert.ok(summary, 'checkWorkspace returned nothing');
    // Six reports and six snippets, counted apart.
    assert.equal(summary.snippets, 6, JSON.stringify(summary));
    assert.ok(summary.reports >= 6 && summary.reports === summary.files - 6, JSON.stringify(summary));
    assert.ok(summary.errors > 0, JSON.stringify(summary));
    // The closed reports' diagnostics are shown too.
    await waitFor('diagnostics of a closed report', () => vscode.languages.getDiagnostics(fileUri('beiping-2020.bg')).length > 0 || undefined);
  });

  it('插入报告骨架 (baogao.insertSkeleton) fills a new report with the five parts', async () => {
    const ok = await vscode.commands.executeCommand<boolean>('baogao.insertSkeleton', '法治政府建设年度报告');
    assert.equal(ok, true);
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc && doc.languageId === LANGUAGE_ID, 'no baogao editor after inserting the skeleton');
    const text = doc.getText();
    assert.match(text, /@类型 法治政府建设年度报告/);
    assert.match(text, /\{#第一责任人\}/);
  });

  it('重启语言服务器 (baogao.restartServer): diagnostics come back afterwards', async () => {
    const editor = await openReport('guiwei-2020.bg');
    await vscode.commands.executeCommand('baogao.restartServer');
    // After the restart the edit below is checked by the new server.
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n测试,重启\n'));
    await waitForDiagnostics(editor.document.uri, (l) => l.some((d) => d.range.start.line >= editor.document.lineCount - 2), 'a diagnostic on the new line after the restart');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
