// The language server (dist/server-main.cjs, which dist/server.cjs loads: server/lsp/launcher.ts).
import { runLanguageServer } from './main.js';

runLanguageServer();
