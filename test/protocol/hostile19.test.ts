// Hostile messages and documents, session 19 (each failed before its fix): a workspace-folders change of
// the wrong shape threw in the middle of the change; a live preview of a line of 100,000 unclosed “{”
// (each a piece to mark where it prints) was quadratic in time and memory and brought the server down.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DocumentSymbolRequest, WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { PreviewRequest } from '../../server/lsp/protocol.js';
import { pathToUri } from '../../server/lsp/uri.js';
import { startClient, type Client } from './helper.js';

const HEADER = '@标题 桂圩镇人民政府2021年度法治政府建设情况报告\n@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2021\n@日期 2022-01-13\n\n# 主要举措和成效 {#举措}\n';

describe('protocol: hostile inputs, session 19', () => {
  let client: Client;
  let stderr = '';
  let other: string;
  before(async () => {
    client = await startClient({}, { workspace: { workspaceFolders: true } });
    client.process.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    other = mkdtempSync(path.join(tmpdir(), 'baogao-other-'));
    writeFileSync(path.join(other, 'qita.bg'), `${HEADER}其他报告的正文。\n`);
  });
  after(async () => {
    await client.stop();
    rmSync(other, { recursive: true, force: true });
  });

  it('a workspace-folders change of the wrong shape changes nothing and throws nothing; a right one after it is applied', async () => {
    for (const event of [null, { added: null, removed: 5 }, { added: [null, 5, { uri: 7 }, { uri: 'http://example.invalid/x' }], removed: [null] }]) {
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event });
    }
    const { uri } = await client.open('guiwei-2020.bg');
    assert.ok(((await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []).length > 0);
    assert.doesNotMatch(stderr, /TypeError/);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToUri(other), name: 'other' }], removed: [] } });
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
    assert.ok(found.some((s) => s.location.uri.endsWith('qita.bg')), 'the folder added is indexed');
    assert.ok(found.some((s) => s.location.uri.endsWith('guiwei-2020.bg')), 'the folder opened still is');
  });

  it('previews a line of 100,000 unclosed “{” in linear time and memory, each marked where it prints (was: 21 s and 1.4 GB at 50,000; the server out of memory at 100,000)', async function () {
    this.timeout(120_000);
    const text = `${HEADER}${'{'.repeat(100_000)}\n`;
    const { uri } = await client.open('braces.bg', text);
    const started = Date.now();
    const result = (await client.connection.sendRequest(PreviewRequest.method, { textDocument: { uri } })) as PreviewRequest.Result;
    const ms = Date.now() - started;
    const marked = result.pages.flatMap((p) => p!.lines).flatMap((l) => l.marks ?? []);
    // Every brace but the line's last is marked, as a line of five (four marks) was before the fix.
    assert.equal(marked.length, 99_999);
    assert.ok(marked.every((m) => m.kind === 'unresolved' && m.to - m.from === 1));
    // About 1 s of work here; quadratic, it took minutes.
    assert.ok(ms < 30_000, `${ms} ms`);
    assert.ok(((await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []).length > 0, 'the server still answers');
  });
});
