// Report checks: slips seen in real reports as found — a year range typed without its dash
// ("(20212025年)", the dash lost when copied from a page) and a template's placeholders left unfilled
// ("共召开会议*次", "x镇", "××人"). Both patterns are narrow on purpose: nothing else looks like them.
// And a report in traditional characters, copied from a site's 繁体 version (once per report).
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { PlacedBlock, ReportModel } from '../model.js';
import { cachedPerPlaced } from './blockCache.js';
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
    description: '正文里留着模板的占位符（“*次”“x镇”“××人”），数字或名称还没有填写；或留着“（略）”，有文字被略去了（模板或只显示部分内容的网页留下的）。',
    example: '共召开会议*次，x镇全年调处纠纷××件；连续多（略）依法行政工作先进单位',
  },
  {
    code: 'BG234', severity: 'error', title: '繁体字',
    description: '正文用的是繁体字（常见于从网站的“繁体”版复制的文字）：政府公文应使用规范汉字，请整篇转为简体（Word、WPS：审阅 → 繁转简）后再检查。整篇只报告一次，位置在第一个繁体字。',
    example: '小龍門鄉2024年法治政府建設情況報告',
  },
];
registerCodes(slipsCodes);

/**
 * Frequent characters of report prose that exist only in traditional script (their simplified forms
 * differ, and none is used in simplified text): three in one block and the report is traditional. A table
 * by character code: a block's text is scanned once, at next to no cost for the simplified text of nearly
 * every report.
 */
const TRADITIONAL_CHARACTERS = '國縣鄉鎮區報設機關與處黨會這們個來時說對開發實際過還點經濟為無門問題務員織組領導執規範證訟議審權責學習歷總書記監訴營衛傳統維護協應檢項萬億創條決劃動幹認識計據辦產業專講義類種歲數爭廣廳樓農鄰勞勵聯絡續網線級紀綜編糾紛調節評價選擇隊讓覽觀覺視親邊進遠運達違適遷錄長閉閱陳陸隨險雙雜難電響頁頭顯風飛館體';
const IS_TRADITIONAL = new Uint8Array(0x10000);
for (const ch of TRADITIONAL_CHARACTERS) IS_TRADITIONAL[ch.charCodeAt(0)] = 1;

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
/** Placeholders: * or ×× where a number goes, x/X/×× where a name goes. */
const PLACEHOLDER = /(?<![A-Za-z*＊])(?:[*＊]{1,3}|[xX×]{1,3})(?=(?:[余多])?[次件人名个项场起份家条期镇乡县区市村街道](?![A-Za-z]))|(?<=[共有计为了达]|[\u4e00-\u9fff]{2}[，,])[*＊]{1,3}(?=[\u4e00-\u9fff])/g;

function slips(model: ReportModel): Diagnostic[] {
  return cachedPerPlaced('slips', model, (placed) => blockSlips(model, placed));
}

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
      out.push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”里的“${m[0]}”是模板的占位符，还没有填写：请填上实际的数字或名称。`)));
    }
    if (node.text.includes('略')) for (const m of node.text.matchAll(OMITTED)) {
      const start = node.start + m.index!;
      const around = node.text.slice(Math.max(0, m.index! - 6), m.index! + m[0].length + 4);
      out.push(located(model, placed.scope, diagnostic('BG233', { start, end: start + m[0].length }, `“${around}”里的“${m[0]}”表示这里的文字被略去了（模板或只显示部分内容的网页留下的）：请补上原文。`)));
    }
  }
  return out;
}

/** BG234: once per report, at the first traditional character of the first block written in them. */
function traditionalScript(model: ReportModel): Diagnostic[] {
  return cachedPerPlaced('traditional-script', model, (placed) => blockTraditional(model, placed), hasTraditionalRun).slice(0, 1);
}

/** Whether a block's source has enough traditional characters to be checked. */
const hasTraditionalRun = (source: string) => traditionalCount(source, TRADITIONAL_IN_A_BLOCK) === TRADITIONAL_IN_A_BLOCK;

function blockTraditional(model: ReportModel, placed: PlacedBlock): Diagnostic[] {
  // Counted before anything is built: the block cache tests the source first (hasTraditionalRun), a batch check does not.
  let count = 0;
  for (const node of blockTextNodes(placed)) if ((count += traditionalCount(node.text, TRADITIONAL_IN_A_BLOCK - count)) === TRADITIONAL_IN_A_BLOCK) break;
  if (count < TRADITIONAL_IN_A_BLOCK) return [];
  // (At least TRADITIONAL_IN_A_BLOCK: the same characters were just counted.)
  const found = blockTextNodes(placed).flatMap((node) => traditionalIn(node.text, Infinity).map((i) => ({ at: node.start + i, ch: node.text[i]! })));
  const examples = [...new Set(found.map((f) => f.ch))].slice(0, 3).map((ch) => `“${ch}”`).join('');
  const first = found[0]!;
  return [located(model, placed.scope, diagnostic('BG234', { start: first.at, end: first.at + 1 }, `报告用的是繁体字（如${examples}）：政府公文应使用规范汉字，请整篇转为简体（Word、WPS：审阅 → 繁转简）后再检查。`))];
}

export const slipsChecks: ReportCheck[] = [
  { id: 'slips', codes: ['BG231', 'BG233'], run: slips },
  { id: 'traditional-script', codes: ['BG234'], run: traditionalScript },
];
