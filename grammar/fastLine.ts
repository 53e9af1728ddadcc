// Lines the parser need not see — most lines of a report: prose, headings and list items with citations
// and figures of the usual forms (fastFigure.ts), comments, and text directives (@标题 …). They are built
// here exactly as the parser builds them (test/unit/core/fastLine.property.test.ts compares the two on
// random lines); anything else (escapes, an open or broken figure, @指标 and the directives with
// arguments, an unknown directive) returns undefined and goes to the parser.
import type * as ast from './ast.js';
import { canonicalDirective } from './directives.js';
import { fastArgs, fastFigure, fastMetric } from './fastFigure.js';
import { lastNonBlank, splitLabel } from './lineParts.js';

/** Marks only the parser reads: escapes. */
const PARSER_MARKS = /\\/;
/** What any line-start token can begin with (a superset: the parser decides the rest). */
const LINE_START_MARK = /^[ \t\u3000]*(?:[/#＃@＠\-－*＊]|[0-9]+[.．][ \t\u3000])/;
const COMMENT = /^[ \t\u3000]*\/\//;
const HEADING_MARKER = /^[ \t\u3000]*[#＃]+[ \t\u3000]*/;
const BULLET = /^[ \t\u3000]*[-－*＊][ \t\u3000]+/;
const ORDERED_MARKER = /^[ \t\u3000]*[0-9]+[.．][ \t\u3000]+/;
/** A text directive's token (tokens.ts, TextDirective); the name is group 1. */
const TEXT_DIRECTIVE = /^([ \t\u3000]*)[@＠]([^\s@＠{}｛｝]+)[ \t\u3000]*/;
/** Directives whose rest the lexer reads in figure mode, as spelt (tokens.ts, MetricDirective and ArgsDirective). */
const METRIC_SPELLINGS = new Set(['指标', 'metric']);
const ARGS_SPELLINGS = new Set(['引用', 'include', '片段', 'snippet', '参数', 'params', '检查', 'checks']);
const FIGURE_MODE_DIRECTIVES = new Set<ast.DirectiveName>(['指标', '引用', '片段', '参数', '检查']);

/** The line as the parser would build it, offsets from `offset`; undefined when only the parser can tell. */
export function fastLine(source: string, offset: number): ast.Line | undefined {
  let contentEnd = source.length;
  while (contentEnd > 0 && (source.charCodeAt(contentEnd - 1) === 10 || source.charCodeAt(contentEnd - 1) === 13)) contentEnd--;
  if (contentEnd === 0) return source.length ? { kind: 'blank', start: offset, end: offset + source.length } : undefined;
  const content = contentEnd === source.length ? source : source.slice(0, contentEnd);
  // A line ends after its line break, else where its content ends: the end after the break, if it has one.
  // (A value, not a closure: two closures made per line were most of what this function allocated.)
  const breakEnd = contentEnd < source.length ? offset + source.length : undefined;
  if (!LINE_START_MARK.test(content)) {
    if (PARSER_MARKS.test(content)) return undefined;
    const inlines = inlinesOf(content, 0, offset);
    return inlines && { kind: 'text', content: inlines, start: inlines[0]!.start, end: breakEnd ?? lastNodeEnd(inlines, 0) };
  }
  if (COMMENT.test(content)) {
    return { kind: 'comment', text: content.replace(COMMENT, ''), start: offset, end: breakEnd ?? offset + content.length };
  }
  if (PARSER_MARKS.test(content)) return undefined;
  const heading = HEADING_MARKER.exec(content);
  if (heading) {
    const level = heading[0].trim().length;
    // Five levels or more is BG004: the parser's line, with its diagnostic.
    if (level > 4) return undefined;
    const marker = { start: offset, end: offset + heading[0].length };
    const inlines = inlinesOf(content, heading[0].length, offset, true);
    if (!inlines) return undefined;
    const { inlines: shown, label } = splitLabel(inlines);
    return { kind: 'heading', level, marker, content: shown, label, start: marker.start, end: breakEnd ?? lastNodeEnd(inlines, marker.end) };
  }
  const directive = TEXT_DIRECTIVE.exec(content);
  if (directive) return directiveLine(content, directive, offset, breakEnd);
  const bullet = BULLET.exec(content);
  const item = bullet ?? ORDERED_MARKER.exec(content);
  if (!item) return undefined;
  const marker = { start: offset, end: offset + item[0].length };
  const inlines = inlinesOf(content, item[0].length, offset);
  return inlines && { kind: 'item', ordered: !bullet, marker, content: inlines, start: marker.start, end: breakEnd ?? lastNodeEnd(inlines, marker.end) };
}

/**
 * `@标题 …` and the other directives whose value is inline text, `@指标 名称 = 值`, and the directives with
 * arguments (`@引用 名称 机关=…`); an unknown one (BG005) is the parser's.
 */
function directiveLine(content: string, match: RegExpExecArray, offset: number, breakEnd: number | undefined): ast.DirectiveLine | undefined {
  const written = match[2]!;
  const name = canonicalDirective(written);
  if (name === undefined) return undefined;
  const start = offset + match[1]!.length + 1;
  const head = { kind: 'directive' as const, name, written: { text: written, start, end: start + written.length } };
  const rest = match[0].length;
  if (FIGURE_MODE_DIRECTIVES.has(name)) {
    // Read in figure mode only as spelt exactly, with a space or the line's end after the name.
    const next = content[match[1]!.length + 1 + written.length];
    if (next !== undefined && !/\s/.test(next)) return undefined;
    if (METRIC_SPELLINGS.has(written)) {
      const metric = fastMetric(content, rest, offset);
      return metric && { ...head, value: [], args: [], metric, start: offset, end: breakEnd ?? metric.end };
    }
    if (!ARGS_SPELLINGS.has(written)) return undefined;
    const args = fastArgs(content, rest, offset);
    return args && { ...head, value: [], args, metric: undefined, start: offset, end: breakEnd ?? lastNodeEnd(args, offset + rest) };
  }
  const value = inlinesOf(content, rest, offset);
  return value && { ...head, value, args: [], metric: undefined, start: offset, end: breakEnd ?? lastNodeEnd(value, offset + rest) };
}

/** Where the last of `nodes` ends, or `otherwise` when there are none. */
const lastNodeEnd = (nodes: ReadonlyArray<{ end: number }>, otherwise: number) => (nodes.length ? nodes[nodes.length - 1]!.end : otherwise);

/** What ends a run of text: 《 》 { ｛. */
const TEXT_END = /[《》{｛]/g;

/**
 * Where the run of text starting at `from` ends: at the next 《 》 { ｛ or the end. Found by the pattern's
 * `test` (its lastIndex says where; no match array is made): compiled code scans prose faster than a
 * charCodeAt loop, and most of a report's characters are in such runs.
 */
function textEnd(content: string, from: number): number {
  TEXT_END.lastIndex = from;
  return TEXT_END.test(content) ? TEXT_END.lastIndex - 1 : content.length;
}

const isBrace = (c: number) => c === 0x7b || c === 0xff5b;

/**
 * Text, citations, figures and stray 》 from `from` to the end of `content`, as the parser's `inline` rule
 * makes them; undefined if a figure is one only the parser can read. A label figure is a heading's last
 * part only (`labelAllowed`): anywhere else it is BG006, the parser's.
 */
function inlinesOf(content: string, from: number, offset: number, labelAllowed = false): ast.Inline[] | undefined {
  const out: ast.Inline[] = [];
  let i = from;
  while (i < content.length) {
    const c = content.charCodeAt(i);
    if (c === 0x300b) {
      out.push({ kind: 'stray', text: '》', start: offset + i, end: offset + i + 1 });
      i++;
    } else if (c === 0x300a) {
      const open = i;
      const children: ast.Inline[] = [];
      for (i = open + 1; i < content.length; ) {
        const d = content.charCodeAt(i);
        if (d === 0x300a || d === 0x300b) break;
        i = figureOrText(content, i, offset, children);
        // A label inside a citation is BG006, the parser's.
        if (i < 0 || isLabel(children[children.length - 1]!)) return undefined;
      }
      const closed = content.charCodeAt(i) === 0x300b;
      if (closed) i++;
      const last = children[children.length - 1];
      out.push({ kind: 'citation', children, closed, start: offset + open, end: closed ? offset + i : last ? last.end : offset + open + 1 });
    } else {
      i = figureOrText(content, i, offset, out);
      if (i < 0) return undefined;
    }
  }
  // A heading's label: its last part but for spaces (lineParts.ts, splitLabel); any other label is BG006.
  const last = labelAllowed ? lastNonBlank(out) : -1;
  for (let k = 0; k < out.length; k++) if (k !== last && isLabel(out[k]!)) return undefined;
  return out;
}

const isLabel = (node: ast.Inline) => node.kind === 'figure' && node.body?.form === 'label';

/** Reads the figure or the run of text at `i` onto `into`: where it ends, or -1 for a figure only the parser can read. */
function figureOrText(content: string, i: number, offset: number, into: ast.Inline[]): number {
  if (isBrace(content.charCodeAt(i))) {
    const figure = fastFigure(content, i, offset);
    if (!figure) return -1;
    into.push(figure);
    return figure.end - offset;
  }
  const end = textEnd(content, i);
  into.push({ kind: 'text', text: content.slice(i, end), start: offset + i, end: offset + end });
  return end;
}
