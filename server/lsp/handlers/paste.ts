// baogao/convertPaste: text pasted from Word into an open report, in the language (the core's
// importFragment), named apart from the report's own figures and labels.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Line } from '../../../grammar/index.js';
import { importFragment, looksLikeMarkup } from '../../language/import/fragment.js';
import type { ServerContext } from '../context.js';
import { lineText, offsetOf } from '../convert.js';
import { ConvertPasteRequest } from '../protocol.js';
import { answerOrFail, requireOpenDocument } from '../requests.js';

/**
 * Longer pastes are pasted as they are: a whole report is 10,000–30,000 characters, and the importer takes
 * up to 10 µs a character on text dense with amounts, which the writer would wait for.
 */
export const PASTE_LIMIT = 100_000;

const isPosition = (p: unknown): p is { line: number; character: number } =>
  typeof p === 'object' && p !== null && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);

/** The level of the last heading before an offset (0: none). */
function levelAt(lines: readonly Line[], offset: number): number {
  let level = 0;
  for (const line of lines) {
    if (line.start >= offset) break;
    if (line.kind === 'heading') level = line.level;
  }
  return level;
}

export function register({ connection, store }: ServerContext): void {
  connection.onRequest(ConvertPasteRequest.method, answerOrFail(connection, 'convertPaste', (params: ConvertPasteRequest.Params): ConvertPasteRequest.Result => {
    const doc = requireOpenDocument(store, params);
    const text = params.text;
    if (typeof text !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, '要粘贴的内容应是文本。');
    if (text.length > PASTE_LIMIT || text.trim() === '' || looksLikeMarkup(text)) return null;
    const model = store.modelFor(doc);
    const position = isPosition(params.position) ? params.position : { line: 0, character: 0 };
    const at = offsetOf(doc, position);
    const lineOfPaste = lineText(doc, position.line);
    const labels = model.blocks.flatMap((b) => (b.block.kind === 'heading' && b.block.label ? [b.block.label.text] : []));
    const converted = importFragment(text, {
      year: model.header.year,
      org: model.header.org,
      takenNames: model.figures.allDefinitions.map((d) => d.name),
      takenLabels: labels,
      inline: params.inline === true,
      enclosingLevel: levelAt(model.file.document.lines, at),
      onEmptyLine: lineOfPaste.trim() === '',
    });
    if (converted.text === text || converted.text === text.replace(/\r\n?/g, '\n')) return null;
    return { text: converted.text, figures: converted.figures, removed: converted.notes.length };
  }));
}
