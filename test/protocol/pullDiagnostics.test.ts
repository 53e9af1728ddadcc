import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, FileChangeType, DocumentDiagnosticRequest, DocumentSymbolRequest,
  FoldingRangeRequest, HoverRequest, SemanticTokensRequest, type DocumentDiagnosticReport, type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { positionOf, startClient, type Client } from './helper.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('protocol: pull diagnostics (textDocument/diagnostic)', () => {
  let client: Client;
  before(async () => (client = await startClient({}, { pull: true, trace: true })));
  after(async () => client.stop());

  const pull = (uri: string, previousResultId?: string) =>
    client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }) as Promise<DocumentDiagnosticReport>;
  const full = (report: DocumentDiagnosticReport): FullDocumentDiagnosticReport => {
    assert.equal(report.kind, 'full', JSON.stringify(report).slice(0, 200));
    return report as FullDocumentDiagnosticReport;
  };

  it('is offered to a client that pulls, with inter-file dependencies, and not to one that does not', async () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'baogao', interFileDependencies: true, workspaceDiagnostics: false });
    const pushing = await startClient();
    try {
      assert.equal(pushing.initializeResult.capabilities.diagnosticProvider, undefined);
    } finally {
      await pushing.stop();
    }
  });

  it('answers the problems with a result id, and `unchanged` while they stay the same; nothing is pushed', async () => {
    const { uri, text } = await client.open('beiping-2020.bg');
    const first = full(await pull(uri));
    assert.ok(first.resultId);
    const d = first.items.find((x) => x.code === 'BG207');
    assert.ok(d && d.source === 'baogao' && /没有任何整数/.test(d.message as string));
    assert.deepEqual(await pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // An edit that moves no problem (a line appended at the end): still unchanged.
    const lines = text.split('\n');
    const end = { line: lines.length - 1, character: lines.at(-1)!.length };
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: end, end }, text: '\n' }] });
    assert.deepEqual(await pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // An edit that adds a problem: the full list, under a new id.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: end, end }, text: '\n全年{没有的指标}。\n' }] });
    const second = full(await pull(uri, first.resultId));
    assert.notEqual(second.resultId, first.resultId);
    assert.ok(second.items.some((x) => x.code === 'BG201' && /没有的指标/.test(x.message as string)));
    // A client without a previous result gets the full list again.
    assert.equal(full(await pull(uri)).resultId, second.resultId);
    await pause(300);
    assert.ok(!client.lastDiagnostics.has(uri), 'a pulled document is never pushed to as well');
  });

  it('pushes problems found in a closed snippet; once it opens, they are withdrawn and pulled instead', async () => {
    const snippet = client.uri('snippets/法律顾问制度.bg');
    const file = path.join(client.folder, 'snippets', '法律顾问制度.bg');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n全年{没有的指标}。\n`);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: snippet, type: FileChangeType.Changed }] });
    const pushed = client.diagnostics(snippet, (p) => p.diagnostics.some((d) => d.code === 'BG201'));
    const { uri } = await client.open('guiwei-2021.bg');
    full(await pull(uri));
    await pushed;
    const withdrawn = client.diagnostics(snippet, (p) => p.diagnostics.length === 0);
    await client.open('snippets/法律顾问制度.bg');
    await withdrawn;
    const pulled = full(await pull(snippet));
    assert.ok(pulled.items.some((x) => x.code === 'BG201' && /没有的指标/.test(x.message as string)), JSON.stringify(pulled.items.map((x) => x.code)));
    full(await pull(uri));
    await pause(200);
    assert.equal(client.lastDiagnostics.get(snippet)?.diagnostics.length, 0, 'an open snippet is pulled, not pushed');
  });

  it('asks the client to pull again when settings change', async () => {
    const before = client.refreshes;
    client.settings = { lineWidth: 30 };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    for (let i = 0; i < 50 && client.refreshes === before; i++) await pause(50);
    assert.ok(client.refreshes > before, 'workspace/diagnostic/refresh sent');
  });

  it('the same settings announced again (VS Code does as it starts) analyse nothing again and ask for no pull', async () => {
    const { uri } = await client.open('dongzhaogezhuang-2020.bg');
    await pull(uri);
    const before = client.refreshes;
    const analysed = () => client.traces.filter((t) => t.startsWith('分析 ') && t.includes('dongzhaogezhuang-2020.bg')).length;
    const analyses = analysed();
    for (let i = 0; i < 2; i++) await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await pause(300);
    const again = await pull(uri);
    assert.equal(client.refreshes, before, 'no workspace/diagnostic/refresh');
    assert.equal(analysed(), analyses, client.traces.slice(-5).join('\n'));
    assert.equal(again.kind, 'full');
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    for (let i = 0; i < 50 && client.refreshes === before; i++) await pause(50);
    assert.ok(client.refreshes > before, 'settings changed back: refresh sent');
  });

  it('shares one analysis per version among every request that arrives for it', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    await pull(uri);
    const at = positionOf(text, '。');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: '的' }] });
    const doc = { textDocument: { uri } };
    await Promise.all([
      pull(uri),
      client.connection.sendRequest(DocumentSymbolRequest.type, doc),
      client.connection.sendRequest(SemanticTokensRequest.type, doc),
      client.connection.sendRequest(FoldingRangeRequest.type, doc),
      client.connection.sendRequest(HoverRequest.type, { ...doc, position: at }),
      pull(uri),
    ]);
    const analyses = client.traces.filter((t) => t.startsWith('分析 ') && t.includes(uri.slice(uri.lastIndexOf('/') + 1)) && t.includes('第 2 版'));
    assert.equal(analyses.length, 1, client.traces.join('\n'));
    // Each answer is traced too: the two pulls of version 2, with what they answered.
    const answers = client.traces.filter((t) => t.startsWith('问题 ') && t.includes(uri.slice(uri.lastIndexOf('/') + 1)) && t.includes('第 2 版'));
    assert.equal(answers.length, 2, client.traces.join('\n'));
    assert.ok(answers.every((t) => /：(\d+ 处|未变)（结果 \d+）$/.test(t)), answers.join('\n'));
  });
});
