// Applying the quick fixes of diagnostics to a text: each diagnostic's first eligible fix, all its edits
// or none, skipping a fix whose edits overlap one already taken (earlier position wins).
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
  // Keep the file's line endings in inserted text.
  const crlf = text.includes('\r\n');
  let out = text;
  for (const edit of [...taken].sort((a, b) => b.start - a.start)) {
    const newText = crlf ? edit.newText.replace(/\r?\n/g, '\r\n') : edit.newText;
    out = out.slice(0, edit.start) + newText + out.slice(edit.end);
  }
  return { text: out, applied, skipped };
}
