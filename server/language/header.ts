// Header directives → the report's metadata (kind, issuing body, year, date, …).
import type { DirectiveLine, DirectiveName, Inline, Span } from '../../grammar/index.js';
import type { Diagnostic, Severity } from '../../grammar/diagnostic.js';
import { diagnostic } from './makeDiagnostic.js';
import { dirname, resolvePath } from './corePath.js';
import { halfWidthDigits } from './values.js';

export const REPORT_KINDS = ['法治政府建设年度报告', '工作报告', '工作总结'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface HeaderValue {
  text: string;
  span: Span;
  directive: DirectiveLine;
}

export interface ReportDate {
  year: number;
  month: number;
  day: number;
}

export interface Header {
  values: Partial<Record<DirectiveName, HeaderValue>>;
  /** The value inline content of a text directive such as @标题 (may contain figures). */
  titleInlines: Inline[] | undefined;
  kind: ReportKind | undefined;
  org: string | undefined;
  year: number | undefined;
  date: ReportDate | undefined;
  /** `@日期 ？`: the date is still to be filled in (a report started by `baogao new`). */
  datePending: boolean;
  /** 附件说明: one `@附件` line an attachment, in order. */
  attachments: string[];
  /** 印发日期 of the 版记 (`@印发日期`). */
  printedOn: ReportDate | undefined;
  /** Per-file severity overrides from @检查. */
  severities: Map<string, Severity | 'off'>;
}

const SEVERITY_WORDS: Record<string, Severity | 'off'> = {
  关: 'off', 关闭: 'off', off: 'off', 错误: 'error', error: 'error', 警告: 'warning', warning: 'warning',
  提示: 'info', info: 'info', hint: 'hint',
};

export function parseSeverityWord(word: string): Severity | 'off' | undefined {
  // Own words only: “BG601=constructor” read Object's constructor as the level (printed “undefined BG601”).
  const key = word.toLowerCase();
  return Object.hasOwn(SEVERITY_WORDS, key) ? SEVERITY_WORDS[key] : undefined;
}

/** The text of a directive's value as typed, trimmed. */
function valueText(directive: DirectiveLine, source: string): { text: string; span: Span } {
  const first = directive.value[0];
  const last = directive.value[directive.value.length - 1];
  if (!first || !last) return { text: '', span: { start: directive.written.end, end: directive.written.end } };
  const raw = source.slice(first.start, last.end);
  const trimmed = raw.trim();
  const start = first.start + raw.indexOf(trimmed);
  return { text: trimmed, span: { start, end: start + trimmed.length } };
}

/** A value still to be filled in: `？` (as in figures). */
export const PENDING = /^[?？]$/;

export function parseDate(text: string): ReportDate | undefined {
  const match = /^(\d{4})\s*(?:-|\.|\/|年)\s*(\d{1,2})\s*(?:-|\.|\/|月)\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function formatDate(date: ReportDate): string {
  return `${date.year}年${date.month}月${date.day}日`;
}

export function readHeader(directives: readonly DirectiveLine[], bodyDirectives: readonly DirectiveLine[], source: string): { header: Header; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const header: Header = {
    values: {}, titleInlines: undefined, kind: undefined, org: undefined, year: undefined, date: undefined,
    datePending: false, attachments: [], printedOn: undefined, severities: new Map(),
  };
  const all = [...directives, ...bodyDirectives];
  for (const directive of all) {
    const name = directive.name;
    if (!name || name === '指标' || name === '引用' || name === '落款') continue;
    if (bodyDirectives.includes(directive) && name !== '片段' && name !== '参数') {
      diagnostics.push(diagnostic('BG105', directive.written, `“@${directive.written.text}”是文头指令，应写在正文之前。`));
    }
    if (name === '检查') {
      readCheckSettings(directive, header, diagnostics);
      continue;
    }
    if (name === '片段' || name === '参数') continue;
    const { text, span } = valueText(directive, source);
    if (name === '附件') {
      if (text) header.attachments.push(text);
      header.values[name] ??= { text, span, directive };
      continue;
    }
    if (header.values[name]) {
      diagnostics.push(diagnostic('BG104', directive.written, `“@${name}”写了两次，以这一次为准。`));
    }
    header.values[name] = { text, span, directive };
    switch (name) {
      case '标题':
        header.titleInlines = directive.value;
        break;
      case '类型':
        if ((REPORT_KINDS as readonly string[]).includes(text)) header.kind = text as ReportKind;
        else diagnostics.push(diagnostic('BG103', span.end > span.start ? span : directive.written, `未知的报告类型“${text}”。可用的类型：${REPORT_KINDS.join('、')}。`));
        break;
      case '机关':
        header.org = text || undefined;
        break;
      case '年度': {
        const year = REPORT_YEAR.test(text) ? Number(text) : undefined;
        if (year === undefined) diagnostics.push(diagnostic('BG101', span.end > span.start ? span : directive.written, `年度“${text}”应是四位数字的年份，例如“@年度 2020”。${fullWidthDigitsHint(text)}`));
        header.year = year;
        break;
      }
      case '日期': {
        if (PENDING.test(text)) {
          header.datePending = true;
          break;
        }
        const date = parseDate(text);
        if (!date) diagnostics.push(diagnostic('BG102', span.end > span.start ? span : directive.written, `日期“${text}”无法识别：请写成“2021-01-13”或“2021年1月13日”，且须是真实存在的日期。${fullWidthDigitsHint(text)}`));
        header.date = date;
        break;
      }
      case '印发日期': {
        const date = parseDate(text);
        if (!date) diagnostics.push(diagnostic('BG102', span.end > span.start ? span : directive.written, `印发日期“${text}”无法识别：请写成“2021-01-15”或“2021年1月15日”，且须是真实存在的日期。${fullWidthDigitsHint(text)}`));
        header.printedOn = date;
        break;
      }
      case '模板':
        // A template name is a folder inside the configured template folders, never a path out of them.
        if (/[/\\]|^\.\.?$/.test(text)) diagnostics.push(diagnostic('BG902', span, `模板名“${text}”不能含路径（/、\\、..）：请写模板文件夹中的子文件夹名；现按默认模板排版。`));
        break;
    }
  }
  return { header, diagnostics };
}

/** A report's year as written: four digits not starting with 0 (“0000” printed “0年度”, {上年度} “-1年”). */
export const REPORT_YEAR = /^[1-9]\d{3}$/;

/** Digits typed in full-width mode (２０２０) look right and are read as no number: say so, with the half-width text. */
function fullWidthDigitsHint(text: string): string {
  if (!/[０-９]/.test(text)) return '';
  return `其中的数字是全角的，请改为半角：“${halfWidthDigits(text)}”。`;
}

function readCheckSettings(directive: DirectiveLine, header: Header, diagnostics: Diagnostic[]) {
  for (const arg of directive.args) {
    const level = arg.value ? parseSeverityWord(arg.value.text) : undefined;
    if (!/^BG\d{3}$/i.test(arg.name.text) || !level) {
      diagnostics.push(diagnostic('BG107', arg, `“${arg.name.text}${arg.value ? `=${arg.value.text}` : ''}”写法有误：应写成“BG601=关”，级别为 关、错误、警告、提示。`));
      continue;
    }
    header.severities.set(arg.name.text.toUpperCase(), level);
  }
}

/** Last year's report (@上年): the path as written, resolved against the report's folder; undefined when not given. */
export function previousReportPath(header: Header, reportPath: string): string | undefined {
  const written = header.values.上年?.text;
  return written ? resolvePath(dirname(reportPath), written) : undefined;
}

/**
 * A party committee and a government run together before 关于 or the year, without the space between them
 * (“中共楠木铺乡党委楠木铺乡人民政府关于2024年……的报告”): the two bodies. Only a 党委, 党工委, 党组 or 委员会
 * right before a 人民政府 or 办事处 (not 依法治县委员会办公室, one body).
 */
export const RUN_TOGETHER_ISSUERS = /^((?:中共|中国共产党)?[\u4e00-\u9fff]{2,16}?(?:党委|党工委|党组|委员会))([\u4e00-\u9fff]{2,12}?(?:人民政府|办事处))(?=关于|\d{4}|[〇○零一二三四五六七八九]{4})/;
