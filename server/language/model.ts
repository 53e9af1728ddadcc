// The model of a report, as every reader (checks, rendering, editor features) sees it: the syntax tree
// with snippets expanded, headings numbered, figures evaluated and the header read. Types only; analyze.ts
// builds it.
import type * as ast from '../../grammar/index.js';
import type { LineIndex } from '../../grammar/index.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import type { Header } from './header.js';
import type { Value } from './values.js';

export interface SourceFile {
  path: string;
  text: string;
  document: ast.ReportDocument;
  lineIndex: LineIndex;
}

/** A block of the expanded body, with the file and parameters it was written under. */
export interface PlacedBlock {
  block: ast.Block;
  scope: Scope;
  /** For headings: the rendered number, e.g. "一、", "（二）". */
  number?: string;
  /** For list items of an ordered list: their numbers. */
  itemNumbers?: string[];
  /**
   * The block's text nodes, kept once found (checks/prose.ts, blockTextNodes): a field, not an AttachedMap on
   * the block, whose symbol property defined on each block of each analysis cost more than finding them.
   */
  textNodes?: readonly ast.TextNode[];
}

export interface Section {
  heading: ast.Heading;
  scope: Scope;
  level: number;
  number: string;
  children: Section[];
  /** Blocks directly under this heading, before any sub-heading. */
  blocks: PlacedBlock[];
  /** Index in `blocks` of the model where the section starts and (exclusive) ends. */
  startIndex: number;
  endIndex: number;
}

export interface ReportModel {
  file: SourceFile;
  header: Header;
  /** True when this file is a snippet (`@片段`), checked on its own. */
  isSnippet: boolean;
  blocks: PlacedBlock[];
  sections: Section[];
  figures: Figures;
  includes: IncludeSite[];
  /** Last year's report (@上年), when it could be read: only its figures are used. */
  previous: ReportModel | undefined;
  /** Diagnostics from parsing and resolving, including those located in snippets (with `uri`). */
  diagnostics: Diagnostic[];
  /**
   * The same in two versions of a report whose blocks, headings and figures are the same but for the text
   * of one prose line (figureReuse.ts): checks across the structure find the same, moved by the edit.
   */
  structureId: number;
  /** The document is beyond the size bound or not text (documentSize.ts): not analysed, its one diagnostic BG905 or BG908. */
  notAnalysed?: true;
}

/** Where names resolve: a snippet's parameters, then the including scope, up to the report. */
export interface Scope {
  file: SourceFile;
  params: Map<string, Value>;
  /** Parameters the include failed to give (already reported): their uses stay quiet. */
  missing?: Set<string>;
  parent: Scope | undefined;
  site: IncludeSite | undefined;
}

export interface SnippetFile {
  name: string;
  path: string;
  params: string[];
}

export interface IncludeSite {
  directive: ast.DirectiveLine;
  /** The scope the @引用 is written in. */
  scope: Scope;
  name: string;
  snippet: SnippetFile | undefined;
}

export interface FigureDefinition {
  name: string;
  node: ast.FigureNode;
  body: ast.DefinitionBody;
  scope: Scope;
  /** Defined with @指标: not printed where it is defined. */
  hidden: boolean;
  /** Set once resolved; undefined when it could not be evaluated. */
  value: Value | undefined;
  /** The formula's result, for stated values checked against one. */
  computed: number | undefined;
  used: boolean;
}

export interface FigureUse {
  node: ast.FigureNode;
  scope: Scope;
  name: string;
}

/** A report's figures once resolved: what readers of the model may ask (figures.ts builds it). */
export interface Figures {
  /** By name: the first definition of each. */
  readonly definitions: ReadonlyMap<string, FigureDefinition>;
  /** Every definition in order, duplicates included. */
  readonly allDefinitions: readonly FigureDefinition[];
  readonly uses: readonly FigureUse[];
  /** Last year's figures (@上年), for 同比. */
  readonly previous: Figures | undefined;
  /** The same in two versions of a report whose figures have the same values under the same header (figureReuse.ts). */
  readonly resolutionId: number;
  /** The printed text of a figure node in a scope; undefined when it cannot be resolved (print as typed). */
  printed(node: ast.FigureNode, scope: Scope): string | undefined;
  /** The value of a name seen from a scope; `quiet` leaves problems unreported. */
  lookup(name: string, scope: Scope, at: ast.Span, quiet: boolean): Value | undefined;
  /** The value of a header name (年度, 机关, 标题, 日期, 上年度, 下年度). */
  headerValue(name: string): Value | undefined;
}
