// The store behind blockCache.ts: what is remembered of each block, by file and source text, bounded
// in blocks and characters (the least recently used go first).
import type { Diagnostic } from '../../../grammar/diagnostic.js';

/** A block as a local check sees it: its text alone decides the result (plus the check's context). */
export interface LocalBlock {
  /** The block's source text (with everything between its first and last character). */
  source: string;
  /** Where the source starts in its file, and its length (read without slicing the source). */
  origin: number;
  length: number;
  /** The file, when it is not the checked report (a snippet): part of the key, as diagnostics carry it. */
  file: string;
}

/** What is remembered of a block: results by check context, and which source tests it passes. */
export interface Entry {
  /** Diagnostics by check context, as found at `origin` (taken as they are when the block is there again). */
  results: Map<string, { origin: number; found: readonly Diagnostic[] }>;
  /** Whether the source passes each check's test, by the check's name (cachedPerPlaced's `needs`). */
  wants: Map<string, boolean>;
  /** What checks across the report read of the block, by name (blockSummaries.ts). */
  summaries: Map<string, unknown>;
  /** When it was last used (the clock below), and its source's length. */
  used: number;
  length: number;
  /** Where the store holds it: its file and source (the keys it is dropped by). */
  file: string;
  source: string;
  /** Dropped from the store (a later version must look its block up again). */
  evicted?: true;
}

/**
 * Blocks and characters remembered at most, whatever the number of keystrokes or files: a 3 MB report
 * (about two million characters of blocks, counting its prose blocks too) and change — some 12 MB of text.
 */
let BLOCK_LIMIT = 100_000;
let CHARACTER_LIMIT = 6 * 1024 * 1024;
/**
 * By file, then by block source. The source is the same string object for every check of one analysis,
 * so its hash is computed once (a key joined per lookup would be hashed each time).
 */
const results = new Map<string, Map<string, Entry>>();
let clock = 0;
let blocks = 0;
let characters = 0;

let enabled = true;
const forgetters: Array<() => void> = [];

/** Turns remembering off (a test compares remembered results with computed ones; the benchmark's cold runs). */
export function useBlockCache(on: boolean): void {
  enabled = on;
}

/**
 * Runs `work` with nothing remembered: a check made once (a closed file of the workspace, a Word file, the
 * command's reports) is 1.4–1.8 times slower through the store than without it, and would push out the
 * blocks of the reports being typed in.
 */
export function withoutBlockCache<T>(work: () => T): T {
  const was = enabled;
  enabled = false;
  try {
    return work();
  } finally {
    enabled = was;
  }
}

/** Whether block results are remembered: other per-block memos (citations.ts) follow the same switch. */
export function blockCacheOn(): boolean {
  return enabled;
}

/** How much is remembered, and (a test) the limits: `limits()` alone reads them. */
export function blockCacheLimits(set?: { blocks: number; characters: number }): { blocks: number; characters: number; held: { blocks: number; characters: number } } {
  if (set) [BLOCK_LIMIT, CHARACTER_LIMIT] = [set.blocks, set.characters];
  return { blocks: BLOCK_LIMIT, characters: CHARACTER_LIMIT, held: { blocks, characters } };
}

/** Memos built on the store that must be dropped with it. */
export function onForget(forget: () => void): void {
  forgetters.push(forget);
}

/** Forgets every remembered block result. */
export function forgetBlockResults(): void {
  results.clear();
  for (const forget of forgetters) forget();
  blocks = 0;
  characters = 0;
}

/**
 * A copy of a block's source that does not hold on to the whole text it was sliced from (V8 keeps the
 * parent of a slice alive): a remembered block must not keep every old version of the report in memory.
 */
export function detached(source: string): string {
  return source.length < 16 ? source : (` ${source}`).slice(1);
}

/** Marks an entry as used now: the least recently used go first when the store is full. */
export function touch(entry: Entry): Entry {
  entry.used = ++clock;
  return entry;
}

/** The clock's reading: entries used after it have a later `used`. */
export function clockNow(): number {
  return clock;
}

/** Drops an entry from the store (a later lookup of its block makes a new one). */
export function drop(entry: Entry): void {
  if (entry.evicted) return;
  const byFile = results.get(entry.file);
  byFile?.delete(entry.source);
  if (byFile?.size === 0) results.delete(entry.file);
  entry.evicted = true;
  blocks--;
  characters -= entry.length;
}

/** The entry of a block, found by its file and source, or a new one. */
export function lookUp(block: LocalBlock): Entry {
  const known = results.get(block.file)?.get(block.source);
  if (known) return touch(known);
  while (blocks > 0 && (blocks >= BLOCK_LIMIT || characters + block.source.length > CHARACTER_LIMIT)) evictLeastRecent();
  // The file's map is taken after evicting: an eviction that empties it also removes it from the store.
  let byFile = results.get(block.file);
  if (!byFile) results.set(block.file, (byFile = new Map()));
  const source = detached(block.source);
  const fresh: Entry = { results: new Map(), wants: new Map(), summaries: new Map(), used: ++clock, length: block.source.length, file: block.file, source };
  byFile.set(source, fresh);
  blocks++;
  characters += fresh.length;
  return fresh;
}

/** Drops the least recently used quarter of the entries (at once: a full store stays cheap to fill). */
function evictLeastRecent(): void {
  const all: Entry[] = [];
  for (const byFile of results.values()) for (const entry of byFile.values()) all.push(entry);
  all.sort((a, b) => a.used - b.used);
  for (const entry of all.slice(0, Math.max(1, all.length >> 2))) drop(entry);
}
