// Report checks: dates and names (BG7xx) — the 成文日期 against the reported year and the publication
// deadline, a typed signature against @机关, another township's name left in reused text, and
// paragraphs copied unchanged from last year's report (@上年).
import type * as ast from '../../../grammar/index.js';
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { ReportModel } from '../model.js';
import { cachedPerPlaced } from './blockCache.js';
import { checkedKind, NO_DIAGNOSTICS, type CheckSettings, type ReportCheck } from './contract.js';
import { printInlines } from '../printed.js';
import { blockTextNodes, eolOf, firstLineSpan, located } from './prose.js';
import functionWords from '../data/function-words.json' with { type: 'json' };
import { hasPendingValues } from './refill.js';
import { NOTHING_FOUND } from '../nothingFound.js';

export const datesCodes: CodeInfo[] = [
  {
    code: 'BG701', severity: 'error', title: '缺少成文日期',
    description: '法治政府建设年度报告没有“@日期”：落款下面印不出成文日期，也无法检查是否按时报送。（通用工作报告不查。日期写法有误时报 BG102。）',
    example: '@类型 法治政府建设年度报告（没有 @日期）', fix: '插入“@日期 ”一行，再填写日期（不是安全修复）',
  },
  {
    code: 'BG702', severity: 'warning', title: '日期早于年度结束',
    description: '成文日期在所报告的年度结束之前：年度还没过完就写总结，数字多半不全。确实如此（年底前报送）时可用“@检查 BG702=关”关闭。',
    example: '@年度 2021\n@日期 2021-12-22',
  },
  {
    code: 'BG703', severity: 'warning', title: '日期晚于报送期限',
    description: '成文日期晚于报送期限（默认为次年4月1日，可在设置中改为各省更早的期限）。',
    example: '@年度 2020\n@日期 2021-05-10',
  },
  {
    code: 'BG704', severity: 'warning', title: '落款与机关不符',
    description: '正文最后一段像是手打的落款（如“某某镇人民政府”），却与“@机关”不同：多半是沿用别的报告时漏改。落款由“@机关”生成，手打的落款可以删去。',
    example: '@机关 桂圩镇人民政府\n……\n大歇镇人民政府', fix: '删去手打的落款（不是安全修复）',
  },
  {
    code: 'BG705', severity: 'warning', title: '出现别的乡镇名称',
    description: '正文里出现了不是本机关的乡镇、街道名称（如在桂圩镇的报告里出现“大歇镇”），多半是复制别的报告时漏改。本机关名称按“@机关”的简称比较（北屏乡人民政府 → 北屏乡）；全镇、本镇、我镇、乡镇、城镇、乡村等泛称不报；动词、介词后的“镇”“乡”“街道”（根据镇党委、坚持镇、通过街道、建立起乡）不是地名，不报（常用词表取自结巴分词词典）；“@机关”是县、区、市的机关（它的报告本来就要写到下辖乡镇）时整项不查。名称以“乡”“镇”结尾的县级市、县和地级市（桐乡、新乡、萍乡、景德镇等）不是乡镇：“法治桐乡”“平安萍乡”不报；“西乡街道”里的“乡”是街道名称的一部分。',
    example: '@机关 桂圩镇人民政府\n大歇镇综治中心全年调处纠纷……',
  },
  {
    code: 'BG706', severity: 'hint', title: '与上年报告段落相同',
    description: '这一段的文字（指标按数值代入后）与“@上年”报告中的一段完全相同：请确认内容仍然适用于本年度。较短的段落（如“我镇无其他需要报告的情况。”）不报；还有待填写的指标（BG710，baogao new 起草的报告）时先不报。',
    example: '@上年 guiwei-2020.bg（本段原样照搬上年）',
  },
  {
    code: 'BG707', severity: 'warning', title: '手打的落款重复',
    description: '正文最后一段就是“@机关”的名称：落款由“@机关”和“@日期”自动生成，手打的一行会印两次。',
    example: '@机关 桂圩镇人民政府\n……\n桂圩镇人民政府', fix: '删去手打的落款（安全）',
  },
];
registerCodes(datesCodes);

// ---------------------------------------------------------------- the date

function dates(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  if (model.isSnippet) return [];
  const out: Diagnostic[] = [];
  const { header } = model;
  const value = header.values.日期;
  if (header.datePending) return out; // to be filled in: BG710
  if (!value) {
    if (checkedKind(model, settings) === '法治政府建设年度报告') {
      const text = model.file.text;
      const anchor = header.values.年度?.directive ?? header.values.类型?.directive;
      const at = anchor ? { start: anchor.start, end: lineEnd(text, anchor.start) } : firstLineSpan(text);
      const insertAt = anchor ? lineEnd(text, anchor.start) : 0;
      const eol = eolOf(text);
      const newText = anchor ? `${eol}@日期 ` : `@日期 ${eol}`;
      out.push(diagnostic('BG701', at, '没有成文日期“@日期”：请写上，例如“@日期 2021-01-13”。', [{ title: '插入“@日期”', safe: false, edits: [{ start: insertAt, end: insertAt, newText }] }]));
    }
    return out;
  }
  const date = header.date;
  const year = header.year;
  if (!date || year === undefined) return out; // malformed: BG102 already
  const stamp = date.year * 10000 + date.month * 100 + date.day;
  if (date.year <= year) {
    out.push(diagnostic('BG702', value.span, `成文日期${date.year}年${date.month}月${date.day}日在${year}年度结束之前：年度报告一般在次年年初成文。`));
  }
  const deadline = (year + 1) * 10000 + settings.deadline.month * 100 + settings.deadline.day;
  if (stamp > deadline) {
    out.push(diagnostic('BG703', value.span, `成文日期${date.year}年${date.month}月${date.day}日晚于报送期限${year + 1}年${settings.deadline.month}月${settings.deadline.day}日。`));
  }
  return out;
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

// ---------------------------------------------------------------- names

/** The body's own short name: 北屏乡人民政府 → 北屏乡. */
export function shortName(org: string): string {
  return org.replace(/(人民政府|政府|党委|党政办公室|办事处|委员会|办公室)$/u, '') || org;
}

function signature(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  void settings;
  const org = model.header.org;
  if (!org || model.isSnippet) return [];
  // The report's own last block, found from the end (not a list of every block made at each keystroke).
  let last: ReportModel['blocks'][number] | undefined;
  for (let i = model.blocks.length - 1; i >= 0 && !last; i--) if (model.blocks[i]!.scope.file === model.file) last = model.blocks[i];
  if (!last || last.block.kind !== 'paragraph' || last.block.lines.length !== 1) return [];
  const text = printInlines(last.block.lines[0]!, last.scope, model.figures).trim();
  if (text.length > 30 || !/(人民政府|办事处|委员会|政府|党委|局|办公室)$/u.test(text) || /[，。；：、,;:]/.test(text)) return [];
  const block = last.block;
  const source = model.file.text;
  // Remove the line and the blank line before it.
  let start = block.start;
  while (start > 0 && /[\r\n \t　]/.test(source[start - 1]!)) start--;
  const removal = { start, end: lineEnd(source, block.start), newText: '' };
  if (text === org) {
    return [diagnostic('BG707', block, `“${text}”是手打的落款：落款由“@机关”自动生成，这一行会印两次。`, [{ title: '删去手打的落款', safe: true, edits: [removal] }])];
  }
  return [diagnostic('BG704', block, `最后一段“${text}”像是落款，却与“@机关 ${org}”不同：落款由“@机关”生成，请删去这一行并核对“@机关”。`, [{ title: '删去手打的落款', safe: false, edits: [removal] }])];
}

/** Characters before 镇/乡 that make a generic word, not a name (全镇 乡镇 城乡 依法治镇 工业兴镇 …). */
const GENERIC_BEFORE = codesOf('全本我该各城乡集村两小重强名市县区省此每他外邻诸某一二三几多个原新古下返回还故家老异治兴');
/**
 * Characters after 乡/镇 that start another word (乡村 镇压 …), and 市县区 after one (景德镇市: a city). By
 * character code, as GENERIC_BEFORE: most markers (我镇, 全乡) are passed over before any string is made.
 */
const WORD_AFTER: Record<string, Set<number>> = {
  乡: codesOf('村镇土亲贤风情愁里间音邻绅民野下'),
  镇: codesOf('村压静痛定守纸'),
  街道: codesOf('两口边'),
};
const CITY_AFTER = codesOf('市县区');

function codesOf(characters: string): Set<number> {
  return new Set([...characters].map((c) => c.charCodeAt(0)));
}
/** Words a name does not start with: 在大歇镇 → 大歇镇. */
const LEADING = /^(?:.*?)(?:在|为|对|与|和|及|把|将|向|由|从|到|是|了|的|于|至|给|同|跟|经|让|使|即|去|来|往|赴|比|较|帮|助|组织|联合|指导|协助|走进|深入|来到|前往|推进|开展)/u;

interface NameHit {
  name: string;
  start: number;
  end: number;
}

/**
 * Whether the `width` UTF-16 units of `text` at `at` are one of the entries of `list`: fixed-width entries
 * in code-unit order, found by binary search. Nothing is built at start: a set of the 15,000 function
 * words took 12 ms of every cold `baogao check`.
 */
function inSortedList(list: string, width: number, text: string, at: number): boolean {
  let low = 0;
  let high = list.length / width;
  while (low < high) {
    const mid = (low + high) >>> 1;
    let order = 0;
    for (let k = 0; k < width && order === 0; k++) order = list.charCodeAt(mid * width + k) - text.charCodeAt(at + k);
    if (order === 0) return true;
    if (order < 0) low = mid + 1;
    else high = mid;
  }
  return false;
}

const { two: FUNCTION_WORDS_2, three: FUNCTION_WORDS_3 } = functionWords as { two: string; three: string };

/** The end of the longest function word of two or three characters starting at i in a run, or -1. */
function functionWordEnd(run: string, i: number): number {
  if (i + 2 > run.length) return -1;
  if (i + 3 <= run.length && inSortedList(FUNCTION_WORDS_3, 3, run, i)) return i + 3;
  return inSortedList(FUNCTION_WORDS_2, 2, run, i) ? i + 2 : -1;
}

/** Does a candidate name contain a common verb, preposition, adverb, … of two or three characters? */
function containsFunctionWord(run: string): boolean {
  for (let i = 0; i < run.length; i++) if (functionWordEnd(run, i) >= 0) return true;
  return false;
}

/** Verbs of governing that take 街道, 乡, 镇 as their object and are no function words in the list (规范街道办事处行政行为). */
const GOVERNS = /^(?:规范|统筹|赋能|考核)$/;

/** The part of a run after its last common verb, preposition, … (undefined when it has none). */
function afterLastFunctionWord(run: string): string | undefined {
  let end = -1;
  for (let i = 0; i < run.length; i++) end = Math.max(end, functionWordEnd(run, i));
  return end < 0 ? undefined : run.slice(end);
}

/** The words of a campaign named after a place: 法治桐乡, 平安X镇. */
const CAMPAIGN = /^(?:法治|平安)/u;

/**
 * Cities and counties whose names end in 乡 or 镇 (桐乡市, 新乡市, 景德镇市): named alone (“法治桐乡”) they are a
 * township's city or county, not another township.
 */
const COUNTY_LEVEL = new Set(['新乡', '萍乡', '桐乡', '湘乡', '宁乡', '安乡', '武乡', '东乡', '景德镇']);

/** Single characters that are words of their own (都向镇, 办公室于乡): no place name has them. */
const FUNCTION_CHARS = /[于向都的了把被将从在为对是也还又就才均皆已曾并且而]/u;

/** Kinds of towns, not names: 中心镇 重点镇 特色镇 示范镇 卫生镇 文明镇 专业镇 建制镇 边境镇. */
// 政府乡长, 党委镇长: the office before a township's head (乡长, 镇长); no place name ends in an office.
const GENERIC_KINDS = /(?:中心|重点|特色|示范|卫生|文明|专业|建制|边境|名|强|古|政府|党委|人大)$/u;

/** \p{Script=Han} by UTF-16 unit, remembered per unit (0 not yet asked, 1 no, 2 yes): no string per character. */
const HAN_UNITS = new Uint8Array(0x10000);

function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (HAN_UNITS[c] === 0) HAN_UNITS[c] = /\p{Script=Han}/u.test(String.fromCharCode(c)) ? 2 : 1;
  return HAN_UNITS[c] === 2;
}

/** What may follow a township's whole name (its government, a punctuation mark, the end), tested where it stands. */
const NAME_END_AFTER = /人民政府|街道办|[，。、；：）》”\s]|$/uy;

function followedByNameEnd(text: string, at: number): boolean {
  NAME_END_AFTER.lastIndex = at;
  return NAME_END_AFTER.test(text);
}

/** The word a date's digits end with (2023年度, 3月份, 15日): no place name begins with it after digits. */
const DATE_WORD = /^(?:年度|年|月份|月|日|季度)/u;
/** An ASCII or full-width digit. */
const isDigitUnit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

const isTownMark = (c: number) => c === 0x9547 /* 镇 */ || c === 0x4e61 /* 乡 */;

/** What ends a township's name: the character a match ends with tells which. */
const TOWN_MARKER = /镇|乡|街道/g;
const MARKER_ENDING_IN: Record<string, string> = { 镇: '镇', 乡: '乡', 道: '街道' };

/**
 * The township names in a text. `own`: the report's own township (本机关的简称, ending in 镇, 乡 or
 * 街道): a marker right after its name is passed over, since any name found there is a part of it or ends
 * with it (the name is a suffix of the text before the marker).
 */

export function townshipNames(text: string, own?: string): readonly NameHit[] {
  let hits: NameHit[] | undefined;
  const ownMarker = own?.endsWith('街道') ? '街道' : own?.slice(-1);
  const ownStem = own?.slice(0, own.length - (ownMarker?.length ?? 0));
  // The pattern's test says where a marker ends (lastIndex): no match array is made per marker.
  for (TOWN_MARKER.lastIndex = 0; TOWN_MARKER.test(text); ) {
    const marker = MARKER_ENDING_IN[text[TOWN_MARKER.lastIndex - 1]!]!;
    const at = TOWN_MARKER.lastIndex - marker.length;
    if (marker === ownMarker && ownStem && at >= ownStem.length && text.startsWith(ownStem, at - ownStem.length)) continue;
    const after = text.charCodeAt(at + marker.length);
    if (WORD_AFTER[marker]!.has(after) || CITY_AFTER.has(after)) continue;
    // 西乡街道, 新镇街道: the 乡 or 镇 is inside a 街道's name, which its own marker reads.
    if (marker !== '街道' && after === 0x8857 /* 街 */ && text.charCodeAt(at + 2) === 0x9053 /* 道 */) continue;
    let runStart = at;
    while (runStart > 0 && at - runStart < 8 && isHanAt(text, runStart - 1) && !isTownMark(text.charCodeAt(runStart - 1))) runStart--;
    if (runStart === at || GENERIC_BEFORE.has(text.charCodeAt(at - 1))) continue;
    // 2023年度乡理论学习中心组: the run opens with a date's word after its digits (年度, 年, 月, 日) — the date
    // is no part of a name; what follows it is the name, if any, and the date bounds it.
    const afterDate = runStart > 0 && isDigitUnit(text.charCodeAt(runStart - 1)) && DATE_WORD.test(text.slice(runStart, at));
    if (afterDate) runStart += DATE_WORD.exec(text.slice(runStart, at))![0].length;
    if (runStart === at) continue;
    let run = text.slice(runStart, at);
    // 小事不出村、大事不出镇 / 矛盾不出街道: the slogan's place word, after its verb, names no township.
    if (/不[出离进下上]$/.test(run)) continue;
    // 以维护大歇镇, 支持大歇镇: what follows the run's last verb or preposition is the name; 根据镇…, 坚持镇…,
    // 通过街道…, 建立起乡… (镇 short for 本镇 after a verb) leave nothing of a name.
    const named = afterLastFunctionWord(run);
    // 不断规范街道办事处行政行为 (荷城街道 2022): a verb the word list (jieba's function words) does not hold takes the
    // street office as its object; it names no township.
    if (GOVERNS.test(named ?? run)) continue;
    if (named !== undefined) run = named;
    else {
      // Strip leading function words; a name has two to four characters.
      const stripped = run.replace(LEADING, '');
      const boundaryBefore = afterDate || runStart === 0 || !isHanAt(text, runStart - 1);
      if (stripped !== run) run = stripped;
      else if (!boundaryBefore || run.length > 4) continue; // cannot tell where the name starts
      // 乡党委 镇政府 镇长 are also generic: after a long unbounded run ("继续实行乡党委") it is not a name.
      else if (run.length >= 4 && !followedByNameEnd(text, at + marker.length)) continue;
    }
    // “法治桐乡”, 平安X镇: a campaign named after a place; the place is what follows the campaign's word.
    if (run.length > 2 && CAMPAIGN.test(run)) run = run.replace(CAMPAIGN, '');
    if (run.length < 2 || run.length > 4) continue;
    if (GENERIC_BEFORE.has(run.charCodeAt(0)) && run.length === 2) continue;
    if (COUNTY_LEVEL.has(run + marker)) continue;
    if (containsFunctionWord(run) || GENERIC_KINDS.test(run) || FUNCTION_CHARS.test(run)) continue;
    (hits ??= []).push({ name: run + marker, start: at - run.length, end: at + marker.length });
  }
  return hits ?? NO_NAMES;
}

const NO_NAMES: readonly NameHit[] = NOTHING_FOUND;

function otherTownships(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  void settings;
  const org = model.header.org;
  if (!org) return [];
  const own = shortName(org);
  // A county's or district's office names its towns: only a township's own report is checked.
  if (!/(?:镇|乡|街道)$/.test(own)) return [];
  const isOwn = (name: string) => own.endsWith(name) || name.endsWith(own) || org.includes(name);
  return cachedPerPlaced(`other-townships:${org}`, model, (placed) => {
    let out: Diagnostic[] | undefined;
    for (const node of blockTextNodes(placed)) {
      for (const hit of townshipNames(node.text, own)) {
        if (isOwn(hit.name)) continue;
        (out ??= []).push(located(model, placed.scope, diagnostic('BG705', { start: node.start + hit.start, end: node.start + hit.end }, `“${hit.name}”不是本机关（${org}）：是否从别的报告复制时漏改了？`)));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

// ---------------------------------------------------------------- text reused from last year

const MIN_REUSED = 30;

function paragraphTexts(model: ReportModel): Array<{ text: string; span: ast.Span }> {
  const out: Array<{ text: string; span: ast.Span }> = [];
  for (const placed of model.blocks) {
    if (placed.scope.file !== model.file || placed.block.kind !== 'paragraph') continue;
    const text = placed.block.lines.map((line) => printInlines(line, placed.scope, model.figures).trim()).join('');
    out.push({ text, span: placed.block });
  }
  return out;
}

function reusedText(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  void settings;
  const previous = model.previous;
  // A draft started from last year's (figures still to refill, BG710) is last year's text throughout:
  // the paragraphs are worth looking at once the figures are in.
  if (!previous || hasPendingValues(model)) return [];
  const last = new Set(paragraphTexts(previous).map((p) => p.text).filter((t) => [...t].length >= MIN_REUSED));
  const out: Diagnostic[] = [];
  for (const p of paragraphTexts(model)) {
    if ([...p.text].length >= MIN_REUSED && last.has(p.text)) {
      out.push(diagnostic('BG706', p.span, '这一段与上年报告中的一段完全相同：请确认内容仍适用于本年度。'));
    }
  }
  return out;
}

export const datesChecks: ReportCheck[] = [
  { id: 'report-date', codes: ['BG701', 'BG702', 'BG703'], run: dates },
  { id: 'signature', codes: ['BG704', 'BG707'], run: signature },
  { id: 'other-townships', codes: ['BG705'], run: otherTownships },
  { id: 'reused-text', codes: ['BG706'], run: reusedText },
];
