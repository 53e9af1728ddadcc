// Reads a PDF's printed lines back with `pdftotext -bbox` (poppler-utils): every word with its box, grouped
// into lines by their vertical position, per page. Sizes are in PDF points (1/72 inch) from the page's top left.
import { execFileSync } from 'node:child_process';

export interface PrintedWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedLine {
  /** The words in reading order, joined without spaces (Chinese has none; a space is layout, not text). */
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  words: PrintedWord[];
}

export interface PrintedPage {
  width: number;
  height: number;
  lines: PrintedLine[];
}

const decode = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&#39;', "'").replaceAll('&amp;', '&');

/** Parses `pdftotext -bbox` output (XHTML with <page> and <word> elements). */
export function parseBbox(xhtml: string): PrintedPage[] {
  const pages: PrintedPage[] = [];
  for (const page of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)) {
    const words = [...page[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: decode(m[5]!),
    }));
    pages.push({ width: Number(page[1]), height: Number(page[2]), lines: groupLines(words) });
  }
  return pages;
}

/** Words whose vertical centres lie within a few points of each other are on one line. */
function groupLines(words: PrintedWord[]): PrintedLine[] {
  const sorted = [...words].sort((a, b) => centre(a) - centre(b) || a.xMin - b.xMin);
  const lines: PrintedWord[][] = [];
  for (const word of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(centre(word) - centre(line[0]!)) <= 4) line.push(word);
    else lines.push([word]);
  }
  return lines.map((ws) => {
    ws.sort((a, b) => a.xMin - b.xMin);
    return {
      text: ws.map((w) => w.text).join(''),
      xMin: Math.min(...ws.map((w) => w.xMin)),
      xMax: Math.max(...ws.map((w) => w.xMax)),
      yMin: Math.min(...ws.map((w) => w.yMin)),
      yMax: Math.max(...ws.map((w) => w.yMax)),
      words: ws,
    };
  });
}

const centre = (w: { yMin: number; yMax: number }) => (w.yMin + w.yMax) / 2;

/** The printed pages of a PDF file. Throws (the tool's own message) when pdftotext is missing or fails. */
export function readPdfLines(pdf: string): PrintedPage[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return parseBbox(xhtml);
}
