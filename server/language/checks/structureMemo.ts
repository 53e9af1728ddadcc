// Checks across the report's structure (its headings and parts) find the same after an edit inside one
// line of prose (the model's structureId is the last version's): their last diagnostics are taken, moved
// by the edit's length. A diagnostic on the edited line itself (the first line's span…) is found again.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { lineEndAt, lineStartAt, unchangedEnds } from '../../../grammar/index.js';
import type { ReportModel } from '../model.js';
import { blockCacheOn, onForget } from './blockStore.js';

interface Kept {
  structureId: number;
  text: string;
  found: Diagnostic[];
}

const kept = new Map<string, Kept>();
/** Checks times reports open in an editor. */
const KEPT = 64;
onForget(() => kept.clear());

/** `run()`, or the last result of the check `key` names (with its settings) on this report while its structure is the same. */
export function sameStructure(key: string, model: ReportModel, run: () => Diagnostic[]): Diagnostic[] {
  if (!blockCacheOn()) return run();
  const slot = `${key}\u0000${model.file.path}`;
  const last = kept.get(slot);
  const found = (last?.structureId === model.structureId ? moved(last, model.file.text) : undefined) ?? run();
  kept.delete(slot);
  kept.set(slot, { structureId: model.structureId, text: model.file.text, found });
  while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return found;
}

/** The last diagnostics in the new text; undefined when one of them is on the edited line. */
function moved(last: Kept, text: string): Diagnostic[] | undefined {
  if (last.text === text) return last.found;
  const { prefix, suffix } = unchangedEnds(last.text, text);
  const lineStart = lineStartAt(last.text, prefix);
  const lineEnd = lineEndAt(last.text, last.text.length - suffix);
  const delta = text.length - last.text.length;
  const out: Diagnostic[] = [];
  // Each span on its own: a fix may edit a place after the line for a diagnostic before it.
  const move = <S extends { start: number; end: number }>(s: S): S => (s.start > lineEnd ? { ...s, start: s.start + delta, end: s.end + delta } : s);
  for (const d of last.found) {
    if (d.uri !== undefined) out.push(d);
    else if (touches(d, lineStart, lineEnd)) return undefined;
    else out.push(d.fixes ? { ...move(d), fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map(move) })) } : move(d));
  }
  return out;
}

/** Whether a diagnostic (or one of its fixes) has a position on the line [start, end] or spans it. */
function touches(d: Diagnostic, start: number, end: number): boolean {
  const spans = [d, ...(d.fixes ?? []).flatMap((f) => f.edits)];
  return spans.some((s) => s.end >= start && s.start <= end);
}
