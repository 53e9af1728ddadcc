// The syntax tree. Every node carries its source span as UTF-16 offsets [start, end) into the text, so
// the renderer can always fall back to the exact characters the writer typed.

export interface Span {
  start: number;
  end: number;
}

export interface Name extends Span {
  text: string;
}

// ---------- inline content

export interface TextNode extends Span {
  kind: 'text';
  text: string;
}

/** `\{` prints `{`. */
export interface EscapeNode extends Span {
  kind: 'escape';
  text: string;
}

/** `《…》`: children are the title's content (text, escapes, figures). */
export interface CitationNode extends Span {
  kind: 'citation';
  children: Inline[];
  closed: boolean;
}

/** A `》` with no `《` before it on the line: printed as typed, reported by the checker. */
export interface StrayNode extends Span {
  kind: 'stray';
  text: string;
}

export interface FigureNode extends Span {
  kind: 'figure';
  /** Undefined when nothing usable could be parsed; the renderer then prints the source as typed. */
  body: FigureBody | undefined;
  closed: boolean;
  /** True when the parser had to skip or invent tokens inside this figure. */
  broken: boolean;
  /**
   * An unclosed figure whose form was complete before prose followed (`{调处 = 150起，调解成功`): the figure
   * ends with its form, and the prose up to `tail` is text again (the parse puts a text node there).
   */
  tail?: number;
}

export type Inline = TextNode | EscapeNode | CitationNode | StrayNode | FigureNode;

export type FigureBody = LabelBody | ReferenceBody | DefinitionBody | ComparisonBody;

/** `{#不足}` */
export interface LabelBody {
  form: 'label';
  name: Name;
}

/** `{调处}` */
export interface ReferenceBody {
  form: 'reference';
  name: Name;
}

/** `{调处 = 150起}`, `{成功率 = 成功/调处 %}`, `{持证率 = 81.48% : 持证/应领证}` */
export interface DefinitionBody {
  form: 'definition';
  name: Name;
  value: Expression | undefined;
  /** A trailing `%` after a formula: print the ratio as a percentage. */
  percent: boolean;
  /** The formula after `:` that the stated value is checked against. */
  check: Expression | undefined;
}

/** `{调处 同比}` / `{调处 增减}` */
export interface ComparisonBody {
  form: 'comparison';
  name: Name;
  mode: '同比' | '增减';
  modeSpan: Span;
}

// ---------- expressions

export interface Quantity extends Span {
  kind: 'quantity';
  /** The digits as written, e.g. "81.48". */
  digits: string;
  value: number;
  /** Number of decimals written: the precision a stated value claims. */
  decimals: number;
  unit: string | undefined;
  percent: boolean;
  /** 多 余 (after) or 约 近 逾 超 (before). */
  qualifier: { text: string; position: 'before' | 'after' } | undefined;
}

export interface FigureRef extends Span {
  kind: 'ref';
  name: string;
}

/** `_` in `_/调处`: some whole count. */
export interface WholeCount extends Span {
  kind: 'whole';
}

export interface Binary extends Span {
  kind: 'binary';
  op: '+' | '-' | '×' | '÷';
  left: Expression;
  right: Expression;
}

export interface Negation extends Span {
  kind: 'negation';
  operand: Expression;
}

/**
 * `？` or `？ 上年150起` as a figure's value: a value to refill (`baogao new` writes these), with last
 * year's value shown beside it. It has no value: what is computed from it waits too, silently.
 */
export interface PendingValue extends Span {
  kind: 'pending';
  /** The word before last year's value, as written (上年). */
  label: Name | undefined;
  /** Last year's value, when written. */
  previous: Quantity | undefined;
}

export type Expression = Quantity | FigureRef | WholeCount | Binary | Negation | PendingValue;

// ---------- lines

export interface BlankLine extends Span {
  kind: 'blank';
}

export interface CommentLine extends Span {
  kind: 'comment';
  text: string;
}

export interface HeadingLine extends Span {
  kind: 'heading';
  level: number;
  marker: Span;
  content: Inline[];
  /** `{#标签}` at the end of the line. */
  label: Name | undefined;
}

export interface ItemLine extends Span {
  kind: 'item';
  ordered: boolean;
  marker: Span;
  content: Inline[];
}

export interface TextLine extends Span {
  kind: 'text';
  content: Inline[];
}

export type DirectiveName =
  | '标题' | '类型' | '机关' | '年度' | '日期' | '主送' | '上年' | '模板' | '检查'
  | '附件' | '抄送' | '印发机关' | '印发日期'
  | '指标' | '引用' | '落款' | '片段' | '参数';

/** `name` or `name=value` in the arguments of @引用 @参数 @片段 @检查. */
export interface Argument extends Span {
  name: Name;
  value: Name | undefined;
}

export interface DirectiveLine extends Span {
  kind: 'directive';
  /** Canonical Chinese name, or undefined for an unknown directive. */
  name: DirectiveName | undefined;
  /** The name as typed, without @. */
  written: Name;
  /** Inline value of a text directive (@标题 …). */
  value: Inline[];
  /** Arguments of @引用 @参数 @片段 @检查. */
  args: Argument[];
  /** The figure of @指标. */
  metric: FigureNode | undefined;
}

export type Line = BlankLine | CommentLine | HeadingLine | ItemLine | TextLine | DirectiveLine;

// ---------- blocks: lines grouped into the document's structure

export interface Heading extends Span {
  kind: 'heading';
  level: number;
  line: HeadingLine;
  content: Inline[];
  label: Name | undefined;
}

export interface Paragraph extends Span {
  kind: 'paragraph';
  /** One entry per source line; lines join with no space. */
  lines: Inline[][];
}

export interface ListItem extends Span {
  marker: Span;
  lines: Inline[][];
}

export interface List extends Span {
  kind: 'list';
  ordered: boolean;
  /** The list follows a paragraph with no blank line between: a run-on list continues that paragraph. */
  attached: boolean;
  items: ListItem[];
}

export type Block = Heading | Paragraph | List | DirectiveLine;

export interface ReportDocument extends Span {
  /** Directives before the body. */
  header: DirectiveLine[];
  body: Block[];
  comments: CommentLine[];
  /** All lines, in order: the parse tree as read. */
  lines: Line[];
}
