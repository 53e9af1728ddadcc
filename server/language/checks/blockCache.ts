// Results of block-local checks, remembered by the block's source text: a keystroke re-checks the one
// block it touched, and every other block's diagnostics are copied with their offsets moved.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { shiftDiagnostic } from '../../../grammar/shift.js';

/** A block as a local check sees it: its text alone decides the result (plus the check's context). */
export interface LocalBlock {
  /** The block's source text (with everything between its first and last character). */
  source: string;
  /** Where the source starts in its file. */
  origin: number;
  /** The file, when it is not the checked report (a snippet): part of the key, as diagnostics carry it. */
  file: string;
}

const LIMIT = 20_000;
/** By block (file and source), then by check context: one key string per block, however many checks. */
const results = new Map<string, Map<string, Diagnostic[]>>();

/**
 * Runs `check` on every block, or takes its remembered result. `context` names the check and whatever
 * else its result depends on (settings, the reporting year), so a change of those is a different key.
 */
let enabled = true;

/** Turns remembering off (a test compares remembered results with computed ones). */
export function useBlockCache(on: boolean): void {
  enabled = on;
}

export function cachedPerBlock<B extends LocalBlock>(context: string, blocks: Iterable<B>, check: (block: B) => Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!enabled) {
    for (const block of blocks) out.push(...check(block));
    return out;
  }
  for (const block of blocks) {
    const key = `${block.file}\u0000${block.source}`;
    let byContext = results.get(key);
    if (byContext) {
      // Most recently used last: the oldest entry goes first when the cache is full.
      results.delete(key);
    } else {
      byContext = new Map();
      if (results.size >= LIMIT) evictOldest(LIMIT / 10);
    }
    results.set(key, byContext);
    let relative = byContext.get(context);
    if (!relative) byContext.set(context, (relative = check(block).map((d) => shiftDiagnostic(d, -block.origin))));
    for (const d of relative) out.push(shiftDiagnostic(d, block.origin));
  }
  return out;
}

/**
 * Drops the `count` least recently used entries in one pass. (One at a time, each eviction's
 * `keys().next()` walks past every entry deleted before it: a report of more blocks than the limit —
 * 3 MB — went quadratic, 28 s to check.)
 */
function evictOldest(count: number): void {
  for (const key of results.keys()) {
    if (count-- <= 0) break;
    results.delete(key);
  }
}
