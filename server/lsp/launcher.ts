// Entry point of the language server (dist/server.cjs): loads the server itself (dist/server-main.cjs, from
// server/lsp/entry.ts) with V8's compiled code kept between editor sessions (node/compileCache.ts): the
// 3 MB bundle compiled anew took about 80 ms of every start before the first answer.
import { useCompileCache } from '../node/compileCache.js';

useCompileCache(__dirname, 'lsp');
require('./server-main.cjs');
