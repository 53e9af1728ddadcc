// Reports and folders renamed or moved: the `@上年` lines that must follow, so that each report still reads
// last year's report where it now is — as VS Code's Markdown updates links when a file moves. The edits
// are for the files as they are before the move (the editor applies them, then moves).
import { dirname, relativePath, resolvePath } from '../corePath.js';
import type { Range } from './locate.js';
import type { FileEdit } from './navigation.js';

/** A file or folder moved from one core path to another (a folder moves everything under it). */
export interface Move {
  from: string;
  to: string;
}

/** A report's `@上年` as written: the path and where it is. */
export interface LastYearLink {
  path: string;
  written: string;
  span: Range;
}

/** Where a path is after the moves (the path itself when none moves it). */
export function movedPath(path: string, moves: readonly Move[]): string {
  for (const { from, to } of moves) {
    if (path === from) return to;
    if (path.startsWith(`${from}/`)) return `${to}${path.slice(from.length)}`;
  }
  return path;
}

/** Whether a move touches a path (the file itself, or a folder above it). */
export function isMoved(path: string, moves: readonly Move[]): boolean {
  return movedPath(path, moves) !== path;
}

/**
 * The edits that keep each link pointing at the same report after the moves: the path is written again
 * relative to the report's new folder (or absolute, if it was), in the style written (`/` separators).
 */
export function lastYearLinkEdits(links: readonly LastYearLink[], moves: readonly Move[]): FileEdit[] {
  const edits: FileEdit[] = [];
  for (const link of links) {
    const target = resolvePath(dirname(link.path), link.written);
    const report = movedPath(link.path, moves);
    const moved = movedPath(target, moves);
    if (report === link.path && moved === target) continue;
    const newText = link.written.startsWith('/') ? moved : relativePath(dirname(report), moved);
    if (newText === link.written) continue;
    edits.push({ path: link.path, start: link.span.start, end: link.span.end, newText });
  }
  return edits;
}
