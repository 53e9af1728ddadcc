// Property test: wrapParagraph over thousands of generated paragraphs. The rules are
// restated here from DOMAIN.md §6, independently of the implementation's tiers.
import assert from 'node:assert/strict';
import { NO_LINE_END, NO_LINE_START, wrapParagraph } from '../../../templates/layout/linebreak';
import { cellWidth } from '../../../templates/layout/width';

// mulberry32: tiny seeded PRNG so failures reproduce (no Math.random).
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = [...'法治政府建设年度报告推进依法行政工作全面落实责任制度规范执法监督调解案件'];
const CLOSERS = [...'、，。：；！？）》”’】〕％·'];
const OPENERS = [...'《（“‘【〔'];
const WORDS = ['GB/T', 'PDF', 'Word', 'baogao', 'HTML', 'COVID-19', 'e-mail'];
const UNITS = [...'起件名份次人项'];

function generate(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const parts: string[] = [];
  const count = int(0, 80);
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.4) parts.push(pick(HAN));
    else if (r < 0.52) parts.push(pick(CLOSERS));
    else if (r < 0.6) parts.push(pick(OPENERS));
    else if (r < 0.64) parts.push(`${int(1, 9999)}${pick(UNITS)}`);
    else if (r < 0.67) parts.push(`${int(0, 100)}.${int(0, 99)}%`);
    else if (r < 0.7) parts.push(`${int(1, 99) * 100}多份`);
    else if (r < 0.72) parts.push(`${int(1, 100)}％`);
    else if (r < 0.76) parts.push(pick(WORDS));
    else if (r < 0.8) parts.push('——');
    else if (r < 0.84) parts.push('……');
    else if (r < 0.86) parts.push(`“${int(1, 12)}·${int(1, 31)}”`);
    else if (r < 0.88) parts.push(' ');
    else if (r < 0.9) parts.push(pick(CLOSERS).repeat(int(5, 40))); // punctuation-locked runs
    else if (r < 0.91) parts.push(pick(OPENERS).repeat(int(5, 40)));
    else if (r < 0.92) parts.push('x'.repeat(int(15, 80))); // words wider than a line
    else if (r < 0.93) parts.push(String(int(1, 9)).repeat(int(15, 60)) + pick(UNITS));
    else parts.push(pick(HAN) + pick(HAN));
  }
  return parts.join('');
}

const DIGIT = /^[0-9]$/;
const ASCII = /^[!-~]$/;
const UNIT = /^[\u4e00-\u9fff％]$/;

// Punctuation rules (clreq): nothing forbidden at the start or the end of a line.
const punctuationOk = (a: string, b: string) => !NO_LINE_START.has(b) && !NO_LINE_END.has(a);

// Runs that must not be split: Latin words and numbers, —— and ……, a number and its
// measure word, 间隔号 day names; and a space stays at the end of its line.
function glued(prev: string, a: string, b: string): boolean {
  return (
    b === ' ' ||
    (ASCII.test(a) && ASCII.test(b)) ||
    (a === '—' && b === '—') ||
    (a === '…' && b === '…') ||
    (UNIT.test(b) && (DIGIT.test(a) || ((a === '.' || a === '%') && DIGIT.test(prev)))) ||
    (a === '·' && DIGIT.test(b) && DIGIT.test(prev))
  );
}

// 1: every rule holds; 2: punctuation rules hold; 3: neither.
function tier(cps: string[], j: number): number {
  const a = cps[j - 1]!;
  const b = cps[j]!;
  if (!punctuationOk(a, b)) return 3;
  if (addressBreak(cps, j)) return 1;
  return glued(cps[j - 2] ?? '', a, b) ? 2 : 1;
}

// A web address or code — an ASCII run wider than 24 cells with a letter in it — may break after / . - _ ? & = # :
// (not before another of them, not inside a number such as 78.20).
const SEPARATOR = /^[/.\-_?&=#:]$/;
function addressBreak(cps: string[], j: number): boolean {
  const a = cps[j - 1]!;
  const b = cps[j]!;
  if (!ASCII.test(a) || !ASCII.test(b) || a === ' ' || b === ' ' || !SEPARATOR.test(a) || SEPARATOR.test(b)) return false;
  if (DIGIT.test(cps[j - 2] ?? '') && DIGIT.test(b)) return false;
  let start = j - 1;
  while (start > 0 && ASCII.test(cps[start - 1]!) && cps[start - 1] !== ' ') start--;
  let end = j;
  while (end < cps.length && ASCII.test(cps[end]!) && cps[end] !== ' ') end++;
  const run = cps.slice(start, end);
  return run.length > 24 && run.some((c) => /[A-Za-z]/.test(c));
}

interface Stats {
  breaks: number;
  unavoidablePunctuation: number;
  unavoidableGlue: number;
}

function check(text: string, width: number, stats: Stats): void {
  const indent = '\u3000\u3000';
  const lines = wrapParagraph(text, { width });
  const where = `width ${width}, text ${JSON.stringify(text)}`;
  const cells = 2 * width;

  // Invariant: the lines, indent removed, are the input.
  assert.ok(lines.length === 0 || lines[0]!.startsWith(indent), where);
  const bodies = lines.map((l, i) => (i === 0 ? l.slice(indent.length) : l));
  assert.equal(bodies.join(''), text, where);
  assert.equal(lines.length === 0, text === '', where);

  const cps = [...text];
  let start = 0;
  for (let k = 0; k < lines.length; k++) {
    assert.ok(cellWidth(lines[k]!) <= cells, `line ${k} too wide: ${where}`);
    assert.ok(bodies[k]!.length > 0, `empty line ${k}: ${where}`);
    const end = start + [...bodies[k]!].length;
    if (end === cps.length) break;
    stats.breaks++;
    const t = tier(cps, end);
    const internal = [];
    for (let j = start + 1; j < end; j++) internal.push(tier(cps, j));

    // A forbidden start/end is unavoidable only when the line has no internal boundary
    // where breaking obeys both punctuation rules, i.e. the whole line is one
    // punctuation-locked run (only closing marks, or 《《《…, or 《 and closers…).
    if (t === 3) {
      assert.ok(!internal.some((x) => x <= 2), `avoidable forbidden start/end after line ${k}: ${where}`);
      stats.unavoidablePunctuation++;
    }
    // A number, word, —— or …… is split only when no boundary in the line obeys every rule.
    if (t === 2) {
      assert.ok(!internal.some((x) => x === 1), `avoidable split of a run after line ${k}: ${where}`);
      stats.unavoidableGlue++;
    }

    // Greedy: no later boundary that still fits is as good as the chosen one.
    let w = cellWidth(lines[k]!);
    for (let j = end; j < cps.length; j++) {
      w += cellWidth(cps[j]!);
      if (w > cells) break;
      if (j + 1 === cps.length) assert.fail(`the rest fits on line ${k}: ${where}`);
      assert.ok(tier(cps, j + 1) > t, `line ${k} could have taken more: ${where}`);
    }
    start = end;
  }
}

describe('layout/linebreak: properties', () => {
  for (const width of [10, 20, 28, 35]) {
    it(`holds its invariants over 1000 generated paragraphs at width ${width}`, () => {
      const rand = prng(0x9704 + width);
      const stats: Stats = { breaks: 0, unavoidablePunctuation: 0, unavoidableGlue: 0 };
      for (let i = 0; i < 1000; i++) check(generate(rand), width, stats);
      // The generator must reach the fallbacks, or the exceptions above were never tested.
      assert.ok(stats.breaks > 1000, `only ${stats.breaks} breaks`);
      assert.ok(stats.unavoidablePunctuation > 0, 'no punctuation-locked line generated');
      assert.ok(stats.unavoidableGlue > 0, 'no over-long run generated');
    });
  }
});
