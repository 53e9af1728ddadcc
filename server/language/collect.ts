// Collect: a county gathers its towns' reports and compares their figures. Pure: models in, rows out.
// Their text forms (an aligned table, RFC 4180 CSV) are templates/table.ts.
import type { FigureDefinition, ReportModel } from './model.js';
import { describeFigure, diagnosticsOn, type FigureDescription } from './figureDescription.js';

/** One figure of one report. */
export interface FigureRow {
  /** The report's file, as the user named it. */
  file: string;
  org: string;
  year: string;
  name: string;
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
  ['file', '文件'], ['org', '机关'], ['year', '年度'], ['name', '指标'], ['printed', '数值'], ['number', '数值(数字)'],
  ['unit', '单位'], ['approximate', '是否约数'], ['formula', '公式'], ['result', '校验结果'],
];

export function reportInfo(model: ReportModel, file: string = model.file.path): ReportInfo {
  return { file, org: model.header.org ?? '', year: model.header.year !== undefined ? String(model.header.year) : '' };
}

/** One row per (report, figure), in report order, then in the order the figures are defined. */
export function collectFigures(models: readonly ReportModel[], files: readonly string[] = models.map((m) => m.file.path)): FigureRow[] {
  const rows: FigureRow[] = [];
  models.forEach((model, i) => {
    const info = reportInfo(model, files[i]);
    for (const definition of model.figures.allDefinitions) rows.push({ ...info, ...figureFields(model, definition) });
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
  rows: string[][];
}

/** A figure name as a column key: full-width letters and spaces unified, so 调处 and 调处 line up. */
export function unifiedName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * One row per report, one column per figure name (names unified across reports, in order of first
 * appearance). A cell is the printed value, with the diagnostic codes after it when the figure has any.
 * Reports without figures still get their row.
 */
export function wideTable(rows: readonly FigureRow[], reports: readonly ReportInfo[] = uniqueReports(rows)): WideTable {
  const names: string[] = [];
  const cells = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const key = unifiedName(row.name);
    if (!names.includes(key)) names.push(key);
    let forReport = cells.get(row.file);
    if (!forReport) cells.set(row.file, (forReport = new Map()));
    const cell = `${row.printed}${row.result === 'ok' ? '' : `（${row.result}）`}`;
    // A figure defined twice in one report (BG202): keep both values visible.
    forReport.set(key, forReport.has(key) ? `${forReport.get(key)}；${cell}` : cell);
  }
  return {
    columns: ['文件', '机关', '年度', ...names],
    rows: reports.map((r) => [r.file, r.org, r.year, ...names.map((n) => cells.get(r.file)?.get(n) ?? '')]),
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
    rows: rows.map((row) => LONG_COLUMNS.map(([field]) => cellText(row[field]))),
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
