// Pages of GB/T 9704 (22 lines of 28 columns): the one pagination every output uses (text, HTML, DOCX).
// A blank line never starts a page; a run of lines marked `keepWithNext` (a heading and the line after
// it, the signature block and the body's last lines) is never split by a page break, the run moves to the
// next page instead. Plain text prints pages separated by a form-feed line, with the page numbers "— N —"
// right on odd pages and left on even ones, one column in from the edge (GB/T 9704 7.5).
import { alignRight } from './align.js';
import { LINE_COLUMNS } from './width.js';

export interface PaginateOptions {
  /** Lines per page; GB/T 9704: 22. */
  linesPerPage?: number;
  /** Line width in full-width columns; GB/T 9704: 28. */
  width?: number;
  /** Print "— N —" under each page. */
  pageNumbers?: boolean;
}

/** What pagination needs to know of a line. */
export interface PageableLine {
  blank: boolean;
  /** This line must be on the same page as the next one. */
  keepWithNext?: boolean;
}

/** The page-number line for page `page` (1-based). */
export function pageNumberLine(page: number, width: number = LINE_COLUMNS): string {
  const label = pageNumberText(page);
  return page % 2 === 1 ? alignRight(label, width, 1) : '\u3000' + label;
}

/** "— N —": a one-em dash (U+2014) each side, half-width spaces and digits. */
export function pageNumberText(page: number): string {
  return `\u2014 ${page} \u2014`;
}

/** Splits lines into pages of at most `linesPerPage`, by the rules above. */
export function pagesOf<T extends PageableLine>(lines: readonly T[], linesPerPage = 22): T[][] {
  if (!Number.isInteger(linesPerPage) || linesPerPage < 1) {
    throw new RangeError(`paginate: linesPerPage must be a positive integer, got ${linesPerPage}`);
  }
  const pages: T[][] = [];
  let page: T[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    i++;
    if (page.length === 0 && line.blank) continue;
    page.push(line);
    if (page.length < linesPerPage || i >= lines.length) continue;
    // The page is full: a run of kept lines at its foot that goes on past it moves to the next page.
    let start = page.length;
    while (start > 0 && page[start - 1]!.keepWithNext) start--;
    if (start < page.length && start > 0) {
      i -= page.length - start;
      page = page.slice(0, start);
    }
    pages.push(page);
    page = [];
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Lays text `lines` out on pages; returns the text joined with "\n", ending in one "\n". */
export function paginate(lines: string[], options: PaginateOptions = {}): string {
  const { linesPerPage = 22, width = LINE_COLUMNS, pageNumbers = false } = options;
  const pages = pagesOf(
    lines.map((text) => ({ text, blank: text.trim() === '' })),
    linesPerPage,
  );
  return printPages(
    pages.map((page, i) => ({ lines: page.map((line) => line.text), number: pageNumbers ? i + 1 : undefined })),
    linesPerPage,
    width,
  );
}

/** Plain-text pages: form feeds between pages, each numbered page filled to its foot and numbered. */
export function printPages(pages: ReadonlyArray<{ lines: readonly string[]; number: number | undefined }>, linesPerPage: number, width: number): string {
  const out: string[] = [];
  pages.forEach((page, i) => {
    if (i > 0) out.push('\f');
    out.push(...page.lines);
    if (page.number !== undefined) {
      // Fill a short page so its number prints at the foot like the others.
      for (let k = page.lines.length; k < linesPerPage; k++) out.push('');
      out.push('', pageNumberLine(page.number, width));
    }
  });
  return out.length === 0 ? '' : out.join('\n') + '\n';
}
