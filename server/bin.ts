// The `baogao` command (bundled to dist/cli-main.cjs, which dist/cli.cjs loads: server/launcher.ts).
import { main } from './cli.js';

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
