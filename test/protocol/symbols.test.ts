import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DocumentSymbolRequest, FileChangeType, WorkspaceSymbolRequest,
  type DocumentSymbol, type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { ROOT, startClient, type Client } from './helper.js';

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

  it('after each edit the outline is the new version’s: an unchanged one answered as sent before, a changed one anew', async () => {
    const { uri } = await client.open('guiwei-2021.bg');
    const outline = async () => (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    let text = readFileSync(path.join(client.folder, 'guiwei-2021.bg'), 'utf8');
    let version = 1;
    /** The outline a server that never saw the earlier versions gives. */
    const fresh = async () => {
      const other = await startClient();
      try {
        const { uri: again } = await other.open('guiwei-2021.bg', text);
        return (await other.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: again } })) as DocumentSymbol[];
      } finally {
        await other.stop();
      }
    };
    const lines = () => text.split('\n');
    const edit = async (line: number, character: number, insert: string) => {
      const before = lines().slice(0, line).join('\n').length + (line ? 1 : 0) + character;
      text = text.slice(0, before) + insert + text.slice(before);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: insert }],
      });
    };
    const first = await outline();
    const prose = lines().findIndex((l) => /^[^#@/\s].{20,}/.test(l));
    // A character typed inside a prose line: no symbol moves.
    await edit(prose, 2, '的');
    assert.deepEqual(await outline(), first);
    // A line added before the first heading: every symbol moves down one line.
    const heading = lines().findIndex((l) => l.startsWith('# '));
    await edit(heading, 0, '新加的一段话。\n\n');
    const moved = await outline();
    assert.notDeepEqual(moved, first);
    assert.deepEqual(moved, await fresh());
    // A heading renamed.
    await edit(heading + 2, 2, '新');
    assert.deepEqual(await outline(), await fresh());
    // Typed at the end of a section's last line: that section and those around it end later, the rest is as sent.
    const lastOfSection = lines().findIndex((l, i, all) => i > heading + 2 && /^[^#@/\s]/.test(l) && all[i + 1] === '' && all[i + 2]?.startsWith('#'));
    assert.ok(lastOfSection > heading);
    await edit(lastOfSection, lines()[lastOfSection]!.length, '，又写一句');
    assert.deepEqual(await outline(), await fresh());
    // A figure's value changed, a digit for a digit: only its symbol's detail.
    const figure = lines().findIndex((l) => /^@指标 .+= [1-8]/.test(l));
    assert.ok(figure > 0);
    const digit = lines()[figure]!.indexOf('= ') + 2;
    const replaced = String(Number(lines()[figure]![digit]) + 1);
    text = lines().map((l, i) => (i === figure ? l.slice(0, digit) + replaced + l.slice(digit + 1) : l)).join('\n');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line: figure, character: digit }, end: { line: figure, character: digit + 1 } }, text: replaced }],
    });
    assert.deepEqual(await outline(), await fresh());
    // A heading removed: its children go to the heading before it.
    const second = lines().findIndex((l, i) => i > heading + 2 && l.startsWith('## '));
    assert.ok(second > heading);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line: second, character: 0 }, end: { line: second + 1, character: 0 } }, text: '' }],
    });
    text = lines().filter((_, i) => i !== second).join('\n');
    assert.deepEqual(await outline(), await fresh());
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

  it('keeps the workspace index between sessions: only files changed since, or reading one that changed, are analysed again', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-kept-'));
    const storage = path.join(mkdtempSync(path.join(tmpdir(), 'baogao-storage-')), 'workspace');
    cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
    const session = async () => {
      const c = await startClient({}, { folder, trace: true, initializationOptions: { storageFolder: storage } });
      try {
        const found = (await c.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
        const names = found.map((s) => `${s.name}@${path.basename(decodeURIComponent(s.location.uri))}:${s.location.range.start.line}`).sort();
        const work = c.traces.find((t) => t.startsWith('工作区索引'));
        return { names, work };
      } finally {
        await c.stop();
      }
    };
    try {
      const first = await session();
      assert.match(first.work ?? '', /0 个文件取自上次保存的索引，分析了 12 个文件/);
      assert.ok(existsSync(path.join(storage, 'workspace-index.json')), 'written at shutdown at the latest');
      // Nothing changed: every summary is taken, and they are the same.
      const second = await session();
      assert.match(second.work ?? '', /12 个文件取自上次保存的索引，分析了 0 个文件/);
      assert.deepEqual(second.names, first.names);
      // Last year's report changed: it, and this year's report that reads it (@上年), are analysed again.
      appendFileSync(path.join(folder, 'guiwei-2020.bg'), '\n共{新指标丙 = 7件}。\n');
      const third = await session();
      assert.match(third.work ?? '', /10 个文件取自上次保存的索引，分析了 2 个文件/);
      assert.ok(third.names.some((n) => n.startsWith('新指标丙@guiwei-2020.bg')), 'the new figure is found');
      // A snippet added: it is analysed, and so is the report that looks for its snippets in that folder.
      writeFileSync(path.join(folder, 'snippets', '新片段.bg'), '@片段 新片段\n\n正文。\n');
      const added = await session();
      assert.match(added.work ?? '', /11 个文件取自上次保存的索引，分析了 2 个文件/);
      assert.ok(added.names.some((n) => n.startsWith('新片段@新片段.bg')), added.names.join(' '));
      // Entries of another shape (here a symbol without its kind and range first in every list) are not taken: they are analysed.
      const [fingerprint, entries] = readFileSync(path.join(storage, 'workspace-index.json'), 'utf8').split('\n');
      assert.ok(entries!.includes('"symbols":['));
      writeFileSync(path.join(storage, 'workspace-index.json'), `${fingerprint}\n${entries!.replaceAll('"symbols":[', '"symbols":[["名称"],')}`);
      const reshaped = await session();
      assert.match(reshaped.work ?? '', /0 个文件取自上次保存的索引，分析了 13 个文件/);
      assert.deepEqual(reshaped.names, added.names);
      // A damaged index file is not used: everything is analysed, and the answers are right.
      writeFileSync(path.join(storage, 'workspace-index.json'), readFileSync(path.join(storage, 'workspace-index.json'), 'utf8').slice(0, 4000));
      const fourth = await session();
      assert.match(fourth.work ?? '', /0 个文件取自上次保存的索引，分析了 13 个文件/);
      assert.deepEqual(fourth.names, added.names);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      rmSync(path.dirname(storage), { recursive: true, force: true });
    }
  });
});
