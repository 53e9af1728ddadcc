import assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { startClient, type Client } from './helper.js';

describe('protocol: diagnostics', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  it('publishes BG207 on beiping-2020.bg with code, source and Chinese message', async () => {
    const uri = client.uri('beiping-2020.bg');
    const waiting = client.diagnostics(uri);
    await client.open('beiping-2020.bg');
    const published = await waiting;
    const d = published.diagnostics.find((x) => x.code === 'BG207');
    assert.ok(d, JSON.stringify(published.diagnostics.map((x) => x.code)));
    assert.equal(d.source, 'baogao');
    assert.equal(d.severity, 1);
    assert.match(d.message as string, /没有任何整数/);
    assert.equal(published.version, 1);
  });

  it('re-checks after a change and publishes the newer version only', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    await client.diagnostics(uri);
    const broken = text.replace('{持证率 = 81.48% : 持证/应领证}', '{持证率 = 80% : 持证/应领证}');
    const waiting = client.diagnostics(uri, (p) => p.version === 3);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + '\n' }] });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text: broken }] });
    const published = await waiting;
    assert.ok(published.diagnostics.some((d) => d.code === 'BG206'));
    assert.ok(![...client.lastDiagnostics.values()].some((p) => p.uri === uri && p.version === 2), 'the debounced version 2 is never published');
  });

  it('puts diagnostics located in a snippet on the snippet URI', async () => {
    const snippet = client.uri('snippets/法律顾问制度.bg');
    assert.match(snippet, /%E6%B3%95/);
    const { uri } = await client.open('guiwei-2021.bg');
    await client.diagnostics(uri);
    const waiting = client.diagnostics(snippet, (p) => p.diagnostics.some((d) => d.code === 'BG201'));
    const { text } = await client.open('snippets/法律顾问制度.bg');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: snippet, version: 2 }, contentChanges: [{ text: `${text}\n全年{没有的指标}。\n` }],
    });
    const published = await waiting;
    assert.ok(published.diagnostics.some((d) => d.code === 'BG201' && /没有的指标/.test(d.message as string)));
  });
});
