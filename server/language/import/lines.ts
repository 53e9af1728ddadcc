// Import step 1: the input's lines, with Word debris and web-page furniture removed (each noted).
import { furnitureKind, isSentence } from './furniture.js';
import { EDGE_SPACE, type Line, type Note } from './types.js';

const BOOKMARK = /\[bookmark:[^\]\r\n]*\]/g;
const DASHED_PAGE = /^[-—－–]\s*\d{1,3}\s*[-—－–]$|^第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?$/;

/** Lines, debris removed; returns the lines and the numbers of lines whose edges were trimmed. */
export function readLines(text: string, note: Note): { lines: Line[]; trimmed: number[] } {
  const lines: Line[] = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map((raw, i) => ({ n: i + 1, raw, text: raw }));
  if (lines.length > 1 && lines[lines.length - 1]!.raw === '') lines.pop(); // the final newline ends a line, it is not a blank line
  const trimmed: number[] = [];
  for (const line of lines) {
    for (const match of line.text.matchAll(BOOKMARK)) note(line.n, `Word 书签残留“${match[0]}”`, 'Word 导出纯文本时留下的书签标记，不是报告的文字');
    const cleaned = line.text.replace(BOOKMARK, '');
    line.text = cleaned.replace(EDGE_SPACE, '');
    if (line.text && line.text !== cleaned) trimmed.push(line.n);
    if (DASHED_PAGE.test(line.text)) {
      note(line.n, `页码“${line.text}”`, 'Word 的页码，渲染时按 GB/T 9704 重新生成');
      line.text = '';
    }
  }
  removeFurniture(lines, note);
  return { lines, trimmed };
}

const LIST_BULLET = /^[•·▪]\s*/;

/**
 * Web-page furniture: anywhere for links and controls, above the first sentence for the rest. When the
 * page's information bar above was a bulleted list (• 来源: 司法厅), the first sentence caught in it
 * loses the list's bullet too.
 */
function removeFurniture(lines: Line[], note: Note): void {
  let top = true;
  let bulletedBar = false;
  for (const line of lines) {
    if (!line.text) continue;
    const kind = furnitureKind(line.text, top);
    if (kind) {
      bulletedBar ||= LIST_BULLET.test(line.text);
      note(line.n, `${kind}“${line.text.length > 40 ? `${line.text.slice(0, 40)}…` : line.text}”`, '从网页复制时带进来的页面内容，不是报告的文字');
      line.text = '';
    } else if (isSentence(line.text)) {
      if (top && bulletedBar && LIST_BULLET.test(line.text)) {
        note(line.n, `网页列表符号“${line.text[0]}”`, '网页信息栏的列表符号带到了正文第一段的开头，不是报告的文字');
        line.text = line.text.replace(LIST_BULLET, '');
      }
      top = false;
    }
  }
}
