// A figure compared with last year's report (`{调处 同比}` → 同比增长8%, `{调处 增减}` → 增加12起),
// and why it cannot be (BG211: no @上年, no such figure last year, last year zero; BG204: units differ).
import type * as ast from '../../grammar/index.js';
import { diagnostic } from './makeDiagnostic.js';
import type { Figures, Scope } from './model.js';
import { describeUnit, type FormulaEnvironment } from './figureFormulas.js';
import { exactOf, formatNumber, type NumberValue } from './values.js';

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
  // Values beyond a double (more than 15 digits, or past its range: 1 and 400 zeros is Infinity as a
  // double, and printed “同比下降NaN%”, “同比增长Infinity%”): the change in decimal, exactly.
  if (current.exact !== undefined || before.exact !== undefined) return exactChange(name, body.mode, current, before, fail);
  if (current.value === before.value) return '与上年持平';
  const delta = current.value - before.value;
  const up = delta > 0 ? 0 : 1;
  if (body.mode === '增减') return `${UP_DOWN.amount[up]}${current.percent ? `${formatNumber(Math.abs(delta) * 100)}个百分点` : `${formatNumber(Math.abs(delta))}${current.unit ?? ''}`}`;
  if (current.percent) return `同比${UP_DOWN.points[up]}${formatNumber(Math.abs(delta) * 100)}个百分点`;
  if (before.value === 0) return fail(lastYearZero(name));
  return `同比${UP_DOWN.rate[up]}${formatNumber((Math.abs(delta) / Math.abs(before.value)) * 100)}%`;
}

/** The words of a change up (0) or down (1): of an amount, of a percentage's points, of a rate. */
const UP_DOWN = { amount: ['增加', '减少'], points: ['提高', '下降'], rate: ['增长', '下降'] } as const;

const lastYearZero = (name: string) => `上年“${name}”为零，无法计算同比增幅；可改用“{${name} 增减}”。`;

/** compareWithLastYear of values with exact digits, in decimal. */
function exactChange(name: string, mode: ast.ComparisonBody['mode'], current: NumberValue, before: NumberValue, fail: (message: string) => undefined): string | undefined {
  const delta = exactOf(current).minus(exactOf(before));
  if (delta.eq(0)) return '与上年持平';
  const up = delta.gt(0) ? 0 : 1;
  if (mode === '增减') return `${UP_DOWN.amount[up]}${current.percent ? `${formatNumber(delta.abs().times(100))}个百分点` : `${formatNumber(delta.abs())}${current.unit ?? ''}`}`;
  if (current.percent) return `同比${UP_DOWN.points[up]}${formatNumber(delta.abs().times(100))}个百分点`;
  const last = exactOf(before);
  if (last.eq(0)) return fail(lastYearZero(name));
  return `同比${UP_DOWN.rate[up]}${formatNumber(delta.abs().div(last.abs()).times(100))}%`;
}
