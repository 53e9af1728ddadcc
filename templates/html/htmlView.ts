// The paged layout arranged for templates/html/report.hbs: one element a laid line, on A4 pages with the
// page number where GB/T 9704 puts it. The browser wraps nothing — every line is the layout's line, set
// on the 28-column grid and justified to it when the layout fills it. Handlebars escapes every string.
import { lineRuns, spreadToEdge, type LaidLine, type LineRun, type LaidPage, type PagedLayout, type RunStyle } from '../layout/document.js';
import { pageNumberText } from '../layout/paginate.js';
import { titleOnOneLine, type ReportView } from '../view.js';
import { withoutTrailing } from '../../grammar/trailing.js';

export interface HtmlRun {
  text: string;
  /** CSS classes: the run's type, and `half` for ASCII set half-width. */
  className: string;
}

export interface HtmlLine {
  className: string;
  /** Inline style: the indent (in half grid columns) or the right indent (in grid columns). */
  style: string;
  runs: HtmlRun[];
  tail: string | undefined;
}

export interface HtmlPage {
  number: number;
  /** `odd` or `even`: where the page number goes. */
  side: 'odd' | 'even';
  folio: string | undefined;
  lines: HtmlLine[];
}

export interface HtmlView {
  /** The document's <title>: the report title on one line. */
  title: string;
  pages: HtmlPage[];
}

const RUN_CLASSES: Record<RunStyle, string> = {
  title: 'title',
  body: 'body',
  heading1: 'heiti',
  heading2: 'kaiti',
  heading3: 'body',
  heading4: 'body',
  imprint: 'imprint',
};

export function htmlView(view: ReportView, layout: PagedLayout): HtmlView {
  return {
    title: titleOnOneLine(view.title),
    pages: layout.pages.map((page) => htmlPage(page, layout.width)),
  };
}

function htmlPage(page: LaidPage, width: number): HtmlPage {
  return {
    number: page.number,
    side: page.number % 2 === 1 ? 'odd' : 'even',
    folio: page.numbered ? pageNumberText(page.number) : undefined,
    lines: page.lines.map((line) => htmlLine(line, width)),
  };
}

function htmlLine(line: LaidLine, width: number): HtmlLine {
  const classes = ['line', line.role, spreadToEdge(line, width) ? 'justify' : line.align, ...(line.rule ? [`rule-${line.rule}`] : [])];
  const style = line.align === 'end' ? `padding-right: calc(${line.right} * var(--pitch))` : line.align === 'centre' || !line.indent ? '' : `padding-left: calc(${line.indent} * var(--cell))`;
  return {
    className: classes.join(' '),
    style,
    runs: printedRuns(line, width).flatMap((run) => splitHalfWidth(run.text).map((text) => ({ text, className: HALF_WIDTH.test(text) ? `${RUN_CLASSES[run.style]} half` : RUN_CLASSES[run.style] }))),
    tail: line.tail,
  };
}

/**
 * The line's runs; a justified line without the space it ends in (a table's columns pasted as text), which
 * `white-space: pre` would justify as a character: Word and LibreOffice spread the visible text to the edge.
 */
function printedRuns(line: LaidLine, width: number): LineRun[] {
  const runs = lineRuns(line);
  const last = runs[runs.length - 1];
  if (!spreadToEdge(line, width) || !last || !/[ \u3000]$/.test(last.text)) return runs;
  const text = withoutTrailing(last.text, ' \u3000');
  return text ? [...runs.slice(0, -1), { ...last, text }] : runs.slice(0, -1);
}

const HALF_WIDTH = /^[!-~]/;

/**
 * ASCII apart (digits, %, Latin letters), to be set half-width whatever the fallback font: the layout counts
 * them half a column (GB/T 9704 7.3.5.4: 阿拉伯数字), as 仿宋_GB2312 draws them.
 */
function splitHalfWidth(text: string): string[] {
  return text.split(/([!-~]+)/).filter(Boolean);
}
