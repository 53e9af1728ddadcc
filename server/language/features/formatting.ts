// Formatting: one space after heading marks, `{名 = 值}` spacing, trailing spaces removed, blank lines
// normalised (none at the start, at most one between blocks, one newline at the end), plus the safe
// fixes the checker offers — all as edits on the text, applied at once (linear in the text).
import type { Diagnostic, Fix, TextEdit } from '../../../grammar/diagnostic.js';
import { parse } from '../../../grammar/index.js';
import type * as ast from '../../../grammar/index.js';
import { applyEdits, chooseFixes } from '../fixes.js';
import { figuresOf } from './locate.js';
import { isBlank } from '../whiteSpace.js';
import { append } from '../append.js';

/** Safe fixes of the checker for a text; the caller analyses (so this module stays free of the workspace). */
export type SafeFixes = (text: string) => readonly Diagnostic[];

/**
 * One formatting pass as edits on the text, linear in it: the checker's safe fixes (from the one check
 * the caller already has), then the figure spacing and line layout wherever no fix touches — sorted, none
 * overlapping, for `applyEdits` to build the result once. A fix that makes work for another fix, or a
 * clash, is left to the next pass (formatting again): the editor's formatting is one pass.
 */
export function formatEdits(text: string, document: ast.ReportDocument, diagnostics: readonly Diagnostic[] = [], whole = true): TextEdit[] {
  const fixes = chooseFixes(text, diagnostics).edits;
  const layout = mergeSorted(sortedByPlace(figureEdits(text, document)), layoutEdits(text, whole));
  return mergeSorted(fixes, layout.filter(outside(fixes)));
}

const byPlace = (a: TextEdit, b: TextEdit) => a.start - b.start || a.end - b.end;

/** The edits sorted by start, then end (a list in document order already is left as it is). */
function sortedByPlace(edits: TextEdit[]): TextEdit[] {
  for (let i = 1; i < edits.length; i++) if (byPlace(edits[i - 1]!, edits[i]!) > 0) return edits.sort(byPlace);
  return edits;
}

/** Two lists of edits sorted by start (then end) as one such list; on a tie the first list's edit first. */
function mergeSorted(a: readonly TextEdit[], b: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byPlace(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Formats a whole text to a fixed point (a pass, checked again, until nothing changes; at most six). */
export function formatText(text: string, diagnosticsOf?: SafeFixes): string {
  let current = text;
  for (let round = 0; round < 6; round++) {
    const next = applyEdits(current, formatEdits(current, parse(current).document, diagnosticsOf?.(current)));
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Formats the lines of a text that [start, end) touches; `diagnostics`: the check of the whole text. */
export function formatRange(text: string, start: number, end: number, diagnostics?: readonly Diagnostic[]): TextEdit | undefined {
  const from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  let to = text.indexOf('\n', Math.max(end, from));
  if (end > from && text[end - 1] === '\n') to = end - 1;
  if (to < 0) to = text.length;
  const slice = text.slice(from, to);
  // The safe fixes that lie wholly in the range, moved to offsets in the range's text.
  const within = (fix: Fix) => fix.safe && fix.edits.every((e) => e.start >= from && e.end <= to);
  const moved = (diagnostics ?? []).flatMap((d) => {
    const fix = d.fixes?.find(within);
    return fix && !d.uri ? [{ ...d, fixes: [{ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from })) }] }] : [];
  });
  const formatted = applyEdits(slice, formatEdits(slice, parse(slice).document, moved, false));
  return formatted === slice ? undefined : { start: from, end: to, newText: formatted };
}

/** A filter keeping the edits that neither overlap nor start with any of `taken` (sorted by start, disjoint). */
function outside(taken: readonly TextEdit[]): (e: TextEdit) => boolean {
  let i = 0;
  return (e) => {
    // The layout edits come sorted by start too: one walk along `taken`.
    while (i < taken.length && taken[i]!.end < e.start) i++;
    for (let j = i; j < taken.length && taken[j]!.start <= e.end; j++) {
      const t = taken[j]!;
      if (t.start === e.start || (t.start < e.end && e.start < t.end)) return false;
    }
    return true;
  };
}

/** `{ 名称=值 }` → `{名称 = 值}`; `{ 名称 }` → `{名称}`. Braces and `=` keep the width they were typed in. */
function figureEdits(text: string, document: ast.ReportDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const node of figuresOf(document)) {
    if (!node.closed || node.broken || !node.body) continue;
    const source = text.slice(node.start, node.end);
    const openBrace = source[0]!;
    const closeBrace = source[source.length - 1]!;
    if (!/^[{｛]$/.test(openBrace) || !/^[}｝]$/.test(closeBrace)) continue;
    const inner = source.slice(1, -1);
    let formatted: string;
    if (node.body.form === 'definition') {
      const eq = inner.search(/[=＝]/);
      if (eq < 0) continue;
      formatted = `${openBrace}${inner.slice(0, eq).trim()} ${inner[eq]} ${inner.slice(eq + 1).trim()}${closeBrace}`;
    } else if (node.body.form === 'reference' || node.body.form === 'label') {
      formatted = `${openBrace}${inner.trim()}${closeBrace}`;
    } else continue;
    if (formatted !== source && !formatted.includes('\n')) edits.push({ start: node.start, end: node.end, newText: formatted });
  }
  return edits;
}

interface LineSpan {
  start: number;
  /** Where the line's text ends (before `\r\n` or `\n`). */
  end: number;
  /** Where the next line starts. */
  next: number;
}

function lineSpans(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  for (let start = 0; ; ) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return (lines.push({ start, end: text.length, next: text.length }), lines);
    lines.push({ start, end: nl > start && text[nl - 1] === '\r' ? nl - 1 : nl, next: nl + 1 });
    start = nl + 1;
  }
}

/**
 * The line layout as edits: trailing spaces removed, one space after heading marks, at most one blank
 * line between blocks, line breaks all alike (CRLF when the text has any); for a whole text also no
 * blank line at the start and exactly one line break at the end.
 */
function layoutEdits(text: string, whole: boolean): TextEdit[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = lineSpans(text);
  const blank = (l: LineSpan) => isBlank(text, l.start, l.end);
  let count = lines.length;
  if (whole) {
    while (count > 0 && blank(lines[count - 1]!)) count--;
    if (count === 0) return text ? [{ start: 0, end: text.length, newText: '' }] : [];
  }
  const edits: TextEdit[] = [];
  // A whole text's leading blank lines go, as if a blank line came before them.
  let previousBlank = whole;
  for (let i = 0; i < count; i++) {
    const line = lines[i]!;
    if (blank(line)) {
      if (previousBlank) {
        edits.push({ start: line.start, end: line.next, newText: '' });
        continue;
      }
      previousBlank = true;
      if (line.end > line.start) edits.push({ start: line.start, end: line.end, newText: '' });
    } else {
      previousBlank = false;
      append(edits, lineEdits(text, line));
    }
    const last = whole && i === count - 1;
    if (!last && eol === '\r\n' && text[line.end] === '\n') edits.push({ start: line.end, end: line.end, newText: '\r' });
  }
  if (whole) {
    const end = lines[count - 1]!.end;
    if (text.slice(end) !== eol) edits.push({ start: end, end: text.length, newText: eol });
  }
  return edits;
}

/** A line's trailing spaces (an escaped space `\ ` is kept) and the space after heading marks. */
function lineEdits(text: string, line: LineSpan): TextEdit[] {
  const contentEnd = trailingSpacesStart(text, line.start, line.end);
  const edits: TextEdit[] = [];
  // Heading marks: one to six of # or ＃ at the line's start, then the spaces after them.
  let marksEnd = line.start;
  while (marksEnd < line.end && marksEnd - line.start < 6 && isHeadingMark(text.charCodeAt(marksEnd))) marksEnd++;
  if (marksEnd > line.start) {
    let spaceEnd = marksEnd;
    while (spaceEnd < line.end && isSpaceAfterMarks(text.charCodeAt(spaceEnd))) spaceEnd++;
    // Marks alone: nothing after them.
    if (spaceEnd >= contentEnd) return marksEnd < line.end ? [{ start: marksEnd, end: line.end, newText: '' }] : [];
    if (spaceEnd !== marksEnd + 1 || text.charCodeAt(marksEnd) !== 32) edits.push({ start: marksEnd, end: spaceEnd, newText: ' ' });
  }
  if (contentEnd < line.end) edits.push({ start: contentEnd, end: line.end, newText: '' });
  return edits;
}

const isHeadingMark = (c: number) => c === 0x23 || c === 0xff03; // # ＃
const isSpaceAfterMarks = (c: number) => c === 32 || c === 9 || c === 0x3000;

/** Where the run of spaces and tabs ending a line starts (its end when there is none); a space escaped by `\` stays. */
function trailingSpacesStart(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && (text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 9)) at--;
  if (at < end && at > start && text.charCodeAt(at - 1) === 0x5c) at++;
  return at;
}
