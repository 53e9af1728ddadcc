// Applying edits and fixes to a text — the one place it is done (`baogao check --fix`, formatting, tests).
// Fixes: each diagnostic's first eligible fix, all its edits or none, skipping a fix whose edits overlap
// one already taken (earlier position wins).
import type { Diagnostic, Fix, TextEdit } from '../../grammar/diagnostic.js';

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
  const safeOnly = options.safeOnly ?? true;
  const candidates: AppliedFix[] = [];
  for (const d of diagnostics) {
    if (d.uri && d.uri !== options.path) continue;
    const fix = d.fixes?.find((f) => (!safeOnly || f.safe) && f.edits.length > 0);
    if (fix && fix.edits.every((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end)) candidates.push({ diagnostic: d, fix });
  }
  const first = (f: Fix) => Math.min(...f.edits.map((e) => e.start));
  candidates.sort((a, b) => first(a.fix) - first(b.fix) || a.diagnostic.start - b.diagnostic.start);
  const taken: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  const skipped: AppliedFix[] = [];
  for (const candidate of candidates) {
    const edits = candidate.fix.edits;
    const clash = edits.some((e, i) => taken.some((t) => overlaps(e, t)) || edits.some((o, j) => j !== i && overlaps(e, o)));
    if (clash) {
      skipped.push(candidate);
      continue;
    }
    taken.push(...edits);
    applied.push(candidate);
  }
  return { text: applyEdits(text, taken), applied, skipped };
}

/**
 * Applies edits given as offsets into `text` (none overlapping), from the last to the first; at one
 * offset a replacement goes before an insertion. Inserted line breaks follow the text's own (CRLF or LF).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const crlf = text.includes('\r\n');
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    const newText = crlf ? edit.newText.replace(/\r?\n/g, '\r\n') : edit.newText;
    out = out.slice(0, edit.start) + newText + out.slice(edit.end);
  }
  return out;
}
