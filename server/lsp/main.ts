// Entry point of dist/server.cjs: the transport (--stdio, --node-ipc, --socket=N) comes from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

startServer(createConnection(ProposedFeatures.all));
