// Hostile workspaces, session 20 (each failed before its fix): a workspace folder with more folders than
// the index walks (a home folder or a disk opened as the workspace) was indexed in part without a word —
// a report beyond the bound missing from workspace symbols, references and the workspace check.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WorkspaceSymbolRequest, type ShowMessageParams, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { WALK_LIMITS } from '../../server/language/workspace.js';
import { windowMessage, windowMessageParts } from '../../server/lsp/protocol.js';
import { startClient, type Client } from './helper.js';

const REPORT = '@标题 桂圩镇人民政府2021年度法治政府建设情况报告\n@机关 桂圩镇人民政府\n@年度 2021\n@日期 2022-01-13\n\n# 主要举措和成效 {#举措}\n\n正文。\n';

describe('protocol: hostile workspaces, session 20', () => {
  let client: Client;
  let folder: string;
  const shown: ShowMessageParams[] = [];
  before(async function () {
    this.timeout(120_000);
    folder = mkdtempSync(path.join(tmpdir(), 'baogao-wide-'));
    writeFileSync(path.join(folder, 'a.bg'), REPORT);
    for (let i = 0; i < WALK_LIMITS.folders + 50; i++) mkdirSync(path.join(folder, `f${i}`));
    client = await startClient({}, { folder });
    client.connection.onNotification('window/showMessage', (p: ShowMessageParams) => void shown.push(p));
  });
  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('a workspace folder walked to its bound of folders is told once, in Chinese with BG918 (was: indexed in part without a word)', async function () {
    this.timeout(120_000);
    for (let i = 0; i < 3; i++) {
      const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
      assert.ok(found.some((s) => s.location.uri.endsWith('/a.bg')));
    }
    const bound = shown.filter((m) => m.message.includes('BG918'));
    assert.equal(bound.length, 1, JSON.stringify(shown));
    assert.equal(bound[0]!.type, 2);
    assert.equal(bound[0]!.message, windowMessage('indexFolders', folder, WALK_LIMITS.folders, 1));
    assert.match(bound[0]!.message, /^工作区文件夹“.*”中的文件夹超过 10000 个：工作区索引.*只含前 10000 个文件夹中找到的 1 个报告，其余的没有查找。.*（BG918）$/);
    // The VS Code client finds its template, to show it in the display language.
    assert.deepEqual(windowMessageParts(bound[0]!.message), { key: 'indexFolders', args: [folder, '10000', '1'] });
  });
});
