// The text forms of a table of rows (`baogao collect`): aligned plain text for a terminal, and CSV for
// Excel. Display only: the rows come from server/language/collect.ts.
import type { WideTable } from '../server/language/collect.js';
import { cellWidth } from './layout/width.js';

/**
 * Aligned plain text, East Asian width-aware: a 汉字 is two cells, as a Chinese terminal shows it. Built
 * from the rows' lines, each joined from its cells and shared runs of spaces: a
 * workspace's table (1,000 reports, thousands of figure names) is tens of millions of characters, and
 * a padded copy of each cell, or a last concatenation, doubled it.
 */
export function formatTable(table: WideTable): string {
  return [...tableLines(table)].join('');
}

/**
 * formatTable's text as its lines, each with its line end, each made when it is asked for (the language
 * server writes them as it makes them, and never holds them all).
 */
export function* tableLines(table: WideTable): Generator<string> {
  // One pass over the cells (a workspace's table has millions, most of them empty).
  const widths = table.columns.map((column) => cellWidth(column));
  for (const row of table.rows) {
    for (let c = 0; c < widths.length; c++) {
      const cell = row[c];
      if (cell) widths[c] = Math.max(widths[c]!, cellWidth(cell));
    }
  }
  const spaces: string[] = [];
  const pad = (n: number) => (spaces[n] ??= ' '.repeat(n));
  // A line ends at its last cell with text, then its line end (most rows of a workspace have no text in
  // their last columns: padded to the full width and trimmed, a line kept the whole width, a slice of it).
  const line = (row: string[]) => {
    let last = row.length - 1;
    while (last >= 0 && row[last]!.trimEnd() === '') last--;
    const pieces: string[] = [];
    for (let c = 0; c < last; c++) {
      const cell = row[c]!;
      // Past the last column (a row longer than the header) nothing pads: as ' '.repeat(NaN).
      pieces.push(cell, pad(widths[c] === undefined ? 0 : widths[c] - cellWidth(cell)), '  ');
    }
    if (last >= 0) pieces.push(row[last]!.trimEnd());
    pieces.push('\n');
    // One flat string (a concatenation would be flattened again, a copy, when the line is written).
    return pieces.join('');
  };
  yield line(table.columns);
  yield [widths.map((w) => '-'.repeat(w)).join('  '), '\n'].join('');
  for (const row of table.rows) yield line(row);
}

/** RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes doubled. No BOM (the caller adds it). */
export function toCsv(table: WideTable): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
