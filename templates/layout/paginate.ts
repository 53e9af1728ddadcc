// Splits laid-out lines into GB/T 9704 pages (22 lines of 28 columns) for plain-text
// printing: pages are separated by a form-feed line, and page numbers "— N —" sit
// right on odd pages and left on even ones, one column in from the edge (GB/T 9704 7.5).
import { alignRight } from './align';
import { LINE_COLUMNS } from './width';

export interface PaginateOptions {
  /** Lines per page; GB/T 9704: 22. */
  linesPerPage?: number;
  /** Line width in full-width columns; GB/T 9704: 28. */
  width?: number;
  /** Print "— N —" under each page. */
  pageNumbers?: boolean;
}

/** The page-number line for page `page` (1-based). */
export function pageNumberLine(page: number, width: number = LINE_COLUMNS): string {
  const label = `\u2014 ${page} \u2014`;
  return page % 2 === 1 ? alignRight(label, width, 1) : '\u3000' + label;
}

/** Lays `lines` out on pages; returns the text joined with "\n", ending in one "\n". */
export function paginate(lines: string[], options: PaginateOptions = {}): string {
  const { linesPerPage = 22, width = LINE_COLUMNS, pageNumbers = false } = options;
  if (!Number.isInteger(linesPerPage) || linesPerPage < 1) {
    throw new RangeError(`paginate: linesPerPage must be a positive integer, got ${linesPerPage}`);
  }
  const pages: string[][] = [];
  let page: string[] = [];
  for (const line of lines) {
    // A page never starts with a blank line: a blank at the top of a page is dropped
    // (it only separated text that now sits on different pages anyway).
    if (page.length === 0 && line.trim() === '') continue;
    page.push(line);
    if (page.length === linesPerPage) {
      pages.push(page);
      page = [];
    }
  }
  if (page.length > 0) pages.push(page);

  const out: string[] = [];
  pages.forEach((body, i) => {
    if (i > 0) out.push('\f');
    out.push(...body);
    if (pageNumbers) {
      // Fill a short last page so its number prints at the foot like the others.
      for (let k = body.length; k < linesPerPage; k++) out.push('');
      out.push('', pageNumberLine(i + 1, width));
    }
  });
  return out.length === 0 ? '' : out.join('\n') + '\n';
}
