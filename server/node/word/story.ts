// A story's paragraphs (the body, a text box, a note) as Word shows them: each paragraph's text with every
// tracked change accepted and hidden text left out, the marks of what stands in it (notes, boxes, comments),
// and the number Word draws before it (a list's, or a heading style's).
import { BOX_MARK, oneAlternative, withBoxesMarked, withoutBoxMarks } from './boxes.js';
import { withoutInstructionText } from './fields.js';
import { chineseCount, Counters, drawnNumber, levelIndex, type ListInstance, type StyleInfo } from './numbering.js';
import { attr, elements, unescapeXml, val, withoutElements } from './xml.js';

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

export function paragraphText(body: string): { text: string; marks: Mark[] } {
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

/** The notes of footnotes.xml or endnotes.xml by id, each its paragraphs' text; the separators Word draws above them are no notes. */
export function readNotes(xml: string | undefined, name: 'footnote' | 'endnote', styles: Map<string, StyleInfo>, numbering: Map<string, ListInstance>): Map<string, string[]> {
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
export function storyLines(reader: StoryReader, xml: string): string[] {
  const boxes: string[] = [];
  const lines = reader.read(withBoxesMarked(xml, boxes)).map((p) => p.number + p.text);
  for (const box of boxes) for (const p of reader.read(box)) lines.push(p.number + p.text);
  return lines;
}

/**
 * Reads the paragraphs of a story (the body, a text box, a note), with the numbers Word draws: the lists'
 * counters go on from one story read to the next of the same reader.
 */
export class StoryReader {
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
