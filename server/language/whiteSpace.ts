// White space by character code, as JavaScript's `\s` and `String.prototype.trim` see it: for scans over
// long texts that should not make a one-character string (or a trimmed copy) per test.

/** Whether a UTF-16 code unit is white space (`\s`). */
export function isWhiteSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Whether text[start, end) is white space only (or empty). */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhiteSpace(text.charCodeAt(i))) return false;
  return true;
}
