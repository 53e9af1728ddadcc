// baogao's own requests (server/lsp/protocol.ts), over stdio like any other client would send them.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { CancellationTokenSource, DidChangeWatchedFilesNotification, FileChangeType, WorkDoneProgress } from 'vscode-languageserver-protocol/node';
import { CheckWorkspaceRequest, FiguresRequest, RenderRequest } from '../../server/lsp/protocol.js';
import { OUTPUT_FORMATS } from '../../templates/render.js';
import { startClient, type Client } from './helper.js';

describe('protocol: baogao/render, baogao/figures, baogao/checkWorkspace', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  const renderDoc = (uri: string, format: RenderRequest.Params['format'], extra: Partial<RenderRequest.Params> = {}) =>
    client.connection.sendRequest<RenderRequest.Result>(RenderRequest.method, { textDocument: { uri }, format, ...extra });

  it('renders an open report as print-ready text and as Markdown', async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    const txt = await renderDoc(uri, 'txt');
    assert.equal(txt.format, 'txt');
    assert.match(txt.text, /一、依法全面履行政府职能情况/);
    assert.match(txt.text, /（三）创新社会治理，依法化解矛盾纠纷。/);
    assert.match(txt.text.replace(/\n/g, ''), /成功率达98%/);
    assert.deepEqual(txt.formats, [...OUTPUT_FORMATS]);
    const md = await renderDoc(uri, 'md');
    assert.equal(md.format, 'md');
    assert.match(md.text, /依法全面履行政府职能情况/);
    const narrow = await renderDoc(uri, 'txt', { width: 20 });
    assert.ok(narrow.text.split('\n').length > txt.text.split('\n').length, 'a narrower line wraps into more lines');
  });

  it('renders DOCX too, the same Word file as the command writes, base64-encoded', async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    assert.ok(OUTPUT_FORMATS.includes('docx'), 'DOCX is in the one list of output formats');
    const docx = await renderDoc(uri, 'docx');
    assert.equal(docx.format, 'docx');
    assert.equal(docx.encoding, 'base64');
    const bytes = Buffer.from(docx.text, 'base64');
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a ZIP package, as .docx files are');
    const documentXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    assert.match(documentXml, /依法全面履行政府职能情况/);
  });

  it('renders the unsaved text of the editor, not the file on disk', async () => {
    const { uri } = await client.open('edited.bg', '@机关 某镇人民政府\n@年度 2023\n\n# 第一部分\n共调处{调处 = 12件}。\n');
    const txt = await renderDoc(uri, 'txt');
    assert.match(txt.text, /一、第一部分/);
    assert.match(txt.text, /共调处12件/);
  });

  it("answers 'preview' with HTML when the server renders HTML, else Markdown", async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    const preview = await renderDoc(uri, 'preview');
    if ((OUTPUT_FORMATS as readonly string[]).includes('html')) {
      assert.equal(preview.format, 'html');
      assert.match(preview.text, /<html/i);
      assert.match(preview.text, /依法全面履行政府职能情况/);
    } else {
      assert.equal(preview.format, 'md');
    }
  });

  it('answers an unknown format, a closed document or garbage with an error, and keeps answering', async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    await assert.rejects(renderDoc(uri, 'pdf' as never), /不支持的格式/);
    await assert.rejects(renderDoc('file:///nowhere/x.bg', 'txt'), /未打开/);
    await assert.rejects(client.connection.sendRequest(RenderRequest.method, { garbage: true }));
    await assert.rejects(client.connection.sendRequest(FiguresRequest.method, null));
    assert.equal((await renderDoc(uri, 'txt')).format, 'txt');
  });

  it('checks the reports of the workspace that are not open, one entry per file', async () => {
    const { uri: open } = await client.open('guiwei-2020.bg');
    const result = await client.connection.sendRequest<CheckWorkspaceRequest.Result>(CheckWorkspaceRequest.method, {});
    const uris = result.files.map((f) => f.uri);
    assert.ok(!uris.includes(open), 'an open report is left to the usual diagnostics');
    const beiping = result.files.find((f) => f.uri === client.uri('beiping-2020.bg'));
    assert.ok(beiping, 'a closed report is checked');
    assert.ok(beiping.diagnostics.some((d) => d.code === 'BG207' && d.severity === 1 && d.source === 'baogao'));
    const line = beiping.diagnostics.find((d) => d.code === 'BG207')!.range.start.line;
    const source = readFileSync(path.join(client.folder, 'beiping-2020.bg'), 'utf8').split('\n');
    assert.match(source[line]!, /97\.33%/, 'the diagnostic is on the line of the stated rate');
    assert.ok(result.files.some((f) => /snippets/.test(decodeURIComponent(f.uri))), 'snippets are checked too');
    assert.equal(new Set(uris).size, uris.length, 'one entry per file');
  });

  it('lists the problems of a snippet that several closed reports include once, whichever is checked first', async () => {
    writeFileSync(path.join(client.folder, 'snippets/shared-part.bg'), '@片段 共用段落\n\n全年开展普法活动,群众满意。\n');
    for (const name of ['town-a.bg', 'town-b.bg']) writeFileSync(path.join(client.folder, name), '@年度 2020\n\n# 工作\n@引用 共用段落\n');
    for (const name of ['snippets/shared-part.bg', 'town-a.bg', 'town-b.bg']) {
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(name), type: FileChangeType.Created }] });
    }
    try {
      const { files } = await client.connection.sendRequest<CheckWorkspaceRequest.Result>(CheckWorkspaceRequest.method, {});
      const shared = files.find((f) => f.uri === client.uri('snippets/shared-part.bg'));
      assert.ok(shared, 'the snippet has its entry');
      const comma = shared.diagnostics.filter((d) => d.code === 'BG601');
      assert.equal(comma.length, 1, JSON.stringify(shared.diagnostics));
      const keys = shared.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`);
      assert.equal(new Set(keys).size, keys.length, 'each problem once');
    } finally {
      for (const name of ['snippets/shared-part.bg', 'town-a.bg', 'town-b.bg']) {
        rmSync(path.join(client.folder, name));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(name), type: FileChangeType.Deleted }] });
      }
    }
  });

  it('checks the workspace again from the index, re-checking what changed on disk and what depends on it', async () => {
    const check = async () => (await client.connection.sendRequest<CheckWorkspaceRequest.Result>(CheckWorkspaceRequest.method, {})).files;
    const codesOf = (files: CheckWorkspaceRequest.Result['files'], name: string) => files.find((f) => f.uri === client.uri(name))?.diagnostics.map((d) => d.code) ?? [];
    const changed = (name: string, type: FileChangeType) => client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(name), type }] });
    // Two closed reports, this year's reading last year's (@上年).
    writeFileSync(path.join(client.folder, 'last-2019.bg'), '@年度 2019\n\n# 工作\n共{调处 = 10起}。\n');
    writeFileSync(path.join(client.folder, 'this-2020.bg'), '@年度 2020\n@上年 last-2019.bg\n\n# 工作\n共{调处 = 12起}，{调处 增减}。\n');
    await changed('last-2019.bg', FileChangeType.Created);
    await changed('this-2020.bg', FileChangeType.Created);
    const first = await check();
    assert.deepEqual(await check(), first, 'unchanged files: the same answer');
    assert.ok(!codesOf(first, 'this-2020.bg').includes('BG106'));
    // beiping-2020.bg changes on disk: its rate is now one a whole count gives, so BG207 goes.
    const file = path.join(client.folder, 'beiping-2020.bg');
    const before = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, before.split('97.33%').join('96.61%'));
      await changed('beiping-2020.bg', FileChangeType.Changed);
      assert.ok(codesOf(first, 'beiping-2020.bg').includes('BG207'));
      assert.ok(!codesOf(await check(), 'beiping-2020.bg').includes('BG207'));
    } finally {
      writeFileSync(file, before);
      await changed('beiping-2020.bg', FileChangeType.Changed);
    }
    // Last year's report goes: this year's, unchanged itself, now says it cannot find it.
    rmSync(path.join(client.folder, 'last-2019.bg'));
    await changed('last-2019.bg', FileChangeType.Deleted);
    assert.ok(codesOf(await check(), 'this-2020.bg').includes('BG106'));
    rmSync(path.join(client.folder, 'this-2020.bg'));
    await changed('this-2020.bg', FileChangeType.Deleted);
    // A baogao.json that turns a check off: the closed reports' remembered problems are checked again.
    assert.ok(codesOf(await check(), 'beiping-2020.bg').includes('BG207'));
    writeFileSync(path.join(client.folder, 'baogao.json'), JSON.stringify({ disabledChecks: ['BG207'] }));
    try {
      await changed('baogao.json', FileChangeType.Created);
      assert.ok(!codesOf(await check(), 'beiping-2020.bg').includes('BG207'), 'BG207 is off in baogao.json');
    } finally {
      rmSync(path.join(client.folder, 'baogao.json'));
      await changed('baogao.json', FileChangeType.Deleted);
    }
    assert.ok(codesOf(await check(), 'beiping-2020.bg').includes('BG207'), 'and on again without it');
  });

  it('reports work-done progress on the client\'s token while checking the workspace', async () => {
    const token = 'check-workspace-progress';
    const kinds: string[] = [];
    const listener = client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      kinds.push(value.kind);
    });
    try {
      await client.connection.sendRequest(CheckWorkspaceRequest.method, { workDoneToken: token });
    } finally {
      listener.dispose();
    }
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('stops checking the workspace when the request is cancelled', async () => {
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(CheckWorkspaceRequest.method, {}, source.token);
    source.cancel();
    // Either the server saw the cancellation (an error) or it had already finished: both are answers.
    await pending.then(() => undefined, (error: { code?: number }) => assert.equal(error.code, -32800));
    assert.ok(await client.connection.sendRequest(CheckWorkspaceRequest.method, {}));
  });

  it('lists the figures with value, formula, check, computed result and where each is defined', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    const result = await client.connection.sendRequest<FiguresRequest.Result>(FiguresRequest.method, { textDocument: { uri } });
    assert.equal(result.uri, uri);
    assert.equal(result.kind, '法治政府建设年度报告');
    const byName = new Map(result.figures.map((f) => [f.name, f]));
    const rate = byName.get('持证率');
    assert.ok(rate, '持证率 is listed');
    assert.equal(rate.value, '81.48%');
    assert.equal(rate.check, '持证/应领证');
    assert.match(rate.computed ?? '', /^81\.48/);
    assert.deepEqual(rate.problems, []);
    const line = text.split('\n').findIndex((l) => l.includes('{持证率 ='));
    assert.equal(rate.location.uri, uri);
    assert.equal(rate.location.line, line);
    assert.equal(text.split('\n')[line]!.slice(rate.location.character).startsWith('{持证率'), true);
    const count = byName.get('调处');
    assert.equal(count?.value, '150起');
    assert.equal(count?.formula, null);
  });

  it('shows a figure whose stated rate no whole count gives as a problem', async () => {
    const { uri } = await client.open('beiping-2020.bg');
    const result = await client.connection.sendRequest<FiguresRequest.Result>(FiguresRequest.method, { textDocument: { uri } });
    const wrong = result.figures.filter((f) => f.problems.some((p) => p.code === 'BG207'));
    assert.equal(wrong.length, 1);
    assert.equal(wrong[0]!.value, '97.33%');
  });

  it('lists figures defined in included snippets with their snippet file as the location', async () => {
    const { uri } = await client.open('guiwei-2021.bg');
    const result = await client.connection.sendRequest<FiguresRequest.Result>(FiguresRequest.method, { textDocument: { uri } });
    const elsewhere = result.figures.filter((f) => f.location.uri !== uri);
    assert.ok(elsewhere.some((f) => f.name === '持证率' && f.value === '92.59%' && f.formula === '持证/应领证 %'), '持证率 comes from snippets/三项制度.bg');
    for (const f of elsewhere) assert.match(decodeURIComponent(f.location.uri), /\/(snippets|片段)\//);
  });
});
