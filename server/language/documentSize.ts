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

/**
 * The most lines analysed. A report has hundreds of lines; ten megabytes of prose some hundred thousand.
 * Every line costs the parse and the checks memory of their own (10 MB of empty lines took 16 s and 2 GB).
 */
export const MAX_DOCUMENT_LINES = 200_000;

/**
 * What the bounds are decided by, counted over a text. Each count is a sum over the text's characters,
 * so the counts of an edited text are the last ones less those of the replaced stretch plus those of the
 * new (ParseCache keeps them): a keystroke counts what it changed, not the document.
 */
export interface TextCounts {
  lineFeeds: number;
  carriageReturns: number;
  /** NUL, control characters but tab, line and page breaks, and “\ufffd” (see notTextProblem). */
  notText: number;
}

/** NUL and the control characters but tab, line and page breaks and escape, and “\ufffd” (see notTextProblem). */
const NOT_TEXT = /[\0-\x08\x0e-\x1a\x1c-\x1f\ufffd]/g;

/**
 * The counts of text[from, to). Each found by indexOf or a pattern's `test`, not a charCodeAt loop: their
 * compiled scans cost half as much over a report, whose every version is counted.
 */
export function countsOf(text: string, from = 0, to = text.length): TextCounts {
  // The stretch alone (a keystroke's): a scan for a character it lacks must not go on to the end of the text.
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  let notText = 0;
  NOT_TEXT.lastIndex = 0;
  while (NOT_TEXT.test(part)) notText++;
  return { lineFeeds: occurrences(part, '\n'), carriageReturns: occurrences(part, '\r'), notText };
}

/** How many times `ch` is in `text`. */
function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Lines of a text of these counts: its line feeds, or its carriage returns where those are more (old Mac text). */
const linesOf = (counts: TextCounts) => Math.max(counts.lineFeeds, counts.carriageReturns) + 1;

/** The BG905 message for a text beyond the bounds, or undefined for a text within them (O(1) with its counts given). */
export function documentSizeProblem(text: string, counts?: TextCounts): string | undefined {
  // A text of fewer characters than the bound of lines is within both bounds.
  if (text.length <= MAX_DOCUMENT_LINES) return undefined;
  // Every UTF-16 unit is 1 to 3 bytes in UTF-8: most texts are decided by their length alone.
  const beyondBytes = text.length > MAX_DOCUMENT_BYTES || (text.length * 3 > MAX_DOCUMENT_BYTES && utf8Length(text, MAX_DOCUMENT_BYTES) > MAX_DOCUMENT_BYTES);
  if (beyondBytes) return documentTooLargeMessage(utf8Length(text, Infinity));
  if (linesOf(counts ?? countsOf(text)) <= MAX_DOCUMENT_LINES) return undefined;
  return `文档超过 ${MAX_DOCUMENT_LINES / 10_000} 万行的上限：不作检查、排版和格式化。报告不会有这样多行，请确认没有粘贴进无关的内容，或把它拆成几个文件。`;
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
 * A text of which this many characters in a thousand are not text (NUL, the other control characters
 * but tab, line and page breaks, and “\ufffd”, what bytes in no known encoding become) is not a report;
 * a few (a stray NUL, a pasted “\ufffd”) are left to the checks (BG610).
 */
const NOT_TEXT_PER_MILLE = 20;
const NOT_TEXT_AT_LEAST = 8;

/**
 * Text files that are a document's source rather than its text: a Word or WordPad file saved as RTF, a web
 * page saved as HTML, renamed .txt or .bg. Read as a report, every control word or tag would be “prose”.
 */
const SOURCE_FORMATS: ReadonlyArray<[start: RegExp, what: string, advice: string]> = [
  [/^\ufeff?\s*\{\\rtf/, 'RTF 格式的文档', '请在 Word 或 WPS 中打开，另存为 .docx 后用“baogao import”转换。'],
  [/^\ufeff?\s*(?:<!--[^]{0,200}?-->\s*)?<(?:!doctype\s+html|html|head|body)[\s>]/i, 'HTML 网页', '请在浏览器中打开，复制正文粘贴进报告（粘贴时自动转换），或在 Word 中打开后另存为 .docx 再用“baogao import”转换。'],
];

/** The BG908 message for a text that is not a report's text (a binary file, a wrong encoding, a document's source), or undefined. */
export function notTextProblem(text: string, counts?: TextCounts): string | undefined {
  const head = text.slice(0, 400);
  const source = SOURCE_FORMATS.find(([start]) => start.test(head));
  if (source) return `这不是报告的文本（看来是${source[1]}）：不作检查、排版和格式化。${source[2]}`;
  const signature = SIGNATURES.find(([start]) => text.startsWith(start));
  const enough = Math.max(NOT_TEXT_AT_LEAST, Math.ceil((text.length * NOT_TEXT_PER_MILLE) / 1000));
  if (!signature && (counts ?? countsOf(text)).notText < enough) return undefined;
  // UTF-16 read byte by byte: a NUL beside every line break (and every ASCII character).
  if (!signature && /[\r\n]\u0000|\u0000[\r\n]/.test(text.slice(0, 4000))) {
    return '这不是报告的文本（看来是不带字节顺序标记 BOM 的 UTF-16 文本，按单字节读出，每隔一个字符是空字符）：不作检查、排版和格式化。请按 UTF-16 重新打开（VS Code：状态栏的编码→“通过编码重新打开”→“UTF-16 LE”，仍是乱码则选“UTF-16 BE”），再另存为 UTF-8；命令行的 baogao 能直接读取这样的文件。';
  }
  const what = signature ? `看来是${signature[1]}` : '其中大量字符是空字符、控制字符或无法解码的“\ufffd”';
  return `这不是报告的文本（${what}）：不作检查、排版和格式化。若是 Word 或 WPS 文档，请用“baogao import”转换；若是 GBK、GB18030 等编码的文本，请按该编码重新打开（VS Code：状态栏的编码→“通过编码重新打开”），再另存为 UTF-8。`;
}

/** Why a document is not analysed at all, with its code (BG905 too large, BG908 not text), or undefined; `counts` spare counting the text again. */
export function documentRefusal(text: string, counts?: TextCounts): { code: 'BG905' | 'BG908'; message: string } | undefined {
  // Counted once for both bounds (an open document's counts are kept from version to version: ParseCache).
  const counted = counts ?? countsOf(text);
  const tooLarge = documentSizeProblem(text, counted);
  if (tooLarge !== undefined) return { code: 'BG905', message: tooLarge };
  const notText = notTextProblem(text, counted);
  return notText === undefined ? undefined : { code: 'BG908', message: notText };
}
