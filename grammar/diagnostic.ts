// The diagnostic shape shared by the grammar, the model and the checks: plain data, offsets into the text.
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, in Chinese, as shown in a quick-fix menu. */
  title: string;
  edits: TextEdit[];
  /** Safe fixes may be applied without review (`baogao check --fix`). */
  safe: boolean;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes?: Fix[];
  /** The file the diagnostic is in, when it is not the checked file itself (a snippet). */
  uri?: string;
  /** A stand-in for this many findings of its code from here on in one block, the rest not made into a list (server/language/perCodeBound.ts). */
  omitted?: number;
}
