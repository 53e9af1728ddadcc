// Copies of parsed lines with their offsets moved: what an edit costs the lines after it. One function
// per node shape (not a generic walk) because this runs over every line below the cursor on each keystroke.
import type * as ast from './ast.js';
import type { Diagnostic, Fix, TextEdit } from './diagnostic.js';

const span = <T extends ast.Span>(s: T, d: number): T => ({ ...s, start: s.start + d, end: s.end + d });
// The commonest shapes written out (a spread copies slower): a name, a reference, `_`.
const name = (n: ast.Name, d: number): ast.Name => ({ text: n.text, start: n.start + d, end: n.end + d });

function expression(e: ast.Expression, d: number): ast.Expression {
  switch (e.kind) {
    case 'binary':
      return { ...e, left: expression(e.left, d), right: expression(e.right, d), start: e.start + d, end: e.end + d };
    case 'negation':
      return { ...e, operand: expression(e.operand, d), start: e.start + d, end: e.end + d };
    case 'pending': {
      // Last year's value written beside it (`？ 上年150起`) has spans of its own.
      const out = span(e, d);
      if (e.label) out.label = span(e.label, d);
      if (e.previous) out.previous = span(e.previous, d);
      return out;
    }
    case 'ref':
      return { kind: 'ref', name: e.name, start: e.start + d, end: e.end + d };
    case 'whole':
      return { kind: 'whole', start: e.start + d, end: e.end + d };
    default:
      return span(e, d);
  }
}

const optionalExpression = (e: ast.Expression | undefined, d: number) => (e ? expression(e, d) : undefined);

function figureBody(b: ast.FigureBody, d: number): ast.FigureBody {
  switch (b.form) {
    case 'label':
    case 'reference':
      return { form: b.form, name: name(b.name, d) } as ast.FigureBody;
    case 'comparison':
      return { ...b, name: name(b.name, d), modeSpan: span(b.modeSpan, d) };
    case 'definition':
      return { form: 'definition', name: name(b.name, d), value: optionalExpression(b.value, d), percent: b.percent, check: optionalExpression(b.check, d) };
  }
}

function figure(f: ast.FigureNode, d: number): ast.FigureNode {
  const body = f.body ? figureBody(f.body, d) : undefined;
  // An unclosed figure may keep its `tail` (line-relative): copied as it is.
  if ('tail' in f) return { ...f, body, start: f.start + d, end: f.end + d };
  return { kind: 'figure', body, closed: f.closed, broken: f.broken, start: f.start + d, end: f.end + d };
}

function inline(n: ast.Inline, d: number): ast.Inline {
  switch (n.kind) {
    case 'figure':
      return figure(n, d);
    case 'citation':
      return { ...n, children: inlines(n.children, d), start: n.start + d, end: n.end + d };
    default:
      // Text, escape, stray: the most common nodes, written out (a spread copies slower).
      return { kind: n.kind, text: n.text, start: n.start + d, end: n.end + d } as ast.Inline;
  }
}

function inlines(nodes: readonly ast.Inline[], d: number): ast.Inline[] {
  const out: ast.Inline[] = new Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) out[i] = inline(nodes[i]!, d);
  return out;
}

export function shiftLine(line: ast.Line, d: number): ast.Line {
  switch (line.kind) {
    // The common lines written out: a spread copies slower, and every line below an edit is copied.
    case 'blank':
      return { kind: 'blank', start: line.start + d, end: line.end + d };
    case 'comment':
      return span(line, d);
    case 'heading': {
      const marker = { start: line.marker.start + d, end: line.marker.end + d };
      const label = line.label && name(line.label, d);
      return { kind: 'heading', level: line.level, marker, content: inlines(line.content, d), label, start: line.start + d, end: line.end + d };
    }
    case 'item': {
      const marker = { start: line.marker.start + d, end: line.marker.end + d };
      return { kind: 'item', ordered: line.ordered, marker, content: inlines(line.content, d), start: line.start + d, end: line.end + d };
    }
    case 'text':
      return { kind: 'text', content: inlines(line.content, d), start: line.start + d, end: line.end + d };
    case 'directive':
      return {
        ...line,
        written: span(line.written, d),
        value: inlines(line.value, d),
        args: line.args.map((a) => ({ ...a, name: span(a.name, d), value: a.value && span(a.value, d), start: a.start + d, end: a.end + d })),
        metric: line.metric && figure(line.metric, d),
        start: line.start + d,
        end: line.end + d,
      };
  }
}

export function shiftDiagnostic(diagnostic: Diagnostic, d: number): Diagnostic {
  // Written out (every diagnostic after an edit is moved on each keystroke); a field absent stays absent.
  // With its fixes in the literal: a field added afterwards costs a property store of its own.
  const { code, severity, message } = diagnostic;
  const out: Diagnostic = 'fixes' in diagnostic
    ? { code, severity, message, start: diagnostic.start + d, end: diagnostic.end + d, fixes: diagnostic.fixes && shiftFixes(diagnostic.fixes, d) }
    : { code, severity, message, start: diagnostic.start + d, end: diagnostic.end + d };
  if ('uri' in diagnostic) out.uri = diagnostic.uri;
  if ('omitted' in diagnostic) out.omitted = diagnostic.omitted;
  return out;
}

function shiftFixes(fixes: readonly Fix[], d: number): Fix[] {
  const out = new Array<Fix>(fixes.length);
  for (let i = 0; i < fixes.length; i++) {
    const { title, edits, safe } = fixes[i]!;
    const moved = new Array<TextEdit>(edits.length);
    for (let k = 0; k < edits.length; k++) moved[k] = { start: edits[k]!.start + d, end: edits[k]!.end + d, newText: edits[k]!.newText };
    out[i] = { title, edits: moved, safe };
  }
  return out;
}
