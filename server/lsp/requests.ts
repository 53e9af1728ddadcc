// The one policy for request errors, for every handler:
// - a ResponseError the handler throws (missing parameters, a rename that cannot be done, a document that
//   is not open) is the answer the client gets;
// - any other failure is a bug: it is logged, and the client gets the request's empty result (null, [])
//   — or, for a request without one (baogao's own), the library's InternalError with the message.
// A request about a document the server does not know gets the empty result.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
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

/** A handler about an open document: `run` gets the document and its model; other URIs get `empty`. */
export function answerForDocument<P extends { textDocument?: { uri?: unknown } } | undefined, R>(
  connection: Connection, store: DocumentStore, name: string, empty: Awaited<R> & R, run: (params: P, doc: TextDocument, model: ReportModel) => R,
): (params: P) => R {
  return answer(connection, name, empty, (params: P) => {
    const doc = store.get(params?.textDocument?.uri);
    return doc ? run(params, doc, store.modelFor(doc)) : empty;
  });
}

/** The open document a baogao request is about; one that is not open is the client's error. */
export function requireOpenDocument(store: DocumentStore, params: unknown): TextDocument {
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  const doc = store.get(uri);
  if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `文档未打开：${String(uri)}`);
  return doc;
}
