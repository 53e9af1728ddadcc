// The server's end of the wire, to the letter of LSP on errors: a request before `initialize` gets
// -32002 (and a notification is dropped), a second `initialize` and a request after `shutdown` get -32600
// (InvalidRequest: the spec says `initialize` may only be sent once; tower-lsp answers the same); a broken stream (a wrong Content-Length, a header that is not
// one) ends the process with a non-zero code, so that the client restarts it rather than talk to a deaf
// server; a closed pipe (EPIPE, the client gone) ends it quietly.
import {
  AbstractMessageWriter, IPCMessageReader, IPCMessageWriter, StreamMessageReader,
  type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter,
} from 'vscode-languageserver/node';
import { Console } from 'node:console';
import { frameOf, type Frame } from './frame.js';
import { collectGarbage, LARGE_MESSAGE } from './memory.js';

export const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;

/** The answers to requests out of the lifecycle's order. */
const REFUSALS = {
  early: { code: SERVER_NOT_INITIALIZED, message: '服务器尚未初始化：请先发送 initialize 请求。' },
  again: { code: INVALID_REQUEST, message: '服务器已经初始化：initialize 请求只能发送一次。' },
  shutDown: { code: INVALID_REQUEST, message: '服务器已收到 shutdown 请求：只再接受 exit 通知。' },
} as const;

/**
 * Passes messages on between `initialize` and `shutdown`; before the one, answers requests with -32002
 * itself, after the other with -32600, and drops notifications (but `exit`); a second `initialize` gets
 * -32600 too (the library would answer it as the first). Drops the malformed messages the library cannot
 * take (see wellFormed).
 */
export class LifecycleGate implements MessageReader {
  private initialized = false;
  private shutDown = false;
  readonly onError: MessageReader['onError'];
  readonly onClose: MessageReader['onClose'];
  readonly onPartialMessage: MessageReader['onPartialMessage'];

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    this.onError = inner.onError;
    this.onClose = inner.onClose;
    this.onPartialMessage = inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message: Message) => {
      if (!wellFormed(message)) return;
      const { id, method } = message as { id?: number | string | null; method?: unknown };
      if (!this.initialized || this.shutDown) {
        if (method === 'initialize' && !this.initialized) this.initialized = true;
        else if (typeof method === 'string' && method !== 'exit') {
          if (id !== undefined && id !== null) this.refuse(id, this.shutDown ? 'shutDown' : 'early');
          return;
        }
      } else if (method === 'shutdown') this.shutDown = true;
      else if (method === 'initialize') {
        if (id !== undefined && id !== null) this.refuse(id, 'again');
        return;
      }
      callback(message);
    });
  }

  private refuse(id: number | string, why: keyof typeof REFUSALS): void {
    void this.writer.write({ jsonrpc: '2.0', id, error: REFUSALS[why] } as Message).catch(() => undefined);
  }

  dispose(): void {
    this.inner.dispose();
  }
}

/**
 * Messages the protocol library itself would throw on while reading (it then reports the stream as
 * broken): a `$/cancelRequest` without a request id (found by the random JSON-RPC property test).
 */
function wellFormed(message: Message): boolean {
  const { method, params, id: own } = message as { method?: unknown; params?: { id?: unknown } | null; id?: unknown };
  if (method !== '$/cancelRequest' || own !== undefined) return true;
  const id = params && typeof params === 'object' ? params.id : undefined;
  return typeof id === 'number' || typeof id === 'string';
}

/**
 * Writes each message to the stream in one write, its header and body together. The library's writer
 * writes them apart, and a pipe's writes are synchronous on Linux: two system calls per answer, each
 * waking the client, took a fifth of the server's time on a 15 KB report's keystroke (CPU profile of
 * 3,000 keystrokes with their diagnostics pulled). An answer with long fields (frame.ts) is written a chunk
 * at a time as its bytes are made, waiting for the stream to drain; the messages after it wait their turn.
 */
export class WholeMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private failures = 0;
  /** The end of the chunked message being written and of those queued behind it; undefined when none is. */
  private queue: Promise<void> | undefined;

  constructor(
    private readonly out: NodeJS.WritableStream,
    /** Called once a message of LARGE_MESSAGE bytes or more has been written (the server collects its garbage). */
    private readonly afterLarge: () => void = () => undefined,
  ) {
    super();
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let frame: Frame;
    try {
      frame = frameOf(message);
    } catch (error) {
      // A message JSON cannot hold (a cycle, a BigInt): an error of the writer, as the library's.
      this.fireError(error as Error, message, ++this.failures);
      return Promise.reject(error);
    }
    if (frame.whole && !this.queue) return this.send(frame.whole, frame.byteLength, message);
    const written = (this.queue ?? Promise.resolve()).then(() => (frame.whole ? this.send(frame.whole, frame.byteLength, message) : this.sendInChunks(frame, message)));
    const settled = written.then(
      () => undefined,
      () => undefined,
    );
    this.queue = settled;
    void settled.then(() => {
      if (this.queue === settled) this.queue = undefined;
    });
    return written;
  }

  /** Writes one buffer; resolves once the stream has taken it. */
  private send(bytes: Buffer, byteLength: number, message: Message): Promise<void> {
    // The stream keeps its last write's callback until it writes again (Node's Writable), with what the
    // callback can reach: not the message nor its bytes (a workspace's answer, tens of MB, was kept after
    // it was sent until the next message), only what an error needs, until it is called.
    let sent: Message | undefined = message;
    let frame: Buffer | undefined = bytes;
    return new Promise((resolve, reject) => {
      this.out.write(frame!, (error?: Error | null) => {
        const failed = sent;
        sent = undefined;
        // Once the stream has let go of the bytes too.
        if (byteLength >= LARGE_MESSAGE) setImmediate(this.afterLarge);
        if (!error) return resolve();
        this.fireError(error, failed, ++this.failures);
        reject(error);
      });
      frame = undefined;
    });
  }

  /** Writes a message's chunks as they are made, each once the stream has room; the last one as `send`. */
  private async sendInChunks(frame: Frame, message: Message): Promise<void> {
    let previous: Buffer | undefined;
    for (const chunk of frame.chunks()) {
      if (previous && !this.out.write(previous)) await drained(this.out);
      // Closed or failed meanwhile: the last write below says so.
      if (!this.out.writable) break;
      previous = chunk;
    }
    await this.send(previous ?? Buffer.alloc(0), frame.byteLength, message);
  }

  end(): void {
    this.out.end();
  }
}

/** Once the stream wants more (or has closed or failed: the next write says so). */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    if (!out.writable) return resolve();
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

/**
 * Over stdio, stdout carries the messages only: a `console.log` anywhere in the server or a library it
 * loads would put text between them and break the stream. Every console method goes to stderr instead
 * (the editor shows it in the server's log). The protocol library does this only when it opens stdio
 * itself, not with the reader and writer given here.
 */
function consoleToStderr(): void {
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  const methods = console as unknown as Record<string, unknown>;
  const replacements = toStderr as unknown as Record<string, unknown>;
  for (const key of Object.keys(methods)) {
    const replacement = replacements[key];
    if (typeof methods[key] === 'function' && typeof replacement === 'function') methods[key] = replacement.bind(toStderr);
  }
}

/** Ends the process: quietly when the client is gone, with a line on stderr and code 1 when the stream broke. */
function end(code: number, why?: string): never {
  if (why) {
    try {
      process.stderr.write(`baogao 语言服务器：${why}，退出（客户端可重启）。\n`);
    } catch {
      // stderr is gone too
    }
  }
  process.exit(code);
}

const isClosedPipe = (error: unknown) => {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === 'EPIPE' || e?.code === 'ERR_STREAM_DESTROYED' || e?.code === 'ECONNRESET' || /Connection is (closed|disposed)/.test(String(e?.message));
};

/** Reader and writer for --stdio or --node-ipc (undefined for --socket, left to the library). */
export function serverTransport(argv: readonly string[]): { reader: MessageReader; writer: MessageWriter } | undefined {
  let reader: MessageReader;
  let writer: MessageWriter;
  if (argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else if (argv.includes('--stdio') || !argv.some((a) => a.startsWith('--socket') || a.startsWith('--pipe'))) {
    process.stdout.on('error', (error) => (isClosedPipe(error) ? end(0) : end(1, `标准输出出错：${String(error)}`)));
    consoleToStderr();
    reader = new StreamMessageReader(process.stdin);
    writer = new WholeMessageWriter(process.stdout, collectGarbage);
  } else return undefined;
  reader.onError((error) => end(1, `消息流已损坏（${error.message}）${process.env.BAOGAO_DEBUG ? error.stack : ''}`));
  writer.onError(([error]) => (isClosedPipe(error) ? end(0) : end(1, `无法发送消息（${error.message}）`)));
  process.on('uncaughtException', (error) => (isClosedPipe(error) ? end(0) : end(1, `内部错误：${error.stack ?? error.message}`)));
  // A failed reply or notification (the client refused it) is no reason to stop serving.
  process.on('unhandledRejection', (reason) => {
    if (isClosedPipe(reason)) end(0);
    try {
      process.stderr.write(`baogao 语言服务器：未处理的错误：${String((reason as Error)?.stack ?? reason)}\n`);
    } catch {
      // stderr is gone
    }
  });
  return { reader: new LifecycleGate(reader, writer), writer };
}
