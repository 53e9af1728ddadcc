// Report checks on wording: 今年来 / 2021年来 for 以来 (BG713), 截止 for 截至 (BG718), 2022年五月 (BG720), words
// often confused (BG721), the leader's name (BG722), run-in 一是、二是 out of order (BG723), 为指导 without 以
// (BG725), a document number's brackets (BG614), 召开 a body where its meeting goes (BG751), and headings — one ending in 。 where it stands alone
// (BG714), one run into its first item (BG728). Last year's work in this year's report (BG712) is in
// lastYearsPlan.ts, the report's title (BG724, BG726, BG729, BG731) in reportTitle.ts, a word or a clause
// written twice (BG727, BG733) in doubled.ts.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { ReportModel } from '../model.js';
import { printInlines } from '../printed.js';
import { joined, NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { cachedPerBlock, checksOfOneWalk, ruledOutInBatch } from './blockCache.js';
import { summariesOf } from './blockSummaries.js';
import { sameStructure } from './structureMemo.js';
import { DOCUMENT_NUMBER_BRACKETS, DOCUMENT_NUMBER_UNCLOSED, lineDiagnostic, located, proseBlocks, type ProseBlock } from './prose.js';
import { allMatches } from '../matches.js';
import { isWhiteSpace } from '../whiteSpace.js';
import { unitSet } from '../unitSet.js';
import { blockHas } from './proseHas.js';

export const wordingCodes: CodeInfo[] = [
  {
    code: 'BG751', severity: 'warning', title: '“召开”后面是机构不是会议',
    description: '召开的是会议，不是机构：“召开区委依法治区委员会”“召开县法治政府建设工作领导小组”少了“会议”，应写作“召开区委依法治区委员会会议”“召开……领导小组会议”。只查“召开”后面同一分句里紧接着以“委员会”“领导小组”结尾、随后是标点的写法；“召开……委员会会议”“召开……委员会第三次会议”“召开党委会”不报。',
    example: '召开区委依法治区委员会，传达省委全面依法治省委员会会议精神。', fix: '在机构名称后补上“会议”（不是安全修复：也可能是“第×次会议”）',
  },
  {
    code: 'BG713', severity: 'warning', title: '“今年来”应为“今年以来”',
    description: '“今年来”“2021年来”少了“以”：表示从某时起到现在应写“今年以来”“2021年以来”。（“近年来”“多年来”“三年来”是正确的。）',
    example: '今年来，我镇共调处矛盾纠纷……', fix: '补上“以”（安全）',
  },
  {
    code: 'BG714', severity: 'warning', title: '标题末尾有句号、分号或冒号',
    description: '单独成行的标题末尾不加句号，也不加分号或冒号（“一、主要举措和成效：”“一、上一年度推进法治政府建设的主要举措和成效；”）。二级标题接排在正文前（“（一）标题。正文”）时句号由排版加上，不报（检查 Word 或文本原稿时，原稿接排的“（一）”式标题即使因摘录缺少“一、”而成了一级标题也不报；原稿接排在正文前的“一、”式标题报为接排：一级标题应单独成行）；超过30个字、中间还有逗号等标点的“标题”多半是带序号的句子，也不报（没有的仍报：“一、深入学习贯彻党的二十大和二十届三中全会关于法治建设重大部署情况。”；下面有下一级标题的仍报：“一、履行推进法治建设第一责任人职责，学习宣传贯彻党的二十大精神及习近平法治思想。”下有“（一）”“（二）”，它是标题，不是句子）。',
    example: '# 主要举措和成效。', fix: '删去句号、分号或冒号（安全）',
  },
  {
    code: 'BG718', severity: 'warning', title: '“截止”应为“截至”',
    description: '“截至”是“到某时为止”，后面跟时间（截至目前、截至2023年底）；“截止”是“到期停止”，用在时间之后（报名于5月31日截止、截止日期）。“截止到”也可以。',
    example: '截止目前，全镇共调处矛盾纠纷……', fix: '改为“截至”（安全）',
  },
  {
    code: 'BG720', severity: 'warning', title: '日期中数字写法不一',
    description: '公历日期的年、月、日用同一种数字：“2022年5月”“2022年5月15日”，不写“2022年五月”“5月十五日”（GB/T 15835《出版物上数字用法》）。全用汉字的日期（二〇二二年五月）不报。',
    example: '2022年五月，组成三个督导组……', fix: '把月、日改为阿拉伯数字（安全）',
  },
  {
    code: 'BG721', severity: 'warning', title: '易混用的词',
    description: '音近形近、常被混用的词：与“义务”相对的是“权利”（行使权利、履行义务），不是“权力”（机关依法行使的职权）；提升、提高、增强的是“能力”，“提升依法行政权力”应为“提升依法行政能力”（“提高权力运行透明度”“规范权力运行”不报）；比率、数量“达到”多少，不是“到达”；整理事项、清单、流程是“梳理”，不是“疏理”（疏通，如疏理河道）。只在搭配明确时报告。',
    example: '引导居民正确行使权力、履行义务；参考率、通过率均到达100%', fix: '改为正确的词（安全）',
  },
  {
    code: 'BG722', severity: 'error', title: '领导人姓名写错',
    description: '“习近平新时代中国特色社会主义思想”“习近平法治思想”“习近平总书记”中的姓名错了一个字（常见于转载网站替换的形近字，如“习菦平”），或简称为“习总书记”“习总”（公文中领导人姓名不用简称，应写全“习近平总书记”），或思想的名称里把姓名写成了职务（“总书记法治思想”“总书记新时代中国特色社会主义思想”，常见于范文网站去掉姓名的转载），或把要学习贯彻的“习近平法治思想”写成了“法治思想”（“深入学习贯彻法治思想”“把学法治思想列入……”）：这是严重的政治性差错，请改正。“学习总书记重要讲话”中的“习总”、“习近平总书记法治思想”不报；泛指的“法治意识和法治思想”“树立法治思想”也不报。',
    example: '以习菦平新时代中国特色社会主义思想为指导；坚持以习总书记系列重要讲话精神为导向；学习贯彻总书记法治思想；全面学习贯彻法治思想', fix: '改为“习近平”“习近平总书记”（安全）；“法治思想”前补上“习近平”（不是安全修复）',
  },
  {
    code: 'BG723', severity: 'warning', title: '“一是”“二是”的序号不连续',
    description: '接排在段中的“一是……二是……三是……”序号不连续：标题或列表项下的第一项不是“一是”（“……提升学法守法水平。二是积极引导……”前面没有“一是”），或跳过、重复了一个（一是……三是……）。多半是删改内容时漏改了序号。同一部分里可以跨段接着数；从“一是”重新数起不报；第一个标题之前（摘录的开头）不查；“之一是”“第一是”“其一是”“统一是”不是序号。',
    example: '## 加强法治培训\n组织会议学习10余次，提升学法守法水平。二是积极引导乡村两级干部……', fix: '无自动修复',
  },
  {
    code: 'BG725', severity: 'warning', title: '“为指导”前缺“以”',
    description: '“以……为指导”“以……为根本遵循”少了“以”，两种句式杂糅在一起（“我局深入贯彻落实习近平生态文明思想为指导”）：应写作“以……为指导”，或改成“深入贯彻落实……”而删去“为指导”。查“为指导”“为指引”“为根本遵循”“为统领”所在的分句（从上一个逗号、句号等算起；逗号后接“尤其是”“特别是”的，仍算同一分句：“以习近平新时代中国特色社会主义思想，尤其是习近平法治思想为指导”）里有没有“以”；“作为指导”“视为”等和“把……作为……”不报。',
    example: '2020年，我局深入贯彻落实习近平生态文明思想为指导，认真贯彻落实全国生态环境保护大会精神', fix: '无自动修复',
  },
  {
    code: 'BG728', severity: 'warning', title: '标题和“一是”连在了一起',
    description: '标题里连着下文的“一是”（“（二）持续提高依法行政水平一是健全行政决策程序。严格落实……”）：标题后漏了句号，第一项接进了标题，导入后整句成了标题。标题后加句号（二级标题接排在正文前），“一是……”归入正文。“统一是”“唯一是”“第一是”等词里的“一是”不报。',
    example: '## 持续提高依法行政水平一是健全行政决策程序', fix: '在“一是”前断开：标题后加句号，“一是……”归入正文（无自动修复）',
  },
  {
    code: 'BG614', severity: 'warning', title: '发文字号的括号有误',
    description: '发文字号中的年份用六角括号“〔〕”（GB/T 9704—2012《党政机关公文格式》）：“人社部发〔2016〕82号”，不写“[2016]”“(2016)”“【2016】”（常见于网页和 Word 自动替换）。年份后漏了“〕”、年份和序号连在一起的（“国发〔201033号”）也报，改为“国发〔2010〕33号”。',
    example: '（人社部发[2016]82号）', fix: '改为“〔2016〕”（安全）',
  },
];
registerCodes(wordingCodes);

// ---------------------------------------------------------------- 今年来

/**
 * 今年来 / 2021年来 at the start of a clause, or followed by a comma or a word that counts since then —
 * not 专家今年来我镇调研 (came to), not 2021年来自群众的诉求 (came from).
 */
const SINCE_WITHOUT_YI = /(?:(?<=^|[，。；：！？,;:!?\s])(今年|去年|\d{4}年)来(?![自源到临往看访])|(今年|去年|(?<![\d.])\d{4}年)来(?=[，,、]|共|累计|先后))/g;

function sinceWithoutYi(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  return wordSlips(model, block, '年来', SINCE_WITHOUT_YI, (m) => {
    const since = m[1] ?? m[2]!;
    const at = m.index! + since.length;
    return { code: 'BG713', end: at + 1, message: `“${m[0]}”应为“${since}以来”。`, fix: { title: `改为“${since}以来”`, from: at, to: at, newText: '以' } };
  });
}

/** 截止 right before a point in time: 截止目前, 截止2023年底, 截止12月 (not 截止到, 截止日期, 于5月截止). */
const UP_TO_WITH_ZHI = /截止(?=目前|当前|现在|今天|今年|本年|本月|年底|年末|上半年|日前|发稿|\d{4}\s*年|\d{1,2}\s*月|[〇○零一二三四五六七八九十]{1,4}[年月])/g;

/**
 * 召开 with a body where its meeting goes: “召开区委依法治区委员会，传达……”. The body's name ends the clause (a mark
 * follows); “……委员会会议”, “……委员会第三次会议”, “……委员会(扩大)会议” go on and are left alone. Bounded: at most 24
 * characters from 召开, none a mark.
 */
const CONVENED_BODY = /召开(?:了)?([^，。；：！？,;:!?、“”《》()（）\s]{1,24}?(?:委员会|领导小组))(?=[，。；：！？,;:!?、]|$)/g;

function convenedBody(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const line of block.lines) {
    if (!line.text.includes('召开')) continue;
    for (const m of allMatches(CONVENED_BODY, line.text)) {
      // 召开会议传达……委员会: the meeting is named already.
      if (m[1]!.includes('会议')) continue;
      const end = m.index! + m[0].length;
      (out ??= []).push(lineDiagnostic(model, line, 'BG751', m.index!, end,
        `“${m[0]}”：召开的是会议，不是机构，“${m[1]}”后面少了“会议”。`,
        [{ title: '补上“会议”', safe: false, edits: [{ from: end, to: end, newText: '会议' }] }]));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

function upToWithZhi(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  return wordSlips(model, block, '截止', UP_TO_WITH_ZHI, (m) => ({
    code: 'BG718', end: m.index! + 2, message: '“截止”后面跟时间时应为“截至”（到某时为止）：请改为“截至”。',
    fix: { title: '改为“截至”', from: m.index! + 1, to: m.index! + 2, newText: '至' },
  }));
}

// ---------------------------------------------------------------- 2022年五月

/** A month or day in Chinese numerals after a year or month in digits: 2022年五月, {年度}年五月 (a field prints digits; \uE000 is FIGURE_MARK of prose.ts), 5月十五日. */
const MIXED_DATE = /(?<=(?:(?<!\d)\d{4}|\uE000)\s{0,4}年\s{0,4})(十[一二]?|[一二三四五六七八九])(?=\s*月)|(?<=(?<!\d)\d{1,2}\s{0,4}月\s{0,4})(三十一?|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*[日号])/g;

/** 一 … 三十一 as a number. */
function chineseDayOrMonth(text: string): number {
  const digit = (c: string | undefined) => (c ? '一二三四五六七八九'.indexOf(c) + 1 : 0);
  const ten = text.indexOf('十');
  if (ten < 0) return digit(text);
  return (ten === 0 ? 1 : digit(text[0])) * 10 + digit(text[ten + 1]);
}

/**
 * The lines worth MIXED_DATE's lookbehinds, which V8 tries at every character: a 月 (both forms have one),
 * and a Chinese numeral right before 月, 日 or 号 (most lines with 月 have digits: 5月).
 */
const CHINESE_MONTH_OR_DAY = /[一二三四五六七八九十]\s*[月日号]/;
const mayHaveMixedDate = (text: string) => text.includes('月') && CHINESE_MONTH_OR_DAY.test(text);

function mixedDates(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  return wordSlips(model, block, mayHaveMixedDate, MIXED_DATE, (m) => {
    const digits = String(chineseDayOrMonth(m[0]));
    const what = m[1] ? '月份' : '日';
    return {
      code: 'BG720', end: m.index! + m[0].length, message: `日期里${m[1] ? '年份' : '月份'}用了阿拉伯数字，${what}“${m[0]}”却用汉字：应统一写作“${digits}”。`,
      fix: { title: `改为“${digits}”`, from: m.index!, to: m.index! + m[0].length, newText: digits },
    };
  });
}

// ---------------------------------------------------------------- words often confused, the leader's name

/**
 * 权力 paired with 义务 (权力和义务, 行使权力、履行义务): 权利; 权力 raised (提升依法行政权力, 提高履职权力 ending its phrase; 双河街道
 * 2023): 能力 — not 提高权力运行透明度, where 权力 begins the words raised; 到达 before an amount (or a figure, \uE000 of prose.ts): 达到;
 * 疏理 (dredge: 疏理河道) of 事项, 清单, 流程 … in the clause: 梳理 (sort out).
 */
const CONFUSED = /权力(?=\s?[和与及、，,]?\s?(?:履行|承担|尽到)?义务)|权力(?<=(?:提升|提高|增强)(?:依法行政|依法履职|依法|履职|执法|行政)?权力)(?![\u4e00-\u9fff])|到达(?=\s?\uE000|\s?\d+(?:\.\d+)?\s?(?:[%％]|(?:万|亿)?(?:人|件|起|次|个|项|家|份|场|元)))|疏理(?=[^，。；：,;:]{0,16}?(?:事项|清单|流程|问题|制度|文件|职责|权责))/g;
/** One pass for the words CONFUSED starts at (four searches of every line cost more than the check). */
const CONFUSABLE = /权力|到达|疏理/;
/** The verbs that raise an ability (提升依法行政能力), never a power. */
const RAISES = /提升|提高|增强/;
const mayConfuse = (text: string) => CONFUSABLE.test(text) && ((text.includes('权力') && (text.includes('义务') || RAISES.test(text))) || text.includes('到达') || text.includes('疏理'));
/** After 权力: the 义务 it is paired with. */
const DUTY_AFTER = /^\s?[和与及、，,]?\s?(?:履行|承担|尽到)?义务/;
const CONFUSED_PAIRS: Record<string, [string, string]> = {
  权力: ['权利', '与“义务”相对的是“权利”'],
  到达: ['达到', '比率、数量用“达到”'],
  疏理: ['梳理', '整理事项、清单用“梳理”（“疏理”是疏通，如疏理河道）'],
};
const RAISED_ABILITY: [string, string] = ['能力', '提升、提高、增强的是“能力”（依法行政能力），机关的“权力”依法授予，不是提升的对象'];

function confusedWords(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  return wordSlips(model, block, mayConfuse, CONFUSED, (m) => {
    const wrong = m[0];
    // 权力 not paired with 义务 is the one raised (提升依法行政权力): 能力.
    const raised = wrong === '权力' && !DUTY_AFTER.test(m.input!.slice(m.index! + 2));
    const [right, why] = raised ? RAISED_ABILITY : CONFUSED_PAIRS[wrong]!;
    return { code: 'BG721', end: m.index! + 2, message: `“${wrong}”应为“${right}”：${why}。`, fix: { title: `改为“${right}”`, from: m.index!, to: m.index! + 2, newText: right } };
  });
}

/**
 * 习近平 with one character wrong, before one of the titles it stands in; or shortened to 习总书记 / 习总 (an
 * old report's “以习总书记系列重要讲话精神为导向”) — not the 习 of 学习 / 复习 … before 总书记 (学习总书记重要讲话); or
 * 总书记 for the name in a thought's title (“学习贯彻总书记法治思想”, a sharing site's way with the name).
 */
const LEADER_MISTYPED = /习(?:近(?!平)[\u4e00-\u9fff]|(?!近)[\u4e00-\u9fff]平)(?=新时代|法治思想|总书记|同志|生态文明思想|经济思想|外交思想|强军思想|文化思想)|(?<![学复练实研温见自补演预讲修陋恶积])习总(?:书记)?(?![结体理务部局额量数值队])|(?<!平|习近[\u4e00-\u9fff])总书记(?=(?:新时代中国特色社会主义|法治|生态文明|经济|外交|强军|文化)思想)/g;

/**
 * “法治思想” as the thought a report studies and carries out (学习贯彻法治思想, 把学法治思想列入…, 一是将法治思想作为…,
 * 以法治思想为统领, 以……思想和法治思想为指导), its name 习近平 left out; not 法治意识和法治思想 nor 树立法治思想 (a way of thinking).
 */
const STUDIED_BEFORE = /(?:学习|贯彻|践行|宣传|宣讲|领会|领悟|落实|研读|阐释|[学把将以]|围绕|思想[和、与及])$/;

function leaderName(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  const misnamed = mistypedLeaderName(model, block);
  const unnamed = thoughtWithoutName(model, block);
  return misnamed.length === 0 ? unnamed : unnamed.length === 0 ? misnamed : [...misnamed, ...unnamed];
}

/** BG722: 习近平法治思想 written 法治思想 where the report studies or follows it. */
function thoughtWithoutName(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  if (!blockHas(block, '法治思想')) return NO_DIAGNOSTICS;
  let out: Diagnostic[] | undefined;
  for (const line of block.lines) {
    const text = line.text;
    // Each 法治思想 is found by search and the few characters before it tested (no lookbehind tried at every character).
    for (let at = text.indexOf('法治思想'); at >= 0; at = text.indexOf('法治思想', at + 4)) {
      if (!STUDIED_BEFORE.test(text.slice(Math.max(0, at - 3), at))) continue;
      (out ??= []).push(lineDiagnostic(model, line, 'BG722', at, at + 4, '“法治思想”前少了“习近平”：报告学习贯彻的是“习近平法治思想”，应写全称。', [
        { title: '补上“习近平”', safe: false, edits: [{ from: at, to: at, newText: '习近平' }] },
      ]));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

function mistypedLeaderName(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  return (
    wordSlips(model, block, (text) => text.includes('习') || text.includes('总书记'), LEADER_MISTYPED, (m) => {
      if (m[0] === '总书记') {
        // “学习贯彻总书记法治思想”: the thought bears the leader's name, not his office (sharing sites drop the name).
        return {
          code: 'BG722', end: m.index! + 3, message: '思想的名称里是领导人的姓名，不是职务：“总书记”应为“习近平”（如“习近平法治思想”）。',
          fix: { title: '改为“习近平”', from: m.index!, to: m.index! + 3, newText: '习近平' },
        };
      }
      if (m[0].startsWith('习总')) {
        const full = '习近平总书记';
        return {
          code: 'BG722', end: m.index! + m[0].length, message: `“${m[0]}”是领导人姓名的简称：公文中应写全“${full}”。`,
          fix: { title: `改为“${full}”`, from: m.index!, to: m.index! + m[0].length, newText: full },
        };
      }
      return {
        code: 'BG722', end: m.index! + 3, message: `“${m[0]}”应为“习近平”：姓名写错是严重差错，请改正。`,
        fix: { title: '改为“习近平”', from: m.index!, to: m.index! + 3, newText: '习近平' },
      };
    })
  );
}

// ---------------------------------------------------------------- run-in 一是、二是

/** A run-in item's number (一是 … 十二是, 一 是 with a page's space) — not 之一是, 第一是, 其一是, 统一是, 唯一是, 再三是 …. */
const RUN_IN = /(?<![第之其统唯同万专单逐划不归合周星礼初再])(十[一二三四五六七八九]?|[一二三四五六七八九])\s?是/g;
/** The numerals a run-in item's number has, by code. */
const RUN_IN_NUMERAL = unitSet('一二三四五六七八九十');

/**
 * Whether a numeral stands before a 是 (a space between at most: /[一二三四五六七八九十]\s?是/): each 是 is found by
 * search and the one or two characters before it read (a class tried at every character cost three times as much).
 */
function mayRunIn(text: string): boolean {
  for (let at = text.indexOf('是', 1); at >= 0; at = text.indexOf('是', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (RUN_IN_NUMERAL[before] || (at > 1 && isWhiteSpace(before) && RUN_IN_NUMERAL[text.charCodeAt(at - 2)])) return true;
  }
  return false;
}
const NUMERALS = '一二三四五六七八九';
const numberOf = (numeral: string) => (numeral.startsWith('十') ? 10 + NUMERALS.indexOf(numeral[1] ?? '') + 1 : NUMERALS.indexOf(numeral) + 1);
const numeralOf = (n: number) => (n < 10 ? NUMERALS[n - 1]! : `十${n > 10 ? NUMERALS[n - 11]! : ''}`);

interface RunInMark { line: number; at: number; end: number; n: number }
/** A block's run-in numbers, and whether it opens a part (a heading, a list item) where they start at 一是. */
interface RunInMarks { opens: boolean; marks: RunInMark[] }

/**
 * BG723: 一是、二是 … counted through a part (a heading's paragraphs, a list item): each must be the next, or
 * 一是 again. What a block holds is found once and remembered (summariesOf), so a keystroke reads one block.
 */
function runInOrder(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, (text) => /[二三四五六七八九十]\s?是/.test(text))) return [];
  const blocks = proseBlocks(model);
  const hits = summariesOf<ProseBlock, RunInMarks>('run-in-order', blocks, (block) => {
    let marks: RunInMark[] | undefined;
    const lines = block.lines;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!.text;
      // RUN_IN's lookbehind is tried at every character: only lines with a numeral before 是 are worth it.
      if (!mayRunIn(text)) continue;
      for (const m of allMatches(RUN_IN, text)) (marks ??= []).push({ line: i, at: m.index!, end: m.index! + m[0].length, n: numberOf(m[1]!) });
    }
    return block.opensPart || marks ? { opens: block.opensPart, marks: marks ?? [] } : undefined;
  });
  const out: Diagnostic[] = [];
  // Unknown before the first part opens: an excerpt may begin at 三是.
  let expected: number | undefined;
  for (const { index, found } of hits) {
    if (found.opens) expected = 1;
    for (const mark of found.marks) {
      if (mark.n !== 1 && expected !== undefined && mark.n !== expected) {
        const line = blocks.at(index)!.lines[mark.line]!;
        const shown = `${numeralOf(mark.n)}是`;
        const why = expected === 1 ? `这一部分前面没有“一是”` : `上一项是“${numeralOf(expected - 1)}是”，这里应是“${numeralOf(expected)}是”`;
        out.push(lineDiagnostic(model, line, 'BG723', mark.at, mark.end, `接排的序号“${shown}”不连续：${why}。多半是删改时漏改了序号，请核对。`));
      }
      expected = mark.n + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------- a heading run into its first item

/** 一是 starting an item, not inside a word (统一是, 唯一是, 第一是, 同一是 …). */
const FIRST_ITEM = /(?<![统唯第同逐单划专万如合归一])一是/;

/** BG728: a heading that runs on into the first item under it (……水平一是健全行政决策程序). */
function headingRunIntoItem(model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const placed of model.blocks) {
    const heading = placed.block;
    if (heading.kind !== 'heading') continue;
    for (const inline of heading.content) {
      if (inline.kind !== 'text') continue;
      const m = FIRST_ITEM.exec(inline.text);
      if (!m || m.index === 0) continue;
      const text = printInlines(heading.content, placed.scope, model.figures).trim();
      if (text.indexOf('一是') < 4) break;
      const at = inline.start + m.index;
      out.push(located(model, placed.scope, diagnostic('BG728', { start: at, end: at + 2 },
        `标题“${text}”连着下文的“一是”：标题后漏了句号，“${text.slice(text.indexOf('一是'))}”是正文的第一项，应在“一是”前断开。`)));
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- a document number's brackets

function documentNumbers(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  const other = wordSlips(model, block, '号', DOCUMENT_NUMBER_BRACKETS, (m) => {
    const fixed = `〔${m[2]}〕`;
    return {
      code: 'BG614', end: m.index! + m[0].length, message: `发文字号的年份“${m[0]}”应使用六角括号：写作“${fixed}”。`,
      fix: { title: `改为“${fixed}”`, from: m.index!, to: m.index! + m[0].length, newText: fixed },
    };
  });
  const unclosed = wordSlips(model, block, '〔', DOCUMENT_NUMBER_UNCLOSED, (m) => {
    const fixed = `〔${m[1]}〕`;
    return {
      code: 'BG614', end: m.index! + m[0].length, message: `发文字号的年份“${m[0]}”后漏了后六角括号，年份和序号连在了一起：写作“${fixed}”，再接序号。`,
      fix: { title: `改为“${fixed}”`, from: m.index!, to: m.index! + m[0].length, newText: fixed },
    };
  });
  return unclosed.length ? [...other, ...unclosed] : other;
}

interface WordSlip {
  code: string;
  end: number;
  message: string;
  fix: { title: string; from: number; to: number; newText: string };
}

/** A slip of wording at each match of `pattern` in the block's lines that contain (or match) `quick`, with its safe fix. */
function wordSlips(model: ReportModel, block: ProseBlock, quick: string | ((text: string) => boolean), pattern: RegExp, slip: (m: RegExpMatchArray) => WordSlip): readonly Diagnostic[] {
  // Nothing is made for the many blocks without a slip: a batch check runs this six times a block.
  let out: Diagnostic[] | undefined;
  const lines = block.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (typeof quick === 'string' ? !line.text.includes(quick) : !quick(line.text)) continue;
    for (const m of allMatches(pattern, line.text)) {
      const { code, end, message, fix } = slip(m);
      (out ??= []).push(lineDiagnostic(model, line, code, m.index!, end, message, [{ title: fix.title, safe: true, edits: [{ from: fix.from, to: fix.to, newText: fix.newText }] }]));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

// ---------------------------------------------------------------- ……为指导 without 以

/** The words of “以……为指导” that need the 以 in their clause. */
const GUIDED_BY = /为(?:指导|指引|根本遵循|统领)/g;
/** The same, to test a text once (one pass, not one per word). */
const GUIDED_BY_ONE = new RegExp(GUIDED_BY.source);
const mayBeGuided = (text: string) => GUIDED_BY_ONE.test(text);
/** Where a clause begins: after the last of these before the words. */
const CLAUSE_BREAK = '，。；：！？,;:!?';
/** The same by character code, and 以's: a line is read by code, with no string made per character. */
const CLAUSE_BREAK_CODES = new Set([...CLAUSE_BREAK].map((c) => c.charCodeAt(0)));
const YI = '以'.charCodeAt(0);
const isComma = (c: number) => c === 0xff0c || c === 0x2c;
/** 尤其是 / 特别是 after a comma narrow the clause's object: “以……思想，尤其是……思想为指导” is one clause. */
const startsNarrowing = (text: string, at: number) => text.startsWith('尤其是', at) || text.startsWith('特别是', at);

/**
 * BG725: 为指导 with no 以 in its clause (“我局深入贯彻落实习近平生态文明思想为指导”): two patterns mixed.
 * 作为指导 / 视为 … (为 of another word) and a clause with 以 anywhere in it are left alone.
 */
function guidedWithoutYi(model: ReportModel, block: ProseBlock): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (const line of block.lines) {
    const text = line.text;
    if (!mayBeGuided(text)) continue;
    // The clause's start and whether a 以 came since, carried forward: the line is read once, however many matches.
    let read = 0;
    let clauseStart = 0;
    let yiAt = -1;
    for (const m of allMatches(GUIDED_BY, text)) {
      const at = m.index!;
      for (; read < at; read++) {
        const c = text.charCodeAt(read);
        // “以……，尤其是（特别是）……为指导”: the comma sets off a narrower name within the same clause.
        if (CLAUSE_BREAK_CODES.has(c)) {
          if (!(isComma(c) && startsNarrowing(text, read + 1))) clauseStart = read + 1;
        } else if (c === YI) yiAt = read;
      }
      // 为指导乡镇开展工作 (为: in order to) goes on with its object; “以……为指导” ends a clause or joins another.
      const after = text[at + m[0].length];
      if (after !== undefined && !`${CLAUSE_BREAK}、和与及`.includes(after)) continue;
      if (/[作视成认]/.test(text[at - 1] ?? '')) continue;
      if (yiAt >= clauseStart) continue;
      (out ??= []).push(lineDiagnostic(model, line, 'BG725', at, at + m[0].length, `“${m[0]}”所在的分句里没有“以”：应写作“以……${m[0]}”，或删去“${m[0]}”。`));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

// ---------------------------------------------------------------- a heading ending in 。

function headingFullStop(model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  model.blocks.forEach((placed, index) => {
    const heading = placed.block;
    if (heading.kind !== 'heading') return;
    const last = heading.content[heading.content.length - 1];
    if (last?.kind !== 'text' || !/[。．：:；;]\s*$/.test(last.text)) return;
    // A level-2 heading runs into the paragraph after it, where the 。 belongs.
    const next = model.blocks[index + 1]?.block;
    if (heading.level === 2 && next?.kind === 'paragraph') return;
    const text = printInlines(heading.content, placed.scope, model.figures).trim();
    // A numbered sentence taken for a heading (a long one, with a comma or more inside) is not a heading with a
    // stray 。; a long heading of one phrase (“深入学习贯彻党的二十大和二十届三中全会关于法治建设重大部署情况。”) is.
    // So is a long one with headings of its own under it (“一、履行……职责,学习宣传贯彻……。” over its （一）（二）,
    // 安居区 2024): a numbered sentence has no sub-headings, a heading that has them is one whatever its length.
    if ([...text].length > 30 && /[，,；;：:。]/.test(text.slice(0, -1)) && !hasSubheading(model, index, heading.level)) return;
    const at = last.text.search(/[。．：:；;]\s*$/);
    const stop = last.start + at;
    const mark = /[：:]/.test(last.text[at]!) ? '冒号' : /[；;]/.test(last.text[at]!) ? '分号' : '句号';
    out.push(located(model, placed.scope, diagnostic('BG714', { start: stop, end: stop + 1 }, `标题“${text}”单独成行，末尾不加${mark}。`, [
      { title: `删去${mark}`, safe: true, edits: [{ start: stop, end: stop + 1, newText: '' }] },
    ])));
  });
  return out;
}

// ---------------------------------------------------------------- the checks of one prose block, in one walk

/**
 * The block checks above, in one walk over the prose blocks (checksOfOneWalk). A batch check first rules out,
 * by one search of the report's text, those whose words it lacks (the editor's checks remember each block's
 * result, and rule out nothing).
 */
const [sinceWithoutYiCheck, upToWithZhiCheck, convenedBodyCheck, mixedDatesCheck, confusedWordsCheck, leaderNameCheck, documentNumbersCheck, guidedWithoutYiCheck] = checksOfOneWalk('wordingByCheck', [
  { id: 'since-without-yi', codes: ['BG713'] },
  { id: 'up-to-with-zhi', codes: ['BG718'] },
  { id: 'convened-body', codes: ['BG751'] },
  { id: 'mixed-dates', codes: ['BG720'] },
  { id: 'confused-words', codes: ['BG721'] },
  { id: 'leader-name', codes: ['BG722'] },
  { id: 'document-number-brackets', codes: ['BG614'] },
  { id: 'guided-without-yi', codes: ['BG725'] },
], (model) => {
  const since = !ruledOutInBatch(model, (text) => text.includes('年来'));
  const upTo = !ruledOutInBatch(model, (text) => text.includes('截止'));
  const guided = !ruledOutInBatch(model, mayBeGuided);
  // Each check called by name (one call site each, which V8 can inline).
  return cachedPerBlock('wording', proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    if (since) out = joined(out, sinceWithoutYi(model, block));
    if (upTo) out = joined(out, upToWithZhi(model, block));
    out = joined(out, convenedBody(model, block));
    out = joined(out, mixedDates(model, block));
    out = joined(out, confusedWords(model, block));
    out = joined(out, leaderName(model, block));
    out = joined(out, documentNumbers(model, block));
    if (guided) out = joined(out, guidedWithoutYi(model, block));
    return out ?? NO_DIAGNOSTICS;
  });
});

/** Whether the heading at `index` has a heading of a deeper level under it before the next of its own level or above. */
function hasSubheading(model: ReportModel, index: number, level: number): boolean {
  for (let i = index + 1; i < model.blocks.length; i++) {
    const block = model.blocks[i]!.block;
    if (block.kind === 'heading') return block.level > level;
  }
  return false;
}

export const wordingChecks: ReportCheck[] = [
  sinceWithoutYiCheck!,
  upToWithZhiCheck!,
  convenedBodyCheck!,
  mixedDatesCheck!,
  confusedWordsCheck!,
  leaderNameCheck!,
  documentNumbersCheck!,
  { id: 'run-in-order', codes: ['BG723'], run: runInOrder },
  guidedWithoutYiCheck!,
  { id: 'heading-full-stop', codes: ['BG714'], run: (model) => sameStructure('heading-full-stop', model, () => headingFullStop(model)) },
  { id: 'heading-run-into-item', codes: ['BG728'], run: (model) => sameStructure('heading-run-into-item', model, () => headingRunIntoItem(model)) },
];
