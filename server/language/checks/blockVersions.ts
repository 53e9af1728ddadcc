// From one version of a file to the next: the blocks an edit did not touch keep their entries (found by
// their offset, not by hashing their text), and a check's last results over them are taken as they were
// (moved by the edit's length when they come after it). A keystroke re-checks the blocks it touched.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { countBefore, unchangedEnds } from '../../../grammar/index.js';
import { shiftDiagnostic } from '../../../grammar/shift.js';
import { blockCacheOn, clockNow, drop, lookUp, onForget, touch, type Entry, type LocalBlock } from './blockStore.js';
import { AttachedMap } from '../attached.js';

/**
 * A list of blocks as the caches read it, by index: an array is one; a list may also make each block when
 * first asked (blockCache.ts, the report's own blocks), as a keystroke asks for the few an edit touched.
 */
export interface BlockList<B extends LocalBlock = LocalBlock> {
  readonly length: number;
  at(index: number): B | undefined;
}

/** Which version of which file a list of blocks was cut from, and which of its blocks stand in that text. */
export interface ListVersion {
  /** The file's path and what the list holds ('own' blocks, 'prose' blocks…): one list per key is followed. */
  key: string;
  text: string;
  isOwn(block: LocalBlock): boolean;
  /** Every block is the file's own, known without asking each (the list need not make them). */
  allOwn?: true;
}

/** What a check found in one block of a list (only blocks where it found something are kept). */
export interface Hit<T = Diagnostic[]> {
  index: number;
  found: T;
}

/** What is kept of a list for the next version: not its blocks, which hold a whole model. */
interface KeptList {
  text: string;
  count: number;
  /** By block: the entry, the file key, the source's length and origin (own blocks only; -1 otherwise, and in order of offsets). */
  entries: Entry[];
  files: string[];
  lengths: Int32Array;
  origins: Int32Array;
  /** Every block is the file's own (none from a snippet): the quick way of `unchangedEnds` applies. */
  allOwn: boolean;
  /** Each check's hits over this version, by context. */
  runs: Map<string, Array<Hit<unknown>>>;
}

/** How a list stands to the last version's: its first `head` and last `tail` blocks are that version's, the tail moved by `delta` characters. */
interface ListEdit {
  last: KeptList;
  head: number;
  tail: number;
  delta: number;
}

const versions = new AttachedMap<BlockList, ListVersion>('versions');
const keptOf = new AttachedMap<BlockList, KeptList>('keptOf');
const edits = new AttachedMap<BlockList, ListEdit>('edits');
const entriesFound = new AttachedMap<BlockList, Entry[]>('entriesFound');
const lastLists = new Map<string, KeptList>();
/** Lists followed from version to version: the documents open in an editor, not a workspace's every report. */
const LISTS_KEPT = 16;
onForget(() => lastLists.clear());

/** Says where a list of blocks comes from, so that the next version's list finds its unchanged blocks by offset. */
export function describeList(list: BlockList, version: ListVersion): void {
  if (blockCacheOn()) versions.set(list, version);
}

/** The entries of a list's blocks (found once per list: every check of an analysis asks). */
export function entriesOf(list: BlockList): Entry[] {
  let entries = entriesFound.get(list);
  if (!entries) {
    const version = versions.get(list);
    entriesFound.set(list, (entries = version ? entriesAfterEdit(list, version) : lookUpAll(list)));
  }
  return entries;
}

function lookUpAll(list: BlockList): Entry[] {
  const entries = new Array<Entry>(list.length);
  for (let i = 0; i < entries.length; i++) entries[i] = lookUp(list.at(i)!);
  return entries;
}

function everyOwn(list: BlockList, version: ListVersion): boolean {
  if (version.allOwn) return true;
  for (let i = 0; i < list.length; i++) if (!version.isOwn(list.at(i)!)) return false;
  return true;
}

/**
 * A block wholly before the edit, or wholly after it, has the same source as the last version's block at
 * the same offset (moved by the edit's length): its entry is taken from there. Only the blocks the edit
 * touched (and a snippet's) are looked up by their text.
 */
function entriesAfterEdit(list: BlockList, version: ListVersion): Entry[] {
  const last = lastLists.get(version.key);
  if (last?.allOwn && everyOwn(list, version)) return entriesByEnds(list, version, last);
  const n = list.length;
  const entries = new Array<Entry>(n);
  if (!last) for (let i = 0; i < n; i++) entries[i] = lookUp(list.at(i)!);
  else {
    const since = clockNow();
    const { prefix, suffix } = unchangedEnds(last.text, version.text);
    const changedEnd = version.text.length - suffix;
    const delta = version.text.length - last.text.length;
    // The last version's index of each block after the edit that was found there (-1: none).
    const after = new Int32Array(n).fill(-1);
    let head = 0;
    // Own blocks come in the order of their offsets in both versions: the last version's are walked once.
    let j = 0;
    for (let i = 0; i < n; i++) {
      const block = list.at(i)!;
      const end = block.origin + block.length;
      const before = end <= prefix;
      const was = !version.isOwn(block) ? -1 : before ? block.origin : block.origin >= changedEnd ? block.origin - delta : -1;
      let entry: Entry | undefined;
      if (was >= 0) {
        while (j < last.count && last.origins[j]! < was) j++;
        if (j < last.count && last.origins[j] === was && last.files[j] === block.file && last.lengths[j] === block.length) entry = last.entries[j];
      }
      if (entry && !entry.evicted) {
        entries[i] = touch(entry);
        if (head === i && before && j === i) head++;
        else if (!before) after[i] = j;
      } else entries[i] = lookUp(block);
    }
    const moved = n - last.count;
    let tail = 0;
    while (tail < n - head && after[n - 1 - tail]! >= 0 && after[n - 1 - tail] === n - 1 - tail - moved) tail++;
    edits.set(list, { last, head, tail, delta });
    dropSuperseded(last, 0, last.count, since);
  }
  keep(list, version, entries);
  return entries;
}

/**
 * The last version's own blocks in [from, to) that this version did not use are the old texts of the
 * blocks an edit changed: retired, so that typing does not fill the store with every version of the
 * paragraph being written (each would live until the store is full).
 */
function dropSuperseded(last: KeptList, from: number, to: number, since: number): void {
  for (let j = from; j < to; j++) {
    const entry = last.entries[j]!;
    if (entry.used <= since && last.origins[j]! >= 0) retire(entry);
  }
}

/**
 * Old texts of edited blocks, kept for a few more edits — an undo, or a character typed and deleted
 * again, finds its results — then dropped unless used again since.
 */
const retired: Array<{ entry: Entry; at: number }> = [];
const RETIRED_KEPT = 8;
onForget(() => (retired.length = 0));

function retire(entry: Entry): void {
  retired.push({ entry, at: clockNow() });
  while (retired.length > RETIRED_KEPT) {
    const { entry: old, at } = retired.shift()!;
    if (old.used <= at) drop(old);
  }
}

function keep(list: BlockList, version: ListVersion, entries: Entry[]): void {
  const n = list.length;
  const kept = newKeptList(version.text, entries);
  for (let i = 0; i < n; i++) {
    const block = list.at(i)!;
    const own = version.isOwn(block);
    kept.files[i] = block.file;
    kept.lengths[i] = block.length;
    kept.origins[i] = own ? block.origin : -1;
    if (!own) kept.allOwn = false;
  }
  remember(list, version.key, kept);
}

/** A kept list for `entries.length` blocks of `text`, their files, lengths and origins to be filled in. */
function newKeptList(text: string, entries: Entry[]): KeptList {
  const n = entries.length;
  return { text, count: n, entries, files: new Array(n), lengths: new Int32Array(n), origins: new Int32Array(n), allOwn: true, runs: new Map() };
}

function remember(list: BlockList, key: string, kept: KeptList): void {
  keptOf.set(list, kept);
  lastLists.delete(key);
  lastLists.set(key, kept);
  while (lastLists.size > LISTS_KEPT) lastLists.delete(lastLists.keys().next().value!);
}

/**
 * The quick way, when every block is the file's own: the blocks that end before the first changed
 * character, and those that start after the last, are the last version's at the same index (counted from
 * the end for the latter), read from what was kept without asking the blocks; only the block next to
 * the edit on either side is asked (the edited line may have joined it, or cut it). The blocks between
 * are looked up by their text.
 */
function entriesByEnds(list: BlockList, version: ListVersion, last: KeptList): Entry[] {
  const since = clockNow();
  const { prefix, suffix } = unchangedEnds(last.text, version.text);
  const delta = version.text.length - last.text.length;
  const n = list.length;
  let head = 0;
  // A block with no text (an empty heading: origin 0, length 0) is not placed by its offset: it stops both counts.
  while (head < Math.min(n, last.count) && last.lengths[head]! > 0 && last.origins[head]! + last.lengths[head]! <= prefix) head++;
  while (head > 0 && !sameBlock(list.at(head - 1)!, last, head - 1, 0)) head--;
  const oldEnd = last.text.length - suffix;
  let tail = 0;
  while (tail < Math.min(n, last.count) - head && last.lengths[last.count - 1 - tail]! > 0 && last.origins[last.count - 1 - tail]! >= oldEnd) tail++;
  while (tail > 0 && !sameBlock(list.at(n - tail)!, last, last.count - tail, delta)) tail--;
  const entries = new Array<Entry>(n);
  const kept = newKeptList(version.text, entries);
  const moved = n - last.count;
  for (let i = 0; i < n; i++) {
    const j = i < head ? i : i >= n - tail ? i - moved : -1;
    const entry = j >= 0 ? last.entries[j]! : undefined;
    entries[i] = entry && !entry.evicted ? touch(entry) : lookUp(list.at(i)!);
    if (j >= 0) {
      kept.files[i] = last.files[j]!;
      kept.lengths[i] = last.lengths[j]!;
      kept.origins[i] = last.origins[j]! + (i < head ? 0 : delta);
    } else {
      const block = list.at(i)!;
      [kept.files[i], kept.lengths[i], kept.origins[i]] = [block.file, block.length, block.origin];
    }
  }
  edits.set(list, { last, head, tail, delta });
  dropSuperseded(last, head, last.count - tail, since);
  remember(list, version.key, kept);
  return entries;
}

/** Whether a block is the last version's `j`th, moved by `delta`. */
function sameBlock(block: LocalBlock, last: KeptList, j: number, delta: number): boolean {
  return block.origin === last.origins[j]! + delta && block.length === last.lengths[j] && block.file === last.files[j];
}

/**
 * The hits of one check (`context` names it and what it depends on) over a list: `perBlock(i)` for the
 * blocks the edit touched, the last version's hits for the others (`move` moves one by the edit's length).
 */
export function runOverList<T>(list: BlockList, context: string, perBlock: (index: number) => T | undefined, move: (found: T, delta: number) => T): Array<Hit<T>> {
  const edit = edits.get(list);
  const before = edit?.last.runs.get(context) as Array<Hit<T>> | undefined;
  const n = list.length;
  const hits = edit && before ? hitsAfterEdit(edit, before, n, perBlock, move) : hitsOf(0, n, perBlock);
  keptOf.get(list)?.runs.set(context, hits);
  return hits;
}

/** The hits of `perBlock` over the blocks [from, to). */
function hitsOf<T>(from: number, to: number, perBlock: (index: number) => T | undefined): Array<Hit<T>> {
  const hits: Array<Hit<T>> = [];
  for (let i = from; i < to; i++) {
    const found = perBlock(i);
    if (found !== undefined) hits.push({ index: i, found });
  }
  return hits;
}

/**
 * The last version's hits before the edit as they were, the blocks between found again, the hits after
 * it moved; in one array made at its size (a check may have thousands of hits after the edit).
 */
function hitsAfterEdit<T>(edit: ListEdit, before: ReadonlyArray<Hit<T>>, n: number, perBlock: (index: number) => T | undefined, move: (found: T, delta: number) => T): Array<Hit<T>> {
  const fresh = hitsOf(edit.head, n - edit.tail, perBlock);
  // In block order: the hits before the edit come first, those after it (from the block firstKept) last.
  const headCount = hitsBefore(before, edit.head);
  const tailFrom = edit.tail ? hitsBefore(before, edit.last.count - edit.tail) : before.length;
  const hits = new Array<Hit<T>>(headCount + fresh.length + before.length - tailFrom);
  let h = 0;
  for (let k = 0; k < headCount; k++) hits[h++] = before[k]!;
  for (const hit of fresh) hits[h++] = hit;
  const moved = n - edit.last.count;
  for (let k = tailFrom; k < before.length; k++) {
    const hit = before[k]!;
    hits[h++] = { index: hit.index + moved, found: edit.delta ? move(hit.found, edit.delta) : hit.found };
  }
  return hits;
}

/** How many of the hits (in block order) are on blocks before `index`. */
function hitsBefore(hits: ReadonlyArray<Hit<unknown>>, index: number): number {
  return countBefore(hits.length, (i) => hits[i]!.index < index);
}

/** The diagnostics of one check over a list (see runOverList), block by block. */
export function diagnosticsOverList(list: BlockList, context: string, perBlock: (index: number) => readonly Diagnostic[]): Array<Hit<readonly Diagnostic[]>> {
  return runOverList(list, context, (i) => {
    const found = perBlock(i);
    return found.length ? found : undefined;
  }, (found, delta) => found.map((d) => shiftDiagnostic(d, delta)));
}
