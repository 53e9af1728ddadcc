// Reading last year's report for `baogao import`: a Word .docx (its text, through mammoth) or a plain
// text file exported from Word, in whatever encoding Word wrote it (UTF-8, UTF-16 with a byte-order
// mark, or the GBK/GB18030 of Chinese Windows).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface SourceText {
  text: string;
  /** How the file was read, for the command's message (Chinese). */
  how: string;
}

/** The text of a .docx: one line per Word paragraph (automatic list numbers are not in it). */
export async function readWord(buffer: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const result = await mammoth.extractRawText({ buffer });
  // mammoth ends every paragraph with "\n\n": one line per paragraph instead, so that the importer's
  // line numbers are paragraph numbers (an empty Word paragraph stays a blank line).
  return result.value.replace(/\r\n?/g, '\n').replace(/\n\n/g, '\n');
}

/** Decodes a plain-text file: BOM first, then strict UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): SourceText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), how: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), how: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), how: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), how: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), how: 'GB18030（GBK）' };
  }
}

export class UnsupportedSource extends Error {}

/** Reads a report to import: .docx through mammoth, anything else as text. */
export async function readReportSource(file: string): Promise<SourceText> {
  const bytes = readFileSync(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.doc' || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
    throw new UnsupportedSource(`“${file}”是旧版 Word 文档（.doc），请先在 Word 中“另存为” .docx 或纯文本（.txt）。`);
  }
  if (extension === '.docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    try {
      return { text: await readWord(bytes), how: 'Word 文档' };
    } catch (error) {
      throw new UnsupportedSource(`无法读取 Word 文档“${file}”：${(error as Error).message}。`);
    }
  }
  return decodeText(bytes);
}
