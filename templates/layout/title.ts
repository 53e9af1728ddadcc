// GB/T 9704—2012 7.3.3: a title too long for one line is broken between words ("词意完整"), into lines of
// sensible length set as a 梯形 or 菱形 ("排列对称，长短适宜"). Words come from the ICU word segmenter
// (Intl.Segmenter, no dictionary to ship); place names it cuts into single characters are kept whole by a
// high cost for breaking between two one-character words.
import { NO_LINE_END, NO_LINE_START } from './linebreak.js';
import { cellWidth } from './width.js';
import { chineseWords } from '../../server/language/words.js';

/** 2号 (22 pt) characters on the 156 mm line: 20, i.e. 40 half-width cells. */
export const TITLE_LINE_CELLS = 40;

/** Space the writer left between the parts of a title (中共某某委员会 某某人民政府 关于…): where its lines end. */
const WHITE = /^[\s\u3000]+$/;
/** Words after which a line should not end: they lead into what follows (关于…的报告). */
const LEADING_WORDS = new Set(['关于', '对于', '有关', '的', '和', '及', '与', '暨', '在']);
const DIGITS = /^[0-9０-９]+$/;
/** The end of an issuing body's name: a joint title breaks between the bodies (中共某某镇委员会 / 某某镇人民政府). */
const ISSUER_END = /(委员会|人民政府|办公室|办公厅)$/;

interface Cut {
  /** Offset in the line's text. */
  at: number;
  cost: number;
}

/**
 * The title's printed lines. `keep` names phrases never broken (the issuing body); a break right after one of
 * them is preferred, as in "重庆市沙坪坝区回龙坝镇人民政府 / 2021年法治政府建设情况报告". A line the writer broke
 * (`\n`) stays broken there; a space the writer left between its parts (a joint title copied from its lines:
 * "中共某某委员会 某某人民政府 关于……的报告") is preferred like the end of the body, and not printed at a line's
 * end. `maxCells` is the line's width in half-width cells of the title's type.
 */
export function splitTitle(title: string, keep: readonly string[] = [], maxCells = TITLE_LINE_CELLS): string[] {
  // The preview lays the report out at every keystroke, and the title seldom changes: the last one is kept.
  const key = `${maxCells}\0${keep.join('\0')}\0${title}`;
  if (lastTitle?.key !== key) lastTitle = { key, lines: splitTitleAnew(title, keep, maxCells) };
  return [...lastTitle.lines];
}

let lastTitle: { key: string; lines: readonly string[] } | undefined;

function splitTitleAnew(title: string, keep: readonly string[], maxCells: number): string[] {
  return title
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => (cellWidth(line) <= maxCells ? [line] : splitLine(line, keep, maxCells)));
}

function splitLine(line: string, keep: readonly string[], maxCells: number): string[] {
  const cuts = cutsOf(line, keep);
  const total = cellWidth(line);
  for (let lines = Math.ceil(total / maxCells); lines <= cuts.length + 1; lines++) {
    const best = bestSplit(line, cuts, lines, maxCells);
    if (best) return best;
  }
  // No word boundary gives lines that fit (one very long word): break it on the grid like prose.
  const out: string[] = [];
  let rest = line;
  while (cellWidth(rest) > maxCells) {
    let end = 0;
    for (const ch of rest) {
      if (cellWidth(rest.slice(0, end + ch.length)) > maxCells) break;
      end += ch.length;
    }
    out.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  return rest ? [...out, rest] : out;
}

/** Allowed break offsets with their cost: 0 ordinary, negative preferred, higher discouraged. */
function cutsOf(line: string, keep: readonly string[]): Cut[] {
  const words = chineseWords(line);
  const kept = keep.filter(Boolean).flatMap((phrase) => {
    const start = line.indexOf(phrase);
    return start < 0 ? [] : [{ start, end: start + phrase.length }];
  });
  const bracketDepth = depthBefore(line);
  const cuts: Cut[] = [];
  for (let i = 1; i < words.length; i++) {
    const before = words[i - 1]!.text;
    const after = words[i]!.text;
    const at = words[i]!.at;
    if (kept.some((k) => at > k.start && at < k.end) || bracketDepth[at]! > 0) continue;
    if (NO_LINE_START.has(after[0]!) || NO_LINE_END.has(before[before.length - 1]!)) continue;
    if (DIGITS.test(before) && /^[年月日度号届期]/.test(after)) continue;
    let cost = 1;
    if (kept.some((k) => at === k.end) || WHITE.test(before) || WHITE.test(after)) cost = -12;
    else if (DIGITS.test(after) || after === '关于' || ISSUER_END.test(line.slice(0, at))) cost = -4;
    else if (LEADING_WORDS.has(before)) cost = 20;
    else if (Array.from(before).length === 1 && Array.from(after).length === 1) cost = 24;
    cuts.push({ at, cost });
  }
  return cuts;
}

/** Bracket depth at each offset: no break inside 《》 or （）. */
function depthBefore(line: string): number[] {
  const depth: number[] = [];
  let d = 0;
  for (let i = 0; i <= line.length; i++) {
    depth.push(d);
    const ch = line[i];
    if (ch === '《' || ch === '（' || ch === '(') d++;
    else if ((ch === '》' || ch === '）' || ch === ')') && d > 0) d--;
  }
  return depth;
}

/** The cheapest choice of `lines − 1` cuts whose lines all fit, or undefined. */
function bestSplit(line: string, cuts: Cut[], lines: number, maxCells: number): string[] | undefined {
  let best: { cost: number; parts: string[] } | undefined;
  const choose = (from: number, chosen: Cut[]) => {
    if (chosen.length === lines - 1) {
      const offsets = [0, ...chosen.map((c) => c.at), line.length];
      const parts = offsets.slice(1).map((end, i) => line.slice(offsets[i], end).trim());
      const widths = parts.map(cellWidth);
      if (widths.some((w) => w > maxCells)) return;
      const cost = chosen.reduce((sum, c) => sum + c.cost, 0) + shapeCost(widths);
      if (!best || cost < best.cost) best = { cost, parts };
      return;
    }
    for (let i = from; i < cuts.length; i++) choose(i + 1, [...chosen, cuts[i]!]);
  };
  choose(0, []);
  return best?.parts;
}

/**
 * 梯形 (each line at least as long as the one above) or 菱形 (the middle longest) cost nothing but their
 * unevenness; other shapes (a long line over a short one) cost more.
 */
function shapeCost(widths: number[]): number {
  const spread = (Math.max(...widths) - Math.min(...widths)) / 2;
  const trapezoid = widths.every((w, i) => i === 0 || w >= widths[i - 1]!);
  const peak = widths.indexOf(Math.max(...widths));
  const diamond = widths.length > 2 && widths.every((w, i) => (i <= peak ? i === 0 || w >= widths[i - 1]! : w <= widths[i - 1]!));
  const steps = widths.reduce((sum, w, i) => (i ? sum + Math.abs(w - widths[i - 1]!) : 0), 0) / 2;
  return spread * 0.5 + steps * 0.25 + (trapezoid || diamond ? 0 : 2 + spread * 0.25);
}
