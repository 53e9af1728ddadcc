// The server on the wire, to the letter of LSP on errors (issue 14, item 6), and random JSON-RPC.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { counted, fuzzRuns, fuzzSettings } from '../helpers.js';
import { ROOT, startClient, type Client } from './helper.js';

const RUNS = fuzzRuns();
const SERVER = path.join(ROOT, 'dist', 'server.cjs');

/** A raw server over stdio: what it writes, and how it ended (`nodeArgs`: given to Node before the server). */
function rawServer(nodeArgs: string[] = []) {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<{ code: number | null }>((resolve) => child.on('exit', (code) => resolve({ code })));
  const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
  return {
    child,
    exited,
    out: () => out,
    err: () => err,
    send: (message: object, length?: number) => child.stdin!.write(frame(JSON.stringify(message), length)),
    raw: (text: string) => child.stdin!.write(text),
    /** Resolves once the output holds `text` (polled), or fails after 10 s naming `what`. */
    written: (text: string, what: string) =>
      within(new Promise<void>((resolve) => { const t = setInterval(() => out.includes(text) && (clearInterval(t), resolve()), 20); }), 10_000, what),
  };
}

/** Resolves once a raw server has answered the request `id`. */
function replied(s: ReturnType<typeof rawServer>, id: number): Promise<void> {
  return s.written(`"id":${id},`, `reply ${id}`);
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms))]);

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

describe('protocol: errors to the letter', () => {
  it('answers a request before initialize with -32002 and drops notifications; initialize then works', async () => {
    const s = rawServer();
    try {
      s.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///x.bg', languageId: 'baogao', version: 1, text: '# 甲' } } });
      s.send({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.bg' }, position: { line: 0, character: 0 } } });
      await s.written('"id":7', 'error reply');
      assert.match(s.out(), /"id":7,"error":\{"code":-32002/);
      s.send(initialize);
      await s.written('"capabilities"', 'initialize');
    } finally {
      s.child.kill();
    }
  });

  for (const [what, write] of [
    ['a Content-Length too small', (s: ReturnType<typeof rawServer>) => s.send(initialize, 5)],
    ['a header that is not one', (s: ReturnType<typeof rawServer>) => s.raw('hello world\r\n\r\n{}')],
    ['a body that is not JSON', (s: ReturnType<typeof rawServer>) => s.raw('Content-Length: 3\r\n\r\n{{{')],
  ] as const) {
    it(`ends with a non-zero code on ${what}, so that the client restarts it`, async () => {
      const s = rawServer();
      write(s);
      const { code } = await within(s.exited, 10_000, 'exit');
      assert.notEqual(code, 0);
      assert.match(s.err(), /消息流已损坏/);
    });
  }

  it('a console.log in the server or a library goes to stderr, not between the messages on stdout (was: the stream broke)', async () => {
    // Loaded before the server; once it runs, every console method that writes to stdout is called.
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-console-'));
    const preload = path.join(folder, 'stray.cjs');
    writeFileSync(preload, `setTimeout(() => { console.log('stray-log'); console.info('stray-info'); console.debug('stray-debug'); console.dir({ stray: 'dir' }); console.table([{ stray: 'table' }]); console.group('stray-group'); console.count('stray-count'); console.time('stray-time'); console.timeEnd('stray-time'); }, 0);`);
    const s = rawServer(['--require', preload]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      s.send(initialize);
      await s.written('"capabilities"', 'initialize');
      s.send({ jsonrpc: '2.0', id: 2, method: 'workspace/symbol', params: { query: '' } });
      await replied(s, 2);
      assert.match(s.out(), /^Content-Length: \d+\r\n\r\n\{/);
      assert.doesNotMatch(s.out(), /stray/);
      for (const what of ['stray-log', 'stray-info', 'stray-debug', "stray: 'dir'", 'stray-group', 'stray-count', 'stray-time']) assert.ok(s.err().includes(what), `${what} on stderr`);
    } finally {
      s.child.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('answers a request after shutdown with -32600, and exit then ends with code 0 (was: answered as if nothing happened)', async () => {
    const s = rawServer();
    try {
      s.send(initialize);
      s.send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
      s.send({ jsonrpc: '2.0', id: 3, method: 'workspace/symbol', params: { query: '' } });
      s.send({ jsonrpc: '2.0', id: 4, method: 'shutdown' });
      await replied(s, 3);
      await replied(s, 4);
      assert.match(s.out(), /"id":2,"result":null/);
      assert.match(s.out(), /"id":3,"error":\{"code":-32600,"message":"服务器已收到 shutdown 请求/);
      assert.match(s.out(), /"id":4,"error":\{"code":-32600/);
      s.send({ jsonrpc: '2.0', method: 'exit' });
      assert.equal((await within(s.exited, 10_000, 'exit')).code, 0);
    } finally {
      s.child.kill();
    }
  });

  it('answers a second initialize with -32600 and goes on serving the first (was: answered as if it were the first)', async () => {
    const s = rawServer();
    try {
      s.send(initialize);
      await replied(s, 1);
      s.send({ ...initialize, id: 2, params: { ...initialize.params, rootUri: 'file:///' } });
      s.send({ jsonrpc: '2.0', method: 'initialize', params: initialize.params });
      s.send({ jsonrpc: '2.0', id: 3, method: 'workspace/symbol', params: { query: '' } });
      await replied(s, 2);
      await replied(s, 3);
      assert.match(s.out(), /"id":2,"error":\{"code":-32600,"message":"服务器已经初始化：initialize 请求只能发送一次。"/);
      assert.equal(s.out().match(/"capabilities"/g)?.length, 1);
      assert.match(s.out(), /"id":3,"result":\[/);
    } finally {
      s.child.kill();
    }
  });

  it('ends with code 1 on exit without shutdown, as LSP says', async () => {
    const s = rawServer();
    try {
      s.send(initialize);
      s.send({ jsonrpc: '2.0', method: 'exit' });
      assert.equal((await within(s.exited, 10_000, 'exit')).code, 1);
    } finally {
      s.child.kill();
    }
  });

  it('keeps serving after a $/cancelRequest without an id (found by the random JSON-RPC property)', async () => {
    const s = rawServer();
    try {
      s.send(initialize);
      s.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: {} });
      s.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: null });
      s.send({ jsonrpc: '2.0', id: 9, method: 'workspace/symbol', params: { query: '' } });
      await s.written('"id":9', 'reply after the bad cancel');
      assert.equal(s.child.exitCode, null);
    } finally {
      s.child.kill();
    }
  });

  it('ends quietly (code 0, no stack trace) when the client closes its pipes', async () => {
    const s = rawServer();
    s.send(initialize);
    await s.written('"capabilities"', 'initialize');
    s.child.stdout!.destroy();
    s.send({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: {} });
    s.child.stdin!.end();
    const { code } = await within(s.exited, 10_000, 'exit');
    assert.equal(code, 0);
    assert.doesNotMatch(s.err(), /\n\s+at /);
  });
});

// Also with positions counted in UTF-8 bytes or code points (clients like Vim's ALE and Emacs's lsp-mode ask for them): every position the server reads converts.
for (const encoding of ['utf-16', 'utf-8', 'utf-32'] as const) describe(`protocol: random JSON-RPC (${RUNS} messages, positions in ${encoding})`, function () {
  this.timeout(0);
  let client: Client;
  before(async () => {
    client = await startClient({ citations: [{ title: '某条例', aliases: 5 }], lineWidth: { 宽: 1 } }, encoding === 'utf-16' ? {} : { initializationOptions: { positionEncoding: encoding } });
    assert.equal(client.initializeResult.capabilities.positionEncoding, encoding);
  });
  after(() => client.stop());

  it('bad settings do not silence diagnostics (was: every diagnostic vanished)', async () => {
    const { uri } = await client.open('guiwei-2020.bg');
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0, 20_000);
    assert.ok(published.diagnostics.length > 0);
  });

  it('survives random requests and notifications, and still answers', async () => {
    const { uri } = await client.open('beiping-2020.bg');
    const METHODS = [
      'textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/rename',
      'textDocument/prepareRename', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/rangeFormatting',
      'textDocument/codeAction', 'textDocument/semanticTokens/full', 'textDocument/foldingRange', 'textDocument/documentLink',
      'textDocument/inlayHint', 'workspace/symbol', 'baogao/render', 'baogao/figures', 'textDocument/didChange', 'textDocument/didSave',
      'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles', '$/cancelRequest', 'initialize', 'unknown/method', '',
    ];
    const position = fc.record({ line: fc.oneof(fc.integer({ min: -2, max: 60 }), fc.constant(2 ** 31)), character: fc.oneof(fc.integer({ min: -2, max: 80 }), fc.constant(1e9)) });
    const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]));
    const params = fc.oneof(
      fc.record({ textDocument: fc.oneof(fc.constant({ uri }), fc.record({ uri: fc.oneof(fc.constant('file:///nope.bg'), fc.string({ maxLength: 10 })) }), value), position, range: fc.oneof(fc.record({ start: position, end: position }), value), newName: value, query: value, context: value, format: fc.oneof(fc.constantFrom('txt', 'md', 'html', 'preview'), value) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    let id = 1000;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), params, fc.boolean(), counted('json-rpc', async (method, p, isRequest) => {
        // didChange with a random version would only confuse the test's own document: not sent for it.
        if (method === 'textDocument/didChange' && (p as { textDocument?: { uri?: string } })?.textDocument?.uri === uri) return;
        if (!isRequest) {
          await client.connection.sendNotification(method, p);
          return;
        }
        await within(client.connection.sendRequest(method, p).catch((e: { code?: number }) => assert.equal(typeof e.code, 'number')), 20_000, `${method} #${id++}`);
      })),
      fuzzSettings(),
    );
    const symbols = await within(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 20_000, 'symbols after');
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    await within(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } }), 20_000, 'hover after');
    assert.equal(client.process.exitCode, null, 'still running');
  });
});
