// Lines the parser need not see: prose, headings and list items whose only marks are 《》 (no figure,
// escape, comment or directive) — most lines of a report. They are built here exactly as the parser
// builds them (test/unit/core/fastLine.property.test.ts compares the two on random lines); anything
// else returns undefined and goes to the parser.
import type * as ast from './ast.js';

/** Marks only the parser reads: figures and escapes. */
const PARSER_MARKS = /[{｛\\]/;
/** What any line-start token can begin with (a superset: the parser decides the rest). */
const LINE_START_MARK = /^[ \t\u3000]*(?:[/#＃@＠\-－*＊]|[0-9]+[.．][ \t\u3000])/;
const HEADING_MARKER = /^[ \t\u3000]*[#＃]+[ \t\u3000]*/;
const BULLET = /^[ \t\u3000]*[-－*＊][ \t\u3000]+/;
const ORDERED_MARKER = /^[ \t\u3000]*[0-9]+[.．][ \t\u3000]+/;

/** The line as the parser would build it, offsets from `offset`; undefined when only the parser can tell. */
export function fastLine(source: string, offset: number): ast.Line | undefined {
  let contentEnd = source.length;
  while (contentEnd > 0 && (source.charCodeAt(contentEnd - 1) === 10 || source.charCodeAt(contentEnd - 1) === 13)) contentEnd--;
  if (contentEnd === 0) return source.length ? { kind: 'blank', start: offset, end: offset + source.length } : undefined;
  const content = contentEnd === source.length ? source : source.slice(0, contentEnd);
  if (PARSER_MARKS.test(content)) return undefined;
  const lineEnd = offset + source.length;
  const broken = contentEnd < source.length;
  if (!LINE_START_MARK.test(content)) {
    const inlines = inlinesOf(content, 0, offset);
    return { kind: 'text', content: inlines, start: inlines[0]!.start, end: broken ? lineEnd : inlines[inlines.length - 1]!.end };
  }
  const heading = HEADING_MARKER.exec(content);
  if (heading) {
    const level = heading[0].trim().length;
    // Five levels or more is BG004: the parser's line, with its diagnostic.
    if (level > 4) return undefined;
    const marker = { start: offset, end: offset + heading[0].length };
    const inlines = inlinesOf(content, heading[0].length, offset);
    const end = broken ? lineEnd : inlines.length ? inlines[inlines.length - 1]!.end : marker.end;
    return { kind: 'heading', level, marker, content: inlines, label: undefined, start: marker.start, end };
  }
  const bullet = BULLET.exec(content);
  const item = bullet ?? ORDERED_MARKER.exec(content);
  if (!item) return undefined;
  const marker = { start: offset, end: offset + item[0].length };
  const inlines = inlinesOf(content, item[0].length, offset);
  const end = broken ? lineEnd : inlines.length ? inlines[inlines.length - 1]!.end : marker.end;
  return { kind: 'item', ordered: !bullet, marker, content: inlines, start: marker.start, end };
}

/** Where the run of text starting at `from` ends: at the next 《 or 》 or the end. */
function textEnd(content: string, from: number): number {
  let i = from;
  while (i < content.length) {
    const c = content.charCodeAt(i);
    if (c === 0x300a /* 《 */ || c === 0x300b /* 》 */) break;
    i++;
  }
  return i;
}

/** Text, citations and stray 》 from `from` to the end of `content`, as the parser's `inline` rule makes them. */
function inlinesOf(content: string, from: number, offset: number): ast.Inline[] {
  const out: ast.Inline[] = [];
  const text = (start: number, end: number): ast.TextNode => ({ kind: 'text', text: content.slice(start, end), start: offset + start, end: offset + end });
  let i = from;
  while (i < content.length) {
    const c = content.charCodeAt(i);
    if (c === 0x300b) {
      out.push({ kind: 'stray', text: '》', start: offset + i, end: offset + i + 1 });
      i++;
    } else if (c === 0x300a) {
      const open = i;
      const children: ast.Inline[] = [];
      const end = textEnd(content, open + 1);
      if (end > open + 1) children.push(text(open + 1, end));
      const closed = content.charCodeAt(end) === 0x300b;
      i = closed ? end + 1 : end;
      const last = children[children.length - 1];
      out.push({ kind: 'citation', children, closed, start: offset + open, end: closed ? offset + i : last ? last.end : offset + open + 1 });
    } else {
      const end = textEnd(content, i);
      out.push(text(i, end));
      i = end;
    }
  }
  return out;
}
