// The preview's pages: the print layout's lines on 22-line A4 pages with their page numbers, each line
// knowing the source line it came from (scroll sync, double-click to source) and where it prints a
// figure that could not be resolved or markup that is broken (shown marked, never dropped).
//
// The lines are those of the text output (templates/render.ts: same view, same line breaking, same
// page length); the editor draws them on the grid. When the shared paged layout lands, `previewLines`
// reads its lines instead — the page shape sent to the editor stays the same.
import type * as ast from '../grammar/index.js';
import type { ReportModel } from '../server/language/model.js';
import { wrapParagraph, type WrapOptions } from './layout/linebreak.js';
import { alignRight, centre } from './layout/align.js';
import { cellWidth, LINE_COLUMNS } from './layout/width.js';
import type { Scope } from '../server/language/model.js';
import { printInlines } from '../server/language/printed.js';
import { buildView, leadText, signaturePlacement, sourceStart, type BlockSource, type ReportView } from './view.js';

export interface PreviewMark {
  /** UTF-16 offsets into the line's text. */
  from: number;
  to: number;
  kind: 'unresolved' | 'broken';
  message: string;
}

export interface PreviewLine {
  /** The printed text, without the space before it. */
  text: string;
  /** Half-width cells of space before the text (indent, centring, the signature's place). */
  indent: number;
  /** `justify`: a paragraph's line that is not its last fills the line. */
  align: 'justify' | 'start';
  role: 'title' | 'blank' | 'addressee' | 'heading' | 'text' | 'signature';
  /** 0-based line of the report's source the text starts on (an offset inside `previewLines`); absent for lines the report does not write (title, signature). */
  source?: number;
  /** Lines of one paragraph (or heading) share this number. */
  block: number;
  marks?: PreviewMark[];
}

export interface PreviewPage {
  number: number;
  lines: PreviewLine[];
}

export interface PreviewPages {
  width: number;
  linesPerPage: number;
  pages: PreviewPage[];
  /** The report has nothing to print yet: the editor shows a hint, never an invented title. */
  empty: boolean;
}

const INDENT = '\u3000\u3000';

export function previewPages(model: ReportModel, options: { width?: number; linesPerPage?: number } = {}): PreviewPages {
  const width = options.width ?? LINE_COLUMNS;
  const linesPerPage = options.linesPerPage ?? 22;
  const empty = model.file.text.trim() === '' || (model.blocks.length === 0 && model.file.document.header.length === 0);
  if (empty) return { width, linesPerPage, pages: [{ number: 1, lines: [] }], empty: true };
  const view = buildView(model);
  const blocks = previewBlocks(view, width);
  markBlocks(blocks, brokenMarkup(model));
  const lines = blocks.flatMap((b) => b.lines);
  // Source offsets → 0-based source lines.
  for (const line of lines) if (line.source !== undefined) line.source = model.file.lineIndex.positionAt(line.source).line;
  return { width, linesPerPage, pages: pagesOf(lines, linesPerPage), empty: false };
}

/** Lines of one block as laid out, with where their printed text came from. */
interface LaidBlock {
  lines: PreviewLine[];
  source: BlockSource | undefined;
}

/** The report's lines on the grid, block by block, in the order printed (what `render(…, 'txt')` prints). */
export function previewBlocks(view: ReportView, width: number): LaidBlock[] {
  const out: LaidBlock[] = [];
  const wrapParagraph = (text: string, options: WrapOptions) => wrapped(text, options, width);
  const push = (raw: readonly string[], role: PreviewLine['role'], align: PreviewLine['align'], source?: BlockSource) => {
    let at = 0;
    const lines = raw.map((text, i): PreviewLine => {
      const body = text.replace(/^[\u3000 ]+/, '');
      const entry = source ? [...source].reverse().find((s) => s.at <= at) ?? source[0] : undefined;
      at += body.length;
      return { text: body, indent: cellWidth(text.slice(0, text.length - body.length)), align: i < raw.length - 1 ? align : 'start', role, block: out.length, ...(entry ? { source: entry.start } : {}) };
    });
    out.push({ lines, source });
  };
  if (view.title) {
    push(view.title.split('\n').flatMap((t) => centre(t, width)), 'title', 'start');
    push([''], 'blank', 'start');
  }
  if (view.to) push(wrapParagraph(`${view.to}：`, { width, firstIndent: '', indent: '' }), 'addressee', 'justify');
  for (const block of view.blocks) {
    if (block.kind === 'heading') push(wrapParagraph(`${block.number}${block.text}`, { width, firstIndent: INDENT, indent: '' }), 'heading', 'justify', block.source);
    else if (block.kind === 'paragraph') push(wrapParagraph(`${block.lead ? leadText(block.lead) : ''}${block.text}`, { width, firstIndent: INDENT, indent: '' }), 'text', 'justify', block.source);
    else {
      const placed = signaturePlacement(view.org, view.date);
      if (placed.length) push(['', ...placed.map((line) => alignRight(line.text, width, line.right))], 'signature', 'start');
    }
  }
  return out;
}

// While typing one paragraph changes: the others' lines are reused (line breaking is most of the work).
const wrapCache = new Map<string, string[]>();
const WRAP_CACHE_LIMIT = 20_000;

function wrapped(text: string, options: WrapOptions, width: number): string[] {
  const key = `${width}\u0000${options.firstIndent}\u0000${options.indent}\u0000${text}`;
  let lines = wrapCache.get(key);
  if (!lines) {
    if (wrapCache.size >= WRAP_CACHE_LIMIT) wrapCache.clear();
    lines = wrapParagraph(text, options);
    wrapCache.set(key, lines);
  }
  return lines;
}

/** Pages of `linesPerPage` lines; a page never starts with a blank line (as the text output's pages). */
function pagesOf(lines: PreviewLine[], linesPerPage: number): PreviewPage[] {
  const pages: PreviewPage[] = [];
  let page: PreviewLine[] = [];
  for (const line of lines) {
    if (page.length === 0 && line.text === '') continue;
    page.push(line);
    if (page.length === linesPerPage) {
      pages.push({ number: pages.length + 1, lines: page });
      page = [];
    }
  }
  if (page.length || pages.length === 0) pages.push({ number: pages.length + 1, lines: page });
  return pages;
}

/** Something printed as typed because it could not be understood, and where: the source line's start (as in BlockSource) and the printed text before it on that line. */
interface Broken {
  lineStart: number;
  before: string;
  text: string;
  kind: PreviewMark['kind'];
  message: string;
}

/** Unresolved figures and stray marks of the report, each with its place in the printed text. */
function brokenMarkup(model: ReportModel): Broken[] {
  const found: Broken[] = [];
  const visit = (lines: readonly (readonly ast.Inline[])[], lineStart: number, scope: Scope) => {
    let before = '';
    for (const line of lines) {
      for (const node of line) {
        const printed = printInlines([node], scope, model.figures);
        const place = { lineStart: sourceStart(lineStart, scope), before: before.trimStart() };
        if (node.kind === 'stray') found.push({ ...place, text: printed, kind: 'broken', message: `无法识别的标记“${node.text}”，按原样印出` });
        if (node.kind === 'figure' && model.figures.printed(node, scope) === undefined && printed.trim()) {
          const message = node.closed ? `指标“${printed}”无法求值，按原样印出` : `花括号“${printed}”没有闭合，按原样印出`;
          found.push({ ...place, text: printed, kind: 'unresolved', message });
        }
        before += printed;
      }
      before = before.trim();
    }
  };
  for (const { block, scope } of model.blocks) {
    if (block.kind === 'heading') visit([block.content], block.start, scope);
    else if (block.kind === 'paragraph') for (const line of block.lines) visit([line], line[0]?.start ?? block.start, scope);
    else if (block.kind === 'list') for (const item of block.items) visit(item.lines, item.start, scope);
  }
  return found;
}

/** Marks each broken piece where it prints (a piece split over two lines is marked on both). */
function markBlocks(blocks: readonly LaidBlock[], broken: readonly Broken[]): void {
  if (!broken.length) return;
  const bySource = new Map<number, { block: LaidBlock; at: number }>();
  for (const block of blocks) for (const s of block.source ?? []) if (!bySource.has(s.start)) bySource.set(s.start, { block, at: s.at });
  for (const piece of broken) {
    const found = bySource.get(piece.lineStart);
    if (!found) continue;
    const lines = found.block.lines;
    // The piece's own occurrence: searched from where the printed text before it on its line ends.
    const at = lines.map((l) => l.text).join('').indexOf(piece.text, Math.max(0, found.at + piece.before.length - 1));
    if (at < 0) continue;
    let offset = 0;
    for (const line of lines) {
      const from = Math.max(at, offset) - offset;
      const to = Math.min(at + piece.text.length, offset + line.text.length) - offset;
      const taken = (line.marks ?? []).some((m) => m.from < to && from < m.to);
      if (to > from && !taken) (line.marks ??= []).push({ from, to, kind: piece.kind, message: piece.message });
      offset += line.text.length;
    }
  }
}
