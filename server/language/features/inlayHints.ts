// Inlay hints: computed values after formulas, rendered numbers before headings.
import type { ReportModel } from '../model.js';
import { formatValue } from '../values.js';

export interface InlayHint {
  offset: number;
  label: string;
  kind: 'value' | 'number';
}

export function inlayHints(model: ReportModel, start: number, end: number): InlayHint[] {
  const out: InlayHint[] = [];
  const inRange = (o: number) => o >= start && o <= end;
  for (const def of model.figures.allDefinitions) {
    if (def.scope.file !== model.file || !def.value || !def.body.value || def.body.value.kind === 'quantity') continue;
    if (inRange(def.node.end)) out.push({ offset: def.node.end, label: `= ${formatValue(def.value)}`, kind: 'value' });
  }
  for (const placed of model.blocks) {
    if (placed.block.kind !== 'heading' || placed.scope.file !== model.file || !placed.number) continue;
    const at = placed.block.line.marker.end;
    const first = placed.block.content[0];
    const offset = first ? first.start : at;
    if (inRange(offset)) out.push({ offset, label: placed.number, kind: 'number' });
  }
  return out.sort((a, b) => a.offset - b.offset);
}
