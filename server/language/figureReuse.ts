// A keystroke in prose leaves every figure as it was. When an edit stays inside one line of prose (no
// directive, comment or blank line before or after it, so the header and its values are the same), adds
// or removes no line break (the line numbers in messages stay) and every figure of the report is where
// it was, moved by the edit, the last version's resolution is taken over instead of evaluating every
// formula again. A report with @引用 is always resolved anew (its snippets' figures depend on parameters).
// When the edited line is plain prose or a list item of the same kind before and after (not a heading),
// the blocks and headings are the same too: the model's structureId says so to the checks across them.
import type * as ast from '../../grammar/index.js';
import { lineStartAt, unchangedEnds } from '../../grammar/index.js';
import { shiftDiagnostic } from '../../grammar/shift.js';
import type { FigureTable, Resolution } from './figures.js';

interface Kept {
  text: string;
  resolution: Resolution;
  /** Start and end of every definition's node, then of every use's. */
  spans: Int32Array;
  definitions: number;
  /** The kind of each line that is not plain prose, by where it starts (an item's says whether it is numbered). */
  kinds: LineKinds;
  structureId: number;
}

/** How the new text stands to the last: unchanged before `prefix`, and from `oldEnd` on (moved by `delta`). */
interface Edit {
  prefix: number;
  oldEnd: number;
  delta: number;
  /** The edited line is plain prose, or an item of the same kind, before and after: the blocks are the same. */
  sameBlocks: boolean;
}

let structures = 0;
/** A structure id no other version has. */
export const newStructureId = (): number => ++structures;
type LineKind = ast.Line['kind'] | 'ordered item';
/** Lines whose edit may change the header (and so any figure's value). */
const HEADER_KINDS: ReadonlySet<LineKind | undefined> = new Set(['blank', 'comment', 'directive']);
/** Lines whose text may change without changing the blocks (undefined: plain prose). */
const PROSE_KINDS: ReadonlySet<LineKind | undefined> = new Set([undefined, 'item', 'ordered item']);

/** Reports followed from keystroke to keystroke: the documents open in an editor. */
const KEPT = 16;

export class LastResolutions {
  private readonly kept = new Map<string, Kept>();

  /**
   * Resolves the table of `document` (parsed from `text`), or takes over the last version's resolution.
   * Returns the structure id of this version: the last one's when only the text of a prose line changed.
   */
  resolve(path: string, text: string, document: ast.ReportDocument, table: FigureTable, withIncludes: boolean): number {
    const last = this.kept.get(path);
    this.kept.delete(path);
    const spans = spansOf(table);
    const kinds = new LineKinds(document.lines);
    const edit = last && !withIncludes ? proseEdit(last, text, kinds) : undefined;
    const reused = edit !== undefined && last!.resolution.previous === table.previous && samePlaces(last!, table, spans, edit);
    if (reused) table.adopt(last!.resolution, (d) => (d.start >= edit.prefix ? shiftDiagnostic(d, edit.delta) : d));
    else table.resolveAll();
    const structureId = reused && edit.sameBlocks ? last!.structureId : newStructureId();
    if (withIncludes) return structureId;
    this.kept.set(path, { text, resolution: table.resolution(), spans, definitions: table.allDefinitions.length, kinds, structureId });
    while (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    return structureId;
  }

  forget(path: string): void {
    this.kept.delete(path);
  }
}

function spansOf(table: FigureTable): Int32Array {
  const spans = new Int32Array(2 * (table.allDefinitions.length + table.uses.length));
  let i = 0;
  for (const { node } of table.allDefinitions) [spans[i++], spans[i++]] = [node.start, node.end];
  for (const { node } of table.uses) [spans[i++], spans[i++]] = [node.start, node.end];
  return spans;
}

const KIND_CODES: readonly LineKind[] = ['text', 'blank', 'comment', 'heading', 'item', 'ordered item', 'directive'];
const CODE_OF = Object.fromEntries(KIND_CODES.map((kind, i) => [kind, i])) as Record<LineKind, number>;

/** The kind of every line by where it starts, in two typed arrays (a keystroke builds them for a whole report). */
class LineKinds {
  private readonly starts: Int32Array;
  private readonly codes: Uint8Array;

  constructor(lines: readonly ast.Line[]) {
    this.starts = new Int32Array(lines.length);
    this.codes = new Uint8Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      this.starts[i] = line.start;
      this.codes[i] = CODE_OF[line.kind === 'item' && line.ordered ? 'ordered item' : line.kind];
    }
  }

  /** The kind of the line starting at `start`; undefined for plain prose; an empty last line (no line at all) is blank. */
  at(start: number): LineKind | undefined {
    let [low, high] = [0, this.starts.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! < start) low = mid + 1;
      else high = mid;
    }
    const kind = this.starts[low] === start ? KIND_CODES[this.codes[low]!] : 'blank';
    return kind === 'text' ? undefined : kind;
  }
}

/** The edit from the last text, when it stays inside one line that is prose before and after it. */
function proseEdit(last: Kept, text: string, kinds: LineKinds): Edit | undefined {
  const { prefix, suffix } = unchangedEnds(last.text, text);
  const oldEnd = last.text.length - suffix;
  const newEnd = text.length - suffix;
  if (hasLineBreak(last.text, prefix, oldEnd) || hasLineBreak(text, prefix, newEnd)) return undefined;
  const lineStart = lineStartAt(text, prefix);
  const [before, after] = [last.kinds.at(lineStart), kinds.at(lineStart)];
  if (HEADER_KINDS.has(before) || HEADER_KINDS.has(after)) return undefined;
  return { prefix, oldEnd, delta: text.length - last.text.length, sameBlocks: before === after && PROSE_KINDS.has(before) };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Every definition and use is the last version's, untouched by the edit and moved by its length. */
function samePlaces(last: Kept, table: FigureTable, spans: Int32Array, edit: Edit): boolean {
  if (spans.length !== last.spans.length || table.allDefinitions.length !== last.definitions) return false;
  for (let i = 0; i < spans.length; i += 2) {
    const [start, end] = [last.spans[i]!, last.spans[i + 1]!];
    if (end <= edit.prefix) {
      if (spans[i] !== start || spans[i + 1] !== end) return false;
    } else if (start < edit.oldEnd || spans[i] !== start + edit.delta || spans[i + 1] !== end + edit.delta) return false;
  }
  return true;
}
