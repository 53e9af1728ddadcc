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
  const tokens = new Tokens(text);
  for (const line of document.lines) tokens.line(line);
  return tokens.inOrder();
}

/** Collects the tokens of lines, figures, formulas and citations. */
class Tokens {
  private readonly out: Token[] = [];

  constructor(private readonly text: string) {}

  line(line: ast.Line): void {
    switch (line.kind) {
      case 'comment':
        this.push(line.start, trimmedEnd(this.text, line), 'comment');
        break;
      case 'heading':
        this.push(line.marker.start, line.marker.end, 'heading');
        this.inlines(line.content);
        if (line.label) this.push(line.label.start - 2, Math.min(line.label.end + 1, line.end), 'label');
        break;
      case 'directive':
        this.push(line.written.start - 1, line.written.end, 'directive');
        if (line.metric) this.figure(line.metric);
        this.inlines(lineInlines(line));
        break;
      case 'item':
      case 'text':
        this.inlines(line.content);
        break;
    }
  }

  /** Sorted; overlaps dropped (the first kept). Every token lies within its line, so none is split. */
  inOrder(): Token[] {
    const sorted = [...this.out].sort((a, b) => a.start - b.start);
    const result: Token[] = [];
    for (const t of sorted) if (!result.length || t.start >= result[result.length - 1]!.end) result.push(t);
    return result;
  }

  private push(start: number, end: number, type: TokenType, declaration = false): void {
    if (end > start) this.out.push({ start, end, type, ...(declaration ? { declaration } : {}) });
  }

  private inlines(nodes: readonly ast.Inline[]): void {
    forEachInline(nodes, (n) => {
      if (n.kind === 'figure') this.figure(n);
      else if (n.kind === 'citation') this.citation(n);
    });
  }

  /** The citation's marks and text, around any figures inside. */
  private citation(n: ast.CitationNode): void {
    let cursor = n.start;
    for (const child of n.children) {
      if (child.kind !== 'figure') continue;
      this.push(cursor, child.start, 'citation');
      cursor = child.end;
    }
    this.push(cursor, n.end, 'citation');
  }

  private figure(node: ast.FigureNode): void {
    const body = node.body;
    if (!body) return;
    if (body.form === 'label') {
      this.push(node.start, node.end, 'label');
      return;
    }
    this.push(body.name.start, body.name.end, 'figure', body.form === 'definition');
    if (body.form === 'definition') {
      this.expression(body.value);
      this.expression(body.check);
    }
  }

  private expression(expr: ast.Expression | undefined): void {
    if (!expr) return;
    this.operators(expr);
    forEachRef(expr, (r) => this.out.push({ start: r.start, end: r.end, type: 'figure' }));
  }

  /** Numbers, `_` and operators of a formula (figure names come from forEachRef). */
  private operators(e: ast.Expression): void {
    switch (e.kind) {
      case 'quantity':
        this.out.push({ start: e.start, end: e.end, type: 'number' });
        break;
      case 'whole':
        this.out.push({ start: e.start, end: e.end, type: 'operator' });
        break;
      case 'pending':
        this.out.push({ start: e.start, end: e.start + 1, type: 'operator' });
        if (e.previous) this.out.push({ start: e.previous.start, end: e.previous.end, type: 'number' });
        break;
      case 'negation':
        this.out.push({ start: e.start, end: e.start + 1, type: 'operator' });
        this.operators(e.operand);
        break;
      case 'binary': {
        this.operators(e.left);
        const at = this.text.slice(e.left.end, e.right.start).search(/[+\-×÷*/＋－]/);
        if (at >= 0) this.out.push({ start: e.left.end + at, end: e.left.end + at + 1, type: 'operator' });
        this.operators(e.right);
        break;
      }
      default:
        break;
    }
  }
}

function trimmedEnd(text: string, span: ast.Span): number {
  let end = span.end;
  while (end > span.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}
