// Why a file operation failed, in Chinese: a module of its own, so that the command's first bundle (bin.ts)
// can tell a failed output without loading the file functions.
import { forTerminalLine } from '../terminalText.js';

/** The system's reasons, in Chinese: a bare “ENOTDIR” or “EROFS” tells a writer nothing. */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: '文件或文件夹不存在', EACCES: '没有权限', EPERM: '系统不允许', EROFS: '所在的磁盘只读', ENOSPC: '磁盘已满',
  EDQUOT: '超出磁盘配额', EISDIR: '这是文件夹', ENOTDIR: '路径中有一段不是文件夹', EEXIST: '已有同名文件', ENAMETOOLONG: '文件名太长',
  ELOOP: '符号链接绕成了圈', EMFILE: '打开的文件太多', ENFILE: '打开的文件太多', EBUSY: '文件正被占用', EIO: '磁盘读写出错', ETXTBSY: '文件正被占用',
  // Opening a socket (or a device without its driver) as a file: was told as a bare “ENXIO”.
  ENXIO: '这是套接字或没有驱动的设备，不是普通文件', ENODEV: '这是没有驱动的设备，不是普通文件', EFBIG: '文件超出系统允许的大小',
  EAGAIN: '系统暂时无法完成，请再试一次', EINVAL: '系统不接受这样的操作', EOPNOTSUPP: '所在的文件系统不支持这样的操作',
};

/** The system's refusals of a write that are about the place (a folder, a path through a file), not the disk or the rights. */
const PLACE_REFUSALS = new Set(['ENOTDIR', 'EEXIST', 'EISDIR', 'ELOOP', 'ENAMETOOLONG', 'ENXIO', 'ENODEV']);

/**
 * The code of a write the system refused or failed (docs/CODES.md): BG912 where the place cannot hold a
 * file (a path through a file, a folder, a symlink loop, a name too long), else BG913 (no permission, a
 * read-only disk, a full disk, a disk error).
 */
export function writeFailureCode(error: unknown): 'BG912' | 'BG913' {
  return PLACE_REFUSALS.has((error as NodeJS.ErrnoException)?.code ?? '') ? 'BG912' : 'BG913';
}

/** Why a file operation failed, in Chinese with the system's code: “路径中有一段不是文件夹（ENOTDIR）”. */
export function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && SYSTEM_REASONS[code]) return `${SYSTEM_REASONS[code]}（${code}）`;
  // The system's own message names the file: shown as one line, its controls visible (terminalText.ts).
  return code ?? forTerminalLine(String((error as Error)?.message ?? error));
}
