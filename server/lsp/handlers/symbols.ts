// Outline (document symbols) and workspace symbols.
import { SymbolKind, type CancellationToken, type DocumentSymbol } from 'vscode-languageserver';
import { documentSymbols, type DocumentSymbol as FeatureSymbol, type SymbolKind as FeatureKind } from '../../language/features/symbols.js';
import type { ReportModel } from '../../language/model.js';
import type { ServerContext } from '../context.js';
import { rangeIn } from '../convert.js';
import { answer, answerForDocument, LongWork } from '../requests.js';
import { AttachedMap } from '../../language/attached.js';

const SYMBOL_KIND: Record<FeatureKind, SymbolKind> = {
  heading: SymbolKind.Namespace, figure: SymbolKind.Variable, constant: SymbolKind.Constant, snippet: SymbolKind.Module, label: SymbolKind.Key,
};

/** Workspace symbols answered at most. */
const WORKSPACE_SYMBOL_LIMIT = 500;

/** The outline of each model, made once per version: the editor asks for it several times (outline, breadcrumbs, sticky scroll). */
const outlines = new AttachedMap<ReportModel, DocumentSymbol[]>('outlines');

export function register({ connection, store, index }: ServerContext): void {
  connection.onDocumentSymbol(answerForDocument(connection, store, 'documentSymbol', [], (_params, _doc, model) => {
    const known = outlines.get(model);
    if (known) return known;
    // Empty details and children are left out: a long report's outline is hundreds of KB of JSON.
    const convert = (s: FeatureSymbol): DocumentSymbol => {
      const symbol: DocumentSymbol = {
        name: s.name || '（空）',
        kind: SYMBOL_KIND[s.kind],
        range: rangeIn(model.file.lineIndex, s.start, s.end),
        selectionRange: rangeIn(model.file.lineIndex, s.selectionStart, s.selectionEnd),
      };
      if (s.detail) symbol.detail = s.detail;
      if (s.children.length) symbol.children = s.children.map(convert);
      return symbol;
    };
    const outline = documentSymbols(model).map(convert);
    outlines.set(model, outline);
    return outline;
  }));

  connection.onWorkspaceSymbol(answer(connection, 'workspaceSymbol', [], async (params, token?: CancellationToken) => {
    const query = typeof params?.query === 'string' ? params.query : '';
    await index.refreshGently(LongWork.of(token));
    return index.symbols(query, WORKSPACE_SYMBOL_LIMIT).map((s) => ({
      name: s.name, kind: SYMBOL_KIND[s.kind], containerName: s.detail, location: { uri: s.uri, range: s.range },
    }));
  }));
}
