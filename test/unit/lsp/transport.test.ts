// The server's writer: each message in one write, framed so that the library's reader reads it back.
import { strict as assert } from 'node:assert';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { WholeMessageWriter } from '../../../server/lsp/transport.js';

/** A stream that keeps each write apart. */
function recordingStream() {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(chunk);
      done();
    },
  });
  return { stream, writes };
}

describe('lsp: the server writes each message whole', () => {
  it('writes header and body in one write, the length in bytes of UTF-8', async () => {
    const { stream, writes } = recordingStream();
    const writer = new WholeMessageWriter(stream);
    const message = { jsonrpc: '2.0', id: 1, result: { message: '《中华人民共和国行政处罚法》' } } as Message;
    await writer.write(message);
    await writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ok' } } as Message);
    assert.equal(writes.length, 2);
    const first = writes[0]!.toString('utf8');
    const body = JSON.stringify(message);
    assert.equal(first, `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    assert.ok(Buffer.byteLength(body) > body.length, 'the test message has characters of more than one byte');
  });

  it('is read back, in order, by the protocol library', async () => {
    const pipe = new PassThrough();
    const writer = new WholeMessageWriter(pipe);
    const reader = new StreamMessageReader(pipe);
    const received: Message[] = [];
    const all = new Promise<void>((resolve) => reader.listen((m) => received.push(m) === 50 && resolve()));
    const sent = Array.from({ length: 50 }, (_, i) => ({ jsonrpc: '2.0', id: i, result: '法治'.repeat(i * 100) }) as Message);
    await Promise.all(sent.map((m) => writer.write(m)));
    await all;
    assert.deepEqual(received, sent);
  });

  it('a long answer written in chunks as the stream drains, and the messages after it in their order', async () => {
    // A stream that takes a chunk at a time, later, and asks to wait past 64 KB (as a pipe to a slow client).
    const pipe = new PassThrough({ highWaterMark: 64 * 1024 });
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _encoding, done) {
        setImmediate(() => (pipe.write(chunk), done()));
      },
    });
    const writer = new WholeMessageWriter(slow);
    const reader = new StreamMessageReader(pipe);
    const received: Message[] = [];
    const table = '报告  "机关"\n'.repeat(200_000);
    const sent = [
      { jsonrpc: '2.0', id: 1, result: { table, reports: 2 } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '之后' } },
      { jsonrpc: '2.0', id: 2, result: { table: table.slice(0, 1_200_000) } },
      { jsonrpc: '2.0', id: 3, result: null },
    ] as unknown as Message[];
    let drains = 0;
    slow.on('drain', () => drains++);
    const all = new Promise<void>((resolve) => reader.listen((m) => received.push(m) === sent.length && resolve()));
    await Promise.all(sent.map((m) => writer.write(m)));
    await all;
    assert.deepEqual(received, sent);
    assert.ok(drains > 10, `the writer waited for the stream ${drains} times`);
  });

  it('a long answer to a stream that closes while it is written fails, and does not wait for ever', async () => {
    let writes = 0;
    const stream: Writable = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, done) {
        // The client goes away after the third chunk, the rest never drains.
        if (++writes === 3) setImmediate(() => stream.destroy());
        else if (writes < 3) setImmediate(done);
      },
    });
    stream.on('error', () => undefined);
    const writer = new WholeMessageWriter(stream);
    const errors: Error[] = [];
    writer.onError(([error]) => errors.push(error));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: { table: '报告\n'.repeat(1_000_000) } } as Message));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 2, result: null } as Message));
    assert.ok(errors.length >= 1);
    assert.ok(writes <= 4, `${writes} writes`);
  });

  it('a message JSON cannot hold fails as an error of the writer (as the library’s), and the next one is written', async () => {
    const { stream, writes } = recordingStream();
    const writer = new WholeMessageWriter(stream);
    const errors: Error[] = [];
    writer.onError(([error]) => errors.push(error));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: 1n } as unknown as Message));
    assert.equal(errors.length, 1);
    await writer.write({ jsonrpc: '2.0', id: 2, result: null } as Message);
    assert.equal(writes.length, 1);
  });

  it('a failed write rejects and is told as the writer’s error (the server ends on it)', async () => {
    const stream = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error('gone'), { code: 'EPIPE' })) });
    stream.on('error', () => undefined);
    const writer = new WholeMessageWriter(stream);
    const errors: Error[] = [];
    writer.onError(([error]) => errors.push(error));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: null } as Message), /gone/);
    assert.ok(errors.some((e) => (e as { code?: string }).code === 'EPIPE'));
  });
});
