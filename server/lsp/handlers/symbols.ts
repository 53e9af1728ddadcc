// Outline (document symbols) and workspace symbols.
import type { CancellationToken, DocumentSymbol } from 'vscode-languageserver';
import type { ReportModel } from '../../language/model.js';
import type { ServerContext } from '../context.js';
import type { EncodedJson } from '../encodedJson.js';
import { outlineJson, SYMBOL_KIND } from '../outline.js';
import { answer, answerForDocument, LongWork } from '../requests.js';

/** Workspace symbols answered at most. */
const WORKSPACE_SYMBOL_LIMIT = 500;

/** The outline of each model, made once per version: the editor asks for it several times (outline, breadcrumbs, sticky scroll). */
const outlines = new WeakMap<ReportModel, EncodedJson>();

export function register({ connection, store, index }: ServerContext): void {
  connection.onDocumentSymbol(answerForDocument(connection, store, 'documentSymbol', [], (_params, _doc, model) => {
    let outline = outlines.get(model);
    if (!outline) outlines.set(model, (outline = outlineJson(model)));
    // (Sent as it is by the server's writer: see encodedJson.ts.)
    return outline as unknown as DocumentSymbol[];
  }));

  connection.onWorkspaceSymbol(answer(connection, 'workspaceSymbol', [], async (params, token?: CancellationToken) => {
    const query = typeof params?.query === 'string' ? params.query : '';
    await index.refreshGently(LongWork.of(token));
    return index.symbols(query, WORKSPACE_SYMBOL_LIMIT).map((s) => ({
      name: s.name, kind: SYMBOL_KIND[s.kind], containerName: s.detail, location: { uri: s.uri, range: s.range },
    }));
  }));
}

