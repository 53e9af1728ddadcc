// The size bound of one document: a report is tens of kilobytes, a long one a few megabytes. A document
// far beyond (a pasted database dump, a binary file opened by mistake) is not analysed at all — one BG905
// says why — so that no feature does unbounded work on it: not the parser, the checks, rendering or
// formatting, in the editor or the command.

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
