// Collect: a county gathers its towns' reports and compares their figures. Pure: models in, rows out.
// Their text forms (an aligned table, RFC 4180 CSV) are templates/table.ts. The names writers give their
// figures are mapped to a shared vocabulary of standard indicators (data/indicators.json, extended by
// settings), so that 调处, 调处纠纷 and 化解纠纷 of three towns share one column; totals and averages close the table.
import indicatorData from './data/indicators.json' with { type: 'json' };
import type { FigureDefinition, ReportModel } from './model.js';
import { describeFigure, diagnosticsOn, type FigureDescription } from './figureDescription.js';
import { formatNumber } from './values.js';

/** A standard indicator and the figure names writers use for it. */
export interface IndicatorEntry {
  indicator: string;
  names: string[];
}

export const BUILTIN_INDICATORS: readonly IndicatorEntry[] = (indicatorData as { indicators: IndicatorEntry[] }).indicators;

/** Written name (unified) → standard indicator; the user's entries win over the built-in ones. */
export class IndicatorVocabulary {
  private readonly byName = new Map<string, string>();
  /** The indicators in order: the built-in ones first, then the user's. */
  readonly order: string[] = [];

  constructor(extra: readonly IndicatorEntry[] = []) {
    for (const entry of [...BUILTIN_INDICATORS, ...extra]) {
      const indicator = unifiedName(entry.indicator);
      if (!this.order.includes(indicator)) this.order.push(indicator);
      for (const name of [entry.indicator, ...entry.names]) this.byName.set(unifiedName(name), indicator);
    }
  }

  /** The standard indicator a figure name stands for, or undefined. */
  indicatorOf(name: string): string | undefined {
    return this.byName.get(unifiedName(name));
  }
}

/** One figure of one report. */
export interface FigureRow {
  /** The report's file, as the user named it. */
  file: string;
  org: string;
  year: string;
  name: string;
  /** The standard indicator the name stands for (矛盾纠纷调处 for 调处), '' when it is none of them. */
  indicator: string;
  /** As printed in the report: "150起", "98%", "5000多份"; '' when it cannot be evaluated. */
  printed: string;
  /** The number: 150; a percentage in percent (98 for 98%); undefined when it cannot be evaluated. */
  number: number | undefined;
  /** The measure word, "%" for a percentage, '' for none. */
  unit: string;
  /** An approximate count (多 余 约 近 …). */
  approximate: boolean;
  /** The formula as written: computed "成功/调处", or the check after ":" of a stated value. */
  formula: string;
  /** "ok", or the codes of the figure diagnostics on this figure ("BG207"). */
  result: string;
}

export interface ReportInfo {
  file: string;
  org: string;
  year: string;
}

/** The long form's columns: field and the Chinese header used in CSV, JSON and the table. */
export const LONG_COLUMNS: ReadonlyArray<[keyof FigureRow, string]> = [
  ['file', '文件'], ['org', '机关'], ['year', '年度'], ['name', '指标'], ['indicator', '标准指标'], ['printed', '数值'], ['number', '数值(数字)'],
  ['unit', '单位'], ['approximate', '是否约数'], ['formula', '公式'], ['result', '校验结果'],
];

export function reportInfo(model: ReportModel, file: string = model.file.path): ReportInfo {
  return { file, org: model.header.org ?? '', year: model.header.year !== undefined ? String(model.header.year) : '' };
}

/** One row per (report, figure), in report order, then in the order the figures are defined. */
export function collectFigures(
  models: readonly ReportModel[],
  files: readonly string[] = models.map((m) => m.file.path),
  vocabulary: IndicatorVocabulary = new IndicatorVocabulary(),
): FigureRow[] {
  const rows: FigureRow[] = [];
  models.forEach((model, i) => {
    const info = reportInfo(model, files[i]);
    for (const definition of model.figures.allDefinitions) {
      rows.push({ ...info, ...figureFields(model, definition), indicator: vocabulary.indicatorOf(definition.name) ?? '' });
    }
  });
  return rows;
}

function figureFields(model: ReportModel, definition: FigureDefinition) {
  const figure = describeFigure(definition);
  return {
    name: figure.name,
    printed: figure.printed ?? '',
    number: figure.number,
    unit: figure.unit,
    approximate: figure.approximate,
    formula: figure.expression || figure.check || '',
    result: resultOf(model, figure),
  };
}

/** Codes of the figure diagnostics (BG2xx) inside this definition, in its own file. */
function resultOf(model: ReportModel, figure: FigureDescription): string {
  const codes = new Set(diagnosticsOn(figure, model.diagnostics, model).filter((d) => d.code.startsWith('BG2')).map((d) => d.code));
  return codes.size ? [...codes].join(' ') : 'ok';
}

// ---------------------------------------------------------------- the wide form

export interface WideTable {
  /** 文件, 机关, 年度, then one column per figure name. */
  columns: string[];
  rows: TableRow[];
}

/**
 * A row's cells that have text, in column order, each with its column. A workspace's table is mostly
 * empty — every town names its figures its own way: 1,000 reports, 2,700 columns, 30,000 cells — and as
 * dense rows it took 22 MB of empty slots.
 */
export type TableRow = ReadonlyArray<readonly [column: number, text: string]>;

/** A row from all its cells, left to right ('' for an empty one). */
export function tableRow(cells: readonly string[]): TableRow {
  const row: Array<readonly [number, string]> = [];
  cells.forEach((text, column) => {
    if (text !== '') row.push([column, text]);
  });
  return row;
}

/** A figure name as a column key: full-width letters and spaces unified, so 调处 and 调处 line up. */
export function unifiedName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** The column a figure goes in: its standard indicator, else its own name (unified). */
export function columnOf(row: Pick<FigureRow, 'name' | 'indicator'>): string {
  return row.indicator || unifiedName(row.name);
}

/** Column order: standard indicators first (in the vocabulary's order), then other names as they come. */
function columnNames(rows: readonly FigureRow[]): string[] {
  const standard = new Map<string, number>();
  // A set, not a list searched per row: a workspace of 1,000 reports has thousands of names.
  const others = new Set<string>();
  rows.forEach((row, i) => {
    const key = columnOf(row);
    if (row.indicator) {
      if (!standard.has(key)) standard.set(key, BUILTIN_ORDER.get(key) ?? BUILTIN_ORDER.size + i);
    } else others.add(key);
  });
  return [...[...standard.entries()].sort((a, b) => a[1] - b[1]).map(([key]) => key), ...others];
}

const BUILTIN_ORDER = new Map(new IndicatorVocabulary().order.map((name, i) => [name, i]));

/**
 * One row per report, one column per standard indicator or figure name (names unified across reports).
 * A cell is the printed value, with the diagnostic codes after it when the figure has any. Reports without
 * figures still get their row.
 */
export function wideTable(rows: readonly FigureRow[], reports: readonly ReportInfo[] = uniqueReports(rows)): WideTable {
  const names = columnNames(rows);
  const fixed = 3;
  const columnIndex = new Map(names.map((name, i) => [name, fixed + i]));
  const cells = new Map<string, Map<number, string>>();
  for (const row of rows) {
    const column = columnIndex.get(columnOf(row))!;
    let forReport = cells.get(row.file);
    if (!forReport) cells.set(row.file, (forReport = new Map()));
    const cell = `${row.printed}${row.result === 'ok' ? '' : `（${row.result}）`}`;
    // A figure defined twice in one report (BG202): keep both values visible.
    forReport.set(column, forReport.has(column) ? `${forReport.get(column)}；${cell}` : cell);
  }
  return {
    columns: ['文件', '机关', '年度', ...names],
    rows: reports.map((r) => {
      const figures = [...(cells.get(r.file) ?? [])].filter(([, text]) => text !== '').sort((a, b) => a[0] - b[0]);
      return [...tableRow([r.file, r.org, r.year]), ...figures];
    }),
  };
}

// ---------------------------------------------------------------- totals, averages, trends

/** Measure words that count the same things: cases (件 起 宗), people (人 名 位). */
const SAME_COUNT: Record<string, string> = { 件: '件', 起: '件', 宗: '件', 人: '人', 名: '人', 位: '人' };

/** The numbers of one column: a total only when they count the same things (150起 + 59件, not 3次 + 5人). */
function summarise(values: readonly FigureRow[]): { total: string; average: string } {
  const numbers = values.filter((v) => v.number !== undefined);
  if (numbers.length === 0) return { total: '', average: '' };
  const units = new Set(numbers.map((v) => SAME_COUNT[v.unit] ?? v.unit));
  if (units.size > 1) return { total: '', average: '' };
  // Printed in the measure word most of the reports use.
  const unit = mostCommon(numbers.map((v) => v.unit));
  const about = numbers.some((v) => v.approximate) ? '约' : '';
  const sum = numbers.reduce((a, v) => a + v.number!, 0);
  const average = `${about}${formatNumber(sum / numbers.length)}${unit}`;
  return { total: unit === '%' ? '' : `${about}${formatNumber(sum)}${unit}`, average };
}

function figuresByColumn(rows: readonly FigureRow[]): Map<string, FigureRow[]> {
  const byColumn = new Map<string, FigureRow[]>();
  for (const row of rows) {
    const key = columnOf(row);
    const column = byColumn.get(key);
    if (column) column.push(row);
    else byColumn.set(key, [row]);
  }
  return byColumn;
}

function mostCommon(words: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * The wide table with two more rows: 合计 (the sum of each column of counts that share a measure word)
 * and 平均 (the mean of each column, rates included). Approximate counts make an approximate sum (约).
 */
export function withTotals(table: WideTable, rows: readonly FigureRow[]): WideTable {
  const byColumn = figuresByColumn(rows);
  const fixed = 3;
  const totals = table.columns.map((c, i) => (i < fixed ? (i === 0 ? '合计' : '') : summarise(byColumn.get(c) ?? []).total));
  const averages = table.columns.map((c, i) => (i < fixed ? (i === 0 ? '平均' : '') : summarise(byColumn.get(c) ?? []).average));
  return { columns: table.columns, rows: [...table.rows, tableRow(totals), tableRow(averages)] };
}

/**
 * Trends: one row per year, one column per indicator; a count is the sum over that year's reports, a
 * rate their mean. 报告数 tells how many reports a year has.
 */
export function byYearTable(rows: readonly FigureRow[], reports: readonly ReportInfo[] = uniqueReports(rows)): WideTable {
  const names = columnNames(rows);
  const years = [...new Set(reports.map((r) => r.year))].sort();
  return {
    columns: ['年度', '报告数', ...names],
    rows: years.map((year) => {
      // Each year's figures by column, in one pass (not a search of every figure per column).
      const byColumn = figuresByColumn(rows.filter((r) => r.year === year));
      return tableRow([year || '（未写年度）', String(reports.filter((r) => r.year === year).length), ...names.map((name) => {
        const summary = summarise(byColumn.get(name) ?? []);
        return summary.total || summary.average;
      })]);
    }),
  };
}

function uniqueReports(rows: readonly FigureRow[]): ReportInfo[] {
  const seen = new Map<string, ReportInfo>();
  for (const r of rows) if (!seen.has(r.file)) seen.set(r.file, { file: r.file, org: r.org, year: r.year });
  return [...seen.values()];
}

/** The long rows as a table (Chinese headers; booleans as 是/否). */
export function longTable(rows: readonly FigureRow[]): WideTable {
  return {
    columns: LONG_COLUMNS.map(([, header]) => header),
    rows: rows.map((row) => tableRow(LONG_COLUMNS.map(([field]) => cellText(row[field])))),
  };
}

function cellText(value: FigureRow[keyof FigureRow]): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value === undefined ? '' : String(value);
}

/** The long rows as JSON records keyed by the Chinese column headers. */
export function longRecords(rows: readonly FigureRow[]): Array<Record<string, string | number | boolean | null>> {
  return rows.map((row) => Object.fromEntries(LONG_COLUMNS.map(([field, header]) => [header, field === 'approximate' ? row.approximate : (row[field] ?? null)])));
}
