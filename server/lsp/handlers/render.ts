// baogao/render: the open document rendered by templates/render.ts, in any output format (DOCX as base64).
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { isOutputFormat, OUTPUT_FORMATS, renderOutput, type OutputFormat } from '../../../templates/render.js';
import { isDocxTooLarge } from '../../../templates/docx/docxBound.js';
import type { ServerContext } from '../context.js';
import { makeRoomFor } from '../memory.js';
import { RenderRequest } from '../protocol.js';
import { answerOrFail, LongWork, requireOpenDocument } from '../requests.js';
import { uriToPath } from '../uri.js';

// protocol.ts imports nothing (the client bundles it), so it spells the formats out: they must be these.
const SAME_FORMATS: [RenderRequest.Format, OutputFormat] extends [OutputFormat, RenderRequest.Format] ? true : never = true;
void SAME_FORMATS;

export function register({ connection, store }: ServerContext): void {
  connection.onRequest(RenderRequest.method, answerOrFail(connection, 'render', async (params: RenderRequest.Params, token?: CancellationToken): Promise<RenderRequest.Result> => {
    const doc = requireOpenDocument(store, params);
    const format = params.format === 'preview' ? 'html' : params.format;
    if (!isOutputFormat(format)) throw new ResponseError(ErrorCodes.InvalidParams, `不支持的格式“${String(format)}”（可用：${OUTPUT_FORMATS.join('、')}）`);
    const width = typeof params.width === 'number' && params.width >= 8 && params.width <= 200 ? params.width : store.projectFor(uriToPath(doc.uri)).lineWidth;
    const templateFolders = Array.isArray(params.templateFolders) ? params.templateFolders.filter((f): f is string => typeof f === 'string') : [];
    // One document: cancellable between its stages (analysis, layout, the DOCX writer).
    const work = LongWork.of(token);
    const model = store.modelFor(doc);
    await work.pause();
    // A large report's rendering makes much short-lived data: the garbage of the keystrokes before goes first.
    makeRoomFor(model.file.text);
    const output = await renderOutput(model, format, { width, pages: params.pages === true, templateFolders }).catch((error: unknown) => {
      // A Word document past its bound (BG919): the writer is told why, as a refusal, not a failure of the server.
      throw isDocxTooLarge(error) ? new ResponseError(ErrorCodes.InvalidRequest, error.message) : error;
    });
    work.throwIfCancelled();
    const formats = [...OUTPUT_FORMATS];
    return typeof output === 'string' ? { format, text: output, formats } : { format, text: Buffer.from(output).toString('base64'), encoding: 'base64', formats };
  }));
}
