// Offsets and core diagnostics → LSP positions, ranges, locations and edits (and back for positions).
import { DiagnosticSeverity, ErrorCodes, ResponseError, type Location, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { encodedLength, unitsFor, type LineIndex, type PositionEncoding } from '../../grammar/index.js';
import type { ReportModel } from '../language/model.js';
import type { DocumentStore } from './documents.js';

export const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/**
 * How the client counts a position's character: UTF-16 code units, as LSP does by default and every client
 * must support — or, for a client that counts otherwise without saying so, UTF-8 bytes (Vim's ALE 3.3) or
 * code points (Emacs's lsp-mode 8), asked for by `initializationOptions.positionEncoding: "utf-8"` or
 * `"utf-32"` and then stated in the capabilities. One client per server process: set once, at initialize.
 */
export type { PositionEncoding };
let encoding: PositionEncoding = 'utf-16';

export function usePositionEncoding(chosen: PositionEncoding): void {
  encoding = chosen;
}

export function positionEncoding(): PositionEncoding {
  return encoding;
}

/** The offset of an LSP position in a document; a missing position is the client's error (InvalidParams). */
export function offsetOf(doc: TextDocument, position: unknown): number {
  const p = position as Position | undefined;
  if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') throw new ResponseError(ErrorCodes.InvalidParams, '缺少位置参数');
  const line = Math.max(0, Math.min(p.line, 2 ** 31 - 1));
  const character = Math.max(0, Math.min(p.character, 2 ** 31 - 1));
  if (encoding === 'utf-16') return doc.offsetAt({ line, character });
  const text = lineText(doc, line);
  return doc.offsetAt({ line, character: unitsFor(encoding, text, 0, text.length, character) });
}

/** A line of a document with its line break (the text after the last line: ''). */
export function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
}

/** An offset's LSP position, its character counted as the client counts. */
export function positionIn(lines: LineIndex, offset: number): Position {
  return lines.positionIn(offset, encoding);
}

/** A character of a line's text counted in UTF-16 units (as the core counts), counted as the client counts. */
export function characterIn(lineText: string, utf16Character: number): number {
  return encoding === 'utf-16' ? utf16Character : encodedLength(encoding, lineText, 0, Math.min(utf16Character, lineText.length));
}

export function rangeIn(lines: LineIndex, start: number, end: number): Range {
  return { start: positionIn(lines, start), end: positionIn(lines, end) };
}

export function locationOf(store: DocumentStore, at: { path: string; start: number; end: number }, model?: ReportModel): Location {
  return { uri: store.uriFor(at.path), range: rangeIn(store.linesOf(at.path, model), at.start, at.end) };
}

/** Core edits (by path and offsets) grouped by URI, as a WorkspaceEdit's `changes`. */
export function groupEdits(store: DocumentStore, edits: ReadonlyArray<{ path: string; start: number; end: number; newText: string }>, model?: ReportModel): Record<string, TextEdit[]> {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) (changes[store.uriFor(e.path)] ??= []).push({ range: rangeIn(store.linesOf(e.path, model), e.start, e.end), newText: e.newText });
  return changes;
}
