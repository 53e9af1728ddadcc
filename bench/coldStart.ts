// Cold start: `baogao check` and `baogao render` on one sample, beside `node -e 0`, interleaved. The
// command keeps V8's compiled code between runs (server/node/compileCache.ts): `check` is also timed with
// an empty cache each time (a first run, or a new version).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
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
    'baogao check, first run (no compile cache)': [cli, 'check', sample],
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const names = Object.keys(commands);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      // A cache folder of its own, empty, for the first-run row (XDG_CACHE_HOME: compileCache.ts).
      const emptyCache = name.includes('no compile cache') ? mkdtempSync(path.join(os.tmpdir(), 'baogao-cold-')) : undefined;
      const env = emptyCache ? { ...process.env, XDG_CACHE_HOME: emptyCache } : process.env;
      const start = performance.now();
      spawnSync(process.execPath, commands[name]!, { stdio: 'ignore', env });
      times[name]!.push(performance.now() - start);
      if (emptyCache) rmSync(emptyCache, { recursive: true, force: true });
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
