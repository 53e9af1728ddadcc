// The workspace on disk, for the command line (the language server overlays open editor buffers).
// It reads only regular files of bounded size inside its folders (after resolving symlinks): a report
// cannot make the tools read /dev/stdin, a FIFO, or a file outside the workspace.
import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { skippedInWalk, WALK_LIMITS, type Workspace } from '../language/workspace.js';
import { readTextFile } from './files.js';
import { isInside, toOsPath } from './paths.js';

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
  /** Folders (OS paths) whose files may be read: the workspace and the configured snippet folders. */
  roots?: readonly string[];
}

export class FileSystemWorkspace implements Workspace {
  private readonly overlay: (path: string) => string | undefined;
  private readonly roots = new Set<string>();
  /** Folders already resolved into `roots`: the server allows a report's folders before every analysis. */
  private readonly allowed = new Set<string>();
  private readonly refusals = new Map<string, string>();

  constructor(options: FileSystemWorkspaceOptions = {}) {
    this.overlay = options.overlay ?? (() => undefined);
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
    return { reason: `“${osPath}”在工作区之外${real !== path.resolve(osPath) ? `（实际位置 ${real}）` : ''}，不予读取` };
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
      this.refusals.set(corePath, (error as Error).message.replace(/。$/, ''));
      return undefined;
    }
  }

  whyUnreadable(corePath: string): string | undefined {
    return this.refusals.get(corePath);
  }

  listReports(folder: string): string[] {
    if ('reason' in this.permitted(toOsPath(folder))) return [];
    try {
      return readdirSync(toOsPath(folder), { withFileTypes: true })
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.bg'))
        .map((e) => `${folder.replace(/\/$/, '')}/${e.name}`)
        .filter((p) => !('reason' in this.permitted(toOsPath(p))))
        .sort();
    } catch {
      return [];
    }
  }

  findReports(folder: string): string[] {
    const found: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > WALK_LIMITS.depth || found.length >= WALK_LIMITS.files) return;
      if ('reason' in this.permitted(toOsPath(dir))) return;
      let entries: Dirent[];
      try {
        entries = readdirSync(toOsPath(dir), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        // The bound holds inside a folder too: one folder of 50,000 reports was indexed whole.
        if (found.length >= WALK_LIMITS.files) return;
        if (skippedInWalk(entry.name)) continue;
        const child = `${dir.replace(/\/$/, '')}/${entry.name}`;
        if (entry.isDirectory()) walk(child, depth + 1);
        else if (entry.isFile() && entry.name.endsWith('.bg')) found.push(child);
      }
    };
    walk(folder, 0);
    return found;
  }
}
