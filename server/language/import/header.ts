// What the importer reads for the header: the title (one or two lines at the top), the issuing body
// (from the signature or the title), the year and the signature date.
import { RUN_TOGETHER_ISSUERS } from '../header.js';
import { chineseDigits, chineseValue } from './numbers.js';

export interface ImportedDate {
  year: number;
  month: number;
  day: number;
}

/** "2021年1月13日", "2021 年 1 月 13 日", "二〇二一年一月十三日" → the date; anything else → undefined. */
export function parseSignatureDate(text: string): ImportedDate | undefined {
  const s = text.replace(/\s+/g, '');
  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  let date: ImportedDate | undefined;
  if (m) date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  else if ((m = /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(s))) {
    const year = chineseDigits(m[1]!);
    if (year !== undefined) date = { year, month: chineseValue(m[2]!), day: chineseValue(m[3]!) };
  }
  if (!date) return undefined;
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCFullYear() === date.year && check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day ? date : undefined;
}

export function isoDate(date: ImportedDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const ORG_END = /(人民政府|政府|办事处|委员会|管委会|党委|党工委|党组|局|办公室|政府办|委办|治[省市县区]办|司法所|镇|乡|街道|部|厅)$/;
const SENTENCE_MARKS = /[。，,；;：:！!？?]/;

/** A short line naming a body: "桂圩镇人民政府", "重庆市沙坪坝区回龙坝镇人民政府". */
export function isOrgLike(text: string): boolean {
  return text.length >= 3 && text.length <= 30 && ORG_END.test(text) && !SENTENCE_MARKS.test(text) && !/\d/.test(text);
}

/** A line that can be (part of) a title: short, no sentence inside, not a heading or dated sentence. */
export function isTitleLike(text: string): boolean {
  return text.length <= 60 && !/[。；;！!？?]/.test(text) && !/^\d{4}年[，,]/.test(text);
}

/**
 * What a title ends with: 报告/总结/汇报, or those with next year's plan joined on (“……法治政府建设报告暨2025年工作计划”,
 * “……工作总结及2026年工作思路”).
 */
export const TITLE_END = /(?:报告|总结|汇报)(?:(?:暨|及|和|与)[^，,。；;：:、]{0,24}?(?:计划|打算|思路|安排|要点))?$/;

/** Next year's plan joined on after a title's 报告/总结 (“暨2025年工作计划”): what the title reports on is before it. */
export const PLAN_JOINED_ON = /(?<=报告|总结|汇报)(?:暨|及|和|与)[^，,。；;：:、]{0,24}?(?:计划|打算|思路|安排|要点)$/;

/** The year a title reports on: "2020年度", "关于2021年", "二〇二〇年". */
export function yearFromTitle(title: string): number | undefined {
  const m = /(\d{4})\s*年/.exec(title);
  if (m) return Number(m[1]);
  const c = /([〇○零一二三四五六七八九]{4})\s*年/.exec(title);
  return c ? chineseDigits(c[1]!) : undefined;
}

/** The issuing body named at the start of a title: what comes before "关于" or the year. */
export function orgFromTitle(title: string): string | undefined {
  const issuers = jointIssuers(title);
  if (issuers) return fullName(issuers[issuers.length - 1]!);
  const m = /^(.+?)(?:关于)?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年/.exec(title) ?? /^(.+?(?:人民政府|政府|办事处|党委|镇|乡|街道|管理区))关于/.exec(title);
  // "关于那曲市色尼区2025年度……的报告": a title that starts with 关于 names its body after it.
  const org = (m?.[1]?.endsWith('关于') ? m[1].slice(0, -2) : m?.[1])?.replace(/^关于/, '').trim();
  // “西洞庭管理区关于……的报告”: a 管理区 is run by its 管理委员会.
  if (org && /^[\u4e00-\u9fff]{2,8}管理区$/.test(org)) return governmentOf(org);
  if (org && isOrgLike(org)) return fullName(org);
  if (org && /^[\u4e00-\u9fff]{2,8}(?:省|区|县|市|旗)$/.test(org)) return governmentOf(org);
  // “横县2020年度……”: a county named by one character (横县, 沛县, 滑县, 单县) — not the report's word for its own
  // county (全县, 本县, 我县, 该县, 各县, 此县).
  if (org && /^[^本全我该各此\s\d]县$/.test(org)) return governmentOf(org);
  // “火炬高新区(中山港街道)2025年……”: a zone and the street office it is run together with; its 管理委员会 reports.
  const zone = org && ZONE_WITH_ITS_PLACE.exec(org)?.[1];
  if (zone) return governmentOf(zone);
  // “西藏自治区藏语委办(编译局)2025年度……”: one body with two nameplates, the second in brackets, named as it names itself.
  const plates = org && SECOND_NAMEPLATE.exec(org);
  if (plates && isOrgLike(plates[1]!) && isOrgLike(plates[2]!)) return org;
  return placeAfterYear(title);
}

/** A body's name with its second nameplate in brackets (一个机构两块牌子): 藏语委办(编译局), 应急管理局（地震局）. */
const SECOND_NAMEPLATE = /^([\u4e00-\u9fff]{3,24})[（(]([\u4e00-\u9fff]{3,12})[）)]$/;

/** A development zone named with the street office, town or district it is merged with, in brackets. */
const ZONE_WITH_ITS_PLACE = /^([\u4e00-\u9fff]{2,8}(?:高新区|开发区|经开区|园区|保税区|合作区))[（(][\u4e00-\u9fff]{2,10}(?:街道|镇|乡|区)[）)]$/;

/** The place a title names right after its year: "2020年静海区法治政府建设情况报告" → 静海区人民政府. */
function placeAfterYear(title: string): string | undefined {
  // "2025年天津经济技术开发区法治政府建设情况报告": a zone's longer name, run by its 管理委员会.
  const zone = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年度?([\u4e00-\u9fff]{2,6}?)((?:经济技术|高新技术产业|经济|产业|工业)?(?:开发区|高新区|园区|保税区|合作区))(?=[\u4e00-\u9fff]{4})/.exec(title);
  if (zone && isPlaceName(zone[1]!)) return governmentOf(zone[1]! + zone[2]!);
  const m = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年度?([\u4e00-\u9fff]{2,6}?)(区|县|市|旗|镇|乡|街道)(?=[\u4e00-\u9fff]{4})/.exec(title);
  if (!m || !isPlaceName(m[1]!)) return undefined;
  return /(?:镇|乡|街道)$/.test(m[2]!) ? fullName(m[1]! + m[2]!) : governmentOf(m[1]! + m[2]!);
}

/** A zone set up for development (高新区, 开发区, 经开区, 工业园区, 保税区, 合作区) or a 管理区 (西洞庭管理区) is run by a 管理委员会, not a 人民政府. */
const DEVELOPMENT_ZONE = /(?:高新区|开发区|经开区|园区|保税区|合作区|管理区)$/;

/**
 * A zone the title names without its place (“经济开发区2024年度法治政府建设情况报告”) named with it in the first
 * sentence (“2024年宁河经济开发区在区委……”): 宁河经济开发区管理委员会. Undefined when the title's zone has a
 * place already or the sentence names none.
 */
export function placedZone(titleOrg: string, sentence: string): string | undefined {
  const zone = /^((?:经济技术|高新技术产业|经济|产业|工业)?(?:开发区|园区)|高新区|经开区)(?:管理委员会|管委会)$/.exec(titleOrg)?.[1];
  if (!zone) return undefined;
  const first = sentence.split(/[。；]/)[0] ?? '';
  const m = new RegExp(`${NAME_START}([\\u4e00-\\u9fff]{2,4}?)${zone}`).exec(first);
  return m && isPlaceName(m[1]!) ? `${m[1]}${zone}管理委员会` : undefined;
}

/** The government of a county-level place: its 人民政府, or a development zone's 管理委员会. */
function governmentOf(place: string): string {
  return `${place}${DEVELOPMENT_ZONE.test(place) ? '管理委员会' : '人民政府'}`;
}

/**
 * The bodies of a jointly issued title, spaced apart before "关于": "中共某区委教育工作委员会 某区教育委员会
 * 关于2024年……的报告" → both; undefined for a title with one body. The last is the government side.
 */
export function jointIssuers(title: string): string[] | undefined {
  const m = /^(\S+(?:\s+\S+)+?)\s*关于/.exec(title.trim());
  const parts = m?.[1]!.split(/\s+/);
  if (parts && parts.length > 1 && parts.every(isOrgLike)) return parts;
  const together = RUN_TOGETHER_ISSUERS.exec(title.trim());
  return together ? [together[1]!, together[2]!] : undefined;
}


/** A town named without its body ("新华乡2025年……报告"): the body's full name. */
function fullName(org: string): string {
  if (/(?:镇|乡)$/.test(org)) return `${org}人民政府`;
  return /街道$/.test(org) ? `${org}办事处` : org;
}

/**
 * The township's own name without the higher divisions in front: "重庆市沙坪坝区回龙坝镇人民政府" →
 * "回龙坝镇人民政府" (the signature and the place-name checks use the township's name). Only for a
 * township-level body; anything else is kept as written.
 */
export function withoutRegionPrefix(org: string): string {
  // "鲤城区人民政府金龙街道办事处": the district's government in front of its street office is a prefix too.
  const m = /^(.{0,40}(?:省|自治区|市|自治州|州|盟|区|县|旗)(?:人民政府)?)(.{2,40}(?:镇|乡|街道)(?:人民政府|政府|办事处|党委))$/.exec(org);
  return m ? m[2]! : org;
}

/** Where a body's name may start in a sentence: after punctuation, a year (2022年全南县…) or 现将 (现将某局…报告如下). */
const NAME_START = '(?:^|[，。、；：,:\\s]|(?<=\\d年度?|现将|现就|现对|特将|兹将))(?!度|现将|现就|现对|特将|兹将)';

/** A town or street office named in a sentence. */
// 乡域, 镇域, 乡村, 乡镇 name no town: "扎实推进乡域基层法治建设" is not a 扎实推进乡.
const TOWN = new RegExp(`${NAME_START}([\\u4e00-\\u9fff]{2,8}?)(镇|乡|街道)(?![域村镇土亲])`, 'g');

/** Words a town's name never starts with: "根据镇党政班子……" names no town called 根据镇. */
const NOT_A_NAME = /^(?:根据|坚持|通过|建立|按照|结合|围绕|加强|推进|落实|开展|以|在|对|为|由|向|从|将|把|和|与|及|全[面体力年市县区镇乡省国部局]|本|我|各|该|城|起|深入|认真|积极|进一步|紧扣|聚焦|今年|年来|以来|一年来|县|区|市)/;

/**
 * The body named in the report's first sentence ("2020年，北屏乡法治政府建设……" → 北屏乡人民政府,
 * "一年来，丰都县栗子乡在县委……" → 栗子乡人民政府); undefined rather than a guess with wrong boundaries.
 */
export function orgFromProse(text: string): string | undefined {
  const sentences = text.split(/[。；]/);
  const sentence = sentences[0] ?? '';
  for (const m of sentence.matchAll(TOWN)) {
    const name = withoutRegionPrefix(`${m[1]}${m[2]}人民政府`).replace(/人民政府$/, '').slice(0, -m[2]!.length);
    if (!isPlaceName(name)) continue;
    return `${name}${m[2]}${m[2] === '街道' ? '办事处' : '人民政府'}`;
  }
  const ministry = MINISTRY.exec(sentence);
  if (ministry) return ministry[1];
  return countyOrgFromProse(sentence) ?? townOfItsPractice(sentences.slice(1));
}

/** The words that open the sentence saying what follows (现就……报告如下): searched once, then 如下 after them. */
const REPORTS = /现将|现就|特将|现把/;
const saysWhatFollows = (sentence: string) => {
  const at = sentence.search(REPORTS);
  return at >= 0 && sentence.indexOf('如下', at) > at;
};
/** The town whose practice the report is fitted to: 结合荷城街道实际. */
const TOWN_PRACTICE = /结合([\u4e00-\u9fff]{2,8}?)(镇|乡|街道)的?(?:工作)?实际/;

/**
 * A town or street office the first sentence does not name, named in the sentence that says what follows: “结合荷城街道实际,
 * 现就2022年法治政府建设工作开展情况报告如下” (荷城街道 2022, whose opening names no subject). Not 结合我街道实际, nor a
 * town named in another sentence (a place the work went to).
 */
function townOfItsPractice(sentences: readonly string[]): string | undefined {
  const below = sentences.find(saysWhatFollows);
  const m = below ? TOWN_PRACTICE.exec(below) : null;
  if (!m || NOT_A_NAME.test(m[1]!)) return undefined;
  const name = withoutRegionPrefix(`${m[1]}${m[2]}人民政府`).replace(/人民政府$/, '').slice(0, -m[2]!.length);
  return isPlaceName(name) ? `${name}${m[2]}${m[2] === '街道' ? '办事处' : '人民政府'}` : undefined;
}

/** A ministry of the State Council (or one before the 2018 reform) named in the first sentence, “原” (former) dropped: 原环境保护部 → 环境保护部. */
const MINISTRY = new RegExp(`${NAME_START}原?((?:外交|国防|教育|科学技术|工业和信息化|公安|国家安全|民政|司法|财政|人力资源和社会保障|自然资源|生态环境|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|应急管理|退役军人事务|环境保护|国土资源|农业|文化|卫生|监察|住房城乡建设)部)(?![门分长署委])`);

/**
 * 得益于县委…, 致力于县…: a word ending in 于 is a preposition before the place, not its name; 紧紧围绕全乡,
 * 本镇, 我乡, 各乡: the township itself, not a township named so.
 */
const isPlaceName = (name: string) => name.length >= 2 && name.length <= 5 && !NOT_A_NAME.test(name) && !/[的了是在和与及]|于$|[全本我各该每此]$|推进|推动|落实|扎实|加强|开展|围绕|紧紧|紧扣|贯彻|遵循|按照|根据|坚持/.test(name);

/**
 * A county-level body as the subject of the first sentence: "2019年，南昌县全面贯彻……" → 南昌县人民政府,
 * "……指导下，前进区教育局深入开展……" → 前进区教育局, "2022年全南县自然资源局在县委……" → 全南县自然资源局 (right
 * after the year), "云南省委、省政府坚持……" → 云南省人民政府. The last division named wins (长沙市天心区 → 天心区); "现将某县……" starts with no name;
 * "区委", "县级", "市场" and the like are not a body.
 */
/** One division of a place named with its higher ones (长沙市 | 天心区), as COUNTY reads them; an autonomous one with its peoples (麻阳苗族自治县). */
const DIVISION = /[\u4e00-\u9fff]{2,4}?(?:[\u4e00-\u9fff]{1,16}?族自治[县州旗]|省|市|州|盟|县|区|旗)/g;
/** The peoples and 自治 of an autonomous division's name: 麻阳苗族自治县 is the place 麻阳. */
const AUTONOMOUS = /^([\u4e00-\u9fff]{2,4}?)[\u4e00-\u9fff]{1,16}?族自治[县州旗]$/;

/**
 * Common nouns that end in a division's character and name no place: 进社区 (法律进机关、进社区), 辖区, 小区,
 * 景区, 超市. Endings that real places share are left: 浦东新区, 苏州工业园区, 东城区, 中山区, 晋城市, 成都市.
 */
const COMMON_NOUN_DIVISION = /(?:社|小|辖|片|景|库|校|营|街|牧|灾|专|商|学|功能)区$|(?:超|集|夜|股|楼)市$/;

/** “2025年，鹤岗市人民政府坚持……”, “2023年，东城区政府坚持……”: a government named as the subject, right after the opening year. */
const GOVERNMENT_SUBJECT = /^(?:\d{4}\s*年度?|一年来|今年以来)[，,\s]*((?:[\u4e00-\u9fff]{2,4}?[省市州盟县区旗]){1,4})(?:人民)?政府(?!办公|各|所属|工作部门|门户|网站|关于|令|印发)/;

/** Verbs that make the body before them the subject of the sentence. */
const SUBJECT_VERB = '坚持|深入|全面|认真|始终|紧紧|紧密|牢牢|聚焦|持续|积极|扎实|围绕|按照|深化|贯彻|把|以';
const GOVERNMENT_NAMED_SUBJECT = new RegExp(`${NAME_START}((?:[\\u4e00-\\u9fff]{1,4}?[省市州盟县区旗]){1,4})人民政府(?=${SUBJECT_VERB})`);
/** Divisions as DIVISION reads them, and a county of one character (息县, 滑县). */
const DIVISION_OR_SHORT_COUNTY = /[\u4e00-\u9fff]{2,4}?(?:[\u4e00-\u9fff]{1,16}?族自治[县州旗]|省|市|州|盟|县|区|旗)|[\u4e00-\u9fff]县/g;
/** A campaign named after a place (法治息县, 平安某县): the words of the campaign, not a body. */
const CAMPAIGN_WORD = /^(?:法治|平安)/;
/** “2018年,黑龙江省坚持……”: a province as the subject, right after the opening year, its government the body. */
/** (Only before what a subject does: 黑龙江省市场监管局, 四川省自然资源厅 and 广东省珠海市 name other bodies.) */
const PROVINCE_SUBJECT = /^(?:\d{4}\s*年度?|一年来|今年以来)[，,\s]*([\u4e00-\u9fff]{2,3}省)(?=坚持|深入|认真|全面|始终|紧紧|扎实|持续|以|在|着力|聚焦|牢牢|按照|围绕|积极|大力|统筹|忠诚|贯彻|不断|锚定|紧扣)/;

function countyOrgFromProse(sentence: string): string | undefined {
  const province = PROVINCE_SUBJECT.exec(sentence);
  if (province && isPlaceName(province[1]!.slice(0, -1))) return `${province[1]}人民政府`;
  const government = GOVERNMENT_SUBJECT.exec(sentence);
  if (government) {
    const name = government[1]!.match(DIVISION)!.pop()!;
    if (isPlaceName(AUTONOMOUS.exec(name)?.[1] ?? name.slice(0, -1))) return `${name}人民政府`;
  }
  // "2024年，云南省委、省政府坚持……": a report of the committee and the government together; the government is the body.
  const both = new RegExp(`${NAME_START}([\\u4e00-\\u9fff]{2,6}?)([省市县区旗])委[、，,和]\\s*\\2?(?:人民)?政府`).exec(sentence);
  const place = both?.[1]!.replace(/^.*[省市州盟县区旗](?=..)/, ''); // the last division named: 长沙市天心区 → 天心区
  if (place && isPlaceName(place)) return governmentOf(place + both![2]);
  // “在市委、市政府和县委的正确领导下,息县人民政府坚持……”: a government named whole as the subject of the sentence,
  // a verb right after it (a county's name may be one character: 息县, 滑县).
  const subject = GOVERNMENT_NAMED_SUBJECT.exec(sentence);
  if (subject) {
    const name = subject[1]!.match(DIVISION_OR_SHORT_COUNTY)!.pop()!;
    const place = name.slice(0, -1);
    if (place.length >= 1 && !NOT_A_NAME.test(place) && !/[委和与及的]/.test(name) && !CAMPAIGN_WORD.test(name) && !COMMON_NOUN_DIVISION.test(name)) return `${name}人民政府`;
  }
  const COUNTY = new RegExp(`${NAME_START}((?:[\\u4e00-\\u9fff]{2,4}?(?:[\\u4e00-\\u9fff]{1,16}?族自治[县州旗]|省|市|州|盟|县|区|旗)){1,4})((?!委|政府)(?:[\\u4e00-\\u9fff]{1,6}?|[\\u4e00-\\u9fff]{2,8}?和[\\u4e00-\\u9fff]{2,6}?)(?:局|委员会|委|办公室))?(?![委级域内外政人党员场长])`, 'g');
  // At most four divisions in a row (省市县 and one more): an unbounded run of them is tried again from each of its
  // characters, quadratic on a long first line of 县委县委… (scripts/regex-dynamic.ts).
  // A department's name never starts with 委 or 政府: “湛江市委市政府和雷州市委……” names the committees, no “委市政府和雷州市委”.
  for (const m of sentence.matchAll(COUNTY)) {
    // The last division, cut as the pattern cut them (郑州市 is one: the 州 of its name is no division).
    const name = m[1]!.match(DIVISION)!.pop()!;
    const place = AUTONOMOUS.exec(name)?.[1] ?? name.slice(0, -1);
    // “法治息县、法治政府、法治社会一体建设”: a campaign named after the place, not a body.
    if (!isPlaceName(place) || !/[县区市旗]$/.test(name) || COMMON_NOUN_DIVISION.test(name) || CAMPAIGN_WORD.test(name)) continue;
    return m[2] ? `${name}${m[2]}` : governmentOf(name);
  }
  return undefined;
}

/**
 * The year a report's opening sentence says it reports on: "2020年，……", "现将我镇2022年度法治政府建设
 * 情况报告如下", "现对2023年所做工作总结如下", "现将市人社局2021年法治政府建设情况报告予以公开", "2022年度法治政府建设……".
 * Not a range (2021—2025年) or a date (2022年3月).
 */
export function yearFromProse(text: string): number | undefined {
  const sentence = text.split(/。/)[0] ?? '';
  const lead = /^(\d{4})\s*年(?!\d|度?[-—－~～至到])/.exec(sentence)?.[1];
  if (lead) return Number(lead);
  const said =
    /现[将对就].{0,24}?(\d{4})\s*年度?(?![-—－~～至到\d]).{0,40}?(?:报告|汇报|总结)如下/.exec(text) ??
    /现[将对就][^。，,；;]{0,24}?(\d{4})\s*年度?(?:法治政府建设|依法行政)/.exec(text) ??
    /(?:^|[，,])(\d{4})\s*年度?(?:法治政府建设|依法行政)/.exec(sentence) ??
    // “……认真梳理总结2025年度法治政府建设情况,现报告如下”: the year the report says it reports on, just before 现报告如下.
    /(\d{4})\s*年度?(?:法治政府建设|依法行政)[^。；;，,]{0,12}[，,]\s*现(?:将[^。；;，,]{0,12})?(?:报告|汇报|总结)如下/.exec(sentence);
  return said ? Number(said[1]) : undefined;
}
