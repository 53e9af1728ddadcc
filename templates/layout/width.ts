// Display width in half-width cells, as a Chinese font prints plain text.
// A full-width column (one 汉字) is 2 cells; GB/T 9704 lines are 28 columns.
import { eastAsianWidth } from 'get-east-asian-width';

/** Full-width columns on a GB/T 9704 line. */
export const LINE_COLUMNS = 28;

/** Cells in a line of `columns` full-width columns (half a column is one cell). */
export function columnsToCells(columns: number): number {
  return Math.floor(columns * 2);
}

// Chinese fonts draw the Ambiguous set (“”‘’—…·) full width, so count it as wide.
const AMBIGUOUS_WIDE = { ambiguousAsWide: true } as const;
// Marks, format characters (ZWJ, ZWSP, soft hyphen) and controls take no cell.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
// Lazily filled BMP cache: 0 = unknown, else width + 1. Keeps the regex and the
// Unicode table lookup off the hot path when MB-sized texts are measured.
const bmpCache = new Uint8Array(0x10000);
const astralCache = new Map<number, 0 | 1 | 2>(); // rare (CJK Ext B names, emoji): a Map will do

function computeWidth(cp: number): 0 | 1 | 2 {
  if (ZERO_WIDTH.test(String.fromCodePoint(cp))) return 0;
  return eastAsianWidth(cp, AMBIGUOUS_WIDE);
}

/** Width in cells (0, 1 or 2) of one code point. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp >= 0x20 && cp < 0x7f) return 1; // printable ASCII, the common case
  if (cp > 0xffff) {
    let a = astralCache.get(cp);
    if (a === undefined) astralCache.set(cp, (a = computeWidth(cp)));
    return a;
  }
  let w = bmpCache[cp]!;
  if (w === 0) bmpCache[cp] = w = computeWidth(cp) + 1;
  return (w - 1) as 0 | 1 | 2;
}

/** Display width of `text` in half-width cells, iterating by code point. */
export function cellWidth(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    total += codePointWidth(cp);
  }
  return total;
}
