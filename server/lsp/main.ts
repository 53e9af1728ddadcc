// Starting the server on a transport read from the command line (--stdio, --node-ipc, --socket=N):
// dist/server.cjs (what the extension starts) and `baogao lsp` both come here.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

export function runLanguageServer(): void {
  startServer(createConnection(ProposedFeatures.all));
}
