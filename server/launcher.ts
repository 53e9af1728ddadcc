// Entry point of the `baogao` command (dist/cli.cjs): loads the command itself (dist/cli-main.cjs, from
// server/bin.ts) with V8's compiled code kept between runs (node/compileCache.ts).
import { useCompileCache } from './node/compileCache.js';

useCompileCache(__dirname, process.argv[2] ?? '');
require('./cli-main.cjs');
