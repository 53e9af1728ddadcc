import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification, FileChangeType, DefinitionRequest, DocumentHighlightKind, DocumentHighlightRequest, PrepareRenameRequest, ReferencesRequest,
  RenameRequest, SelectionRangeRequest, WillRenameFilesRequest, type Location, type SelectionRange,
} from 'vscode-languageserver-protocol/node';
import { positionOf, startClient, type Client } from './helper.js';

describe('protocol: definition, references, rename', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  it('goes from a formula operand {应领证} to its definition', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    const result = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(text, '持证/应领证', 4) })) as Location[];
    assert.equal(result.length, 1);
    assert.deepEqual(result[0]!.range.start, positionOf(text, '应领证 = 54人'));
  });

  it('finds and renames every use of 调处', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    const position = positionOf(text, '{调处 =', 1);
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[];
    assert.equal(refs.length, 2); // the definition and the operand of 成功/调处
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
    assert.ok(prepared && 'placeholder' in prepared && prepared.placeholder === '调处');
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: '调处数' });
    const edits = edit!.changes![uri]!;
    assert.equal(edits.length, 2);
    assert.ok(edits.every((e) => e.newText === '调处数'));
  });

  it('highlights 调处 where it is defined (written) and where 成功/调处 reads it', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    const lit = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: positionOf(text, '{调处 =', 1) });
    assert.deepEqual(lit!.map((h) => h.kind), [DocumentHighlightKind.Write, DocumentHighlightKind.Read]);
    assert.deepEqual(lit![0]!.range.start, positionOf(text, '调处 ='));
  });

  it('answers smart select with one chain a position, each range inside its parent, the report the root', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    const positions = [positionOf(text, '{调处 =', 2), positionOf(text, '@年度')];
    const chains = await client.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions });
    assert.equal(chains!.length, 2);
    const flat = (r: SelectionRange | undefined): SelectionRange[] => (r ? [r, ...flat(r.parent)] : []);
    const first = flat(chains![0]);
    assert.deepEqual(first[0]!.range.start, positionOf(text, '调处 ='), 'the figure’s name first');
    const lines = text.split(/\r?\n/);
    assert.deepEqual(first[first.length - 1]!.range, { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } });
    assert.ok(flat(chains![1]).length >= 2);
  });

  it('finds every use of a header value {年度}, its @年度 line as the declaration', async () => {
    const { uri, text } = await client.open('beiping-2020.bg');
    const position = positionOf(text, '{年度}', 1);
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[];
    const uses = text.split('{年度}').length - 1;
    assert.equal(refs.length, uses + 1, JSON.stringify(refs.map((r) => r.range.start)));
    assert.deepEqual(refs[0]!.range.start, positionOf(text, '@年度 2020'));
    const without = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: false } })) as Location[];
    assert.equal(without.length, uses);
  });

  it('renames a header value {年度} by changing @年度: the uses stay and follow', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    const position = positionOf(text, '{年度}', 1);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
    assert.ok(prepared && 'placeholder' in prepared && prepared.placeholder === '2020', JSON.stringify(prepared));
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: '2021' });
    const edits = edit!.changes![uri]!;
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.range.start, positionOf(text, '@年度 2020', 4));
    assert.equal(edits[0]!.newText, '2021');
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: '明年' }), /不是四位数字的年份/);
  });

  it('renames a snippet: its @片段 line and every @引用', async () => {
    const { uri, text } = await client.open('guiwei-2021.bg');
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(text, '@引用 法律顾问制度', 5), newName: '法律顾问' });
    const files = Object.keys(edit!.changes!).map(decodeURIComponent);
    assert.ok(files.some((f) => f.endsWith('snippets/法律顾问制度.bg')), files.join(' '));
    assert.ok(files.some((f) => f.endsWith('guiwei-2021.bg')));
  });

  it('finds the reports including a snippet from the workspace index, following files created and deleted on disk', async () => {
    const { uri, text } = await client.open('guiwei-2021.bg');
    const at = { textDocument: { uri }, position: positionOf(text, '@引用 法律顾问制度', 5), context: { includeDeclaration: false } };
    const files = async () => ((await client.connection.sendRequest(ReferencesRequest.type, at)) as Location[]).map((l) => decodeURIComponent(l.uri));
    assert.ok(!(await files()).some((f) => f.endsWith('included-2022.bg')));
    const file = path.join(client.folder, 'included-2022.bg');
    writeFileSync(file, '@年度 2022\n\n# 一、主要举措\n@引用 法律顾问制度\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('included-2022.bg'), type: FileChangeType.Created }] });
    assert.ok((await files()).some((f) => f.endsWith('included-2022.bg')), 'a new report on disk is indexed');
    rmSync(file);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('included-2022.bg'), type: FileChangeType.Deleted }] });
    assert.ok(!(await files()).some((f) => f.endsWith('included-2022.bg')), 'a deleted one is gone');
  });

  it('moves @上年 with the report it reads, and with the report that reads it (workspace/willRenameFiles)', async () => {
    assert.ok(client.initializeResult.capabilities.workspace?.fileOperations?.willRename, 'willRename advertised');
    const renamed = await client.connection.sendRequest(WillRenameFilesRequest.type, { files: [{ oldUri: client.uri('guiwei-2020.bg'), newUri: client.uri('归档/桂圩镇2020.bg') }] });
    const edits = renamed!.changes![client.uri('guiwei-2021.bg')]!;
    assert.deepEqual(edits.map((e) => e.newText), ['归档/桂圩镇2020.bg']);
    const text = readFileSync(path.join(client.folder, 'guiwei-2021.bg'), 'utf8');
    assert.deepEqual(edits[0]!.range.start, positionOf(text, '@上年 guiwei-2020.bg', 4));
    const folder = await client.connection.sendRequest(WillRenameFilesRequest.type, { files: [{ oldUri: client.uri('snippets'), newUri: client.uri('片段') }] });
    assert.equal(folder, null, 'no report reads a file in that folder');
  });

  it('renames a label', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(text, '情况 {#举措}', 5), newName: '主要举措' });
    assert.equal(edit!.changes![uri]!.length, 1);
  });
});
