// Why the editor could not write a file (an export, an import, next year's report, the CSV of figures), by
// the diagnostic code the command line gives for the same refusal (docs/CODES.md, BG910–BG913): VS Code's
// own message ("Unable to write file '…' (NoPermissions (FileSystemError): Error: EACCES: …)") is English
// and says nothing a writer can act on. Pure (no vscode): files.ts words each kind through l10n.

export type WriteRefusalKind = 'exists' | 'symlink' | 'appeared' | 'readOnly' | 'place' | 'noPermission' | 'readOnlyDisk' | 'diskFull' | 'failed';

export interface WriteRefusal {
  kind: WriteRefusalKind;
  code: 'BG910' | 'BG911' | 'BG912' | 'BG913';
}

/** The system's error names (in a FileSystemError's message, or a Node error's code) that say what went wrong. */
const BY_SYSTEM: Array<[RegExp, WriteRefusal]> = [
  [/\bEROFS\b/, { kind: 'readOnlyDisk', code: 'BG913' }],
  [/\b(?:ENOSPC|EDQUOT)\b/, { kind: 'diskFull', code: 'BG913' }],
  [/\b(?:EISDIR|ENOTDIR|ENAMETOOLONG|ELOOP|ENXIO|ENODEV)\b/, { kind: 'place', code: 'BG912' }],
];
const NO_PERMISSION = /\b(?:EACCES|EPERM)\b/;

/**
 * What kind of refusal a failed write is: `error` as VS Code's file system throws it (a FileSystemError, its
 * `code` FileExists, FileNotFound, FileIsADirectory, FileNotADirectory, NoPermissions, Unavailable or Unknown,
 * the system's error in its message) or a Node error; `existed`: the target was a file before the write (no
 * permission to write an existing file is a read-only file, BG911; a new one's, its folder's, BG913).
 */
export function writeRefusal(error: unknown, existed: boolean): WriteRefusal {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const text = `${code} ${error instanceof Error ? error.message : String(error)}`;
  for (const [pattern, refusal] of BY_SYSTEM) if (pattern.test(text)) return refusal;
  if (NO_PERMISSION.test(text) || code === 'NoPermissions') return existed ? { kind: 'readOnly', code: 'BG911' } : { kind: 'noPermission', code: 'BG913' };
  if (code === 'FileExists' || /\bEEXIST\b/.test(text)) return { kind: 'exists', code: 'BG910' };
  // A folder in the way, or one missing on the way to the file.
  if (code === 'FileIsADirectory' || code === 'FileNotADirectory' || code === 'FileNotFound' || /\bENOENT\b/.test(text)) return { kind: 'place', code: 'BG912' };
  return { kind: 'failed', code: 'BG913' };
}
