// The files `baogao check` is given, as a reviewer gives them: files, folders (every report in them) and
// wildcard patterns (乡镇报告/*.docx) — expanded here, since Windows' shells pass a pattern on as it is typed.
import { statSync, readdirSync, realpathSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { skippedInWalk, WALK_LIMITS } from '../language/workspace.js';
import { forTerminalLine } from '../terminalText.js';

/** What a folder gives: its reports in the language, and in Word where Word reports are read (a text file may be anything). */
const IN_FOLDERS = { word: /\.(?:bg|docx)$/i, language: /\.bg$/i };
const WILDCARD = /[*?[\]{}]/;

export interface ReportArguments {
  files: string[];
  /** Arguments that gave no file, said in Chinese. */
  problems: string[];
}

export async function expandReportArguments(args: readonly string[], options: { word: boolean } = { word: true }): Promise<ReportArguments> {
  const wanted = options.word ? IN_FOLDERS.word : IN_FOLDERS.language;
  const files: string[] = [];
  const problems: string[] = [];
  for (const argument of args) {
    const kind = kindOf(argument);
    if (kind === 'folder') {
      const found = reportsIn(argument, wanted);
      if (found.files.length === 0) problems.push(`文件夹“${forTerminalLine(argument)}”里没有报告（${options.word ? '.bg 或 Word .docx 文件' : '.bg 文件'}）。（BG916）`);
      const cutProblem = walkCutMessage(argument, 'folder', found.cut, found.files.length);
      if (cutProblem) problems.push(cutProblem);
      files.push(...found.files);
    } else if (kind === undefined && WILDCARD.test(argument)) {
      // Patterns are written with "/"; a Windows path's "\" is a separator there, not an escape.
      const pattern = path.sep === '\\' ? argument.replace(/\\/g, '/') : argument;
      // Loaded only for a pattern (a file of its own in the bundle): most checks name their files.
      const { globSync } = await import('tinyglobby');
      // A pattern walks as a folder does (/**/*.bg walked the whole disk, /proc's endless files included):
      // at most WALK_LIMITS.folders folders, never into the system's own, no symlinked folder (no loops).
      const walk = boundedReaddir();
      let matched = globSync([pattern], { onlyFiles: true, expandDirectories: false, dot: false, followSymbolicLinks: false, fs: { readdirSync: walk.readdirSync } })
        .filter((f) => !isWordLock(path.basename(f)))
        .sort();
      let cut = walk.cut();
      if (matched.length > WALK_LIMITS.files) {
        matched = matched.slice(0, WALK_LIMITS.files);
        cut ??= 'files';
      }
      if (matched.length === 0) problems.push(`没有与“${forTerminalLine(argument)}”相符的文件${cut ? '（只查看了一部分文件夹，见下一条）' : ''}。（BG916）`);
      const cutProblem = walkCutMessage(argument, 'pattern', cut, matched.length);
      if (cutProblem) problems.push(cutProblem);
      files.push(...matched.map((f) => (path.sep === '\\' ? f.replace(/\//g, '\\') : f)));
    } else files.push(argument);
  }
  // One file named twice (r.bg ./r.bg /abs/r.bg) is checked once: else its findings, its fixes and the count of files came twice.
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(path.resolve(f)) && !!seen.add(path.resolve(f))), problems };
}

type WalkCut = 'files' | 'folders' | undefined;

/** Why a folder's or a pattern's reports are only some of them (BG918), or undefined when the walk ended by itself. */
function walkCutMessage(argument: string, kind: 'folder' | 'pattern', cut: WalkCut, found: number): string | undefined {
  const name = forTerminalLine(argument);
  if (cut === 'files') return `${kind === 'folder' ? `文件夹“${name}”里的报告` : `与“${name}”相符的文件`}太多：只检查了前 ${WALK_LIMITS.files} 个；请给出报告所在的文件夹。（BG918）`;
  if (cut === 'folders') return `${kind === 'folder' ? `文件夹“${name}”里的子文件夹` : `通配符“${name}”涉及的文件夹`}太多：只查看了前 ${WALK_LIMITS.folders} 个，其中找到 ${found} 个报告，其余的没有查找；请给出报告所在的文件夹。（BG918）`;
  return undefined;
}

/**
 * The system's own folders, never a report's: /proc and /sys hold a file per process and setting (some
 * endless), /dev devices and FIFOs, /run sockets — a walk of / entered them all.
 */
const SYSTEM_FOLDERS = new Set(['/proc', '/sys', '/dev', '/run']);

/** Whether a folder is, or is inside, one of the system's own (after resolving symlinks). */
export function isSystemFolder(folder: string): boolean {
  if (path.sep !== '/') return false;
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    return false;
  }
  const top = real.split('/', 2).join('/');
  return SYSTEM_FOLDERS.has(top);
}

/** A readdirSync for a pattern's walk that reads at most WALK_LIMITS.folders folders and none of the system's own. */
function boundedReaddir(): { readdirSync: typeof readdirSync; cut: () => WalkCut } {
  let folders = 0;
  let cut: WalkCut;
  const bounded = ((folder: string, options: Parameters<typeof readdirSync>[1]) => {
    if (cut === 'folders' || isSystemFolder(folder)) return [];
    if (++folders > WALK_LIMITS.folders) {
      cut = 'folders';
      return [];
    }
    return readdirSync(folder, options);
  }) as typeof readdirSync;
  return { readdirSync: bounded, cut: () => cut };
}

function kindOf(argument: string): 'file' | 'folder' | undefined {
  try {
    return statSync(argument).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/** The reports under a folder, in order, as deep and as many as a workspace walk goes (hidden folders and node_modules left out). */
function reportsIn(folder: string, wanted: RegExp): { files: string[]; cut: 'files' | 'folders' | undefined } {
  const files: string[] = [];
  let cut: 'files' | 'folders' | undefined;
  let folders = 0;
  const walk = (dir: string, depth: number) => {
    if (isSystemFolder(dir)) return;
    if (++folders > WALK_LIMITS.folders) {
      cut = 'folders';
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (skippedInWalk(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < WALK_LIMITS.depth) walk(full, depth + 1);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && wanted.test(entry.name) && !isWordLock(entry.name)) {
        if (files.length >= WALK_LIMITS.files) cut ??= 'files';
        else files.push(full);
      }
    }
  };
  walk(folder, 0);
  return { files, cut };
}

/** Word's lock file beside a document open in it (~$乡镇报告.docx): never a report. */
const isWordLock = (name: string) => name.startsWith('~$');
