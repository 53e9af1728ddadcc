// Results of block-local checks, remembered by the block's source text: a keystroke re-checks the one
// block it touched, and every other block's diagnostics are copied with their offsets moved.
import type { Block } from '../../../grammar/index.js';
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { endsWithLineBreak, lineEndAt, lineStartAt } from '../../../grammar/index.js';
import { shiftDiagnostic } from '../../../grammar/shift.js';
import type { PlacedBlock, ReportModel } from '../model.js';
import { blockCacheOn, keepIn, recall, slotOf, type BlockResult, type Entry, type LocalBlock } from './blockStore.js';
import { describeList, diagnosticsOverList, entriesOf, runOverList, type BlockList, type Hit } from './blockVersions.js';
import { AttachedMap } from '../attached.js';
import { boundInBlock } from '../perCodeBound.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';

export { blockCacheLimits, blockCacheOn, detached, duringCheck, forgetBlockResults, useBlockCache, withoutBlockCache, type LocalBlock } from './blockStore.js';
export { describeList, type BlockList } from './blockVersions.js';

/**
 * Runs `check` on every block, or takes its remembered result. `context` names the check and whatever
 * else its result depends on (settings, the reporting year), so a change of those is a different key.
 */
export function cachedPerBlock<B extends LocalBlock>(context: string, list: BlockList<B>, check: (block: B) => readonly Diagnostic[]): Diagnostic[] {
  if (!blockCacheOn()) return everyBlock(list, check);
  const entries = entriesOf(list);
  const slot = slotOf(context);
  return flatten(diagnosticsOverList(list, context, (i) => {
    const block = list.at(i)!;
    return remembered(entries[i]!, slot, context, block.origin, check, block);
  }));
}

/**
 * Checks that share one walk over the blocks (cachedPerBlock or cachedPerPlaced, under one context): the walk
 * runs once a model, and each check's `run` takes the findings of its codes, in the order found. A walk calls
 * its check for every block (some 2,300 at 300 KB) through one call site that meets every check, and reads each
 * block again: some 0.5 % of a batch check's instructions per walk, more than many checks' own tests of a block.
 * The checks are returned in the order given, each with its id and codes, as if it walked alone.
 */
export function checksOfOneWalk(name: string, checks: ReadonlyArray<{ id: string; codes: string[] }>, walk: (model: ReportModel) => readonly Diagnostic[]): ReportCheck[] {
  const checkOfCode = new Map<string, string>();
  for (const check of checks) for (const code of check.codes) checkOfCode.set(code, check.id);
  const byModel = new AttachedMap<ReportModel, Map<string, Diagnostic[]>>(name);
  const shares = (model: ReportModel): Map<string, Diagnostic[]> => {
    let byCheck = byModel.get(model);
    if (!byCheck) {
      byCheck = new Map<string, Diagnostic[]>();
      for (const d of walk(model)) {
        const id = checkOfCode.get(d.code)!;
        const list = byCheck.get(id);
        if (list) list.push(d);
        else byCheck.set(id, [d]);
      }
      byModel.set(model, byCheck);
    }
    return byCheck;
  };
  // A copy: a check's result is the caller's to change, as any check's.
  return checks.map(({ id, codes }) => ({ id, codes, run: (model: ReportModel) => [...(shares(model).get(id) ?? NO_DIAGNOSTICS)] }));
}

/**
 * In a batch check (no block results remembered), whether a test of the report's whole text rules out
 * every block: the text fails it and no block comes from a snippet. One flat read of the text instead of
 * every block's; the editor's checks test each block once and remember it (cachedPerPlaced's `needs`).
 */
export function ruledOutInBatch(model: ReportModel, mayHave: (text: string) => boolean): boolean {
  return !blockCacheOn() && !mayHave(model.file.text) && model.blocks.every((b) => b.scope.file === model.file);
}

/** Every block's result, in order, when nothing is remembered (a loop: flatMap costs more on ~30 checks × every block). */
function everyBlock<B>(list: { readonly length: number; at(index: number): B | undefined }, check: (block: B) => readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // An array (the placed blocks) read by index: `at` called on lists of several kinds is a call per block and check.
  const array = Array.isArray(list) ? (list as readonly B[]) : undefined;
  for (let i = 0; i < list.length; i++) {
    const found = check(array ? array[i]! : list.at(i)!);
    for (let k = 0; k < found.length; k++) out.push(found[k]!);
  }
  return out;
}

/** The remembered result of a block where a check found nothing (wherever the block is). */
const NOTHING_FOUND = { origin: 0, found: NO_DIAGNOSTICS } as const;

/** Takes a block's result for a context (its slot: slotOf) from its entry, or computes and remembers it. */
function remembered<T>(entry: Entry, slot: number, context: string, origin: number, check: (on: T) => readonly Diagnostic[], on: T): readonly Diagnostic[] {
  const kept = recall(entry, slot, context) as BlockResult | undefined;
  if (!kept) {
    // Bounded per code as the whole report is (a line of a million “〔”): only what can be listed is kept.
    // Kept where they were found, not copied: diagnostics are never changed once made, so the same
    // objects serve every version that has the block at the same place (most blocks of a first check).
    // The check and what it reads, not a closure over them: a first check makes one per block and check.
    const found = boundInBlock(check(on));
    // Most results are empty: one shared record for them.
    keepIn(entry, slot, context, found.length ? { origin, found } : NOTHING_FOUND);
    return found.length ? found : NO_DIAGNOSTICS;
  }
  const { found } = kept;
  if (kept.origin === origin || found.length === 0) return found.length ? found : NO_DIAGNOSTICS;
  const moved = new Array<Diagnostic>(found.length);
  for (let k = 0; k < found.length; k++) moved[k] = shiftDiagnostic(found[k]!, origin - kept.origin);
  return moved;
}

/** The hits' diagnostics in one array, made at its size (a check may have thousands after the edit). */
function flatten(hits: ReadonlyArray<Hit<readonly Diagnostic[]>>): Diagnostic[] {
  let count = 0;
  for (let h = 0; h < hits.length; h++) count += hits[h]!.found.length;
  const out = new Array<Diagnostic>(count);
  let n = 0;
  for (let h = 0; h < hits.length; h++) {
    const found = hits[h]!.found;
    for (let k = 0; k < found.length; k++) out[n++] = found[k]!;
  }
  return out;
}

/**
 * The whole lines a block stands on, line break included: its key. A line parses differently with and
 * without what surrounds its nodes (a broken figure at the end of the file is kept as typed, with a line
 * break after it it is a figure), so the nodes' span alone would give two parses one remembered result.
 */
export function wholeLineSpan(text: string, start: number, end: number): { origin: number; end: number } {
  const origin = lineStartAt(text, start);
  // A block that ends with its line break (a report's own block) stands on its lines already: the next line is not part of it.
  if (endsWithLineBreak(text, origin, end)) return { origin, end };
  let through = lineEndAt(text, end);
  if (text.charCodeAt(through) === 13) through++;
  if (text.charCodeAt(through) === 10) through++;
  return { origin, end: through };
}

/** Whether [start, end) is whole lines already: it starts a line and ends with a line break. */
function onWholeLines(text: string, start: number, end: number): boolean {
  return lineStartAt(text, start) === start && endsWithLineBreak(text, start, end);
}

/** A block standing on the whole lines [origin, origin + length) of a text: its source is sliced when first read. */
export class SpanBlock implements LocalBlock {
  readonly length: number;
  private sliced: string | undefined;

  constructor(
    private readonly text: string,
    readonly origin: number,
    end: number,
    readonly file: string,
  ) {
    this.length = end - origin;
  }

  get source(): string {
    return (this.sliced ??= this.text.slice(this.origin, this.origin + this.length));
  }
}

/** The report's own blocks as keys, and the indices of the placed blocks that come from snippets. */
interface OwnBlocks {
  locals: OwnBlockList;
  others: number[];
}
const ownBlocks = new AttachedMap<ReportModel, OwnBlocks>('ownBlocks');
/** The file key of a report's own block: its kind (one string each, not one made per block). */
const KIND_KEYS = { heading: '\u0000heading', paragraph: '\u0000paragraph', directive: '\u0000directive' } as const;
const [LIST, ATTACHED_LIST] = ['\u0000list', '\u0000list+'];

/**
 * The report's own blocks as keys (kind, and a list's attachment, are part of them), each made when first
 * asked: a keystroke asks for the few the edit touched (blockVersions.ts finds the others by offset).
 */
class OwnBlockList implements BlockList<SpanBlock> {
  private made: Array<SpanBlock | undefined> | undefined;

  constructor(
    private readonly model: ReportModel,
    /** The index among the placed blocks of each own block. */
    readonly placedAt: Int32Array,
  ) {}

  get length(): number {
    return this.placedAt.length;
  }

  at(index: number): SpanBlock | undefined {
    if (index < 0 || index >= this.length) return undefined;
    this.made ??= new Array<SpanBlock | undefined>(this.length);
    return (this.made[index] ??= spanBlock(this.model.blocks[this.placedAt[index]!]!.block, this.model.file.text));
  }
}

function ownBlocksOf(model: ReportModel): OwnBlocks {
  let own = ownBlocks.get(model);
  if (!own) {
    const { blocks, file } = model;
    const others: number[] = [];
    for (let i = 0; i < blocks.length; i++) if (blocks[i]!.scope.file !== file) others.push(i);
    const placedAt = new Int32Array(blocks.length - others.length);
    for (let i = 0, n = 0; i < blocks.length; i++) if (blocks[i]!.scope.file === file) placedAt[n++] = i;
    own = { locals: new OwnBlockList(model, placedAt), others };
    ownBlocks.set(model, own);
    describeList(own.locals, { key: `own\u0000${file.path}`, text: file.text, isOwn: () => true, allOwn: true });
  }
  return own;
}

/** A block of the report as a key: its whole lines, under its kind. */
function spanBlock(block: Block, text: string): SpanBlock {
  const kind = block.kind === 'list' ? (block.attached ? ATTACHED_LIST : LIST) : KIND_KEYS[block.kind];
  // A block of the report stands on its whole lines already (its span ends with its line break), but at the end of the text.
  if (onWholeLines(text, block.start, block.end)) return new SpanBlock(text, block.start, block.end, kind);
  const span = wholeLineSpan(text, block.start, block.end);
  return new SpanBlock(text, span.origin, span.end, kind);
}

/**
 * A context made for each block from the block and the values of the figures it reads: the same for a
 * block the edit did not touch while the report's figures resolve the same (Figures.resolutionId).
 */
export interface PlacedContext {
  name: string;
  of(placed: PlacedBlock): string;
}

/**
 * Runs `check` on every placed block of the model, remembering the results of the blocks written in the
 * report itself by their text (a snippet's blocks depend on their scope: they are always checked). The
 * check must read nothing but the block (and, with a PlacedContext, the figures' values), and place its
 * diagnostics inside it; `context` is as above.
 */
export function cachedPerPlaced(
  context: string | PlacedContext,
  model: ReportModel,
  check: (placed: PlacedBlock) => readonly Diagnostic[],
  /** A test of the block's source without which the check finds nothing (its result is remembered too). */
  needs?: (source: string) => boolean,
): Diagnostic[] {
  if (!blockCacheOn()) return everyBlock(model.blocks, check);
  const { locals, others } = ownBlocksOf(model);
  const placedAt = locals.placedAt;
  const entries = entriesOf(locals);
  // Remembered under the check's name, not the test's identity: a test written inline is a new function at each call.
  const wanted = needs && passing(locals, entries, typeof context === 'string' ? context : context.name, needs);
  // A context made per block is kept under its own key (no slot): there may be as many as blocks.
  const slot = typeof context === 'string' ? slotOf(context) : -1;
  const perBlock = (i: number): readonly Diagnostic[] => {
    if (wanted && !wanted.has(i)) return NO_DIAGNOSTICS;
    const placed = model.blocks[placedAt[i]!]!;
    return remembered(entries[i]!, slot, typeof context === 'string' ? context : context.of(placed), locals.at(i)!.origin, check, placed);
  };
  // The last version's results stand for the blocks an edit did not touch: with a context made per block,
  // only while the figures resolve the same.
  const run = typeof context === 'string' ? context : `${context.name}\u0000${model.figures.resolutionId}`;
  const hits = diagnosticsOverList(locals, run, perBlock);
  if (!others.length) return flatten(hits);
  // The snippets' blocks, checked each time, in their place among the report's own.
  const out: Diagnostic[] = [];
  let h = 0;
  for (const other of others) {
    for (; h < hits.length && placedAt[hits[h]!.index]! < other; h++) out.push(...hits[h]!.found);
    out.push(...check(model.blocks[other]!));
  }
  for (; h < hits.length; h++) out.push(...hits[h]!.found);
  return out;
}

/** The blocks whose source passes a check's test (most blocks pass none): remembered per entry, and per version by runOverList. */
function passing(locals: BlockList, entries: readonly Entry[], check: string, needs: (source: string) => boolean): Set<number> {
  const key = `needs:${check}`;
  const slot = slotOf(key);
  const hits = runOverList(locals, key, (i) => {
    const entry = entries[i]!;
    let wanted = recall(entry, slot, key) as boolean | undefined;
    if (wanted === undefined) keepIn(entry, slot, key, (wanted = needs(locals.at(i)!.source)));
    return wanted || undefined;
  }, (found) => found);
  return new Set(hits.map((h) => h.index));
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/** A number for an object (a settings list), so that a context can name it: a new object, a new number. */
export function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = nextIdentity++));
  return id;
}
