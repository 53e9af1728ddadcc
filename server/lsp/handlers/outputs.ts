// baogao/preview and baogao/export: the open report's printed pages for the live preview, and the
// report as a file to save (DOCX, HTML, text). The client writes the file (after its save dialog).
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { renderDocx } from '../../../templates/docx/writeDocx.js';
import { previewPages } from '../../../templates/preview.js';
import { render } from '../../../templates/render.js';
import type { ServerContext } from '../context.js';
import { ExportRequest, PreviewRequest } from '../protocol.js';
import { answerOrFail, requireOpenDocument } from '../requests.js';
import { uriToPath } from '../uri.js';

const EXTENSIONS: Record<ExportRequest.Format, string> = { docx: '.docx', html: '.html', txt: '.txt' };

export function register({ connection, store }: ServerContext): void {
  connection.onRequest(PreviewRequest.method, answerOrFail(connection, 'preview', (params: PreviewRequest.Params): PreviewRequest.Result => {
    const doc = requireOpenDocument(store, params);
    const width = store.projectFor(uriToPath(doc.uri)).lineWidth;
    return { uri: doc.uri, version: doc.version, ...previewPages(store.modelFor(doc), { width }) };
  }));

  connection.onRequest(ExportRequest.method, answerOrFail(connection, 'export', async (params: ExportRequest.Params): Promise<ExportRequest.Result> => {
    const doc = requireOpenDocument(store, params);
    const format = params.format;
    if (!(format in EXTENSIONS)) throw new ResponseError(ErrorCodes.InvalidParams, `不支持的导出格式“${String(format)}”（可用：docx、html、txt）`);
    const model = store.modelFor(doc);
    const extension = EXTENSIONS[format];
    if (format === 'docx') return { format, data: Buffer.from(await renderDocx(model)).toString('base64'), encoding: 'base64', extension };
    const templateFolders = Array.isArray(params.templateFolders) ? params.templateFolders.filter((f): f is string => typeof f === 'string') : [];
    const width = store.projectFor(uriToPath(doc.uri)).lineWidth;
    return { format, data: render(model, format, { width, pages: format === 'txt', templateFolders }), encoding: 'utf8', extension };
  }));
}
