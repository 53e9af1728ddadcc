// Amounts written in prose: counts with a measure word ("150起", "3000余份", "约500人", "3名以上") and
// percentages ("98%", "81.48%"). Pure: a string in, the amounts and their spans out. Only what the
// language can write as a figure and print exactly as typed is recognised; years, dates, document
// numbers, ordinals (第3次), frequencies (每月1次), durations and anything inside 《》 or 〔〕 are not.
import { inRanges } from '../ranges.js';
import { allMatches } from '../matches.js';

export interface Amount {
  /** Span in the analysed text, [start, end), qualifiers included. */
  start: number;
  end: number;
  /** Exactly as written: "3000余份". */
  text: string;
  /** For a percentage, the number as written (98 for 98%). */
  value: number;
  unit: string | undefined;
  percent: boolean;
  /** Decimals written: the precision a stated rate claims. */
  decimals: number;
  /** 余 多 (after the number), 以上 左右 以下 (after the unit), 约 近 逾 超 (before): not an exact count. */
  qualifier: { text: string; position: 'before' | 'after' } | undefined;
}

/**
 * Measure words of counts that can be figures, longest first so that 人次 wins over 人. Narrower than
 * the words checks/structure.ts accepts after a number (which include 年, 倍, 岁 …): those are not counts.
 */
export const COUNT_MEASURE_WORDS = [
  '万人次', '人次', '场次', '件次', '户次', '家次', '批次', '万元', '亿元', '万人', '万份', '万册',
  '起', '件', '人', '次', '场', '个', '份', '家', '名', '项', '条', '期', '册', '块', '处', '户', '篇', '张', '台',
  '辆', '所', '批', '轮', '堂', '节', '元', '套', '本', '幅', '宗', '位', '组', '支', '座', '间', '部', '课', '封',
];

/** A measure word followed by these is part of another word: 3个月 (a duration), 3个百分点, 人民, 项目, 条例. */
const NOT_A_COUNT_AFTER: Record<string, RegExp> = {
  个: /^(?:百分点|工作日|月|小时|季度|年度?|星期)/,
  人: /^民/,
  项: /^目/,
  条: /^例/,
  名: /^(?:单|称|义|额)/,
  次: /^(?:日|年|月)/,
  期: /^(?:间|限|末)/,
  部: /^(?:门|署)/,
  处: /^(?:理|置|罚|分)/,
  件: /^事/,
  间: /^(?:断|隔)/,
  支: /^(?:持|付)/,
  元: /^(?:旦|素)/,
  批: /^(?:准|复)/,
  本: /^(?:镇|乡|级|单位|部门|地)/,
  位: /^(?:于|置)/,
  组: /^(?:织|建|成)/,
};

const UNIT = COUNT_MEASURE_WORDS.join('|');
// before-qualifier, digits, after-qualifier (余/多), unit or %, trailing qualifier (以上/左右/以下). 约 ending a
// word (村规民约2项, 公约, 制约, 签约) is the word's, not “about”.
// The digits start where a run of digits starts: a match starting inside a run would have matched from
// its start (the leftmost match), and without the lookbehind a long run with no unit after it was tried
// from each of its digits (a line of 30,000 digits took a second; a megabyte, minutes).
const AMOUNT = new RegExp(`((?<![民公条合契制节预签履违特相邀守规践誓缔解爽续立])约|[近逾超])?(?<!\\d)(\\d+(?:\\.\\d+)?)(?:([余多])?(${UNIT})(以上|左右|以下)?|\\s?([%％]))`, 'g');

/** Every amount in `text`, in order. */
export function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  const excluded = excludedRanges(text);
  for (const m of allMatches(AMOUNT, text)) {
    const [whole, before, digits, after, unit, trailing, percentSign] = m;
    const start = m.index!;
    const numberStart = start + (before ? before.length : 0);
    const end = start + whole.length;
    if (inRanges(excluded, numberStart)) continue;
    // A half-width full stop ends the sentence ("通过率达100%."); one before a digit or letter continues a number or name.
    if (!precededWell(text, numberStart) || /^(?:[\dA-Za-z]|[.．][\dA-Za-z])/.test(text.slice(end, end + 2))) continue;
    if (unit && NOT_A_COUNT_AFTER[unit[unit.length - 1]!]?.test(text.slice(end - (trailing?.length ?? 0)))) continue;
    if (unit && /^\d{4}$/.test(digits!) && /^[年月日]/.test(text.slice(end))) continue;
    if (after && percentSign) continue;
    const qualifier = before ? { text: before, position: 'before' as const } : after ? { text: after, position: 'after' as const } : trailing ? { text: trailing, position: 'after' as const } : undefined;
    if (after && trailing) continue; // "20余名以上": two qualifiers, not one figure
    const decimals = digits!.includes('.') ? digits!.length - digits!.indexOf('.') - 1 : 0;
    out.push({ start, end, text: whole, value: Number(digits), unit: unit ?? undefined, percent: !!percentSign, decimals, qualifier });
  }
  return out;
}

/** Not a count: "第3次", "每月1次", "3-5人", "1,200", "No.3", "3.15", "2020.12". */
function precededWell(text: string, at: number): boolean {
  const previous = text[at - 1] ?? '';
  if (/[\d.．A-Za-z\-－—~～+＋/·]/.test(previous)) return false;
  if (/[,，]/.test(previous) && /\d/.test(text[at - 2] ?? '')) return false;
  if (previous === '第' || previous === '每' || previous === '前' || previous === '近' && /每/.test(text[at - 2] ?? '')) return false;
  return !/每[^，。；、]{0,3}$/.test(text.slice(Math.max(0, at - 4), at));
}

const EXCLUDED = /《[^《》]*》|〔[^〔〕]*〕\s*\d*号?|\[[^[\]]*\]\s*\d*号?|“[^”]{0,12}”/g;

/** Titles 《…》, document numbers 〔…〕号 and quoted names “…”: numbers there are not amounts. */
function excludedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of allMatches(EXCLUDED, text)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
