// Building diagnostics with the severity the code table gives, and applying per-file and user overrides.
import type { Span } from '../../grammar/index.js';
import type { Diagnostic, Fix, Severity } from '../../grammar/diagnostic.js';
import { defaultSeverity } from './codes.js';

export function diagnostic(code: string, span: Span, message: string, fixes?: Fix[]): Diagnostic {
  const d: Diagnostic = { code, severity: defaultSeverity(code), message, start: span.start, end: Math.max(span.end, span.start) };
  if (fixes?.length) d.fixes = fixes;
  return d;
}

/**
 * A diagnostic found in `file` while checking the report `root`: one inside a snippet carries the
 * snippet's path, so the command and the editor show it in that file.
 */
export function locatedIn(d: Diagnostic, file: { path: string }, root: { path: string }): Diagnostic {
  return file.path === root.path ? d : { ...d, uri: file.path };
}

/** Applies severity overrides (settings first, then the file's own @检查, which wins); 'off' removes. */
export function applySeverities(diagnostics: Diagnostic[], ...overrides: ReadonlyMap<string, Severity | 'off'>[]): Diagnostic[] {
  if (overrides.every((o) => o.size === 0)) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    let level: Severity | 'off' = d.severity;
    for (const o of overrides) level = o.get(d.code) ?? level;
    if (level === 'off') continue;
    out.push(level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}
