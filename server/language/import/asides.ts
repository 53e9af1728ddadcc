// Import of what a Word file holds beside its body's text (server/node/readWord.ts reads it): the report
// language has no footnotes, endnotes, text boxes, headers or footers, and prints no comments, so their text
// is kept as `//` comment lines after the paragraph that cites the note or holds the box (a header's or
// footer's before the body), and the writer is told — a township's 数据来源, a table's note, a box's words or
// the 机关 in a header are never lost, and never printed unseen. Page numbers are page furniture, review
// comments no text of the report: left out, and said so. Pure.
import type { Block, ImportFinding, Note, SourceAside, WordExtras } from './types.js';
import { ranges } from './write.js';

/**
 * The comment blocks of the asides placed in `blocks` (the body's, in source order) after the blocks of
 * the line each belongs to, and the findings and notes that tell the writer (BG242, BG243, BG244, BG245).
 * A line that is no body block (the title, the signature) puts its asides before the next one; headers
 * and footers go before the body.
 */
export function placeAsides(blocks: Block[], word: WordExtras, note: Note, findings: ImportFinding[]): Block[] {
  const asides = word.asides.filter((a) => a.paragraphs.length > 0);
  for (const line of word.boxLines ?? []) note(line, '文本框中的文字', '文本框在标题之上（红头或标题），按一段正文读入，由标题规则判断');
  const comments = word.comments;
  if (comments && comments.count > 0) {
    const message = `原文有 ${comments.count} 条审阅批注（Word“审阅”中的批注）：批注是审阅意见，不是报告的正文，导入时没有写入。需要保留其中的意见，请在 Word 中查看，写进报告。`;
    findings.push({ line: comments.line, column: 1, code: 'BG244', message });
    note(comments.line, `审阅批注 ${comments.count} 条`, '不是正文，没有导入（BG244）');
  }
  if (word.pageNumbers) note(1, `页眉页脚中的页码 ${word.pageNumbers} 处`, 'Word 的页码，渲染时按 GB/T 9704 重新生成');
  if (word.headersLeftOut) {
    // Past the reader's bound (a report has a few sections, each naming up to six parts): said, not dropped unsaid.
    const message = `原文的各节另有 ${word.headersLeftOut} 个页眉页脚超出了读入的上限（64 个），其中的文字没有导入：请在 Word 中查看这些页眉页脚，需要的文字写进报告。`;
    findings.push({ line: 1, column: 1, code: 'BG245', message });
    note(1, `页眉页脚 ${word.headersLeftOut} 个`, '超出读入上限，没有导入（BG245）');
  }
  if (asides.length === 0) return blocks;
  const onPage = (a: SourceAside) => a.kind === 'header' || a.kind === 'footer';
  tell(asides.filter((a) => a.kind === 'footnote' || a.kind === 'endnote'), 'BG242', note, findings);
  tell(asides.filter((a) => a.kind === 'box'), 'BG243', note, findings);
  tellPage(asides.filter(onPage), note, findings);
  const out: Block[] = asides.filter(onPage).flatMap(commentsOf);
  let next = 0;
  const byLine = asides.filter((a) => !onPage(a)).sort((a, b) => a.line - b.line);
  for (const block of blocks) {
    for (; next < byLine.length && byLine[next]!.line < (block.source ?? 0); next++) out.push(...commentsOf(byLine[next]!));
    out.push(block);
  }
  for (; next < byLine.length; next++) out.push(...commentsOf(byLine[next]!));
  return out;
}

/** One finding for all notes, or for all boxes (at the first one's line), and a note at each. */
function tell(asides: SourceAside[], code: 'BG242' | 'BG243', note: Note, findings: ImportFinding[]): void {
  if (asides.length === 0) return;
  const lines = [...new Set(asides.map((a) => a.line))];
  const where = `第${ranges(lines)}段`;
  const message =
    code === 'BG242'
      ? `原文有 ${asides.length} 个脚注或尾注（${where}）：报告语言没有脚注，导入时把注文写成了引用它的段落之后的注释（“// ${asides[0]!.label}……”），不打印，也不检查。请决定是写进正文（如在句末用括号注明），还是删去。`
      : `原文有 ${asides.length} 个文本框（${where}）：报告语言没有文本框，导入时把其中的文字写成了它所在段落之后的注释（“// 文本框……”），不打印，也不检查。请决定是写进正文，还是删去。`;
  findings.push({ line: asides[0]!.line, column: 1, code, message });
  for (const a of asides) note(a.line, a.kind === 'box' ? '文本框' : a.label, `写成该段之后的注释，不打印（${code}）`);
}

/** One finding for the text of all headers and footers (BG245), and a note. */
function tellPage(asides: SourceAside[], note: Note, findings: ImportFinding[]): void {
  if (asides.length === 0) return;
  const kinds = [...new Set(asides.map((a) => a.label))].join('和');
  const first = asides[0]!.paragraphs[0]!;
  const quoted = [...first].length > 20 ? `${[...first].slice(0, 20).join('')}……` : first;
  const message = `原文的${kinds}有文字（“${quoted}”）：报告语言没有页眉页脚，导入时把这些文字写成了正文之前的注释（“// ${asides[0]!.label}：……”），不打印，也不检查；页码由渲染器生成，没有写入。请决定是写进正文（如标题、落款），还是删去。`;
  findings.push({ line: 1, column: 1, code: 'BG245', message });
  note(1, `${kinds}的文字`, '写成正文之前的注释，不打印（BG245）');
}

/** A line break in an aside's text would end its `//` line, and the rest be read as the report's own text. */
const oneLine = (text: string) => text.replace(/\r\n?|\n/g, ' ');

/** An aside as comment lines: its label and place, then its text, a paragraph a line. */
function commentsOf(aside: SourceAside): Block[] {
  if (aside.kind === 'header' || aside.kind === 'footer') return aside.paragraphs.map((text, i) => ({ kind: 'comment', text: `// ${i === 0 ? `${aside.label}：` : ''}${oneLine(text)}`, source: aside.line }));
  const place = aside.kind === 'box' ? `文本框（原文第${aside.line}段）` : `${aside.label}（原文第${aside.line}段${aside.after ? `“${oneLine(aside.after)}”之后` : '段首'}）`;
  return aside.paragraphs.map((text, i) => ({ kind: 'comment', text: i === 0 ? `// ${place}：${oneLine(text)}` : `// ${oneLine(text)}`, source: aside.line }));
}
