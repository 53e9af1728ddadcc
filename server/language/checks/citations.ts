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
import type { CheckSettings, ReportCheck } from './contract.js';
import { lineDiagnostic, proseBlocks, type ProseBlock, type ProseBlocks } from './prose.js';
import { AttachedMap } from '../attached.js';

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
  { code: 'BG501', severity: 'warning', title: '文件名称与正式名称不一致', description: '书名号中的名称与登记的正式文件名称相近但不相同（错字、漏字、年份范围写法等），可能写错了。', example: '《法治政府建设实施纲要（2021-2025年》', fix: '改为正式名称' },
  { code: 'BG502', severity: 'warning', title: '引用了已被取代的文件', description: '所引文件在报告年度已被新文件取代，例如 2021 年起应以《法治政府建设实施纲要（2021—2025年）》为准。', example: '@年度 2021\n落实《法治政府建设实施纲要（2015—2020年）》', fix: '改为新文件' },
  { code: 'BG503', severity: 'warning', title: '引用了尚未施行的文件', description: '所引文件在报告年度还没有施行。', example: '@年度 2020\n严格执行《信访工作条例》' },
  { code: 'BG504', severity: 'warning', title: '普法规划已过期', description: '“七五”普法规划期为2016—2020年，2021年起是“八五”普法。', example: '@年度 2021\n结合“七五普法”的要求', fix: '改为“八五”' },
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
    const d = distance(title, target);
    const allowed = Math.max(1, Math.floor(target.length * 0.15));
    if (d > 0 && d <= allowed && (!best || d < best.d)) best = { entry, d };
  }
  return best && { entry: best.entry, kind: 'near', name: best.entry.title };
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

/** The short titles a block defines itself: （以下简称《纲要》）. */
function shortTitlesIn(block: ProseBlock): string[] | undefined {
  // 简称 in a line's text is 简称 in the source (masks replace whole figures and escapes).
  if (!block.source.includes('简称')) return undefined;
  const out: string[] = [];
  for (const line of block.lines) {
    if (!line.text.includes('简称')) continue;
    for (const m of line.text.matchAll(/简称[《“]([^》”]+)[》”]/g)) out.push(normaliseTitle(m[1]!));
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

function titleChecks(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const registry = citationRegistry(settings);
  const blocks = proseBlocks(model);
  const shortTitles = definedShortTitles(blocks);
  const year = model.header.year;
  const context = `citation-titles:${year}:${identityOf(registry)}:${[...shortTitles].sort().join('\u0000')}`;
  return cachedPerBlock(context, blocks, (block) => blockTitleChecks(model, block, registry, shortTitles));
}

function blockTitleChecks(model: ReportModel, block: ProseBlock, registry: readonly CitationEntry[], shortTitles: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const year = model.header.year;
  for (const cited of block.citedTitles) {
    if (shortTitles.has(normaliseTitle(cited.title))) continue;
    const match = matchTitle(cited.title, registry);
    if (!match) continue;
    const { entry } = match;
    if (match.kind !== 'exact') {
      const reasons: string[] = [];
      if (/\d[-－–‐‑―~～]\d|\d年[-－–‐‑―~～]/.test(cited.title)) reasons.push('年份范围应用一字线“—”');
      if ((cited.title.match(/[（(]/g) ?? []).length !== (cited.title.match(/[）)]/g) ?? []).length) reasons.push('括号不成对');
      const what = match.kind === 'defect' ? `写法与正式名称不一致${reasons.length ? `（${reasons.join('，')}）` : ''}` : '与登记的正式名称相近但不相同，可能写错了';
      out.push(lineDiagnostic(model, cited.line, 'BG501', cited.from, cited.to, `《${cited.title}》${what}：正式名称是《${entry.title}》${describe(entry)}。`, [
        { title: `改为《${entry.title}》`, safe: false, edits: [{ from: cited.from, to: cited.to, newText: entry.title }] },
      ]));
    }
    if (year === undefined) continue;
    if (entry.validTo !== undefined && year > entry.validTo) {
      const successor = entry.supersededBy ? `，${year}年应以《${entry.supersededBy}》为准` : '';
      out.push(lineDiagnostic(model, cited.line, 'BG502', cited.from, cited.to, `《${entry.title}》的规划期到${entry.validTo}年为止${successor}：本报告是${year}年度的，请确认引用的是现行文件。`,
        entry.supersededBy ? [{ title: `改为《${entry.supersededBy}》`, safe: false, edits: [{ from: cited.from, to: cited.to, newText: entry.supersededBy }] }] : undefined));
    } else if (entry.validFrom !== undefined && year < entry.validFrom) {
      const since = entry.date ? `${entry.date}起施行` : `${entry.validFrom}年起施行`;
      out.push(lineDiagnostic(model, cited.line, 'BG503', cited.from, cited.to, `《${entry.title}》${since}，本报告是${year}年度的，当时还没有这个文件：请核对所引文件名称。`));
    }
  }
  return out;
}

function termChecks(model: ReportModel): Diagnostic[] {
  const year = model.header.year;
  if (year === undefined || year < 2021) return [];
  return cachedPerBlock(`stale-terms:${year}`, proseBlocks(model), (block) => blockTermChecks(model, block, year));
}

function blockTermChecks(model: ReportModel, block: ProseBlock, year: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of block.lines) {
    for (const m of line.text.matchAll(/七五(?=[”"’」]?普法)/g)) {
      out.push(lineDiagnostic(model, line, 'BG504', m.index, m.index + 2, `“七五”普法规划期是2016—2020年，本报告是${year}年度的，应为“八五”普法（2021—2025年）。`, [
        { title: '改为“八五”', safe: false, edits: [{ from: m.index, to: m.index + 2, newText: '八五' }] },
      ]));
    }
  }
  return out;
}

export const citationsChecks: ReportCheck[] = [
  { id: 'citation-titles', codes: ['BG501', 'BG502', 'BG503'], run: titleChecks },
  { id: 'stale-terms', codes: ['BG504'], run: (model) => termChecks(model) },
];
