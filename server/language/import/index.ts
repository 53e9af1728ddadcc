// Import: last year's report as plain text exported from Word → a report in the language, so that a
// writer can start this year's report from it. Pure: text in, .bg text out.
//
// The importer only removes (and marks up figures, rule 8): Word debris ([bookmark: …], page numbers, blank and space-only lines,
// indentation), the typed heading numbers (the renderer numbers headings itself), the typed title lines
// and the hand-spaced signature and date (they become @标题, @机关 and @日期). Everything else is kept
// verbatim, defects included — half-width punctuation, wrong brackets, stale years: the checker reports
// them, the importer never fixes text silently. Every removal is listed in `notes`.
//
// Rules, in order:
// 1. Lines: a BOM is dropped; "[bookmark: …]" is removed wherever it is; each line is trimmed (the
//    renderer indents paragraphs itself); blank lines only separate paragraphs; "— 3 —" and "第3页"
//    lines are page numbers anywhere, a line of only digits is one at the end of the text. Web-page
//    furniture (furniture.ts) is removed: links and controls (【打印】【关闭】, "|", URLs) anywhere,
//    breadcrumbs and metadata lines (发布时间：… 来源：… 点击数) above the first sentence; a 成文日期 there
//    is the @日期 when no signature date is found (step 2).
// 2. The end: below the last paragraph, a date line ("2021年1月13日", also in Chinese numerals) is the
//    signature date → @日期; a short body name just above it (or far indented) is the signature → @机关.
// 3. The top: up to three short lines without a sentence in them, the last ending in 报告/总结/汇报, are
//    the title, joined into one line → @标题 (seeds 002 and 004 split it: body name, then the rest).
//    Short lines above the title are a web page's columns and are removed; the title repeated below
//    itself is removed.
//    @类型 法治政府建设年度报告 when the title says 法治政府建设; @年度 from the title's year
//    ("2020年度", "关于2021年"); @机关 from the signature, else the title (a township's name without the
//    divisions in front of it: 重庆市沙坪坝区回龙坝镇人民政府 → 回龙坝镇人民政府). --org and --year win.
//    Without them, 年度 comes from the first sentence ("2020年，……", "现将我镇2022年度……报告如下")
//    or the first heading ("一、2023年度法治政府建设的主要举措和成效"), 机关 from the first sentence
//    ("2020年，北屏乡……"; never "根据镇……") — each said so — or 机关 is left empty with a note.
// 4. Headings: a line starting with a typed number is a heading; its level comes from the numbering
//    style (see levels.ts). The number is removed. A mistyped number (a second "一、" inside a level-1
//    part, where "（一）" belongs) is reported (BG230, a `//` comment and a finding) and its place
//    decides the level. What follows it decides the form:
//    - no sentence in it, or one short sentence ("加强组织领导，确保法治政府建设到位。"): a heading
//      `#`…`####` with that text, a final 。 kept as typed;
//    - a short heading sentence running into the paragraph ("（一）全面部署法治建设。桂圩镇党委……"):
//      at level 2, `## 全面部署法治建设` and the paragraph on the next line — the renderer runs level-2
//      headings into their paragraph and puts the 。 back, so the print is the original, word for word;
//    - a number in Chinese numerals (（一）, a mistyped 一、) is a heading's, however long its first sentence
//      (up to 60 characters): with text after that sentence, `##` and the paragraph as above; alone on its
//      line, the whole line as the heading. Only inside a run of siblings with nothing between them is it
//      an item (below) — when every one is a whole sentence, or one is prose (a first sentence past 60
//      characters, or a long sentence with nothing on its line or under it);
//    - otherwise (a level-3/4 heading running into its text — levels 3 and 4 do not run in — or a
//      numbered sentence in Arabic figures too long to be a heading): a numbered paragraph `1. ……` with
//      the whole text, which the renderer numbers at the level below the current heading, again printing
//      the original. When the numbered paragraph would get the wrong level, the whole text becomes the
//      heading. A numbered sentence in Arabic figures too long to be a heading is always a numbered
//      paragraph, never a heading.
//    Keeping every word and the printed result was chosen over a tidier outline: nothing is split
//    off, dropped or moved.
//    A line that is only a number ("二、" — Word's automatic numbering on an empty paragraph, which Word
//    prints and counts) is no heading: it is reported (BG241, a `//` comment and a finding) and the
//    headings after it are numbered on without the gap. On the last line it is where a page was cut, and
//    stays as found (unless a signature or date follows). Followed by a line shaped as a heading with no
//    number of its own, it is that heading's number (Word's numbering copied as text, “（二）” / “完善制度
//    建设”): the two are joined at the heading's line, and noted.
// 5. Labels: the first level-1 heading of each required part whose wording is recognised gets its label
//    ({#举措} {#不足} {#第一责任人} {#安排} {#其他}).
// 6. Escapes: what the language would read as markup is escaped with "\" (braces, a backslash, and at a
//    line start # @ // "- " "1. "), so it prints as typed.
// 7. Optional (--year-field): the report's year in prose becomes {年度} (and the next year {下年度}),
//    except inside 《》 titles and in ranges such as 2016年-2020年.
// 8. Figures: the amounts of paragraphs and items ("150起", "3000余份", "98%") become figures named by
//    the words before them (figures.ts, over the analysis the checks share: server/language/prose/);
//    a rate beside the counts it follows from gets a check formula; an unclear pairing stays without
//    one, with a `//` comment saying why.
// 9. A Word file's footnotes, endnotes and text boxes (hints.word, read by server/node/readWord.ts) are
//    kept as `//` comments after the paragraph citing or holding them, told once each kind (BG242,
//    BG243); the words of its headers and footers as `//` comments before the body, told once (BG245),
//    their page numbers left out; review comments are told as left out (BG244). See asides.ts.
import { writeBody } from './body.js';
import { readLines } from './lines.js';
import { readCoveringLetter, withLetterComments } from './coveringLetter.js';
import { readEnd, readHeaderValues, readTop, type ImportedHeader } from './top.js';
import { placeAsides } from './asides.js';
import { trimEdgeSpace, type Block, type ImportFinding, type ImportNote, type WordExtras } from './types.js';
import { escapeInline, joinBlocks, ranges } from './write.js';
import { isoDate, parseSignatureDate } from './header.js';
import { append } from '../append.js';

export type { ImportNote, ImportFinding, SourceAside, WordExtras } from './types.js';
export type { ImportedHeader } from './top.js';
export { escapeInline, escapeLine, fieldYears } from './write.js';

export interface ImportHints {
  /** The issuing body (--org): wins over the signature and the title. */
  org?: string;
  /** The year reported on (--year): wins over the title. */
  year?: number;
  /** Write the report's year in prose as {年度} (and the next year as {下年度}). */
  yearField?: boolean;
  /** The source file's name, for a comment at the top of the result. */
  source?: string;
  /** A Word file's footnotes, endnotes and text boxes, and its review comments (server/node/readWord.ts): kept as comments, told. */
  word?: WordExtras;
}

export interface ImportResult {
  text: string;
  notes: ImportNote[];
  header: ImportedHeader;
  /** Defects of the source found while importing (typed numbering errors). */
  findings: ImportFinding[];
  /** For each line of `text`, the 1-based input line it came from (0: written by the importer). */
  sourceLines: number[];
  /** Figures written from the prose's amounts. */
  figures: number;
  /**
   * 0-based lines of `text` of the headings with nothing under them but the comments of numbers alone on
   * their lines (BG241): in the source a number stood there, and BG241 tells the writer what is missing —
   * the source check does not tell it again as an empty section (BG404).
   */
  loneNumberHeadings: number[];
}

export function importReport(text: string, hints: ImportHints = {}): ImportResult {
  const notes: ImportNote[] = [];
  const note = (line: number, what: string, why: string) => notes.push({ line, what, why });
  const { lines, trimmed, pageDate, publisher } = readLines(text, note);
  const end = readEnd(lines, note);
  const top = readTop(lines, note);
  const letter = readCoveringLetter(lines, top.title, end.date !== undefined, note);
  const dateFromLetter = letter !== undefined && !end.date;
  if (dateFromLetter) {
    end.date = letter.date;
    end.lines.push(letter.dateLine);
  }
  const body = lines.filter((l) => l.text !== '');
  const header = readHeaderValues(top, end, body, hints, note, publisher);
  // The letter's date is above the report, as a page's 成文日期 is: it says nothing of the report's end (an excerpt may follow).
  if (dateFromLetter) header.dateFromPage = true;
  const fromPage = !header.date && pageDate ? parseSignatureDate(pageDate.text) : undefined;
  if (fromPage) {
    header.date = isoDate(fromPage);
    header.dateFromPage = true;
    note(pageDate!.line, `成文日期 ${header.date}`, '没有落款日期，取自网页信息栏的“成文日期”，写为“@日期”，请核对');
  }
  const findings: ImportFinding[] = [...top.findings];
  const written = writeBody(body, { year: header.year, org: header.org, yearField: hints.yearField, ended: end.lines.length > 0 }, note, findings);
  const blocks: Block[] = [];
  if (hints.source) blocks.push({ kind: 'comment', text: `// 由 baogao import 从“${hints.source}”转换：原文一字未改，只去掉了手打的标题序号、Word 残留和网页内容，并把数字写成了指标。` });
  const bodyBlocks = hints.word ? placeAsides(written.blocks, hints.word, note, findings) : written.blocks;
  append(append(blocks, headerBlocks(header, top.titleLines[0]?.n ?? 0, end.lines[0] ?? (fromPage ? pageDate!.line : 0))), withLetterComments(bodyBlocks, letter));
  noteSpacing(lines, body, trimmed, note);
  notes.sort((a, b) => a.line - b.line);
  findings.sort((a, b) => a.line - b.line);
  const joined = joinBlocks(blocks);
  return { text: joined.text, notes, header, findings, sourceLines: joined.sourceLines, figures: written.figures, loneNumberHeadings: loneNumberHeadings(blocks, joined.blockLines) };
}

/** The lines (see `blockLines`) of the heading blocks followed by lone-number comments only, up to the next heading or the end. */
function loneNumberHeadings(blocks: readonly Block[], blockLines: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.kind !== 'heading') continue;
    let k = i + 1;
    while (k < blocks.length && isLoneNumber(blocks[k]!)) k++;
    if (k > i + 1 && (k === blocks.length || blocks[k]!.kind === 'heading')) out.push(blockLines[i]!);
  }
  return out;
}

const isLoneNumber = (block: Block) => block.kind === 'comment' && block.loneNumber === true;

function headerBlocks(header: ImportedHeader, titleLine: number, endLine: number): Block[] {
  const out: Block[] = [];
  const add = (text: string, source: number) => out.push({ kind: 'directive', text, source });
  if (header.title) add(`@标题 ${escapeInline(header.title)}`, titleLine);
  if (header.kind) add(`@类型 ${header.kind}`, titleLine);
  if (header.org) add(`@机关 ${escapeInline(header.org)}`, endLine || titleLine);
  if (header.year !== undefined) add(`@年度 ${header.year}`, titleLine);
  if (header.date) add(`@日期 ${header.date}`, endLine);
  if (header.to) add(`@主送 ${escapeInline(header.to)}`, titleLine);
  return out;
}

/** Blank and trimmed lines, one note each kind. */
function noteSpacing(lines: { n: number; raw: string }[], body: { n: number }[], trimmed: number[], note: (line: number, what: string, why: string) => void): void {
  const empty = lines.filter((l) => l.raw === '').map((l) => l.n);
  const spaceOnly = lines.filter((l) => l.raw !== '' && trimEdgeSpace(l.raw) === '').map((l) => l.n);
  if (spaceOnly.length) note(spaceOnly[0]!, `只有空格的行 ${spaceOnly.length} 行（第${ranges(spaceOnly)}行）`, 'Word 手工排版留下的空白；段落之间统一空一行');
  if (empty.length) note(empty[0]!, `空行 ${empty.length} 行（第${ranges(empty)}行）`, '段落之间统一空一行，多余的空行不影响排版');
  const kept = new Set(body.map((l) => l.n));
  const trimmedKept = trimmed.filter((n) => kept.has(n));
  if (trimmedKept.length) note(trimmedKept[0]!, `行首行尾的空格 ${trimmedKept.length} 处（第${ranges(trimmedKept)}行）`, '缩进和对齐由渲染器按 GB/T 9704 处理');
}
