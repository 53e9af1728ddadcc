// Report checks: slips seen in real reports as found — a year range typed without its dash
// ("(20212025年)", the dash lost when copied from a page) and a template's placeholders left unfilled
// ("共召开会议*次", "x镇", "××人", "x013年", "聘请_律师", "(年)"). Both patterns are narrow on purpose:
// nothing else looks like them. And a report in traditional characters, copied from a site's 繁体 version
// (once per report), or a few traditional characters in simplified text where the report writes the same
// character simplified too (汉源縣 beside 汉源县).
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { PlacedBlock, ReportModel } from '../model.js';
import { blockCacheOn, cachedPerPlaced } from './blockCache.js';
import { AttachedMap } from '../attached.js';
import type { ReportCheck } from './contract.js';
import { blockTextNodes, located } from './prose.js';

export const slipsCodes: CodeInfo[] = [
  {
    code: 'BG231', severity: 'warning', title: '年份范围缺少连接号',
    description: '两个年份连写在一起（如“20212025年”），中间的一字线“—”丢了（常见于从网页复制的文字）：应写作“2021—2025年”。',
    example: '《某区法治政府建设实施纲要（20212025年）》', fix: '在两个年份之间加“—”',
  },
  {
    code: 'BG233', severity: 'error', title: '未填写的占位内容',
    description: '正文里留着模板的占位符（“*次”“x镇”“××人”“20xx年”“第x”、待填的空白“_”），数字或名称还没有填写，或转载的网页把数字换成了“*”（“****年”“*.加强组织领导”）；或留着“（略）”，有文字被略去了（模板或只显示部分内容的网页留下的）；或文件名称里的年份没有了（“实施方案（年）”）。',
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
];
registerCodes(slipsCodes);

/**
 * Frequent characters of report prose that exist only in traditional script (their simplified forms
 * differ, and none is used in simplified text): three in one block and the report is traditional. A table
 * by character code: a block's text is scanned once, at next to no cost for the simplified text of nearly
 * every report. Each is written here followed by its simplified form.
 */
const TRADITIONAL_AND_SIMPLIFIED = '國国縣县鄉乡鎮镇區区報报設设機机關关與与處处黨党會会這这們们個个來来時时說说對对開开發发實实際际過过還还點点經经濟济為为無无門门問问題题務务員员織织組组領领導导執执規规範范證证訟讼議议審审權权責责學学習习歷历總总書书記记監监訴诉營营衛卫傳传統统維维護护協协應应檢检項项萬万億亿創创條条決决劃划動动幹干認认識识計计據据辦办產产業业專专講讲義义類类種种歲岁數数爭争廣广廳厅樓楼農农鄰邻勞劳勵励聯联絡络續续網网線线級级紀纪綜综編编糾纠紛纷調调節节評评價价選选擇择隊队讓让覽览觀观覺觉視视親亲邊边進进遠远運运達达違违適适遷迁錄录長长閉闭閱阅陳陈陸陆隨随險险雙双雜杂難难電电響响頁页頭头顯显風风飛飞館馆體体將将簡简';
const TRADITIONAL_CHARACTERS = TRADITIONAL_AND_SIMPLIFIED.replace(/(.)./g, '$1');
/** The simplified form of a traditional character of the table, by character code. */
const SIMPLIFIED = new Map<number, string>();
for (let i = 0; i < TRADITIONAL_AND_SIMPLIFIED.length; i += 2) SIMPLIFIED.set(TRADITIONAL_AND_SIMPLIFIED.charCodeAt(i), TRADITIONAL_AND_SIMPLIFIED[i + 1]!);
const IS_TRADITIONAL = new Uint8Array(0x10000);
for (const ch of TRADITIONAL_CHARACTERS) IS_TRADITIONAL[ch.charCodeAt(0)] = 1;
/** The simplified forms of the table: simplified text with a few traditional characters has more of them. */
const IS_SIMPLIFIED_FORM = new Uint8Array(0x10000);
for (const ch of SIMPLIFIED.values()) IS_SIMPLIFIED_FORM[ch.charCodeAt(0)] = 1;

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
const OMITTED = /[（(\[【]\s*(?:此处|以下|以上|内容|具体|数据)?\s*略\s*[)）\]】]/g;
/**
 * Placeholders: * or ×× where a number goes, x/X/×× where a name goes, x for digits of a year (20xx年,
 * x013年: a site that hides numbers) or * for all four (****年: a tender site that masks every digit, the
 * typed number of a paragraph too: “*.加强组织领导”), an ordinal left open (全省第x).
 */
const PLACEHOLDER = /(?<![A-Za-z*＊])(?:[*＊]{1,3}|[xX×]{1,3})(?=(?:[余多])?[次件人名个项场起份家条期镇乡县区市村街道](?![A-Za-z]))|(?<=[共有计为了达]|[\u4e00-\u9fff]{2}[，,])[*＊]{1,3}(?=[\u4e00-\u9fff])|(?<![A-Za-z\d])(?=[\dxX×]{0,3}[xX×])[\dxX×]{4}(?=\s*年)|(?<![A-Za-z\d*＊])[*＊]{4}(?=\s*年)|(?<=第)[xX×]{1,2}(?![A-Za-z\d])|^[*＊]{1,2}(?=[.．、][\u4e00-\u9fff])/g;
/** A blank to fill in: “聘请_律师”, a run of underscores beside Chinese (no word of a report has one). */
const BLANK = /[_＿]+/g;
const isHan = (text: string, i: number) => i >= 0 && i < text.length && /[\u4e00-\u9fff]/.test(text[i]!);
/** A document's year range lost: “实施方案(年)”. */
const YEAR_LOST = /[（(]\s*年\s*[)）]/g;

function slips(model: ReportModel): Diagnostic[] {
  return placeholderBody(model).concat(cachedPerPlaced('slips', model, (placed) => blockSlips(model, placed)));
}

/** Where a blank, a lost year or an omission may start: one test of a node instead of one per kind. */
const MAY_BE_LEFT_OPEN = /[_＿略]|[（(]\s*年/;

function blockSlips(model: ReportModel, placed: PlacedBlock): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const node of blockTextNodes(placed)) {
    // Most text has neither eight digits in a row nor a placeholder mark: skipped before the patterns run.
    if (EIGHT_DIGITS.test(node.text)) for (const m of node.text.matchAll(RUN_TOGETHER)) {
      const [first, second] = [Number(m[1]), Number(m[2])];
      if (second <= first || second - first > 15) continue;
      const start = node.start + m.index!;
      const fixed = `${m[1]}—${m[2]}`;
      out.push(located(model, placed.scope, diagnostic('BG231', { start, end: start + 8 }, `“${m[0]}年”中两个年份连在一起，缺少一字线：应写作“${fixed}年”。`, [
        { title: `改为“${fixed}”`, edits: [{ start, end: start + 8, newText: fixed }], safe: false },
      ])));
    }
    if (PLACEHOLDER_MARK.test(node.text)) for (const m of node.text.matchAll(PLACEHOLDER)) {
      const start = node.start + m.index!;
      const around = node.text.slice(Math.max(0, m.index! - 4), m.index! + m[0].length + 2);
      // A year or a paragraph's number all in *: a page masked the digits (a template writes 20xx年, 一、).
      const masked = /^[*＊]+$/.test(m[0]) && (m[0].length === 4 || /^[.．、]/.test(node.text.slice(m.index! + m[0].length)));
      const what = masked ? '是被遮盖的数字（转载的网页把数字换成了“*”）' : '是模板的占位符，还没有填写';
      out.push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”里的“${m[0]}”${what}：请填上实际的数字或名称。`)));
    }
    if (!MAY_BE_LEFT_OPEN.test(node.text)) continue;
    if (node.text.includes('_') || node.text.includes('＿')) for (const m of node.text.matchAll(BLANK)) {
      if (!isHan(node.text, m.index! - 1) && !isHan(node.text, m.index! + m[0].length)) continue;
      const start = node.start + m.index!;
      const around = node.text.slice(Math.max(0, m.index! - 4), m.index! + m[0].length + 2);
      out.push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”里的“${m[0]}”是待填的空白，还没有填写：请填上实际的名称或数字。`)));
    }
    if (node.text.includes('年')) for (const m of node.text.matchAll(YEAR_LOST)) {
      const start = node.start + m.index!;
      const around = node.text.slice(Math.max(0, m.index! - 6), m.index! + m[0].length);
      out.push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”的括号里只剩“年”，年份没有了：请补上，如“（2021—2025年）”。`)));
    }
    if (node.text.includes('略')) for (const m of node.text.matchAll(OMITTED)) {
      const start = node.start + m.index!;
      const around = node.text.slice(Math.max(0, m.index! - 6), m.index! + m[0].length + 4);
      out.push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”里的“${m[0]}”表示这里的文字被略去了（模板或只显示部分内容的网页留下的）：请补上原文。`)));
    }
  }
  return out;
}

/** A template's body left unnamed at the start of the title: 某县, 某某镇, xx市. */
const PLACEHOLDER_BODY = /^\s*(?:某{1,2}|[xX×]{1,3})(?=省|市|县|区|旗|镇|乡|街道)/;

/**
 * BG233 in the header: the title naming a template's body (“某县2025年度法治政府建设情况报告”). Not 机关:
 * “@机关 某某镇人民政府” is what a skeleton offers to be typed over, and examples name their body so.
 */
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

/**
 * Whether the report may have a traditional character at all. A batch check (no block results remembered)
 * reads the report's text once, flat, instead of every block's text nodes for BG234 and again for BG235;
 * the editor's checks test each block's source once and remember it (cachedPerPlaced's `needs`).
 */
const mayHaveTraditional = new AttachedMap<ReportModel, boolean>('mayHaveTraditional');
function anyTraditional(model: ReportModel): boolean {
  if (blockCacheOn()) return true;
  let found = mayHaveTraditional.get(model);
  if (found === undefined) {
    found = traditionalCount(model.file.text, 1) === 1 || model.blocks.some((b) => b.scope.file !== model.file);
    mayHaveTraditional.set(model, found);
  }
  return found;
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

function blockStrayTraditional(model: ReportModel, placed: PlacedBlock): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const node of blockTextNodes(placed)) {
    if (!hasTraditional(node.text)) continue;
    for (const i of traditionalIn(node.text, Infinity)) {
      const start = node.start + i;
      const [ch, simplified] = [node.text[i]!, SIMPLIFIED.get(node.text.charCodeAt(i))!];
      out.push(located(model, placed.scope, diagnostic('BG235', { start, end: start + 1 }, `“${ch}”是繁体字，报告别处写作简体“${simplified}”：请改为“${simplified}”。`, [
        { title: `改为“${simplified}”`, safe: true, edits: [{ start, end: start + 1, newText: simplified }] },
      ])));
    }
  }
  return out;
}

export const slipsChecks: ReportCheck[] = [
  { id: 'slips', codes: ['BG231', 'BG233'], run: slips },
  { id: 'traditional-script', codes: ['BG234'], run: traditionalScript },
  { id: 'stray-traditional', codes: ['BG235'], run: strayTraditional },
];
