// What the parser (parser.ts) and the short path for usual lines (fastLine.ts, fastFigure.ts) build the
// same way: one definition, so that the two cannot drift apart.
import type * as ast from './ast.js';
import { withoutTrailing } from './trailing.js';

/** A quantity (`150起`, `81.48%`, `5000多份`, `约500人`) from its written parts: the digits, the word after them, the 约 before, a %. */
export function quantityNode(digits: string, written: string | undefined, before: string | undefined, percent: boolean, span: ast.Span): ast.Quantity {
  const { unit, qualifier } = unitAndQualifier(written, before);
  const dot = digits.indexOf('.');
  return {
    kind: 'quantity',
    digits,
    value: Number(digits),
    decimals: dot < 0 ? 0 : digits.length - dot - 1,
    unit,
    percent,
    qualifier,
    start: span.start,
    end: span.end,
  };
}

/** Splits a written unit such as 多份 into the qualifier 多 and the measure word 份. */
function unitAndQualifier(written: string | undefined, before: string | undefined): Pick<ast.Quantity, 'unit' | 'qualifier'> {
  let unit = written;
  let qualifier: ast.Quantity['qualifier'] = before ? { text: before, position: 'before' } : undefined;
  if (unit) {
    const trailing = TRAILING_QUALIFIERS.find((q) => unit!.startsWith(q));
    if (trailing && !qualifier) {
      qualifier = { text: trailing, position: 'after' };
      unit = unit.slice(trailing.length) || undefined;
    }
    // 3名以上, 20人左右: the qualifier follows the measure word.
    const following = unit && !qualifier ? AFTER_UNIT_QUALIFIERS.find((q) => unit!.endsWith(q)) : undefined;
    if (following) {
      qualifier = { text: following, position: 'after' };
      unit = unit!.slice(0, -following.length) || undefined;
    }
  }
  return { unit, qualifier };
}

const TRAILING_QUALIFIERS = ['多', '余'];
const AFTER_UNIT_QUALIFIERS = ['以上', '以下', '左右'];

/** A trailing `{#标签}` of a heading is its label, not content. */
export function splitLabel(content: ast.Inline[]): { inlines: ast.Inline[]; label: ast.Name | undefined } {
  const last = lastNonBlank(content);
  const candidate = content[last];
  // An open `{#标签` with prose after it is no label: it stays content, so that its tail is kept as text.
  if (candidate?.kind === 'figure' && candidate.body?.form === 'label' && candidate.tail === undefined) {
    const inlines = content.slice(0, last);
    const previous = inlines[inlines.length - 1];
    // Drop the spaces written between the heading text and its label.
    if (previous?.kind === 'text') {
      const trimmed = withoutTrailing(previous.text, ' \t\u3000');
      if (trimmed.length === 0) inlines.pop();
      else if (trimmed.length !== previous.text.length) inlines[inlines.length - 1] = { ...previous, text: trimmed, end: previous.start + trimmed.length };
    }
    return { inlines, label: candidate.body.name };
  }
  return { inlines: content, label: undefined };
}

/** The index of the last part that is not text of spaces only (-1 when there is none). */
export function lastNonBlank(content: readonly ast.Inline[]): number {
  let last = content.length - 1;
  while (last >= 0 && content[last]!.kind === 'text' && (content[last] as ast.TextNode).text.trim() === '') last--;
  return last;
}
