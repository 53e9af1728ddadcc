import assert from 'node:assert/strict';
import {
  CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest, RenameRequest, SemanticTokensRequest, CodeActionRequest,
} from 'vscode-languageserver-protocol/node';
import { startClient, type Client } from './helper.js';

describe('protocol: robustness', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  const settle = <T>(p: Promise<T>) => p.then((value) => ({ value, error: undefined }), (error: unknown) => ({ value: undefined, error }));

  it('answers unknown URIs, huge positions and garbage params with empty results or errors, and keeps answering', async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    const far = { line: 1_000_000, character: 1_000_000 };
    const empty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && 'data' in v);
    const results = await Promise.all([
      settle(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nowhere/x.bg' }, position: { line: 0, character: 0 } })),
      settle(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: far })),
      settle(client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: far })),
      settle(client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: -5, character: -1 } })),
      settle(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'not a uri' } })),
      settle(client.connection.sendRequest(HoverRequest.type, { garbage: true } as never)),
      settle(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: far, newName: '' })),
      settle(client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: null, context: null } as never)),
      settle(client.connection.sendRequest(SemanticTokensRequest.type, {} as never)),
      settle(client.connection.sendRequest('baogao/unknownMethod', { x: 1 })),
    ]);
    for (const [i, r] of results.entries()) assert.ok(r.error !== undefined || empty(r.value) || r.value !== undefined, `request ${i}`);
    assert.ok(results[9]!.error, 'an unknown method is an error');
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'the server still answers');
  });
});
