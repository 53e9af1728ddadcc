// Report checks on what a paste or an edit left written twice: a word (廉江市民政局民政局, BG727) and a clause
// (共排查出…“挂案”5起，排查出…“挂案”5起, BG733), each found in one pass over a line.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { cachedPerBlock, checksOfOneWalk } from './blockCache.js';
import { FIGURE_MARK, lineDiagnostic, proseBlocks, sourceEnd, sourceStart, type ProseBlock, type ProseLine } from './prose.js';
import { NOTHING_FOUND } from '../nothingFound.js';

export const doubledCodes: CodeInfo[] = [
  {
    code: 'BG727', severity: 'warning', title: '词语连写了两遍',
    description: '同一个词紧挨着写了两遍（“廉江市民政局民政局”“镇驻村法律顾问法律顾问”“组织组织居委干部”），多半是复制粘贴或改稿时留下的：请删去一遍。两个字的词只在不属于成语时报告：“自查自纠”“共建共享”“占道占地”“谁执法谁普法”这类以同一个字起头的四字格里的“查自查自”“建共建共”“道占道占”“普法普法”不报，动词重叠表示“试一试”（“研究研究再定”“商量商量吧”“了解了解一下”）也不报。',
    example: '2024年，廉江市民政局民政局坚持以习近平新时代中国特色社会主义思想为指导', fix: '删去重复的一遍（不是安全修复）',
  },
  {
    code: 'BG733', severity: 'warning', title: '分句连写了两遍',
    description: '一个分句紧接着又写了一遍（“共排查出涉民营企业刑事诉讼“挂案”5起，排查出涉民营企业刑事诉讼“挂案”5起”），或一句话原样重复：多半是复制粘贴或改稿时留下的，请删去一遍。后一个分句和前一个相同，或是前一个的后半段（前一个多了“共”“全年”之类的字）、至少八个字且占前一个的七成以上时才报；只是开头相同、结尾不同的排比（“加强组织领导，加强队伍建设”）和短的重复（“同比下降，同比下降”）不报。',
    example: '共排查出涉民营企业刑事诉讼“挂案”5起，排查出涉民营企业刑事诉讼“挂案”5起，全市侦办案件23起', fix: '删去重复的分句和它前面的逗号（不是安全修复）',
  },
];
registerCodes(doubledCodes);

// ---------------------------------------------------------------- a word written twice

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * BG727: a word of three to eight characters written twice in a row (廉江市民政局民政局), or of two characters where
 * no idiom and no verb said twice for “a little” can make it (组织组织居委干部, see doubledPairsIn); one character
 * repeated (哈哈哈哈哈哈) is no word.
 */
function doubledWords(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const line of block.lines) {
    const words = doubledWordsIn(line.text);
    let pairs = doubledPairsIn(line.text);
    // Most lines have neither: nothing is made for them.
    if (words.length === 0 && pairs.length === 0) continue;
    if (pairs.length) pairs = pairs.filter((p) => !words.some((w) => p.at < w.at + 2 * w.length && w.at < p.at + 4));
    for (const { at, length } of pairs.length ? [...words, ...pairs].sort((a, b) => a.at - b.at) : words) {
      const word = line.text.slice(at, at + length);
      (out ??= []).push(lineDiagnostic(model, line, 'BG727', at + length, at + 2 * length, `“${word}”连写了两遍（“${word}${word}”）：多半是复制粘贴留下的，请删去一遍。`, [
        { title: `删去重复的“${word}”`, safe: false, edits: [{ from: at + length, to: at + 2 * length, newText: '' }] },
      ]));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

/**
 * BG733: a clause written again right after itself (…“挂案” 5起,排查出…“挂案” 5起), or the tail of the clause
 * before it, as a paste or an edit leaves it.
 */
function doubledClauses(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const line of block.lines) {
    // A figure prints its value: two figures are the same when their values are (调处{a = 5起} / 调处{b = 8起} are not).
    const sameFigure = line.text.includes(FIGURE_MARK) ? (i: number, j: number) => figureValue(line, i) === figureValue(line, j) : undefined;
    for (const { mark, at, end } of doubledClausesIn(line.text, sameFigure)) {
      const clause = line.text.slice(at, end);
      (out ??= []).push(lineDiagnostic(model, line, 'BG733', at, end, `“${clause}”和前一个分句重复：多半是复制粘贴或改稿时多写了一遍，请删去一处。`, [
        { title: '删去重复的分句', safe: false, edits: [{ from: mark, to: end, newText: '' }] },
      ]));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

/** What a figure at character i of a line prints: the value written in its braces ({挂案 = 5起} → 5起). */
function figureValue(line: ProseLine, i: number): string {
  const source = line.scope.file.text.slice(sourceStart(line, i), sourceEnd(line, i));
  const value = source.replace(/^\{[^=]*=\s*/, '');
  if (!value.endsWith('}')) return value;
  // The check after `:` and the closing brace cut off by hand: /\s*(?::[^{}]*)?\}$/ rescanned each run of
  // white space from every character of it.
  const inner = value.slice(0, -1);
  const colon = inner.indexOf(':', Math.max(inner.lastIndexOf('{'), inner.lastIndexOf('}')) + 1);
  return (colon < 0 ? inner : inner.slice(0, colon)).trimEnd();
}

/** The marks that end a clause: ，,；;。！？!? */
const endsClause = (c: number) => c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
const FIGURE_CODE = FIGURE_MARK.charCodeAt(0);
const isSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0x09;
/** A repeated clause is at least this long (“同比下降，同比下降” lists two figures that fell, no repeat). */
const LEAST_REPEATED_CLAUSE = 8;

/**
 * The clauses of a text that repeat the clause before them — the same characters, or its end when it is
 * at least 70% of it (共排查出… / 排查出…) — as [at, end), with `mark` the clause mark before them.
 * One pass over the text; each clause is compared once, from its end.
 */
export function doubledClausesIn(text: string, sameMark?: (i: number, j: number) => boolean): ReadonlyArray<{ mark: number; at: number; end: number }> {
  let found: Array<{ mark: number; at: number; end: number }> | undefined;
  if (text.length < 2 * LEAST_REPEATED_CLAUSE + 1) return NO_CLAUSES;
  let prevAt = -1;
  let prevEnd = -1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length) {
      const c = text.charCodeAt(i);
      // Most characters are ideographs, past the ASCII marks and not 。 nor a full-width form: two comparisons (0.42 → 0.31 ms at 300 KB).
      if ((c > 0x3f && c !== 0x3002 && c < 0xff01) || !endsClause(c)) continue;
    }
    let at = start;
    let end = i;
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    while (end > at && isSpace(text.charCodeAt(end - 1))) end--;
    const length = end - at;
    const before = prevEnd - prevAt;
    if (prevAt >= 0 && length >= LEAST_REPEATED_CLAUSE && before >= length && length * 10 >= before * 7) {
      let k = 1;
      for (; k <= length; k++) {
        const c = text.charCodeAt(end - k);
        if (c !== text.charCodeAt(prevEnd - k)) break;
        // A placeholder (a figure) is the same only as one printing the same.
        if (c === FIGURE_CODE && (!sameMark || !sameMark(prevEnd - k, end - k))) break;
      }
      if (k > length) (found ??= []).push({ mark: start - 1, at, end });
    }
    prevAt = at;
    prevEnd = end;
    start = i + 1;
  }
  return found ?? NO_CLAUSES;
}

/** What a line without a repeated clause has (most lines): one shared empty list. */
const NO_CLAUSES: ReadonlyArray<{ mark: number; at: number; end: number }> = NOTHING_FOUND;

/** What a line without a doubled word or pair has: one shared empty list (most lines). */
const NONE: ReadonlyArray<{ at: number; length: number }> = NOTHING_FOUND;

/** For each position of a line, bit n − 3 set when the n characters from it come again right after them (n = 3…8). */
let repeats = new Uint8Array(256);

/**
 * The doubled words of a text, left to right: at each ideograph the shortest word (3 to 8 ideographs, not
 * all one character) that comes again right after it; the search goes on after its second copy.
 */
export function doubledWordsIn(text: string): ReadonlyArray<{ at: number; length: number }> {
  const length = text.length;
  if (length < 6) return NONE;
  if (repeats.length < length) repeats = new Uint8Array(length * 2);
  repeats.fill(0, 0, length);
  // Which positions start a repeat of each length: a window is compared from its end, and a mismatch
  // moves the next window past it, so that most characters are compared about once for all six lengths
  // (comparing six places on from every character made this the costliest check).
  let any = false;
  for (let n = 3; n <= 8; n++) {
    const bit = 1 << (n - 3);
    for (let p = 0; p + 2 * n <= length; ) {
      let q = p + n - 1;
      while (q >= p && text.charCodeAt(q) === text.charCodeAt(q + n)) q--;
      if (q >= p) {
        p = q + 1;
        continue;
      }
      // [p, p + n) equals the n characters after it: so does every window inside the run of such positions.
      let end = p + n;
      while (end + n < length && text.charCodeAt(end) === text.charCodeAt(end + n)) end++;
      for (let i = p; i + n <= end; i++) repeats[i]! |= bit;
      any = true;
      p = end + 1;
    }
  }
  if (!any) return NONE;
  const found: Array<{ at: number; length: number }> = [];
  for (let i = 0; i + 6 <= length; i++) {
    const lengths = repeats[i]!;
    if (lengths === 0) continue;
    const c = text.charCodeAt(i);
    if (!isHan(c)) continue;
    for (let n = 3; n <= 8 && i + 2 * n <= length; n++) {
      if ((lengths & (1 << (n - 3))) === 0) continue;
      let k = 1;
      let mixed = false;
      for (; k < n; k++) {
        const d = text.charCodeAt(i + k);
        if (!isHan(d)) break;
        if (d !== c) mixed = true;
      }
      if (k < n || !mixed) continue;
      found.push({ at: i, length: n });
      i += 2 * n - 1;
      break;
    }
  }
  return found;
}

/**
 * The heads of the idioms that repeat a character (自查自纠, 共建共享, 占道占地, 谁执法谁普法, 一村一品, 边学边改,
 * 同部署同推进, 不等不靠, 有声有色, 全员全程 …): a pair doubled around one is the idiom's (检查自查自纠 holds 查自查自),
 * as is a pair after one (谁普法普法责任制).
 */
const IDIOM_HEADS = new Set([...'自共占谁一不无有全同边互多亲再双各每以即可真大小半非上下前后千万百十两三四五六七八九'].map((c) => c.charCodeAt(0)));
/** What follows a verb said twice for “a little” (研究研究再定, 商量商量吧, 看看了): no slip. */
const TENTATIVE_AFTER = new Set([...'再吧看了呢嘛'].map((c) => c.charCodeAt(0)));
const YI = '一'.charCodeAt(0);
const XIA = '下'.charCodeAt(0);

/**
 * The two-character words of a text written twice in a row (组织组织居委干部、人民调解员): ABAB of two different
 * ideographs, not around an idiom's head (查自查自纠, 建共建共享, 谁普法普法) and not a verb said twice for “a
 * little” before 再, 吧, 一下 … (研究研究再定). One pass, by character code.
 */
export function doubledPairsIn(text: string): ReadonlyArray<{ at: number; length: number }> {
  let found: Array<{ at: number; length: number }> | undefined;
  for (let i = 0; i + 4 <= text.length; ) {
    // The pair's second character first, as doubledWordsIn compares a window from its end: where it does not
    // come again, no pair starts here or at the next character (most characters are read once for two places).
    const b = text.charCodeAt(i + 1);
    if (b !== text.charCodeAt(i + 3)) {
      i += 2;
      continue;
    }
    const a = text.charCodeAt(i);
    if (a !== text.charCodeAt(i + 2) || a === b || !isHan(a) || !isHan(b) || IDIOM_HEADS.has(a) || IDIOM_HEADS.has(b) || (i > 0 && IDIOM_HEADS.has(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const after = text.charCodeAt(i + 4);
    if (TENTATIVE_AFTER.has(after) || (after === YI && text.charCodeAt(i + 5) === XIA)) {
      i++;
      continue;
    }
    // A third copy (组织组织组织) is still one slip, read once.
    (found ??= []).push({ at: i, length: 2 });
    i += 4;
  }
  return found ?? NONE;
}

/** BG727 and BG733 in one walk over the prose blocks (checksOfOneWalk). */
export const doubledChecks: ReportCheck[] = checksOfOneWalk('doubledByCheck', [{ id: 'doubled-words', codes: ['BG727'] }, { id: 'doubled-clauses', codes: ['BG733'] }], (model) =>
  cachedPerBlock('doubled', proseBlocks(model), (block) => {
    const words = doubledWords(model, block);
    const clauses = doubledClauses(model, block);
    return clauses.length === 0 ? words : words.length === 0 ? clauses : [...words, ...clauses];
  }));

