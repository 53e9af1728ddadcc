// Formatting: one space after heading marks, `{名 = 值}` spacing, trailing spaces removed, blank lines
// normalised (none at the start, at most one between blocks, one newline at the end), plus the safe
// fixes the checker offers. Run to a fixed point, so formatting twice changes nothing.
import type { Diagnostic, Fix, TextEdit } from '../../../grammar/diagnostic.js';
import { parse } from '../../../grammar/index.js';
import { applyEdits, applyFixes } from '../fixes.js';
import { figuresOf } from './locate.js';

/** Safe fixes of the checker for a text; the caller analyses (so this module stays free of the workspace). */
export type SafeFixes = (text: string) => Diagnostic[];

export function formatText(text: string, diagnosticsOf?: SafeFixes): string {
  let current = text;
  for (let round = 0; round < 6; round++) {
    let next = diagnosticsOf ? applyFixes(current, diagnosticsOf(current)).text : current;
    next = formatLines(formatFigures(next), true);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Formats the lines [fromLine, toLine] of a text; returns the new text of those lines. */
export function formatRange(text: string, start: number, end: number, diagnosticsOf?: SafeFixes): TextEdit | undefined {
  const from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  let to = text.indexOf('\n', Math.max(end, from));
  if (end > from && text[end - 1] === '\n') to = end - 1;
  if (to < 0) to = text.length;
  let slice = text.slice(from, to);
  if (diagnosticsOf) {
    // The safe fixes that lie wholly in the range, moved to offsets in the range's text.
    const within = (fix: Fix) => fix.safe && fix.edits.every((e) => e.start >= from && e.end <= to);
    const moved = diagnosticsOf(text).flatMap((d) => {
      const fix = d.fixes?.find(within);
      return fix && !d.uri ? [{ ...d, fixes: [{ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from })) }] }] : [];
    });
    slice = applyFixes(slice, moved).text;
  }
  const formatted = formatLines(formatFigures(slice), false);
  return formatted === text.slice(from, to) ? undefined : { start: from, end: to, newText: formatted };
}

/** `{ 名称=值 }` → `{名称 = 值}`; `{ 名称 }` → `{名称}`. Braces and `=` keep the width they were typed in. */
function formatFigures(text: string): string {
  const { document } = parse(text);
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
  return applyEdits(text, edits);
}

function formatLines(text: string, whole: boolean): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let line of lines) {
    // Trailing spaces (an escaped space `\ ` is kept).
    line = line.replace(/(^|[^\\])[ \t]+$/u, '$1');
    const heading = /^([#＃]{1,6})[ \t　]*(.*)$/u.exec(line);
    if (heading) line = heading[2] ? `${heading[1]} ${heading[2]}` : heading[1]!;
    const blank = line.trim() === '';
    if (blank) {
      if (whole && out.length === 0) continue;
      if (out.length > 0 && out[out.length - 1] === '') continue;
      line = '';
    }
    out.push(line);
  }
  if (whole) {
    while (out.length && out[out.length - 1] === '') out.pop();
    return out.length ? `${out.join(eol)}${eol}` : '';
  }
  return out.join(eol);
}

/** The smallest single edit turning `before` into `after`. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  // Do not split a surrogate pair or a CRLF.
  while (start > 0 && (isLow(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))) start--;
  while (endB < before.length && isLow(before.charCodeAt(endB))) {
    endB++;
    endA++;
  }
  return { start, end: endB, newText: after.slice(start, endA) };
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
