// Entry point of the `baogao` command (bundled to dist/cli.cjs).
import { main } from './cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`baogao：内部错误：${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
