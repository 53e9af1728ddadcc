// The text forms of a table of rows (`baogao collect`): aligned plain text for a terminal, and CSV for
// Excel. Display only: the rows come from server/language/collect.ts.
import { tableRow, type TableRow, type WideTable } from '../server/language/collect.js';
import { cellWidth } from './layout/width.js';

/**
 * Aligned plain text, East Asian width-aware: a 汉字 is two cells, as a Chinese terminal shows it. Built
 * from the rows' lines: a workspace's table (1,000 reports, thousands of figure names) is tens of
 * millions of characters, and a padded copy of each cell, or a last concatenation, doubled it.
 */
export function formatTable(table: WideTable): string {
  return [...tableLines(table)].join('');
}

/**
 * formatTable's text as its lines, each with its line end, each made when it is asked for (the language
 * server writes them as it makes them, and never holds them all).
 */
export function* tableLines(table: WideTable): Generator<string> {
  // One pass over the cells that have text (a workspace's table has millions of cells, most of them empty).
  const widths = table.columns.map((column) => cellWidth(column));
  for (const row of table.rows) {
    for (const [c, cell] of row) if (c < widths.length) widths[c] = Math.max(widths[c]!, cellWidth(cell));
  }
  // Each column's width and the two spaces after it; past the last column (a row longer than the header)
  // only the two spaces.
  const span = (c: number) => (c < widths.length ? widths[c]! : 0) + 2;
  // A line ends at its last cell with text, then its line end (most rows of a workspace have no text in
  // their last columns: padded to the full width and trimmed, a line kept the whole width, a slice of it).
  const line = (row: TableRow) => {
    let last = row.length - 1;
    while (last >= 0 && row[last]![1].trimEnd() === '') last--;
    const pieces: string[] = [];
    let column = 0;
    for (let i = 0; i <= last; i++) {
      const [c, cell] = row[i]!;
      let blank = 0;
      for (; column < c; column++) blank += span(column);
      column = c + 1;
      if (i === last) pieces.push(' '.repeat(blank), cell.trimEnd());
      else pieces.push(' '.repeat(blank), cell, ' '.repeat(c < widths.length ? span(c) - cellWidth(cell) : 2));
    }
    pieces.push('\n');
    // One flat string (a concatenation would be flattened again, a copy, when the line is written).
    return pieces.join('');
  };
  yield line(tableRow(table.columns));
  yield [widths.map((w) => '-'.repeat(w)).join('  '), '\n'].join('');
  for (const row of table.rows) yield line(row);
}

/** RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes doubled. No BOM (the caller adds it). */
export function toCsv(table: WideTable): string {
  return [...csvLines(table)].join('');
}

/** toCsv's text as its lines, each made when it is asked for. Every line has as many fields as the widest row. */
export function* csvLines(table: WideTable): Generator<string> {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const fields = table.rows.reduce((most, row) => Math.max(most, row.length ? row[row.length - 1]![0] + 1 : 0), table.columns.length);
  const line = (row: TableRow) => {
    const pieces: string[] = [];
    let column = 0;
    for (const [c, cell] of row) {
      pieces.push(','.repeat(c - column), field(cell));
      column = c;
    }
    pieces.push(','.repeat(fields - 1 - column), '\r\n');
    return pieces.join('');
  };
  yield line(tableRow(table.columns));
  for (const row of table.rows) yield line(row);
}
