// parse(text): the syntax tree and the syntax diagnostics of any string. It never throws.
import type { IRecognitionException, IToken } from 'chevrotain';
import type * as ast from './ast.js';
import { countBefore, groupBlocks } from './blocks.js';
import { formulaBeyondBounds } from './bounds.js';
import { fastLine } from './fastLine.js';
import { shiftDiagnostic, shiftLine } from './shift.js';
import { nextLineStart, unchangedEnds } from './textChange.js';
import type { Diagnostic } from './diagnostic.js';
import { ReportParser } from './parser.js';
import { reportLexer } from './tokens.js';
import { forEachInline } from './walk.js';
import { withoutTrailing } from './trailing.js';

export type * from './ast.js';
export type * from './diagnostic.js';
export { encodedLength, LineIndex, unitsFor, type Position, type PositionEncoding } from './lineIndex.js';
export { DIRECTIVES, canonicalDirective } from './directives.js';
export { forEachInline, forEachFigure, inlineText } from './walk.js';
export { MAX_FORMULA_NESTING, MAX_FORMULA_TERMS } from './bounds.js';
export { countBefore } from './blocks.js';
export { endsWithLineBreak, lineEndAt, lineStartAt, unchangedEnds } from './textChange.js';

export interface ParseResult {
  document: ast.ReportDocument;
  diagnostics: Diagnostic[];
}

// One parser instance for the life of the process: building it (grammar analysis) is the expensive part.
let sharedParser: ReportParser | undefined;
function parser(): ReportParser {
  return (sharedParser ??= new ReportParser());
}

export function parse(text: string): ParseResult {
  try {
    const lines: ast.Line[] = [];
    const diagnostics: Diagnostic[] = [];
    forEachLineSpan(text, (start, end) => {
      const parsed = parseLine(text.slice(start, end), start);
      lines.push(parsed.line);
      for (const d of parsed.diagnostics) diagnostics.push(d);
    });
    return { document: groupBlocks(lines, text.length), diagnostics };
  } catch (error) {
    return plainTextFallback(text, error);
  }
}

/** One line of the text with its parse, in absolute offsets. */
interface ParsedLine {
  start: number;
  line: ast.Line;
  diagnostics: Diagnostic[];
}

/**
 * A parse that can be updated: the text, its result, where its lines start and which line each syntax
 * diagnostic is on (in arrays of numbers beside the lines, not an object per line: a keystroke moves
 * every line after the edit).
 */
export interface IncrementalParse extends ParseResult {
  text: string;
  /** Where each line of `document.lines` starts; it ends (its line break included) where the next starts. */
  lineStarts: readonly number[];
  /** The index of the line each of `diagnostics` is on. */
  diagnosticLines: readonly number[];
}

/** The lines of a parse, and its syntax diagnostics with the line of each. */
interface Lines {
  lines: ast.Line[];
  starts: number[];
  diagnostics: Diagnostic[];
  diagnosticLines: readonly number[];
}

/**
 * Parses `text` reusing the lines of a previous parse: lines before the first changed character are
 * kept as they were, lines after the last one are copied with their offsets moved, and only the lines
 * in between are lexed and parsed. Recovery never crosses a line, so the result equals `parse(text)`.
 */
export function reparse(previous: IncrementalParse | undefined, text: string): IncrementalParse {
  try {
    const edited = previous?.lineStarts.length ? linesAfterEdit(previous, text) : undefined;
    const { lines, starts, diagnostics, diagnosticLines } = edited ?? placeLines(parseLinesFrom(text, 0).fresh);
    const regroup = previous && edited?.sameLines ? { previous: previous.document, sameLines: edited.sameLines } : undefined;
    return { text, lineStarts: starts, diagnosticLines, diagnostics, document: groupBlocks(lines, text.length, regroup) };
  } catch (error) {
    return { text, lineStarts: [], diagnosticLines: [], ...plainTextFallback(text, error) };
  }
}

/** The lines of `text` from an edit of the previous text: the unchanged ones taken (the first `sameLines`, as they were), the others parsed. */
function linesAfterEdit(previous: IncrementalParse, text: string): Lines & { sameLines: number } {
  const starts = previous.lineStarts;
  const { prefix, suffix } = unchangedEnds(previous.text, text);
  // A line that ends (line break and the character after it included) before the first change is the same.
  let kept = 0;
  for (let high = starts.length; kept < high; ) {
    const mid = (kept + high) >> 1;
    if (lineEnd(previous, mid) < prefix) kept = mid + 1;
    else high = mid;
  }
  const delta = text.length - previous.text.length;
  const { fresh, movedFrom } = parseLinesFrom(text, kept ? lineEnd(previous, kept - 1) : 0, { starts, changedEnd: text.length - suffix, delta });
  const lines = placeLines(fresh, { previous, kept, movedFrom, delta });
  return { lines: lines.lines, starts: lines.starts, diagnostics: lines.diagnostics, diagnosticLines: lines.diagnosticLines, sameLines: kept };
}

/** Where line `i` of a parse ends: where the next starts, or at the end of the text. */
function lineEnd(parse: IncrementalParse, i: number): number {
  return i + 1 < parse.lineStarts.length ? parse.lineStarts[i + 1]! : parse.text.length;
}

/**
 * Parses the lines of `text` from `start` (a line start) to the end of the text. With the old lines'
 * starts, it stops at the first line that starts after the last change where an old line started: the
 * rest of the text is the old text's rest, so its lines are the old lines from there (`movedFrom`) moved
 * by `delta`.
 */
function parseLinesFrom(text: string, start: number, after?: { starts: readonly number[]; changedEnd: number; delta: number }): { fresh: ParsedLine[]; movedFrom: number } {
  const fresh: ParsedLine[] = [];
  while (start < text.length) {
    if (after && start > after.changedEnd) {
      const from = lineAt(after.starts, start - after.delta);
      if (from < after.starts.length && after.starts[from] === start - after.delta) return { fresh, movedFrom: from };
    }
    const end = nextLineStart(text, start);
    const parsed = parseLine(text.slice(start, end), start);
    fresh.push({ start, line: parsed.line, diagnostics: parsed.diagnostics });
    start = end;
  }
  return { fresh, movedFrom: after?.starts.length ?? 0 };
}

/** What is taken from the last parse: its first `kept` lines as they were, and its lines from `movedFrom` on moved by `delta`. */
interface Taken {
  previous: IncrementalParse;
  kept: number;
  movedFrom: number;
  delta: number;
}

/** The kept lines, the `fresh` ones and the moved ones in arrays made at their size (a long report has tens of thousands of lines). */
function placeLines(fresh: readonly ParsedLine[], taken?: Taken): Lines {
  const { previous, kept, movedFrom, delta } = taken ?? { previous: undefined, kept: 0, movedFrom: 0, delta: 0 };
  const oldLines = previous?.document.lines ?? [];
  const count = kept + fresh.length + oldLines.length - movedFrom;
  const lines = new Array<ast.Line>(count);
  const starts = new Array<number>(count);
  for (let i = 0; i < kept; i++) {
    lines[i] = oldLines[i]!;
    starts[i] = previous!.lineStarts[i]!;
  }
  for (let i = 0; i < fresh.length; i++) {
    lines[kept + i] = fresh[i]!.line;
    starts[kept + i] = fresh[i]!.start;
  }
  for (let i = movedFrom, at = kept + fresh.length; i < oldLines.length; i++, at++) {
    lines[at] = shiftLine(oldLines[i]!, delta);
    starts[at] = previous!.lineStarts[i]! + delta;
  }
  const { diagnostics, diagnosticLines } = placeDiagnostics(fresh, taken);
  return { lines, starts, diagnostics, diagnosticLines };
}

/** The syntax diagnostics of the kept lines, the fresh ones and the moved ones (moved too), with their lines. */
function placeDiagnostics(fresh: readonly ParsedLine[], taken?: Taken): Pick<Lines, 'diagnostics' | 'diagnosticLines'> {
  const old = taken?.previous.diagnostics ?? [];
  const oldLines = taken?.previous.diagnosticLines ?? [];
  const { kept = 0, movedFrom = 0, delta = 0 } = taken ?? {};
  // In line order: those of the kept lines come first, those of the moved lines last.
  let keptCount = 0;
  while (keptCount < old.length && oldLines[keptCount]! < kept) keptCount++;
  let movedAt = old.length;
  while (movedAt > keptCount && oldLines[movedAt - 1]! >= movedFrom) movedAt--;
  const diagnostics = old.slice(0, keptCount);
  const lines = oldLines.slice(0, keptCount);
  for (let i = 0; i < fresh.length; i++) {
    for (const d of fresh[i]!.diagnostics) {
      diagnostics.push(d);
      lines.push(kept + i);
    }
  }
  const moveLine = kept + fresh.length - movedFrom;
  for (let k = movedAt; k < old.length; k++) {
    diagnostics.push(shiftDiagnostic(old[k]!, delta));
    lines.push(oldLines[k]! + moveLine);
  }
  return { diagnostics, diagnosticLines: lines };
}

/** Where the lines of a parsed text start, as LineIndex counts them (a line break at the end starts an empty last line). */
export function lineStartsOf(parse: IncrementalParse): number[] {
  const starts = parse.lineStarts.slice();
  const last = parse.text.charCodeAt(parse.text.length - 1);
  if (!starts.length || last === 10 || last === 13) starts.push(parse.text.length);
  return starts;
}

/** Index of the first line starting at or after `offset`. */
const lineAt = (starts: readonly number[], offset: number) => countBefore(starts.length, (i) => starts[i]! < offset);

/** Calls `visit(start, end)` for every line: each ends after its line break (\r\n, \r or \n), the last one may have none. */
export function forEachLineSpan(text: string, visit: (start: number, end: number) => void): void {
  for (let start = 0; start < text.length; ) {
    const end = nextLineStart(text, start);
    visit(start, end);
    start = end;
  }
}

/** The prose an unclosed figure swallowed (FigureNode.tail) becomes text again, right after the figure. */
function restoreTails(line: ast.Line, text: string): ast.Line {
  let tailEnd = 0;
  const fix = (inlines: ast.Inline[]) => {
    for (let i = 0; i < inlines.length; i++) {
      const node = inlines[i]!;
      if (node.kind === 'citation') {
        fix(node.children);
        const last = node.children[node.children.length - 1];
        if (!node.closed && last && last.end > node.end) node.end = last.end;
      }
      if (node.kind === 'figure' && node.tail !== undefined && node.tail > node.end) {
        inlines.splice(i + 1, 0, { kind: 'text', text: text.slice(node.end, node.tail), start: node.end, end: node.tail });
        tailEnd = Math.max(tailEnd, node.tail);
        delete node.tail; // line-relative, and said by the text node now
        i++;
      }
    }
  };
  if ('content' in line && Array.isArray(line.content)) fix(line.content);
  if (line.kind === 'directive') fix(line.value);
  // A last line without a line break ended with its last node, the figure: it now ends with the tail.
  if (tailEnd > line.end) line.end = tailEnd;
  return line;
}

/**
 * The parse of one line (its text including its line break), offsets from `offset`. Most lines take the
 * short path of fastLine.ts, which builds the nodes the parser would; `fast: false` (a test) never does.
 */
export function parseLine(source: string, offset = 0, fast = true): { line: ast.Line; diagnostics: Diagnostic[] } {
  const quick = fast ? fastLine(source, offset) : undefined;
  if (quick) return { line: quick, diagnostics: [] };
  const tokens = reportLexer().tokenize(source).tokens;
  const beyond = formulaBeyondBounds(tokens);
  if (beyond) {
    const kept = { line: rawLine(source, tokens[0]!, tokens[tokens.length - 1]!), diagnostics: [{ code: 'BG904', severity: 'error' as const, start: beyond.start, end: withoutTrailing(source, '\r\n').length, message: beyond.message }] };
    if (offset !== 0) shiftInPlace(kept, offset);
    return kept;
  }
  const p = parser();
  p.input = tokens;
  p.abandoned = false;
  let line: ast.Line | undefined;
  // Recovery makes an exception per error, each capturing a stack no one reads (a fifth of the parse of a
  // line of broken figures): none is captured while the line is parsed.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    line = p.line();
  } catch {
    // Recovery left the line in pieces; setting `input` for the next line resets the parser.
    line = undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const errors: IRecognitionException[] = [...p.errors];
  // Tokens the line rule could not take are never dropped: the whole line is kept as prose.
  // A rule abandoned by recovery leaves its part undefined (`- {调处=-`: the item's content): prose too.
  // A part recovery abandoned (`{法=-{`: the figure broke off at its formula) would lose its text: prose too.
  const complete = line && !p.abandoned && !errors.some((e) => e.name === 'NotAllInputParsedException') && partsPresent(line);
  if (!complete) {
    if (!errors.length) errors.push({ name: 'LineNotParsed', message: '', token: tokens[0]!, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } });
    line = rawLine(source, tokens[0]!, tokens[tokens.length - 1]!);
  } else line = restoreTails(line!, source);
  const parsed = { line: line!, diagnostics: syntaxDiagnostics(line!, errors, source) };
  if (offset !== 0) shiftInPlace(parsed, offset);
  return parsed;
}

/** Whether the parts a line's kind has are there (recovery can abandon a rule and leave one undefined). */
function partsPresent(line: ast.Line): boolean {
  if (line.kind === 'directive') return Array.isArray(line.value) && Array.isArray(line.args);
  return !('content' in line) || Array.isArray(line.content);
}

/** Adds `delta` to every `start` and `end` of a parsed line (nodes, diagnostics, fix edits), in place. */
function shiftInPlace(value: unknown, delta: number): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') shiftInPlace(item, delta);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const v = record[key];
    if (typeof v === 'number') {
      if (key === 'start' || key === 'end') record[key] = v + delta;
    } else if (v !== null && typeof v === 'object') shiftInPlace(v, delta);
  }
}

function rawLine(text: string, first: IToken, last: IToken): ast.Line {
  const start = first.startOffset;
  const end = last.startOffset + last.image.length;
  const content = withoutTrailing(text.slice(start, end), '\r\n');
  return { kind: 'text', content: [{ kind: 'text', text: content, start, end: start + content.length }], start, end };
}

/**
 * Last resort if the parser itself fails: every line becomes prose, so the writer still sees (and can
 * render) all of their text, with one diagnostic that says what happened.
 */
function plainTextFallback(text: string, error: unknown): ParseResult {
  const lines: ast.Line[] = [];
  const pattern = /[^\r\n]*(\r\n|\r|\n|$)/g;
  for (let match = pattern.exec(text); match && match[0] !== ''; match = pattern.exec(text)) {
    const start = match.index;
    const content = withoutTrailing(match[0], '\r\n');
    const end = start + match[0].length;
    if (content === '') lines.push({ kind: 'blank', start, end });
    else lines.push({ kind: 'text', content: [{ kind: 'text', text: content, start, end: start + content.length }], start, end });
  }
  const message = `解析器内部出错，本文件暂按纯文本处理：${(error as Error)?.message ?? String(error)}。请把这个文件报告给开发者。`;
  return { document: groupBlocks(lines, text.length), diagnostics: [{ code: 'BG009', severity: 'error', message, start: 0, end: 0 }] };
}

const FIGURE_FORMS = '可写成 {名称}、{名称 = 150起}、{名称 = 成功/调处 %}、{名称 = 81.48% : 持证/应领证} 或 {#标签}';

function syntaxDiagnostics(line: ast.Line, errors: IRecognitionException[], text: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<number>();
  const report = (d: Diagnostic) => {
    if (reported.has(d.start)) return;
    reported.add(d.start);
    diagnostics.push(d);
  };

  const checkFigure = (figure: ast.FigureNode, inHeading: boolean, isLabelOfHeading: boolean) => {
    const source = text.slice(figure.start, figure.end);
    if (!figure.closed) {
      report({
        code: 'BG001', severity: 'error', start: figure.start, end: figure.end,
        message: `花括号“${abbreviate(source)}”没有闭合：在同一行内补上“}”，或写成“\\{”表示字面的花括号。`,
        fixes: [{ title: '补上“}”', edits: [{ start: figure.end, end: figure.end, newText: '}' }], safe: false }],
      });
    } else if (figure.body === undefined && source.replace(/[{}｛｝\s]/g, '') === '') {
      report({ code: 'BG003', severity: 'error', start: figure.start, end: figure.end, message: `空的指标“${source}”：在花括号内写指标名称，${FIGURE_FORMS}。` });
    } else if (figure.broken) {
      report({ code: 'BG002', severity: 'error', start: figure.start, end: figure.end, message: `无法识别的指标写法“${abbreviate(source)}”：${FIGURE_FORMS}。` });
    }
    if (figure.body?.form === 'label' && !isLabelOfHeading) {
      report({
        code: 'BG006', severity: 'warning', start: figure.start, end: figure.end,
        message: inHeading ? `标签“${source}”应写在标题的末尾。` : `标签“${source}”只能写在标题的末尾，这里不会起作用。`,
      });
    }
  };

  {
    if (line.kind === 'heading') {
      if (line.level > 4) {
        report({ code: 'BG004', severity: 'error', start: line.marker.start, end: line.marker.end, message: `标题最多四级（#### 对应“（1）”），这里写了 ${line.level} 个“#”。` });
      }
      forEachInline(line.content, (node) => node.kind === 'figure' && checkFigure(node, true, false));
    } else if (line.kind === 'directive') {
      if (line.name === undefined) {
        report({ code: 'BG005', severity: 'error', start: line.written.start - 1, end: line.written.end, message: `未知的指令“@${line.written.text}”。可用的指令有 @标题 @类型 @机关 @年度 @日期 @主送 @上年 @附件 @抄送 @印发机关 @印发日期 @指标 @引用 @落款 @模板 @检查 @片段 @参数；若这是正文，请写成“\\@${line.written.text}”。` });
      }
      if (line.metric) checkMetric(line.metric);
      if (line.name === '引用' || line.name === '片段' || line.name === '参数' || line.name === '检查') checkArgumentsEnd(line);
      forEachInline(line.value, (node) => node.kind === 'figure' && checkFigure(node, false, false));
    } else if (line.kind === 'item' || line.kind === 'text') {
      forEachInline(line.content, (node) => node.kind === 'figure' && checkFigure(node, false, false));
    }
  }

  // What follows the last argument that is no argument (`@检查 BG601=关 =关 BG233=关`) is skipped by the
  // parser: told, or a setting or a snippet's parameter after it is silently not applied.
  function checkArgumentsEnd(directive: ast.DirectiveLine) {
    const from = directive.args.length ? directive.args[directive.args.length - 1]!.end : directive.written.end;
    const rest = /[^\s,，、]/.exec(text.slice(from, directive.end));
    if (!rest) return;
    const start = from + rest.index;
    const left = text.slice(start, directive.end).trimEnd();
    report({ code: 'BG009', severity: 'error', start, end: start + left.length, message: `无法识别“${abbreviate(left)}”：这一行的写法有误，它和后面的参数都没有起作用；参数写成“名称=值”，以空格分隔。` });
  }

  function checkMetric(metric: ast.FigureNode) {
    if (metric.broken || metric.body?.form !== 'definition') {
      report({ code: 'BG002', severity: 'error', start: metric.start, end: Math.max(metric.end, metric.start + 1), message: `“@指标”后应写“名称 = 值”，例如“@指标 应领证 = 54人”。` });
    }
  }

  // Errors the parser recovered from but that fell outside any figure (argument lists and the like).
  reportUncovered(errors, diagnostics, text, report);
  // Mark figures that contain a recovery point as broken, so the renderer prints them as typed.
  if (errors.length) markBroken(line, errors);
  return diagnostics.sort((a, b) => a.start - b.start);
}

/** Reports each error at a place no diagnostic covers yet (BG009): one covers the place of every later error it spans. */
function reportUncovered(errors: IRecognitionException[], diagnostics: Diagnostic[], text: string, report: (d: Diagnostic) => void): void {
  const starts = errors.map((error) => errorStart(error.token, text));
  const uncovered = (start: number, error: IRecognitionException) => {
    const token: IToken = error.token;
    report({ code: 'BG009', severity: 'error', start, end: start + Math.max(1, token.image?.length ?? 0), message: `无法识别“${abbreviate(token.image ?? '')}”：这一行的写法有误。` });
  };
  if (!inOrder(starts)) {
    for (let e = 0; e < errors.length; e++) {
      const start = starts[e]!;
      if (!diagnostics.some((d) => d.start <= start && start < Math.max(d.end, d.start + 1))) uncovered(start, errors[e]!);
    }
    return;
  }
  // Errors come in the order of the line: one sweep of the diagnostics sorted by start, carrying the
  // furthest end reached so far (searching every diagnostic per error was quadratic: a line of 100,000
  // broken figures took 32 s to parse). A diagnostic reported here starts at its error, before every later one.
  const spans = diagnostics.map((d) => ({ start: d.start, end: Math.max(d.end, d.start + 1) })).sort((a, b) => a.start - b.start);
  let reach = -Infinity;
  for (let e = 0, k = 0; e < errors.length; e++) {
    const start = starts[e]!;
    while (k < spans.length && spans[k]!.start <= start) reach = Math.max(reach, spans[k++]!.end);
    if (start < reach) continue;
    const before = diagnostics.length;
    uncovered(start, errors[e]!);
    if (diagnostics.length > before) reach = Math.max(reach, diagnostics[diagnostics.length - 1]!.end, start + 1);
  }
}

/** Where an error is reported: its token's offset, or the end of the text for a token without one. */
function errorStart(token: IToken, text: string): number {
  return Number.isFinite(token.startOffset) && token.startOffset >= 0 ? token.startOffset : text.length;
}

function inOrder(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}

function markBroken(line: ast.Line, errors: IRecognitionException[]) {
  // Sorted, and searched by halves per figure (each figure searching every error was quadratic).
  const offsets = errors.map((e) => e.token.startOffset).filter((o) => Number.isFinite(o)).sort((a, b) => a - b);
  const visit = (node: ast.FigureNode) => {
    const first = countBefore(offsets.length, (i) => offsets[i]! < node.start);
    if (first < offsets.length && offsets[first]! < node.end) node.broken = true;
  };
  if (line.kind === 'directive' && line.metric) visit(line.metric);
  const content = line.kind === 'directive' ? line.value : 'content' in line ? line.content : [];
  forEachInline(content, (node) => node.kind === 'figure' && visit(node));
}

function abbreviate(source: string): string {
  return source.length > 30 ? `${source.slice(0, 30)}…` : source;
}
