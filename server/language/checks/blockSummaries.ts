// Checks across the whole report (the titles cited in it, the short titles it defines…) read a little of
// every block: that little is found once per block and remembered with the block's results, and what the
// check finds from all of them is remembered while they stay the same. A keystroke then reads one block.
import { blockCacheOn, onForget, type LocalBlock } from './blockStore.js';
import { entriesOf } from './blockVersions.js';

/** What `summarize` gives for each block of a list, remembered by the block's text (it must read nothing else). */
export function summariesOf<B extends LocalBlock, S>(name: string, list: readonly B[], summarize: (block: B) => S): S[] {
  if (!blockCacheOn()) return list.map(summarize);
  const entries = entriesOf(list);
  const out = new Array<S>(list.length);
  for (let i = 0; i < list.length; i++) {
    const summaries = entries[i]!.summaries;
    let summary = summaries.get(name) as S | undefined;
    if (summary === undefined) summaries.set(name, (summary = summarize(list[i]!)));
    out[i] = summary;
  }
  return out;
}

/** Last results of `combinedOnce`, by key: one per check and report open in an editor. */
const combined = new Map<string, { parts: readonly unknown[]; result: unknown }>();
const COMBINED_KEPT = 64;
onForget(() => combined.clear());

/**
 * `combine(parts)`, or its last result under `key` when every part is the same as then (the same object,
 * or an array of the same primitives). `key` names the check and whatever else its result depends on; the
 * result must say where by block index (not by offset, which an edit moves).
 */
export function combinedOnce<S, R>(key: string, parts: readonly S[], combine: (parts: readonly S[]) => R): R {
  if (!blockCacheOn()) return combine(parts);
  const last = combined.get(key);
  if (last && sameParts(last.parts, parts)) return last.result as R;
  const result = combine(parts);
  combined.delete(key);
  combined.set(key, { parts, result });
  while (combined.size > COMBINED_KEPT) combined.delete(combined.keys().next().value!);
  return result;
}

function sameParts(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameItems(a[i], b[i])) return false;
  return true;
}

function sameItems(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
