// Import: the amounts of a paragraph become figures, named as a writer would name them — "共调处矛盾纠纷
// 150起" → "共调处矛盾纠纷{调处矛盾纠纷 = 150起}" — and a rate beside the counts it follows from becomes a
// checked figure ({成功率 = 98% : 调解成功/调处矛盾纠纷}), so the checker tests it. The analysis is the
// one the checks run on unmarked prose (server/language/prose/). What prints is unchanged: each figure
// prints exactly the characters it replaces; an amount that could not be written so stays text.
import { inSimplifiedScript } from '../script.js';
import { analyseText, type RatePairing, type TextAmount } from '../prose/index.js';

export interface MarkedText {
  /** The paragraph with figures marked up and everything else escaped. */
  text: string;
  /** Why a rate was left without a check formula, for a `//` comment above the paragraph. */
  comments: string[];
  /** Figures written. */
  figures: number;
}

/** Names already used in the report: a figure is defined once per report. */
export type NameRegistry = Set<string>;

function uniqueName(name: string, used: NameRegistry): string {
  const numerals = '二三四五六七八九十';
  let candidate = name;
  for (let i = 0; used.has(candidate) && i < numerals.length; i++) candidate = `${name}之${numerals[i]}`;
  return used.has(candidate) ? '' : candidate;
}

/** Can this amount be written as a figure that prints exactly as typed? */
const writable = (a: TextAmount) => !!a.name && !/\s/.test(a.text);

/** A figure to write over the amount at [start, end) of the analysed text. */
export interface FigureMarkup {
  start: number;
  end: number;
  /** The figure's name. */
  name: string;
  /** `{名称 = 150起}`, or with its check formula `{成功率 = 98% : 调解成功/调处矛盾纠纷}`. */
  markup: string;
  /** The markup without the check formula (for a figure written alone, whose counts are still prose). */
  plain: string;
}

/**
 * The amounts of `raw` that can be figures, named as a writer would name them (unique against `used`,
 * which is extended), in order. The one namer of import and of the editor's 把数字改为指标.
 */
export function figuresInText(raw: string, used: NameRegistry, org?: string, comments: string[] = []): FigureMarkup[] {
  const out: FigureMarkup[] = [];
  // Prose copied from a 繁体 page is analysed in simplified script (its verbs and nouns are the analysis's
  // words); names and amounts are written back as the text writes them (開展法律培訓, 620餘人次).
  const read = inSimplifiedScript(raw);
  const asWritten = read === raw ? (s: string) => s : writtenBack(raw, read);
  for (const { sentence, rates } of analyseText(read, org === undefined ? undefined : inSimplifiedScript(org))) {
    if (read !== raw) for (const { data } of sentence) data.text = raw.slice(data.start, data.end);
    const names = new Map<number, string>();
    const checks = new Map<number, string>();
    sentence.forEach(({ data }, i) => {
      if (!writable(data)) return;
      const name = uniqueName(asWritten(data.name!), used);
      if (!name) return;
      used.add(name);
      names.set(i, name);
    });
    for (const pairing of rates) formulaFor(pairing, names, sentence.map((p) => p.data), checks, comments);
    sentence.forEach(({ data }, i) => {
      const name = names.get(i);
      if (!name) return;
      const plain = `{${name} = ${data.text}}`;
      out.push({ start: data.start, end: data.end, name, plain, markup: checks.has(i) ? `{${name} = ${data.text} : ${checks.get(i)}}` : plain });
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A word of `read` (`raw` in simplified script) as `raw` writes it: each character the text had in traditional script. */
function writtenBack(raw: string, read: string): (s: string) => string {
  const traditional = new Map<string, string>();
  for (let i = 0; i < raw.length; i++) if (raw[i] !== read[i]) traditional.set(read[i]!, raw[i]!);
  return (s) => [...s].map((ch) => traditional.get(ch) ?? ch).join('');
}

/** `raw` with its amounts as figures; `escape` escapes the text between them. */
export function markFigures(raw: string, used: NameRegistry, escape: (s: string) => string, org?: string): MarkedText {
  const comments: string[] = [];
  const figures = figuresInText(raw, used, org, comments);
  let text = '';
  let at = 0;
  for (const { start, end, markup } of figures) {
    text += escape(raw.slice(at, start)) + markup;
    at = end;
  }
  text += escape(raw.slice(at));
  return { text, comments, figures: figures.length };
}

function formulaFor(pairing: RatePairing, names: Map<number, string>, amounts: TextAmount[], checks: Map<number, string>, comments: string[]): void {
  const rate = names.get(pairing.rate);
  if (!rate) return;
  if (pairing.kind === 'unsure') {
    comments.push(`“${amounts[pairing.rate]!.text}”（${rate}）没有写成校验公式：${pairing.why}。如能确定，可写成 {${rate} = ${amounts[pairing.rate]!.text} : 分子/分母}。`);
    return;
  }
  const denominator = names.get(pairing.denominator);
  if (!denominator) return;
  if (pairing.kind === 'whole') checks.set(pairing.rate, `_/${denominator}`);
  else {
    const numerator = names.get(pairing.numerator);
    if (numerator) checks.set(pairing.rate, `${numerator}/${denominator}`);
  }
}
