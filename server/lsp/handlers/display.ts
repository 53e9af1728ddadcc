// How the text looks: semantic tokens (colouring: the whole document, a range, or the changes since the
// client's last result) and folding ranges.
import { FoldingRangeKind, SemanticTokensBuilder } from 'vscode-languageserver';
import { foldingRanges } from '../../language/features/folding.js';
import { semanticTokens, TOKEN_TYPES } from '../../language/features/semanticTokens.js';
import type { ReportModel } from '../../language/model.js';
import type { ServerContext } from '../context.js';
import { offsetOf, positionEncoding, positionIn } from '../convert.js';
import { encodedLength } from '../../../grammar/index.js';
import { answerForDocument } from '../requests.js';
import { AttachedMap } from '../../language/attached.js';

/**
 * Each model's tokens in LSP terms, computed once per version for full, delta and range requests alike:
 * six numbers a token (start and end offsets, line, character, length as the client counts them, type +
 * modifiers), packed to stay small.
 */
const tokensOf = new AttachedMap<ReportModel, Int32Array>('tokensOf');
const FIELDS = 6;

function lspTokens(model: ReportModel): Int32Array {
  let packed = tokensOf.get(model);
  if (!packed) {
    const { text, lineIndex } = model.file;
    const encoding = positionEncoding();
    const tokens = semanticTokens(model.file.document, text);
    packed = new Int32Array(tokens.length * FIELDS);
    let at = 0;
    for (const t of tokens) {
      const p = positionIn(lineIndex, t.start);
      packed[at++] = t.start;
      packed[at++] = t.end;
      packed[at++] = p.line;
      packed[at++] = p.character;
      packed[at++] = encodedLength(encoding, text, t.start, t.end);
      packed[at++] = (TOKEN_TYPES.indexOf(t.type) << 1) | (t.declaration ? 1 : 0);
    }
    tokensOf.set(model, packed);
  }
  return packed;
}

/** The tokens of a model (those overlapping [from, to) when given) pushed into a builder. */
function pushTokens(builder: SemanticTokensBuilder, model: ReportModel, from = 0, to = Infinity): SemanticTokensBuilder {
  const t = lspTokens(model);
  for (let i = 0; i < t.length; i += FIELDS) {
    if (t[i + 1]! <= from || t[i]! >= to) continue;
    builder.push(t[i + 2]!, t[i + 3]!, t[i + 4]!, t[i + 5]! >> 1, t[i + 5]! & 1);
  }
  return builder;
}

export function register({ connection, store }: ServerContext): void {
  // The last full result per document, so a delta request gets only the edits since then.
  const builders = new Map<string, SemanticTokensBuilder>();
  store.documents.onDidClose((event) => builders.delete(event.document.uri));

  connection.languages.semanticTokens.on(answerForDocument(connection, store, 'semanticTokens', { data: [] as number[] }, (_params, doc, model) => {
    const builder = pushTokens(new SemanticTokensBuilder(), model);
    builders.set(doc.uri, builder);
    return builder.build();
  }));

  connection.languages.semanticTokens.onDelta(answerForDocument(connection, store, 'semanticTokensDelta', { data: [] as number[] }, (params, doc, model) => {
    let builder = builders.get(doc.uri);
    if (!builder) builders.set(doc.uri, (builder = new SemanticTokensBuilder()));
    builder.previousResult(params.previousResultId);
    return pushTokens(builder, model).buildEdits();
  }));

  connection.languages.semanticTokens.onRange(answerForDocument(connection, store, 'semanticTokensRange', { data: [] as number[] }, (params, doc, model) =>
    pushTokens(new SemanticTokensBuilder(), model, offsetOf(doc, params.range?.start), offsetOf(doc, params.range?.end)).build()));

  connection.onFoldingRanges(answerForDocument(connection, store, 'foldingRanges', [], (_params, _doc, model) =>
    foldingRanges(model.file.document, model.file.lineIndex, model.file.text).map((f) => ({
      startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
    }))));
}
