// The numbers Word draws before list paragraphs: each list level's format and text from numbering.xml
// ("%1、" in 中文计数), the lists a heading style names (styles.xml), and the counters that go on from
// paragraph to paragraph as Word counts them.
import { attr, elements, val } from './xml.js';

export interface Level {
  format: string;
  text: string;
  start: number;
  /** Legal numbering (`w:isLgl`, Word's 正规形式编号): the numbers of the levels above are drawn in Arabic digits ("1.1" under "一、"). */
  legal: boolean;
}

const CN_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
export function chineseCount(n: number, digits = CN_DIGITS, ten = '十'): string {
  if (n < 0) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 20) return `${ten}${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}${ten}${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

/** A symbol from a series (①…⑳, 甲乙丙…), or the number itself past its end, as Word goes on. */
const fromSeries = (n: number, series: string) => [...series][n - 1] ?? String(n);
/** A, B … Z, AA, BB …: past ZZZZ (104) as digits, as are numbers below 1 (the letter repeated by the hundred is no number anyone reads). */
const letters = (n: number) => (n >= 1 && n <= 104 ? String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1) : String(n));
/** Roman numerals from 1 to 3999 (beyond, a numeral of thousands of M's): other numbers as digits. */
function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  let out = '';
  for (const [value, sign] of [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']] as const) {
    for (; n >= value; n -= value) out += sign;
  }
  return out;
}

/** A number in a level's w:numFmt, as Word draws it (bullets are drawn by readWordParagraphs as nothing). */
export function formatNumber(n: number, format: string): string {
  if (/^(?:chineseCounting|taiwaneseCounting|japaneseCounting)/.test(format)) return chineseCount(n);
  if (format === 'chineseLegalSimplified' || format === 'ideographLegalTraditional') return chineseCount(n, LEGAL_DIGITS, '拾');
  if (/^(?:ideographDigital|taiwaneseDigital|japaneseDigitalTenThousand)$/.test(format)) return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]!);
  if (format === 'ideographTraditional') return fromSeries(n, '甲乙丙丁戊己庚辛壬癸');
  if (format === 'ideographZodiac') return fromSeries(n, '子丑寅卯辰巳午未申酉戌亥');
  if (format.startsWith('decimalEnclosedCircle')) return fromSeries(n, '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳');
  if (format === 'decimalEnclosedParen') return fromSeries(n, '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇');
  if (format === 'decimalEnclosedFullstop') return fromSeries(n, '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛');
  if (format.startsWith('decimalFullWidth')) return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  // Zero-padded to the width of its custom format (at most nine digits, levelFormat), or Word's two.
  if (format.startsWith('decimalZero')) return String(n).padStart(Math.min(Number(format.split(':')[1]) || 2, 9), '0');
  if (format === 'upperLetter') return letters(n);
  if (format === 'lowerLetter') return letters(n).toLowerCase();
  if (format === 'upperRoman') return roman(n);
  if (format === 'lowerRoman') return roman(n).toLowerCase();
  if (format === 'none' || format === 'bullet') return '';
  return String(n);
}

/**
 * A list instance of numbering.xml (`w:num`): its abstract list, whose counters every instance of it
 * shares (Word continues "2." after "1." though the two paragraphs have different numIds, as LibreOffice
 * writes them), its levels (an instance's `w:lvlOverride` may redefine one) and the levels it restarts
 * (`w:startOverride`: LibreOffice's "restart numbering", applied where the instance is first used).
 */
export interface ListInstance {
  abstractId: string;
  levels: Map<number, Level>;
  restarts: Map<number, number>;
}

/**
 * A list level's index: Word has nine (0–8). Any other value (a damaged or hand-made numbering.xml: "x",
 * 4294967295) is no level — counted with, it made an array of that length ("Invalid array length").
 */
export function levelIndex(value: string | undefined): number | undefined {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n : undefined;
}

/** A level's start or a restart: an integer as Word keeps it (0–32767); anything else starts at 1. */
export function startValue(value: string | undefined): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 0 && n <= 32767 ? n : 1;
}

/**
 * The longest level text read (Word's own are "%1、" or "第%1章"): a number is drawn before each of the
 * list's paragraphs, so a level text of megabytes (a hand-made numbering.xml) drew gigabytes.
 */
const MAX_LEVEL_TEXT = 64;

function readLevels(xml: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of elements(xml, 'lvl')) {
    const ilvl = levelIndex(attr(lvl.open, 'ilvl'));
    if (ilvl === undefined) continue;
    const text = val(lvl.body, 'lvlText') ?? '';
    levels.set(ilvl, {
      format: levelFormat(lvl.body),
      text: text.length <= MAX_LEVEL_TEXT ? text : '',
      start: startValue(val(lvl.body, 'start')),
      legal: /<w:isLgl(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(lvl.body),
    });
  }
  return levels;
}

/**
 * A level's number format. Word 2010 and WPS write a custom one ("001, 002, 003, ...") as
 * `w:numFmt w:val="custom" w:format="…"` with a plain format as fallback: zero-padded digits are read as
 * such (decimalZero:3), any other custom format as its fallback.
 */
function levelFormat(lvl: string): string {
  // A tag's attributes as [^<>]*, here and below: XML has no < inside a tag, and with [^>]* each of many
  // tags left open read on to the next >, quadratic in a hostile part.
  const formats = [...lvl.matchAll(/<w:numFmt\b([^<>]*)>/g)].map((m) => m[1]!);
  const first = formats[0] === undefined ? 'decimal' : (attr(formats[0], 'val') ?? 'decimal');
  if (first !== 'custom') return first;
  const padded = /^\s*(0{1,8}1)\s*,/.exec(attr(formats[0]!, 'format') ?? '')?.[1];
  return padded ? `decimalZero:${padded.length}` : (formats.slice(1).map((f) => attr(f, 'val')).find((f) => f && f !== 'custom') ?? 'decimal');
}

/** numId → its list instance, from numbering.xml. */
export function readNumbering(xml: string | undefined, styles: Map<string, StyleInfo>): Map<string, ListInstance> {
  const out = new Map<string, ListInstance>();
  if (!xml) return out;
  const abstracts = new Map<string, Map<number, Level>>();
  const styleLinks = new Map<string, string>();
  for (const abstract of elements(xml, 'abstractNum')) {
    const id = attr(abstract.open, 'abstractNumId') ?? '';
    abstracts.set(id, readLevels(abstract.body));
    const link = val(abstract.body, 'numStyleLink');
    if (link) styleLinks.set(id, link);
  }
  const nums = new Map(elements(xml, 'num').map((num) => [attr(num.open, 'numId') ?? '', num.body]));
  for (const [numId, body] of nums) {
    let abstractId = val(body, 'abstractNumId') ?? '';
    // A list that uses a list style (Word's "define new list style") has no levels of its own: they are
    // the style's list's (w:numStyleLink → the numbering style → its w:num), and so are its numbers.
    const linkedNum = styleLinks.has(abstractId) ? styles.get(styleLinks.get(abstractId)!)?.numId : undefined;
    if (linkedNum !== undefined) abstractId = val(nums.get(linkedNum) ?? '', 'abstractNumId') ?? abstractId;
    const shared = abstracts.get(abstractId);
    if (!shared) continue;
    const levels = new Map(shared);
    const restarts = new Map<number, number>();
    for (const override of elements(body, 'lvlOverride')) {
      const ilvl = levelIndex(attr(override.open, 'ilvl'));
      if (ilvl === undefined) continue;
      const redefined = readLevels(override.body).get(ilvl);
      if (redefined) levels.set(ilvl, redefined);
      const start = val(override.body, 'startOverride');
      if (start !== undefined) restarts.set(ilvl, startValue(start));
    }
    out.set(numId, { abstractId, levels, restarts });
  }
  return out;
}

export interface StyleInfo {
  /** Heading level 1–4 from the style's name or outline level. */
  level: number | undefined;
  numId: string | undefined;
  ilvl: number;
}

/**
 * Heading levels of styles: "heading 1" / "标题 1" / "一级标题" (公文 styles) / an outline level; and the
 * numbering a style gives, its own or its base style's (`w:basedOn`: "我的标题" based on a numbered
 * Heading 1 is numbered as Word numbers it).
 */
export function readStyles(xml: string | undefined): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  if (!xml) return out;
  const own = new Map<string, { numId: string | undefined; ilvl: string | undefined; basedOn: string | undefined }>();
  for (const style of elements(xml, 'style')) {
    const name = (val(style.body, 'name') ?? '').toLowerCase();
    const outline = val(style.body, 'outlineLvl');
    const byName = /^(?:heading|标题)\s*([1-4])$/.exec(name)?.[1] ?? String('一二三四'.indexOf(/^([一二三四])级标题/.exec(name)?.[1] ?? '-') + 1 || '');
    const level = byName ? Number(byName) : outline !== undefined && Number(outline) < 4 ? Number(outline) + 1 : undefined;
    const id = attr(style.open, 'styleId') ?? '';
    own.set(id, { numId: val(style.body, 'numId'), ilvl: val(style.body, 'ilvl'), basedOn: val(style.body, 'basedOn') });
    out.set(id, { level, numId: undefined, ilvl: 0 });
  }
  for (const [id, info] of out) {
    let numId: string | undefined;
    let ilvl: string | undefined;
    // Up the chain of base styles (at most ten: a cycle in a damaged file ends there).
    for (let at = own.get(id), steps = 0; at && steps < 10 && (numId === undefined || ilvl === undefined); at = own.get(at.basedOn ?? ''), steps++) {
      numId ??= at.numId;
      ilvl ??= at.ilvl;
      if (!at.basedOn) break;
    }
    info.numId = numId;
    info.ilvl = Number(ilvl ?? 0);
  }
  return out;
}

/** Numbers Word draws, counted per list and level (a level restarts under a higher one). */
export class Counters {
  private readonly counts = new Map<string, number[]>();
  /** `restart`: the level starts again at `start` (a list instance's startOverride, on its first use). */
  next(list: string, ilvl: number, start: number, restart = false): number[] {
    const c = this.counts.get(list) ?? [];
    c[ilvl] = restart ? start : (c[ilvl] ?? start - 1) + 1;
    c.length = ilvl + 1;
    this.counts.set(list, c);
    return c;
  }
}

/** The number Word draws before a paragraph of list `numId` at level `ilvl`, counted in its abstract list. */
export function drawnNumber(list: ListInstance, numId: string, ilvl: number, level: Level, counters: Counters, restarted: Set<string>): string {
  const restart = list.restarts.get(ilvl);
  const key = `${numId} ${ilvl}`;
  const restarting = restart !== undefined && !restarted.has(key);
  if (restarting) restarted.add(key);
  const counts = counters.next(list.abstractId, ilvl, restarting ? restart : level.start, restarting);
  // A bullet is a glyph of a symbol font (Wingdings' U+F06C, Symbol's U+F0B7), no number: not written.
  if (level.format === 'bullet') return '';
  return level.text.replace(/%([1-9])/g, (_, k: string) => {
    const shown = list.levels.get(Number(k) - 1);
    const format = shown?.format ?? level.format;
    // A level above that has not been used yet is drawn at its own start ("3.1" under a level starting at 3, not "1.1").
    return formatNumber(counts[Number(k) - 1] ?? shown?.start ?? level.start, level.legal && !format.startsWith('decimal') ? 'decimal' : format);
  });
}
