// At most MAX_PER_CODE findings of one code in one file: a hostile or broken file (a line of three
// million “〔”) would otherwise give millions of findings — seconds to sort, gigabytes to hold, hours to
// read. The first ones in the text are kept; in place of the rest, one finding of the same code says how
// many more there are. The remembered results of a block are bounded alike (boundInBlock: the rest of a
// code stood for by one finding with `omitted`), so that they hold no more than can be listed; the bound
// of the whole sorted list then counts them in, and an edit's result equals a full analysis's.
import type { Diagnostic } from '../../grammar/diagnostic.js';

export const MAX_PER_CODE = 500;

const keyOf = (d: Diagnostic) => (d.uri === undefined ? d.code : `${d.uri}\u0000${d.code}`);
const weightOf = (d: Diagnostic) => d.omitted ?? 1;

/** How many findings of each file's code there are (a stand-in counting for those it stands for); undefined when none is beyond the bound. */
function countsBeyond(found: readonly Diagnostic[]): Map<string, number> | undefined {
  let total = 0;
  for (const d of found) total += weightOf(d);
  if (total <= MAX_PER_CODE) return undefined;
  const counts = new Map<string, number>();
  let beyond = false;
  for (const d of found) {
    const key = keyOf(d);
    const n = (counts.get(key) ?? 0) + weightOf(d);
    counts.set(key, n);
    if (n > MAX_PER_CODE) beyond = true;
  }
  return beyond ? counts : undefined;
}

/** Keeps the first MAX_PER_CODE of each code of a sorted list; `rest(first, count)` stands for the others (a stand-in always does). */
function keepFirst(sorted: readonly Diagnostic[], counts: Map<string, number>, rest: (first: Diagnostic, count: number) => Diagnostic): Diagnostic[] {
  const seen = new Map<string, number>();
  const summarised = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    const key = keyOf(d);
    const before = seen.get(key) ?? 0;
    seen.set(key, before + weightOf(d));
    if (before < MAX_PER_CODE && d.omitted === undefined) out.push(d);
    else if (!summarised.has(key)) {
      summarised.add(key);
      out.push(rest(d, counts.get(key)! - before));
    }
  }
  return out;
}

/** The findings of a report (sorted by file, then place) with each file's codes bounded to MAX_PER_CODE and one summary each. */
export function boundPerCode(sorted: Diagnostic[]): Diagnostic[] {
  const counts = countsBeyond(sorted);
  return counts ? keepFirst(sorted, counts, summary) : sorted;
}

/** The findings of one block, bounded alike: the first MAX_PER_CODE of each code by place, and one stand-in for the rest. */
export function boundInBlock(found: readonly Diagnostic[]): readonly Diagnostic[] {
  const counts = countsBeyond(found);
  if (!counts) return found;
  // Stable: findings at one place keep the check's order, as the report's sort keeps it.
  const sorted = [...found].sort((a, b) => a.start - b.start);
  return keepFirst(sorted, counts, (first, omitted) => ({ ...first, omitted }));
}

/** The finding in place of the rest: at the first of them, with their number, without fixes. */
function summary(first: Diagnostic, more: number): Diagnostic {
  const out: Diagnostic = {
    code: first.code,
    severity: first.severity,
    message: `此处起还有 ${more} 处同样的问题（${first.code}）未逐一列出：每种问题在一个文件中最多列出 ${MAX_PER_CODE} 处。改正前面的之后，其余的会陆续列出。`,
    start: first.start,
    end: first.end,
  };
  if (first.uri !== undefined) out.uri = first.uri;
  return out;
}
