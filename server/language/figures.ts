// Figures (指标): the table of definitions, lazy evaluation of formulas with units, checks of stated
// values against their formulas, whole-count plausibility, and comparison with last year's report.
import type * as ast from '../../grammar/index.js';
import { MAX_FORMULA_TERMS } from '../../grammar/index.js';
import type { Diagnostic, Severity } from '../../grammar/diagnostic.js';
import { diagnostic, locatedIn } from './makeDiagnostic.js';
import { formatDate, type Header } from './header.js';
import type { FigureDefinition, Figures, FigureUse, Scope } from './model.js';
import {
  agreesAtPrecision, exactOf, exactResult, formatAtPrecision, formatNumber, formatValue, fromExact, needsExact, numberValue, quantityValue, type NumberValue, type Value,
} from './values.js';

/** Figures may depend on figures this many levels deep (BG904); evaluation is iterative, not recursive. */
export const MAX_FIGURE_CHAIN = 5000;
/** Nested evaluation the order of `resolveInOrder` did not foresee (cycles) stops here (BG904). */
const MAX_NESTED_RESOLUTION = 200;
/** A formula of more terms is not evaluated (BG904): the parser keeps such a line as typed (grammar/bounds.ts). */
export { MAX_FORMULA_TERMS } from '../../grammar/index.js';


/** Names the header provides; a figure may not take them. */
export const HEADER_FIGURES = ['年度', '机关', '标题', '日期', '上年度', '下年度'] as const;

interface EvalContext {
  /** The value of `_` while searching for a whole count. */
  whole: number | undefined;
  approximate: boolean;
  hasDivision: boolean;
  /** Report problems (off while searching, to report once). */
  quiet: boolean;
}

type WholeCountSearch = 'found' | 'unknown' | Array<{ k: number; v: number }>;
const WHOLE_COUNT_SEARCHES = new Map<string, WholeCountSearch>();

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
    this.resolveInOrder();
    for (const definition of this.allDefinitions) this.resolve(definition);
    for (const use of this.uses) {
      if (use.node.body?.form === 'comparison') this.compare(use.node, use.scope, true);
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
        return this.compare(node, scope, false);
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
      this.report(scope, diagnostic('BG201', at, `指标“${name}”没有定义：在别处写“{${name} = 数值单位}”或“@指标 ${name} = 数值单位”来定义它。`));
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

  /**
   * Resolves every definition after the ones it depends on (post-order of an iterative depth-first walk,
   * in the order the recursive evaluation would take), so that a chain of thousands of figures needs no
   * deep recursion. Definitions on a cycle are left to `resolve`, which reports the cycle (BG203).
   */
  private resolveInOrder(): void {
    const state = new Map<FigureDefinition, 'open' | 'closed'>();
    const depth = new Map<FigureDefinition, number>();
    const cyclic = this.cyclic;
    for (const root of this.allDefinitions) {
      if (state.has(root)) continue;
      state.set(root, 'open');
      const stack = [{ definition: root, dependencies: this.dependencies(root), next: 0 }];
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        if (top.next < top.dependencies.length) {
          const dependency = top.dependencies[top.next++]!;
          const seen = state.get(dependency);
          if (seen === undefined) {
            state.set(dependency, 'open');
            stack.push({ definition: dependency, dependencies: this.dependencies(dependency), next: 0 });
          } else if (seen === 'open') {
            for (let i = stack.length - 1; i >= 0; i--) {
              cyclic.add(stack[i]!.definition);
              if (stack[i]!.definition === dependency) break;
            }
          }
          continue;
        }
        stack.pop();
        state.set(top.definition, 'closed');
        let level = 1;
        for (const d of top.dependencies) level = Math.max(level, (depth.get(d) ?? 0) + 1);
        depth.set(top.definition, level);
        if (cyclic.has(top.definition)) continue;
        if (level > MAX_FIGURE_CHAIN) this.tooDeep(top.definition, MAX_FIGURE_CHAIN);
        else this.resolve(top.definition);
      }
    }
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
      const result = this.evaluate(value, scope, ctx);
      if (!result) return;
      if (ctx.approximate) this.warnApproximate(definition, value);
      const percent = body.percent || result.percent;
      definition.value = { ...result, percent, unit: percent ? undefined : result.unit, decimals: undefined, qualifier: undefined };
      if (percent && ctx.hasDivision) this.checkRateBound(definition, result.value, value);
    }
    if (body.check && definition.value?.type === 'number') this.checkStated(definition, definition.value, body.check);
  }

  private checkStated(definition: FigureDefinition, stated: NumberValue, formula: ast.Expression): void {
    const scope = definition.scope;
    const source = scope.file.text.slice(formula.start, formula.end);
    if (containsWhole(formula)) {
      this.checkWholeCount(definition, stated, formula, source);
      return;
    }
    const ctx: EvalContext = { whole: undefined, approximate: false, hasDivision: false, quiet: false };
    const result = this.evaluate(formula, scope, ctx);
    if (!result) return;
    definition.computed = result.value;
    if (ctx.approximate) this.warnApproximate(definition, formula);
    if (stated.percent && ctx.hasDivision && this.checkRateBound(definition, result.value, formula)) return;
    if (!agreesAtPrecision(stated, result)) {
      const correct = formatAtPrecision(stated, result);
      const written = formatValue(stated);
      const valueSpan = definition.body.value!;
      this.report(scope, diagnostic('BG206', valueSpan, `“${definition.name}”写为${written}，但按“${source}”（${this.describeOperands(formula, scope)}）算得${correct}。`, [
        { title: `改为${correct}`, edits: [{ start: valueSpan.start, end: valueSpan.end, newText: correct }], safe: false },
      ]));
    }
  }

  /** `{成功率 = 97.33% : _/调处}`: is there a whole count that gives the stated rate? */
  private checkWholeCount(definition: FigureDefinition, stated: NumberValue, formula: ast.Expression, source: string): void {
    const scope = definition.scope;
    const probe: EvalContext = { whole: 1, approximate: false, hasDivision: false, quiet: false };
    if (!this.evaluate(formula, scope, probe)) return;
    // The search tries up to a million counts: its answer is remembered by the formula and its operands' values.
    const operands: unknown[] = [];
    forEachOperand(formula, (e) => operands.push(e.kind === 'ref' ? this.lookup(e.name, scope, e, true) : e.kind));
    const key = JSON.stringify([source, stated, operands]);
    let nearest = WHOLE_COUNT_SEARCHES.get(key);
    if (nearest === undefined) {
      nearest = this.searchWholeCount(stated, formula, scope);
      if (WHOLE_COUNT_SEARCHES.size >= 1000) WHOLE_COUNT_SEARCHES.delete(WHOLE_COUNT_SEARCHES.keys().next().value!);
      WHOLE_COUNT_SEARCHES.set(key, nearest);
    }
    if (nearest === 'found' || nearest === 'unknown') return;
    const unit = this.operandUnit(formula, scope);
    const near = nearest.map((x) => `${x.k}${unit}时为${formatAtPrecision(stated, x.v)}`);
    this.report(scope, diagnostic('BG207', definition.body.value!, `没有任何整数“_”能使“${source}”（${this.describeOperands(formula, scope)}）等于${formatValue(stated)}${near.length ? `：${near.join('，')}` : ''}。请核对比率或计数。`));
  }

  /** The counts just below and above the stated value when no whole count gives it exactly. */
  private searchWholeCount(stated: NumberValue, formula: ast.Expression, scope: Scope): WholeCountSearch {
    const limit = Math.min(1_000_000, Math.max(1000, Math.ceil(this.largestOperand(formula, scope))));
    let below: { k: number; v: number } | undefined;
    let above: { k: number; v: number } | undefined;
    for (let k = 0; k <= limit; k++) {
      const r = this.evaluate(formula, scope, { whole: k, approximate: false, hasDivision: false, quiet: true });
      if (!r) return 'unknown';
      if (agreesAtPrecision(stated, r.value)) return 'found';
      if (r.value < stated.value) {
        if (!below || r.value > below.v) below = { k, v: r.value };
      } else if (!above || r.value < above.v) above = { k, v: r.value };
    }
    return [below, above].filter((x): x is { k: number; v: number } => x !== undefined);
  }

  private checkRateBound(definition: FigureDefinition, ratio: number, formula: ast.Expression): boolean {
    if (ratio <= 1 + 1e-9) return false;
    const source = definition.scope.file.text.slice(formula.start, formula.end);
    this.report(definition.scope, diagnostic('BG208', definition.body.value ?? definition.body.name, `“${definition.name}”按“${source}”算得${formatNumber(ratio * 100)}%，超过了100%：分子不应大于分母，请核对计数。`));
    return true;
  }

  private warnApproximate(definition: FigureDefinition, formula: ast.Expression): void {
    const source = definition.scope.file.text.slice(formula.start, formula.end);
    this.report(definition.scope, diagnostic('BG209', formula, `“${source}”用到了约数（带“多”“余”“约”等），“${definition.name}”的结果也只是约数。`));
  }

  private largestOperand(expr: ast.Expression, scope: Scope): number {
    let largest = 0;
    forEachOperand(expr, (e) => {
      if (e.kind === 'quantity') largest = Math.max(largest, Math.abs(e.value));
      else if (e.kind === 'ref') {
        const v = this.lookup(e.name, scope, e, true);
        if (v?.type === 'number') largest = Math.max(largest, Math.abs(v.value));
      }
    });
    return largest;
  }

  /** The measure word of the figures a formula refers to (the unit a whole count `_` is counted in). */
  private operandUnit(expr: ast.Expression, scope: Scope): string {
    let unit = '';
    forEachOperand(expr, (e) => {
      const v = !unit && e.kind === 'ref' ? this.lookup(e.name, scope, e, true) : undefined;
      if (v?.type === 'number' && v.unit) unit = v.unit;
    });
    return unit;
  }

  private describeOperands(expr: ast.Expression, scope: Scope): string {
    const parts = new Set<string>();
    forEachOperand(expr, (e) => {
      const v = e.kind === 'ref' ? this.lookup(e.name, scope, e, true) : undefined;
      if (v && e.kind === 'ref') parts.add(`${e.name}=${formatValue(v)}`);
    });
    return [...parts].join('，');
  }

  private evaluate(expr: ast.Expression, scope: Scope, ctx: EvalContext): NumberValue | undefined {
    switch (expr.kind) {
      case 'quantity':
        return quantityValue(expr);
      case 'pending':
        // A value to refill: what depends on it waits, without an error of its own (BG710 says it once).
        return undefined;
      case 'whole':
        if (ctx.whole === undefined) {
          this.problem(ctx, scope, diagnostic('BG203', expr, '“_”只能用在“:”之后的校验公式中，表示某个整数，例如“{成功率 = 97.33% : _/调处}”。'));
          return undefined;
        }
        return numberValue(ctx.whole);
      case 'ref': {
        const value = this.lookup(expr.name, scope, expr, ctx.quiet);
        if (!value) return undefined;
        if (value.type === 'text') {
          const n = Number(value.text);
          if (Number.isFinite(n) && value.text.trim() !== '') return numberValue(n);
          this.problem(ctx, scope, diagnostic('BG203', expr, `“${expr.name}”是文字（${value.text}），不能参与计算。`));
          return undefined;
        }
        if (value.qualifier) ctx.approximate = true;
        return value;
      }
      case 'negation': {
        const v = this.evaluate(expr.operand, scope, ctx);
        return v ? { ...v, value: -v.value, decimals: undefined, ...(v.exact !== undefined ? { exact: exactOf(v).neg().toFixed() } : {}) } : undefined;
      }
      case 'binary': {
        const left = this.evaluate(expr.left, scope, ctx);
        const right = this.evaluate(expr.right, scope, ctx);
        if (!left || !right) return undefined;
        const result = this.combine(expr, left, right, scope, ctx);
        // Beyond what a double holds: computed again in decimal, exactly (9007199254740993 + 1 = …994).
        if (!result || !needsExact(left, right, result.value)) return result;
        const exact = fromExact(exactResult(expr.op, left, right), result);
        if (!exact) this.problem(ctx, scope, diagnostic('BG251', expr, `“${scope.file.text.slice(expr.start, expr.end)}”的结果超过 10²¹，不予打印。请核对数值或单位（如改用“万元”“亿元”）。`));
        return exact;
      }
    }
  }

  private combine(expr: ast.Binary, left: NumberValue, right: NumberValue, scope: Scope, ctx: EvalContext): NumberValue | undefined {
    const text = (e: ast.Expression) => scope.file.text.slice(e.start, e.end);
    switch (expr.op) {
      case '+':
      case '-': {
        if (left.percent !== right.percent || (left.unit && right.unit && left.unit !== right.unit)) {
          this.problem(ctx, scope, diagnostic('BG204', expr, `“${text(expr.left)}”（${describeUnit(left)}）与“${text(expr.right)}”（${describeUnit(right)}）单位不同，不能相${expr.op === '+' ? '加' : '减'}。`));
          return undefined;
        }
        const value = expr.op === '+' ? left.value + right.value : left.value - right.value;
        return numberValue(value, left.unit ?? right.unit, left.percent);
      }
      case '×':
        return numberValue(left.value * right.value, left.unit ?? right.unit, left.percent !== right.percent && !(left.unit ?? right.unit));
      case '÷': {
        ctx.hasDivision = true;
        if (right.value === 0) {
          this.problem(ctx, scope, diagnostic('BG205', expr.right, `除数“${text(expr.right)}”为零，无法计算。`));
          return undefined;
        }
        const value = left.value / right.value;
        if (left.unit && right.unit && left.unit !== right.unit) {
          this.problem(ctx, scope, { ...diagnostic('BG204', expr, `比率的分子“${text(expr.left)}”（${left.unit}）与分母“${text(expr.right)}”（${right.unit}）单位不同，请核对是否在比较同一类事物。`), severity: 'warning' as Severity });
        }
        // Like ÷ like is a pure ratio; 件 ÷ (unitless) stays 件.
        return numberValue(value, left.unit && !right.unit ? left.unit : undefined);
      }
    }
  }

  /** `{调处 同比}` → 同比增长8%; `{调处 增减}` → 增加12起. */
  private compare(node: ast.FigureNode, scope: Scope, report: boolean): string | undefined {
    const body = node.body as ast.ComparisonBody;
    const name = body.name.text;
    const current = this.lookup(name, scope, body.name, !report);
    if (!current || current.type !== 'number') return undefined;
    const fail = (message: string) => {
      if (report) this.report(scope, diagnostic('BG211', node, message));
      return undefined;
    };
    if (!this.previous) return fail(`“{${name} ${body.mode}}”需要上年报告：在文头写“@上年 上年报告.bg”。`);
    const last = this.previous.definitions.get(name);
    const before = last?.value;
    if (!before || before.type !== 'number') return fail(`上年报告中没有指标“${name}”，无法${body.mode}。`);
    if ((before.unit ?? '') !== (current.unit ?? '') || before.percent !== current.percent) {
      if (report) this.report(scope, diagnostic('BG204', node, `“${name}”今年是${describeUnit(current)}，上年是${describeUnit(before)}，单位不同，无法比较。`));
      return undefined;
    }
    if (current.value === before.value && current.exact === before.exact) return '与上年持平';
    const delta = current.value - before.value;
    if (body.mode === '增减') {
      // Values beyond a double: the difference in decimal, exactly.
      const exactly = current.exact !== undefined || before.exact !== undefined;
      const size = exactly ? exactOf(current).minus(exactOf(before)).abs() : Math.abs(delta);
      const amount = current.percent ? `${formatNumber(typeof size === 'number' ? size * 100 : size.times(100))}个百分点` : `${formatNumber(size)}${current.unit ?? ''}`;
      return `${(exactly ? exactOf(current).gt(exactOf(before)) : delta > 0) ? '增加' : '减少'}${amount}`;
    }
    if (current.percent) return `同比${delta > 0 ? '提高' : '下降'}${formatNumber(Math.abs(delta) * 100)}个百分点`;
    if (before.value === 0) return fail(`上年“${name}”为零，无法计算同比增幅；可改用“{${name} 增减}”。`);
    return `同比${delta > 0 ? '增长' : '下降'}${formatNumber((Math.abs(delta) / Math.abs(before.value)) * 100)}%`;
  }

  private problem(ctx: EvalContext, scope: Scope, d: Diagnostic): void {
    if (!ctx.quiet) this.report(scope, d);
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

/** Visits the leaves of a formula: quantities, figure references and `_`. */
function forEachOperand(expr: ast.Expression, visit: (leaf: ast.Quantity | ast.FigureRef | ast.WholeCount | ast.PendingValue) => void): void {
  // Left to right, with a stack of its own: a formula of thousands of terms needs no deep recursion.
  const pending: ast.Expression[] = [expr];
  while (pending.length > 0) {
    const e = pending.pop()!;
    if (e.kind === 'binary') pending.push(e.right, e.left);
    else if (e.kind === 'negation') pending.push(e.operand);
    else visit(e);
  }
}

function containsWhole(expr: ast.Expression): boolean {
  switch (expr.kind) {
    case 'whole':
      return true;
    case 'binary':
      return containsWhole(expr.left) || containsWhole(expr.right);
    case 'negation':
      return containsWhole(expr.operand);
    default:
      return false;
  }
}

function describeUnit(v: NumberValue): string {
  return v.percent ? '百分比' : v.unit ? `单位“${v.unit}”` : '无单位';
}
