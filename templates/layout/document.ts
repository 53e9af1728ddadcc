// The paged layout of a report: every line and page that txt, HTML, DOCX and the preview print, decided
// once here on the GB/T 9704—2012 grid (22 lines of 28 columns). Outputs only draw these lines: HTML sets
// each line on its own, justified to the grid; DOCX ends each line where this layout does.
import { alignRight, centre, padCells } from './align.js';
import { wrapParagraph } from './linebreak.js';
import { pagesOf, pageNumberText } from './paginate.js';
import { splitTitle, TITLE_LINE_CELLS } from './title.js';
import { cellWidth, columnsToCells, LINE_COLUMNS } from './width.js';
import { leadText, type Imprint, type ReportView } from '../view.js';

/** Which type a run of a line is set in. */
export type RunStyle = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'imprint';

export interface LineRun {
  text: string;
  style: RunStyle;
}

export type LineRole = 'title' | 'blank' | 'addressee' | 'heading' | 'text' | 'attachment' | 'signature' | 'imprint';

export interface LaidLine {
  role: LineRole;
  /** The printed text (without the space before it); cut into runs by type by `lineRuns`. */
  text: string;
  /** The type of the line's paragraph by stretch (a heading's lead, then the body), and where in the
   * paragraph the line's text starts: its runs are cut only by the outputs that set type (HTML, DOCX). */
  styles: Styles;
  offset: number;
  /** Half-width cells of space before the text: paragraph indent, centring, the signature's place. */
  indent: number;
  /** How the line sits on the grid: `justify` fills the line (a paragraph's lines but its last). */
  align: 'justify' | 'start' | 'centre' | 'end';
  /** For `end` lines: full-width columns kept free at the right (GB/T 9704: the signature two characters in). */
  right: number;
  /** A text flush right on the same line (版记: the 印发日期 one character from the right). */
  tail?: string;
  /** Lines of one paragraph share this number (DOCX writes one paragraph with line breaks). */
  paragraph: number;
  blank: boolean;
  keepWithNext: boolean;
  /** Heading level (1–4) of a heading line. */
  level?: number;
  /** 版记 rules (7.4): across the type area above and/or below this line. */
  rule?: 'above' | 'below' | 'both';
}

export interface LaidPage {
  /** 1-based page number. */
  number: number;
  /** GB/T 9704 7.5: a blank page before the 版记 page, and the 版记 page then, carry no number. */
  numbered: boolean;
  lines: LaidLine[];
}

export interface PagedLayout {
  /** Full-width columns a line. */
  width: number;
  linesPerPage: number;
  pages: LaidPage[];
}

export interface LayoutOptions {
  width: number;
  linesPerPage: number;
}

export const GBT9704_LAYOUT: LayoutOptions = { width: LINE_COLUMNS, linesPerPage: 22 };

const INDENT = '\u3000\u3000';

/** The report's pages: the one layout every output prints. */
export function layoutReport(view: ReportView, options: LayoutOptions = GBT9704_LAYOUT): PagedLayout {
  const lines = layoutLines(view, options.width);
  const pages: LaidPage[] = pagesOf(lines, options.linesPerPage).map((page, i) => ({ number: i + 1, numbered: true, lines: page }));
  if (view.imprint) placeImprint(pages, imprintLines(view.imprint, options.width, lines.length), options.linesPerPage);
  return { width: options.width, linesPerPage: options.linesPerPage, pages };
}

/**
 * Text as it prints on the grid: a tab (the columns of a table pasted as text) is one full-width space, as
 * wide in every output as the layout counts it (a printer would jump to its own tab stops); any other control
 * character is shown as � in every output (XML cannot hold it, a browser would draw nothing). One for one, so
 * the preview's offsets into the paragraph still hold.
 */
function printable(text: string): string {
  return CONTROL.test(text) ? text.replaceAll('\t', '\u3000').replace(CONTROLS, '\ufffd') : text;
}

const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f]/;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** Run styles of a paragraph: the first `length` code units in `style`, and so on. */
export type Styles = RunStyle | ReadonlyArray<{ length: number; style: RunStyle }>;

interface Fields {
  role: LineRole;
  align?: LaidLine['align'];
  right?: number;
  level?: number;
  keepWithNext?: boolean;
  styles?: Styles;
}

/** The report's lines before pagination (what the text output prints without `--pages`). */
export function layoutLines(view: ReportView, width: number): LaidLine[] {
  const out: LaidLine[] = [];
  let paragraph = 0;
  const push = (raw: readonly string[], fields: Fields) => {
    const id = paragraph++;
    let offset = 0;
    raw.forEach((text, i) => {
      const laid = line(text, fields, id, i === raw.length - 1, offset);
      offset += laid.text.length;
      out.push(laid);
    });
  };
  const titleCells = Math.min(TITLE_LINE_CELLS, columnsToCells(width));
  const title = splitTitle(printable(view.title), view.org ? [view.org] : [], titleCells);
  if (title.length) {
    push(title.flatMap((t) => centre(t, width)), { role: 'title', align: 'centre', styles: 'title', keepWithNext: true });
    push([''], { role: 'blank' });
  }
  if (view.to) push(wrapParagraph(printable(`${view.to}：`), { width, firstIndent: '', indent: '' }), { role: 'addressee', align: 'justify' });
  for (const block of view.blocks) {
    if (block.kind === 'heading') {
      const styles = headingStyle(block.level);
      push(wrapParagraph(printable(`${block.number}${block.text}`), { width, firstIndent: INDENT, indent: '' }), { role: 'heading', level: block.level, align: 'justify', styles, keepWithNext: true });
    } else if (block.kind === 'paragraph') {
      const lead = block.lead ? leadText(block.lead) : '';
      const styles = [{ length: lead.length, style: block.lead ? headingStyle(block.lead.level) : 'body' }, { length: Infinity, style: 'body' }] as const;
      push(wrapParagraph(printable(`${lead}${block.text}`), { width, firstIndent: INDENT, indent: '' }), { role: 'text', align: 'justify', styles });
    } else {
      closingLines(view, width, out, push);
    }
  }
  return out;
}

/** 附件说明 (7.3.4) and the signature block (7.3.5.2), with the body's last two lines kept on their page. */
function closingLines(view: ReportView, width: number, out: LaidLine[], push: (raw: readonly string[], fields: Fields) => void): void {
  const before = out.length;
  if (view.attachments.length) {
    push([''], { role: 'blank' });
    const numbered = view.attachments.length > 1;
    view.attachments.forEach((name, i) => {
      const number = numbered ? `${i + 1}.` : '';
      // "附件：1.名称", the next "　　　2.名称" under it; a name that runs on lines up under its first character.
      const label = `${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${number}`;
      const hang = padCells(cellWidth(INDENT + label));
      push(wrapParagraph(printable(name), { width, firstIndent: INDENT + label, indent: hang }), { role: 'attachment' });
    });
  }
  if (view.signature.length) {
    push([''], { role: 'blank' });
    for (const placed of view.signature) push([alignRight(placed.text, width, placed.right)], { role: 'signature', align: 'end', right: placed.right });
  }
  // The date never alone on a page (7.3.5): the block, and the body's last two lines, keep together.
  for (let i = before - 1, kept = 0; i >= 0 && kept < 2 && !out[i]!.blank; i--, kept++) out[i]!.keepWithNext = true;
  for (let i = before; i < out.length - 1; i++) out[i]!.keepWithNext = true;
}

function headingStyle(level: number): RunStyle {
  return `heading${Math.min(4, Math.max(1, level))}` as RunStyle;
}

/** One laid line from its text on the grid: leading spaces become `indent`, the rest is cut into runs. */
function line(raw: string, fields: Fields, paragraph: number, last: boolean, offset: number): LaidLine {
  let start = 0;
  let indent = 0;
  for (; start < raw.length; start++) {
    const c = raw.charCodeAt(start);
    if (c === 0x3000) indent += 2;
    else if (c === 0x20) indent += 1;
    else break;
  }
  const text = start ? raw.slice(start) : raw;
  const align = fields.align ?? 'start';
  const laid: LaidLine = {
    role: fields.role,
    text,
    styles: fields.styles ?? 'body',
    offset,
    indent,
    align: align === 'justify' && last ? 'start' : align,
    right: fields.right ?? 0,
    paragraph,
    blank: text === '',
    keepWithNext: fields.keepWithNext ?? false,
  };
  if (fields.level !== undefined) laid.level = fields.level;
  return laid;
}

/**
 * Whether a printed line reaches the right edge: a paragraph's lines but its last, and a last line that fills
 * the grid (as the DOCX spreads it), so that digits a fallback font draws narrower than the layout counts
 * them still reach the edge. The HTML and the editor's preview both justify these.
 */
export function spreadToEdge(line: LaidLine, width: number): boolean {
  if (line.align === 'justify') return true;
  return line.align === 'start' && (line.role === 'text' || line.role === 'heading' || line.role === 'addressee') && line.indent + cellWidth(line.text) === columnsToCells(width);
}

/** A laid line's text cut into runs by type. */
export function lineRuns(line: LaidLine): LineRun[] {
  return runsOf(line.text, line.offset, line.styles);
}

/** The runs of `text`, which starts `offset` code units into its paragraph. */
function runsOf(text: string, offset: number, styles: Styles): LineRun[] {
  if (!text) return [];
  if (typeof styles === 'string') return [{ text, style: styles }];
  const runs: LineRun[] = [];
  let start = 0; // of the current style, in the paragraph
  for (const { length, style } of styles) {
    const from = Math.max(start, offset) - offset;
    const to = Math.min(start + length, offset + text.length) - offset;
    if (to > from) runs.push({ text: text.slice(from, to), style });
    start += length;
  }
  return runs;
}

// ---- 版记 (7.4): on an even page, its last element on the page's last line

/** 抄送 one character in from both sides, names running on under the first; 印发机关 left and 印发日期 right. */
function imprintLines(imprint: Imprint, width: number, firstParagraph: number): LaidLine[] {
  const out: LaidLine[] = [];
  let paragraph = firstParagraph;
  if (imprint.cc) {
    const raw = wrapParagraph(`${imprint.cc}。`, { width: width - 1, firstIndent: '\u3000抄送：', indent: '\u3000\u3000\u3000\u3000' });
    const id = paragraph++;
    raw.forEach((text) => out.push(line(text, { role: 'imprint', styles: 'imprint' }, id, true, 0)));
  }
  if (imprint.issuer || imprint.issued) {
    // The date one character from the right on the last line, a column apart from a 印发机关 too long to share it.
    const room = width - 1 - (imprint.issued ? cellWidth(imprint.issued) / 2 + 2 : 0);
    const raw = imprint.issuer ? wrapParagraph(imprint.issuer, { width: Math.max(3, room), firstIndent: '\u3000', indent: '\u3000' }) : ['\u3000'];
    raw.forEach((text, i) => {
      const laid = line(text, { role: 'imprint', styles: 'imprint' }, paragraph, true, 0);
      out.push(imprint.issued && i === raw.length - 1 ? { ...laid, tail: imprint.issued, right: 1 } : laid);
    });
  }
  if (out.length) {
    out[0]!.rule = 'above';
    out[out.length - 1]!.rule = out.length === 1 ? 'both' : 'below';
  }
  return out;
}

/**
 * Puts the 版记 at the foot of an even page: the last page when it is even and has room, else a new
 * even page (after a blank odd page when the last is even but full); pages from a blank one on carry no number.
 */
function placeImprint(pages: LaidPage[], lines: LaidLine[], linesPerPage: number): void {
  if (!lines.length) return;
  const last = pages[pages.length - 1];
  const filler = (count: number) => Array.from({ length: count }, () => line('', { role: 'blank' }, -1, true, 0));
  const room = last ? linesPerPage - last.lines.length : 0;
  if (last && last.number % 2 === 0 && room >= lines.length + 1) {
    last.lines.push(...filler(room - lines.length), ...lines);
    return;
  }
  let number = (last?.number ?? 0) + 1;
  if (number % 2 === 1) pages.push({ number: number++, numbered: false, lines: [] });
  const blankBefore = number - 1 > (last?.number ?? 0);
  pages.push({ number, numbered: !blankBefore, lines: [...filler(linesPerPage - lines.length), ...lines] });
}

export { pageNumberText };

/** A laid line as plain text on the grid: its indent in U+3000 (an odd half column as a space), a tail flush right. */
export function plainLine(line: LaidLine, width: number): string {
  const head = `${padCells(line.indent)}${line.text}`;
  if (!line.tail) return head;
  return `${head}${padCells(columnsToCells(width) - cellWidth(head) - cellWidth(line.tail) - columnsToCells(line.right))}${line.tail}`;
}
