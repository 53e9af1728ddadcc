// Semantic tokens, folding ranges, document links and inlay hints over the wire, one request each.
import assert from 'node:assert/strict';
import { DocumentLinkRequest, FoldingRangeRequest, InlayHintRequest, SemanticTokensRequest } from 'vscode-languageserver-protocol/node';
import { startClient, type Client } from './helper.js';

describe('protocol: semantic tokens, folding, links, inlay hints', () => {
  let client: Client;
  let uri: string;
  let text: string;
  before(async () => {
    client = await startClient();
    ({ uri, text } = await client.open('guiwei-2021.bg'));
  });
  after(async () => client.stop());

  it('answers semantic tokens', async () => {
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(tokens && tokens.data.length > 50 && tokens.data.length % 5 === 0);
  });

  it('answers folding ranges', async () => {
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(folds!.some((f) => f.kind === 'comment' && f.startLine === 0));
    assert.ok(folds!.some((f) => f.kind === 'region'));
  });

  it('answers document links', async () => {
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.ok(links!.some((l) => decodeURIComponent(l.target!).endsWith('snippets/法律顾问制度.bg')));
    assert.ok(links!.some((l) => l.target!.endsWith('guiwei-2020.bg')));
  });

  it('answers inlay hints', async () => {
    const lines = text.split('\n').length;
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } });
    assert.ok(hints!.some((h) => h.label === '一、'));
  });
});
