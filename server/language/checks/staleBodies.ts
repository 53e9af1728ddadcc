// Report check BG754: a party committee's 全面依法治X领导小组 named in a report of 2020 or later — “在市委全面依法治市
// 工作领导小组的正确指导下” (中村乡 2022), “在县委、县政府的坚强领导和全面依法治县领导小组的指导下” (a 县教育局 2025).
// The leading groups became the committees of 2018–2019 (中央全面依法治国委员会, then 省委/市委/县委全面依法治X委员会,
// their offices 依法治X办): a name of before is last years' text kept. A body's own group it sets up (“成立……为成员的
// 全面依法治县工作领导小组”) and a 乡镇's 依法治镇领导小组 are not the committee, and are left.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { cachedPerBlock, ruledOutInBatch } from './blockCache.js';
import { lineDiagnostic, proseBlocks } from './prose.js';
import { allMatches } from '../matches.js';
import { blockHas } from './proseHas.js';

export const staleBodiesCodes: CodeInfo[] = [
  {
    code: 'BG754', severity: 'warning', title: '依法治国（省、市、县）领导小组是旧称',
    description: '2018年中央全面依法治国委员会成立，2019年前后各地党委的全面依法治省（市、县、区）领导小组都改为“全面依法治X委员会”（办事机构为“依法治X办”）：2020年度以后的报告写“市委全面依法治市工作领导小组”“全面依法治县领导小组”多半是沿用了旧报告的提法。名称前有“省委”“市委”“县委”“区委”等，或有“全面”二字时报告；机关自己成立的小组（同一分句里有“成立”“组建”“调整”“为成员的”“任组长”）、乡镇的“依法治镇领导小组”、2019年度以前的报告不报。',
    example: '@年度 2022\n\n在市委全面依法治市工作领导小组的正确指导下，扎实推进依法行政。', fix: '改为“……委员会”（不是安全修复：请核对本地机构的名称）',
  },
];
registerCodes(staleBodiesCodes);

/**
 * “市委全面依法治市工作领导小组”, “全面依法治县领导小组”, “县委依法治县领导小组”: the committee's name of before 2019 —
 * found from each 依法治 (the group after it tested there, the 全面 and 省委 … before it looked back for), not by a
 * pattern tried at every character of every line.
 */
const GROUP_AFTER = /[省市县区州旗盟](?:工作)?领导小组/y;
const PARTY_COMMITTEE = /^[省市县区州旗盟]委$/;
const mayNameLeadingGroup = (text: string) => text.includes('领导小组') && text.includes('依法治');
/** A body setting up or staffing a group of its own, in the clause before the name. */
const OWN_GROUP = /成立|组建|调整|设立|成员的|任组长|为组长/;
const CLAUSE_BREAK = /[，。；！？,;!?]/g;

/** BG754 */
function staleLeadingGroups(model: ReportModel): Diagnostic[] {
  const year = model.header.year;
  if (year === undefined || year < 2020 || model.isSnippet) return [];
  if (ruledOutInBatch(model, mayNameLeadingGroup)) return [];
  return cachedPerBlock(`stale-leading-groups:${year}`, proseBlocks(model), (block) => {
    if (!blockHas(block, '领导小组') || !blockHas(block, '依法治')) return NO_DIAGNOSTICS;
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayNameLeadingGroup(line.text)) continue;
      const text = line.text;
      for (let at = text.indexOf('依法治'); at >= 0; at = text.indexOf('依法治', at + 3)) {
        GROUP_AFTER.lastIndex = at + 3;
        const after = GROUP_AFTER.exec(text)?.[0];
        if (!after) continue;
        const full = text.slice(at - 2, at) === '全面';
        let start = full ? at - 2 : at;
        const party = start >= 2 && PARTY_COMMITTEE.test(text.slice(start - 2, start));
        if (!full && !party) continue;
        if (party) start -= 2;
        let clauseStart = 0;
        for (const b of allMatches(CLAUSE_BREAK, text.slice(0, start))) clauseStart = b.index! + 1;
        if (OWN_GROUP.test(text.slice(clauseStart, start))) continue;
        const end = at + 3 + after.length;
        const name = text.slice(start, end);
        const group = name.endsWith('工作领导小组') ? '工作领导小组' : '领导小组';
        const renamed = `${name.slice(0, -group.length)}委员会`;
        (out ??= []).push(lineDiagnostic(model, line, 'BG754', start, end, `“${name}”是旧称：2019年前后各级党委的全面依法治国（省、市、县）领导小组已改为委员会，本报告是${year}年度的，应为“${renamed}”，请核对。`, [
          { title: `改为“${renamed}”`, safe: false, edits: [{ from: end - group.length, to: end, newText: '委员会' }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

export const staleBodiesChecks: ReportCheck[] = [
  { id: 'stale-leading-groups', codes: ['BG754'], run: staleLeadingGroups },
];
