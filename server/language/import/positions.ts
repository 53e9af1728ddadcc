// Positions in an imported report mapped back to its source (the .txt line or Word paragraph): `baogao
// check` on a Word or text file checks the import in memory and reports where the writer can find it.
import type { ImportResult } from './index.js';

export interface SourcePosition {
  /** 1-based line (paragraph) of the source. */
  line: number;
  /** 1-based column in the source line. */
  column: number;
}

/**
 * The printed characters of an imported line and, for each, its offset in the line: markup (heading
 * marks, "1. ", figure names and formulas, escapes) is left out, so the rest can be found in the source.
 */
function printedOf(line: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let i = /^(?:#{1,4} |\d+\. |@\S+ )/.exec(line)?.[0].length ?? 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      text += line[i + 1];
      at.push(i);
      i += 2;
    } else if (c === '{') {
      const close = line.indexOf('}', i);
      const body = line.slice(i + 1, close < 0 ? line.length : close);
      const value = /=\s*([^:：]*?)\s*(?:[:：]|$)/.exec(body)?.[1] ?? '';
      for (const v of value) {
        text += v;
        at.push(i);
      }
      i = close < 0 ? line.length : close + 1;
    } else {
      text += c;
      at.push(i);
      i++;
    }
  }
  return { text, at };
}

/** Where a 0-based (line, character) of `result.text` is in the source text. */
export function sourcePosition(result: Pick<ImportResult, 'text' | 'sourceLines'>, sourceText: string, line: number, character: number): SourcePosition {
  let source = result.sourceLines[line] ?? 0;
  for (let k = line; !source && k < result.sourceLines.length; k++) source = result.sourceLines[k]!;
  for (let k = line; !source && k >= 0; k--) source = result.sourceLines[k] ?? 0;
  if (!source) return { line: 1, column: 1 };
  const raw = sourceText.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)[source - 1] ?? '';
  const out = result.text.split('\n')[line] ?? '';
  const printed = printedOf(out);
  const probe = printed.text.slice(0, 6);
  const start = probe ? raw.indexOf(probe) : -1;
  if (start < 0) return { line: source, column: 1 };
  let k = printed.at.findIndex((offset) => offset >= character);
  if (k < 0) k = printed.text.length;
  return { line: source, column: start + k + 1 };
}
