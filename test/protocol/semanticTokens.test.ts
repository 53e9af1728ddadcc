import assert from 'node:assert/strict';
import {
  DidChangeTextDocumentNotification, SemanticTokensDeltaRequest, SemanticTokensRangeRequest, SemanticTokensRequest,
  type SemanticTokens, type SemanticTokensDelta,
} from 'vscode-languageserver-protocol/node';
import { startClient, type Client } from './helper.js';

describe('protocol: semantic tokens, delta and range', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  it('answers a delta that turns the previous tokens into the new ones', async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    const first = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })) as SemanticTokens;
    assert.ok(first.resultId && first.data.length > 0);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, text: '共{新增 = 3件}。\n' }],
    });
    const delta = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: first.resultId })) as SemanticTokensDelta;
    const full = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })) as SemanticTokens;
    assert.ok('edits' in delta, 'a delta, not the whole list');
    const data = [...first.data];
    for (const e of [...delta.edits].sort((a, b) => b.start - a.start)) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
    assert.deepEqual(data, full.data);
    assert.ok(delta.edits.reduce((n, e) => n + (e.data?.length ?? 0), 0) < full.data.length / 2, 'the delta is smaller than the list');
  });

  it('answers a range with the tokens of those lines only', async () => {
    const { uri } = await client.open('beiping-2020.bg');
    const full = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })) as SemanticTokens;
    const range = (await client.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } })) as SemanticTokens;
    const lines = (data: number[]) => { const out: number[] = []; let line = 0; for (let i = 0; i < data.length; i += 5) out.push((line += data[i]!)); return out; };
    assert.ok(range.data.length > 0 && range.data.length < full.data.length);
    assert.ok(lines(range.data).every((l) => l <= 20));
    assert.deepEqual(range.data, full.data.slice(0, range.data.length));
  });
});
