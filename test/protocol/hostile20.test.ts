// Hostile workspaces, session 20 (each failed before its fix): a workspace folder with more folders than
// the index walks (a home folder or a disk opened as the workspace) was indexed in part without a word —
// a report beyond the bound missing from workspace symbols, references and the workspace check. And a
// guard over every request the server answers: positions negative, fractional, past the text or of the
// wrong type, ranges ending before they start, documents that are not open or not files — each answered
// with a result or an error in Chinese, the server alive after all of them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WorkspaceSymbolRequest, type ShowMessageParams, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { WALK_LIMITS } from '../../server/language/workspace.js';
import { windowMessage, windowMessageParts } from '../../server/lsp/protocol.js';
import { startClient, type Client } from './helper.js';

/** Every request of the server, its parameters made of a document, a position and a range. */
const REQUESTS: Array<[string, (doc: unknown, position: unknown, range: unknown) => unknown]> = [
  ['textDocument/hover', (d, p) => ({ textDocument: d, position: p })],
  ['textDocument/completion', (d, p) => ({ textDocument: d, position: p, context: { triggerKind: 99, triggerCharacter: 5 } })],
  ['textDocument/definition', (d, p) => ({ textDocument: d, position: p })],
  ['textDocument/references', (d, p) => ({ textDocument: d, position: p, context: null })],
  ['textDocument/documentHighlight', (d, p) => ({ textDocument: d, position: p })],
  ['textDocument/prepareRename', (d, p) => ({ textDocument: d, position: p })],
  ['textDocument/rename', (d, p) => ({ textDocument: d, position: p, newName: 5 })],
  ['textDocument/selectionRange', (d, p) => ({ textDocument: d, positions: [p, p] })],
  ['textDocument/codeAction', (d, _p, r) => ({ textDocument: d, range: r, context: { diagnostics: [{ range: r, message: 5, code: {} }], only: 7 } })],
  ['textDocument/formatting', (d) => ({ textDocument: d, options: { tabSize: -1, insertSpaces: 'x' } })],
  ['textDocument/rangeFormatting', (d, _p, r) => ({ textDocument: d, range: r, options: null })],
  ['textDocument/documentSymbol', (d) => ({ textDocument: d })],
  ['textDocument/documentLink', (d) => ({ textDocument: d })],
  ['textDocument/foldingRange', (d) => ({ textDocument: d })],
  ['textDocument/semanticTokens/full', (d) => ({ textDocument: d })],
  ['textDocument/semanticTokens/full/delta', (d) => ({ textDocument: d, previousResultId: 5 })],
  ['textDocument/semanticTokens/range', (d, _p, r) => ({ textDocument: d, range: r })],
  ['textDocument/inlayHint', (d, _p, r) => ({ textDocument: d, range: r })],
  ['textDocument/diagnostic', (d) => ({ textDocument: d, previousResultId: {} })],
  ['workspace/symbol', () => ({ query: 5 })],
  ['baogao/render', (d) => ({ textDocument: d, format: { x: 1 } })],
  ['baogao/preview', (d, _p, r) => ({ textDocument: d, range: r })],
  ['baogao/figures', (d) => ({ textDocument: d })],
  ['baogao/checkSource', () => ({ uris: ['file:///dev/zero', 5, null] })],
  ['baogao/import', () => ({ uri: 'file:///dev/zero' })],
  ['baogao/newReport', (d) => ({ textDocument: d, year: 1e20 })],
  ['baogao/convertPaste', (d, p) => ({ textDocument: d, position: p, text: 5 })],
];

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

  it('answers every request of hostile positions, ranges and documents with a result or a Chinese error, and lives on', async function () {
    this.timeout(120_000);
    const { uri } = await client.open('a.bg');
    const doc = { uri };
    const positions = [{ line: -1, character: -1 }, { line: 0.5, character: 1.5 }, { line: 1e9, character: 1e9 }, { line: '3', character: '1' }, null, [], { line: 3 }];
    const ranges = [{ start: { line: 6, character: 5 }, end: { line: 2, character: 0 } }, { start: { line: -5, character: -5 }, end: { line: 1e9, character: 1e9 } }, { start: null, end: null }, null, { start: { line: 3, character: 0 } }];
    const documents = [doc, { uri: 'file:///etc/passwd' }, { uri: 'untitled:x' }, { uri: 5 }, null, {}];
    const unanswered: string[] = [];
    for (const [method, make] of REQUESTS) {
      const cases = [...documents.map((d) => [d, positions[0], ranges[0]]), ...positions.map((p) => [doc, p, ranges[0]]), ...ranges.map((r) => [doc, positions[1], r])];
      for (const [d, p, r] of cases) {
        const params = make(d, p, r);
        try {
          await client.connection.sendRequest(method, params);
        } catch (error) {
          const { code, message } = error as { code?: number; message: string };
          // An internal error, or one in English, is the server's own fault, not the client's.
          if (code === -32603 || !/[\u4e00-\u9fff]/.test(message)) unanswered.push(`${method} ${JSON.stringify(params).slice(0, 120)}: ${code} ${message.slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual(unanswered, []);
    assert.equal(client.process.exitCode, null);
    assert.ok(((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[]).length > 0, 'the server still answers');
  });
});
