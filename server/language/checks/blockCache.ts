// Results of block-local checks, remembered by the block's source text: a keystroke re-checks the one
// block it touched, and every other block's diagnostics are copied with their offsets moved.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { shiftDiagnostic } from '../../../grammar/shift.js';
import type { PlacedBlock, ReportModel } from '../model.js';

/** A block as a local check sees it: its text alone decides the result (plus the check's context). */
export interface LocalBlock {
  /** The block's source text (with everything between its first and last character). */
  source: string;
  /** Where the source starts in its file. */
  origin: number;
  /** The file, when it is not the checked report (a snippet): part of the key, as diagnostics carry it. */
  file: string;
}

/**
 * Blocks and characters remembered at most, whatever the number of keystrokes or files: a 3 MB report
 * (about two million characters of blocks, counting its prose blocks too) and change — some 12 MB of text.
 */
let BLOCK_LIMIT = 100_000;
let CHARACTER_LIMIT = 6 * 1024 * 1024;
/**
 * By file, then by block source, then by check context. The source is the same string object for every
 * check of one analysis, so its hash is computed once (a key joined per lookup would be hashed each time).
 */
const results = new Map<string, Map<string, Entry>>();
/** What is remembered of a block: results by check context, and which source tests it passes. */
interface Entry {
  results: Map<string, Diagnostic[]>;
  wants: Map<(source: string) => boolean, boolean>;
  /** When it was last used (the clock below), and its source's length. */
  used: number;
  length: number;
}
let clock = 0;
let blocks = 0;
let characters = 0;

let enabled = true;

/** Turns remembering off (a test compares remembered results with computed ones; the benchmark's cold runs). */
export function useBlockCache(on: boolean): void {
  enabled = on;
}

/** How much is remembered, and (a test) the limits: `limits()` alone reads them. */
export function blockCacheLimits(set?: { blocks: number; characters: number }): { blocks: number; characters: number; held: { blocks: number; characters: number } } {
  if (set) [BLOCK_LIMIT, CHARACTER_LIMIT] = [set.blocks, set.characters];
  return { blocks: BLOCK_LIMIT, characters: CHARACTER_LIMIT, held: { blocks, characters } };
}

/** Forgets every remembered block result. */
export function forgetBlockResults(): void {
  results.clear();
  blocks = 0;
  characters = 0;
}

/** Whether block results are remembered: other per-block memos (citations.ts) follow the same switch. */
export function blockCacheOn(): boolean {
  return enabled;
}

/**
 * A copy of a block's source that does not hold on to the whole text it was sliced from (V8 keeps the
 * parent of a slice alive): a remembered block must not keep every old version of the report in memory.
 */
export function detached(source: string): string {
  return source.length < 16 ? source : (` ${source}`).slice(1);
}

/**
 * The entries of a list of blocks (one analysis's), once found: every check of the analysis asks for
 * them, and finding one hashes and compares the block's whole text.
 */
const found = new WeakMap<readonly LocalBlock[], Entry[]>();

function entriesFor(list: readonly LocalBlock[]): Entry[] {
  let entries = found.get(list);
  if (!entries) found.set(list, (entries = list.map(lookUp)));
  return entries;
}

/** The results remembered for a block, marked as used now (the least recently used go first when full). */
function lookUp(block: LocalBlock): Entry {
  let byFile = results.get(block.file);
  if (!byFile) results.set(block.file, (byFile = new Map()));
  const known = byFile.get(block.source);
  if (known) {
    known.used = ++clock;
    return known;
  }
  while (blocks > 0 && (blocks >= BLOCK_LIMIT || characters + block.source.length > CHARACTER_LIMIT)) evictLeastRecent();
  const fresh: Entry = { results: new Map(), wants: new Map(), used: ++clock, length: block.source.length };
  byFile.set(detached(block.source), fresh);
  blocks++;
  characters += fresh.length;
  return fresh;
}

/** Drops the least recently used quarter of the entries (at once: a full cache stays cheap to fill). */
function evictLeastRecent(): void {
  const all: Array<{ file: string; source: string; entry: Entry }> = [];
  for (const [file, byFile] of results) for (const [source, entry] of byFile) all.push({ file, source, entry });
  all.sort((a, b) => a.entry.used - b.entry.used);
  for (const { file, source, entry } of all.slice(0, Math.max(1, all.length >> 2))) {
    const byFile = results.get(file)!;
    byFile.delete(source);
    if (byFile.size === 0) results.delete(file);
    blocks--;
    characters -= entry.length;
  }
}

/**
 * Runs `check` on every block, or takes its remembered result. `context` names the check and whatever
 * else its result depends on (settings, the reporting year), so a change of those is a different key.
 */
export function cachedPerBlock<B extends LocalBlock>(context: string, list: readonly B[], check: (block: B) => readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!enabled) {
    for (const block of list) out.push(...check(block));
    return out;
  }
  const entries = entriesFor(list);
  list.forEach((block, i) => remembered(entries[i]!, context, block, () => check(block), out));
  return out;
}

/** Takes a block's result for a context from its entry, or computes and remembers it; adds it to `out`. */
function remembered(entry: Entry, context: string, block: LocalBlock, check: () => readonly Diagnostic[], out: Diagnostic[]): void {
  let relative = entry.results.get(context);
  if (!relative) entry.results.set(context, (relative = check().map((d) => shiftDiagnostic(d, -block.origin))));
  for (const d of relative) out.push(shiftDiagnostic(d, block.origin));
}

/**
 * The whole lines a block stands on, line break included: its key. A line parses differently with and
 * without what surrounds its nodes (a broken figure at the end of the file is kept as typed, with a line
 * break after it it is a figure), so the nodes' span alone would give two parses one remembered result.
 */
export function wholeLines(text: string, start: number, end: number): { origin: number; source: string } {
  // Character codes, not characters: reading a Chinese character as a string allocates one.
  const lineBreak = (at: number) => {
    const c = text.charCodeAt(at);
    return c === 10 || c === 13;
  };
  let origin = start;
  while (origin > 0 && !lineBreak(origin - 1)) origin--;
  let through = end;
  while (through < text.length && !lineBreak(through)) through++;
  if (text.charCodeAt(through) === 13) through++;
  if (text.charCodeAt(through) === 10) through++;
  return { origin, source: text.slice(origin, through) };
}

/** The report's own blocks as keys (kind, and a list's attachment, are part of them); a snippet's block: undefined. */
const ownBlocks = new WeakMap<ReportModel, { locals: LocalBlock[]; at: Array<number | undefined> }>();

function ownBlocksOf(model: ReportModel): { locals: LocalBlock[]; at: Array<number | undefined> } {
  let own = ownBlocks.get(model);
  if (!own) {
    const locals: LocalBlock[] = [];
    const at = model.blocks.map(({ block, scope }) => {
      if (scope.file !== model.file) return undefined;
      const kind = block.kind === 'list' ? `list${block.attached ? '+' : ''}` : block.kind;
      return locals.push({ ...wholeLines(model.file.text, block.start, block.end), file: `\u0000${kind}` }) - 1;
    });
    ownBlocks.set(model, (own = { locals, at }));
  }
  return own;
}

/**
 * Runs `check` on every placed block of the model, remembering the results of the blocks written in the
 * report itself by their text (a snippet's blocks depend on their scope: they are always checked). The
 * check must read nothing but the block, and place its diagnostics inside it; `context` is as above, or
 * made for each block (the values of the figures it reads).
 */
export function cachedPerPlaced(
  context: string | ((placed: PlacedBlock) => string),
  model: ReportModel,
  check: (placed: PlacedBlock) => Diagnostic[],
  /** A test of the block's source without which the check finds nothing (its result is remembered too). */
  needs?: (source: string) => boolean,
): Diagnostic[] {
  if (!enabled) return model.blocks.flatMap(check);
  const out: Diagnostic[] = [];
  const { locals, at } = ownBlocksOf(model);
  const entries = entriesFor(locals);
  model.blocks.forEach((placed, i) => {
    const index = at[i];
    if (index === undefined) {
      out.push(...check(placed));
      return;
    }
    const local = locals[index]!;
    const entry = entries[index]!;
    if (needs) {
      let wanted = entry.wants.get(needs);
      if (wanted === undefined) entry.wants.set(needs, (wanted = needs(local.source)));
      if (!wanted) return;
    }
    remembered(entry, typeof context === 'string' ? context : context(placed), local, () => check(placed), out);
  });
  return out;
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/** A number for an object (a settings list), so that a context can name it: a new object, a new number. */
export function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = nextIdentity++));
  return id;
}
