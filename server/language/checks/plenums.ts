// Report check BG730: the plenary sessions of the Party's Central Committee listed as of another year — a
// 2025 report guided by “党的二十大和二十届二中、三中全会精神” (last year's wording: the 四中全会 of October
// 2025 left out), or a 2024 report listing the 四中全会 of 2025 (a wrong year). Only a list of two sessions or
// more is read (“二十届二中、三中全会”): it stands for every session so far, where one session named alone
// (“学习贯彻二十届三中全会精神”) may be what was studied that day.
// BG734: a plenum named without 全会 — “讲党的二十届三中报告解读专题党课”, “十九届六中二十届一中全会精神”.
// BG747: a plenum numbered after the congress, not the committee — “党的二十大四中全会” for 二十届四中全会.
// BG748: a plenum said to have passed the five-year plan — it passes the 建议 for it; the plan is the congress's.
// BG753: 历次全会 after the congress without its 届 — “党的二十大及历次全会精神”: the plenums are the committee's.
// BG770: a plenum studied or carried out without its 精神 — “深入学习贯彻党的二十大、二十届二中、三中全会，……”.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { cachedPerBlock, ruledOutInBatch } from './blockCache.js';
import { lineDiagnostic, proseBlocks } from './prose.js';
import { allMatches } from '../matches.js';

export const plenumsCodes: CodeInfo[] = [
  {
    code: 'BG730', severity: 'warning', title: '全会列举与报告年度不符',
    description: '列举的中央全会（“二十届二中、三中全会”）与报告年度对不上：2025年度报告写“党的二十大和二十届二中、三中全会精神”，漏了2025年10月召开的二十届四中全会，多半是沿用了上一年报告的提法；2024年度报告列出2025年才召开的四中全会，则是年度或届次写错了。只看列出两次以上全会的写法（它代表“至今历次全会”），单提一次全会（“学习贯彻二十届三中全会精神”）不报；当届之外的全会、2025年以后的年度不查。宜写“二十届历次全会精神”，或补全。',
    example: '@年度 2025\n\n全面贯彻党的二十大和二十届二中、三中全会精神', fix: '改为“二十届历次全会”（不是安全修复）',
  },
  {
    code: 'BG734', severity: 'warning', title: '全会漏了“全会”二字',
    description: '届次和全会序号后面漏了“全会”：“为全局干部职工讲党的二十届三中报告解读专题党课”应为“二十届三中全会”，“党的十九届六中二十届一中全会精神”在“六中”后漏了“全会、”。“某届X中”后面紧接着的不是“全会”“全体会议”，也不是顿号、逗号或“和”“及”“与”（“二十届二中、三中全会”列举几次全会，只在最后写“全会”）时报告。行末或文末的“某届X中”不报（摘录可能在那里截断）。',
    example: '为全局干部职工讲党的二十届三中报告解读专题党课', fix: '在“X中”后补上“全会”（不是安全修复：列举时还要补上顿号）',
  },
  {
    code: 'BG747', severity: 'warning', title: '全会写成了“某大X中全会”',
    description: '中央全会是某届中央委员会的全体会议，按“届”编号：“党的二十大四中全会”应为“二十届四中全会”（要一并提党的代表大会时写“党的二十大和二十届四中全会”）。“十八大”“十九大”“二十大”紧接着“X中全会”（或列举的“X中、Y中全会”）时报告；“党的二十大和二十届四中全会”“二十大、二十届三中全会”不报。',
    example: '全面贯彻落实党的二十大四中全会会议精神', fix: '把“大”改为“届”（不是安全修复：也可能是漏了“和二十届”）',
  },
  {
    code: 'BG748', severity: 'warning', title: '全会通过的是五年规划的“建议”',
    description: '中央全会审议通过的是制定五年规划的建议（二十届四中全会：《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》；十九届五中全会：“十四五”规划建议），规划纲要由次年的全国人民代表大会审查批准：“党的二十届四中全会通过的“十五五”规划”应为“……“十五五”规划建议”。“全会（审议）通过的”紧接着“十X五”规划（或规划纲要）、后面没有“建议”时报告；“全会通过的“十五五”规划建议”、全会之外的“编制“十五五”规划”不报。',
    example: '认真学习党的二十届四中全会通过的“十五五”规划', fix: '改为“规划建议”（不是安全修复）',
  },
  {
    code: 'BG753', severity: 'warning', title: '“历次全会”前漏了届次',
    description: '历次全会是某届中央委员会的全会，要写明届次：“党的二十大及历次全会精神”“党的二十大精神和历次全会精神”“党的十九大历次全会”应为“党的二十大和二十届历次全会精神”“党的十九大和十九届历次全会”。“十八大”“十九大”“二十大”（或其后的“精神”）紧接着“历次全会”，或只隔着“和”“及”“与”“、”时报告；“二十届历次全会”“市委历次全会”不报。',
    example: '全面落实党的二十大及历次全会精神', fix: '在“历次全会”前补上届次（不是安全修复）',
  },
  {
    code: 'BG770', severity: 'warning', title: '学习贯彻全会漏了“精神”',
    description: '学习、贯彻、落实、领会、传达的是全会精神，不是全会本身：“深入学习贯彻党的二十大、二十届二中、三中全会，贯彻落实……”应为“……三中全会精神”。只查带届次或序号的全会（“二十届三中全会”“历次全会”“十五届十次全会”）紧接着逗号、句号、分号，而它所在的分句里有“学习”“贯彻”“落实”“领会”“传达”“宣传”“践行”的写法；“全会精神”“全会关于……的部署”“全会、全国教育大会精神”（列举，精神在最后）、“召开县委十四届五次全会，”（分句里没有学习贯彻）不报。',
    example: '深入学习贯彻党的二十大、二十届二中、三中全会，贯彻落实党中央关于全面依法治国的重大决策部署。', fix: '在“全会”后补上“精神”（不是安全修复）',
  },
];
registerCodes(plenumsCodes);

/** The Central Committees (届) and, for each, its plenary sessions (中全会) and when they were held. */
const SESSIONS: Record<string, { from: number; to: number; plenums: Record<number, { year: number; month: number; routine?: boolean }> }> = {
  十八: { from: 2013, to: 2017, plenums: { 1: { year: 2012, month: 11, routine: true }, 2: { year: 2013, month: 2 }, 3: { year: 2013, month: 11 }, 4: { year: 2014, month: 10 }, 5: { year: 2015, month: 10 }, 6: { year: 2016, month: 10 }, 7: { year: 2017, month: 10, routine: true } } },
  十九: { from: 2018, to: 2022, plenums: { 1: { year: 2017, month: 10, routine: true }, 2: { year: 2018, month: 1 }, 3: { year: 2018, month: 2 }, 4: { year: 2019, month: 10 }, 5: { year: 2020, month: 10 }, 6: { year: 2021, month: 11 }, 7: { year: 2022, month: 10, routine: true } } },
  二十: { from: 2023, to: 2025, plenums: { 1: { year: 2022, month: 10, routine: true }, 2: { year: 2023, month: 2 }, 3: { year: 2024, month: 7 }, 4: { year: 2025, month: 10 } } },
};
const NUMERALS = '一二三四五六七八九';

/** “二十届二中、三中全会”, “十九届四中和五中全会”: a session's number and two plenums or more, before 全会. */
const PLENUM_LIST = /(十八|十九|二十)届((?:[一二三四五六七八九]中[、，,和及与]){1,8}[一二三四五六七八九]中)全会/g;
/** One plenum of a list: its number before 中. */
const PLENUM = /([一二三四五六七八九])中/g;
const mayListPlenums = (text: string) => text.includes('中全会');

/** BG730 */
function plenumsOfAnotherYear(model: ReportModel): Diagnostic[] {
  const year = model.header.year;
  if (year === undefined || model.isSnippet || year < 2013 || year > 2025) return [];
  if (ruledOutInBatch(model, mayListPlenums)) return [];
  return cachedPerBlock(`plenums:${year}`, proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayListPlenums(line.text)) continue;
      for (const m of allMatches(PLENUM_LIST, line.text)) {
        const session = SESSIONS[m[1]!]!;
        if (year < session.from || year > session.to) continue;
        const listed = allMatches(PLENUM, m[2]!).map((n) => NUMERALS.indexOf(n[1]!) + 1);
        const last = Math.max(...listed);
        const held = Object.entries(session.plenums).filter(([, p]) => p.year <= year && !p.routine).map(([n]) => Number(n));
        const latest = Math.max(...held);
        const listStart = m.index! + m[1]!.length + 1;
        const listEnd = listStart + m[2]!.length;
        const later = listed.find((n) => (session.plenums[n]?.year ?? Infinity) > year);
        const named = `${m[1]}届${m[2]}全会`;
        let message: string | undefined;
        if (later !== undefined) {
          const p = session.plenums[later];
          message = `本报告是${year}年度的，“${named}”中的${NUMERALS[later - 1]}中全会${p ? `${p.year}年${p.month}月` : '尚未'}才召开：请核对报告年度或全会的届次。`;
        } else if (last < latest) {
          const p = session.plenums[latest]!;
          message = `本报告是${year}年度的，“${named}”只列到${NUMERALS[last - 1]}中全会，${p.year}年${p.month}月已召开${m[1]}届${NUMERALS[latest - 1]}中全会：多半是沿用了上一年报告的提法，宜写“${m[1]}届历次全会”或补上${NUMERALS[latest - 1]}中全会。`;
        }
        if (!message) continue;
        (out ??= []).push(lineDiagnostic(model, line, 'BG730', m.index!, m.index! + m[0].length, message, [
          { title: `改为“${m[1]}届历次全会”`, safe: false, edits: [{ from: listStart, to: listEnd, newText: '历次' }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

/**
 * “二十届三中” followed by another word: 全会 left out. A list's plenums before its last (“二中、三中全会”) are
 * followed by a mark or 和/及/与; one at the end of a line may be where an excerpt was cut.
 */
const PLENUM_WITHOUT_QUANHUI = /((?:十[一二三四五六七八九]|二十)届[一二三四五六七八九]中)(?!\s*全(?:会|体会议)|[\s、，,和及与])(?=[\u4e00-\u9fff])/g;
const PLENUM_NUMBERED = /届[一二三四五六七八九]中/;
const mayNamePlenum = (text: string) => PLENUM_NUMBERED.test(text);

/** BG734 */
function plenumsWithoutQuanhui(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, mayNamePlenum)) return [];
  return cachedPerBlock('plenum-without-quanhui', proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayNamePlenum(line.text)) continue;
      for (const m of allMatches(PLENUM_WITHOUT_QUANHUI, line.text)) {
        const end = m.index! + m[1]!.length;
        const next = line.text.slice(end, end + 2);
        (out ??= []).push(lineDiagnostic(model, line, 'BG734', m.index!, end, `“${m[1]}${next}”：“${m[1]}”后漏了“全会”，应写作“${m[1]}全会”。`, [
          { title: '补上“全会”', safe: false, edits: [{ from: end, to: end, newText: '全会' }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

/** “二十大四中全会”, “十九大五中、六中全会”: a plenum after the congress's number, as if it were the 届's. */
const PLENUM_OF_CONGRESS = /((?:十[一二三四五六七八九]|二十)大)([一二三四五六七八九]中)(?=全(?:会|体会议)|[、，,和及与][一二三四五六七八九]中)/g;
const CONGRESS_PLENUM = /大[一二三四五六七八九]中/;
const mayNameCongressPlenum = (text: string) => CONGRESS_PLENUM.test(text);

/** BG747 */
function plenumsOfCongress(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, mayNameCongressPlenum)) return [];
  return cachedPerBlock('plenum-of-congress', proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayNameCongressPlenum(line.text)) continue;
      for (const m of allMatches(PLENUM_OF_CONGRESS, line.text)) {
        const congress = m[1]!;
        const session = `${congress.slice(0, -1)}届`;
        const mark = m.index! + congress.length - 1;
        const end = m.index! + m[0].length;
        (out ??= []).push(lineDiagnostic(model, line, 'BG747', m.index!, end, `“${congress}${m[2]}全会”：中央全会按中央委员会的届次编号，应写作“${session}${m[2]}全会”（要一并提党的代表大会时写“党的${congress}和${session}${m[2]}全会”）。`, [
          { title: `改为“${session}${m[2]}”`, safe: false, edits: [{ from: mark, to: mark + 1, newText: '届' }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

/**
 * “全会通过的“十五五”规划”, “全会审议通过的十四五规划纲要”: the plenum's 建议 named as the plan itself (古竹乡 2025). The
 * 建议 after it (“……规划建议”, “……规划的建议”) is right.
 */
const PLAN_OF_PLENUM = /全会(?:审议)?通过(?:了|的)\s*[“"‘]?十[一二三四五六七八九]五[”"’]?\s*(?:时期)?规划(纲要)?(?!的?建议)/g;
const mayNamePlanOfPlenum = (text: string) => text.includes('全会') && text.includes('规划');

/** BG748 */
function plansOfPlenums(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, mayNamePlanOfPlenum)) return [];
  return cachedPerBlock('plan-of-plenum', proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayNamePlanOfPlenum(line.text)) continue;
      for (const m of allMatches(PLAN_OF_PLENUM, line.text)) {
        const end = m.index! + m[0].length;
        // From the plan's opening quotation mark if it has one (the message quotes the words whole).
        let at = line.text.indexOf('十', m.index! + 2);
        if ('“"‘'.includes(line.text[at - 1]!)) at--;
        const outline = m[1] !== undefined;
        (out ??= []).push(lineDiagnostic(model, line, 'BG748', at, end, `“${line.text.slice(at, end)}”：中央全会审议通过的是制定五年规划的“建议”，规划纲要由全国人民代表大会审查批准；应写作“${line.text.slice(at, outline ? end - 2 : end)}建议”。`, [
          { title: '改为“规划建议”', safe: false, edits: [{ from: outline ? end - 2 : end, to: end, newText: '建议' }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

/** “二十大及历次全会”, “二十大精神和历次全会”, “十九大历次全会”: 历次全会 without the 届 they belong to. */
const PLENUMS_OF_NO_SESSION = /(十八|十九|二十)大(?:精神)?([和及与、]?)历次全会/g;
const mayNamePlenumsOfNoSession = (text: string) => text.includes('历次全会');

/** BG753 */
function plenumsOfNoSession(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, mayNamePlenumsOfNoSession)) return [];
  return cachedPerBlock('plenums-of-no-session', proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayNamePlenumsOfNoSession(line.text)) continue;
      for (const m of allMatches(PLENUMS_OF_NO_SESSION, line.text)) {
        const session = `${m[1]}届`;
        const end = m.index! + m[0].length;
        const before = end - 4;
        // “二十大历次全会” has no word between: 和 goes in with the 届.
        const insert = m[2] ? session : `和${session}`;
        (out ??= []).push(lineDiagnostic(model, line, 'BG753', m.index!, end, `“${m[0]}”：历次全会是${m[1]}届中央委员会的全会，应写明届次，如“党的${m[1]}大和${session}历次全会”。`, [
          { title: `补上“${insert}”`, safe: false, edits: [{ from: before, to: before, newText: insert }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

/**
 * A numbered plenum (二十届三中全会, 历次全会, a local 十五届十次全会) ending its clause: what is studied or carried out is its
 * 精神, so a clause of 学习贯彻 over it wants 精神 after 全会. A list (全会、……精神) or more words after it (全会关于……) is left.
 */
const PLENUM_ENDING_CLAUSE = /(?:[一二三四五六七八九十]{1,3}[中次]|历次)全会(?=[，。；,;])/g;
const STUDIED = /学习|贯彻|落实|领会|传达|宣传|践行/;
/** Where a clause begins: after the last of these before the plenum. */
const CLAUSE_BREAKS = '，。；：！？,;:!?';
const mayEndClauseWithPlenum = (text: string) => /全会[，。；,;]/.test(text);

/** BG770 */
function plenumsWithoutSpirit(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, mayEndClauseWithPlenum)) return [];
  return cachedPerBlock('plenum-without-spirit', proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayEndClauseWithPlenum(line.text)) continue;
      for (const m of allMatches(PLENUM_ENDING_CLAUSE, line.text)) {
        const end = m.index! + m[0].length;
        let start = m.index!;
        while (start > 0 && !CLAUSE_BREAKS.includes(line.text[start - 1]!)) start--;
        const clause = line.text.slice(start, end);
        if (!STUDIED.test(clause)) continue;
        (out ??= []).push(lineDiagnostic(model, line, 'BG770', start, end, `“${clause}”：学习贯彻的是全会精神，不是全会本身，应写作“……${m[0]}精神”。`, [
          { title: '补上“精神”', safe: false, edits: [{ from: end, to: end, newText: '精神' }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

export const plenumsChecks: ReportCheck[] = [
  { id: 'plenums-of-another-year', codes: ['BG730'], run: plenumsOfAnotherYear },
  { id: 'plenum-without-quanhui', codes: ['BG734'], run: plenumsWithoutQuanhui },
  { id: 'plenum-of-congress', codes: ['BG747'], run: plenumsOfCongress },
  { id: 'plan-of-plenum', codes: ['BG748'], run: plansOfPlenums },
  { id: 'plenums-of-no-session', codes: ['BG753'], run: plenumsOfNoSession },
  { id: 'plenum-without-spirit', codes: ['BG770'], run: plenumsWithoutSpirit },
];
