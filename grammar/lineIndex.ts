// Offsets ↔ 0-based line/character positions (UTF-16, as LSP counts by default; UTF-8 bytes or code
// points for a client that counts so).
export interface Position {
  line: number;
  character: number;
}

/** How a position's character is counted (LSP 3.17's PositionEncodingKind): UTF-16 units, UTF-8 bytes, or code points (utf-32). */
export type PositionEncoding = 'utf-16' | 'utf-8' | 'utf-32';

export class LineIndex {
  private known: number[] | undefined;

  /** `lineStarts`, when given, says where the lines start (a parse knows it); else the text is scanned. Either is done when first asked. */
  constructor(
    private readonly text: string,
    private readonly lineStarts?: () => number[],
  ) {}

  /** Where each line starts: built when a position is first asked (many analyses never ask). */
  private get starts(): number[] {
    return (this.known ??= this.lineStarts ? this.lineStarts() : scanLineStarts(this.text));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  /** `positionAt` with the character counted in an encoding's units (a client that counts bytes or code points: `initializationOptions.positionEncoding`). */
  positionIn(offset: number, encoding: PositionEncoding): Position {
    const p = this.positionAt(offset);
    if (encoding === 'utf-16') return p;
    const start = this.starts[p.line]!;
    return { line: p.line, character: encodedLength(encoding, this.text, start, start + p.character) };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }
}

function scanLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** UTF-8 bytes of text[from, to): a surrogate pair is 4, a lone surrogate 3 (written as U+FFFD). */
function utf8Length(text: string, from = 0, to = text.length): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Code points of text[from, to): a surrogate pair is one, a lone surrogate one. */
function codePointLength(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = from; i < to; i++, count++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return count;
}

/** text[from, to) in an encoding's units. */
export function encodedLength(encoding: PositionEncoding, text: string, from: number, to: number): number {
  return encoding === 'utf-8' ? utf8Length(text, from, to) : encoding === 'utf-32' ? codePointLength(text, from, to) : to - from;
}

/**
 * How many UTF-16 units from `from` (at most to `to`) the first `count` units of an encoding take; in
 * UTF-8 and UTF-32 a character is taken whole only when all its units are (a byte inside 调 is 调's start).
 */
export function unitsFor(encoding: PositionEncoding, text: string, from: number, to: number, count: number): number {
  if (encoding === 'utf-8') return unitsForBytes(text, from, to, count);
  const end = Math.min(to, text.length);
  if (encoding === 'utf-16') return Math.max(0, Math.min(count, end - from));
  let i = from;
  for (let taken = 0; i < end && taken < count; taken++) {
    const pair = (text.charCodeAt(i) & 0xfc00) === 0xd800 && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
  }
  return i - from;
}

/** How many UTF-16 units from `from` (at most to `to`) the first `bytes` UTF-8 bytes take; a character is taken whole only when all its bytes are. */
function unitsForBytes(text: string, from: number, to: number, bytes: number): number {
  to = Math.min(to, text.length);
  let i = from;
  let used = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (used + size > bytes) break;
    used += size;
    i += pair ? 2 : 1;
  }
  return i - from;
}
