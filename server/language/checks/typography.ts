// Report checks: typography (GB/T 15834—2011 标点符号用法, GB/T 15835—2011 数字用法).
// Only prose is checked: the text of headings, paragraphs, list items, @标题 and citation titles.
// Figures, escapes, directives and heading marks are never looked at as text.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { compareCodeUnits, registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { cachedPerBlock, checksOfOneWalk } from './blockCache.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { DOCUMENT_KINDS, DOCUMENT_NUMBER_BRACKETS, FIGURE_MARK, inCitationAt, lineDiagnostic, proseBlocks, type ProseBlock, type ProseLine } from './prose.js';
import { isApostrophe, isChinese, isChineseAt, isIdeograph, IS_OPENER, lineMarks, MARKS, OPENER_OF, PAIRS } from './lineMarks.js';
import { MAX_PER_CODE } from '../perCodeBound.js';
import { inRanges } from '../ranges.js';
import { allMatches } from '../matches.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

// ---------------------------------------------------------------- codes

export const typographyCodes: CodeInfo[] = [
  { code: 'BG601', severity: 'error', title: '中文里用了半角标点', description: '中文行文应使用全角标点（，；：？！（）“”）。半角标点只用在外文和数字中间；半角双引号"按出现的先后改为前引号“和后引号”；两个汉字之间的半角“.”在引号或书名号内的名称中应为间隔号“·”（“扫黄打非·新风2021”），在别处应为句号“。”（数字之间的“1.”“12.4”不报）；报告了的半角“(”，与它配对的“)”即使夹在数字和标点之间（“其他文书5份),”）也一并报告；数字、百分数或指标后面、下一分句开头的数字或指标前面的半角逗号和分号（“学习128次,5263人次”“配备率100%,2024年度”）也报；数字之间从个位起每三位一分的逗号是千位分隔符（“12,345”），不报，不这样分的（“12,3件”）也报，但不自动修复（可能是小数点或顿号之误）。', example: '依法履行法定职责,规范行政行为', fix: '改为全角标点' },
  { code: 'BG602', severity: 'error', title: '成对标点不配对', description: '《》（）“”‘’【】〔〕〈〉在一段之内应成对出现：缺了后半个或多了后半个。书名号内的半角括号也查（“《刑事诉讼法及配套规定(新释新解与适用指南》”）：书名号内配得上对的半角括号只报半角（BG601）。', example: '《法治政府建设实施纲要（2021—2025年》', fix: '在书名号内补上缺少的“）”' },
  { code: 'BG603', severity: 'error', title: '年份范围用了连字符', description: '表示年份起止应使用一字线“—”，如 2015—2020年，不用连字符“-”（网页上常见的两个连字符“2021--2025年”也报）。', example: '（2016-2020年）', fix: '改为一字线“—”' },
  { code: 'BG604', severity: 'hint', title: '书名中的年份范围缺“年”', description: '正式文件名中的年份范围通常写作（2021—2025年）。', example: '《法治政府建设实施纲要（2021—2025）》', fix: '补上“年”' },
  { code: 'BG605', severity: 'warning', title: '书名号之间用了顿号', description: '相邻的两个书名之间不用顿号：《宪法》《民法典》。', example: '《宪法》、《民法典》', fix: '删去顿号' },
  { code: 'BG606', severity: 'warning', title: '标点重复', description: '同一个标点连写了两次或更多（省略号……和破折号——除外）。', example: '工作，，进一步', fix: '只留一个' },
  { code: 'BG607', severity: 'warning', title: '序号写法有误', description: '“（一）”后不加顿号；阿拉伯数字序号写作“1.”，不用“1、”，也不漏掉下脚点（导入文本时，段首的“1理论武装……”下一个序号是“2.”，就是漏了点的序号）。', example: '（一）、加强组织领导', fix: '删去“（一）”后的顿号' },
  { code: 'BG608', severity: 'warning', title: '节日名称的写法', description: '用月日表示的节日写作“3·15”“12·4”：用间隔号“·”并加引号，不用小数点。', example: '“12.4宪法宣传日”', fix: '改为“12·4”' },
  { code: 'BG609', severity: 'warning', title: '中文之间有空格', description: '中文字符和中文标点之间不应有空格（行首的缩进除外）；标点前也不空格（“参考率为100% ，”），右引号、右书名号、右括号和后面的数字之间也不空格（“挂案” 5起）。书名号或引号内两个短语之间的空格（《承接“北跨”战略 共建法治政府》、围绕“学习贯彻安全生产法 牢固树立安全发展理念”开展学法：栏目、活动、口号、主题的名称本来如此；名称里又套了引号的“践行“两山”生态理念 法治守护浮梁绿水青山”也是，引号里两个对仗的三字短语、末字相同的“学宪法 讲宪法”也是）不报，文件名称里的空格（《法治政府建设 实施纲要》）照报。空格后面紧跟量词、量词后面就是标点（“涉法涉诉信访 件。”）的，多半是漏填了数字，提示补上数字。述法报告标题下的署名行里职务和姓名之间的空格（“管委会主任 叶春华”）是署名的写法，不报。', example: '法治 政府', fix: '删去空格' },
  { code: 'BG611', severity: 'warning', title: '年份范围起止有误', description: '年份范围的止年应晚于起年：“2023-2023”“2025—2021”多半是年份打错，或是范文、上年报告里的年份没改全。', example: '法治政府建设实施纲要（2023—2023）' },
  { code: 'BG612', severity: 'warning', title: '连词前用了顿号', description: '“及”“以及”连接最后一项时，前面不用顿号：“局党组会议及党组理论学习中心组会议”，不写“会议、及……”（GB/T 15834）。“及时”“及早”等词不报。', example: '在局党组会议、及党组理论学习中心组会议中组织学习', fix: '删去顿号' },
  {
    code: 'BG736', severity: 'warning', title: '数值范围用了连字符',
    description: '表示数值范围（“每次会议安排1至2部法律法规”）用浪纹线“～”或写“至”，不用连字符“-”（GB/T 15834）。只在两个不超过三位的整数之间、后面是量词（部、次、名、个、人次、小时……）、后一个数大于前一个时报告；年份范围见 BG603，电话号码、文号、编号（“0771-2345678”“1-2号”）和月份（“1-12月”）不报。',
    example: '每次会议安排1-2部法律法规', fix: '改为“～”或“至”',
  },
  { code: 'BG750', severity: 'warning', title: '引号里又用了双引号', description: '引号里面再用引号，用单引号‘’（GB/T 15834）：“践行“两山”生态理念 法治守护浮梁绿水青山”应写作“践行‘两山’生态理念 法治守护浮梁绿水青山”。只查一行里前后引号配得上对的：丢了后引号或引号用反的是 BG602。', example: '以“践行“两山”生态理念 法治守护绿水青山”为主题', fix: '里面的一对引号改为单引号‘’（安全）' },
  { code: 'BG610', severity: 'warning', title: 'Word 转换残留', description: '从 Word 复制时带进来的书签、域代码或不可见字符。', example: '[bookmark: _GoBack]', fix: '删去' },
];
registerCodes(typographyCodes);

// ---------------------------------------------------------------- the checks

type Emit = (d: Diagnostic) => void;

const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

/** The brackets around the year of each document number written with other brackets than 〔〕 (BG614's). */
function documentNumberRanges(text: string): Array<[number, number]> {
  if (!text.includes('号')) return [];
  return allMatches(DOCUMENT_NUMBER_BRACKETS, text).map((m) => [m.index, m.index + m[0].length]);
}

function urlRanges(text: string): Array<[number, number]> {
  // Every address has one of these (most lines none): the pattern runs only where one is.
  if (!text.includes('://') && !text.includes('www.')) return [];
  return allMatches(URL, text).map((m) => [m.index, m.index + m[0].length]);
}

/** BG601 */
function halfWidthPunctuation(model: ReportModel, line: ProseLine, emit: Emit) {
  const text = line.text;
  let urls: Array<[number, number]> | undefined;
  let numbers: Array<[number, number]> | undefined;
  // Straight double quotes of a line, counted: the first of a pair opens (“), the second closes (”).
  let straightQuotes = 0;
  // Half-width ( reported and not yet closed: their ) is reported too, though no Chinese touches it (“48份(含……其他文书5份),”).
  let openBrackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const full = straightQuotes++ % 2 === 0 ? '“' : '”';
      if (!isChineseAt(text, i - 1) && !isChineseAt(text, i + 1)) continue;
      if (inRanges((urls ??= urlRanges(text)), i)) continue;
      emit(lineDiagnostic(model, line, 'BG601', i, i + 1, `中文里用了半角引号"：应改为全角的${full === '“' ? '前引号' : '后引号'}${full}。`, [{ title: `改为“${full}”`, safe: true, edits: [{ from: i, to: i + 1, newText: full }] }]));
      continue;
    }
    const mark = c < HALF_WIDTH.length ? HALF_WIDTH[c] : undefined;
    if (mark === undefined) continue;
    // A loop, not urls.some(([a, b]) => …): a closure over i made every character of the line allocate.
    if (inRanges((urls ??= urlRanges(text)), i)) continue;
    // The brackets of a document number “国发(2015)36号” are BG614's: （） would be no better than ().
    if ((c === 40 || c === 41) && inRanges((numbers ??= documentNumberRanges(text)), i)) continue;
    const closesReported = c === 41 /* ) */ && openBrackets > 0;
    if (closesReported) openBrackets--;
    let parts: ClauseMark | undefined;
    if (!closesReported && !isChineseAt(text, i - 1) && !isChineseAt(text, i + 1) && !((c === 44 || c === 59) && (parts = partsClauses(text, i)))) continue;
    if (mark.inTitleOnly && !inCitationAt(line, i)) continue;
    if (c === 40 /* ( */) openBrackets++;
    if (parts === 'digits') emit(lineDiagnostic(model, line, 'BG601', i, i + 1, COMMA_BETWEEN_DIGITS, [{ title: mark.title, safe: false, edits: [{ from: i, to: i + 1, newText: mark.full }] }]));
    else emit(lineDiagnostic(model, line, 'BG601', i, i + 1, mark.message, [{ title: mark.title, safe: true, edits: [{ from: i, to: i + 1, newText: mark.full }] }]));
  }
}

const COMMA_BETWEEN_DIGITS = '数字之间用了半角“,”，又不是千位分隔符（千位分隔符从个位起每三位一分，如“12,345”）：分隔分句应改为全角“，”，并列的数之间用顿号“、”。';

/** `clause`: a comma or semicolon of Chinese prose; `digits`: a comma between two digits that groups no number. */
type ClauseMark = 'clause' | 'digits';

const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isBlankCode = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
/** What a number the prose prints may be made of: digits, a decimal point, a percent sign, a figure. */
const isNumberCode = (c: number) => isDigitCode(c) || c === 46 || c === 37 || c === FIGURE_CODE;
const FIGURE_CODE = FIGURE_MARK.charCodeAt(0);

/**
 * A half-width comma or semicolon no Chinese character touches that parts clauses of Chinese prose all the
 * same: spaces between it and the Chinese (“调解员 , 2012年”), or a figure, a percentage or a number on either
 * side, the one after it beginning the next clause (“{人次 = 128次},5263人次”, “{配备率 = 100%},2024年度”,
 * “{甲},{乙}” — 149-qingyanggaj-2025 and others). Between numbers it is Chinese prose when one of them
 * touches Chinese (its measure word, the clause before). A comma that groups digits by three (“12,345”:
 * GB/T 15835—2011 allows the 千分撇) is the number's own; one between digits that does not (“12,3件”) may be
 * a slip for a decimal point or a 顿号 as well: `digits`, its fix not safe.
 */
function partsClauses(text: string, i: number): ClauseMark | undefined {
  let before = i - 1;
  while (before >= 0 && isBlankCode(text.charCodeAt(before))) before--;
  let after = i + 1;
  while (after < text.length && isBlankCode(text.charCodeAt(after))) after++;
  if (isChineseAt(text, before) || isChineseAt(text, after)) return 'clause';
  const b = text.charCodeAt(before);
  const a = text.charCodeAt(after);
  if (!(isDigitCode(a) || a === FIGURE_CODE) || !(isDigitCode(b) || b === FIGURE_CODE || b === 37 /* % */)) return undefined;
  let start = before;
  while (start > 0 && isNumberCode(text.charCodeAt(start - 1))) start--;
  let end = after;
  while (end < text.length && isNumberCode(text.charCodeAt(end))) end++;
  if (!isChineseAt(text, start - 1) && !isChineseAt(text, end)) return undefined;
  if (text.charCodeAt(i) !== 44 || !isDigitCode(a) || !isDigitCode(b) || before !== i - 1 || after !== i + 1) return 'clause';
  return groupsByThree(text, i) ? undefined : 'digits';
}

/** The longest number grouped by three looked at (“999,999,999,999.99” is some 20 characters). */
const MAX_GROUPED = 32;

/**
 * Whether the comma at i is a thousands separator: the run of digits and commas it is in reads 1–3 digits,
 * then groups of three. Looked at up to MAX_GROUPED characters each way, so a line of a million “1,” costs
 * no more per comma than one number.
 */
function groupsByThree(text: string, i: number): boolean {
  const inRun = (c: number) => isDigitCode(c) || c === 44;
  let start = i;
  while (start > 0 && i - start < MAX_GROUPED && inRun(text.charCodeAt(start - 1))) start--;
  let end = i + 1;
  while (end < text.length && end - i < MAX_GROUPED && inRun(text.charCodeAt(end))) end++;
  // A comma of the clause after the number (“12,345,办结”) or before it is not the number's.
  while (text.charCodeAt(start) === 44) start++;
  while (text.charCodeAt(end - 1) === 44) end--;
  if (isDigitCode(text.charCodeAt(start - 1)) || isDigitCode(text.charCodeAt(end))) return false;
  const groups = text.slice(start, end).split(',');
  return groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

/**
 * A half-width “.” between two Chinese characters (“扫黄打非.新风2021”, 双环邨街道 2021): inside quotation marks or 《》 it
 * parts the words of a name (间隔号 “·”), elsewhere it ends a sentence (“。”). Between digits (“1.做好”, “12.4”) it is none of these.
 */
function periodsBetweenChinese(model: ReportModel, line: ProseLine, emit: Emit) {
  const text = line.text;
  let urls: Array<[number, number]> | undefined;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
    if (!isIdeograph(text[i - 1]) || !isIdeograph(text[i + 1])) continue;
    if (inRanges((urls ??= urlRanges(text)), i)) continue;
    emit(periodBetweenChinese(model, line, i));
  }
}

function periodBetweenChinese(model: ReportModel, line: ProseLine, i: number): Diagnostic {
  const text = line.text;
  const inName = text.lastIndexOf('“', i) > text.lastIndexOf('”', i) || text.lastIndexOf('《', i) > text.lastIndexOf('》', i);
  const full = inName ? '·' : '。';
  const message = inName ? '名称中间用了半角“.”：名称中分隔词语用间隔号“·”。' : '中文里用了半角句点“.”：句末应为全角句号“。”。';
  return lineDiagnostic(model, line, 'BG601', i, i + 1, message, [{ title: `改为“${full}”`, safe: false, edits: [{ from: i, to: i + 1, newText: full }] }]);
}

/**
 * BG750: a pair of “” inside another (“践行“两山”生态理念 法治守护浮梁绿水青山”, 浮梁县 2022): quotes within quotes are
 * single (‘两山’). Read by character code from the line's first “; only on a line whose paired marks nest.
 */
function doubleQuotesInQuotes(model: ReportModel, line: ProseLine, emit: Emit) {
  const text = line.text;
  const first = text.indexOf('“');
  if (first < 0 || text.indexOf('“', first + 1) < 0) return;
  const open: number[] = [];
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) open.push(i);
    else if (c === 0x201d) {
      const from = open.pop();
      if (from === undefined) return;
      if (open.length === 0) continue;
      emit(lineDiagnostic(model, line, 'BG750', from, i + 1, `引号里又用了双引号“${text.slice(from + 1, i)}”：引号内再用引号应为单引号‘’。`, [
        { title: '改为单引号‘’', safe: true, edits: [{ from, to: from + 1, newText: '‘' }, { from: i, to: i + 1, newText: '’' }] },
      ]));
    }
  }
}

/** Each half-width mark by character code, with its full-width form and what BG601 says of it (made once, not per diagnostic). */
const HALF_WIDTH: Array<{ full: string; message: string; title: string; inTitleOnly?: boolean } | undefined> = new Array(0x80).fill(undefined);
for (const [half, full] of Object.entries(FULL_WIDTH)) {
  HALF_WIDTH[half.charCodeAt(0)] = { full, message: `中文里用了半角标点“${half}”：应改为全角“${full}”。`, title: `改为“${full}”` };
}
// A title cited inside a title ("《……贯彻落实<某省实施纲要>实施意见》") takes 单书名号 〈〉, not the signs < >;
// outside 《》 the signs are left alone (a breadcrumb's ">", a comparison).
for (const [half, full] of Object.entries({ '<': '〈', '>': '〉' })) {
  HALF_WIDTH[half.charCodeAt(0)] = { full, message: `书名号内的书名用了半角“${half}”：书名号内再标书名用单书名号“${full}”。`, title: `改为“${full}”`, inTitleOnly: true };
}

const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
const PAIRED = new RegExp(`[${Object.keys(PAIRS).join('')}${Object.values(PAIRS).join('')}]`, 'g');

interface Mark {
  ch: string;
  line: ProseLine;
  index: number;
}

/** The paired marks of a block in order; an apostrophe between Latin letters (don’t) is not a quote. */
function pairedMarksOf(block: ProseBlock): Mark[] {
  const all: Mark[] = [];
  for (const line of block.lines) {
    PAIRED.lastIndex = 0;
    for (let found = PAIRED.exec(line.text); found; found = PAIRED.exec(line.text)) {
      const i = found.index;
      const ch = found[0];
      if (isApostrophe(line.text, i)) continue;
      all.push({ ch, line, index: i });
    }
  }
  return all;
}

/**
 * Whether every paired mark of the block closes the last one opened, and none is left open — as almost
 * every block: then BG602 has nothing to say (pairedMarks finds nothing), found without building marks.
 */
function perfectlyNested(block: ProseBlock): boolean {
  // Lines that each nest make a block that nests: their marks were found in the pass every check shares.
  let eachLine = true;
  for (const line of block.lines) if (lineMarks(line) & MARKS.unbalanced) eachLine = false;
  if (eachLine) return true;
  const stack: number[] = [];
  for (const line of block.lines) {
    const text = line.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (IS_OPENER[c] === 0 && OPENER_OF[c] === 0) continue;
      if (isApostrophe(text, i)) continue;
      if (IS_OPENER[c]) stack.push(c);
      else if (stack.pop() !== OPENER_OF[c]) return false;
    }
  }
  return stack.length === 0;
}

/** For each mark, the index of the next quote mark (“ or ”) after it, or -1. */
function nextQuotes(all: readonly Mark[]): number[] {
  const next: number[] = new Array(all.length).fill(-1);
  for (let k = all.length - 2, after = -1; k >= 0; k--) {
    const ch = all[k + 1]!.ch;
    if (ch === '“' || ch === '”') after = k + 1;
    next[k] = after;
  }
  return next;
}

/** BG602 for an opener never closed; `before` is the closer it was found open at, if any. */
function unclosedMark(model: ReportModel, open: Mark, before: Mark | undefined): Diagnostic {
  const closer = PAIRS[open.ch]!;
  const fixes: Parameters<typeof lineDiagnostic>[6] = [];
  // The citation case: an unclosed bracket inside 《…》 is closed right before the 》.
  if (before && before.ch === '》' && before.line === open.line && open.ch !== '“' && open.ch !== '‘') {
    fixes.push({ title: `在“》”前补上“${closer}”`, safe: true, edits: [{ from: before.index, to: before.index, newText: closer }] });
  }
  const where = before && before.ch === '》' ? '书名号内' : '';
  return lineDiagnostic(model, open.line, 'BG602', open.index, open.index + 1, `${where}“${open.ch}”没有对应的“${closer}”：请补上“${closer}”或删去“${open.ch}”。`, fixes);
}

/**
 * BG602: balance within one block. The marks are matched first, what each one is found to be kept in
 * flags; the findings are then made in the marks' order, which is their place in the text — and only as
 * many as a file lists (MAX_PER_CODE, then one stand-in with the number of the rest, as boundInBlock makes
 * it): a line of three million “〔” is three million findings, which took gigabytes to make and hold.
 */
function pairedMarks(model: ReportModel, block: ProseBlock, emit: Emit) {
  if (perfectlyNested(block)) return;
  const all = pairedMarksOf(block);
  const nextQuote = nextQuotes(all);
  // What each mark is read as: a ” meant as an opening quote is read as “ from there on.
  const chars = all.map((m) => m.ch);
  const reversed = new Uint8Array(all.length);
  const stray = new Uint8Array(all.length);
  const unclosed = new Uint8Array(all.length);
  /** For an opener left open: the closer it was found open at, or -1 (still open at the block's end). */
  const openAt = new Int32Array(all.length).fill(-1);
  const stack: number[] = [];
  const open = new Map<string, number>();
  const pushOpen = (k: number) => {
    stack.push(k);
    open.set(chars[k]!, (open.get(chars[k]!) ?? 0) + 1);
  };
  for (let k = 0; k < all.length; k++) {
    const ch = chars[k]!;
    if (ch in PAIRS) {
      pushOpen(k);
      continue;
    }
    const opener = CLOSERS[ch]!;
    if ((open.get(opener) ?? 0) > 0) {
      let depth = stack.length - 1;
      while (chars[stack[depth]!] !== opener) depth--;
      // Openers above the match were never closed.
      const skipped = stack.splice(depth);
      for (const m of skipped) open.set(chars[m]!, open.get(chars[m]!)! - 1);
      for (const m of skipped.slice(1)) {
        unclosed[m] = 1;
        openAt[m] = k;
      }
      continue;
    }
    // ”…” with no “ before: the first one was meant to be an opening quote.
    if (ch === '”' && nextQuote[k]! >= 0 && all[nextQuote[k]!]!.ch === '”') {
      reversed[k] = 1;
      chars[k] = '“';
      pushOpen(k);
      continue;
    }
    stray[k] = 1;
  }
  for (const m of stack) unclosed[m] = 1;
  let total = 0;
  for (let k = 0; k < all.length; k++) total += reversed[k]! + stray[k]! + unclosed[k]!;
  let made = 0;
  const report = (make: () => Diagnostic) => {
    made++;
    if (made <= MAX_PER_CODE) emit(make());
    else if (made === MAX_PER_CODE + 1) emit({ ...make(), omitted: total - MAX_PER_CODE });
  };
  for (let k = 0; k < all.length && made <= MAX_PER_CODE; k++) {
    const mark = all[k]!;
    if (reversed[k]) {
      report(() => lineDiagnostic(model, mark.line, 'BG602', mark.index, mark.index + 1, '引号用反了：此处应为前引号“，而不是后引号”（与它配对的”在后面）。', [
        { title: '改为前引号“', safe: false, edits: [{ from: mark.index, to: mark.index + 1, newText: '“' }] },
      ]));
    }
    if (stray[k]) {
      const opener = CLOSERS[mark.ch]!;
      report(() => lineDiagnostic(model, mark.line, 'BG602', mark.index, mark.index + 1, `“${mark.ch}”前面没有对应的“${opener}”：请补上“${opener}”或删去多余的“${mark.ch}”。`));
    }
    if (unclosed[k]) report(() => unclosedMark(model, { ...mark, ch: chars[k]! }, openAt[k]! >= 0 ? all[openAt[k]!] : undefined));
  }
}

/**
 * BG602 for a half-width bracket inside 《…》 that the title does not close (“《刑事诉讼法及配套规定(新释新解与适用
 * 指南》”): the pass over paired marks above knows the full-width ones only, and BG601 alone would only say “(”
 * is half-width. Brackets of either width pair up inside one title; a title that balances is left to BG601.
 */
function halfBracketsInTitles(model: ReportModel, line: ProseLine, emit: Emit) {
  const text = line.text;
  if (!text.includes('《') || (!text.includes('(') && !text.includes(')'))) return;
  // One pass: the brackets since the last 《 not yet closed; a 》 settles them (a title within a title starts over).
  let open = -1;
  const stack: number[] = [];
  const strays: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《') {
      open = i;
      stack.length = 0;
      strays.length = 0;
    } else if (open < 0) continue;
    else if (c === '(' || c === '（') stack.push(i);
    else if (c === ')' || c === '）') {
      if (stack.length) stack.pop();
      else if (c === ')') strays.push(i);
    } else if (c === '》') {
      for (const at of strays) emit(lineDiagnostic(model, line, 'BG602', at, at + 1, '书名号内“)”前面没有对应的“（”：请补上“（”或删去多余的“)”。'));
      for (const at of stack) {
        if (text[at] !== '(') continue; // a full-width one is the other pass's
        emit(lineDiagnostic(model, line, 'BG602', at, at + 1, '书名号内“(”没有对应的“)”：请在“》”前补上“）”（并把“(”改为全角“（”），或删去“(”。', [
          { title: '在“》”前补上“）”', safe: true, edits: [{ from: i, to: i, newText: '）' }] },
        ]));
      }
      open = -1;
      stack.length = 0;
      strays.length = 0;
    }
  }
}

/**
 * A year range written with a hyphen, as BG603 reports it (when it runs forward): from, 年, spaces, the dash
 * (or two, as a plain-text page writes a dash: 2021--2025年), spaces, to, 年. citations.ts reads titles with it, to leave BG603's slips to BG603.
 */
export const YEAR_RANGE = /(?<![\d.\-－])((?:19|20)\d{2})(年?)([ ]*)([-－–‐‑―~～]{1,2})([ ]*)((?:19|20)\d{2})(?![\d.\-－])(年?)/g;

/** A year range in brackets without 年 after it: （2021—2025）. */
const RANGE_WITHOUT_NIAN = /[（(]((?:19|20)\d{2})[—\-－–~～]((?:19|20)\d{2})[）)]/g;

/** BG603, BG604 */
function yearRanges(model: ReportModel, line: ProseLine, emit: Emit) {
  for (const m of allMatches(YEAR_RANGE, line.text)) {
    const [, from, , sp1, dash, sp2, to] = m;
    if (Number(to) <= Number(from)) continue;
    const start = m.index + from!.length + m[2]!.length;
    const end = start + sp1!.length + dash!.length + sp2!.length;
    const written = m[0];
    const fixed = written.slice(0, start - m.index) + '—' + written.slice(end - m.index);
    emit(lineDiagnostic(model, line, 'BG603', start, end, `年份范围“${written}”用了连字符“${dash}”：应改为一字线“—”，写作“${fixed}”。`, [
      { title: '改为一字线“—”', safe: true, edits: [{ from: start, to: end, newText: '—' }] },
    ]));
  }
  for (const m of allMatches(RANGE_WITHOUT_NIAN, line.text)) {
    if (!inCitationAt(line, m.index)) continue;
    const at = m.index + m[0].length - 1;
    emit(lineDiagnostic(model, line, 'BG604', m.index + 1, at, `书名中的年份范围“${m[1]}—${m[2]}”后缺“年”：正式文件名通常写作（${m[1]}—${m[2]}年）。`, [
      { title: '补上“年”', safe: false, edits: [{ from: at, to: at, newText: '年' }] },
    ]));
  }
}

const ANY_YEAR_RANGE = /(?<![\d.\-－])((?:19|20)\d{2})年?[ ]*(?:[-－–‐‑―~～]{1,2}|—)[ ]*((?:19|20)\d{2})(?![\d.\-－])年?/g;

/**
 * BG736: a range of counts with a hyphen: 1-2部, 3-5次 — two whole numbers of three digits at most, a measure
 * word after, the second larger. Years are BG603's; a telephone number, a document's number and 1-12月 are left.
 */
const COUNT_RANGE = /(?<![\d.．\-－A-Za-z/:：#〔])(\d{1,3})([-－‐‑])(\d{1,3})(?![\d.．\-－])(?=人次|场次|件次|课时|学时|小时|公里|[个名次部件天条项场篇本期批家所户人元倍周岁])/g;

function countRanges(model: ReportModel, line: ProseLine, emit: Emit) {
  for (const m of allMatches(COUNT_RANGE, line.text)) {
    const [written, from, dash, to] = m;
    if (Number(to) <= Number(from)) continue;
    const at = m.index + from!.length;
    emit(lineDiagnostic(model, line, 'BG736', m.index, m.index + written.length, `数值范围“${written}”用了连字符“${dash}”：数值范围用浪纹线“～”或写“至”，写作“${from}～${to}”或“${from}至${to}”。`, [
      { title: '改为“～”', safe: false, edits: [{ from: at, to: at + dash!.length, newText: '～' }] },
      { title: '改为“至”', safe: false, edits: [{ from: at, to: at + dash!.length, newText: '至' }] },
    ]));
  }
}

/** BG611: a range that does not run forward (2023-2023, 2025—2021): a year was mistyped or left from a template. */
function backwardYearRanges(model: ReportModel, line: ProseLine, emit: Emit) {
  for (const m of allMatches(ANY_YEAR_RANGE, line.text)) {
    const [written, from, to] = m;
    if (Number(to) > Number(from)) continue;
    const what = to === from ? '起止是同一年' : '止年早于起年';
    emit(lineDiagnostic(model, line, 'BG611', m.index, m.index + written.length, `年份范围“${written}”${what}：请核对年份（如《法治政府建设实施纲要（2021—2025年）》）。`));
  }
}

const COMMA_BETWEEN_TITLES = /》(、)《/g;

/** BG605 */
function commaBetweenTitles(model: ReportModel, line: ProseLine, emit: Emit) {
  for (const m of allMatches(COMMA_BETWEEN_TITLES, line.text)) {
    const i = m.index + 1;
    emit(lineDiagnostic(model, line, 'BG605', i, i + 1, '相邻的书名之间不用顿号：“》、《”应写作“》《”，请删去顿号。', [
      { title: '删去顿号', safe: true, edits: [{ from: i, to: i + 1, newText: '' }] },
    ]));
  }
}

const COMMA_BEFORE_CONJUNCTION = /、(?=以及|及(?![时早格第]))/g;

/** BG612: 、 right before 及 / 以及 joining the last item (not 及时, 及早, 及格, 及第, words of their own). */
function commaBeforeConjunction(model: ReportModel, line: ProseLine, emit: Emit) {
  if (!line.text.includes('、及') && !line.text.includes('、以及')) return;
  for (const m of allMatches(COMMA_BEFORE_CONJUNCTION, line.text)) {
    const conjunction = line.text.startsWith('以及', m.index + 1) ? '以及' : '及';
    emit(lineDiagnostic(model, line, 'BG612', m.index, m.index + 1, `“${conjunction}”连接最后一项，前面不用顿号：请删去“、”。`, [
      { title: '删去顿号', safe: true, edits: [{ from: m.index, to: m.index + 1, newText: '' }] },
    ]));
  }
}

const REPEATED_MARK = /([，。；：！？、])\1+/g;

/** BG606 */
function repeatedPunctuation(model: ReportModel, line: ProseLine, emit: Emit) {
  for (const m of allMatches(REPEATED_MARK, line.text)) {
    emit(lineDiagnostic(model, line, 'BG606', m.index, m.index + m[0].length, `标点“${m[0]}”重复：只留一个“${m[1]}”。`, [
      { title: `改为一个“${m[1]}”`, safe: true, edits: [{ from: m.index, to: m.index + m[0].length, newText: m[1]! }] },
    ]));
  }
}

/** （一）、: a 顿号 after a bracketed number. */
const PAREN_NUMBER_COMMA = /（([一二三四五六七八九十]+|\d{1,2})）(、)(?!、)/g;
/** 1、 at a line's or a sentence's start: an Arabic number takes a dot (1.). */
const ARABIC_NUMBER_COMMA = /(^[ \u3000\t]*|[。；！？：])(\d{1,2})、(?=[\u4e00-\u9fff“《])/g;

/** Whether a digit is right before one of the text's 、 (ARABIC_NUMBER_COMMA cannot match without). */
function digitBeforeComma(text: string): boolean {
  for (let i = text.indexOf('、', 1); i >= 0; i = text.indexOf('、', i + 1)) if (isDigitCode(text.charCodeAt(i - 1))) return true;
  return false;
}

/** BG607 */
function proseNumbering(model: ReportModel, line: ProseLine, emit: Emit) {
  // Most of a report's prose is in lines with a 、 (what this check needs), few with a number before one: the patterns, tried at
  // every character, run only where they can match.
  if (line.text.includes('）、')) for (const m of allMatches(PAREN_NUMBER_COMMA, line.text)) {
    const i = m.index + m[0].length - 1;
    emit(lineDiagnostic(model, line, 'BG607', i, i + 1, `序号“（${m[1]}）”后不加顿号：请删去“、”。`, [
      { title: '删去顿号', safe: true, edits: [{ from: i, to: i + 1, newText: '' }] },
    ]));
  }
  if (digitBeforeComma(line.text)) for (const m of allMatches(ARABIC_NUMBER_COMMA, line.text)) {
    const start = m.index + m[1]!.length;
    const end = start + m[2]!.length + 1;
    emit(lineDiagnostic(model, line, 'BG607', start, end, `序号“${m[2]}、”写法不对：阿拉伯数字序号后用下脚点，写作“${m[2]}.”。`, [
      { title: `改为“${m[2]}.”`, safe: false, edits: [{ from: end - 1, to: end, newText: '.' }] },
    ]));
  }
}

const DAY_AFTER = /^(?:[”"]|国际|宣传|禁毒|活动|纪念|消费者|宪法|晚会|主题|专题|安全|法治|日)/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A month and day written with a dot (12.4). */
const DAY_WITH_DOT = /(?<![\d.．%])(\d{1,2})[.．](\d{1,2})(?![\d.．%])/g;

/** BG608 */
function dayNames(model: ReportModel, line: ProseLine, emit: Emit) {
  for (const m of allMatches(DAY_WITH_DOT, line.text)) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) continue;
    const before = line.text[m.index - 1];
    const after = line.text.slice(m.index + m[0].length);
    const quotedBefore = before === '“' || before === '"';
    if (!quotedBefore && !DAY_AFTER.test(after)) continue;
    const right = `${m[1]}·${m[2]}`;
    const quoted = quotedBefore || after.startsWith('”') || after.startsWith('"');
    const replacement = quoted ? right : `“${right}”`;
    emit(lineDiagnostic(model, line, 'BG608', m.index, m.index + m[0].length, `节日名称“${m[0]}”应写作“${right}”：月和日之间用间隔号“·”，并加引号。`, [
      { title: `改为${quoted ? right : replacement}`, safe: false, edits: [{ from: m.index, to: m.index + m[0].length, newText: replacement }] },
    ]));
  }
}

const BODY_END = '(?:委员会|人民政府|政府|党工委|党委|委|局|办事处|办公室|办公厅|厅|部|院|署|办)';
/** Joint issuers are spaced apart: "中共某县委员会 某县人民政府关于……" (GB/T 9704, 联合行文). */
const BODY_BEFORE = new RegExp(`${BODY_END}$`);
const BODY_OR_ABOUT_AFTER = new RegExp(`^(?:关于|中共|[\u4e00-\u9fff]{2,20}?${BODY_END}(?:[ \u3000]|关于|$))`);
/** A body's whole name names its level or place first: 中共中央办公厅, 国务院办公厅, 某县司法局 (not 全部, 内部). */
const NAMED_BODY = `(?:中共|中央|国务院|国家|[\u4e00-\u9fff]{0,8}?[省市县区州盟旗乡镇])[\u4e00-\u9fff]{0,15}?${BODY_END}`;
const NAMED_BODY_BEFORE = new RegExp(`${NAMED_BODY}$`);
/** Another named body right after the space, whatever follows it ("国务院办公厅印发"): two bodies side by side. */
const BODY_AFTER = new RegExp(`^${NAMED_BODY}`);

/**
 * A space between two bodies: in a title, or before 关于, the joint issuers' own spacing (联合行文); in
 * running prose ("根据中共中央办公厅 国务院办公厅印发《……》") bodies side by side take a 顿号 — deleting
 * the space would run the two names together. Undefined for a space that is not between two bodies.
 */
function spaceBetweenBodies(line: ProseLine, at: number): 'joint' | 'prose' | undefined {
  const before = line.text.slice(0, at);
  const after = line.text.slice(at + 1);
  if (!BODY_BEFORE.test(before)) return undefined;
  if (BODY_OR_ABOUT_AFTER.test(after) || (BODY_AFTER.test(after) && inCitationAt(line, at))) return 'joint';
  return BODY_AFTER.test(after) && NAMED_BODY_BEFORE.test(before) ? 'prose' : undefined;
}

/** Marks named in a message, where “”” would not read: 右引号, 左书名号 …; any other character in quotes. */
const MARK_NAMES: Record<string, string> = { '“': '左引号', '”': '右引号', '‘': '左单引号', '’': '右单引号', '《': '左书名号', '》': '右书名号', '（': '左括号', '）': '右括号' };
const shownMark = (ch: string) => MARK_NAMES[ch] ?? `“${ch}”`;

/** A digit, or a figure (it prints a number: 32件 in "处罚案件 32件" imported as a figure). */
const isDigit = (ch: string) => (ch >= '0' && ch <= '9') || ch === FIGURE_MARK;

/** Marks of a sentence, and the half-width ones a Chinese text used for them (before Chinese: “100% ,考试”). */
const SENTENCE_MARK = /[，。；：、！？）》”]|[,;:](?=\s*[\u4e00-\u9fff])/y;

function markInChinese(text: string, at: number): boolean {
  SENTENCE_MARK.lastIndex = at;
  return SENTENCE_MARK.test(text);
}

/**
 * Is the space at `at` inside 《》 (or “”: `open`, `close`) between two phrases of four characters or more (in “”
 * also two parallel ones of three), the
 * only space there, in a name that is not a document's? Read by character code, out to the marks.
 */
function phrasesInTitle(text: string, at: number, open = 0x300a /* 《 */, close = 0x300b /* 》 */): boolean {
  // A pair of the same marks inside (“践行“两山”生态理念 法治守护浮梁绿水青山”, BG750's) is part of the phrase: passed over.
  let left = 0;
  let inner = 0;
  let i = at - 1;
  for (; i >= 0 && at - i <= 40; i--) {
    const c = text.charCodeAt(i);
    if (c === open) {
      if (inner === 0) break;
      inner--;
    } else if (c === close) inner++;
    else if (c === 0x20 || c === 0x3000) return false;
    else if (c >= 0x4e00 && c <= 0x9fff) left++;
  }
  if (i < 0 || text.charCodeAt(i) !== open) return false;
  let right = 0;
  let j = at + 1;
  for (inner = 0; j < text.length && j - at <= 40; j++) {
    const c = text.charCodeAt(j);
    if (c === close) {
      if (inner === 0) break;
      inner--;
    } else if (c === open) inner++;
    else if (c === 0x20 || c === 0x3000) return false;
    else if (c >= 0x4e00 && c <= 0x9fff) right++;
  }
  // A document's name split by a space (《法治政府建设 实施纲要》) is no slogan: it ends in what the document is;
  // nor is a phrase split where a particle joins it (“……感染肺炎疫情 的一封信”: a line broken in Word).
  if (j >= text.length || text.charCodeAt(j) !== close) return false;
  // Two parallel phrases of three (“学宪法 讲宪法”, an activity's own name) are a slogan too: as long, ending alike
  // (a law's 法 at the end of each is no document's name); a six-character word split in the middle (“法治政 府建设”) ends unlike.
  if (open === 0x201c && left === 3 && right === 3 && text.charCodeAt(at - 1) === text.charCodeAt(j - 1)) return true;
  return left >= 4 && right >= 4 && !DOCUMENT_KIND_END.test(text.slice(at + 1, j)) &&
    !JOINING_PARTICLES.includes(text[at + 1]!) && !JOINING_PARTICLES.includes(text[at - 1]!);
}

/** A theme or slogan in “” spaced between two phrases (“学习贯彻安全生产法 牢固树立安全发展理念”): quoted as it is named. */
const phrasesInQuote = (text: string, at: number) => phrasesInTitle(text, at, 0x201c /* “ */, 0x201d /* ” */);

/** Particles that join the words on either side of them: no phrase of a slogan begins or ends with one. */
const JOINING_PARTICLES = '的之地得和与及或等了着';

/** The word a document's name ends in (纲要, 规划, 条例, 准则, 法 …), before any years in brackets. */
const DOCUMENT_KIND_END = new RegExp(`(?:${[...DOCUMENT_KINDS, '准则', '法'].join('|')})(?:[（(][^（）()]*[）)])?$`);

const SPACES = /[ \u3000\t]+/g;
/** Full-width marks that close a quotation, title or aside. */
const CLOSING_MARKS = '”’》）';

/** A measure word that ends its clause (件。 起， 人次；), where a count is read: tested where it stands. */
const MEASURE_ENDING_CLAUSE = /(?:件|起|次|人次|人|名|个|项|场|家|份|条|户|宗|期|批)(?=[，,。；;、）)]|$)/y;

function blankBeforeMeasure(text: string, at: number): boolean {
  MEASURE_ENDING_CLAUSE.lastIndex = at;
  return MEASURE_ENDING_CLAUSE.test(text);
}

/**
 * A byline: a line of only posts (joined by 、), a space and a name of two or three characters (“区长 张三”,
 * “党委副书记、管委会主任 叶春华”); the posts end in a title a person holds.
 */
const BYLINE = /^[\u4e00-\u9fff、（）()]{1,40}(?:书记|主任|局长|区长|县长|市长|镇长|乡长|省长|州长|旗长|主席|部长|厅长|处长|科长|所长|院长|组长|负责人|检察长|庭长|队长|站长|馆长|校长|党组成员)$/;

function isByline(text: string, from: number, to: number): boolean {
  const name = text.length - to;
  if (name < 2 || name > 3) return false;
  for (let i = to; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0x4e00 && c <= 0x9fff) && c !== 0xb7 /* · */) return false;
  }
  return BYLINE.test(text.slice(0, from).trim());
}

/** BG609 */
function spacesInChinese(model: ReportModel, line: ProseLine, emit: Emit) {
  const chineseish = (ch: string | undefined, other: string | undefined) => isChinese(ch) || (ch !== undefined && ',;:?!'.includes(ch) && isIdeograph(other));
  for (const m of allMatches(SPACES, line.text)) {
    const prev = line.text[m.index - 1];
    const next = line.text[m.index + m[0].length];
    if (prev === undefined || next === undefined) continue;
    // Chinese on both sides, or a number and Chinese side by side ("案件 32件", "2025 年"): 公文 put no space there.
    // A closing mark and a number (“挂案” 5起, 《规划》 2份) are no further apart.
    const markBeside = isDigit(next) && CLOSING_MARKS.includes(prev);
    const digitBeside = (isDigit(prev) && isIdeograph(next)) || (isIdeograph(prev) && isDigit(next)) || markBeside;
    // A space before a mark after a number (“参考率为100% ，”, “100% 。”): no mark is spaced from what it follows.
    if (!digitBeside && (isDigit(prev) || prev === '%' || prev === '％') && markInChinese(line.text, m.index + m[0].length)) {
      emit(lineDiagnostic(model, line, 'BG609', m.index, m.index + m[0].length, `${prev === FIGURE_MARK ? '数字' : shownMark(prev)}和${shownMark(next)}之间有空格：标点前不空格，请删去。`, [
        { title: '删去空格', safe: true, edits: [{ from: m.index, to: m.index + m[0].length, newText: '' }] },
      ]));
      continue;
    }
    if (!digitBeside && (!chineseish(prev, next) || !chineseish(next, prev))) continue;
    // A name in 《》 spaced between two phrases (《承接“北跨”战略 共建法治政府》): the name's own spacing, as cited.
    if (!digitBeside && m[0].length === 1 && isIdeograph(prev) && isIdeograph(next) && inCitationAt(line, m.index) && phrasesInTitle(line.text, m.index)) continue;
    // So is a theme in “” (“学习贯彻安全生产法 牢固树立安全发展理念”), the name of a study session or campaign.
    if (!digitBeside && m[0].length === 1 && isIdeograph(prev) && isIdeograph(next) && phrasesInQuote(line.text, m.index)) continue;
    // A byline under a 述法报告's title (“××区党委副书记、管委会主任 叶春华”): the post, a space, the person's name.
    if (!digitBeside && isByline(line.text, m.index, m.index + m[0].length)) continue;
    const bodies = m[0].length === 1 ? spaceBetweenBodies(line, m.index) : undefined;
    if (bodies === 'joint') continue;
    if (bodies === 'prose') {
      emit(lineDiagnostic(model, line, 'BG609', m.index, m.index + 1, `两个机关名称之间有空格：空格只用在联合发文的文件名称里，行文中并列的机关之间用顿号“、”。`, [
        { title: '改为顿号“、”', safe: false, edits: [{ from: m.index, to: m.index + 1, newText: '、' }] },
      ]));
      continue;
    }
    // “涉法涉诉信访 件。”: a space where the count belongs, before a measure word that ends its clause — a number left blank.
    if (!digitBeside && isIdeograph(prev) && blankBeforeMeasure(line.text, m.index + m[0].length)) {
      emit(lineDiagnostic(model, line, 'BG609', m.index, m.index + m[0].length, `“${prev}”和“${next}”之间空着：像是漏填了数字（如“信访 件”应为“信访3件”），请补上数字；确实没有数字时删去空格。`, [
        { title: '删去空格', safe: false, edits: [{ from: m.index, to: m.index + m[0].length, newText: '' }] },
      ]));
      continue;
    }
    const shown = m[0].replace(/\u3000/g, '全角空格').replace(/ /g, '空格').replace(/\t/g, '制表符');
    const named = (ch: string) => (ch === FIGURE_MARK ? '数字' : shownMark(ch));
    emit(lineDiagnostic(model, line, 'BG609', m.index, m.index + m[0].length, `${named(prev)}和${named(next)}之间有${shown === '空格' ? '空格' : `多余的空白（${shown}）`}：${markBeside ? '标点和数字之间' : digitBeside ? '数字和汉字之间' : '中文之间'}不空格，请删去。`, [
      { title: '删去空格', safe: true, edits: [{ from: m.index, to: m.index + m[0].length, newText: '' }] },
    ]));
  }
}

const DEBRIS: Array<{ re: RegExp; what: string }> = [
  { re: /\[bookmark:[^[\]\n]*\]/gi, what: 'Word 书签' },
  { re: /HYPERLINK\s*"[^"\n]*"/g, what: 'Word 超链接域代码' },
  { re: /(?<![A-Za-z])(?:PAGE\s*)?(?:\\\*\s*|\uE001\s*)?MERGEFORMAT(?![A-Za-z])/g, what: 'Word 域代码' },
  { re: /(?<![A-Za-z])PAGE(?![A-Za-z])/g, what: 'Word 页码域代码' },
  { re: /[\f\u200b\u200c\u200d\u2060\ufeff]+/g, what: '不可见字符' },
  { re: /\ufffd+/g, what: '乱码替换字符“\ufffd”' },
];

/**
 * BG610. A match that overlaps one an earlier pattern kept is passed over. The kept ranges are in order
 * (each pattern's matches are, and are merged in after it), so each match looks only at the range before
 * it: comparing with every range kept made a line of 300,000 “甲\u200d” take 465 s.
 */
function wordDebris(model: ReportModel, line: ProseLine, emit: Emit) {
  let seen: Array<[number, number]> = [];
  for (const { re, what } of DEBRIS) {
    const kept: Array<[number, number]> = [];
    let k = 0;
    for (const m of allMatches(re, line.text)) {
      const [a, b] = [m.index, m.index + m[0].length];
      // The earlier ranges that end by this match's start cannot overlap it, nor any match after it.
      while (k < seen.length && seen[k]![1] <= a) k++;
      if (k < seen.length && seen[k]![0] < b) continue;
      kept.push([a, b]);
      const shown = /^[\f\u200b-\u200d\u2060\ufeff\ufffd]+$/.test(m[0]) ? '' : `“${m[0]}”`;
      emit(lineDiagnostic(model, line, 'BG610', a, b, `${what}${shown}是从 Word 复制时带进来的残留：请删去。`, [
        { title: '删去', safe: true, edits: [{ from: a, to: b, newText: '' }] },
      ]));
    }
    if (kept.length) seen = mergeRanges(seen, kept);
  }
}

/** Two lists of ranges, each in order and none overlapping another, as one list in order. */
function mergeRanges(a: ReadonlyArray<[number, number]>, b: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]![0] <= b[j]![0]) ? a[i++]! : b[j++]!);
  return out;
}

/**
 * A check that looks at one prose line at a time. `needs` are the marks (lineMarks.ts, MARKS) the check's
 * patterns cannot match without: lines lacking them (most lines) are skipped before any pattern runs.
 */
interface LineCheck {
  id: string;
  codes: string[];
  fn: (model: ReportModel, line: ProseLine, emit: Emit) => void;
  needs: number;
}

const LINE_CHECKS: LineCheck[] = [
  { id: 'half-width-punctuation', codes: ['BG601'], fn: halfWidthPunctuation, needs: MARKS.halfWidth },
  { id: 'year-range-dash', codes: ['BG603', 'BG604'], fn: yearRanges, needs: MARKS.dash },
  { id: 'backward-year-range', codes: ['BG611'], fn: backwardYearRanges, needs: MARKS.dash },
  { id: 'count-range-dash', codes: ['BG736'], fn: countRanges, needs: MARKS.dash },
  { id: 'comma-between-titles', codes: ['BG605'], fn: commaBetweenTitles, needs: MARKS.enumerationComma },
  { id: 'comma-before-conjunction', codes: ['BG612'], fn: commaBeforeConjunction, needs: MARKS.enumerationComma },
  { id: 'repeated-punctuation', codes: ['BG606'], fn: repeatedPunctuation, needs: MARKS.repeatedPunctuation },
  { id: 'prose-numbering', codes: ['BG607'], fn: proseNumbering, needs: MARKS.enumerationComma },
  { id: 'day-names', codes: ['BG608'], fn: dayNames, needs: MARKS.dot },
  { id: 'spaces-in-chinese', codes: ['BG609'], fn: spacesInChinese, needs: MARKS.space },
  { id: 'word-debris', codes: ['BG610'], fn: wordDebris, needs: MARKS.wordDebris },
];
const ANY_LINE_MARK = LINE_CHECKS.reduce((all, c) => all | c.needs, 0);

/** Every typography diagnostic of one block: its paired marks, then each line's (one pass over the blocks for all the checks). */
function blockTypography(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  blockFound = undefined;
  pairedMarks(model, block, emit);
  for (const line of block.lines) {
    const marks = lineMarks(line);
    // BG750: quotes inside quotes, on a line whose quotes pair up (a lost or reversed one is BG602's).
    if (!(marks & MARKS.unbalanced)) doubleQuotesInQuotes(model, line, emit);
    if (!(marks & ANY_LINE_MARK)) continue;
    if (marks & MARKS.halfWidth) halfBracketsInTitles(model, line, emit);
    // BG601's too, found in its own pass: a line's dots are few, its characters many.
    if (marks & MARKS.dot) periodsBetweenChinese(model, line, emit);
    for (const check of LINE_CHECKS) if (marks & check.needs) check.fn(model, line, emit);
  }
  const out = blockFound;
  blockFound = undefined;
  return out ?? NO_DIAGNOSTICS;
}

/**
 * What the checks of the block blockTypography is checking found so far, and the one `emit` they report to: one
 * function for every block, not a closure made per block (a batch check of 300 KB made some 2,300 of them).
 * Nothing a check calls checks another block meanwhile.
 */
let blockFound: Diagnostic[] | undefined;
const emit: Emit = (d) => {
  (blockFound ??= []).push(d);
};

/**
 * One pass for all the checks above (checksOfOneWalk), each check given its codes' findings; in the order of
 * their codes (BG601, BG602 the block's paired marks, BG603 …), as settings and docs list them.
 */
export const typographyChecks: ReportCheck[] = checksOfOneWalk(
  'typographyByCheck',
  [{ id: 'paired-marks', codes: ['BG602'] }, { id: 'quotes-in-quotes', codes: ['BG750'] }, ...LINE_CHECKS].sort((a, b) => compareCodeUnits(a.codes[0]!, b.codes[0]!)),
  (model) => cachedPerBlock('typography', proseBlocks(model), (block) => blockTypography(model, block)),
);
