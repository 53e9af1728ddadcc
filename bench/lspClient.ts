// A minimal LSP client over stdio for the benchmark: starts a server, answers the requests a server asks of
// its client (configuration, registration, and the Markdown server's markdown/* requests, with markdown-it
// as VS Code does), and times requests. Used for baogao's server and VS Code's Markdown server alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams,
  type InitializeResult, type Message,
} from 'vscode-languageserver-protocol/node';
import { pathToUri, uriToPath } from '../server/lsp/uri.js';

export interface BenchClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  capabilities: InitializeResult['capabilities'];
  open(uri: string, languageId: string, text: string): void;
  /** Replaces [start, end) (UTF-16 offsets of the current text) and sends the change; returns the new version. */
  edit(uri: string, start: number, end: number, insert: string): number;
  text(uri: string): string;
  waitForDiagnostics(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** The last message received: its size in bytes and how long this client took to decode and parse it, ms. */
  lastReceived(): { bytes: number; decodeMs: number };
  /** Resident and peak memory of the server process, MB (Linux /proc). */
  memory(): { rss: number; peak: number };
  stop(): Promise<void>;
}

export async function startBenchClient(command: string[], folder: string, settings: Record<string, unknown>, initializationOptions?: unknown): Promise<BenchClient> {
  const child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', () => undefined);
  // Decoding as the library does (UTF-8, then JSON.parse), timed: the client's share of a large answer.
  let received = { bytes: 0, decodeMs: 0 };
  const decoder = {
    name: 'application/json',
    decode(bytes: Uint8Array) {
      try {
        const started = performance.now();
        const message = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as Message;
        received = { bytes: bytes.byteLength, decodeMs: performance.now() - started };
        return Promise.resolve(message);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!, { charset: 'utf-8', contentTypeDecoder: decoder }), new StreamMessageWriter(child.stdin!));
  const texts = new Map<string, { text: string; version: number }>();
  const waiters: Array<{ uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const markdown = new MarkdownIt();

  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of [...waiters]) {
      if (w.uri === p.uri && (p.version === undefined || p.version >= w.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((item) => (item.section ? settings[item.section] ?? null : settings)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  // The Markdown server's own requests (vscode-markdown-languageserver's protocol.ts).
  connection.onRequest('markdown/parse', (p: { uri: string; text?: string }) => markdown.parse(p.text ?? texts.get(p.uri)?.text ?? readFileSync(uriToPath(p.uri)!, 'utf8'), {}));
  connection.onRequest('markdown/fs/readFile', (p: { uri: string }) => [...readFileSync(uriToPath(p.uri)!)]);
  connection.onRequest('markdown/fs/stat', (p: { uri: string }) => {
    try {
      return { isDirectory: statSync(uriToPath(p.uri)!).isDirectory() };
    } catch {
      return null;
    }
  });
  connection.onRequest('markdown/fs/readDirectory', (p: { uri: string }) =>
    readdirSync(uriToPath(p.uri)!, { withFileTypes: true }).map((e) => [e.name, { isDirectory: e.isDirectory() }]));
  connection.onRequest('markdown/findMarkdownFilesInWorkspace', () => listFiles(folder, '.md').map(pathToUri));
  connection.onRequest('markdown/fs/watcher/create', () => null);
  connection.onRequest('markdown/fs/watcher/delete', () => null);
  connection.listen();

  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToUri(folder),
    workspaceFolders: [{ uri: pathToUri(folder), name: 'bench' }],
    initializationOptions,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        diagnostic: { dynamicRegistration: false },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        // As vscode-languageclient declares it (a list's shared edit range among them).
        completion: { completionItem: { insertReplaceSupport: true, labelDetailsSupport: true }, completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } },
        semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
      },
      window: { workDoneProgress: true },
    },
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('workspace/didChangeConfiguration', { settings });

  return {
    connection,
    child,
    capabilities: init.capabilities,
    open(uri, languageId, text) {
      texts.set(uri, { text, version: 1 });
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    edit(uri, start, end, insert) {
      const doc = texts.get(uri)!;
      const range = { start: positionAt(doc.text, start), end: positionAt(doc.text, end) };
      doc.text = doc.text.slice(0, start) + insert + doc.text.slice(end);
      doc.version++;
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: insert }] });
      return doc.version;
    },
    text: (uri) => texts.get(uri)!.text,
    lastReceived: () => received,
    waitForDiagnostics(uri, version, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), timeoutMs);
        waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    memory() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
        return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
      } catch {
        return { rss: NaN, peak: NaN };
      }
    },
    async stop() {
      // Ended as an editor ends it, and given time to exit on its own (baogao's server writes its compile
      // cache then); killed only if it does not.
      const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
        await connection.sendNotification('exit');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      } catch {
        /* already gone */
      }
      connection.dispose();
      child.kill();
    },
  };
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

export function listFiles(folder: string, extension: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(extension)) out.push(p);
    }
  };
  walk(folder);
  return out.sort();
}
