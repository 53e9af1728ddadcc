// The paragraphs of a .docx with the heading numbers Word draws itself: most real reports number their
// headings with Word's automatic numbering (numbering.xml: a list level's format and text, "%1、" in
// 中文计数) or by heading styles (标题 1 / 一级标题 …) rather than by typing them, so the plain text has
// no numbers and the importer could not tell headings from prose. Here each numbered paragraph gets the
// number Word would print ("一、", "（一）", "1."), and a paragraph in a heading style without numbering
// gets the number of its level — then the importer reads them like typed numbers.
import JSZip from 'jszip';

// Word writes its XML the same way every time: elements are read with patterns, not a DOM (a DOM
// library would bring the browser's types into the whole program).

interface Level {
  format: string;
  text: string;
  start: number;
  /** Legal numbering (`w:isLgl`, Word's 正规形式编号): the numbers of the levels above are drawn in Arabic digits ("1.1" under "一、"). */
  legal: boolean;
}

/** A paragraph as Word shows it: its number (if Word draws one) and its text. */
export interface WordParagraph {
  number: string;
  text: string;
  /** The number is not drawn by Word but given by the paragraph's heading style (see readWord). */
  byStyle?: boolean;
  /** What stands in the paragraph but is not its text: footnote and endnote references, text boxes, review comments, in order. */
  marks?: Mark[];
}

/**
 * A place in a paragraph's text (`at`, in UTF-16 units) where Word shows something that is not the
 * paragraph's own text: a footnote or endnote's reference mark (`id` its w:id; `custom`: the writer typed
 * the mark, which is in the text), a text box or WordArt anchored there (`id` its index in
 * WordDocument.boxes), or a review comment's range.
 */
export interface Mark {
  at: number;
  kind: 'footnote' | 'endnote' | 'box' | 'comment';
  id: string;
  custom?: boolean;
}

/**
 * The blocks `<w:name …>…</w:name>` (or self-closed) of an XML text, with their opening tags' attributes,
 * each ending at the first closing tag after it, in one pass: an element left open is passed over, and
 * once a closing tag is known to be missing it is not searched for again (a pattern searched anew from
 * every opening took 16 s for 80,000 open `<w:p>` in a 400 KB document, and grew with their square).
 */
function elements(xml: string, name: string): Array<{ open: string; body: string }> {
  const out: Array<{ open: string; body: string }> = [];
  eachElement(xml, [name], (element) => out.push({ open: element.attributes, body: element.body }));
  return out;
}

/** `xml` without the named elements, their content included; self-closed and unclosed ones are kept. */
function withoutElements(xml: string, names: readonly string[]): string {
  let out = '';
  let kept = 0;
  eachElement(xml, names, (element) => {
    if (element.selfClosed) return;
    out += xml.slice(kept, element.start);
    kept = element.end;
  });
  return out + xml.slice(kept);
}

interface Element {
  attributes: string;
  /** '' for a self-closed element. */
  body: string;
  selfClosed: boolean;
  start: number;
  end: number;
}

/** Calls `visit` for each element of the names, in order, not looking inside those it visited (linear: see `elements`). */
function eachElement(xml: string, names: readonly string[], visit: (element: Element) => void): void {
  const opening = new RegExp(`<w:(${names.join('|')})(?=[\\s>/])`, 'g');
  const unclosed = new Set<string>();
  for (let m = opening.exec(xml); m; m = opening.exec(xml)) {
    const name = m[1]!;
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd < 0) return;
    const selfClosed = xml.charCodeAt(tagEnd - 1) === 0x2f;
    const attributes = xml.slice(m.index + name.length + 3, selfClosed ? tagEnd - 1 : tagEnd);
    opening.lastIndex = tagEnd + 1;
    if (selfClosed) {
      visit({ attributes, body: '', selfClosed, start: m.index, end: tagEnd + 1 });
      continue;
    }
    const close = `</w:${name}>`;
    const closeAt = unclosed.has(name) ? -1 : xml.indexOf(close, tagEnd + 1);
    if (closeAt < 0) {
      unclosed.add(name);
      continue;
    }
    visit({ attributes, body: xml.slice(tagEnd + 1, closeAt), selfClosed, start: m.index, end: closeAt + close.length });
    opening.lastIndex = closeAt + close.length;
  }
}

/** The value of attribute w:name in a tag, or of the first `<w:element w:val="…">` in a body. */
const attr = (tag: string, name: string) => new RegExp(`\\bw:${name}="([^"]*)"`).exec(tag)?.[1];
const val = (body: string, element: string) => new RegExp(`<w:${element}(?=[\\s>/])[^<>]*?\\bw:val="([^"]*)"`).exec(body)?.[1];

const CN_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
function chineseCount(n: number, digits = CN_DIGITS, ten = '十'): string {
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
interface ListInstance {
  abstractId: string;
  levels: Map<number, Level>;
  restarts: Map<number, number>;
}

/**
 * A list level's index: Word has nine (0–8). Any other value (a damaged or hand-made numbering.xml: "x",
 * 4294967295) is no level — counted with, it made an array of that length ("Invalid array length").
 */
function levelIndex(value: string | undefined): number | undefined {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n : undefined;
}

/** A level's start or a restart: an integer as Word keeps it (0–32767); anything else starts at 1. */
function startValue(value: string | undefined): number {
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
function readNumbering(xml: string | undefined, styles: Map<string, StyleInfo>): Map<string, ListInstance> {
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

interface StyleInfo {
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
function readStyles(xml: string | undefined): Map<string, StyleInfo> {
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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A character reference beyond Unicode (`&#99999999;`) is kept as written. */
const characterOf = (reference: string, e: string) => {
  const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
  return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
};
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (reference, e: string) => ENTITIES[e] ?? characterOf(reference, e));

/**
 * The text of a paragraph as Word prints it with every tracked change accepted: its runs' text, tabs,
 * breaks and hyphens (a non-breaking one as "-", an optional one as nothing, as Word's plain text); text deleted or moved away (w:del, w:moveFrom; its new place is w:moveTo), hidden text
 * (w:vanish), field codes and phonetic guides (拼音指南, the ruby text `w:rt` printed small above its base text) left out.
 */
const SPECIAL_CHARACTERS: Record<string, string> = { tab: '\t', ptab: '\t', br: '\n', cr: '\n', noBreakHyphen: '-', softHyphen: '' };

/**
 * A run's text: a carriage return written as a reference (`&#13;`, which XML keeps) is a line break in the
 * paragraph, as `w:cr` is (“\n”) — left as it was, it ended a `//` line of the import, and the rest of a
 * footnote's or a header's text was read as the report's own (a heading, a directive, a printed paragraph).
 */
function runText(escaped: string): string {
  const text = unescapeXml(escaped);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function paragraphText(body: string): { text: string; marks: Mark[] } {
  const kept = withoutElements(withoutHiddenRuns(body), ['pPr', 'del', 'moveFrom', 'instrText', 'rt']);
  let text = '';
  const marks: Mark[] = [];
  for (const m of kept.matchAll(PARAGRAPH_PIECES)) {
    if (m[4] !== undefined) {
      const kind = m[4] === 'footnoteReference' ? 'footnote' : m[4] === 'endnoteReference' ? 'endnote' : m[4] === BOX_MARK ? 'box' : 'comment';
      const attributes = m[5] ?? '';
      marks.push({ at: text.length, kind, id: attr(attributes, 'id') ?? '', ...(kind !== 'box' && kind !== 'comment' && /\bw:customMarkFollows="(?:1|true|on)"/.test(attributes) ? { custom: true } : {}) });
    } else text += m[1] !== undefined ? runText(m[1]) : m[2] !== undefined ? SPECIAL_CHARACTERS[m[2]]! : symbol(m[3]!);
  }
  return { text, marks };
}

/** The element a text box or WordArt is replaced with where it is anchored (see `withBoxesMarked`): a name Word never writes. */
const BOX_MARK = 'baogaoTextBox';
const PARAGRAPH_PIECES = new RegExp(
  `<w:t(?:\\s[^<>]*)?>([^<]*)<\\/w:t>|<w:(tab|ptab|br|cr|noBreakHyphen|softHyphen)\\b[^<>]*\\/>|<w:sym\\b([^<>]*)\\/>|<w:(footnoteReference|endnoteReference|commentReference|commentRangeStart|${BOX_MARK})\\b([^<>]*?)\\/?>`,
  'g',
);

/**
 * A symbol inserted from a symbol font (Insert › Symbol: `w:sym w:font="Symbol" w:char="00B7"`): the
 * character, when its code is one (·, ×, √); a glyph of the font's private area (Wingdings' U+F0FC check
 * mark) has no character to import, and is left out as a bullet is.
 */
function symbol(attributes: string): string {
  const code = parseInt(attr(attributes, 'char') ?? '', 16);
  return code > 0x1f && code <= 0x10ffff && !(code >= 0xe000 && code <= 0xf8ff) && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
}

/**
 * The paragraph mark is deleted or moved away (tracked, `w:del` in the mark's run properties) or hidden
 * (`w:vanish`): Word shows the paragraph joined to the next — and a paragraph hidden whole not at all.
 */
function markDeleted(pPr: string): boolean {
  const mark = elements(pPr, 'rPr')[0]?.body;
  return mark !== undefined && (/<w:(?:del|moveFrom)[\s>/]/.test(mark) || HIDDEN.test(mark));
}

const RUN_START = /<w:r[\s>]/g;
const HIDDEN = /<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>/;

/** A paragraph without the runs Word hides (`<w:vanish/>` in the run's properties: not shown, not printed). */
function withoutHiddenRuns(body: string): string {
  if (!body.includes('<w:vanish')) return body;
  let out = '';
  let at = 0;
  for (;;) {
    RUN_START.lastIndex = at;
    const start = RUN_START.exec(body)?.index;
    // A run is read to its first end tag, once: an unclosed one ends the search (no quadratic rescans).
    const end = start === undefined ? -1 : body.indexOf('</w:r>', start);
    if (start === undefined || end < 0) break;
    const run = body.slice(start, end + 6);
    const properties = /^<w:r[^>]*>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? '';
    out += body.slice(at, start) + (HIDDEN.test(properties) ? '' : run);
    at = end + 6;
  }
  return out + body.slice(at);
}

/** Numbers Word draws, counted per list and level (a level restarts under a higher one). */
class Counters {
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
function drawnNumber(list: ListInstance, numId: string, ilvl: number, level: Level, counters: Counters, restarted: Set<string>): string {
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

/**
 * XML without its comments: Word writes none, but a part edited by hand may comment elements out, and
 * those are not content. Linear: an unclosed comment runs to the end, as an XML reader takes it.
 */
function withoutComments(xml: string): string {
  if (!xml.includes('<!--')) return xml;
  let out = '';
  let at = 0;
  for (let open = xml.indexOf('<!--'); open >= 0; open = xml.indexOf('<!--', at)) {
    out += xml.slice(at, open);
    const close = xml.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
  return out + xml.slice(at);
}

/** The most an XML part of a .docx may inflate to: a real report's document.xml is a few megabytes. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;

/**
 * A part of the zip as text, inflated a chunk at a time and abandoned past MAX_PART_BYTES: a zip bomb
 * (a small file whose document.xml inflates to gigabytes) is refused before it fills the memory.
 */
function readPart(zip: JSZip, name: string, limit = MAX_PART_BYTES, tooLarge = `其中的 ${name} 解压后超过 ${MAX_PART_BYTES / 1024 / 1024} MB`): Promise<string | undefined> {
  const file = zip.file(name);
  if (!file) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stream.removeAllListeners('data');
      stream.destroy();
      reject(new Error(`${tooLarge}，不是一份报告的大小（可能是恶意构造的压缩包），不予读取`));
    });
    stream.on('error', () => reject(new Error(`其中的 ${name} 已损坏，无法解压`)));
    stream.on('end', () => {
      try {
        resolve(withoutComments(decodeXml(Buffer.concat(chunks), name)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="GBK"?>`), read from its first bytes. */
const DECLARED_ENCODING = /^(?:\xef\xbb\xbf)?<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;
const UTF8_LABELS = /^(?:utf-?8|unicode-1-1-utf-8)$/i;

/**
 * An XML part's text by the encoding its first bytes show (XML 1.0, appendix F): Word writes UTF-8, but a
 * part saved by another program as UTF-16 (with or without a byte order mark or a declaration) read as
 * UTF-8 lost every word.
 * A part whose declaration names another encoding (GBK, GB18030, Big5, as a hand-made or converted package
 * has it) is read in it — as UTF-8 its every Chinese character was lost, without a word; one the reader
 * does not know is refused, said in Chinese (`name`: the part's name).
 */
export function decodeXml(bytes: Uint8Array, name = 'XML 部件'): string {
  const [a, b] = bytes;
  // UTF-8 XML has no zero byte: one beside the first character is UTF-16 (with no declaration nor byte order mark too).
  if ((a === 0xff && b === 0xfe) || (a !== 0x00 && b === 0x00)) return new TextDecoder('utf-16le').decode(bytes);
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b !== 0x00 && b !== undefined)) return new TextDecoder('utf-16be').decode(bytes);
  const declared = DECLARED_ENCODING.exec(Buffer.from(bytes.subarray(0, 256)).toString('latin1'))?.[1];
  if (declared && !UTF8_LABELS.test(declared) && !/^utf-?16/i.test(declared)) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(declared.toLowerCase());
    } catch {
      throw new Error(`其中的 ${name} 声明的字符编码“${declared.slice(0, 40)}”无法识别，其文字读不出来：请在 Word 或 WPS 中打开此文档，另存为 .docx 后再导入`);
    }
    return decoder.decode(bytes);
  }
  return new TextDecoder().decode(bytes);
}

/** The relationships of a `.rels` part: each one's id, type's last word ("officeDocument", "styles", "header") and target inside the package. */
function relationships(xml: string | undefined, from: string): Array<{ id: string; type: string; target: string }> {
  const out: Array<{ id: string; type: string; target: string }> = [];
  for (const m of (xml ?? '').matchAll(/<Relationship\b[^<>]*>/g)) {
    const type = /\bType="[^"]*\/([^"/]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (!type || !target || /\bTargetMode="External"/.test(m[0])) continue;
    // A target is relative to the folder of the part whose relationships these are, or, with a leading "/", to the package.
    const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
    for (const step of target.split('/')) {
      if (step === '..') parts.pop();
      else if (step && step !== '.') parts.push(step);
    }
    out.push({ id: /\bId="([^"]*)"/.exec(m[0])?.[1] ?? '', type, target: parts.join('/') });
  }
  return out;
}

/** The targets of relationships by their type's last word: the first of each type. */
function targetsByType(relations: ReadonlyArray<{ type: string; target: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of relations) if (!out.has(r.type)) out.set(r.type, r.target);
  return out;
}

/** The parts of a .docx the reader reads, by the name it gives them (each as the package names it). */
interface DocumentParts {
  document: string;
  numbering: string;
  styles: string;
  footnotes: string;
  endnotes: string;
  comments: string;
  settings: string;
  /** The document's relationships by id (a section names its headers and footers so: `r:id="rId8"`). */
  byId: Map<string, { type: string; target: string }>;
}

/**
 * Where the document's text, numbering, styles, notes and review comments are: named by the package's
 * relationships, as Word reads them — Word for the web writes `word/document22.xml` — else where Word
 * itself puts them.
 */
async function documentParts(zip: JSZip): Promise<DocumentParts> {
  // A relationship to a part that is not there (a damaged package) is passed over for Word's own name.
  const present = (name: string | undefined, usual: string) => (name && zip.file(name) ? name : usual);
  const document = present(targetsByType(relationships(await readPart(zip, '_rels/.rels'), '')).get('officeDocument'), 'word/document.xml');
  const slash = document.lastIndexOf('/');
  const rels = relationships(await readPart(zip, `${document.slice(0, slash + 1)}_rels/${document.slice(slash + 1)}.rels`), document);
  const own = targetsByType(rels);
  const part = (type: string) => present(own.get(type), `word/${type}.xml`);
  const byId = new Map(rels.map((r) => [r.id, { type: r.type, target: r.target }]));
  return { document, numbering: part('numbering'), styles: part('styles'), footnotes: part('footnotes'), endnotes: part('endnotes'), comments: part('comments'), settings: part('settings'), byId };
}

/**
 * A .docx as Word shows it: the body's paragraphs (each with the number Word draws before it, and the
 * marks of what it holds that is not its text), the paragraphs of its text boxes, the text of its
 * footnotes and endnotes by id, and how many review comments it has.
 */
export interface WordDocument {
  paragraphs: WordParagraph[];
  /** The text boxes and WordArt, by the id their marks give: each its paragraphs, a box inside it after the paragraph that holds it. */
  boxes: WordParagraph[][];
  /** Footnotes and endnotes by w:id: their paragraphs' text (separators and continuation notices are no notes). */
  footnotes: Map<string, string[]>;
  endnotes: Map<string, string[]>;
  /** How Word numbers footnote and endnote marks (w:numFmt of w:footnotePr / w:endnotePr; Word's defaults otherwise) and from which number. */
  footnoteFormat: { format: string; start: number };
  endnoteFormat: { format: string; start: number };
  /** Review comments (comments.xml, 审阅 › 批注) with any text. */
  comments: number;
  /**
   * The headers and footers the sections show (a first page's only with 首页不同, even pages' only with
   * 奇偶页不同), each part once, in the order the sections name them: their paragraphs' text, each
   * page-number field (PAGE, NUMPAGES, SECTIONPAGES) as PAGE_FIELD.
   */
  headers: Array<{ kind: 'header' | 'footer'; paragraphs: string[] }>;
  /** Header and footer parts the sections show beyond MAX_HEADER_PARTS: not read, and told (never dropped unsaid). */
  headersLeftOut: number;
}

/** The paragraphs of a .docx, each with the number Word shows before it (or ''). */
export async function readWordParagraphs(buffer: Uint8Array): Promise<WordParagraph[]> {
  return (await readWordDocument(buffer)).paragraphs;
}

/** Reads a .docx: see WordDocument. */
export async function readWordDocument(buffer: Uint8Array): Promise<WordDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new Error('不是有效的 Word 文档（压缩包已损坏、不完整或为空）');
  }
  const parts = await documentParts(zip);
  const [documentXml, numberingXml, stylesXml, footnotesXml, endnotesXml, commentsXml, settingsXml] = await Promise.all(
    [parts.document, parts.numbering, parts.styles, parts.footnotes, parts.endnotes, parts.comments, parts.settings].map((name) => readPart(zip, name)),
  );
  if (!documentXml) throw new Error(`不是 Word 文档（缺少正文部件 ${parts.document}）`);
  // The package's main part is another program's (a workbook, a slide show, a theme saved as .docx).
  if (!/<w:body[\s>/]/.test(documentXml)) throw new Error(`不是 Word 文档（${parts.document} 中没有 Word 的正文，可能是 Excel、PowerPoint 等其他 Office 文件）`);
  // Text another program put in as a whole document or web page (w:altChunk), which Word converts only when it saves.
  if (/<w:altChunk[\s>/]/.test(documentXml)) throw new Error('正文中嵌有其他程序插入、Word 尚未转换的内容（altChunk），其文字读不出来：请在 Word 或 WPS 中打开此文档，另存为 .docx 后再导入');
  const styles = readStyles(stylesXml);
  const numbering = readNumbering(numberingXml, styles);
  // Text boxes hold paragraphs inside a paragraph: each is read on its own, its place marked where it is anchored.
  const boxContents: string[] = [];
  const body = withBoxesMarked(oneAlternative(withoutBoxMarks(documentXml)), boxContents);
  const paragraphs = new StoryReader(styles, numbering).read(body);
  // A text box's paragraphs are numbered by lists of their own: a list in a box leaves the body's numbers as Word draws them.
  const inBoxes = new StoryReader(styles, numbering);
  const boxes: WordParagraph[][] = [];
  for (let k = 0; k < boxContents.length; k++) boxes.push(inBoxes.read(boxContents[k]!));
  const noteFormat = (element: string, fallback: string) => {
    const pr = elements(documentXml, element).pop()?.body ?? '';
    return { format: val(pr, 'numFmt') ?? fallback, start: startValue(val(pr, 'numStart')) || 1 };
  };
  return {
    paragraphs,
    boxes,
    footnotes: readNotes(footnotesXml, 'footnote', styles, numbering),
    endnotes: readNotes(endnotesXml, 'endnote', styles, numbering),
    // Word numbers footnotes 1, 2, 3 and endnotes i, ii, iii unless the section says otherwise.
    footnoteFormat: noteFormat('footnotePr', 'decimal'),
    endnoteFormat: noteFormat('endnotePr', 'lowerRoman'),
    comments: elements(commentsXml ?? '', 'comment').filter((c) => paragraphText(c.body).text.trim()).length,
    ...(await readHeaders(zip, documentXml, settingsXml, parts.byId, new StoryReader(styles, numbering))),
  };
}

/** How many header and footer parts are read at most (a section names up to six; a report has a few sections). */
const MAX_HEADER_PARTS = 64;
const ON = '(?:\\s+w:val="(?:true|1|on)")?\\s*\\/?>';
const TITLE_PAGE = new RegExp(`<w:titlePg${ON}`);
const EVEN_AND_ODD = new RegExp(`<w:evenAndOddHeaders${ON}`);

/**
 * The headers and footers the document's sections show (see WordDocument.headers): named in each section's
 * properties (`w:headerReference w:type="default|first|even" r:id="…"`), found through the document's
 * relationships. A first page's header shows only where the section has 首页不同 (w:titlePg), an even
 * page's only with 奇偶页不同 (w:evenAndOddHeaders in settings.xml): other parts are not printed, and not read.
 */
async function readHeaders(zip: JSZip, documentXml: string, settingsXml: string | undefined, byId: Map<string, { type: string; target: string }>, reader: StoryReader): Promise<Pick<WordDocument, 'headers' | 'headersLeftOut'>> {
  const evenPages = EVEN_AND_ODD.test(settingsXml ?? '');
  const shown: Array<{ kind: 'header' | 'footer'; part: string }> = [];
  const seen = new Set<string>();
  const leftOut = new Set<string>();
  for (const section of elements(documentXml, 'sectPr')) {
    const titlePage = TITLE_PAGE.test(section.body);
    for (const m of section.body.matchAll(/<w:(header|footer)Reference\b([^<>]*)>/g)) {
      const type = attr(m[2]!, 'type') ?? 'default';
      if ((type === 'first' && !titlePage) || (type === 'even' && !evenPages)) continue;
      const target = byId.get(/\br:id="([^"]*)"/.exec(m[2]!)?.[1] ?? '');
      if (!target || target.type !== m[1] || seen.has(target.target)) continue;
      if (seen.size >= MAX_HEADER_PARTS) {
        leftOut.add(target.target);
        continue;
      }
      seen.add(target.target);
      shown.push({ kind: m[1] as 'header' | 'footer', part: target.target });
    }
  }
  const out: WordDocument['headers'] = [];
  // All of them together are held to one part's bound: 64 parts of 4 MB each took 65 s and 1.5 GB, and 64
  // of 32 MB each (a .docx of a few megabytes) would not have ended.
  let left = MAX_PART_BYTES;
  for (const { kind, part } of shown) {
    const xml = await readPart(zip, part, left, `其中的页眉页脚（到 ${part} 为止）解压后共超过 ${MAX_PART_BYTES / 1024 / 1024} MB`);
    if (!xml) continue;
    left -= Buffer.byteLength(xml);
    out.push({ kind, paragraphs: storyLines(reader, oneAlternative(withPageFieldsMarked(withoutBoxMarks(xml)))) });
  }
  return { headers: out, headersLeftOut: leftOut.size };
}

/** What a page-number field of a header or footer is read as: a character of the private area, never a report's. */
export const PAGE_FIELD = '\uE000';
/**
 * The fields that print a page number or a count of pages (page furniture, which the renderer draws anew),
 * and formulas over them (`= PAGE - 1`).
 */
const PAGE_INSTRUCTION = /^\s*(?:PAGE|NUMPAGES|SECTIONPAGES)\b|^\s*=.*\b(?:PAGE|NUMPAGES|SECTIONPAGES)\b/i;
// A tag's attributes as [^<>]* and a fldChar's type looked for once (a lookahead is not entered again): with
// [^>]*? and the type in the pattern, a tag of many attributes left open was read again from each of them.
const FIELD_PIECES = /<w:fldChar\b(?=[^<>]*?\bw:fldCharType="(begin|separate|end)")[^<>]*?(\/?)>(?:<\/w:fldChar>)?|<w:instrText\b[^<>]*>([^<]*)<\/w:instrText>|<w:fldSimple\b([^<>]*?)(\/?)>|(<\/w:fldSimple>)|(<\/w:p>)/g;

/** Fields whose result is what their instruction computes or quotes: `= …`, `QUOTE …`. */
const PRINTS_ITS_INSTRUCTION = /^\s*(?:=|QUOTE\b)/i;

interface OpenField {
  start: number;
  simple: boolean;
  /** Between a complex field's begin and separate: its instruction, where a field nested is part of it. */
  inInstruction: boolean;
  instruction: string;
  /** Whether it prints a page number: its instruction names one, or a field in its instruction is one. */
  page: boolean;
  /** How many paragraphs had ended before it began. */
  paragraphs: number;
}

/**
 * A header's or footer's XML with each page-number field — a simple one (`w:fldSimple w:instr="PAGE"`) or
 * one of field characters (begin, the instruction, separate, the number Word last drew, end) — replaced by
 * a run of PAGE_FIELD: the number drawn is no text (“第 1 页 共 5 页” is “第  页 共  页” on every page). A formula
 * or a quotation whose instruction holds a page field (`{ = { PAGE } - 1 }`) is one too, as a whole; a page
 * field in another field's instruction (a condition) or result is cut alone. A field that runs over a paragraph's end is left as it is. Linear:
 * one pass over the pieces.
 */
function withPageFieldsMarked(xml: string): string {
  if (!xml.includes('<w:fldChar') && !xml.includes('<w:fldSimple')) return xml;
  const cuts: Array<{ start: number; end: number; simple: boolean }> = [];
  const open: OpenField[] = [];
  let paragraphs = 0;
  const finish = (field: OpenField, end: number) => {
    const parent = open.at(-1);
    if (!field.page) return;
    // A page field in a formula's or a quotation's instruction makes that one a page field: the number shown
    // is the outer's. A condition on it (IF { PAGE } > 1 "某某镇人民政府") shows its own words: only the inner
    // field's drawn number is cut.
    if (parent?.inInstruction && PRINTS_ITS_INSTRUCTION.test(parent.instruction)) {
      parent.page = true;
      return;
    }
    if (paragraphs !== field.paragraphs) return;
    // Page fields within it were cut on their own: it is cut as a whole instead.
    while (cuts.length && cuts.at(-1)!.start >= field.start) cuts.pop();
    cuts.push({ start: field.start, end, simple: field.simple });
  };
  for (const m of xml.matchAll(FIELD_PIECES)) {
    const at = m.index;
    const top = open.at(-1);
    if (m[7] !== undefined) paragraphs++;
    else if (m[4] !== undefined) {
      const field: OpenField = { start: at, simple: true, inInstruction: false, instruction: '', page: PAGE_INSTRUCTION.test(unescapeXml(attr(m[4], 'instr') ?? '')), paragraphs };
      if (m[5]) finish(field, at + m[0].length);
      else open.push(field);
    } else if (m[6] !== undefined) {
      if (top?.simple) finish(open.pop()!, at + m[0].length);
    } else if (m[3] !== undefined) {
      if (top && !top.simple && top.inInstruction) top.instruction += unescapeXml(m[3]);
    } else if (m[1] === 'begin') open.push({ start: at, simple: false, inInstruction: true, instruction: '', page: false, paragraphs });
    else if (m[1] === 'separate') {
      if (top && !top.simple && top.inInstruction) {
        top.inInstruction = false;
        top.page ||= PAGE_INSTRUCTION.test(top.instruction);
      }
    } else if (m[1] === 'end' && top && !top.simple) {
      const field = open.pop()!;
      field.page ||= PAGE_INSTRUCTION.test(field.instruction);
      field.inInstruction = false;
      finish(field, at + m[0].length);
    }
  }
  if (cuts.length === 0) return xml;
  let out = '';
  let kept = 0;
  for (const cut of cuts) {
    // A complex field's pieces stand in runs: the cut ends one run inside its begin's and resumes inside its end's.
    out += xml.slice(kept, cut.start) + (cut.simple ? `<w:r><w:t>${PAGE_FIELD}</w:t></w:r>` : `<w:t>${PAGE_FIELD}</w:t>`);
    kept = cut.end;
  }
  return out + xml.slice(kept);
}

/** The text a run shows: its characters, tabs, breaks, hyphens and symbols (PARAGRAPH_PIECES' text). */
const RUN_TEXT = /<w:t(?:\s[^<>]*)?>[^<]*<\/w:t>|<w:(?:tab|ptab|br|cr|noBreakHyphen|softHyphen|sym)\b[^<>]*\/>/g;

/**
 * A story's XML without the text in its fields' instructions. A field's instruction (between its begin and
 * its separate, or its end) is what Word computes, not what it prints; a field nested in it (`{ IF
 * { DOCPROPERTY Company } = "" "…" "…" }`, `{ = { SEQ 表 } + 1 }`, a simple field) keeps the result it last
 * drew there, in runs of text, and that result was read as the paragraph's — beside the outer field's own
 * (`instrText` alone was left out). An instruction not closed within its paragraph (a broken file) is left as
 * it is, so that no paragraph is lost after a stray begin. Linear: one pass over the pieces, the spans merged.
 */
function withoutInstructionText(xml: string): string {
  if (!xml.includes('<w:fldChar')) return xml;
  const spans: Array<{ start: number; end: number }> = [];
  const open: Array<{ start: number; simple: boolean; inInstruction: boolean; paragraphs: number }> = [];
  let paragraphs = 0;
  const closeInstruction = (field: (typeof open)[number], at: number) => {
    field.inInstruction = false;
    if (field.paragraphs === paragraphs) spans.push({ start: field.start, end: at });
  };
  for (const m of xml.matchAll(FIELD_PIECES)) {
    const top = open.at(-1);
    if (m[7] !== undefined) paragraphs++;
    else if (m[4] !== undefined) {
      if (!m[5]) open.push({ start: m.index, simple: true, inInstruction: false, paragraphs });
    } else if (m[6] !== undefined) {
      if (top?.simple) open.pop();
    } else if (m[1] === 'begin') open.push({ start: m.index, simple: false, inInstruction: true, paragraphs });
    else if (m[1] === 'separate') {
      if (top && !top.simple && top.inInstruction) closeInstruction(top, m.index);
    } else if (m[1] === 'end' && top && !top.simple) {
      const field = open.pop()!;
      if (field.inInstruction) closeInstruction(field, m.index);
    }
  }
  if (spans.length === 0) return xml;
  // An inner field's span closes before its outer's: in order of their starts, each outermost one kept once.
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let kept = 0;
  for (const span of spans) {
    if (span.end <= kept) continue;
    const from = Math.max(kept, span.start);
    out += xml.slice(kept, from) + xml.slice(from, span.end).replace(RUN_TEXT, '');
    kept = span.end;
  }
  return out + xml.slice(kept);
}

/** The notes of footnotes.xml or endnotes.xml by id, each its paragraphs' text; the separators Word draws above them are no notes. */
function readNotes(xml: string | undefined, name: 'footnote' | 'endnote', styles: Map<string, StyleInfo>, numbering: Map<string, ListInstance>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!xml) return out;
  const reader = new StoryReader(styles, numbering);
  for (const note of elements(oneAlternative(withoutBoxMarks(xml)), name)) {
    if (/\bw:type="(?:separator|continuationSeparator|continuationNotice)"/.test(note.open)) continue;
    out.set(attr(note.open, 'id') ?? '', storyLines(reader, note.body));
  }
  return out;
}

/** A story's paragraphs as text (each with the number Word draws), then those of the text boxes in it. */
function storyLines(reader: StoryReader, xml: string): string[] {
  const boxes: string[] = [];
  const lines = reader.read(withBoxesMarked(xml, boxes)).map((p) => p.number + p.text);
  for (const box of boxes) for (const p of reader.read(box)) lines.push(p.number + p.text);
  return lines;
}

/** A part without elements named as the reader's own box marks: a hostile file cannot point at a box again. */
const withoutBoxMarks = (xml: string) => (xml.includes(`<w:${BOX_MARK}`) ? xml.replace(new RegExp(`<w:${BOX_MARK}\\b[^<>]*>`, 'g'), '') : xml);

/** Is there text in this XML: runs' text, a text box or WordArt, a symbol, a note's reference? */
const HAS_TEXT = /<w:t[\s>]|<w:txbxContent[\s>]|<v:textpath\b[^<>]*\bstring="[^"]|<w:sym\b|<w:(?:footnote|endnote)Reference\b/;

/**
 * The document with one branch of each `mc:AlternateContent`: a text box Word 2010 writes twice, as
 * DrawingML (`mc:Choice`) and as VML for older readers (`mc:Fallback`), is read once — the first choice
 * with text in it, else the fallback (its only text), else the first choice. Inner alternatives first, in
 * one pass with a stack of those open: any depth of nesting is read whole in linear time (a bound of 16
 * levels, read again at each, lost the text after the 17th's in every level around it).
 */
function oneAlternative(xml: string): string {
  if (!xml.includes('<mc:AlternateContent')) return xml;
  interface Branch {
    choice: boolean;
    content: string;
    text: boolean;
  }
  interface Open {
    tag: string;
    /** All of it as written, inner alternatives resolved: what it stays if it is never closed. */
    all: string;
    text: boolean;
    branches: Branch[];
    current: Branch | undefined;
  }
  const stack: Open[] = [];
  let out = '';
  const add = (chunk: string, text: boolean) => {
    const top = stack.at(-1);
    if (!top) return void (out += chunk);
    top.all += chunk;
    top.text ||= text;
    if (top.current) {
      top.current.content += chunk;
      top.current.text ||= text;
    }
  };
  let kept = 0;
  ALTERNATIVE_TAG.lastIndex = 0;
  for (let m = ALTERNATIVE_TAG.exec(xml); m; m = ALTERNATIVE_TAG.exec(xml)) {
    const chunk = xml.slice(kept, m.index);
    add(chunk, HAS_TEXT.test(chunk));
    kept = m.index + m[0].length;
    const [tag, closing, name, selfClosed] = m as unknown as [string, string, string, string];
    const top = stack.at(-1);
    if (name === 'AlternateContent') {
      if (selfClosed) add(tag, false);
      else if (!closing) stack.push({ tag, all: '', text: false, branches: [], current: undefined });
      else if (!top) add(tag, false);
      else {
        stack.pop();
        const choices = top.branches.filter((b) => b.choice);
        const fallback = top.branches.find((b) => !b.choice);
        const chosen = choices.find((c) => c.text) ?? (fallback?.text ? fallback : (choices[0] ?? fallback));
        add(chosen?.content ?? '', chosen?.text ?? false);
      }
    } else if (top && !selfClosed && !closing && !top.current) {
      top.all += tag;
      top.branches.push((top.current = { choice: name === 'Choice', content: '', text: false }));
    } else if (top?.current && closing && (name === 'Choice') === top.current.choice) {
      top.all += tag;
      top.current = undefined;
    } else add(tag, false);
  }
  add(xml.slice(kept), HAS_TEXT.test(xml.slice(kept)));
  // An alternative left open is none: it stays as written (those in it resolved).
  for (let open = stack.pop(); open; open = stack.pop()) add(open.tag + open.all, open.text);
  return out;
}

const ALTERNATIVE_TAG = /<(\/?)mc:(AlternateContent|Choice|Fallback)(?=[\s>/])[^<>]*?(\/?)>/g;
const BOX_TAG = /<(\/?)w:txbxContent(?=[\s>/])[^<>]*?(\/?)>/g;

/**
 * `xml` with each outermost text box (`w:txbxContent`, in DrawingML and VML alike) and WordArt (VML
 * `v:textpath string="…"`) replaced by a mark of its place, its content pushed to `boxes` (the mark's id
 * is its index there); boxes inside a box are marked in its content in turn. One pass with a stack of the
 * boxes open: any depth of nesting is read whole in linear time (a bound of 16 levels lost the text after
 * the 17th's box in its paragraph).
 */
function withBoxesMarked(xml: string, boxes: string[]): string {
  if (!xml.includes('<w:txbxContent') && !xml.includes('<v:textpath')) return xml;
  const stack: Array<{ tag: string; id: number; content: string }> = [];
  let out = '';
  const add = (chunk: string) => {
    const top = stack.at(-1);
    if (top) top.content += chunk;
    else out += chunk;
  };
  let kept = 0;
  BOX_TAG.lastIndex = 0;
  for (let m = BOX_TAG.exec(xml); m; m = BOX_TAG.exec(xml)) {
    add(xml.slice(kept, m.index));
    kept = m.index + m[0].length;
    const [tag, closing, selfClosed] = m as unknown as [string, string, string];
    if (selfClosed || (closing && stack.length === 0)) add(tag); // nothing in it, or closing none
    else if (!closing) {
      stack.push({ tag, id: boxes.length, content: '' });
      boxes.push('');
    } else {
      const box = stack.pop()!;
      boxes[box.id] = withWordArtMarked(box.content, boxes);
      add(`<w:${BOX_MARK} w:id="${box.id}"/>`);
    }
  }
  add(xml.slice(kept));
  // A box left open is none: it stays as written (the boxes in it marked).
  for (let open = stack.pop(); open; open = stack.pop()) add(open.tag + open.content);
  return withWordArtMarked(out, boxes);
}

/** WordArt of VML (a 红头 set as 艺术字) keeps its words in an attribute: a box of one paragraph. */
function withWordArtMarked(xml: string, boxes: string[]): string {
  if (!xml.includes('<v:textpath')) return xml;
  // The tag first, then its string (one pattern for both rescanned a tag of many attributes from each).
  return xml.replace(/<v:textpath\b([^<>]*)>/g, (tag, attributes: string) => {
    const words = /\bstring="([^"]*)"/.exec(attributes)?.[1];
    if (words === undefined) return tag;
    boxes.push(`<w:p><w:r><w:t>${words}</w:t></w:r></w:p>`);
    return `<w:${BOX_MARK} w:id="${boxes.length - 1}"/>`;
  });
}

/**
 * Reads the paragraphs of a story (the body, a text box, a note), with the numbers Word draws: the lists'
 * counters go on from one story read to the next of the same reader.
 */
class StoryReader {
  private readonly counters = new Counters();
  private readonly byStyle = new Counters();
  private readonly restarted = new Set<string>();

  constructor(
    private readonly styles: Map<string, StyleInfo>,
    private readonly numbering: Map<string, ListInstance>,
  ) {}

  read(story: string): WordParagraph[] {
    const xml = withoutInstructionText(story);
    const out: WordParagraph[] = [];
    // The text of paragraphs whose mark is deleted (tracked): Word shows it at the start of the next one.
    let joined = '';
    let joinedMarks: Mark[] = [];
    for (const p of elements(xml, 'p')) {
      const pPr = elements(p.body, 'pPr')[0]?.body ?? '';
      const own = paragraphText(p.body);
      const text = joined + own.text;
      const marks = [...joinedMarks, ...own.marks.map((m) => ({ ...m, at: m.at + joined.length }))];
      if (markDeleted(pPr)) {
        joined = text;
        joinedMarks = marks;
        continue;
      }
      joined = '';
      joinedMarks = [];
      const withMarks = marks.length ? { marks } : {};
      const style = this.styles.get(val(pPr, 'pStyle') ?? '');
      const numId = val(pPr, 'numId') ?? style?.numId;
      const ilvl = levelIndex(val(pPr, 'ilvl') ?? String(style?.ilvl ?? 0));
      const list = numId && numId !== '0' ? this.numbering.get(numId) : undefined;
      const level = ilvl === undefined ? undefined : list?.levels.get(ilvl);
      // Word draws a list's number on an empty paragraph too, and counts it.
      if (list && level) {
        out.push({ number: drawnNumber(list, numId!, ilvl!, level, this.counters, this.restarted), text, ...withMarks });
      } else if (style?.level && text.trim() && numId !== '0') {
        const counts = this.byStyle.next('style', style.level - 1, 1);
        out.push({ number: [`${chineseCount(counts[0] ?? 1)}、`, `（${chineseCount(counts[1] ?? 1)}）`, `${counts[2] ?? 1}.`, `（${counts[3] ?? 1}）`][style.level - 1]!, text, byStyle: true, ...withMarks });
      } else out.push({ number: '', text, ...withMarks });
    }
    if (joined || joinedMarks.length) out.push({ number: '', text: joined, ...(joinedMarks.length ? { marks: joinedMarks } : {}) });
    return out;
  }
}
