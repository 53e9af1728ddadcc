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

/** A check's diagnostics in a block, as found at `origin` (taken as they are when the block is there again). */
export interface BlockResult {
  origin: number;
  found: readonly Diagnostic[];
}

/**
 * What is remembered of a block, by key: each check context's BlockResult, whether the source passes a
 * check's test (cachedPerPlaced's `needs`), what checks across the report read of it (blockSummaries.ts).
 */
export interface Entry {
  /**
   * By the key's slot (slotOf). An array, not a map per block: a first check fills some 40 keys in each of
   * tens of thousands of blocks, and the maps (grown four times each, three per block) were a fifth of the
   * check of a report of 20,000 headings, with their garbage.
   */
  slots: unknown[];
  /** Keys without a slot (a context made per block; keys beyond SLOT_LIMIT), made when first needed. */
  byKey?: Map<string, unknown>;
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
 * The slot of each key: the keys are a few dozen (each check's context, test and summary names, with the
 * year or the settings' identity in some), the same for every block. Past SLOT_LIMIT (settings changed
 * hundreds of times in one session) a key is kept in the entry's own map instead: a slot is never reused,
 * so an entry in hand never reads another key's value.
 */
const slotByKey = new Map<string, number>();
const SLOT_LIMIT = 256;

/** The slot of a key, or -1: kept in `byKey` (see above). Asked once per check and list, not per block. */
export function slotOf(key: string): number {
  let slot = slotByKey.get(key);
  if (slot === undefined) {
    if (slotByKey.size >= SLOT_LIMIT) return -1;
    slotByKey.set(key, (slot = slotByKey.size));
  }
  return slot;
}

/** What an entry holds under a key (its slot from slotOf, or -1); undefined: nothing yet. */
export function recall(entry: Entry, slot: number, key: string): unknown {
  return slot >= 0 ? entry.slots[slot] : entry.byKey?.get(key);
}

/** Keeps a value under a key (undefined is not a value: see recall). */
export function keepIn(entry: Entry, slot: number, key: string, value: unknown): void {
  if (slot >= 0) entry.slots[slot] = value;
  else (entry.byKey ??= new Map()).set(key, value);
}

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

/** How much is remembered, what the last check used of it, and (a test) the limits: `limits()` alone reads them. */
export function blockCacheLimits(set?: { blocks: number; characters: number }): { blocks: number; characters: number; held: { blocks: number; characters: number }; lastCheck: { blocks: number; characters: number } } {
  if (set) [BLOCK_LIMIT, CHARACTER_LIMIT] = [set.blocks, set.characters];
  return { blocks: BLOCK_LIMIT, characters: CHARACTER_LIMIT, held: { blocks, characters }, lastCheck: { ...usedByCheck } };
}

/**
 * The clock when the report check now running began (-1: none), and the blocks and characters of the
 * entries it has used so far. What a check uses is not evicted before it ends: a report with more blocks
 * than the limits (50,000 short paragraphs) otherwise evicted a quarter of its own entries at each
 * keystroke, and the next keystroke looked them up and checked them again (0.5 s a keystroke at 1.5 MB).
 * The store keeps its limits, or the last check's blocks when they alone are more (bounded by the
 * largest report analysed; its model holds those blocks anyway).
 */
let checkStart = -1;
let checkDepth = 0;
const usedByCheck = { blocks: 0, characters: 0 };

/** Runs a report's check (checks/index.ts): the store is trimmed to its limits when it ends, sparing what it used. */
export function duringCheck<T>(work: () => T): T {
  if (checkDepth++ === 0) {
    checkStart = clock;
    usedByCheck.blocks = usedByCheck.characters = 0;
  }
  try {
    return work();
  } finally {
    if (--checkDepth === 0) {
      trim();
      checkStart = -1;
    }
  }
}

/** Whether the store is beyond its limits. */
function full(adding = 0): boolean {
  return blocks > 0 && (blocks >= BLOCK_LIMIT || characters + adding > CHARACTER_LIMIT);
}

/**
 * After a check: drops the least recently used entries the check did not use (down to three quarters of
 * the limits at once: a full store stays cheap to fill). Counted, not searched, when nothing else is held.
 */
function trim(): void {
  if (!full() || blocks <= usedByCheck.blocks) return;
  const old: Entry[] = [];
  for (const byFile of results.values()) for (const entry of byFile.values()) if (entry.used <= checkStart) old.push(entry);
  old.sort((a, b) => a.used - b.used);
  for (const entry of old) {
    if (blocks <= (BLOCK_LIMIT * 3) >> 2 && characters <= (CHARACTER_LIMIT * 3) >> 2) break;
    drop(entry);
  }
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
  usedByCheck.blocks = usedByCheck.characters = 0;
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
  if (checkStart >= 0 && entry.used <= checkStart) counted(entry, 1);
  entry.used = ++clock;
  return entry;
}

/** Counts an entry in (1) or out (-1) of what the running check uses. */
function counted(entry: Entry, sign: 1 | -1): void {
  usedByCheck.blocks += sign;
  usedByCheck.characters += sign * entry.length;
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
  if (checkStart >= 0 && entry.used > checkStart) counted(entry, -1);
  entry.evicted = true;
  blocks--;
  characters -= entry.length;
}

/** The entry of a block, found by its file and source, or a new one. */
export function lookUp(block: LocalBlock): Entry {
  const known = results.get(block.file)?.get(block.source);
  if (known) return touch(known);
  // During a report's check the store is trimmed when the check ends (duringCheck), not here.
  if (checkStart < 0) while (full(block.source.length)) evictLeastRecent();
  // The file's map is taken after evicting: an eviction that empties it also removes it from the store.
  let byFile = results.get(block.file);
  if (!byFile) results.set(block.file, (byFile = new Map()));
  const source = detached(block.source);
  const fresh: Entry = { slots: new Array(slotByKey.size), used: ++clock, length: block.source.length, file: block.file, source };
  byFile.set(source, fresh);
  blocks++;
  characters += fresh.length;
  if (checkStart >= 0) counted(fresh, 1);
  return fresh;
}

/** Drops the least recently used quarter of the entries (at once: a full store stays cheap to fill). */
function evictLeastRecent(): void {
  const all: Entry[] = [];
  for (const byFile of results.values()) for (const entry of byFile.values()) all.push(entry);
  all.sort((a, b) => a.used - b.used);
  for (const entry of all.slice(0, Math.max(1, all.length >> 2))) drop(entry);
}
