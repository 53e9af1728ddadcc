// Initialisation, settings, and everything that makes models stale: edits, closed buffers, snippets
// edited, files changed on disk, settings changed.
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, type DidChangeWatchedFilesParams, type InitializeParams, FileChangeType, MessageType, ShowMessageNotification, type InitializeResult, type WorkspaceFolder, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { CAPABILITIES, DIAGNOSTIC_PROVIDER, SERVER_INFO } from '../capabilities.js';
import { positionEncoding, usePositionEncoding } from '../convert.js';
import type { ServerContext } from '../context.js';
import { CONFIG_FILE_NAME } from '../../language/config.js';
import { toServerSettings } from '../settings.js';
import { windowMessage } from '../protocol.js';
import { uriToPath } from '../uri.js';
import { toCorePath } from '../../node/paths.js';

/**
 * Whether a text starts as a snippet: `@片段` first, after blank and comment lines. White space other than a
 * line break before and between them: with \s, which takes line breaks too, blank lines could be split among
 * the repetitions in exponentially many ways (30 lines of a tab: minutes). The extension has its own copy
 * (client/commands.ts), as it imports nothing of the server.
 */
export const startsAsSnippet = (text: string) => /^(?:[^\S\n]*(?:\/\/[^\n]*)?\n)*[^\S\n]*[@＠](?:片段|snippet)(?:\s|$)/.test(text);

/** A snippet file (`@片段` first, or in a snippets/片段 folder): editing it changes every report using it. */
const isSnippet = (text: string, path: string | undefined) => startsAsSnippet(text) || (!!path && /\/(snippets|片段)\/[^/]+$/.test(path));

export function register(context: ServerContext): void {
  const { connection, store, diagnostics, client, index, fitHeap } = context;

  const everythingChanged = () => {
    store.invalidateAll();
    index.invalidate();
    diagnostics.scheduleAll();
  };

  let lastProblems = '';
  /** The settings last read, as JSON: the same settings read again change nothing. */
  let lastRead: string | undefined;
  /** Reads the client's settings; whether they differ from those last read. */
  async function loadSettings(): Promise<boolean> {
    if (!client.configuration) return true;
    try {
      const raw: unknown = await connection.workspace.getConfiguration('baogao');
      const read = JSON.stringify(raw ?? null);
      if (read === lastRead) return false;
      lastRead = read;
      client.settings = toServerSettings(raw);
      // A bad value is dropped (the rest applies) and told once, in Chinese.
      const { problems } = client.settings;
      const told = problems.map((p) => `${p.message}（${p.code}）`).join('\n');
      if (told && told !== lastProblems) {
        // Each in the log; the first in the window, in a message the VS Code client translates.
        for (const p of problems) connection.console.warn(`baogao 设置有误：${p.message}（${p.code}）`);
        const [first] = problems;
        const message = problems.length > 1 ? windowMessage('settingsProblems', first!.message, first!.code, problems.length) : windowMessage('settingsProblem', first!.message, first!.code);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
      }
      lastProblems = told;
      store.projects.setClientSettings(raw);
      store.invalidateModels();
    } catch (error) {
      connection.console.error(`baogao settings: ${String(error)}`);
    }
    return true;
  }

  connection.onInitialize((params) => initialize(context, params));

  connection.onInitialized(async () => {
    if (client.watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.bg' }, { globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => undefined);
    }
    if (client.folderChanges) connection.workspace.onDidChangeWorkspaceFolders((event) => foldersChanged(context, event, everythingChanged));
    await loadSettings();
    diagnostics.begin();
  });

  // VS Code announces the settings once as the client starts, the same ones the server has just read: read
  // again, they change nothing, and every open report is not analysed and pulled a second time (a 3 MB
  // report's check; and a refresh while the first pull's answer was still being converted, see client/wholeReports.ts).
  connection.onDidChangeConfiguration(async () => {
    if (await loadSettings()) everythingChanged();
  });

  connection.onDidChangeWatchedFiles((params) => watchedFilesChanged(context, params));

  store.documents.onDidChangeContent((event) => {
    fitHeap();
    index.changed(store.pathOf(event.document));
    if (isSnippet(event.document.getText(), uriToPath(event.document.uri))) everythingChanged();
    else diagnostics.schedule(event.document.uri);
  });

  store.documents.onDidOpen((event) => diagnostics.opened(event.document.uri));

  store.documents.onDidClose((event) => {
    fitHeap();
    index.changed(store.pathOf(event.document));
    store.forget(event.document.uri);
    diagnostics.closed(event.document.uri);
    // The buffer is gone: snippets and reports read from disk again.
    everythingChanged();
  });
}

/** Files changed on disk, as the client tells (reports, snippets, baogao.json): what reads them is analysed again. */
function watchedFilesChanged({ store, index, diagnostics }: ServerContext, params: DidChangeWatchedFilesParams): void {
  // Changes of another shape (a client’s mistake) are passed over: one of them made the whole notification fail.
  const changes = (Array.isArray(params?.changes) ? params.changes : []).filter((c) => typeof c?.uri === 'string');
  // A baogao.json changes the settings of the reports under it: what the index found in them goes too.
  if (changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
    store.projects.changed();
    index.forgetFound();
  }
  for (const change of changes) {
    const path = uriToPath(change.uri);
    if (path) index.changed(path);
    // A snippet's headings are numbered in every report that includes it.
    if (path && isSnippet('', path)) index.invalidate();
  }
  // Open models may read a changed file (a snippet, last year's report): they are analysed again.
  if (changes.some((c) => c.type === FileChangeType.Created || c.type === FileChangeType.Deleted || c.type === FileChangeType.Changed)) {
    store.invalidateAll();
    diagnostics.scheduleAll();
  }
}

/** A folder added or removed: the index lists the reports of the new set of folders. */
function foldersChanged({ client }: ServerContext, event: WorkspaceFoldersChangeEvent, everythingChanged: () => void): void {
  // Anything of another shape is no folder (a null event or folder, a number for a list, a uri not a string
  // threw a TypeError in the middle of the change).
  const paths = (folders: unknown) =>
    (Array.isArray(folders) ? folders : []).flatMap((f: WorkspaceFolder | null) => {
      const uri = (f as { uri?: unknown } | null)?.uri;
      return typeof uri === 'string' ? (uriToPath(uri) ?? []) : [];
    });
  const removed = new Set(paths(event?.removed));
  client.folders = [...new Set([...client.folders.filter((f) => !removed.has(f)), ...paths(event?.added)])];
  everythingChanged();
}

/**
 * The folders the client opened: its workspace folders, else `rootUri`, else the deprecated `rootPath`
 * (older clients send only that). Anything of another shape is no folder.
 */
function openedFolders(params: InitializeParams): string[] {
  const uris = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f) => (f as { uri?: unknown } | null)?.uri) : [];
  const folders = uris.flatMap((uri) => (typeof uri === 'string' ? (uriToPath(uri) ?? []) : []));
  if (folders.length) return folders;
  const root = typeof params.rootUri === 'string' ? uriToPath(params.rootUri) : undefined;
  if (root) return [root];
  const rootPath = (params as { rootPath?: unknown }).rootPath;
  return typeof rootPath === 'string' && path.isAbsolute(rootPath) ? [toCorePath(rootPath)] : [];
}

/** What the client supports and which folders it opened; the answer: what the server offers it. */
function initialize({ client, diagnostics }: ServerContext, params: InitializeParams): InitializeResult {
  const caps = params.capabilities ?? {};
  client.configuration = !!caps.workspace?.configuration;
  client.workDoneProgress = !!caps.window?.workDoneProgress;
  client.watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  client.folderChanges = !!caps.workspace?.workspaceFolders;
  client.completionEditRange = !!caps.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
  client.folders = openedFolders(params);
  client.untrusted = (params.initializationOptions as { trusted?: unknown } | null | undefined)?.trusted === false;
  const storage = (params.initializationOptions as { storageFolder?: unknown } | null | undefined)?.storageFolder;
  client.storageFolder = typeof storage === 'string' && path.isAbsolute(storage) ? storage : undefined;
  // Characters counted in UTF-8 bytes or code points only when asked (README › Other editors: Vim's ALE
  // counts bytes, Emacs's lsp-mode code points).
  const asked = (params.initializationOptions as { positionEncoding?: unknown } | null | undefined)?.positionEncoding;
  usePositionEncoding(asked === 'utf-8' || asked === 'utf-32' ? asked : 'utf-16');
  // Pull diagnostics when the client can pull, push otherwise — never both (a client would show them twice).
  const pull = !!caps.textDocument?.diagnostic;
  diagnostics.usePull(pull, !!caps.workspace?.diagnostics?.refreshSupport);
  const capabilities = { ...CAPABILITIES, positionEncoding: positionEncoding(), ...(pull ? { diagnosticProvider: DIAGNOSTIC_PROVIDER } : {}) };
  return { capabilities, serverInfo: SERVER_INFO };
}
