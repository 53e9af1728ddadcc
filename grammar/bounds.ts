// Bounds on one formula, checked on a line's tokens before it is parsed: the parser, the offset shifts of
// incremental parsing, the evaluator and every walker of the tree recurse along a formula, so a formula
// of 5,000 terms or 5,000 nested brackets would overflow the stack. Beyond the bounds the line is kept as
// typed (plain text, nothing lost) with one BG904 that says why.
import type { IToken } from 'chevrotain';
import * as t from './tokens.js';

/** Terms of one formula (operands of + − × ÷) at most. */
export const MAX_FORMULA_TERMS = 1000;
/** Brackets and minus signs nested in one formula at most. */
export const MAX_FORMULA_NESTING = 100;

/** Tokens that open a figure's formula part (a figure, or a directive whose rest is read in figure mode). */
const OPENERS = new Set([t.LBrace, t.ReopenBrace, t.MetricDirective, t.ArgsDirective]);
const OPERATORS = new Set([t.Plus, t.Minus, t.Times, t.Divide]);

/** The first figure of a line beyond the bounds: where it starts, and the Chinese reason. */
export function formulaBeyondBounds(tokens: readonly IToken[]): { start: number; message: string } | undefined {
  let start = 0;
  let terms = 1;
  let depth = 0;
  let minusRun = 0;
  for (const token of tokens) {
    const type = token.tokenType;
    if (OPENERS.has(type)) {
      start = token.startOffset;
      terms = 1;
      depth = 0;
      minusRun = 0;
      continue;
    }
    if (OPERATORS.has(type)) terms++;
    if (type === t.LParen) depth++;
    else if (type === t.RParen) depth = Math.max(0, depth - 1);
    minusRun = type === t.Minus ? minusRun + 1 : 0;
    if (terms > MAX_FORMULA_TERMS) {
      return { start, message: `公式超过 ${MAX_FORMULA_TERMS} 项的上限：这一行按原文排版，不解析也不计算。请拆成几个指标。` };
    }
    if (depth > MAX_FORMULA_NESTING || minusRun > MAX_FORMULA_NESTING) {
      return { start, message: `公式的括号或负号嵌套超过上限（${MAX_FORMULA_NESTING} 层）：这一行按原文排版，不解析也不计算。请简化公式。` };
    }
  }
  return undefined;
}
