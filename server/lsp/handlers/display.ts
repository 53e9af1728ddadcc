// How the text looks: semantic tokens (colouring) and folding ranges.
import { FoldingRangeKind, SemanticTokensBuilder } from 'vscode-languageserver';
import { foldingRanges } from '../../language/features/folding.js';
import { semanticTokens, TOKEN_TYPES } from '../../language/features/semanticTokens.js';
import type { ServerContext } from '../context.js';
import { answerForDocument } from '../requests.js';

export function register({ connection, store }: ServerContext): void {
  connection.languages.semanticTokens.on(answerForDocument(connection, store, 'semanticTokens', { data: [] as number[] }, (_params, _doc, model) => {
    const builder = new SemanticTokensBuilder();
    for (const t of semanticTokens(model.file.document, model.file.text)) {
      const p = model.file.lineIndex.positionAt(t.start);
      builder.push(p.line, p.character, t.end - t.start, TOKEN_TYPES.indexOf(t.type), t.declaration ? 1 : 0);
    }
    return builder.build();
  }));

  connection.onFoldingRanges(answerForDocument(connection, store, 'foldingRanges', [], (_params, _doc, model) =>
    foldingRanges(model.file.document, model.file.lineIndex, model.file.text).map((f) => ({
      startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
    }))));
}
