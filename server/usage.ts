// The command's usage text and usage errors: all that `baogao help` loads (server/bin.ts), not the commands.
import { OUTPUT_FORMATS } from '../templates/formats.js';
import { forTerminalLine } from './terminalText.js';

export const USAGE = `用法：
  baogao render [文件] [--format ${OUTPUT_FORMATS.join('|')}] [--out 路径] [--width 列数] [--pages] [--force]
      排版输出报告；不给文件时输出自带的示例报告（桂圩镇 2020 年度）。html 是可预览、可打印的网页，
      docx 是按 GB/T 9704 排版的 Word 文档（须用 --out 指定文件，或 --out - 写入管道）；--width 和 --pages 只用于 txt。
      --out - 写到标准输出；--out 的文件已存在（或是报告本身、符号链接、只读文件）时须加 --force 才覆盖；设备和管道从不写入。
  baogao check [文件、文件夹或通配符…] [--format text|json] [--fix] [--force]
      检查报告；有错误时退出码为 1。--fix 先应用安全的修复（按文件原编码写回），再报告其余问题；
      符号链接和只读文件须加 --force 才写回；有文件无法写回时逐一说明，最后退出码为 2。
      也可直接检查 Word（.docx）和文本（.txt，UTF-8 或 GBK）报告：在内存中转换后检查，位置是原文的行（Word 为段落）；
      例如 baogao check 乡镇报告/*.docx。给出文件夹时检查其中（含子文件夹）所有的 .bg 和 .docx 报告；通配符（* ?）
      由本命令展开，在 Windows 的命令行里也可用。检查多个文件时，最后在标准错误输出中按文件汇总问题数。--fix 只用于 .bg 文件。
  baogao import <旧报告.txt|.docx> [--out 新报告.bg] [--org 机关] [--year 年度] [--year-field] [--force]
      把上一年的 Word 报告（.docx，或从 Word 另存的 .txt，UTF-8 或 GBK 均可）转换成报告语言，作为今年报告的起点。
      原文一字不改，只去掉手打的标题序号和 Word 残留（书签、页码、空行、手排的落款和日期——后两者写成 @机关、@日期），
      去掉了什么逐条列在标准错误输出中。不给 --out 或 --out - 时写到标准输出；--out 的文件已存在时须加 --force 才覆盖。
      --year-field 把正文里的本年度写成 {年度}、下一年写成 {下年度}，明年沿用时不必再改。
  baogao new <上年报告.bg> [--out 新报告.bg] [--year 上年年度] [--force]
      从上一年的报告开始写下一年的报告：年度加一，“@上年”指向上年报告，“@日期”待填（？），章节和片段照旧，
      每个写明的指标清空为“？”并在旁边留下上年的数值（{调处 = ？ 上年150起}），正文中指本年度、下一年的年份改写为
      {年度}、{下年度}。不给 --out 时写在上年报告旁边，文件名中的年份加一（guiwei-2021.bg → guiwei-2022.bg）；
      --out - 写到标准输出；目标已存在时须加 --force 才覆盖。改了什么、哪些年份留待确认，逐条列在标准错误输出中。
      上年报告没有“@年度”时用 --year 说明它是哪一年度的（例如 --year 2021），新报告写上“@年度 2022”。
  baogao collect <文件、文件夹或通配符…> [--format table|csv|json] [--long] [--by report|year] [--out 路径] [--force]
      汇总多份报告的指标以便比较：table（默认，按中文字宽对齐）和 csv 为每份报告一行、每个指标一列，末尾两行为合计和平均；
      各报告对同一指标的不同叫法（调处、调处纠纷、化解纠纷……）归入同一标准指标列（矛盾纠纷调处），叫法可在 baogao.json 的
      indicators 中补充；--by year 每个年度一行（计数为各报告之和，比率为平均），看逐年趋势；
      json 和 --long 为每份报告的每个指标一行（文件、机关、年度、指标、标准指标、数值、数值(数字)、单位、是否约数、公式、校验结果）。
      不给 --out 或 --out - 时写到标准输出；--out 的文件已存在时须加 --force 才覆盖。
      csv 按 RFC 4180 加引号，编码为带 BOM 的 UTF-8，Excel 可直接打开中文。指标有校验错误时退出码为 1。
  baogao lsp [--stdio|--node-ipc|--socket=端口]
      启动语言服务器（供编辑器使用）。
  baogao help
      显示本说明。
设置：报告所在文件夹或其上层的 baogao.json（snippetFolders、profile、lineWidth、deadline、disabledChecks、severities、citations、terms、indicators）。
退出码：0 无错误，1 有错误，2 用法有误或文件无法读取。`;

/**
 * What to show after a usage mistake in `command`: that command's lines of the usage text (the whole text
 * for an unknown command) — forty lines would push the one-line message off the screen.
 */
export function usageAfterMistake(command: string | undefined): string {
  const lines = USAGE.split('\n');
  if (command === undefined) return USAGE;
  const first = lines.findIndex((line) => line.startsWith(`  baogao ${command} `) || line === `  baogao ${command}`);
  if (first < 0) return USAGE;
  let end = first + 1;
  while (end < lines.length && lines[end]!.startsWith('      ')) end++;
  return ['用法：', ...lines.slice(first, end), '全部命令和设置：baogao help'].join('\n');
}

/** A failure the user can act on: printed as one Chinese line, exit code 2. */
export class UsageError extends Error {}

/** A file that cannot be read or written as asked (missing, refused, a folder): exit code 2, told without the usage text, which would bury it. */
export class FileProblem extends UsageError {}

/** No command, or one asking for the usage text (no command is a usage error: exit code 2). */
export function isHelpRequest(command: string | undefined): boolean {
  return command === undefined || command === 'help' || command === '--help' || command === '-h';
}

/** A parseArgs error (an unknown option, a missing value): the user's to fix. */
export function isArgError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS');
}

/**
 * parseArgs's error in Chinese. Its messages are English sentences naming the option in quotes
 * ("Option '-o, --out <value>' argument missing"): the option is taken from them, the rest said anew.
 * A UsageError is already Chinese.
 */
export function translateArgError(error: Error, command = 'check'): string {
  if (!isArgError(error)) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = /--[^\s<]+/.exec(quoted)?.[0] ?? quoted;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知的选项：${forTerminalLine(option)}。以“-”开头的文件名请写在“--”之后，例如 baogao ${forTerminalLine(command)} -- -文件名.bg。`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数：${forTerminalLine(option)}。`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(error.message)) return `选项 ${forTerminalLine(option)} 不带取值。`;
    if (/ambiguous/.test(error.message)) return `选项 ${forTerminalLine(option)} 后面是另一个选项，不是它的取值；取值以“-”开头时请写成 ${forTerminalLine(option)}=取值。`;
    return `选项 ${forTerminalLine(option)} 缺少取值。`;
  }
  return `命令行参数有误：${forTerminalLine(error.message)}`;
}
