// Report checks: standard terms (BG715, and BG505 for 法治政府) — near-misses of the terms these reports
// must use, from a registry (data/terms.json) extended by the user's own (CheckSettings.extraTerms).
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import termsData from '../data/terms.json' with { type: 'json' };
import type { ReportModel } from '../model.js';
import { NO_DIAGNOSTICS, type CheckSettings, type ReportCheck } from './contract.js';
import { cachedPerBlock, identityOf, ruledOutInBatch } from './blockCache.js';
import { lineDiagnostic, proseBlocks, type ProseBlock } from './prose.js';
import { allMatches } from '../matches.js';
import { NOTHING_FOUND } from '../nothingFound.js';

export interface TermEntry {
  standard: string;
  misses: string[];
  /** Characters before a miss that make it part of another word. */
  notAfter?: string;
  /** A term with a code of its own (法治政府: BG505); BG715 otherwise. */
  code?: string;
  /** false: no forms with a character left out (执法全程记录 is common usage for 执法全过程记录). */
  variants?: boolean;
}

export const BUILTIN_TERMS: readonly TermEntry[] = (termsData as { terms: TermEntry[] }).terms;

export const termsCodes: CodeInfo[] = [
  { code: 'BG505', severity: 'error', title: '“法制政府”应为“法治政府”', description: '规范用语是“法治政府”。', example: '推进法制政府建设', fix: '改为“法治政府”（安全）' },
  {
    code: 'BG715', severity: 'warning', title: '规范用语写错',
    description: '与规范用语相近但不相同，如“行政规范文件”应为“行政规范性文件”，“法制公安”“法制思维”“法制建设工作”“决策科学化、民主化、法制化”中的“法制”应为“法治”（“民主法制建设工作”不报），“市委市政府”“县委县政府”并列的两个机关之间应加顿号（“市委、市政府”；“法制审核”“法制机构”不报），“区委、政府”后一个机关漏了级别（“区委、区政府”；“党委、政府”不报），“第一责任职责”“第一责任工作清单”漏了“人”（“第一责任人职责”；“第一责任人责任”不报），“法治政府建设的第一人”漏了“责任”（“第一责任人”），“推进法治建设责任人职责”漏了“第一”，“现将……情况报如下”漏了“告”（“报告如下”；“汇报如下”“呈报如下”不报），“主要责任人履行”应为“主要负责人履行”（《党政主要负责人履行推进法治建设第一责任人职责规定》），“党的二十大届三中全会”把大会和全会写到了一起（“二十届”），“学习贯彻二十大精神”漏了“党的”（“党的二十大精神”；“学习二十大·奋进新征程”这样的活动名称不报），“法治营商环境”漏了“化”（“法治化营商环境”），“全国教育工作大会”应为“全国教育大会”（每年的“全国教育工作会议”不报），“四个全面”“四个意识”“四个自信”“两个维护”这样的提法要加引号（“践行四个全面”应为“践行“四个全面””），“‘两个确立’的重大意义”应为党的文件的提法“‘两个确立’的决定性意义”（“两个维护”“两个确立”本身不报），“习近平法治思想‘十二个坚持’”（或“十个”“十三个”）应为“十一个坚持”（别的论述的“十个坚持”“六个必须坚持”不报）。《党政主要负责人履行推进法治建设第一责任人职责规定》的“四个亲自”（“重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办”）照写了至少三项、其中一项换了动词（“重大问题亲自解决”）时，报告换了的那一项（只写一两项或改写了主语的“关键环节亲自协调攻坚”不报）。同义词替换过的转载文字把“规范”换成了“标准”：“标准性文件”“标准（行政）执法行为”应为“规范性文件”“规范（行政）执法行为”（“技术标准性文件”不报）。规范用语登记在 server/language/data/terms.json，可在 baogao.json 的“terms”中补充（{"错误写法": "规范用语"}）；六个字以上的用语漏写中间一个字也能发现；用语中间带引号的（“法治政府建设‘第一责任人’职责”）也能发现，修复时保留引号。',
    example: '加强行政规范文件的合法性审核', fix: '改为规范用语（安全）',
  },
];
registerCodes(termsCodes);

interface Miss {
  miss: string;
  entry: TermEntry;
}

const missLists = new WeakMap<CheckSettings['extraTerms'], Miss[]>();

/** Every wrong form to look for: the listed ones, and each term of six or more characters without one inner character. */
export function termMisses(settings: Pick<CheckSettings, 'extraTerms'>): Miss[] {
  const extras = settings.extraTerms ?? [];
  let list = missLists.get(extras);
  if (list) return list;
  const entries: TermEntry[] = [...BUILTIN_TERMS, ...extras];
  const standards = entries.map((e) => e.standard);
  const byMiss = new Map<string, Miss>();
  for (const entry of entries) {
    for (const miss of entry.misses) byMiss.set(miss, { miss, entry });
    const chars = [...entry.standard];
    if (chars.length < 6 || entry.variants === false) continue;
    // Two characters kept on each side: 法治宣传教育 without 治 is the end of 普法宣传教育.
    for (let i = 2; i < chars.length - 2; i++) {
      if (!/\p{Script=Han}/u.test(chars[i]!)) continue;
      const miss = [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
      // Not when leaving a character out gives another standard term or a part of one.
      if (standards.some((s) => s.includes(miss)) || byMiss.has(miss)) continue;
      byMiss.set(miss, { miss, entry });
    }
  }
  missLists.set(extras, (list = [...byMiss.values()]));
  return list;
}

/**
 * How a line is searched for all the misses at once: a trie of the misses by UTF-16 unit, so that a line is
 * scanned once, most characters cost one table lookup, and a position where several misses share a
 * beginning (行政…) is walked once. The longest miss starting at a position is the one found: equal to one
 * pattern of them all, longest first (`new RegExp(misses.join('|'), 'gu')`), which is kept for misses of
 * the settings that unit lookups would read otherwise (empty ones, or half of a surrogate pair).
 *
 * The trie's nodes are numbered states (the root is 0): the first step is a table by unit, the others one
 * open-addressed table of (state, unit) → state — typed arrays, not a Map per node, whose lookups were
 * a third of a cold check's search.
 */
interface MissIndex {
  /** The state after a miss's first unit, by unit; 0 for the units no miss starts with (most characters). */
  first: Int32Array | undefined;
  steps: Steps;
  /** The miss that ends at each state, if any. */
  endsAt: Array<Miss | undefined>;
  re: RegExp;
  byMiss: Map<string, Miss>;
}

/** The trie's steps past the first unit: slot k holds from[k] --unit[k]--> to[k] (from 0: an empty slot). */
interface Steps {
  from: Int32Array;
  unit: Uint16Array;
  to: Int32Array;
  mask: number;
}

const slotOf = (state: number, unit: number, mask: number) => (Math.imul(state, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;

/** The state after `unit` from `state` (not the root), or 0. */
function step(steps: Steps, state: number, unit: number): number {
  const { from, mask } = steps;
  for (let k = slotOf(state, unit, mask); ; k = (k + 1) & mask) {
    const f = from[k]!;
    if (f === 0) return 0;
    if (f === state && steps.unit[k] === unit) return steps.to[k]!;
  }
}

const missIndexes = new WeakMap<Miss[], MissIndex>();

function missIndex(misses: Miss[]): MissIndex {
  let found = missIndexes.get(misses);
  if (!found) {
    const longestFirst = [...misses].sort((a, b) => b.miss.length - a.miss.length);
    const alternatives = longestFirst.map((m) => m.miss.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const byMiss = new Map(misses.map((m) => [m.miss, m]));
    const plain = misses.every((m) => m.miss.length > 0 && !/[\ud800-\udfff]/.test(m.miss));
    const endsAt: Array<Miss | undefined> = [undefined];
    let first: Int32Array | undefined;
    // (state, unit) → state while the trie is built; then laid out in the table.
    const built = new Map<number, number>();
    if (plain) {
      first = new Int32Array(0x10000);
      for (const m of misses) {
        let state = 0;
        for (let i = 0; i < m.miss.length; i++) {
          const c = m.miss.charCodeAt(i);
          const key = state * 0x10000 + c;
          let next = state === 0 ? first[c]! : (built.get(key) ?? 0);
          if (next === 0) {
            next = endsAt.length;
            endsAt.push(undefined);
            if (state === 0) first[c] = next;
            else built.set(key, next);
          }
          state = next;
        }
        // The first of equal misses is the one a pattern finds: later duplicates never match.
        endsAt[state] ??= byMiss.get(m.miss);
      }
    }
    let size = 16;
    while (size < built.size * 2) size *= 2;
    const steps: Steps = { from: new Int32Array(size), unit: new Uint16Array(size), to: new Int32Array(size), mask: size - 1 };
    for (const [key, to] of built) {
      const state = Math.floor(key / 0x10000);
      const unit = key % 0x10000;
      let k = slotOf(state, unit, steps.mask);
      while (steps.from[k] !== 0) k = (k + 1) & steps.mask;
      steps.from[k] = state;
      steps.unit[k] = unit;
      steps.to[k] = to;
    }
    found = { first, steps, endsAt, re: new RegExp(alternatives.join('|'), 'gu'), byMiss };
    missIndexes.set(misses, found);
  }
  return found;
}

const NO_MISSES: ReadonlyArray<{ at: number; end: number; found: Miss }> = NOTHING_FOUND;

/** Quotation marks passed over in one miss at most (法治政府建设“第一责任人”职责 has two). */
const MAX_SKIPPED_MARKS = 4;

const isQuoteMark = (c: number) => c === 0x201c /* “ */ || c === 0x201d /* ” */;

/**
 * The misses written in a text, left to right, none overlapping (as the pattern of all of them finds them).
 * A miss may have part of it in quotation marks (法治政府建设“第一责任人”职责): the marks are passed over on the
 * walk down the trie, and `end` is where the written miss ends.
 */
function missesIn(text: string, index: MissIndex): ReadonlyArray<{ at: number; end: number; found: Miss }> {
  let out: Array<{ at: number; end: number; found: Miss }> | undefined;
  const { first, steps, endsAt } = index;
  if (!first) {
    for (const m of allMatches(index.re, text)) (out ??= []).push({ at: m.index, end: m.index + m[0].length, found: index.byMiss.get(m[0])! });
    return out ?? NO_MISSES;
  }
  const length = text.length;
  for (let at = 0; at < length; at++) {
    let state = first[text.charCodeAt(at)]!;
    if (state === 0) continue;
    // The longest miss from here: the last one passed on the walk down the trie.
    let found = endsAt[state];
    let end = at + 1;
    let skipped = 0;
    for (let i = at + 1; i < length; i++) {
      const c = text.charCodeAt(i);
      const next = step(steps, state, c);
      if (next === 0) {
        // A term quotes a part or two: a few marks are passed over, not a run of them (a line of 200,000 “
        // walked to its end from each: 60 s and more).
        if (isQuoteMark(c) && ++skipped <= MAX_SKIPPED_MARKS) continue;
        break;
      }
      state = next;
      const miss = endsAt[state];
      if (miss) {
        found = miss;
        end = i + 1;
      }
    }
    if (!found) continue;
    // A quotation opened inside the miss and closed right after it (…“第一责任人”) is the miss's.
    if (end - at !== found.miss.length && text.charCodeAt(end) === 0x201d && text.lastIndexOf('“', end) >= at && text.lastIndexOf('”', end - 1) < text.lastIndexOf('“', end)) end++;
    // The next position is searched too: a miss left as part of a standard term (治政府建设 in 法治政府建设) must not
    // hide one that begins inside it (法治政府建设的第一人, 息县 2021); termSlips keeps the reported ones apart.
    (out ??= []).push({ at, end, found });
  }
  return out ?? NO_MISSES;
}

/**
 * The standard term written as the miss was: a part the writer quoted (“第一责任人”) quoted in the term too.
 * Undefined when a quoted part is not in the term.
 */
function quotedAsWritten(written: string, standard: string): string | undefined {
  let out = standard;
  for (const m of allMatches(QUOTED_PART, written)) {
    const part = m[1]!;
    const at = out.indexOf(part);
    if (!part || at < 0) return undefined;
    out = `${out.slice(0, at)}“${part}”${out.slice(at + part.length)}`;
  }
  return out;
}

const QUOTED_PART = /“([^“”]*)”/g;

function standardTerms(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const misses = termMisses(settings);
  return cachedPerBlock(`standard-terms:${identityOf(misses)}`, proseBlocks(model), (block) => blockTerms(model, block, misses));
}

interface TermSlip {
  at: number;
  end: number;
  code: string;
  written: string;
  /** The standard term, with the quotation marks the writer put inside it where it can keep them. */
  standard: string;
  /** Whether the standard term keeps every quoted part (the fix is safe). */
  safe: boolean;
}

/** The misses of a line's text that are reported (a miss that is part of another word or of the standard term is not). */
function termSlips(text: string, index: MissIndex): TermSlip[] | undefined {
  let out: TermSlip[] | undefined;
  // Where the last reported miss ends: a miss starting inside it is part of it.
  let reportedTo = 0;
  for (const { at, end, found } of missesIn(text, index)) {
    if (at < reportedTo) continue;
    const { miss, entry } = found;
    const before = entry.notAfter ? charBefore(text, at) : undefined;
    if (before && entry.notAfter!.includes(before)) continue;
    if (insideStandard(text, at, end - at, entry.standard)) continue;
    const written = end - at === miss.length ? miss : text.slice(at, end);
    // With quotation marks inside, the term keeps them where it can (法治建设“第一责任人”).
    const quoted = written === miss ? entry.standard : quotedAsWritten(written, entry.standard);
    (out ??= []).push({ at, end, code: entry.code ?? 'BG715', written, standard: quoted ?? entry.standard, safe: quoted !== undefined });
    reportedTo = end;
  }
  return out;
}

/**
 * A text with its term slips (BG505, BG715) put right, as their fixes would: the citation check compares a
 * title so (《法制政府建设实施纲要（2021—2025年）》 is the registered title once BG505's slip is fixed, and said once).
 */
export function withStandardTerms(text: string, settings: Pick<CheckSettings, 'extraTerms'>): string {
  const slips = termSlips(text, missIndex(termMisses(settings)));
  if (!slips) return text;
  let out = '';
  let kept = 0;
  for (const slip of slips) {
    out += text.slice(kept, slip.at) + slip.standard;
    kept = slip.end;
  }
  return out + text.slice(kept);
}

function blockTerms(model: ReportModel, block: ProseBlock, misses: Miss[]): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  const index = missIndex(misses);
  for (const line of block.lines) {
    for (const { at, end, code, written, standard, safe } of termSlips(line.text, index) ?? []) {
      // Quotation marks inside a quotation are single ones (‘第一责任人’, ‘两个确立’).
      const shown = (t: string) => t.replace(/“/g, '‘').replace(/”/g, '’');
      const message = code === 'BG505' ? `“${shown(written)}”应为“${shown(standard)}”：请改正。` : `“${shown(written)}”应为规范用语“${shown(standard)}”。`;
      (out ??= []).push(lineDiagnostic(model, line, code, at, end, message, [
        { title: `改为“${standard}”`, safe, edits: [{ from: at, to: end, newText: standard }] },
      ]));
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

/** The character before `at`, past a few spaces a page left inside a word (“推进法 治政府建设”). */
function charBefore(text: string, at: number): string | undefined {
  let i = at - 1;
  while (i >= 0 && at - i <= 4 && /[\s\u3000]/.test(text[i]!)) i--;
  return i >= 0 ? text[i] : undefined;
}

/** Is text[at, at+length) part of an occurrence of the standard term itself? */
function insideStandard(text: string, at: number, length: number, standard: string): boolean {
  for (let s = text.indexOf(standard, Math.max(0, at - standard.length)); s >= 0 && s <= at + length; s = text.indexOf(standard, s + 1)) {
    if (s < at + length && at < s + standard.length) return true;
  }
  return false;
}

// ---------------------------------------------------------------- the four 亲自 of the 第一责任人 rule

/** The 规定's four duties in person, each subject with its verb: 重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办. */
const IN_PERSON_VERB: Record<string, string> = { 重要工作: '部署', 重大问题: '过问', 重点环节: '协调', 重要任务: '督办' };
const IN_PERSON = /(重要工作|重大问题|重点环节|重要任务)亲自(\p{Script=Han}{2})/gu;
const mayQuoteInPerson = (text: string) => text.includes('亲自');
/** Marks and words allowed between two duties of the list (、 ， and 、做到 …). */
const MOST_BETWEEN = 4;

/**
 * BG715 for the four 亲自 quoted with one verb changed: “重要工作亲自部署、重大问题亲自解决、重点环节亲自协调、重要任务亲自督办”
 * (普兰县 2025). Only a list quoting at least three of the four, two of them as written, is the rule's; one duty named
 * alone (“重大问题亲自研究”) is the writer's own sentence.
 */
function inPersonDuties(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, mayQuoteInPerson)) return [];
  return cachedPerBlock('in-person-duties', proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayQuoteInPerson(line.text)) continue;
      let run: RegExpMatchArray[] = [];
      const flush = () => {
        const subjects = new Set(run.map((m) => m[1]!));
        const kept = run.filter((m) => IN_PERSON_VERB[m[1]!] === m[2]).length;
        if (subjects.size >= 3 && kept >= 2) {
          for (const m of run) {
            const verb = IN_PERSON_VERB[m[1]!]!;
            if (m[2] === verb) continue;
            const at = m.index!;
            const end = at + m[0].length;
            (out ??= []).push(lineDiagnostic(model, line, 'BG715', at, end, `“${m[0]}”应为规范用语“${m[1]}亲自${verb}”（《党政主要负责人履行推进法治建设第一责任人职责规定》的“四个亲自”）。`, [
              { title: `改为“${m[1]}亲自${verb}”`, safe: false, edits: [{ from: end - 2, to: end, newText: verb }] },
            ]));
          }
        }
        run = [];
      };
      for (const m of allMatches(IN_PERSON, line.text)) {
        const last = run[run.length - 1];
        if (last && m.index! - (last.index! + last[0].length) > MOST_BETWEEN) flush();
        run.push(m);
      }
      flush();
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

export const termsChecks: ReportCheck[] = [
  { id: 'standard-terms', codes: ['BG505', 'BG715'], run: standardTerms },
  { id: 'in-person-duties', codes: ['BG715'], run: inPersonDuties },
];
