// Heading levels from numbering styles.
//
// The rule. Each style has a rank, its level in GB/T 9704: 一、 = 1, （一） = 2, 1. = 3, （1） = 4. A
// heading's level is decided by the styles of the headings around it, never by the order in which
// styles first appear:
//
// 1. Arabic numbers used as the top level. Some reports number their parts "1、 2、 …" and their
//    sub-parts "（一）（二）" (seed 002). When a report has no 一、 heading, and between an Arabic heading
//    and the next Arabic heading of the same separator a （一） heading appears, that Arabic variant
//    ("N、" here — "N." used inside the same report for lower items keeps rank 3) encloses the （一）
//    headings, so it takes rank 1. Looking at what follows, not at what comes first, is what tells a
//    report whose top level is "1、" from one whose first heading happens to be a "1." item.
// 2. No skipped levels. A heading is one level below the nearest heading before it of a smaller rank
//    (level 1 if there is none): "（1）" directly under "4、" (seed 002) becomes level 2, numbered （一）
//    when rendered — the fix GB/T 9704 asks for. A report whose numbering is consistent keeps every
//    number it had.
import type { NumberStyle, TypedNumber } from './numbers.js';

const BASE_RANK: Record<NumberStyle, number> = { chinese: 1, chineseParen: 2, arabic: 3, arabicParen: 4 };

/** The variant of an Arabic number ("N、" vs "N."): promoted or not as a whole. */
const variant = (n: TypedNumber) => `${n.style}${n.separator}`;

/** Arabic variants that are the report's top level (rule 1). */
export function promotedVariants(numbers: readonly TypedNumber[]): Set<string> {
  const promoted = new Set<string>();
  if (numbers.some((n) => n.style === 'chinese')) return promoted;
  numbers.forEach((n, i) => {
    if (n.style !== 'arabic') return;
    for (let j = i + 1; j < numbers.length; j++) {
      const next = numbers[j]!;
      if (next.style === 'arabic' && variant(next) === variant(n)) break;
      if (next.style === 'chineseParen') {
        promoted.add(variant(n));
        break;
      }
    }
  });
  return promoted;
}

/** The level a style has in GB/T 9704 (一、 1, （一） 2, 1. 3, （1） 4). */
export function baseLevel(n: TypedNumber): number {
  return BASE_RANK[n.style];
}

export function rankOf(n: TypedNumber, promoted: ReadonlySet<string>): number {
  return n.style === 'arabic' && promoted.has(variant(n)) ? 1 : BASE_RANK[n.style];
}

/**
 * Levels (1–4) of a report's numbered lines, in order (rule 2). `enclosing`: the level of the heading the
 * lines stand under (a fragment pasted into a report's section), 0 for a whole report.
 */
export function headingLevels(numbers: readonly TypedNumber[], enclosing = 0): number[] {
  // Under a report's heading, the report's own levels stand above: no Arabic variant is its top level.
  const promoted = enclosing > 0 ? new Set<string>() : promotedVariants(numbers);
  const stack: Array<{ rank: number; level: number }> = [];
  for (let level = 1; level <= Math.min(4, enclosing); level++) stack.push({ rank: level, level });
  return numbers.map((n) => {
    const rank = rankOf(n, promoted);
    while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const level = Math.min(4, (stack[stack.length - 1]?.level ?? 0) + 1);
    stack.push({ rank, level });
    return level;
  });
}

/**
 * Typed numbering errors: a run of "一、 二、 …" that restarts at 一 inside a level-1 part (a second
 * "一、" where "（一）" belongs). Returns the indices of the mistyped numbers: they are level 2, as their
 * place says. The rest of the run continues the inner count until a number breaks it (then the outer
 * count resumes: "一、甲 一、a 二、b 三、c 二、乙" → a, b, c are level 2). A line repeating the one before it,
 * number and words, is none (“一、甲 一、甲 二、乙”: the heading doubled).
 */
export function mistypedChinese(numbers: readonly TypedNumber[]): Set<number> {
  const wrong = new Set<number>();
  let outer = 0;
  let inner = 0;
  numbers.forEach((n, i) => {
    if (n.style !== 'chinese') return;
    // The same numbered line twice in a row (a page or a paste doubled it) is the same heading again, not a
    // restart of the count: it keeps its level, and the check of the import finds the heading doubled (BG406).
    const before = numbers[i - 1];
    if (before?.style === 'chinese' && before.value === n.value && before.rest.trim() === n.rest.trim()) return;
    if (inner > 0 && n.value === inner + 1) {
      inner = n.value;
      wrong.add(i);
    } else if (n.value === outer + 1) {
      outer = n.value;
      inner = 0;
    } else if (n.value === 1 && outer >= 1) {
      inner = 1;
      wrong.add(i);
    } else {
      outer = n.value;
      inner = 0;
    }
  });
  return wrong;
}
