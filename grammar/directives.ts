// Directive names: Chinese first, English aliases for writers who type them.
import type { DirectiveName } from './ast.js';

export const DIRECTIVES: ReadonlyArray<{ name: DirectiveName; alias: string; header: boolean }> = [
  { name: '标题', alias: 'title', header: true },
  { name: '类型', alias: 'kind', header: true },
  { name: '机关', alias: 'org', header: true },
  { name: '年度', alias: 'year', header: true },
  { name: '日期', alias: 'date', header: true },
  { name: '主送', alias: 'to', header: true },
  { name: '上年', alias: 'previous', header: true },
  { name: '模板', alias: 'template', header: true },
  { name: '检查', alias: 'checks', header: true },
  { name: '附件', alias: 'attachment', header: true },
  { name: '抄送', alias: 'cc', header: true },
  { name: '印发机关', alias: 'printer', header: true },
  { name: '印发日期', alias: 'printed', header: true },
  { name: '指标', alias: 'metric', header: false },
  { name: '引用', alias: 'include', header: false },
  { name: '落款', alias: 'signature', header: false },
  { name: '片段', alias: 'snippet', header: true },
  { name: '参数', alias: 'params', header: true },
];

const byWrittenName = new Map<string, DirectiveName>();
for (const d of DIRECTIVES) {
  byWrittenName.set(d.name, d.name);
  byWrittenName.set(d.alias, d.name);
}

export function canonicalDirective(written: string): DirectiveName | undefined {
  return byWrittenName.get(written) ?? byWrittenName.get(written.toLowerCase());
}

export function isHeaderDirective(name: DirectiveName): boolean {
  return DIRECTIVES.find((d) => d.name === name)?.header ?? false;
}
