// The words that name an amount in prose, and the figure name a writer would choose from them:
// "共调处矛盾纠纷150起" → 调处矛盾纠纷, "调解成功147起" → 调解成功, "持证率为81.48%" → 持证率,
// "召开2次法治政府建设专题会" → 法治政府建设专题会 (the noun after the number when the words before it
// are only a verb). Pure and deterministic: the same prose always gives the same name.

import { COUNT_MEASURE_WORDS } from './amounts.js';
import { chineseWords } from '../words.js';

/** "一是", "二是": an enumeration marker starts a new item even where the writer left out the punctuation. */
const ENUMERATION = '[一二三四五六七八九十]是';

/**
 * Where a clause starts: punctuation, words after which a new phrase begins, an enumeration marker and
 * another count ("27个部门单位的278项行政许可事项": the words before 27个 name 27个, not 278项). A count is tried
 * from the start of its digits only (no match ends in a digit, so none begins inside a number): tried from
 * each digit, a long run of them is quadratic for an engine that backtracks.
 */
const CLAUSE_BREAK = new RegExp(
  `[，,。；;：:、！!？?（(）)“”"‘’》\\n]|其中|包括|分别|共计|合计|总计|累计|共有|(?<!公)共(?![同享建治产])|另有|以及|此外|同时|且|${ENUMERATION}|(?<!\\d)\\d+(?:\\.\\d+)?[余多]?(?:${COUNT_MEASURE_WORDS.join('|')})`,
  'g',
);

/** Words in front of a phrase that name no thing: time, place, the speaker. */
const LEADING = new RegExp(
  '^(?:' +
    [
      '\\d{4}年度?(?:以来)?', '今年以来', '今年', '年内', '全年', '本年度', '年度内', '一年来', '截至目前', '截止目前', '截至年底', '目前', '现有', '已经', '已', '先后',
      // Not the first character of a word: 及时率, 和谐, 与会, 在线办理率, 在编, 对接.
      '并', '还', '又', '和(?![谐解睦])', '及(?![时早格])', '与(?!会)', '均', '也', '另', '在(?![编岗押线职校册])', '对(?![接口标])', '为', '向', '给', '被', '由', '将', '通过(?!率)', '组织', '累计',
      '我(?:镇|乡|街道|区|县|市|局|办|所|单位)', '本(?:镇|乡|街道|区|县|单位)', '全(?:镇|乡|街道|区|县|市)', '镇村两级', '各村(?:（社区）|社区)?', '辖区内?',
      '各级', '各类', '各种', '相关', '有关', '大小',
    ].join('|') +
    ')',
);

/** Words at the end of a phrase that join it to its number ("各1名": one each; "局务会先后14次": in turn). */
const TRAILING = /(?:共计|共有|共|合计|总计|累计|分别为|分别是|分别|先后|相继|陆续|均为|均达到?|均?到达|均|达到了?|(?<![传到表送])达|(?<![行作认成因])为|是|(?<![所拥具现])有|(?<![统会设])计|(?<![民公条合契制节预签履违特相邀守规践誓缔解爽续立])约|近|超过|超|逾|高达|仅|只|了|等|(?<![理事缘经来])由|(?<![存所现实])在|至|(?<![收受做得遇])到|已|增至|提高到|提升至|下降到)$/;

/**
 * A phrase ending in 的, a conjunction, 各 or 等 does not name the number after it: "X的278项行政许可事项"
 * counts 行政许可事项, "“三定”规定和23家单位" 单位, "司法所各1名工作人员" 工作人员, "科干班、青干班等6个干部
 * 教育培训班" 干部教育培训班 (what 等 closes are examples of it): the noun after names it, when there is one.
 */
const HANDS_OVER = /[的和及与或各等]$/;

/**
 * After 等 the words before still name the count when the noun after it runs on into what is said of it
 * (“鸦岗等9个国考断面稳定消除……”, “落实情况等9项重点工作实施督察”): longer than this, it is not taken.
 */
const EXAMPLES_NOUN_MAX = 7;

/**
 * Words that follow a noun and begin what is said of it: "行政许可事项统一划入", "工作人员作为…", "案例被省市发文推广",
 * "事项入驻市民中心", "典型案例入选中央依法治国办…", "党委会议研究部署…", "党政主要负责人现场述法" (现场 after a person),
 * "单位参评全省……", "政务服务事项网上可办", "部门共梳理出……", "行政权力下放到……", "中小学完善学校章程",
 * "社区法律顾问定期为社区居民提供……", "4家行政执法单位同步开展……", "18个行政执法单位分别开展……", "3个基层法治观察点高效运行"
 * (an adverb between the noun and its verb).
 */
const NOUN_ENDS = /统一|全部|全面|分别|同步|先后|相继|陆续|高效|依法|及时|定期|集中|积极|作为|进行|实现|做到|达到|被(?![告执申诉判])|入驻|进驻|纳入|入选|入围|获评|荣获|参评|网上|下放|完善|(?<!公)共(?![同享建治产性识])|列入|研究(?=部署|解决|讨论|决定|审议|落实)|听取|审议|(?<=[人员者志])(?:现场|书面)/g;

/**
 * A year inside the words before a figure (“全面梳理2024年26项”, “较2024年增长23%”): when, not what — with its digits
 * gone it would leave a stray 年 in the name (全面梳理年, 较年增长). Taken out with the 较/比 that compares with it.
 */
const YEAR_IN_NAME = /(?:较|比)?(?:19|20)\d{2}\s*年度?/g;

/** Words of status that set counted things apart: what must, has, has not or is yet to be done. */
const STATUS = /^(?:应|须|需|已|未|尚未|待|仍|新增)/;

/** Adjectives that only widen a noun: dropped from names. */
const WIDENERS = /各类|各级|各种|大小|相关|有关|等各类|等/g;

/** Verbs that begin the object a number counts: "发放资料", "召开会议". */
const VERBS =
  /开展|召开|举办|部署|组织|整合|制发|发放|接待|受理|办理|办结|化解|调处|调解|审查|审核|悬挂|制作|张贴|收到|聘请|培训|处理|查处|出动|检查|排查|走访|签订|提供|解答|覆盖|参与|参加|提出|公开|发布|备案|清理|成立|建立|设立|配备|配齐|聘任|录入|推送|播放|印发|制定|出台|举行|完成|审理|解决|帮教|落实|保障|持有|取得|领取|开设|建成|建起|打造|培育|评选|选聘|邀请|立案|结案|答复|回复|转办|征求|收集|征集|走访|慰问|救助|帮扶|安置|整改|督办|约谈|报送|上报|形成|采取/g;

/**
 * How far a phrase reaches: before an amount, after it. A clause is never longer in a report, and the
 * bound keeps naming linear on a line of thousands of numbers without a break.
 */
export const PHRASE_REACH = 200;

/** The phrase before an amount: the clause up to it, without time, place and joining words. */
export function phraseBefore(sentence: string, org?: string): string {
  const prose = sentence.length > PHRASE_REACH ? sentence.slice(-PHRASE_REACH) : sentence;
  const breaks = [...prose.matchAll(CLAUSE_BREAK)];
  let end = prose.length;
  // "调处纠纷共59件": nothing between 共 and the number, so the phrase is the one before 共 (never
  // across punctuation).
  for (let k = breaks.length - 1; k >= -1; k--) {
    const start = k >= 0 ? breaks[k]!.index! + breaks[k]![0].length : 0;
    const phrase = tidy(prose.slice(start, end), org);
    // Right before the amount, no space between (“刑事诉讼“挂案” 5起” keeps its space for BG609 and is left as it was).
    if (!phrase && k >= 0 && breaks[k]![0] === '”' && breaks[k]!.index! + 1 === prose.length) {
      const quoted = quotedRightBefore(prose, breaks[k]!.index!, org);
      if (quoted) return quoted;
    }
    if (phrase || k < 0 || /^[，,。；;：:、！!？?（(）)“”"‘’\n]$/.test(breaks[k]![0])) return phrase;
    end = breaks[k]!.index!;
  }
  return '';
}

/** How long a quoted name right before an amount may be (an activity's or a system's name, not a slogan). */
const QUOTED_NAME_MAX = 12;
/** Where the words before a quoted name begin: after a mark or a digit. */
const BEFORE_QUOTED_NAME = /[，,。；;：:、！!？?（(）)“”"‘’\n\d]/;
const QUOTED_NAME = /^[\u4e00-\u9fff·]+$/;

/**
 * A quoted name right before an amount, with the verb before it (“开展“以案述法”1场次” → 开展以案述法, 克孜勒陶镇 2025):
 * the quotation names what is counted. `close` is the ”; the clause from the break before the “.
 */
function quotedRightBefore(prose: string, close: number, org?: string): string {
  const open = prose.lastIndexOf('“', close);
  if (open < 0 || close - open - 1 < 2 || close - open - 1 > QUOTED_NAME_MAX) return '';
  const name = prose.slice(open + 1, close);
  if (!QUOTED_NAME.test(name)) return '';
  let from = open;
  while (from > 0 && !BEFORE_QUOTED_NAME.test(prose[from - 1]!)) from--;
  return tidy(prose.slice(from, open) + name, org);
}

/**
 * Where the noun after an amount ends at the latest: a break, 的, 等, 以及 (not 可以及时, 可以及早), an enumeration, or the next
 * number (“36个行政审批单位200项……”: the units are counted, not the 200; “138项配合履职事项以及41项……”), 向 before
 * whom something is done (“14件政策性文件草案向社会公开征集意见”), 和 before the next thing named (“19所学校和各大
 * 中小微企业”: the schools are counted), 且 (“111次且通过率100%”), or 通过 what the counted did (“14名在编干部通过行政执法培训”).
 */
const NOUN_BREAK = new RegExp(`[，,。；;：:、！!？?（(）)“”"\\n\\d]|的|等|且|(?<![可难])以及(?![时早])|(?<=[\\u4e00-\\u9fff]{2})向(?=社会|群众|公众)|(?<=[\\u4e00-\\u9fff]{2})通过(?!率)|(?<=[\\u4e00-\\u9fff]{2})(?<![总调缓温柔平])和(?![谐解睦])|${ENUMERATION}`);

/** Villages counted with the communities in brackets beside them: 村(社区), 村（居）, 社区（村）. */
const VILLAGES_AND_COMMUNITIES = /^(村|社区)[（(](社区|居|村)[）)]/;

/** The noun right after an amount ("2次法治政府建设专题会" → 法治政府建设专题会), up to the next verb or break. */
export function nounAfter(rest: string): string {
  // “15个村(社区)”, “9个村（居）”: villages and the communities in brackets beside them are the things counted.
  const villages = VILLAGES_AND_COMMUNITIES.exec(rest);
  if (villages) return `${villages[1]}${villages[2]}`;
  const clause = rest.slice(0, PHRASE_REACH).split(NOUN_BREAK)[0] ?? '';
  // “1人被评为……”: what is said of the counted ones follows at once; no noun names them.
  if (/^被(?![告执申诉判])/.test(clause)) return '';
  let end = clause.length;
  // "社区配备了…": a noun of two characters before the verb is the noun; "人民调解员": a verb followed
  // by 员, 会, 站 … is part of the noun.
  for (const m of [...clause.matchAll(VERBS), ...clause.matchAll(NOUN_ENDS)].sort((a, b) => a.index! - b.index!)) {
    // “3980项行政检查执法事项”: 行政 and a verb make a noun (行政检查, 行政处理), no verb of the clause.
    if (m.index! >= 2 && !/^[员者室站班会组所]/.test(clause.slice(m.index! + m[0].length)) && clause.slice(m.index! - 2, m.index!) !== '行政') {
      end = m.index!;
      break;
    }
  }
  const noun = clause.slice(0, end).replace(/^(?:的|余|多|以上|左右)/, '').replace(/(?:全部|均|都|已|共|全)$/, '').replace(WIDENERS, '').replace(/[^\p{Script=Han}A-Za-z]/gu, '');
  return noun.length <= NOUN_AFTER_MAX ? noun : (wholeWordsAtStart(noun, NOUN_AFTER_MAX) ?? noun.slice(0, NOUN_AFTER_MAX));
}

/** The longest noun after an amount that names it: cut in whole words (“国省考断面水质达到考核要求” → 国省考断面水质达到, not …达到考). */
const NOUN_AFTER_MAX = 10;

/** Characters that end the word before them, which the dictionary splits off (规范/性, 法治/化, 一站/式, 服务/型). */
const BOUND_SUFFIX = /^[性化式型]$/;

/**
 * The words of a phrase for cutting a name, a bound suffix kept with its word: “县政府部门规范性文件备案” cut in words
 * is “文件备案”, not “性文件备案” (巫山县司法局 2024).
 */
function namingWords(phrase: string): string[] {
  const out: string[] = [];
  for (const { text } of chineseWords(phrase)) {
    if (out.length > 0 && BOUND_SUFFIX.test(text)) out[out.length - 1] += text;
    else out.push(text);
  }
  return out;
}

/** The longest start of a phrase made of whole words and at most `max` characters (undefined when not two characters). */
function wholeWordsAtStart(phrase: string, max: number): string | undefined {
  let start = '';
  for (const text of namingWords(phrase)) {
    if (start.length + text.length > max) break;
    start += text;
  }
  return start.length >= 2 ? start : undefined;
}

/**
 * A verb before 乡 or 镇 that begins a word with 村, 镇 or 街 (“覆盖乡村干部”, “组织镇村干部”): the 乡 begins the counted noun
 * (乡村干部), no place's name ends there (水宽乡 2025: “覆盖乡村干部240余人次” was named 村干部). “开展镇重大事项备案审查” (the
 * town's) is still cut after 镇.
 */
const VERB_FIRST = new RegExp(`^(?:${VERBS.source})`);

/**
 * 已 before a verb of one character that begins the counted noun (“已结案件11件”, 巫山县司法局 2024): the status names the
 * things counted (cases closed), it is no time word to drop — cut, the name read 结案件. 已 before a verb of its own word
 * (已完成整改, 已建立) still goes.
 */
function keepStatusOfBoundVerb(lead: string, _at: number, all: string): string {
  if (lead !== '已') return '';
  const rest = all.slice(1);
  const first = rest.length >= 3 ? chineseWords(rest)[0]?.text : undefined;
  return first?.length === 1 && /\p{Script=Han}/u.test(first) ? lead : '';
}

function tidy(clause: string, org?: string): string {
  let s = clause.replace(/[\s\u3000]/g, '');
  const orgStem = org?.replace(/(?:人民政府|政府|办事处|党委)$/, '');
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    if (orgStem && s.startsWith(orgStem)) s = s.slice(orgStem.length);
    s = s.replace(/^[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道)(?!级)(?=(?:党委|政府|人民政府|办事处)?[\u4e00-\u9fff]{2})(?:党委政府|党委|人民政府|政府|办事处)?/, (m, _at: number, all: string) => (/^(?:乡镇|城镇|村镇|集镇)/.test(m) || (VERB_FIRST.test(m) && /^[村镇街]/.test(all.slice(m.length))) ? m : ''));
    s = s.replace(LEADING, keepStatusOfBoundVerb);
    if (!HANDS_OVER.test(s)) s = s.replace(TRAILING, '');
    if (s === before) break;
  }
  return s;
}

/**
 * Verbs whose object follows the amount (“听取5家单位现场述法”, “保留5支行政执法队伍”, “共推出168项改革任务”,
 * “实现188项涉企经营事项……”, “对照100项三级指标”, “择优推荐5家单位”, “明确212家检查企业清单”): a phrase ending in one names the noun after. Not in VERBS, which also trims long
 * names: “保留行政规范性文件13件” beside “废止行政规范性文件4件” keeps its 保留.
 */
const OBJECT_FIRST_VERB_END = /(?:听取|保留|撤销|推出|实现|施行|对照|推荐|明确|指导|督促)$/;

/**
 * A scope at the end of a phrase (“面向全区31个社区”, “市本级60个部门”, “下沉全镇9个村(社区)”, “覆盖辖区25个社区”): where the
 * counted things are, not what they are; the noun after names them, with the scope in front when short (全区社区, 市本级部门).
 */
const SCOPE_END = /(?:全|本)(?:省|市|区|县|镇|乡|街道)$|[省市区县]本级$|辖区$/;
/**
 * Tiers at the end of a phrase (“市县乡三级1110名党政主要负责同志”, “县乡两级”): which levels the counted things are
 * at, not what they are; the noun after names them (沈阳市 2025).
 */
const TIERS_END = /[一二两三四五六]级$/;
/** A body's short name for itself after a verb (完成厅…, 审查局…). */
const OWN_BODY_END = /[厅局委办]$/;

/** Does a phrase end in a verb or a word that wants its object after the number ("召开了", "保障", "加强对")? */
export function wantsNounAfter(phrase: string): boolean {
  if (phrase.length < 2 || /[对向为在给把将]$/.test(phrase) || HANDS_OVER.test(phrase) || SCOPE_END.test(phrase) || TIERS_END.test(phrase)) return true;
  const lastVerb = [...phrase.matchAll(VERBS)].pop();
  if (!!lastVerb && lastVerb.index! + lastVerb[0].length === phrase.length) return true;
  // “全年完成厅14件行政规范性文件”: a verb and the body's own short name (厅 for 我厅), the object after the number.
  if (!!lastVerb && lastVerb.index! + lastVerb[0].length === phrase.length - 1 && OWN_BODY_END.test(phrase)) return true;
  return OBJECT_FIRST_VERB_END.test(phrase);
}

/**
 * The name for a figure: the phrase before it, or the noun after it when the phrase is only a verb;
 * shortened to the object of its last verb when long. Only letters (a name may hold no digits or
 * marks). Undefined when there are no words to name it by.
 */
export function figureName(phrase: string, after: string, percent: boolean): string | undefined {
  let name = phrase;
  if (percent) {
    // "参考率、通过率和优秀率100%": rates listed with 和 share the number; the last names it.
    const tail = (name.split('的').pop() ?? name).split(/(?<=率|比例|比重)[和及与]/).pop()!;
    const rate = /([\p{Script=Han}]{1,8}?(?:率|比例|比重|占比))$/u.exec(tail);
    if (rate) name = rate[1]!.length < tail.length ? (wholeWordsAtEnd(tail, rate[1]!.length) ?? rate[1]!) : rate[1]!;
  } else if (wantsNounAfter(name) && nounAfter(after).length >= 2 && !(name.length >= 3 && name.endsWith('等') && nounAfter(after).length > EXAMPLES_NOUN_MAX)) {
    const noun = nounAfter(after);
    const scope = SCOPE_END.exec(name)?.[0];
    name = scope ?? name;
    name = name.length >= 2 && !HANDS_OVER.test(name) && name.length + noun.length <= (scope ? 10 : 8) ? name + noun : noun;
  }
  name = name.replace(HANDS_OVER, '');
  name = name.replace(YEAR_IN_NAME, '').replace(WIDENERS, '').replace(/[^\p{Script=Han}A-Za-z]/gu, '');
  // "现区级保留的政务服务事项" → 政务服务事项: the noun after 的 when it is short enough, else the words before it.
  // But a status before 的 sets the counted things apart (应领证的正式工作人员, 未结案的复议案件): it names them.
  if (name.length > 8 && name.includes('的')) {
    const head = name.split('的')[0]!;
    const tail = name.split('的').pop()!;
    const headFits = head.length >= 2 && head.length <= 6;
    name = headFits && STATUS.test(head) ? head : tail.length >= 2 && tail.length <= 8 ? tail : headFits ? head : tail;
  }
  if (name.length > 8) {
    // The last verb with an object after it: "组织开展专题培训" → 开展专题培训 (培训 ends the name as its noun).
    const last = [...name.matchAll(VERBS)].filter((v) => name.length - v.index! - v[0].length >= 2).pop();
    if (last && name.length - last.index! <= 8 && name.length - last.index! > last[0].length) name = name.slice(last.index!);
    else if (last && name.length - last.index! - last[0].length >= 2) name = name.slice(last.index! + last[0].length);
  }
  if (name.length > 8) name = name.split(/[和及与]/).pop()!;
  if (name.length > 10) {
    // "党委理论学习中心组法治学习" → 法治学习, "梳理编制下蜀镇基本履职事项清单" → 基本履职事项清单: what follows
    // the last body, group or place word.
    // Two characters left ("召开党委理论学习中心组学习" → 学习) say too little: the last whole words instead (中心组学习).
    const cut = afterLastBody(name);
    const rest = cut ? name.slice(cut) : '';
    name = rest.length >= 3 ? rest : (wholeWordsAtEnd(name, 6) ?? name.slice(-6));
  }
  // Joining and rounding words in front go, not the first character of a word (及时率, 超期办理, 与会人员).
  name = name.replace(/^(?:[约逾的]|近(?![期平])|超过|超(?![期标时])|和(?![谐解睦])|及(?![时早格])|与(?!会))+/, '');
  return name.length >= 2 && !RESERVED.has(name) ? name : undefined;
}

/** How a word naming a body, group or place ends: 中心组, 党工委, 委员会, 司法所, 下蜀镇, 系统, 街道 (not 组织, 部署). */
const BODY_WORD_END = /(?:组|部|[会所站办局委的镇乡]|系统|街道)$/;

/**
 * Where the words after the last body, group or place word start (0: none), at a word's end only: the 会 of
 * 会议 is no body ("理论学习中心组等会议学习" → 会议学习, not 议学习), nor the 办 of 办理 or the 乡 of 乡村.
 */
function afterLastBody(name: string): number {
  let cut = 0;
  for (const { text, at } of chineseWords(name)) {
    const end = at + text.length;
    // 会前学法, 会后, 会上: the 会 of a meeting's time begins the words after (常务会议会前学法 → 会前学法).
    if (name.length - end >= 2 && BODY_WORD_END.test(text)) cut = text.endsWith('会') && /^[前后上]/.test(name.slice(end)) ? end - 1 : end;
  }
  return cut;
}

/**
 * The longest end of a phrase made of whole words and at most `max` characters: "新进人员执法资格证参考率"
 * cut to 9 characters is "员执法资格证参考率", in whole words "执法资格证参考率". Undefined when no two characters are whole words.
 */
function wholeWordsAtEnd(phrase: string, max: number): string | undefined {
  const segments = namingWords(phrase);
  let end = '';
  let i = segments.length - 1;
  for (; i >= 0 && end.length + segments[i]!.length <= max; i--) end = segments[i]! + end;
  // A character the segmenter left alone beside another one left alone is likely half of a word it did not know
  // (镇街负责人 cut to 9 is “街负责人……”, 依法治市委员会会议 cut to 6 “市委员会会议”): not the start of a name.
  const first = segments[i + 1];
  // A numeral begins its word (一级支流).
  if (i >= 0 && first?.length === 1 && !/[一二三四五六七八九十两]/.test(first) && segments[i]!.length === 1 && end.length - 1 >= 2) end = end.slice(1);
  return end.length >= 2 ? end : undefined;
}

const RESERVED = new Set(['年度', '机关', '标题', '日期', '上年度', '下年度', '同比', '增减']);
