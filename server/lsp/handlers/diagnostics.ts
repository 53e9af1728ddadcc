// Pull diagnostics (LSP 3.17 `textDocument/diagnostic`), for clients that support them: the publisher
// answers from the one check of the document's current version, `unchanged` when the client's result id
// is still current. A request the client cancelled while it waited (the user typed on) checks nothing.
import {
  DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type CancellationToken, type DocumentDiagnosticParams, type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { ServerContext } from '../context.js';
import { answer } from '../requests.js';

/**
 * Lets the messages already received in before the check starts: a cancellation (taken as soon as it is
 * read) and the next queued message (a newer edit). An immediate, not a timer: a timer waits 1 ms.
 */
const queued = () => new Promise((resolve) => setImmediate(resolve));

export function register({ connection, diagnostics }: ServerContext): void {
  const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  connection.languages.diagnostics.on(answer<DocumentDiagnosticParams, Promise<DocumentDiagnosticReport>, [CancellationToken]>(connection, 'diagnostic', empty, async (params, token) => {
    await diagnostics.started;
    await queued();
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, '已取消');
    const uri = params?.textDocument?.uri;
    return typeof uri === 'string' ? diagnostics.report(uri, typeof params.previousResultId === 'string' ? params.previousResultId : undefined) : empty;
  }));
}
