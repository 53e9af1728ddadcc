// DOCX output: the view model (not the text rendering) written as a Word document on the GB/T 9704—2012
// grid — A4, 22 lines of 28 characters in 3号仿宋 — with named styles, so that a Word user can restyle
// the whole report by editing 公文标题, 一级标题, 二级标题… rather than every paragraph.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IBaseParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
} from 'docx';
import type { ReportModel } from '../../server/language/model.js';
import { cellWidth } from '../layout/width.js';
import { buildView, DEFAULT_RENDER_OPTIONS, leadText, type RenderOptions, type ReportView, type SignatureLine } from '../view.js';

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
  signature: { id: 'BgSignature', name: '落款' },
  pageNumber: { id: 'BgPageNumber', name: '页码' },
} as const;

const HEADING_FONTS = [FONTS.heading1, FONTS.heading2, FONTS.body, FONTS.body] as const;

/** A font for every script, East Asian first (hint), so that “”、—— are drawn in the Chinese font too. */
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' });

/** Two characters on the grid: firstLineChars for Word, twips for readers that ignore it. */
const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: Math.round(2 * CHAR_PITCH) };
const NO_INDENT = { firstLineChars: 0, firstLine: 0 };
const EXACT_LINE = { line: DOCX_PAGE.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** Headings and run-in leads: no bold, italics or colour of Word's own heading styles. */
const PLAIN = { bold: false, italics: false, color: '000000', size: SIZE.body };

export interface DocxOptions extends RenderOptions {
  /**
   * true (the default): Word's document grid of lines and characters (页面设置 › 文档网格 › 指定行和字符网格,
   * 22 lines of 28 characters), as GB/T 9704 templates set it; Word and WPS draw each character on the
   * 15.79 pt grid. LibreOffice cannot fit a 16 pt character into a cell narrower than 16 pt and gives it
   * two cells (14 characters a line), so false writes a grid of lines only and draws body text 0.25 pt
   * closer instead: 28 characters a line in Word, WPS and LibreOffice alike.
   */
  charGrid: boolean;
}

export const DEFAULT_DOCX_OPTIONS: DocxOptions = { ...DEFAULT_RENDER_OPTIONS, charGrid: true };

/** The report as a .docx file's bytes. */
export async function renderDocx(model: ReportModel, options: Partial<DocxOptions> = {}): Promise<Uint8Array> {
  const settings = { ...DEFAULT_DOCX_OPTIONS, ...options };
  return Packer.toBuffer(docxDocument(buildView(model, settings), settings));
}

/** The Word document of a report view. */
export function docxDocument(view: ReportView, options: Pick<DocxOptions, 'charGrid'> = DEFAULT_DOCX_OPTIONS): Document {
  const children: Paragraph[] = [];
  const titleLines = view.title.split('\n').map((line) => line.trim()).filter(Boolean);
  if (titleLines.length) {
    children.push(new Paragraph({ style: STYLES.title.id, children: titleLines.map((line, i) => new TextRun({ text: clean(line), break: i > 0 ? 1 : undefined })) }));
  }
  if (view.to) children.push(new Paragraph({ style: STYLES.addressee.id, children: [new TextRun(clean(`${view.to}：`))] }));
  for (const block of view.blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(new Paragraph({ style: STYLES.heading[levelIndex(block.level)]!.id, children: [new TextRun(clean(`${block.number}${block.text}`))] }));
        break;
      case 'paragraph': {
        const runs = [new TextRun(clean(block.text))];
        if (block.lead) runs.unshift(new TextRun({ text: clean(leadText(block.lead)), style: STYLES.lead[levelIndex(block.lead.level)]!.id }));
        children.push(new Paragraph({ children: runs }));
        break;
      }
      case 'signature':
        if (!view.signature.length) break;
        children.push(new Paragraph({ children: [] })); // one blank line below the text
        view.signature.forEach((line, i) => children.push(signatureParagraph(line, i)));
        break;
    }
  }

  return new Document({
    title: clean(titleLines.join('')),
    creator: 'baogao',
    description: '由 baogao 按 GB/T 9704—2012 排版',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: EXACT_LINE },
        },
        ...neutralHeadings(),
      },
      paragraphStyles: paragraphStyles(options.charGrid),
      characterStyles: characterStyles(),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height },
            margin: { top: DOCX_PAGE.top, bottom: DOCX_PAGE.bottom, left: DOCX_PAGE.left, right: DOCX_PAGE.right, header: DOCX_PAGE.header, footer: DOCX_PAGE.footer, gutter: 0 },
          },
          grid: options.charGrid
            ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: DOCX_PAGE.linePitch, charSpace: CHAR_SPACE }
            : { type: DocumentGridType.LINES, linePitch: DOCX_PAGE.linePitch },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/**
 * A line of the signature block at the right indent the view decided. The date under the body is set from
 * its start instead (left-aligned, its first character two characters right of the body's), so that Word's
 * extra space between Chinese and digits (中文与数字的间距) cannot move it: GB/T 9704 fixes where the date starts.
 */
function signatureParagraph(line: SignatureLine, index: number): Paragraph {
  const children = [new TextRun(clean(line.text))];
  if (index === 0) return new Paragraph({ style: STYLES.signature.id, indent: { right: Math.round(line.right * CHAR_PITCH) }, children });
  const start = DOCX_PAGE.columns - line.right - cellWidth(line.text) / 2;
  // The negative right indent lets a date drawn wider than counted (proportional digits, added spaces) run
  // into the two free characters on its right rather than wrap.
  return new Paragraph({ style: STYLES.signature.id, alignment: AlignmentType.LEFT, indent: { left: Math.max(0, Math.round(start * CHAR_PITCH)), right: -Math.round(2 * CHAR_PITCH) }, children });
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

function paragraphStyles(charGrid: boolean): IParagraphStyleOptions[] {
  return [
    // Normal is the body text (Word shows it as 正文 in Chinese): justified, first line indented two characters.
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      // Without the character grid, 16 pt characters 0.25 pt closer (w:spacing −5 twips) fit 28 on the line.
      run: charGrid ? { font: font(FONTS.body), size: SIZE.body } : { font: font(FONTS.body), size: SIZE.body, characterSpacing: -5 },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: FIRST_LINE_INDENT, spacing: EXACT_LINE },
    },
    {
      id: STYLES.title.id,
      name: STYLES.title.name,
      basedOn: 'Title',
      next: 'Normal',
      quickFormat: true,
      uiPriority: 1,
      run: { ...PLAIN, font: font(FONTS.title), size: SIZE.title, characterSpacing: 0 },
      // One blank line below the title: one grid line of space.
      paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: { ...EXACT_LINE, after: DOCX_PAGE.linePitch }, keepNext: true },
    },
    {
      id: STYLES.addressee.id,
      name: STYLES.addressee.name,
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: { indent: NO_INDENT },
    },
    ...STYLES.heading.map((style, i): IParagraphStyleOptions => ({
      id: style.id,
      name: style.name,
      basedOn: style.basedOn,
      next: 'Normal',
      quickFormat: true,
      uiPriority: 2 + i,
      run: { ...PLAIN, font: font(HEADING_FONTS[i]!) },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: FIRST_LINE_INDENT, spacing: EXACT_LINE, keepNext: true, outlineLevel: i },
    })),
    {
      id: STYLES.signature.id,
      name: STYLES.signature.name,
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { alignment: AlignmentType.RIGHT, indent: NO_INDENT, keepLines: true },
    },
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

function levelIndex(level: number): number {
  return Math.min(4, Math.max(1, level)) - 1;
}

/** XML 1.0 cannot hold control characters or lone surrogates: they print as U+FFFD rather than break the file. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
