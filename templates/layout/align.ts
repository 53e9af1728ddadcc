// Centring and right alignment on the full-width grid. Padding is made of U+3000 so
// it stays on the grid; one ASCII space supplies an odd half column. No trailing
// padding is added: it would only leave trailing whitespace in the output.
import { wrapParagraph } from './linebreak';
import { cellWidth, columnsToCells } from './width';

/** Left padding of `cells` half-width cells. */
export function padCells(cells: number): string {
  if (cells <= 0) return '';
  return '\u3000'.repeat(Math.floor(cells / 2)) + (cells % 2 ? ' ' : '');
}

/**
 * Centres `text` in a line of `width` columns. Text wider than the line (or with a
 * \n) is wrapped first, without indent, and each line is centred on its own.
 */
export function centre(text: string, width: number): string[] {
  if (text === '') return [''];
  const total = columnsToCells(width);
  const lines = wrapParagraph(text, { width, firstIndent: '', indent: '' });
  return lines.map((line) => padCells(Math.floor((total - cellWidth(line)) / 2)) + line);
}

/**
 * Pads `text` so that it ends `rightMarginColumns` full-width columns before the right
 * edge of a `width`-column line (e.g. 署名 two characters in from the right). Text
 * too long for that is returned unpadded.
 */
export function alignRight(text: string, width: number, rightMarginColumns = 0): string {
  const free = columnsToCells(width) - columnsToCells(rightMarginColumns) - cellWidth(text);
  return padCells(free) + text;
}
