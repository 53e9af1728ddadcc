// The benchmark's workload: valid reports of a given size built from the samples. Every repetition after
// the first is one level down (so the report keeps one set of required parts, in order) and renames its
// figures, labels and headings, so the only diagnostics are the samples' own real defects, repeated.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { forEachFigure, parse } from '../grammar/index.js';
import type * as ast from '../grammar/index.js';
import { forEachRef, lineInlines } from '../server/language/features/locate.js';
import { HEADER_FIGURES } from '../server/language/figures.js';

/** The 2020 samples (one reporting year, so a repeated body is not "last year's text"), guiwei first: its header is the report's. */
const SAMPLES = ['guiwei-2020', 'dongzhaogezhuang-2020', 'beiping-2020'];
const OWN_NAMES: Record<string, string> = { 'dongzhaogezhuang-2020': '东赵各庄镇', 'beiping-2020': '北屏乡' };
const HOME = '桂圩镇';

const HAN_DIGITS = '〇一二三四五六七八九';
/** A suffix of Han digits: figure names and headings take no Arabic digits (those would be checked as counts). */
export function hanNumber(n: number): string {
  return [...String(n)].map((d) => HAN_DIGITS[Number(d)]).join('');
}

interface Sample {
  header: string;
  body: string;
}

function loadSamples(root: string): Sample[] {
  return SAMPLES.map((name) => {
    let text = readFileSync(path.join(root, 'samples', `${name}.bg`), 'utf8');
    const own = OWN_NAMES[name];
    if (own) text = text.split(own).join(HOME);
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l !== '' && !l.startsWith('@') && !l.startsWith('//'));
    return { header: lines.slice(0, first).join('\n'), body: lines.slice(first).join('\n') };
  });
}

/** One repetition of a sample body: headings one level down, names suffixed (none for repetition 0). */
function repetition(body: string, index: number): string {
  if (index === 0) return body;
  const suffix = `之${hanNumber(index)}`;
  const { document } = parse(body);
  const edits: Array<{ at: number; text: string; end?: number }> = [];
  const rename = (name: ast.Name) => {
    if (!(HEADER_FIGURES as readonly string[]).includes(name.text)) edits.push({ at: name.end, text: suffix });
  };
  const figure = (node: ast.FigureNode) => {
    const b = node.body;
    if (!b || node.broken) return;
    rename(b.name);
    if (b.form === 'definition') {
      forEachRef(b.value, (r) => !(HEADER_FIGURES as readonly string[]).includes(r.name) && edits.push({ at: r.end, text: suffix }));
      forEachRef(b.check, (r) => !(HEADER_FIGURES as readonly string[]).includes(r.name) && edits.push({ at: r.end, text: suffix }));
    }
  };
  for (const line of document.lines) {
    if (line.kind === 'directive' && line.metric) figure(line.metric);
    forEachFigure(lineInlines(line), figure);
    if (line.kind === 'heading') {
      edits.push({ at: line.marker.start, text: '#' });
      const last = line.content[line.content.length - 1];
      edits.push({ at: last ? last.end : line.marker.end, text: `（第${hanNumber(index)}篇）` });
      if (line.label) rename(line.label);
    }
  }
  edits.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(body.slice(at, e.at), e.text);
    at = e.at;
  }
  parts.push(body.slice(at));
  return parts.join('');
}

/** A valid report of at least `bytes` bytes of UTF-8. */
export function generateReport(root: string, bytes: number): string {
  const samples = loadSamples(root);
  const out: string[] = [samples[0]!.header, ''];
  let size = Buffer.byteLength(out.join('\n'));
  for (let i = 0; size < bytes; i++) {
    const part = `${repetition(samples[i % samples.length]!.body, i).replace(/\n+$/, '')}\n`;
    out.push(part);
    size += Buffer.byteLength(part) + 1;
  }
  return out.join('\n');
}

/** A deterministic pseudo-random sequence (mulberry32): the same workspace on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters of made-up town names (simplified, none a measure word or a common verb). */
const NAME_CHARS = '青石桥河岭泉湾溪坪塘沙阳安宁丰兴龙凤云松柏梅竹荷兰桂枫柳杨槐江湖洋浦港滩洲屿峰岗冈岩峪谷岙';

/** A real report of the corpus as material: its header, its opening and its level-one sections, its place and year. */
interface Source {
  file: string;
  header: string;
  opening: string;
  sections: string[];
  /** The town of @机关 (许疃镇 of 许疃镇人民政府), or undefined: not a town's report. */
  place: string | undefined;
  year: string;
}

/** A town's or street office's own government (许疃镇人民政府, 东湖街道办事处): the place is its name. */
const TOWN = /^(.{1,6}?(?:街道|镇|乡))(?:人民政府|政府|街道办事处|办事处|党委)?$/;

/** A section as the corpus's excerpts cut it, without its unfinished end (a paragraph cut mid-sentence, a heading left without text, a note on it). */
function finished(section: string): string {
  const lines = section.split('\n');
  while (lines.length > 1 && (/^(#|\/\/)/.test(lines[lines.length - 1]!) || !/[。；！？”」）)…]$/.test(lines[lines.length - 1]!.trimEnd()))) lines.pop();
  return lines.join('\n');
}

function loadSources(root: string): Source[] {
  const dir = path.join(root, 'test', 'fixtures', 'real');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bg'))
    .sort()
    .map((file) => {
      const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
      const first = lines.findIndex((l) => l !== '' && !l.startsWith('@') && !l.startsWith('//'));
      const body = first < 0 ? [] : lines.slice(first);
      const starts = body.flatMap((l, i) => (/^# /.test(l) ? [i] : []));
      const sections = starts.map((s, k) => finished(body.slice(s, starts[k + 1] ?? body.length).join('\n'))).filter((s) => /\n[^#\n]/.test(s));
      const org = lines.find((l) => l.startsWith('@机关 '))?.slice(4).trim() ?? '';
      return {
        file,
        header: lines.slice(0, Math.max(0, first)).join('\n'),
        opening: body.slice(0, starts[0] ?? body.length).join('\n').replace(/\n+$/, ''),
        sections,
        place: TOWN.exec(org)?.[1],
        year: lines.find((l) => l.startsWith('@年度 '))?.slice(4).trim() ?? '',
      };
    });
}

/** Every occurrence of a place name replaced by another (a town's report names its own town throughout). */
function renamed(text: string, from: string | undefined, to: string): string {
  return from ? text.split(from).join(to) : text;
}

/**
 * Stated counts multiplied by a whole number (rates, approximate counts and formulas left alone): the
 * figures of a section keep their relations (a rate checked against two counts, a total against its parts).
 */
function revalued(text: string, factor: number): string {
  // `_/调处`: whether some whole count gives the rate depends on the count itself.
  if (factor === 1 || /_\s*\//.test(text)) return text;
  const { document } = parse(text);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const figure = (node: ast.FigureNode) => {
    const b = node.body;
    if (!b || node.broken || b.form !== 'definition' || b.percent || b.value?.kind !== 'quantity') return;
    const q = b.value;
    if (!/^\d+(\.\d+)?$/.test(q.digits) || q.percent || q.qualifier || q.unit === '%' || q.unit === '‰') return;
    if (text.startsWith(q.digits, q.start)) edits.push({ start: q.start, end: q.start + q.digits.length, text: (q.value * factor).toFixed(q.decimals) });
  };
  for (const line of document.lines) {
    if (line.kind === 'directive' && line.metric) figure(line.metric);
    forEachFigure(lineInlines(line), figure);
  }
  edits.sort((a, b) => b.start - a.start);
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

/**
 * The files of a workspace of `count` reports, as a county's towns write them: each a real town's or
 * street office's report of the corpus (test/fixtures/real) under a made-up name of its own, followed by
 * sections of other towns' reports of the same year and kind (one level down, figures and labels named
 * apart as in `generateReport`, their stated counts multiplied by a whole number), the sources, their
 * number and the length drawn from a seeded sequence:
 * reports of 3 to 30 KB that share no paragraph with figures, whose only diagnostics are the real defects
 * of the texts they come from. Twenty folders of fifty, as a county's folders of its towns.
 */
export function generateWorkspace(root: string, count: number, seed = 13): Array<{ name: string; text: string }> {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const byYear = new Map<string, Source[]>();
  // Sections of a town's report come from towns' (乡镇), a street office's from street offices'.
  const key = (s: Source) => `${s.year}${s.place!.endsWith('街道') ? '街道' : '乡镇'}`;
  for (const s of loadSources(root)) if (s.place && s.sections.length) byYear.set(key(s), [...(byYear.get(key(s)) ?? []), s]);
  // The towns' reports of the years with at least three of their kind, in a seeded order.
  const sources = [...byYear.values()].filter((list) => list.length >= 3).flat();
  for (let k = sources.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [sources[k], sources[j]] = [sources[j]!, sources[k]!];
  }
  const names = new Set<string>();
  const files: Array<{ name: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const base = sources[i % sources.length]!;
    const suffix = /(街道|镇|乡)$/.exec(base.place!)![1]!;
    let town = '';
    // Two characters, three once two-character names run short (more than some two thousand reports).
    for (let tries = 0; !town || names.has(town) || town[0] === town[1]; tries++) {
      town = `${Array.from({ length: 2 + Math.floor(tries / 100) }, () => pick([...NAME_CHARS])).join('')}${suffix}`;
    }
    names.add(town);
    const parts = [renamed([base.header, '', base.opening, '', ...base.sections].join('\n\n'), base.place, town).replace(/\n+$/, '')];
    // About a county's spread of lengths: most reports 5 to 15 KB, a few short ones and a few long ones.
    const target = 3_000 + Math.floor(random() * random() * 27_000);
    let size = Buffer.byteLength(parts[0]!);
    const others = byYear.get(key(base))!;
    for (let n = 1; size < target && n < 12; n++) {
      const other = pick(others);
      const from = Math.floor(random() * other.sections.length);
      const chosen = other.sections.slice(from, from + 1 + Math.floor(random() * 3)).join('\n\n');
      const part = repetition(revalued(renamed(chosen, other.place, town), 1 + Math.floor(random() * 3)), n).replace(/\n+$/, '');
      parts.push(part);
      size += Buffer.byteLength(part) + 2;
    }
    files.push({ name: `县${Math.floor(i / 50)}/${town}${base.year}年度报告.bg`, text: `${parts.join('\n\n')}\n` });
  }
  return files;
}
