// Evaluating a figure's formula (指标的公式): the arithmetic of quantities with units and percentages,
// exact past what a double holds, and the problems of a formula (BG203 text or a misplaced `_`, BG204
// units that differ, BG205 a zero divisor, BG251 a result too large). The figure table (figures.ts)
// gives the names' values and takes the diagnostics.
import type * as ast from '../../grammar/index.js';
import type { Diagnostic, Severity } from '../../grammar/diagnostic.js';
import { diagnostic } from './makeDiagnostic.js';
import type { Scope } from './model.js';
import { exactOf, exactResult, fromExact, needsExact, numberValue, quantityValue, type NumberValue, type Value } from './values.js';

/** What a formula needs of the figure table: the value of a name as seen from a scope, and where problems go. */
export interface FormulaEnvironment {
  lookup(name: string, scope: Scope, at: ast.Span, quiet: boolean): Value | undefined;
  report(scope: Scope, d: Diagnostic): void;
}

export interface EvalContext {
  /** The value of `_` while searching for a whole count. */
  whole: number | undefined;
  approximate: boolean;
  hasDivision: boolean;
  /** Report problems (off while searching, to report once). */
  quiet: boolean;
}

export function evaluate(env: FormulaEnvironment, expr: ast.Expression, scope: Scope, ctx: EvalContext): NumberValue | undefined {
  switch (expr.kind) {
    case 'quantity':
      return quantityValue(expr);
    case 'pending':
      // A value to refill: what depends on it waits, without an error of its own (BG710 says it once).
      return undefined;
    case 'whole':
      if (ctx.whole === undefined) {
        problem(env, ctx, scope, diagnostic('BG203', expr, '“_”只能用在“:”之后的校验公式中，表示某个整数，例如“{成功率 = 97.33% : _/调处}”。'));
        return undefined;
      }
      return numberValue(ctx.whole);
    case 'ref': {
      const value = env.lookup(expr.name, scope, expr, ctx.quiet);
      if (!value) return undefined;
      if (value.type === 'text') {
        const n = Number(value.text);
        if (Number.isFinite(n) && value.text.trim() !== '') return numberValue(n);
        problem(env, ctx, scope, diagnostic('BG203', expr, `“${expr.name}”是文字（${value.text}），不能参与计算。`));
        return undefined;
      }
      if (value.qualifier) ctx.approximate = true;
      return value;
    }
    case 'negation': {
      const v = evaluate(env, expr.operand, scope, ctx);
      return v ? { ...v, value: -v.value, decimals: undefined, ...(v.exact !== undefined ? { exact: exactOf(v).neg().toFixed() } : {}) } : undefined;
    }
    case 'binary': {
      const left = evaluate(env, expr.left, scope, ctx);
      const right = evaluate(env, expr.right, scope, ctx);
      if (!left || !right) return undefined;
      const result = combine(env, expr, left, right, scope, ctx);
      // Beyond what a double holds: computed again in decimal, exactly (9007199254740993 + 1 = …994).
      if (!result || !needsExact(left, right, result.value)) return result;
      const exact = fromExact(exactResult(expr.op, left, right), result);
      if (!exact) problem(env, ctx, scope, diagnostic('BG251', expr, `“${scope.file.text.slice(expr.start, expr.end)}”的结果超过 10²¹，不予打印。请核对数值或单位（如改用“万元”“亿元”）。`));
      return exact;
    }
  }
}

function combine(env: FormulaEnvironment, expr: ast.Binary, left: NumberValue, right: NumberValue, scope: Scope, ctx: EvalContext): NumberValue | undefined {
  const text = (e: ast.Expression) => scope.file.text.slice(e.start, e.end);
  switch (expr.op) {
    case '+':
    case '-': {
      if (left.percent !== right.percent || (left.unit && right.unit && left.unit !== right.unit)) {
        problem(env, ctx, scope, diagnostic('BG204', expr, `“${text(expr.left)}”（${describeUnit(left)}）与“${text(expr.right)}”（${describeUnit(right)}）单位不同，不能相${expr.op === '+' ? '加' : '减'}。`));
        return undefined;
      }
      const value = expr.op === '+' ? left.value + right.value : left.value - right.value;
      return numberValue(value, left.unit ?? right.unit, left.percent);
    }
    case '×':
      return numberValue(left.value * right.value, left.unit ?? right.unit, left.percent !== right.percent && !(left.unit ?? right.unit));
    case '÷': {
      ctx.hasDivision = true;
      // A divisor too small for a double is 0 as a double, not as written (0.000…1, 400 zeros).
      if (right.value === 0 && (right.exact === undefined || exactOf(right).eq(0))) {
        problem(env, ctx, scope, diagnostic('BG205', expr.right, `除数“${text(expr.right)}”为零，无法计算。`));
        return undefined;
      }
      const value = left.value / right.value;
      if (left.unit && right.unit && left.unit !== right.unit) {
        problem(env, ctx, scope, { ...diagnostic('BG204', expr, `比率的分子“${text(expr.left)}”（${left.unit}）与分母“${text(expr.right)}”（${right.unit}）单位不同，请核对是否在比较同一类事物。`), severity: 'warning' as Severity });
      }
      // Like ÷ like is a pure ratio; 件 ÷ (unitless) stays 件.
      return numberValue(value, left.unit && !right.unit ? left.unit : undefined);
    }
  }
}

function problem(env: FormulaEnvironment, ctx: EvalContext, scope: Scope, d: Diagnostic): void {
  if (!ctx.quiet) env.report(scope, d);
}

/** Visits the leaves of a formula: quantities, figure references and `_`. */
export function forEachOperand(expr: ast.Expression, visit: (leaf: ast.Quantity | ast.FigureRef | ast.WholeCount | ast.PendingValue) => void): void {
  // Left to right, with a stack of its own: a formula of thousands of terms needs no deep recursion.
  const pending: ast.Expression[] = [expr];
  while (pending.length > 0) {
    const e = pending.pop()!;
    if (e.kind === 'binary') pending.push(e.right, e.left);
    else if (e.kind === 'negation') pending.push(e.operand);
    else visit(e);
  }
}

export function containsWhole(expr: ast.Expression): boolean {
  switch (expr.kind) {
    case 'whole':
      return true;
    case 'binary':
      return containsWhole(expr.left) || containsWhole(expr.right);
    case 'negation':
      return containsWhole(expr.operand);
    default:
      return false;
  }
}

export function describeUnit(v: NumberValue): string {
  return v.percent ? '百分比' : v.unit ? `单位“${v.unit}”` : '无单位';
}
