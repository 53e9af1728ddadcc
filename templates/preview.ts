// The preview's pages: the print layout's lines on 22-line A4 pages with their page numbers, each line
// knowing the source line it came from (scroll sync, double-click to source) and where it prints a
// figure that could not be resolved or markup that is broken (shown marked, never dropped).
//
// The pages are the print layout's (templates/layout/document.ts, the same for txt, HTML and DOCX); the
// editor draws them on the grid.
import type * as ast from '../grammar/index.js';
import type { ReportModel } from '../server/language/model.js';
import type { PreviewRequest } from '../server/lsp/protocol.js';
import type { Scope } from '../server/language/model.js';
import { printInlines } from '../server/language/printed.js';
import { layoutReport, spreadToEdge, type LineRole } from './layout/document.js';
import { LINE_COLUMNS } from './layout/width.js';
import { buildView, sourceStart, type BlockSource } from './view.js';

// The shapes are the ones the editor receives (server/lsp/protocol.ts declares them for client and server).
export type PreviewMark = PreviewRequest.Mark;
export type PreviewLine = PreviewRequest.Line;
export type PreviewPage = PreviewRequest.Page;

export interface PreviewPages {
  width: number;
  linesPerPage: number;
  pages: PreviewPage[];
  /** The report has nothing to print yet: the editor shows a hint, never an invented title. */
  empty: boolean;
}

export function previewPages(model: ReportModel, options: { width?: number; linesPerPage?: number } = {}): PreviewPages {
  const width = options.width ?? LINE_COLUMNS;
  const linesPerPage = options.linesPerPage ?? 22;
  const empty = model.file.text.trim() === '' || (model.blocks.length === 0 && model.file.document.header.length === 0);
  if (empty) return { width, linesPerPage, pages: [{ number: 1, numbered: true, lines: [] }], empty: true };
  const view = buildView(model);
  const layout = layoutReport(view, { width, linesPerPage });
  const blocks: LaidBlock[] = [];
  const sources = view.blocks.map((b) => (b.kind === 'signature' ? undefined : b.source));
  let next = 0;
  let current: { id: number; block: LaidBlock; at: number } | undefined;
  const pages = layout.pages.map((page): PreviewPage => ({
    number: page.number,
    numbered: page.numbered,
    lines: page.lines.map((laid): PreviewLine => {
      if (current?.id !== laid.paragraph) {
        // The layout's headings and paragraphs are the view's blocks, in order.
        const source = laid.role === 'heading' || laid.role === 'text' ? sources[next++] : undefined;
        current = { id: laid.paragraph, block: { lines: [], source }, at: 0 };
        blocks.push(current.block);
      }
      const entry = current.block.source && sourceAt(current.block.source, current.at);
      const text = laid.tail ? `${laid.text}\u3000${laid.tail}` : laid.text;
      const line: PreviewLine = { text, indent: laid.indent, align: spreadToEdge(laid, width) ? 'justify' : 'start', role: previewRole(laid.role), block: blocks.length - 1, ...(entry ? { source: entry.start } : {}) };
      current.at += laid.text.length;
      current.block.lines.push(line);
      return line;
    }),
  }));
  markBlocks(blocks, brokenMarkup(model));
  // Source offsets → 0-based source lines.
  for (const block of blocks) for (const line of block.lines) if (line.source !== undefined) line.source = model.file.lineIndex.positionAt(line.source).line;
  return { width, linesPerPage, pages, empty: false };
}

/** The last source piece printed at or before `at` (else the first): a line's source line. */
function sourceAt(source: BlockSource, at: number): BlockSource[number] | undefined {
  for (let i = source.length - 1; i >= 0; i--) if (source[i]!.at <= at) return source[i];
  return source[0];
}

/**
 * The fields of a preview line, each compared by samePage: a field added to PreviewLine must be added
 * here (the type requires it), or a page that changed only there would not be sent again.
 */
const LINE_FIELDS: Record<keyof PreviewLine, true> = { text: true, indent: true, align: true, role: true, source: true, block: true, marks: true };
const SCALAR_FIELDS = (Object.keys(LINE_FIELDS) as Array<keyof PreviewLine>).filter((key) => key !== 'marks');

/** Whether two pages print the same, compared field by field (a keystroke compares every page: no JSON of each). */
export function samePage(a: PreviewPage, b: PreviewPage): boolean {
  if (a.number !== b.number || a.numbered !== b.numbered || a.lines.length !== b.lines.length) return false;
  for (let i = 0; i < a.lines.length; i++) {
    const x = a.lines[i]!;
    const y = b.lines[i]!;
    for (const key of SCALAR_FIELDS) if (x[key] !== y[key]) return false;
    if (!sameMarks(x.marks, y.marks)) return false;
  }
  return true;
}

function sameMarks(a: readonly PreviewMark[] | undefined, b: readonly PreviewMark[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((m, i) => m.from === b[i]!.from && m.to === b[i]!.to && m.kind === b[i]!.kind && m.message === b[i]!.message);
}

function previewRole(role: LineRole): PreviewLine['role'] {
  return role === 'attachment' ? 'text' : role === 'imprint' ? 'signature' : role;
}

/** Lines of one paragraph as laid out, with where their printed text came from. */
interface LaidBlock {
  lines: PreviewLine[];
  source: BlockSource | undefined;
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
  const broken = (node: ast.Inline, scope: Scope) => node.kind === 'stray' || (node.kind === 'figure' && model.figures.printed(node, scope) === undefined);
  const visit = (lines: readonly (readonly ast.Inline[])[], lineStart: number, scope: Scope) => {
    // Most lines have nothing broken: their text is printed (to place a piece) only when they do.
    if (!lines.some((line) => line.some((node) => broken(node, scope)))) return;
    let before = '';
    for (const line of lines) {
      for (const node of line) {
        const printed = printInlines([node], scope, model.figures);
        // `before` is kept without leading spaces as it grows (trimmed per node, a line of 100,000 pieces
        // was copied whole for each: out of memory).
        const place = { lineStart: sourceStart(lineStart, scope), before };
        if (node.kind === 'stray') found.push({ ...place, text: printed, kind: 'broken', message: `无法识别的标记“${node.text}”，按原样印出` });
        if (node.kind === 'figure' && model.figures.printed(node, scope) === undefined && printed.trim()) {
          const message = node.closed ? `指标“${printed}”无法求值，按原样印出` : `花括号“${printed}”没有闭合，按原样印出`;
          found.push({ ...place, text: printed, kind: 'unresolved', message });
        }
        before = before === '' ? printed.trimStart() : before + printed;
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
  // Each block's printed text and where its lines start, made once: made per piece, a line of 50,000 “{”
  // left open (each piece a finding) took 21 s and 1.4 GB, and 100,000 brought the server down.
  const printed = new Map<LaidBlock, { text: string; starts: number[] }>();
  for (const piece of broken) {
    const found = bySource.get(piece.lineStart);
    if (!found) continue;
    const lines = found.block.lines;
    let block = printed.get(found.block);
    if (!block) {
      const starts: number[] = [];
      let length = 0;
      for (const line of lines) {
        starts.push(length);
        length += line.text.length;
      }
      printed.set(found.block, (block = { text: lines.map((l) => l.text).join(''), starts }));
    }
    // The piece's own occurrence: searched from where the printed text before it on its line ends.
    const at = block.text.indexOf(piece.text, Math.max(0, found.at + piece.before.length - 1));
    if (at < 0) continue;
    // The lines it covers, from the last one starting at or before it.
    let first = 0;
    for (let low = 0, high = block.starts.length - 1; low <= high; ) {
      const middle = (low + high) >> 1;
      if (block.starts[middle]! <= at) (first = middle), (low = middle + 1);
      else high = middle - 1;
    }
    for (let k = first; k < lines.length && block.starts[k]! < at + piece.text.length; k++) {
      const line = lines[k]!;
      const offset = block.starts[k]!;
      const from = Math.max(at, offset) - offset;
      const to = Math.min(at + piece.text.length, offset + line.text.length) - offset;
      const taken = (line.marks ?? []).some((m) => m.from < to && from < m.to);
      if (to > from && !taken) (line.marks ??= []).push({ from, to, kind: piece.kind, message: piece.message });
    }
  }
}
