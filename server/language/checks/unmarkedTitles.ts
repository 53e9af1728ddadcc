// Report check BG507: a document, book or newspaper named in prose without 《》 — a registered document's
// name (纲要, 条例, 中华人民共和国…), a 论述摘编, a newspaper, and laws listed by their short names before
// 等法律法规. Titles in 《》 themselves are citations.ts's.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { cachedPerBlock, identityOf } from './blockCache.js';
import { NO_DIAGNOSTICS, type CheckSettings, type ReportCheck } from './contract.js';
import { inCitationAt, lineDiagnostic, proseBlocks, type ProseBlock, type ProseLine } from './prose.js';
import { chineseWords } from '../words.js';
import { allMatches } from '../matches.js';
import { unitSet } from '../unitSet.js';
import { citationRegistry, type CitationEntry } from './citations.js';
import { countBefore } from '../../../grammar/index.js';

export const unmarkedTitlesCodes: CodeInfo[] = [
  { code: 'BG507', severity: 'warning', title: '文件名称没加书名号', description: '正文里写了登记的文件名称（条例、规定、纲要、意见，或“中华人民共和国……”的法律全称）或“习近平关于……论述摘编”这样的书名，或人民日报、法治日报、湖南法治报这样的报纸名称，却没有加书名号：引用文件、书籍、报刊的名称应加《》（报纸名称可一键加上）。人民日报社、工作日报不报。名称后括注起止年份的方案、纲要、规划（“推进吉林市法治政府建设实施方案(2021—2025年)”）是文件名称，登记与否都报（“十四五”规划这样的简称、“省市区法治政府建设实施方案(2021-2025)”这样几级政府的方案合称不报）。简称（宪法、民法典、行政复议法）作话题时不报（“开展民法典、信访工作条例等主题宣传”）；两部以上的法律用简称列举在“等法律法规”之前（“学习行政处罚法、行政复议法等法律法规”），或跟在书名号里的法律后面（“《民法典》、劳动法等法律法规”）是引用，要报。', example: '严格落实政府信息公开条例；培训行政许可法、行政处罚法等法律法规', fix: '加上书名号' },
];
registerCodes(unmarkedTitlesCodes);

/** A document's name (not a law's short name, used as a topic: 宪法, 民法典): worth its 《》 wherever it is written. */
const LAST_WORDS = ['纲要', '规划', '规定', '条例', '意见', '办法', '决定'];
const NATIONAL = '中华人民共和国';
const DOCUMENT_NAME = new RegExp(`(?:${LAST_WORDS.join('|')})$|^${NATIONAL}`);
/** Where a name can end or start, all in one pass over a line. */
const NAME_ENDS = new RegExp(`${LAST_WORDS.join('|')}|${NATIONAL}`, 'g');
/** A name prose may write without 《》, and the title to write for it (an alias's full title). */
interface DocumentName {
  name: string;
  title: string;
}
/** The names longest first, and by where a match is looked for: the word they end in, or 中华人民共和国 they start with. */
interface NameIndex {
  list: DocumentName[];
  byLastWord: Map<string, number[]>;
  national: number[];
}
const unmarkedNames = new WeakMap<readonly CitationEntry[], NameIndex>();

/** The registry's document names as prose writes them without 《》: the title without its years, and long aliases (longest first). */
function documentNames(registry: readonly CitationEntry[]): NameIndex {
  let names = unmarkedNames.get(registry);
  if (!names) {
    const byName = new Map<string, string>();
    for (const e of registry) {
      const bare = e.title.replace(/（[^（）]*）$/, '');
      for (const name of [bare, ...(e.aliases ?? [])]) if (!byName.has(name)) byName.set(name, bare === e.title ? e.title : `${bare}（……年）`);
    }
    const list = [...byName].map(([name, title]) => ({ name, title })).filter(({ name }) => name.length >= 6 && DOCUMENT_NAME.test(name));
    list.sort((a, b) => b.name.length - a.name.length);
    const byLastWord = new Map<string, number[]>();
    const national: number[] = [];
    list.forEach(({ name }, i) => {
      const word = LAST_WORDS.find((w) => name.endsWith(w));
      if (word) byLastWord.set(word, [...(byLastWord.get(word) ?? []), i]);
      else national.push(i);
    });
    unmarkedNames.set(registry, (names = { list, byLastWord, national }));
  }
  return names;
}

function unmarkedTitles(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const registry = citationRegistry(settings);
  return cachedPerBlock(`unmarked-titles:${identityOf(registry)}`, proseBlocks(model), (block) => blockUnmarkedTitles(model, block, documentNames(registry)));
}

/**
 * For each place of a line, whether it is inside 〈〉 or < > (an inner title, even where the 《》 around it
 * was lost): an opener seen last before it and not yet closed. One pass for the line, undefined when it has
 * no opener — a test per name that read the line from its start was quadratic in a line of many names.
 */
function innerTitles(text: string): Uint8Array | undefined {
  if (!text.includes('〈') && !text.includes('<')) return undefined;
  const inside = new Uint8Array(text.length + 1);
  let angle = false;
  let sign = false;
  for (let i = 0; i < text.length; i++) {
    inside[i] = angle || sign ? 1 : 0;
    const c = text.charCodeAt(i);
    if (c === 0x3008 /* 〈 */) angle = true;
    else if (c === 0x3009 /* 〉 */) angle = false;
    else if (c === 60 /* < */) sign = true;
    else if (c === 62 /* > */) sign = false;
  }
  inside[text.length] = angle || sign ? 1 : 0;
  return inside;
}

/** Whether a character of [at, end) is marked taken. */
function overlapsTaken(taken: Uint8Array, at: number, end: number): boolean {
  for (let k = at; k < end; k++) if (taken[k]) return true;
  return false;
}

/** BG507: a registered document named in prose without 《》 (nor 〈〉 or < > inside a title). */
function blockUnmarkedTitles(model: ReportModel, block: ProseBlock, names: NameIndex): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  const lines = block.lines;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    const text = line.text;
    // Where a name may end (its closing word) or start (中华人民共和国): the names are tried only there,
    // not each over the whole line. Then the longest names first, as before, a shorter one not inside a longer.
    // (exec, not matchAll: most lines have such a word and no name, and matchAll copies the pattern each time.)
    let found: Array<{ i: number; at: number }> | undefined;
    NAME_ENDS.lastIndex = 0;
    for (let m = NAME_ENDS.exec(text); m; m = NAME_ENDS.exec(text)) {
      const word = m[0];
      if (word === NATIONAL) {
        for (const i of names.national) if (text.startsWith(names.list[i]!.name, m.index)) (found ??= []).push({ i, at: m.index });
        continue;
      }
      const candidates = names.byLastWord.get(word);
      if (!candidates) continue;
      for (const i of candidates) {
        const at = m.index + word.length - names.list[i]!.name.length;
        if (at >= 0 && text.startsWith(names.list[i]!.name, at)) (found ??= []).push({ i, at });
      }
    }
    const plans = mayNameAPlan(text);
    if (!found && !plans) continue;
    const inner = innerTitles(text);
    // The characters of names already reported: a name overlapping one is not (a mark per character, not a
    // list of spans searched for each name, which was quadratic in a line of many names).
    const taken = new Uint8Array(text.length);
    if (found) {
      found.sort((a, b) => a.i - b.i || a.at - b.at);
      for (const { i, at } of found) {
        const { name, title } = names.list[i]!;
        const end = at + name.length;
        if (inCitationAt(line, at) || inner?.[at] || overlapsTaken(taken, at, end)) continue;
        taken.fill(1, at, end);
        (out ??= []).push(lineDiagnostic(model, line, 'BG507', at, end, `文件名称“${name}”没有加书名号：引用文件应写作《${title}》。`));
      }
    }
    if (plans) {
      for (const m of allMatches(PLAN_WITH_YEARS, text)) {
        const at = planNameStart(text, m.index);
        const end = m.index + m[0].length;
        if (at < 0 || SEVERAL_LEVELS.test(text.slice(at, at + 5)) || inCitationAt(line, at) || inner?.[at] || overlapsTaken(taken, at, end)) continue;
        taken.fill(1, at, end);
        const written = text.slice(at, end);
        (out ??= []).push(lineDiagnostic(model, line, 'BG507', at, end, `“${written}”是文件名称（名称后括注了起止年份），没有加书名号：引用文件应写作《${written}》。`, [
          { title: `改为“《${written}》”`, safe: false, edits: [{ from: at, to: at, newText: '《' }, { from: end, to: end, newText: '》' }] },
        ]));
      }
    }
  }
  return out ? out.sort((a, b) => a.start - b.start) : NO_DIAGNOSTICS;
}

/**
 * A plan named with the years it runs in brackets (“扎实推进吉林市法治政府建设实施方案(2021--2025年)”): a document's
 * name, registered or not — only a title is written so. Not when a 》 closes it (the 《 is missing: BG602's).
 * The spaces around 年 are one run each (`\s*(?:年\s*)?`, not `\s*年?\s*`): two runs that may both take a
 * space made a line of spaces after “方案（2021” quadratic (100,000 spaces: 9 s).
 */
const PLAN_WITH_YEARS = /(?:实施方案|实施纲要|规划|纲要|方案|计划)[（(]\s*(?:19|20)\d{2}\s*(?:年\s*)?(?:[-－–‐‑―~～—]{1,2}|至)\s*(?:19|20)\d{2}\s*(?:年\s*)?[）)](?!\s*[》〉>])/g;

/**
 * The plans of several governments named together by their levels (“省市区法治政府建设实施方案(2021-2025)”, 古竹乡 2025;
 * “市县……”): no one document's title, no 《》 to add.
 */
const SEVERAL_LEVELS = /^[省市县区乡镇]{2,4}(?=[\u4e00-\u9fff])/;

/** A line that can hold one: the closing word before a bracket with a year in it (tested before the pattern). */
function mayNameAPlan(text: string): boolean {
  for (const bracket of ['(', '（']) {
    for (let i = text.indexOf(bracket, 1); i > 0; i = text.indexOf(bracket, i + 1)) {
      const before = text.charCodeAt(i - 1);
      if (before === 0x6848 /* 案 */ || before === 0x8981 /* 要 */ || before === 0x5212 /* 划 */) return true;
    }
  }
  return false;
}

/** Words in front of a plan's name that are not of it: what is done with it (扎实推进, 认真落实, 制定出台 …). */
const BEFORE_PLAN = /推进|落实|贯彻|执行|按照|根据|依据|印发|制定|制订|出台|对照|对标|围绕|结合|学习|完成|修订|编制|起草|审议|通过|遵循|发布|扎实|认真|的|了|和|及|与|是/g;

/**
 * Where the plan's name before `at` (its closing word) starts: back over the Chinese characters before it, after the
 * last word that does something with it; -1 when fewer than four characters name it.
 */
function planNameStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < 30) {
    const c = text.charCodeAt(start - 1);
    if (c < 0x4e00 || c > 0x9fff) break;
    start--;
  }
  let cut = start;
  BEFORE_PLAN.lastIndex = 0;
  const front = text.slice(start, at);
  for (let m = BEFORE_PLAN.exec(front); m; m = BEFORE_PLAN.exec(front)) cut = start + m.index + m[0].length;
  return at - cut >= 4 ? cut : -1;
}

/** A book of the leader's discourse, named in prose: 习近平关于涉外法治工作论述摘编, 习近平关于全面依法治国论述摘编. */
const DISCOURSE_BOOK = /习近平关于[^，,。；;：:、《》〈〉“”（）()\s]{2,24}?论述摘编/g;

/** BG507 for a book of the leader's discourse (a title of its own, registered or not) named without 《》. */
function unmarkedBooks(model: ReportModel): Diagnostic[] {
  return unmarkedMatches(model, 'unmarked-books', (text) => text.includes('论述摘编'), DISCOURSE_BOOK, (line, name, at) =>
    lineDiagnostic(model, line, 'BG507', at, at + name.length, `书名“${name}”没有加书名号：应写作《${name}》。`));
}

/**
 * BG507 for each match of `pattern` on the lines of a block that pass `quick`, outside 《》 (and 〈〉 or < >
 * inside a title): a name written without its 书名号.
 */
function unmarkedMatches(
  model: ReportModel, context: string, quick: (text: string) => boolean, pattern: RegExp,
  finding: (line: ProseLine, name: string, at: number) => Diagnostic,
): Diagnostic[] {
  return cachedPerBlock(context, proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!quick(line.text)) continue;
      let inner: Uint8Array | undefined | null = null;
      for (const m of allMatches(pattern, line.text)) {
        if (inner === null) inner = innerTitles(line.text);
        if (inCitationAt(line, m.index!) || inner?.[m.index!]) continue;
        (out ??= []).push(finding(line, m[0], m.index!));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

/**
 * A newspaper's name (GB/T 15834: 报纸名 take 书名号): the national papers, and a province's or a big city's
 * 日报 / 法治报 / 晚报 — not 日报 as a daily report (工作日报, 每日报送), nor the paper's office (人民日报社, 人民日报出版社).
 */
const NEWSPAPER = /(?:(?:人民|光明|经济|法治|法制|检察|工人|农民|科技|中国)日报|人民法院报|人民政协报|中国纪检监察报|学习时报|中国青年报|中国妇女报|(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|陕西|甘肃|青海|宁夏|新疆|西藏|内蒙古|南方|羊城|深圳|广州|长沙|武汉|成都|杭州|南京|西安|郑州|济南|沈阳|长春|哈尔滨|福州|厦门|昆明|贵阳|南宁|合肥|南昌|石家庄|太原|兰州|西宁|银川|乌鲁木齐|拉萨|呼和浩特|海口|大连|青岛|宁波)(?:日报|法治报|法制报|晚报|政法报))(?!社|出版社)/g;

/** The character before the 报 a newspaper's name ends in (日报, 法治报, 晚报, 人民法院报, 学习时报, 中国妇女报 …), by code. */
const BEFORE_NEWSPAPER_END = unitSet('日治制晚法院协察时年女');

/**
 * Whether a line has what a newspaper's name ends in (/[日治制晚法院协察时年女]报/): a line without it has none (most
 * lines have 报告). Each 报 found by search, the character before it read: half the cost of the class tried at every character.
 */
function mayNameNewspaper(text: string): boolean {
  for (let at = text.indexOf('报', 1); at >= 0; at = text.indexOf('报', at + 1)) if (BEFORE_NEWSPAPER_END[text.charCodeAt(at - 1)]) return true;
  return false;
}

/** BG507 for a newspaper named without 《》 (“在人民日报、光明日报等中央媒体刊发”, “利用湖南法治报等平台”). */
function unmarkedNewspapers(model: ReportModel): Diagnostic[] {
  return unmarkedMatches(model, 'unmarked-newspapers', mayNameNewspaper, NEWSPAPER, (line, name, at) =>
    lineDiagnostic(model, line, 'BG507', at, at + name.length, `报纸名称“${name}”没有加书名号：报纸、刊物的名称应写作《${name}》。`, [
      { title: `改为“《${name}》”`, safe: true, edits: [{ from: at, to: at + name.length, newText: `《${name}》` }] },
    ]));
}

/** What a list of laws is called after its 等: 等法律法规, 等相关法律, 等有关法规. */
const LAWS_AFTER = /等(?:相关|有关)?(?:法律|法规|党内法规)/g;
/** The same, to test a line once before any list is read back. */
const LAWS_AFTER_ONE = new RegExp(LAWS_AFTER.source);
/** How a law's short name ends (LAW_NAME). */
const LAW_END = /(?:法|条例|法典)$/;
/** A law's short name: 行政处罚法, 民法典, 信访工作条例, 宪法 — not a word that only ends in 法 (执法, 普法, 办法, 程序法). */
const LAW_NAME = /^(?:宪法|民法典|[\u4e00-\u9fff]{2,12}(?:法|条例))$/;
const NOT_A_LAW = /^(?:[\u4e00-\u9fff]*(?:执法|司法|普法|守法|用法|立法|违法|合法|依法|学法|懂法|护法|方法|办法|做法|说法|看法|想法|手法|实体法|程序法|部门法))$/;
/** Words before the first law of a list that are not its name: 围绕培训行政许可法 → 行政许可法 (whole words: 反有组织犯罪法 keeps 组织). */
const BEFORE_LAW = new Set(['围绕', '培训', '学习', '宣传', '贯彻', '落实', '执行', '宣讲', '解读', '普及', '依据', '根据', '按照', '对照', '遵守', '运用', '涉及', '包括', '了', '和', '及', '与', '以及']);
/** At most so many laws are read back from a 等 (a list is never longer; the bound keeps a hostile line linear). */
const LAWS_IN_A_LIST = 30;
/** A law's short name is never longer. */
const LAW_REACH = 24;

/** The first law of a list: the words after the last word that only leads to it. */
function firstLaw(words: string): string {
  const segments = chineseWords(words).map((w) => w.text);
  let from = 0;
  segments.forEach((w, i) => { if (BEFORE_LAW.has(w)) from = i + 1; });
  return segments.slice(from).join('');
}

/**
 * BG507 for laws listed by their short names before 等法律法规 (“培训行政许可法、行政处罚法、行政复议法等法律法规”):
 * listed as the laws followed, they are cited, and a law cited is written in 《》. A short name as a topic
 * (“开展民法典、信访工作条例等主题宣传”) has no 等法律 after it and is left alone.
 */
function unmarkedLawLists(model: ReportModel): Diagnostic[] {
  return cachedPerBlock('unmarked-law-lists', proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      const text = line.text;
      if (!text.includes('、') || !LAWS_AFTER_ONE.test(text)) continue;
      for (const m of allMatches(LAWS_AFTER, text)) {
        const laws: Array<{ at: number; name: string }> = [];
        let end = m.index!;
        while (laws.length < LAWS_IN_A_LIST) {
          let start = end;
          while (start > 0 && end - start < LAW_REACH && /[\u4e00-\u9fff]/.test(text[start - 1]!)) start--;
          const listed = text[start - 1] === '、';
          const words = text.slice(start, end);
          // A law's name ends so: anything else ends the list before the words are segmented (the costly part).
          if (!LAW_END.test(words)) break;
          const name = listed ? words : firstLaw(words);
          if (!LAW_NAME.test(name) || NOT_A_LAW.test(name)) break;
          laws.unshift({ at: end - name.length, name });
          if (!listed) break;
          end = start - 1;
        }
        // One law is cited too when it is listed after titles in 《》 (“《民法典》、劳动法等法律法规”).
        const afterTitles = laws.length === 1 && text.slice(Math.max(0, laws[0]!.at - 2), laws[0]!.at) === '》、';
        if ((laws.length < 2 && !afterTitles) || laws.some((l) => inCitationAt(line, l.at))) continue;
        const first = laws[0]!;
        const last = laws[laws.length - 1]!;
        const names = laws.map((l) => `“${l.name}”`).join('');
        const titled = laws.map((l) => `《${l.name}》`).join('');
        (out ??= []).push(lineDiagnostic(model, line, 'BG507', first.at, last.at + last.name.length, `法律名称${names}没有加书名号：列举引用的法律应写作${titled}。`, [
          { title: `改为“${titled}”`, safe: false, edits: [{ from: first.at, to: last.at + last.name.length, newText: titled }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

/** BG507 of all four kinds; a listed law that is a registered document is reported once, as that document. */
function unmarkedTitlesAndLists(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const titles = unmarkedTitles(model, settings);
  const lists = unmarkedLawLists(model);
  const taken = spansByUri(titles);
  return titles.concat(unmarkedBooks(model), unmarkedNewspapers(model), lists.filter((l) => !overlapsSpan(taken.get(l.uri), l.start, l.end)));
}

/** Each file's spans, by start (a report's names never overlap one another, so their ends are in order too). */
function spansByUri(found: readonly Diagnostic[]): Map<string | undefined, Diagnostic[]> {
  const byUri = new Map<string | undefined, Diagnostic[]>();
  for (const d of found) {
    const list = byUri.get(d.uri);
    if (list) list.push(d);
    else byUri.set(d.uri, [d]);
  }
  for (const list of byUri.values()) list.sort((a, b) => a.start - b.start);
  return byUri;
}

/**
 * Whether [start, end) overlaps a span of `spans` (sorted, not overlapping): only the last one starting
 * before `end` can. A binary search — testing every name for every list was quadratic in a long report.
 */
function overlapsSpan(spans: readonly Diagnostic[] | undefined, start: number, end: number): boolean {
  if (!spans?.length) return false;
  const before = countBefore(spans.length, (i) => spans[i]!.start < end);
  return before > 0 && spans[before - 1]!.end > start;
}

export const unmarkedTitlesChecks: ReportCheck[] = [
  { id: 'unmarked-titles', codes: ['BG507'], run: (model, settings) => unmarkedTitlesAndLists(model, settings) },
];
