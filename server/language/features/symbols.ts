// Document symbols (the heading tree with rendered numbers, figures as children) and workspace symbols.
import { inlineText, type Line } from '../../../grammar/index.js';
import type { ReportModel, Section } from '../model.js';
import { formatValue } from '../values.js';
import { figuresOf } from './locate.js';

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

/** The outline in one sweep: each figure and heading is looked at a bounded number of times. */
export function documentSymbols(model: ReportModel): DocumentSymbol[] {
  const root = model.file;
  const text = root.text;
  const definitions = model.figures.allDefinitions.filter((d) => d.scope.file === root).sort((a, b) => a.node.start - b.node.start);
  const firstAtOrAfter = (offset: number) => {
    let low = 0;
    let high = definitions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (definitions[mid]!.node.start < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const figureSymbols = (from: number, to: number): DocumentSymbol[] =>
    definitions.slice(firstAtOrAfter(from), firstAtOrAfter(to)).map((d) => ({
      name: d.name,
      detail: d.value ? formatValue(d.value) : '',
      kind: d.body.value?.kind === 'quantity' ? 'constant' : 'figure',
      start: d.node.start,
      end: d.node.end,
      selectionStart: d.body.name.start,
      selectionEnd: d.body.name.end,
      children: [],
    }));
  // Sections written in this file; their extent runs to the next heading of the same or a higher level.
  const own = (sections: Section[]): Section[] => sections.flatMap((s) => (s.scope.file === root ? [s] : own(s.children)));
  const sectionEnd = nextHeadingEnds(root.document.lines, text.length);
  const build = (section: Section): DocumentSymbol => {
    const h = section.heading;
    const end = Math.max(h.end, trimEnd(text, sectionEnd(h.start, section.level)));
    const children = own(section.children).map(build);
    const firstChild = children[0]?.start ?? end;
    return {
      name: `${section.number}${inlineText(h.content, text).trim()}`,
      detail: h.label ? `#${h.label.text}` : '',
      kind: 'heading',
      start: h.start,
      end,
      selectionStart: h.start,
      selectionEnd: h.line.end,
      children: [...figureSymbols(h.start, firstChild), ...children].sort((a, b) => a.start - b.start),
    };
  };
  const top = own(model.sections).map(build);
  const before = figureSymbols(0, top[0]?.start ?? text.length + 1);
  return [...before, ...top];
}

/**
 * For a heading (by its start) and a level 1–4: where the next heading of that level or higher starts.
 * One backward pass keeps, for each level, the nearest heading below.
 */
function nextHeadingEnds(lines: readonly Line[], textLength: number): (start: number, level: number) => number {
  const answers = new Map<number, number[]>();
  const nearest = [textLength, textLength, textLength, textLength, textLength];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.kind !== 'heading') continue;
    answers.set(line.start, [...nearest]);
    for (let level = Math.max(1, line.level); level <= 4; level++) nearest[level] = line.start;
  }
  return (start, level) => answers.get(start)?.[level] ?? textLength;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
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
