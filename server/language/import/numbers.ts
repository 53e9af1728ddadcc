// Typed heading numbers of Word reports: 一、 （一） (一) 1. 1、 1． （1） (1) — recognised, read and
// classified by style. Pure: the importer decides the levels (see levels.ts).

/** The four numbering styles of GB/T 9704 reports, with the separators writers actually type. */
export type NumberStyle = 'chinese' | 'chineseParen' | 'arabic' | 'arabicParen';

export interface TypedNumber {
  style: NumberStyle;
  /** The number's value: 一 → 1, （十二） → 12, 3． → 3. */
  value: number;
  /** Exactly what was typed, including the spaces after it (removed from the line). */
  typed: string;
  /** For Arabic numbers: the separator as written (、 . ．), so "1、" and "1." can be told apart. */
  separator: string;
  /** The text after the number. */
  rest: string;
  /** A number typed with a bracket missing ("一）", "（一"): what is wrong, in Chinese. */
  malformed?: string;
}

const CN = '[一二三四五六七八九十]{1,3}';
// The separator may be followed by spaces; "（一）、" (a 顿号 after brackets, an error in GB/T 15834) is
// taken as part of the number too. An Arabic number followed by a digit is a decimal or a date
// ("6.26国际禁毒日", "3.15"), never a heading number.
const PATTERNS: Array<[NumberStyle, RegExp]> = [
  ['chineseParen', new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*(?:[、，,.．]\\s*)?`)],
  ['arabicParen', /^[（(]\s*(\d{1,2})\s*[）)]\s*(?:[、，,.．]\s*)?/],
  ['chinese', new RegExp(`^(${CN})\\s*([、．.，,])\\s*`)],
  ['arabic', /^(\d{1,2})\s*([.．、])(?!\d)\s*/],
];

/** "一）纵深推进……" / "（一纵深推进……": a 第二级 number with a bracket lost (seen on real pages). */
const HALF_BRACKETED: Array<[RegExp, string]> = [
  [new RegExp(`^(${CN})\\s*[）)]\\s*`), '缺少左括号'],
  [new RegExp(`^[（(]\\s*(${CN})\\s*(?=[、，,.．]|[^一二三四五六七八九十）)\\s])(?:[、，,.．]\\s*)?`), '缺少右括号'],
];

export function typedNumber(line: string): TypedNumber | undefined {
  return wellFormedNumber(line) ?? halfBracketed(line) ?? enclosedNumber(line);
}

/** ㈠ to ㈩ (U+3220–U+3229): one character standing for （一）…（十）, typed from a symbol table (seen on real pages). */
const ENCLOSED_ONE = 0x3220;

function enclosedNumber(line: string): TypedNumber | undefined {
  const code = line.charCodeAt(0);
  if (code < ENCLOSED_ONE || code > ENCLOSED_ONE + 9) return undefined;
  let end = 1;
  while (end < line.length && (line.charCodeAt(end) === 0x20 || line.charCodeAt(end) === 0x3000)) end++;
  const typed = line.slice(0, end);
  const rest = line.slice(typed.length);
  if (!rest.trim()) return undefined;
  return { style: 'chineseParen', value: code - ENCLOSED_ONE + 1, typed, separator: '', rest, malformed: '是一个合成的带括号数字字符，不是括号加数字' };
}

function halfBracketed(line: string): TypedNumber | undefined {
  for (const [pattern, malformed] of HALF_BRACKETED) {
    const match = pattern.exec(line);
    const rest = match ? line.slice(match[0].length) : '';
    const value = match ? chineseValue(match[1]!) : 0;
    // "（一是……" is not a number; a heading after the number is short and has no 是 at once.
    if (!match || !value || !rest.trim() || /^[是要则]/.test(rest)) continue;
    return { style: 'chineseParen', value, typed: match[0], separator: '', rest, malformed };
  }
  return undefined;
}

function wellFormedNumber(line: string): TypedNumber | undefined {
  for (const [style, pattern] of PATTERNS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const rest = line.slice(match[0].length);
    if (!rest.trim()) return undefined;
    const digits = match[1]!;
    const value = style === 'chinese' || style === 'chineseParen' ? chineseValue(digits) : Number(digits);
    if (!value) return undefined;
    // "一、" needs its 顿号 (or a dot): "一是……" and "一，" in prose are not headings.
    if (style === 'chinese' && !/[、．.]/.test(match[2]!)) return undefined;
    return { style, value, typed: match[0], separator: style === 'arabic' ? normaliseSeparator(match[2]!) : '', rest };
  }
  return undefined;
}

/**
 * A line that is only a heading number ("二、", "（三）", "3."): what Word prints for an empty paragraph
 * with automatic numbering (it draws and counts the number of an empty list entry), or a page cut just
 * after a number. Returns the number as typed, or undefined.
 */
export function loneNumber(line: string): TypedNumber | undefined {
  const text = line.trim();
  for (const [style, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match || match[0].length !== text.length) continue;
    const value = style === 'chinese' || style === 'chineseParen' ? chineseValue(match[1]!) : Number(match[1]!);
    if (!value || (style === 'chinese' && !/[、．.]/.test(match[2]!))) return undefined;
    return { style, value, typed: text, separator: style === 'arabic' ? normaliseSeparator(match[2]!) : '', rest: '' };
  }
  return undefined;
}

function normaliseSeparator(s: string): string {
  return s === '．' ? '.' : s;
}

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 九十九 → 99; 0 when it is not a numeral. */
export function chineseValue(text: string): number {
  if (!/^[零〇一二三四五六七八九十]+$/.test(text)) return 0;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? DIGIT[text]! : 0;
  const tens = ten === 0 ? 1 : text.length > 0 && ten === 1 ? DIGIT[text[0]!]! : 0;
  const ones = ten === text.length - 1 ? 0 : text.length - ten === 2 ? DIGIT[text[ten + 1]!]! : -1;
  return tens && ones >= 0 ? tens * 10 + ones : 0;
}

/** Years and dates written in Chinese numerals: 二〇二一 → 2021 (digit by digit). */
export function chineseDigits(text: string): number | undefined {
  if (!/^[零〇○一二三四五六七八九]+$/.test(text)) return undefined;
  return Number([...text].map((c) => (c === '○' ? 0 : DIGIT[c])).join(''));
}
