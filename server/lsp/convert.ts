// Offsets and core diagnostics → LSP positions, ranges, locations and edits (and back for positions).
import { DiagnosticSeverity, ErrorCodes, ResponseError, type Location, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import type { LineIndex } from '../../grammar/index.js';
import type { ReportModel } from '../language/model.js';
import type { DocumentStore } from './documents.js';

export const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** The offset of an LSP position in a document; a missing position is the client's error (InvalidParams). */
export function offsetOf(doc: TextDocument, position: unknown): number {
  const p = position as Position | undefined;
  if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') throw new ResponseError(ErrorCodes.InvalidParams, '缺少位置参数');
  return doc.offsetAt({ line: Math.max(0, Math.min(p.line, 2 ** 31 - 1)), character: Math.max(0, Math.min(p.character, 2 ** 31 - 1)) });
}

export function rangeIn(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
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
