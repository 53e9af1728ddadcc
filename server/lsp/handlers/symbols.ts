// Outline (document symbols) and workspace symbols.
import { SymbolKind, type CancellationToken, type DocumentSymbol, type Range } from 'vscode-languageserver';
import { documentSymbols, type DocumentSymbol as FeatureSymbol, type SymbolKind as FeatureKind } from '../../language/features/symbols.js';
import type { ReportModel } from '../../language/model.js';
import type { ServerContext } from '../context.js';
import { rangeIn } from '../convert.js';
import { answer, answerForDocument, LongWork } from '../requests.js';
import { AttachedMap } from '../../language/attached.js';
import { EncodedJson } from '../frame.js';

const SYMBOL_KIND: Record<FeatureKind, SymbolKind> = {
  heading: SymbolKind.Namespace, figure: SymbolKind.Variable, constant: SymbolKind.Constant, snippet: SymbolKind.Module, label: SymbolKind.Key,
};

/** Workspace symbols answered at most. */
const WORKSPACE_SYMBOL_LIMIT = 500;

/** The outline of each model, made once per version: the editor asks for it several times (outline, breadcrumbs, sticky scroll). */
const outlines = new AttachedMap<ReportModel, EncodedJson>('outlines');

export function register({ connection, store, index }: ServerContext): void {
  /** The outline last answered for each open report: a new version's, when the same, is answered with its JSON. */
  const lastAnswered = new Map<string, { outline: DocumentSymbol[]; answer: EncodedJson }>();
  store.documents.onDidClose((event) => lastAnswered.delete(event.document.uri));

  connection.onDocumentSymbol(answerForDocument(connection, store, 'documentSymbol', [], (_params, doc, model) => {
    const known = outlines.get(model);
    if (known) return known as unknown as DocumentSymbol[];
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
    const last = lastAnswered.get(doc.uri);
    const answer = last && sameOutline(last.outline, outline) ? last.answer : new EncodedJson(outline);
    lastAnswered.set(doc.uri, { outline, answer });
    outlines.set(model, answer);
    return answer as unknown as DocumentSymbol[];
  }));

  connection.onWorkspaceSymbol(answer(connection, 'workspaceSymbol', [], async (params, token?: CancellationToken) => {
    const query = typeof params?.query === 'string' ? params.query : '';
    await index.refreshGently(LongWork.of(token));
    return index.symbols(query, WORKSPACE_SYMBOL_LIMIT).map((s) => ({
      name: s.name, kind: SYMBOL_KIND[s.kind], containerName: s.detail, location: { uri: s.uri, range: s.range },
    }));
  }));
}

/** Whether two outlines would be the same JSON: names, kinds, details and ranges, children in order. */
function sameOutline(a: readonly DocumentSymbol[], b: readonly DocumentSymbol[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.name !== y.name || x.kind !== y.kind || x.detail !== y.detail || !sameRange(x.range, y.range) || !sameRange(x.selectionRange, y.selectionRange)) return false;
    if (!x.children !== !y.children || (x.children && !sameOutline(x.children, y.children!))) return false;
  }
  return true;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
