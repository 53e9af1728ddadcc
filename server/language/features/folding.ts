// Folding ranges: sections by heading level, lists, runs of comment lines. Line numbers are 0-based.
import type * as ast from '../../../grammar/index.js';
import type { LineIndex } from '../../../grammar/index.js';

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind: 'region' | 'comment';
}

export function foldingRanges(document: ast.ReportDocument, lines: LineIndex, text: string): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const lastLineOf = (span: ast.Span) => {
    let end = span.end;
    while (end > span.start && /\s/.test(text[end - 1]!)) end--;
    return lineOf(end);
  };
  const content = document.lines.filter((l) => l.kind !== 'blank');
  const headings = document.lines.filter((l): l is ast.HeadingLine => l.kind === 'heading');
  for (const h of headings) {
    const next = headings.find((o) => o.start > h.start && o.level <= h.level);
    const inside = content.filter((l) => l.start > h.start && (!next || l.start < next.start));
    const last = inside[inside.length - 1];
    if (last) {
      const endLine = lastLineOf(last);
      if (endLine > lineOf(h.start)) out.push({ startLine: lineOf(h.start), endLine, kind: 'region' });
    }
  }
  for (const block of document.body) {
    if (block.kind === 'list') {
      const startLine = lineOf(block.start);
      const endLine = lastLineOf(block);
      if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
    }
  }
  let run: ast.CommentLine[] = [];
  const flush = () => {
    if (run.length > 1) out.push({ startLine: lineOf(run[0]!.start), endLine: lineOf(run[run.length - 1]!.start), kind: 'comment' });
    run = [];
  };
  for (const line of document.lines) {
    if (line.kind === 'comment') run.push(line);
    else flush();
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}
