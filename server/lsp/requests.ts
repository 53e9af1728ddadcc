// The one policy for request errors, for every handler:
// - a ResponseError the handler throws (missing parameters, a rename that cannot be done, a document that
//   is not open) is the answer the client gets;
// - any other failure is a bug: it is logged, and the client gets the request's empty result (null, [])
//   — or, for a request without one (baogao's own), the library's InternalError with the message.
// A request about a document the server does not know gets the empty result; about a document beyond
// the size bound or not text (BG905, BG908), the empty result too — and formatting, exports and tables say why.
// Long requests (over the workspace's files) work in slices and stop when cancelled: see LongWork.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel } from '../language/model.js';
import type { DocumentStore } from './documents.js';

const NO_EMPTY_RESULT = Symbol('no empty result');

export function answer<P, R, T extends unknown[]>(connection: Connection, name: string, empty: Awaited<R> | typeof NO_EMPTY_RESULT, run: (params: P, ...rest: T) => R): (params: P, ...rest: T) => R {
  const failed = (error: unknown): Awaited<R> => {
    if (error instanceof ResponseError) throw error;
    connection.console.error(`baogao ${name}: ${(error as Error)?.stack ?? String(error)}`);
    if (empty === NO_EMPTY_RESULT) throw error;
    return empty;
  };
  return (params: P, ...rest: T): R => {
    try {
      const result = run(params, ...rest);
      // An async handler's failure arrives later: the same policy for its rejection.
      return result instanceof Promise ? (result.catch(failed) as R) : result;
    } catch (error) {
      return failed(error) as R;
    }
  };
}

/** For requests that have no empty result: failures reach the client as errors. */
export const answerOrFail = <P, R, T extends unknown[]>(connection: Connection, name: string, run: (params: P, ...rest: T) => R) =>
  answer<P, R, T>(connection, name, NO_EMPTY_RESULT, run);

/**
 * A handler about an open document: `run` gets the document, its model and the request's cancellation
 * token; other URIs get `empty`. A document not analysed (beyond the size bound, not text) gets `empty`
 * too, or — with `notAnalysed: 'refuse'` (formatting: the user asked and waits) — an error that says why.
 */
export function answerForDocument<P extends { textDocument?: { uri?: unknown } } | undefined, R>(
  connection: Connection, store: DocumentStore, name: string, empty: Awaited<R>,
  run: (params: P, doc: TextDocument, model: ReportModel, token: CancellationToken | undefined) => R,
  options: { notAnalysed?: 'empty' | 'refuse' } = {},
): (params: P, token?: CancellationToken) => R {
  return answer(connection, name, empty, (params: P, token?: CancellationToken) => {
    const doc = store.get(params?.textDocument?.uri);
    // (An async handler's empty result may be given at once: the library awaits either.)
    if (!doc) return empty as R;
    const model = store.modelFor(doc);
    if (model.notAnalysed) {
      if (options.notAnalysed === 'refuse') throw refused(model.diagnostics[0]!);
      return empty as R;
    }
    return run(params, doc, model, token);
  });
}

const refused = (why: { code: string; message: string }) => new ResponseError(LSPErrorCodes.RequestFailed, `${why.message}（${why.code}）`);

/**
 * The open document a baogao request is about; one that is not open is the client's error, and one not
 * analysed (beyond the size bound, not text) is refused with the reason (exports, tables, the preview do no work on it).
 */
export function requireOpenDocument(store: DocumentStore, params: unknown): TextDocument {
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  const doc = store.get(uri);
  if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `文档未打开：${String(uri)}`);
  // The model of the version says it (analysed once per version; its text's counts are kept, not recounted).
  const model = store.modelFor(doc);
  if (model.notAnalysed) throw refused(model.diagnostics[0]!);
  return doc;
}

/** How long a long request works before it lets other messages in (a keystroke, its diagnostics). */
const SLICE_MS = 15;

/**
 * The one policy for long requests (workspace symbols, references, rename, the workspace check,
 * collect, exports): they work item by item (a file, a stage), and between items `pause()` lets the
 * event loop run once a slice of SLICE_MS is used — so an edit's didChange and its diagnostics go
 * first — and ends the request with RequestCancelled once the client has cancelled it.
 */
export class LongWork {
  private sliceStart = Date.now();

  constructor(private readonly tokens: ReadonlyArray<CancellationToken | undefined> = []) {}

  static of(...tokens: Array<CancellationToken | undefined>): LongWork {
    return new LongWork(tokens);
  }

  get cancelled(): boolean {
    return this.tokens.some((t) => t?.isCancellationRequested === true);
  }

  throwIfCancelled(): void {
    if (this.cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, '已取消');
  }

  /** Between two items: yields once the slice is used up; throws RequestCancelled when cancelled. */
  async pause(): Promise<void> {
    this.throwIfCancelled();
    if (Date.now() - this.sliceStart < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.sliceStart = Date.now();
    this.throwIfCancelled();
  }

  /** `each` over the items, pausing before each one. */
  async map<T, U>(items: Iterable<T>, each: (item: T, index: number) => U): Promise<U[]> {
    const out: U[] = [];
    let index = 0;
    for (const item of items) {
      await this.pause();
      out.push(each(item, index++));
    }
    return out;
  }
}
