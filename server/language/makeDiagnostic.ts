// Making a diagnostic: the severity its code has in the code table, and the file it is in. (The
// Diagnostic type itself is grammar/diagnostic.ts; applying the user's severities is checks/index.ts.)
import type { Span } from '../../grammar/index.js';
import type { Diagnostic, Fix } from '../../grammar/diagnostic.js';
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
