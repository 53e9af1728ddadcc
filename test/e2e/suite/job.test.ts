// The whole job without leaving the editor (issue 12): the preview follows typing and the active report,
// export to Word, import last year's Word file, next year's report, baogao.json applied — through the
// commands as the palette, menus and the preview's toolbar run them (a target passed instead of the
// save dialog).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, bgDiagnostics, closeAllEditors, codeOf, fileUri, openCopy, openNew, openReport, waitFor, waitForDiagnostics } from './helpers';
import type { PreviewState } from '../../../client/preview';

const previewState = () => vscode.commands.executeCommand<PreviewState>('baogao.previewState');
const exists = async (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);

describe('baogao extension: the whole job in the editor', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('the preview shows the pages, updates as you type, follows the active report, and the lock keeps it', async () => {
    const editor = await openCopy('guiwei-2020.bg', 'preview-typing.bg');
    await vscode.commands.executeCommand('baogao.openPreview');
    const first = await waitFor('the preview pages', async () => {
      const s = await previewState();
      // Once the page is ready: until then (a slow machine) the next update sends every page, rightly.
      return s.uri === editor.document.uri.toString() && s.pageReady && s.pages >= 3 && s.version !== undefined ? s : undefined;
    });
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\n又新增一段，\n'.repeat(60)));
    const after = await waitFor('the preview updated after typing', async () => {
      const s = await previewState();
      return s.version !== undefined && s.version > first.version! && s.lastUpdateMs !== undefined ? s : undefined;
    });
    assert.ok(after.pages > first.pages, `more pages after adding text: ${first.pages} → ${after.pages}`);
    assert.ok(after.pagesSent > 0 && after.pagesSent < after.pages, `only the changed pages sent: ${after.pagesSent} of ${after.pages}`);
    console.log(`      preview update after typing: ${after.lastUpdateMs} ms`);

    const other = await openReport('beiping-2020.bg');
    await waitFor('the preview follows the active report', async () => ((await previewState()).uri === other.document.uri.toString() ? true : undefined));
    await vscode.commands.executeCommand('baogao.togglePreviewLock');
    await openReport('daxie-2021.bg');
    await new Promise((r) => setTimeout(r, 800));
    const locked = await previewState();
    assert.equal(locked.locked, true);
    assert.equal(locked.uri, other.document.uri.toString(), 'a locked preview stays on its report');
    await vscode.commands.executeCommand('baogao.togglePreviewLock');
  });

  it('导出为 Word writes a .docx where asked', async () => {
    await openReport('guiwei-2020.bg');
    const target = fileUri('导出/guiwei-2020.docx');
    const written = await vscode.commands.executeCommand<string>('baogao.exportDocx', undefined, target);
    assert.equal(written, target.toString());
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString(), 'PK', 'a .docx (zip) file');
  });

  it('导入 Word 报告 opens the new .bg', async () => {
    await openReport('guiwei-2020.bg');
    const docx = fileUri('导入/去年.docx');
    await vscode.commands.executeCommand('baogao.exportDocx', undefined, docx);
    const target = fileUri('导入/去年.bg');
    const written = await vscode.commands.executeCommand<string>('baogao.importWord', docx, target);
    assert.equal(written, target.toString());
    const active = await waitFor('the imported report in the editor', () => (vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? vscode.window.activeTextEditor : undefined));
    assert.match(active.document.getText(), /@机关 桂圩镇人民政府/);
    assert.equal(active.document.languageId, 'baogao');
  });

  it('检查 Word 报告 checks the towns’ Word files of a folder and lists their problems by paragraph', async () => {
    await openReport('guiwei-2020.bg');
    await vscode.commands.executeCommand('baogao.exportDocx', undefined, fileUri('送审/甲镇.docx'));
    await vscode.commands.executeCommand('baogao.exportDocx', undefined, fileUri('送审/乙镇.docx'));
    // As the Explorer's context menu runs it on a folder.
    const summary = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>('baogao.checkWordReports', fileUri('送审'), [fileUri('送审')]);
    assert.equal(summary.files, 2);
    assert.ok(summary.errors + summary.warnings > 0, JSON.stringify(summary));
    const listed = vscode.languages.getDiagnostics(fileUri('送审/甲镇.docx')).filter((d) => d.source === 'baogao');
    assert.ok(listed.some((d) => codeOf(d) === 'BG603' && /^第\d+段：/.test(d.message)), JSON.stringify(listed.map((d) => d.message).slice(0, 5)));
  });

  it('从上一年报告新建 writes and opens next year’s report', async () => {
    await openReport('guiwei-2021.bg');
    const target = fileUri('guiwei-2022.bg');
    const written = await vscode.commands.executeCommand<string>('baogao.newFromLastYear', undefined, target);
    assert.equal(written, target.toString(), 'no report was written (is the core’s nextYearReport in this build?)');
    assert.ok(await exists(target));
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /@年度\s+2022/);
  });

  it('从上一年报告新建 from a report without @年度: the writer says its year, the new one has @年度 + 1', async () => {
    const editor = await openNew('无年度报告-2021.bg', '@机关 桂圩镇人民政府\n\n# 一\n2021年共调处{调处 = 150起}。\n');
    const target = fileUri('无年度报告-2022.bg');
    const written = await vscode.commands.executeCommand<string>('baogao.newFromLastYear', editor.document.uri, target, 2021);
    assert.equal(written, target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^@机关 桂圩镇人民政府\n@年度 2022\n@日期 ？\n@上年 无年度报告-2021\.bg\n/);
    assert.match(text, /\{年度\}年共调处\{调处 = ？ 上年150起\}/);
  });

  it('baogao.json changes what the editor reports, and its problems show on it', async () => {
    const editor = await openReport('beiping-2020.bg');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (list) => list.some((d) => codeOf(d) === 'BG207'), 'BG207 without a baogao.json');
    const config = fileUri('baogao.json');
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "disabledChecks": ["BG207"], "lineWidth": 3 }'));
      await waitForDiagnostics(uri, (list) => list.length > 0 && !list.some((d) => codeOf(d) === 'BG207'), 'BG207 switched off by baogao.json');
      const bad = await waitFor('the problem in baogao.json shown on it', () => bgDiagnostics(config).find((d) => /lineWidth/.test(d.message)));
      assert.equal(codeOf(bad), 'BG906');
      assert.equal(bad.range.start.character, '{ "disabledChecks": ["BG207"], "lineWidth": '.length, 'on the bad value');
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "disabledChecks": ["BG207"], "lineWdith": 30 }'));
      const unknown = await waitFor('the misspelt setting shown on baogao.json', () => bgDiagnostics(config).find((d) => codeOf(d) === 'BG961'));
      assert.match(unknown.message, /不认识的设置“lineWdith”/);
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitForDiagnostics(uri, (list) => list.some((d) => codeOf(d) === 'BG207'), 'BG207 back once baogao.json is gone');
  });

  it('renaming last year’s report into another folder updates the @上年 of the report that reads it', async () => {
    const folder = fileUri('moves');
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(fileUri(`moves/${name}`), new TextEncoder().encode(text));
    try {
      await write('甲镇2020.bg', '@年度 2020\n\n# 一、主要举措\n正文。\n');
      await write('甲镇2021.bg', '@年度 2021\n@上年 甲镇2020.bg\n\n# 一、主要举措\n正文。\n');
      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(fileUri('moves/甲镇2020.bg'), fileUri('moves/归档/甲镇2020.bg'));
      assert.ok(await vscode.workspace.applyEdit(rename), 'the rename applied');
      const reader = await vscode.workspace.openTextDocument(fileUri('moves/甲镇2021.bg'));
      await waitFor('@上年 follows the move', () => reader.getText().includes('@上年 归档/甲镇2020.bg'));
      await reader.save();
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
