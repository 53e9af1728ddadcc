// Entry point of the `baogao` command (bundled to dist/cli.cjs).
import * as nodeModule from 'node:module';
import { main } from './cli.js';

// Node ≥ 22.1 keeps compiled code on disk between runs: the parts loaded later (render, DOCX, Word, the
// language server) start faster from the second run on. Older Node has no such cache: nothing happens.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A reader that stops early (`baogao check … | head -1`) closes the pipe: end quietly, as cat does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`baogao：内部错误：${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
