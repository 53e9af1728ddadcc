import assert from 'node:assert/strict';
import {
  DidChangeWatchedFilesNotification, FileChangeType, WorkspaceSymbolRequest, type SymbolInformation,
  CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest, RenameRequest, SemanticTokensRequest, CodeActionRequest,
} from 'vscode-languageserver-protocol/node';
import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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

  it('a baogao.json it does not read (a symlink out of the workspace) is BG962 with the reason, nothing of it applied (was: BG960 “不是有效的 JSON（缺少值）” of a valid file)', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-outside-ws-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'baogao-outside-'));
    writeFileSync(path.join(outside, 'baogao.json'), '{"checks": {"BG601": "off"}}');
    symlinkSync(path.join(outside, 'baogao.json'), path.join(folder, 'baogao.json'));
    writeFileSync(path.join(folder, 'r.bg'), '@年度 2021\n\n# 一\n\n正文,有逗号。\n');
    const own = await startClient({}, { folder });
    try {
      const { uri } = await own.open('r.bg');
      const found = await own.diagnostics(uri);
      assert.ok(found.diagnostics.some((d) => d.code === 'BG601'), 'the settings outside are not applied');
      // Published before the report's or after them.
      const config = own.lastDiagnostics.get(own.uri('baogao.json')) ?? (await own.diagnostics(own.uri('baogao.json')));
      assert.equal(config.diagnostics.length, 1);
      assert.equal(config.diagnostics[0]!.code, 'BG962');
      assert.match(String(config.diagnostics[0]!.message), /^baogao\.json：无法读取：“.*baogao\.json”在工作区之外（实际位置 .*baogao\.json），不予读取。全部设置按默认值。$/);
    } finally {
      await own.stop();
      rmSync(folder, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('files the client says changed are indexed only if they are reports of the workspace (was: baogao.json, a .txt and a .bg in a hidden folder checked as reports — “语法错误” on baogao.json; a change of another shape dropped the others)', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-watched-'));
    writeFileSync(path.join(folder, 'baogao.json'), '{"lineWidth": 28}');
    writeFileSync(path.join(folder, '笔记.txt'), '# 标题\n\n正文,有逗号。{甲 = 3件}\n');
    mkdirSync(path.join(folder, '.history'));
    writeFileSync(path.join(folder, '.history', '旧稿.bg'), '# 旧标题\n\n正文,有逗号。\n');
    writeFileSync(path.join(folder, 'r.bg'), '@年度 2021\n\n# 一\n\n正文。\n');
    const own = await startClient({}, { folder });
    try {
      const checked = async () => {
        const result = (await own.connection.sendRequest('baogao/checkWorkspace', {})) as { files: Array<{ uri: string }> };
        return result.files.map((f) => path.basename(decodeURIComponent(f.uri))).sort();
      };
      assert.deepEqual(await checked(), ['r.bg']);
      // As VS Code tells of a save (it watches baogao.json too).
      await own.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [
        { uri: own.uri('baogao.json'), type: FileChangeType.Changed },
        { uri: own.uri('笔记.txt'), type: FileChangeType.Changed },
        { uri: own.uri('.history/旧稿.bg'), type: FileChangeType.Created },
        { uri: 'file:///etc/passwd', type: FileChangeType.Changed },
      ] });
      assert.deepEqual(await checked(), ['r.bg']);
      const symbols = (await own.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
      assert.deepEqual(symbols.map((s) => path.basename(decodeURIComponent(s.location.uri))), ['r.bg']);
      // A report created in the workspace is still indexed on the client's word, after a change of another shape (was: the whole notification dropped).
      writeFileSync(path.join(folder, '新.bg'), '# 新的部分\n\n共{新指标 = 3件}。\n');
      await own.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: 42, type: FileChangeType.Changed } as never, { uri: own.uri('新.bg'), type: FileChangeType.Created }] });
      assert.deepEqual(await checked(), ['r.bg', '新.bg']);
    } finally {
      await own.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('checking the workspace says which report it could not read, and lists none deleted since the index listed it (was: a report of 12 MB passed over in silence; a deleted one checked as empty)', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-unread-'));
    // Beyond the 10 MB a report is read to (a sparse file: nothing written).
    const big = openSync(path.join(folder, '大.bg'), 'w');
    ftruncateSync(big, 12 * 1024 * 1024);
    closeSync(big);
    writeFileSync(path.join(folder, '删.bg'), '@年度 2021\n\n# 一\n\n正文。\n');
    writeFileSync(path.join(folder, 'r.bg'), '@年度 2021\n\n# 一\n\n正文。\n');
    const own = await startClient({}, { folder });
    type Checked = { files: Array<{ uri: string; diagnostics: Array<{ code: string; message: string }> }> };
    try {
      // Listed by the index (workspace symbols build it), then deleted before the check reads it.
      await own.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
      rmSync(path.join(folder, '删.bg'));
      const result = (await own.connection.sendRequest('baogao/checkWorkspace', {})) as Checked;
      const byName = new Map(result.files.map((f) => [path.basename(decodeURIComponent(f.uri)), f.diagnostics]));
      assert.deepEqual([...byName.keys()].sort(), ['r.bg', '大.bg']);
      assert.deepEqual(byName.get('大.bg')!.map((d) => d.code), ['BG902']);
      assert.match(byName.get('大.bg')![0]!.message, /^无法读取，未作检查：“.*大\.bg”有 12582912 字节，超过上限 10485760 字节，不予读取。$/);
    } finally {
      await own.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
