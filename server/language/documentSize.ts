// The bounds of what is analysed as a report. A report is tens of kilobytes of text, a long one a few
// megabytes. A document far beyond (a pasted database dump) is not analysed at all — one BG905 says why —
// and neither is one that is not text (a Word file, an archive, a PDF or an image renamed .bg, or text
// read in the wrong encoding): one BG908. So no feature does unbounded work on them: not the parser, the
// checks, rendering or formatting, in the editor, the workspace index or the command.

/** The largest document analysed, in UTF-8 bytes (as it would be saved). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** UTF-8 length of a text, stopping early once beyond `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/** Why a document of this many bytes is not analysed (the message of BG905). */
export function documentTooLargeMessage(bytes: number): string {
  return `文档有 ${megabytes(bytes)}，超过上限 ${megabytes(MAX_DOCUMENT_BYTES)}：不作检查、排版和格式化。报告不会这样大，请确认没有粘贴进无关的内容，或把它拆成几个文件。`;
}

/** The BG905 message for a text beyond the bound, or undefined for a text within it (checked in O(1) for most). */
export function documentSizeProblem(text: string): string | undefined {
  // Every UTF-16 unit is 1 to 3 bytes in UTF-8: most texts are decided by their length alone.
  if (text.length * 3 <= MAX_DOCUMENT_BYTES) return undefined;
  if (text.length > MAX_DOCUMENT_BYTES) return documentTooLargeMessage(utf8Length(text, Infinity));
  const bytes = utf8Length(text, MAX_DOCUMENT_BYTES);
  return bytes > MAX_DOCUMENT_BYTES ? documentTooLargeMessage(utf8Length(text, Infinity)) : undefined;
}

/** Files that are plainly not text, by how they begin once decoded (a byte that is not UTF-8 is “\ufffd”). */
const SIGNATURES: ReadonlyArray<[start: string, what: string]> = [
  ['PK\u0003\u0004', '压缩包或 Word（.docx）、WPS 文档'],
  ['\ufffd\ufffd\u0011\u0871\u001a', '旧版 Word（.doc）、Excel 或 WPS 文档'],
  ['%PDF-', 'PDF 文件'],
  ['\ufffdPNG\r\n\u001a\n', 'PNG 图片'],
  ['GIF87a', 'GIF 图片'],
  ['GIF89a', 'GIF 图片'],
  ['Rar!\u001a\u0007', 'RAR 压缩包'],
  ['7z\ufffd\ufffd\u0027\u001c', '7z 压缩包'],
  ['\u001f\ufffd', 'gzip 压缩包'],
];

/**
 * Characters no text has many of: NUL, the other control characters but tab, line and page breaks, and
 * “\ufffd”, what bytes in no known encoding become. A text of which this many in a thousand are such is
 * not a report; a few (a stray NUL, a pasted “\ufffd”) are left to the checks (BG610).
 */
const NOT_TEXT_PER_MILLE = 20;
const NOT_TEXT_AT_LEAST = 8;

const NOT_TEXT = /[\0-\x08\x0e-\x1a\x1c-\x1f\ufffd]/g;

/** How many characters of the text are not text, counted until `enough` (a regular expression: a keystroke's analysis pays one fast pass). */
function countNotText(text: string, enough: number): number {
  NOT_TEXT.lastIndex = 0;
  let count = 0;
  while (count < enough && NOT_TEXT.test(text)) count++;
  return count;
}

/** The BG908 message for a text that is not a report's text (a binary file, a wrong encoding), or undefined. */
export function notTextProblem(text: string): string | undefined {
  const signature = SIGNATURES.find(([start]) => text.startsWith(start));
  const enough = Math.max(NOT_TEXT_AT_LEAST, Math.ceil((text.length * NOT_TEXT_PER_MILLE) / 1000));
  if (!signature && countNotText(text, enough) < enough) return undefined;
  const what = signature ? `看来是${signature[1]}` : '其中大量字符是空字符、控制字符或无法解码的“\ufffd”';
  return `这不是报告的文本（${what}）：不作检查、排版和格式化。若是 Word 或 WPS 文档，请用“baogao import”转换；若是 GBK、GB18030 等编码的文本，请按该编码重新打开（VS Code：状态栏的编码→“通过编码重新打开”），再另存为 UTF-8。`;
}

/** Why a document is not analysed at all, with its code (BG905 too large, BG908 not text), or undefined. */
export function documentRefusal(text: string): { code: 'BG905' | 'BG908'; message: string } | undefined {
  const tooLarge = documentSizeProblem(text);
  if (tooLarge !== undefined) return { code: 'BG905', message: tooLarge };
  const notText = notTextProblem(text);
  return notText === undefined ? undefined : { code: 'BG908', message: notText };
}
