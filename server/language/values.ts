// Figure values: numbers with measure words, percentages, approximate qualifiers — and how they print.
// A value is a double; one a double cannot hold (more than 15 significant digits, an integer beyond
// 2^53) also carries its exact decimal digits, and is computed with big.js, exactly.
import Big from 'big.js';
import type { Quantity } from '../../grammar/index.js';
import { withoutTrailing } from '../../grammar/trailing.js';

/** Digits (and the decimal point) typed in full-width mode, ０-９ and ．, as half-width ones: what a writer meant. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Decimal arithmetic of its own (not big.js's shared defaults): 40 decimals for quotients, half up, no exponents. */
const Exact = Big();
Exact.DP = 40;
Exact.RM = Exact.roundHalfUp;
Exact.NE = -1e6;
Exact.PE = 1e6;

export interface NumberValue {
  type: 'number';
  /** A percentage is held as a ratio: 81.48% → 0.8148. */
  value: number;
  unit: string | undefined;
  /** Print as a percentage. */
  percent: boolean;
  /** Set when the value is (or derives from) an approximate count: 多 余 约 近 … */
  qualifier: Quantity['qualifier'];
  /** Decimals as written, for stated values: the precision they claim. */
  decimals: number | undefined;
  /** The exact decimal (a ratio for a percentage) when the double `value` does not hold it: printed from and computed with. */
  exact?: string;
}

export interface TextValue {
  type: 'text';
  text: string;
}

export type Value = NumberValue | TextValue;

export function numberValue(value: number, unit?: string, percent = false): NumberValue {
  return { type: 'number', value, unit, percent, qualifier: undefined, decimals: undefined };
}

export function quantityValue(q: Quantity): NumberValue {
  const value: NumberValue = {
    type: 'number',
    value: q.percent ? q.value / 100 : q.value,
    unit: q.percent ? undefined : q.unit,
    percent: q.percent,
    qualifier: q.qualifier,
    decimals: q.decimals,
  };
  // Shifted, not divided: big.js rounds a quotient to Exact.DP decimals, and the 41st digit of a stated
  // value on was printed as 0 (0.1234…, 50,000 decimals typed, printed 0.12345678911234567891123456789112345678910000…).
  if (!isExactDecimal(q.digits)) value.exact = new Exact(q.digits).times(q.percent ? '0.01' : 1).toFixed();
  return value;
}

/**
 * Significant digits an operand is computed with: far more than any report's figure has (a double holds
 * 15), and few enough that a product of two stated values of 50,000 digits each — quadratic in big.js, 35 s
 * — is computed in no time. A stated value still prints with every digit typed (formatValue).
 */
export const COMPUTED_DIGITS = 60;

/** A value's exact decimal: its digits when it has them, else its double (which holds what was written); to COMPUTED_DIGITS. */
export function exactOf(v: NumberValue): Big {
  return new Exact(v.exact ?? v.value).prec(COMPUTED_DIGITS);
}

/** Results of this magnitude or more are not printed (BG251): no report counts that far. */
export const LARGEST_RESULT = new Exact('1e21');

/** A value from an exact result, its digits kept when a double does not hold them; undefined beyond LARGEST_RESULT. */
export function fromExact(x: Big, like: NumberValue): NumberValue | undefined {
  if (x.abs().gte(LARGEST_RESULT)) return undefined;
  const digits = x.toFixed();
  const { exact: _, ...rest } = like;
  return isExactDecimal(digits.replace('-', '')) ? { ...rest, value: x.toNumber() } : { ...rest, value: x.toNumber(), exact: digits };
}

/** The exact result of `left op right` (a divisor of zero is the caller's to refuse). */
export function exactResult(op: '+' | '-' | '×' | '÷', left: NumberValue, right: NumberValue): Big {
  const a = exactOf(left);
  const b = exactOf(right);
  return op === '+' ? a.plus(b) : op === '-' ? a.minus(b) : op === '×' ? a.times(b) : a.div(b);
}

/** Digits before the point, or zeros after it, within which a double keeps 15 significant digits (its range is 10^±308). */
const MAX_DOUBLE_EXPONENT = 300;

/** The largest significant-digit count every decimal of which a double holds exactly (DBL_DIG). */
const EXACT_DIGITS = 15;

/**
 * Does a double hold these written digits exactly (so that they print back unchanged)? True for up to
 * 15 significant digits, and for integers up to 2^53 − 1; 9007199254740993 is not.
 */
export function isExactDecimal(digits: string): boolean {
  // No more characters than a double holds digits: exact, whatever they are (nearly every figure; nothing is made for it).
  if (digits.length <= EXACT_DIGITS) return true;
  const plain = digits.replace(/[,，_\s]/g, '');
  // Not /^\d*\.?\d*$/: its two runs of digits make it quadratic in a long one.
  if (!/^\d*(?:\.\d*)?$/.test(plain)) return true;
  const [whole = '', fraction = ''] = plain.split('.');
  const significant = withoutTrailing(`${whole}${fraction}`.replace(/^0+/, ''), '0');
  // Beyond a double's exponents (about 10^±308) its digits are none: 1 and 400 zeros is Infinity, and was
  // an internal error (big.js “Invalid number”); 0.000…1 with 400 zeros is 0, and was “除数为零”.
  const wholeDigits = whole.replace(/^0+/, '').length;
  if (significant !== '' && (wholeDigits > MAX_DOUBLE_EXPONENT || (wholeDigits === 0 && fraction.length - fraction.replace(/^0+/, '').length >= MAX_DOUBLE_EXPONENT))) return false;
  if (significant.length <= EXACT_DIGITS) return true;
  return withoutTrailing(fraction, '0') === '' && whole !== '' && BigInt(whole) <= BigInt(Number.MAX_SAFE_INTEGER);
}

/** Must a result be computed exactly: an operand beyond a double, or a result beyond 15 digits before the point? */
export function needsExact(left: NumberValue, right: NumberValue, result: number): boolean {
  return left.exact !== undefined || right.exact !== undefined || !(Math.abs(result) < 1e15);
}

/** At most `decimals` decimals, trailing zeros dropped: 98.000 → "98", 81.4814 → "81.48". */
export function formatNumber(value: number | Big, decimals = 2): string {
  // toFixed prints a double of 10^21 or more in exponent form (同比增长1e+26%): its digits come from big.js.
  const fixed = typeof value === 'number' && Number.isFinite(value) && Math.abs(value) >= 1e21 ? new Exact(value).toFixed(decimals) : value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? withoutTrailing(withoutTrailing(fixed, '0'), '.') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** How a value prints in the report. A stated value prints with the decimals it was written with. */
export function formatValue(v: Value): string {
  if (v.type === 'text') return v.text;
  const decimals = v.decimals ?? 2;
  // Exact digits print from big.js (9007199254740993 stays …993); others from the double.
  const shown: number | Big = v.exact !== undefined ? new Exact(v.exact).times(v.percent ? 100 : 1) : v.percent ? v.value * 100 : v.value;
  const stated = v.decimals !== undefined;
  const fixedDigits = stated ? shown.toFixed(decimals) : formatNumber(shown, decimals);
  const before = v.qualifier?.position === 'before' ? v.qualifier.text : '';
  const after = v.qualifier?.position === 'after' ? v.qualifier.text : '';
  const suffix = v.percent ? '%' : (v.unit ?? '');
  // 以上/以下/左右 follow the measure word (3名以上); 多/余 come between number and unit (5000多份).
  if (after === '以上' || after === '以下' || after === '左右') return `${before}${fixedDigits}${suffix}${after}`;
  return `${before}${fixedDigits}${after}${suffix}`;
}

/** Does a computed ratio or number agree with a stated one at the stated precision? (Exactly, when either has exact digits.) */
export function agreesAtPrecision(stated: NumberValue, computed: NumberValue | number): boolean {
  const scale = stated.percent ? 100 : 1;
  const decimals = stated.decimals ?? 2;
  if (typeof computed !== 'number' && (stated.exact !== undefined || computed.exact !== undefined)) {
    return exactOf(computed).minus(exactOf(stated)).times(scale).abs().lte(new Exact(5).times(new Exact(10).pow(-decimals - 1)));
  }
  const value = typeof computed === 'number' ? computed : computed.value;
  const tolerance = 0.5 * 10 ** -decimals + 1e-9;
  return Math.abs(value * scale - stated.value * scale) <= tolerance;
}

/** The computed value written at the stated value's precision, for messages and fixes: "81.48%". */
export function formatAtPrecision(stated: NumberValue, computed: NumberValue | number): string {
  const decimals = stated.decimals ?? 2;
  const value: number | Big = typeof computed === 'number' ? computed : computed.exact !== undefined ? exactOf(computed) : computed.value;
  if (stated.percent) return `${(typeof value === 'number' ? value * 100 : value.times(100)).toFixed(decimals)}%`;
  return `${value.toFixed(decimals)}${stated.unit ?? ''}`;
}
