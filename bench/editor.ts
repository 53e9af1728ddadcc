// Editor latencies over stdio: baogao's server on the report beside VS Code's Markdown server on its
// Markdown rendering, request by request, alternating servers within every round.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToUri } from '../server/lsp/uri.js';
import { startBenchClient, positionAt, type BenchClient } from './lspClient.js';
import { percentile, timeAsync } from './stats.js';

export interface Latency {
  p50: number;
  p95: number;
  n: number;
}

export interface EditorResult {
  baogao: Record<string, Latency>;
  markdown: Record<string, Latency>;
  /** Bytes of diagnostics JSON baogao sends per keystroke (mean; pulled: `unchanged` answers are small). */
  diagnosticsBytesPerEdit: number;
  /** The first keystroke after opening (edit → diagnostics, ms), before the untimed warm-up rounds. */
  firstEditMs: { baogao: number; markdown: number };
  /** documentSymbol's answer: its size (KB) and the bench client's own decoding and JSON.parse of it (p50 ms), for each server. */
  outlineAnswer: { baogao: { kb: number; decodeMs: number }; markdown: { kb: number; decodeMs: number } };
  memoryMb: { baogao: { rss: number; peak: number }; markdown: { rss: number; peak: number } };
  /** baogao's server's peak RSS (MB) after each task's rounds: which request raised it. */
  peakAfterTask: Record<string, number>;
  /**
   * How baogao's diagnostics were timed: 'pull' (textDocument/diagnostic sent with the change, as VS Code does)
   * or 'push' (edit sent → diagnostics received, the server's pause included). documentSymbol, semantic
   * tokens and formatting are timed on a new version each time: a keystroke and its pull come first, untimed.
   */
  baogaoDiagnostics: 'pull' | 'push';
}

export const BAOGAO_SERVER = (root: string) => [path.join(root, 'dist', 'server.cjs'), '--stdio'];
export const MARKDOWN_SERVER = (root: string) => [path.join(root, 'node_modules', 'vscode-markdown-languageserver', 'dist', 'node', 'workerMain.js'), '--stdio'];
export const MARKDOWN_SETTINGS = {
  markdown: {
    suggest: { paths: { enabled: true } },
    // Off by default in VS Code; on here, so that its highlights are timed beside ours.
    occurrencesHighlight: { enabled: true },
    validate: {
      enabled: true, referenceLinks: { enabled: 'warning' }, fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' }, ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' }, duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

/** The pause after the first keystroke, before the others, ms. */
const READING_PAUSE_MS = 3_000;

/** Untimed rounds before each task's timed ones (the batch part's interleave warms up the same way). */
const WARMUP = 2;

const latency = (values: number[]): Latency => ({ p50: percentile(values, 50), p95: percentile(values, 95), n: values.length });

/** Offset of the first `needle` at or after the middle of the text. */
function middleOf(text: string, needle: string): number {
  const at = text.indexOf(needle, text.length >> 1);
  return at >= 0 ? at : Math.max(0, text.indexOf(needle));
}

export async function runEditor(root: string, folder: string, report: string, markdown: string, rounds: number, budgetMs: number): Promise<EditorResult> {
  mkdirSync(folder, { recursive: true });
  const bgPath = path.join(folder, 'report.bg');
  const mdPath = path.join(folder, 'report.md');
  writeFileSync(bgPath, report);
  writeFileSync(mdPath, markdown);
  const bg = await startBenchClient(BAOGAO_SERVER(root), folder, { baogao: {} });
  const mdc = await startBenchClient(MARKDOWN_SERVER(root), folder, MARKDOWN_SETTINGS, { markdownFileExtensions: ['md'] });
  const bgUri = pathToUri(bgPath);
  const mdUri = pathToUri(mdPath);
  try {
    const pull = !!bg.capabilities.diagnosticProvider;
    bg.open(bgUri, 'baogao', report);
    // The opened report's first analysis and check come before any keystroke is timed, as the Markdown
    // server's below (a pull server analyses when first asked: else the first keystroke timed it, cold).
    let resultId: string | undefined;
    if (pull) resultId = ((await bg.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: bgUri } })) as { resultId?: string }).resultId;
    else await bg.waitForDiagnostics(bgUri, 1);
    mdc.open(mdUri, 'markdown', markdown);
    await mdc.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: mdUri } });

    // Places to ask about: a figure and a prose comma in the middle of the report; a heading and a comma in the Markdown.
    const figureAt = middleOf(report, '{') + 2;
    const headingAt = middleOf(markdown, '\n#') + 3;
    const bgComma = middleOf(report, '，');
    const mdComma = middleOf(markdown, '，');
    const doc = (uri: string) => ({ textDocument: { uri } });
    const at = (client: BenchClient, uri: string, offset: number) => ({ ...doc(uri), position: positionAt(client.text(uri), offset) });
    /** Fifty lines around an offset: what an editor shows. */
    const screenAround = (text: string, offset: number) => {
      const { line } = positionAt(text, offset);
      return { start: { line: Math.max(0, line - 25), character: 0 }, end: { line: line + 25, character: 0 } };
    };
    /** The light bulb's request: the cursor, no diagnostics under it. */
    const cursorActions = (client: BenchClient, uri: string, offset: number) => {
      const { position } = at(client, uri, offset);
      return { ...doc(uri), range: { start: position, end: position }, context: { diagnostics: [], triggerKind: 2 } };
    };

    const typed = new Set<string>();
    const keystroke = (client: BenchClient, uri: string, comma: number) => {
      if (typed.delete(uri)) return client.edit(uri, comma, comma + 1, '');
      typed.add(uri);
      return client.edit(uri, comma, comma, '的');
    };
    // Pull as VS Code does: right after the change, with the previous result id (unchanged problems answer `unchanged`).
    const bytes: number[] = [];
    const pullDiagnostics = async () => {
      const report = (await bg.connection.sendRequest('textDocument/diagnostic', { ...doc(bgUri), ...(resultId ? { previousResultId: resultId } : {}) })) as { resultId?: string };
      resultId = report.resultId;
      return report;
    };
    // Requests after a keystroke, as the editor sends them: the change and its diagnostics pull first (not timed).
    const afterKeystroke = async () => {
      const version = keystroke(bg, bgUri, bgComma);
      if (pull) await pullDiagnostics();
      else await bg.waitForDiagnostics(bgUri, version);
    };
    // The client's share of the outline's time: the answer's size and this process's decoding of it.
    const outline = { baogao: { kb: [] as number[], decodeMs: [] as number[] }, markdown: { kb: [] as number[], decodeMs: [] as number[] } };
    const recordOutline = (client: BenchClient, into: { kb: number[]; decodeMs: number[] }) => {
      const last = client.lastReceived();
      into.kb.push(last.bytes / 1000);
      into.decodeMs.push(last.decodeMs);
    };
    /** A request answered against the last answer (its result id), timed on a new version after its keystroke. */
    const sinceLastAnswer = (first: string, next: string): Task => {
      let resultId: string | undefined;
      return {
        before: async () => {
          resultId ??= ((await bg.connection.sendRequest(first, doc(bgUri))) as { resultId?: string }).resultId;
          await afterKeystroke();
        },
        run: async () => {
          const answer = (await bg.connection.sendRequest(next, { ...doc(bgUri), previousResultId: resultId })) as { resultId?: string };
          resultId = answer.resultId;
          return answer;
        },
      };
    };
    const bgTasks: Record<string, Task> = {
      'edit → diagnostics': {
        run: async () => {
          const version = keystroke(bg, bgUri, bgComma);
          const published = pull ? await pullDiagnostics() : await bg.waitForDiagnostics(bgUri, version);
          bytes.push(Buffer.byteLength(JSON.stringify(published)));
          return published;
        },
      },
      completion: { run: () => bg.connection.sendRequest('textDocument/completion', at(bg, bgUri, figureAt)) },
      hover: { run: () => bg.connection.sendRequest('textDocument/hover', at(bg, bgUri, figureAt)) },
      documentHighlight: { run: () => bg.connection.sendRequest('textDocument/documentHighlight', at(bg, bgUri, figureAt)) },
      documentSymbol: {
        before: afterKeystroke,
        run: async () => {
          await bg.connection.sendRequest('textDocument/documentSymbol', doc(bgUri));
          recordOutline(bg, outline.baogao);
        },
      },
      semanticTokens: { before: afterKeystroke, run: () => bg.connection.sendRequest('textDocument/semanticTokens/full', doc(bgUri)) },
      'semanticTokens delta': sinceLastAnswer('textDocument/semanticTokens/full', 'textDocument/semanticTokens/full/delta'),
      formatting: { before: afterKeystroke, run: () => bg.connection.sendRequest('textDocument/formatting', { ...doc(bgUri), options: { tabSize: 2, insertSpaces: true } }) },
      // What VS Code also asks on each new version of the report in view: its folds and links, the inlay
      // hints of the lines on screen, the code actions at the cursor (the light bulb).
      foldingRange: { before: afterKeystroke, run: () => bg.connection.sendRequest('textDocument/foldingRange', doc(bgUri)) },
      documentLink: { before: afterKeystroke, run: () => bg.connection.sendRequest('textDocument/documentLink', doc(bgUri)) },
      'inlayHint, a screen': { before: afterKeystroke, run: () => bg.connection.sendRequest('textDocument/inlayHint', { ...doc(bgUri), range: screenAround(bg.text(bgUri), bgComma) }) },
      'codeAction at the cursor': { before: afterKeystroke, run: () => bg.connection.sendRequest('textDocument/codeAction', cursorActions(bg, bgUri, bgComma)) },
      // The live preview's update after a keystroke: the pages changed since those it shows (as client/preview.ts asks).
      'preview update': sinceLastAnswer('baogao/preview', 'baogao/preview'),
      // The whole report as the printable page (the Open in Browser and Print commands).
      'render to HTML': { run: () => bg.connection.sendRequest('baogao/render', { ...doc(bgUri), format: 'preview' }) },
    };
    const mdAfterKeystroke = async () => {
      keystroke(mdc, mdUri, mdComma);
      await mdc.connection.sendRequest('textDocument/diagnostic', doc(mdUri));
    };
    const mdTasks: Record<string, Task> = {
      'edit → diagnostics': {
        run: () => {
          keystroke(mdc, mdUri, mdComma);
          return mdc.connection.sendRequest('textDocument/diagnostic', doc(mdUri));
        },
      },
      completion: { run: () => mdc.connection.sendRequest('textDocument/completion', at(mdc, mdUri, headingAt)) },
      hover: { run: () => mdc.connection.sendRequest('textDocument/hover', at(mdc, mdUri, headingAt)) },
      documentHighlight: { run: () => mdc.connection.sendRequest('textDocument/documentHighlight', at(mdc, mdUri, headingAt)) },
      foldingRange: { before: mdAfterKeystroke, run: () => mdc.connection.sendRequest('textDocument/foldingRange', doc(mdUri)) },
      documentLink: { before: mdAfterKeystroke, run: () => mdc.connection.sendRequest('textDocument/documentLink', doc(mdUri)) },
      'codeAction at the cursor': { before: mdAfterKeystroke, run: () => mdc.connection.sendRequest('textDocument/codeAction', cursorActions(mdc, mdUri, mdComma)) },
      documentSymbol: {
        before: mdAfterKeystroke,
        run: async () => {
          await mdc.connection.sendRequest('textDocument/documentSymbol', doc(mdUri));
          recordOutline(mdc, outline.markdown);
        },
      },
    };
    const { bgTimes, mdTimes, first, peakAfterTask } = await timeTasks(bgTasks, mdTasks, rounds, budgetMs, () => bg.memory().peak);
    return {
      baogao: Object.fromEntries(Object.entries(bgTimes).map(([k, v]) => [k, latency(v)])),
      markdown: Object.fromEntries(Object.entries(mdTimes).map(([k, v]) => [k, latency(v)])),
      firstEditMs: first,
      diagnosticsBytesPerEdit: bytes.length ? bytes.reduce((a, b) => a + b, 0) / bytes.length : NaN,
      outlineAnswer: {
        baogao: { kb: percentile(outline.baogao.kb, 50), decodeMs: percentile(outline.baogao.decodeMs, 50) },
        markdown: { kb: percentile(outline.markdown.kb, 50), decodeMs: percentile(outline.markdown.decodeMs, 50) },
      },
      memoryMb: { baogao: bg.memory(), markdown: mdc.memory() },
      peakAfterTask,
      baogaoDiagnostics: pull ? 'pull' : 'push',
    };
  } finally {
    await bg.stop();
    await mdc.stop();
  }
}

type Task = { before?: () => Promise<unknown>; run: () => Promise<unknown> };

/**
 * Times each task on both servers, alternating which goes first, after WARMUP untimed rounds. The first
 * keystroke after opening is kept apart: each server's code for a change is not compiled yet, and its
 * caches fill on the first versions.
 */
async function timeTasks(bgTasks: Record<string, Task>, mdTasks: Record<string, Task>, rounds: number, budgetMs: number, peak: () => number) {
  const bgTimes: Record<string, number[]> = Object.fromEntries(Object.keys(bgTasks).map((k) => [k, []]));
  const mdTimes: Record<string, number[]> = Object.fromEntries(Object.keys(mdTasks).map((k) => [k, []]));
  const peakAfterTask: Record<string, number> = {};
  const first = { baogao: NaN, markdown: NaN };
  for (let r = 0; r < WARMUP; r++) {
    const bgMs = await timeAsync(bgTasks['edit → diagnostics']!.run);
    const mdMs = await timeAsync(mdTasks['edit → diagnostics']!.run);
    if (r > 0) continue;
    Object.assign(first, { baogao: bgMs, markdown: mdMs });
    // Then the writer pauses, as writers do: both servers have that idle time (baogao's rehearses keystrokes
    // in it, once per server: server/lsp/rehearsal.ts). The first keystroke above had none.
    await new Promise((resolve) => setTimeout(resolve, READING_PAUSE_MS));
  }
  for (const name of Object.keys(bgTasks)) {
    const started = performance.now();
    for (let r = -WARMUP; r < rounds; r++) {
      // Alternate which server goes first, so neither always runs on a machine the other just warmed or loaded.
      const timed = (task: Task, times: number[]) => async () => {
        await task.before?.();
        const ms = await timeAsync(task.run);
        if (r >= 0) times.push(ms);
      };
      const pair = [timed(bgTasks[name]!, bgTimes[name]!)];
      if (mdTasks[name]) pair.push(timed(mdTasks[name]!, mdTimes[name]!));
      if (r % 2) pair.reverse();
      for (const run of pair) await run();
      if (r >= 2 && performance.now() - started > budgetMs) break;
    }
    peakAfterTask[name] = peak();
  }
  return { bgTimes, mdTimes, first, peakAfterTask };
}
