// The `baogao` command: check and render reports in batch and in CI, over the same core as the editor.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Diagnostic } from '../grammar/diagnostic.js';
import { LineIndex } from '../grammar/index.js';
import type { ReportModel } from './language/model.js';
import { checkReport } from './language/checks/index.js';
import { useBlockCache } from './language/checks/blockCache.js';
import { isOutputFormat, OUTPUT_FORMATS } from '../templates/formats.js';
import { fixUntilStable } from './language/fixes.js';
import { LanguageService } from './language/service.js';
import { REPORT_YEAR } from './language/header.js';
import { documentSizeProblem, documentTooLargeMessage } from './language/documentSize.js';
import { projectSettingsFor, type FoundSettings } from './node/projectConfig.js';
import { settingsFileDiagnostics } from './language/config.js';
import { FileSystemWorkspace } from './node/fsWorkspace.js';
import { isInside, toCorePath, toOsPath } from './node/paths.js';
import { loadTextEncoder, notFound, FileRefused, FileTooLarge, readTextFile, systemReason, writeFileSafely, ENCODING_NAMES, type DecodedText, type EncodeText } from './node/files.js';
import { encodingDiagnostics } from './node/encoding.js';
import { expandReportArguments } from './node/reportArguments.js';
import type { SourceFinding } from './language/sourceCheck.js';
import type { SourceText } from './node/readWord.js';
import {
  byYearTable, collectFigures, IndicatorVocabulary, longRecords, longTable, reportInfo, wideTable, withTotals, type ReportInfo,
} from './language/collect.js';
import { formatTable, toCsv } from '../templates/table.js';
import { isDocxTooLarge } from '../templates/docx/docxBound.js';
import { forTerminal, forTerminalLine } from './terminalText.js';
import { FileProblem, isArgError, translateArgError, usageAfterMistake, UsageError } from './usage.js';

/** A report beyond the document size bound: not read; `check` reports it as its BG905. */
class OversizedReport extends FileProblem {
  constructor(readonly file: string, readonly reason: string) {
    super(`“${file}”：${reason}（BG905）`);
  }
}

/** Runs a command (the usage text is printed by server/bin.ts, which loads this module only for a command). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // A command checks each report once: block results are remembered for the editor's keystrokes, and
  // here would only cost time (a first check 1.4–1.8 times slower) and memory. (`check --fix` checks
  // each text again after its fixes, and turns them back on: most blocks are the same.)
  if (command !== 'lsp') useBlockCache(false);
  try {
    switch (command) {
      case 'lsp':
        // The connection reads the transport (--stdio, --node-ipc, --socket) from the command line.
        // Loaded only for this command (a separate file in the bundle): `check` and `render` start faster.
        (await import('./lsp/main.js')).runLanguageServer();
        return new Promise<number>(() => undefined);
      case 'render':
        return await runRender(rest);
      case 'check':
        return await runCheck(rest);
      case 'import':
        return await runImport(rest);
      case 'collect':
        return await runCollect(rest);
      case 'new':
        return await runNew(rest);
      default:
        throw new UsageError(`未知的命令“${forTerminalLine(command)}”。`);
    }
  } catch (error) {
    if (error instanceof FileProblem) {
      process.stderr.write(`baogao：${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError || isArgError(error)) {
      process.stderr.write(`baogao：${translateArgError(error as Error, command)}\n${usageAfterMistake(command)}\n`);
      return 2;
    }
    process.stderr.write(`baogao：内部错误：${forTerminalLine(String((error as Error)?.message ?? error))}\n`);
    return 2;
  }
}

async function runRender(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'txt' }, out: { type: 'string' }, width: { type: 'string' }, pages: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length > 1) throw new UsageError('render 一次只排版一个文件。');
  // Handlebars, the layout and the DOCX writer are loaded by this command only (separate files in the bundle).
  const { renderOutput } = await import('../templates/render.js');
  const format = values.format;
  if (!isOutputFormat(format)) throw new UsageError(`不支持的格式“${forTerminalLine(values.format)}”，可用：${OUTPUT_FORMATS.join('、')}。`);
  // A .docx to standard output only into a pipe or a file (`--out - > 报告.docx`), never onto a terminal.
  if (format === 'docx' && (!values.out || (values.out === '-' && process.stdout.isTTY))) throw new UsageError('docx 是 Word 文件，不能输出到终端：请用 --out 指定要写出的文件，例如 --out 报告.docx。（BG912）');
  const file = positionals[0] ?? defaultSample();
  const project = projectSettingsFor(file);
  reportSettingsProblems(project);
  const width = values.width === undefined ? project.lineWidth : Number(values.width);
  if (!Number.isInteger(width) || width < 8 || width > 200) throw new UsageError(`行宽“${forTerminalLine(values.width ?? '')}”应是 8 到 200 之间的整数（GB/T 9704 为 28）。`);
  const workspace = new FileSystemWorkspace();
  allowProject(workspace, file, project);
  const service = new LanguageService(workspace, project.service);
  const model = service.analyze(toCorePath(file), readReport(file).text);
  const output = await renderOutput(model, format, { width, pages: values.pages }).catch((error: unknown) => {
    // A Word document past its bound is the writer's to act on (BG919), not an internal error.
    throw isDocxTooLarge(error) ? new FileProblem(error.message) : error;
  });
  if (toFile(values.out)) {
    writeOutput(values.out, output, { force: values.force, sources: [file] });
    process.stderr.write(`已写出 ${forTerminalLine(values.out)}\n`);
  } else process.stdout.write(output);
  return 0;
}

/** `--out -` is standard output, as for `new` (and as most commands read it): no file named “-”. */
const toFile = (out: string | undefined): out is string => out !== undefined && out !== '' && out !== '-';

/** Writes an output through the one safe writer; a refusal is the user's to act on (exit 2). */
function writeOutput(file: string, data: string | Uint8Array, options: Parameters<typeof writeFileSafely>[2]): void {
  try {
    writeFileSafely(file, data, options);
  } catch (error) {
    if (error instanceof FileRefused) throw new FileProblem(error.message);
    throw error;
  }
}

/**
 * The folders a report's references (@上年, @引用) may read: the report's folder, the folder of its
 * baogao.json, the current folder when the report is inside it, and the configured snippet folders.
 */
function allowProject(workspace: FileSystemWorkspace, file: string, project: FoundSettings): void {
  const folder = path.dirname(path.resolve(file));
  workspace.allow(folder);
  if (project.file) workspace.allow(path.dirname(project.file));
  const cwd = process.cwd();
  if (path.dirname(cwd) !== cwd && isInside(folder, cwd)) workspace.allow(cwd);
  for (const extra of project.service.snippetFolders) workspace.allow(path.resolve(folder, extra));
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, fix: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`不支持的输出格式“${forTerminalLine(values.format)}”，可用：text、json。`);
  if (positionals.length === 0) throw new UsageError('请给出要检查的文件，例如：baogao check samples/*.bg');
  if (values.fix) useBlockCache(true);
  // Folders and patterns (乡镇报告/, 乡镇报告/*.docx) become their files.
  const { files, problems } = await expandReportArguments(positionals);
  for (const problem of problems) process.stderr.write(`baogao：${problem}\n`);
  const results: CheckRecord[] = [];
  const sources = await readSources(files.filter(isWordOrText));
  let unreadable = sources.unreadable || problems.length > 0;
  // Word and text reports only: the importer is loaded for them (a file of its own in the bundle).
  const { checkSourceText } = sources.texts.size ? await import('./language/sourceCheck.js') : { checkSourceText: undefined };
  for (const [file, source] of sources.texts) {
    const project = projectSettingsFor(file);
    reportSettingsProblems(project);
    const workspace = new FileSystemWorkspace();
    allowProject(workspace, file, project);
    const service = new LanguageService(workspace, project.service);
    const { findings, excerpt } = checkSourceText!(service, toCorePath(`${file}.bg`), source.text, { source: path.basename(file), word: source.word });
    if (excerpt) process.stderr.write(`baogao：“${forTerminalLine(file)}”在句子中间结束，看来是节选：不报告缺少的部分和成文日期。\n`);
    for (const f of findings) results.push({ file, ...f });
  }
  let unwritten = false;
  const encode = values.fix ? await loadTextEncoder() : undefined;
  unreadable = forEachReport(files.filter((f) => !isWordOrText(f)), (file, decoded, service) => {
    const diagnose = (text: string) => {
      const model = service.analyze(toCorePath(file), text);
      const found = checkReport(model, service.settings);
      // A file that is not text (BG908) has that one finding: its encoding is not the question.
      return { model, diagnostics: model.notAnalysed ? found : encodingDiagnostics(decoded, found) };
    };
    let { model, diagnostics } = diagnose(decoded.text);
    if (encode) {
      const fixed = fixInPlace(file, decoded, model, (text) => diagnose(text).diagnostics, { encode, force: values.force, log: values.format === 'json' ? process.stderr : process.stdout });
      if (fixed === undefined) unwritten = true;
      else if (fixed !== decoded.text) ({ model, diagnostics } = diagnose(fixed));
    }
    for (const d of diagnostics) results.push(toRecord(file, d, model, service));
  }, (error) => results.push({ file: error.file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'BG905', message: error.reason })) || unreadable;
  results.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column);
  if (values.format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) process.stdout.write(`${forTerminalLine(r.file)}:${r.line}:${r.column}: ${SEVERITY_WORDS[r.severity]} ${r.code} ${forTerminalLine(r.message)}\n`);
    // A reviewer's run over the towns' reports: which files have what, on stderr (stdout stays one finding a line).
    if (files.length > 1) process.stderr.write(checkSummary(files, results));
  }
  if (unreadable || unwritten) return 2;
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}

const SEVERITY_NAMES: Record<string, string> = { error: '错误', warning: '警告', info: '信息', hint: '提示' };

/** The findings of a run over several files, counted by file and severity: one line a file, then the totals. */
function checkSummary(files: readonly string[], results: readonly CheckRecord[]): string {
  const counted = (records: readonly CheckRecord[]) => {
    const parts = Object.keys(SEVERITY_NAMES).flatMap((severity) => {
      const n = records.filter((r) => r.severity === severity).length;
      return n ? [`${n} 处${SEVERITY_NAMES[severity]}`] : [];
    });
    return parts.length ? parts.join('、') : '没有问题';
  };
  const byFile = new Map<string, CheckRecord[]>(files.map((f) => [f, []]));
  for (const r of results) byFile.get(r.file)?.push(r);
  const lines = [...byFile].map(([file, records]) => `  ${forTerminalLine(file)}：${counted(records)}\n`);
  const withErrors = [...byFile.values()].filter((records) => records.some((r) => r.severity === 'error')).length;
  return `${lines.join('')}baogao：检查了 ${files.length} 个文件，${withErrors} 个有错误；共 ${counted(results)}。\n`;
}

/**
 * Applies the safe fixes to one report and writes it back in its own encoding. Returns the text now on
 * disk, or undefined when the fixes could not be written (told on stderr; the run goes on to the next file).
 */
function fixInPlace(file: string, decoded: DecodedText, model: ReportModel, diagnose: (text: string) => Diagnostic[], options: { encode: EncodeText; force: boolean; log: NodeJS.WritableStream }): string | undefined {
  // Until no safe fix applies: a second `--fix` then finds nothing to change.
  const fixed = fixUntilStable(decoded.text, diagnose, model.file.path);
  if (fixed.applied.length === 0) return decoded.text;
  if (!decoded.clean) {
    process.stderr.write(`baogao：“${forTerminalLine(file)}”含无法解码的字节，为免丢字不做修复（BG901）。\n`);
    return undefined;
  }
  const bytes = options.encode(fixed.text, decoded.encoding);
  if (!bytes) {
    process.stderr.write(`baogao：修复后的“${forTerminalLine(file)}”有字符无法按原编码 ${ENCODING_NAMES[decoded.encoding]} 写回，未修复：请先另存为 UTF-8。（BG915）\n`);
    return undefined;
  }
  try {
    writeFileSafely(file, bytes, { inPlace: true, force: options.force, readAs: decoded.text });
  } catch (error) {
    // “……。（BG910）” → “……。未修复。（BG910）”: the code stays last, as in every message.
    process.stderr.write(`baogao：${(error as Error).message.replace(/(（BG\d{3}）)?$/, '未修复。$1')}\n`);
    return undefined;
  }
  for (const { diagnostic: d, fix } of fixed.applied) {
    const at = model.file.lineIndex.positionAt(d.start);
    options.log.write(`已修复 ${forTerminalLine(file)}:${at.line + 1}:${at.character + 1} ${d.code} ${forTerminalLine(fix.title)}\n`);
  }
  return fixed.text;
}

/**
 * Reads each report and hands it, with the language service for its baogao.json, to `each`; reports
 * under one settings file share a service (and its caches). Unreadable files are told on stderr.
 * Returns whether any file could not be read.
 */
function forEachReport(files: string[], each: (file: string, decoded: DecodedText, service: LanguageService) => void, oversized?: (error: OversizedReport) => void): boolean {
  const workspace = new FileSystemWorkspace();
  const services = new Map<string, LanguageService>();
  let unreadable = false;
  for (const file of files) {
    let text: DecodedText;
    try {
      text = readReport(file);
    } catch (error) {
      if (error instanceof OversizedReport && oversized) {
        oversized(error);
        continue;
      }
      process.stderr.write(`baogao：${(error as Error).message}\n`);
      unreadable = true;
      continue;
    }
    const project = projectSettingsFor(file);
    reportSettingsProblems(project);
    allowProject(workspace, file, project);
    let service = services.get(project.file ?? '');
    if (!service) services.set(project.file ?? '', (service = new LanguageService(workspace, project.service)));
    each(file, text, service);
  }
  return unreadable;
}

/** Word and text files are checked through the importer, in memory. */
const isWordOrText = (file: string) => /\.(?:docx|doc|txt)$/i.test(file);

/** Reads Word and text reports; unreadable ones are told on stderr. */
async function readSources(files: string[]): Promise<{ texts: Map<string, SourceText>; unreadable: boolean }> {
  const texts = new Map<string, SourceText>();
  let unreadable = false;
  if (files.length === 0) return { texts, unreadable };
  // The Word reader (jszip) is loaded only when a Word or text file is given.
  const { readReportSource } = await import('./node/readWord.js');
  for (const file of files) {
    try {
      if (!existsSync(file)) throw new UsageError(notFound(file));
      if (statSync(file).isDirectory()) throw new UsageError(`“${forTerminalLine(file)}”是文件夹，请给出报告文件。（BG917）`);
      texts.set(file, await readReportSource(file));
    } catch (error) {
      process.stderr.write(`baogao：${(error as Error).message}\n`);
      unreadable = true;
    }
  }
  return { texts, unreadable };
}

const SEVERITY_WORDS: Record<string, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

/** A finding as the command prints it: a source finding with its file. */
interface CheckRecord extends SourceFinding {
  file: string;
}

function toRecord(file: string, d: Diagnostic, model: ReportModel, service: LanguageService): CheckRecord {
  // A diagnostic inside a snippet is located in the snippet's own file.
  const elsewhere = d.uri && d.uri !== model.file.path ? d.uri : undefined;
  const lines = elsewhere ? new LineIndex(service.workspace.readFile(elsewhere) ?? '') : model.file.lineIndex;
  const start = lines.positionAt(d.start);
  const end = lines.positionAt(d.end);
  return {
    file: elsewhere ? path.relative(process.cwd(), toOsPath(elsewhere)) || elsewhere : file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

const reportedSettingsFiles = new Set<string>();

/** Problems in a baogao.json are told once, on stderr; the defaults stand in for what was not understood. */
function reportSettingsProblems(project: FoundSettings): void {
  if (!project.file || reportedSettingsFiles.has(project.file)) return;
  reportedSettingsFiles.add(project.file);
  const lines = new LineIndex(project.text);
  for (const d of settingsFileDiagnostics(project.text, project.problems)) {
    const at = lines.positionAt(d.start);
    process.stderr.write(`${forTerminalLine(project.file)}:${at.line + 1}:${at.character + 1}: ${SEVERITY_WORDS[d.severity]} ${d.code} baogao.json：${d.message}\n`);
  }
}

function readReport(file: string): DecodedText {
  if (!existsSync(file)) throw new FileProblem(notFound(file));
  if (statSync(file).isDirectory()) throw new FileProblem(`“${forTerminalLine(file)}”是文件夹，请给出 .bg 文件。（BG917）`);
  let decoded: DecodedText;
  try {
    decoded = readTextFile(file);
  } catch (error) {
    if (error instanceof FileTooLarge) throw new OversizedReport(file, documentTooLargeMessage(error.size));
    throw new FileProblem((error as Error).message);
  }
  // A GBK file grows in UTF-8: the bound is on the text, as the editor measures it.
  const tooLarge = documentSizeProblem(decoded.text);
  if (tooLarge !== undefined) throw new OversizedReport(file, tooLarge);
  return decoded;
}

/** The bundled sample shown by `npm start`. */
function defaultSample(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, '..', 'samples', 'guiwei-2020.bg'), path.join(here, 'samples', 'guiwei-2020.bg')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new UsageError('找不到自带的示例报告 samples/guiwei-2020.bg。');
}

// ---------------------------------------------------------------- import

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, org: { type: 'string' }, year: { type: 'string' }, 'year-field': { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'import 一次只转换一个文件。' : '请给出要转换的旧报告，例如：baogao import 2020年报告.docx --out 2021.bg');
  const file = positionals[0]!;
  if (values.year !== undefined && !REPORT_YEAR.test(values.year)) throw new UsageError(`年度“${forTerminalLine(values.year)}”应是四位数字的年份，例如 --year 2020。`);
  if (values.org !== undefined && !values.org.trim()) throw new UsageError('--org 的机关名称不能为空。');
  if (!existsSync(file)) throw new FileProblem(notFound(file));
  if (statSync(file).isDirectory()) throw new FileProblem(`“${forTerminalLine(file)}”是文件夹，请给出 .docx 或 .txt 文件。（BG917）`);
  if (/\.bg$/i.test(file)) {
    throw new UsageError(`“${forTerminalLine(file)}”已经是报告语言文件，不必导入（导入会把其中的指令当作正文）。要从它开始写下一年的报告，请用：baogao new ${forTerminalLine(file)}${values.out ? ` --out ${forTerminalLine(values.out)}` : ''}`);
  }
  const { readReportSource, UnsupportedSource } = await import('./node/readWord.js');
  const { importReport } = await import('./language/import/index.js');
  let source: SourceText;
  try {
    source = await readReportSource(file);
  } catch (error) {
    if (error instanceof UnsupportedSource) throw new FileProblem(error.message);
    throw new FileProblem(`无法读取“${forTerminalLine(file)}”：${systemReason(error)}。`);
  }
  const result = importReport(source.text, {
    org: values.org?.trim(),
    year: values.year === undefined ? undefined : Number(values.year),
    yearField: values['year-field'],
    source: path.basename(file),
    word: source.word,
  });
  const where = (line: number) => (source.how === 'Word 文档' ? `第${line}段` : `第${line}行`);
  process.stderr.write(`baogao：已按${source.how}读取“${forTerminalLine(file)}”，去掉或改写了以下内容（原文其余文字一字未改）：\n`);
  for (const n of result.notes) process.stderr.write(`  ${where(n.line)}：${n.what}——${n.why}\n`);
  for (const f of result.findings) process.stderr.write(`baogao：${where(f.line)}：${f.code} ${f.message}\n`);
  if (result.figures) process.stderr.write(`baogao：正文中的 ${result.figures} 个数字写成了指标（比率与其计数写成了校验公式），可用“baogao check”核对。\n`);
  const missing = [!result.header.org && '@机关（可用 --org 指定）', result.header.year === undefined && '@年度（可用 --year 指定）', !result.header.date && '@日期'].filter(Boolean);
  if (missing.length) process.stderr.write(`baogao：原文中找不到 ${missing.join('、')}，请在文头补上。\n`);
  if (toFile(values.out)) {
    writeOutput(values.out, result.text, { force: values.force, sources: [file] });
    process.stderr.write(`已写出 ${forTerminalLine(values.out)}；可用“baogao check ${forTerminalLine(values.out)}”查看原文中的问题。\n`);
  } else process.stdout.write(result.text);
  return 0;
}

// ---------------------------------------------------------------- new

async function runNew(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, year: { type: 'string' }, force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'new 一次只从一份报告开始。' : '请给出上一年的报告，例如：baogao new guiwei-2021.bg');
  if (values.year !== undefined && !REPORT_YEAR.test(values.year)) throw new UsageError(`年度“${forTerminalLine(values.year)}”应是四位数字的年份，例如 --year 2021。`);
  const last = positionals[0]!;
  if (!/\.bg$/i.test(last)) throw new UsageError(`“${forTerminalLine(last)}”不是 .bg 报告：Word 或文本文件请先用“baogao import ${forTerminalLine(last)} --out 上年.bg”转换，再用 new。`);
  const text = readReport(last).text;
  const year = /^[ \t\u3000]*[@＠](?:年度|year)[ \t\u3000]+(\d{4})[ \t\u3000]*$/mu.exec(text)?.[1] ?? values.year;
  const out = values.out ?? defaultNextName(last, year);
  const toStdout = out === '-';
  const given = values.year === undefined ? undefined : Number(values.year);
  const { nextYearReport } = await import('./language/nextYear.js');
  const result = nextYearReport(text, { lastPath: toCorePath(path.resolve(last)), nextPath: toCorePath(path.resolve(toStdout ? last : out)), year: given });
  // The report's own header is the problem (no or a bad @年度, a snippet): told in one line, as a file problem.
  if (!result.ok) throw new FileProblem(result.problem);
  if (toStdout) process.stdout.write(result.text);
  else writeOutput(out, result.text, { force: values.force, sources: [last] });
  process.stderr.write(`baogao：已从“${forTerminalLine(last)}”起草${result.year}年度报告${toStdout ? '' : `“${forTerminalLine(out)}”`}，改动如下：\n`);
  for (const n of result.changed) process.stderr.write(`  ${n.line ? `第${n.line}行：` : ''}${n.what}\n`);
  if (result.flagged.length) {
    process.stderr.write('baogao：以下年份没有改，请逐一确认：\n');
    for (const n of result.flagged) process.stderr.write(`  第${n.line}行：${n.what}\n`);
  }
  if (!toStdout && path.resolve(path.dirname(out)) !== path.resolve(path.dirname(last)) && /^[ \t\u3000]*[@＠](?:引用|include)\s/mu.test(text)) {
    process.stderr.write(`baogao：新报告与上年报告不在同一文件夹：其中“@引用”的片段须能在新报告旁的 snippets/、片段/ 或 baogao.json 的 snippetFolders 中找到。\n`);
  }
  if (!toStdout) process.stderr.write(`下一步：填写“？”处的数值和“@日期”，再用“baogao check ${forTerminalLine(out)}”检查（BG710 列出尚待填写之处）。\n`);
  return 0;
}

/** guiwei-2021.bg → guiwei-2022.bg beside it; a name without the year gets “-2022”. */
function defaultNextName(last: string, year: string | undefined): string {
  const dir = path.dirname(last);
  const base = path.basename(last, path.extname(last));
  if (!year) return path.join(dir, `${base}-下一年度.bg`);
  const next = String(Number(year) + 1);
  return path.join(dir, base.includes(year) ? `${base.replace(year, next)}.bg` : `${base}-${next}.bg`);
}

// ---------------------------------------------------------------- collect

async function runCollect(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'table' }, out: { type: 'string' }, long: { type: 'boolean', default: false }, by: { type: 'string', default: 'report' }, force: { type: 'boolean', default: false } },
  });
  const format = values.format!;
  if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`不支持的输出格式“${forTerminalLine(format)}”，可用：table、csv、json。`);
  if (values.by !== 'report' && values.by !== 'year') throw new UsageError(`--by 只能是 report（每份报告一行，默认）或 year（每个年度一行，看趋势）。`);
  if (positionals.length === 0) throw new UsageError('请给出要汇总的报告，例如：baogao collect 各镇/*.bg --format csv --out 汇总.csv');
  // Folders and patterns become their reports in the language (a Word report is collected once imported).
  const { files, problems } = await expandReportArguments(positionals, { word: false });
  for (const problem of problems) process.stderr.write(`baogao：${problem}\n`);
  const models: ReportModel[] = [];
  const names: string[] = [];
  const reports: ReportInfo[] = [];
  let vocabulary: IndicatorVocabulary | undefined;
  const unreadable = forEachReport(files, (file, decoded, service) => {
    const model = service.analyze(toCorePath(file), decoded.text);
    models.push(model);
    names.push(file);
    reports.push(reportInfo(model, file));
    vocabulary ??= new IndicatorVocabulary(service.settings.checks.extraIndicators);
  });
  const rows = collectFigures(models, names, vocabulary);
  let output: string;
  if (format === 'json') output = `${JSON.stringify(longRecords(rows), null, 2)}\n`;
  else {
    const byReport = () => (reports.length > 1 ? withTotals(wideTable(rows, reports), rows) : wideTable(rows, reports));
    const table = values.long ? longTable(rows) : values.by === 'year' ? byYearTable(rows, reports) : byReport();
    // The table is for reading (on a terminal unless --out); CSV and JSON are data and keep every character.
    output = format === 'csv' ? `\ufeff${toCsv(table)}` : toFile(values.out) ? formatTable(table) : forTerminal(formatTable(table));
  }
  if (toFile(values.out)) {
    writeOutput(values.out, output, { force: values.force, sources: files });
    process.stderr.write(`已写出 ${forTerminalLine(values.out)}（${models.length} 份报告，${rows.length} 个指标）\n`);
  } else process.stdout.write(output);
  if (unreadable || problems.length > 0) return 2;
  return models.some((m) => m.diagnostics.some((d) => d.code.startsWith('BG2') && d.severity === 'error')) ? 1 : 0;
}
