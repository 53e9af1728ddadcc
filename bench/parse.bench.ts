// Throughput of parse and parse + check against markdown-it on the same text, measured in one run.
// Run from the bundle (`npm run bench`): tsx's transform adds per-closure costs that the bundle does not have.
import MarkdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../grammar/index.js';
import { checkReport } from '../server/language/checks/index.js';
import { LanguageService } from '../server/language/service.js';
import { MemoryWorkspace } from '../server/language/workspace.js';

const root = process.argv[2] ?? process.cwd();
const samples = ['guiwei-2020', 'daxie-2021', 'dongzhaogezhuang-2020', 'beiping-2020', 'huilongba-2021'].map((s) =>
  readFileSync(path.join(root, 'samples', `${s}.bg`), 'utf8'),
);
// Each repetition renames its figures so the big text is one valid report, not thousands of duplicates.
let text = samples[0]!.split('\n\n')[0]! + '\n\n';
for (let i = 0; text.length < 2_000_000; i++) {
  const body = samples[i % samples.length]!.split(/\n(?=#)/).slice(1).join('\n');
  text += body.replace(/\{([^{}=#\s]+)(\s*[=}])/g, (_m, name: string, rest: string) => `{${name}甲${'乙'.repeat(i % 7)}${String.fromCharCode(0x4e00 + i)}${rest}`) + '\n\n';
}
const bytes = Buffer.byteLength(text);
const md = new MarkdownIt();
const service = new LanguageService(new MemoryWorkspace({ '/bench/report.bg': text }));

function best(run: () => void, rounds = 7): number {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const mdMs = best(() => md.parse(text, {}));
const parseMs = best(() => parse(text));
const checkMs = best(() => {
  service.cache.parse('/bench/other.bg', '');
  const model = service.analyze('/bench/report.bg', text + ' ');
  checkReport(model);
});
const rate = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
console.log(`text: ${(bytes / 1e6).toFixed(2)} MB (${text.length} characters), best of 7`);
console.log(`markdown-it parse : ${mdMs.toFixed(0)} ms, ${rate(mdMs)} MB/s (reference)`);
console.log(`baogao parse      : ${parseMs.toFixed(0)} ms, ${rate(parseMs)} MB/s, ${(mdMs / parseMs).toFixed(2)}× markdown-it`);
console.log(`baogao parse+check: ${checkMs.toFixed(0)} ms, ${rate(checkMs)} MB/s, ${(mdMs / checkMs).toFixed(2)}× markdown-it`);
