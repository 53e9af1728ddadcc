import assert from 'node:assert/strict';
import {
  CodeActionRequest, DocumentLinkRequest, FoldingRangeRequest, InlayHintRequest, SemanticTokensRequest, type CodeAction,
} from 'vscode-languageserver-protocol/node';
import { pathToUri, uriToPath } from '../../server/lsp/uri.js';
import { positionOf, startClient, type Client } from './helper.js';

describe('uri converter', () => {
  it('round-trips percent-encoded Chinese names and Windows drives', () => {
    assert.equal(pathToUri('/tmp/样例/法律顾问制度.bg'), 'file:///tmp/%E6%A0%B7%E4%BE%8B/%E6%B3%95%E5%BE%8B%E9%A1%BE%E9%97%AE%E5%88%B6%E5%BA%A6.bg');
    assert.equal(uriToPath('file:///tmp/%E6%A0%B7%E4%BE%8B/a%20b.bg'), '/tmp/样例/a b.bg');
    assert.equal(uriToPath('file:///tmp/样例/x.bg'), '/tmp/样例/x.bg');
    assert.equal(uriToPath('file:///c%3A/报告/x.bg'), '/C:/报告/x.bg');
    assert.equal(pathToUri('/C:/报告/x.bg'), 'file:///c%3A/%E6%8A%A5%E5%91%8A/x.bg');
    assert.equal(uriToPath('untitled:Untitled-1'), undefined);
  });
});

describe('protocol: code actions, tokens, folding, links, inlay hints', () => {
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

  it('answers semantic tokens, folding ranges, document links and inlay hints', async () => {
    const { uri, text } = await client.open('guiwei-2021.bg');
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(tokens && tokens.data.length > 50 && tokens.data.length % 5 === 0);
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(folds!.some((f) => f.kind === 'comment' && f.startLine === 0));
    assert.ok(folds!.some((f) => f.kind === 'region'));
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.ok(links!.some((l) => decodeURIComponent(l.target!).endsWith('snippets/法律顾问制度.bg')));
    assert.ok(links!.some((l) => l.target!.endsWith('guiwei-2020.bg')));
    const lines = text.split('\n').length;
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } });
    assert.ok(hints!.some((h) => h.label === '一、'));
  });
});
