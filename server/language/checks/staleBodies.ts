// Report check BG754: a party committee's 全面依法治X领导小组 named in a report of 2020 or later — “在市委全面依法治市
// 工作领导小组的正确指导下” (中村乡 2022), “在县委、县政府的坚强领导和全面依法治县领导小组的指导下” (a 县教育局 2025).
// The leading groups became the committees of 2018–2019 (中央全面依法治国委员会, then 省委/市委/县委全面依法治X委员会,
// their offices 依法治X办): a name of before is last years' text kept. A body's own group it sets up (“成立……为成员的
// 全面依法治县工作领导小组”) and a 乡镇's 依法治镇领导小组 are not the committee, and are left.
// Report check BG758: the committee named without its 全面 — “调整县委依法治县委员会人员” (夏县司法局 2024), “在县委、县政府
// 正确领导和县依法治县委员会支持下” (棣棠乡 2023), “县依法治县委员会会议” (宝丰县 2021): the party's committees are 中央全面依法治国
// 委员会 and 省委/市委/县委/区委全面依法治X委员会. A 乡镇's or 街道's own 依法治镇委员会 (named as each sets it up) and the
// offices' short names (依法治县办) are left.
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
  {
    code: 'BG758', severity: 'warning', title: '全面依法治国（省、市、县）委员会少了“全面”',
    description: '党中央和地方党委的法治建设议事协调机构名为“中央全面依法治国委员会”和“省委（市委、县委、区委）全面依法治省（市、县、区）委员会”，名称中有“全面”二字：“县委依法治县委员会”“县依法治县委员会”少了“全面”（后者还少了“委”）。“全面依法治县委员会”、办事机构的简称“依法治县办”、乡镇街道自己的“依法治镇委员会”和2019年度以前的报告不报。',
    example: '@年度 2024\n\n适时调整县委依法治县委员会人员，优化组织架构。', fix: '在“依法治”前补上“全面”（不是安全修复：请核对本地机构的名称）',
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

/** The level the committee is of, right after 依法治: 依法治县委员会 (not 依法治镇委员会, a town's own). */
const COMMITTEE_AFTER = /([国省市县区州旗盟])委员会/y;
const mayNameCommittee = (text: string) => text.includes('委员会') && text.includes('依法治');

/** BG758 */
function committeesWithoutQuanmian(model: ReportModel): Diagnostic[] {
  const year = model.header.year;
  if (year === undefined || year < 2019 || model.isSnippet) return [];
  if (ruledOutInBatch(model, mayNameCommittee)) return [];
  return cachedPerBlock('committees-without-quanmian', proseBlocks(model), (block) => {
    if (!blockHas(block, '委员会') || !blockHas(block, '依法治')) return NO_DIAGNOSTICS;
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayNameCommittee(line.text)) continue;
      const text = line.text;
      for (let at = text.indexOf('依法治'); at >= 0; at = text.indexOf('依法治', at + 3)) {
        COMMITTEE_AFTER.lastIndex = at + 3;
        const level = COMMITTEE_AFTER.exec(text)?.[1];
        if (!level || text.slice(at - 2, at) === '全面') continue;
        const end = at + 3 + 1 + 3;
        const party = level === '国' ? '中央' : `${level}委`;
        // 县委依法治县委员会 lacks 全面; 县依法治县委员会 (the party's 委 left out too) lacks 委全面 — not 全县 or 本县.
        const bare = level !== '国' && text[at - 1] === level && !/[全本我该各]/.test(text[at - 2] ?? '');
        const start = text.slice(at - party.length, at) === party ? at - party.length : bare ? at - 1 : at;
        const insert = bare ? '委全面' : '全面';
        const standard = `${party}全面依法治${level}委员会`;
        (out ??= []).push(lineDiagnostic(model, line, 'BG758', start, end, `“${text.slice(start, end)}”少了“${insert}”：党的法治建设议事协调机构名为“${standard}”，请核对。`, [
          { title: `补上“${insert}”`, safe: false, edits: [{ from: at, to: at, newText: insert }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

export const staleBodiesChecks: ReportCheck[] = [
  { id: 'stale-leading-groups', codes: ['BG754'], run: staleLeadingGroups },
  { id: 'committees-without-quanmian', codes: ['BG758'], run: committeesWithoutQuanmian },
];
