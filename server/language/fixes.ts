// Applying edits and fixes to a text — the one place it is done (`baogao check --fix`, formatting, tests).
// Fixes: each diagnostic's first eligible fix, all its edits or none, skipping a fix whose edits overlap
// one already taken (earlier position wins).
import type { Diagnostic, Fix, TextEdit } from '../../grammar/diagnostic.js';
import { countBefore } from '../../grammar/blocks.js';

export interface FixOptions {
  /** Only fixes marked safe (as `baogao check --fix` does). Default true. */
  safeOnly?: boolean;
  /** The path of the text: diagnostics located elsewhere (`uri` of a snippet) are left alone. */
  path?: string;
}

export interface AppliedFix {
  diagnostic: Diagnostic;
  fix: Fix;
}

export interface FixResult {
  text: string;
  applied: AppliedFix[];
  /** Fixes not applied because they overlapped an applied one. */
  skipped: AppliedFix[];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start) return true; // two edits at one place: their order is ambiguous
  return a.start < b.end && b.start < a.end;
}

export function applyFixes(text: string, diagnostics: readonly Diagnostic[], options: FixOptions = {}): FixResult {
  const { edits, applied, skipped } = chooseFixes(text, diagnostics, options);
  return { text: applyEdits(text, edits), applied, skipped };
}

/** The fixes `applyFixes` applies, as edits on `text` sorted by start (none overlapping), without applying them. */
export function chooseFixes(text: string, diagnostics: readonly Diagnostic[], options: FixOptions = {}): Omit<FixResult, 'text'> & { edits: TextEdit[] } {
  const safeOnly = options.safeOnly ?? true;
  // Each candidate with where its first edit starts (computed once, not per comparison of the sort).
  const candidates: Array<AppliedFix & { first: number }> = [];
  for (const d of diagnostics) {
    if (d.uri && d.uri !== options.path) continue;
    const fix = d.fixes?.find((f) => (!safeOnly || f.safe) && f.edits.length > 0);
    if (fix && fix.edits.every((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end)) candidates.push({ diagnostic: d, fix, first: firstStart(fix) });
  }
  candidates.sort((a, b) => a.first - b.first || a.diagnostic.start - b.diagnostic.start);
  const taken = new TakenEdits();
  const applied: AppliedFix[] = [];
  const skipped: AppliedFix[] = [];
  for (const { diagnostic, fix } of candidates) {
    const candidate = { diagnostic, fix };
    const edits = candidate.fix.edits;
    const clash = edits.some((e, i) => taken.clashes(e) || edits.some((o, j) => j !== i && overlaps(e, o)));
    if (clash) {
      skipped.push(candidate);
      continue;
    }
    for (const e of edits) taken.add(e);
    applied.push(candidate);
  }
  return { edits: taken.edits, applied, skipped };
}

function firstStart(fix: Fix): number {
  let first = Infinity;
  for (const e of fix.edits) first = Math.min(first, e.start);
  return first;
}

/**
 * The edits taken so far, sorted by start (no two share one, none overlap), so that a clash test looks
 * at two neighbours instead of every edit: thousands of fixes stay fast.
 */
class TakenEdits {
  readonly edits: TextEdit[] = [];

  /** Index of the first taken edit starting at or after `offset`. */
  private lowerBound(offset: number): number {
    return countBefore(this.edits.length, (i) => this.edits[i]!.start < offset);
  }

  /** Does `e` overlap a taken edit, or start where one starts? (`overlaps`, against all taken edits.) */
  clashes(e: TextEdit): boolean {
    const i = this.lowerBound(e.start);
    const next = this.edits[i];
    if (next && (next.start === e.start || next.start < e.end)) return true;
    const previous = this.edits[i - 1];
    return !!previous && previous.end > e.start;
  }

  add(e: TextEdit): void {
    this.edits.splice(this.lowerBound(e.start), 0, e);
  }
}

/**
 * Applies edits given as offsets into `text` (none overlapping) in one pass, building the result once;
 * at one offset an insertion's text comes before a replacement's, and insertions there come last-given
 * first. Inserted line breaks follow the text's own (CRLF or LF).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const crlf = text.includes('\r\n');
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || b.index - a.index);
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of ordered) {
    parts.push(text.slice(at, Math.max(at, edit.start)), crlf ? edit.newText.replace(/\r?\n/g, '\r\n') : edit.newText);
    at = Math.max(at, edit.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Applies the safe fixes again and again until none applies (a fix can make the text of another, e.g.
 * a half-width comma replaced next to a full-width one): what `baogao check --fix` writes, so that a
 * second run finds nothing to fix. At most `rounds` rounds.
 */
export function fixUntilStable(text: string, diagnose: (text: string) => readonly Diagnostic[], path: string, rounds = 8): FixResult {
  let current: FixResult = { text, applied: [], skipped: [] };
  for (let round = 0; round < rounds; round++) {
    const next = applyFixes(current.text, diagnose(current.text), { safeOnly: true, path });
    if (next.applied.length === 0) break;
    current = { text: next.text, applied: [...current.applied, ...next.applied], skipped: next.skipped };
  }
  return current;
}
