// What a prose line's characters are, found by code: the marks a line has (half-width punctuation,
// dashes, paired marks that do not close …), found in one pass that the typography checks share, and
// whether a character is Chinese.
import type { ProseLine } from './prose.js';

// ---------------------------------------------------------------- what a line has

/**
 * Marks a prose line may have, found in one pass over its characters (lineMarks): a check skips a line
 * that lacks what its patterns need before any pattern runs. Each is a superset of what a check needs.
 */
export const MARKS = {
  /** , ; : ? ! ( ) < > " */
  halfWidth: 1,
  /** - － – ‐ ‑ ― ~ ～ — */
  dash: 2,
  /** 、 */
  enumerationComma: 4,
  /** . ． */
  dot: 8,
  /** space, full-width space, tab */
  space: 16,
  /** b h m p in either case (bookmark, HYPERLINK, MERGEFORMAT, PAGE), form feed, invisible characters, U+FFFD */
  wordDebris: 32,
  /** one of ，。；：！？、 written twice in a row */
  repeatedPunctuation: 64,
  /** a paired mark (PAIRS) that does not close within the line, or a closer with no opener before it */
  unbalanced: 128,
} as const;

/** Paired marks, opener → closer (GB/T 15834: 书名号, 括号, 引号). */
export const PAIRS: Readonly<Record<string, string>> = { '《': '》', '（': '）', '“': '”', '‘': '’', '【': '】', '〔': '〕', '〈': '〉' };
/** The opener of each closer, by code: 0 for characters that are neither. */
export const OPENER_OF = new Uint16Array(0x10000);
export const IS_OPENER = new Uint8Array(0x10000);
for (const [open, close] of Object.entries(PAIRS)) {
  IS_OPENER[open.charCodeAt(0)] = 1;
  OPENER_OF[close.charCodeAt(0)] = open.charCodeAt(0);
}
const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether the ’ or ‘ at i is an apostrophe between Latin letters (don’t), not a quote. */
export function isApostrophe(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c === 0x2019 || c === 0x2018) && isLatin(text.charCodeAt(i - 1)) && isLatin(text.charCodeAt(i + 1));
}

/** The mark of each UTF-16 unit (a table: a lookup per character must cost next to nothing). */
const MARK_OF = new Uint16Array(0x10000);
const REPEATABLE = 256;
const PAIRED = 512;
const markAll = (characters: string, mark: number) => {
  for (const ch of characters) MARK_OF[ch.charCodeAt(0)]! |= mark;
};
markAll(',;:?!()<>"', MARKS.halfWidth);
markAll('-－–‐‑―~～—', MARKS.dash);
markAll('、', MARKS.enumerationComma);
markAll('.．', MARKS.dot);
markAll(' \u3000\t', MARKS.space);
markAll('bhmpBHMP\f\u200b\u200c\u200d\u2060\ufeff\ufffd', MARKS.wordDebris);
markAll('，。；：！？、', REPEATABLE);
markAll(Object.keys(PAIRS).join('') + Object.values(PAIRS).join(''), PAIRED);

/** The openers lineMarks has seen and not yet closed: one stack for every line (a new array per line was most of what the pass allocated). */
let openers: Uint16Array = new Uint16Array(64);

/** The marks of a line (MARKS), found once: the one pass over its characters that most checks share. */
export function lineMarks(line: ProseLine): number {
  if (line.marks !== undefined) return line.marks;
  const text = line.text;
  let marks = 0;
  let previous = -1;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const mark = MARK_OF[c]!;
    if (mark === 0) {
      previous = c;
      continue;
    }
    if (mark & REPEATABLE && c === previous) marks |= MARKS.repeatedPunctuation;
    if (mark & PAIRED && !(marks & MARKS.unbalanced)) {
      if (isApostrophe(text, i)) {
        // passed over
      } else if (IS_OPENER[c]) {
        if (open === openers.length) openers = grown(openers);
        openers[open++] = c;
      } else if (open === 0 || openers[--open] !== OPENER_OF[c]) marks |= MARKS.unbalanced;
    }
    marks |= mark;
    previous = c;
  }
  if (open > 0) marks |= MARKS.unbalanced;
  return (line.marks = marks & 0xff);
}

function grown(stack: Uint16Array): Uint16Array {
  const bigger = new Uint16Array(stack.length * 2);
  bigger.set(stack);
  return bigger;
}

// ---------------------------------------------------------------- character classes

const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** CJK and full-width punctuation, Chinese quotes, dashes and ellipsis. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/;

/**
 * Each UTF-16 unit's class, found by the patterns above the first time it is asked for (filling all 65,536
 * at load cost every command some 15 ms of its start): KNOWN, plus 1 for an ideograph, 2 for Chinese.
 */
const CHINESE_CLASS = new Uint8Array(0x10000);
const KNOWN = 4;

function chineseClass(c: number): number {
  let found = CHINESE_CLASS[c]!;
  if (found === 0) {
    const ch = String.fromCharCode(c);
    const ideograph = IDEOGRAPH.test(ch);
    found = KNOWN | (ideograph ? 1 : 0) | (ideograph || (CJK_PUNCT.test(ch) && ch !== '\u3000') ? 2 : 0);
    CHINESE_CLASS[c] = found;
  }
  return found;
}

export function isIdeograph(ch: string | undefined): boolean {
  return ch !== undefined && (ch.length === 1 ? (chineseClass(ch.charCodeAt(0)) & 1) !== 0 : IDEOGRAPH.test(ch));
}

/** A Chinese character or a Chinese (full-width) punctuation mark. */
export function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && (ch.length === 1 ? (chineseClass(ch.charCodeAt(0)) & 2) !== 0 : IDEOGRAPH.test(ch) || (CJK_PUNCT.test(ch) && ch !== '\u3000'));
}

/** isChinese of the character at i (false past either end): no one-character string is made. */
export function isChineseAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && (chineseClass(text.charCodeAt(i)) & 2) !== 0;
}
