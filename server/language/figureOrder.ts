// The order figures are resolved in: each definition after the ones its formulas depend on, found by an
// iterative depth-first walk (a chain of thousands of figures needs no deep recursion), with the cycles
// of formulas and the chains too deep to follow (BG904) set aside.
import type { FigureDefinition } from './model.js';

/** Figures may depend on figures this many levels deep (BG904); evaluation is iterative, not recursive. */
export const MAX_FIGURE_CHAIN = 5000;

export interface Resolver {
  /** The definitions a definition's formulas refer to, in evaluation order. */
  dependencies(definition: FigureDefinition): FigureDefinition[];
  resolve(definition: FigureDefinition): void;
  /** A definition past `limit` levels of dependencies: left unevaluated. */
  tooDeep(definition: FigureDefinition, limit: number): void;
}

/**
 * Resolves every definition after the ones it depends on (post-order of an iterative depth-first walk,
 * in the order the recursive evaluation would take), so that a chain of thousands of figures needs no
 * deep recursion. Definitions on a cycle are added to `cyclic` and left to `resolve`, which reports the
 * cycle (BG203).
 */
export function resolveInOrder(definitions: readonly FigureDefinition[], cyclic: Set<FigureDefinition>, resolver: Resolver): void {
  const state = new Map<FigureDefinition, 'open' | 'closed'>();
  const depth = new Map<FigureDefinition, number>();
  for (const root of definitions) {
    if (state.has(root)) continue;
    state.set(root, 'open');
    const stack = [{ definition: root, dependencies: resolver.dependencies(root), next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.dependencies.length) {
        const dependency = top.dependencies[top.next++]!;
        const seen = state.get(dependency);
        if (seen === undefined) {
          state.set(dependency, 'open');
          stack.push({ definition: dependency, dependencies: resolver.dependencies(dependency), next: 0 });
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
      if (level > MAX_FIGURE_CHAIN) resolver.tooDeep(top.definition, MAX_FIGURE_CHAIN);
      else resolver.resolve(top.definition);
    }
  }
}
