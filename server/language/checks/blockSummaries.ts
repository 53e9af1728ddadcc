// Checks across the whole report (the titles cited in it, the short titles it defines…) read a little of
// every block: that little is found once per block and remembered with the block's results, and what the
// check finds from all of them is remembered while they stay the same. A keystroke then reads one block.
import { blockCacheOn, keepIn, onForget, recall, slotOf, type LocalBlock } from './blockStore.js';
import { entriesOf, runOverList, type BlockList, type Hit } from './blockVersions.js';

/**
 * What `summarize` gives for the blocks of a list where it gives anything (undefined: nothing, as for most
 * blocks), remembered by the block's text (it must read nothing else); for the blocks an edit did not
 * touch, the last version's (runOverList), so that a keystroke asks one block.
 */
export function summariesOf<B extends LocalBlock, S>(name: string, list: BlockList<B>, summarize: (block: B) => S | undefined): Array<Hit<S>> {
  if (!blockCacheOn()) {
    const hits: Array<Hit<S>> = [];
    for (let index = 0; index < list.length; index++) {
      const found = summarize(list.at(index)!);
      if (found !== undefined) hits.push({ index, found });
    }
    return hits;
  }
  const entries = entriesOf(list);
  const key = `summary\u0000${name}`;
  const slot = slotOf(key);
  return runOverList(list, key, (i) => {
    const kept = recall(entries[i]!, slot, key);
    if (kept !== undefined) return kept === NO_SUMMARY ? undefined : (kept as S);
    const summary = summarize(list.at(i)!);
    keepIn(entries[i]!, slot, key, summary === undefined ? NO_SUMMARY : summary);
    return summary;
  }, (found) => found);
}

/** Kept for a block where `summarize` gave nothing (most blocks): undefined is "not asked yet". */
const NO_SUMMARY = Symbol('no summary');

/** Last results of `combinedOnce`, by key: one per check and report open in an editor. */
const combined = new Map<string, { parts: ReadonlyArray<Hit<unknown>>; result: unknown }>();
const COMBINED_KEPT = 64;
onForget(() => combined.clear());

/**
 * `combine()`, or its last result under `key` when the parts it reads (summariesOf) are the same as then:
 * at the same blocks, the same objects or arrays of the same primitives. `key` names the check and whatever else its result depends on; the
 * result must say where by block index (not by offset, which an edit moves).
 */
export function combinedOnce<S, R>(key: string, parts: ReadonlyArray<Hit<S>>, combine: () => R): R {
  if (!blockCacheOn()) return combine();
  const last = combined.get(key);
  if (last && sameParts(last.parts, parts)) return last.result as R;
  const result = combine();
  combined.delete(key);
  combined.set(key, { parts, result });
  while (combined.size > COMBINED_KEPT) combined.delete(combined.keys().next().value!);
  return result;
}

function sameParts(a: ReadonlyArray<Hit<unknown>>, b: ReadonlyArray<Hit<unknown>>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x.index !== y.index || (x.found !== y.found && !sameItems(x.found, y.found))) return false;
  }
  return true;
}

function sameItems(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
