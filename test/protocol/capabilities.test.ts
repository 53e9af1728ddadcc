import assert from 'node:assert/strict';
import { startClient, type Client } from './helper.js';

describe('protocol: initialize', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  it('advertises every capability', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    for (const key of [
      'documentSymbolProvider', 'workspaceSymbolProvider', 'hoverProvider', 'completionProvider', 'definitionProvider', 'referencesProvider',
      'renameProvider', 'codeActionProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'semanticTokensProvider',
      'foldingRangeProvider', 'documentLinkProvider', 'inlayHintProvider', 'documentHighlightProvider', 'selectionRangeProvider',
    ] as const) {
      assert.ok(caps[key], `${key} advertised`);
    }
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    const legend = (caps.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
    for (const t of ['heading', 'directive', 'figure', 'number', 'operator', 'citation', 'label', 'comment']) assert.ok(legend.tokenTypes.includes(t), t);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.baogao', 'refactor.rewrite', 'refactor.extract', 'refactor.inline']);
  });
});
