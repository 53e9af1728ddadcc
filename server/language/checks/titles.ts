// Report checks: the names cited in 《》 across one report (BG716–BG717, and a body's name in 《》, BG719) — one thing written two ways
// (《广东省政务服务网》 / 《广东政务服务网》), and a title shaped like a national document (a 纲要 or 规划,
// or a registered title with words added) that the registry does not know.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { shortName } from './dates.js';
import { cachedPerBlock, identityOf } from './blockCache.js';
import { combinedOnce } from './blockSummaries.js';
import type { Hit } from './blockVersions.js';
import { citationRegistry, type CitationEntry, citedTitleTextsOf, definedShortTitles, matchTitle, normaliseTitle, PLACE_PREFIX } from './citations.js';
import { NO_DIAGNOSTICS, type CheckSettings, type ReportCheck } from './contract.js';
import { lineDiagnostic, proseBlocks } from './prose.js';
import { blockHas } from './proseHas.js';

export const titlesCodes: CodeInfo[] = [
  {
    code: 'BG716', severity: 'warning', title: '同一名称两种写法',
    description: '同一份报告里，书名号中的两个名称只差一个字（如《广东省政务服务网》和《广东政务服务网》）：多半是同一个东西写了两种写法，请统一为正式名称。在第二种写法出现处报告。',
    example: '登录《广东省政务服务网》……在《广东政务服务网》公开',
  },
  {
    code: 'BG717', severity: 'hint', title: '文件名称未登记',
    description: '书名号中的名称像是全国性的正式文件（以“纲要”“规划”结尾，或在登记的文件名后多了字，如《法治政府建设实施纲要（2021—2025年）工作方案》），但文件名称登记册中没有：请核对是否有这个文件、名称是否准确。确有此文件时可在 baogao.json 的“citations”中登记。带地名的本地文件（《广东省……》《法治湖南建设规划（2021—2025年）》）不报，但法治建设的纲要、规划少了规划期时（《法治政府建设实施纲要》《广东省法治政府建设实施纲要》）提示写全名称。只写文件种类的简称（“国家、本市法治政府建设《纲要》《规划》”）不报。',
    example: '《法治政府建设实施纲要（2021—2025年）工作方案》',
  },
  {
    code: 'BG719', severity: 'warning', title: '机构名称加了书名号',
    description: '书名号用于书名、文件名等，机构、组织的名称不加书名号：“成立了《某县复议咨询委员会》”应写作“成立了某县复议咨询委员会”。只在“成立”“组建”“设立”之后、名称以委员会、领导小组、中心等结尾时报告。',
    example: '5月9日成立了《某县行政复议咨询委员会》', fix: '删去书名号',
  },
];
registerCodes(titlesCodes);

// ---------------------------------------------------------------- one thing, two ways

/** Does `longer` equal `shorter` with one more Chinese character (not a digit) somewhere? */
function oneCharacterMore(longer: string, shorter: string): boolean {
  const a = [...longer];
  const b = [...shorter];
  if (a.length !== b.length + 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (!/\p{Script=Han}/u.test(a[i]!) || /[〇零一二三四五六七八九十]/u.test(a[i]!)) return false;
  return a.slice(i + 1).join('') === b.slice(i).join('');
}

/** Each string made by leaving out one character (a code point, as `[...text]` counts them). */
function deletions(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    out.push(text.slice(0, i) + text.slice(i + width));
    i += width;
  }
  return out;
}

/**
 * The titles seen so far, indexed so that the first one that differs from a new title by one character is
 * found without comparing it with every title (a long report cites hundreds).
 */
/**
 * The longest title compared one character apart: its deletions are as many as its characters, each as long
 * (a title of 40,000 characters, a line of “方案（2021—2025年）” in one 《》, took 4 GB and did not end). A real
 * document's name is far shorter; a longer one is still seen, only not compared.
 */
const MAX_TITLE_COMPARED = 200;

class SeenTitles {
  private readonly order = new Map<string, number>();
  /** Title with one character left out → the titles that give it. */
  private readonly byDeletion = new Map<string, string[]>();

  has(title: string): boolean {
    return this.order.has(title);
  }

  /** The earliest seen title that is `title` with one more character, or one less. */
  oneApart(title: string): string | undefined {
    if (title.length > MAX_TITLE_COMPARED + 1) return undefined;
    const shorter = deletions(title).filter((s) => this.order.has(s) && oneCharacterMore(title, s));
    const longer = (this.byDeletion.get(title) ?? []).filter((s) => oneCharacterMore(s, title));
    let best: string | undefined;
    for (const s of [...shorter, ...longer]) if (best === undefined || this.order.get(s)! < this.order.get(best)!) best = s;
    return best;
  }

  add(title: string): void {
    this.order.set(title, this.order.size);
    if (title.length > MAX_TITLE_COMPARED) return;
    for (const d of deletions(title)) {
      const list = this.byDeletion.get(d);
      if (list) list.push(title);
      else this.byDeletion.set(d, [title]);
    }
  }
}

/** A title a check across the report found: the `k`th cited in block `block`, and what to say about it. */
interface Finding {
  block: number;
  k: number;
  message: (typed: string) => string;
}

/** The diagnostics of findings (few, if any: only their blocks' lines are built). */
function atTitles(model: ReportModel, code: string, findings: readonly Finding[]): Diagnostic[] {
  const blocks = proseBlocks(model);
  return findings.map(({ block, k, message }) => {
    const cited = blocks.at(block)!.citedTitles[k]!;
    return lineDiagnostic(model, cited.line, code, cited.from, cited.to, message(cited.title));
  });
}

function twoWays(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const registry = citationRegistry(settings);
  const titles = citedTitleTextsOf(proseBlocks(model));
  return atTitles(model, 'BG716', combinedOnce(`two-ways\u0000${model.file.path}\u0000${identityOf(registry)}`, titles, () => twoWaysIn(titles, registry)));
}

function twoWaysIn(titlesByBlock: ReadonlyArray<Hit<string[]>>, registry: readonly CitationEntry[]): Finding[] {
  const first = new Map<string, string>();
  const seen = new SeenTitles();
  const out: Finding[] = [];
  titlesByBlock.forEach(({ index: block, found: titles }) => {
    titles.forEach((typed, k) => {
      const title = normaliseTitle(typed);
      if ([...title].length < 5 || seen.has(title)) return;
      // A near-miss of a registered title is BG501's.
      if (matchTitle(typed, registry)?.kind === 'near') return;
      const other = seen.oneApart(title);
      seen.add(title);
      first.set(title, typed);
      if (!other) return;
      const earlier = first.get(other)!;
      out.push({ block, k, message: (cited) => `《${cited}》与前面的《${earlier}》只差一个字：是同一个名称吗？请统一为正式名称。` });
    });
  });
  return out;
}

// ---------------------------------------------------------------- official-looking, not registered

/** Ends like a national plan or outline; a 学习纲要 (《习近平法治思想学习纲要》) is a study book, not a plan. */
const NATIONAL_PLAN = /(?:(?<!学习)纲要|规划)(?:（[^（）]*）)?$/;
/** A province's or city's 法治政府建设实施纲要 or 法治建设规划 named without its period (《广东省法治政府建设实施纲要》). */
const LOCAL_PLAN_WITHOUT_PERIOD = /法治(?:政府|社会)建设实施纲要$|法治[\u4e00-\u9fff]{0,4}建设规划$/;
/**
 * A place's own rule-of-law plan named after it (《法治湖南建设规划》, 《法治嘉善建设规划》): 法治 and a place before
 * 建设; the national ones are 法治中国, 法治政府, 法治社会 (and 法治国家, 法治文化).
 */
const PLACE_AFTER_FAZHI = /^法治(?!中国|政府|社会|国家|文化)[\u4e00-\u9fff]{2,4}建设/;
const isLocalTitle = (title: string) => PLACE_PREFIX.test(title) || PLACE_AFTER_FAZHI.test(title);

/**
 * A title that is only a kind of document (《纲要》《规划》《实施纲要》): a short name for one named elsewhere
 * (“按照国家、本市法治政府建设《纲要》《规划》”), not a title to look up.
 */
const BARE_KIND = /^(?:实施|建设|发展)?(?:纲要|规划)$/;

/** Titles that say themselves they are local or derived: 关于…, 贯彻…, 〈…〉 inside. */
const LOCAL_WORDS = /关于|贯彻|落实|〈|〉|<|>|我镇|我乡|本镇|本乡/;

const registeredTitles = new WeakMap<readonly CitationEntry[], string[]>();

/** The registry's titles and aliases of eight characters or more, normalised (once per registry). */
function longRegisteredTitles(registry: readonly CitationEntry[]): string[] {
  let titles = registeredTitles.get(registry);
  if (!titles) registeredTitles.set(registry, (titles = registry.flatMap((e) => [e.title, ...(e.aliases ?? [])]).map(normaliseTitle).filter((t) => t.length >= 8)));
  return titles;
}

function unknownOfficialTitles(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const registry = citationRegistry(settings);
  const blocks = proseBlocks(model);
  const titles = citedTitleTextsOf(blocks);
  const shortTitles = definedShortTitles(blocks);
  const org = model.header.org ? shortName(model.header.org) : undefined;
  const key = `unknown-titles\u0000${model.file.path}\u0000${identityOf(registry)}\u0000${org ?? ''}\u0000${[...shortTitles].join('\u0000')}`;
  return atTitles(model, 'BG717', combinedOnce(key, titles, () => unknownTitlesIn(titles, registry, shortTitles, org)));
}

/**
 * The place a body is named after, without its division: 嘉善县司法局 → 嘉善, 重庆市荣昌区教育委员会 → 荣昌,
 * 北屏乡人民政府 → 北屏. A title naming it is the place's own ("法治嘉善建设规划"), never a national one.
 */
export function placeOf(org: string): string | undefined {
  return /^(?:.*?[省市州])?([\u4e00-\u9fff]{2,4}?)(?:自治县|县|区|市|旗|镇|乡|街道)/.exec(org)?.[1];
}

function unknownTitlesIn(titlesByBlock: ReadonlyArray<Hit<string[]>>, registry: readonly CitationEntry[], shortTitles: ReadonlySet<string>, org: string | undefined): Finding[] {
  const place = org ? placeOf(org) : undefined;
  const registered = longRegisteredTitles(registry);
  const out: Finding[] = [];
  const seen = new Set<string>();
  titlesByBlock.forEach(({ index: block, found: titles }) => {
    titles.forEach((typed, k) => {
      const title = normaliseTitle(typed);
      if (seen.has(title) || shortTitles.has(title) || BARE_KIND.test(title) || matchTitle(typed, registry)) return;
      seen.add(title);
      // 《法治政府建设实施纲要》: a plan cited without its period — which one is meant?
      const periods = registered.filter((r) => r.length > title.length && r.startsWith(`${title}（`) && /^（\d{4}—\d{4}年）$/.test(r.slice(title.length)));
      if (periods.length) {
        const named = periods.map((p) => `《${p}》`).join('');
        out.push({ block, k, message: (cited) => `《${cited}》少了规划期：登记的有${named}，请写全所依据的那一个。` });
        return;
      }
      if (isLocalTitle(title) && LOCAL_PLAN_WITHOUT_PERIOD.test(title)) {
        out.push({ block, k, message: (cited) => `《${cited}》少了规划期：法治建设的纲要、规划都写明起止年份（如“（2021—2025年）”），请写全名称。` });
        return;
      }
      if (isLocalTitle(title) || LOCAL_WORDS.test(title) || /\d{4}年度?(?!—)/.test(title.replace(/（[^（）]*）/g, '')) || (org && title.includes(org)) || (place && title.includes(place))) return;
      const extended = registered.find((r) => title.startsWith(r) && title.length > r.length);
      if (!extended && !NATIONAL_PLAN.test(title)) return;
      const why = extended ? `是登记的《${extended}》后面多了“${title.slice(extended.length)}”` : '像是全国性的规划或纲要';
      out.push({ block, k, message: (cited) => `《${cited}》${why}，但文件名称登记册中没有这个文件：请核对名称；确有此文件时可在 baogao.json 的“citations”中登记。` });
    });
  });
  return out;
}

// ---------------------------------------------------------------- a body's name in 《》

/** A body's name: what a body set up is called. */
const BODY_NAME = /(?:委员会|领导小组|工作小组|小组|工作组|办公室|中心|工作站|服务站|调解室|协会|联盟|服务队|志愿队)$/;
/** Setting up a body, right before the 《. */
const SET_UP_BEFORE = /(?:成立|组建|设立|挂牌)了?$/;


function bodiesInTitleMarks(model: ReportModel): Diagnostic[] {
  // Most blocks cite nothing: no arrays are made for them.
  return cachedPerBlock('bodies-in-title-marks', proseBlocks(model), (block) => !blockHas(block, '《') || block.citedTitles.length === 0 ? NO_DIAGNOSTICS :
    block.citedTitles
      .filter((c) => BODY_NAME.test(c.title) && SET_UP_BEFORE.test(c.line.text.slice(0, c.from - 1)))
      .map((c) =>
        lineDiagnostic(model, c.line, 'BG719', c.from - 1, c.to + 1, `“${c.title}”是机构名称，不加书名号（书名号用于书名、文件名）：请删去“《》”。`, [
          { title: '删去书名号', safe: false, edits: [{ from: c.to, to: c.to + 1, newText: '' }, { from: c.from - 1, to: c.from, newText: '' }] },
        ]),
      ),
  );
}

export const titlesChecks: ReportCheck[] = [
  { id: 'bodies-in-title-marks', codes: ['BG719'], run: bodiesInTitleMarks },
  { id: 'one-name-two-ways', codes: ['BG716'], run: twoWays },
  { id: 'unknown-official-titles', codes: ['BG717'], run: unknownOfficialTitles },
];
