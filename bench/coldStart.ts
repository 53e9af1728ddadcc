// Cold start: `baogao check` and `baogao render` on one sample, beside `node -e 0`, interleaved.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { median } from './stats.js';

export interface ColdStartResult {
  nodeMs: number;
  commands: Record<string, { ms: number; ratio: number }>;
}

export function runColdStart(root: string, rounds: number): ColdStartResult {
  const cli = path.join(root, 'dist', 'cli.cjs');
  const sample = path.join(root, 'samples', 'guiwei-2020.bg');
  const commands: Record<string, string[]> = {
    'node -e 0': ['-e', '0'],
    'baogao check': [cli, 'check', sample],
    'baogao render': [cli, 'render', sample],
    'baogao help': [cli, 'help'],
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const names = Object.keys(commands);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      const start = performance.now();
      spawnSync(process.execPath, commands[name]!, { stdio: 'ignore' });
      times[name]!.push(performance.now() - start);
    }
  }
  const nodeMs = median(times['node -e 0']!);
  const out: ColdStartResult['commands'] = {};
  for (const name of names.slice(1)) {
    const per = times[name]!.map((t, i) => t / times['node -e 0']![i]!);
    out[name] = { ms: median(times[name]!), ratio: median(per) };
  }
  return { nodeMs, commands: out };
}
