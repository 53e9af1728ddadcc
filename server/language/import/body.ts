// Import step 4: typed headings and paragraphs → headings `#`…`####`, numbered items and paragraphs, with
// the amounts of the prose written as figures (figures.ts). Rules in index.ts.
import { markFigures, type NameRegistry } from './figures.js';
import { baseLevel, headingLevels, mistypedChinese, promotedVariants } from './levels.js';
import { loneNumber, typedNumber, type TypedNumber } from './numbers.js';
import { partOfHeading, type PartLabel } from './parts.js';
import { trimEdgeSpace, type Block, type ImportFinding, type Line, type Note } from './types.js';
import { escapeInline, fieldYears, lineStartNeedsEscape } from './write.js';

/** A heading sentence: at most this many characters before its 。 (the seeds' run-in headings are 6–23). */
const SHORT_HEADING = 30;
/**
 * The longest heading: a heading line without a 。, or the heading sentence of a line numbered （一） (50 in
 * 172-yunan-2021). A longer first sentence is prose — the line a numbered paragraph (“（一）我局坚持将学习
 * 贯彻……”, 49-zijin-2025, 156 characters), or its heading's 。 lost (“（二）科学谋划法治政府建设工作编制
 * 《……》,明确……”, 175-haikou-2021, 101).
 */
const LONGEST_HEADING = 60;

export interface BodyOptions {
  year: number | undefined;
  org: string | undefined;
  yearField: boolean | undefined;
  /** Figure names the text around already uses (a paste into a report): new figures get other names. */
  takenNames?: Iterable<string>;
  /** Labels the text around already has: a part's label is written once. */
  takenLabels?: Iterable<PartLabel>;
  /** The level of the heading the body stands under (a fragment pasted into a section); 0 for a report. */
  enclosingLevel?: number;
  /** A signature or date follows the body: its last line is no place where a page was cut. */
  ended?: boolean;
}

interface BodyState extends BodyOptions {
  blocks: Block[];
  note: Note;
  findings: ImportFinding[];
  names: NameRegistry;
  current: number;
  usedLabels: Set<PartLabel>;
  figures: number;
}

/** Writes the body's lines as blocks. */
export function writeBody(lines: Line[], options: BodyOptions, note: Note, findings: ImportFinding[]): { blocks: Block[]; figures: number } {
  const body = withSplitNumbersJoined(lines, note);
  const numbered = body.map((l) => typedNumber(l.text));
  const dotless = dotlessNumbers(body, numbered);
  const numbers = numbered.filter((n): n is TypedNumber => n !== undefined);
  const mistyped = mistypedChinese(numbers);
  const levels = headingLevels(numbers.map((n, i) => (mistyped.has(i) ? { ...n, style: 'chineseParen' as const } : n)), options.enclosingLevel);
  const state: BodyState = { ...options, blocks: [], note, findings, names: new Set(options.takenNames), current: options.enclosingLevel ?? 0, usedLabels: new Set(options.takenLabels), figures: 0 };
  const levelAt = new Map<number, number>();
  let headingIndex = 0;
  numbered.forEach((n, i) => n && levelAt.set(i, levels[headingIndex++]!));
  const items = itemRuns(numbered, levelAt);
  headingIndex = 0;
  const parenTop = parenAsTopLevel(body, numbered, numbers, options.enclosingLevel ?? 0);
  body.forEach((line, i) => {
    const number = numbered[i];
    // A number alone on the last line is where a page cut the text (an excerpt): it stays as found — unless a signature or date follows.
    const lone = number || (i === body.length - 1 && !options.ended) ? undefined : loneNumber(line.text);
    if (lone) reportLoneNumber(state, line, lone);
    else if (!number) paragraph(state, line.text, line.n, 'paragraph');
    else {
      const k = headingIndex++;
      if (parenTop && k === 0) reportParenTop(state, line, number);
      if (mistyped.has(k)) reportMistyped(state, line, number, levels[k]!);
      if (number.malformed) reportMalformed(state, line, number);
      if (number.style === 'arabic' && number.separator === '、') reportArabicComma(state, line, number);
      if (dotless.has(i)) reportDotless(state, line, number);
      numberedLine(state, line, number, levels[k]!, items.get(i));
    }
  });
  return { blocks: state.blocks, figures: state.figures };
}

/**
 * A heading's number alone on its line and its words on the next (Word's automatic numbering copied as
 * text: “（二）” / “加强组织领导”) are one heading: joined, at the words' line, and noted. The next line must
 * be shaped as a heading (short, or a short sentence running into its text) and have no number of its own —
 * a lone “（二）” before “二、存在问题” stays a number with nothing under it (BG241).
 */
function withSplitNumbersJoined(body: Line[], note: Note): Line[] {
  let out: Line[] | undefined;
  for (let i = 0; i < body.length; i++) {
    const lone = i + 1 < body.length ? loneNumber(body[i]!.text) : undefined;
    const next = body[i + 1];
    if (!lone || !next || typedNumber(next.text) || loneNumber(next.text) || !headingShape(next.text).headingLike) {
      out?.push(body[i]!);
      continue;
    }
    out ??= body.slice(0, i);
    note(body[i]!.n, `序号“${lone.typed}”`, `与下一行（第${next.n}行）的“${next.text}”合为一个标题：序号与标题分在了两行（Word 的自动编号复制成文字时常这样）`);
    out.push({ n: next.n, raw: next.raw, text: `${lone.typed}${next.text}` });
    i++;
  }
  return out ?? body;
}

/** Is the text after a typed number a heading ("加强组织领导" / "全面部署法治建设。……")? */
function headingShape(rest: string): { headingLike: boolean; runIn: boolean; stop: number } {
  const stop = rest.indexOf('。');
  const lead = stop < 0 ? rest : rest.slice(0, stop);
  const runIn = stop >= 0 && stop < rest.length - 1;
  const headingLike = stop < 0 ? rest.length <= LONGEST_HEADING : lead.length <= SHORT_HEADING && !/[，,；;：:、]$/.test(lead);
  return { headingLike, runIn, stop };
}

/** Why a run of numbered lines is a run of items: one is too long for a heading, or each is one whole sentence. */
export type ItemRun = 'long' | 'sentences';

/**
 * Numbered lines written as items as a whole: a run of consecutive lines numbered at the same level
 * (nothing between them)
 * - each of which is one whole sentence ending in 。 (the problems listed under 存在的不足:
 *   "（一）法治意识不强，重视不够。"), or
 * - of which one is a sentence too long for a heading — like the five points of a 下一步打算, only some of
 *   which begin with a heading sentence. A number in Chinese numerals (（一） 一、) is a heading's number, so
 *   for a run of them a sentence longer than SHORT_HEADING decides nothing: only a first sentence longer than
 *   any heading (LONGEST_HEADING), or a long sentence with nothing after it, on its line or under it, is no
 *   heading (it would be a heading with no text: 03-dongzhaogezhuang-2020's 存在的不足, 04-beiping-2020's
 *   下一步打算); a long heading sentence running into its text is a heading (166-dongxi-2021:
 *   “（二）深入学习宣传贯彻党的十九大、十九届二中、三中、四中、五中、六中全会精神。2021年……”).
 * They stay siblings, numbered alike; a heading has its text under it, a run of sentences has none.
 */
function itemRuns(numbered: Array<TypedNumber | undefined>, levelAt: Map<number, number>): Map<number, ItemRun> {
  const out = new Map<number, ItemRun>();
  for (let i = 0; i < numbered.length; ) {
    let j = i;
    while (j + 1 < numbered.length && numbered[i] && numbered[j + 1] && levelAt.get(j + 1) === levelAt.get(i) && levelAt.get(i)! >= 2) j++;
    const run = numbered.slice(i, j + 1) as TypedNumber[];
    // Does text follow the run's last line before the next number? Then that line has something under it.
    const textAfter = j + 1 < numbered.length && numbered[j + 1] === undefined;
    const noHeading = (n: TypedNumber, k: number) => {
      const shape = headingShape(n.rest);
      if (!headingNumber(n)) return !shape.headingLike;
      if ((shape.stop < 0 ? n.rest.length : shape.stop) > LONGEST_HEADING) return true;
      return !shape.headingLike && !shape.runIn && !(k === run.length - 1 && textAfter);
    };
    const why: ItemRun | undefined = j === i ? undefined : run.some(noHeading) ? 'long' : run.every((n) => WHOLE_SENTENCE.test(n.rest)) ? 'sentences' : undefined;
    if (why) for (let k = i; k <= j; k++) out.set(k, why);
    i = j + 1;
  }
  return out;
}

/**
 * A number in Chinese numerals, 一、 or （一）: in GB/T 9704 the number of a heading (levels 1 and 2), never
 * of a list — a list is numbered 1. 2. 3. or ① ②. Its heading sentence may be long
 * ("（一）深学笃用习近平法治思想和党的二十大精神,推动城市管理部门法治政府建设高质量发展。一是……",
 * 198-chongqingcgj-2022, 39 characters): written as an item it would leave the outline, and after a
 * sibling heading print one level down (“1.”), the numbers after it shifted.
 */
function headingNumber(n: TypedNumber): boolean {
  return n.style === 'chinese' || n.style === 'chineseParen';
}

/** One sentence ending in 。, with no other 。 before it. */
const WHOLE_SENTENCE = /^[^。]+。$/;

/**
 * Where a line's typed number is in its source line (1-based): its start, found in the raw line — a page that
 * lost its line breaks gives several lines of one source line, each number further along it.
 */
function numberColumn(line: Line): number | undefined {
  const at = line.raw.indexOf(line.text.slice(0, 8));
  return at >= 0 ? at + 1 : undefined;
}

function reportMalformed(state: BodyState, line: Line, number: TypedNumber): void {
  const message = `手打的序号“${number.typed.trim()}”${number.malformed}：应为“（${'一二三四五六七八九十'[number.value - 1] ?? number.value}）”。导入时按第二级序号处理，请核对原文。`;
  state.findings.push({ line: line.n, column: numberColumn(line), code: 'BG232', message });
  state.blocks.push({ kind: 'comment', text: `// BG232 原文第${line.n}行：${message}`, source: line.n });
}

/**
 * A line that starts with one or two digits run straight into its words: “1理论武装入脑入心,筑牢思想根基。” —
 * not a count (“3名干部参加培训”, “2家单位”) nor a span of time (“1年来”).
 */
const DIGITS_RUN_IN = /^(\d{1,2})(?=[\u4e00-\u9fff])(?![名个次件人项家场期户起条份篇批余多万千百亿年月日天号届类种所座处间台辆元米亩吨倍])/;

/**
 * Numbers typed without their dot (“1理论武装入脑入心,筑牢思想根基。……” above “2.组织领导坚强有力,……”): a line
 * starting with digits run into a heading sentence, whose next numbered line is the next Arabic number, is
 * numbered like it. Left alone, the first item would stay a paragraph and the list under it print “1.” for the
 * source's “2.”. Fills their place in `numbered`; returns where they are.
 */
function dotlessNumbers(body: Line[], numbered: Array<TypedNumber | undefined>): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < body.length; i++) {
    if (numbered[i]) continue;
    const m = DIGITS_RUN_IN.exec(body[i]!.text);
    if (!m) continue;
    const rest = body[i]!.text.slice(m[0].length);
    if (!headingShape(rest).headingLike) continue;
    const nextAt = numbered.findIndex((n, k) => k > i && n !== undefined);
    const next = nextAt < 0 ? undefined : numbered[nextAt]!;
    if (!next || next.style !== 'arabic' || next.value !== Number(m[1]) + 1) continue;
    numbered[i] = { style: 'arabic', value: Number(m[1]), typed: m[0], separator: next.separator, rest };
    out.add(i);
  }
  return out;
}

/** “1理论武装……” before “2.……”: numbered as an item, and the source is told (BG607). */
function reportDotless(state: BodyState, line: Line, number: TypedNumber): void {
  const message = `手打的序号“${number.value}”后缺少下脚点：阿拉伯数字序号写作“${number.value}.”（下一个序号写作“${number.value + 1}${number.separator}”）。导入后序号由渲染器生成，原稿请改正。`;
  state.findings.push({ line: line.n, column: numberColumn(line), code: 'BG607', message });
}

/** "1、加强组织领导": the typed number goes (the renderer prints "1."), but the source is told (BG607, as in prose). */
function reportArabicComma(state: BodyState, line: Line, number: TypedNumber): void {
  const message = `手打的序号“${number.typed.trim()}”写法不对：阿拉伯数字序号后用下脚点，写作“${number.value}.”。导入后序号由渲染器生成，原稿请改正。`;
  state.findings.push({ line: line.n, column: numberColumn(line), code: 'BG607', message });
}

/**
 * A whole report whose first level is numbered （一）（二）: its opening paragraph, then （一） with no 一、 anywhere
 * (and no Arabic number enclosing the （一） headings as the top level). Text cut from the middle of a report begins
 * at its （一）, or at a paragraph that is no opening, and is not blamed.
 */
function parenAsTopLevel(body: readonly Line[], numbered: ReadonlyArray<TypedNumber | undefined>, numbers: readonly TypedNumber[], enclosing: number): boolean {
  if (enclosing > 0 || numbers[0]?.style !== 'chineseParen' || numbered[0] !== undefined) return false;
  // What stands before the （一） is the report's opening: it begins with its year (“2023年以来，……”) or ends “……报告如下：”.
  const opening = body.slice(0, numbered.findIndex((n) => n !== undefined));
  if (!/^\d{4}\s*年/.test(opening[0]!.text) && !opening.some((l) => /如下\s*[：:。]?$/.test(l.text))) return false;
  return !numbers.some((n) => n.style === 'chinese') && promotedVariants(numbers).size === 0;
}

/**
 * BG241: a line that is only a heading number, more text after it — Word's automatic numbering on an empty
 * paragraph (Word prints the number, and counts it: “一、甲 二、 三、乙”). No writer means a heading with no
 * text, so none is written; the number goes, said where it was, and the headings after it are numbered on
 * without the gap.
 */
function reportLoneNumber(state: BodyState, line: Line, lone: TypedNumber): void {
  const message = `只有序号“${lone.typed}”，没有文字（Word 在空段落上也打印自动编号，并计入编号）。导入时不写没有内容的标题，删去了这个序号；其后同级的标题由渲染器接着编号，不再空出这一号。如果这里漏写了标题，请补上。`;
  state.note(line.n, `序号“${lone.typed}”`, '只有序号，没有文字，不写成标题（BG241）');
  state.findings.push({ line: line.n, column: numberColumn(line), code: 'BG241', message });
  state.blocks.push({ kind: 'comment', text: `// BG241 原文第${line.n}行：${message}`, source: line.n, loneNumber: true });
}

/** BG240: the first （一） of a report numbering its first level so; it is level 1 in the import (printed 一、). */
function reportParenTop(state: BodyState, line: Line, number: TypedNumber): void {
  const message = `一级标题用了二级序号“${number.typed.trim()}”：正文开头一段之后的第一层标题应为“一、”“二、”，“（一）”是第二层。导入时按第一级处理（渲染为“一、”），请核对原文。`;
  state.findings.push({ line: line.n, column: numberColumn(line), code: 'BG240', message });
  state.blocks.push({ kind: 'comment', text: `// BG240 原文第${line.n}行：${message}`, source: line.n });
}

function reportMistyped(state: BodyState, line: Line, number: TypedNumber, level: number): void {
  const message = `手打的序号“${number.typed.trim()}”重复或跳号：它在上一个一级标题之内，应为第${level}级序号（如“（${number.typed.trim().replace(/[、．.，,\s]/g, '')}）”）。导入时按第${level}级处理，请核对原文。`;
  state.findings.push({ line: line.n, column: numberColumn(line), code: 'BG230', message });
  state.blocks.push({ kind: 'comment', text: `// BG230 原文第${line.n}行：${message}`, source: line.n });
}

/** A prose paragraph or numbered item, its amounts written as figures. */
function paragraph(state: BodyState, raw: string, source: number, kind: 'paragraph' | 'item', number = 1): void {
  const marked = markFigures(raw, state.names, escapeInline, state.org);
  state.figures += marked.figures;
  for (const comment of marked.comments) state.blocks.push({ kind: 'comment', text: `// ${comment}`, source });
  let text = fieldYears(marked.text, state.year, state.yearField);
  if (kind === 'paragraph' && lineStartNeedsEscape(raw) && !text.startsWith('\\')) text = `\\${text}`;
  state.blocks.push(kind === 'item' ? { kind, number, text, source } : { kind, text, source });
}

function heading(state: BodyState, text: string, level: number, source: number): void {
  const block: Block = { kind: 'heading', level, text: fieldYears(escapeInline(text), state.year, state.yearField), source };
  if (level === 1) {
    const part = partOfHeading(text);
    if (part && !state.usedLabels.has(part)) {
      state.usedLabels.add(part);
      block.label = part;
    }
  }
  state.blocks.push(block);
  state.current = level;
}

/** A line with a typed number: a heading, a run-in heading and its paragraph, or a numbered item. */
function numberedLine(state: BodyState, line: Line, number: TypedNumber, level: number, asItem: ItemRun | undefined): void {
  const rest = number.rest;
  const base = baseLevel(number);
  // Above its usual level: the top level of a report numbered “1、” over “（一）” (level 1), or one below the heading
  // above it, as no level is skipped (“1.” right under “一、”, 西洞庭管理区 2024) — the same reason as below its usual level.
  const context = level === base ? '' : `（这种序号通常是第${base}级，${level === 1 && level < base ? '这里它下面有“（一）”级标题' : '这里它的上级标题是第' + (level - 1) + '级，标题不跳级'}）`;
  const numberNote = (became: string) => state.note(line.n, `标题序号“${number.typed.trim()}”`, `按序号样式定为第${level}级${context}，${became}；序号由渲染器生成`);
  const { headingLike, runIn, stop } = headingShape(rest);
  const lead = stop < 0 ? rest : rest.slice(0, stop);
  const runInHeading = () => {
    // A level-2 heading runs in when rendered and gets its 。 back; a level-1 heading stands alone and keeps it as typed.
    const text = level === 1 ? rest.slice(0, stop + 1) : lead;
    numberNote(`写成标题“${text}”和其后的段落（${level === 1 ? '一级标题单独成行，句号照原样保留' : '二级标题渲染时接排，句号由渲染器加回'}）`);
    heading(state, text, level, line.n);
    paragraph(state, trimEdgeSpace(rest.slice(stop + 1)), line.n, 'paragraph');
  };
  if (asItem && level === state.current + 1) {
    numberNote(`与前后同级的编号句一起写成编号段落“1. ”（${asItem === 'long' ? '其中有的句子太长，不是标题' : '连续几行都是完整的一句话，中间没有正文，是一组条目，不是标题'}；整段照原样保留）`);
    const previous = state.blocks[state.blocks.length - 1];
    paragraph(state, rest, line.n, 'item', previous?.kind === 'item' ? previous.number + 1 : 1);
  } else if (headingLike && !runIn) {
    numberNote('写成标题');
    heading(state, rest, level, line.n);
  } else if (headingLike && level === 2) runInHeading();
  else if (level >= 2 && !headingNumber(number) && (level === state.current + 1 || !headingLike)) {
    const under = level === state.current + 1 ? '' : `，渲染时按所在标题的下一级编号`;
    numberNote(`写成编号段落“1. ”（${runIn && headingLike ? '三、四级标题不接排，' : '不像标题，'}整段照原样保留${under}）`);
    const previous = state.blocks[state.blocks.length - 1];
    paragraph(state, rest, line.n, 'item', previous?.kind === 'item' ? previous.number + 1 : 1);
  } else if (runIn && level === 2) runInHeading();
  // 一、巩固提升依法履职水平。注重政治引领……: a first-level heading run into its paragraph (seen on real pages).
  else if (runIn && headingLike && level === 1) runInHeading();
  else {
    numberNote('整行写成标题');
    heading(state, rest, level, line.n);
  }
}
