// Shared test helpers: build models from inline text or the bundled samples.
import { appendFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportModel } from '../server/language/model.js';
import { LanguageService } from '../server/language/service.js';
import { MemoryWorkspace } from '../server/language/workspace.js';
import { FileSystemWorkspace, readText } from '../server/node/fsWorkspace.js';
import { toCorePath } from '../server/node/paths.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLES = ['guiwei-2020', 'daxie-2021', 'dongzhaogezhuang-2020', 'beiping-2020', 'huilongba-2021', 'guiwei-2021'];
/** The five samples written from a seed, and the seed's copy in test/fixtures/seeds. */
export const SEEDED = SAMPLES.slice(0, 5);

export function samplePath(name: string): string {
  return path.join(ROOT, 'samples', `${name}.bg`);
}

export function seedText(name: string): string {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', `${name}.txt`), 'utf8');
}

const diskService = new LanguageService(new FileSystemWorkspace({ roots: [ROOT] }));

export function sampleModel(name: string): ReportModel {
  const file = samplePath(name);
  return diskService.analyze(toCorePath(file), readText(file));
}

/** A model of inline text, with optional other files (snippets, last year's report) in memory. */
export function model(text: string, files: Record<string, string> = {}, reportPath = '/w/report.bg'): ReportModel {
  const service = new LanguageService(new MemoryWorkspace({ ...files, [reportPath]: text }));
  return service.analyze(reportPath, text);
}

/** Keeps every CJK character of `expected` that appears, in order, in `actual`: the share kept. */
export function cjkKeptInOrder(expected: string, actual: string): { kept: number; total: number } {
  const cjk = (s: string) => Array.from(s).filter((c) => /\p{Script=Han}/u.test(c));
  const want = cjk(expected);
  const have = cjk(actual);
  // Longest common subsequence over CJK characters, in O(n·m) with two rows (reports are small).
  let previous = new Uint32Array(have.length + 1);
  let current = new Uint32Array(have.length + 1);
  for (let i = 1; i <= want.length; i++) {
    for (let j = 1; j <= have.length; j++) {
      current[j] = want[i - 1] === have[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return { kept: previous[have.length]!, total: want.length };
}

/**
 * Cases per property of issue 14's promises: 1,000 in `npm test` (or `normal` where a property is slow),
 * and BAOGAO_FUZZ_RUNS — 100,000 in `npm run test:fuzz` — for every one of them in the long mode.
 */
export const FUZZ_MODE = process.env.BAOGAO_FUZZ_RUNS !== undefined;
export function fuzzRuns(normal = 1000): number {
  return FUZZ_MODE ? Number(process.env.BAOGAO_FUZZ_RUNS) : normal;
}

/** fast-check's settings for a property: its cases, and BAOGAO_FUZZ_SEED when set (a shard of a long run, or a replay). */
export function fuzzSettings(normal = 1000): { numRuns: number; seed?: number } {
  const seed = process.env.BAOGAO_FUZZ_SEED;
  return { numRuns: fuzzRuns(normal), ...(seed ? { seed: Number(seed) } : {}) };
}

/**
 * Counts a property's cases and, in the long mode with BAOGAO_FUZZ_LOG set, appends "name: n cases, s"
 * to that file every 5,000 cases and at the end: a long run reports how far each property got.
 */
export function counted<A extends unknown[], R>(name: string, predicate: (...args: A) => R): (...args: A) => R {
  const log = process.env.BAOGAO_FUZZ_LOG;
  if (!FUZZ_MODE || !log) return predicate;
  const started = Date.now();
  let cases = 0;
  const write = () => appendFileSync(log, `${new Date().toISOString()} ${name}: ${cases} cases, ${Math.round((Date.now() - started) / 1000)} s\n`);
  process.on('exit', write);
  return (...args: A): R => {
    if (++cases % 5000 === 0) write();
    return predicate(...args);
  };
}

/**
 * The CPU time (ms) this process spent on `run`, and its result: the bounds of the linearity tests on
 * hostile lines. Wall time counted the other processes of a busy machine too (1,067 ms against a bound of
 * 1,000 under a load of 5 on 2 cores, for work of 300).
 */
export function cpuTimed<R>(run: () => R): { ms: number; result: R } {
  const before = process.cpuUsage();
  const result = run();
  const spent = process.cpuUsage(before);
  return { ms: (spent.user + spent.system) / 1000, result };
}
