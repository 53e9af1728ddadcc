// What the command tells about a file's encoding: a file not in plain UTF-8 is said so (BG900), one with
// bytes that decode in no supported encoding is an error (BG901) — instead of the "Word 残留" warning
// (BG610) its replacement characters would otherwise get.
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { diagnostic } from '../language/makeDiagnostic.js';
import { ENCODING_NAMES, type DecodedText } from './files.js';

export function encodingDiagnostics(decoded: DecodedText, found: readonly Diagnostic[]): Diagnostic[] {
  if (!decoded.clean) {
    const at = Math.max(0, decoded.text.indexOf('\ufffd'));
    const count = [...decoded.text.matchAll(/\ufffd/g)].length;
    const own = diagnostic('BG901', { start: at, end: at + 1 }, `文件中有 ${count} 处字节无法按 ${ENCODING_NAMES[decoded.encoding]}、GB18030 或 UTF-16 解码（显示为“\ufffd”）：为免丢字，不做任何修复。请用正确的编码另存为 UTF-8。`);
    const isReplacement = (d: Diagnostic) => d.code === 'BG610' && !d.uri && /^\ufffd+$/.test(decoded.text.slice(d.start, d.end));
    return [own, ...found.filter((d) => !isReplacement(d))];
  }
  if (decoded.encoding === 'utf-8' || decoded.encoding === 'utf-8-bom') return [...found];
  const own = diagnostic('BG900', { start: 0, end: 0 }, `文件按 ${ENCODING_NAMES[decoded.encoding]} 编码读取，不是 UTF-8：修复时按原编码写回；建议另存为 UTF-8。`);
  return [own, ...found];
}
