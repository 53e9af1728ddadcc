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
