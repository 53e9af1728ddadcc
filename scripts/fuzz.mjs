// `npm run test:fuzz`: the property tests with many cases (BAOGAO_FUZZ_RUNS, 100,000 unless set), each
// test file in a mocha process of its own, BAOGAO_FUZZ_JOBS (2) at a time; a process's output is printed
// whole when it ends, and the run fails if any file fails. (Not mocha's --parallel: its workers load the
// TypeScript through require, where chevrotain's ESM-only packages cannot be loaded.)
import { spawn } from 'node:child_process';

const FILES = [
  'test/unit/robust/workspaceProperties.test.ts',
  'test/unit/core/incremental.property.test.ts',
  'test/unit/core/fastLine.property.test.ts',
  'test/unit/robust/properties.test.ts',
  'test/unit/robust/importProperties.test.ts',
  'test/protocol/transport.test.ts',
];
const jobs = Math.max(1, Number(process.env.BAOGAO_FUZZ_JOBS ?? 2) || 1);
const env = { ...process.env, BAOGAO_FUZZ_RUNS: process.env.BAOGAO_FUZZ_RUNS ?? '100000' };
const started = Date.now();

function run(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/mocha/bin/mocha.js', '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--timeout', '0', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => {
      process.stdout.write(`\n── ${file} (${code === 0 ? 'passed' : `failed: ${signal ?? `exit ${code}`}`}, ${Math.round((Date.now() - started) / 1000)} s since the start)\n${output}`);
      resolve(code === 0);
    });
  });
}

const queue = [...FILES];
const results = await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, async () => {
  const passed = [];
  for (let file = queue.shift(); file; file = queue.shift()) passed.push(await run(file));
  return passed.every(Boolean);
}));
const failed = results.includes(false);
console.log(`\ntest:fuzz: ${failed ? 'FAILED' : 'all passed'} (${env.BAOGAO_FUZZ_RUNS} cases a property, ${jobs} at a time, ${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(failed ? 1 : 0);
