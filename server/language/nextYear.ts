// Next year's report from this year's (`baogao new`): the same sections, snippets and figure names, with
// the header advanced, every stated figure emptied for refilling (last year's value kept beside it), and
// the years in the prose that meant "this year" rewritten as header values. Pure: text in, text out.
import * as ast from '../../grammar/index.js';
import { forEachFigure, forEachInline, parse } from '../../grammar/index.js';
import type { TextEdit } from '../../grammar/diagnostic.js';
import { applyEdits } from './fixes.js';
import { REPORT_YEAR } from './header.js';
import { dirname, relativePath } from './corePath.js';

export interface NextYearOptions {
  /** Where last year's report is (absolute, '/'-separated): `@上年` points there. */
  lastPath: string;
  /** Where the new report will be written: `@上年` is made relative to its folder. */
  nextPath: string;
  /** Last year's year when its header has no `@年度` (the writer says it): the new report gets `@年度` + 1. */
  year?: number;
}

/** A change made, or a place left for the writer to decide, with its 1-based line in last year's file. */
export interface NextYearNote {
  line: number;
  what: string;
}

export type NextYearResult =
  | { ok: true; text: string; year: number; changed: NextYearNote[]; flagged: NextYearNote[]; emptied: number }
  | { ok: false; problem: string };

/** Work-plan titles: a year in them names the year the plan is for. */
const PLAN_TITLE = /工作要点|工作计划|工作方案|实施方案|工作安排|任务清单|要点|计划/;
/** Words before a year that make it a date in the past or a starting point, not "this year". */
const HISTORICAL_BEFORE = /(?:自|从|于|截至|截止|始于|早在|成立于|起始于)\s*$/;
/** Words before a year that compare with it ("较2020年"): last year's year stays last year's. */
const COMPARISON_BEFORE = /(?:比|较|同比|与|和|对比|相比|超过|高于|低于|少于|多于)\s*$/;

/** A year followed by 年, not part of a range (2021—2025年). */
const YEAR = /(?<![\d—\-－~～至到])(\d{4})(?=年)(?!年?\s*[—\-－~～至到]\s*\d)/g;

export function nextYearReport(text: string, options: NextYearOptions): NextYearResult {
  const { document } = parse(text);
  const yearDirective = document.header.find((d) => d.name === '年度');
  const yearText = yearDirective ? ast.inlineText(yearDirective.value, text).trim() : '';
  const given = options.year !== undefined && Number.isInteger(options.year) && options.year >= 1000 && options.year <= 9999 ? options.year : undefined;
  if (yearDirective && !REPORT_YEAR.test(yearText)) return { ok: false, problem: `“@年度 ${yearText}”不是四位数的年份，无法推算下一年度。` };
  if (!yearDirective && given === undefined) {
    return { ok: false, problem: '上年报告没有“@年度”，无法推算下一年度：请说明它是哪一年度的（命令行加 --year 2021），或先在文头写上“@年度 2021”这样的一行。' };
  }
  if (document.header.some((d) => d.name === '片段')) return { ok: false, problem: '这是片段文件（@片段），不是报告：片段在各年的报告中共用，不必另起。' };
  const year = yearDirective ? Number(yearText) : given!;
  // @年度 is four digits: a report of 9999 has no next one to write (it wrote “@年度 10000”, an error of its own).
  if (year >= 9999) return { ok: false, problem: `上年报告是${year}年度的：下一年度不是四位数的年份，无法起草。` };
  const writer = new NextYearWriter(text, document, year);
  writer.header(yearDirective, relativePath(dirname(options.nextPath), options.lastPath));
  writer.body();
  return writer.result();
}

/** Collects the edits that turn last year's report into next year's, with a note for each. */
class NextYearWriter {
  private readonly edits: TextEdit[] = [];
  private readonly changed: NextYearNote[] = [];
  private readonly flagged: NextYearNote[] = [];
  private readonly lines: ast.LineIndex;
  private emptied = 0;

  constructor(
    private readonly text: string,
    private readonly document: ast.ReportDocument,
    /** Last year's report's year. */
    private readonly year: number,
  ) {
    this.lines = new ast.LineIndex(text);
  }

  result(): NextYearResult {
    const changed = [...this.changed].sort((a, b) => a.line - b.line);
    this.flagged.sort((a, b) => a.line - b.line);
    if (this.emptied) changed.push({ line: 0, what: `${this.emptied}个指标的数值已清空为“？”，上年的数值写在旁边（“？ 上年150起”），请逐个填上今年的数值` });
    return { ok: true, text: applyEdits(this.text, this.edits), year: this.year + 1, changed, flagged: this.flagged, emptied: this.emptied };
  }

  /** @年度 plus one, @日期 to fill in, @上年 pointing at last year's report. */
  header(yearDirective: ast.DirectiveLine | undefined, previousLink: string): void {
    if (!yearDirective) return this.headerWithoutYear(previousLink);
    const yearSpan = this.valueSpan(yearDirective);
    this.change(yearSpan.start, yearSpan.end, String(this.year + 1), `@年度 ${this.year} → ${this.year + 1}`);
    this.setDirective('日期', '？', yearDirective);
    this.setDirective('上年', previousLink, this.document.header.find((d) => d.name === '日期') ?? yearDirective);
  }

  /** Figures emptied and years advanced in the report's own text (snippets are shared between years: left alone). */
  body(): void {
    const document = this.document;
    for (const directive of [...document.header, ...document.body.filter((b): b is ast.DirectiveLine => b.kind === 'directive')]) {
      if (directive.name === '指标' && directive.metric) this.emptyFigure(directive.metric);
      if (directive.name === '标题') this.advanceYears(directive.value, true);
    }
    for (const block of document.body) {
      for (const line of blockLines(block)) {
        forEachFigure(line, (node) => this.emptyFigure(node));
        this.advanceYears(line, false);
      }
    }
  }

  private lineOf(offset: number): number {
    return this.lines.positionAt(offset).line + 1;
  }

  private change(start: number, end: number, newText: string, what?: string): void {
    this.edits.push({ start, end, newText });
    if (what) this.changed.push({ line: this.lineOf(start), what });
  }

  private valueSpan(d: ast.DirectiveLine): ast.Span {
    const raw = ast.inlineText(d.value, this.text);
    const start = d.value[0] ? d.value[0].start + raw.indexOf(raw.trim()) : d.written.end;
    return { start, end: start + raw.trim().length };
  }

  /** Last year's report had no @年度 (its year was given): @年度, and @日期/@上年 if missing, under its header. */
  private headerWithoutYear(previousLink: string): void {
    const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    const has = (name: string) => this.document.header.some((d) => d.name === name);
    const added = [`@年度 ${this.year + 1}`, ...(has('日期') ? [] : ['@日期 ？']), ...(has('上年') ? [] : [`@上年 ${previousLink}`])];
    const last = this.document.header[this.document.header.length - 1];
    if (last) {
      const nl = this.text.slice(last.start).search(/\r?\n|\r/);
      const at = nl < 0 ? this.text.length : last.start + nl;
      this.edits.push({ start: at, end: at, newText: added.map((l) => eol + l).join('') });
    } else {
      this.edits.push({ start: 0, end: 0, newText: added.join(eol) + eol + eol });
    }
    const line = last ? this.lineOf(last.start) + 1 : 1;
    this.changed.push({ line, what: `@年度 ${this.year + 1}（上年报告没有“@年度”，按所说的${this.year}年度推算）` });
    for (const l of added.slice(1)) this.changed.push({ line, what: l });
    if (has('日期')) this.setDirective('日期', '？', last!);
    if (has('上年')) this.setDirective('上年', previousLink, last!);
  }

  private setDirective(name: '日期' | '上年', value: string, after: ast.DirectiveLine): void {
    const existing = this.document.header.find((d) => d.name === name);
    if (existing) {
      const span = this.valueSpan(existing);
      const space = this.text.slice(existing.written.end, span.start).length > 0 ? '' : ' ';
      this.change(span.start, span.end, space + value, `@${name} ${value}`);
      return;
    }
    const nl = this.text.slice(after.start).search(/\r?\n|\r/);
    const at = nl < 0 ? this.text.length : after.start + nl;
    const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    this.edits.push({ start: at, end: at, newText: `${eol}@${name} ${value}` });
    this.changed.push({ line: this.lineOf(after.start) + 1, what: `@${name} ${value}` });
  }

  private emptyFigure(node: ast.FigureNode): void {
    const body = node.body;
    if (node.broken || body?.form !== 'definition' || body.value?.kind !== 'quantity') return;
    this.change(body.value.start, body.value.end, `？ 上年${this.text.slice(body.value.start, body.value.end)}`);
    this.emptied++;
  }

  private advanceYears(nodes: readonly ast.Inline[], isTitle: boolean): void {
    const year = this.year;
    forEachInline(nodes, (node) => {
      if (node.kind === 'citation') this.citationYears(node);
      if (node.kind !== 'text' || !nodes.includes(node)) return; // a citation's text: with its citation
      for (const m of node.text.matchAll(YEAR)) {
        const found = Number(m[1]);
        const at = node.start + m.index!;
        const before = node.text.slice(Math.max(0, m.index! - 6), m.index!);
        if (found === year + 1 && !HISTORICAL_BEFORE.test(before)) {
          this.change(at, at + 4, '{下年度}', `“${found}年”（下一年）→ {下年度}（印为${year + 2}）`);
        } else if (found === year && (isTitle || !HISTORICAL_BEFORE.test(before))) {
          this.change(at, at + 4, '{年度}', `“${found}年”（本年度）→ {年度}（印为${year + 1}）`);
        } else if (found === year - 1 && COMPARISON_BEFORE.test(before)) {
          this.change(at, at + 4, '{上年度}', `“${found}年”（比较的上一年）→ {上年度}（印为${year}）`);
        } else if (found === year || found === year - 1) {
          this.flagged.push({ line: this.lineOf(at), what: `“${before.slice(-4)}${found}年”未改：请确认在${year + 1}年度的报告中是否仍然适用` });
        }
      }
    });
  }

  private citationYears(citation: ast.CitationNode): void {
    const title = citation.children.map((c) => (c.kind === 'text' ? c.text : '\uE000')).join('');
    for (const child of citation.children) {
      if (child.kind !== 'text') continue;
      for (const m of child.text.matchAll(YEAR)) {
        const found = Number(m[1]);
        if (found !== this.year && found !== this.year + 1) continue;
        const at = child.start + m.index!;
        if (!PLAN_TITLE.test(title)) {
          this.flagged.push({ line: this.lineOf(at), what: `《${title}》中的“${found}年”未改：请确认所引文件` });
          continue;
        }
        const field = found === this.year ? '{年度}' : '{下年度}';
        this.change(at, at + 4, field, `《…${found}年…》（工作计划的年份）→ ${field}`);
      }
    }
  }
}

function blockLines(block: ast.Block): (readonly ast.Inline[])[] {
  switch (block.kind) {
    case 'heading':
      return [block.content];
    case 'paragraph':
      return block.lines;
    case 'list':
      return block.items.flatMap((i) => i.lines);
    default:
      return [];
  }
}

