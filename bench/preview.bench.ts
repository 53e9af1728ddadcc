// The preview's update time on a 300 KB report, measured as the editor sees it: the language server
// (dist/server.cjs over stdio) gets one keystroke (didChange), then the preview asks for its pages
// (baogao/preview, as client/preview.ts does 60 ms after typing stops). Prints the time from the
// keystroke to the pages received — the server's analysis of the new text included — median and worst
// of 15 keystrokes; then the same keystrokes in process, split into the analysis and the preview's own part
// (pages from the model). The editor itself is never blocked: the server is another process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CancellationTokenSource, LSPErrorCodes, createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest,
  StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { PreviewRequest } from '../server/lsp/protocol.js';
import { LanguageService } from '../server/language/service.js';
import { MemoryWorkspace } from '../server/language/workspace.js';
import { previewPages } from '../templates/preview.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_BYTES = 300 * 1024;
const PREVIEW_DELAY_MS = 60;

const sample = readFileSync(path.join(ROOT, 'samples', 'guiwei-2020.bg'), 'utf8');
const [header, body] = [sample.slice(0, sample.indexOf('\n#')), sample.slice(sample.indexOf('\n#'))];
let text = header;
while (Buffer.byteLength(text) < TARGET_BYTES) text += body;

const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
connection.onRequest('client/registerCapability', () => undefined);
connection.onNotification('textDocument/publishDiagnostics', () => undefined);
connection.listen();
await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
await connection.sendNotification(InitializedNotification.type, {});
const uri = `file://${path.join(ROOT, 'samples', 'bench-300k.bg')}`;
await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'baogao', version: 1, text } });
let shown = (await connection.sendRequest<PreviewRequest.Result>(PreviewRequest.method, { textDocument: { uri } })).resultId;

let version = 1;
/** A keystroke in the middle of the report, sent as the editor sends it. */
async function keystroke(): Promise<void> {
  const at = text.indexOf('。', Math.floor(text.length / 2));
  text = `${text.slice(0, at)}新${text.slice(at)}`;
  const lines = text.slice(0, at).split('\n');
  const end = { line: lines.length - 1, character: lines.at(-1)!.length };
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: end, end }, text: '新' }] });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let pages = 0;
let sent = 0;
let updates = 0;
/** As the preview asks: only the pages changed since those it shows; a request a newer key made stale is cancelled. */
let asking: CancellationTokenSource | undefined;
async function askPages(): Promise<void> {
  asking = new CancellationTokenSource();
  let result: PreviewRequest.Result;
  try {
    result = await connection.sendRequest<PreviewRequest.Result>(PreviewRequest.method, { textDocument: { uri }, previousResultId: shown }, asking.token);
  } catch (error) {
    if ((error as { code?: number }).code === LSPErrorCodes.RequestCancelled) return;
    throw error;
  }
  shown = result.resultId;
  pages = result.pages.length;
  sent += result.pages.filter((p) => p !== null).length;
  updates++;
}

// 1. A key, a pause (the pages, then 300 ms): each key is a stop, and the check of the one before may
//    still be running when the next comes (the worst case).
const times: number[] = [];
for (let k = 0; k < 15; k++) {
  const start = performance.now();
  await keystroke();
  await sleep(PREVIEW_DELAY_MS);
  await askPages();
  times.push(performance.now() - start);
  await sleep(300);
}
times.sort((a, b) => a - b);
console.log(`preview of a ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB report (${pages} pages): keystroke → pages received, median ${times[7]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (15 keystrokes; ${PREVIEW_DELAY_MS} ms of it is the preview's wait for typing to stop; ${(sent / updates).toFixed(1)} pages sent per update)`);

// 2. Typing in bursts (10 keys 120 ms apart, the preview asking 60 ms after each as client/preview.ts
//    does), after a quiet moment: from the burst's last key to its pages.
const bursts: number[] = [];
for (let b = 0; b < 5; b++) {
  await sleep(2000);
  let lastKey = 0;
  let lastPages: Promise<number> = Promise.resolve(0);
  for (let k = 0; k < 10; k++) {
    asking?.cancel();
    await keystroke();
    lastKey = performance.now();
    lastPages = sleep(PREVIEW_DELAY_MS).then(askPages).then(() => performance.now());
    await sleep(120);
  }
  bursts.push((await lastPages) - lastKey);
}
bursts.sort((a, b) => a - b);
console.log(`typing in bursts: last key → its pages, median ${bursts[2]!.toFixed(0)} ms, worst ${bursts.at(-1)!.toFixed(0)} ms (5 bursts of 10 keys 120 ms apart)`);
connection.dispose();
child.kill();

// The same keystrokes in process, split: the analysis of the new text (the core's, shared with the
// diagnostics) and the preview's own part, the pages from that model (view, layout, marks).
const service = new LanguageService(new MemoryWorkspace({ '/w/bench.bg': text }));
service.analyze('/w/bench.bg', text);
const analysis: number[] = [];
const paging: number[] = [];
for (let k = 0; k < 15; k++) {
  const at = text.indexOf('。', Math.floor(text.length / 2));
  text = `${text.slice(0, at)}新${text.slice(at)}`;
  let start = performance.now();
  const model = service.analyze('/w/bench.bg', text);
  analysis.push(performance.now() - start);
  start = performance.now();
  previewPages(model);
  paging.push(performance.now() - start);
}
const spread = (t: number[]) => (t.sort((a, b) => a - b), `median ${t[7]!.toFixed(0)} ms, worst ${t.at(-1)!.toFixed(0)} ms`);
console.log(`of which, in process: analysis ${spread(analysis)}; pages from the model ${spread(paging)}`);
