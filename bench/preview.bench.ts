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
  createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest,
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

const times: number[] = [];
let pages = 0;
let sent = 0;
for (let version = 2; version <= 16; version++) {
  // A keystroke in the middle of the report.
  const at = text.indexOf('。', Math.floor(text.length / 2));
  text = `${text.slice(0, at)}新${text.slice(at)}`;
  const lines = text.slice(0, at).split('\n');
  const start = performance.now();
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: lines.length - 1, character: lines.at(-1)!.length }, end: { line: lines.length - 1, character: lines.at(-1)!.length } }, text: '新' }],
  });
  await new Promise((r) => setTimeout(r, PREVIEW_DELAY_MS));
  // As the preview asks: only the pages changed since those it shows.
  const result = await connection.sendRequest<PreviewRequest.Result>(PreviewRequest.method, { textDocument: { uri }, previousResultId: shown });
  times.push(performance.now() - start);
  shown = result.resultId;
  pages = result.pages.length;
  sent += result.pages.filter((p) => p !== null).length;
  await new Promise((r) => setTimeout(r, 300));
}
times.sort((a, b) => a - b);
console.log(`preview of a ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB report (${pages} pages): keystroke → pages received, median ${times[7]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (15 keystrokes; ${PREVIEW_DELAY_MS} ms of it is the preview's wait for typing to stop; ${(sent / 15).toFixed(1)} pages sent per update)`);
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
