// baogao/render: the open document rendered by templates/render.ts, in any output format.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { OUTPUT_FORMATS, render, type OutputFormat } from '../../../templates/render.js';
import type { ServerContext } from '../context.js';
import { RenderRequest } from '../protocol.js';
import { answerOrFail, requireOpenDocument } from '../requests.js';

export function register({ connection, store, client }: ServerContext): void {
  connection.onRequest(RenderRequest.method, answerOrFail(connection, 'render', (params: RenderRequest.Params): RenderRequest.Result => {
    const doc = requireOpenDocument(store, params);
    const formats: readonly string[] = OUTPUT_FORMATS;
    const format = params.format === 'preview' ? (formats.includes('html') ? 'html' : 'md') : params.format;
    if (!formats.includes(format)) throw new ResponseError(ErrorCodes.InvalidParams, `不支持的格式“${String(format)}”（可用：${formats.join('、')}）`);
    const width = typeof params.width === 'number' && params.width >= 8 && params.width <= 200 ? params.width : client.settings.lineWidth;
    const templateFolders = Array.isArray(params.templateFolders) ? params.templateFolders.filter((f): f is string => typeof f === 'string') : [];
    const text = render(store.modelFor(doc), format as OutputFormat, { width, pages: params.pages === true, templateFolders });
    return { format, text, formats: [...formats] };
  }));
}
