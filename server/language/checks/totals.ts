// Report checks: parts that do not add up to their stated total. The writer's own formula
// (`{合计 = 30件 : 甲 + 乙}`) is checked by the model (BG206); this check reads the common prose pattern
// "共{总数}…，其中{甲}…{乙}" in one sentence, where the parts cannot exceed the total.
import type * as ast from '../../../grammar/index.js';
import { forEachInline } from '../../../grammar/index.js';
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import type { CodeInfo } from '../codes.js';
import { diagnostic, locatedIn } from '../makeDiagnostic.js';
import type { ReportModel, Scope } from '../model.js';
import { formatNumber, type NumberValue } from '../values.js';
import type { ReportCheck } from './contract.js';

export const totalsCodes: CodeInfo[] = [
  {
    code: 'BG223', severity: 'warning', title: '分项之和超过总数',
    description: '同一句中“共/合计/总计/累计”后的总数，小于“其中”之后同单位各分项之和。请核对总数或分项。（写成 {合计 = 30件 : 甲 + 乙} 时由 BG206 按公式核对。）',
    example: '共收到信访件{信访 = 19件}，其中来信{来信 = 12件}、来访{来访 = 9件}',
  },
];

const TOTAL_WORDS = /(共|合计|总计|累计|总数)[^，。；！？]{0,12}$/;
const SENTENCE_END = /[。；！？]/;

interface Item {
  node: ast.FigureNode;
  value: NumberValue;
  /** Prose between the previous figure (or sentence start) and this one. */
  before: string;
}

function sentences(lines: readonly (readonly ast.Inline[])[], scope: Scope, model: ReportModel): Item[][] {
  const out: Item[][] = [[]];
  let prose = '';
  for (const line of lines) {
    forEachInline(line, (node) => {
      if (node.kind === 'text') {
        const parts = node.text.split(SENTENCE_END);
        prose += parts[0];
        for (const rest of parts.slice(1)) {
          out.push([]);
          prose = rest;
        }
      } else if (node.kind === 'figure' && !node.broken && (node.body?.form === 'definition' || node.body?.form === 'reference')) {
        const value = model.figures.lookup(node.body.name.text, scope, node.body.name, true);
        if (value?.type === 'number' && !value.percent) out[out.length - 1]!.push({ node, value, before: prose });
        prose = '';
      }
    });
  }
  return out;
}

function partsExceedingTotal(model: ReportModel): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const placed of model.blocks) {
    const block = placed.block;
    const groups = block.kind === 'paragraph' ? [block.lines] : block.kind === 'list' ? block.items.map((i) => i.lines) : [];
    for (const lines of groups) {
      // Most paragraphs have no "其中": skip them before resolving any figure.
      if (!lines.some((line) => line.some((node) => node.kind === 'text' && node.text.includes('其中')))) continue;
      for (const sentence of sentences(lines, placed.scope, model)) {
        const totalIndex = sentence.findIndex((item) => TOTAL_WORDS.test(item.before));
        if (totalIndex < 0) continue;
        const total = sentence[totalIndex]!;
        const afterTotal = sentence.slice(totalIndex + 1);
        const start = afterTotal.findIndex((item) => item.before.includes('其中'));
        if (start < 0) continue;
        const parts = afterTotal.slice(start).filter((item) => item.value.unit === total.value.unit);
        if (parts.length < 2 || total.value.qualifier || parts.some((p) => p.value.qualifier)) continue;
        const sum = parts.reduce((acc, p) => acc + p.value.value, 0);
        if (sum <= total.value.value + 1e-9) continue;
        const unit = total.value.unit ?? '';
        const d = diagnostic('BG223', total.node, `“其中”各项之和为${formatNumber(sum)}${unit}，超过了总数${formatNumber(total.value.value)}${unit}：请核对总数或分项。`);
        found.push(locatedIn(d, placed.scope.file, model.file));
      }
    }
  }
  return found;
}

export const totalsChecks: ReportCheck[] = [{ id: 'parts-exceed-total', codes: ['BG223'], run: partsExceedingTotal }];
