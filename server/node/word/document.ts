// A .docx read as Word shows it: the body's paragraphs with the heading numbers Word draws itself, its
// text boxes, notes, review comments, headers and footers. Most real reports number their headings with
// Word's automatic numbering (numbering.xml: a list level's format and text, "%1、" in 中文计数) or by heading
// styles (标题 1 / 一级标题 …) rather than by typing them, so the plain text has no numbers and the importer
// could not tell headings from prose. Here each numbered paragraph gets the number Word would print ("一、",
// "（一）", "1."), and a paragraph in a heading style without numbering gets the number of its level — then the
// importer reads them like typed numbers. The parts: xml.ts (elements, parts, relationships), numbering.ts,
// story.ts (a story's paragraphs), boxes.ts (text boxes and alternatives), fields.ts (page numbers, instructions).
import JSZip from 'jszip';
import { oneAlternative, withBoxesMarked, withoutBoxMarks } from './boxes.js';
import { withPageFieldsMarked } from './fields.js';
import { readNumbering, readStyles, startValue } from './numbering.js';
import { paragraphText, readNotes, StoryReader, storyLines, type WordParagraph } from './story.js';
import { attr, elements, readPart, relationships, targetsByType, val, MAX_PART_BYTES } from './xml.js';

export type { Mark, WordParagraph } from './story.js';
export { formatNumber } from './numbering.js';
export { PAGE_FIELD } from './fields.js';
export { decodeXml, MAX_PART_BYTES } from './xml.js';

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
