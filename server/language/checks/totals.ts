// Report checks: parts that do not add up to their stated total. The writer's own formula
// (`{合计 = 30件 : 甲 + 乙}`) is checked by the model (BG206); this check reads the common prose pattern
// "共{总数}…，其中{甲}…{乙}" in one sentence, where the parts cannot exceed the total — with the figures
// marked up or written as plain numbers ("共收到信访件19件，其中来信12件、来访9件").
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic, locatedIn } from '../makeDiagnostic.js';
import type { ReportModel } from '../model.js';
import { partsExceed, type SentenceRelations } from '../prose/index.js';
import { formatNumber } from '../values.js';
import { cachedPerPlaced } from './blockCache.js';
import { blockRelations, NeededWords, relationsContext, type ItemSource } from './proseItems.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';

export const totalsCodes: CodeInfo[] = [
  {
    code: 'BG223', severity: 'warning', title: '分项之和超过总数',
    description: '同一句中“共/合计/总计/累计”后的总数，小于“其中”之后同单位各分项之和（指标或未标记的数字都检查；人、名、个、家等人员和单位的分项可能相互重叠，不相加）。请核对总数或分项。（写成 {合计 = 30件 : 甲 + 乙} 时由 BG206 按公式核对。）',
    example: '共收到信访件{信访 = 19件}，其中来信{来信 = 12件}、来访{来访 = 9件}',
  },
];
registerCodes(totalsCodes);

const saysWhereof = new NeededWords(['其中', '分别']);

function partsExceedingTotal(model: ReportModel): Diagnostic[] {
  // Most paragraphs have no "其中": skipped before resolving any figure. The others are remembered with
  // the values of their figures.
  return cachedPerPlaced({ name: 'totals', of: (placed) => `totals:${relationsContext(model, placed, saysWhereof)}` }, model, (placed) => totalsIn(model, blockRelations(model, placed, saysWhereof)), saysWhereof.test);
}

function totalsIn(model: ReportModel, relations: SentenceRelations<ItemSource>[]): readonly Diagnostic[] {
  let found: Diagnostic[] | undefined;
  for (const { sentence, totals } of relations) {
    for (const relation of totals) {
      const items = sentence.map((p) => p.item);
      const sum = partsExceed(items, relation);
      if (sum === undefined) continue;
      const total = sentence[relation.total]!;
      const unit = total.item.unit ?? '';
      const d = diagnostic('BG223', total.data, `“其中”各项之和为${formatNumber(sum)}${unit}，超过了总数${formatNumber(total.item.value)}${unit}：请核对总数或分项。`);
      (found ??= []).push(locatedIn(d, total.data.scope.file, model.file));
    }
  }
  return found ?? NO_DIAGNOSTICS;
}

export const totalsChecks: ReportCheck[] = [{ id: 'parts-exceed-total', codes: ['BG223'], run: partsExceedingTotal }];
