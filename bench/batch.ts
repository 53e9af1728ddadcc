// Batch throughput on one report: parse, parse + full check, render, and one keystroke's re-analysis,
// beside markdown-it's parse and markdownlint on the Markdown rendering of the same report and beside one
// linear scan of the text. Interleaved rounds in one process.
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
import { interleave, median, ratio } from './stats.js';

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

export function runBatch(text: string, rounds: number, budgetMs: number, warmup = 2): BatchResult {
  const path = '/bench/report.bg';
  const warm = new LanguageService(new MemoryWorkspace({}));
  const model = warm.analyze(path, text);
  const diagnostics = checkReport(model).length;
  const markdown = render(model, 'md');
  const md = new MarkdownIt();
  // One keystroke: a character typed into a prose line in the middle, a different one each round (results
  // remembered by a block's text must not make a keystroke look cheaper than typing something new).
  const middle = text.indexOf('，', text.length >> 1);
  let typed = 0;
  const tasks: Record<string, () => unknown> = {
    scan: () => scan(text),
    'markdown-it parse': () => md.parse(markdown, {}),
    'markdown-it render': () => md.render(markdown),
    markdownlint: () => lint({ strings: { report: markdown } }),
    parse: () => parse(text),
    // Cold: a new service, and no block results remembered from earlier rounds.
    'parse + check': () => withoutBlockCache(() => checkReport(new LanguageService(new MemoryWorkspace({})).analyze(path, text))),
    // The analysis without a check: the part of parse + check that no check's speed changes.
    'parse + analysis': () => withoutBlockCache(() => new LanguageService(new MemoryWorkspace({})).analyze(path, text)),
    'render html': () => render(model, 'html'),
    'keystroke re-check': () => {
      const character = String.fromCharCode(0x4e00 + (typed++ % 20_000));
      return checkReport(warm.analyze(path, text.slice(0, middle) + character + text.slice(middle)));
    },
  };
  const times = interleave(tasks, rounds, budgetMs, 3, warmup);
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
