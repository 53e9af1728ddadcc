// A client that is not VS Code: starts dist/server.cjs --stdio and drives it over JSON-RPC.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, PublishDiagnosticsNotification,
  ConfigurationRequest, RegistrationRequest, WorkDoneProgress, type PublishDiagnosticsParams, type InitializeParams, type InitializeResult, type Position,
} from 'vscode-languageserver-protocol/node';
import { pathToUri } from '../../server/lsp/uri.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');

export interface Client {
  connection: ProtocolConnection;
  process: ChildProcess;
  folder: string;
  initializeResult: InitializeResult;
  uri(name: string): string;
  open(name: string, text?: string): Promise<{ uri: string; text: string }>;
  diagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  lastDiagnostics: Map<string, PublishDiagnosticsParams>;
  /** The server's `$/logTrace` messages (with `trace: true`). */
  traces: string[];
  /** How often the server asked to pull diagnostics again (workspace/diagnostic/refresh). */
  refreshes: number;
  /** Progress the server created (with `progress: true`): its tokens, then every `$/progress` value by token. */
  progress: Map<string | number, unknown[]>;
  settings: Record<string, unknown>;
  stop(): Promise<void>;
}

/** `pull`: the client declares pull diagnostics (LSP 3.17), as vscode-languageclient does; `trace`: verbose tracing;
 * `progress`: the client accepts progress the server creates (window.workDoneProgress), as VS Code does;
 * `env`: added to the server's environment; `folder`: a workspace folder of the test's own (kept after `stop`),
 * instead of a copy of the samples; `initializationOptions`: sent with `initialize`; `textDocument`: more of the
 * client's textDocument capabilities; `workspace`: more of its workspace capabilities; `reshape`: changes the
 * initialize parameters (another editor's: rootPath only, other position encodings). */
export async function startClient(
  settings: Record<string, unknown> = {},
  options: { pull?: boolean; trace?: boolean; progress?: boolean; env?: Record<string, string>; folder?: string; initializationOptions?: unknown; textDocument?: Record<string, unknown>; workspace?: Record<string, unknown>; reshape?: (params: InitializeParams) => InitializeParams } = {},
): Promise<Client> {
  const folder = options.folder ?? mkdtempSync(path.join(tmpdir(), 'baogao-lsp-'));
  if (!options.folder) cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  child.stderr!.on('data', () => undefined);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const lastDiagnostics = new Map<string, PublishDiagnosticsParams>();
  const waiters: Array<{ uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    lastDiagnostics.set(p.uri, p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.predicate(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  const client: Partial<Client> = { settings, traces: [], refreshes: 0, progress: new Map() };
  connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
    const values: unknown[] = [];
    client.progress!.set(p.token, values);
    connection.onProgress(WorkDoneProgress.type, p.token, (value) => void values.push(value));
  });
  connection.onNotification('$/logTrace', (p: { message: string }) => void client.traces!.push(p.message));
  connection.onRequest('workspace/diagnostic/refresh', () => {
    client.refreshes!++;
    return null;
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'baogao' ? client.settings : null)));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const reshape = options.reshape ?? ((params: InitializeParams) => params);
  const initializeResult = await connection.sendRequest(InitializeRequest.type, reshape({
    processId: process.pid,
    rootUri: pathToUri(folder),
    workspaceFolders: [{ uri: pathToUri(folder), name: 'samples' }],
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    ...(options.trace ? { trace: 'verbose' as const } : {}),
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}), ...options.workspace },
      textDocument: { publishDiagnostics: { versionSupport: true }, ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}), ...options.textDocument },
      ...(options.progress ? { window: { workDoneProgress: true } } : {}),
    },
  }));
  await connection.sendNotification(InitializedNotification.type, {});
  return Object.assign(client, {
    connection,
    process: child,
    folder,
    initializeResult,
    lastDiagnostics,
    uri: (name: string) => pathToUri(path.join(folder, name)),
    async open(name: string, text?: string) {
      const uri = pathToUri(path.join(folder, name));
      const content = text ?? readFileSync(path.join(folder, name), 'utf8');
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'baogao', version: 1, text: content } });
      return { uri, text: content };
    },
    diagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000) {
      return new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), timeoutMs);
        waiters.push({ uri, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
      child.kill();
      if (!options.folder) rmSync(folder, { recursive: true, force: true });
    },
  }) as Client;
}

/** The position of the n-th occurrence (0-based) of a string in a text, plus a character offset into it. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`“${needle}” not found`);
  }
  const offset = index + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
