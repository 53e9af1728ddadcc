import assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { positionOf, startClient, type Client } from './helper.js';

describe('protocol: code actions', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  it('offers the checker fix for BG206 and the two refactors', async () => {
    const text = '@年度 2020\n\n# 标题\n共{甲 = 10件}，{乙 = 4件}，占{率 = 50% : 乙/甲}。另有35件。\n';
    const { uri } = await client.open('actions.bg', text);
    const at = positionOf(text, '50%', 1);
    const fixes = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } })) as CodeAction[];
    assert.ok(fixes.some((a) => a.kind === 'quickfix' && a.title === '改为40%'), JSON.stringify(fixes.map((a) => a.title)));
    const n = positionOf(text, '35件', 1);
    const rewrite = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: n, end: n }, context: { diagnostics: [] } })) as CodeAction[];
    const toFigure = rewrite.find((a) => a.title === '把数字改为指标');
    assert.equal(toFigure?.edit?.changes?.[uri]?.[0]?.newText, '{指标1 = 35件}');
    const extract = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } }, context: { diagnostics: [], only: ['refactor.extract'] },
    })) as CodeAction[];
    const changes = extract[0]?.edit?.documentChanges ?? [];
    assert.ok(changes.some((c) => 'kind' in c && c.kind === 'create' && decodeURIComponent(c.uri).endsWith('snippets/actions片段1.bg')));
  });
});
