// A figure's stated value against what it follows from: the check formula after “:” (BG206 a value
// that does not agree at its precision, BG207 a rate no whole count gives), a rate above 100% (BG208)
// and a result computed from approximate figures (BG209). Not a report check (checks/): these run as
// the figure table resolves its definitions (figures.ts).
import type * as ast from '../../grammar/index.js';
import { diagnostic } from './makeDiagnostic.js';
import type { FigureDefinition, Scope } from './model.js';
import { containsWhole, evaluate, forEachOperand, type EvalContext, type FormulaEnvironment } from './figureFormulas.js';
import { agreesAtPrecision, formatAtPrecision, formatNumber, formatValue, type NumberValue } from './values.js';

type WholeCountSearch = 'found' | 'unknown' | Array<{ k: number; v: number }>;
const WHOLE_COUNT_SEARCHES = new Map<string, WholeCountSearch>();

/** `{持证率 = 85.19% : 持证/应领证}`: the stated value against its check formula (sets `computed`). */
export function checkStated(env: FormulaEnvironment, definition: FigureDefinition, stated: NumberValue, formula: ast.Expression): void {
  const scope = definition.scope;
  const source = scope.file.text.slice(formula.start, formula.end);
  if (containsWhole(formula)) {
    checkWholeCount(env, definition, stated, formula, source);
    return;
  }
  const ctx: EvalContext = { whole: undefined, approximate: false, hasDivision: false, quiet: false };
  const result = evaluate(env, formula, scope, ctx);
  if (!result) return;
  definition.computed = result.value;
  if (ctx.approximate) warnApproximate(env, definition, formula);
  if (stated.percent && ctx.hasDivision && checkRateBound(env, definition, result.value, formula)) return;
  if (!agreesAtPrecision(stated, result)) {
    const correct = formatAtPrecision(stated, result);
    const written = formatValue(stated);
    const valueSpan = definition.body.value!;
    env.report(scope, diagnostic('BG206', valueSpan, `“${definition.name}”写为${written}，但按“${source}”（${describeOperands(env, formula, scope)}）算得${correct}。`, [
      { title: `改为${correct}`, edits: [{ start: valueSpan.start, end: valueSpan.end, newText: correct }], safe: false },
    ]));
  }
}

/** `{成功率 = 97.33% : _/调处}`: is there a whole count that gives the stated rate? */
function checkWholeCount(env: FormulaEnvironment, definition: FigureDefinition, stated: NumberValue, formula: ast.Expression, source: string): void {
  const scope = definition.scope;
  const probe: EvalContext = { whole: 1, approximate: false, hasDivision: false, quiet: false };
  if (!evaluate(env, formula, scope, probe)) return;
  // The search tries up to a million counts: its answer is remembered by the formula and its operands' values.
  const operands: unknown[] = [];
  forEachOperand(formula, (e) => operands.push(e.kind === 'ref' ? env.lookup(e.name, scope, e, true) : e.kind));
  const key = JSON.stringify([source, stated, operands]);
  let nearest = WHOLE_COUNT_SEARCHES.get(key);
  if (nearest === undefined) {
    nearest = searchWholeCount(env, stated, formula, scope);
    if (WHOLE_COUNT_SEARCHES.size >= 1000) WHOLE_COUNT_SEARCHES.delete(WHOLE_COUNT_SEARCHES.keys().next().value!);
    WHOLE_COUNT_SEARCHES.set(key, nearest);
  }
  if (nearest === 'found' || nearest === 'unknown') return;
  const unit = operandUnit(env, formula, scope);
  const near = nearest.map((x) => `${x.k}${unit}时为${formatAtPrecision(stated, x.v)}`);
  env.report(scope, diagnostic('BG207', definition.body.value!, `没有任何整数“_”能使“${source}”（${describeOperands(env, formula, scope)}）等于${formatValue(stated)}${near.length ? `：${near.join('，')}` : ''}。请核对比率或计数。`));
}

/** The counts just below and above the stated value when no whole count gives it exactly. */
function searchWholeCount(env: FormulaEnvironment, stated: NumberValue, formula: ast.Expression, scope: Scope): WholeCountSearch {
  const limit = Math.min(1_000_000, Math.max(1000, Math.ceil(largestOperand(env, formula, scope))));
  let below: { k: number; v: number } | undefined;
  let above: { k: number; v: number } | undefined;
  for (let k = 0; k <= limit; k++) {
    const r = evaluate(env, formula, scope, { whole: k, approximate: false, hasDivision: false, quiet: true });
    if (!r) return 'unknown';
    if (agreesAtPrecision(stated, r.value)) return 'found';
    if (r.value < stated.value) {
      if (!below || r.value > below.v) below = { k, v: r.value };
    } else if (!above || r.value < above.v) above = { k, v: r.value };
  }
  return [below, above].filter((x): x is { k: number; v: number } => x !== undefined);
}

/** A rate computed above 100% (BG208); true when reported. */
export function checkRateBound(env: FormulaEnvironment, definition: FigureDefinition, ratio: number, formula: ast.Expression): boolean {
  if (ratio <= 1 + 1e-9) return false;
  const source = definition.scope.file.text.slice(formula.start, formula.end);
  env.report(definition.scope, diagnostic('BG208', definition.body.value ?? definition.body.name, `“${definition.name}”按“${source}”算得${formatNumber(ratio * 100)}%，超过了100%：分子不应大于分母，请核对计数。`));
  return true;
}

export function warnApproximate(env: FormulaEnvironment, definition: FigureDefinition, formula: ast.Expression): void {
  const source = definition.scope.file.text.slice(formula.start, formula.end);
  env.report(definition.scope, diagnostic('BG209', formula, `“${source}”用到了约数（带“多”“余”“约”等），“${definition.name}”的结果也只是约数。`));
}

function largestOperand(env: FormulaEnvironment, expr: ast.Expression, scope: Scope): number {
  let largest = 0;
  forEachOperand(expr, (e) => {
    if (e.kind === 'quantity') largest = Math.max(largest, Math.abs(e.value));
    else if (e.kind === 'ref') {
      const v = env.lookup(e.name, scope, e, true);
      if (v?.type === 'number') largest = Math.max(largest, Math.abs(v.value));
    }
  });
  return largest;
}

/** The measure word of the figures a formula refers to (the unit a whole count `_` is counted in). */
function operandUnit(env: FormulaEnvironment, expr: ast.Expression, scope: Scope): string {
  let unit = '';
  forEachOperand(expr, (e) => {
    const v = !unit && e.kind === 'ref' ? env.lookup(e.name, scope, e, true) : undefined;
    if (v?.type === 'number' && v.unit) unit = v.unit;
  });
  return unit;
}

function describeOperands(env: FormulaEnvironment, expr: ast.Expression, scope: Scope): string {
  const parts = new Set<string>();
  forEachOperand(expr, (e) => {
    const v = e.kind === 'ref' ? env.lookup(e.name, scope, e, true) : undefined;
    if (v && e.kind === 'ref') parts.add(`${e.name}=${formatValue(v)}`);
  });
  return [...parts].join('，');
}
