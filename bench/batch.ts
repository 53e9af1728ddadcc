// Batch throughput on one report: parse, parse + full check, render, and one keystroke's re-analysis,
// beside markdown-it's parse and markdownlint on the Markdown rendering of the same report and beside one
// linear scan of the text. Each task runs in a process of its own, as a command runs it, and the rounds
// are interleaved across the processes: in one process every task paid for the heap the others left
// (a check of 300 KB took about twice the CPU time when markdownlint's rounds ran beside it).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, parse, type Position } from '../grammar/index.js';
import { DOCUMENTS } from '../server/lsp/contentChanges.js';
import { withoutBlockCache } from '../server/language/checks/blockCache.js';
import { checkReport } from '../server/language/checks/index.js';
import { LanguageService } from '../server/language/service.js';
import { MemoryWorkspace } from '../server/language/workspace.js';
import { render } from '../templates/render.js';
import { interleave, interleaveAsync, median, ratio } from './stats.js';

export interface BatchResult {
  bytes: number;
  markdownBytes: number;
  diagnostics: number;
  /** MB/s of the .bg text (Markdown tasks: of the Markdown text). */
  mbPerSecond: Record<string, number>;
  medianMs: Record<string, number>;
  /** One didChange of many changes (a Replace All), applied by the server's documents and by the library's own update. */
  manyChanges: { changes: number; oursMs: number; libraryMs: number; ratio: number };
  ratios: {
    parseVsMarkdownIt: number;
    checkVsMarkdownIt: number;
    analysisVsMarkdownIt: number;
    checkVsMarkdownlint: number;
    checkVsScan: number;
    parseVsScan: number;
    renderVsMarkdownItRender: number;
  };
}


/** One linear pass over the text: the floor any analysis must pay. */
function scan(text: string): number {
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

/** What a task does once, timed by the process it runs in. */
type Task = () => unknown;

const PATH = '/bench/report.bg';

/** The batch tasks on `text`; each builds what it needs when first run (a process runs one of them). */
function batchTasks(text: string): Record<string, Task> {
  let markdown: string | undefined;
  let model: ReturnType<LanguageService['analyze']> | undefined;
  const theModel = () => (model ??= new LanguageService(new MemoryWorkspace({})).analyze(PATH, text));
  const theMarkdown = () => (markdown ??= render(theModel(), 'md'));
  let md: InstanceType<typeof MarkdownIt> | undefined;
  const markdownIt = () => (md ??= new MarkdownIt());
  // One keystroke: a character typed into a prose line in the middle, a different one each round (results
  // remembered by a block's text must not make a keystroke look cheaper than typing something new).
  const middle = text.indexOf('，', text.length >> 1);
  let typed = 0;
  let warm: LanguageService | undefined;
  return {
    scan: () => scan(text),
    'markdown-it parse': () => markdownIt().parse(theMarkdown(), {}),
    'markdown-it render': () => markdownIt().render(theMarkdown()),
    markdownlint: () => lint({ strings: { report: theMarkdown() } }),
    parse: () => parse(text),
    // Cold: a new service, and no block results remembered from earlier rounds.
    'parse + check': () => withoutBlockCache(() => checkReport(new LanguageService(new MemoryWorkspace({})).analyze(PATH, text))),
    // The analysis without a check: the part of parse + check that no check's speed changes.
    'parse + analysis': () => withoutBlockCache(() => new LanguageService(new MemoryWorkspace({})).analyze(PATH, text)),
    'render html': () => render(theModel(), 'html'),
    'keystroke re-check': () => {
      warm ??= new LanguageService(new MemoryWorkspace({}));
      const character = String.fromCharCode(0x4e00 + (typed++ % 20_000));
      return checkReport(warm.analyze(PATH, text.slice(0, middle) + character + text.slice(middle)));
    },
  };
}

/**
 * One batch task in this process (`dist/bench.cjs --batch-task=NAME --text=FILE --warmup=N`): its untimed
 * rounds, then one timed run per message from the parent, answered with its milliseconds.
 */
export function runBatchChild(task: string, textFile: string, warmup: number): void {
  const run = batchTasks(readFileSync(textFile, 'utf8'))[task];
  if (!run || !process.send) throw new Error(`no batch task “${task}” or no parent`);
  parse('# 热身'); // the parser is built once, outside every timing (as main does)
  for (let r = 0; r < warmup; r++) run();
  process.on('message', (message) => {
    if (message !== 'run') return process.exit(0);
    const start = performance.now();
    run();
    process.send!(performance.now() - start);
  });
  process.send('ready');
}

/** The child's next answer: 'ready', or a timed run's milliseconds; a child that exits first fails the bench. */
function answerOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`batch task process exited (${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(typeof message === 'number' ? message : NaN);
    });
  });
}

export async function runBatch(text: string, rounds: number, budgetMs: number, warmup = 2): Promise<BatchResult> {
  const model = new LanguageService(new MemoryWorkspace({})).analyze(PATH, text);
  const diagnostics = checkReport(model).length;
  const markdown = render(model, 'md');
  const folder = mkdtempSync(path.join(tmpdir(), 'baogao-batch-'));
  const textFile = path.join(folder, 'report.bg');
  writeFileSync(textFile, text);
  const children = new Map<string, ChildProcess>();
  let times: Record<string, number[]> = {};
  try {
    // This bundle again (dist/bench.cjs), one process a task, started one after another.
    for (const name of Object.keys(batchTasks(text))) {
      const child = fork(process.argv[1]!, [`--batch-task=${name}`, `--text=${textFile}`, `--warmup=${warmup}`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.set(name, child);
      await answerOf(child);
    }
    const tasks = Object.fromEntries([...children].map(([name, child]) => [name, () => { child.send('run'); return answerOf(child); }]));
    times = await interleaveAsync(tasks, rounds, budgetMs, 3);
  } finally {
    for (const child of children.values()) child.kill();
    rmSync(folder, { recursive: true, force: true });
  }
  const manyChanges = runManyChanges(text);
  const bytes = Buffer.byteLength(text);
  const markdownBytes = Buffer.byteLength(markdown);
  const medianMs = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const ownBytes = (task: string) => (task.startsWith('markdown') ? markdownBytes : bytes);
  const mbPerSecond = Object.fromEntries(Object.entries(medianMs).map(([k, ms]) => [k, ownBytes(k) / 1e6 / (ms / 1000)]));
  return {
    bytes,
    markdownBytes,
    diagnostics,
    mbPerSecond,
    medianMs,
    manyChanges,
    ratios: {
      parseVsMarkdownIt: ratio(times.parse!, times['markdown-it parse']!),
      checkVsMarkdownIt: ratio(times['parse + check']!, times['markdown-it parse']!),
      analysisVsMarkdownIt: ratio(times['parse + analysis']!, times['markdown-it parse']!),
      checkVsMarkdownlint: ratio(times['parse + check']!, times.markdownlint!),
      checkVsScan: ratio(times['parse + check']!, times.scan!),
      parseVsScan: ratio(times.parse!, times.scan!),
      renderVsMarkdownItRender: ratio(times['render html']!, times['markdown-it render']!),
    },
  };
}

/** Changes in one Replace All at most: the library's update takes seconds for a thousand in the 3 MB report. */
const REPLACED = 1000;

/**
 * A Replace All of “，” by “、” (the first REPLACED), as VS Code sends it: one didChange whose changes come
 * last first. Applied by the server's documents (server/lsp/contentChanges.ts) and, beside it, by
 * vscode-languageserver-textdocument's own update, which servers built on vscode-languageserver use (VS
 * Code's Markdown server among them). Three interleaved rounds after one untimed.
 */
function runManyChanges(text: string): BatchResult['manyChanges'] {
  const lines = new LineIndex(text);
  const changes: Array<{ range: { start: Position; end: Position }; text: string }> = [];
  for (let at = text.indexOf('，'); at >= 0 && changes.length < REPLACED; at = text.indexOf('，', at + 1)) {
    changes.push({ range: { start: lines.positionAt(at), end: lines.positionAt(at + 1) }, text: '、' });
  }
  changes.reverse();
  const fresh = () => TextDocument.create('file:///bench/report.bg', 'baogao', 1, text);
  const times = interleave({
    ours: () => DOCUMENTS.update(fresh(), changes, 2).getText(),
    library: () => TextDocument.update(fresh(), changes, 2).getText(),
  }, 3, Infinity, 3, 1);
  return { changes: changes.length, oursMs: median(times.ours!), libraryMs: median(times.library!), ratio: ratio(times.ours!, times.library!) };
}
