// The workspace index kept between editor sessions (workspaceIndex.ts): one JSON file in a folder of the
// client's own (VS Code's storage for this workspace), never in the writer's folders. On the next start,
// a report whose file — and every file and folder its summary read — still has the same size and time is
// taken from here instead of being read and analysed again. Anything wrong with the file (missing,
// corrupt, written by another build or under other settings) only costs the time it would have saved.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readFileBytes } from './files.js';
import { toCorePath, toOsPath } from './paths.js';

/** The file in the storage folder. */
export const INDEX_FILE_NAME = 'workspace-index.json';

/** Larger than this, the file is not read (a thousand reports' summaries are a few MB). */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

/** A file's or folder's size and modification time, as compared between sessions; 'none' when it is not there. */
export function stampOf(corePath: string): string {
  try {
    const stat = statSync(toOsPath(corePath));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'none';
  }
}

/** The running build (the server's own script, as built): another build may summarise differently. */
export function buildStamp(): string {
  const script = process.argv[1];
  return script ? stampOf(toCorePath(script)) : 'unknown';
}

/**
 * The entries of the index file, by path, when it was written under `fingerprint` (the build and the
 * settings); undefined otherwise. Entries are returned as stored: the caller checks each one's shape.
 * The file is its fingerprint as a JSON string on the first line, then the entries as one JSON object:
 * a file of another build or of other settings is told by its first line, without parsing the rest.
 */
export function readIndexFile(folder: string, fingerprint: string): Map<string, unknown> | undefined {
  try {
    // A regular file only, of bounded size: a FIFO of that name (readFileSync waits for a writer for ever)
    // would hang the server at its first workspace request.
    const text = readFileBytes(path.join(folder, INDEX_FILE_NAME), MAX_INDEX_BYTES).toString('utf8');
    const lineEnd = text.indexOf('\n');
    if (lineEnd < 0 || text.slice(0, lineEnd) !== JSON.stringify(fingerprint)) return undefined;
    const files: unknown = JSON.parse(text.slice(lineEnd + 1));
    return typeof files === 'object' && files !== null && !Array.isArray(files) ? new Map(Object.entries(files)) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the index file whole (a temporary file renamed over it: a reader never sees half of one). */
export function writeIndexFile(folder: string, fingerprint: string, files: ReadonlyMap<string, unknown>): void {
  const file = path.join(folder, INDEX_FILE_NAME);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, `${JSON.stringify(fingerprint)}\n${JSON.stringify(Object.fromEntries(files))}`);
    renameSync(temporary, file);
  } catch {
    // A folder that cannot be written: the index is made again next session. A temporary file left (a
    // full disk, a folder of the index file's name) goes: else each session left another of megabytes.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written
    }
  }
}
