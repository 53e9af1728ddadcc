// What every group of handlers shares: the connection, the open documents with their models, the
// diagnostics publisher, and what the client told us at initialisation and in its settings.
import type { Connection } from 'vscode-languageserver';
import type { FileText } from '../language/features/navigation.js';
import type { DiagnosticsPublisher } from './publishDiagnostics.js';
import type { DocumentStore } from './documents.js';
import type { ServerSettings } from './settings.js';
import type { WorkspaceIndex } from './workspaceIndex.js';

/** What the client said it supports and which folders it opened (set by `initialize`). */
export interface ClientState {
  folders: string[];
  configuration: boolean;
  workDoneProgress: boolean;
  watchRegistration: boolean;
  /** The client tells folders added to or removed from the workspace (workspace.workspaceFolders). */
  folderChanges?: boolean;
  settings: ServerSettings;
  /** The client takes a completion list's shared edit range (LSP 3.17 `itemDefaults.editRange`). */
  completionEditRange?: boolean;
  /** A folder of the client's own where the server may keep its workspace index between sessions. */
  storageFolder?: string;
  /**
   * The client said the workspace is not trusted (`initializationOptions.trusted: false`; VS Code's
   * Restricted Mode): a baogao.json's snippet folders outside the workspace folders are not read.
   */
  untrusted?: boolean;
}

export interface ServerContext {
  connection: Connection;
  store: DocumentStore;
  diagnostics: DiagnosticsPublisher;
  client: ClientState;
  /** The .bg files of the workspace folders and the open documents (references, renames, checks). */
  workspaceFiles(): FileText[];
  /** Summaries of every report of the workspace, kept current (workspace symbols). */
  index: WorkspaceIndex;
  /** Fits the heap's growth to the open text and the workspace's size (memory.ts): after opens, edits, closes and index refreshes. */
  fitHeap(): void;
}
