// Report checks: citations. Titles in 《》 are compared with a registry of official documents
// (data/citations.json, extended by CheckSettings.extraCitations); stale plans and terms are reported.
import { distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import registryData from '../data/citations.json' with { type: 'json' };
import type { ReportModel } from '../model.js';
import { cachedPerBlock, identityOf } from './blockCache.js';
import { summariesOf } from './blockSummaries.js';
import type { Hit } from './blockVersions.js';
import { joined, NO_DIAGNOSTICS, type CheckSettings, type ReportCheck } from './contract.js';
import { inCitationAt, lineDiagnostic, proseBlocks, type Cited, type ProseBlock, type ProseBlocks, type ProseLine } from './prose.js';
import { AttachedMap } from '../attached.js';
import { chineseWords } from '../words.js';
import { allMatches } from '../matches.js';

export interface CitationEntry {
  title: string;
  aliases?: string[];
  issuer?: string;
  number?: string;
  date?: string;
  /** First and last year the document is the current one (inclusive). */
  validFrom?: number;
  validTo?: number;
  supersededBy?: string;
}

export const BUILTIN_CITATIONS: readonly CitationEntry[] = (registryData as { citations: CitationEntry[] }).citations;

const registries = new WeakMap<CheckSettings['extraCitations'], CitationEntry[]>();

/** The registry: the built-in titles with the settings' extra titles merged over them (same title replaces). */
export function citationRegistry(settings: CheckSettings): CitationEntry[] {
  // Built once per settings object, so that title matches can be remembered per registry.
  const extras = settings.extraCitations ?? [];
  let registry = registries.get(extras);
  if (!registry) registries.set(extras, (registry = buildRegistry(extras)));
  return registry;
}

function buildRegistry(extras: CheckSettings['extraCitations']): CitationEntry[] {
  const byTitle = new Map<string, CitationEntry>();
  for (const entry of BUILTIN_CITATIONS) byTitle.set(entry.title, entry);
  for (const extra of extras) byTitle.set(extra.title, { ...byTitle.get(extra.title), ...extra });
  return [...byTitle.values()];
}

export const citationsCodes: CodeInfo[] = [
  { code: 'BG501', severity: 'warning', title: '文件名称与正式名称不一致', description: '书名号中的名称与登记的正式文件名称相近但不相同（错字、漏字、缺括号或“年”等），可能写错了。只差半角括号或年份范围的连字符时（“《法治政府建设实施纲要(2021-2025年)》”），由 BG601、BG603 在各自的位置报告（各有安全修复），本条不再重复。带年份的名称漏了登记名称里的几个字（不超过四分之一，年份相同：“《法治政府实施纲(2021-2025)》”）也报；不带年份的简称（《纲要》）不报。', example: '《法治政府建设实施纲要（2021-2025年》', fix: '改为正式名称' },
  { code: 'BG502', severity: 'warning', title: '引用了已被取代的文件', description: '所引文件在报告年度已被新文件取代，例如 2021 年起应以《法治政府建设实施纲要（2021—2025年）》为准。', example: '@年度 2021\n落实《法治政府建设实施纲要（2015—2020年）》', fix: '改为新文件' },
  { code: 'BG503', severity: 'warning', title: '引用了尚未施行的文件', description: '所引文件在报告年度还没有施行。', example: '@年度 2020\n严格执行《信访工作条例》' },
  { code: 'BG504', severity: 'warning', title: '普法规划已过期', description: '“七五”普法规划期为2016—2020年，2021年起是“八五”普法。', example: '@年度 2021\n结合“七五普法”的要求', fix: '改为“八五”' },
  { code: 'BG507', severity: 'warning', title: '文件名称没加书名号', description: '正文里写了登记的文件名称（条例、规定、纲要、意见，或“中华人民共和国……”的法律全称）或“习近平关于……论述摘编”这样的书名，或人民日报、法治日报、湖南法治报这样的报纸名称，却没有加书名号：引用文件、书籍、报刊的名称应加《》（报纸名称可一键加上）。人民日报社、工作日报不报。简称（宪法、民法典、行政复议法）作话题时不报（“开展民法典、信访工作条例等主题宣传”）；两部以上的法律用简称列举在“等法律法规”之前（“学习行政处罚法、行政复议法等法律法规”），或跟在书名号里的法律后面（“《民法典》、劳动法等法律法规”）是引用，要报。', example: '严格落实政府信息公开条例；培训行政许可法、行政处罚法等法律法规', fix: '加上书名号' },
  {
    code: 'BG508', severity: 'warning', title: '法律名称有误',
    description: '书名号里的法律名称没有哪部法律叫这个名字：法律部门的统称当成了法律（《行政法》），或把法律名称简称错了（《土地法》应为《土地管理法》，《民法》应为《民法典》，《环保法》应为《环境保护法》）；2021年起还引用已被《中华人民共和国民法典》废止的法律（《合同法》《物权法》《婚姻法》《继承法》《侵权责任法》《民法通则》等）。请写明所引法律的正式名称或规范简称。',
    example: '@年度 2023\n重点学习《民法典》《行政法》《土地法》等法律法规',
  },
  { code: 'BG506', severity: 'warning', title: '提法已过时', description: '当作现行要求写的提法，在本报告年度已经过时：2021年起按“十三五”规划的要求（“十三五”时期是2016—2020年），2023年起只贯彻“党的十九大精神”而不提二十大（党的二十大2022年10月召开）、把“应对新冠肺炎疫情”写成当年的工作（2023年1月起“乙类乙管”），2020年起还写2018年机构改革撤并的机构（法制办、工商局、国土资源局、环保局、安监局、卫计委……）。多半是沿用旧报告或范文时漏改。回顾以往的句子（收官、以来、期间、“原……”）不报。', example: '@年度 2023\n认真贯彻落实党的十九大精神' },
];
registerCodes(citationsCodes);

// ---------------------------------------------------------------- normalising titles

const DASHES = /[-－–‐‑―~～—]/g;

/** Canonical form for comparing: full-width brackets, one-em dash, no spaces. */
export function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(DASHES, '—');
}

/** A looser key: without brackets, dashes and the 年 of year ranges — equal keys differ only in those defects. */
function defectKey(title: string): string {
  return normaliseTitle(title).replace(/(\d{4})年/g, '$1').replace(/[（）〔〕【】\[\]—]/g, '');
}

export const PLACE_PREFIX = /^[\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|省|市|县|区|州|盟|旗|镇|乡|街道)/;

export interface TitleMatch {
  entry: CitationEntry;
  /** The exact title or alias, or 'defect' when only dashes/brackets differ, or 'near' for a likely typo. */
  kind: 'exact' | 'defect' | 'near';
  /** The registry title (or alias) matched. */
  name: string;
}

const titleMatches = new WeakMap<readonly CitationEntry[], Map<string, TitleMatch | undefined>>();

/** Finds the registry entry a title is, or is probably meant to be (remembered: reports cite the same titles often). */
export function matchTitle(raw: string, registry: readonly CitationEntry[]): TitleMatch | undefined {
  let known = titleMatches.get(registry);
  if (!known) titleMatches.set(registry, (known = new Map()));
  if (known.has(raw)) return known.get(raw);
  const match = findTitle(raw, registry);
  if (known.size < 50_000) known.set(raw, match);
  return match;
}

/**
 * A local plan named like the national one with its place where 中国 stands: 《法治长治建设规划（2021—2025年）》
 * after 《法治中国建设规划（2020—2025年）》 — a document of its own, not a misspelling (years aside).
 */
function placeInsteadOfChina(title: string, target: string): boolean {
  const at = target.indexOf('中国');
  if (at < 0) return false;
  const undated = (t: string) => t.replace(/（[^（）]*）$/, '');
  const [body, pattern] = [undated(title), undated(target)];
  const before = pattern.slice(0, at);
  const after = pattern.slice(at + 2);
  const middle = body.slice(before.length, body.length - after.length);
  return body.startsWith(before) && body.endsWith(after) && /^[\u4e00-\u9fff]{2,4}$/.test(middle) && middle !== '中国';
}

/** What a document is, by the word its name ends in (before its years): 纲要, 方案, 规划, 意见, 条例 … */
const KIND_OF_DOCUMENT = /(纲要|方案|规划|计划|意见|办法|规定|条例|决定|通知|要点|细则|规则|制度|标准|指引|清单)(?:（[^（）]*）)?$/;

/**
 * A document of another kind named like a registered one: 省、市《法治政府建设实施方案（2016—2020年）》 beside
 * the national 《法治政府建设实施纲要（2015—2020年）》 — a local plan of its own, not a misspelling of the 纲要.
 */
function otherKindOfDocument(title: string, target: string): boolean {
  const kind = KIND_OF_DOCUMENT.exec(title)?.[1];
  const targetKind = KIND_OF_DOCUMENT.exec(target)?.[1];
  return !!kind && !!targetKind && kind !== targetKind;
}

function findTitle(raw: string, registry: readonly CitationEntry[]): TitleMatch | undefined {
  const title = normaliseTitle(raw);
  if (!title) return undefined;
  const names = registry.flatMap((entry) => [entry.title, ...(entry.aliases ?? [])].map((name) => ({ entry, name })));
  for (const { entry, name } of names) if (normaliseTitle(name) === title && name === raw) return { entry, kind: 'exact', name };
  for (const { entry, name } of names) if (normaliseTitle(name) === title) return { entry, kind: 'defect', name };
  const key = defectKey(title);
  for (const { entry, name } of names) if (defectKey(name) === key && key.length >= 4) return { entry, kind: 'defect', name: entry.title };
  // A part of a title (《纲要》), a longer title containing one (《行政复议法实施条例》) or a local document
  // named after a national one (《广东省法治政府建设实施纲要……》) is not a misspelling.
  let best: { entry: CitationEntry; d: number } | undefined;
  for (const { entry, name } of names) {
    const target = normaliseTitle(name);
    if (target.length < 6) continue;
    if (target.includes(title) || title.includes(target)) return undefined;
    const place = PLACE_PREFIX.exec(title);
    if (place && distance(title.slice(place[0].length), target) <= Math.floor(target.length * 0.3)) return undefined;
    if (placeInsteadOfChina(title, target)) return undefined;
    if (otherKindOfDocument(title, target)) continue;
    const d = distance(title, target);
    const allowed = Math.max(1, Math.floor(target.length * 0.15));
    if (d > 0 && d <= allowed && (!best || d < best.d)) best = { entry, d };
  }
  // Only a title that ends in its years can be a dated one with characters left out: most are passed over here.
  if (!best && DATED_KEY.test(key)) {
    for (const { entry, key: target } of datedKeys(registry)) if (withCharactersLeftOut(key, target)) return { entry, kind: 'near', name: entry.title };
  }
  return best && { entry: best.entry, kind: 'near', name: best.entry.title };
}

const DATED_KEY = /\d{8}$/;

const datedKeysOf = new WeakMap<readonly CitationEntry[], Array<{ entry: CitationEntry; key: string }>>();

/** The keys of the registry's dated titles and aliases, made once per registry. */
function datedKeys(registry: readonly CitationEntry[]): Array<{ entry: CitationEntry; key: string }> {
  let keys = datedKeysOf.get(registry);
  if (!keys) {
    keys = registry.flatMap((entry) => [entry.title, ...(entry.aliases ?? [])].map((name) => ({ entry, key: defectKey(name) }))).filter((k) => DATED_KEY.test(k.key));
    datedKeysOf.set(registry, keys);
  }
  return keys;
}

/**
 * A dated title with characters of a registered one left out (《法治政府实施纲(2021-2025)》 for 《法治政府建设实施
 * 纲要（2021—2025年）》): its key is the registered key with some characters missing, no more than a quarter, and
 * both keep the same years — a short name of a document (《纲要》) names no years.
 */
function withCharactersLeftOut(key: string, target: string): boolean {
  if (key.length >= target.length || key.length * 4 < target.length * 3) return false;
  const years = DATED_KEY.exec(target)?.[0];
  if (!years || !key.endsWith(years)) return false;
  let k = 0;
  for (let t = 0; t < target.length && k < key.length; t++) if (target.charCodeAt(t) === key.charCodeAt(k)) k++;
  return k === key.length;
}

// ---------------------------------------------------------------- the checks

/** The titles cited in a block, as typed: what ProseBlock.citedTitles gives (a block without 《 needs no lines built). */
function citedTitleTexts(block: ProseBlock): string[] | undefined {
  if (!block.source.includes('《')) return undefined;
  const titles = block.citedTitles;
  return titles.length ? titles.map((c) => c.title) : undefined;
}

/** The titles the blocks cite, as typed, by block (those that cite any): remembered per block, for the checks across the report. */
export function citedTitleTextsOf(blocks: ProseBlocks): Array<Hit<string[]>> {
  return summariesOf('cited-titles', blocks, citedTitleTexts);
}

const SHORT_TITLE = /简称[《“]([^》”]+)[》”]/g;

/** The short titles a block defines itself: （以下简称《纲要》）. */
function shortTitlesIn(block: ProseBlock): string[] | undefined {
  // 简称 in a line's text is 简称 in the source (masks replace whole figures and escapes).
  if (!block.source.includes('简称')) return undefined;
  const out: string[] = [];
  for (const line of block.lines) {
    if (!line.text.includes('简称')) continue;
    for (const m of allMatches(SHORT_TITLE, line.text)) out.push(normaliseTitle(m[1]!));
  }
  return out.length ? out : undefined;
}

const shortTitlesOf = new AttachedMap<ProseBlocks, ReadonlySet<string>>('shortTitlesOf');

/** Short titles the report defines itself: found once per list of blocks (two checks read them), each block's remembered. */
export function definedShortTitles(blocks: ProseBlocks): ReadonlySet<string> {
  let found = shortTitlesOf.get(blocks);
  if (!found) shortTitlesOf.set(blocks, (found = findShortTitles(blocks)));
  return found;
}

function findShortTitles(blocks: ProseBlocks): Set<string> {
  const out = new Set<string>();
  for (const { found } of summariesOf('short-titles', blocks, shortTitlesIn)) for (const title of found) out.add(title);
  return out;
}

function describe(entry: CitationEntry): string {
  const parts = [entry.issuer, entry.number].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

/** A year range with a hyphen, as BG603 finds it (2021-2025年, 2021 - 2025): its dash and the spaces around it. */
const HYPHENED_YEARS = /(?<![\d.\-－])((?:19|20)\d{2})(年?)\s*[-－–‐‑―~～]\s*((?:19|20)\d{2})(?![\d.\-－])/g;

/** A title as the typing checks would leave it: full-width brackets (BG601), a dash in its years (BG603), no space between characters (BG609). */
function withTypingSlipsFixed(title: string): string {
  return title
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(HYPHENED_YEARS, (m, from: string, nian: string, to: string) => (Number(to) > Number(from) ? `${from}${nian}—${to}` : m))
    .replace(/(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])/g, '');
}

/**
 * Law names no law has (BG508), as 《》 cite them, the 中华人民共和国 before them left out: a branch of law
 * (行政法), a law's name shortened to another (土地法 for 土地管理法), and from 2021 the laws the 民法典 replaced.
 */
const NO_SUCH_LAW = new Map<string, { instead: string; since?: number }>([
  ['行政法', { instead: '行政法是法律部门的统称，请写明所学的具体法律（如《中华人民共和国行政处罚法》《中华人民共和国行政许可法》）' }],
  ['民法', { instead: '应为《中华人民共和国民法典》（简称《民法典》）' }],
  ['土地法', { instead: '应为《中华人民共和国土地管理法》（简称《土地管理法》）' }],
  ['环保法', { instead: '应为《中华人民共和国环境保护法》（简称《环境保护法》）' }],
  ...['民法通则', '民法总则', '合同法', '物权法', '担保法', '婚姻法', '收养法', '继承法', '侵权责任法'].map((name): [string, { instead: string; since: number }] => [
    name, { instead: '已于2021年1月1日《中华人民共和国民法典》施行时废止：请改为《民法典》的相应编', since: 2021 },
  ]),
]);

const [LAW, RULES] = ['法'.charCodeAt(0), '则'.charCodeAt(0)];
const PRC = '中华人民共和国';

/** BG508: a law cited by a name no law has (in the report's year). */
function noSuchLaw(model: ReportModel, cited: Cited, normalised: string, year: number | undefined): Diagnostic | undefined {
  // Every name listed ends with 法 or 则: most titles are passed over by their last character.
  const last = normalised.charCodeAt(normalised.length - 1);
  if (last !== LAW && last !== RULES) return undefined;
  const slip = NO_SUCH_LAW.get(normalised.startsWith(PRC) ? normalised.slice(PRC.length) : normalised);
  if (!slip || (slip.since !== undefined && (year === undefined || year < slip.since))) return undefined;
  const what = slip.since !== undefined ? `《${cited.title}》${slip.instead}（本报告是${year}年度的）。` : `《${cited.title}》不是哪部法律的名称：${slip.instead}。`;
  return lineDiagnostic(model, cited.line, 'BG508', cited.from, cited.to, what);
}

function titleChecks(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const registry = citationRegistry(settings);
  const blocks = proseBlocks(model);
  const shortTitles = definedShortTitles(blocks);
  const year = model.header.year;
  const context = `citation-titles:${year}:${identityOf(registry)}:${[...shortTitles].sort().join('\u0000')}`;
  return cachedPerBlock(context, blocks, (block) => blockTitleChecks(model, block, registry, shortTitles));
}

function blockTitleChecks(model: ReportModel, block: ProseBlock, registry: readonly CitationEntry[], shortTitles: ReadonlySet<string>): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  const year = model.header.year;
  for (const cited of block.citedTitles) {
    const normalised = normaliseTitle(cited.title);
    if (shortTitles.has(normalised)) continue;
    const wrongLaw = noSuchLaw(model, cited, normalised, year);
    if (wrongLaw) (out ??= []).push(wrongLaw);
    const match = matchTitle(cited.title, registry);
    if (!match) continue;
    const { entry } = match;
    // A title whose only slips are a half-width bracket (BG601) or a hyphen in its years (BG603) has them said
    // there, each at its place with a safe fix: BG501 would say the same slip twice.
    if (match.kind !== 'exact' && !(match.kind === 'defect' && withTypingSlipsFixed(cited.title) === match.name)) {
      const reasons: string[] = [];
      // A hyphen BG603 does not report (2021-25年) is said here.
      if (/\d\s*[-－–‐‑―~～]\s*\d|\d年\s*[-－–‐‑―~～]/.test(cited.title.replace(HYPHENED_YEARS, ''))) reasons.push('年份范围应用一字线“—”');
      if ((cited.title.match(/[（(]/g) ?? []).length !== (cited.title.match(/[）)]/g) ?? []).length) reasons.push('括号不成对');
      const what = match.kind === 'defect' ? `写法与正式名称不一致${reasons.length ? `（${reasons.join('，')}）` : ''}` : '与登记的正式名称相近但不相同，可能写错了';
      (out ??= []).push(lineDiagnostic(model, cited.line, 'BG501', cited.from, cited.to, `《${cited.title}》${what}：正式名称是《${entry.title}》${describe(entry)}。`, [
        { title: `改为《${entry.title}》`, safe: false, edits: [{ from: cited.from, to: cited.to, newText: entry.title }] },
      ]));
    }
    if (year === undefined) continue;
    if (entry.validTo !== undefined && year > entry.validTo) {
      const successor = entry.supersededBy ? `，${year}年应以《${entry.supersededBy}》为准` : '';
      (out ??= []).push(lineDiagnostic(model, cited.line, 'BG502', cited.from, cited.to, `《${entry.title}》的规划期到${entry.validTo}年为止${successor}：本报告是${year}年度的，请确认引用的是现行文件。`,
        entry.supersededBy ? [{ title: `改为《${entry.supersededBy}》`, safe: false, edits: [{ from: cited.from, to: cited.to, newText: entry.supersededBy }] }] : undefined));
    } else if (entry.validFrom !== undefined && year < entry.validFrom) {
      const since = entry.date ? `${entry.date}起施行` : `${entry.validFrom}年起施行`;
      (out ??= []).push(lineDiagnostic(model, cited.line, 'BG503', cited.from, cited.to, `《${entry.title}》${since}，本报告是${year}年度的，当时还没有这个文件：请核对所引文件名称。`));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

function termChecks(model: ReportModel): Diagnostic[] {
  const year = model.header.year;
  if (year === undefined || year < 2020) return [];
  return cachedPerBlock(`stale-terms:${year}`, proseBlocks(model), (block) => blockTermChecks(model, block, year));
}

/** Following a plan as this year's requirement (按照……“十三五”规划的要求), not looking back on it (收官, 期间 …). */
const THIRTEENTH_PLAN = /(?:按照|根据|依据|对照|落实|贯彻|执行)[^。；;]{0,60}?(十三五)[”"’]?[^。；;，,]{0,12}?规划/g;
const LOOKING_BACK = /收官|完成|期间|时期|以来|回顾|总结|成效|成果|胜利/;
/** Fighting the epidemic as this year's work: from 2023 it was managed as a class B disease (乙类乙管, 2023-01-08). */
const EPIDEMIC_WORK = /(?:应对|防控|抗击|战胜|打赢)[^。；;，,]{0,8}?(新冠肺炎疫情)/g;
/** Following the 19th Congress's spirit as current, with the 20th not named in the same sentence. */
const NINETEENTH_CONGRESS = /(?:贯彻|落实|学习|领会)[^。；;]{0,8}?(?:党的)?(十九大)(?:和十九届[^。；;]{0,16}?全会)?精神/g;

/**
 * Bodies merged away by the 2018 reform of government bodies (done by 2019), each with where its work
 * went: named as a body of today in a report on 2020 or later, it was copied from an older text.
 */
const MERGED_BODIES: ReadonlyArray<[RegExp, string]> = [
  [/法制办公室|法制办|法制局/g, '司法局（政府法制机构并入司法行政部门）'],
  [/工商行政管理局|工商局|质量技术监督局|质监局|食品药品监督管理局|食药监局/g, '市场监督管理局'],
  [/国土资源局|国土局/g, '自然资源局'],
  [/环境保护局|环保局/g, '生态环境局'],
  [/安全生产监督管理局|安监局/g, '应急管理局'],
  [/卫生和计划生育委员会|卫生计生委|卫计委/g, '卫生健康委员会'],
];
/** Any of them, in one pass: the lines that name none (nearly all) are not searched again for each. */
const ANY_MERGED_BODY = new RegExp(MERGED_BODIES.map(([pattern]) => pattern.source).join('|'));

/** BG506: a body merged away in 2018, named as one of today's ("市政府法制办"); "原……" looks back. */
function mergedBodies(model: ReportModel, line: ProseLine, year: number): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const [pattern, now] of MERGED_BODIES) {
    for (const m of allMatches(pattern, line.text)) {
      if (line.text[m.index - 1] === '原' || line.text.slice(Math.max(0, m.index - 3), m.index).includes('原')) continue;
      (out ??= []).push(lineDiagnostic(model, line, 'BG506', m.index, m.index + m[0].length, `“${m[0]}”在2018年机构改革中已撤并，职责划入${now}；本报告是${year}年度的：请核对机构名称（多半是沿用旧报告）。`));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

/** BG506: a requirement already out of date in the report's year. */
function staleReferences(model: ReportModel, line: ProseLine, year: number): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  const sentenceOf = (at: number) => {
    const stop = line.text.indexOf('。', at);
    return line.text.slice(line.text.lastIndexOf('。', at) + 1, stop < 0 ? undefined : stop);
  };
  if (year >= 2021) for (const m of allMatches(THIRTEENTH_PLAN, line.text)) {
    if (LOOKING_BACK.test(sentenceOf(m.index))) continue;
    const at = m.index + m[0].indexOf(m[1]!);
    (out ??= []).push(lineDiagnostic(model, line, 'BG506', at, at + 3, `“十三五”规划期是2016—2020年，本报告是${year}年度的，按“十三五”规划的要求已经过时：应为“十四五”规划（2021—2025年）或现行规划。`));
  }
  if (year >= 2023) for (const m of allMatches(EPIDEMIC_WORK, line.text)) {
    if (/以来|期间|三年|回顾|转段|总结|经验/.test(sentenceOf(m.index))) continue;
    const at = m.index + m[0].indexOf(m[1]!);
    (out ??= []).push(lineDiagnostic(model, line, 'BG506', at, at + m[1]!.length, `本报告是${year}年度的，新冠疫情防控自2023年1月起已转入“乙类乙管”，把“应对新冠肺炎疫情”写成当年的工作已经过时：多半是沿用旧报告时漏改。`));
  }
  if (year >= 2023) for (const m of allMatches(NINETEENTH_CONGRESS, line.text)) {
    if (/二十大|二十届/.test(sentenceOf(m.index))) continue;
    const at = m.index + m[0].indexOf(m[1]!);
    (out ??= []).push(lineDiagnostic(model, line, 'BG506', at, at + 3, `党的二十大已于2022年10月召开，本报告是${year}年度的，只写贯彻“党的十九大精神”已经过时：应为党的二十大精神（及二十届历次全会精神）。`));
  }
  return out ?? NO_DIAGNOSTICS;
}

const SEVENTH_FIVE_YEAR = /七五(?=[”"’」]?普法)/g;

function blockTermChecks(model: ReportModel, block: ProseBlock, year: number): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const line of block.lines) {
    if (line.text.includes('十') || line.text.includes('疫')) out = joined(out, staleReferences(model, line, year));
    if (year >= 2020 && ANY_MERGED_BODY.test(line.text)) out = joined(out, mergedBodies(model, line, year));
    if (year >= 2021) for (const m of allMatches(SEVENTH_FIVE_YEAR, line.text)) {
      (out ??= []).push(lineDiagnostic(model, line, 'BG504', m.index, m.index + 2, `“七五”普法规划期是2016—2020年，本报告是${year}年度的，应为“八五”普法（2021—2025年）。`, [
        { title: '改为“八五”', safe: false, edits: [{ from: m.index, to: m.index + 2, newText: '八五' }] },
      ]));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

// ---------------------------------------------------------------- a title written without 《》

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

/** Whether `at` is inside 〈〉 or < > (an inner title, even where the 《》 around it was lost). */
function insideInnerTitle(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf('〈') > before.lastIndexOf('〉') || before.lastIndexOf('<') > before.lastIndexOf('>');
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
    if (!found) continue;
    found.sort((a, b) => a.i - b.i || a.at - b.at);
    const taken: Array<[number, number]> = [];
    for (const { i, at } of found) {
      const { name, title } = names.list[i]!;
      const end = at + name.length;
      if (inCitationAt(line, at) || insideInnerTitle(line.text, at) || taken.some(([a, b]) => at < b && end > a)) continue;
      taken.push([at, end]);
      (out ??= []).push(lineDiagnostic(model, line, 'BG507', at, end, `文件名称“${name}”没有加书名号：引用文件应写作《${title}》。`));
    }
  }
  return out ? out.sort((a, b) => a.start - b.start) : NO_DIAGNOSTICS;
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
      for (const m of allMatches(pattern, line.text)) {
        if (inCitationAt(line, m.index!) || insideInnerTitle(line.text, m.index!)) continue;
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

/** What a newspaper's name ends in (日报, 法治报, 晚报, 人民法院报, 学习时报, 中国妇女报 …): a line without it has none (most lines have 报告). */
const NEWSPAPER_END = /[日治制晚法院协察时年女]报/;

/** BG507 for a newspaper named without 《》 (“在人民日报、光明日报等中央媒体刊发”, “利用湖南法治报等平台”). */
function unmarkedNewspapers(model: ReportModel): Diagnostic[] {
  return unmarkedMatches(model, 'unmarked-newspapers', (text) => NEWSPAPER_END.test(text), NEWSPAPER, (line, name, at) =>
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
  const lists = unmarkedLawLists(model).filter((l) => !titles.some((t) => t.start < l.end && t.end > l.start && t.uri === l.uri));
  return titles.concat(unmarkedBooks(model), unmarkedNewspapers(model), lists);
}

export const citationsChecks: ReportCheck[] = [
  { id: 'citation-titles', codes: ['BG501', 'BG502', 'BG503', 'BG508'], run: titleChecks },
  { id: 'stale-terms', codes: ['BG504', 'BG506'], run: (model) => termChecks(model) },
  { id: 'unmarked-titles', codes: ['BG507'], run: (model, settings) => unmarkedTitlesAndLists(model, settings) },
];
