// Report checks: a rate beside the counts it follows from, in prose nobody has marked up as well as in
// figures written without a check formula. "共调处矛盾纠纷147起，调解成功150起，成功率达102%" and
// "应领证54人，持证46人，持证率为81.48%" are found like {成功率 = 98% : 成功/调处} is by the model, with
// the same codes: BG206 (rate does not follow from the counts), BG207 (no whole count gives the rate),
// BG208 (a share above 100%). Only pairings the analysis is sure of are checked (prose/relations.ts).
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { diagnostic, locatedIn } from '../makeDiagnostic.js';
import type { ReportModel } from '../model.js';
import { isShareRate, rateAgrees, someWholeOf, type Placed, type RatePairing, type SentenceRelations } from '../prose/index.js';
import { cachedPerPlaced } from './blockCache.js';
import { blockRelations, NeededWords, relationsContext, type ItemSource } from './proseItems.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';

type Item = Placed<ItemSource>;

/** Only paragraphs that write a percentage can hold a rate (most have none: skipped before any work). */
const mentions = new NeededWords(['%', '％']);

const percentOf = (ratio: number, decimals: number) => `${(ratio * 100).toFixed(Math.max(decimals, 2))}%`;
const named = (item: Item) => `“${item.data.figure?.name ?? item.item.phrase}”${item.data.printed}`;
// A share said with 占 ("，占全部事项的98%") has no name of its own: it is the 占比.
const rateName = (item: Item) => (item.data.figure?.name ?? item.item.phrase.split(/的|和|及|与/).pop()!) || '占比';

function checkPairing(pairing: RatePairing, sentence: Item[], model: ReportModel): Diagnostic | undefined {
  const rate = sentence[pairing.rate]!;
  if (rate.data.figure?.checkedByModel) return undefined;
  const at = (code: string, message: string) => locatedIn(diagnostic(code, rate.data, message), rate.data.scope.file, model.file);
  if (pairing.kind === 'counts') {
    const numerator = sentence[pairing.numerator]!;
    const denominator = sentence[pairing.denominator]!;
    if (numerator.data.figure?.checkedByModel || denominator.data.figure?.checkedByModel || denominator.item.value === 0) return undefined;
    const ratio = numerator.item.value / denominator.item.value;
    const source = `${named(numerator)} ÷ ${named(denominator)}`;
    if (ratio > 1 + 1e-9) return at('BG208', `“${rateName(rate)}”写为${rate.data.printed}，按前文${source}算得${percentOf(ratio, rate.item.decimals)}，超过了100%：分子不应大于分母，请核对计数。`);
    if (!rateAgrees(rate.item, ratio)) return at('BG206', `“${rateName(rate)}”写为${rate.data.printed}，但按前文${source}算得${percentOf(ratio, rate.item.decimals)}：请核对比率或计数。`);
    return undefined;
  }
  if (pairing.kind === 'whole' && rate.item.value <= 1) {
    const denominator = sentence[pairing.denominator]!;
    const n = denominator.item.value;
    if (denominator.data.figure?.checkedByModel || n <= 0) return undefined;
    if (someWholeOf(rate.item, n)) return undefined;
    const k = Math.floor(rate.item.value * n);
    const near = [k, k + 1].filter((x) => x >= 0 && x <= n).map((x) => `${x}${denominator.item.unit ?? ''}时为${percentOf(x / n, rate.item.decimals)}`);
    return at('BG207', `“${rateName(rate)}”写为${rate.data.printed}，但${named(denominator)}中没有任何整数件数能得出这个比率：${near.join('，')}。请核对比率或计数。`);
  }
  return undefined;
}

function ratesAgainstCounts(model: ReportModel): Diagnostic[] {
  // Remembered per block with the values of its figures: an edit elsewhere does not re-read it.
  return cachedPerPlaced({ name: 'rates', of: (placed) => `rates:${relationsContext(model, placed, mentions)}` }, model, (placed) => ratesIn(model, blockRelations(model, placed, mentions)), mentions.test);
}

function ratesIn(model: ReportModel, relations: SentenceRelations<ItemSource>[]): readonly Diagnostic[] {
  let found: Diagnostic[] | undefined;
  for (const { sentence, rates } of relations) {
    const reported = new Set<number>();
    for (const pairing of rates) {
      const d = checkPairing(pairing, sentence, model);
      if (d) {
        (found ??= []).push(d);
        reported.add(pairing.rate);
      }
    }
    sentence.forEach((rate, i) => {
      if (reported.has(i) || !rate.item.percent || rate.item.value <= 1 + 1e-9 || rate.data.figure?.checkedByModel || !isShareRate(rate.item.phrase)) return;
      const d = diagnostic('BG208', rate.data, `“${rateName(rate)}”写为${rate.data.printed}，超过了100%：这样的比率是部分占总数的比例，不会超过100%，请核对。`);
      (found ??= []).push(locatedIn(d, rate.data.scope.file, model.file));
    });
  }
  return found ?? NO_DIAGNOSTICS;
}

export const ratesChecks: ReportCheck[] = [{ id: 'rates-against-counts', codes: ['BG206', 'BG207', 'BG208'], run: ratesAgainstCounts }];
