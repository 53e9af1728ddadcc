import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DocumentSymbolRequest, FileChangeType, WorkspaceSymbolRequest,
  type DocumentSymbol, type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
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

  it('keeps the workspace index current: files changed on disk and unsaved edits', async () => {
    const names = async (query: string) => ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[]).map((s) => s.name);
    assert.deepEqual(await names('新指标甲'), []);
    // A report changed on disk, and the client says so.
    writeFileSync(path.join(client.folder, 'new-2022.bg'), '@年度 2022\n\n# 新的部分\n共{新指标甲 = 3件}。\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('new-2022.bg'), type: FileChangeType.Created }] });
    assert.deepEqual(await names('新指标甲'), ['新指标甲']);
    // An open report edited in the editor: its unsaved text counts.
    const { uri } = await client.open('daxie-2021.bg');
    await names('新指标乙');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '@指标 新指标乙 = 5件\n' }],
    });
    assert.deepEqual(await names('新指标乙'), ['新指标乙']);
  });
});
