// Figure values: numbers with measure words, percentages, approximate qualifiers — and how they print.
import type { Quantity } from '../../grammar/index.js';

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
  /** The digits as written, kept when a double cannot hold them exactly: printed as is, never computed with. */
  written?: string;
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
  if (!isExactDecimal(q.digits)) value.written = q.digits;
  return value;
}

/** The largest significant-digit count every decimal of which a double holds exactly (DBL_DIG). */
const EXACT_DIGITS = 15;

/**
 * Does a double hold these written digits exactly (so that they print back unchanged)? True for up to
 * 15 significant digits, and for integers up to 2^53 − 1; 9007199254740993 is not.
 */
export function isExactDecimal(digits: string): boolean {
  const plain = digits.replace(/[,，_\s]/g, '');
  if (!/^\d*\.?\d*$/.test(plain)) return true;
  const [whole = '', fraction = ''] = plain.split('.');
  const significant = `${whole}${fraction}`.replace(/^0+/, '').replace(/0+$/, '');
  if (significant.length <= EXACT_DIGITS) return true;
  return fraction.replace(/0+$/, '') === '' && whole !== '' && BigInt(whole) <= BigInt(Number.MAX_SAFE_INTEGER);
}

/** Is a computed result one a double holds exactly enough to print: finite, and an integer result within 2^53? */
export function isTrustworthyResult(value: number, integerOperands: boolean): boolean {
  return Number.isFinite(value) && (!integerOperands || Math.abs(value) <= Number.MAX_SAFE_INTEGER);
}

/** At most `decimals` decimals, trailing zeros dropped: 98.000 → "98", 81.4814 → "81.48". */
export function formatNumber(value: number, decimals = 2): string {
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** How a value prints in the report. A stated value prints with the decimals it was written with. */
export function formatValue(v: Value): string {
  if (v.type === 'text') return v.text;
  const decimals = v.decimals ?? 2;
  const digits = v.percent ? formatNumber(v.value * 100, decimals) : formatNumber(v.value, decimals);
  const stated = v.decimals !== undefined;
  const shownDigits = stated ? (v.percent ? (v.value * 100).toFixed(decimals) : v.value.toFixed(decimals)) : digits;
  const fixedDigits = v.written ?? shownDigits;
  const before = v.qualifier?.position === 'before' ? v.qualifier.text : '';
  const after = v.qualifier?.position === 'after' ? v.qualifier.text : '';
  const suffix = v.percent ? '%' : (v.unit ?? '');
  // 以上/以下/左右 follow the measure word (3名以上); 多/余 come between number and unit (5000多份).
  if (after === '以上' || after === '以下' || after === '左右') return `${before}${fixedDigits}${suffix}${after}`;
  return `${before}${fixedDigits}${after}${suffix}`;
}

/** Does a computed ratio or number agree with a stated one at the stated precision? */
export function agreesAtPrecision(stated: NumberValue, computed: number): boolean {
  const scale = stated.percent ? 100 : 1;
  const decimals = stated.decimals ?? 2;
  const tolerance = 0.5 * 10 ** -decimals + 1e-9;
  return Math.abs(computed * scale - stated.value * scale) <= tolerance;
}

/** The computed value written at the stated value's precision, for messages and fixes: "81.48%". */
export function formatAtPrecision(stated: NumberValue, computed: number): string {
  const decimals = stated.decimals ?? 2;
  if (stated.percent) return `${(computed * 100).toFixed(decimals)}%`;
  return `${computed.toFixed(decimals)}${stated.unit ?? ''}`;
}
