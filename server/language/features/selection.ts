// Smart select (expand / shrink selection): from the cursor out to the whole report, in the steps a writer
// of Chinese prose thinks in — a figure's name, the figure, a citation's title, the clause, the sentence,
// the line's text, the paragraph or list item, the list, each enclosing section, the report. Word
// selection cannot do this: Chinese has no spaces, so a "word" is the whole run between two marks.
import type * as ast from '../../../grammar/index.js';
import { countBefore, lineEndAt } from '../../../grammar/index.js';
import type { ReportModel } from '../model.js';
import { clampOffset, lineInlines, type Range } from './locate.js';
import { documentSymbols, type DocumentSymbol } from './symbols.js';
import { isWhiteSpace } from '../whiteSpace.js';

/** Marks that end a sentence, and those that end a clause within one. */
const SENTENCE_END = new Set([...'。！？!?']);
const CLAUSE_END = new Set([...'，、；：,;:']);
/** Closing marks that belong to the sentence they follow (”。 is rare; 。” is how quotes end). */
const CLOSERS = new Set([...'”’」』）)》']);

/** For each offset of the report's own text, the ranges around it, innermost first, each containing the one before. */
export function selectionRanges(model: ReportModel, offsets: readonly number[]): Range[][] {
  // The sections once for every cursor (an editor with many cursors asks for all at once).
  const symbols = offsets.length ? documentSymbols(model) : [];
  return offsets.map((offset) => rangesAround(model, symbols, offset));
}

function rangesAround(model: ReportModel, symbols: readonly DocumentSymbol[], offset: number): Range[] {
  const text = model.file.text;
  const at = clampOffset(text, offset);
  const chain: Range[] = [];
  const add = (start: number, end: number) => {
    if (start > at || at > end) return; // the cursor in a line's indent: its text is not a step
    const last = chain[chain.length - 1];
    const range = last ? { start: Math.min(start, last.start), end: Math.max(end, last.end) } : { start, end };
    if (!last || range.start !== last.start || range.end !== last.end) chain.push(range);
  };
  // The parse's lines are the line index's (an empty last line after a final break has none).
  const line: ast.Line | undefined = model.file.document.lines[model.file.lineIndex.positionAt(at).line];
  if (line) {
    const inlines = lineInlines(line);
    inlineChain(inlines, at, add);
    const content = contentOf(line, text);
    if (content.start <= at && at <= content.end) proseChain(text, content, atoms(inlines), at, add);
    add(content.start, content.end);
    add(line.start, lineEndAt(text, line.start));
  }
  const block = blockAt(model.file.document.body, at);
  if (block?.kind === 'list') {
    const item = block.items.find((i) => i.start <= at && at <= i.end);
    if (item) add(item.start, trimEnd(text, item.start, item.end));
  }
  if (block) add(block.start, trimEnd(text, block.start, block.end));
  for (const section of sectionsAround(symbols, at).reverse()) add(section.start, section.end);
  add(0, text.length);
  return chain;
}

function blockAt(blocks: readonly ast.Block[], at: number): ast.Block | undefined {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid]!;
    if (at < block.start) high = mid - 1;
    else if (at > block.end) low = mid + 1;
    else return block;
  }
  return undefined;
}

/** Figures and citations around the offset, innermost first: a figure's name, its inside, the figure; a title, the citation. */
function inlineChain(nodes: readonly ast.Inline[], at: number, add: (start: number, end: number) => void): void {
  for (const node of nodes) {
    if (node.start > at || at > node.end || (node.kind !== 'figure' && node.kind !== 'citation')) continue;
    if (node.kind === 'citation') inlineChain(node.children, at, add);
    if (node.kind === 'figure' && node.body && 'name' in node.body) {
      const name = node.body.name;
      if (name.start <= at && at <= name.end && name.end > name.start) add(name.start, name.end);
    }
    const end = node.end - (node.closed ? 1 : 0);
    if (end > node.start + 1) add(node.start + 1, end);
    add(node.start, node.end);
    return;
  }
}

/** The spans of figures and citations: a clause or sentence never ends inside one. */
function atoms(nodes: readonly ast.Inline[]): Range[] {
  return nodes.filter((n) => n.kind === 'figure' || n.kind === 'citation').map((n) => ({ start: n.start, end: n.end }));
}

/** The clause and the sentence around an offset within a line's text. */
function proseChain(text: string, content: Range, atomSpans: readonly Range[], at: number, add: (start: number, end: number) => void): void {
  // The marks outside figures and citations, found in one pass (atoms in order, jumped over).
  const clauseMarks: number[] = [];
  const sentenceMarks: number[] = [];
  let next = 0;
  for (let i = content.start; i < content.end; i++) {
    while (next < atomSpans.length && atomSpans[next]!.end <= i) next++;
    const atom = atomSpans[next];
    if (atom && atom.start <= i) {
      i = atom.end - 1;
      continue;
    }
    const c = text[i]!;
    if (SENTENCE_END.has(c)) sentenceMarks.push(i);
    if (SENTENCE_END.has(c) || CLAUSE_END.has(c)) clauseMarks.push(i);
  }
  // The clause: from after the last mark before the offset to the next mark (both left out).
  const [clauseFrom, clauseTo] = around(clauseMarks, at, content);
  const clauseStart = skipSpace(text, clauseFrom, clauseTo);
  if (clauseTo > clauseStart) add(clauseStart, clauseTo);
  // The sentence: from after the last sentence end to the next one, its marks and closing quotes included.
  const [sentenceFrom, markAt] = around(sentenceMarks, at, content);
  let end = markAt;
  while (end < content.end && (SENTENCE_END.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
  const sentenceStart = skipSpace(text, sentenceFrom, end);
  if (end > sentenceStart) add(sentenceStart, end);
}

/** Between the last mark before an offset (after it) and the first mark at or after it, within the content. */
function around(marks: readonly number[], at: number, content: Range): [number, number] {
  const low = countBefore(marks.length, (i) => marks[i]! < at);
  return [low > 0 ? marks[low - 1]! + 1 : content.start, low < marks.length ? marks[low]! : content.end];
}

/** A line's text: after a heading's or item's marker, before a heading's label; the whole line otherwise. */
function contentOf(line: ast.Line, text: string): Range {
  const lineEnd = lineEndAt(text, line.start);
  if (line.kind === 'heading') {
    const end = line.label ? text.lastIndexOf('{', line.label.start) : lineEnd;
    return { start: skipSpace(text, line.marker.end, lineEnd), end: trimEnd(text, line.marker.end, end < line.marker.end ? lineEnd : end) };
  }
  if (line.kind === 'item') return { start: skipSpace(text, line.marker.end, lineEnd), end: trimEnd(text, line.marker.end, lineEnd) };
  return { start: skipSpace(text, line.start, lineEnd), end: trimEnd(text, line.start, lineEnd) };
}

/** The headings whose sections hold the offset, outermost first. */
function sectionsAround(symbols: readonly DocumentSymbol[], at: number): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  let level = symbols;
  for (;;) {
    const inside = level.find((s) => s.kind === 'heading' && s.start <= at && at <= s.end);
    if (!inside) return out;
    out.push(inside);
    level = inside.children;
  }
}

function skipSpace(text: string, start: number, end: number): number {
  let s = start;
  while (s < end && isWhiteSpace(text.charCodeAt(s))) s++;
  return s;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  return e;
}
