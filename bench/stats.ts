// Timing helpers: interleaved rounds, medians and percentiles. Every figure the benchmark prints is a ratio
// to a reference timed in the same rounds, so a busy machine slows both sides alike.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Runs every task once per round, in a rotating order, for `rounds` rounds (or until `budgetMs` is spent
 * after at least `minRounds`). Returns each task's times.
 */
export function interleave(tasks: Record<string, () => unknown>, rounds: number, budgetMs = Infinity, minRounds = 3, warmup = 2): Record<string, number[]> {
  const names = Object.keys(tasks);
  // Untimed rounds first: the JIT compiles every task before any is timed.
  for (let r = 0; r < warmup; r++) for (const name of names) tasks[name]!();
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      times[name]!.push(time(tasks[name]!));
    }
    if (r + 1 >= minRounds && performance.now() - started > budgetMs) break;
  }
  return times;
}

/** Median over rounds of reference time ÷ task time: above 1 the task is faster than the reference. */
export function ratio(task: readonly number[], reference: readonly number[]): number {
  const n = Math.min(task.length, reference.length);
  const per: number[] = [];
  for (let i = 0; i < n; i++) per.push(reference[i]! / task[i]!);
  return median(per);
}

export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(digits);
}
