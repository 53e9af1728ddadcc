// The outline (textDocument/documentSymbol) as the JSON the server sends, and the LSP kinds of the core's symbols.
import { SymbolKind } from 'vscode-languageserver';
import { documentSymbols, type DocumentSymbol as FeatureSymbol, type SymbolKind as FeatureKind } from '../language/features/symbols.js';
import type { LineIndex } from '../../grammar/index.js';
import type { ReportModel } from '../language/model.js';
import { JsonWriter, type EncodedJson } from './encodedJson.js';

export const SYMBOL_KIND: Record<FeatureKind, SymbolKind> = {
  heading: SymbolKind.Namespace, figure: SymbolKind.Variable, constant: SymbolKind.Constant, snippet: SymbolKind.Module, label: SymbolKind.Key,
};

/**
 * The outline as LSP DocumentSymbol[] JSON, written straight from the core's symbols: a long report's
 * outline is thousands of small objects (headings, and figures as their children), and making them and
 * then JSON of them took most of the request's time. Empty details and children are left out.
 */
export function outlineJson(model: ReportModel): EncodedJson {
  const out = new JsonWriter();
  writeSymbols(out, model.file.lineIndex, documentSymbols(model));
  return out.done();
}

function writeSymbols(out: JsonWriter, lines: LineIndex, symbols: readonly FeatureSymbol[]): void {
  out.raw('[');
  for (let i = 0; i < symbols.length; i++) {
    const s = symbols[i]!;
    out.raw(i ? ',{"name":' : '{"name":').string(s.name || '（空）').raw(',"kind":').number(SYMBOL_KIND[s.kind]).raw(',"range":');
    writeRange(out, lines, s.start, s.end);
    out.raw(',"selectionRange":');
    writeRange(out, lines, s.selectionStart, s.selectionEnd);
    if (s.detail) out.raw(',"detail":').string(s.detail);
    if (s.children.length) {
      out.raw(',"children":');
      writeSymbols(out, lines, s.children);
    }
    out.raw('}');
  }
  out.raw(']');
}

function writeRange(out: JsonWriter, lines: LineIndex, start: number, end: number): void {
  const from = lines.positionAt(start);
  const to = lines.positionAt(end);
  out.raw('{"start":{"line":').number(from.line).raw(',"character":').number(from.character);
  out.raw('},"end":{"line":').number(to.line).raw(',"character":').number(to.character).raw('}}');
}
