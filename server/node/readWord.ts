// Reading last year's report for `baogao import`: a Word .docx (its paragraphs and Word's own numbers,
// word/document.ts: text extractors such as mammoth drop the numbers Word draws) or a plain
// text file exported from Word, in whatever encoding Word wrote it (UTF-8, UTF-16 with a byte-order
// mark, or the GBK/GB18030 of Chinese Windows).
import * as path from 'node:path';
import { documentRefusal } from '../language/documentSize.js';
import { typedNumber } from '../language/import/numbers.js';
import type { SourceAside, WordExtras } from '../language/import/types.js';
import type { WordParagraph } from './word/document.js';
import { decodeBytes, ENCODING_NAMES, FileRefused, readFileBytes, systemReason } from './files.js';
import { forTerminalLine } from '../terminalText.js';

export interface SourceText {
  text: string;
  /** How the file was read, for the command's message (Chinese). */
  how: string;
  /** A Word file's text that is not in its body's paragraphs (notes, text boxes) and its review comments, for the importer. */
  word?: WordExtras;
}

/**
 * The text of a .docx: one line per Word paragraph (so that line numbers are paragraph numbers), with
 * the heading numbers Word draws itself (automatic numbering, heading and 公文 styles) written in front,
 * as if typed. A title in a heading style is not numbered, nor a paragraph that already has a number.
 */
export async function readWord(buffer: Uint8Array): Promise<string> {
  return (await readWordSource(buffer)).text;
}

/** A paragraph that ends the title zone at the top of a document: a sentence, a long line, a numbered one. */
const PROSE = /[。！？；!?;]/;
const TITLE_ZONE_LINE = 40;
/** How many paragraphs with text the title zone has at most (a 红头, 文号, the title in up to three lines, an addressee). */
const TITLE_ZONE_PARAGRAPHS = 6;
/** A paragraph that may stand in the title zone: no number, no sentence, short. */
const shortLine = (p: WordParagraph) => !p.number && !PROSE.test(p.text) && joinLines(p.text).trim().length <= TITLE_ZONE_LINE;

/**
 * A .docx as text (see readWord) and what it holds beside its body's paragraphs: the text of its footnotes
 * and endnotes and of its text boxes (WordArt too), each placed after the paragraph that cites it or
 * holds its anchor, and how many review comments it has. A text box in the title zone at the top — before
 * any sentence, numbered or long paragraph — whose lines are all short (a 红头, the title set in a box)
 * is read as paragraphs before the one it is anchored in, where the importer's title logic reads them.
 */
export async function readWordSource(buffer: Uint8Array): Promise<{ text: string; word: WordExtras }> {
  const { readWordDocument, formatNumber, PAGE_FIELD } = await import('./word/document.js');
  const document = await readWordDocument(buffer);
  const wordsBefore = lastWordsOfParagraphs();
  const boxParagraphs = (id: number) => paragraphsOfBox(document.boxes, id);
  // Each box is anchored once (the reader marks it once): kept here too, whatever a damaged file says.
  const taken = new Set<string>();
  const boxMarks = (p: WordParagraph) => (p.marks ?? []).filter((m) => m.kind === 'box' && !taken.has(m.id));
  const paragraphs: WordParagraph[] = [];
  const boxLines: number[] = [];
  const asides: SourceAside[] = [];
  const numbered = { footnote: 0, endnote: 0 };
  const cited = new Set<string>();
  let commentLine = 0;
  let titleZone = TITLE_ZONE_PARAGRAPHS;
  /** The notes cited and the boxes anchored in a paragraph, after its line `line`. */
  const marksOf = (p: WordParagraph, line: number, within: boolean) => {
    for (const mark of p.marks ?? []) {
      if (mark.kind === 'comment') commentLine ||= line;
      else if (mark.kind === 'box') {
        // A box inside a box: its paragraphs are the outer box's.
        if (within || taken.has(mark.id)) continue;
        taken.add(mark.id);
        const text = boxParagraphs(Number(mark.id));
        for (const q of text) marksOf(q, line, true);
        const lines = text.map((q) => joinLines(q.number + q.text).trim()).filter(Boolean);
        if (lines.length) asides.push({ line, kind: 'box', label: '文本框', paragraphs: lines });
      } else {
        const key = `${mark.kind} ${mark.id}`;
        const note = (mark.kind === 'footnote' ? document.footnotes : document.endnotes).get(mark.id);
        if (!note || cited.has(key)) continue;
        cited.add(key);
        const how = mark.kind === 'footnote' ? document.footnoteFormat : document.endnoteFormat;
        const label = `${mark.kind === 'footnote' ? '脚注' : '尾注'}${mark.custom ? '' : formatNumber(how.start + numbered[mark.kind]++, how.format)}`;
        const lines = note.map((t) => joinLines(t).trim()).filter(Boolean);
        if (lines.length) asides.push({ line, kind: mark.kind, label, after: wordsBefore(p, mark.at), paragraphs: lines });
      }
    }
  };
  for (const p of document.paragraphs) {
    // Only in the title zone are a paragraph's boxes read here (past it, marksOf reads each once).
    const inBoxes = titleZone > 0 ? boxMarks(p).map((m) => boxParagraphs(Number(m.id))) : [];
    if (inBoxes.length && inBoxes.every((box) => box.every(shortLine))) {
      // The title zone's boxes (a 红头, a title set in a box) are read as its lines, before the paragraph they are anchored in.
      for (const q of inBoxes.flat()) {
        if (!q.text.trim()) continue;
        paragraphs.push({ number: '', text: q.text });
        boxLines.push(paragraphs.length);
        marksOf({ ...q, marks: q.marks?.filter((m) => m.kind !== 'box') }, paragraphs.length, true);
      }
      for (const m of boxMarks(p)) taken.add(m.id);
    }
    paragraphs.push(p);
    marksOf(p, paragraphs.length, false);
    if (p.text.trim()) titleZone = p.number || typedNumber(p.text.trim()) || PROSE.test(p.text) || p.text.trim().length > TITLE_ZONE_LINE ? 0 : titleZone - 1;
  }
  const firstText = paragraphs.findIndex((p) => p.text.trim());
  const text = paragraphs
    .map((p, i) => {
      const text = joinLines(p.text);
      // A title in a heading style gets no number; one Word draws (list numbering) is kept, as Word shows it.
      const isTitle = p.byStyle && i <= firstText + 1 && /(?:报告|总结|汇报|情况)\s*$/.test(text);
      return p.number && !typedNumber(text.trim()) && !isTitle ? `${p.number}${text}` : text;
    })
    .join('\n');
  const furniture = headerAsides(document.headers, PAGE_FIELD);
  asides.push(...furniture.asides);
  return {
    text,
    word: {
      asides,
      boxLines,
      ...(document.comments ? { comments: { count: document.comments, line: commentLine || 1 } } : {}),
      ...(furniture.pageNumbers ? { pageNumbers: furniture.pageNumbers } : {}),
      ...(document.headersLeftOut ? { headersLeftOut: document.headersLeftOut } : {}),
    },
  };
}

/**
 * A page number as headers and footers print it, the field (`field`) or typed digits: “第 X 页”, “共 Y 页”,
 * “第 X 页 / 共 Y 页”, “— X —”, “- X -”, “X / Y”, “页码：X”, “Page X of Y”. Linear in a line: “X / Y” begins
 * only where a run of digits does, and the spaces around 页码's colon are one run each — a line of digits or
 * spaces (a header of 80,000 “1”s took 2.5 s, of 500,000 minutes) is not tried from each of its characters.
 */
const pagePhrases = (field: string) => {
  const n = `(?:[\\d０-９]+|${field})`;
  return new RegExp(`第\\s*${n}\\s*页|共\\s*${n}\\s*页|页码(?:\\s*[:：])?\\s*${n}|page\\s*${n}(?:\\s*of\\s*${n})?|[-—－–]\\s*${n}\\s*[-—－–]|(?<![\\d０-９])${n}\\s*[/／]\\s*${n}|${field}`, 'gi');
};
/** What is left of page furniture once its page numbers are taken out: separators, digits, dashes. */
const ONLY_FURNITURE = /^[\s\d０-９\-—－–~～/／|｜,，.．·•:：()（）\[\]【】]*$/;

/**
 * A box's paragraphs with those of the boxes inside it after the paragraph that holds each (ids grow inward:
 * no cycle). Depth first with a stack of its own: boxes nest as deep as a file makes them (a call a level
 * overflowed the call stack at some thousands).
 */
function paragraphsOfBox(boxes: readonly WordParagraph[][], id: number): WordParagraph[] {
  const out: WordParagraph[] = [];
  const work: Array<number | { p: WordParagraph; box: number }> = [id];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    if (typeof item === 'number') {
      const inBox = boxes[item] ?? [];
      for (let k = inBox.length - 1; k >= 0; k--) work.push({ p: inBox[k]!, box: item });
      continue;
    }
    out.push(item.p);
    const inner = (item.p.marks ?? []).filter((m) => m.kind === 'box' && Number(m.id) > item.box);
    for (let k = inner.length - 1; k >= 0; k--) work.push(Number(inner[k]!.id));
  }
  return out;
}

/**
 * The text of the headers and footers as asides at the top (line 1): each paragraph that is more than page
 * furniture, its page numbers taken out, once (the same header on every section, a first page's like the
 * others'); and how many paragraphs were only page numbers, which the renderer draws itself.
 */
function headerAsides(headers: ReadonlyArray<{ kind: 'header' | 'footer'; paragraphs: string[] }>, field: string): { asides: SourceAside[]; pageNumbers: number } {
  const phrases = pagePhrases(field);
  const asides: SourceAside[] = [];
  const seen = new Set<string>();
  let pageNumbers = 0;
  for (const { kind, paragraphs } of headers) {
    const lines: string[] = [];
    for (const paragraph of paragraphs) {
      const text = joinLines(paragraph).trim();
      const words = text.replace(phrases, ' ').replace(/[ \t\u3000]{2,}/g, (spaces) => spaces[0]!).trim();
      if (ONLY_FURNITURE.test(words)) {
        if (words !== text) pageNumbers++;
        continue;
      }
      if (seen.has(`${kind} ${words}`)) continue;
      seen.add(`${kind} ${words}`);
      lines.push(words);
    }
    if (lines.length) asides.push({ line: 1, kind, label: kind === 'header' ? '页眉' : '页脚', paragraphs: lines });
  }
  return { asides, pageNumbers };
}

/**
 * The last words before a note's mark in a paragraph (see lastWordsBefore), each paragraph's text joined
 * once for all the notes it cites (was: joined again up to each mark — a paragraph citing 10,000 notes
 * took 26 s, 5,000 took 5.6 s). For one read: the paragraphs are held until it ends.
 */
function lastWordsOfParagraphs(): (p: WordParagraph, at: number) => string {
  const joined = new Map<WordParagraph, (at: number) => string>();
  return (p, at) => {
    let words = joined.get(p);
    if (!words) joined.set(p, (words = lastWordsBefore(p.text)));
    return words(at);
  };
}

/**
 * The last words of a paragraph's text before a note's mark at `at`, for the writer to find it: up to ten
 * characters of its text joined (joinLines) and trimmed at the end. Linear in the paragraph for all its
 * marks: the text is joined once, with where each of its offsets went and where the words before each end.
 */
function lastWordsBefore(text: string): (at: number) => string {
  const moved = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    moved[i] = length;
    const c = text[i]!;
    const kept = c !== '\n' ? c : lineBreakAs(text, i);
    if (kept) {
      parts.push(kept);
      length++;
    }
  }
  moved[text.length] = length;
  const joinedText = parts.join('');
  // solidEnd[k]: the end of joinedText.slice(0, k).trimEnd().
  const solidEnd = new Int32Array(length + 1);
  for (let k = 1; k <= length; k++) solidEnd[k] = /\s/.test(joinedText[k - 1]!) ? solidEnd[k - 1]! : k;
  return (at) => {
    const end = solidEnd[moved[Math.max(0, Math.min(at, text.length))]!]!;
    let start = end;
    for (let count = 0; count < 10 && start > 0; count++) {
      start--;
      if (start > 0 && isLowSurrogate(joinedText.charCodeAt(start)) && isHighSurrogate(joinedText.charCodeAt(start - 1))) start--;
    }
    return start > 0 ? `……${joinedText.slice(start, end)}` : joinedText.slice(0, end);
  };
}
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Chinese characters and full-width signs, beside which a line break is not a space. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/**
 * A paragraph's line breaks (Shift+Enter, a page break) as one line: between Chinese characters or signs
 * nothing — the writer typed no space there, and "。 镇" would be a spacing slip (BG609) nobody made —
 * else a space, as between two words.
 */
function joinLines(text: string): string {
  return text.replace(/\n/g, (_, at: number) => lineBreakAs(text, at));
}

/** What the line break at `at` of a paragraph's text becomes when its lines are joined (see joinLines). */
function lineBreakAs(text: string, at: number): '' | ' ' {
  return at === 0 || at + 1 >= text.length || CJK.test(text[at - 1]!) || CJK.test(text[at + 1]!) ? '' : ' ';
}

/** Decodes a plain-text file (see decodeBytes: BOM, strict UTF-8, GB18030). */
export function decodeText(bytes: Uint8Array): SourceText {
  const decoded = decodeBytes(bytes);
  return { text: decoded.text, how: ENCODING_NAMES[decoded.encoding] };
}

export class UnsupportedSource extends Error {}

/** Why a report source could not be read, in Chinese, for the writer (the reader's own reason, or the system's). */
export function sourceProblem(error: unknown, file: string): string {
  return error instanceof UnsupportedSource ? error.message : `无法读取“${forTerminalLine(file)}”：${systemReason(error)}`;
}

/** The name of the stream an encrypted Office document keeps its package in, as a compound file's directory spells it (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * A compound file that is an Office document encrypted with a password: its directory has an entry named
 * EncryptedPackage (entries are 128 bytes, aligned so in the file; the name's length in bytes, with its
 * terminating zero, at 64), not merely those letters somewhere in a .doc's text.
 */
function isEncryptedPackage(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(ENCRYPTED_PACKAGE); at >= 0; at = bytes.indexOf(ENCRYPTED_PACKAGE, at + 1)) {
    if (at % 128 === 0 && bytes[at + 64] === ENCRYPTED_PACKAGE.length + 2 && bytes[at + 65] === 0) return true;
  }
  return false;
}

/** Reads a report to import: .docx as Word shows it, anything else as text. */
export async function readReportSource(file: string): Promise<SourceText> {
  let bytes: Buffer;
  try {
    bytes = readFileBytes(file, 64 * 1024 * 1024);
  } catch (error) {
    throw new UnsupportedSource((error as FileRefused).message);
  }
  const extension = path.extname(file).toLowerCase();
  const compound = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  // A .docx with a password to open is no zip but a compound file holding the encrypted package.
  if (compound && isEncryptedPackage(bytes)) {
    throw new UnsupportedSource(`“${forTerminalLine(file)}”设有打开密码（已加密），无法读取：请在 Word 或 WPS 中打开，取消密码（Word：文件 › 信息 › 保护文档 › 用密码进行加密，清空密码）并保存后再导入。（BG902）`);
  }
  if (extension === '.doc' || compound) {
    throw new UnsupportedSource(`“${forTerminalLine(file)}”是旧版 Word 文档（.doc），请先在 Word 中“另存为” .docx 或纯文本（.txt）。（BG902）`);
  }
  let source: SourceText;
  if (extension === '.docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    try {
      source = { ...(await readWordSource(bytes)), how: 'Word 文档' };
    } catch (error) {
      throw new UnsupportedSource(`无法读取 Word 文档“${forTerminalLine(file)}”：${(error as Error).message}。（BG902）`);
    }
  } else source = decodeText(bytes);
  // The importer and the checks are bounded as a .bg file is: the size of one report (BG905), text (BG908).
  const refusal = documentRefusal(source.text);
  if (refusal) throw new UnsupportedSource(`不导入“${forTerminalLine(file)}”：${refusal.message.replace(/：不作检查、排版和格式化。/, '。')}（${refusal.code}）`);
  return source;
}
