// Completion, decided from the text of the line before the cursor: directives and their values,
// standard part headings, figure names and measure words inside `{`, labels after `{#`, snippets and
// their parameters after @引用, citation titles after `《`.
import { DIRECTIVES } from '../../../grammar/index.js';
import { REPORT_KINDS } from '../header.js';
import { HEADER_FIGURES } from '../figures.js';
import type { ReportModel } from '../model.js';
import type { LanguageService } from '../service.js';
import { formatValue } from '../values.js';
import { basename, dirname, relativePath } from '../corePath.js';
import { clampOffset } from './locate.js';
import { trailingRunStart } from '../../../grammar/trailing.js';

export type CompletionKind = 'keyword' | 'value' | 'figure' | 'constant' | 'unit' | 'snippet' | 'parameter' | 'citation' | 'label' | 'heading' | 'file';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Text to insert (defaults to the label) replacing [start, end). */
  insertText?: string;
  start: number;
  end: number;
}

export const MEASURE_WORDS = ['人', '件', '起', '人次', '场次', '场', '份', '册', '次', '条', '块', '个', '项', '名', '家', '户', '万元', '元', '期', '批', '宗', '%'];

export const STANDARD_PARTS: ReadonlyArray<{ label: string; title: string }> = [
  { label: '举措', title: '上一年度推进法治政府建设的主要举措和成效' },
  { label: '不足', title: '存在的不足和原因' },
  { label: '第一责任人', title: '党政主要负责人履行推进法治建设第一责任人职责的情况' },
  { label: '安排', title: '下一年度推进法治政府建设的主要安排' },
  { label: '其他', title: '其他需要报告的情况' },
];

export interface CompletionContext {
  /** Today, for @日期. */
  today: Date;
  citations: readonly { title: string }[];
}

/** What every completer sees: the line before the cursor, and how to make an item ending at the cursor. */
interface At {
  service: LanguageService;
  model: ReportModel;
  context: CompletionContext;
  offset: number;
  before: string;
  item(label: string, kind: CompletionKind, start: number, extra?: Partial<CompletionItem>): CompletionItem;
}

/** A completer answers when the text before the cursor is its kind of place; undefined passes on. */
type Completer = (at: At) => CompletionItem[] | undefined;

export function complete(service: LanguageService, model: ReportModel, offset: number, context: CompletionContext): CompletionItem[] {
  const text = model.file.text;
  offset = clampOffset(text, offset);
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const at: At = {
    service, model, context, offset,
    before: text.slice(lineStart, offset),
    item: (label, kind, start, extra = {}) => ({ label, kind, start, end: offset, ...extra }),
  };
  for (const completer of COMPLETERS) {
    const items = completer(at);
    if (items) return items;
  }
  return [];
}

/** `@指令` */
const directiveNames: Completer = ({ before, offset, item }) => {
  const m = /^[@＠]([\p{L}]*)$/u.exec(before);
  if (!m) return undefined;
  const start = offset - m[1]!.length;
  return DIRECTIVES.map((d) => item(d.name, 'keyword', start, { detail: `@${d.alias}` }));
};

/** The values of @类型, @年度 and @日期. */
const directiveValues: Completer = ({ before, offset, item, context }) => {
  const m = /^[@＠](类型|kind|年度|year|日期|date)[ \t　]+(\S*)$/u.exec(before);
  if (!m) return undefined;
  const start = offset - m[2]!.length;
  const t = context.today;
  switch (m[1]) {
    case '类型':
    case 'kind':
      return REPORT_KINDS.map((k) => item(k, 'value', start));
    case '年度':
    case 'year':
      return [t.getFullYear() - 1, t.getFullYear()].map((y) => item(String(y), 'value', start));
    default: {
      const iso = `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
      return [item(iso, 'value', start, { detail: `${t.getFullYear()}年${t.getMonth() + 1}月${t.getDate()}日` })];
    }
  }
};

/** `@引用 名称` */
const snippetNames: Completer = ({ before, offset, item, service, model }) => {
  const m = /^[@＠](?:引用|include)[ \t　]+([^\s=]*)$/u.exec(before);
  if (!m) return undefined;
  const start = offset - m[1]!.length;
  const seen = new Set<string>();
  return service.snippets
    .snippetsFor(model.file.path)
    .filter((s) => (seen.has(s.name) ? false : (seen.add(s.name), true)))
    .map((s) => item(s.name, 'snippet', start, { detail: s.params.length ? `参数：${s.params.join('、')}` : s.path }));
};

/**
 * `@上年 路径`: the other reports under the folder above this one (a folder a year is how offices
 * keep them), as paths relative to this report; those whose name or folder says last year come first.
 */
const lastYearPaths: Completer = ({ before, offset, item, service, model }) => {
  const m = /^[@＠](?:上年|previous)[ \t　]+(\S*)$/u.exec(before);
  if (!m) return undefined;
  const start = offset - m[1]!.length;
  const here = dirname(model.file.path);
  const nearby = service.workspace.findReports(dirname(here));
  // The folder above may be outside the workspace (nothing is read there): then this folder and those below it.
  const reports = (nearby.length ? nearby : service.workspace.findReports(here)).filter((p) => p !== model.file.path);
  const year = model.header.year;
  const rank = (path: string) => {
    const lastYear = year !== undefined && relativePath(dirname(here), path).includes(String(year - 1)) ? 0 : 2;
    return lastYear + (dirname(path) === here ? 0 : 1);
  };
  return reports
    .map((path) => ({ path, rank: rank(path), written: relativePath(here, path) }))
    .sort((a, b) => a.rank - b.rank || a.written.localeCompare(b.written, 'zh'))
    .slice(0, 200)
    .map((r) => item(r.written, 'file', start, { detail: r.rank < 2 ? `${basename(r.path)}（${year! - 1} 年）` : basename(r.path) }));
};

/** `@引用 名称 参数=…`: the parameters not given yet. */
const snippetParameters: Completer = ({ before, offset, item, service, model }) => {
  const m = /^[@＠](?:引用|include)[ \t　]+(\S+)((?:[ \t　]+\S+)*)[ \t　]+([^\s=]*)$/u.exec(before);
  if (!m) return undefined;
  const snippet = service.snippets.find(m[1]!, model.file.path)[0];
  if (!snippet) return [];
  const given = new Set(m[2]!.split(/[ \t　]+/).map((a) => a.split(/[=＝]/)[0]));
  const start = offset - m[3]!.length;
  return snippet.params.filter((p) => !given.has(p)).map((p) => item(p, 'parameter', start, { insertText: `${p}=` }));
};

/** `# ` the standard part headings. */
const partHeadings: Completer = ({ before, offset, item }) => {
  // The spaces after `#` taken off apart: a pattern with them before [^{｛]* (which takes them too) was quadratic.
  const m = /^([#＃]{1,4})([^{｛]*)$/u.exec(before);
  if (!m || m[1]!.length !== 1) return undefined;
  const start = offset - m[2]!.replace(/^[ \t　]+/, '').length;
  return STANDARD_PARTS.map((p) => item(p.title, 'heading', start, { detail: `{#${p.label}}`, insertText: `${p.title} {#${p.label}}` }));
};

/** A character of a figure's name, one code point. */
const WORD_CHARACTER = /^[\p{L}\p{N}_]$/u;

/** Inside `{ … }`: labels after `{#`, measure words after a number, else figure and header names. */
const insideFigure: Completer = ({ before, offset, item, model }) => {
  const open = Math.max(before.lastIndexOf('{'), before.lastIndexOf('｛'));
  const close = Math.max(before.lastIndexOf('}'), before.lastIndexOf('｝'));
  if (open < 0 || open < close || before[open - 1] === '\\') return undefined;
  const inside = before.slice(open + 1);
  if (/^[#＃]/.test(inside)) {
    const start = offset - inside.length + 1;
    const labels = new Set<string>(STANDARD_PARTS.map((p) => p.label));
    for (const line of model.file.document.lines) if (line.kind === 'heading' && line.label) labels.add(line.label.text);
    return [...labels].map((l) => item(l, 'label', start));
  }
  // A number just typed: measure words.
  if (/\d(\.\d*)?$/.test(inside)) return MEASURE_WORDS.map((u) => item(u, 'unit', offset));
  const word = inside.slice(trailingRunStart(inside, (c) => WORD_CHARACTER.test(c)));
  if (/\d/.test(word[0] ?? '')) return [];
  const start = offset - word.length;
  // `{名称` typed mid-sentence with no `}` after it: the completion closes the figure, so that
  // accepting it never leaves `共{调解成功能力…` behind.
  const text = model.file.text;
  const lineEnd = text.indexOf('\n', offset);
  const after = text.slice(offset, lineEnd < 0 ? text.length : lineEnd);
  const closer = inside === word && !/^[\p{L}\p{N}_]*\s*(?:[=＝:：][^{｛}｝]*)?[}｝]/u.test(after) ? (before[open] === '｛' ? '｝' : '}') : '';
  const named = (name: string) => (closer ? { insertText: `${name}${closer}` } : {});
  const items: CompletionItem[] = [];
  for (const def of model.figures.definitions.values()) items.push(item(def.name, def.body.value?.kind === 'quantity' ? 'constant' : 'figure', start, { detail: def.value ? formatValue(def.value) : '', ...named(def.name) }));
  for (const name of HEADER_FIGURES) {
    const v = model.figures.headerValue(name);
    if (v) items.push(item(name, 'value', start, { detail: formatValue(v), ...named(name) }));
  }
  return items;
};

/** After `《`: the titles of the citation registry. */
const citationTitles: Completer = ({ before, offset, item, context }) => {
  const citeOpen = before.lastIndexOf('《');
  if (citeOpen < 0 || citeOpen < before.lastIndexOf('》')) return undefined;
  const typed = before.slice(citeOpen + 1);
  return context.citations.map((c) => item(c.title, 'citation', offset - typed.length, { insertText: `${c.title}》` }));
};

/** In order: the first that answers decides. */
const COMPLETERS: readonly Completer[] = [directiveNames, directiveValues, lastYearPaths, snippetNames, snippetParameters, partHeadings, insideFigure, citationTitles];
