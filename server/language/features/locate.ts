// What is at an offset of a report's own file, and where a figure name occurs across the report and
// its snippets. Shared by hover, definition, references, rename and completion. Pure: offsets only.
import type * as ast from '../../../grammar/index.js';
import { forEachInline } from '../../../grammar/index.js';
import { HEADER_FIGURES } from '../figures.js';
import type { ReportModel, SourceFile } from '../model.js';
import type { IncludeSite } from '../model.js';

export interface Range {
  start: number;
  end: number;
}

/** A span in some file: `path` is a core path ('/'-separated, absolute). */
export interface Location extends Range {
  path: string;
}

export type Target =
  | { kind: 'figure'; name: string; span: Range; node: ast.FigureNode | undefined; header: boolean }
  | { kind: 'label'; name: string; span: Range }
  | { kind: 'include'; name: string; span: Range; site: IncludeSite | undefined; directive: ast.DirectiveLine }
  | { kind: 'snippet'; name: string; span: Range }
  | { kind: 'citation'; node: ast.CitationNode; title: string }
  | { kind: 'heading'; heading: ast.HeadingLine }
  | { kind: 'previous'; span: Range };

export function clampOffset(text: string, offset: number): number {
  if (!Number.isFinite(offset)) return 0;
  return Math.max(0, Math.min(Math.trunc(offset), text.length));
}

const within = (span: Range, offset: number) => span.start <= offset && offset <= span.end;

export function isHeaderName(name: string): boolean {
  return (HEADER_FIGURES as readonly string[]).includes(name);
}

/** Calls `visit` for every figure-name reference inside an expression. */
export function forEachRef(expr: ast.Expression | undefined, visit: (ref: ast.FigureRef) => void): void {
  if (!expr) return;
  switch (expr.kind) {
    case 'ref':
      visit(expr);
      break;
    case 'binary':
      forEachRef(expr.left, visit);
      forEachRef(expr.right, visit);
      break;
    case 'negation':
      forEachRef(expr.operand, visit);
      break;
  }
}

/** The inline content of a line, if any. */
export function lineInlines(line: ast.Line): readonly ast.Inline[] {
  switch (line.kind) {
    case 'heading':
    case 'item':
    case 'text':
      return line.content;
    case 'directive':
      return line.value;
    default:
      return [];
  }
}

/** Every figure node written in a file (inline content and @指标). */
export function figuresOf(document: ast.ReportDocument): ast.FigureNode[] {
  const out: ast.FigureNode[] = [];
  for (const line of document.lines) {
    if (line.kind === 'directive' && line.metric) out.push(line.metric);
    forEachInline(lineInlines(line), (n) => n.kind === 'figure' && out.push(n));
  }
  return out;
}

function figureTarget(node: ast.FigureNode, offset: number): Target | undefined {
  const body = node.body;
  if (!body) return undefined;
  if (body.form === 'label') return within(body.name, offset) || within(node, offset) ? { kind: 'label', name: body.name.text, span: body.name } : undefined;
  if (body.form === 'definition') {
    let found: Target | undefined;
    for (const expr of [body.value, body.check]) {
      forEachRef(expr, (ref) => {
        if (!found && within(ref, offset)) found = { kind: 'figure', name: ref.name, span: ref, node: undefined, header: isHeaderName(ref.name) };
      });
    }
    if (found) return found;
  }
  return { kind: 'figure', name: body.name.text, span: body.name, node, header: isHeaderName(body.name.text) };
}

/** The thing at an offset of the model's own file. */
export function targetAt(model: ReportModel, offset: number): Target | undefined {
  const text = model.file.text;
  offset = clampOffset(text, offset);
  const line = model.file.document.lines.find((l) => l.start <= offset && offset <= l.end);
  if (!line) return undefined;
  if (line.kind === 'directive') {
    if (line.metric && within(line.metric, offset)) return figureTarget(line.metric, offset);
    if (line.name === '引用' && line.args[0]) {
      const arg = line.args[0];
      if (within(arg.name, offset) || offset <= arg.name.start) {
        const site = model.includes.find((s) => s.directive === line && s.scope.file === model.file);
        return { kind: 'include', name: arg.name.text, span: arg.name, site, directive: line };
      }
    }
    if (line.name === '片段' && line.args[0]) return { kind: 'snippet', name: line.args[0].name.text, span: line.args[0].name };
    // The value of @年度 / @机关 / @标题 / @日期: the header value itself, as `{年度}` is.
    const value = line.name && isHeaderName(line.name) ? model.header.values[line.name as '年度'] : undefined;
    if (value && value.directive === line && value.span.end > value.span.start && within(value.span, offset) && !line.value.some((n) => n.kind === 'figure' && within(n, offset))) {
      return { kind: 'figure', name: line.name!, span: value.span, node: undefined, header: true };
    }
    if (line.name === '上年') {
      const value = model.header.values.上年;
      if (value && value.directive === line) return { kind: 'previous', span: value.span };
    }
  }
  if (line.kind === 'heading' && line.label && offset >= line.label.start - 2 && offset <= line.label.end + 1) {
    return { kind: 'label', name: line.label.text, span: line.label };
  }
  let found: Target | undefined;
  forEachInline(lineInlines(line), (node) => {
    if (found || !(node.start <= offset && offset < node.end + (node.kind === 'figure' ? 0 : 1))) return;
    if (node.kind === 'figure') found = figureTarget(node, offset);
  });
  if (found) return found;
  forEachInline(lineInlines(line), (node) => {
    if (!found && node.kind === 'citation' && node.start <= offset && offset <= node.end) {
      found = { kind: 'citation', node, title: citationTitle(node, text) };
    }
  });
  if (found) return found;
  if (line.kind === 'heading') return { kind: 'heading', heading: line };
  return undefined;
}

/** The title of a citation as typed (figures as written). */
export function citationTitle(node: ast.CitationNode, text: string): string {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}

export interface Occurrence extends Location {
  definition: boolean;
}

/** The files of a report: its own and every snippet it expands. */
export function filesOf(model: ReportModel): SourceFile[] {
  const files = new Map<string, SourceFile>([[model.file.path, model.file]]);
  for (const placed of model.blocks) if (!files.has(placed.scope.file.path)) files.set(placed.scope.file.path, placed.scope.file);
  return [...files.values()];
}

/** Every place a figure name is written: definitions, references, formula operands; report and snippets. */
export function figureOccurrences(model: ReportModel, name: string): Occurrence[] {
  return filesOf(model)
    .flatMap((file) => figureOccurrencesIn(file, name))
    .sort((a, b) => (a.path === b.path ? a.start - b.start : a.path < b.path ? -1 : 1));
}

/** The places one file writes a figure name, in order (highlights ask for the report's own file only). */
export function figureOccurrencesIn(file: SourceFile, name: string): Occurrence[] {
  const out = new Map<number, Occurrence>();
  const add = (span: Range, definition: boolean) => {
    if (!out.has(span.start)) out.set(span.start, { path: file.path, start: span.start, end: span.end, definition });
  };
  for (const node of figuresOf(file.document)) {
    const body = node.body;
    if (!body || body.form === 'label') continue;
    if (body.name.text === name) add(body.name, body.form === 'definition');
    if (body.form === 'definition') for (const expr of [body.value, body.check]) forEachRef(expr, (ref) => ref.name === name && add(ref, false));
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** Every `{#标签}` after a heading in the report's files, by name. */
export function labelOccurrences(model: ReportModel, name: string): Occurrence[] {
  return filesOf(model).flatMap((file) => labelOccurrencesIn(file, name));
}

/** The `{#标签}` of one file: after a heading (the definition), then in the text. */
export function labelOccurrencesIn(file: SourceFile, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const line of file.document.lines) {
    if (line.kind === 'heading' && line.label?.text === name) out.push({ path: file.path, start: line.label.start, end: line.label.end, definition: true });
  }
  for (const node of figuresOf(file.document)) {
    if (node.body?.form === 'label' && node.body.name.text === name) out.push({ path: file.path, start: node.body.name.start, end: node.body.name.end, definition: false });
  }
  return out;
}
