// How the text looks: semantic tokens (colouring: the whole document, a range, or the changes since the
// client's last result) and folding ranges.
import { FoldingRangeKind, SemanticTokensBuilder } from 'vscode-languageserver';
import { foldingRanges } from '../../language/features/folding.js';
import { semanticTokens, TOKEN_TYPES } from '../../language/features/semanticTokens.js';
import type { ReportModel } from '../../language/model.js';
import type { ServerContext } from '../context.js';
import { offsetOf } from '../convert.js';
import { answerForDocument } from '../requests.js';

/** Each model's tokens in LSP terms, computed once per version for full, delta and range requests alike. */
const tokensOf = new WeakMap<ReportModel, Array<{ start: number; line: number; character: number; length: number; type: number; modifiers: number }>>();

function lspTokens(model: ReportModel) {
  let tokens = tokensOf.get(model);
  if (!tokens) {
    tokens = semanticTokens(model.file.document, model.file.text).map((t) => {
      const p = model.file.lineIndex.positionAt(t.start);
      return { start: t.start, line: p.line, character: p.character, length: t.end - t.start, type: TOKEN_TYPES.indexOf(t.type), modifiers: t.declaration ? 1 : 0 };
    });
    tokensOf.set(model, tokens);
  }
  return tokens;
}

/** The tokens of a model (those overlapping [from, to) when given) pushed into a builder. */
function pushTokens(builder: SemanticTokensBuilder, model: ReportModel, from = 0, to = Infinity): SemanticTokensBuilder {
  for (const t of lspTokens(model)) {
    if (t.start + t.length <= from || t.start >= to) continue;
    builder.push(t.line, t.character, t.length, t.type, t.modifiers);
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
