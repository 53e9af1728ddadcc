// Code actions: the checker's fixes for diagnostics in a range (and for every problem of the same kind, or
// every safe one at once: source.fixAll, which editor.codeActionsOnSave runs), and refactors — "把数字改为指标"
// (a number with a measure word in prose becomes `{名称 = 150起}`), "提取为片段" (selected paragraphs
// move to a new snippet file, replaced by @引用) and its inverse "内联片段".
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import type { ReportModel } from '../model.js';
import { basename, dirname } from '../corePath.js';
import { figuresInText, type FigureMarkup } from '../import/figures.js';
import { forEachFigure, lineEndAt } from '../../../grammar/index.js';
import { clampOffset, lineInlines, type Range } from './locate.js';
import { chooseFixes } from '../fixes.js';
import { CODES } from '../codes.js';

export interface FileEdit {
  path: string;
  start: number;
  end: number;
  newText: string;
}

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.baogao' | 'refactor.rewrite' | 'refactor.extract' | 'refactor.inline';
  /** The diagnostic a quick fix resolves. */
  diagnostic?: Diagnostic;
  isPreferred?: boolean;
  /** Files to create (empty) before the edits. */
  createFiles?: string[];
  edits: FileEdit[];
}

export function quickFixes(model: ReportModel, diagnostics: readonly Diagnostic[], range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  const offered = new Set<string>();
  const codes = new Set<string>();
  for (const d of diagnostics) {
    if (d.uri && d.uri !== model.file.path) continue;
    if (d.end < range.start || d.start > range.end) continue;
    codes.add(d.code);
    for (const fix of d.fixes ?? []) {
      out.push({ title: fix.title, kind: 'quickfix', diagnostic: d, isPreferred: fix.safe, edits: fix.edits.map((e) => ({ path: model.file.path, ...e })) });
    }
    // Then the same safe fix for every problem of its kind in the file, once per kind.
    if (d.fixes?.some((f) => f.safe) && !offered.has(d.code)) {
      offered.add(d.code);
      const kind = safeFixes(model, diagnostics.filter((other) => other.code === d.code));
      if (kind.count > 1) out.push({ title: `修正本文件全部 ${kind.count} 处“${CODES.get(d.code)?.title ?? d.code}”（${d.code}）`, kind: 'quickfix', edits: kind.edits });
    }
  }
  // Last, for a problem the writer holds is none (a check's false alarm): the check turned off in this report.
  for (const code of codes) {
    const off = turnOffInReport(model, code);
    if (off) out.push(off);
  }
  return out;
}

/**
 * “在本报告中关闭检查……”: `BG601=关` on the report's @检查 line (made after the header when there is none,
 * or the code's level changed where the line names it) — as ESLint offers to disable a rule for a file.
 * Not for syntax (BG0xx) and the document's bounds (BG9xx): those are not checks to turn off.
 */
function turnOffInReport(model: ReportModel, code: string): CodeAction | undefined {
  const info = CODES.get(code);
  if (!info || /^BG[09]/.test(code)) return undefined;
  const { text, document, path } = model.file;
  const title = `在本报告中关闭检查“${info.title}”（${code}：写入 @检查 ${code}=关）`;
  const settings = document.header.find((d) => d.name === '检查');
  const named = settings?.args.find((a) => a.name.text.toUpperCase() === code);
  let edit: FileEdit;
  if (named) edit = named.value ? { path, start: named.value.start, end: named.value.end, newText: '关' } : { path, start: named.name.end, end: named.name.end, newText: '=关' };
  else if (settings) {
    const end = lineEndAt(text, settings.start);
    edit = { path, start: end, end, newText: ` ${code}=关` };
  } else {
    const last = document.header[document.header.length - 1];
    const at = last ? last.end : 0;
    const breakBefore = at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r' ? '\n' : '';
    edit = { path, start: at, end: at, newText: `${breakBefore}@检查 ${code}=关\n` };
  }
  return { title, kind: 'quickfix', edits: [edit] };
}

/**
 * Every safe fix of the file at once, as `baogao check --fix` makes one pass (none overlapping; a fix that
 * makes work for another is left to the next): the Source Action 修正全部可自动修正的问题, and on save.
 */
export function fixAll(model: ReportModel, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const all = safeFixes(model, diagnostics);
  return all.count ? { title: `修正全部可自动修正的问题（${all.count} 处）`, kind: 'source.fixAll.baogao', edits: all.edits } : undefined;
}

function safeFixes(model: ReportModel, diagnostics: readonly Diagnostic[]): { count: number; edits: FileEdit[] } {
  const { edits, applied } = chooseFixes(model.file.text, diagnostics, { path: model.file.path });
  return { count: applied.length, edits: edits.map((e) => ({ path: model.file.path, ...e })) };
}

/** A number in prose, not inside a figure, with the figure import would write over it. */
interface ProseFigure extends FigureMarkup {
  /** Offsets in the report's text. */
  start: number;
  end: number;
}

/**
 * The amounts of the prose lines in [from, to], named by import's namer (server/language/import/figures.ts)
 * — each line analysed with its figures blanked out, so only numbers still written as text count and the
 * words around a figure still name the numbers after it. Names are unique against the report's figures.
 */
function proseFigures(model: ReportModel, from: number, to: number): ProseFigure[] {
  const text = model.file.text;
  const used = new Set(model.figures.definitions.keys());
  const org = model.header.org;
  const out: ProseFigure[] = [];
  for (const line of model.file.document.lines) {
    if (line.end < from || line.start > to || (line.kind !== 'text' && line.kind !== 'item' && line.kind !== 'heading')) continue;
    let prose = text.slice(line.start, line.end);
    // A line's own figures (a figure never crosses a line), not the report's: the light bulb asks at every move.
    forEachFigure(lineInlines(line), (f) => {
      const a = Math.max(f.start, line.start) - line.start;
      const b = Math.min(f.end, line.end) - line.start;
      prose = prose.slice(0, a) + ' '.repeat(b - a) + prose.slice(b);
    });
    // An escaped digit (\1) is text the writer kept from being read as anything.
    prose = prose.replace(/\\./g, '  ');
    for (const f of figuresInText(prose, used, org)) out.push({ ...f, start: line.start + f.start, end: line.start + f.end });
  }
  return out;
}

/**
 * "把数字改为指标": the number at (or selected around) the cursor, in prose, named from its words as
 * import names it (never 指标1: a number its words do not name gets no action); and "把本段数字都改为指标":
 * every such number of the paragraph at once, a rate beside its counts with its check formula.
 */
export function numberToFigure(model: ReportModel, range: Range): CodeAction[] {
  const at = clampOffset(model.file.text, range.start);
  const path = model.file.path;
  const out: CodeAction[] = [];
  const block = model.file.document.body.find((b) => (b.kind === 'paragraph' || b.kind === 'list') && b.start <= at && at <= b.end);
  const around = block ? proseFigures(model, block.start, block.end).filter((f) => f.start >= block.start && f.end <= block.end) : proseFigures(model, at, at);
  const here = around.find((f) => f.start <= at && at <= f.end);
  if (here) {
    // Written alone, the figure is named as in the paragraph but without a formula over counts still in prose.
    out.push({ title: `把数字改为指标“${here.name}”`, kind: 'refactor.rewrite', edits: [{ path, start: here.start, end: here.end, newText: here.plain }] });
  }
  if (around.length > 1) {
    out.push({ title: `把本段数字都改为指标（${around.length} 个）`, kind: 'refactor.rewrite', edits: around.map((f) => ({ path, start: f.start, end: f.end, newText: f.markup })) });
  }
  return out;
}

/**
 * "内联片段": the `@引用` line at the cursor replaced by the snippet's text (its `@片段`/`@参数` header
 * left out), each parameter given on the line written in where the snippet uses it (`{机关}` → 桂圩镇人民政府).
 * A parameter the line does not give stays `{名称}`, for the report to define.
 */
export function inlineSnippet(model: ReportModel, range: Range, readFile: (path: string) => string | undefined): CodeAction | undefined {
  const at = clampOffset(model.file.text, range.start);
  const site = model.includes.find((s) => s.scope.file === model.file && s.directive.start <= at && at <= s.directive.end);
  if (!site?.snippet) return undefined;
  const source = readFile(site.snippet.path);
  if (source === undefined) return undefined;
  const values = new Map(site.directive.args.slice(1).filter((a) => a.value).map((a) => [a.name.text, a.value!.text]));
  // The snippet's body: everything after its header directives and the blank lines below them.
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let first = 0;
  while (first < lines.length && (/^\s*[@＠](?:片段|snippet|参数|params?)(?:\s|$)/u.test(lines[first]!) || lines[first]!.trim() === '' || /^\s*\/\//.test(lines[first]!))) first++;
  let body = lines.slice(first).join('\n').trimEnd();
  for (const [name, value] of values) body = body.replace(new RegExp(`[{｛]\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[}｝]`, 'gu'), value);
  const end = site.directive.end - (model.file.text.slice(site.directive.start, site.directive.end).match(/\r?\n$/)?.[0].length ?? 0);
  return { title: `内联片段“${site.name}”`, kind: 'refactor.inline', edits: [{ path: model.file.path, start: site.directive.start, end, newText: body }] };
}

/** "提取为片段": whole lines of the selection go to snippets/<name>.bg; an @引用 replaces them. */
export function extractSnippet(model: ReportModel, range: Range, existingPaths: (path: string) => boolean): CodeAction | undefined {
  const text = model.file.text;
  if (range.end <= range.start) return undefined;
  const lines = model.file.document.lines.filter((l) => l.end > range.start && l.start < range.end);
  const body = lines.filter((l) => l.kind !== 'blank');
  if (body.length === 0 || body.some((l) => l.kind === 'directive' && model.file.document.header.includes(l))) return undefined;
  const start = lines[0]!.start;
  const end = lines[lines.length - 1]!.end;
  const folder = `${dirname(model.file.path) === '/' ? '' : dirname(model.file.path)}/snippets`;
  let n = 1;
  const base = basename(model.file.path, '.bg');
  const nameFor = (i: number) => `${base}片段${i}`;
  while (existingPaths(`${folder}/${nameFor(n)}.bg`)) n++;
  const name = nameFor(n);
  const path = `${folder}/${name}.bg`;
  const content = `@片段 ${name}\n\n${text.slice(start, end).trimEnd()}\n`;
  return {
    title: '提取为片段',
    kind: 'refactor.extract',
    createFiles: [path],
    edits: [
      { path, start: 0, end: 0, newText: content },
      { path: model.file.path, start, end, newText: `@引用 ${name}` },
    ],
  };
}
