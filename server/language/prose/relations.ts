// What the amounts of one sentence say about each other: a rate beside the counts it follows from
// ("调处矛盾纠纷150起，调解成功147起，成功率达98%"), a total and its parts ("共…，其中…"). Pure: the same
// analysis serves `import` (which writes the relations as checked figures) and the checks (which test
// them on prose nobody has marked up). Built for precision: a pairing that is not clear is "unsure"
// and is never checked.

export interface ProseItem {
  /** A count, or a rate held as a ratio (98% → 0.98). */
  value: number;
  unit: string | undefined;
  percent: boolean;
  /** Decimals as written: the precision a stated rate claims. */
  decimals: number;
  /** 余 多 约 近 以上 …: not an exact count. */
  approximate: boolean;
  /** Prose between the previous amount of the sentence (or its start) and this one. */
  before: string;
  /** The words that name it: the phrase before it, with the noun after it when that is what it counts. */
  phrase: string;
}

export type RatePairing =
  /** The rate is numerator ÷ denominator of two counts before it. */
  | { kind: 'counts'; rate: number; numerator: number; denominator: number }
  /** The rate is some whole count ÷ the count before it ("调处纠纷59件……成功率97.33%"). */
  | { kind: 'whole'; rate: number; denominator: number }
  /** Counts stand before the rate, but which ones it follows from is not clear. */
  | { kind: 'unsure'; rate: number; why: string };

export interface TotalWithParts {
  total: number;
  parts: number[];
}

const RATE_NAME = /(?:率|比例|占比|比重)$/;
/** Rates that may exceed 100% or are not shares of a count: growth, plan fulfilment, comparisons. */
const NOT_A_SHARE = /增长|增幅|增速|同比|环比|提高|提升|上升|下降|降低|减少|增加|超额|完成|执行|利用|使用|发生|犯罪|发案/;

/** A rate that is a share of a count (成功率, 持证率, 受理率): at most 100%. */
export function isShareRate(phrase: string): boolean {
  return RATE_NAME.test(phrase) && !NOT_A_SHARE.test(phrase);
}

/** Words too common to tie a rate to a count: "群众满意率" says nothing about "接待群众120人次". */
const GENERIC = /群众|人员|干部|职工|工作|法治|法律|依法|行政|事项|村民|居民|全镇|全乡|全年|各类/g;

/** The longest run of the rate's stem ("持证" of 持证率) found in the count's words, common words aside. */
function overlap(rateStem: string, phrase: string): number {
  const stem = rateStem.replace(GENERIC, '|');
  let best = 0;
  for (let i = 0; i < stem.length; i++) for (let j = i + best + 1; j <= stem.length && !stem.slice(i, j).includes('|') && phrase.includes(stem.slice(i, j)); j++) best = j - i;
  return best;
}

/** Does `rate` (a ratio) agree with numerator ÷ denominator at the precision it was written with? */
export function rateAgrees(rate: ProseItem, ratio: number): boolean {
  return Math.abs(ratio * 100 - rate.value * 100) <= 0.5 * 10 ** -rate.decimals + 1e-9;
}

/**
 * Whether a whole count agrees with `rate` beside the count `n`: k ÷ n for some k from 0 to n (`of`), or
 * n ÷ m for some m of at least n (`over`). Only the wholes next to the exact one can agree: three are tried.
 */
export function someWholeOf(rate: ProseItem, n: number, side: 'of' | 'over' = 'of'): boolean {
  if (side === 'of') {
    const k = Math.round(rate.value * n);
    return [k - 1, k, k + 1].some((x) => x >= 0 && x <= n && rateAgrees(rate, x / n));
  }
  if (rate.value <= 0) return false;
  const m = Math.round(n / rate.value);
  return [m - 1, m, m + 1].some((x) => x >= n && x > 0 && rateAgrees(rate, n / x));
}

const isCount = (item: ProseItem) => !item.percent && !item.approximate && item.unit !== undefined && Number.isInteger(item.value);

/** The rates of a sentence that are shares, each paired with the counts before it when that is clear. */
export function pairRates(sentence: readonly ProseItem[]): RatePairing[] {
  const out: RatePairing[] = [];
  // The last three counts before the item at hand, kept as the sentence is read (linear in its items).
  let counts: Array<{ item: ProseItem; i: number }> = [];
  sentence.forEach((rate, r) => {
    const before = counts;
    if (isCount(rate)) counts = [...counts.slice(-2), { item: rate, i: r }];
    if (!rate.percent || before.length === 0) return;
    const share = shareOfTotal(sentence, r);
    if (share) return void out.push(share);
    if (!isShareRate(rate.phrase)) return;
    pairRate(out, rate, r, before);
  });
  return out;
}

/** "，占全部政务服务事项的98.96%" / "，占比98%": a share said with 占 right after a count; not of another whole (占全市的). */
const SHARE_OF = /^[，,、]?\s*(?:约|共)?占(?:比|([^，。；,;！？]{0,16}?)的?)$/;
const OTHER_WHOLE = /全[省市县区州盟旗国乡镇]|上级|同期|去年|上年/;

/**
 * "共…{总数}…，其中…{部分}，占…的{比率}": the part right before the rate over the total of the same unit. Only
 * this whole shape is read (the total said with 共, the part with 其中): the pairing is then certain.
 */
function shareOfTotal(sentence: readonly ProseItem[], r: number): RatePairing | undefined {
  const rate = sentence[r]!;
  const said = SHARE_OF.exec(rate.before);
  if (!said || (said[1] && OTHER_WHOLE.test(said[1])) || r < 2) return undefined;
  const part = sentence[r - 1]!;
  if (!isCount(part) || !PARTS_START.test(part.before)) return undefined;
  for (let t = r - 2; t >= 0; t--) {
    const total = sentence[t]!;
    if (!isCount(total) || total.unit !== part.unit) continue;
    if (!TOTAL_WORDS.test(total.before.slice(-TOTAL_WORDS_REACH))) return undefined;
    return { kind: 'counts', rate: r, numerator: r - 1, denominator: t };
  }
  return undefined;
}

/** A count of what was added (新增, 新招录, 新发展, 净增 …): a part added to a whole, never the whole. */
const INCREMENT = /^(?:新增|净增|新招录?|新录用|新发展|新聘|新提拔|新提任|新吸收|新入职|新配备|新办理)/;

/** One share rate: paired with (at most three) counts before it, or said to be unclear. */
function pairRate(out: RatePairing[], rate: ProseItem, r: number, counts: Array<{ item: ProseItem; i: number }>): void {
  // The rate's own words, at most four characters before 率: "法律知识在线考试通过率" → 考试通过.
  const stem = rate.phrase.split(/的|和|及|与/).pop()!.replace(RATE_NAME, '').slice(-4).replace(/^(?:纠纷|案件)/, '');
  const scored = counts.map((c) => ({ ...c, score: overlap(stem, c.item.phrase) })).sort((a, b) => b.score - a.score || b.i - a.i);
  const best = scored[0]!;
  const clear = best.score >= 2 && (scored.length === 1 || best.score > scored[1]!.score);
  const sameUnit = counts.filter((c) => c.i !== best.i && c.item.unit === best.item.unit);
  // The whole comes before its part ("共调处…150起，调解成功147起"): a count after the numerator is not
  // its denominator (that one may stand in the sentence before).
  const denominator = [...sameUnit].reverse().find((c) => c.i < best.i);
  if (clear && denominator) {
    out.push({ kind: 'counts', rate: r, numerator: best.i, denominator: denominator.i });
    return;
  }
  if (clear && !sameUnit.length && r - best.i <= 2) {
    // A count of what was added this year (龙溪镇 2024, 476: “新增持证执法人员3名,全镇执法人员持证率达100%”) is
    // no whole the rate is a share of: the holders of the rate are all of them, not the new ones.
    if (INCREMENT.test(best.item.phrase)) {
      out.push({ kind: 'unsure', rate: r, why: `“${best.item.phrase}”是新增的数，不是比率所依据的总数` });
      return;
    }
    // The count is taken for the whole; but when no part of it gives the rate and the count itself is a
    // part of some whole that does ("持证人员32人，持证率91.4%": 32 of 35), which it is is not clear.
    const n = best.item.value;
    if (!someWholeOf(rate, n) && someWholeOf(rate, n, 'over')) {
      out.push({ kind: 'unsure', rate: r, why: `看不出“${best.item.phrase}”是比率的分母还是分子` });
      return;
    }
    out.push({ kind: 'whole', rate: r, denominator: best.i });
    return;
  }
  const last = counts.slice(-2);
  // Only the two counts right before the rate, and only when their words touch the rate's: a rate at
  // the end of a list of unrelated counts is left alone.
  const adjacent = last.length === 2 && last[1]!.i === r - 1 && last[0]!.i === r - 2;
  if (adjacent && last[0]!.item.unit === last[1]!.item.unit && scored[0]!.score >= 1) {
    const [den, num] = last as [(typeof counts)[0], (typeof counts)[0]];
    if (den.item.value > 0 && rateAgrees(rate, num.item.value / den.item.value)) {
      out.push({ kind: 'counts', rate: r, numerator: num.i, denominator: den.i });
      return;
    }
    out.push({ kind: 'unsure', rate: r, why: `前面有两个数（${den.item.phrase || '第一个'}、${num.item.phrase || '第二个'}），看不出比率由哪两个数算出` });
  }
}

const TOTAL_WORDS = /(?:共|合计|总计|累计|总数)[^，。；！？]{0,12}$/;
/** The longest text TOTAL_WORDS can match: it is tested on the end of the prose before an amount only (the pattern, anchored at the end, would be tried at every character of a long one). */
const TOTAL_WORDS_REACH = 2 + 12;
/** Counts of people and bodies: their parts may overlap (其中党员…、女性…), so they are not added up. */
const OVERLAPPING_UNITS = new Set(['人', '名', '人次', '万人', '万人次', '位', '户', '户次', '家', '个', '所', '支', '组']);
const PARTS_START = /其中|分别为|分别是/;

/** "共…{总数}…，其中{甲}…{乙}": the total and its parts of the same unit (exact counts only). */
export function totalsWithParts(sentence: readonly ProseItem[]): TotalWithParts[] {
  const t = sentence.findIndex((item) => !item.percent && TOTAL_WORDS.test(item.before.slice(-TOTAL_WORDS_REACH)));
  if (t < 0) return [];
  const total = sentence[t]!;
  if (total.unit && OVERLAPPING_UNITS.has(total.unit)) return [];
  const afterTotal = sentence.map((item, i) => ({ item, i })).slice(t + 1);
  const start = afterTotal.findIndex(({ item }) => PARTS_START.test(item.before));
  if (start < 0) return [];
  const parts = afterTotal.slice(start).filter(({ item }) => !item.percent && item.unit === total.unit);
  if (parts.length < 2 || total.approximate || parts.some(({ item }) => item.approximate)) return [];
  return [{ total: t, parts: parts.map(({ i }) => i) }];
}

/** Do the parts add up to more than the total? */
export function partsExceed(sentence: readonly ProseItem[], relation: TotalWithParts): number | undefined {
  const sum = relation.parts.reduce((acc, i) => acc + sentence[i]!.value, 0);
  return sum > sentence[relation.total]!.value + 1e-9 ? sum : undefined;
}
