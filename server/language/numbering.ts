// Heading numbers as GB/T 9704 reports write them: 一、 （一） 1. （1）.
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; beyond 99, Arabic digits. */
export function chineseNumeral(n: number): string {
  if (n <= 0 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** Heading numbers made so far, by level: every analysis numbers every heading again (a keystroke too). */
const MADE: Array<Map<number, string>> = [];

export function headingNumber(level: number, n: number): string {
  const made = (MADE[level] ??= new Map());
  let number = made.get(n);
  if (number === undefined) made.set(n, (number = makeHeadingNumber(level, n)));
  return number;
}

function makeHeadingNumber(level: number, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

/** 一是 二是 … for run-on lists. */
export function runOnOrdinal(n: number): string {
  return `${chineseNumeral(n)}是`;
}
