// Import step 1: the input's lines, with Word debris and web-page furniture removed (each noted).
import { EMPTY_COUNTER_PREFIX, furnitureKind, isSentence, labelledTitle, PUBLISHED_PREFIX, titleCell, titleThenMetadata, writtenOnOf } from './furniture.js';
import { typedNumber } from './numbers.js';
import { trimEdgeSpace, readable, type Line, type Note } from './types.js';

// Up to the next ] — or the next [, where the next bookmark would start: a line of unclosed ones is read once.
const BOOKMARK = /\[bookmark:[^[\]\r\n]*\]/g;
const DASHED_PAGE = /^[-—－–]\s*\d{1,3}\s*[-—－–]$|^第\s*\d{1,3}\s*页(?:\s*(?:[，,]\s*)?共\s*\d{1,3}\s*页)?$/;

/** Lines, debris removed; returns the lines and the numbers of lines whose edges were trimmed. */
/** The page's own 成文日期 (its information bar above the report), as “2022年2月11日”, and its line. */
export interface PageDate {
  text: string;
  line: number;
}

/**
 * The line breaks of a source text: a text whose lines end in U+2028 or U+2029 (some web pages and tools) or
 * NEL (U+0085, a mainframe's) is read line by line too, not as one paragraph of all its headings
 * (sourcePositions splits the same way, so that findings are placed on the same lines).
 */
export const SOURCE_LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\u0085/;

export function readLines(text: string, note: Note): { lines: Line[]; trimmed: number[]; pageDate: PageDate | undefined; publisher: PageDate | undefined } {
  const lines: Line[] = text.replace(/^\ufeff/, '').split(SOURCE_LINE_BREAK).map((raw, i) => ({ n: i + 1, raw, text: raw }));
  if (lines.length > 1 && lines[lines.length - 1]!.raw === '') lines.pop(); // the final newline ends a line, it is not a blank line
  const trimmed: number[] = [];
  for (const line of lines) {
    for (const match of line.text.matchAll(BOOKMARK)) note(line.n, `Word 书签残留“${match[0]}”`, 'Word 导出纯文本时留下的书签标记，不是报告的文字');
    const cleaned = line.text.replace(BOOKMARK, '');
    line.text = trimEdgeSpace(cleaned);
    if (line.text && line.text !== cleaned) trimmed.push(line.n);
    if (DASHED_PAGE.test(line.text)) {
      note(line.n, `页码“${line.text}”`, 'Word 的页码，渲染时按 GB/T 9704 重新生成');
      line.text = '';
    }
  }
  removePinyin(lines, note);
  removeWatermarks(lines, note);
  removeStamps(lines, note);
  const { pageDate, publisher } = removeFurniture(lines, note);
  removePageChunkNumbers(lines, note);
  joinWrappedLines(lines, note);
  joinParagraphsCutBeforeAClosingMark(lines, note);
  const wrappedAtSpaces = linesWrappedAtSpaces(lines);
  const split = splitRunTogetherParts(splitTitleOff(lines, note), note);
  return { lines: wrappedAtSpaces.size ? joinWrapSpaces(split, wrappedAtSpaces, note) : split, trimmed, pageDate, publisher };
}

/**
 * The width a text was wrapped at (a PDF's lines copied as they were laid out, or with a space where each line
 * ended): the length most of the given stretches have, give or take a character (a half-width comma or
 * digit). Undefined unless WRAPPED_AT_WIDTH stretches or more have it and they are two thirds of all.
 */
function wrapWidth(lengths: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const length of lengths) if (length >= WRAP_WIDTH_MIN && length <= WRAP_WIDTH_MAX) counts.set(length, (counts.get(length) ?? 0) + 1);
  let best: number | undefined;
  let most = 0;
  for (const [width, count] of counts) {
    const near = count + (counts.get(width - 1) ?? 0) + (counts.get(width + 1) ?? 0);
    if (near > most || (near === most && best !== undefined && width > best)) [best, most] = [width, near];
  }
  return best !== undefined && most >= WRAPPED_AT_WIDTH && most * 3 >= lengths.length * 2 ? best : undefined;
}

/** A PDF's line is this wide or wider (a column of a page, in characters); a wider one is no fixed-width wrap. */
const WRAP_WIDTH_MIN = 12;
const WRAP_WIDTH_MAX = 60;
/** Fewer stretches of one width are a coincidence, not a wrap. */
const WRAPPED_AT_WIDTH = 4;
/** A row of a table (cells parted by bars or tabs, padded to one width): no wrapped prose. */
const NEVER_WRAPPED = /[|｜\t]/;
/** A title on its line (……报告 with no comma in it) as wide as the text's lines by chance: not run into the first paragraph. */
const titleAlone = (text: string) => /(?:报告|总结|汇报)$/.test(text) && !/[，,、]/.test(text);

/** A line that ends a sentence or a clause that may end a line: no wrap in the middle of a sentence. */
const ENDS_SENTENCE = /[。！？；：!?;:”’」』）)]$/;

/**
 * A PDF's text copied with its layout: each paragraph broken into lines of one width, in the middle of a word
 * (“紧紧围绕县、镇中心工作,增” / “强依法行政意识”). When most lines that stop in the middle of a sentence are of
 * one width, each such line of that width is joined with the line right after it (not a typed heading, no
 * blank line between): the paragraph is one line again. The joined line keeps the first line's number (the
 * source positions find its characters in the lines after it).
 */
function joinWrappedLines(lines: Line[], note: Note): void {
  const cut = lines.filter((l) => l.text.length >= WRAP_WIDTH_MIN && !ENDS_SENTENCE.test(l.text) && !typedNumber(l.text) && !NEVER_WRAPPED.test(l.text) && !titleAlone(l.text));
  if (cut.length < WRAPPED_AT_WIDTH) return;
  const width = wrapWidth(cut.map((l) => l.text.length));
  if (width === undefined) return;
  const wraps = (text: string) => Math.abs(text.length - width) <= 1 && !ENDS_SENTENCE.test(text) && !NEVER_WRAPPED.test(text) && !titleAlone(text);
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (!first.text || !wraps(first.text)) continue;
    let joined = 0;
    let last = first;
    let lastText = first.text;
    for (let k = i + 1; k < lines.length && wraps(lastText); k++) {
      const next = lines[k]!;
      if (!next.text || typedNumber(next.text)) break;
      first.text += next.text;
      lastText = next.text;
      next.text = '';
      last = next;
      joined++;
    }
    if (joined) note(first.n, `一段断成 ${joined + 1} 行（第${first.n}—${last.n}行）`, `原文按固定宽度（约 ${width} 字）换行，把一句话从中间断开（从 PDF 复制的文字）：接成一段`);
    i += joined;
  }
}

/** A paragraph can never open on a closing mark or a comma: “》要求,坚持……”, “）、……”, “,……”. */
const OPENS_ON_A_CLOSING_MARK = /^[》〉）)〕】，,、；;]/;
const OPENING_OF: Record<string, string> = { '》': '《', '〉': '〈', '）': '（', ')': '(', '〕': '〔', '】': '【' };
/** Blank lines a copy may put between the two halves of a paragraph. */
const BLANKS_IN_A_CUT = 2;

/** How many of `open` in a text are not closed by a `close` after them. */
function unclosed(text: string, open: string, close: string): number {
  let depth = 0;
  for (const c of text) {
    if (c === open) depth++;
    else if (c === close && depth > 0) depth--;
  }
  return depth;
}

/**
 * A paragraph cut in two by a page's line break, the second half opening on the mark that closes the first
 * (“塘沽街道严格遵从《中华人民共和国政府信息公开条例” / blank line / “》要求,坚持……”, 塘沽街道 2020) or on a
 * comma: no paragraph opens so, the two are one. Joined when the first half does not end its sentence and, for
 * a closing bracket, has the bracket open; a cut elsewhere in a sentence (“……力求” / “高质量、……”) is left to
 * the check (BG613), since a paragraph may end without its full stop.
 */
function joinParagraphsCutBeforeAClosingMark(lines: Line[], note: Note): void {
  for (let i = 1; i < lines.length; i++) {
    const second = lines[i]!;
    if (!second.text || !OPENS_ON_A_CLOSING_MARK.test(second.text)) continue;
    let k = i - 1;
    while (k > 0 && !lines[k]!.text && i - k <= BLANKS_IN_A_CUT) k--;
    const first = lines[k]!;
    if (!first.text || ENDS_SENTENCE.test(first.text)) continue;
    const open = OPENING_OF[second.text[0]!];
    if (open && !unclosed(first.text, open, second.text[0]!)) continue;
    note(first.n, `一段断成两段（第${first.n}行与第${second.n}行）`, `下一段以“${second.text[0]}”开头，是上一段的后半（网页在句子中间换了行）：接成一段`);
    first.text += second.text;
    second.text = '';
  }
}

/**
 * The lines of a PDF's text whose line ends became spaces (“在县依法行 政工作领导小组的具体指导下”): spaces in the
 * middle of words, one every so many characters. The stretches between the spaces of such a line are mostly
 * of one width (a paragraph's last stretch, and a heading, are shorter).
 */
function linesWrappedAtSpaces(lines: readonly Line[]): Set<number> {
  const out = new Set<number>();
  for (const line of lines) {
    if (line.text.length < WRAP_WIDTH_MIN * WRAPPED_AT_WIDTH) continue;
    const stretches = line.text.split(/[ \u3000]+/).map((s) => s.length);
    // The first and last stretches are cut by the line's own edges.
    if (stretches.length > WRAPPED_AT_WIDTH + 1 && wrapWidth(stretches.slice(1, -1)) !== undefined) out.add(line.n);
  }
  return out;
}

/** A space left where a PDF's line ended, between two characters of which one at least is not a letter or digit. */
const WRAP_SPACE = /(?<=\S)[ \u3000]+(?=\S)/g;
const LETTER_OR_DIGIT = /[A-Za-z0-9]/;

/** The spaces of the lines wrapped at spaces taken out, once the lines are split at their headings (noted once a line). */
function joinWrapSpaces(lines: Line[], wrapped: ReadonlySet<number>, note: Note): Line[] {
  const counted = new Map<number, number>();
  const out = lines.map((line) => {
    if (!wrapped.has(line.n)) return line;
    let removed = 0;
    const text = line.text.replace(WRAP_SPACE, (space, at: number) => {
      if (LETTER_OR_DIGIT.test(line.text[at - 1]!) && LETTER_OR_DIGIT.test(line.text[at + space.length]!)) return space;
      removed++;
      return '';
    });
    counted.set(line.n, (counted.get(line.n) ?? 0) + removed);
    return removed ? { ...line, text } : line;
  });
  for (const [n, removed] of counted) if (removed) note(n, `词中的空格 ${removed} 处`, '原文按固定宽度换行，换行处成了空格，常把一个词断开（从 PDF 复制的文字，如“依法行 政”）：删去');
  return out;
}

/**
 * A title run into the text after it on the first line (a page or a PDF that lost its line breaks):
 * “某县 2025 年度法治政府建设情况报告2025 年,全县……”, “……法治建设工作总结 一、突出……”. Up to 60
 * characters without a sentence mark, ending in 报告/总结/汇报, then the opening year or a typed 一、 / (一).
 */
const TITLE_RUN_IN = /^([^，,。；;：:！!？?“”]{4,60}?(?:报告|总结|汇报))[ \u3000]*(?=(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年|[（(]?[一二三四五六七八九十]{1,3}[、）)])/;
/** Else a title and, after a space, a sentence that opens otherwise (a PDF's text: “依法行政工作自查报告 一年来,……”). */
const TITLE_AT_SPACE = /^([^，,。；;：:！!？?“”\s]{4,60}?(?:报告|总结|汇报))[ \u3000]+(?=[\u4e00-\u9fff]{2})/;

/** How many lines with text may stand above the sentence a title is run into (a listing's name, a site's heading). */
const LINES_ABOVE_A_RUN_IN_TITLE = 3;
/** A short line with no sentence in it. */
const isShortLine = (text: string) => text.length <= 40 && !/[，,。；;！!？?]/.test(text);

/**
 * The title written twice back to back, the second copy with a word swapped for a synonym by a sharing site,
 * run into the text (“法治政府建设年度情况自查报告法治政府建设年度状况自查报告依据……”).
 */
const TITLE_TWICE_RUN_IN = /^([^，,。；;：:！!？?“”\s]{4,40}?(?:报告|总结|汇报))([^，,。；;：:！!？?“”\s]{4,40}?(?:报告|总结|汇报))(?=[^，,。；;：:！!？?])/;

function splitTitleOff(lines: Line[], note: Note): Line[] {
  // The first line with text, or the first sentence below a few short lines (a sharing site's listing above a PDF's text).
  const textAt = lines.findIndex((l) => l.text);
  const sentenceAt = lines.findIndex((l) => isSentence(l.text));
  const above = sentenceAt > textAt ? lines.slice(textAt, sentenceAt).filter((l) => l.text) : [];
  const at = above.length && above.length <= LINES_ABOVE_A_RUN_IN_TITLE && above.every((l) => isShortLine(l.text)) ? sentenceAt : textAt;
  const first = lines[at];
  const twice = first && isSentence(first.text) ? TITLE_TWICE_RUN_IN.exec(first.text) : null;
  const title = first && isSentence(first.text) ? (TITLE_RUN_IN.exec(first.text)?.[1] ?? (twice && copies(twice[1]!, twice[2]!) ? twice[0] : undefined) ?? TITLE_AT_SPACE.exec(first.text)?.[1]) : undefined;
  if (!first || !title || !/\d{4}\s*年|法治|依法行政/.test(title)) return lines;
  note(first.n, `标题与正文连在一行“${title}”`, '原文丢了标题后的换行：标题单独成行，正文从下一行起');
  const rest = first.text.slice(title.length).replace(/^[ \u3000]+/, '');
  const once = titleOnce(title);
  if (once !== title) note(first.n, `重复的标题“${title.slice(once.length).trim()}”`, '网页把标题连写了两次，只保留一次（写在“@标题”里）');
  return [...lines.slice(0, at), { ...first, text: once }, { ...first, text: rest }, ...lines.slice(at + 1)];
}

/** Characters two copies of a title may differ in: a sharing site's copy with words swapped for synonyms (教育局 → 教化局). */
const COPY_SLIPS = 2;

/** A title written twice, with a space between (“某县教育局……报告 某县教化局……报告”) or none: the first copy. */
export function titleOnce(title: string): string {
  const m = /^(\S+)[ \u3000]+(\S+)$/.exec(title);
  if (m) return copies(m[1]!, m[2]!) ? m[1]! : title;
  const half = title.length / 2;
  return Number.isInteger(half) && /(?:报告|总结|汇报)$/.test(title.slice(0, half)) && copies(title.slice(0, half), title.slice(half)) ? title.slice(0, half) : title;
}

/** Two copies of one title: as long, differing in at most COPY_SLIPS characters. */
function copies(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let slips = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) slips++;
  return slips <= COPY_SLIPS;
}

/** A syllable in brackets right after a character, with its tone marked: 內(nèi) 關(guān) 設(shè). */
const PINYIN = /(?<=\p{Script=Han})[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]/gu;
/** Fewer than this many in a whole text are a reading given on purpose (阜(fù)阳), not a page's debris. */
const PINYIN_DEBRIS = 3;

/**
 * Pronunciations a mirror site prints after its characters (ruby text flattened: "內(nèi)蒙古自治區(qū)") are
 * no part of the report: when the text has several, each line loses them (noted once a line).
 */
function removePinyin(lines: Line[], note: Note): void {
  let total = 0;
  for (const line of lines) total += line.text.match(PINYIN)?.length ?? 0;
  if (total < PINYIN_DEBRIS) return;
  for (const line of lines) {
    const found = line.text.match(PINYIN);
    if (!found) continue;
    note(line.n, `拼音注音 ${found.length} 处（如“${found[0]}”）`, '转载网站在字后加的拼音，不是报告的文字');
    line.text = line.text.replace(PINYIN, '');
  }
}

/** A space (or spaces) before a typed 一、, (一) or 1、 inside a line: where a page lost a line break. */
const BREAK_LOST = /(?<=[。！？；：:\u4e00-\u9fff])[ \u3000]+(?=[（(]?[一二三四五六七八九十]{1,3}[、）)]|[1-9]\d?[、．.](?!\d))/g;
/** Fewer than this many such places in a line are a space typed by chance. */
const BREAKS_LOST = 2;
/**
 * Where a line lost its breaks at spaces, a space before a run-in item (一是, 二是) is one more: “……加强法治政府建设方面
 * 一是局党委……” (a 卓尼县 局 2024), “……意识。 二是抓学习……” — the item opens the paragraph after its heading, or the next.
 */
const ITEM_BREAK_LOST = /(?<=[。！？；\u4e00-\u9fff])[ \u3000]+(?=(?:十[一二三四五六七八九]?|[一二三四五六七八九])是)/g;

/**
 * A typed 一、 or (一) right after a full stop, or after the 如下： that leads to the first part, with no space (a PDF's
 * text, a sharing site's one line): where a break was lost when there are two or more.
 */
const GLUED_BREAK = /(?:。|(?<=如下)[：:])(?=[（(]?[一二三四五六七八九十]{1,3}[、）)])/g;
/** Within a part opened by 一、, its first (一) run into its heading (“……凝聚法治共识(一)强化理论武装”). */
const FIRST_SUB_HEADING = /^[一二三四五六七八九十]{1,3}、[^。；;：:！!？?]{2,40}?(?=[（(]一[）)])/;

/** A typed number, a short heading and, after a space, its paragraph: “(一)加强组织领导,奠定依法行政基础 成立以……” (one ending in 。 runs in as typed). */
const HEADING_THEN_TEXT = /^([（(]?[一二三四五六七八九十]{1,3}[、）)][^ \u3000。；;]{1,29}[\u4e00-\u9fff])[ \u3000]+(?=[^ \u3000]{10})/;

/** A typed number and a short heading run into a paragraph that opens with its year: “二、落实领导班子集体学法2021年,我镇……”. */
const HEADING_THEN_YEAR = /^([（(]?[一二三四五六七八九十]{1,3}[、）)][^，,。；;：:！!？?“”\d]{2,29}?[\u4e00-\u9fff])(?=(?:\d{4}|[\dxX]{2}[xX]{2})年度?[，,])/;

/**
 * A page that lost its line breaks puts headings and paragraphs on one line, spaces where the breaks were
 * ("……报告如下。 一、2024年推进法治政府建设的主要举措和成效 (一)推进政务服务智慧便民。……"), or nothing
 * after a full stop ("……法治保障。一、以思想引领为先导……(一)强化理论武装……。(二)加强……"): such a line is
 * split before each typed 一、 / (一) that follows a space, when there are at least two, or a full stop,
 * when there are at least two; and a part opened by 一、 before its first (一), a heading before the
 * paragraph it lost its break to at a space or before the year that opens it. The parts keep the line's
 * number (findings are placed in it); the spaces go, as at a line's edges.
 */
function splitRunTogetherParts(lines: Line[], note: Note): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const text = line.text;
    const numbered = (at: number) => !!typedNumber(text.slice(at));
    const spaced = [...text.matchAll(BREAK_LOST)].filter((m) => numbered(m.index! + m[0].length)).map((m) => ({ at: m.index!, skip: m[0].length }));
    const glued = text.includes('。') || text.includes('如下') ? [...text.matchAll(GLUED_BREAK)].filter((m) => numbered(m.index! + 1)).map((m) => ({ at: m.index! + 1, skip: 0 })) : [];
    const items = spaced.length >= BREAKS_LOST ? [...text.matchAll(ITEM_BREAK_LOST)].map((m) => ({ at: m.index!, skip: m[0].length })) : [];
    const cuts = [...(spaced.length >= BREAKS_LOST ? spaced : []), ...items, ...(glued.length >= BREAKS_LOST ? glued : [])].sort((a, b) => a.at - b.at);
    if (!cuts.length) {
      out.push(line);
      continue;
    }
    const parts: string[] = [];
    let from = 0;
    for (const cut of cuts) {
      parts.push(text.slice(from, cut.at));
      from = cut.at + cut.skip;
    }
    parts.push(text.slice(from));
    const split = parts.flatMap((part) => {
      const heading = FIRST_SUB_HEADING.exec(part)?.[0];
      if (heading) return [heading, part.slice(heading.length)];
      // Where breaks were lost at spaces, a heading's break before its paragraph was lost the same way.
      const spacedHeading = spaced.length >= BREAKS_LOST ? HEADING_THEN_TEXT.exec(part) : null;
      if (spacedHeading) return [spacedHeading[1]!, part.slice(spacedHeading[0].length)];
      const beforeYear = HEADING_THEN_YEAR.exec(part)?.[1];
      return beforeYear ? [beforeYear, part.slice(beforeYear.length)] : [part];
    });
    note(line.n, `一行里连着 ${split.length} 段`, `网页丢了换行，标题和段落连在一行${spaced.length >= BREAKS_LOST ? '、中间留着空格：在每个序号前分开（空格不写入）' : '：在每个序号前分开'}`);
    for (const part of split) out.push({ ...line, text: part });
  }
  return out;
}

const CHUNK_NUMBER = /^(\d{1,2})、/;
/** A line that stops where a sentence cannot: after a character or a comma, not after 。！？；： or a closing mark. */
const CUT_OFF = /[\u4e00-\u9fff\w，,、]$/;
/** Shorter lines are headings or list items, not a page's fixed-length chunks. */
const CHUNK_LENGTH = 100;

/**
 * A document-sharing site's chunk numbers: it cuts the text into chunks of about the same length and
 * numbers them "1、" "2、" … at each chunk's start, often in the middle of a word ("…强化行政权力的制约和监督、依" /
 * "2、法有效化解社会矛盾纠纷"). Such numbers follow one another from 1, and each one after the first comes
 * right after a long line that stops mid-sentence: then they are removed (the chunks stay separate lines).
 */
function removePageChunkNumbers(lines: Line[], note: Note): void {
  const text = lines.filter((l) => l.text);
  if (!text.length || CHUNK_NUMBER.exec(text[0]!.text)?.[1] !== '1') return;
  const chunks = [text[0]!];
  for (let i = 1; i < text.length; i++) {
    const number = CHUNK_NUMBER.exec(text[i]!.text)?.[1];
    const previous = text[i - 1]!.text;
    if (number === undefined) continue;
    if (Number(number) !== chunks.length + 1 || previous.length < CHUNK_LENGTH || !CUT_OFF.test(previous)) return;
    chunks.push(text[i]!);
  }
  if (chunks.length < 2) return;
  for (const line of chunks) {
    const number = CHUNK_NUMBER.exec(line.text)![0];
    note(line.n, `分段序号“${number}”`, '文档分享网站把全文切成等长的段并编上序号，常把一句话从中间断开：不是报告的序号（断开的句子请接起来）');
    line.text = line.text.slice(number.length);
  }
}

/** A site's name and address where a line ends (or as the whole line): “ 公文汇 www.gongwenhui.com”. */
// Spaces before the name are taken from the first of a run only (one scan per run, not one per space).
const SITE_MARK = /(?:^|(?<![ \u3000])[ \u3000]+)([\u4e00-\u9fff]{2,8})[ \u3000]*(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+\.(?:com|cn|net|org)(?:\.cn)?\/?$/i;

/**
 * A document-sharing site's watermark: its name and address added at the end of lines (“……主要举措和成效
 * 公文汇 www.gongwenhui.com”), and its name with a slogan (“ 公文汇,办公文档之家”) once the name is known
 * from an address, when there are two or more. Removed from every line (a line of nothing else goes), each noted.
 */
const WATERMARKS = 2;

/** A watermark stands at a line's end: only so much of it is searched (the patterns would try every space of a long line). */
const WATERMARK_REACH = 80;

/** SITE_MARK or `slogan` at the end of a line: the match and where it starts in the line. */
function markAtEnd(text: string, pattern: RegExp): { at: number; found: string; name: string } | undefined {
  const from = Math.max(0, text.length - WATERMARK_REACH);
  const m = pattern.exec(text.slice(from));
  return m ? { at: from + m.index, found: m[0], name: m[1] ?? '' } : undefined;
}

function removeWatermarks(lines: Line[], note: Note): void {
  const names = new Set<string>();
  let marked = 0;
  for (const line of lines) {
    const m = line.text.includes('.') ? markAtEnd(line.text, SITE_MARK) : undefined;
    if (!m) continue;
    names.add(m.name);
    marked++;
  }
  // One address at the end of a line is a sentence naming a site (“请登录某某网 www.……”), not a watermark.
  if (marked < WATERMARKS) return;
  // The spaces before the name are taken from the start of their run only, as SITE_MARK does: tried from each
  // space, a run of them was quadratic.
  const slogan = new RegExp(`(?:^|(?<![ \\u3000])[ \\u3000]+)(?:${[...names].join('|')})[,，、\\s][\\u4e00-\\u9fff]{2,10}$`);
  for (const line of lines) {
    const m = markAtEnd(line.text, SITE_MARK) ?? markAtEnd(line.text, slogan);
    if (!m) continue;
    note(line.n, `网站水印“${m.found.trim()}”`, '文档分享网站加在行末的站名和网址，不是报告的文字');
    line.text = line.text.slice(0, m.at);
  }
}

/** A site's address: www.mishuzj.com (a few labels at most: “www.www.www……” cannot make it try the rest of a line from each). */
const ADDRESS = /(?:https?:\/\/)?www\.[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,3}\.(?:com|cn|net|org)\/?/gi;
/** What a stamp before its address may hold: the site's name and slogan (秘书之家—全网资源每日更新). */
const STAMP_CHARACTER = /[\u4e00-\u9fff—\-－·|｜ \u3000]/;
/** A sentence that sends the reader to a site (请登录…, 访问…网站) is no stamp. */
const POINTS_TO_SITE = /登录|登陆|访问|网址|网站|浏览|点击|关注|扫描/;

/**
 * A sharing site's stamp stamped anywhere, in the middle of a sentence too: “秘书之家—全网资源每日更新www.mishuzj.com”
 * at the top and again in “扛牢法治建设第一秘书之家—全网资源每日更新www.mishuzj.com责任人职责”. The same address
 * two or more times, after the same words (at least four: the name and slogan every copy shares): each copy is
 * removed, noted. Only lines with “www.” are looked at.
 */
function removeStamps(lines: Line[], note: Note): void {
  const byAddress = new Map<string, Array<{ line: Line; at: number; end: number }>>();
  for (const line of lines) {
    if (!line.text.includes('www.')) continue;
    for (const m of line.text.matchAll(ADDRESS)) {
      const key = m[0].toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, '');
      const list = byAddress.get(key) ?? [];
      list.push({ line, at: m.index!, end: m.index! + m[0].length });
      byAddress.set(key, list);
    }
  }
  for (const copies of byAddress.values()) {
    if (copies.length < WATERMARKS) continue;
    // The words every copy has right before the address, as far as a stamp's characters reach.
    let common = copies[0]!.line.text.slice(Math.max(0, copies[0]!.at - 30), copies[0]!.at);
    for (const c of copies.slice(1)) {
      const before = c.line.text.slice(Math.max(0, c.at - 30), c.at);
      let k = 0;
      while (k < common.length && k < before.length && common[common.length - 1 - k] === before[before.length - 1 - k]) k++;
      common = common.slice(common.length - k);
    }
    let start = common.length;
    while (start > 0 && STAMP_CHARACTER.test(common[start - 1]!)) start--;
    const stamp = common.slice(start).replace(/^[ \u3000]+/, '');
    if ([...stamp.matchAll(/[\u4e00-\u9fff]/g)].length < 4 || POINTS_TO_SITE.test(stamp)) continue;
    // Each line rebuilt once, its copies cut out in order (one at a time would copy the line for each).
    const byLine = new Map<Line, Array<{ at: number; end: number }>>();
    for (const c of copies) {
      const cuts = byLine.get(c.line);
      if (cuts) cuts.push(c);
      else byLine.set(c.line, [c]);
    }
    for (const [line, cuts] of byLine) {
      const kept: string[] = [];
      let from = 0;
      for (const c of cuts) {
        kept.push(line.text.slice(from, c.at - stamp.length));
        note(line.n, `网站水印“${line.text.slice(c.at - stamp.length, c.end)}”`, '文档分享网站加在文中的站名、口号和网址，不是报告的文字');
        from = c.end;
      }
      kept.push(line.text.slice(from));
      line.text = kept.join('');
    }
  }
}

const LIST_BULLET = /^[•·▪]\s*/;

/**
 * Web-page furniture: anywhere for links and controls, above the first sentence for the rest. When the
 * page's information bar above was a bulleted list (• 来源: 司法厅), the first sentence caught in it
 * loses the list's bullet too. Returns the page's 成文日期 when its information bar gives one.
 */
/** A metadata label with nothing after it: its value is on the next line. */
const BARE_LABEL = /^[-•·*\s\u3000]*([\u4e00-\u9fff]{2,6})\s*[:：]\s*$/;
/** A label's value on a line of its own: short, no sentence, not the title (“- 温建〔2022〕4号”, “- 主动公开”). */
const LABEL_VALUE = /^[-•·*\s\u3000]*[^，,。；;：:]{1,40}$/;

/**
 * A line shaped like a report's title, never a label's value: ending in a kind of report, or naming a year and
 * the work reported on (“四川省教育厅2025年法治政府建设工作情况” under an empty “• 主题分类:”, 四川省教育厅 2025).
 */
const titleShaped = (text: string) => /(?:报告|总结|汇报)$/.test(text) || (/(?:19|20)\d{2}\s*年/.test(text) && /法治|依法行政|述法/.test(text));

/** The publisher in a page's information bar or table: “发布机构 | 肃南县林草局”, “发布机构:惠安县交通运输局”. */
const PUBLISHER = /发布(?:机构|单位)[ \u3000]*(?:[:：\]】|｜][ \u3000|｜]*)?([\u4e00-\u9fff]{3,30})/;

function removeFurniture(lines: Line[], note: Note): { pageDate: PageDate | undefined; publisher: PageDate | undefined } {
  let top = true;
  let bulletedBar = false;
  let pageDate: PageDate | undefined;
  let publisher: PageDate | undefined;
  // A label alone (“- 成文日期:”) whose value the page's list put on the next line (“- 2022-01-10”).
  let label = '';
  for (const line of lines) {
    if (!line.text) continue;
    const cell = top ? titleCell(line.text) : undefined;
    if (cell) {
      note(line.n, `网页表格线“${line.text.replace(cell, '').trim()}”`, '标题在网页信息表的一格里，表格线不是报告的文字');
      line.text = cell;
    }
    const labelled = top ? labelledTitle(line.text) : undefined;
    if (labelled) {
      note(line.n, `网页信息栏的标签“${labelled.label}”`, '标题前的标签是网页信息表的一格，不是报告的文字');
      line.text = labelled.title;
    }
    const titled = top && !labelled ? titleThenMetadata(line.text) : undefined;
    if (titled) {
      note(line.n, `网页信息栏“${titled.metadata}”`, '网页把发布信息接在标题后面同一行，不是报告的文字（标题照原样保留）');
      line.text = titled.title;
    }
    const furniture = furnitureKind(readable(line.text), top);
    const value = top && label && LABEL_VALUE.test(line.text) && !titleShaped(line.text) ? label : '';
    const kind = furniture ?? (value ? '网页信息栏' : undefined);
    label = top && furniture === '网页信息栏' && !value ? (BARE_LABEL.exec(readable(line.text))?.[1] ?? '') : '';
    if (value && !pageDate) {
      const written = writtenOnOf(`${value}:${readable(line.text).replace(/^[-•·*\s\u3000]+/, '')}`);
      if (written) pageDate = { text: written, line: line.n };
    }
    if (kind) {
      bulletedBar ||= LIST_BULLET.test(line.text);
      const written = kind === '网页信息栏' || kind === '网页导航' ? writtenOnOf(readable(line.text)) : undefined;
      if (written && !pageDate) pageDate = { text: written, line: line.n };
      const published = (kind === '网页信息栏' || kind === '网页导航') && !publisher ? PUBLISHER.exec(readable(line.text))?.[1] : undefined;
      if (published) publisher = { text: published, line: line.n };
      note(line.n, `${kind}“${line.text.length > 40 ? `${line.text.slice(0, 40)}…` : line.text}”`, '从网页复制时带进来的页面内容，不是报告的文字');
      line.text = '';
    } else if (top && bulletedBar && LIST_BULLET.test(line.text) && titleShaped(line.text.replace(LIST_BULLET, ''))) {
      // The title an item of the page's bulleted list too (“• 海南省人民政府……的报告” under “• 当前所在位置:……”).
      note(line.n, `网页列表符号“${line.text[0]}”`, '网页列表的列表符号带到了标题的开头，不是报告的文字');
      line.text = line.text.replace(LIST_BULLET, '');
    } else if (isSentence(line.text)) {
      const published = top ? PUBLISHED_PREFIX.exec(line.text)?.[0] : undefined;
      if (published && isSentence(line.text.slice(published.length))) {
        note(line.n, `网页信息栏“${published.trim()}”`, '网页的发布时间连在了正文第一句前面，不是报告的文字');
        line.text = line.text.slice(published.length);
      }
      const counter = top ? EMPTY_COUNTER_PREFIX.exec(line.text)?.[0] : undefined;
      if (counter && isSentence(line.text.slice(counter.length))) {
        note(line.n, `网页信息栏“${counter.trim()}”`, '网页的计数栏（数字没有复制下来）连在了正文第一句前面，不是报告的文字');
        line.text = line.text.slice(counter.length);
      }
      if (top && bulletedBar && LIST_BULLET.test(line.text)) {
        note(line.n, `网页列表符号“${line.text[0]}”`, '网页信息栏的列表符号带到了正文第一段的开头，不是报告的文字');
        line.text = line.text.replace(LIST_BULLET, '');
      }
      top = false;
    }
  }
  return { pageDate, publisher };
}
