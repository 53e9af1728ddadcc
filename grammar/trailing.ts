// Text without some characters at its end, by a loop. A pattern such as /[ \t]+$/ is not linear in V8:
// it tries every start in a run of those characters and scans the rest of the run from each, so a run of
// k of them anywhere but at the very end costs k² steps (40,000 spaces mid-line: 0.6 s; a word of 40,000
// letters before the cursor, for /[\p{L}]*$/u: 21 s). For JavaScript's white space, `trimEnd()` is the
// same set and linear.

/** `text` without the characters of `set` at its end (each one UTF-16 unit). */
export function withoutTrailing(text: string, set: string): string {
  let end = text.length;
  while (end > 0 && set.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Where the run of characters `isPart` accepts that ends `text` begins (code points: a surrogate pair is one). */
export function trailingRunStart(text: string, isPart: (character: string) => boolean): number {
  let start = text.length;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && start > 1 && (text.charCodeAt(start - 2) & 0xfc00) === 0xd800;
    const from = pair ? start - 2 : start - 1;
    if (!isPart(text.slice(from, start))) break;
    start = from;
  }
  return start;
}
