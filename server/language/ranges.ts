// Ranges [start, end) of a text that a check passes over (addresses, titles): whether an offset is in one.

/** Whether `at` is in one of the ranges. A loop, not ranges.some(([a, b]) => …): called per character or per match, a closure over the offset was made at each. */
export function inRanges(ranges: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  for (const [a, b] of ranges) if (at >= a && at < b) return true;
  return false;
}
