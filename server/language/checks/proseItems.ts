// The amounts of a report's paragraphs, sentence by sentence, for the checks that relate them (rates,
// totals): the writer's figures ({调处 = 150起}) and the numbers nobody has marked up ("调处150起") go
// through the same analysis (server/language/prose/), so an unmarked report is checked like a marked one.
import type * as ast from '../../../grammar/index.js';
import { findAmounts, relate, SentenceBuilder, itemOf, type SentenceRelations } from '../prose/index.js';
import type { PlacedBlock, ReportModel, Scope } from '../model.js';
import { formatValue } from '../values.js';
import { AttachedMap } from '../attached.js';
import { append } from '../append.js';
import { blockCacheOn } from './blockCache.js';

export interface ItemSource {
  /** Span in the file the block was written in. */
  start: number;
  end: number;
  scope: Scope;
  /** For a figure the writer marked up: it is checked against a formula or computed by one. */
  figure?: { node: ast.FigureNode; name: string; checkedByModel: boolean };
  /** As printed: "150起". */
  printed: string;
}

type Group = readonly (readonly ast.Inline[])[];
const NO_GROUPS: readonly Group[] = [];

/**
 * Words without one of which a check of relations finds nothing in a paragraph (rates: a percent sign; totals:
 * 其中 or 分别): `test` reads a paragraph's source. A batch check asks of every paragraph of the report: there
 * the words are found in the report's text once (indexOf, where each paragraph's test read it all again), and
 * a paragraph is a search among where they are.
 */
export class NeededWords {
  /** The text last asked of (one report's, kept until another is asked of) and where each word starts in it, in order. */
  private text: string | undefined;
  private starts: Int32Array[] = [];

  constructor(private readonly words: readonly string[]) {}

  readonly test = (source: string): boolean => {
    for (const word of this.words) if (source.includes(word)) return true;
    return false;
  };

  /** Whether text[start, end) holds one of the words (as `test` of that slice says). */
  inSpan(text: string, start: number, end: number): boolean {
    if (text !== this.text) {
      this.text = text;
      this.starts = this.words.map((word) => startsOf(text, word));
    }
    for (let w = 0; w < this.words.length; w++) {
      // The first place of the word at or after `start`, by binary search.
      const starts = this.starts[w]!;
      let low = 0;
      for (let high = starts.length; low < high; ) {
        const mid = (low + high) >> 1;
        if (starts[mid]! < start) low = mid + 1;
        else high = mid;
      }
      if (low < starts.length && starts[low]! + this.words[w]!.length <= end) return true;
    }
    return false;
  }
}

function startsOf(text: string, word: string): Int32Array {
  const found: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) found.push(i);
  return Int32Array.from(found);
}

/** The paragraph, or each item of the list, that `needs` wants (the others are skipped before any work, and nothing is made for them). */
function wantedGroups(model: ReportModel, placed: PlacedBlock, needs: NeededWords): readonly Group[] {
  const block = placed.block;
  if (block.kind === 'paragraph') return wanted(model, block.lines, placed, needs) ? [block.lines] : NO_GROUPS;
  if (block.kind !== 'list') return NO_GROUPS;
  let out: Group[] | undefined;
  for (const item of block.items) if (wanted(model, item.lines, placed, needs)) (out ??= []).push(item.lines);
  return out ?? NO_GROUPS;
}

function wanted(model: ReportModel, lines: Group, placed: PlacedBlock, needs: NeededWords): boolean {
  const first = lines[0]?.[0];
  const last = lines[lines.length - 1]?.at(-1);
  if (!first || !last) return false;
  const text = placed.scope.file.text;
  // An editor's check tests the blocks an edit touched, not the whole text again; a snippet's text is its own.
  if (!blockCacheOn() && placed.scope.file === model.file) return needs.inSpan(text, first.start, last.end);
  return needs.test(text.slice(first.start, last.end));
}

/** Relations of a paragraph or list item, by its lines, for one model (rates and totals read many of the same). */
const relationsByModel = new AttachedMap<ReportModel, Map<readonly (readonly ast.Inline[])[], { scope: Scope; relations: SentenceRelations<ItemSource>[] }>>('relationsByModel');

/** One block's paragraph or list items, as sentences of amounts with their relations. */
export function blockRelations(model: ReportModel, placed: PlacedBlock, needs: NeededWords): SentenceRelations<ItemSource>[] {
  const groups = wantedGroups(model, placed, needs);
  if (groups.length === 0) return [];
  let known = relationsByModel.get(model);
  if (!known) relationsByModel.set(model, (known = new Map()));
  const out: SentenceRelations<ItemSource>[] = [];
  for (const lines of groups) {
    let found = known.get(lines);
    // A snippet's block placed twice reads its figures in two scopes.
    if (!found || found.scope !== placed.scope) known.set(lines, (found = { scope: placed.scope, relations: groupRelations(model, lines, placed.scope) }));
    append(out, found.relations);
  }
  return out;
}

function groupRelations(model: ReportModel, lines: readonly (readonly ast.Inline[])[], scope: Scope): SentenceRelations<ItemSource>[] {
  const builder = new SentenceBuilder<ItemSource>(model.header.org);
  for (const line of lines) for (const node of line) readInline(node, builder, scope, model);
  return relate(builder.sentences).filter((s) => s.sentence.length > 0);
}

/**
 * What a block's relations read besides its text: the values of its figures, as readFigure sees them
 * (looked up the same way, so the model is touched exactly as reading them would), and the 机关.
 */
export function relationsContext(model: ReportModel, placed: PlacedBlock, needs: NeededWords): string {
  const parts: string[] = [model.header.org ?? ''];
  for (const lines of wantedGroups(model, placed, needs)) {
    for (const line of lines) {
      // Only the line's own figures: readInline does not read into citations.
      for (const node of line) {
        const body = node.kind === 'figure' ? node.body : undefined;
        if (node.kind !== 'figure' || node.broken || (body?.form !== 'definition' && body?.form !== 'reference')) continue;
        const value = model.figures.lookup(body.name.text, placed.scope, body.name, true);
        const definition = model.figures.definitions.get(body.name.text);
        const checkedByModel = !definition || !!definition.body.check || definition.body.value?.kind !== 'quantity';
        parts.push(`${body.name.text}\u0001${JSON.stringify(value)}\u0001${checkedByModel}`);
      }
    }
  }
  return parts.join('\u0000');
}

function readInline(node: ast.Inline, builder: SentenceBuilder<ItemSource>, scope: Scope, model: ReportModel): void {
  switch (node.kind) {
    case 'text': {
      let at = 0;
      for (const amount of findAmounts(node.text)) {
        builder.text(node.text.slice(at, amount.start));
        builder.amount(amount, node.text.slice(amount.end), { start: node.start + amount.start, end: node.start + amount.end, scope, printed: amount.text });
        at = amount.end;
      }
      builder.text(node.text.slice(at));
      return;
    }
    case 'escape':
    case 'stray':
      builder.text(node.text);
      return;
    case 'citation':
      builder.text('《》');
      return;
    case 'figure':
      readFigure(node, builder, scope, model);
  }
}

function readFigure(node: ast.FigureNode, builder: SentenceBuilder<ItemSource>, scope: Scope, model: ReportModel): void {
  const body = node.body;
  if (node.broken || (body?.form !== 'definition' && body?.form !== 'reference')) return;
  const value = model.figures.lookup(body.name.text, scope, body.name, true);
  if (value?.type !== 'number') {
    if (value) builder.text(formatValue(value));
    return;
  }
  const definition = model.figures.definitions.get(body.name.text);
  const checkedByModel = !definition || !!definition.body.check || definition.body.value?.kind !== 'quantity';
  const printed = formatValue(value);
  const item = itemOf({ start: 0, end: 0, text: printed, value: value.percent ? value.value * 100 : value.value, unit: value.unit, percent: value.percent, decimals: value.decimals ?? 2, qualifier: value.qualifier });
  builder.figure(item, body.name.text, printed, { start: node.start, end: node.end, scope, printed, figure: { node, name: body.name.text, checkedByModel } });
}
