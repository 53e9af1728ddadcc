// DOCX output: the paged layout (templates/layout/document.ts) written as a Word document on the GB/T
// 9704—2012 grid — A4, 22 lines of 28 characters in 3号仿宋 — with named styles, so that a Word user can
// restyle the whole report by editing 公文标题, 一级标题, 二级标题… rather than every paragraph. Each line
// and page ends where the layout ends it, so Word, WPS and LibreOffice print the lines the text output
// prints (docs/DOCX.md: the settings each of them needs, and what was measured).
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IBaseParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IParagraphOptions,
  type IParagraphStyleOptions,
} from 'docx';
import JSZip from 'jszip';
import type { ReportModel } from '../../server/language/model.js';
import { GBT9704_LAYOUT, layoutReport, lineRuns, type LaidLine, type LaidPage, type LineRun, type PagedLayout } from '../layout/document.js';
import { cellWidth } from '../layout/width.js';
import { buildView, DEFAULT_RENDER_OPTIONS, titleOnOneLine, type RenderOptions, type ReportView } from '../view.js';
import { withoutTrailing } from '../../grammar/trailing.js';
import { DocxTooLarge, MAX_DOCX_RUNS } from './docxBound.js';

/** Page and grid in twips (1/20 pt), as Word writes GB/T 9704's A4 page. */
export const DOCX_PAGE = {
  width: 11906, // 210 mm
  height: 16838, // 297 mm
  top: 2098, // 37 mm
  bottom: 1984, // 35 mm
  left: 1588, // 28 mm (binding side)
  right: 1474, // 26 mm
  header: 851, // 15 mm
  /** Footer distance: puts the page number's dash about 7 mm below the type area. */
  footer: 1418, // 25 mm
  /** 22 lines on the 225 mm type area: 579 twips (28.95 pt) a line, as GB/T 9704 templates set it. */
  linePitch: 579,
  columns: 28,
} as const;

/** Type area width (156 mm) and one character on the grid: 8844 / 28 ≈ 315.9 twips (15.79 pt). */
export const TYPE_WIDTH = DOCX_PAGE.width - DOCX_PAGE.left - DOCX_PAGE.right;
export const CHAR_PITCH = TYPE_WIDTH / DOCX_PAGE.columns;
/** w:docGrid charSpace: (pitch − 16 pt) × 4096, rounded down so 28 characters always fit the line. */
export const CHAR_SPACE = Math.floor((CHAR_PITCH / 20 - 16) * 4096);

export const FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** 3号 16 pt, 2号 22 pt, 4号 14 pt, in half-points. */
const SIZE = { body: 32, title: 44, pageNumber: 28 } as const;

/** Style ids (ASCII, stable) and the names a Word user sees. */
export const STYLES = {
  title: { id: 'BgTitle', name: '公文标题' },
  addressee: { id: 'BgAddressee', name: '主送机关' },
  heading: [
    { id: 'BgHeading1', name: '一级标题', basedOn: 'Heading1' },
    { id: 'BgHeading2', name: '二级标题', basedOn: 'Heading2' },
    { id: 'BgHeading3', name: '三级标题', basedOn: 'Heading3' },
    { id: 'BgHeading4', name: '四级标题', basedOn: 'Heading4' },
  ],
  /** Character styles of run-in headings ("（一）标题。" at the start of a paragraph). */
  lead: [
    { id: 'BgLead1', name: '一级标题（段首）' },
    { id: 'BgLead2', name: '二级标题（段首）' },
    { id: 'BgLead3', name: '三级标题（段首）' },
    { id: 'BgLead4', name: '四级标题（段首）' },
  ],
  attachment: { id: 'BgAttachment', name: '附件说明' },
  signature: { id: 'BgSignature', name: '落款' },
  imprint: { id: 'BgImprint', name: '版记' },
  pageNumber: { id: 'BgPageNumber', name: '页码' },
} as const;

const HEADING_FONTS = [FONTS.heading1, FONTS.heading2, FONTS.body, FONTS.body] as const;

/** A font for every script, East Asian first (hint), so that “”、—— are drawn in the Chinese font too. */
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' });

/** Two characters on the grid: firstLineChars for Word, twips for readers that ignore it. */
const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: Math.round(2 * CHAR_PITCH) };
const NO_INDENT = { firstLineChars: 0, firstLine: 0 };
const EXACT_LINE = { line: DOCX_PAGE.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/**
 * Body characters 0.5 pt closer than their 16 pt (w:spacing −10 twips): 28 of them take 434 pt of the 442 pt
 * line, leaving room for what fallback fonts draw wider (proportional digits, LibreOffice's space between
 * Chinese and digits), so no line of the layout wraps again; Word and LibreOffice justify each line to the
 * full width (docs/DOCX.md, with the measurements).
 */
const BODY_SPACING = -10;
/** Headings and run-in leads: no bold, italics or colour of Word's own heading styles. */
const PLAIN = { bold: false, italics: false, color: '000000', size: SIZE.body };

export type DocxOptions = RenderOptions;

export const DEFAULT_DOCX_OPTIONS: DocxOptions = { ...DEFAULT_RENDER_OPTIONS };

/** The report as a .docx file's bytes. */
export async function renderDocx(model: ReportModel, options: Partial<DocxOptions> = {}): Promise<Uint8Array> {
  const settings = { ...DEFAULT_DOCX_OPTIONS, ...options };
  const view = buildView(model, settings);
  const layout = layoutReport(view, GBT9704_LAYOUT);
  if (docxRunsBeyond(layout, MAX_DOCX_RUNS)) throw new DocxTooLarge();
  return withParagraphDefaults(await Packer.toBuffer(docxDocument(view, layout)));
}

/** Whether the layout makes more than `bound` Word runs, as paragraphOf makes them: counted, none made. */
export function docxRunsBeyond(layout: PagedLayout, bound: number): boolean {
  let runs = 0;
  for (const page of layout.pages) {
    for (const line of page.lines) {
      const fit = lineFit(line);
      for (const run of lineRuns(line)) runs += runPieces(run.text, fit).length;
      if (line.tail) runs++;
      if (runs > bound) return true;
    }
  }
  return false;
}

/** A run's text as the Word runs it becomes: narrowed ASCII in runs of its own, so that the Chinese characters keep their shape. */
function runPieces(text: string, fit: Fit | undefined): string[] {
  return fit?.asciiScale ? text.split(/([ -~]+)/).filter(Boolean) : [text];
}

/**
 * Paragraph defaults the docx library cannot write: no widow control (pages of exactly 22 lines, as laid
 * out), no extra space between Chinese and Latin or digits (Word; LibreOffice ignores it), and no snapping
 * to the character grid — LibreOffice gives a 16 pt character two cells of the 15.79 pt grid (14 a line),
 * Word and WPS then set the characters at their width plus the spacing, 28 a line like LibreOffice.
 */
async function withParagraphDefaults(docx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file('word/styles.xml');
  if (!part) throw new Error('docx: word/styles.xml missing');
  const styles = await part.async('string');
  const patched = styles.replace(/<w:pPrDefault><w:pPr>/, `$&${PARAGRAPH_DEFAULTS}`);
  if (patched === styles) throw new Error('docx: no <w:pPrDefault> in word/styles.xml');
  zip.file('word/styles.xml', patched);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** In CT_PPrBase order, before <w:spacing>. */
const PARAGRAPH_DEFAULTS = '<w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>';

/**
 * The Word document of a report: its paragraphs with their named styles, each line ended where the layout
 * ends it (a line break, Shift+Enter in Word), each page ended where the layout ends it (DOCX.md explains why).
 */
export function docxDocument(view: ReportView, layout: PagedLayout): Document {
  const numbered = layout.pages.filter((page) => page.numbered);
  const unnumbered = layout.pages.filter((page) => !page.numbered);
  const sections = [{ pages: numbered, footers: true }, { pages: unnumbered, footers: false }].filter((s) => s.pages.length);
  return new Document({
    title: clean(titleOnOneLine(view.title)),
    creator: 'baogao',
    description: '由 baogao 按 GB/T 9704—2012 排版',
    evenAndOddHeaderAndFooters: true,
    compatibility: { doNotExpandShiftReturn: false },
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: EXACT_LINE },
        },
        ...neutralHeadings(),
      },
      paragraphStyles: paragraphStyles(),
      characterStyles: characterStyles(),
    },
    sections: sections.map((section) => ({
      properties: {
        page: {
          size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height },
          margin: { top: DOCX_PAGE.top, bottom: DOCX_PAGE.bottom, left: DOCX_PAGE.left, right: DOCX_PAGE.right, header: DOCX_PAGE.header, footer: DOCX_PAGE.footer, gutter: 0 },
        },
        grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: DOCX_PAGE.linePitch, charSpace: CHAR_SPACE },
      },
      footers: section.footers ? { default: pageNumberFooter('odd'), even: pageNumberFooter('even') } : { default: new Footer({ children: [] }), even: new Footer({ children: [] }) },
      children: pageParagraphs(section.pages, layout.linesPerPage),
    })),
  });
}

/**
 * The pages' lines as paragraphs: one a paragraph of the layout, a blank line an empty paragraph. Where the
 * layout ends a page early (a heading kept with its text, the signature with the body's last lines), the
 * next page starts with a page break; a paragraph it cuts goes on as a paragraph of its own without first-line
 * indent (Word would keep one paragraph across a page break, LibreOffice splits it: this prints the same in both).
 */
function pageParagraphs(pages: readonly LaidPage[], linesPerPage: number): Paragraph[] {
  const out: Paragraph[] = [];
  let group: LaidLine[] = [];
  let startsPage = false;
  let continued = false;
  let beforeRule = false;
  const flush = () => {
    if (group.length) out.push(paragraphOf(group, { pageBreakBefore: startsPage, continued, beforeRule }));
    group = [];
    startsPage = false;
    continued = false;
    beforeRule = false;
  };
  pages.forEach((page, p) => {
    const forced = p > 0 && pages[p - 1]!.lines.length < linesPerPage;
    // A blank page (before a 版记 page): one empty paragraph holds it.
    if (!page.lines.length) {
      flush();
      out.push(new Paragraph({ style: 'Normal', indent: NO_INDENT, pageBreakBefore: forced || undefined }));
      return;
    }
    page.lines.forEach((line, i) => {
      const sameParagraph = group.length > 0 && !group[0]!.blank && group[0]!.paragraph === line.paragraph && !line.blank;
      if (!sameParagraph || (i === 0 && forced)) {
        flush();
        startsPage = i === 0 && forced;
        continued = startsPage && sameParagraph;
      }
      group.push(line);
      const next = page.lines[i + 1];
      beforeRule = line.blank && (next?.rule === 'above' || next?.rule === 'both');
    });
  });
  flush();
  return out;
}

/**
 * A full line's half-width spaces at its end left out (a space typed between a word and a number that the
 * layout's line break fell after): LibreOffice justifies a line ending at a manual break with the space
 * inside it, so the last character stopped half a cell short of the edge. The space prints nothing there.
 */
function withoutTrailingSpace(line: LaidLine): (run: LineRun, k: number, runs: LineRun[]) => LineRun {
  const trim = fillsLine(line) && line.text.endsWith(' ');
  return (run, k, runs) => {
    if (!trim || k !== runs.length - 1) return run;
    const text = withoutTrailing(run.text, ' ');
    return text || k > 0 ? { ...run, text } : run;
  };
}

interface ParagraphPlace {
  pageBreakBefore: boolean;
  /** The rest of a paragraph the layout's page break cut: no first-line indent. */
  continued: boolean;
  /** The blank line above the 版记's rules: shorter by the rules' width, so the page still holds 22 lines. */
  beforeRule: boolean;
}

/** The two 版记 rules (1 pt each) in twips: LibreOffice adds a paragraph border's width to its height. */
const RULES_HEIGHT = 40;

function paragraphOf(lines: readonly LaidLine[], place: ParagraphPlace): Paragraph {
  const first = lines[0]!;
  const children: TextRun[] = [];
  lines.forEach((line, i) => {
    const fit = lineFit(line);
    lineRuns(line).map(withoutTrailingSpace(line)).forEach((run, k) => {
      const character = run.style.startsWith('heading') && first.role === 'text' ? STYLES.lead[Number(run.style.slice(-1)) - 1]!.id : undefined;
      runPieces(run.text, fit).forEach((text, j) => {
        const scale = fit?.asciiScale && /^[ -~]/.test(text) ? fit.asciiScale : undefined;
        children.push(new TextRun({ text: clean(text), style: character, characterSpacing: fit?.spacing, scale, break: i > 0 && k === 0 && j === 0 ? 1 : undefined }));
      });
    });
    if (line.tail) children.push(new TextRun({ children: [new Tab(), clean(line.tail)] }));
  });
  // A last line that fills the grid, or that the layout justifies because a page break cut its paragraph, is
  // spread like the others (分散对齐: Word and LibreOffice justify every line).
  const last = lines[lines.length - 1]!;
  const spread = (first.role === 'text' || first.role === 'heading' || first.role === 'addressee') && (last.align === 'justify' || fillsLine(last));
  return new Paragraph({
    ...paragraphProperties(first, lines),
    ...(spread ? { alignment: AlignmentType.DISTRIBUTE } : {}),
    ...(place.continued ? { indent: NO_INDENT } : {}),
    ...(place.beforeRule ? { spacing: { ...EXACT_LINE, line: DOCX_PAGE.linePitch - RULES_HEIGHT } } : {}),
    pageBreakBefore: place.pageBreakBefore || undefined,
    children,
  });
}

/**
 * Extra character spacing (twips) for a line that a fallback font could draw wider than the line:
 * LibreOffice adds about a quarter em between Chinese and Latin or digits whatever the document says, and
 * free fonts draw ASCII proportionally — digits 0.56 em, "W" over 1 em — where 仿宋_GB2312 draws it half
 * an em. Such a line is set closer by what it could need, so that it never wraps; being justified (or
 * centred), it still fills its place, in Word as in LibreOffice.
 */
function lineFit(line: LaidLine): Fit | undefined {
  if (line.role === 'title') return fitLine(line.text, 0, SIZE.title / 2, TITLE_ROOM, 0);
  if (line.role !== 'text' && line.role !== 'heading' && line.role !== 'addressee' && line.role !== 'attachment') return undefined;
  return fitLine(line.text, line.indent, SIZE.body / 2, BODY_ROOM, BODY_SPACING);
}

interface Fit {
  /** Character spacing of the line's runs, in twips. */
  spacing: number;
  /** Horizontal scale (w:w, %) of its ASCII, when spacing alone cannot fit it. */
  asciiScale?: number;
}

/** LibreOffice sets characters at most 2 pt closer than their width, whatever the document asks (tdf#137296). */
const CLOSEST = -40;

/** LibreOffice narrows the line to whole grid cells: 440.5 of 442.2 pt; the body keeps a little more in hand. */
const BODY_ROOM = (TYPE_WIDTH - 90) / 20;
const TITLE_ROOM = 440.5;

/**
 * Widest advance, in hundredths of an em, of each printable ASCII character (U+0020–U+007E) in the free
 * fonts that stand in for the standard ones (Noto Serif CJK SC for 仿宋/小标宋, Noto Sans CJK SC for 黑体;
 * measured with scripts/print/fonts.conf), rounded up.
 */
const ASCII_EM = [
  26, 33, 48, 58, 56, 93, 78, 28, 34, 34, 48, 58, 33, 35, 33, 40, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 33, 33, 58, 58, 58, 48, 95, 73, 66, 70, 75, 66, 62, 75, 86, 41, 50, 74, 61, 98, 80, 78,
  64, 78, 72, 59, 67, 78, 72, 106, 70, 69, 61, 34, 40, 34, 58, 57, 61, 57, 64, 54, 63, 56, 37, 57, 67, 34, 32, 61, 34, 98, 67, 61, 64, 62, 47, 48, 38, 66, 56, 85, 57, 57, 50, 34, 32, 34, 58,
];

/** The widest a fallback font could draw one character of `size` pt, in points (a little to spare). */
function fallbackWidth(ch: string, size: number): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return (ASCII_EM[cp - 0x20]! / 100) * size * 1.04;
  return cellWidth(ch) === 1 ? 0.75 * size : size;
}

/**
 * Spacing (and, beyond LibreOffice's 2 pt, a narrower ASCII) that keeps `text` after `indent` cells within
 * `room` pt, or undefined when the `usual` spacing already does.
 */
function fitLine(text: string, indent: number, size: number, room: number, usual: number): Fit | undefined {
  const chars = Array.from(text);
  let ascii = 0;
  let other = (indent * CHAR_PITCH) / 40; // points
  let transitions = 0;
  chars.forEach((ch, i) => {
    if (/[ -~]/.test(ch)) ascii += fallbackWidth(ch, size);
    else other += fallbackWidth(ch, size);
    const half = cellWidth(ch) === 1;
    if (i > 0 && half !== (cellWidth(chars[i - 1]!) === 1) && ch !== ' ' && chars[i - 1] !== ' ') transitions++;
  });
  const gaps = transitions * size * 0.25;
  // LibreOffice sets no spacing after the last character before a change of script (measured): fewer closings.
  const closings = Math.max(1, chars.length - transitions - 1);
  const needed = Math.floor(((room - ascii - other - gaps) / closings) * 20);
  if (needed >= usual) return undefined;
  if (needed >= CLOSEST || ascii === 0) return { spacing: Math.max(needed, CLOSEST) };
  const scale = Math.floor((100 * (room - other - gaps - (CLOSEST / 20) * closings)) / ascii);
  return { spacing: CLOSEST, asciiScale: Math.max(1, Math.min(99, scale)) };
}

/** The line fills the grid's 28 columns (its indent included). */
const fillsLine = (line: LaidLine) => line.indent + cellWidth(line.text) === DOCX_PAGE.columns * 2;

/** Style and indents of a paragraph by the role of its lines. */
function paragraphProperties(first: LaidLine, lines: readonly LaidLine[]): IParagraphOptions {
  switch (first.role) {
    case 'title':
      return { style: STYLES.title.id };
    case 'addressee':
      return { style: STYLES.addressee.id };
    case 'heading':
      return { style: STYLES.heading[Math.min(4, Math.max(1, first.level ?? 1)) - 1]!.id };
    case 'attachment':
      return { style: STYLES.attachment.id, indent: hangingIndent(first, lines) };
    case 'signature':
      return signatureProperties(first);
    case 'imprint':
      return { style: STYLES.imprint.id, border: imprintBorders(first.rule, lines[lines.length - 1]!.rule), tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - cells(2) }], indent: { ...hangingIndent(first, lines), right: cells(2) } };
    default:
      return first.blank ? { style: 'Normal', indent: NO_INDENT } : {};
  }
}

/** A first line at the layout's indent, the lines after it at theirs (附件 names, 抄送 bodies run on under their first character). */
function hangingIndent(first: LaidLine, lines: readonly LaidLine[]): { left: number; hanging: number } {
  const rest = lines[1]?.indent ?? first.indent;
  return { left: cells(rest), hanging: cells(rest - first.indent) };
}

/** Twips of `n` half-width cells of the grid. */
const cells = (n: number) => Math.round((n * CHAR_PITCH) / 2);

/**
 * The signature's body at its right indent; the date set from its start instead (left-aligned, its first
 * character two characters right of the body's), so that Word's extra space between Chinese and digits
 * cannot move it: GB/T 9704 fixes where the date starts.
 */
function signatureProperties(line: LaidLine): IParagraphOptions {
  const free = DOCX_PAGE.columns * 2 - line.indent - cellWidth(line.text);
  if (!/^\d/.test(line.text) && free === line.right * 2) return { style: STYLES.signature.id, indent: { right: Math.round(line.right * CHAR_PITCH) } };
  // A body too long to end two characters in starts where the layout puts it, as the date does.
  if (!/^\d/.test(line.text)) return { style: STYLES.signature.id, alignment: AlignmentType.LEFT, indent: { left: cells(line.indent), right: -Math.round(2 * CHAR_PITCH) } };
  const start = DOCX_PAGE.columns - line.right - cellWidth(line.text) / 2;
  // The negative right indent lets a date drawn wider than counted run into the free characters on its right.
  return { style: STYLES.signature.id, alignment: AlignmentType.LEFT, indent: { left: Math.max(0, Math.round(start * CHAR_PITCH)), right: -Math.round(2 * CHAR_PITCH) } };
}

/** 版记 rules (7.4): above the first element and under the last, as wide as the type area. */
function imprintBorders(first: LaidLine['rule'], last: LaidLine['rule']) {
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 0 };
  return { ...(first === 'above' || first === 'both' ? { top: rule } : {}), ...(last === 'below' || last === 'both' ? { bottom: rule } : {}) };
}

/** "— N —" in 4号宋体: odd pages at the right, even pages at the left, each one character in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneCharacter = SIZE.pageNumber * 10; // 14 pt in twips
  return new Footer({
    children: [
      new Paragraph({
        style: STYLES.pageNumber.id,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneCharacter } : { left: oneCharacter },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function paragraphStyles(): IParagraphStyleOptions[] {
  const named = (style: { id: string; name: string }, options: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions => ({ id: style.id, name: style.name, basedOn: 'Normal', next: 'Normal', quickFormat: true, ...options });
  return [
    // Normal is the body text (Word shows it as 正文 in Chinese): justified, first line indented two characters.
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: { font: font(FONTS.body), size: SIZE.body, characterSpacing: BODY_SPACING },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: FIRST_LINE_INDENT, spacing: EXACT_LINE },
    },
    // The title's lines end where the layout broke them (梯形/菱形 between words); the blank line below is a paragraph.
    { ...named(STYLES.title, { run: { ...PLAIN, font: font(FONTS.title), size: SIZE.title, characterSpacing: 0 }, paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: EXACT_LINE, keepNext: true } }), basedOn: 'Title', uiPriority: 1 },
    named(STYLES.addressee, { paragraph: { indent: NO_INDENT } }),
    ...STYLES.heading.map((style, i): IParagraphStyleOptions => ({
      ...named(style, { run: { ...PLAIN, font: font(HEADING_FONTS[i]!), characterSpacing: BODY_SPACING }, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: FIRST_LINE_INDENT, spacing: EXACT_LINE, keepNext: true, outlineLevel: i } }),
      basedOn: style.basedOn,
      uiPriority: 2 + i,
    })),
    named(STYLES.attachment, { paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT } }),
    named(STYLES.signature, { paragraph: { alignment: AlignmentType.RIGHT, indent: NO_INDENT, keepLines: true, keepNext: true } }),
    // 版记 in 4号仿宋 (7.4), still one grid line a line.
    named(STYLES.imprint, { run: { size: SIZE.pageNumber, characterSpacing: 0 }, paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT } }),
    {
      id: STYLES.pageNumber.id,
      name: STYLES.pageNumber.name,
      basedOn: 'Normal',
      run: { font: font(FONTS.pageNumber), size: SIZE.pageNumber, characterSpacing: 0 },
      paragraph: { indent: NO_INDENT, spacing: { line: SIZE.pageNumber * 10, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
  ];
}

function characterStyles(): ICharacterStyleOptions[] {
  return STYLES.lead.map((style, i) => ({ id: style.id, name: style.name, basedOn: 'DefaultParagraphFont', quickFormat: true, run: { ...PLAIN, font: font(HEADING_FONTS[i]!) } }));
}

/** Word's own Title and Heading 1–4, which the named styles are based on, without docx's colours and sizes. */
function neutralHeadings(): Record<'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4', IBaseParagraphStyleOptions> {
  const plain = (outlineLevel?: number): IBaseParagraphStyleOptions => ({
    run: { ...PLAIN },
    paragraph: outlineLevel === undefined ? { keepNext: true } : { keepNext: true, outlineLevel },
  });
  return { title: plain(), heading1: plain(0), heading2: plain(1), heading3: plain(2), heading4: plain(3) };
}

/** XML 1.0 cannot hold control characters or lone surrogates: they print as U+FFFD rather than break the file. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
