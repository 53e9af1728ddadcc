// Compares a printed PDF (read back by pdftotext) with the layout every output is meant to print:
// lines a page, columns a line, the share of the layout's lines printed identically, the title lines,
// and where the page numbers stand.
import type { PagedLayout } from '../../../templates/layout/document.js';
import { cellWidth } from '../../../templates/layout/width.js';
import type { PrintedLine, PrintedPage } from './pdfLines.js';

const MM = 72 / 25.4;
/** GB/T 9704 type area on A4, in points from the top left. */
export const TYPE_AREA = { left: 28 * MM, right: (210 - 26) * MM, top: 37 * MM, bottom: (37 + 225) * MM } as const;
export const LINE_PITCH = (225 * MM) / 22;
const CELL = (156 * MM) / 56;
/** One 4号 (14 pt) character: the page number's distance from the type area's side. */
const FOLIO_INSET = 14;

export interface PrintMeasure {
  pages: number;
  layoutPages: number;
  /** Grid rows used on each page the layout fills (22 expected). */
  fullPageRows: number[];
  /** The widest printed line, in full-width columns (its indent included). */
  maxColumns: number;
  /** The widest line of the layout, in the same columns (28 unless the report is very short). */
  layoutMaxColumns: number;
  /** Full lines of the layout (28 columns) printed from the type area's left to its right edge. */
  fullLinesEdgeToEdge: { ok: number; total: number };
  /** Lines of the layout printed identically on their page (longest common subsequence, page by page in order). */
  identical: number;
  total: number;
  titleLines: string[];
  titleCentred: boolean;
  /** Page-number problems (text, side, distance from the type area). */
  folioProblems: string[];
  /** Anything printed outside the type area but the page numbers. */
  strayLines: string[];
}

const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');

export function measurePrint(layout: PagedLayout, printed: readonly PrintedPage[]): PrintMeasure {
  const bodies = printed.map((page) => page.lines.filter((line) => centre(line) < TYPE_AREA.bottom + 4));
  // A line counts on its page only: a line printed on the next page (a page that held one line less) is not identical.
  const want = layout.pages.flatMap((page, i) => page.lines.filter((line) => !line.blank).map((line) => `${i}\u0000${squeeze(line.text + (line.tail ?? ''))}`));
  const have = bodies.flatMap((lines, i) => lines.map((line) => `${i}\u0000${squeeze(line.text)}`));
  const fullLines = fullLineCheck(layout, bodies);
  const firstTitle = layout.pages[0]?.lines.filter((line) => line.role === 'title') ?? [];
  const printedTitle = (bodies[0] ?? []).slice(0, firstTitle.length);
  return {
    pages: printed.length,
    layoutPages: layout.pages.length,
    fullPageRows: layout.pages.flatMap((page, i) => (page.lines.length === layout.linesPerPage && bodies[i] ? [rowsUsed(bodies[i]!)] : [])),
    maxColumns: Math.max(0, ...bodies.flat().map((line) => (Math.round((line.xMin - TYPE_AREA.left) / CELL) + cellWidth(squeeze(line.text))) / 2)),
    layoutMaxColumns: Math.max(0, ...layout.pages.flatMap((page) => page.lines.map((line) => (line.indent + cellWidth(squeeze(line.text))) / 2))),
    fullLinesEdgeToEdge: fullLines,
    identical: commonLines(want, have),
    total: want.length,
    titleLines: printedTitle.map((line) => squeeze(line.text)),
    titleCentred: printedTitle.every((line) => Math.abs((line.xMin + line.xMax) / 2 - (TYPE_AREA.left + TYPE_AREA.right) / 2) < 4),
    folioProblems: folioProblems(layout, printed),
    strayLines: printed.flatMap((page, i) => page.lines.filter((line) => centre(line) < TYPE_AREA.top - 4 || (centre(line) > TYPE_AREA.bottom + 4 && !/^—\d+—$/.test(squeeze(line.text)))).map((line) => `第${i + 1}页：${line.text}`)),
  };
}

const centre = (line: PrintedLine) => (line.yMin + line.yMax) / 2;

/** Rows of the 22-line grid from the first to the last printed line (counting the page's top row as 1). */
function rowsUsed(lines: readonly PrintedLine[]): number {
  if (!lines.length) return 0;
  return Math.round((centre(lines[lines.length - 1]!) - TYPE_AREA.top) / LINE_PITCH - 0.5) + 1;
}

/** Lines the layout fills to 28 columns: printed from the type area's left edge (plus indent) to its right edge. */
function fullLineCheck(layout: PagedLayout, bodies: ReadonlyArray<readonly PrintedLine[]>): { ok: number; total: number } {
  let ok = 0;
  let total = 0;
  layout.pages.forEach((page, i) => {
    const printed = new Map((bodies[i] ?? []).map((line) => [squeeze(line.text), line]));
    for (const line of page.lines) {
      if (line.role !== 'text' || line.indent + cellWidth(line.text) !== 56) continue;
      total++;
      const seen = printed.get(squeeze(line.text));
      if (seen && Math.abs(seen.xMin - (TYPE_AREA.left + line.indent * CELL)) < 3 && Math.abs(seen.xMax - TYPE_AREA.right) < 4) ok++;
    }
  });
  return { ok, total };
}

/** Length of the longest common subsequence of two line lists: lines printed identically, in order. */
function commonLines(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** "— N —" 7 mm below the type area, odd pages one character in from the right, even from the left (7.5). */
function folioProblems(layout: PagedLayout, printed: readonly PrintedPage[]): string[] {
  const problems: string[] = [];
  layout.pages.forEach((page, i) => {
    const folios = (printed[i]?.lines ?? []).filter((line) => centre(line) > TYPE_AREA.bottom + 4);
    if (!page.numbered) {
      if (folios.length) problems.push(`第${page.number}页不应有页码：${folios[0]!.text}`);
      return;
    }
    const folio = folios[0];
    if (!folio || squeeze(folio.text) !== `—${page.number}—`) return void problems.push(`第${page.number}页：页码应为“— ${page.number} —”，印出的是“${folio?.text ?? '（无）'}”`);
    const below = (centre(folio) - TYPE_AREA.bottom) / MM;
    if (Math.abs(below - 7) > 2.5) problems.push(`第${page.number}页：页码距版心下边缘 ${below.toFixed(1)} mm（应约 7 mm）`);
    const inset = page.number % 2 ? TYPE_AREA.right - folio.xMax : folio.xMin - TYPE_AREA.left;
    if (Math.abs(inset - FOLIO_INSET) > 4) problems.push(`第${page.number}页：页码距版心${page.number % 2 ? '右' : '左'}边 ${inset.toFixed(1)} pt（应空一字，约 14 pt）`);
  });
  return problems;
}
