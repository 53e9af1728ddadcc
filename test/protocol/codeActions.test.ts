import assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { positionOf, startClient, type Client } from './helper.js';

describe('protocol: code actions', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  it('offers the checker fix for BG206 and the two refactors', async () => {
    const text = '@年度 2020\n\n# 标题\n共{甲 = 10件}，{乙 = 4件}，占{率 = 50% : 乙/甲}。全年共调处矛盾纠纷35件，调解成功30件，另有2件。\n';
    const { uri } = await client.open('actions.bg', text);
    const at = positionOf(text, '50%', 1);
    const fixes = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } })) as CodeAction[];
    assert.ok(fixes.some((a) => a.kind === 'quickfix' && a.title === '改为40%'), JSON.stringify(fixes.map((a) => a.title)));
    const n = positionOf(text, '35件', 1);
    const rewrite = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: n, end: n }, context: { diagnostics: [] } })) as CodeAction[];
    const toFigure = rewrite.find((a) => a.title === '把数字改为指标“调处矛盾纠纷”');
    assert.equal(toFigure?.edit?.changes?.[uri]?.[0]?.newText, '{调处矛盾纠纷 = 35件}', JSON.stringify(rewrite.map((a) => a.title)));
    const all = rewrite.find((a) => a.title.startsWith('把本段数字都改为指标'));
    assert.deepEqual(all?.edit?.changes?.[uri]?.map((e) => e.newText), ['{调处矛盾纠纷 = 35件}', '{调解成功 = 30件}'], 'every number the words name; never 指标1');
    const extract = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } }, context: { diagnostics: [], only: ['refactor.extract'] },
    })) as CodeAction[];
    const changes = extract[0]?.edit?.documentChanges ?? [];
    assert.ok(changes.some((c) => 'kind' in c && c.kind === 'create' && decodeURIComponent(c.uri).endsWith('snippets/actions片段1.bg')));
  });

  it('内联片段 replaces an @引用 line with the snippet text, its parameters filled in', async () => {
    const text = '@机关 某镇人民政府\n@年度 2023\n\n# 标题\n@引用 法律顾问制度 机关=某镇 年度=2023\n';
    const { uri } = await client.open('inline.bg', text);
    const at = positionOf(text, '@引用', 2);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['refactor.inline'] } })) as CodeAction[];
    const inline = actions.find((a) => a.title === '内联片段“法律顾问制度”');
    const edit = inline?.edit?.changes?.[uri]?.[0];
    assert.ok(edit, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(edit.range.start.line, 4);
    assert.doesNotMatch(edit.newText, /@片段|@参数|\{机关\}|\{年度\}/);
    assert.match(edit.newText, /某镇/);
  });

  it('fixes every safe problem at once when asked for source.fixAll (the Source Action menu, on save), never in the light bulb', async () => {
    const text = '@年度 2020\n\n# 标题\n一是加强领导,二是完善制度;三是强化监督。落实《法治政府建设实施纲要(2015-2020年)》，成效明显。\n';
    const { uri } = await client.open('fix-all.bg', text);
    const at = positionOf(text, ',', 1);
    const ask = (only?: string[]) => client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
    const [all] = await ask(['source.fixAll']);
    assert.equal(all?.kind, 'source.fixAll.baogao');
    // Four half-width marks and the year range's dash; the title's wording (BG501) is not a safe fix.
    assert.equal(all?.title, '修正全部可自动修正的问题（5 处）');
    assert.deepEqual(all?.edit?.changes?.[uri]?.map((e) => e.newText), ['，', '；', '（', '—', '）']);
    const lightBulb = await ask();
    assert.ok(!lightBulb.some((a) => a.kind?.startsWith('source')), JSON.stringify(lightBulb.map((a) => a.title)));
    // The quick fix at the cursor, and the same fix for every problem of its kind in the file.
    const kind = lightBulb.find((a) => a.title.startsWith('修正本文件全部'));
    assert.equal(kind?.kind, 'quickfix');
    assert.equal(kind?.title, '修正本文件全部 4 处“中文里用了半角标点”（BG601）');
    assert.deepEqual(kind?.edit?.changes?.[uri]?.map((e) => e.newText), ['，', '；', '（', '）']);
  });

  it('offers the skeleton on an empty report', async () => {
    const { uri } = await client.open('empty-actions.bg', '\n');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })) as CodeAction[];
    const skeleton = actions.find((a) => a.title === '插入报告骨架');
    assert.equal(skeleton?.command?.command, 'baogao.insertSkeleton');
  });
});
