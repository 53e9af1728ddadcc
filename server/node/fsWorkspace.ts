// The workspace on disk, for the command line (the language server overlays open editor buffers).
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { skippedInWalk, WALK_LIMITS, type Workspace } from '../language/workspace.js';

/** Converts an OS path to the '/'-separated absolute form the core uses (Windows drive letters kept). */
export function toCorePath(osPath: string): string {
  const absolute = path.resolve(osPath).replace(/\\/g, '/');
  return absolute.startsWith('/') ? absolute : `/${absolute}`;
}

export function toOsPath(corePath: string): string {
  return process.platform === 'win32' ? corePath.replace(/^\/([A-Za-z]:)/, '$1') : corePath;
}

/** Reads a file as UTF-8 text without a byte-order mark. */
export function readText(osPath: string): string {
  const text = readFileSync(osPath, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export class FileSystemWorkspace implements Workspace {
  constructor(private readonly overlay: (path: string) => string | undefined = () => undefined) {}

  readFile(corePath: string): string | undefined {
    const open = this.overlay(corePath);
    if (open !== undefined) return open;
    try {
      return readText(toOsPath(corePath));
    } catch {
      return undefined;
    }
  }

  listReports(folder: string): string[] {
    try {
      return readdirSync(toOsPath(folder), { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.bg'))
        .map((e) => `${folder.replace(/\/$/, '')}/${e.name}`)
        .sort();
    } catch {
      return [];
    }
  }

  findReports(folder: string): string[] {
    const found: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > WALK_LIMITS.depth || found.length > WALK_LIMITS.files) return;
      let entries: Dirent[];
      try {
        entries = readdirSync(toOsPath(dir), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
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
