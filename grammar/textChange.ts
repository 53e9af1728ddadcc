// What two versions of a text have in common at their start and at their end: all an edit left alone;
// and the lines around an offset (the line an edit is on).

export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Compare in chunks first: most of a long text is unchanged.
  for (let step = 4096; step >= 1; step >>= 4) while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of two texts, not reaching into their common start. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 4) while (i + step <= n && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The unchanged start and end of `after` against `before` (the last pair asked is remembered: several callers ask it per edit). */
let last: { before: string; after: string; prefix: number; suffix: number } | undefined;
export function unchangedEnds(before: string, after: string): { prefix: number; suffix: number } {
  if (last?.before !== before || last.after !== after) {
    const prefix = commonPrefix(before, after);
    last = { before, after, prefix, suffix: commonSuffix(before, after, prefix) };
  }
  return last;
}

const isLineBreak = (c: number) => c === 10 || c === 13;

/** Where the line holding `offset` starts (after the line break before it). */
export function lineStartAt(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && !isLineBreak(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Where the line holding `offset` ends (at its line break, or the text's end). */
export function lineEndAt(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && !isLineBreak(text.charCodeAt(at))) at++;
  return at;
}

/** Where the line after the one holding `offset` starts (past \r\n, \r or \n), or the text's end. */
export function nextLineStart(text: string, offset: number): number {
  const at = lineEndAt(text, offset);
  if (at >= text.length) return at;
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

/** Whether [start, end) ends with a whole line break (a \r followed by \n is only half of one). */
export function endsWithLineBreak(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  return end > start && (last === 10 || (last === 13 && text.charCodeAt(end) !== 10));
}
