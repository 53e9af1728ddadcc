// Small helpers for walking inline content.
import type * as ast from './ast.js';

/** Visits every inline node, descending into citations. */
export function forEachInline(nodes: readonly ast.Inline[], visit: (node: ast.Inline) => unknown): void {
  for (const node of nodes) {
    visit(node);
    if (node.kind === 'citation') forEachInline(node.children, visit);
  }
}

export function forEachFigure(nodes: readonly ast.Inline[], visit: (node: ast.FigureNode) => unknown): void {
  // Written out (not through forEachInline), an indexed loop: the model walks every line's content with it on each keystroke.
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.kind === 'figure') visit(node);
    else if (node.kind === 'citation') forEachFigure(node.children, visit);
  }
}

/** The text of inline content as typed, with figures and escapes as in the source. */
export function inlineText(nodes: readonly ast.Inline[], source: string): string {
  if (nodes.length === 0) return '';
  return source.slice(nodes[0]!.start, nodes[nodes.length - 1]!.end);
}
