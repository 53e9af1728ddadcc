// Entry point of dist/server.cjs.
import { runLanguageServer } from './main.js';

runLanguageServer();
