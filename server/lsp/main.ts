// Starting the server on a transport read from the command line (--stdio, --node-ipc, --socket=N):
// dist/server.cjs (what the extension starts) and `baogao lsp` both come here.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { serverTransport } from './transport.js';

export function runLanguageServer(): void {
  const transport = serverTransport(process.argv);
  startServer(transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer) : createConnection(ProposedFeatures.all));
}
