// Semantic tokens: headings, directives, figure names/values/operators, citations, labels, comments.
import type * as ast from '../../../grammar/index.js';
import { forEachInline } from '../../../grammar/index.js';
import { forEachRef, lineInlines } from './locate.js';

export const TOKEN_TYPES = ['heading', 'directive', 'figure', 'number', 'operator', 'citation', 'label', 'comment'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export interface Token {
  start: number;
  end: number;
  type: TokenType;
  declaration?: boolean;
}

/** Tokens in document order, not overlapping, each within one line. */
export function semanticTokens(document: ast.ReportDocument, text: string): Token[] {
  const out: Token[] = [];
  const push = (start: number, end: number, type: TokenType, declaration = false) => {
    if (end > start) out.push({ start, end, type, ...(declaration ? { declaration } : {}) });
  };
  const expression = (expr: ast.Expression | undefined) => {
    if (!expr) return;
    const parts: Token[] = [];
    const visit = (e: ast.Expression) => {
      switch (e.kind) {
        case 'quantity':
          parts.push({ start: e.start, end: e.end, type: 'number' });
          break;
        case 'ref':
          break;
        case 'whole':
          parts.push({ start: e.start, end: e.end, type: 'operator' });
          break;
        case 'negation':
          parts.push({ start: e.start, end: e.start + 1, type: 'operator' });
          visit(e.operand);
          break;
        case 'binary': {
          visit(e.left);
          const between = text.slice(e.left.end, e.right.start);
          const at = between.search(/[+\-×÷*/＋－]/);
          if (at >= 0) parts.push({ start: e.left.end + at, end: e.left.end + at + 1, type: 'operator' });
          visit(e.right);
          break;
        }
      }
    };
    visit(expr);
    forEachRef(expr, (r) => parts.push({ start: r.start, end: r.end, type: 'figure' }));
    out.push(...parts);
  };
  const figure = (node: ast.FigureNode) => {
    const body = node.body;
    if (!body) return;
    if (body.form === 'label') {
      push(node.start, node.end, 'label');
      return;
    }
    push(body.name.start, body.name.end, 'figure', body.form === 'definition');
    if (body.form === 'definition') {
      expression(body.value);
      expression(body.check);
    }
  };
  const inlines = (nodes: readonly ast.Inline[]) =>
    forEachInline(nodes, (n) => {
      if (n.kind === 'figure') figure(n);
      else if (n.kind === 'citation') {
        // The citation's marks and text, around any figures inside.
        let cursor = n.start;
        for (const child of n.children) {
          if (child.kind === 'figure') {
            push(cursor, child.start, 'citation');
            cursor = child.end;
          }
        }
        push(cursor, n.end, 'citation');
      }
    });
  for (const line of document.lines) {
    switch (line.kind) {
      case 'comment':
        push(line.start, trimmedEnd(text, line), 'comment');
        break;
      case 'heading':
        push(line.marker.start, line.marker.end, 'heading');
        inlines(line.content);
        if (line.label) push(line.label.start - 2, Math.min(line.label.end + 1, line.end), 'label');
        break;
      case 'directive':
        push(line.written.start - 1, line.written.end, 'directive');
        if (line.metric) figure(line.metric);
        inlines(lineInlines(line));
        break;
      case 'item':
      case 'text':
        inlines(line.content);
        break;
    }
  }
  out.sort((a, b) => a.start - b.start);
  // Drop overlaps (keep the first) and split nothing: every token above lies within its line.
  const result: Token[] = [];
  for (const t of out) if (!result.length || t.start >= result[result.length - 1]!.end) result.push(t);
  return result;
}

function trimmedEnd(text: string, span: ast.Span): number {
  let end = span.end;
  while (end > span.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}
