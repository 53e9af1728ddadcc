// Report check BG712: last year's work carried into this year's report — a clause naming last year's year
// for this year's work (“2020年，我镇……” in a 2021 report), this year's plan written with this year's or an
// earlier year (《2020年度…工作要点》 for next year), and headings with last year's year.
// Report check BG759: a half year's or a quarter's heading in a year's report — “一、上半年推进法治政府建设的主要举措和成效”
// under “现将庆隆镇2020年度法治政府建设情况报告如下” (庆隆镇 2020): the headings of a half-year summary kept. A report whose
// title is of the half year (……上半年……工作总结) is such a summary, and is left.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import type * as ast from '../../../grammar/index.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { PlacedBlock, ReportModel } from '../model.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { classifyParts } from './structure.js';
import { cachedPerBlock, cachedPerPlaced } from './blockCache.js';
import { lineDiagnostic, located, proseBlocks, type ProseBlock } from './prose.js';
import { allMatches } from '../matches.js';

export const lastYearsPlanCodes: CodeInfo[] = [
  {
    code: 'BG712', severity: 'warning', title: '沿用了上一年的工作计划年份',
    description: '本年度的工作写成了上一年的年份：如2021年度报告中“研究制定了《2020年度……工作要点》”、句首的“2020年度我镇制定的……”，或标题“2020年度法治政府建设主要举措”；下一年度的打算写成本年度或更早（2021年度报告中的“2021年，我镇将……”、“下一年度安排”部分的标题“2021年工作计划”）。多半是沿用上年报告时漏改；写“{年度}”“{下年度}”就不会再错。比较上一年的句子（比、较、上年、去年）不报。',
    example: '@年度 2021\n研究制定了《2020年度桂圩镇法治建设工作要点》', fix: '改为“{年度}”（不是安全修复）',
  },
  {
    code: 'BG759', severity: 'warning', title: '年度报告的标题写了上半年',
    description: '法治政府建设年度报告报告的是全年的工作，标题却写“上半年推进法治政府建设的主要举措和成效”“下半年工作打算”“一季度工作情况”：多半是沿用了半年（季度）总结的标题。只查标题开头（可带年份）的“上半年”“下半年”“前三季度”“×季度”；正文里说到上半年的句子、标题写明是半年总结的报告（“……上半年……工作总结”）和不是年度报告的文稿不报。',
    example: '@类型 法治政府建设年度报告\n@年度 2020\n\n# 上半年推进法治政府建设的主要举措和成效\n', fix: '改为“{年度}”或删去（不是安全修复）',
  },
];
registerCodes(lastYearsPlanCodes);

// ---------------------------------------------------------------- last year's work plan

const YEAR = /(?<![\d—\-－~～至到])(\d{4})(?=年)(?!年?\s*[—\-－~～至到]\s*\d)/g;
/** A work plan, programme or list of tasks named after the year it is for. */
const PLAN_AFTER_YEAR = /^\d{4}年度?[^，。；！？、《》]{0,24}?(?:工作要点|工作计划|工作方案|实施方案|工作安排|任务清单|要点|计划)/;
/** "2020年度我镇制定的……", "2020年，全镇共……" at the start of a clause: the year of the work reported on. */
const OUR_WORK_AFTER_YEAR = /^\d{4}年度?[，,]?\s*(?:我|全|本)(?:镇|乡|街道)(?!将|要|拟|计划)/;
/** "2021年，我镇将……": the year a plan is for (in a 2021 report, that is 2022). */
const FUTURE_AFTER_YEAR = /^\d{4}年度?[，,]?\s*(?:(?:我|全|本)(?:镇|乡|街道|区|县|市)|各项工作)?(?:将|要|拟|计划|力争)/;
/** A clause that compares with or looks back to an earlier year. */
const LOOKS_BACK = /比|较|上年|去年|上一年|同期|以来|至今|回顾|总结|完成情况|落实情况|执行情况/;
/** "This year so far", opening a clause about this year's work. */
const THIS_YEAR_SO_FAR = /今年以来|今年来|本年度以来/g;
/** A clause BG407 already looks at. */
const THIS_YEAR_WORDS = /今年|本年度/;

function lastYearsPlan(model: ReportModel): Diagnostic[] {
  const year = model.header.year;
  if (year === undefined || model.isSnippet) return [];
  const out = cachedPerBlock(`last-years-plan:${year}`, proseBlocks(model), (block) => blockLastYearsPlan(model, block, year));
  // A heading's year may be found by both passes: report it once.
  const seen = new Set(out.map((d) => `${d.uri ?? ''}:${d.start}`));
  return out.concat(headingYears(model, year).filter((d) => !seen.has(`${d.uri ?? ''}:${d.start}`)));
}

/** A clause: the text between two stops. */
const CLAUSE = /[^。；！？]+/g;

function blockLastYearsPlan(model: ReportModel, block: ProseBlock, year: number): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  const fix = (from: number) => [{ title: '改为“{年度}”', safe: false, edits: [{ from, to: from + 4, newText: '{年度}' }] }];
  for (const line of block.lines) {
    if (!/\d{4}年/.test(line.text)) continue;
    for (const clause of allMatches(CLAUSE, line.text)) {
      const text = clause[0];
      // "今年以来" / "今年来" frame this year's work: they compare with no other year.
      const framing = text.replace(THIS_YEAR_SO_FAR, '');
      if (LOOKS_BACK.test(framing) || THIS_YEAR_WORDS.test(framing)) continue;
      for (const m of allMatches(YEAR, text)) {
        const found = Number(m[1]);
        const at = clause.index! + m.index!;
        if (found <= year && FUTURE_AFTER_YEAR.test(text.slice(m.index))) {
          (out ??= []).push(lineDiagnostic(model, line, 'BG712', at, at + 4, `本报告是${year}年度的，“${found}年……将”说的却是下一年度的打算：应为${year + 1}年（可写“{下年度}”）。`, [
            { title: '改为“{下年度}”', safe: false, edits: [{ from: at, to: at + 4, newText: '{下年度}' }] },
          ]));
        } else if (found === year - 1 && text.slice(0, m.index).trim() === '' && OUR_WORK_AFTER_YEAR.test(text.slice(m.index))) {
          (out ??= []).push(lineDiagnostic(model, line, 'BG712', at, at + 4, `本报告是${year}年度的，这句写的却是“${found}年……我镇”的工作：多半是沿用上年报告时漏改，应为${year}年（可写“{年度}”）。`, fix(at)));
        } else if (found === year - 1 && PLAN_AFTER_YEAR.test(text.slice(m.index))) {
          (out ??= []).push(lineDiagnostic(model, line, 'BG712', at, at + 4, `本报告是${year}年度的，这里的工作计划却写成${m[1]}年：多半是沿用上年报告时漏改，应为${year}年（可写“{年度}”）。`, fix(at)));
        }
      }
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

/** Headings: last year's year on this year's work; in the 安排 part, a year that is not a later one. */
function headingYears(model: ReportModel, year: number): Diagnostic[] {
  const plans = classifyParts(model).filter((p) => p.part === '安排').map((p) => p.section);
  const inPlans = new Set(plans.map((s) => s.heading));
  // Remembered per heading; which headings open the 安排 part is part of the key of the whole run.
  const name = `heading-years:${year}:${plans.map((s) => s.startIndex).join(',')}`;
  const context = { name, of: (placed: PlacedBlock) => `${name}:${inPlans.has(placed.block as ast.Heading)}` };
  return cachedPerPlaced(context, model, (placed) => headingYearsIn(model, placed, year, inPlans.has(placed.block as ast.Heading)), mayNameAYear);
}

const mayNameAYear = (source: string) => /\d{4}年/.test(source);

function headingYearsIn(model: ReportModel, placed: PlacedBlock, year: number, inPlans: boolean): readonly Diagnostic[] {
  const heading = placed.block;
  if (heading.kind !== 'heading') return NO_DIAGNOSTICS;
  let out: Diagnostic[] | undefined;
  for (const node of heading.content) {
    if (node.kind !== 'text' || LOOKS_BACK.test(node.text)) continue;
    for (const m of allMatches(YEAR, node.text)) {
      const found = Number(m[1]);
      const wrong = inPlans ? found <= year : found === year - 1;
      if (!wrong) continue;
      const start = node.start + m.index!;
      const should = inPlans ? `下一年度（${year + 1}年，可写“{下年度}”）` : `${year}年（可写“{年度}”）`;
      (out ??= []).push(located(model, placed.scope, diagnostic('BG712', { start, end: start + 4 }, `本报告是${year}年度的，这个标题却写成${found}年：多半是沿用上年报告时漏改，应为${should}。`, [
        { title: inPlans ? '改为“{下年度}”' : '改为“{年度}”', safe: false, edits: [{ start, end: start + 4, newText: inPlans ? '{下年度}' : '{年度}' }] },
      ])));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

// ---------------------------------------------------------------- a half year's headings in a year's report

/** A part of the year opening a heading, after its year if any: 上半年, 下半年, 前三季度, 一季度, 第二季度. */
const PART_OF_YEAR_HEADING = /^(?:\d{4}年度?)?(上半年|下半年|前三季度|第?[一二三四]季度)/;
const PART_OF_YEAR = /半年|季度/;

/** BG759 */
function partOfYearHeadings(model: ReportModel): Diagnostic[] {
  if (model.header.kind !== '法治政府建设年度报告' || model.isSnippet) return [];
  // A summary of the half year says so in its title: its headings are its own.
  if (PART_OF_YEAR.test(model.header.values.标题?.text ?? '')) return [];
  const year = model.header.year;
  return cachedPerPlaced(`part-of-year-headings:${year ?? ''}`, model, (placed) => {
    const heading = placed.block;
    if (heading.kind !== 'heading') return NO_DIAGNOSTICS;
    const first = heading.content[0];
    if (first?.kind !== 'text') return NO_DIAGNOSTICS;
    const m = PART_OF_YEAR_HEADING.exec(first.text);
    if (!m) return NO_DIAGNOSTICS;
    const start = first.start + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    const report = year === undefined ? '本报告是年度报告' : `本报告是${year}年度的法治政府建设年度报告`;
    // After its year (2020年上半年……) the words go; alone they become the year.
    const afterYear = m[0].length > m[1]!.length;
    return [located(model, placed.scope, diagnostic('BG759', { start, end }, `${report}，这个标题却写“${m[1]}”：多半是沿用了半年（季度）总结的标题，应写全年（可写“{年度}”）或删去。`, [
      { title: afterYear ? `删去“${m[1]}”` : '改为“{年度}”', safe: false, edits: [{ start, end, newText: afterYear ? '' : '{年度}' }] },
    ]))];
  }, (source) => PART_OF_YEAR.test(source));
}

export const lastYearsPlanChecks: ReportCheck[] = [
  { id: 'last-years-plan', codes: ['BG712'], run: lastYearsPlan },
  { id: 'part-of-year-headings', codes: ['BG759'], run: partOfYearHeadings },
];
