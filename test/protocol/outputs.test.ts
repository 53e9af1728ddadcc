// The editor does the whole job through the server: the preview's pages, exports (DOCX, HTML, text),
// import of last year's Word file, the workspace's figures collected, and baogao.json applied as the
// command applies it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, LSPErrorCodes, ResponseError, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { CheckSourceRequest, CollectRequest, ImportRequest, NewReportRequest, PreviewRequest, RenderRequest } from '../../server/lsp/protocol.js';
import { LanguageService } from '../../server/language/service.js';
import { checkSourceText } from '../../server/language/sourceCheck.js';
import { MemoryWorkspace } from '../../server/language/workspace.js';
import { pathToUri } from '../../server/lsp/uri.js';
import { ROOT, startClient, type Client } from './helper.js';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

describe('protocol: preview, import, check of Word and text reports, collect', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  /** Every page in full (no previousResultId: the server sends no null). */
  const preview = async (uri: string) => {
    const result = await client.connection.sendRequest<PreviewRequest.Result>(PreviewRequest.method, { textDocument: { uri } });
    assert.ok(result.pages.every((p) => p !== null));
    return { ...result, pages: result.pages as PreviewRequest.Page[] };
  };

  it('gives the printed pages: 22-line pages, numbered, each line with its source line', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    const result = await preview(uri);
    assert.equal(result.empty, false);
    assert.ok(result.pages.length >= 3, `${result.pages.length} pages`);
    assert.deepEqual(result.pages.map((p) => p.number), result.pages.map((_p, i) => i + 1));
    assert.ok(result.pages.slice(0, -1).every((p) => p.lines.length === 22), 'every page but the last is full');
    assert.equal(result.pages[0]!.lines[0]!.role, 'title');
    const heading = result.pages.flatMap((p) => p.lines).find((l) => l.text.startsWith('一、'))!;
    assert.equal(text.split('\n')[heading.source!]!.trim().startsWith('#'), true, 'the heading line points at its # line');
  });

  it('sends only the pages that changed since the pages the client shows (null for the others)', async () => {
    const { uri, text } = await client.open('delta.bg', readFileSync(path.join(ROOT, 'samples', 'guiwei-2020.bg'), 'utf8'));
    const ask = (previousResultId?: string) => client.connection.sendRequest<PreviewRequest.Result>(PreviewRequest.method, { textDocument: { uri }, previousResultId });
    const first = await ask();
    const same = await ask(first.resultId);
    assert.ok(same.pages.every((p) => p === null), 'nothing changed: every page null');
    // A word typed on the last page: the pages before it stay.
    const at = text.lastIndexOf('。');
    const edited = `${text.slice(0, at)}新增${text.slice(at)}`;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const delta = await ask(same.resultId);
    const full = await preview(uri);
    assert.equal(delta.pages.length, full.pages.length);
    const sentPages = delta.pages.flatMap((p, i) => (p ? [i] : []));
    assert.ok(sentPages.length >= 1 && sentPages.length < full.pages.length, `pages sent: ${sentPages.join(',')} of ${full.pages.length}`);
    // Merged with the pages shown, they are the full pages.
    const merged = delta.pages.map((p, i) => p ?? (first.pages[i] as PreviewRequest.Page));
    assert.deepEqual(merged, full.pages);
    assert.ok(full.pages.flatMap((p) => p.lines).some((l) => l.text.includes('新增')));
    // An unknown or stale result id: every page.
    assert.ok((await ask('no-such-result')).pages.every((p) => p !== null));
  });

  it('skips a preview request cancelled before it started (the writer typed on)', async () => {
    const { uri, text } = await client.open('guiwei-2021.bg');
    // The server is kept busy long enough for the cancellation to arrive first: the first preview of a
    // long report (a sample a small one was done with before the cancel came, now and then; 40 copies
    // were done with once, in a CI run whose test process was held up between its requests).
    const { uri: long } = await client.open('long.bg', text.repeat(150));
    const busy = client.connection.sendRequest(PreviewRequest.method, { textDocument: { uri: long } });
    const source = new CancellationTokenSource();
    const stale = client.connection.sendRequest(PreviewRequest.method, { textDocument: { uri } }, source.token);
    source.cancel();
    await busy;
    await assert.rejects(stale, (error: ResponseError<unknown>) => error.code === LSPErrorCodes.RequestCancelled);
    assert.ok((await preview(uri)).pages.length > 0, 'the next request is answered');
  });

  it('marks what prints as typed: an unclosed figure, a stray mark; never drops it', async () => {
    const text = '@机关 某镇人民政府\n@年度 2023\n\n# 第一部分\n共调处{调处 = 12件，成功{成功 = 10件}。\n全年受理》件。\n';
    const { uri } = await client.open('broken.bg', text);
    const lines = (await preview(uri)).pages.flatMap((p) => p.lines);
    const all = lines.map((l) => l.text).join('');
    assert.match(all, /\{调处 = 12件/, 'the unclosed figure prints as typed');
    const marked = lines.flatMap((l) => (l.marks ?? []).map((m) => ({ text: l.text.slice(m.from, m.to), ...m })));
    assert.ok(marked.some((m) => m.kind === 'unresolved' && m.text.startsWith('{调处')), JSON.stringify(marked));
    assert.ok(marked.some((m) => m.kind === 'broken' && m.text === '》' && m.message.includes('》')), JSON.stringify(marked));
  });

  it('shows an empty report as empty, with no invented title', async () => {
    const { uri } = await client.open('empty.bg', '\n');
    const result = await preview(uri);
    assert.equal(result.empty, true);
    assert.deepEqual(result.pages.flatMap((p) => p.lines), []);
  });

  it('imports a Word file: the .bg text and every removal listed', async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    const docx = await client.connection.sendRequest<RenderRequest.Result>(RenderRequest.method, { textDocument: { uri }, format: 'docx' });
    const file = path.join(client.folder, '去年.docx');
    writeFileSync(file, Buffer.from(docx.text, 'base64'));
    const result = await client.connection.sendRequest<ImportRequest.Result>(ImportRequest.method, { uri: pathToUri(file) });
    assert.equal(result.how, 'Word 文档');
    assert.match(result.text, /@机关 桂圩镇人民政府/);
    assert.match(result.text, /^# 依法全面履行政府职能情况/m);
    assert.ok(result.notes.length > 0 && result.notes.every((n) => n.line > 0 && n.what), 'removals listed with their paragraph');
    await assert.rejects(client.connection.sendRequest(ImportRequest.method, { uri: pathToUri(path.join(client.folder, 'nothing.docx')) }), /找不到文件“[^”]*nothing\.docx”/);
    await assert.rejects(client.connection.sendRequest(ImportRequest.method, { uri }), /不必导入/);
    // A year that is no year is refused, not written (was: “@年度 1e+300” from 1e300, an integer to JavaScript).
    for (const year of [1e300, -0.5, 20200, '2020'])
      await assert.rejects(client.connection.sendRequest(ImportRequest.method, { uri: pathToUri(file), year }), /^Error: 年度“.*”应是四位数字的年份，例如 2021。$/);
    await assert.rejects(client.connection.sendRequest(NewReportRequest.method, { uri, target: client.uri('next.bg'), year: 1e300 }), /应是四位数字的年份/);
    assert.match((await client.connection.sendRequest<ImportRequest.Result>(ImportRequest.method, { uri: pathToUri(file), year: 2019 })).text, /@年度 2019/);
  });

  it('checks the Word and text reports a reviewer chose, as `baogao check` does, a Word file’s lines its paragraphs', async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    const docx = await client.connection.sendRequest<RenderRequest.Result>(RenderRequest.method, { textDocument: { uri }, format: 'docx' });
    writeFileSync(path.join(client.folder, '甲镇.docx'), Buffer.from(docx.text, 'base64'));
    const seed = readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', 'guiwei-2020.txt'), 'utf8');
    writeFileSync(path.join(client.folder, '乙镇.txt'), seed);
    writeFileSync(path.join(client.folder, '坏的.docx'), 'not a zip');
    const uris = ['甲镇.docx', '乙镇.txt', '坏的.docx', 'guiwei-2020.bg'].map((f) => pathToUri(path.join(client.folder, f)));
    const { files } = await client.connection.sendRequest<CheckSourceRequest.Result>(CheckSourceRequest.method, { uris });
    assert.deepEqual(files.map((f) => [f.uri, !!f.unreadable]), uris.map((u, i) => [u, i >= 2]));
    const [word, text, broken, bg] = files;
    assert.equal(word!.paragraphs, true);
    assert.ok(word!.diagnostics.some((d) => d.code === 'BG603'), 'the sample’s year range 2015-2020 is found in its Word file');
    assert.match(broken!.unreadable!, /[\u4e00-\u9fff]/, 'a Chinese reason');
    assert.match(bg!.unreadable!, /\.bg/);
    // The same findings as the command's check of the raw file, at the same places.
    const expected = checkSourceText(new LanguageService(new MemoryWorkspace({})), '/x/乙镇.txt.bg', seed, { source: '乙镇.txt' }).findings;
    assert.deepEqual(text!.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]), expected.map((f) => [f.code, f.line, f.column]));
    assert.ok(text!.diagnostics.some((d) => d.code === 'BG603' && d.range.start.line === 3), 'on the source’s own line');
  });

  it('collects the figures of the workspace reports, snippets left out, as a table and CSV', async () => {
    const result = await client.connection.sendRequest<CollectRequest.Result>(CollectRequest.method, {});
    assert.ok(result.reports >= 6, `${result.reports} reports`);
    assert.ok(!result.table.includes('snippets/'), 'no snippet is a report');
    assert.ok(result.csv.startsWith('\ufeff'), 'CSV for Excel has a BOM');
    assert.match(result.csv, /调处/);
  });

  it('collects again what changed since the last collect: a report edited on disk, and an open report edited in the editor', async () => {
    const collect = () => client.connection.sendRequest<CollectRequest.Result>(CollectRequest.method, {});
    const before = await collect();
    assert.deepEqual(await collect(), before, 'nothing changed: the same table');
    const file = path.join(client.folder, 'beiping-2020.bg');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n共{新收集指标 = 9件}。\n`);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToUri(file), type: FileChangeType.Changed }] });
    const after = await collect();
    assert.equal(after.figures, before.figures + 1);
    assert.match(after.csv, /新收集指标/);
    // An open report's unsaved text is what is collected.
    const { uri } = await client.open('daxie-2021.bg');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '@指标 未存指标 = 4件\n' }],
    });
    const unsaved = await collect();
    assert.equal(unsaved.figures, after.figures + 1);
    assert.match(unsaved.csv, /未存指标/);
  });
});

describe('protocol: baogao.json in the editor', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  const changed = (file: string) => client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToUri(file), type: FileChangeType.Changed }] });

  it('applies the nearest baogao.json, re-reads it when it changes, and reports its problems on it', async () => {
    const config = path.join(client.folder, 'baogao.json');
    const report = client.uri('beiping-2020.bg');
    const first = client.diagnostics(report);
    await client.open('beiping-2020.bg');
    assert.ok(codes(await first).includes('BG207'), 'BG207 is reported without a baogao.json');

    writeFileSync(config, JSON.stringify({ disabledChecks: ['BG207'] }));
    const off = client.diagnostics(report, (p) => !codes(p).includes('BG207'));
    await changed(config);
    await off;

    writeFileSync(config, '{ "disabledChecks": ["BG207"], "lineWidth": 3 }');
    const problem = client.diagnostics(pathToUri(config), (p) => p.diagnostics.length > 0);
    await changed(config);
    const published = await problem;
    const [bad] = published.diagnostics;
    assert.match(String(bad!.message), /lineWidth/);
    assert.equal(bad!.code, 'BG906');
    assert.equal(bad!.severity, 2, 'a warning: the default stands');
    const at = '{ "disabledChecks": ["BG207"], "lineWidth": '.length;
    assert.deepEqual(bad!.range, { start: { line: 0, character: at }, end: { line: 0, character: at + 1 } }, 'the value is underlined');

    writeFileSync(config, '{ "disabledChecks": ["BG207"],\n  "lineWdith": 30, }');
    const syntax = client.diagnostics(pathToUri(config), (p) => codes(p).includes('BG960'));
    await changed(config);
    const broken = (await syntax).diagnostics.find((d) => d.code === 'BG960')!;
    assert.equal(broken.range.start.line, 1, 'the syntax error where it is');
    assert.equal(broken.severity, 1);

    writeFileSync(config, '{}');
    const back = client.diagnostics(report, (p) => codes(p).includes('BG207'));
    const cleared = client.diagnostics(pathToUri(config), (p) => p.diagnostics.length === 0);
    await changed(config);
    await Promise.all([back, cleared]);
  });
});
