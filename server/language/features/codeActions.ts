// Code actions: the checker's fixes for diagnostics in a range, and refactors — "把数字改为指标"
// (a number with a measure word in prose becomes `{名称 = 150起}`), "提取为片段" (selected paragraphs
// move to a new snippet file, replaced by @引用) and its inverse "内联片段".
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
  kind: 'quickfix' | 'refactor.rewrite' | 'refactor.extract' | 'refactor.inline';
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

/** A number with a measure word in prose, not inside a figure, with the name its words before it give. */
interface ProseAmount {
  start: number;
  end: number;
  text: string;
}

function proseAmounts(model: ReportModel, from: number, to: number): ProseAmount[] {
  const text = model.file.text;
  const figures = figuresOf(model.file.document);
  const out: ProseAmount[] = [];
  for (const line of model.file.document.lines) {
    if (line.end < from || line.start > to || (line.kind !== 'text' && line.kind !== 'item' && line.kind !== 'heading')) continue;
    for (const m of text.slice(line.start, line.end).matchAll(NUMBER_WITH_UNIT)) {
      const start = line.start + m.index!;
      const end = start + m[0].length;
      if (text[start - 1] && /[\d.\\]/.test(text[start - 1]!)) continue;
      if (figures.some((f) => f.start <= start && end <= f.end)) continue;
      out.push({ start, end, text: m[0] });
    }
  }
  return out;
}

/** Words that lead into a count rather than name it (共调处 → 调处), and that link it to its number (达、为). */
const LEADING = /^(?:全年|本年度|本年|今年|年内|其中|共计|共|累计|合计|总计|先后|依法|各类|全镇|全乡|全县|全区|全市|我镇|我乡|我县|共有|有)+/u;
const LINKING = /(?:达到|达|为|计|约|近|逾|超过|了|有|是|共|累计|合计)+$/u;

/**
 * The figure's name from the words before the number, as import names figures: the clause's last words
 * ("共调处矛盾纠纷150起" → 调处矛盾纠纷, "成功率达98%" → 成功率). Undefined when the words give no name:
 * the writer names it then — never 指标1.
 */
export function nameFromContext(before: string): string | undefined {
  const clause = before.split(/[，。；：、！？,;:（）()《》〈〉“”‘’\s]/u).pop() ?? '';
  const words = clause.replace(LINKING, '').replace(LEADING, '').match(/\p{Script=Han}+$/u)?.[0] ?? '';
  const name = Array.from(words).slice(-8).join('');
  return Array.from(name).length >= 2 ? name : undefined;
}

/** A name not yet defined in the report: 调处, 调处之二, … */
function unusedName(name: string, used: Set<string>): string | undefined {
  const numerals = '二三四五六七八九十';
  let candidate = name;
  for (let i = 0; used.has(candidate) && i < numerals.length; i++) candidate = `${name}之${numerals[i]}`;
  return used.has(candidate) ? undefined : candidate;
}

function asFigures(model: ReportModel, amounts: readonly ProseAmount[]): FileEdit[] {
  const used = new Set(model.figures.definitions.keys());
  const edits: FileEdit[] = [];
  for (const a of amounts) {
    const lineStart = model.file.text.lastIndexOf('\n', a.start - 1) + 1;
    const base = nameFromContext(model.file.text.slice(lineStart, a.start));
    const name = base && unusedName(base, used);
    if (!name) continue;
    used.add(name);
    edits.push({ path: model.file.path, start: a.start, end: a.end, newText: `{${name} = ${a.text}}` });
  }
  return edits;
}

/**
 * "把数字改为指标": the number with a measure word at (or selected around) the cursor, in prose, named from
 * its words; and "把本段数字都改为指标": every such number of the paragraph at once.
 */
export function numberToFigure(model: ReportModel, range: Range): CodeAction[] {
  const text = model.file.text;
  const at = clampOffset(text, range.start);
  const out: CodeAction[] = [];
  const here = proseAmounts(model, at, at).filter((a) => a.start <= at && at <= a.end);
  const one = asFigures(model, here.slice(0, 1));
  if (one.length) out.push({ title: `把数字改为指标“${/\{([^ ]+) =/.exec(one[0]!.newText)![1]}”`, kind: 'refactor.rewrite', edits: one });
  const block = model.file.document.body.find((b) => (b.kind === 'paragraph' || b.kind === 'list') && b.start <= at && at <= b.end);
  if (block) {
    const all = asFigures(model, proseAmounts(model, block.start, block.end).filter((a) => a.start >= block.start && a.end <= block.end));
    if (all.length > 1) out.push({ title: `把本段数字都改为指标（${all.length} 个）`, kind: 'refactor.rewrite', edits: all });
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
  let body = lines.slice(first).join('\n').replace(/\s+$/, '');
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
