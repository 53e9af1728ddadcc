// New reports from old ones, and the workspace's figures side by side: baogao/import (last year's Word
// file → .bg), baogao/newReport (next year's report from this year's), baogao/collect. The core does the
// work (server/language/import, nextYear, collect); the client asks where to save and writes.
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { filesRead } from '../../language/analyze.js';
import { compareCodeUnits } from '../../language/codes.js';
import { collectFigures, IndicatorVocabulary, reportInfo, wideTable, withTotals, type FigureRow, type ReportInfo } from '../../language/collect.js';
import { csvLines, tableLines } from '../../../templates/table.js';
import { importReport } from '../../language/import/index.js';
import { nextYearReport } from '../../language/nextYear.js';
import { readReportSource, sourceProblem, type SourceText } from '../../node/readWord.js';
import { toOsPath } from '../../node/paths.js';
import type { ServerContext } from '../context.js';
import { CollectRequest, ImportRequest, NewReportRequest } from '../protocol.js';
import { answerOrFail, LongWork } from '../requests.js';
import { uriToPath } from '../uri.js';
import { TextInParts } from '../frame.js';
import { beforeLargeAnswer } from '../memory.js';

function pathOf(uri: unknown, what: string): string {
  const path = typeof uri === 'string' ? uriToPath(uri) : undefined;
  if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `${what}应是本机文件（file: URI），收到：${String(uri)}`);
  return path;
}

export function register(context: ServerContext): void {
  const { connection, store, index } = context;

  connection.onRequest(ImportRequest.method, answerOrFail(connection, 'import', async (params: ImportRequest.Params): Promise<ImportRequest.Result> => {
    const path = pathOf(params?.uri, '要导入的文件');
    if (/\.bg$/i.test(path)) throw new ResponseError(ErrorCodes.InvalidParams, '这已经是报告语言文件（.bg），不必导入；要写下一年的报告，请用“从上一年报告新建”。');
    let source: SourceText;
    try {
      source = await readReportSource(toOsPath(path));
    } catch (error) {
      throw new ResponseError(ErrorCodes.InvalidParams, sourceProblem(error, path));
    }
    const year = yearParam(params.year);
    const org = typeof params.org === 'string' && params.org.trim() ? params.org.trim() : undefined;
    const result = importReport(source.text, { org, year, yearField: params.yearField === true, source: path.slice(path.lastIndexOf('/') + 1), word: source.word });
    const missing = [!result.header.org && '@机关', result.header.year === undefined && '@年度', !result.header.date && '@日期'].filter((m): m is string => !!m);
    return { text: result.text, how: source.how, notes: result.notes.map((n) => ({ line: n.line, what: n.what, why: n.why })), missing };
  }));

  connection.onRequest(NewReportRequest.method, answerOrFail(connection, 'newReport', (params: NewReportRequest.Params): NewReportRequest.Result => {
    const last = pathOf(params?.uri, '上一年的报告');
    const next = pathOf(params?.target, '新报告的位置');
    if (!/\.bg$/i.test(last)) throw new ResponseError(ErrorCodes.InvalidParams, `“${last}”不是 .bg 报告：Word 或文本文件请先“导入 Word 报告”。`);
    const text = store.textOf(last);
    if (!text.trim()) throw new ResponseError(ErrorCodes.InvalidParams, `“${last}”是空的或无法读取。`);
    const year = yearParam(params.year);
    const result = nextYearReport(text, { lastPath: last, nextPath: next, year });
    if (!result.ok) throw new ResponseError(ErrorCodes.InvalidParams, result.problem);
    return { text: result.text, year: result.year, changed: result.changed, flagged: result.flagged };
  }));

  // The workspace's reports from the index (built or brought up to date a file at a time); a closed
  // report's figures are remembered there until it or what it reads changes, so a second collect reads
  // only what changed. Open reports are collected from their buffers.
  connection.onRequest(CollectRequest.method, answerOrFail(connection, 'collect', async (_params: unknown, token?: CancellationToken): Promise<CollectRequest.Result> => {
    const work = LongWork.of(token);
    const files = await index.refreshGently(work);
    const vocabulary = new IndicatorVocabulary(store.service.settings.checks.extraIndicators);
    const reports: CollectedReport[] = [];
    for (const { path, snippet } of files.sort((a, b) => compareCodeUnits(a.path, b.path))) {
      if (snippet) continue;
      await work.pause();
      const collect = () => collectReport(context, path, vocabulary);
      const found = store.byPath(path) ? collect().found : index.foundIn('figures', path, collect);
      if (found) reports.push(found);
    }
    // As `baogao collect` lines them up: one row a report, the standard indicators, totals.
    const rows = reports.flatMap((r) => r.rows);
    const infos = reports.map((r) => r.info);
    const table = reports.length > 1 ? withTotals(wideTable(rows, infos), rows) : wideTable(rows, infos);
    // The table and the CSV as their lines, made as they are written (1,000 reports: 30 million characters,
    // 60 MB as lines; the CSV 3 million, 12 MB as one string with its BOM).
    const lines = new TextInParts(() => tableLines(table));
    const csv = new TextInParts(function* () {
      yield '\ufeff';
      yield* csvLines(table);
    });
    // The CSV has at least a comma a cell, and the table is at least as long (its cells padded).
    beforeLargeAnswer(2 * (table.rows.length + 1) * table.columns.length);
    return { reports: reports.length, figures: rows.length, table: lines as unknown as string, csv: csv as unknown as string };
  }));
}

interface CollectedReport {
  info: ReportInfo;
  rows: FigureRow[];
}

/** One report's row and figures for collect (none for a snippet or a file not analysed), with the files they came from. */
function collectReport({ store }: ServerContext, path: string, vocabulary: IndicatorVocabulary): { found: CollectedReport | undefined; reads: ReadonlySet<string> } {
  const service = store.serviceFor(path);
  const model = service.analyze(path, store.textOf(path));
  const reads = filesRead(model);
  // A closed report's tree is not kept, its figures are.
  if (!store.byPath(path)) service.cache.forget(path);
  if (model.isSnippet || model.notAnalysed) return { found: undefined, reads };
  return { found: { info: reportInfo(model), rows: collectFigures([model], [path], vocabulary) }, reads };
}

/** The year a client gave: absent, or four digits (was: 1e300 taken as an integer and written “@年度 1e+300”). */
function yearParam(year: unknown): number | undefined {
  if (year === undefined || year === null) return undefined;
  if (typeof year === 'number' && Number.isInteger(year) && year >= 1000 && year <= 9999) return year;
  throw new ResponseError(ErrorCodes.InvalidParams, `年度“${String(year)}”应是四位数字的年份，例如 2021。`);
}
