// Offsets ↔ 0-based line/character positions (UTF-16, as LSP counts by default).
export interface Position {
  line: number;
  character: number;
}

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

  /** `positionAt` with the character counted in UTF-8 bytes (a client that counts bytes: `initializationOptions.positionEncoding`). */
  positionInBytes(offset: number): Position {
    const p = this.positionAt(offset);
    const start = this.starts[p.line]!;
    return { line: p.line, character: utf8Length(this.text, start, start + p.character) };
  }

  /** `offsetAt` of a position whose character counts UTF-8 bytes (a byte inside a character is read as that character's start). */
  offsetOfBytes(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.text.length;
    return start + unitsForBytes(this.text, start, next, position.character);
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
export function utf8Length(text: string, from = 0, to = text.length): number {
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

/** How many UTF-16 units from `from` (at most to `to`) the first `bytes` UTF-8 bytes take; a character is taken whole only when all its bytes are. */
export function unitsForBytes(text: string, from: number, to: number, bytes: number): number {
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
