// Report checks: slips seen in real reports as found — a formula's plus signs a page turned into spaces (BG752), a page's HTML left between characters (BG757), a year range typed without its dash
// ("(20212025年)", the dash lost when copied from a page) and a template's placeholders left unfilled
// ("共召开会议*次", "x镇", "××人", "x013年", "聘请_律师", "(年)"). Both patterns are narrow on purpose:
// nothing else looks like them. And a report in traditional characters, copied from a site's 繁体 version
// (once per report), or a few traditional characters in simplified text where the report writes the same
// character simplified too (汉源縣 beside 汉源县).
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import type * as ast from '../../../grammar/index.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { unitSet } from '../unitSet.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { PlacedBlock, ReportModel } from '../model.js';
import { cachedPerPlaced, ruledOutInBatch } from './blockCache.js';
import { AttachedMap } from '../attached.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { blockTextNodes, located } from './prose.js';
import { TRADITIONAL_AND_SIMPLIFIED } from '../script.js';
import { allMatches } from '../matches.js';

export const slipsCodes: CodeInfo[] = [
  {
    code: 'BG231', severity: 'warning', title: '年份范围缺少连接号',
    description: '两个年份连写在一起（如“20212025年”），中间的一字线“—”丢了（常见于从网页复制的文字）：应写作“2021—2025年”。',
    example: '《某区法治政府建设实施纲要（20212025年）》', fix: '在两个年份之间加“—”',
  },
  {
    code: 'BG233', severity: 'error', title: '未填写的占位内容',
    description: '正文里留着模板的占位符（“*次”“x镇”“××人”“XX万元”“xx%”“20xx年”“第x”、待填的空白“_”），数字或名称还没有填写，或转载的网页把数字换成了“*”（“****年”“*.加强组织领导”）；或留着“（略）”，有文字被略去了（模板或只显示部分内容的网页留下的）；或文件名称里的年份没有了（“实施方案（年）”）。',
    example: '共召开会议*次，x镇全年调处纠纷××件；连续多（略）依法行政工作先进单位；聘请_律师担任法律顾问',
  },
  {
    code: 'BG234', severity: 'error', title: '繁体字',
    description: '正文用的是繁体字（常见于从网站的“繁体”版复制的文字）：政府公文应使用规范汉字，请整篇转为简体（Word、WPS：审阅 → 繁转简）后再检查。整篇只报告一次，位置在第一个繁体字。',
    example: '小龍門鄉2024年法治政府建設情況報告',
  },
  {
    code: 'BG235', severity: 'warning', title: '简体文中夹有繁体字',
    description: '简体的报告里个别字写成了繁体（“汉源縣”，同一篇里别处写“汉源县”）：常见于从转载网站复制的文字。只在报告别处也用了这个字的简体时报告（人名等可能有意用繁体的字不报）；整篇是繁体时见 BG234。',
    example: '紧紧围绕縣委全面依法治县工作安排', fix: '改为简体（安全）',
  },
  {
    code: 'BG236', severity: 'warning', title: '年份后缺“年”字',
    description: '年份后面直接跟着文字，少了“年”字（“2024法治政府建设年度报告”“《某局2021依法行政重点工作安排》”“2021度”），或直接连着月份（“20231月”“202312月”，日期“（2023年1月）”漏了“年”），或连着月份和日子（“2025730日”，“年”“月”都漏了）：应写作“2024年法治政府建设年度报告”“2023年1月”“2025年7月30日”。年份后跟文字时只在标题、书名号里的文件名称、句子开头（“2025坚持以……”）和“度”“以来”“全年”“法治”“依法”“工作”等年份常带的词前报告；正文里其他数字后缺量词的见 BG221。',
    example: '《霍山县市场监管局2021依法行政重点工作安排》', fix: '在年份后补上“年”',
  },
  {
    code: 'BG237', severity: 'warning', title: '机关名称里的字重复',
    description: '机关名称里行政区划的“县”“市”“区”“镇”“乡”连写了两次，后面是部门名称（“元谋县县卫生健康局”）：多打了一个字，应写作“元谋县卫生健康局”。“县委”“县政府”“县长”“市场监管局”等以这个字开头的词不报（“某县县委”“某市市场监督管理局”是对的）。',
    example: '2022年，元谋县县卫生健康局在县委、县政府的坚强领导下', fix: '删去重复的字',
  },
  {
    code: 'BG752', severity: 'warning', title: '公式里的加号丢了',
    description: '引号里的数字和字母之间只剩空格（“1 3 x”学法清单）：原文是“1+3+X”，转载的网页把“+”当作网址里的空格换掉了。只查引号里全是一两位的数字或字母、以单个空格隔开、至少有一个数字的写法（“1 3 x”“1 N”）；有汉字或长的英文词的不报。',
    example: '建立领导干部“1 3 x”学法清单', fix: '把空格改回“+”（不是安全修复：请核对原文）',
  },
  {
    code: 'BG757', severity: 'warning', title: '网页代码留在了文字里',
    description: '两个汉字之间夹着网页的 HTML 代码（“海南省人民政府br关于……”里的“br”是换行标记 <br> 丢了尖括号，“&nbsp;”“nbsp”是空格的实体）：转载或复制网页时代码当成了文字，应删去（原处要换行的，另起一行）。只查夹在两个汉字之间的 br、nbsp、ensp、emsp、amp、quot、ldquo、rdquo、lsquo、rsquo、hellip、mdash、middot 及带尖括号、“&”“;”的写法。',
    example: '@标题 海南省人民政府br关于2020年度法治政府建设情况的报告', fix: '删去代码（不是安全修复：原处可能要换行或要补上标点）',
  },
];
registerCodes(slipsCodes);

const TRADITIONAL_CHARACTERS = TRADITIONAL_AND_SIMPLIFIED.replace(/(.)./g, '$1');
/** The simplified form of a traditional character of the table, by character code. */
const SIMPLIFIED = new Map<number, string>();
for (let i = 0; i < TRADITIONAL_AND_SIMPLIFIED.length; i += 2) SIMPLIFIED.set(TRADITIONAL_AND_SIMPLIFIED.charCodeAt(i), TRADITIONAL_AND_SIMPLIFIED[i + 1]!);
const IS_TRADITIONAL = unitSet(TRADITIONAL_CHARACTERS);
/** The simplified forms of the table: simplified text with a few traditional characters has more of them. */
const IS_SIMPLIFIED_FORM = unitSet(SIMPLIFIED.values());

/** The offsets of the traditional characters in `text`, up to `limit`. */
function traditionalIn(text: string, limit: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length && out.length < limit; i++) if (IS_TRADITIONAL[text.charCodeAt(i)]) out.push(i);
  return out;
}

/** How many traditional characters `text` has, counting up to `limit` (nothing is built: most text has none). */
function traditionalCount(text: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < limit; i++) count += IS_TRADITIONAL[text.charCodeAt(i)]!;
  return count;
}

const TRADITIONAL_IN_A_BLOCK = 3;

/** Two years run together: 2021 and 2025 with nothing between, the second later by at most 15 years. */
const RUN_TOGETHER = /(?<!\d)((?:19|20)\d{2})((?:19|20)\d{2})(?=\s*年)/g;
const EIGHT_DIGITS = /\d{8}/;
const PLACEHOLDER_MARK = /[*＊xX×]/;
/** Text left out: “（略）”, “(此处略)”, “[内容略]” — by a template, or by a site that shows only part of a page. */
const OMITTED = /[（(\[【]\s{0,3}(?:此处|以下|以上|内容|具体|数据)?\s{0,3}略\s{0,3}[)）\]】]/g;
/**
 * Placeholders: * or ×× where a number goes, x/X/×× where a name goes, x for digits of a year (20xx年,
 * x013年: a site that hides numbers) or * for all four (****年: a tender site that masks every digit, the
 * typed number of a paragraph too: “*.加强组织领导”), an ordinal left open (全省第x).
 */
const PLACEHOLDER = /(?<![A-Za-z*＊])(?:[*＊]{1,3}|[xX×]{1,3})(?=(?:[余多])?(?:[次件人名个项场起份家条期镇乡县区市村街道]|[万亿]?元|[%％])(?![A-Za-z]))|(?<=^|[共有计为了达、]|[\u4e00-\u9fff]{2}[，,]|[\u4e00-\u9fff])[*＊]{1,3}(?=[\u4e00-\u9fff])(?!注)|(?<![A-Za-z\d])(?=[\dxX×]{0,3}[xX×])[\dxX×]{4}(?=\s*年)|(?<![A-Za-z\d*＊])[*＊]{4}(?=\s*年)|(?<=第)[xX×]{1,2}(?![A-Za-z\d])|^[*＊]{1,2}(?=[.．、][\u4e00-\u9fff])/g;
/**
 * A formula whose plus signs a page turned into spaces (“1+3+X” as “1 3 x”, the + of a web address's query): inside
 * quotes, only short tokens of digits or Latin letters a single space apart, one of them a number. Bounded tokens.
 */
const LOST_PLUS = /“([0-9A-Za-z]{1,2}(?: [0-9A-Za-z]{1,2}){1,5})”/g;
/** A blank to fill in: “聘请_律师”, a run of underscores beside Chinese (no word of a report has one). */
const BLANK = /[_＿]+/g;
const isHan = (text: string, i: number) => i >= 0 && i < text.length && /[\u4e00-\u9fff]/.test(text[i]!);
/** A document's year range lost: “实施方案(年)”. */
const YEAR_LOST = /[（(]\s*年\s*[)）]/g;

function slips(model: ReportModel): Diagnostic[] {
  return placeholderBody(model).concat(htmlInTitle(model), cachedPerPlaced('slips', model, (placed) => blockSlips(model, placed)));
}

/** Where a blank, a lost year or an omission may start: one test of a node instead of one per kind. */
const MAY_BE_LEFT_OPEN = /[_＿略]|[（(]\s*年/;
/**
 * What any slip below but a lost plus needs (EIGHT_DIGITS, PLACEHOLDER_MARK, MAY_HOLD_HTML, MAY_BE_LEFT_OPEN), in
 * one test: most nodes have none, and one pass over them costs about half of four.
 */
const MAY_SLIP = /\d{8}|[*＊xX×]|[a-z]|[_＿略]|[（(]\s*年/;

function blockSlips(model: ReportModel, placed: PlacedBlock): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const node of blockTextNodes(placed)) {
    if (!MAY_SLIP.test(node.text)) {
      if (node.text.includes('“')) out = lostPlus(model, placed, node, out);
      continue;
    }
    // Most text has neither eight digits in a row nor a placeholder mark: skipped before the patterns run.
    if (EIGHT_DIGITS.test(node.text)) for (const m of allMatches(RUN_TOGETHER, node.text)) {
      const [first, second] = [Number(m[1]), Number(m[2])];
      if (second <= first || second - first > 15) continue;
      const start = node.start + m.index!;
      const fixed = `${m[1]}—${m[2]}`;
      (out ??= []).push(located(model, placed.scope, diagnostic('BG231', { start, end: start + 8 }, `“${m[0]}年”中两个年份连在一起，缺少一字线：应写作“${fixed}年”。`, [
        { title: `改为“${fixed}”`, edits: [{ start, end: start + 8, newText: fixed }], safe: false },
      ])));
    }
    if (PLACEHOLDER_MARK.test(node.text)) for (const m of allMatches(PLACEHOLDER, node.text)) {
      const start = node.start + m.index!;
      const around = node.text.slice(Math.max(0, m.index! - 4), m.index! + m[0].length + 2);
      // A year or a paragraph's number all in *: a page masked the digits (a template writes 20xx年, 一、).
      const masked = /^[*＊]+$/.test(m[0]) && (m[0].length === 4 || /^[.．、]/.test(node.text.slice(m.index! + m[0].length)));
      const what = masked ? '是被遮盖的数字（转载的网页把数字换成了“*”）' : '是模板的占位符，还没有填写';
      (out ??= []).push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”里的“${m[0]}”${what}：请填上实际的数字或名称。`)));
    }
    if (node.text.includes('“')) out = lostPlus(model, placed, node, out);
    if (MAY_HOLD_HTML.test(node.text)) for (const d of htmlLeft(node.text, node.start)) (out ??= []).push(located(model, placed.scope, d));
    if (!MAY_BE_LEFT_OPEN.test(node.text)) continue;
    if (node.text.includes('_') || node.text.includes('＿')) for (const m of allMatches(BLANK, node.text)) {
      if (!isHan(node.text, m.index! - 1) && !isHan(node.text, m.index! + m[0].length)) continue;
      const start = node.start + m.index!;
      const around = node.text.slice(Math.max(0, m.index! - 4), m.index! + m[0].length + 2);
      (out ??= []).push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”里的“${m[0]}”是待填的空白，还没有填写：请填上实际的名称或数字。`)));
    }
    if (node.text.includes('年')) for (const m of allMatches(YEAR_LOST, node.text)) {
      const start = node.start + m.index!;
      const around = node.text.slice(Math.max(0, m.index! - 6), m.index! + m[0].length);
      (out ??= []).push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”的括号里只剩“年”，年份没有了：请补上，如“（2021—2025年）”。`)));
    }
    if (node.text.includes('略')) for (const m of allMatches(OMITTED, node.text)) {
      const start = node.start + m.index!;
      const around = node.text.slice(Math.max(0, m.index! - 6), m.index! + m[0].length + 4);
      (out ??= []).push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”里的“${m[0]}”表示这里的文字被略去了（模板或只显示部分内容的网页留下的）：请补上原文。`)));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

/** BG752: a formula in quotes whose plus signs were lost (LOST_PLUS). */
function lostPlus(model: ReportModel, placed: PlacedBlock, node: ast.TextNode, out: Diagnostic[] | undefined): Diagnostic[] | undefined {
  for (const m of allMatches(LOST_PLUS, node.text)) {
    if (!/\d/.test(m[1]!)) continue;
    const start = node.start + m.index! + 1;
    const fixed = m[1]!.replace(/ /g, '+');
    (out ??= []).push(located(model, placed.scope, diagnostic('BG752', { start, end: start + m[1]!.length }, `“${m[1]}”里只剩空格：像是公式“${fixed}”的加号在转载时丢了，请核对原文。`, [
      { title: `改为“${fixed}”`, edits: [{ start, end: start + m[1]!.length, newText: fixed }], safe: false },
    ])));
  }
  return out;
}

/** A template's body left unnamed at the start of the title: 某县, 某某镇, xx市. */
const PLACEHOLDER_BODY = /^\s*(?:某{1,2}|[xX×]{1,3})(?=省|市|县|区|旗|镇|乡|街道)/;

/**
 * BG233 in the header: the title naming a template's body (“某县2025年度法治政府建设情况报告”). Not 机关:
 * “@机关 某某镇人民政府” is what a skeleton offers to be typed over, and examples name their body so.
 */
/**
 * A page's HTML left between two Chinese characters: a <br> whose brackets were lost (“海南省人民政府br关于”, a mirror of
 * 海南 2020), an entity (&nbsp; nbsp). Only names HTML has, each bounded; a word of Latin letters is not touched.
 */
const HTML_LEFT = /(?<=\p{Script=Han})(?:<\/?br ?\/?>|&?(?:nbsp|ensp|emsp|amp|quot|ldquo|rdquo|lsquo|rsquo|hellip|mdash|middot);?|br)(?=\p{Script=Han})/gu;
const MAY_HOLD_HTML = /[a-z]/;

function htmlLeft(text: string, at: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (MAY_HOLD_HTML.test(text)) for (const m of allMatches(HTML_LEFT, text)) {
    const start = at + m.index!;
    out.push(diagnostic('BG757', { start, end: start + m[0].length }, `“${text.slice(Math.max(0, m.index! - 4), m.index! + m[0].length + 4)}”里的“${m[0]}”是网页的 HTML 代码，复制时留在了文字里：请删去。`, [
      { title: `删去“${m[0]}”`, edits: [{ start, end: start + m[0].length, newText: '' }], safe: false },
    ]));
  }
  return out;
}

/** BG757 in the report's title (the body's text is read block by block with the other slips). */
function htmlInTitle(model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const directive of model.file.document.header) {
    if (directive.name !== '标题') continue;
    for (const inline of directive.value) if (inline.kind === 'text') out.push(...htmlLeft(inline.text, inline.start));
  }
  return out;
}

function placeholderBody(model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const directive of model.file.document.header) {
    if (directive.name !== '标题') continue;
    const first = directive.value[0];
    const m = first?.kind === 'text' ? PLACEHOLDER_BODY.exec(first.text) : null;
    if (!first || first.kind !== 'text' || !m) continue;
    const start = first.start + m.index + m[0].length - m[0].trimStart().length;
    const shown = first.text.slice(m.index, m.index + m[0].length + 1).trim();
    out.push(diagnostic('BG233', { start, end: start + m[0].trim().length }, `标题里的“${shown}”是模板的占位符，还没有填写：请写上机关的实际名称。`));
  }
  return out;
}

/** A year (1950–2049) with a Chinese character right after it, not a digit before it. */
const YEAR_THEN_HAN = /(?<![\d.．·A-Za-z０-９第〔\[［(（-])((?:19[5-9]|20[0-4])\d)(?=(?!年)\p{Script=Han})/gu;
/** Words a year is written before (with 年 between): 2021度, 2021以来, 2024法治政府建设, 2021工作要点. */
const YEAR_WORDS = /^(?:度|以来|全年|上半年|下半年|第[一二三四]季度|法治|依法|工作|普法|远景|政府工作|年度)/;
/** Measure words after which a number of 1950–2049 is a count, not a year: 2000余册, 2021人次, 2020版. */
const COUNT_AFTER = /^(?:[余多人名件起次场份册条个项家户所位处期批篇套本张台辆元万亿千百届类种部幅封组队间栋站村镇节课天周岁月日号时分秒米倍宗单笔层票版首页卷章款枚面幢级例宗]|平方米|公里|学时|课时|小时|学年|年)/;

/**
 * Where a year lacks its 年: `digits` at `at` of `text`, followed by `after`, in a title (the report's
 * @标题, a document's name in 《》) or before a word a year is written before. Shared with BG221, which
 * leaves these to BG236.
 */
export function yearWithoutNian(after: string, inTitle: boolean, opensSentence = false): boolean {
  return !COUNT_AFTER.test(after) && (inTitle || YEAR_WORDS.test(after) || (opensSentence && !RANGE_OR_LIST.test(after)));
}

/** After a number, a word that joins it to another number (2025至2026年, 2024和2025两年): no year lacking its 年. */
const RANGE_OR_LIST = /^[至到和与及或、]/;

/**
 * Does the number at `at` of a text node open a sentence — the node's start (a paragraph's) or right after
 * a sentence's end? A year opening a report's sentence is written with its 年 (“2025坚持以……” lost it, 柳城县 2025);
 * a count does not open one without its noun before it.
 */
export const opensSentenceAt = (text: string, at: number) => at === 0 || SENTENCE_END.test(text[at - 1]!);
const SENTENCE_END = /[。；;！!？?]/;

/** The first text node of a citation starts right after its 《 (or 〈). */
export const opensTitle = (fileText: string, nodeStart: number) => fileText[nodeStart - 1] === '《' || fileText[nodeStart - 1] === '〈';

/** A year run into the month after it, its 年 left out: 20231月 (2023年1月), 202312月. */
const YEAR_THEN_MONTH = /(?<![\d.．·A-Za-z０-９第〔\[［-])((?:19[5-9]|20[0-4])\d)(0?[1-9]|1[0-2])月/gu;

/**
 * A year run into the month and day after it, its 年 and 月 left out: 2025730日 (2025年7月30日, 柳城县 2025),
 * 20251130日. The digits after the year are read as a month and a day; when they split two ways (2025111日:
 * 1月11日 or 11月1日) the message gives no split.
 */
const YEAR_THEN_MONTH_DAY = /(?<![\d.．·A-Za-z０-９第〔\[［-])((?:19[5-9]|20[0-4])\d)(\d{2,4})日/gu;

/** The ways `digits` split into a month and a day (730 → 7月30日; 111 → 1月11日, 11月1日). */
function monthDaySplits(digits: string): string[] {
  const out: string[] = [];
  for (let cut = 1; cut <= 2 && cut < digits.length; cut++) {
    const month = digits.slice(0, cut);
    const day = digits.slice(cut);
    if (month[0] === '0' && cut === 1) continue;
    const mm = Number(month);
    const dd = Number(day);
    if (day.length > 2 || (day[0] === '0' && day.length === 1) || mm < 1 || mm > 12 || dd < 1 || dd > 31) continue;
    out.push(`${mm}月${dd}日`);
  }
  return out;
}

const YEAR_BEFORE_WORD_OR_MONTH = /(?:19[5-9]|20[0-4])\d(?:\p{Script=Han}|\d{1,2}月|\d{2,4}日)/u;
const mayLackNian = (source: string) => YEAR_BEFORE_WORD_OR_MONTH.test(source);

function yearsWithoutNian(model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const directive of model.file.document.header) {
    if (directive.name !== '标题') continue;
    for (const node of directive.value) if (node.kind === 'text') out.push(...nianMissing(node.text, node.start, true));
  }
  return out.concat(cachedPerPlaced('year-without-nian', model, (placed) => {
    let found: Diagnostic[] | undefined;
    for (const node of blockTextNodes(placed)) {
      if (!mayLackNian(node.text)) continue;
      for (const d of nianMissing(node.text, node.start, opensTitle(model.file.text, node.start))) (found ??= []).push(located(model, placed.scope, d));
    }
    return found ?? NO_DIAGNOSTICS;
  }, mayLackNian));
}

function nianMissing(text: string, offset: number, inTitle: boolean): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const m of allMatches(YEAR_THEN_HAN, text)) {
    const end = m.index! + m[1]!.length;
    const after = text.slice(end, end + 6);
    if (!yearWithoutNian(after, inTitle, opensSentenceAt(text, m.index!))) continue;
    const start = offset + m.index!;
    const shown = `${m[1]}${text.slice(end, end + 2)}`;
    (out ??= []).push(diagnostic('BG236', { start, end: start + m[1]!.length + 1 }, `“${shown}”：年份后缺“年”字，应写作“${m[1]}年${text.slice(end, end + 2)}”。`, [
      { title: `补上“年”：“${m[1]}年”`, safe: false, edits: [{ start: offset + end, end: offset + end, newText: '年' }] },
    ]));
  }
  for (const m of allMatches(YEAR_THEN_MONTH, text)) {
    const end = m.index! + m[1]!.length;
    const start = offset + m.index!;
    (out ??= []).push(diagnostic('BG236', { start, end: start + m[0].length }, `“${m[0]}”：年份后缺“年”字，应写作“${m[1]}年${m[2]}月”。`, [
      { title: `补上“年”：“${m[1]}年${m[2]}月”`, safe: false, edits: [{ start: offset + end, end: offset + end, newText: '年' }] },
    ]));
  }
  for (const m of allMatches(YEAR_THEN_MONTH_DAY, text)) {
    const splits = monthDaySplits(m[2]!);
    if (splits.length === 0) continue;
    const start = offset + m.index!;
    const written = splits.length === 1 ? `应写作“${m[1]}年${splits[0]}”` : `应写作“${splits.map((s) => `${m[1]}年${s}`).join('”或“')}”`;
    (out ??= []).push(diagnostic('BG236', { start, end: start + m[0].length }, `“${m[0]}”：年份和月份后缺“年”“月”字，${written}。`,
      splits.length === 1 ? [{ title: `补上“年”“月”：“${m[1]}年${splits[0]}”`, safe: false, edits: [{ start, end: start + m[0].length, newText: `${m[1]}年${splits[0]}` }] }] : []));
  }
  return out ?? NO_DIAGNOSTICS;
}

/**
 * A division's character typed twice before a department's name: 元谋县县卫生健康局. Only departments whose
 * names never start with that character (县委, 县政府, 县长, 市场监管局 do: 某县县委 is right).
 */
const DOUBLED_DIVISION = /(?<=\p{Script=Han})([县市区镇乡])\1(?=(?:卫生健康|卫健|教育|住房和城乡|住建|应急管理|司法局|财政局|公安局|民政局|自然资源|生态环境|交通运输|水利局|水务局|农业农村|人力资源|人社局|文化和旅游|文旅|统计局|审计局|医疗保障|医保局|林业局|商务局|发展和改革|发改|退役军人|税务局|城市管理|城管局|综合行政执法|信访局|档案局|科技局|工业和信息化|工信局|体育局|粮食|机关事务|行政审批|数据局|大数据))/gu;
const mayDoubleDivision = (source: string) => /([县市区镇乡])\1/.test(source);

function doubledDivisions(model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const directive of model.file.document.header) {
    if (directive.name !== '标题' && directive.name !== '机关') continue;
    for (const node of directive.value) {
      if (node.kind !== 'text' || !mayDoubleDivision(node.text)) continue;
      // The body's name written again in the text (as import takes it from the first sentence) is found there.
      if (directive.name === '机关' && model.file.text.includes(node.text, node.end)) continue;
      out.push(...doubled(node.text, node.start));
    }
  }
  // A batch check of a text with no character doubled anywhere (nearly every report) has nothing to look at block by block.
  if (ruledOutInBatch(model, (text) => wholeTextOf(model, text).doubledDivision)) return out;
  return out.concat(cachedPerPlaced('doubled-division', model, (placed) => {
    let found: Diagnostic[] | undefined;
    for (const node of blockTextNodes(placed)) if (mayDoubleDivision(node.text)) for (const d of doubled(node.text, node.start)) (found ??= []).push(located(model, placed.scope, d));
    return found ?? NO_DIAGNOSTICS;
  }, mayDoubleDivision));
}

function doubled(text: string, offset: number): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const m of allMatches(DOUBLED_DIVISION, text)) {
    const start = offset + m.index!;
    const before = text.slice(Math.max(0, m.index! - 4), m.index!).replace(/^.*\P{Script=Han}/u, '');
    const after = text.slice(m.index! + 2, m.index! + 7).replace(/\P{Script=Han}.*$/u, '');
    (out ??= []).push(diagnostic('BG237', { start, end: start + 2 }, `“${before}${m[0]}${after}”里的“${m[1]}”重复了：应写作“${before}${m[1]}${after}”。`, [
      { title: `删去一个“${m[1]}”`, safe: false, edits: [{ start: start + 1, end: start + 2, newText: '' }] },
    ]));
  }
  return out ?? NO_DIAGNOSTICS;
}

/** Whether the report may have a traditional character at all (ruledOutInBatch), found once for BG234 and BG235. */
const mayHaveTraditional = new AttachedMap<ReportModel, boolean>('mayHaveTraditional');
function anyTraditional(model: ReportModel): boolean {
  let found = mayHaveTraditional.get(model);
  if (found === undefined) mayHaveTraditional.set(model, (found = !ruledOutInBatch(model, (text) => wholeTextOf(model, text).traditional)));
  return found;
}

/** What a batch check asks of the report's whole text (ruledOutInBatch): a traditional character, a division's character written twice (县县). */
interface WholeText {
  traditional: boolean;
  doubledDivision: boolean;
}
const wholeTexts = new AttachedMap<ReportModel, WholeText>('slipsWholeText');
/** By UTF-16 unit: 1 a traditional character, 2 a division's (县市区镇乡). */
const WHOLE_TEXT_UNITS = new Uint8Array(0x10000);
for (const ch of TRADITIONAL_CHARACTERS) WHOLE_TEXT_UNITS[ch.charCodeAt(0)]! |= 1;
for (const ch of '县市区镇乡') WHOLE_TEXT_UNITS[ch.charCodeAt(0)]! |= 2;

/** Both found in one pass over the text (a second one, for the doubled division, cost a third as much again). */
function wholeTextOf(model: ReportModel, text: string): WholeText {
  let found = wholeTexts.get(model);
  if (!found) {
    const seen = wholeTextUnits(text);
    found = { traditional: (seen & 1) !== 0, doubledDivision: (seen & 2) !== 0 };
    wholeTexts.set(model, found);
  }
  return found;
}

/**
 * WHOLE_TEXT_UNITS' bits the text has (2 only for a division's character written twice). The loop alone in a
 * function: called once per report, it runs in code compiled in the middle of the loop, which the code after
 * the loop (never run when it was compiled) threw out again on every report.
 */
function wholeTextUnits(text: string): number {
  let seen = 0;
  for (let i = 0; i < text.length && seen !== 3; i++) {
    const c = text.charCodeAt(i);
    const unit = WHOLE_TEXT_UNITS[c]!;
    if (unit === 0) continue;
    if (unit & 1) seen |= 1;
    if (unit & 2 && text.charCodeAt(i - 1) === c) seen |= 2;
  }
  return seen;
}

/** BG234: once per report, at the first traditional character of the first block written in them. */
const traditionalOf = new AttachedMap<ReportModel, Diagnostic[]>('traditionalOf');
function traditionalScript(model: ReportModel): Diagnostic[] {
  if (!anyTraditional(model)) return [];
  // Read by BG235 too: made once per model.
  let found = traditionalOf.get(model);
  if (!found) traditionalOf.set(model, (found = cachedPerPlaced('traditional-script', model, (placed) => blockTraditional(model, placed), hasTraditionalRun).slice(0, 1)));
  return found;
}

/** Whether a block's source has enough traditional characters to be checked. */
const hasTraditionalRun = (source: string) => traditionalCount(source, TRADITIONAL_IN_A_BLOCK) === TRADITIONAL_IN_A_BLOCK;

function blockTraditional(model: ReportModel, placed: PlacedBlock): Diagnostic[] {
  // Counted before anything is built: the block cache tests the source first (hasTraditionalRun), a batch check does not.
  let count = 0;
  for (const node of blockTextNodes(placed)) if ((count += traditionalCount(node.text, TRADITIONAL_IN_A_BLOCK - count)) === TRADITIONAL_IN_A_BLOCK) break;
  if (count < TRADITIONAL_IN_A_BLOCK) return [];
  // Simplified text with a few traditional characters (縣委 beside 汉源县) is not a traditional block: BG235.
  let traditional = 0;
  let simplified = 0;
  for (const node of blockTextNodes(placed)) {
    for (let i = 0; i < node.text.length; i++) {
      const c = node.text.charCodeAt(i);
      traditional += IS_TRADITIONAL[c]!;
      simplified += IS_SIMPLIFIED_FORM[c]!;
    }
  }
  if (simplified >= traditional) return [];
  // (At least TRADITIONAL_IN_A_BLOCK: the same characters were just counted.)
  const found = blockTextNodes(placed).flatMap((node) => traditionalIn(node.text, Infinity).map((i) => ({ at: node.start + i, ch: node.text[i]! })));
  const examples = [...new Set(found.map((f) => f.ch))].slice(0, 3).map((ch) => `“${ch}”`).join('');
  const first = found[0]!;
  return [located(model, placed.scope, diagnostic('BG234', { start: first.at, end: first.at + 1 }, `报告用的是繁体字（如${examples}）：政府公文应使用规范汉字，请整篇转为简体（Word、WPS：审阅 → 繁转简）后再检查。`))];
}

/**
 * BG235: a traditional character in simplified text, where the report writes the same character
 * simplified elsewhere too — not in a report BG234 finds traditional, not a character it never writes
 * simplified (a name may keep its traditional form: 陈國强).
 */
function strayTraditional(model: ReportModel): Diagnostic[] {
  if (!anyTraditional(model) || traditionalScript(model).length) return [];
  const found = cachedPerPlaced('stray-traditional', model, (placed) => blockStrayTraditional(model, placed), hasTraditional);
  if (!found.length) return found;
  const text = model.file.text;
  return found.filter((d) => text.includes(d.fixes![0]!.edits[0]!.newText));
}

const hasTraditional = (source: string) => traditionalCount(source, 1) === 1;

function blockStrayTraditional(model: ReportModel, placed: PlacedBlock): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const node of blockTextNodes(placed)) {
    if (!hasTraditional(node.text)) continue;
    for (const i of traditionalIn(node.text, Infinity)) {
      const start = node.start + i;
      const [ch, simplified] = [node.text[i]!, SIMPLIFIED.get(node.text.charCodeAt(i))!];
      (out ??= []).push(located(model, placed.scope, diagnostic('BG235', { start, end: start + 1 }, `“${ch}”是繁体字，报告别处写作简体“${simplified}”：请改为“${simplified}”。`, [
        { title: `改为“${simplified}”`, safe: true, edits: [{ start, end: start + 1, newText: simplified }] },
      ])));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

export const slipsChecks: ReportCheck[] = [
  { id: 'slips', codes: ['BG231', 'BG233', 'BG752', 'BG757'], run: slips },
  { id: 'year-without-nian', codes: ['BG236'], run: yearsWithoutNian },
  { id: 'doubled-division', codes: ['BG237'], run: doubledDivisions },
  { id: 'traditional-script', codes: ['BG234'], run: traditionalScript },
  { id: 'stray-traditional', codes: ['BG235'], run: strayTraditional },
];
