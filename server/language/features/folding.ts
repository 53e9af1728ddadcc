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
  // Each heading folds to the last non-blank line before the next heading of its level or higher: one
  // pass with the open headings on a stack (a search per heading was quadratic: 2.5 s at 3 MB).
  const sections: Array<FoldingRange | undefined> = [];
  const open: Array<{ heading: ast.HeadingLine; at: number }> = [];
  let lastContent: ast.Line | undefined;
  const close = (until: number) => {
    while (open.length && open[open.length - 1]!.heading.level >= until) {
      const { heading, at } = open.pop()!;
      if (!lastContent || lastContent.start <= heading.start) continue;
      const endLine = lastLineOf(lastContent);
      if (endLine > lineOf(heading.start)) sections[at] = { startLine: lineOf(heading.start), endLine, kind: 'region' };
    }
  };
  for (const line of document.lines) {
    if (line.kind === 'heading') {
      close(line.level);
      open.push({ heading: line, at: sections.length });
      sections.push(undefined);
    }
    if (line.kind !== 'blank') lastContent = line;
  }
  close(-Infinity);
  for (const fold of sections) if (fold) out.push(fold);
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
