// Document symbols (the heading tree with rendered numbers, figures as children) and workspace symbols.
import { inlineText, lineEndAt, type Line } from '../../../grammar/index.js';
import type { FigureDefinition, ReportModel, Section } from '../model.js';
import { formatValue, type Value } from '../values.js';
import { figuresOf } from './locate.js';
import { isWhiteSpace } from '../whiteSpace.js';

export type SymbolKind = 'heading' | 'figure' | 'constant' | 'snippet' | 'label';

export interface DocumentSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** The whole element (a heading: its section) and the part to select (the heading line). */
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: DocumentSymbol[];
}

/**
 * The outline in one sweep over the report's own headings in document order: each figure goes to the
 * last heading before it (or before every heading, to the top), each heading's extent ends where the
 * next heading of its level or higher starts. Nothing is sorted or searched per heading.
 */
export function documentSymbols(model: ReportModel): DocumentSymbol[] {
  const root = model.file;
  const text = root.text;
  const figures = ownDefinitions(model);
  const ends = headingEnds(root.document.lines, text.length);
  const top: DocumentSymbol[] = [];
  let next = 0;
  /** The heading symbol figures go to: the last one made (none before the first heading). */
  let current: DocumentSymbol | undefined;
  const placeFiguresBefore = (offset: number) => {
    const into = current?.children ?? top;
    while (next < figures.length && figures[next]!.node.start < offset) into.push(figureSymbol(figures[next++]!));
  };
  // Sections of snippets are not written here: their own sections (if any) stand in their place.
  const visit = (sections: readonly Section[], into: DocumentSymbol[]) => {
    for (const section of sections) {
      if (section.scope.file !== root) {
        visit(section.children, into);
        continue;
      }
      const h = section.heading;
      placeFiguresBefore(h.start);
      const symbol: DocumentSymbol = {
        name: `${section.number}${inlineText(h.content, text).trim()}`,
        detail: h.label ? `#${h.label.text}` : '',
        kind: 'heading',
        start: h.start,
        end: Math.max(h.end, trimEnd(text, ends(h.start, section.level))),
        // The heading's line without its line break: the editor selects it when the outline is clicked.
        selectionStart: h.start,
        selectionEnd: lineEndAt(text, h.start),
        children: [],
      };
      into.push(symbol);
      current = symbol;
      visit(section.children, symbol.children);
    }
  };
  visit(model.sections, top);
  placeFiguresBefore(Infinity);
  return top;
}

/** The figures defined in the report's own text, in document order. */
function ownDefinitions(model: ReportModel): FigureDefinition[] {
  const own = model.figures.allDefinitions.filter((d) => d.scope.file === model.file);
  for (let i = 1; i < own.length; i++) if (own[i - 1]!.node.start > own[i]!.node.start) return own.sort((a, b) => a.node.start - b.node.start);
  return own;
}

/** Each value as printed, once: a value the analysis of a new version kept is not formatted again. */
const printed = new WeakMap<Value, string>();

function detailOf(value: Value | undefined): string {
  if (!value) return '';
  let text = printed.get(value);
  if (text === undefined) printed.set(value, (text = formatValue(value)));
  return text;
}

function figureSymbol(d: FigureDefinition): DocumentSymbol {
  return {
    name: d.name,
    detail: detailOf(d.value),
    kind: d.body.value?.kind === 'quantity' ? 'constant' : 'figure',
    start: d.node.start,
    end: d.node.end,
    selectionStart: d.body.name.start,
    selectionEnd: d.body.name.end,
    children: [],
  };
}

/**
 * For a heading (by its start) and a level 1–4: where the next heading of that level or higher starts.
 * One backward pass keeps, for each level, the nearest heading below (five numbers a heading, flat).
 */
function headingEnds(lines: readonly Line[], textLength: number): (start: number, level: number) => number {
  const index = new Map<number, number>();
  const table: number[] = [];
  const nearest = [textLength, textLength, textLength, textLength, textLength];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.kind !== 'heading') continue;
    index.set(line.start, table.length);
    table.push(...nearest);
    for (let level = Math.max(1, line.level); level <= 4; level++) nearest[level] = line.start;
  }
  return (start, level) => {
    const at = index.get(start);
    return at === undefined || level < 0 || level > 4 ? textLength : table[at + level]!;
  };
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  detail: string;
  path: string;
  start: number;
  end: number;
}

/** Headings, figures and snippet names of the given files (already analysed), matching a query. */
export function workspaceSymbols(models: readonly ReportModel[], query: string): WorkspaceSymbol[] {
  return matchingSymbols(models.flatMap(fileSymbols), query);
}

/** The symbols whose names match a query (letters in order, or a substring); all for an empty query. */
export function matchingSymbols<S extends { name: string }>(symbols: readonly S[], query: string): S[] {
  const matches = nameMatcher(query);
  return symbols.filter((s) => matches(s.name.toLowerCase()));
}

/** Whether a lower-cased name matches a query (letters in order, or a substring); everything for an empty query. */
export function nameMatcher(query: string): (lowerName: string) => boolean {
  const q = query.trim().toLowerCase();
  return q === '' ? () => true : (name) => fuzzy(name, q);
}

/** Every workspace symbol of one analysed file: what a workspace index keeps of it. */
export function fileSymbols(model: ReportModel): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const file = model.file;
  for (const line of file.document.lines) {
    if (line.kind === 'directive' && line.name === '片段' && line.args[0]) {
      out.push({ name: line.args[0].name.text, kind: 'snippet', detail: '片段', path: file.path, start: line.start, end: line.end });
    }
  }
  for (const placed of model.blocks) {
    if (placed.block.kind !== 'heading' || placed.scope.file !== file) continue;
    const name = `${placed.number ?? ''}${inlineText(placed.block.content, file.text).trim()}`;
    out.push({ name, kind: 'heading', detail: '', path: file.path, start: placed.block.start, end: placed.block.end });
  }
  if (model.isSnippet) {
    for (const line of file.document.lines) {
      if (line.kind === 'heading') out.push({ name: inlineText(line.content, file.text).trim(), kind: 'heading', detail: '', path: file.path, start: line.start, end: line.end });
    }
  }
  const definitionOf = new Map(model.figures.allDefinitions.map((d) => [d.node, d] as const).reverse());
  for (const node of figuresOf(file.document)) {
    if (node.body?.form !== 'definition') continue;
    const def = definitionOf.get(node);
    out.push({ name: node.body.name.text, kind: 'figure', detail: def?.value ? formatValue(def.value) : '', path: file.path, start: node.start, end: node.end });
  }
  return out;
}

function fuzzy(name: string, query: string): boolean {
  let i = 0;
  for (const c of name) if (c === query[i]) i++;
  return i >= query.length || name.includes(query);
}
