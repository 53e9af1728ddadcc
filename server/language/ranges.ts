// Ranges [start, end) of a text that a check passes over (addresses, titles): whether an offset is in one.

/** Whether `at` is in one of the ranges. A loop, not ranges.some(([a, b]) => …): called per character or per match, a closure over the offset was made at each. */
export function inRanges(ranges: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  // By index: destructuring each range with for…of made an iterator per call where the loop was not optimised.
  for (let k = 0; k < ranges.length; k++) if (at >= ranges[k]![0] && at < ranges[k]![1]) return true;
  return false;
}
