// Report check BG735: the goal of 法治政府 in the words of the 2015 纲要 — “职能科学、权责法定、执法严明、公开公正、
// 廉洁高效、守法诚信” — in a report of 2022 or later, when the 纲要 of 2021 (中发〔2021〕33号, August 2021) had made
// it “……公开公正、智能高效、廉洁诚信、人民满意”: words carried from an old report or template.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { cachedPerBlock, ruledOutInBatch } from './blockCache.js';
import { lineDiagnostic, proseBlocks } from './prose.js';
import { allMatches } from '../matches.js';

export const outdatedGoalsCodes: CodeInfo[] = [
  {
    code: 'BG735', severity: 'warning', title: '法治政府建设目标用了旧纲要的提法',
    description: '2022年度以后的报告仍用《法治政府建设实施纲要（2015—2020年）》的目标“职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信”：2021年8月印发的《法治政府建设实施纲要（2021—2025年）》已改为“职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意”，多半是沿用了旧报告或范文。只看紧连着的“廉洁高效、守法诚信”；2021年度及以前的报告、没有“@年度”的文件不报。',
    example: '@年度 2025\n\n紧扣“职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信”目标要求', fix: '改为“智能高效、廉洁诚信、人民满意”（不是安全修复）',
  },
];
registerCodes(outdatedGoalsCodes);

/** The last two goals of the 2015 纲要, one after the other (the new list has 智能高效、廉洁诚信、人民满意 in their place). */
const OLD_GOALS = /廉洁高效\s*[、，,]\s*守法诚信/g;
const mayNameOldGoals = (text: string) => text.includes('守法诚信');
/** The first report year the 2021 纲要 governs throughout. */
const NEW_GOALS_FROM = 2022;

/** BG735 */
function outdatedGoals(model: ReportModel): Diagnostic[] {
  const year = model.header.year;
  if (year === undefined || year < NEW_GOALS_FROM) return [];
  if (ruledOutInBatch(model, mayNameOldGoals)) return [];
  return cachedPerBlock(`outdated-goals:${year}`, proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayNameOldGoals(line.text)) continue;
      for (const m of allMatches(OLD_GOALS, line.text)) {
        const from = m.index!;
        const to = from + m[0].length;
        (out ??= []).push(lineDiagnostic(model, line, 'BG735', from, to, `“${m[0]}”是《法治政府建设实施纲要（2015—2020年）》的提法：${year}年度报告应按2021年印发的新纲要写“智能高效、廉洁诚信、人民满意”。`, [
          { title: '改为“智能高效、廉洁诚信、人民满意”', safe: false, edits: [{ from, to, newText: '智能高效、廉洁诚信、人民满意' }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

export const outdatedGoalsChecks: ReportCheck[] = [{ id: 'outdated-goals', codes: ['BG735'], run: outdatedGoals }];
