// Report checks: citations. Titles in 《》 are compared with a registry of official documents
// (data/citations.json, extended by CheckSettings.extraCitations); stale plans and terms are reported. A
// document named without 《》 (BG507) is unmarkedTitles.ts's.
import { distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import registryData from '../data/citations.json' with { type: 'json' };
import type { ReportModel } from '../model.js';
import { cachedPerBlock, identityOf, ruledOutInBatch } from './blockCache.js';
import { summariesOf } from './blockSummaries.js';
import type { Hit } from './blockVersions.js';
import { joined, NO_DIAGNOSTICS, type CheckSettings, type ReportCheck } from './contract.js';
import { DOCUMENT_KINDS, lineDiagnostic, proseBlocks, type Cited, type ProseBlock, type ProseBlocks, type ProseLine } from './prose.js';
import { AttachedMap } from '../attached.js';
import { allMatches } from '../matches.js';
import { YEAR_RANGE } from './typography.js';
import { inSimplifiedScript } from '../script.js';
import { withStandardTerms } from './terms.js';
import { blockHas } from './proseHas.js';

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
  { code: 'BG501', severity: 'warning', title: '文件名称与正式名称不一致', description: '书名号中的名称与登记的正式文件名称相近但不相同（错字、漏字、缺括号或“年”等），可能写错了。只差半角括号或年份范围的连字符时（“《法治政府建设实施纲要(2021-2025年)》”），由 BG601、BG603 在各自的位置报告（各有安全修复），本条不再重复。带年份的名称漏了登记名称里的几个字（不超过四分之一，年份相同：“《法治政府实施纲(2021-2025)》”）也报；不带年份的简称（《纲要》）不报。书名号里再标的书名（〈〉里的，网页打成半角“<>”的也算：“《……贯彻落实<法治政府实施纲要(2021-2025)>实施方案》”）也查；从繁体网页复制的名称按简体比较，繁体字由 BG234、BG235 报告。', example: '《法治政府建设实施纲要（2021-2025年》', fix: '改为正式名称' },
  { code: 'BG502', severity: 'warning', title: '引用了已被取代的文件', description: '所引文件在报告年度已被新文件取代，例如 2021 年起应以《法治政府建设实施纲要（2021—2025年）》为准；国务院《全面推进依法行政实施纲要》（2004年）2016年起由《法治政府建设实施纲要（2015—2020年）》接替。修复建议的是报告年度现行的那一个（2022年度写2004年的纲要，建议2021—2025年的）。', example: '@年度 2021\n落实《法治政府建设实施纲要（2015—2020年）》', fix: '改为新文件' },
  { code: 'BG503', severity: 'warning', title: '引用了尚未施行的文件', description: '所引文件在报告年度还没有施行。', example: '@年度 2020\n严格执行《信访工作条例》' },
  { code: 'BG504', severity: 'warning', title: '普法规划已过期', description: '“七五”普法规划期为2016—2020年，2021年起是“八五”普法。', example: '@年度 2021\n结合“七五普法”的要求', fix: '改为“八五”' },
  {
    code: 'BG508', severity: 'warning', title: '法律名称有误',
    description: '书名号里的法律名称没有哪部法律叫这个名字：法律部门的统称当成了法律（《行政法》），或把法律名称简称错了（《土地法》应为《土地管理法》，《民法》应为《民法典》，《环保法》应为《环境保护法》）；2021年起还引用已被《中华人民共和国民法典》废止的法律（《合同法》《物权法》《婚姻法》《继承法》《侵权责任法》《民法通则》等）；把理论当成了法律或文件（《国家安全观》）。请写明所引法律的正式名称或规范简称。',
    example: '@年度 2023\n重点学习《民法典》《行政法》《土地法》等法律法规',
  },
  {
    code: 'BG738', severity: 'warning', title: '发文机关写错',
    description: '书名号前写的发文机关不是登记的发文机关：《法治政府建设与责任落实督察工作规定》《党政主要负责人履行推进法治建设第一责任人职责规定》是中共中央办公厅、国务院办公厅印发的，不是中央依法治国办、司法部或国务院；《法治政府建设实施纲要（2021—2025年）》是中共中央、国务院印发的。只看紧挨书名号的中央机关名称（可带“印发的”“制定的”等），发文机关之一（“国务院《法治政府建设实施纲要》”“国务院办公厅印发《……督察工作规定》”）不报。',
    example: '严格落实中央依法治国办《法治政府建设与责任落实督察工作规定》', fix: '改为登记的发文机关',
  },
  { code: 'BG506', severity: 'warning', title: '提法已过时', description: '当作现行要求写的提法，在本报告年度已经过时：2021年起按“十三五”规划的要求（“十三五”时期是2016—2020年），2023年起只贯彻“党的十九大精神”而不提二十大（党的二十大2022年10月召开）、把“应对新冠肺炎疫情”写成当年的工作（2023年1月起“乙类乙管”），2021年起还学习、贯彻“全面依法治国新理念新思想新战略”（2020年11月中央全面依法治国工作会议明确为“习近平法治思想”；讲它如何提出、形成的句子不报），2020年起还写2018年机构改革撤并的机构（法制办、工商局、国土资源局、环保局、安监局、卫计委……），或把“法治宣传”写成2014年以前的“法制宣传”（“法制宣传教育”；12月4日的“法制宣传日”2014年起为“国家宪法日”）。多半是沿用旧报告或范文时漏改。回顾以往的句子（收官、以来、期间、“原……”）不报。', example: '@年度 2023\n认真贯彻落实党的十九大精神' },
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

/**
 * A place at the start of a title: a name with its division (广东省, 嘉善县, 北屏乡), or a province-level one
 * without it, as its own documents are titled (《上海法治政府建设规划（2021—2025年）》, 《浙江省……》 aside).
 */
export const PLACE_PREFIX = /^(?:[\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|省|市|县|区|州|盟|旗|镇|乡|街道)|(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆)(?=[\u4e00-\u9fff]))/;

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

/** What a document is, by the word its name ends in (before its years): 纲要, 方案, 规划, 意见, 条例, 制度 … */
const KIND_OF_DOCUMENT = new RegExp(`(${[...DOCUMENT_KINDS, '制度'].join('|')})(?:（[^（）]*）)?$`);

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
  if (!blockHas(block, '《')) return undefined;
  const titles = block.citedTitles;
  return titles.length ? titles.map((c) => c.title) : undefined;
}

/** The titles the blocks cite, as typed, by block (those that cite any): remembered per block, for the checks across the report. */
export function citedTitleTextsOf(blocks: ProseBlocks): Array<Hit<string[]>> {
  return summariesOf('cited-titles', blocks, citedTitleTexts);
}

// The name bounded and free of opening marks: else each 简称“ with no closing mark read the rest of the text.
const SHORT_TITLE = /简称[《“]([^《》“”]{1,60})[》”]/g;

/** The short titles a block defines itself: （以下简称《纲要》）. */
function shortTitlesIn(block: ProseBlock): string[] | undefined {
  if (!blockHas(block, '简称')) return undefined;
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

/** A title as the typing checks would leave it: full-width brackets (BG601), a dash in its years (BG603), no space between characters (BG609). */
function withTypingSlipsFixed(title: string): string {
  return title
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(YEAR_RANGE, (m, from: string, nian: string, _before: string, _dash: string, _after: string, to: string, toNian: string) => (Number(to) > Number(from) ? `${from}${nian}—${to}${toNian}` : m))
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
  // The 人 of 未成年人 dropped (467, a 卓尼县 局 2024: 《中华人民共和国预防未成年犯罪法》), and 安全 of 道路交通安全法.
  ['未成年保护法', { instead: '应为《中华人民共和国未成年人保护法》（简称《未成年人保护法》）' }],
  ['预防未成年犯罪法', { instead: '应为《中华人民共和国预防未成年人犯罪法》（简称《预防未成年人犯罪法》）' }],
  ['道路交通法', { instead: '应为《中华人民共和国道路交通安全法》（简称《道路交通安全法》）' }],
  ...['民法通则', '民法总则', '合同法', '物权法', '担保法', '婚姻法', '收养法', '继承法', '侵权责任法'].map((name): [string, { instead: string; since: number }] => [
    name, { instead: '已于2021年1月1日《中华人民共和国民法典》施行时废止：请改为《民法典》的相应编', since: 2021 },
  ]),
]);

/**
 * A concept set in 《》 as if it were a law or a document (少云镇 2024: “《中华人民共和国宪法》、《民法典》、……、《国家安全观》
 * 等法律法规”): no law or document has the name; the book on it has a longer one (《总体国家安全观学习纲要》).
 */
const SECURITY_CONCEPT = '总体国家安全观是党的理论，不加书名号；要学的法律是《中华人民共和国国家安全法》，书是《总体国家安全观学习纲要》';
const NOT_A_DOCUMENT = new Map<string, string>([
  ['国家安全观', SECURITY_CONCEPT],
  ['总体国家安全观', SECURITY_CONCEPT],
]);

const [LAW, RULES] = ['法'.charCodeAt(0), '则'.charCodeAt(0)];
const PRC = '中华人民共和国';

/** BG508: a law cited by a name no law has (in the report's year). */
function noSuchLaw(model: ReportModel, cited: Cited, normalised: string, year: number | undefined): Diagnostic | undefined {
  const concept = NOT_A_DOCUMENT.get(normalised);
  if (concept) return lineDiagnostic(model, cited.line, 'BG508', cited.from, cited.to, `《${cited.title}》不是法律或文件的名称：${concept}。`);
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
  const context = `citation-titles:${year}:${identityOf(registry)}:${identityOf(settings.extraTerms ?? NO_TERMS)}:${[...shortTitles].sort().join('\u0000')}`;
  return cachedPerBlock(context, blocks, (block) => blockTitleChecks(model, block, registry, shortTitles, settings));
}

/**
 * A central body named right before a title (“中央依法治国办《……督察工作规定》”, “司法部印发的《……》”), its short
 * forms read as the body (中办, 国办, 党中央, 全国人大常委会).
 */
const BODY_BEFORE_TITLE = /(中央全面依法治国委员会办公室|中央全面依法治国委员会|中央依法治国办|中共中央办公厅|国务院办公厅|全国人民代表大会常务委员会|全国人大常委会|全国人民代表大会|全国人大|中共中央|党中央|国务院|司法部|中办|国办)(?:印发|制定|出台|发布|颁布)?的?$/;
const BODY_NAMED: Record<string, string> = { 中办: '中共中央办公厅', 国办: '国务院办公厅', 党中央: '中共中央', 全国人大常委会: '全国人民代表大会常务委员会', 全国人大: '全国人民代表大会' };

/** BG738: the body named before a registered title is not among its issuers. */
function wrongIssuer(model: ReportModel, cited: Cited, entry: CitationEntry): Diagnostic | undefined {
  if (!entry.issuer || cited.from < 3) return undefined;
  const before = cited.line.text.slice(Math.max(0, cited.from - 1 - 20), cited.from - 1);
  const m = BODY_BEFORE_TITLE.exec(before);
  if (!m) return undefined;
  const body = BODY_NAMED[m[1]!] ?? m[1]!;
  if (entry.issuer.split('、').includes(body)) return undefined;
  const at = cited.from - 1 - before.length + m.index;
  return lineDiagnostic(model, cited.line, 'BG738', at, at + m[1]!.length, `《${entry.title}》是${entry.issuer}印发的，不是${m[1]}：请改正发文机关。`, [
    { title: `改为“${entry.issuer}”`, safe: false, edits: [{ from: at, to: at + m[1]!.length, newText: entry.issuer }] },
  ]);
}

const NO_TERMS: NonNullable<CheckSettings['extraTerms']> = [];

/**
 * Whether a title's only slips are said elsewhere, each at its place with its fix: a half-width bracket
 * (BG601), a hyphen in its years (BG603), a space (BG609), or a standard term written wrong (BG505's
 * 法制政府, BG715's) — BG501 would say the same slip twice (《法制政府建设实施纲要（2021—2025年）》: one slip, one finding).
 */
function onlySlipsSaidElsewhere(read: string, match: TitleMatch, registry: readonly CitationEntry[], settings: CheckSettings): boolean {
  if (match.kind === 'defect' && withTypingSlipsFixed(read) === match.name) return true;
  const termsFixed = withStandardTerms(read, settings);
  if (termsFixed === read) return false;
  const again = matchTitle(termsFixed, registry);
  return again !== undefined && again.entry === match.entry && (again.kind === 'exact' || (again.kind === 'defect' && withTypingSlipsFixed(termsFixed) === again.name));
}

/** A registered title names its period as “（2015—2020年）” (the registry writes it so). */
const YEAR_IN_TITLE = /\d{4}年?—\d{4}/;

/**
 * The successor current in `year`, down the chain of successors (《全面推进依法行政实施纲要》 → 2015—2020 → 2021—2025): a
 * report of 2022 citing the 2004 纲要 is told of the one of 2021, not of the one of 2015 it was followed by.
 */
function currentSuccessor(entry: CitationEntry, year: number, registry: readonly CitationEntry[]): string | undefined {
  let current = entry.supersededBy;
  for (let steps = 0; current && steps < 8; steps++) {
    const next = registry.find((e) => e.title === current);
    if (!next || next.validTo === undefined || next.validTo >= year || !next.supersededBy) break;
    current = next.supersededBy;
  }
  return current;
}

function blockTitleChecks(model: ReportModel, block: ProseBlock, registry: readonly CitationEntry[], shortTitles: ReadonlySet<string>, settings: CheckSettings): readonly Diagnostic[] {
  // A block without 《 cites nothing (its titles are not looked for).
  if (!blockHas(block, '《')) return NO_DIAGNOSTICS;
  let out: Diagnostic[] | undefined;
  const year = model.header.year;
  for (const cited of block.citedTitles) {
    const normalised = normaliseTitle(cited.title);
    if (shortTitles.has(normalised)) continue;
    const wrongLaw = noSuchLaw(model, cited, normalised, year);
    if (wrongLaw) (out ??= []).push(wrongLaw);
    // A title copied from a 繁体 page is read in simplified script: its script is BG234's and BG235's, not a misspelling.
    const read = inSimplifiedScript(cited.title);
    const match = matchTitle(read, registry);
    if (!match) continue;
    const { entry } = match;
    if (match.kind !== 'exact' && !onlySlipsSaidElsewhere(read, match, registry, settings)) {
      const reasons: string[] = [];
      // A hyphen BG603 does not report (2021-25年) is said here.
      if (/\d\s*[-－–‐‑―~～]\s*\d|\d年\s*[-－–‐‑―~～]/.test(cited.title.replace(YEAR_RANGE, ''))) reasons.push('年份范围应用一字线“—”');
      if ((cited.title.match(/[（(]/g) ?? []).length !== (cited.title.match(/[）)]/g) ?? []).length) reasons.push('括号不成对');
      const what = match.kind === 'defect' ? `写法与正式名称不一致${reasons.length ? `（${reasons.join('，')}）` : ''}` : '与登记的正式名称相近但不相同，可能写错了';
      (out ??= []).push(lineDiagnostic(model, cited.line, 'BG501', cited.from, cited.to, `《${cited.title}》${what}：正式名称是《${entry.title}》${describe(entry)}。`, [
        { title: `改为《${entry.title}》`, safe: false, edits: [{ from: cited.from, to: cited.to, newText: entry.title }] },
      ]));
    }
    const issuer = wrongIssuer(model, cited, entry);
    if (issuer) (out ??= []).push(issuer);
    if (year === undefined) continue;
    if (entry.validTo !== undefined && year > entry.validTo) {
      const current = currentSuccessor(entry, year, registry);
      const successor = current ? `，${year}年应以《${current}》为准` : '';
      // A plan names its period in its title (（2015—2020年）); a document without one was followed by its successor.
      const ended = YEAR_IN_TITLE.test(entry.title) || !entry.supersededBy ? `的规划期到${entry.validTo}年为止` : `自${entry.validTo + 1}年起已由《${entry.supersededBy}》接替`;
      (out ??= []).push(lineDiagnostic(model, cited.line, 'BG502', cited.from, cited.to, `《${entry.title}》${ended}${successor}：本报告是${year}年度的，请确认引用的是现行文件。`,
        current ? [{ title: `改为《${current}》`, safe: false, edits: [{ from: cited.from, to: cited.to, newText: current }] }] : undefined));
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
  // A batch check of a report naming no merged body anywhere (nearly every one) tests no line for them: one search of the text, not one per line.
  const mayNameMerged = !ruledOutInBatch(model, (text) => ANY_MERGED_BODY.test(text));
  return cachedPerBlock(`stale-terms:${year}`, proseBlocks(model), (block) => blockTermChecks(model, block, year, mayNameMerged));
}

/** Following a plan as this year's requirement (按照……“十三五”规划的要求), not looking back on it (收官, 期间 …). */
const THIRTEENTH_PLAN = /(?:按照|根据|依据|对照|落实|贯彻|执行)[^。；;]{0,60}?(十三五)[”"’]?[^。；;，,]{0,12}?规划/g;
const LOOKING_BACK = /收官|完成|期间|时期|以来|回顾|总结|成效|成果|胜利/;
/** Fighting the epidemic as this year's work: from 2023 it was managed as a class B disease (乙类乙管, 2023-01-08). */
const EPIDEMIC_WORK = /(?:应对|防控|抗击|战胜|打赢)[^。；;，,]{0,8}?(新冠肺炎疫情)/g;
/** Following the 19th Congress's spirit as current, with the 20th not named in the same sentence. */
const NINETEENTH_CONGRESS = /(?:贯彻|落实|学习|领会)[^。；;]{0,8}?(?:党的)?(十九大)(?:和十九届[^。；;]{0,16}?全会)?精神/g;

/**
 * 全面依法治国新理念新思想新战略 learnt or followed as this year's guidance: the name of before the central work
 * conference of November 2020, which set it down as 习近平法治思想 (上杭县自然资源局 2024: “把习近平总书记全面依法
 * 治国新理念新思想新战略列入党组中心组学习内容”). A sentence on how it came about (提出, 形成, 以来) looks back.
 */
const NEW_IDEAS = /全面依法治国(?:的)?新理念新思想新战略/g;
const HOW_IT_CAME = /提出|形成|以来|回顾|概括|凝练|升华|确立/;

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
  if (year >= 2021) for (const m of allMatches(NEW_IDEAS, line.text)) {
    if (HOW_IT_CAME.test(sentenceOf(m.index))) continue;
    (out ??= []).push(lineDiagnostic(model, line, 'BG506', m.index, m.index + m[0].length, `“${m[0]}”是2020年11月中央全面依法治国工作会议以前的提法，会议明确为“习近平法治思想”，本报告是${year}年度的：应为“习近平法治思想”（多半是沿用旧报告）。`));
  }
  return out ?? NO_DIAGNOSTICS;
}

const SEVENTH_FIVE_YEAR = /七五(?=[”"’」]?普法)/g;

/** 法制宣传(教育/日/月): the name before 2014; since the 4th Plenum it is 法治宣传教育, and 12月4日 the 国家宪法日. */
const RULE_BY_LAW_PUBLICITY = /法制宣传(日)?/g;

/** BG506: 法制宣传 as this year's work (“把法制宣传教育融入……”); “原法制宣传日” looks back. */
function ruleByLawPublicity(model: ReportModel, line: ProseLine, year: number): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const m of allMatches(RULE_BY_LAW_PUBLICITY, line.text)) {
    if (line.text[m.index - 1] === '原') continue;
    const zhi = m.index + 1;
    (out ??= []).push(lineDiagnostic(model, line, 'BG506', m.index, m.index + m[0].length, m[1]
      ? `“法制宣传日”自2014年起已改为“国家宪法日”（12月4日），本报告是${year}年度的：应写“国家宪法日”或“宪法宣传周”（多半是沿用旧报告）。`
      : `“法制宣传”是2014年以前的提法，十八届四中全会起改称“法治宣传”（“法治宣传教育”），本报告是${year}年度的：应为“法治宣传”。`,
    m[1] ? undefined : [{ title: '改为“法治宣传”', safe: false, edits: [{ from: zhi, to: zhi + 1, newText: '治' }] }]));
  }
  return out ?? NO_DIAGNOSTICS;
}

function blockTermChecks(model: ReportModel, block: ProseBlock, year: number, mayNameMerged: boolean): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const line of block.lines) {
    // Each of staleReferences' patterns names its words as written (十三五, 新理念新思想新战略, 新冠肺炎疫情, 十九大), in its years only.
    if ((year >= 2021 && (line.text.includes('十三五') || line.text.includes('新理念新思想新战略'))) || (year >= 2023 && (line.text.includes('新冠肺炎疫情') || line.text.includes('十九大')))) out = joined(out, staleReferences(model, line, year));
    if (mayNameMerged && ANY_MERGED_BODY.test(line.text)) out = joined(out, mergedBodies(model, line, year));
    if (line.text.includes('法制宣传')) out = joined(out, ruleByLawPublicity(model, line, year));
    if (year >= 2021 && line.text.includes('七五')) for (const m of allMatches(SEVENTH_FIVE_YEAR, line.text)) {
      (out ??= []).push(lineDiagnostic(model, line, 'BG504', m.index, m.index + 2, `“七五”普法规划期是2016—2020年，本报告是${year}年度的，应为“八五”普法（2021—2025年）。`, [
        { title: '改为“八五”', safe: false, edits: [{ from: m.index, to: m.index + 2, newText: '八五' }] },
      ]));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

export const citationsChecks: ReportCheck[] = [
  { id: 'citation-titles', codes: ['BG501', 'BG502', 'BG503', 'BG508', 'BG738'], run: titleChecks },
  { id: 'stale-terms', codes: ['BG504', 'BG506'], run: (model) => termChecks(model) },
];
