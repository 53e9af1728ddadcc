// Every match of a global pattern in a text, for the checks' loops over every line of a report.
//
// Not `text.matchAll(re)`: it copies the pattern for each text (a cold check of a 300 KB report made some
// 1,500 copies) and walks an iterator. The matches are collected before any is looked at, so that no two
// loops share a pattern's position; a text without a match (most lines) makes nothing.

import { NOTHING_FOUND } from './nothingFound.js';

const NO_MATCHES: readonly RegExpExecArray[] = NOTHING_FOUND;

export function allMatches(re: RegExp, text: string): readonly RegExpExecArray[] {
  if (!re.global) throw new Error(`allMatches() needs a global pattern: ${re}`);
  re.lastIndex = 0;
  let m = re.exec(text);
  if (!m) return NO_MATCHES;
  const found: RegExpExecArray[] = [];
  for (; m; m = re.exec(text)) {
    found.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}
