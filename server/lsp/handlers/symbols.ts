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
  /** The outline last answered for each open report, with each symbol's JSON: a new version's reuses what is the same. */
  const lastAnswered = new Map<string, { parts: EncodedSymbol[]; answer: EncodedJson }>();
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
    const parts = encodeEach(outline, last?.parts);
    const unchanged = last !== undefined && parts.length === last.parts.length && parts.every((p, i) => p === last.parts[i]);
    const answer = unchanged ? last.answer : new EncodedJson(outline, utf8Of(parts));
    lastAnswered.set(doc.uri, { parts, answer });
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

/**
 * A symbol as answered and its JSON (JSON.stringify's, children included). Typing inside a line moves no
 * symbol but those on that line and the sections around it: the rest of a 300 KB report's 180 KB outline
 * is the same text as in the last answer, and is not made again.
 */
interface EncodedSymbol {
  symbol: DocumentSymbol;
  json: string;
  children: EncodedSymbol[];
  /** The JSON in UTF-8, made for a symbol at the top when an answer is written. */
  utf8?: Buffer;
}

const [OPEN, COMMA, CLOSE] = ['[', ',', ']'].map((c) => Buffer.from(c, 'latin1')) as [Buffer, Buffer, Buffer];

/** The outline's JSON in UTF-8 from its symbols': only those made anew are encoded. */
function utf8Of(parts: readonly EncodedSymbol[]): Buffer {
  const pieces: Buffer[] = [OPEN];
  parts.forEach((p, i) => pieces.push(...(i ? [COMMA] : []), (p.utf8 ??= Buffer.from(p.json, 'utf8'))));
  pieces.push(CLOSE);
  return Buffer.concat(pieces);
}

/** Each symbol encoded, reusing the one at the same place in the last answer where it is the same. */
function encodeEach(symbols: readonly DocumentSymbol[], last: readonly EncodedSymbol[] | undefined): EncodedSymbol[] {
  return symbols.map((s, i) => encodeSymbol(s, last?.[i]));
}

function encodeSymbol(symbol: DocumentSymbol, last: EncodedSymbol | undefined): EncodedSymbol {
  const children = symbol.children ? encodeEach(symbol.children, last?.children) : [];
  if (last && sameOwnFields(symbol, last.symbol) && children.length === last.children.length && children.every((c, k) => c === last.children[k])) return last;
  // The children come last (convert adds them last), so the symbol's own JSON is JSON.stringify's up to them.
  const own = JSON.stringify(symbol.children ? { ...symbol, children: undefined } : symbol);
  const json = symbol.children ? `${own.slice(0, -1)},"children":[${children.map((c) => c.json).join(',')}]}` : own;
  return { symbol, json, children };
}

/** Whether two symbols' own fields (not their children) are the same: names, kinds, details and ranges. */
function sameOwnFields(x: DocumentSymbol, y: DocumentSymbol): boolean {
  return x.name === y.name && x.kind === y.kind && x.detail === y.detail && sameRange(x.range, y.range) && sameRange(x.selectionRange, y.selectionRange);
}
const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
