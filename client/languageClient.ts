// The language client: starts dist/server.cjs (the same server as `baogao lsp --stdio`) over stdio, as
// other editors and the benchmark do — its writer sends each message in one write and a long answer (a
// workspace's figures table) a chunk at a time, where Node IPC made the whole answer one more JSON string —
// and syncs every `baogao` document, open or untitled. Settings are pulled by the server
// (workspace/configuration); a change of `baogao.*` is announced so it pulls again.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, ShowMessageNotification, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, LANGUAGE_ID } from './ids.js';
import * as l10n from './l10n.js';
import { showServerMessage } from './serverMessages.js';
import { resolveServerSettings } from './settings.js';
import { wholeReport } from './wholeReports.js';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  // The server keeps its compiled code between sessions in the extension's own storage.
  const env = { ...process.env, BAOGAO_COMPILE_CACHE: path.join(context.globalStorageUri.fsPath, 'compiled') };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { env } },
    debug: { module, transport: TransportKind.stdio, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'baogao' },
    diagnosticCollectionName: 'baogao',
    // The workspace index is kept here between sessions (VS Code's storage for this workspace; none without one).
    // Asked at each start: in Restricted Mode the server reads no snippet folder a workspace's baogao.json
    // names outside it (the server starts again when the writer trusts the folder).
    initializationOptions: () => ({ storageFolder: context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined, trusted: vscode.workspace.isTrusted }),
    // The server answers pull diagnostics (one check per version, `unchanged` when nothing changed):
    // pull as the user types and saves, and other open reports too (a snippet they include may change).
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannelName: l10n.t('报告语言服务器'),
    middleware: {
      // Only whole reports are shown (wholeReports.ts: the library could keep one problem of fourteen).
      provideDiagnostics: (document, previousResultId, token, next) => wholeReport(next(document, previousResultId, token), token, () => new vscode.CancellationError()),
      workspace: {
        // `${workspaceFolder}` in folder settings means nothing to the server: expand it here.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value: unknown, i) => (params.items[i]?.section === 'baogao' ? resolveServerSettings(value) : value));
        },
      },
    },
  };
  const client = new LanguageClient(CLIENT_ID, l10n.t('报告语言服务器'), serverOptions, clientOptions);
  // The server's window messages, in the display language where they have a translation (serverMessages.ts):
  // registered before start, this replaces the client library's own handler of them.
  client.onNotification(ShowMessageNotification.type, showServerMessage);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client.restart()));
  return client;
}
