// One description of a figure (指标): what the hover, the server's figures table and `baogao collect`
// say about it. Each of them formats these fields; none computes them again.
import type * as ast from '../../grammar/index.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import type { FigureDefinition, ReportModel } from './model.js';
import { formatNumber, formatValue } from './values.js';

export interface FigureDescription {
  definition: FigureDefinition;
  name: string;
  /** As printed in the report: "150起", "98%", "5000多份"; undefined when it cannot be evaluated. */
  printed: string | undefined;
  /** The number: 150; a percentage in percent (98 for 98%); undefined when it cannot be evaluated. */
  number: number | undefined;
  /** The measure word, "%" for a percentage, '' for none. */
  unit: string;
  /** An approximate count (多 余 约 近 …). */
  approximate: boolean;
  /** The formula that computes the value, as written ("成功/调处"); undefined for a stated value. */
  expression: string | undefined;
  /** The same with the percent sign it was written with ("成功/调处 %"), as the editor shows it. */
  formula: string | undefined;
  /** The formula a stated value is checked against (`{率 = 98% : 成功/调处}`). */
  check: string | undefined;
  /** The check formula's result at the stated value's scale ("98.02%"); undefined when there is none. */
  computed: string | undefined;
  hidden: boolean;
  used: boolean;
  /** The file it is defined in (the report or an included snippet), and where. */
  path: string;
  start: number;
  end: number;
  /** 0-based line and character of the definition in its file. */
  line: number;
  character: number;
}

/** Every figure defined in the report (snippets included), in order of definition. */
export function describeFigures(model: ReportModel): FigureDescription[] {
  return model.figures.allDefinitions.map(describeFigure);
}

export function describeFigure(definition: FigureDefinition): FigureDescription {
  const file = definition.scope.file;
  const body = definition.body;
  const source = (span: ast.Span | undefined) => (span ? file.text.slice(span.start, span.end).trim() : undefined);
  const value = definition.value?.type === 'number' ? definition.value : undefined;
  const expression = body.value && body.value.kind !== 'quantity' ? source(body.value) : undefined;
  const position = file.lineIndex.positionAt(definition.node.start);
  return {
    definition,
    name: definition.name,
    printed: definition.value ? formatValue(definition.value) : undefined,
    number: value ? round(value.percent ? value.value * 100 : value.value) : undefined,
    unit: value ? (value.percent ? '%' : (value.unit ?? '')) : '',
    approximate: !!value?.qualifier,
    expression,
    formula: expression === undefined ? undefined : `${expression}${body.percent ? ' %' : ''}`,
    check: source(body.check),
    computed: definition.computed === undefined ? undefined : value?.percent ? `${formatNumber(definition.computed * 100, 4)}%` : formatNumber(definition.computed, 4),
    hidden: definition.hidden,
    used: definition.used,
    path: file.path,
    start: definition.node.start,
    end: definition.node.end,
    line: position.line,
    character: position.character,
  };
}

/** The diagnostics (of `model`'s check or analysis) that start inside a figure's definition. */
export function diagnosticsOn(figure: FigureDescription, diagnostics: readonly Diagnostic[], model: ReportModel): Diagnostic[] {
  return diagnostics.filter((d) => (d.uri ?? model.file.path) === figure.path && d.start >= figure.start && d.start < Math.max(figure.end, figure.start + 1));
}

function round(n: number): number {
  return Number(n.toFixed(6));
}
