// What the checks share about a report's prose: its lines with figures and escapes masked (so that
// only typed text is looked at), the mapping back to the source, and small helpers for placing a
// diagnostic. What a line's characters are (its marks, Chinese or not) is in lineMarks.ts.
import type * as ast from '../../../grammar/index.js';
import type { Diagnostic, Fix, TextEdit } from '../../../grammar/diagnostic.js';
import { diagnostic, locatedIn } from '../makeDiagnostic.js';
import type { PlacedBlock, ReportModel, Scope } from '../model.js';
import { describeList, wholeLineSpan, type BlockList, type LocalBlock } from './blockCache.js';
import { AttachedMap } from '../attached.js';
import { allMatches } from '../matches.js';
import { countBefore } from '../../../grammar/index.js';
import { NOTHING_FOUND } from '../nothingFound.js';

// ---------------------------------------------------------------- prose lines

/** A figure in the prose (its printed value is unknown to these checks). */
export const FIGURE_MARK = '\uE000';

/**
 * A document number with its year in brackets other than 〔〕 (GB/T 9704—2012 7.2.4: 六角括号): “人社部发[2016]82号”,
 * “国发(2015)36号”, “厅字【2019】28号”. The issuer's abbreviation before it, the serial number and 号 after.
 */
export const DOCUMENT_NUMBER_BRACKETS = /(?<=[\u4e00-\u9fff])([[［【(（])((?:19|20)\d{2})([\]］】)）])(?=\s*第?\d{1,5}\s*号)/g;
/**
 * A document number whose 〕 was lost, its year run into the serial number: “国发〔201033号” (〔2010〕33号, 小白楼街道
 * 2020). Four digits of a year after the 〔, more digits and 号 at once after them.
 */
export const DOCUMENT_NUMBER_UNCLOSED = /(?<=[\u4e00-\u9fff])〔((?:19|20)\d{2})(?=\d{1,5}\s*号)/g;
/** The words a document's name ends in, saying what it is (its years in brackets may follow). */
export const DOCUMENT_KINDS: readonly string[] = ['纲要', '方案', '规划', '计划', '意见', '办法', '规定', '条例', '决定', '通知', '要点', '细则', '规则', '标准', '指引', '清单'];

/** An escape such as `\{` (prints one character that is never CJK prose). */
export const ESCAPE_MARK = '\uE001';

/** A run of a prose line that maps to one place in the source: typed text, or one placeholder mark. */
interface Segment {
  /** Index in the line's text where the segment starts. */
  at: number;
  length: number;
  /** Source offset of its first character (text), or of the whole node (mark). */
  source: number;
  sourceEnd: number;
  mark: boolean;
  inCitation: boolean;
}

/**
 * One line of prose as the reader sees it, with figures and escapes replaced by a placeholder character.
 * Segments map each character back to the source (in `scope.file.text`) without a per-character table.
 */
export interface ProseLine {
  text: string;
  /** Undefined for a line of one text node (most lines): `source` and `sourceEnd` place it, no segment is made. */
  segments: Segment[] | undefined;
  /** The one text node's source offsets (when `segments` is undefined). */
  source: number;
  sourceEnd: number;
  scope: Scope;
  /** What lineMarks() found, once asked. */
  marks?: number;
}

function segmentAt(segments: readonly Segment[], i: number): Segment | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = segments[mid]!;
    if (i < s.at) high = mid - 1;
    else if (i >= s.at + s.length) low = mid + 1;
    else return s;
  }
  return undefined;
}

/** Source offset where character i of the line starts (the line's end for i past the last character). */
export function sourceStart(line: ProseLine, i: number): number {
  const segments = line.segments;
  if (!segments) return i >= 0 && i < line.text.length ? line.source + i : line.sourceEnd;
  const s = segmentAt(segments, i);
  if (!s) return segments[segments.length - 1]?.sourceEnd ?? 0;
  return s.mark ? s.source : s.source + (i - s.at);
}

/** Source offset where character i of the line ends. */
export function sourceEnd(line: ProseLine, i: number): number {
  const segments = line.segments;
  if (!segments) return i >= 0 && i < line.text.length ? line.source + i + 1 : line.sourceEnd;
  const s = segmentAt(segments, i);
  if (!s) return segments[segments.length - 1]?.sourceEnd ?? 0;
  return s.mark ? s.sourceEnd : s.source + (i - s.at) + 1;
}

/** Is character i inside a citation 《…》 (the brackets included)? A line of one text node has none. */
export function inCitationAt(line: ProseLine, i: number): boolean {
  return line.segments !== undefined && (segmentAt(line.segments, i)?.inCitation ?? false);
}

/** The line index of the character that starts at a source offset, or -1. */
export function indexOfSource(line: ProseLine, offset: number): number {
  const segments = line.segments;
  if (!segments) return offset >= line.source && offset < line.source + line.text.length ? offset - line.source : -1;
  // Segments are in source order: a binary search, so that many citations on one line stay linear.
  const low = countBefore(segments.length, (i) => segments[i]!.source <= offset);
  for (let j = low - 1; j >= Math.max(0, low - 3); j--) {
    const s = segments[j]!;
    if (s.mark ? s.source === offset : offset >= s.source && offset < s.source + s.length) return s.at + (s.mark ? 0 : offset - s.source);
  }
  return -1;
}

/** The prose of one block (a paragraph, a heading, a list item, a title): its lines join with no space. */
export interface ProseBlock extends LocalBlock {
  readonly lines: ProseLine[];
  readonly scope: Scope;
  /** The citations written in this block, with the line they are on. */
  readonly citations: ReadonlyArray<CitationOnLine>;
  /** The titles cited in the block: each closed 《…》 without figures, and each 〈…〉 (or <…>) inside one (found once; never to be changed). */
  readonly citedTitles: readonly Cited[];
  /** A heading, a title or a list item: what follows it is a new part (its run-in 一是、二是 count afresh); a paragraph continues one. */
  readonly opensPart: boolean;
}

/** A citation written in a block, with the line it is on. */
interface CitationOnLine {
  node: ast.CitationNode;
  line: ProseLine;
}

/** A title cited in a block (ProseBlock.citedTitles). */
export interface Cited {
  /** The title as typed (children of the citation, or the content of 〈…〉 inside one). */
  title: string;
  line: ProseLine;
  /** Line positions of the title's first character and one past its last. */
  from: number;
  to: number;
}

/** What a prose block finds when first asked (LazyProseBlock). */
interface Found {
  /** Its lines once built, and the citations on them (undefined for none: most blocks). */
  lines: ProseLine[] | undefined;
  citations: CitationOnLine[] | undefined;
  span: { origin: number; end: number } | undefined;
  sliced: string | undefined;
  cited: readonly Cited[] | undefined;
}

/**
 * A prose block whose lines are built when first read: a block whose checks are remembered (blockCache.ts)
 * is never read, so a keystroke builds the lines of the block it touched only. What it finds is kept in
 * one object made when first asked: a keystroke makes one of these per block of the report, most never asked.
 */
abstract class LazyProseBlock implements ProseBlock {
  // A field, not an AttachedMap of the checks: a symbol property defined on each of a report's blocks cost
  // some 5% of a cold check.
  private found: Found | undefined;
  abstract readonly opensPart: boolean;

  constructor(
    readonly scope: Scope,
    readonly file: string,
  ) {}

  /** The inline nodes of each of the block's lines. */
  protected abstract contents(): readonly (readonly ast.Inline[])[];

  get lines(): ProseLine[] {
    const found = this.asked();
    return found.lines ?? this.build(found);
  }

  get citations(): ProseBlock['citations'] {
    const found = this.asked();
    if (!found.lines) this.build(found);
    return found.citations ?? NO_CITATIONS;
  }

  get citedTitles(): readonly Cited[] {
    const found = this.asked();
    return (found.cited ??= findCitedTitles(this));
  }

  // The block's source, for remembering results of checks that look at nothing else (blockCache.ts): the
  // whole lines from its first node to its last. Found when first asked (a batch check never asks); the
  // source is sliced only for a block an edit touched (the others are known by origin and length).
  get source(): string {
    const span = this.wholeLines();
    return (this.asked().sliced ??= this.scope.file.text.slice(span.origin, span.end));
  }

  get origin(): number {
    return this.wholeLines().origin;
  }

  get length(): number {
    const span = this.wholeLines();
    return span.end - span.origin;
  }

  /** Whether the lines are built already (a test of them then costs nothing more). */
  get linesBuilt(): boolean {
    return this.found?.lines !== undefined;
  }

  private asked(): Found {
    return (this.found ??= { lines: undefined, citations: undefined, span: undefined, sliced: undefined, cited: undefined });
  }

  private wholeLines() {
    const found = this.asked();
    if (!found.span) {
      // The first and the last line with nodes, by index (no closure made per block).
      const content = this.contents();
      let first = 0;
      while (first < content.length && content[first]!.length === 0) first++;
      let last = content.length - 1;
      while (last >= first && content[last]!.length === 0) last--;
      const nodes = content[last];
      found.span = first <= last ? wholeLineSpan(this.scope.file.text, content[first]![0]!.start, nodes![nodes!.length - 1]!.end) : { origin: 0, end: 0 };
    }
    return found.span;
  }

  /** Builds the lines (and the citations on them) into `found`. */
  private build(found: Found): ProseLine[] {
    const content = this.contents();
    const lines = new Array<ProseLine>(content.length);
    for (let i = 0; i < lines.length; i++) lines[i] = buildLine(content[i]!, this.scope, found);
    return (found.lines = lines);
  }
}

/** The citations of a block that has none (most blocks): one shared empty list. */
const NO_CITATIONS: ProseBlock['citations'] = NOTHING_FOUND;

/** A paragraph's or a list item's prose: its lines. */
class LinesProse extends LazyProseBlock {
  constructor(
    private readonly content: readonly (readonly ast.Inline[])[],
    scope: Scope,
    file: string,
    readonly opensPart: boolean,
  ) {
    super(scope, file);
  }

  protected contents() {
    return this.content;
  }
}

/** A heading's or a title's prose: one line, its list of lines made only when asked (most blocks never are). */
class OneLineProse extends LazyProseBlock {
  private line: (readonly ast.Inline[])[] | undefined;

  constructor(
    private readonly content: readonly ast.Inline[],
    scope: Scope,
    file: string,
    readonly opensPart: boolean,
  ) {
    super(scope, file);
  }

  protected contents() {
    return (this.line ??= [this.content]);
  }
}

/** A title cited inside a title: 〈…〉. */
/** A title inside a title: 〈…〉, or the half-width <…> a page typed for it (BG601 tells the marks; the title is read all the same). */
const INNER_TITLE = /[〈<]([^〈〉<>]+)[〉>]/g;

function findCitedTitles(block: LazyProseBlock): Cited[] {
  const out: Cited[] = [];
  // No citation: known from the lines when they are built (a batch check has built them), else from the
  // source (no 《, no citation; the lines need not be built).
  if (block.linesBuilt ? block.citations.length === 0 : !block.source.includes('《')) return out;
  for (const { node, line } of block.citations) {
    if (!node.closed) continue;
    const from = indexOfSource(line, node.start);
    const to = indexOfSource(line, node.end - 1);
    if (from < 0 || to < 0 || to - from < 2) continue;
    const title = line.text.slice(from + 1, to);
    if (title.includes(FIGURE_MARK) || title.includes(ESCAPE_MARK) || title.includes('《')) continue;
    out.push({ title, line, from: from + 1, to });
    if (title.includes('〈') || title.includes('<')) for (const m of allMatches(INNER_TITLE, title)) out.push({ title: m[1]!, line, from: from + 1 + m.index + 1, to: from + 1 + m.index + 1 + m[1]!.length });
  }
  return out;
}

function buildLine(nodes: readonly ast.Inline[], scope: Scope, block: { citations: CitationOnLine[] | undefined }): ProseLine {
  // Most lines are one text node: its text is the line's, placed by the node's offsets (no segment made).
  const only = nodes.length === 1 ? nodes[0]! : undefined;
  if (only && (only.kind === 'text' || only.kind === 'stray') && only.text.length) {
    return { text: only.text, segments: undefined, source: only.start, sourceEnd: only.end, scope, marks: undefined };
  }
  const segments: Segment[] = [];
  const line: ProseLine = { text: '', segments, source: 0, sourceEnd: 0, scope, marks: undefined };
  const builder: LineBuilder = { line, segments, parts: [], length: 0, block };
  addInlines(builder, nodes, false);
  line.text = builder.parts.join('');
  return line;
}

interface LineBuilder {
  line: ProseLine;
  segments: Segment[];
  parts: string[];
  length: number;
  /** Where the block's citations go (a list made at its first). */
  block: { citations: CitationOnLine[] | undefined };
}

function addPart(b: LineBuilder, text: string, source: number, sourceEnd: number, mark: boolean, inCitation: boolean): void {
  if (text.length === 0) return;
  b.parts.push(text);
  b.segments.push({ at: b.length, length: text.length, source, sourceEnd, mark, inCitation });
  b.length += text.length;
}

function addInlines(b: LineBuilder, list: readonly ast.Inline[], inCitation: boolean): void {
  for (const node of list) {
    switch (node.kind) {
      case 'text':
      case 'stray':
        addPart(b, node.text, node.start, node.end, false, inCitation);
        break;
      case 'escape':
        addPart(b, ESCAPE_MARK, node.start, node.end, true, inCitation);
        break;
      case 'figure':
        addPart(b, FIGURE_MARK, node.start, node.end, true, inCitation);
        break;
      case 'citation': {
        (b.block.citations ??= []).push({ node, line: b.line });
        addPart(b, '《', node.start, node.start + 1, false, true);
        addInlines(b, node.children, true);
        if (node.closed) addPart(b, '》', node.end - 1, node.end, false, true);
        break;
      }
    }
  }
}

/** The prose blocks of a report, read by index (BlockList: `at(i)`). */
export type ProseBlocks = BlockList<ProseBlock>;

const proseCache = new AttachedMap<ReportModel, ProseList>('proseCache');

/** The prose blocks of a report: the header title and every placed block of the body (listed once a model). */
export function proseBlocks(model: ReportModel): ProseBlocks {
  let cached = proseCache.get(model);
  if (!cached) {
    proseCache.set(model, (cached = new ProseList(model)));
    describeList(cached, { key: `prose\u0000${model.file.path}`, text: model.file.text, isOwn: (block) => block.file === '', allOwn: cached.allOwn || undefined });
  }
  return cached;
}

/**
 * The prose blocks of a report, each made when first asked: a keystroke asks for the few its edit touched
 * (blockVersions.ts takes the others' results by offset). The header's title first, then one block per
 * heading, paragraph, list item and @标题 of the placed blocks, listed by where each is.
 */
class ProseList implements ProseBlocks {
  /** Each block's placed block (-1: the header's title) and, in a list, its item. */
  private readonly placedAt: Int32Array;
  private readonly itemAt: Int32Array;
  /** Every block is written in the report itself (none comes from a snippet). */
  readonly allOwn: boolean;
  private readonly headerTitle: ast.DirectiveLine | undefined;
  private made: Array<ProseBlock | undefined> | undefined;

  constructor(private readonly model: ReportModel) {
    this.headerTitle = model.file.document.header.find((d) => d.name === '标题');
    const count = proseCount(model.blocks) + (this.headerTitle ? 1 : 0);
    this.placedAt = new Int32Array(count);
    this.itemAt = new Int32Array(count);
    let n = 0;
    if (this.headerTitle) this.placedAt[n++] = -1;
    let allOwn = true;
    model.blocks.forEach(({ block, scope }, at) => {
      const items = block.kind === 'list' ? block.items.length : block.kind !== 'directive' || block.name === '标题' ? 1 : 0;
      if (items && scope.file !== model.file) allOwn = false;
      for (let item = 0; item < items; item++, n++) {
        this.placedAt[n] = at;
        this.itemAt[n] = item;
      }
    });
    this.allOwn = allOwn;
  }

  get length(): number {
    return this.placedAt.length;
  }

  at(index: number): ProseBlock | undefined {
    if (index < 0 || index >= this.length) return undefined;
    this.made ??= new Array<ProseBlock | undefined>(this.length);
    return (this.made[index] ??= this.make(index));
  }

  private make(index: number): ProseBlock {
    const model = this.model;
    const at = this.placedAt[index]!;
    if (at < 0) {
      const rootScope: Scope = model.blocks[0]?.scope.file === model.file ? model.blocks[0].scope : { file: model.file, params: new Map(), parent: undefined, site: undefined };
      return new OneLineProse(this.headerTitle!.value, rootScope, '', false);
    }
    const { block, scope } = model.blocks[at]!;
    const file = scope.file === model.file || scope.file.path === model.file.path ? '' : scope.file.path;
    switch (block.kind) {
      case 'heading':
        return new OneLineProse(block.content, scope, file, true);
      case 'paragraph':
        return new LinesProse(block.lines, scope, file, false);
      case 'list':
        return new LinesProse(block.items[this.itemAt[index]!]!.lines, scope, file, true);
      case 'directive':
        return new OneLineProse(block.value, scope, file, false);
    }
  }
}

/** How many prose blocks the placed blocks make: one per heading, paragraph, list item and @标题. */
function proseCount(blocks: readonly PlacedBlock[]): number {
  let count = 0;
  for (const { block } of blocks) {
    if (block.kind === 'list') count += block.items.length;
    else if (block.kind !== 'directive' || block.name === '标题') count++;
  }
  return count;
}

/** Builds a diagnostic for characters [from, to) of a prose line; fix edits are given in line positions. */
export function lineDiagnostic(
  model: ReportModel,
  line: ProseLine,
  code: string,
  from: number,
  to: number,
  message: string,
  fixes?: Array<{ title: string; safe: boolean; edits: Array<{ from: number; to: number; newText: string }> }>,
): Diagnostic {
  const converted: Fix[] | undefined = fixes?.map((f) => ({
    title: f.title,
    safe: f.safe,
    edits: f.edits.map((e): TextEdit => ({ start: sourceStart(line, e.from), end: spanEnd(line, e.from, e.to), newText: e.newText })),
  }));
  return locatedIn(diagnostic(code, { start: sourceStart(line, from), end: spanEnd(line, from, to) }, message, converted), line.scope.file, model.file);
}

/** Source offset where line characters [from, to) end (where the empty span at `from` is, when to ≤ from). */
function spanEnd(line: ProseLine, from: number, to: number): number {
  return to > from ? sourceEnd(line, to - 1) : sourceStart(line, from);
}

// ---------------------------------------------------------------- places

/** Sets `uri` when the scope is a snippet's file rather than the checked file. */
export function located(model: ReportModel, scope: Scope, d: Diagnostic): Diagnostic {
  return locatedIn(d, scope.file, model.file);
}

/**
 * Every text node of a placed block (headings, paragraphs, list items), descending into citations. Found
 * once per placed block (four checks read them; a parsed block is never changed, an edit makes a new one);
 * never to be changed.
 */
export function blockTextNodes(placed: PlacedBlock): readonly ast.TextNode[] {
  let out = placed.textNodes;
  if (!out) {
    const found: ast.TextNode[] = [];
    const block = placed.block;
    if (block.kind === 'heading') addTextNodes(block.content, found);
    else if (block.kind === 'paragraph') for (const line of block.lines) addTextNodes(line, found);
    else if (block.kind === 'list') for (const item of block.items) for (const line of item.lines) addTextNodes(line, found);
    placed.textNodes = out = found;
  }
  return out;
}

function addTextNodes(nodes: readonly ast.Inline[], out: ast.TextNode[]): void {
  for (const n of nodes) {
    if (n.kind === 'text') out.push(n);
    else if (n.kind === 'citation') addTextNodes(n.children, out);
  }
}

/** The line ending the file uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Span of the whole first line (where file-level diagnostics go when there is no better place). */
export function firstLineSpan(text: string): ast.Span {
  const nl = text.search(/\r?\n|\r/);
  return { start: 0, end: nl < 0 ? text.length : nl };
}
