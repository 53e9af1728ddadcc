import assert from 'node:assert/strict';
import { DocumentSymbolRequest, WorkspaceSymbolRequest, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { startClient, type Client } from './helper.js';

describe('protocol: symbols', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  it('gives the heading tree with rendered numbers and figures as children', async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('一、依法全面履行政府职能情况'), names.join(' | '));
    const first = symbols.find((s) => s.name === '一、依法全面履行政府职能情况')!;
    assert.ok(first.children!.some((c) => c.name === '（一）全面部署法治建设'));
    const all = (list: DocumentSymbol[]): DocumentSymbol[] => list.flatMap((s) => [s, ...all(s.children ?? [])]);
    const rate = all(symbols).find((s) => s.name === '持证率');
    assert.ok(rate);
    assert.equal(rate.detail, '81.48%');
  });

  it('finds headings, figures and snippets across the workspace', async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '法律顾问制度' })) as SymbolInformation[];
    assert.ok(found.some((s) => s.name === '法律顾问制度' && decodeURIComponent(s.location.uri).endsWith('snippets/法律顾问制度.bg')), JSON.stringify(found.map((s) => s.name)));
    const figures = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '持证率' })) as SymbolInformation[];
    assert.ok(figures.some((s) => s.name === '持证率' && s.location.uri.endsWith('guiwei-2020.bg')));
  });
});
