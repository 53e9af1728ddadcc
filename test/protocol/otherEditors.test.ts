// Clients that are not VS Code, and clients that get the protocol slightly wrong (session 9's attacks):
// documents that are not files, a document opened twice or changed without a new version.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  DidChangeTextDocumentNotification, DidChangeWorkspaceFoldersNotification, DidOpenTextDocumentNotification, DocumentSymbolRequest, HoverRequest, RenameRequest, SemanticTokensRequest, WorkspaceSymbolRequest,
  type Hover, type InitializeParams, type PublishDiagnosticsParams, type SemanticTokens, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { pathToUri } from '../../server/lsp/uri.js';
import { CheckSourceRequest, CheckWorkspaceRequest, FiguresRequest } from '../../server/lsp/protocol.js';
import { startClient, type Client } from './helper.js';

describe('protocol: other editors and sloppy clients', function () {
  this.timeout(60_000);
  let client: Client;
  let outside: string;
  before(async () => {
    client = await startClient();
    outside = mkdtempSync(path.join(tmpdir(), 'baogao-outside-'));
    writeFileSync(path.join(outside, 'secret.bg'), '@标题 秘密\n@年度 2019\n\n正文{调处 = 777起}。\n');
  });
  after(async () => {
    await client.stop();
    rmSync(outside, { recursive: true, force: true });
  });

  const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

  for (const [i, uri] of ['untitled:Untitled-1', 'vscode-vfs://github/org/repo/report.bg'].entries()) {
    it(`a document that is not a file (${uri.split(':')[0]}:) reads nothing outside the workspace (was: untitled: let the whole disk be read)`, async () => {
      const text = `@标题 测试\n@年度 2020\n@上年 ${path.join(outside, 'secret.bg')}\n\n正文{调处 = 800起}，{调处 增减}。\n`;
      const published = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'baogao', version: 1, text } });
      assert.ok(codes(await published).includes('BG902'), codes(await published).join());
      // A report in the workspace opened after it is confined too (the refusal was for the server's lifetime).
      const inside = await client.open(`inside-${i}.bg`, text);
      const insideCodes = codes(await client.diagnostics(inside.uri, (p) => p.diagnostics.length > 0));
      assert.ok(insideCodes.includes('BG902'), insideCodes.join());
      const rendered = await client.connection.sendRequest<{ text: string }>('baogao/render', { textDocument: { uri }, format: 'txt' });
      assert.doesNotMatch(rendered.text, /增加23起/);
    });
  }

  it('a document opened again, or changed, under the same version number is analysed anew (was: the first text answered)', async () => {
    const uri = client.uri('twice.bg');
    const names = async () => ((await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as Array<{ name: string }>).map((s) => s.name);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'baogao', version: 1, text: '# 甲\n' } });
    assert.deepEqual(await names(), ['一、甲']);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'baogao', version: 1, text: '# 乙\n' } });
    assert.deepEqual(await names(), ['一、乙']);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 1 }, contentChanges: [{ text: '# 丙\n\n# 丁\n' }] });
    assert.deepEqual(await names(), ['一、丙', '二、丁']);
  });
});

describe('protocol: a hostile workspace', function () {
  this.timeout(120_000);
  let folder: string;
  let client: Client;
  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'baogao-hostile-'));
    writeFileSync(path.join(folder, 'broken.bg'), '〔{\n'.repeat(5000));
    writeFileSync(path.join(folder, 'fine.bg'), '@标题 好\n\n# 甲\n\n正文。\n');
    mkdirSync(path.join(folder, 'dir.bg'));
    mkdirSync(path.join(folder, 'loop'));
    symlinkSync('..', path.join(folder, 'loop', 'up'));
    symlinkSync('/etc/hostname', path.join(folder, 'escape.bg'));
    client = await startClient({}, { folder });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('check workspace lists at most 1,000 problems of a file, with BG907 first (was: all 5,000, deduplicated in quadratic time)', async () => {
    const result = await client.connection.sendRequest<CheckWorkspaceRequest.Result>(CheckWorkspaceRequest.method, {});
    const uris = result.files.map((f) => f.uri).sort();
    assert.deepEqual(uris, [client.uri('broken.bg'), client.uri('fine.bg')], 'a folder named .bg, a loop and a link out of the workspace are not reports');
    const broken = result.files.find((f) => f.uri === client.uri('broken.bg'))!;
    assert.equal(broken.diagnostics.length, 1001);
    assert.equal(broken.diagnostics[0]!.code, 'BG907');
    // Two codes on each of 5,000 lines, each bounded to 500 and a summary (perCodeBound.ts), and the missing @类型.
    assert.match(broken.diagnostics[0]!.message, /本文件有 1003 处问题/);
  });
});

describe('protocol: workspace folders added and removed while the server runs', function () {
  this.timeout(60_000);
  let client: Client;
  let second: string;
  before(async () => {
    second = mkdtempSync(path.join(tmpdir(), 'baogao-second-'));
    writeFileSync(path.join(second, '第二个.bg'), '@标题 第二个文件夹\n\n# 独一无二的标题\n\n正文。\n');
    client = await startClient({}, { workspace: { workspaceFolders: true } });
  });
  after(async () => {
    await client.stop();
    rmSync(second, { recursive: true, force: true });
  });

  const found = async () => ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '独一无二' })) ?? []).length;
  const change = (added: string[], removed: string[]) => client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
    event: { added: added.map((f) => ({ uri: pathToUri(f), name: 'x' })), removed: removed.map((f) => ({ uri: pathToUri(f), name: 'x' })) },
  });

  it('are told to the server, whose workspace symbols follow (was: changeNotifications false, the new folder never seen)', async () => {
    assert.equal(client.initializeResult.capabilities.workspace?.workspaceFolders?.changeNotifications, true);
    assert.equal(await found(), 0);
    await change([second], []);
    assert.equal(await found(), 1);
    await change([], [second]);
    assert.equal(await found(), 0);
  });
});

describe('protocol: an untrusted workspace (initializationOptions.trusted: false, VS Code’s Restricted Mode)', function () {
  this.timeout(60_000);
  const report = '@标题 测试镇2020年度报告\n@年度 2020\n\n# 一、主要举措\n@引用 外面的片段\n';
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'baogao-trust-'));
    mkdirSync(path.join(root, 'ws'));
    mkdirSync(path.join(root, '片段库'));
    writeFileSync(path.join(root, '片段库', '外面的片段.bg'), '@片段 外面的片段\n正文。\n');
    writeFileSync(path.join(root, 'ws', 'baogao.json'), JSON.stringify({ snippetFolders: ['../片段库'] }));
    mkdirSync(path.join(root, 'ws2'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const includeFound = async (options: { initializationOptions?: unknown }, settings: Record<string, unknown> = {}, folder = 'ws') => {
    const client = await startClient(settings, { folder: path.join(root, folder), ...options });
    try {
      const { uri } = await client.open('报告.bg', report);
      const published = await client.diagnostics(uri);
      return !published.diagnostics.some((d) => d.code === 'BG301');
    } finally {
      await client.stop();
    }
  };

  it('reads no snippet folder the workspace’s baogao.json names outside it; trusted, it does', async () => {
    assert.equal(await includeFound({}), true, 'a client that says nothing of trust: the folder is read');
    assert.equal(await includeFound({ initializationOptions: { trusted: true } }), true);
    assert.equal(await includeFound({ initializationOptions: { trusted: false } }), false, 'untrusted: BG301, the snippet is not found');
    // The writer's own settings (VS Code gives only the user's in Restricted Mode) still name it.
    assert.equal(await includeFound({ initializationOptions: { trusted: false } }, { snippetFolders: [path.join(root, '片段库')] }, 'ws2'), true);
  });
});

describe('protocol: editors that open a folder the old way, or count positions otherwise', function () {
  this.timeout(60_000);
  const folderless = (params: InitializeParams): InitializeParams => ({ ...params, rootUri: null, workspaceFolders: undefined });
  for (const [what, reshape, reports] of [
    ['rootPath only (older clients): the folder is the workspace (was: none, no workspace symbols or check)', (p: InitializeParams, folder: string) => ({ ...folderless(p), rootPath: folder }), true],
    ['workspaceFolders of the wrong shape, and rootUri: the rootUri (was: initialize failed on .map)', (p: InitializeParams) => ({ ...p, workspaceFolders: 'x' as never }), true],
    ['no folder at all: no workspace, the open document still checked', (p: InitializeParams) => folderless(p), false],
  ] as const) {
    it(what, async () => {
      let folder = '';
      const client = await startClient({}, { reshape: (p) => ((folder = uriToFolder(p.rootUri)), reshape(p, folder)) });
      try {
        const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
        assert.equal((symbols?.length ?? 0) > 50, reports, String(symbols?.length));
        const result = await client.connection.sendRequest<CheckWorkspaceRequest.Result>(CheckWorkspaceRequest.method, {});
        assert.equal(result.files.some((f) => f.uri === client.uri('beiping-2020.bg')), reports);
        const { uri } = await client.open('guiwei-2020.bg');
        assert.ok((await client.diagnostics(uri)).diagnostics.length > 0);
      } finally {
        await client.stop();
      }
    });
  }

  it('a client offering only utf-8 positions is told utf-16, and CJK and emoji are counted in UTF-16 units', async () => {
    const client = await startClient({}, { reshape: (p) => ({ ...p, capabilities: { ...p.capabilities, general: { positionEncodings: ['utf-8'] } } }) });
    try {
      assert.equal(client.initializeResult.capabilities.positionEncoding, 'utf-16');
      const text = '@标题 测\n@年度 2020\n\n# 一\n\n中文😀共调处{调处 = 1起}，率{率 = 调处/未定 %}。\n';
      const { uri } = await client.open('encodings.bg', text);
      const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'BG201'));
      const undefinedFigure = diagnostics.find((d) => d.code === 'BG201')!;
      const line = text.split('\n')[5]!;
      assert.deepEqual(undefinedFigure.range.start, { line: 5, character: line.indexOf('未定') });
    } finally {
      await client.stop();
    }
  });

  // Vim's ALE 3.3 counts bytes, Emacs's lsp-mode 8 code points: each asks in its initialization options.
  const COUNTING = [
    { encoding: 'utf-8', client: 'Vim’s ALE', units: 'UTF-8 bytes', count: (s: string) => Buffer.byteLength(s) },
    { encoding: 'utf-32', client: 'Emacs’s lsp-mode', units: 'code points', count: (s: string) => [...s].length },
  ] as const;
  for (const { encoding, client: which, units, count } of COUNTING) it(`a client that counts ${units} (initializationOptions.positionEncoding: "${encoding}", ${which}) is answered and read in ${units} throughout`, async () => {
    const client = await startClient({}, { initializationOptions: { positionEncoding: encoding } });
    try {
      assert.equal(client.initializeResult.capabilities.positionEncoding, encoding);
      const text = '@标题 测\n@年度 2020\n\n# 一\n\n中文𠀀共调处{调处 = 1起}，率{率 = 调处/未定 %}。\n';
      const line = text.split('\n')[5]!;
      const counted = (units: number) => count(line.slice(0, units));
      const { uri } = await client.open(`${encoding}.bg`, text);
      // Diagnostics: the character is the units before it on its line.
      const found = (await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'BG201'))).diagnostics.find((d) => d.code === 'BG201')!;
      assert.deepEqual(found.range, { start: { line: 5, character: counted(line.indexOf('未定')) }, end: { line: 5, character: counted(line.indexOf('未定') + 2) } });
      // Requests: a position in those units is read as one (hover on the second 调处, the use in the formula).
      const use = line.indexOf('调处', line.indexOf('率{'));
      const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: counted(use + 1) } })) as Hover | null;
      assert.match(JSON.stringify(hover?.contents), /调处/);
      assert.deepEqual(hover?.range, { start: { line: 5, character: counted(use) }, end: { line: 5, character: counted(use + 2) } });
      // Semantic tokens: characters and lengths in those units.
      const data = ((await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })) as SemanticTokens).data;
      const tokens: Array<[number, number, number]> = [];
      for (let i = 0, l = 0, c = 0; i < data.length; i += 5) {
        l += data[i]!;
        c = data[i]! ? data[i + 1]! : c + data[i + 1]!;
        tokens.push([l, c, data[i + 2]!]);
      }
      assert.ok(tokens.some(([l, c, n]) => l === 5 && c === counted(line.indexOf('{调处') + 1) && n === count('调处')), JSON.stringify(tokens.filter(([l]) => l === 5)));
      // An edit in those units: 𠀀 replaced by 甲, then the text the server holds is the edited one (its problems say so).
      const at = counted(line.indexOf('𠀀'));
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 5, character: at }, end: { line: 5, character: at + count('𠀀') } }, text: '甲' }],
      });
      const edited = line.replace('𠀀', '甲');
      const after = (await client.diagnostics(uri, (p) => p.version === 2)).diagnostics.find((d) => d.code === 'BG201')!;
      assert.equal(after.range.start.character, count(edited.slice(0, edited.indexOf('未定'))));
      // Rename: edits in those units.
      const editedCounted = (units: number) => count(edited.slice(0, units));
      const name = edited.indexOf('{调处') + 1;
      // Inside the name (in bytes: a byte inside 调, read as 调).
      const rename = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 5, character: editedCounted(name) + 1 }, newName: '调解' })) as WorkspaceEdit;
      const edits = (rename.changes?.[uri] ?? []).map((e) => [e.range.start.character, e.range.end.character]).sort((a, b) => a[0]! - b[0]!);
      assert.deepEqual(edits, [name, edited.indexOf('调处/')].map((u) => [editedCounted(u), editedCounted(u + 2)]));
      // The server's own requests count so too: the figures table's places, the reviewer's check of a text file.
      const { figures } = await client.connection.sendRequest<FiguresRequest.Result>(FiguresRequest.method, { textDocument: { uri } });
      assert.deepEqual(figures.find((f) => f.name === '调处')!.location, { uri, line: 5, character: editedCounted(edited.indexOf('{调处')) });
      const source = '某镇2020年法治政府建设情况报告\n中文𠀀共调处纠纷,全部化解。\n';
      const file = path.join(client.folder, `${encoding}.txt`);
      writeFileSync(file, source);
      const { files } = await client.connection.sendRequest<CheckSourceRequest.Result>(CheckSourceRequest.method, { uris: [pathToUri(file)] });
      const comma = files[0]!.diagnostics.find((d) => d.code === 'BG601')!;
      const sourceLine = source.split('\n')[1]!;
      assert.deepEqual(comma.range.start, { line: 1, character: count(sourceLine.slice(0, sourceLine.indexOf(','))) });
    } finally {
      await client.stop();
    }
  });
});

/** The folder of a file: URI (the test's copy of the samples). */
const uriToFolder = (uri: string | null) => decodeURIComponent(new URL(uri!).pathname);
