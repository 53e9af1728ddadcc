// The `baogao` command: check and render reports in batch and in CI, over the same core as the editor.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Diagnostic } from '../grammar/diagnostic.js';
import { LineIndex } from '../grammar/index.js';
import type { ReportModel } from './language/model.js';
import { render, OUTPUT_FORMATS, type OutputFormat } from '../templates/render.js';
import { checkReport } from './language/check.js';
import { applyFixes } from './language/fixes.js';
import { LanguageService } from './language/service.js';
import { projectSettingsFor, type FoundSettings } from './node/projectConfig.js';
import { FileSystemWorkspace, readText, toCorePath, toOsPath } from './node/fsWorkspace.js';
import { runLanguageServer } from './lsp/main.js';

const USAGE = `用法：
  baogao render [文件] [--format txt|md] [--out 路径] [--width 列数] [--pages]
      排版输出报告；不给文件时输出自带的示例报告（桂圩镇 2020 年度）。
  baogao check [文件…] [--format text|json] [--fix]
      检查报告；有错误时退出码为 1。--fix 先应用安全的修复（写回文件），再报告其余问题。
  baogao lsp [--stdio|--node-ipc|--socket=端口]
      启动语言服务器（供编辑器使用）。
  baogao help
      显示本说明。
设置：报告所在文件夹或其上层的 baogao.json（snippetFolders、profile、lineWidth、deadline、disabledChecks、severities、citations）。
退出码：0 无错误，1 有错误，2 用法有误或文件无法读取。`;

/** A failure the user can act on: printed as one Chinese line, exit code 2. */
class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lsp':
        // The connection reads the transport (--stdio, --node-ipc, --socket) from the command line.
        runLanguageServer();
        return new Promise<number>(() => undefined);
      case 'render':
        return runRender(rest);
      case 'check':
        return runCheck(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知的命令“${command}”。`);
    }
  } catch (error) {
    if (error instanceof UsageError || isArgError(error)) {
      process.stderr.write(`baogao：${translateArgError(error as Error)}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`baogao：内部错误：${(error as Error).message ?? String(error)}\n`);
    return 2;
  }
}

function isArgError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS');
}

function translateArgError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知的选项：${error.message.match(/'([^']+)'/)?.[1] ?? error.message}。`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项缺少取值：${error.message}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数：${error.message}`;
  return error.message;
}

function runRender(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'txt' }, out: { type: 'string' }, width: { type: 'string' }, pages: { type: 'boolean', default: false } },
  });
  if (positionals.length > 1) throw new UsageError('render 一次只排版一个文件。');
  const format = values.format as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`不支持的格式“${values.format}”，可用：${OUTPUT_FORMATS.join('、')}。`);
  const file = positionals[0] ?? defaultSample();
  const project = projectSettingsFor(file);
  reportSettingsProblems(project);
  const width = values.width === undefined ? project.lineWidth : Number(values.width);
  if (!Number.isInteger(width) || width < 8 || width > 200) throw new UsageError(`行宽“${values.width}”应是 8 到 200 之间的整数（GB/T 9704 为 28）。`);
  const service = new LanguageService(new FileSystemWorkspace(), project.service);
  const model = service.analyze(toCorePath(file), readReport(file));
  const output = render(model, format, { width, pages: values.pages });
  if (values.out) {
    mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    writeFileSync(values.out, output);
    process.stderr.write(`已写出 ${values.out}\n`);
  } else process.stdout.write(output);
  return 0;
}

function runCheck(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, fix: { type: 'boolean', default: false } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`不支持的输出格式“${values.format}”，可用：text、json。`);
  if (positionals.length === 0) throw new UsageError('请给出要检查的文件，例如：baogao check samples/*.bg');
  const workspace = new FileSystemWorkspace();
  const services = new Map<string, LanguageService>();
  const serviceFor = (file: string) => {
    const project = projectSettingsFor(file);
    reportSettingsProblems(project);
    const key = project.file ?? '';
    let service = services.get(key);
    if (!service) services.set(key, (service = new LanguageService(workspace, project.service)));
    return service;
  };
  const results: CheckRecord[] = [];
  let unreadable = false;
  for (const file of positionals) {
    let text: string;
    try {
      text = readReport(file);
    } catch (error) {
      process.stderr.write(`baogao：${(error as Error).message}\n`);
      unreadable = true;
      continue;
    }
    const service = serviceFor(file);
    let model = service.analyze(toCorePath(file), text);
    let diagnostics = checkReport(model, service.settings);
    if (values.fix) {
      const fixed = applyFixes(text, diagnostics, { safeOnly: true, path: model.file.path });
      if (fixed.applied.length > 0) {
        writeAtomically(file, fixed.text);
        for (const { diagnostic: d, fix } of fixed.applied) {
          const at = model.file.lineIndex.positionAt(d.start);
          (values.format === 'json' ? process.stderr : process.stdout).write(`已修复 ${file}:${at.line + 1}:${at.character + 1} ${d.code} ${fix.title}\n`);
        }
        model = service.analyze(toCorePath(file), fixed.text);
        diagnostics = checkReport(model, service.settings);
      }
    }
    for (const d of diagnostics) results.push(toRecord(file, d, model, service));
  }
  if (values.format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else for (const r of results) process.stdout.write(`${r.file}:${r.line}:${r.column}: ${SEVERITY_WORDS[r.severity]} ${r.code} ${r.message}\n`);
  if (unreadable) return 2;
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}

/** Writes a file by writing a temporary file beside it and renaming it over: never a partial file. */
function writeAtomically(file: string, text: string): void {
  const raw = readFileSync(file);
  const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? '\ufeff' : '';
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, bom + text, { encoding: 'utf8', mode: statSync(file).mode });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UsageError(`无法写回“${file}”：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}。`);
  }
}

const SEVERITY_WORDS: Record<string, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

interface CheckRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
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
  for (const problem of project.problems) process.stderr.write(`baogao：${project.file}：${problem}\n`);
}

function readReport(file: string): string {
  if (!existsSync(file)) throw new UsageError(`找不到文件“${file}”。`);
  if (statSync(file).isDirectory()) throw new UsageError(`“${file}”是文件夹，请给出 .bg 文件。`);
  try {
    return readText(file);
  } catch (error) {
    throw new UsageError(`无法读取“${file}”：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}。`);
  }
}

/** The bundled sample shown by `npm start`. */
function defaultSample(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, '..', 'samples', 'guiwei-2020.bg'), path.join(here, 'samples', 'guiwei-2020.bg')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new UsageError('找不到自带的示例报告 samples/guiwei-2020.bg。');
}
