// Features that change the text — rename, quick fixes, formatting — asked for through VS Code and applied
// with vscode.workspace.applyEdit, on copies of the samples (the samples themselves stay as they are).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, bgDiagnostics, closeAllEditors, codeOf, describeDiagnostics, fileUri, LANGUAGE_ID, openCopy, openNew, positionOf, waitFor, waitForDiagnostics,
} from './helpers';

async function applyTextEdits(doc: vscode.TextDocument, edits: readonly vscode.TextEdit[]): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, [...edits]);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');
}

describe('baogao extension: rename', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('renames the figure 调处 at its definition and at every use', async () => {
    const doc = (await openCopy('guiwei-2020.bg', 'e2e-rename.bg')).document;
    await waitForDiagnostics(doc.uri, (l) => l.length > 0, 'server ready');
    const before = doc.getText();
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, '{调处 =', 1), '调处数');
    assert.ok(edit, 'no rename edit');
    const edits = edit.get(doc.uri);
    assert.equal(edits.length, 2, JSON.stringify(edits));
    assert.ok(edits.every((e) => e.newText === '调处数'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = doc.getText();
    assert.ok(after.includes('{调处数 = 150起}'), 'definition not renamed');
    assert.ok(after.includes('{成功率 = 98% : 成功/调处数}'), 'use in 成功/调处 not renamed');
    assert.equal(after.replace(/调处数/g, '调处'), before, 'rename changed something else');
    // The renamed report still checks: no unknown-figure error appears.
    await waitFor('diagnostics after the rename', async () => {
      const list = bgDiagnostics(doc.uri);
      return list.length > 0 && !list.some((d) => /调处/.test(d.message)) ? list : undefined;
    });
  });
});

describe('baogao extension: rename of a header value', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('F2 on {年度} offers the year and changes @年度: every {年度} stays and now reads 2021', async () => {
    const doc = (await openCopy('guiwei-2020.bg', 'e2e-rename-year.bg')).document;
    await waitForDiagnostics(doc.uri, (l) => l.length > 0, 'server ready');
    const before = doc.getText();
    const at = positionOf(doc, '{年度}', 1);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', doc.uri, at);
    assert.equal(prepared?.placeholder, '2020');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at, '2021');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText(), before.replace('@年度 2020', '@年度 2021'), 'only the header changed');
    const hover = await waitFor('hover with the new year', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '{年度}', 1));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return text.includes('2021') ? text : undefined;
    });
    assert.match(hover, /2021/);
  });
});

describe('baogao extension: 把数字改为指标', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('names the figure from its words as import does, and turns every number of the paragraph into figures', async () => {
    const text = '@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2020\n@日期 2021-01-13\n\n# 一\n全年共调处矛盾纠纷150起，调解成功147起，调解成功率98%。\n';
    const doc = (await openNew('e2e-number-to-figure.bg', text)).document;
    await waitForDiagnostics(doc.uri, () => true, 'server ready');
    const at = positionOf(doc, '150起', 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), vscode.CodeActionKind.RefactorRewrite.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('把数字改为指标“调处矛盾纠纷”'), JSON.stringify(titles));
    const all = actions.find((a) => a.title === '把本段数字都改为指标（3 个）');
    assert.ok(all?.edit, JSON.stringify(titles));
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.ok(doc.getText().includes('全年共调处矛盾纠纷{调处矛盾纠纷 = 150起}，调解成功{调解成功 = 147起}，调解成功率{调解成功率 = 98% : 调解成功/调处矛盾纠纷}。'), doc.getText());
    // The rate is checked now, and agrees: no error on the line.
    await waitForDiagnostics(doc.uri, (l) => !l.some((d) => d.range.start.line === 6 && d.severity === vscode.DiagnosticSeverity.Error), 'no error on the figures');
  });
});

describe('baogao extension: quick fixes', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    doc = (await openCopy('guiwei-2020.bg', 'e2e-quickfix.bg')).document;
    await waitForDiagnostics(doc.uri, (l) => l.some((d) => codeOf(d) === 'BG601'), 'BG601 on the copy');
  });
  after(closeAllEditors);

  async function fix(code: string, title: string, pick: (d: vscode.Diagnostic) => boolean): Promise<{ diagnostic: vscode.Diagnostic; action: vscode.CodeAction }> {
    const diagnostic = bgDiagnostics(doc.uri).find((d) => codeOf(d) === code && pick(d));
    assert.ok(diagnostic, `no ${code} diagnostic to fix:\n${describeDiagnostics(bgDiagnostics(doc.uri))}`);
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const quickFixes = actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    const action = quickFixes.find((a) => a.title === title);
    assert.ok(action, `no quick fix "${title}" for ${code} at ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}: ${JSON.stringify(actions.map((a) => [a.title, 'kind' in a ? a.kind?.value : 'command']))}`);
    assert.ok(action.edit, `the quick fix "${action.title}" has no edit`);
    assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit refused "${action.title}"`);
    return { diagnostic, action };
  }

  it('BG601: “改为“：”” replaces the half-width colon and the diagnostic goes away', async () => {
    const line = 14;
    assert.ok(doc.lineAt(line).text.endsWith('汇报如下:'));
    const { action, diagnostic } = await fix('BG601', '改为“：”', (d) => d.range.start.line === line);
    assert.equal(action.isPreferred, true);
    assert.ok(doc.lineAt(line).text.endsWith('汇报如下：'), doc.lineAt(line).text.slice(-20));
    await waitForDiagnostics(doc.uri, (l) => !l.some((d) => codeOf(d) === 'BG601' && d.range.start.line === line) && l.length > 0,
      `BG601 at ${line + 1}:${diagnostic.range.start.character + 1} gone`);
  });

  it('BG603: “改为一字线“—”” fixes the year range 2015-2020年', async () => {
    await fix('BG603', '改为一字线“—”', (d) => d.message.includes('2015-2020年'));
    const text = doc.lineAt(14).text;
    assert.ok(text.includes('《法治政府建设实施纲要（2015—2020年）》'), text.slice(0, 80));
    assert.ok(!text.includes('2015-2020年'));
    await waitForDiagnostics(doc.uri, (l) => l.length > 0 && !l.some((d) => codeOf(d) === 'BG603' && d.message.includes('2015-2020年')), 'BG603 for 2015-2020年 gone');
  });
});

describe('baogao extension: fix all', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    await closeAllEditors();
  });

  it('saving with editor.codeActionsOnSave source.fixAll applies every safe fix, and the problems they fixed go away', async () => {
    const doc = (await openNew('e2e-fix-all.bg', '@年度 2020\n\n# 标题\n一是加强领导,二是完善制度;三是强化监督。落实《法治政府建设实施纲要(2015-2020年)》。\n')).document;
    await waitForDiagnostics(doc.uri, (l) => l.filter((d) => codeOf(d) === 'BG601').length === 4, 'four BG601');
    await vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID }).update('codeActionsOnSave', { 'source.fixAll': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    await vscode.window.showTextDocument(doc);
    // A change, so that the save is one the user made (codeActionsOnSave runs on explicit saves).
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.lineAt(3).range.end, '成效明显。');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the safe fixes applied on save', () => doc.getText().includes('一是加强领导，二是完善制度；') && doc.getText().includes('（2015—2020年）'));
    await waitForDiagnostics(doc.uri, (l) => !l.some((d) => codeOf(d) === 'BG601' || codeOf(d) === 'BG603'), 'no BG601 or BG603 left');
  });
});

describe('baogao extension: formatting', () => {
  after(closeAllEditors);

  it('normalises headings, figures, blank lines and trailing spaces, and is idempotent', async () => {
    const messy = '\n\n@年度 2020\n\n\n\n#依法行政   \n共调处{ 调处=150起 }，其中{调处}。  \n\n\n##  小节\n文字';
    const doc = (await openNew('e2e-format.bg', messy)).document;
    const options = { tabSize: 2, insertSpaces: true };
    const first = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, options);
    assert.ok(first && first.length > 0, 'no formatting edits for a messy report');
    await applyTextEdits(doc, first);
    assert.equal(doc.getText(), '@年度 2020\n\n# 依法行政\n共调处{调处 = 150起}，其中{调处}。\n\n## 小节\n文字\n');
    const second = (await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, options)) ?? [];
    assert.deepEqual(second, [], 'formatting a formatted report changes it again');
  });

  it('is idempotent on guiwei-2020.bg and loses no character of the prose', async () => {
    const doc = (await openCopy('guiwei-2020.bg', 'e2e-format-2020.bg')).document;
    const options = { tabSize: 2, insertSpaces: true };
    const first = (await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, options)) ?? [];
    const original = doc.getText();
    await applyTextEdits(doc, first);
    const once = doc.getText();
    // Formatting also applies the safe fixes (half-width punctuation, year ranges, a missing ）): those
    // replace or add characters, never drop one.
    const visible = (s: string) => s.replace(/\s+/g, '');
    assert.ok(visible(once).length >= visible(original).length, 'formatting dropped characters');
    for (const figure of ['{调处 = 150起}', '{成功率 = 98% : 成功/调处}', '{持证率 = 81.48% : 持证/应领证}']) assert.ok(once.includes(figure), figure);
    const second = (await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, options)) ?? [];
    assert.deepEqual(second, [], 'formatting the formatted report changes it again');
  });
});

describe('baogao extension: many changes at once', () => {
  after(closeAllEditors);

  // One edit of hundreds of ranges reaches the server as one didChange of hundreds of changes, last first
  // (server/lsp/contentChanges.ts applies them at once): the server's text must stay the editor's.
  it('a Replace All of every “，” by “,” in a long report, then undo: the problems of the same text opened afresh, then the report’s own', async () => {
    const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('guiwei-2020.bg')));
    const shown = (list: vscode.Diagnostic[]) => JSON.stringify(list.map((d) => [codeOf(d), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]));
    // The edited text's problems as the server finds them in a document opened with that text.
    const fresh = (await openNew('e2e-replace-all-fresh.bg', sample.repeat(5).replaceAll('，', ','))).document;
    const expected = shown(await waitForDiagnostics(fresh.uri, (l) => l.some((d) => codeOf(d) === 'BG601'), 'the problems of the text opened afresh'));
    const doc = (await openNew('e2e-replace-all.bg', sample.repeat(5))).document;
    const own = shown(await waitForDiagnostics(doc.uri, (l) => l.length > 0, 'the long report’s problems'));
    const edit = new vscode.WorkspaceEdit();
    const text = doc.getText();
    let replaced = 0;
    for (let at = text.indexOf('，'); at >= 0; at = text.indexOf('，', at + 1), replaced++) edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 1)), ',');
    // Below the 500 findings of one code a file lists, and the 1,000 the editor is sent.
    assert.ok(replaced > 300 && replaced < 500, `${replaced} commas`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(doc.uri, (l) => shown(l) === expected, 'the problems of the same text opened afresh');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), sample.repeat(5));
    await waitForDiagnostics(doc.uri, (l) => shown(l) === own, 'the report’s own problems again after undo');
  });
});
