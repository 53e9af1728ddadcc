// What the import steps share: the input's lines, the blocks written, and the notes of what was removed.
import type { PartLabel } from './parts.js';

/** One thing the importer removed or decided, for the writer to review. */
export interface ImportNote {
  /** 1-based line of the input. */
  line: number;
  /** What was removed or changed (Chinese). */
  what: string;
  /** Why (Chinese). */
  why: string;
}

/** A defect of the source the importer found (not a removal): reported by `baogao check` on the source. */
export interface ImportFinding {
  /** 1-based line of the input. */
  line: number;
  code: string;
  message: string;
}

export type Note = (line: number, what: string, why: string) => void;

export interface Line {
  /** 1-based line number in the input. */
  n: number;
  /** The raw line. */
  raw: string;
  /** Debris removed and trimmed; '' for a blank line. */
  text: string;
}

export type Block = (
  | { kind: 'heading'; level: number; text: string; label?: PartLabel }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; number: number; text: string }
  | { kind: 'directive'; text: string }
  | { kind: 'comment'; text: string }
) & { /** The input line it came from (0: none). */ source?: number };

// \s covers the ASCII, full-width (U+3000), no-break and en/em spaces; add the zero-width ones.
export const EDGE_SPACE = /^[\s\u200b\u200c\u200d\u2060]+|[\s\u200b\u200c\u200d\u2060]+$/g;
