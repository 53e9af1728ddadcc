// Fields in a .docx: the page numbers of headers and footers (drawn anew by the renderer, so read as a
// mark) and the text of fields' instructions, which Word computes and does not print.
import { attr, unescapeXml } from './xml.js';

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
export function withPageFieldsMarked(xml: string): string {
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
export function withoutInstructionText(xml: string): string {
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
