// The `baogao` command (bundled to dist/cli-main.cjs, which dist/cli.cjs loads: server/launcher.ts). The
// usage text needs nothing else; a command loads the commands (cli.ts, a file of its own in the bundle).
import { isHelpRequest, USAGE } from './usage.js';
import { forTerminal, forTerminalLine } from './terminalText.js';
import { systemReason } from './node/systemReason.js';

// A reader that stops early (`baogao check … | head -1`) closes the pipe: the rest of that output is
// dropped quietly, and the command ends with its own status (check: 1 when it found errors), so that
// `set -o pipefail` in CI still fails on a bad report (was: exit 0 whatever was found).
// Output that cannot be written (`baogao render r.bg > 报告.txt` on a full disk) is incomplete: told in
// Chinese, with status 2 (was: Node's stack trace of ENOSPC and status 1, the findings' status).
let outputFailed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    stream.write = (() => true) as typeof stream.write;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || stream !== process.stdout) return;
    outputFailed = true;
    process.exitCode = 2;
    process.stderr.write(`baogao：无法写出标准输出：${systemReason(error)}。输出不完整。（BG913）\n`);
  });
}

const argv = process.argv.slice(2);
// Everything on stderr is for a person: the findings of an import, a file's name, an excerpt (the language
// server's stderr is its log).
if (argv[0] !== 'lsp') {
  const write = process.stderr.write.bind(process.stderr) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? forTerminal(chunk) : chunk, ...rest)) as typeof process.stderr.write;
}
const run = isHelpRequest(argv[0])
  ? Promise.resolve().then(() => {
      process.stdout.write(`${USAGE}\n`);
      return argv[0] === undefined ? 2 : 0;
    })
  : import('./cli.js').then(({ main }) => main(argv));

run.then(
  (code) => {
    process.exitCode = outputFailed ? 2 : code;
  },
  (error: unknown) => {
    process.stderr.write(`baogao：内部错误：${forTerminalLine(String((error as Error)?.message ?? error))}\n`);
    process.exitCode = 2;
  },
);
