// baogao/preview: the open report's printed pages for the live preview (exports go through baogao/render).
// Only the pages that changed since the pages the client shows are sent: a keystroke changes one or two
// of a long report's pages, and the rest need not be serialised, parsed and compared again.
import type { CancellationToken } from 'vscode-languageserver';
import { previewPages, samePage, type PreviewPage } from '../../../templates/preview.js';
import type { ServerContext } from '../context.js';
import { makeRoomFor } from '../memory.js';
import { PreviewRequest } from '../protocol.js';
import { answerOrFail, LongWork, requireOpenDocument } from '../requests.js';
import { uriToPath } from '../uri.js';

/** The last pages sent for each document, by result id (a few documents: previews follow the editor). */
const sent = new Map<string, { resultId: string; pages: PreviewPage[] }>();
const KEPT_DOCUMENTS = 8;
let results = 0;

export function register({ connection, store }: ServerContext): void {
  connection.onRequest(PreviewRequest.method, answerOrFail(connection, 'preview', (params: PreviewRequest.Params, token?: CancellationToken): PreviewRequest.Result => {
    // Cancelled while it waited (the writer typed on): the next request asks for the newer text.
    LongWork.of(token).throwIfCancelled();
    const doc = requireOpenDocument(store, params);
    const width = store.projectFor(uriToPath(doc.uri)).lineWidth;
    const model = store.modelFor(doc);
    // A large report's pages are much data made at once (without this, 3 MB: the server's peak rose by 40 MB).
    makeRoomFor(model.file.text);
    const found = previewPages(model, { width });
    const before = sent.get(doc.uri);
    const since = before && typeof params.previousResultId === 'string' && params.previousResultId === before.resultId ? before.pages : undefined;
    const resultId = String(++results);
    sent.delete(doc.uri);
    sent.set(doc.uri, { resultId, pages: found.pages });
    if (sent.size > KEPT_DOCUMENTS) sent.delete(sent.keys().next().value!);
    const pages = found.pages.map((page, i) => (since?.[i] && samePage(since[i], page) ? null : page));
    return { uri: doc.uri, version: doc.version, ...found, pages, resultId };
  }));
}
