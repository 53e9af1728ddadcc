// The text forms of a table of rows (`baogao collect`): aligned plain text for a terminal, and CSV for
// Excel. Display only: the rows come from server/language/collect.ts.
import type { WideTable } from '../server/language/collect.js';
import { cellWidth } from './layout/width.js';

/** Aligned plain text, East Asian width-aware: a 汉字 is two cells, as a Chinese terminal shows it. */
export function formatTable(table: WideTable): string {
  const all = [table.columns, ...table.rows];
  const widths = table.columns.map((_, c) => Math.max(...all.map((row) => cellWidth(row[c] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat(widths[c]! - cellWidth(cell))))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return `${[line(table.columns), rule, ...table.rows.map(line)].join('\n')}\n`;
}

/** RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes doubled. No BOM (the caller adds it). */
export function toCsv(table: WideTable): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
