// The workspace on disk, for the command line (the language server overlays open editor buffers).
// It reads only regular files of bounded size inside its folders (after resolving symlinks): a report
// cannot make the tools read /dev/stdin, a FIFO, or a file outside the workspace.
import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { skippedInWalk, WALK_LIMITS, type MisnamedEntry, type Workspace } from '../language/workspace.js';
import { readTextFile, withoutCode } from './files.js';
import { isInside, toOsPath } from './paths.js';
import { forTerminalLine } from '../terminalText.js';

/** Reads a text file in its own encoding, without a byte-order mark (see files.ts for the limits). */
export function readText(osPath: string): string {
  return readTextFile(osPath).text;
}

function realpathOrUndefined(osPath: string): string | undefined {
  try {
    return realpathSync(osPath);
  } catch {
    return undefined;
  }
}

export interface FileSystemWorkspaceOptions {
  /** The text of a file open in an editor, which wins over the disk. */
  overlay?: (path: string) => string | undefined;
  /** Told once of each report or folder a walk finds whose name is not UTF-8 (see `misnamed`). */
  onMisnamed?: (entry: MisnamedEntry) => void;
  /** Folders (OS paths) whose files may be read: the workspace and the configured snippet folders. */
  roots?: readonly string[];
  /** Told when a walk of a folder (findReports) stops at a bound of WALK_LIMITS, with the reports it found. */
  onWalkBound?: (folder: string, bound: WalkBound) => void;
}

/** Where a walk stopped: at WALK_LIMITS.files reports, or WALK_LIMITS.folders folders. */
export interface WalkBound {
  cut: 'files' | 'folders';
  found: number;
}

export class FileSystemWorkspace implements Workspace {
  private readonly overlay: (path: string) => string | undefined;
  private readonly roots = new Set<string>();
  /** Folders already resolved into `roots`: the server allows a report's folders before every analysis. */
  private readonly allowed = new Set<string>();
  private readonly refusals = new Map<string, string>();
  /** The reports and folders with names that are not UTF-8, by path as the walks show them. */
  private readonly misnamedEntries = new Map<string, MisnamedEntry>();
  private readonly told = new Set<string>();
  private readonly onMisnamed: (entry: MisnamedEntry) => void;
  private readonly onWalkBound: (folder: string, bound: WalkBound) => void;

  constructor(options: FileSystemWorkspaceOptions = {}) {
    this.overlay = options.overlay ?? (() => undefined);
    this.onMisnamed = options.onMisnamed ?? (() => undefined);
    this.onWalkBound = options.onWalkBound ?? (() => undefined);
    for (const root of options.roots ?? []) this.allow(root);
  }

  /** Lets files inside `folder` (after resolving symlinks) be read. */
  allow(folder: string): void {
    const absolute = path.resolve(folder);
    if (this.allowed.has(absolute)) return;
    const real = realpathOrUndefined(absolute);
    if (!real) return; // not there yet: resolved when asked again
    this.roots.add(real);
    this.allowed.add(absolute);
  }

  /** Forgets every allowed folder (the editor's workspace folders changed). */
  clearRoots(): void {
    this.roots.clear();
    this.allowed.clear();
  }

  private permitted(osPath: string): { real: string } | { reason: string } {
    const real = realpathOrUndefined(osPath);
    if (!real) return { reason: '文件不存在' };
    for (const root of this.roots) if (isInside(real, root)) return { real };
    return { reason: `“${forTerminalLine(osPath)}”在工作区之外${real !== path.resolve(osPath) ? `（实际位置 ${forTerminalLine(real)}）` : ''}，不予读取` };
  }

  readFile(corePath: string): string | undefined {
    const open = this.overlay(corePath);
    if (open !== undefined) return open;
    this.refusals.delete(corePath);
    const allowed = this.permitted(toOsPath(corePath));
    if ('reason' in allowed) {
      this.refusals.set(corePath, allowed.reason);
      return undefined;
    }
    try {
      return readTextFile(allowed.real).text;
    } catch (error) {
      this.refusals.set(corePath, withoutCode((error as Error).message));
      return undefined;
    }
  }

  whyUnreadable(corePath: string): string | undefined {
    return this.refusals.get(corePath);
  }

  listReports(folder: string): string[] {
    if ('reason' in this.permitted(toOsPath(folder))) return [];
    this.forgetMisnamedIn(folder, false);
    try {
      return readdirSync(toOsPath(folder), { withFileTypes: true })
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.bg'))
        .map((e) => `${folder.replace(/\/$/, '')}/${e.name}`)
        .filter((p) => !this.isMisnamed(p, false) && !('reason' in this.permitted(toOsPath(p))))
        .sort();
    } catch {
      return [];
    }
  }

  misnamed(): MisnamedEntry[] {
    return [...this.misnamedEntries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * Is this entry a walk found named with bytes that are not UTF-8? Node gives such a name with “\ufffd”,
   * a name no file has (a file truly named with that character is there, and is listed). Noted, told once.
   */
  private isMisnamed(path: string, folder: boolean): boolean {
    if (!path.includes('\ufffd') || realpathOrUndefined(toOsPath(path))) return false;
    this.misnamedEntries.set(path, { path, folder });
    if (!this.told.has(path)) {
      this.told.add(path);
      this.onMisnamed({ path, folder });
    }
    return true;
  }

  /**
   * A walk of `folder` finds its misnamed entries anew (renamed ones are no longer noted): `deep`, a walk below
   * it (findReports), all of them; else a listing of its reports (listReports), its own reports only.
   */
  private forgetMisnamedIn(folder: string, deep: boolean): void {
    const prefix = `${folder.replace(/\/$/, '')}/`;
    for (const [path, entry] of this.misnamedEntries) {
      if (path.startsWith(prefix) && (deep || (!entry.folder && !path.slice(prefix.length).includes('/')))) this.misnamedEntries.delete(path);
    }
  }

  findReports(folder: string): string[] {
    this.forgetMisnamedIn(folder, true);
    const found: string[] = [];
    let folders = 0;
    let cut: WalkBound['cut'] | undefined;
    const walk = (dir: string, depth: number) => {
      if (depth > WALK_LIMITS.depth || cut === 'files') return;
      // Past the bound no folder is read, but the reports of those read are still listed.
      if (++folders > WALK_LIMITS.folders) {
        cut = 'folders';
        return;
      }
      if ('reason' in this.permitted(toOsPath(dir))) return;
      let entries: Dirent[];
      try {
        entries = readdirSync(toOsPath(dir), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        // The bound holds inside a folder too: one folder of 50,000 reports was indexed whole.
        if (found.length >= WALK_LIMITS.files) cut = 'files';
        if (cut === 'files') return;
        if (skippedInWalk(entry.name)) continue;
        const child = `${dir.replace(/\/$/, '')}/${entry.name}`;
        // A folder named in GBK cannot be entered by its name, nor a report opened: told, not passed over.
        if (entry.isDirectory()) {
          if (!this.isMisnamed(child, true)) walk(child, depth + 1);
        } else if (entry.isFile() && entry.name.endsWith('.bg') && !this.isMisnamed(child, false)) found.push(child);
      }
    };
    walk(folder, 0);
    // At the bound the workspace's features know only part of it: the server tells the writer (BG918).
    if (cut) this.onWalkBound(folder, { cut, found: found.length });
    return found;
  }
}
