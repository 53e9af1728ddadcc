// Report checks on counts (BG22x): a count written without its measure word (BG221), a figure's value
// without a unit among siblings that have one (BG222), 余 or 多 after a count that is not whole tens (BG224),
// and laws or documents counted in 条, their articles' measure word (BG771).
import { forEachFigure } from '../../../grammar/index.js';
import type * as ast from '../../../grammar/index.js';
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { PlacedBlock, ReportModel } from '../model.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { cachedPerPlaced, checksOfOneWalk, ruledOutInBatch } from './blockCache.js';
import { blockTextNodes, located } from './prose.js';
import { allMatches } from '../matches.js';
import { opensSentenceAt, opensTitle, yearWithoutNian } from './slips.js';
import { inSimplifiedScript } from '../script.js';

export const countsCodes: CodeInfo[] = [
  {
    code: 'BG221', severity: 'warning', title: '数量缺少量词',
    description: '正文中的阿拉伯数字后面直接跟着名词，缺少量词或单位（GB/T 15835：计数要带量词）。年月日、百分号、万亿、范围的前一个数（“1至12月”“3到5名”）、热线号码、带小数点的节日写法（6.26）、自带量词的行政区划（“在3市8县开展试点”“5乡2镇”）和公路编号（“321国道”）不报。量词的字开头的名词（“对教育局等6单位”“走访30家庭”）仍缺量词（“6个单位”）。序数也要量词：“党政主要领导第25党工委会年度述法”应为“第25次党工委会”（“第3次”“第2期”“第3季度”不报）。',
    example: '组织47公职人员参加旁听', fix: '手动补上量词，例如“47名公职人员”',
  },
  {
    code: 'BG222', severity: 'warning', title: '指标缺少单位',
    description: '指标的数值没有量词，而同一段里的其他指标都有；若量词写在了“}”后面，可一键把它移进花括号（印出的文字不变，同比、增减和单位检查才能用上它）。',
    example: '调处{调处 = 150起}，成功{成功 = 147}起', fix: '把“}”后的量词移入花括号（安全）',
  },
  {
    code: 'BG224', severity: 'warning', title: '概数“余”“多”用错了位置',
    description: '“余”“多”表示比一个整数略多，只跟在末位是零的数后面（10余次、200多人、5万余元）：“6余次”“15多人”“5余万元”说不通，应写确数“6次”，或写概数“10余次”“5万余元”。指标（{名称 = 6余次}）和正文里的数字都检查；“多元”不是概数。',
    example: '全年共开展法治宣传活动{宣传活动 = 6余次}，解答法律咨询15多人次', fix: '无自动修复',
  },
  {
    code: 'BG771', severity: 'warning', title: '法律法规、文件用“条”计数',
    description: '法律、法规、规章、规范性文件是一部（件、份）文件，“条”是其中的条文：“学习《宪法》《民法典》等国家法律法规共33条”“制定规范性文件3条”应为“33部”“3件”。名称以“法律”“法规”“法律法规”“党内法规”“规章”“规范性文件”结尾的指标用“条”作单位（{国家法律法规 = 33条}），或正文里这些词后面（可隔“共”“等”“计”）紧跟着“×条”、“×条”后面紧跟着这些词时报告。“法律意见16条”“提出法律建议5条”“《条例》第12条”“修改条款3条”不报。',
    example: '学习《中华人民共和国民法典》等国家法律法规共{国家法律法规 = 33条}；制定规范性文件3条。', fix: '改为“部”“件”（不是安全修复：也可能说的是条文，那就写明“条文”）',
  },
];
registerCodes(countsCodes);

/** Measure words and units that may follow a count (longest first when matched), as written in simplified script. */
const SIMPLIFIED_MEASURE_WORDS = [
  '人次', '场次', '件次', '户次', '车次', '批次', '课时', '学时', '小时', '公里', '平方米', '万元', '千元', '百元', '亿元', '万人', '余人', '多人',
  '人', '名', '件', '起', '次', '场', '份', '册', '条', '块', '个', '项', '家', '户', '所', '座', '期', '批', '篇', '套', '本', '张', '台', '辆',
  '元', '万', '亿', '千', '百', '余', '多', '余', '位', '支', '处', '轮', '届', '类', '种', '部', '册', '幅', '封', '组', '队', '间', '栋', '站', '村', '镇',
  '期', '节', '课', '天', '周', '岁', '年', '月', '日', '号', '时', '分', '秒', '米', '倍', '成', '宗', '单', '笔', '层', '票', '盏', '条', '根', '盒', '袋',
  '箱', '车', '船', '匹', '头', '只', '棵', '株', '亩', '吨', '斤', '克', '度', '点', '回', '遍', '趟', '堂', '版', '集', '首', '句', '字', '页', '卷', '章',
  '款', '枚', '面', '幢', '级', '后', '以', '左', '上', '下', '内', '型', '路',
  // Of boats, nets, fish and goods seized (检查船舶210艘次, 取缔网具150副, 放流鱼苗5000尾, 收缴农药30瓶).
  '艘', '副', '架', '尾', '羽', '双', '把', '顶', '扇', '瓶', '桶', '罐', '剂', '粒', '段', '枝',
  // Not counts: rankings and slogans (“7进”活动, 20强, 十佳).
  '进', '强', '佳', '优', '星', '连', '大',
];
/**
 * The characters of measure words that are written otherwise in traditional script (個, 場, 項 …): a report
 * copied from a site's 繁体 version (BG234) counts with them, and they are measure words all the same.
 */
const TRADITIONAL_FORM: Record<string, string> = {
  个: '個', 场: '場', 项: '項', 张: '張', 条: '條', 辆: '輛', 处: '處', 届: '屆', 类: '類', 种: '種', 组: '組', 队: '隊', 间: '間',
  栋: '棟', 镇: '鎮', 节: '節', 课: '課', 岁: '歲', 号: '號', 时: '時', 点: '點', 页: '頁', 余: '餘', 户: '戶', 台: '臺', 册: '冊',
  笔: '筆', 层: '層', 盏: '盞', 万: '萬', 亿: '億', 车: '車', 头: '頭', 只: '隻', 吨: '噸', 级: '級', 进: '進', 优: '優', 连: '連',
  单: '單', 学: '學', 双: '雙', 顶: '頂', 剂: '劑', 亩: '畝', 后: '後', 内: '內', 轮: '輪', 书: '書', 篇: '篇', 门: '門', 站: '站', 区: '區', 里: '裡', 两: '兩',
};
const inTraditional = (word: string) => [...word].map((ch) => TRADITIONAL_FORM[ch] ?? ch).join('');
/** Measure words and units that may follow a count, in either script. */
export const MEASURE_WORDS = [...new Set([...SIMPLIFIED_MEASURE_WORDS, ...SIMPLIFIED_MEASURE_WORDS.map(inTraditional)])];
const MEASURE_SET = new Set(MEASURE_WORDS.filter((w) => w.length === 1));
/** 40学时, 3课时, 5平方米: measure words of two characters or more. */
const MULTI_CHAR_MEASURE = MEASURE_WORDS.filter((w) => w.length > 1);
const MEASURE_WORDS_LONGEST_FIRST = [...MEASURE_WORDS].sort((a, b) => b.length - a.length);

/**
 * Divisions count themselves: “在3市8县开展试点”, “全省11市”, “5乡2镇” (as 村 and 镇 do). Not when the character
 * begins another word: “30市民” (30名市民), “3区域”, “5县级单位”, “4乡村”.
 */
const DIVISION_COUNT = /^[省市县区乡州旗盟](?![民场级直委政属域村贤亲长容貌])/;

/** Nouns that begin with a measure word's character: 单位, 家庭, 站点 (“对教育局等6单位”, “走访30家庭”). */
const NOUN_FROM_MEASURE = /单位|單位|家庭|站点|站點/y;

/** The noun of NOUN_FROM_MEASURE at `at` (read where it stands: no slice made for every count of the text), if one is there. */
function nounFromMeasureAt(text: string, at: number): string | undefined {
  NOUN_FROM_MEASURE.lastIndex = at;
  return NOUN_FROM_MEASURE.exec(text)?.[0];
}

/** Hotline and emergency numbers written before a noun (12345热线, 8890诉求, 96110): not counts. */
const SERVICE_NUMBER = /^(110|119|120|122|12\d{3}|8890|96\d{3})$/;

/** A road's number before its class: 321国道, 205省道, 县道 and 乡道 (G321 written without its letter) — no count. */
const ROAD_NUMBER = /^(?:国道|省道|县道|乡道)/;

/** 至, 到 or 或 and the count after it: the measure word comes after the second number (1至12月). */
const RANGE_TO_COUNT = /^[至到或]\d/;

/** A count and the character after it: 12起 (and 12项, 12村 …). */
const COUNT_THEN_WORD = /(?<![\d.．·A-Za-z０-９第])(\d+)(?![\d.．·])(\p{Script=Han})/gu;

const OPEN_QUOTE = 0x201c; // “
const CLOSE_QUOTE = 0x201d; // ”
/** The longest quoted name read as a slogan of counts (“1站36室”, “1+3+N”工作机制). */
const LONGEST_SLOGAN = 12;

/**
 * Is the count at `at` inside a short quoted name holding another count (“1站36室”平台: one station, 36 rooms)?
 * Such a name abbreviates its counts as a slogan does; a count alone in quotes (“36室”) is still read.
 */
function inCountingSlogan(text: string, at: number): boolean {
  let open = -1;
  for (let i = at - 1; i >= 0 && at - i <= LONGEST_SLOGAN; i--) {
    const c = text.charCodeAt(i);
    if (c === CLOSE_QUOTE) return false;
    if (c === OPEN_QUOTE) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  let runs = 0;
  let inDigits = false;
  for (let i = open + 1; i < text.length && i - open <= LONGEST_SLOGAN; i++) {
    const c = text.charCodeAt(i);
    if (c === CLOSE_QUOTE) return runs >= 2;
    const digit = c >= 0x30 && c <= 0x39;
    if (digit && !inDigits) runs++;
    inDigits = digit;
  }
  return false;
}

/** An ordinal in digits and the character after it: 第25次 (and 第25党工委会, its measure word left out). */
const ORDINAL_THEN_WORD = /第(\d+)(?![\d.．·])(\p{Script=Han})/gu;
/** What an ordinal takes besides the measure words: 第3季度, 第3方 (a 第三方 in digits, not a count). */
const ORDINAL_UNIT = /^[季方]$/;

function blockCountsWithoutMeasureWord(model: ReportModel, placed: PlacedBlock): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const node of blockTextNodes(placed)) {
    if (!/\d/.test(node.text)) continue;
    for (const m of allMatches(COUNT_THEN_WORD, node.text)) {
      const digits = m[1]!;
      const next = m[2]!;
      const after = m.index! + digits.length;
      // A measure word's character beginning a noun is the noun's (“等6单位” is 6个单位, not 6单 of 位).
      const noun = nounFromMeasureAt(node.text, after);
      if (!noun && (MEASURE_SET.has(next) || SERVICE_NUMBER.test(digits) || startsWithAny(node.text, MULTI_CHAR_MEASURE, after))) continue;
      if (DIVISION_COUNT.test(node.text.slice(m.index! + digits.length, m.index! + digits.length + 2))) continue;
      if (ROAD_NUMBER.test(node.text.slice(after, after + 2))) continue;
      // The first count of a range or a choice shares the measure word of the second: 1至12月, 3到5名, 2或3次.
      if (RANGE_TO_COUNT.test(node.text.slice(m.index! + digits.length, m.index! + digits.length + 2))) continue;
      // A name packing counts in quotes (“1站36室”, “3室1厅”, “1中心N站”) is a slogan's, not a sentence's count.
      if (inCountingSlogan(node.text, m.index!)) continue;
      // A year without its 年 (“2021依法行政”) is BG236's.
      if (/^(?:19[5-9]|20[0-4])\d$/.test(digits) && yearWithoutNian(node.text.slice(m.index! + digits.length, m.index! + digits.length + 6), opensTitle(model.file.text, node.start), opensSentenceAt(node.text, m.index!))) continue;
      const start = node.start + m.index!;
      const word = noun ?? next;
      (out ??= []).push(located(model, placed.scope, diagnostic('BG221', { start, end: start + digits.length + word.length }, noun ? `“${digits}${word}”：数字后缺少量词，应写作“${digits}个${word}”。` : `“${digits}${word}”：数字后缺少量词，例如“${digits}名${word}”“${digits}个${word}”。`)));
    }
    if (!node.text.includes('第')) continue;
    for (const m of allMatches(ORDINAL_THEN_WORD, node.text)) {
      const digits = m[1]!;
      const after = m.index! + 1 + digits.length;
      if (MEASURE_SET.has(m[2]!) || ORDINAL_UNIT.test(m[2]!) || startsWithAny(node.text, MULTI_CHAR_MEASURE, after)) continue;
      if (RANGE_TO_COUNT.test(node.text.slice(after, after + 2))) continue;
      const start = node.start + m.index!;
      const written = node.text.slice(m.index!, after + 1);
      (out ??= []).push(located(model, placed.scope, diagnostic('BG221', { start, end: start + written.length }, `“${written}”：序数后缺少量词，例如“第${digits}次${m[2]}”“第${digits}届${m[2]}”。`)));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

/** A whole number whose last digit is not 0, with 余 or 多 after it (6余次, 15多人, 5余万元). */
const ROUNDED_ODD = /(?<![\d.．])(\d*[1-9])([余多餘])(?=\p{Script=Han})/gu;
const mayRoundOdd = (source: string) => /[1-9][余多餘]/.test(source);

function roundedOddCounts(model: ReportModel): Diagnostic[] {
  // The figures' values are in the text too: a report without such a count anywhere has none (most reports).
  if (ruledOutInBatch(model, mayRoundOdd)) return [];
  return cachedPerPlaced('rounded-odd-counts', model, (placed) => blockRoundedOddCounts(model, placed), mayRoundOdd);
}

/** BG224: 余 or 多 after a count not of whole tens — in the prose and in the figures' stated values. */
function blockRoundedOddCounts(model: ReportModel, placed: PlacedBlock): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (start: number, written: string, digits: string, qualifier: string) =>
    out.push(located(model, placed.scope, diagnostic('BG224', { start, end: start + written.length }, `“${written}”：“${qualifier}”只用在末位是零的数后面（10${qualifier}次、5万${qualifier}元），${digits}${qualifier}说不通：应写确数“${digits}${written.slice(digits.length + 1)}”，或写成整十、整百的概数。`)));
  for (const node of blockTextNodes(placed)) {
    if (!mayRoundOdd(node.text)) continue;
    for (const m of allMatches(ROUNDED_ODD, node.text)) {
      const end = m.index! + m[0].length;
      const measure = MEASURE_WORDS_LONGEST_FIRST.find((w) => node.text.startsWith(w, end));
      // 多元 (many kinds: 多元化解) is no count.
      if (!measure || (m[2] === '多' && measure === '元')) continue;
      report(node.start + m.index!, m[0] + measure, m[1]!, m[2]!);
    }
  }
  const defs = definitionsIn(placed.block);
  const text = placed.scope.file.text;
  for (const def of defs ?? []) {
    const value = def.body.value;
    if (value?.kind !== 'quantity' || value.qualifier?.position !== 'after' || !/^\d*[1-9]$/.test(value.digits)) continue;
    const written = text.slice(value.start, value.end);
    const at = written.indexOf(value.digits);
    const qualifier = written[at + value.digits.length];
    if (at < 0 || !qualifier || !'余多餘'.includes(qualifier)) continue;
    report(value.start + at, written.slice(at), value.digits, qualifier);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether one of `words` is written at `at` (a loop: a closure over each match was made per match). */
function startsWithAny(text: string, words: readonly string[], at: number): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}

function unitOf(def: { body: ast.DefinitionBody }): 'unit' | 'bare' | 'other' {
  const value = def.body.value;
  if (!value || def.body.check || value.kind !== 'quantity') return 'other';
  return value.unit || value.percent ? 'unit' : 'bare';
}

type Definition = { name: string; node: ast.FigureNode; body: ast.DefinitionBody };

/** A block's figure definitions, as the model defines them (collectDefinitions in analyze.ts): undefined for none (most blocks), with nothing made. */
function definitionsIn(block: ast.Block): Definition[] | undefined {
  let out: Definition[] | undefined;
  const visit = (node: ast.FigureNode) => {
    if (node.body?.form === 'definition' && !node.broken) (out ??= []).push({ name: node.body.name.text, node, body: node.body });
  };
  if (block.kind === 'heading') forEachFigure(block.content, visit);
  else if (block.kind === 'paragraph') for (const line of block.lines) forEachFigure(line, visit);
  else if (block.kind === 'list') for (const item of block.items) for (const line of item.lines) forEachFigure(line, visit);
  return out;
}

/** In a block where some figures have a measure word, those written without one (BG222). */
function blockFiguresWithoutUnit(model: ReportModel, placed: PlacedBlock): readonly Diagnostic[] {
  const defs = definitionsIn(placed.block);
  if (!defs?.some((d) => unitOf(d) === 'unit')) return NO_DIAGNOSTICS;
  const out: Diagnostic[] = [];
  const text = placed.scope.file.text;
  for (const def of defs) {
    if (unitOf(def) !== 'bare') continue;
    const quantity = def.body.value as ast.Quantity;
    const after = text.slice(def.node.end, def.node.end + 3);
    const typed = MEASURE_WORDS_LONGEST_FIRST.find((w) => after.startsWith(w) && !/^[年月日号時时分秒以上下内內左后後號]$/.test(w));
    const fixes = typed && def.node.closed
      ? [{
          title: `把“${typed}”移入花括号`,
          safe: true,
          edits: [
            { start: quantity.end, end: quantity.end, newText: typed },
            { start: def.node.end, end: def.node.end + typed.length, newText: '' },
          ],
        }]
      : undefined;
    const message = typed
      ? `指标“${def.name}”的量词“${typed}”写在了花括号外面：移进去（{${def.name} = ${quantity.digits}${typed}}），印出的文字不变，同比和单位检查才能用上它。`
      : `指标“${def.name}”没有量词，而同一段的其他指标都有：补上量词，例如“{${def.name} = ${quantity.digits}件}”。`;
    out.push(located(model, placed.scope, diagnostic('BG222', quantity, message, fixes)));
  }
  return out;
}

/** BG221 and BG222 in one walk over the placed blocks (checksOfOneWalk). */
const [measureWords, figureUnits] = checksOfOneWalk('countsByCheck', [{ id: 'measure-words', codes: ['BG221'] }, { id: 'figure-units', codes: ['BG222'] }], (model) =>
  cachedPerPlaced('measure-words+figure-units', model, (placed) => {
    const counts = blockCountsWithoutMeasureWord(model, placed);
    const figures = blockFiguresWithoutUnit(model, placed);
    return figures.length === 0 ? counts : counts.length === 0 ? figures : [...counts, ...figures];
  }));

/** Documents counted by the piece (部, 件, 份), whose 条 are their articles: a name ending in one of these (the longest). */
const DOCUMENT_KIND = /(?:法律法规|党内法规|法律|法规|规章|规范性文件)$/;
/** The same in prose: the kind, maybe 共/等/计, then a count in 条 (规范性文件3条, 法律法规共33条); or the count before the kind (5条法规). */
const DOCUMENTS_IN_TIAO = /(法律法规|党内法规|法律|法规|规章|规范性文件)(?:共|等|计)?(\d+(?:余|多)?条)(?![款文目例])|(?<!\d)(\d+(?:余|多)?条)(法律法规|党内法规|法律|法规|规章|规范性文件)/g;
/** A block that may hold one: a kind with a digit soon after it (a figure's `= 33条` too), or 条 before a kind. */
const mayCountDocumentsInTiao = (text: string) => /(?:法律|法规|规章|文件)[^，。；\n]{0,6}\d|\d条(?:法律|法规|规章|规范性)/.test(inSimplifiedScript(text));

/** What such a document is counted in: 件 for documents, 部 for laws and rules. */
const pieceOf = (kind: string) => (kind === '规范性文件' ? '件' : '部');

function documentsCountedInTiao(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, mayCountDocumentsInTiao)) return [];
  return cachedPerPlaced('documents-in-tiao', model, (placed) => blockDocumentsCountedInTiao(model, placed), mayCountDocumentsInTiao);
}

/** BG771: laws, rules and documents counted in 条 — in the prose and in the figures named after them. */
function blockDocumentsCountedInTiao(model: ReportModel, placed: PlacedBlock): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (start: number, written: string, kind: string) =>
    out.push(located(model, placed.scope, diagnostic('BG771', { start, end: start + written.length }, `“${written}”：${kind}按“${pieceOf(kind)}”计数，“条”是其中的条文：应写作“${written.slice(0, -1)}${pieceOf(kind)}”（说的若是条文，写明“条文”）。`)));
  for (const node of blockTextNodes(placed)) {
    // Read in simplified script (one character for one): a 繁体 page's 法規 and 條 are the same words.
    const text = inSimplifiedScript(node.text);
    for (const m of allMatches(DOCUMENTS_IN_TIAO, text)) {
      const count = m[2] ?? m[3]!;
      const at = m[2] ? m.index! + m[0].length - count.length : m.index!;
      report(node.start + at, node.text.slice(at, at + count.length), m[1] ?? m[4]!);
    }
  }
  const text = placed.scope.file.text;
  for (const def of definitionsIn(placed.block) ?? []) {
    const value = def.body.value;
    if (value?.kind !== 'quantity' || !value.unit || inSimplifiedScript(value.unit) !== '条') continue;
    const kind = DOCUMENT_KIND.exec(inSimplifiedScript(def.name))?.[0];
    if (!kind) continue;
    const written = text.slice(value.start, value.end);
    const at = Math.max(written.search(/\d/), 0);
    report(value.start + at, written.slice(at), kind);
  }
  return out.sort((a, b) => a.start - b.start);
}

export const countsChecks: ReportCheck[] = [
  measureWords!,
  { id: 'rounded-odd-counts', codes: ['BG224'], run: roundedOddCounts },
  figureUnits!,
  { id: 'documents-in-tiao', codes: ['BG771'], run: documentsCountedInTiao },
];
