// baogao/preview: the open report's printed pages for the live preview (exports go through baogao/render).
import { previewPages } from '../../../templates/preview.js';
import type { ServerContext } from '../context.js';
import { PreviewRequest } from '../protocol.js';
import { answerOrFail, requireOpenDocument } from '../requests.js';
import { uriToPath } from '../uri.js';

export function register({ connection, store }: ServerContext): void {
  connection.onRequest(PreviewRequest.method, answerOrFail(connection, 'preview', (params: PreviewRequest.Params): PreviewRequest.Result => {
    const doc = requireOpenDocument(store, params);
    const width = store.projectFor(uriToPath(doc.uri)).lineWidth;
    return { uri: doc.uri, version: doc.version, ...previewPages(store.modelFor(doc), { width }) };
  }));
}
