// Reading and writing files without losing text: every text file is decoded by its encoding (never
// guessed into replacement characters silently), and every output goes through `writeFileSafely`.
import { closeSync, constants, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, chmodSync, accessSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../language/documentSize.js';
import { systemReason, writeFailureCode } from './systemReason.js';
import { forTerminalLine } from '../terminalText.js';
import { NOT_UTF8_NAME, windowMessage } from '../language/windowMessages.js';

export { systemReason, writeFailureCode };

/** How a file's bytes became text. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-nobom' | 'utf-16be-nobom' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** False when some bytes decode in no supported encoding: the text holds U+FFFD for them. */
  clean: boolean;
}

/** The largest text file read (reports, snippets, last year's report): the size bound of a document. */
export const MAX_TEXT_FILE_BYTES = MAX_DOCUMENT_BYTES;

/** Chinese names of the encodings, for messages. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'utf-16le-nobom': 'UTF-16 LE（无 BOM）',
  'utf-16be-nobom': 'UTF-16 BE（无 BOM）',
  gb18030: 'GB18030（GBK）',
  big5: 'Big5（繁体）',
};

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a text file: a byte-order mark first, then UTF-16 without one (see utf16WithoutBom), then strict
 * UTF-8, then strict GB18030 (GBK's superset), or Big5 where GBK would be mostly rare characters.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = (a: number, b: number, c?: number) => bytes[0] === a && bytes[1] === b && (c === undefined || bytes[2] === c);
  const attempt = (encoding: TextEncoding, label: string, body: Uint8Array): DecodedText => {
    const text = strict(label, body);
    return text !== undefined ? { text, encoding, clean: true } : { text: new TextDecoder(label, { ignoreBOM: true }).decode(body), encoding, clean: false };
  };
  if (bom(0xef, 0xbb, 0xbf)) return attempt('utf-8-bom', 'utf-8', bytes.subarray(3));
  if (bom(0xff, 0xfe)) return attempt('utf-16le', 'utf-16le', bytes.subarray(2));
  if (bom(0xfe, 0xff)) return attempt('utf-16be', 'utf-16be', bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== undefined) return utf16;
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', clean: true };
  const gb = strict('gb18030', bytes);
  if (gb !== undefined) {
    // Big5 bytes are almost all valid GBK too, and read as GBK give other characters, rare ones
    // (“某鎮” → “琘马”): nothing undecodable to tell, and `--fix` would write the wrong characters back.
    const big5 = looksLikeBig5(bytes) ? strict('big5', bytes) : undefined;
    if (big5 !== undefined) return { text: big5, encoding: 'big5', clean: true };
    return { text: gb, encoding: 'gb18030', clean: true };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', clean: false };
}

/**
 * UTF-16 text without a byte-order mark (Windows Notepad writes one, but iconv, Notepad++'s “UCS-2 LE
 * BOM 无”, some exporting programs and a BOM cut off by hand do not), or undefined. A report in UTF-16 has
 * line breaks and digits — a NUL byte beside each — where a UTF-8 or GBK text has no NUL at all; read in
 * the right byte order nearly every character is CJK, its punctuation, full-width forms or ASCII text,
 * in the wrong one almost none is. Read as UTF-8 every such file was refused as not text (BG908).
 */
function utf16WithoutBom(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0 || bytes.indexOf(0) < 0) return undefined;
  for (const [encoding, label] of [['utf-16le-nobom', 'utf-16le'], ['utf-16be-nobom', 'utf-16be']] as const) {
    const text = strict(label, bytes);
    if (text !== undefined && looksLikeText(text)) return { text, encoding, clean: true };
  }
  return undefined;
}

/** Whether at least 95 % of a text's characters are those of a report: CJK, its punctuation, full-width forms, printable ASCII, tab and line breaks. */
function looksLikeText(text: string): boolean {
  let usual = 0;
  let lineBreaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) lineBreaks++;
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027) || c === 0xb7 || c === 0xd7) usual++;
  }
  return lineBreaks > 0 && usual * 20 >= text.length * 19;
}

/**
 * Whether two-byte characters read as GBK would be mostly outside GB2312: a second byte below 0xA1 is GBK's
 * extension (rare characters) but half of all Big5 characters. A GBK report has a few at most; a lead byte
 * below 0xA1 or a four-byte GB18030 sequence is not Big5 at all (its strict decoding then fails).
 */
function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowSecond = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x81) continue;
    const second = bytes[i + 1] ?? 0;
    if (second >= 0x30 && second <= 0x39) return false;
    pairs++;
    if (second < 0xa1) lowSecond++;
    i++;
  }
  return pairs >= 4 && lowSecond * 5 > pairs;
}

/** Encodes text back into a file's encoding; undefined when some character has no form there. */
export type EncodeText = (text: string, encoding: TextEncoding) => Buffer | undefined;

/**
 * The encoder of text back into a file's encoding. Loaded on demand: GB18030 needs iconv-lite (half a
 * megabyte of code tables), which only `check --fix` on a GB18030 file uses.
 */
export async function loadTextEncoder(): Promise<EncodeText> {
  const { default: iconv } = await import('iconv-lite');
  return (text, encoding) => {
    switch (encoding) {
      case 'utf-8':
        return Buffer.from(text, 'utf8');
      case 'utf-8-bom':
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      case 'utf-16le':
      case 'utf-16be':
      case 'utf-16le-nobom':
      case 'utf-16be-nobom': {
        if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) return undefined;
        // Written back as read: with its byte-order mark or without.
        const bytes = Buffer.from(encoding.endsWith('-nobom') ? text : `\ufeff${text}`, 'utf16le');
        return encoding.startsWith('utf-16be') ? bytes.swap16() : bytes;
      }
      case 'gb18030': {
        const bytes = iconv.encode(text, 'gb18030');
        // GB18030 covers all of Unicode, but a lone surrogate has no form: check by decoding back.
        return strict('gb18030', bytes) === text ? bytes : undefined;
      }
      case 'big5': {
        // Big5 has no form for most simplified characters: iconv-lite writes “?” for them, found by decoding back.
        const bytes = iconv.encode(text, 'big5');
        return strict('big5', bytes) === text ? bytes : undefined;
      }
    }
  };
}

/**
 * “找不到文件” of a name, and why when its name shows “\ufffd”: bytes that are not UTF-8 — a GBK name, as a
 * zip made on Chinese Windows gives on Linux — reach the program as that character, and no file has it.
 */
export function notFound(file: string): string {
  if (!file.includes('\ufffd')) return `找不到文件“${forTerminalLine(file)}”。（BG916）`;
  return `找不到文件“${forTerminalLine(file)}”：${NOT_UTF8_NAME}后再试。（BG909）`;
}


/** A report or folder a walk of the workspace found but cannot open by its name (BG909): told once, never passed over. */
export function misnamedMessage(entry: { path: string; folder: boolean }): string {
  return windowMessage(entry.folder ? 'misnamedFolder' : 'misnamedReport', forTerminalLine(entry.path));
}

/** A file that is not read or written, with the Chinese reason, ending with its code: “（BG910）”. */
export class FileRefused extends Error {}

/** A reason without the code it ends with, for a message that has its own (BG902 of a file a report names). */
export function withoutCode(message: string): string {
  return message.replace(/。?（BG\d{3}）$/, '').replace(/。$/, '');
}

/** Why a path is no file to read: a folder, a device, a FIFO or a socket (BG917). */
export function notRegularFile(file: string, stats: Stats): string {
  return `“${forTerminalLine(file)}”是${describeKind(stats)}，不是普通文件，不能读取。（BG917）`;
}

/** A file beyond the size limit of its reading: not read at all. */
export class FileTooLarge extends FileRefused {
  constructor(readonly file: string, readonly size: number, limit: number) {
    super(`“${forTerminalLine(file)}”有 ${size} 字节，超过上限 ${limit} 字节，不予读取。（BG905）`);
  }
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return '文件夹';
  if (stats.isFIFO()) return '管道（FIFO）';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return '设备文件';
  if (stats.isSocket()) return '套接字';
  return '特殊文件';
}

/** Reads a text file by `readFileBytes`, decoded by `decodeBytes`. Throws FileRefused with a Chinese reason. */
export function readTextFile(file: string, limit = MAX_TEXT_FILE_BYTES): DecodedText {
  return decodeBytes(readFileBytes(file, limit));
}


/**
 * Reads a file's bytes: only a regular file (never a device, FIFO or /dev/stdin, which would hang or
 * never end) of at most `limit` bytes. Throws FileRefused with a Chinese reason.
 */
export function readFileBytes(file: string, limit = MAX_TEXT_FILE_BYTES): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A socket, or a device without a driver, cannot be opened at all (ENXIO, ENODEV): no regular file either.
    const notAFile = code === 'ENXIO' || code === 'ENODEV' ? '（BG917）' : '';
    throw new FileRefused(code === 'ENOENT' ? notFound(file) : `无法读取“${forTerminalLine(file)}”：${systemReason(error)}。${notAFile}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileRefused(notRegularFile(file, stats));
    if (stats.size > limit) throw new FileTooLarge(file, stats.size, limit);
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export interface WriteOptions {
  /** Allow replacing an existing file, a symlink's target or a read-only file (never a device or FIFO). */
  force?: boolean;
  /** The target is meant to be replaced (a fix written back in place): an existing regular file is fine. */
  inPlace?: boolean;
  /** Files the output was made from: never overwritten without `force`. */
  sources?: readonly string[];
  /** The text the target held when it was read (`check --fix`): replaced only if it still holds it, so that
   * what the writer saved in the meantime (an editor's save while the command ran) is never lost. */
  readAs?: string;
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Where the bytes go and with which mode; refuses with a Chinese reason. */
function checkTarget(target: string, options: WriteOptions): { file: string; mode: number | undefined } {
  const force = options.force === true;
  const link = lstatOrUndefined(target);
  // A fix written back to a report moved away meanwhile would make a copy at its old name, the moved one unfixed.
  if (!link && options.readAs !== undefined) throw movedAway(target);
  if (!link) return { file: target, mode: undefined };
  let file = target;
  if (link.isSymbolicLink()) {
    if (!force) throw new FileRefused(`“${forTerminalLine(target)}”是符号链接：不写入；确要写入它指向的文件，请加 --force。（BG910）`);
    file = realpathSync(target);
  }
  const stats = file === target ? link : lstatOrUndefined(file);
  if (!stats) return { file, mode: undefined };
  if (!stats.isFile()) throw new FileRefused(`“${forTerminalLine(target)}”是${describeKind(stats)}：不能写入。（BG912）`);
  if (!force && options.sources?.some((source) => sameFile(source, file))) throw new FileRefused(`“${forTerminalLine(target)}”是这条命令读取的文件本身，写出会覆盖原文：换一个输出文件名，或加 --force 覆盖。（BG910）`);
  if (!force && !options.inPlace) throw new FileRefused(`“${forTerminalLine(target)}”已存在：换一个文件名，或加 --force 覆盖。（BG910）`);
  if (!force && (!writable(file) || (stats.mode & 0o200) === 0)) throw new FileRefused(`“${forTerminalLine(target)}”是只读文件：不写入；确要写入，请加 --force。（BG911）`);
  return { file, mode: stats.mode & 0o7777 };
}

/** A file read to be written back (`check --fix`) that is no longer at its name: renamed, moved or deleted (BG914). */
function movedAway(target: string): FileRefused {
  return new FileRefused(`“${forTerminalLine(target)}”在本命令运行期间被改名、移走或删除了（没有在原处另建一份，没有写入；请对它现在的名字再运行一次）。（BG914）`);
}

const WRITE_CHUNK = 64 * 1024;
/** For the test that kills the command in the middle of a write: a pause after each chunk. */
const SLOW_WRITE_MS = Number(process.env.BAOGAO_TEST_SLOW_WRITE_MS ?? 0);

/**
 * The one way every output is written (render, import, collect, new, check --fix, the editor's exports):
 * into a temporary file in the same folder, flushed to disk, then renamed over the target — a reader or a
 * crash sees the old file or the new one, never a part. Refusals (see WriteOptions) throw FileRefused.
 */
export function writeFileSafely(target: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const refused = (error: unknown) => (error instanceof FileRefused ? error : new FileRefused(`无法写出“${forTerminalLine(target)}”：${systemReason(error)}。（${writeFailureCode(error)}）`));
  // “--out 报告/” names a folder: path.resolve drops the slash, and a file named 报告 was written.
  if (target.endsWith('/') || target.endsWith(path.sep)) throw new FileRefused(`“${forTerminalLine(target)}”以“${target.slice(-1)}”结尾，是文件夹的写法：请写出输出文件的名字。（BG912）`);
  let checked: ReturnType<typeof checkTarget>;
  try {
    // Looking at the target fails too (a path through a file: ENOTDIR; a symlink loop: ELOOP).
    checked = checkTarget(path.resolve(target), options);
  } catch (error) {
    throw refused(error);
  }
  const { file, mode } = checked;
  const dir = path.dirname(file);
  const temp = temporaryBeside(file);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, 'wx', mode ?? 0o666);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) {
        written += writeSync(fd, bytes, written, Math.min(WRITE_CHUNK, bytes.length - written));
        if (SLOW_WRITE_MS > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SLOW_WRITE_MS);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode !== undefined) chmodSync(temp, mode);
    if (mode !== undefined && options.force !== true) lookAgain(file, target);
    if (options.readAs !== undefined && !lstatOrUndefined(file)) throw movedAway(target);
    if (options.readAs !== undefined && readTextFile(file).text !== options.readAs) {
      throw new FileRefused(`“${forTerminalLine(target)}”在本命令运行期间被改过（为免覆盖新的改动，没有写入，请再运行一次）。（BG914）`);
    }
    if (mode === undefined && options.force !== true) placeNew(temp, file, target);
    else renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw refused(error);
  }
  syncFolder(dir);
}

/**
 * An existing target looked at again just before it is replaced: made read-only or replaced by a symlink
 * while the output was written (`check --fix` of a long report), it is refused as it would have been at the
 * start — the rename would have replaced it regardless.
 */
function lookAgain(file: string, target: string): void {
  const now = lstatOrUndefined(file);
  if (now?.isSymbolicLink()) throw new FileRefused(`“${forTerminalLine(target)}”在本命令运行期间换成了符号链接：不写入；确要写入它指向的文件，请加 --force。（BG910）`);
  if (now?.isFile() && (!writable(file) || (now.mode & 0o200) === 0)) throw new FileRefused(`“${forTerminalLine(target)}”在本命令运行期间改成了只读文件：不写入；确要写入，请加 --force。（BG911）`);
}

/**
 * Puts the temporary file at a target that was not there when looked at, and refuses if it is there now: a
 * file saved there while the output was written (a large render takes seconds) is the writer's, and a rename
 * would have replaced it unasked. A hard link fails atomically on an existing name; where the file system
 * has none (FAT, some network shares), the name is looked at again just before the rename.
 */
function placeNew(temp: string, file: string, target: string): void {
  const appeared = () => new FileRefused(`“${forTerminalLine(target)}”在本命令运行期间被创建了：不覆盖它；换一个文件名，或加 --force 覆盖。（BG910）`);
  try {
    linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw appeared();
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK' && code !== 'ENOSYS') throw error;
    if (lstatOrUndefined(file)) throw appeared();
    renameSync(temp, file);
    return;
  }
  removeQuietly(temp);
}

/**
 * A temporary file's name beside `file`, hidden, named after it: the name is cut to 100 bytes, so that a
 * target whose own name is legal but long (80 Chinese characters, 244 bytes of 255) gets a temporary name
 * that is legal too (was: ENAMETOOLONG, told as an internal error).
 */
export function temporaryBeside(file: string): string {
  let name = path.basename(file);
  while (Buffer.byteLength(name) > 100) name = name.slice(0, name.length - (/[\udc00-\udfff]$/.test(name) ? 2 : 1));
  return path.join(path.dirname(file), `.${name}.${process.pid}.${randomHex(4)}.tmp`);
}

/** Removes a temporary file if it is there; a failure to (it was never made, its name refused) changes nothing to tell. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing was made there
  }
}

/** Makes the rename itself durable (best effort: not every system can open a folder). */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // the data is written; only the rename's durability across a power loss is not guaranteed
  }
}

/** Random hex digits for a temporary name (Web Crypto: node:crypto is not loaded at every start). */
function randomHex(bytes: number): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}
