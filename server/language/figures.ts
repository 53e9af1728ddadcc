// Figures (指标): the table of definitions — collected from a report and its snippets, each resolved
// once, looked up from a scope and printed. What resolving takes is in modules of their own: the order
// of resolution (figureOrder.ts), evaluating a formula with units (figureFormulas.ts), checking a stated
// value against its check formula (figureChecks.ts) and comparing with last year's report
// (figureComparison.ts).
import type * as ast from '../../grammar/index.js';
import { MAX_FORMULA_TERMS } from '../../grammar/index.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { diagnostic, locatedIn } from './makeDiagnostic.js';
import { formatDate, type Header } from './header.js';
import type { FigureDefinition, Figures, FigureUse, Scope } from './model.js';
import { checkRateBound, checkStated, warnApproximate } from './figureChecks.js';
import { compareWithLastYear } from './figureComparison.js';
import { evaluate, forEachOperand, type EvalContext, type FormulaEnvironment } from './figureFormulas.js';
import { resolveInOrder } from './figureOrder.js';
import { formatValue, halfWidthDigits, quantityValue, type Value } from './values.js';

export { MAX_FIGURE_CHAIN } from './figureOrder.js';
/** Nested evaluation the order of `resolveInOrder` did not foresee (cycles) stops here (BG904). */
const MAX_NESTED_RESOLUTION = 200;
/** A formula of more terms is not evaluated (BG904): the parser keeps such a line as typed (grammar/bounds.ts). */
export { MAX_FORMULA_TERMS } from '../../grammar/index.js';


/** Names the header provides; a figure may not take them. */
export const HEADER_FIGURES = ['年度', '机关', '标题', '日期', '上年度', '下年度'] as const;

/** A table's resolution without its nodes: what the next version of the text may take over (figureReuse.ts). */
export interface Resolution {
  values: Array<Value | undefined>;
  computed: Array<number | undefined>;
  used: boolean[];
  /** Indices in `allDefinitions` of the definitions on a cycle. */
  cyclic: number[];
  chainReported: boolean;
  diagnostics: Diagnostic[];
  previous: Figures | undefined;
  id: number;
}

let resolutions = 0;

export class FigureTable implements Figures {
  readonly definitions = new Map<string, FigureDefinition>();
  /** Every definition in order, duplicates included. */
  readonly allDefinitions: FigureDefinition[] = [];
  readonly uses: FigureUse[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Last year's figures, fully resolved by their own analysis. */
  previous: Figures | undefined;
  /**
   * A node's definition; several when a snippet that defines it is included more than once (an array only
   * then). Made when first asked (printing a definition): a keystroke that prints none makes no map.
   */
  private byNode: Map<ast.FigureNode, FigureDefinition | FigureDefinition[]> | undefined;
  private readonly reported = new Set<string>();
  private readonly busy = new Set<FigureDefinition>();
  private readonly done = new Set<FigureDefinition>();
  /** Every definition is done: the resolution of another version was taken over (not a Set of them all, on each keystroke). */
  private allDone = false;
  private nesting = 0;
  /** Definitions found on a cycle of formulas by `resolveInOrder`. */
  private readonly cyclic = new Set<FigureDefinition>();
  private chainReported = false;
  /** How many diagnostics collecting the definitions gave (resolving adds the rest). */
  private collected = 0;
  /** Shared with the table whose resolution this one took over: the same values, under the same header. */
  resolutionId = 0;
  /** What evaluating a formula, checking a stated value and comparing with last year see of the table. */
  private readonly env: FormulaEnvironment = { lookup: (name, scope, at, quiet) => this.lookup(name, scope, at, quiet), report: (scope, d) => this.report(scope, d) };

  constructor(
    private readonly header: Header,
    /** In a snippet checked on its own, figures come from the including report: no "undefined" errors. */
    private readonly isSnippet: boolean,
  ) {}

  define(node: ast.FigureNode, scope: Scope, hidden: boolean): void {
    const body = node.body;
    if (body?.form !== 'definition' || node.broken) return;
    const definition: FigureDefinition = { name: body.name.text, node, body, scope, hidden, value: undefined, computed: undefined, used: !hidden };
    this.allDefinitions.push(definition);
    if ((HEADER_FIGURES as readonly string[]).includes(definition.name)) {
      this.report(scope, diagnostic('BG212', body.name, `“${definition.name}”是文头值，不能作为指标名称；请换一个名称。`));
      return;
    }
    const existing = this.definitions.get(definition.name);
    if (existing) {
      const where = existing.scope.file.path === scope.file.path ? `第${existing.scope.file.lineIndex.positionAt(existing.node.start).line + 1}行` : existing.scope.file.path;
      this.report(scope, diagnostic('BG202', body.name, `指标“${definition.name}”已在${where}定义过；一个指标只能定义一次，其他地方请写“{${definition.name}}”引用。`));
      return;
    }
    this.definitions.set(definition.name, definition);
  }

  use(node: ast.FigureNode, scope: Scope): void {
    if (node.broken) return;
    if (node.body?.form === 'reference' || node.body?.form === 'comparison') this.uses.push({ node, scope, name: node.body.name.text });
  }

  resolveAll(): void {
    this.resolutionId = ++resolutions;
    this.collected = this.diagnostics.length;
    resolveInOrder(this.allDefinitions, this.cyclic, { dependencies: (d) => this.dependencies(d), resolve: (d) => this.resolve(d), tooDeep: (d, limit) => this.tooDeep(d, limit) });
    for (const definition of this.allDefinitions) this.resolve(definition);
    for (const use of this.uses) {
      if (use.node.body?.form === 'comparison') compareWithLastYear(this.env, this.previous, use.node, use.scope, true);
      // An unclosed `{名称` already has its BG001: no second diagnostic for the same brace.
      else this.lookup(use.name, use.scope, use.node.body!.name, !use.node.closed);
    }
    for (const definition of this.definitions.values()) {
      if (definition.hidden && !definition.used) {
        this.report(definition.scope, diagnostic('BG210', definition.body.name, `隐藏指标“${definition.name}”定义了但没有用到：在正文中写“{${definition.name}}”引用它，或删去这一行。`));
      }
    }
  }

  /**
   * What resolving found, apart from the nodes: each definition's value, `computed` and `used` (in the
   * order of `allDefinitions`), and the diagnostics of resolution (not those of collecting). Taken right
   * after `resolveAll`, before any reader's lookup marks more definitions used.
   */
  resolution(): Resolution {
    const defs = this.allDefinitions;
    return {
      values: defs.map((d) => d.value),
      computed: defs.map((d) => d.computed),
      used: defs.map((d) => d.used),
      cyclic: this.cyclic.size ? defs.flatMap((d, i) => (this.cyclic.has(d) ? [i] : [])) : [],
      chainReported: this.chainReported,
      diagnostics: this.diagnostics.slice(this.collected),
      previous: this.previous,
      id: this.resolutionId,
    };
  }

  /**
   * Takes over another version's resolution instead of resolving (figureReuse.ts says when that is the
   * same): its definitions pair with this table's in order; `move` places its diagnostics in this text.
   */
  adopt(resolution: Resolution, move: (d: Diagnostic) => Diagnostic): void {
    this.resolutionId = resolution.id;
    this.collected = this.diagnostics.length;
    this.allDefinitions.forEach((definition, i) => {
      definition.value = resolution.values[i];
      definition.computed = resolution.computed[i];
      definition.used = resolution.used[i]!;
    });
    this.allDone = true;
    for (const i of resolution.cyclic) this.cyclic.add(this.allDefinitions[i]!);
    this.chainReported = resolution.chainReported;
    for (const d of resolution.diagnostics) {
      const moved = move(d);
      this.reported.add(`${moved.code}@${moved.start}@${moved.uri ?? ''}`);
      this.diagnostics.push(moved);
    }
  }

  /** The printed text of a figure node in a scope; undefined when it cannot be resolved (print as typed). */
  printed(node: ast.FigureNode, scope: Scope): string | undefined {
    const body = node.body;
    // An unclosed figure prints as typed (its `{` included) until the writer closes it.
    if (!body || node.broken || !node.closed) return undefined;
    switch (body.form) {
      case 'label':
        return '';
      case 'definition': {
        const definition = this.definitionAt(node, scope);
        return definition?.value ? formatValue(definition.value) : undefined;
      }
      case 'reference': {
        const value = this.lookup(body.name.text, scope, body.name, true);
        return value ? formatValue(value) : undefined;
      }
      case 'comparison':
        return compareWithLastYear(this.env, this.previous, node, scope, false);
    }
  }

  private definitionsByNode(): Map<ast.FigureNode, FigureDefinition | FigureDefinition[]> {
    if (!this.byNode) {
      this.byNode = new Map();
      for (const definition of this.allDefinitions) {
        const sameNode = this.byNode.get(definition.node);
        if (!sameNode) this.byNode.set(definition.node, definition);
        else if (Array.isArray(sameNode)) sameNode.push(definition);
        else this.byNode.set(definition.node, [sameNode, definition]);
      }
    }
    return this.byNode;
  }

  /** The definition a node makes in a scope's file. */
  private definitionAt(node: ast.FigureNode, scope: Scope): FigureDefinition | undefined {
    const found = this.definitionsByNode().get(node);
    if (Array.isArray(found)) return found.find((d) => d.scope.file === scope.file);
    return found?.scope.file === scope.file ? found : undefined;
  }

  /** A name's value as seen from a scope: snippet parameters, then header values, then figures. */
  lookup(name: string, scope: Scope, at: ast.Span, quiet: boolean): Value | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const param = s.params.get(name);
      if (param) return param;
      if (s.missing?.has(name)) return undefined;
    }
    const fromHeader = this.headerValue(name);
    if (fromHeader) return fromHeader;
    const definition = this.definitions.get(name);
    if (definition) {
      definition.used = true;
      this.resolve(definition);
      return definition.value;
    }
    if (!quiet && !this.isSnippet) {
      // Typed in full-width mode, a value (１５０起) is read as a name: say what it is, not “not defined”.
      const halfWidth = /^[０-９]/.test(name) ? halfWidthDigits(name) : undefined;
      this.report(scope, diagnostic('BG201', at, halfWidth
        ? `“${name}”的数字是全角的，读作指标名称而不是数值：请改为半角“${halfWidth}”。`
        : `指标“${name}”没有定义：在别处写“{${name} = 数值单位}”或“@指标 ${name} = 数值单位”来定义它。`));
    }
    return undefined;
  }

  headerValue(name: string): Value | undefined {
    const h = this.header;
    switch (name) {
      case '年度':
        return h.year !== undefined ? { type: 'text', text: String(h.year) } : undefined;
      case '上年度':
        return h.year !== undefined ? { type: 'text', text: String(h.year - 1) } : undefined;
      case '下年度':
        return h.year !== undefined ? { type: 'text', text: String(h.year + 1) } : undefined;
      case '机关':
        return h.org ? { type: 'text', text: h.org } : undefined;
      case '标题':
        return h.values.标题 ? { type: 'text', text: h.values.标题.text } : undefined;
      case '日期':
        return h.date ? { type: 'text', text: formatDate(h.date) } : undefined;
      default:
        return undefined;
    }
  }

  private resolve(definition: FigureDefinition): void {
    if (this.allDone || this.done.has(definition)) return;
    if (this.busy.has(definition)) {
      this.report(definition.scope, diagnostic('BG203', definition.body.name, `指标“${definition.name}”的公式直接或间接引用了它自己。`));
      return;
    }
    if (this.nesting >= MAX_NESTED_RESOLUTION) {
      this.tooDeep(definition, MAX_NESTED_RESOLUTION);
      return;
    }
    this.busy.add(definition);
    this.nesting++;
    try {
      this.evaluateDefinition(definition);
    } finally {
      this.nesting--;
      this.busy.delete(definition);
      this.done.add(definition);
    }
  }

  /** A definition too deep in a chain of figures: left unevaluated, said once. */
  private tooDeep(definition: FigureDefinition, limit: number): void {
    this.done.add(definition);
    if (this.chainReported) return;
    this.chainReported = true;
    if (this.cyclic.has(definition)) {
      this.report(definition.scope, diagnostic('BG203', definition.body.name, `指标“${definition.name}”的公式经过一长串指标间接引用了它自己。`));
      return;
    }
    this.report(definition.scope, diagnostic('BG904', definition.body.name, `指标依赖超过上限（${limit} 层）：“${definition.name}”及依赖它的指标不再计算。请缩短指标之间的引用链。`));
  }

  /** The definitions a definition's formulas refer to, in evaluation order (parameters and header values are not). */
  private dependencies(definition: FigureDefinition): FigureDefinition[] {
    const out: FigureDefinition[] = [];
    const visit = (expr: ast.Expression | undefined) =>
      expr &&
      forEachOperand(expr, (leaf) => {
        const found = leaf.kind === 'ref' ? this.definitionSeenFrom(leaf.name, definition.scope) : undefined;
        if (found) out.push(found);
      });
    if (definition.body.value?.kind !== 'quantity') visit(definition.body.value);
    visit(definition.body.check);
    return out;
  }

  private definitionSeenFrom(name: string, scope: Scope): FigureDefinition | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) if (s.params.has(name) || s.missing?.has(name)) return undefined;
    return this.headerValue(name) ? undefined : this.definitions.get(name);
  }

  private evaluateDefinition(definition: FigureDefinition): void {
    const { body, scope } = definition;
    const value = body.value;
    if (!value) return;
    for (const formula of [value, body.check]) {
      let terms = 0;
      if (formula) forEachOperand(formula, () => terms++);
      if (terms > MAX_FORMULA_TERMS) {
        this.report(scope, diagnostic('BG904', formula!, `公式有 ${terms} 项，超过上限（${MAX_FORMULA_TERMS} 项），不予计算。请拆成几个指标。`));
        return;
      }
    }
    const ctx: EvalContext = { whole: undefined, approximate: false, hasDivision: false, quiet: false };
    if (value.kind === 'pending') {
      // Nothing to evaluate yet; the check formula's names must still exist (and count as used).
      forEachOperand(body.check ?? value, (leaf) => leaf.kind === 'ref' && this.lookup(leaf.name, scope, leaf, false));
      return;
    }
    if (value.kind === 'quantity') {
      definition.value = quantityValue(value);
    } else {
      const result = evaluate(this.env, value, scope, ctx);
      if (!result) return;
      if (ctx.approximate) warnApproximate(this.env, definition, value);
      const percent = body.percent || result.percent;
      definition.value = { ...result, percent, unit: percent ? undefined : result.unit, decimals: undefined, qualifier: undefined };
      if (percent && ctx.hasDivision) checkRateBound(this.env, definition, result.value, value);
    }
    if (body.check && definition.value?.type === 'number') checkStated(this.env, definition, definition.value, body.check);
  }

  private report(scope: Scope, d: Diagnostic): void {
    const located = locatedIn(d, scope.file, rootFile(scope));
    const key = `${located.code}@${located.start}@${located.uri ?? ''}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push(located);
  }
}

function rootFile(scope: Scope) {
  let s = scope;
  while (s.parent) s = s.parent;
  return s.file;
}
