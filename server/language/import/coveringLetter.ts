// Import: a covering letter above the report (梧州 2020: the letter's title and addressee, “……现将《梧州市2020年度法治
// 政府建设工作报告》呈报,请予审阅。”, its signature and date, then the report's own title and text). The letter's title
// and addressee are the document's (@标题, @主送, as readTop read them); its sentence stays the first paragraph, as
// written and checked; its signature is the document's issuers (@机关 comes from the title), its date the document's
// date (@日期, when the report has none at its end); the report's own title under them is kept as a comment — a title
// in the middle of the text would be printed as a paragraph.
import { isOrgLike, isoDate, isTitleLike, parseSignatureDate, TITLE_END, type ImportedDate } from './header.js';
import { typedNumber } from './numbers.js';
import { readable, type Block, type Line, type Note } from './types.js';

/** The verbs that send a report on after 现将《……报告》: 呈报, 报送, 报上, 上报, 呈上, 送上, 印送. */
const SENDING = ['呈报', '报送', '报上', '上报', '呈上', '送上', '印送'];

/** Does the line send the report on — 现将, then one of SENDING within 80 characters? (Read by index: no pattern to backtrack.) */
function sendsOn(text: string): boolean {
  const at = text.indexOf('现将');
  if (at < 0) return false;
  const after = text.slice(at + 2, at + 2 + 82);
  return SENDING.some((verb) => after.includes(verb));
}

export interface CoveringLetter {
  /** The letter's date, for @日期 when the report's end has none. */
  date: ImportedDate;
  /** The input line of that date. */
  dateLine: number;
  /** The input line of the letter's sentence: the comments go after its paragraph. */
  letterLine: number;
  /** The comments keeping the report's own title (and the letter's date, when the report has its own). */
  comments: Block[];
}

/**
 * Under the title (and addressee) read by readTop, a covering letter: a sentence sending the report on, maybe its
 * signature, its date, then the report's own title — all four in a row, or it is none (“现将有关情况报告如下” opens
 * a report, with no date and title after it). The signature, date and title lines are taken out of the body.
 */
export function readCoveringLetter(lines: Line[], title: string | undefined, dated: boolean, note: Note): CoveringLetter | undefined {
  if (!title) return undefined;
  const next = lines.filter((l) => l.text).slice(0, 4);
  const [letter] = next;
  if (!letter || letter.text.length > 300 || typedNumber(letter.text) || !sendsOn(readable(letter.text))) return undefined;
  let i = 1;
  const signature = next[i] && isOrgLike(readable(next[i]!.text)) ? next[i++] : undefined;
  const dateLine = next[i++];
  const date = dateLine ? parseSignatureDate(dateLine.text) : undefined;
  const own = next[i];
  if (!dateLine || !date || !own || typedNumber(own.text) || !isTitleLike(own.text) || !TITLE_END.test(readable(own.text))) return undefined;
  note(letter.n, `报送函“${letter.text.length > 40 ? `${letter.text.slice(0, 40)}…` : letter.text}”`, '标题、主送机关下面是报送报告的函，报告正文在它的落款之后：这一句照原样写作第一段');
  if (signature) {
    note(signature.n, `报送函的落款“${signature.text}”`, '与标题的发文机关相同，落款由“@机关”生成，这一行不写入正文');
    signature.text = '';
  }
  const comments: Block[] = [];
  // The report's own date at its end (`dated`) is the one written; the letter's is then kept as a comment.
  if (dated) {
    note(dateLine.n, `报送函的日期“${dateLine.text}”`, '报告文末有自己的落款日期（写为“@日期”），报送函的日期写成注释保留');
    comments.push({ kind: 'comment', text: `// 原文第${dateLine.n}行，报送函的日期：${dateLine.text}`, source: dateLine.n });
  } else note(dateLine.n, `报送函的日期“${dateLine.text}”`, `是这份公文的成文日期，写为“@日期 ${isoDate(date)}”，落款由渲染器按 GB/T 9704 排版`);
  dateLine.text = '';
  note(own.n, `报告正文的标题“${own.text}”`, '报送函之下报告自己的标题：正文中间的标题会被印成一段，写成注释保留');
  comments.push({ kind: 'comment', text: `// 原文第${own.n}行，报送函之后报告正文自己的标题：${own.text}`, source: own.n });
  own.text = '';
  return { date, dateLine: dateLine.n, letterLine: letter.n, comments };
}

/** The body's blocks with the letter's comments after the letter's paragraph, where the lines they keep stood. */
export function withLetterComments(blocks: Block[], letter: CoveringLetter | undefined): Block[] {
  if (!letter) return blocks;
  const at = blocks.findIndex((b) => b.source === letter.letterLine);
  return [...blocks.slice(0, at + 1), ...letter.comments, ...blocks.slice(at + 1)];
}
