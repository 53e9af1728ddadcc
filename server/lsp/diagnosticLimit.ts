// The editor is shown at most MAX_SHOWN problems of one report: a hostile or broken file (a line of
// 400,000 "{") would otherwise send hundreds of megabytes of JSON that VS Code cuts to 1,000 per file
// anyway. Errors come first, then warnings, each in the order of the text; one BG907 says how many
// there are. Quick fixes and formatting still work on every finding; `baogao check` lists them all (but
// for the per-code bound of every report, perCodeBound.ts).
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { diagnostic } from '../language/makeDiagnostic.js';

export const MAX_SHOWN = 1000;

const RANK: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The findings the editor is sent: all of them, or the first MAX_SHOWN by severity and a BG907. */
export function shownInEditor(found: readonly Diagnostic[]): readonly Diagnostic[] {
  if (found.length <= MAX_SHOWN) return found;
  // Array.prototype.sort is stable: within a severity, the order of the text is kept.
  const shown = [...found].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, MAX_SHOWN);
  const note = diagnostic('BG907', { start: 0, end: 0 }, `本文件有 ${found.length} 处问题，编辑器只列出其中 ${MAX_SHOWN} 处（错误在先）。改正后其余的会陆续列出；命令行 baogao check 列出全部（同一种问题最多 500 处）。`);
  return [note, ...shown];
}
