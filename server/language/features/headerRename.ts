// Renaming a header value. The header names (年度 机关 标题 日期 上年度 下年度) are the language's own, as a
// library's names are to a programming language, and are never renamed. What a writer means by F2 on
// `{年度}`, `{机关}` or on the value of `@年度 2020` is "this value is now another": the rename changes the
// value in the header directive, and every `{年度}` of the report and its snippets follows by itself.
// `{上年度}`/`{下年度}` are 年度 ∓ 1, so renaming them sets @年度. Text typed out in prose ("2020年") is
// never touched: only the header holds the value.
import type { ReportModel } from '../model.js';
import type { Location, Range } from './locate.js';

type HeaderName = '年度' | '机关' | '标题' | '日期';

/** The directive a header figure's value lives in, and how the figure derives from it. */
function sourceOf(name: string): { directive: HeaderName; offset: number } {
  if (name === '上年度') return { directive: '年度', offset: -1 };
  if (name === '下年度') return { directive: '年度', offset: 1 };
  return { directive: name as HeaderName, offset: 0 };
}

function isSnippet(model: ReportModel): boolean {
  return model.file.document.header.some((d) => d.name === '片段');
}

export type HeaderPrepared = { ok: true; range: Range; placeholder: string } | { ok: false; message: string };

/** The value F2 offers to change: the current value of the header figure under the cursor. */
export function prepareHeaderRename(model: ReportModel, name: string, span: Range): HeaderPrepared {
  if (isSnippet(model)) return { ok: false, message: `片段中的“{${name}}”取自引用它的报告（或 @引用 给出的参数）；请在报告的文头修改“@${sourceOf(name).directive}”。` };
  const { directive, offset } = sourceOf(name);
  const current = model.header.values[directive]?.text ?? '';
  const year = /^\d{4}$/.test(current) ? Number(current) : undefined;
  const placeholder = offset === 0 ? current : year !== undefined ? String(year + offset) : '';
  return { ok: true, range: { start: span.start, end: span.end }, placeholder };
}

/** Edits that give the header figure `name` the value `newValue`, or a Chinese message why not. */
export function renameHeaderValue(model: ReportModel, name: string, newValue: string): Array<Location & { newText: string }> | string {
  const prepared = prepareHeaderRename(model, name, { start: 0, end: 0 });
  if (!prepared.ok) return prepared.message;
  const value = newValue.trim();
  if (!value || /[\r\n]/.test(value)) return '文头值不能为空，也不能换行。';
  const { directive, offset } = sourceOf(name);
  let written = value;
  if (directive === '年度') {
    if (!/^\d{4}$/.test(value)) return `“${value}”不是四位数字的年份；${name}应写成例如“2021”。`;
    written = String(Number(value) - offset);
  }
  const path = model.file.path;
  const existing = model.header.values[directive];
  if (existing) {
    const { start, end } = existing.span;
    return [{ path, start, end, newText: end > start ? written : ` ${written}` }];
  }
  // No such directive yet: the rename writes it, under the header's last directive.
  const text = model.file.text;
  const last = model.file.document.header[model.file.document.header.length - 1];
  if (!last) return [{ path, start: 0, end: 0, newText: `@${directive} ${written}\n` }];
  const lineEnd = text.indexOf('\n', last.start);
  if (lineEnd < 0) return [{ path, start: text.length, end: text.length, newText: `\n@${directive} ${written}` }];
  return [{ path, start: lineEnd + 1, end: lineEnd + 1, newText: `@${directive} ${written}\n` }];
}
