// Code actions: the checker's fixes for diagnostics in a range, and two refactors — "把数字改为指标"
// (a number with a measure word in prose becomes `{名称 = 150起}`) and "提取为片段" (selected
// paragraphs move to a new snippet file, replaced by @引用).
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import type { ReportModel } from '../model.js';
import { basename, dirname } from '../workspace.js';
import { MEASURE_WORDS } from './completion.js';
import { clampOffset, figuresOf, type Range } from './locate.js';

export interface FileEdit {
  path: string;
  start: number;
  end: number;
  newText: string;
}

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite' | 'refactor.extract';
  /** The diagnostic a quick fix resolves. */
  diagnostic?: Diagnostic;
  isPreferred?: boolean;
  /** Files to create (empty) before the edits. */
  createFiles?: string[];
  edits: FileEdit[];
}

export function quickFixes(model: ReportModel, diagnostics: readonly Diagnostic[], range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.uri && d.uri !== model.file.path) continue;
    if (d.end < range.start || d.start > range.end) continue;
    for (const fix of d.fixes ?? []) {
      out.push({ title: fix.title, kind: 'quickfix', diagnostic: d, isPreferred: fix.safe, edits: fix.edits.map((e) => ({ path: model.file.path, ...e })) });
    }
  }
  return out;
}

const UNITS = [...MEASURE_WORDS].filter((u) => u !== '%').sort((a, b) => b.length - a.length);
const NUMBER_WITH_UNIT = new RegExp(`(\\d+(?:\\.\\d+)?)(%|${UNITS.join('|')})`, 'gu');

/** "把数字改为指标": the number with a measure word at (or selected around) the cursor, in prose. */
export function numberToFigure(model: ReportModel, range: Range): CodeAction | undefined {
  const text = model.file.text;
  const at = clampOffset(text, range.start);
  const line = model.file.document.lines.find((l) => l.start <= at && at <= l.end);
  if (!line || (line.kind !== 'text' && line.kind !== 'item' && line.kind !== 'heading')) return undefined;
  const lineText = text.slice(line.start, line.end);
  const figures = figuresOf(model.file.document);
  for (const m of lineText.matchAll(NUMBER_WITH_UNIT)) {
    const start = line.start + m.index!;
    const end = start + m[0].length;
    if (!(start <= at && at <= end)) continue;
    if (text[start - 1] && /[\d.]/.test(text[start - 1]!)) continue;
    if (figures.some((f) => f.start <= start && end <= f.end)) continue;
    let n = 1;
    while (model.figures.definitions.has(`指标${n}`)) n++;
    return { title: '把数字改为指标', kind: 'refactor.rewrite', edits: [{ path: model.file.path, start, end, newText: `{指标${n} = ${m[0]}}` }] };
  }
  return undefined;
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
  const content = `@片段 ${name}\n\n${text.slice(start, end).replace(/\s+$/, '')}\n`;
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
