// Start of the language servers as an editor sees it when a report is opened: spawn → `initialize`
// answered, then the report's diagnostics (opened, and pulled as VS Code pulls them). baogao on a sample,
// VS Code's Markdown server on the sample's Markdown rendering; a new process each round, interleaved.
// baogao's server keeps its compiled code between sessions (server/lsp/launcher.ts): the rounds after the
// first start as a writer's later sessions do.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToUri } from '../server/lsp/uri.js';
import { BAOGAO_SERVER, MARKDOWN_SERVER, MARKDOWN_SETTINGS } from './editor.js';
import { startBenchClient } from './lspClient.js';
import { median } from './stats.js';

export interface ServerStartResult {
  baogao: { initializeMs: number; diagnosticsMs: number };
  markdown: { initializeMs: number; diagnosticsMs: number };
  /** Median over rounds of the Markdown server's time to diagnostics ÷ baogao's: above 1, baogao is faster. */
  ratio: number;
}

interface Server {
  command: string[];
  settings: Record<string, unknown>;
  initializationOptions?: unknown;
  file: string;
  languageId: string;
  text: string;
}

async function startOnce(server: Server, folder: string): Promise<{ initializeMs: number; diagnosticsMs: number }> {
  const started = performance.now();
  const client = await startBenchClient(server.command, folder, server.settings, server.initializationOptions);
  const initializeMs = performance.now() - started;
  try {
    const uri = pathToUri(path.join(folder, server.file));
    client.open(uri, server.languageId, server.text);
    await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    return { initializeMs, diagnosticsMs: performance.now() - started };
  } finally {
    await client.stop();
  }
}

export async function runServerStart(root: string, folder: string, report: string, markdown: string, rounds: number): Promise<ServerStartResult> {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'report.bg'), report);
  writeFileSync(path.join(folder, 'report.md'), markdown);
  const servers: Record<'baogao' | 'markdown', Server> = {
    baogao: { command: BAOGAO_SERVER(root), settings: { baogao: {} }, file: 'report.bg', languageId: 'baogao', text: report },
    markdown: { command: MARKDOWN_SERVER(root), settings: MARKDOWN_SETTINGS, initializationOptions: { markdownFileExtensions: ['md'] }, file: 'report.md', languageId: 'markdown', text: markdown },
  };
  const times = { baogao: [] as Array<{ initializeMs: number; diagnosticsMs: number }>, markdown: [] as Array<{ initializeMs: number; diagnosticsMs: number }> };
  // One untimed start of each first: baogao's writes its compile cache, as after a writer's first session.
  await startOnce(servers.baogao, folder);
  await startOnce(servers.markdown, folder);
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 ? (['markdown', 'baogao'] as const) : (['baogao', 'markdown'] as const)) times[name].push(await startOnce(servers[name], folder));
  }
  const summary = (list: Array<{ initializeMs: number; diagnosticsMs: number }>) => ({
    initializeMs: median(list.map((t) => t.initializeMs)),
    diagnosticsMs: median(list.map((t) => t.diagnosticsMs)),
  });
  const per = times.baogao.map((t, i) => times.markdown[i]!.diagnosticsMs / t.diagnosticsMs);
  return { baogao: summary(times.baogao), markdown: summary(times.markdown), ratio: median(per) };
}
