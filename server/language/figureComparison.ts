// A figure compared with last year's report (`{调处 同比}` → 同比增长8%, `{调处 增减}` → 增加12起),
// and why it cannot be (BG211: no @上年, no such figure last year, last year zero; BG204: units differ).
import type * as ast from '../../grammar/index.js';
import { diagnostic } from './makeDiagnostic.js';
import type { Figures, Scope } from './model.js';
import { describeUnit, type FormulaEnvironment } from './figureFormulas.js';
import { exactOf, formatNumber } from './values.js';

/** The printed comparison; undefined when there is none (`report`: say why, once, in the resolution). */
export function compareWithLastYear(env: FormulaEnvironment, previous: Figures | undefined, node: ast.FigureNode, scope: Scope, report: boolean): string | undefined {
  const body = node.body as ast.ComparisonBody;
  const name = body.name.text;
  const current = env.lookup(name, scope, body.name, !report);
  if (!current || current.type !== 'number') return undefined;
  const fail = (message: string) => {
    if (report) env.report(scope, diagnostic('BG211', node, message));
    return undefined;
  };
  if (!previous) return fail(`“{${name} ${body.mode}}”需要上年报告：在文头写“@上年 上年报告.bg”。`);
  const last = previous.definitions.get(name);
  const before = last?.value;
  if (!before || before.type !== 'number') return fail(`上年报告中没有指标“${name}”，无法${body.mode}。`);
  if ((before.unit ?? '') !== (current.unit ?? '') || before.percent !== current.percent) {
    if (report) env.report(scope, diagnostic('BG204', node, `“${name}”今年是${describeUnit(current)}，上年是${describeUnit(before)}，单位不同，无法比较。`));
    return undefined;
  }
  if (current.value === before.value && current.exact === before.exact) return '与上年持平';
  const delta = current.value - before.value;
  if (body.mode === '增减') {
    // Values beyond a double: the difference in decimal, exactly.
    const exactly = current.exact !== undefined || before.exact !== undefined;
    const size = exactly ? exactOf(current).minus(exactOf(before)).abs() : Math.abs(delta);
    const amount = current.percent ? `${formatNumber(typeof size === 'number' ? size * 100 : size.times(100))}个百分点` : `${formatNumber(size)}${current.unit ?? ''}`;
    return `${(exactly ? exactOf(current).gt(exactOf(before)) : delta > 0) ? '增加' : '减少'}${amount}`;
  }
  if (current.percent) return `同比${delta > 0 ? '提高' : '下降'}${formatNumber(Math.abs(delta) * 100)}个百分点`;
  if (before.value === 0) return fail(`上年“${name}”为零，无法计算同比增幅；可改用“{${name} 增减}”。`);
  return `同比${delta > 0 ? '增长' : '下降'}${formatNumber((Math.abs(delta) / Math.abs(before.value)) * 100)}%`;
}
