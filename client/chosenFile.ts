// Writing a file the writer chose in the save dialog (an export, an import, next year's report, the CSV of
// figures) on the local file system. Pure Node (no vscode), so that it is tested without VS Code.
// Looking and then writing (VS Code's fs.stat, then fs.writeFile) left a gap in which a file could appear
// at a name that was free, and be replaced unasked; and writeFile followed a symlink placed at the target,
// writing wherever it pointed (outside the workspace). Here the bytes go into a temporary file created
// exclusively beside the target; a new target is then made by a hard link, which fails on a name taken
// meanwhile (or, where the file system has none, by an exclusive create), and a file the dialog agreed to
// replace is replaced by a rename, which replaces the name and never follows a link.
import { accessSync, chmodSync, closeSync, constants, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { writeRefusal, type WriteRefusal } from './writeRefusal.js';

/** A write refused before or while writing: the kind and code the editor tells (client/files.ts words it). */
export class ChosenWriteRefused extends Error {
  constructor(readonly refusal: WriteRefusal, readonly reason = '') {
    super(`${refusal.kind} ${refusal.code}${reason ? `: ${reason}` : ''}`);
  }
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function writable(file: string, stats: Stats): boolean {
  if ((stats.mode & 0o200) === 0) return false;
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** What stands at the target, refused as the command refuses it: a symlink, no file, a read-only file. */
function refusalAt(stats: Stats | undefined, file: string): WriteRefusal | undefined {
  if (!stats) return undefined;
  if (stats.isSymbolicLink()) return { kind: 'symlink', code: 'BG910' };
  if (!stats.isFile()) return { kind: 'place', code: 'BG912' };
  if (!writable(file, stats)) return { kind: 'readOnly', code: 'BG911' };
  return undefined;
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing to remove, or nothing that can be
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  fsyncSync(fd);
}

/** Hard links the file systems without them refuse with (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);

/**
 * Writes `bytes` to `file`, the writer's choice: a new file is created only if the name is still free when
 * it is placed; an existing regular file (the save dialog asked whether to replace it) is replaced whole; a
 * symlink, a folder or a read-only file at the target is refused, also when it appears there while the
 * bytes are written. Throws ChosenWriteRefused. `hooks.written` (tests) runs once the bytes are in the temporary file.
 */
export function writeChosenPath(file: string, bytes: Uint8Array, hooks: { written?: () => void } = {}): void {
  let before: Stats | undefined;
  try {
    before = lstatOrUndefined(file);
  } catch (error) {
    throw new ChosenWriteRefused(writeRefusal(error, false), (error as Error).message);
  }
  const refusal = refusalAt(before, file);
  if (refusal) throw new ChosenWriteRefused(refusal);
  const existed = before !== undefined;
  // Named after the target, cut to 100 bytes: a legal long name (80 Chinese characters) gives a legal temporary one.
  let stem = path.basename(file);
  while (Buffer.byteLength(stem) > 100) stem = stem.slice(0, stem.length - (/[\udc00-\udfff]$/.test(stem) ? 2 : 1));
  const temp = path.join(path.dirname(file), `.${stem}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`);
  let tempMade = false;
  try {
    // The folder made if missing, as VS Code's fs.writeFile makes it (an export to “导出/…” of a new folder).
    if (!existed) mkdirSync(path.dirname(file), { recursive: true });
    const fd = openSync(temp, 'wx', before ? before.mode & 0o7777 : 0o666);
    tempMade = true;
    try {
      writeAll(fd, bytes);
    } finally {
      closeSync(fd);
    }
    hooks.written?.();
    if (before) {
      chmodSync(temp, before.mode & 0o7777);
      // Made a symlink, a folder or read-only while the bytes were written: refused as it would have been before.
      const now = refusalAt(lstatOrUndefined(file), file);
      if (now) throw new ChosenWriteRefused(now);
      renameSync(temp, file);
      tempMade = false;
      return;
    }
    try {
      linkSync(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw new ChosenWriteRefused({ kind: 'appeared', code: 'BG910' });
      if (!NO_HARD_LINKS.has(code)) throw error;
      // No hard links: an exclusive create, which fails on any name there, a dangling symlink too.
      let fd: number;
      try {
        fd = openSync(file, 'wx', 0o666);
      } catch (inner) {
        if ((inner as NodeJS.ErrnoException).code === 'EEXIST') throw new ChosenWriteRefused({ kind: 'appeared', code: 'BG910' });
        throw inner;
      }
      try {
        writeAll(fd, bytes);
      } catch (inner) {
        closeSync(fd);
        removeQuietly(file);
        throw inner;
      }
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof ChosenWriteRefused) throw error;
    throw new ChosenWriteRefused(writeRefusal(error, existed), (error as Error).message);
  } finally {
    if (tempMade) removeQuietly(temp);
  }
}
