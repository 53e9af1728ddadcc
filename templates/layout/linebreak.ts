// Greedy line breaking with the W3C clreq basic rules (DOMAIN.md §6).
//
// Every boundary between two code points gets a tier:
//   1  all rules hold                      (preferred)
//   2  only the punctuation rules hold     (an over-long number/word/dash run is split)
//   3  any boundary not before a zero-width mark (hard split, e.g. a line of only 。)
// A line ends at the last tier-1 boundary that fits, else tier 2, else tier 3, so the
// rules give way only when no line could satisfy them. Plain text cannot squeeze
// punctuation, so instead of hanging a mark the character(s) before it move down.
import { codePointWidth, columnsToCells, cellWidth } from './width';

/** Marks that must not begin a line (closing marks, pause/stop marks, %, 间隔号, 省略号). */
export const NO_LINE_START: ReadonlySet<string> = new Set([
  ...'、，。：；！？）》〉」』】〕〗〙〛］｝”’％‰℃·・‧…‥⋯',
  // Half-width marks turn up in converted text (DOMAIN.md §4); treat them alike.
  ...'%),.;:!?]}',
]);

/** Marks that must not end a line (opening quotes and brackets). */
export const NO_LINE_END: ReadonlySet<string> = new Set([...'《〈（“‘【〔〖〘〚「『［｛', ...'([{']);

/** Describes a forbidden first or last character of `line` (leading/trailing spaces ignored). */
export function lineViolations(line: string): string[] {
  const cps = Array.from(line);
  let first = 0;
  let last = cps.length - 1;
  while (first <= last && isBlank(cps[first]!)) first++;
  while (last >= first && isBlank(cps[last]!)) last--;
  const out: string[] = [];
  if (first > last) return out;
  if (NO_LINE_START.has(cps[first]!)) out.push(`line starts with "${cps[first]}"`);
  if (NO_LINE_END.has(cps[last]!)) out.push(`line ends with "${cps[last]}"`);
  return out;
}

// A combining mark belongs to the character before it, so skip it too.
function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\t' || codePointWidth(ch.codePointAt(0)!) === 0;
}

export interface WrapOptions {
  /** Line width in full-width columns (GB/T 9704: 28). */
  width: number;
  /** Prefix of the first line; default two U+3000 (paragraph indent). */
  firstIndent?: string;
  /** Prefix of continuation lines; default none. */
  indent?: string;
}

/**
 * Wraps one paragraph into lines no wider than `width` columns (indent included).
 * Removing the indents and joining the lines gives back `text` exactly. A `\n` is a
 * forced break: it is consumed (so the join gives `text` without its newlines), the
 * next line takes `indent`, and an empty segment becomes a blank '' line.
 * Throws RangeError if an indent leaves less than one full-width column.
 */
export function wrapParagraph(text: string, options: WrapOptions): string[] {
  const { width, firstIndent = '\u3000\u3000', indent = '' } = options;
  // A paragraph breaks the same way every time: the preview re-lays a 300 KB report on every keystroke,
  // and only the paragraph typed in needs breaking again. (Callers only read the lines.)
  // By the options, then by the text itself: a key joining them would copy every paragraph's text per keystroke.
  const optionsKey = `${width}\u0000${firstIndent}\u0000${indent}`;
  let byText = WRAPPED.get(optionsKey);
  const known = byText?.get(text);
  if (known) return known;
  // Frozen: a caller that changed the shared lines would change them for every later caller.
  const lines = Object.freeze(wrapUncached(text, width, firstIndent, indent)) as string[];
  if (wrapped >= WRAPPED_MAX) forgetOldestWrapped();
  if (!byText) WRAPPED.set(optionsKey, (byText = new Map()));
  byText.set(text, lines);
  wrapped++;
  return lines;
}

/** Paragraphs already broken, by options and text: room for a few large reports' paragraphs (when full, the oldest of the oldest options go). */
const WRAPPED = new Map<string, Map<string, string[]>>();
const WRAPPED_MAX = 20_000;
let wrapped = 0;

function forgetOldestWrapped(): void {
  const [optionsKey, byText] = WRAPPED.entries().next().value!;
  byText.delete(byText.keys().next().value!);
  if (byText.size === 0) WRAPPED.delete(optionsKey);
  wrapped--;
}

function wrapUncached(text: string, width: number, firstIndent: string, indent: string): string[] {
  const total = columnsToCells(width);
  const firstBudget = total - cellWidth(firstIndent);
  const restBudget = total - cellWidth(indent);
  // Below one full-width column a CJK character could never be placed.
  if (!Number.isFinite(width) || Math.min(firstBudget, restBudget) < 2) {
    throw new RangeError(`wrapParagraph: width ${width} leaves no room for a character after the indent`);
  }
  const out: string[] = [];
  const segments = text.split('\n');
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    const prefix = k === 0 ? firstIndent : indent;
    if (segment === '') {
      // An empty paragraph has no lines; an empty segment beside a \n is a blank line.
      if (text !== '') out.push('');
      continue;
    }
    wrapSegment(segment, k === 0 ? firstBudget : restBudget, restBudget, prefix, indent, out);
  }
  return out;
}

// Character classes, one bit each.
const NOSTART = 1;
const NOEND = 2;
const WORD = 4; // Latin letters, digits, ASCII symbols: never split inside a run
const DIGIT = 8;
const MEASURE = 16; // a 汉字 or ％ that can follow a number as its unit
const DASH = 32;
const ELLIPSIS = 64;
const ZERO = 128; // zero-width: stays with the preceding character
const SPACE = 256;
const NUM_TAIL = 512; // . or % that may end a number (81.48%的)
const MIDDOT = 1024; // 间隔号 inside day names: “3·15”
const LETTER = 2048; // a Latin letter (A–Z, a–z)

const START_CPS = new Set([...NO_LINE_START].map((c) => c.codePointAt(0)!));
const END_CPS = new Set([...NO_LINE_END].map((c) => c.codePointAt(0)!));
const LATIN_LIKE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]$/u;
// BMP class cache (bit 15 = computed) so each distinct character is classified once.
const COMPUTED = 0x8000;
const classCache = new Uint16Array(0x10000);
const astralClasses = new Map<number, number>();

function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x3007
  );
}

function computeClass(cp: number): number {
  let c = 0;
  if (START_CPS.has(cp)) c |= NOSTART;
  if (END_CPS.has(cp)) c |= NOEND;
  if (cp === 0x20 || cp === 0x3000) c |= SPACE;
  else if (cp > 0x20 && cp < 0x7f) c |= WORD;
  else if (cp >= 0x80 && LATIN_LIKE.test(String.fromCodePoint(cp))) c |= WORD;
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19)) c |= DIGIT;
  if (cp === 0x25 || cp === 0x2e) c |= NUM_TAIL;
  if (isHan(cp) || cp === 0xff05) c |= MEASURE;
  if (cp === 0x2014 || cp === 0x2015 || cp === 0x2e3a || cp === 0x2e3b) c |= DASH;
  if (cp === 0x2026 || cp === 0x22ef || cp === 0x2025) c |= ELLIPSIS;
  if (cp === 0xb7 || cp === 0x30fb || cp === 0x2027) c |= MIDDOT;
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) c |= LETTER;
  if (codePointWidth(cp) === 0) c |= ZERO;
  return c;
}

function classOf(cp: number): number {
  if (cp > 0xffff) {
    let a = astralClasses.get(cp);
    if (a === undefined) astralClasses.set(cp, (a = computeClass(cp)));
    return a;
  }
  let c = classCache[cp]!;
  if (c === 0) classCache[cp] = c = computeClass(cp) | COMPUTED;
  return c & ~COMPUTED;
}

// Tier of the boundary between `a` and `b`; `before` is the class preceding `a`.
function boundaryTier(before: number, a: number, b: number): 1 | 2 | 3 | 4 {
  if (b & ZERO) return 4;
  if (b & NOSTART || a & NOEND) return 3;
  if (
    b & SPACE || // keep a space at the end of its line, not the start of the next
    (a & WORD && b & WORD) ||
    (a & DASH && b & DASH) ||
    (a & ELLIPSIS && b & ELLIPSIS) ||
    (b & MEASURE && (a & DIGIT || (a & NUM_TAIL && before & DIGIT))) ||
    (a & MIDDOT && b & DIGIT && before & DIGIT)
  ) {
    return 2;
  }
  return 1;
}

/** A word run (Latin letters, digits, ASCII marks) wider than this many cells with letters in it: a web address, a code. */
const LONG_WORD = 24;
/** Marks after which a web address or a code may break (…gov.cn/ | zwfw/…, www. | example). */
const WORD_BREAK_AFTER = new Set([...'/.-_?&=#:'].map((c) => c.charCodeAt(0)));

/**
 * A long run of letters and marks (a web address, a file or case number) breaks after its / . - … like any
 * character: kept whole, it would move to the next line and leave the line before it half empty, stretched
 * across the grid. Numbers (no letters) and short words stay whole.
 */
function breakLongWord(text: string, offset: Int32Array, prefix: Int32Array, tiers: Uint8Array, letters: Uint8Array, start: number, end: number): void {
  if (start < 0 || end - start < 2 || prefix[end]! - prefix[start]! <= LONG_WORD || letters[end - 1]! === 0) return;
  for (let k = start + 1; k < end; k++) {
    if (tiers[k] !== 2 || !WORD_BREAK_AFTER.has(text.charCodeAt(offset[k - 1]!)) || WORD_BREAK_AFTER.has(text.charCodeAt(offset[k]!))) continue;
    // Not inside a number: 78.20, 2021-2025.
    if (k >= 2 && isAsciiDigit(text.charCodeAt(offset[k - 2]!)) && isAsciiDigit(text.charCodeAt(offset[k]!))) continue;
    tiers[k] = 1;
  }
}

const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;

function wrapSegment(
  text: string,
  firstBudget: number,
  restBudget: number,
  firstIndent: string,
  indent: string,
  out: string[],
): void {
  // One pass: UTF-16 offsets, prefix widths and, per boundary, the last boundary at
  // or before it that is allowed at each tier. All O(n), no per-character strings.
  const len = text.length;
  const offset = new Int32Array(len + 1);
  const prefix = new Int32Array(len + 1);
  const tiers = new Uint8Array(len + 1); // tier of the boundary before each code point
  const letters = new Uint8Array(len + 1); // Latin letters in the word run up to each code point
  let n = 0;
  let a = 0; // class of the previous base character (marks inherit it)
  let before = 0;
  let runStart = -1;
  for (let i = 0; i < len; i++) {
    offset[n] = i;
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    const b = classOf(cp);
    if (n > 0) tiers[n] = boundaryTier(before, a, b);
    prefix[n + 1] = prefix[n]! + codePointWidth(cp);
    if (b & WORD && !(b & ZERO)) {
      if (!(a & WORD) || runStart < 0) runStart = n;
      letters[n] = (n > runStart ? letters[n - 1]! : 0) + (b & LETTER ? 1 : 0);
    } else if (!(b & ZERO)) {
      breakLongWord(text, offset, prefix, tiers, letters, runStart, n);
      runStart = -1;
    }
    if (!(b & ZERO)) {
      before = a;
      a = b;
    }
    n++;
  }
  offset[n] = len;
  breakLongWord(text, offset, prefix, tiers, letters, runStart, n);
  const last1 = new Int32Array(len + 1);
  const last2 = new Int32Array(len + 1);
  const last3 = new Int32Array(len + 1);
  for (let k = 1; k < n; k++) {
    const tier = tiers[k]!;
    last1[k] = tier <= 1 ? k : last1[k - 1]!;
    last2[k] = tier <= 2 ? k : last2[k - 1]!;
    last3[k] = tier <= 3 ? k : last3[k - 1]!;
  }

  let start = 0;
  let budget = firstBudget;
  let lead = firstIndent;
  while (start < n) {
    // Furthest end that fits: binary search over the prefix widths.
    const limit = prefix[start]! + budget;
    let lo = start;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (prefix[mid]! <= limit) lo = mid;
      else hi = mid - 1;
    }
    let end = lo;
    if (end < n) {
      end = last1[lo]! > start ? last1[lo]! : last2[lo]! > start ? last2[lo]! : last3[lo]!;
      // Only when not even one character fits: take the first character and its marks.
      if (end <= start) {
        end = start + 1;
        while (end < n && prefix[end + 1] === prefix[end]) end++;
      }
    }
    out.push(lead + text.slice(offset[start], offset[end]));
    start = end;
    budget = restBudget;
    lead = indent;
  }
}
