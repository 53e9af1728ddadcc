// Positions in an imported report mapped back to its source (the .txt line or Word paragraph): `baogao
// check` on a Word or text file checks the import in memory and reports where the writer can find it.
import type { ImportResult } from './index.js';
import { SOURCE_LINE_BREAK } from './lines.js';

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
      const value = /=([^:：]*)/.exec(body)?.[1]?.trim() ?? '';
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

/**
 * Where 0-based (line, character) positions of `result.text` are in the source text: the two texts are
 * split into lines once, and each imported line's printed characters found once, so that placing every
 * finding of a long source costs its line, not the whole text.
 */
export function sourcePositions(result: Pick<ImportResult, 'text' | 'sourceLines'>, sourceText: string): (line: number, character: number, side?: 'start' | 'end') => SourcePosition {
  const rawLines = sourceText.replace(/^\ufeff/, '').split(SOURCE_LINE_BREAK);
  const outLines = result.text.split('\n');
  /** Per imported line: its printed characters, where they start in the source line, and where the search for them began. */
  const printed = new Map<number, { text: string; at: number[]; start: number; from: number; places: SourcePosition[] }>();
  /**
   * An imported line's printed characters and where they start in its source line. Several imported lines
   * from one source line (a page that lost its line breaks, split at each heading) are looked for after
   * the one before, so that the same words (“2020 年”) are not all placed at their first occurrence.
   */
  const directive = (n: number) => outLines[n]?.startsWith('@') ?? false;
  const passedOver = (n: number) => !result.sourceLines[n] || outLines[n]!.startsWith('//') || (directive(n) && !outLines[n]!.startsWith('@标题 '));
  /**
   * The line before it from the same source line: a body line, or the title run into the text (blank lines
   * have no source, the importer's comments are not in it; the other directives, all from the title line,
   * are each looked for in all of it).
   */
  const before = (line: number, source: number) => {
    if (directive(line)) return -1;
    let k = line - 1;
    while (k >= 0 && passedOver(k)) k--;
    return k >= 0 && result.sourceLines[k] === source ? k : -1;
  };
  const placed = (line: number, source: number) => {
    const found = printed.get(line);
    if (found) return found;
    // The lines of the source line not placed yet, placed first to last (a loop: a page of thousands of parts is no deep recursion).
    const chain = [line];
    for (let k = before(line, source); k >= 0 && !printed.has(k); k = before(k, source)) chain.push(k);
    for (const n of chain.reverse()) {
      const p = printedOf(outLines[n] ?? '');
      const hasText = p.text.length > 0;
      const previous = before(n, source);
      const last = previous >= 0 ? printed.get(previous)! : undefined;
      // After the line before; or, when that one was not found, where its search began.
      const from = !last ? 0 : last.start >= 0 ? last.start + last.text.length : last.from;
      const start = hasText ? startOf(p.text, rawLines[source - 1] ?? '', from) : -1;
      printed.set(n, { ...p, start, from, places: start < 0 ? [] : aligned(p.text, rawLines, source - 1, start) });
    }
    return printed.get(line)!;
  };
  // 'end': the place just after the last printed character before `character` (a finding's end).
  return (line, character, side = 'start') => {
    // A line the importer wrote (@类型, a comment) is in no source line: the finding is placed at the start of the nearest one.
    const written = !result.sourceLines[line];
    let source = result.sourceLines[line] ?? 0;
    for (let k = line; !source && k < result.sourceLines.length; k++) source = result.sourceLines[k]!;
    for (let k = line; !source && k >= 0; k--) source = result.sourceLines[k] ?? 0;
    if (!source) return { line: 1, column: 1 };
    if (written) return { line: source, column: 1 };
    const found = placed(line, source);
    if (found.start < 0) return { line: source, column: 1 };
    let k = found.at.findIndex((offset) => offset >= character);
    if (k < 0) k = found.text.length;
    if (side === 'start' || k === 0) return found.places[k]!;
    const last = found.places[k - 1]!;
    return { line: last.line, column: Math.min(last.column + 1, (rawLines[last.line - 1] ?? '').length + 1) };
  };
}

/** How far past a printed character's expected place its match is looked for (furniture or spaces the import took out). */
const LOOK_AHEAD = 40;
/** Lines with text an imported line may pass over where it goes on in a later source line (furniture taken out). */
const JOINED_LINES_SKIPPED = 2;

/**
 * Where each printed character of an imported line is in the source, from its first one's place: each is
 * looked for after the one before, in the same source line — or, once that line has nothing more but
 * spaces, in the lines after it (a title or sentence the importer joined from several lines). One not
 * found within LOOK_AHEAD is placed where the search stood. One more place follows the last character
 * (a finding's end). Positions are 1-based, one per UTF-16 unit of the printed text.
 */
function aligned(text: string, rawLines: readonly string[], firstLine: number, start: number): SourcePosition[] {
  const places: SourcePosition[] = [];
  let line = firstLine;
  let column = start;
  for (const c of text) {
    let found = find(rawLines[line]!, c, column);
    if (found < 0 && blankFrom(rawLines[line]!, column)) {
      // This source line is used up: the imported line goes on in one of the next lines with text
      // (a line between them may be furniture the import took out).
      for (let next = line + 1, tried = 0; next < rawLines.length && tried < JOINED_LINES_SKIPPED + 1; next++) {
        if (!rawLines[next]!.trim()) continue;
        tried++;
        const there = find(rawLines[next]!, c, 0);
        if (there >= 0) {
          [line, found] = [next, there];
          break;
        }
      }
    }
    if (found >= 0) column = found;
    // Within the line (a character not found where the line has ended stands after its last).
    const at = Math.min(column, rawLines[line]!.length);
    places.push({ line: line + 1, column: at + 1 });
    // A character beyond the BMP is two units in both texts.
    for (let unit = 1; unit < c.length; unit++) places.push({ line: line + 1, column: Math.min(at + unit, rawLines[line]!.length) + 1 });
    if (found >= 0) column += c.length;
  }
  places.push({ line: line + 1, column: Math.min(column, rawLines[line]!.length) + 1 });
  return places;
}

/**
 * Where an imported line's printed text starts in its source line, from `from` on: its first characters
 * found one after another, each within LOOK_AHEAD of the one before (Word debris or a typed number the
 * import took out may stand between them); else where its first six characters stand together; -1 if neither.
 */
function startOf(text: string, raw: string, from: number): number {
  const first = [...text.slice(0, 6)];
  const start = find(raw, first[0]!, from);
  let at = start;
  for (let i = 0; at >= 0 && i < first.length; i++) {
    at = find(raw, first[i]!, at);
    if (at >= 0) at += first[i]!.length;
  }
  return at >= 0 ? start : raw.indexOf(text.slice(0, 6), from);
}

/** Where a character is in a line from a column on, within LOOK_AHEAD; -1 if not there (never a search of the whole line: a Word page may be one line). */
function find(raw: string, c: string, from: number): number {
  const at = raw.slice(from, from + LOOK_AHEAD + c.length).indexOf(c);
  return at >= 0 ? from + at : -1;
}

/** Whether a line has nothing but spaces from a column on (the first other character ends the look). */
function blankFrom(raw: string, from: number): boolean {
  for (let i = from; i < raw.length; i++) if (!/\s/.test(raw[i]!)) return false;
  return true;
}
