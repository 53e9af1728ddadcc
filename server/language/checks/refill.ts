// Report checks: a report started from last year's (BG710–BG711) — figures and the date still to be
// filled in (`{调处 = ？ 上年150起}`, `@日期 ？`, as `baogao new` writes them), and stated figures whose
// value is exactly last year's (a number copied and not updated).
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { ReportModel } from '../model.js';
import { formatValue, quantityValue } from '../values.js';
import { located } from './prose.js';
import type { ReportCheck } from './contract.js';

export const refillCodes: CodeInfo[] = [
  {
    code: 'BG710', severity: 'warning', title: '待填写',
    description: '指标的数值或成文日期写的是“？”：这是从上年报告起草（baogao new）时清空、待填写今年数值的地方，旁边的“上年150起”是上一年的数值，供参考。用到它的比率、同比等也等它填好后才计算和检查。',
    example: '共调处矛盾纠纷{调处 = ？ 上年150起}', fix: '把“？ 上年150起”改为今年的数值，如“162起”',
  },
  {
    code: 'BG711', severity: 'hint', title: '与上年数值相同',
    description: '写明的指标与“@上年”报告中同名指标的数值完全相同，而且与上年可比的指标中有一半以上（至少两个）都是如此：多半是沿用上年报告时没有更新数字。个别指标不变（如持证人数）很常见，不报；零不报。',
    example: '@上年 guiwei-2020.bg\n共调处矛盾纠纷{调处 = 150起}（上年也是150起）',
  },
];
registerCodes(refillCodes);

/** Does the report still have a value to fill in (a `？` figure or date)? */
export function hasPendingValues(model: ReportModel): boolean {
  return model.header.datePending || model.figures.allDefinitions.some((d) => d.body.value?.kind === 'pending');
}

function pendingValues(model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const date = model.header.values.日期;
  if (model.header.datePending && date) out.push(diagnostic('BG710', date.span, '成文日期待填写：把“？”改为成文日期，例如“2022-01-10”。'));
  for (const definition of model.figures.allDefinitions) {
    const value = definition.body.value;
    if (value?.kind !== 'pending') continue;
    const before = value.previous ? formatValue(quantityValue(value.previous)) : lastYearValue(model, definition.name);
    const hint = before ? `（上年为${before}）` : '';
    out.push(located(model, definition.scope, diagnostic('BG710', value, `指标“${definition.name}”待填写${hint}：把“？${value.previous ? ' 上年…' : ''}”改为今年的数值。`)));
  }
  return out;
}

function lastYearValue(model: ReportModel, name: string): string | undefined {
  const last = model.previous?.figures.definitions.get(name);
  return last?.value ? formatValue(last.value) : undefined;
}

function staleValues(model: ReportModel): Diagnostic[] {
  const previous = model.previous;
  if (!previous) return [];
  const same: Diagnostic[] = [];
  let compared = 0;
  for (const definition of model.figures.definitions.values()) {
    const value = definition.body.value;
    if (value?.kind !== 'quantity' || definition.scope.file !== model.file || definition.body.check) continue;
    const last = previous.figures.definitions.get(definition.name);
    if (last?.body.value?.kind !== 'quantity' || last.body.check) continue;
    const now = quantityValue(value);
    const then = quantityValue(last.body.value);
    if (now.percent !== then.percent || (now.unit ?? '') !== (then.unit ?? '')) continue;
    compared++;
    if (now.value === 0 || now.value !== then.value) continue;
    same.push(diagnostic('BG711', value, `“${definition.name}”与上年报告的数值相同（${formatValue(now)}）：是否沿用上年报告时没有更新？`));
  }
  // One or two counts may well be unchanged (the staff holding a licence); a copy leaves most of them.
  return same.length >= 2 && same.length * 2 >= compared ? same : [];
}

export const refillChecks: ReportCheck[] = [
  { id: 'to-refill', codes: ['BG710'], run: pendingValues },
  { id: 'same-as-last-year', codes: ['BG711'], run: staleValues },
];
