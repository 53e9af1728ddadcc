// What the import steps share: the input's lines, the blocks written, and the notes of what was removed.
import { isWhiteSpace } from '../whiteSpace.js';
import type { PartLabel } from './parts.js';

/** One thing the importer removed or decided, for the writer to review. */
export interface ImportNote {
  /** 1-based line of the input. */
  line: number;
  /** What was removed or changed (Chinese). */
  what: string;
  /** Why (Chinese). */
  why: string;
}

/** A defect of the source the importer found (not a removal): reported by `baogao check` on the source. */
export interface ImportFinding {
  /** 1-based line of the input. */
  line: number;
  /** 1-based column of the input line where it starts, when known (a typed number in a line split from one source line). */
  column?: number;
  code: string;
  message: string;
}

export type Note = (line: number, what: string, why: string) => void;

/**
 * Text of a Word file beside its body's paragraphs (server/node/readWord.ts): a footnote's or endnote's
 * text, a text box's, or a header's or footer's, to be kept where it belongs — the report language has no
 * notes, boxes, headers or footers.
 */
export interface SourceAside {
  /** 1-based line of the source text (Word: paragraph) it belongs after: the one citing the note, or holding the box's anchor (a header or footer: 1, and it goes before the body). */
  line: number;
  kind: 'footnote' | 'endnote' | 'box' | 'header' | 'footer';
  /** As Word labels it: 脚注1, 尾注ii (脚注 for a mark the writer typed), 文本框, 页眉, 页脚. */
  label: string;
  /** The last words of its paragraph before the note's mark (where Word prints it); '' at the paragraph's start. */
  after?: string;
  /** Its paragraphs' text, one a line. */
  paragraphs: string[];
}

/** What a Word file holds beside the text of its body's paragraphs. */
export interface WordExtras {
  asides: SourceAside[];
  /** Lines of the text that are a text box's paragraphs (in the title zone at the top, read as the document's lines). */
  boxLines?: number[];
  /** Review comments (审阅 › 批注): how many, and the line (paragraph) of the first one's place. */
  comments?: { count: number; line: number };
  /** How many paragraphs of the headers and footers were only page numbers (第 X 页 共 Y 页, — X —): left out, the renderer numbers pages. */
  pageNumbers?: number;
  /** Header and footer parts past the reader's bound (64): not read, told as BG245. */
  headersLeftOut?: number;
}

export interface Line {
  /** 1-based line number in the input. */
  n: number;
  /** The raw line. */
  raw: string;
  /** Debris removed and trimmed; '' for a blank line. */
  text: string;
}

export type Block = (
  | { kind: 'heading'; level: number; text: string; label?: PartLabel }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; number: number; text: string }
  | { kind: 'directive'; text: string }
  | { kind: 'comment'; text: string; /** The comment of a number alone on its line (BG241). */ loneNumber?: true }
) & { /** The input line it came from (0: none). */ source?: number };

/** A character trimmed at a line's edges: white space as \s sees it (ASCII, full-width, no-break, en/em spaces) and the zero-width ones Word leaves. */
const isEdgeSpace = (c: number) => isWhiteSpace(c) || (c >= 0x200b && c <= 0x200d) || c === 0x2060;

/** `text` without white space at its edges: scanned from each end (a pattern anchored at the end is tried at every space of a long run). */
export function trimEdgeSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isEdgeSpace(text.charCodeAt(start))) start++;
  while (end > start && isEdgeSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

// Traditional characters of the words the importer recognises lines by (報告, 法治政府建設, 發布時間, 來源,
// 鄉鎮縣區, 辦事處, 相關詞條 …), each with its simplified form: one character for one, so offsets stay the same.
const TRADITIONAL = '報總結匯彙設發佈時間來鄉鎮縣區關於機構辦處黨會員組領導擊點數瀏覽訪問閱讀號類題標單編輯責網頁簡體繁務開況說規劃綱計畫議書記歲屆項條詞熱門聯絡們鏈薦';
const SIMPLIFIED = '报总结汇汇设发布时间来乡镇县区关于机构办处党会员组领导击点数浏览访问阅读号类题标单编辑责网页简体繁务开况说规划纲计画议书记岁届项条词热门联络们链荐';
const SIMPLIFIED_OF = new Map([...TRADITIONAL].map((ch, i) => [ch, SIMPLIFIED[i]!]));

/**
 * A line as the importer reads it: those traditional characters in their simplified form, so that a
 * report copied from a site's 繁体 version has its title, kind, 机关 and page furniture recognised. What is
 * written keeps the characters as found (checks then report the script, BG234).
 */
export function readable(text: string): string {
  let out = '';
  for (const ch of text) out += SIMPLIFIED_OF.get(ch) ?? ch;
  return out;
}

/**
 * A name found in `readable(original)` as the original writes it: its longest start found there is taken
 * from `original` (小龍門乡人民政府 → 小龍門鄉人民政府), the rest (words the importer added) as it is.
 */
export function asWritten(found: string, original: string): string {
  const read = readable(original);
  for (let k = found.length; k > 0; k--) {
    const at = read.indexOf(found.slice(0, k));
    if (at >= 0) return original.slice(at, at + k) + found.slice(k);
  }
  return found;
}
