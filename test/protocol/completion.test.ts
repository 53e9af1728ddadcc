import assert from 'node:assert/strict';
import { CompletionRequest, DidChangeTextDocumentNotification, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol/node';
import { startClient, type Client } from './helper.js';

describe('protocol: completion', () => {
  let client: Client;
  let uri: string;
  let version = 1;
  before(async () => {
    client = await startClient();
    uri = (await client.open('guiwei-2020.bg')).uri;
  });
  after(async () => client.stop());

  /** Appends a line and asks for completion at its end. */
  const completeAt = async (line: string): Promise<string[]> => {
    const text = (await import('node:fs')).readFileSync(`${client.folder}/guiwei-2020.bg`, 'utf8');
    const full = `${text}\n${line}`;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ text: full }] });
    const lines = full.split('\n');
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: lines.length - 1, character: line.length } });
    return ((Array.isArray(result) ? result : (result?.items ?? [])) as CompletionItem[]).map((i) => i.label);
  };

  it('offers the workspace’s other reports after @上年, none from outside the workspace', async () => {
    const labels = await completeAt('@上年 ');
    assert.ok(labels.includes('guiwei-2021.bg') && labels.includes('beiping-2020.bg'), labels.join(' '));
    assert.ok(!labels.includes('guiwei-2020.bg'), 'not the report itself');
    assert.ok(labels.every((l) => !l.startsWith('../') && l.endsWith('.bg')), 'only files of the workspace folder');
  });

  it('offers figure names with values inside {', async () => {
    const labels = await completeAt('共{调');
    assert.ok(labels.includes('调处'), labels.join(' '));
    assert.ok(labels.includes('年度'));
  });
  it('closes the figure when accepting a name typed mid-sentence with no } after it', async () => {
    const text = (await import('node:fs')).readFileSync(`${client.folder}/guiwei-2020.bg`, 'utf8');
    const full = `${text}\n共{调解成功能力提升。\n又{调}。`;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ text: full }] });
    const lines = full.split('\n');
    const at = async (line: number, character: number) => {
      const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
      const items = (Array.isArray(result) ? result : (result?.items ?? [])) as CompletionItem[];
      const found = items.find((i) => i.label === '调处')!;
      return (found.textEdit as { newText: string } | undefined)?.newText ?? found.insertText ?? found.label;
    };
    assert.equal(await at(lines.length - 2, 3), '调处}', 'no } after the cursor: the completion closes the figure');
    assert.equal(await at(lines.length - 1, 3), '调处', 'a } already there: none added');
  });
  it('offers measure words after a number inside {', async () => assert.ok((await completeAt('{新 = 15')).includes('起')));
  it('offers labels after {#', async () => assert.ok((await completeAt('# 存在问题 {#')).includes('不足')));
  it('offers directives after @', async () => assert.ok((await completeAt('@')).includes('引用')));
  it('offers report kinds after @类型', async () => assert.ok((await completeAt('@类型 ')).includes('法治政府建设年度报告')));
  it('offers today after @日期', async () => assert.match((await completeAt('@日期 '))[0] ?? '', /^\d{4}-\d{2}-\d{2}$/));
  it('offers the standard parts after # ', async () => assert.ok((await completeAt('# ')).includes('存在的不足和原因')));
  it('offers snippets, then their parameters, after @引用', async () => {
    assert.ok((await completeAt('@引用 ')).includes('法律顾问制度'));
    assert.deepEqual((await completeAt('@引用 法律顾问制度 机关=某镇 ')).sort(), ['年度']);
  });
});

describe('protocol: completion to a client that takes a shared edit range (LSP 3.17 itemDefaults)', () => {
  let client: Client;
  after(async () => client.stop());

  it('sends the range once for the list, each name without it, and the text to insert where it is not the name', async () => {
    client = await startClient({}, { textDocument: { completion: { completionList: { itemDefaults: ['editRange'] } } } });
    const { uri, text } = await client.open('guiwei-2020.bg');
    const full = `${text}\n共{调解成功能力提升。\n`;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: full }] });
    const lines = full.split('\n');
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: lines.length - 2, character: 3 } })) as CompletionList;
    assert.ok(!Array.isArray(list) && list.itemDefaults?.editRange, 'a list with its shared range');
    assert.deepEqual(list.itemDefaults!.editRange, { start: { line: lines.length - 2, character: 2 }, end: { line: lines.length - 2, character: 3 } });
    assert.ok(list.items.every((i) => i.textEdit === undefined), 'no item carries its own range');
    const name = list.items.find((i) => i.label === '调处')!;
    assert.equal(name.textEditText, '调处}', 'no } after the cursor: the name closes the figure');
  });
});
