// The open documents' text after a `textDocument/didChange`: the content changes applied as
// vscode-languageserver-textdocument applies them, but in time linear in the text plus the changes.
//
// The library rebuilds the whole text and shifts every later line start for each change, so a change
// list costs changes × text. VS Code sends one change per edit of an edit operation: Format Document,
// Fix All, Replace All and typing with many cursors send hundreds or thousands at once (10,000 changes to
// a 300 KB report took 4 s, 50,000 took 22 s; vscode-cpptools#7159 is the same fault). A list of a few
// changes (a keystroke) still goes to the library; a longer one is applied here to the text's lines, held
// in chunks, and the document gets the result as one whole-text change (it stays the same object).
// A client that counts bytes or code points (convert.ts) has its characters read so on the lines of the moment.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { forEachLineSpan, lineEndAt, unitsFor, type PositionEncoding } from '../../grammar/index.js';
import { lineText, positionEncoding } from './convert.js';

/** Up to this many changes the library applies them (cheaper for one or two than splitting the text in lines). */
const FEW_CHANGES = 4;

/** Lines per chunk: a change rewrites one or two chunks, and finding a line walks the chunks. */
const CHUNK = 256;

/** What TextDocuments is configured with: the library's documents, updated as above. */
export const DOCUMENTS = {
  create: TextDocument.create,
  update(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
    const valid = wellFormed(changes);
    const encoding = positionEncoding();
    if (valid.length > FEW_CHANGES) return TextDocument.update(document, [{ text: applyContentChanges(document.getText(), valid, encoding) }], version);
    let doc = TextDocument.update(document, [], version);
    for (const change of valid) {
      const inside = withinLines(doc, change);
      doc = TextDocument.update(doc, [encoding === 'utf-16' ? inside : inUnits(doc, inside, encoding)], version);
    }
    return doc;
  },
};

/** A change whose characters count UTF-8 bytes or code points, counted in UTF-16 units on the document's lines as they are now. */
function inUnits(doc: TextDocument, change: Change, encoding: PositionEncoding): Change {
  if (!('range' in change)) return change;
  const units = (p: Position): Position => {
    const line = lineText(doc, p.line);
    return { line: p.line, character: unitsFor(encoding, line, 0, line.length, p.character) };
  };
  return { range: { start: units(change.range.start), end: units(change.range.end) }, text: change.text };
}

/**
 * A change with its lines inside the document: the library reads a line after the last as the text's end
 * but then writes its line starts at that line number, leaving holes that garble the next changes.
 */
function withinLines(doc: TextDocument, change: Change): Change {
  if (!('range' in change)) return change;
  const last = doc.lineCount - 1;
  const inside = (p: Position): Position => (p.line < 0 ? { line: 0, character: 0 } : p.line > last ? { line: last, character: Number.MAX_SAFE_INTEGER } : p);
  return { range: { start: inside(change.range.start), end: inside(change.range.end) }, text: change.text };
}

interface Position {
  line: number;
  character: number;
}

type Change = { text: string } | { range: { start: Position; end: Position }; text: string };

/**
 * The changes as the library can apply them: a change that is neither a whole text nor a range with its
 * text (a broken client) is left out, and positions that are not whole numbers count as 0 or are cut to
 * one. The library would throw part-way (the document half changed) or read `undefined` as an offset.
 */
export function wellFormed(changes: readonly unknown[]): Change[] {
  const out: Change[] = [];
  for (const change of Array.isArray(changes) ? changes : []) {
    if (change === null || typeof change !== 'object' || typeof (change as { text?: unknown }).text !== 'string') continue;
    const { text, range } = change as { text: string; range?: { start?: unknown; end?: unknown } };
    if (range === undefined) out.push({ text });
    else if (range !== null && typeof range === 'object') out.push({ range: { start: position(range.start), end: position(range.end) }, text });
  }
  return out;
}

const whole = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : 0);

function position(p: unknown): Position {
  const { line, character } = (p !== null && typeof p === 'object' ? p : {}) as { line?: unknown; character?: unknown };
  return { line: whole(line), character: whole(character) };
}

/**
 * `text` after the changes, each on the text the ones before it left (as LSP says), with the library's
 * reading of positions: a range given end first is turned round, a line before the first is the text's
 * start and one after the last its end, a character beyond its line's end stops before the line break.
 */
export function applyContentChanges(text: string, changes: readonly Change[], encoding: PositionEncoding = 'utf-16'): string {
  let lines = new ChunkedLines(text);
  for (const change of changes) {
    if (!('range' in change)) {
      lines = new ChunkedLines(change.text);
      continue;
    }
    let { start, end } = change.range;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
    const from = lines.place(start, encoding);
    const to = lines.place(end, encoding);
    let first = from.line;
    let piece = lines.get(from.line).slice(0, from.column) + change.text + lines.get(to.line).slice(to.column);
    // A line ending in a lone \r before a piece starting with \n: the two are one line break now.
    if (first > 0 && piece.charCodeAt(0) === 10 && lines.get(first - 1).endsWith('\r')) piece = lines.get(--first) + piece;
    lines.replace(first, to.line, splitLines(piece, to.line === lines.count - 1));
  }
  return lines.join();
}

/**
 * A text's lines, each with its line break (\r\n, \r or \n; the last line has none and may be empty), in
 * chunks of about CHUNK lines: replacing lines rewrites the chunks they are in, not the whole list.
 */
class ChunkedLines {
  private chunks: string[][];
  count: number;

  constructor(text: string) {
    const lines = splitLines(text, true);
    this.count = lines.length;
    this.chunks = chunked(lines);
  }

  /** The chunk holding line `line`, and the line's index in it. */
  private locate(line: number): { chunk: number; index: number } {
    let index = line;
    for (let chunk = 0; chunk < this.chunks.length; chunk++) {
      const size = this.chunks[chunk]!.length;
      if (index < size) return { chunk, index };
      index -= size;
    }
    throw new RangeError(`line ${line} of ${this.count}`);
  }

  get(line: number): string {
    const { chunk, index } = this.locate(line);
    return this.chunks[chunk]![index]!;
  }

  /** A position as the library reads it: its line, and its column clamped to the line's text (its character counted in `encoding`'s units). */
  place(p: Position, encoding: PositionEncoding): { line: number; column: number } {
    if (p.line < 0) return { line: 0, column: 0 };
    if (p.line >= this.count) return { line: this.count - 1, column: this.get(this.count - 1).length };
    const text = this.get(p.line);
    const length = textLength(text);
    return { line: p.line, column: unitsFor(encoding, text, 0, length, p.character) };
  }

  /** Lines `first`…`last` become `lines`. */
  replace(first: number, last: number, lines: string[]): void {
    const a = this.locate(first);
    // The common change (a word replaced, a character typed) is one line for one line.
    if (first === last && lines.length === 1) {
      this.chunks[a.chunk]![a.index] = lines[0]!;
      return;
    }
    const b = this.locate(last);
    const merged = this.chunks[a.chunk]!.slice(0, a.index).concat(lines, this.chunks[b.chunk]!.slice(b.index + 1));
    const pieces = merged.length ? chunked(merged) : [];
    this.chunks = this.chunks.slice(0, a.chunk).concat(pieces, this.chunks.slice(b.chunk + 1));
    this.count += lines.length - (last - first + 1);
  }

  join(): string {
    let out = '';
    for (const chunk of this.chunks) out += chunk.join('');
    return out;
  }
}

function chunked(lines: string[]): string[][] {
  if (lines.length <= 2 * CHUNK) return [lines];
  const out: string[][] = [];
  for (let i = 0; i < lines.length; i += CHUNK) out.push(lines.slice(i, i + CHUNK));
  return out;
}

/** The length of a line without its line break. */
const textLength = (line: string) => lineEndAt(line, 0);

/**
 * A text cut after each line break. `last`: the text ends the document, so a line break at its end starts
 * an empty last line; otherwise the text's end is a line's end (the piece ends with that line's break).
 */
function splitLines(text: string, last: boolean): string[] {
  const out: string[] = [];
  forEachLineSpan(text, (start, end) => out.push(text.slice(start, end)));
  if (last && (text === '' || textLength(out[out.length - 1]!) < out[out.length - 1]!.length)) out.push('');
  return out;
}
