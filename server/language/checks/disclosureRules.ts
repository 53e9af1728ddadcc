// Report check BG772: the rules of one kind of openness cited for the other — the Party's 《中国共产党党务公开条例
// （试行）》 followed to open government information (“深入贯彻《中国共产党党务公开条例(试行)》,对政府信息进行及时
// 公开”, 丹东街道 2021), or 《中华人民共和国政府信息公开条例》 to open the Party's affairs. 党务公开 is the Party
// organisations' (the 条例 of 2017), 政府信息公开 the administrative bodies' (the State Council's 条例 of 2007, revised 2019):
// a sentence that names one rule and only the other matter has cited the wrong one.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { inSimplifiedScript } from '../script.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { cachedPerBlock, ruledOutInBatch } from './blockCache.js';
import { lineDiagnostic, proseBlocks } from './prose.js';
import { allMatches } from '../matches.js';

export const disclosureRulesCodes: CodeInfo[] = [
  {
    code: 'BG772', severity: 'warning', title: '党务公开与政府信息公开的条例用混了',
    description: '党务公开依据《中国共产党党务公开条例（试行）》，政府信息公开依据《中华人民共和国政府信息公开条例》：“深入贯彻《中国共产党党务公开条例（试行）》，对政府信息进行及时公开”用错了条例，应为《中华人民共和国政府信息公开条例》；反过来，用《政府信息公开条例》推进党务公开也是用错了。同一句里只引了一个条例、所说的事只有另一种公开（“政府信息”“政务公开”“政务信息”，或“党务”）时报告；两个条例都引了，或句中两种公开都说了（“推进党务、政务公开”）不报。',
    example: '深入贯彻《中国共产党党务公开条例（试行）》，对政府信息进行及时公开。', fix: '改为另一个条例（不是安全修复）',
  },
];
registerCodes(disclosureRulesCodes);

/** The two rules, by the words of their names (with or without the rest of the name and 《》). */
const RULE = /党务公开条例|政府信息公开条例/g;
/** The matters: the government's information, the Party's affairs (read outside the rules' names). */
const GOVERNMENT_MATTER = /政府信息|政务公开|政务信息|政务[、和与及]?党务|党务[、和与及]?政务/;
const PARTY_MATTER = /党务/;
/** A sentence ends at these. */
const SENTENCE_END = /[。；！？!?;]/;
const mayCiteDisclosureRule = (text: string) => inSimplifiedScript(text).includes('公开条例');

/** BG772 */
function disclosureRuleMixedUp(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, mayCiteDisclosureRule)) return [];
  return cachedPerBlock('disclosure-rule-mixed-up', proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayCiteDisclosureRule(line.text)) continue;
      // Simplified one character for one: a 繁体 page's 黨務公開條例 is the same rule, at the same offsets.
      const text = inSimplifiedScript(line.text);
      for (const m of allMatches(RULE, text)) {
        let start = m.index!;
        while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
        let end = m.index! + m[0].length;
        while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
        const sentence = text.slice(start, end);
        const rules = new Set(sentence.match(RULE));
        if (rules.size > 1) continue;
        // The matters are read with the rules' names taken out (党务公开条例 names 党务 itself).
        const rest = sentence.replace(RULE, '');
        const party = m[0] === '党务公开条例';
        const other = party ? GOVERNMENT_MATTER.test(rest) && !PARTY_MATTER.test(rest) : PARTY_MATTER.test(rest) && !GOVERNMENT_MATTER.test(rest);
        if (!other) continue;
        // The whole title when it is in 《》 (《中国共产党党务公开条例(试行)》), else the words.
        const open = text.lastIndexOf('《', m.index!);
        const close = text.indexOf('》', m.index!);
        const titled = open >= start && close >= 0 && close < end && !text.slice(open + 1, m.index!).includes('》');
        const from = titled ? open : m.index!;
        const to = titled ? close + 1 : m.index! + m[0].length;
        const message = party
          ? `“${line.text.slice(from, to)}”是党务公开的条例，这一句说的是政府信息公开：应依据《中华人民共和国政府信息公开条例》。`
          : `“${line.text.slice(from, to)}”是政府信息公开的条例，这一句说的是党务公开：应依据《中国共产党党务公开条例（试行）》。`;
        (out ??= []).push(lineDiagnostic(model, line, 'BG772', from, to, message));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

export const disclosureRulesChecks: ReportCheck[] = [
  { id: 'disclosure-rule-mixed-up', codes: ['BG772'], run: disclosureRuleMixedUp },
];
