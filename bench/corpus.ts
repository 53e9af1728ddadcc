// The benchmark's workload: valid reports of a given size built from the samples. Every repetition after
// the first is one level down (so the report keeps one set of required parts, in order) and renames its
// figures, labels and headings, so the only diagnostics are the samples' own real defects, repeated.
import { readFileSync } from 'node:fs';
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

/** The files of a workspace of `count` reports (the samples, each under its own name and folder). */
export function generateWorkspace(root: string, count: number): Array<{ name: string; text: string }> {
  const texts = ['guiwei-2020', 'daxie-2021', 'dongzhaogezhuang-2020', 'beiping-2020', 'huilongba-2021'].map((s) =>
    readFileSync(path.join(root, 'samples', `${s}.bg`), 'utf8'),
  );
  const files: Array<{ name: string; text: string }> = [];
  for (let i = 0; i < count; i++) files.push({ name: `县${Math.floor(i / 50)}/报告${i}.bg`, text: texts[i % texts.length]! });
  return files;
}
