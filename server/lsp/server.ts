// The language server, as a table of contents: the open documents and their models, the diagnostics
// publisher, and one module per group of handlers in handlers/ — each converts positions and URIs and
// delegates to the pure features in server/language/. Request errors follow one policy (requests.ts).
import { MessageType, ShowMessageNotification, TextDocuments, type Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FileSystemWorkspace, type WalkBound } from '../node/fsWorkspace.js';
import { toOsPath } from '../node/paths.js';
import { misnamedMessage } from '../node/files.js';
import { forTerminalLine } from '../terminalText.js';
import { dirname, resolvePath } from '../language/corePath.js';
import { WALK_LIMITS, walkReaches } from '../language/workspace.js';
import { windowMessage } from './protocol.js';
import type { ClientState, ServerContext } from './context.js';
import { DOCUMENTS } from './contentChanges.js';
import { DiagnosticsPublisher } from './publishDiagnostics.js';
import { DocumentStore, openDocumentAt } from './documents.js';
import * as checkSource from './handlers/checkSource.js';
import * as paste from './handlers/paste.js';
import * as checkWorkspace from './handlers/checkWorkspace.js';
import * as diagnosticsHandlers from './handlers/diagnostics.js';
import * as display from './handlers/display.js';
import * as edits from './handlers/edits.js';
import * as figures from './handlers/figures.js';
import * as information from './handlers/information.js';
import * as lifecycle from './handlers/lifecycle.js';
import * as navigation from './handlers/navigation.js';
import * as outputs from './handlers/outputs.js';
import * as render from './handlers/render.js';
import * as reports from './handlers/reports.js';
import * as symbols from './handlers/symbols.js';
import { KeptIndex } from './indexMemory.js';
import { HeapPolicy } from './memory.js';
import { Projects } from './projects.js';
import { KeystrokeRehearsal } from './rehearsal.js';
import { toServerSettings } from './settings.js';
import { WorkspaceIndex } from './workspaceIndex.js';

export function startServer(connection: Connection): void {
  const context = createContext(connection);

  lifecycle.register(context); //      initialize, settings, edits and closes, watched files
  diagnosticsHandlers.register(context); // pull diagnostics
  symbols.register(context); //        outline, workspace symbols
  information.register(context); //    hover, completion, inlay hints
  navigation.register(context); //     definition, references, rename, links
  edits.register(context); //          code actions, formatting
  display.register(context); //        semantic tokens, folding
  render.register(context); //         baogao/render
  outputs.register(context); //        baogao/preview
  reports.register(context); //        baogao/import, baogao/newReport, baogao/collect
  figures.register(context); //        baogao/figures
  checkWorkspace.register(context); // baogao/checkWorkspace
  checkSource.register(context); //    baogao/checkSource
  paste.register(context); //          baogao/convertPaste

  context.store.documents.listen(connection);
  connection.listen();
}

function createContext(connection: Connection): ServerContext {
  // Many changes at once (Format Document, Replace All, many cursors) are applied in linear time: contentChanges.ts.
  const documents = new TextDocuments(DOCUMENTS);
  // A report or folder named in GBK (a zip of Chinese Windows unpacked on Linux) cannot be indexed by its
  // name: each is told once in the log, and those a walk finds together in one message (BG909).
  const misnamed: string[] = [];
  const tellMisnamed = (message: string) => {
    connection.console.warn(message);
    if (misnamed.push(message) > 1) return;
    setImmediate(() => {
      const [first, ...more] = misnamed.splice(0);
      const message = more.length ? windowMessage('misnamedMore', first!, more.length) : first!;
      // A notification, as the settings' problems are told (a request would wait for the writer's click).
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
    });
  };
  const tellBound = boundTeller(connection, () => client.folders);
  // The disk, with the editor's unsaved buffers over it.
  const workspace = new FileSystemWorkspace({ overlay: (path) => openDocumentAt(documents, path)?.getText(), onMisnamed: (entry) => tellMisnamed(misnamedMessage(entry)), onWalkBound: tellBound });
  const client: ClientState = { folders: [], configuration: false, workDoneProgress: false, watchRegistration: false, settings: toServerSettings({}) };
  // Reports may read files in the workspace folders, beside an open document, and in the snippet folders
  // of their settings — nothing else (@上年 ../secret.txt, a symlink out, /dev/stdin are refused).
  const allowFolders = () => {
    for (const folder of client.folders) workspace.allow(toOsPath(folder));
  };
  // A document that is not a file (untitled:, a virtual file system) has no folder of its own: its path's
  // folder would be `/`, the whole disk. It reads the workspace folders and absolute snippet folders only.
  // In an untrusted workspace a baogao.json (the workspace's own file) names no folder outside it; the
  // editor's settings, which VS Code then takes from the user's settings only, still may.
  const allowFor = (path: string, onDisk: boolean) => {
    allowFolders();
    const snippetFolders = store.serviceFor(path).settings.snippetFolders;
    const fromEditor = new Set(client.settings.service.snippetFolders);
    const inWorkspace = (folder: string) => client.folders.some((root) => folder === root || folder.startsWith(`${root.replace(/\/$/, '')}/`));
    for (const folder of onDisk ? ['.', ...snippetFolders] : snippetFolders.filter((f) => /^(?:\/|[A-Za-z]:)/.test(f))) {
      const resolved = resolvePath(dirname(path), folder);
      if (client.untrusted && folder !== '.' && !fromEditor.has(folder) && !inWorkspace(resolved)) continue;
      workspace.allow(toOsPath(resolved));
    }
  };
  // With the client's trace on (`baogao.trace.server`), each analysis is told: one per document version.
  const traceAnalysis = (uri: string, version: number, ms: number) => connection.tracer.log(`分析 ${uri} 第 ${version} 版`, `${ms.toFixed(1)} ms`);
  // Once per server, the first large report's keystrokes are rehearsed while the editor is idle (rehearsal.ts).
  const rehearse = (doc: TextDocument) => rehearsal.afterCheck(doc);
  const store: DocumentStore = new DocumentStore(documents, new Projects(workspace), allowFor, traceAnalysis, rehearse);
  const rehearsal = new KeystrokeRehearsal(store, { ended: (characters, ms) => connection.tracer.log(`预演按键 ${characters} 次`, `${ms.toFixed(1)} ms`) });
  const listReports = () => {
    allowFolders();
    return client.folders.flatMap((folder) => workspace.findReports(folder));
  };
  // The heap's growth is limited while large documents are open or the workspace is large (see memory.ts).
  const heap = new HeapPolicy();
  const fitHeap = () => heap.fit(documents.all().map((doc) => doc.getText().length), index.size);
  const kept = new KeptIndex({ folder: () => client.storageFolder, settings: () => store.service.settings });
  connection.onShutdown(() => kept.flush());
  const indexRefreshed = ({ taken, analysed }: { taken: number; analysed: number }) => {
    fitHeap();
    if (taken + analysed > 0) connection.tracer.log(`工作区索引：${taken} 个文件取自上次保存的索引，分析了 ${analysed} 个文件`);
  };
  const listable = (path: string) => client.folders.some((folder) => walkReaches(folder, path));
  const index: WorkspaceIndex = new WorkspaceIndex(store, listReports, listable, () => client.watchRegistration, indexRefreshed, kept);
  return {
    connection,
    store,
    client,
    diagnostics: new DiagnosticsPublisher(connection, store),
    workspaceFiles: () => {
      allowFolders();
      return store.workspaceFiles(client.folders);
    },
    index,
    fitHeap,
  };
}

/**
 * A workspace folder too large to walk whole (a home folder, a disk): the index holds part of it, told once
 * a folder (BG918), not left for the writer to wonder why a report is missing from its features.
 */
function boundTeller(connection: Connection, workspaceFolders: () => readonly string[]): (folder: string, bound: WalkBound) => void {
  const told = new Set<string>();
  return (folder, bound) => {
    if (!workspaceFolders().includes(folder) || told.has(folder)) return;
    told.add(folder);
    const shown = forTerminalLine(toOsPath(folder));
    const message = bound.cut === 'files' ? windowMessage('indexReports', shown, WALK_LIMITS.files) : windowMessage('indexFolders', shown, WALK_LIMITS.folders, bound.found);
    connection.console.warn(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
  };
}
