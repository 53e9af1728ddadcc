// A workspace of many reports: workspace symbols (first call and later ones), checking the whole
// workspace, collecting its figures, and the servers' memory — baogao on the .bg files, the Markdown server
// on their renderings. The workspace (bench/corpus.ts `generateWorkspace`) is a county's towns' reports,
// all different: each a real town's report of test/fixtures/real under a made-up town name, followed by
// sections of other towns' reports of the same year (figures named apart, counts revalued), 3 to 30 KB,
// about 10 MB for 1,000 reports, with the real defects of the texts they come from (about 120 problems a
// report). Copies of a few samples would share every paragraph and every cache entry, and flatter memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LanguageService } from '../server/language/service.js';
import { MemoryWorkspace } from '../server/language/workspace.js';
import { pathToUri } from '../server/lsp/uri.js';
import { render } from '../templates/render.js';
import { generateWorkspace } from './corpus.js';
import { BAOGAO_SERVER, MARKDOWN_SERVER, MARKDOWN_SETTINGS } from './editor.js';
import { startBenchClient } from './lspClient.js';
import { median, timeAsync } from './stats.js';

export interface WorkspaceResult {
  files: number;
  bytes: number;
  /** `firstSymbolKeptMs`: the first call of a new session, with the index the last one kept (storageFolder). */
  baogao: { firstSymbolMs: number; firstSymbolKeptMs: number; symbolMs: number; checkWorkspaceMs: number[]; collectMs: number[]; rss: number; peak: number };
  markdown: { firstSymbolMs: number; symbolMs: number; rss: number; peak: number };
}

export async function runWorkspace(root: string, folder: string, count: number, rounds: number): Promise<WorkspaceResult> {
  const bgFolder = path.join(folder, 'bg');
  const mdFolder = path.join(folder, 'md');
  const files = generateWorkspace(root, count);
  const service = new LanguageService(new MemoryWorkspace({}));
  const markdownOf = new Map<string, string>();
  let bytes = 0;
  for (const f of files) {
    const bgPath = path.join(bgFolder, f.name);
    mkdirSync(path.dirname(bgPath), { recursive: true });
    writeFileSync(bgPath, f.text);
    bytes += Buffer.byteLength(f.text);
    let md = markdownOf.get(f.text);
    if (md === undefined) markdownOf.set(f.text, (md = render(service.analyze('/w/r.bg', f.text), 'md')));
    const mdPath = path.join(mdFolder, f.name.replace(/\.bg$/, '.md'));
    mkdirSync(path.dirname(mdPath), { recursive: true });
    writeFileSync(mdPath, md);
  }

  const query = { query: '调处' };
  // The server's storage, where it keeps its workspace index between sessions (as VS Code gives it one).
  const initializationOptions = { storageFolder: path.join(folder, 'storage') };
  const bg = await startBenchClient(BAOGAO_SERVER(root), bgFolder, { baogao: {} }, initializationOptions);
  const baogao = { firstSymbolMs: NaN, firstSymbolKeptMs: NaN, symbolMs: NaN, checkWorkspaceMs: [] as number[], collectMs: [] as number[], rss: NaN, peak: NaN };
  try {
    const first = path.join(bgFolder, files[0]!.name);
    bg.open(pathToUri(first), 'baogao', files[0]!.text);
    baogao.firstSymbolMs = await timeAsync(() => bg.connection.sendRequest('workspace/symbol', query));
    const later: number[] = [];
    for (let r = 0; r < rounds; r++) later.push(await timeAsync(() => bg.connection.sendRequest('workspace/symbol', query)));
    baogao.symbolMs = median(later);
    for (let r = 0; r < 2; r++) baogao.checkWorkspaceMs.push(await timeAsync(() => bg.connection.sendRequest('baogao/checkWorkspace', {})));
    for (let r = 0; r < 2; r++) baogao.collectMs.push(await timeAsync(() => bg.connection.sendRequest('baogao/collect', {})));
    Object.assign(baogao, bg.memory());
  } finally {
    await bg.stop();
  }
  // A new session: the index the last one kept (written at its shutdown) is checked file by file and taken.
  const again = await startBenchClient(BAOGAO_SERVER(root), bgFolder, { baogao: {} }, initializationOptions);
  try {
    again.open(pathToUri(path.join(bgFolder, files[0]!.name)), 'baogao', files[0]!.text);
    baogao.firstSymbolKeptMs = await timeAsync(() => again.connection.sendRequest('workspace/symbol', query));
  } finally {
    await again.stop();
  }

  const mdc = await startBenchClient(MARKDOWN_SERVER(root), mdFolder, MARKDOWN_SETTINGS, { markdownFileExtensions: ['md'] });
  const markdown = { firstSymbolMs: NaN, symbolMs: NaN, rss: NaN, peak: NaN };
  try {
    const first = path.join(mdFolder, files[0]!.name.replace(/\.bg$/, '.md'));
    mdc.open(pathToUri(first), 'markdown', markdownOf.get(files[0]!.text)!);
    markdown.firstSymbolMs = await timeAsync(() => mdc.connection.sendRequest('workspace/symbol', query));
    const later: number[] = [];
    for (let r = 0; r < rounds; r++) later.push(await timeAsync(() => mdc.connection.sendRequest('workspace/symbol', query)));
    markdown.symbolMs = median(later);
    Object.assign(markdown, mdc.memory());
  } finally {
    await mdc.stop();
  }
  return { files: count, bytes, baogao, markdown };
}
