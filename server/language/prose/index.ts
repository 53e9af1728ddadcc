// Figures in prose: the one analysis `import` and the checks share. Amounts are read from text (or
// given, for figures the writer has marked up), grouped by sentence with the words that name them,
// and related (rates to their counts, totals to their parts) by relations.ts.
import { COUNT_MEASURE_WORDS, findAmounts, type Amount } from './amounts.js';
import { figureName, nounAfter, PHRASE_REACH, phraseBefore, wantsNounAfter } from './names.js';
import { pairRates, totalsWithParts, type ProseItem, type RatePairing, type TotalWithParts } from './relations.js';

export { findAmounts, type Amount } from './amounts.js';
export { figureName } from './names.js';
export { isShareRate, partsExceed, rateAgrees, someWholeOf, type ProseItem, type RatePairing } from './relations.js';

/** An item of a sentence with what the caller attached to it (a span, a figure node…). */
export interface Placed<T> {
  item: ProseItem;
  data: T;
}

const SENTENCE_END = /[。；;！!？?\n]/;

/** Collects the amounts of a paragraph sentence by sentence, with the prose between them. */
export class SentenceBuilder<T> {
  readonly sentences: Placed<T>[][] = [[]];
  private sinceItem = '';
  private sentenceText = '';

  constructor(private readonly org?: string) {}

  text(s: string): void {
    // Most pieces end no sentence: added as they are, with no array split out of them.
    if (!SENTENCE_END.test(s)) {
      this.sinceItem += s;
      this.addToSentence(s);
      return;
    }
    const parts = s.split(SENTENCE_END);
    this.sinceItem += parts[0];
    this.addToSentence(parts[0]!);
    for (const rest of parts.slice(1)) {
      if (this.sentences[this.sentences.length - 1]!.length) this.sentences.push([]);
      this.sinceItem = rest;
      this.sentenceText = rest;
    }
  }

  /** An amount read from prose: named by the words before it (or the noun after it). */
  amount(amount: Amount, after: string, data: T): void {
    const phrase = phraseBefore(this.sentenceText, this.org);
    this.push(withWords(itemOf(amount), this.sinceItem, amount.percent ? phrase : phrase + nounIfVerb(phrase, after)), data);
    this.addToSentence(amount.text);
  }

  /** A figure the writer marked up: its name is the phrase. */
  figure(item: Omit<ProseItem, 'before' | 'phrase'>, name: string, printed: string, data: T): void {
    this.push(withWords(item, this.sinceItem, name), data);
    this.addToSentence(printed);
  }

  /** Only the tail a phrase can reach is kept: a long sentence would otherwise be copied at every amount. */
  private addToSentence(s: string): void {
    this.sentenceText += s;
    if (this.sentenceText.length > 2 * PHRASE_REACH) this.sentenceText = this.sentenceText.slice(-PHRASE_REACH);
  }

  private push(item: ProseItem, data: T): void {
    this.sentences[this.sentences.length - 1]!.push({ item, data });
    this.sinceItem = '';
  }
}

function nounIfVerb(phrase: string, after: string): string {
  return wantsNounAfter(phrase) ? nounAfter(after) : '';
}

/** An item with the words before it and those that name it (its fields written out: an object spread per amount cost more than the rest of making it). */
function withWords(item: Omit<ProseItem, 'before' | 'phrase'>, before: string, phrase: string): ProseItem {
  return { value: item.value, unit: item.unit, percent: item.percent, decimals: item.decimals, approximate: item.approximate, before, phrase };
}

export function itemOf(a: Amount): Omit<ProseItem, 'before' | 'phrase'> {
  return { value: a.percent ? a.value / 100 : a.value, unit: a.unit, percent: a.percent, decimals: a.decimals, approximate: a.qualifier !== undefined };
}

export interface TextAmount extends Amount {
  /** The name a writer would choose (undefined: no words to name it by). */
  name: string | undefined;
}

export interface SentenceRelations<T> {
  sentence: Placed<T>[];
  rates: RatePairing[];
  totals: TotalWithParts[];
}

/** The relations of every sentence. */
export function relate<T>(sentences: readonly Placed<T>[][]): SentenceRelations<T>[] {
  return sentences.map((sentence) => {
    const items = sentence.map((p) => p.item);
    return { sentence: [...sentence], rates: pairRates(items), totals: totalsWithParts(items) };
  });
}

/** Plain text (one paragraph): its amounts, named, grouped by sentence. */
export function analyseText(text: string, org?: string): SentenceRelations<TextAmount>[] {
  const builder = new SentenceBuilder<TextAmount>(org);
  let at = 0;
  for (const amount of findAmounts(text)) {
    builder.text(text.slice(at, amount.start));
    const after = text.slice(amount.end);
    const before = builderText(text, amount.start);
    // “7个方面58项具体措施”: the words between two counts name the first; the second is named by the noun after it.
    const phraseText = !amount.percent && COUNT_THEN_NOUN.test(before) && nounAfter(after).length >= 2 ? '' : phraseBefore(before, org);
    builder.amount(amount, after, { ...amount, name: figureName(phraseText, after, amount.percent) });
    at = amount.end;
  }
  builder.text(text.slice(at));
  return relate(builder.sentences);
}

/** A count right before the words ending here: “……7个方面” before 58项. */
const COUNT_THEN_NOUN = new RegExp(`\\d(?:\\.\\d+)?[余多]?(?:${COUNT_MEASURE_WORDS.join('|')})[\\u4e00-\\u9fff]{1,12}$`);

/** The text of the sentence an offset is in, up to the offset (as far as a phrase reaches). */
function builderText(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - PHRASE_REACH), at);
  const parts = before.split(SENTENCE_END);
  return parts[parts.length - 1]!;
}
