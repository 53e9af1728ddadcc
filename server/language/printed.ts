// Inline content as it prints: figures resolved, labels dropped, a figure that cannot be resolved
// exactly as typed. The renderer, the checks and the editor features all print through here.
import type * as ast from '../../grammar/index.js';
import type { Figures, Scope } from './model.js';

export function printInlines(nodes: readonly ast.Inline[], scope: Scope, figures: Figures): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
      case 'stray':
      case 'escape':
        out += node.text;
        break;
      case 'citation':
        out += `《${printInlines(node.children, scope, figures)}${node.closed ? '》' : ''}`;
        break;
      case 'figure':
        out += figures.printed(node, scope) ?? scope.file.text.slice(node.start, node.end);
        break;
    }
  }
  return out;
}
