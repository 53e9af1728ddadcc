// Report check: a paragraph or numbered item that ends without a mark (BG613) — “……现将2019年度法治政府建设
// 情况报告如下” with its colon lost, “……网上可办率达到100%” run into the next item, “……请与法规处联系(电话:……)”. The last paragraph of
// the text is left alone (an excerpt is cut there), and so are short lines (labels) and lines of one clause
// up to 30 characters (a heading typed without its number). One look at the end of each block: no pattern runs over the text.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import type * as ast from '../../../grammar/index.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { ReportModel } from '../model.js';
import type { ReportCheck } from './contract.js';
import { located } from './prose.js';
import { isWhiteSpace } from '../whiteSpace.js';

export const paragraphEndCodes: CodeInfo[] = [
  {
    code: 'BG613', severity: 'warning', title: '段末缺少标点',
    description: '段落或编号段末尾没有标点：陈述句末用句号（句末的括号注释之后也要句号），“报告如下”“具体如下”后用冒号。常见于复制时丢了末尾的标点，或两句话连成了一段；也常是一句话在复制时断成了两段（“……扎实推进”“生态环境保护领域……”），那就把两段接上。句号之后的括号（“……。（完）”）不报。正文的最后一段（节选可能在那里截断）、不足15个字的短行、30个字以内没有句号的一行（没打序号的标题）和以破折号开头、没有句号的一行（讲话稿标题下的“——2023年9月26日在……会议上”这样的副标题）不报。',
    example: '现将2019年度法治政府建设情况报告如下\n\n一、主要举措和成效',
  },
];
registerCodes(paragraphEndCodes);

/** Shorter paragraphs are labels or headings typed without a number: not sentences that lost their mark. */
const SHORTEST = 15;
/** Up to this long, a paragraph without a full stop inside may be a heading typed without its number. */
const HEADING_LENGTH = 30;
const SENTENCE_END = /[。；;！!？?]/;
/** The end of a title: a report, summary, plan, notice or opinion. */
const TITLE_LIKE = /(?:报告|总结|汇报|方案|通知|意见|情况|要点|计划)$/;
const CLAUSE_MARK = /[，,。；;：:！!？?]/;
/** What ends a paragraph without its mark: a character, a digit, a percent sign or a closing unit — or a bracket closing a note to the sentence (“……联系(地址:……;电话:……)”). */
function endsOpen(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 37 || c === 0xff05 || c === 41 || c === 0xff09;
}
/** Marks that end a sentence: a note in brackets after one (“……成效。（完）”) stands outside it. */
const STOP_BEFORE = /[。！!？?；;…]/;

function paragraphEnds(model: ReportModel): Diagnostic[] {
  const blocks = model.blocks;
  // The text's last paragraph or list item is left alone: an excerpt stops there.
  let last = blocks.length - 1;
  while (last >= 0 && !hasChunks(blocks[last]!.block)) last--;
  let out: Diagnostic[] | undefined;
  // Each paragraph and each item of a list, read where it stands (no list of them made at each keystroke).
  for (let index = 0; index <= last; index++) {
    const placed = blocks[index]!;
    const block = placed.block;
    if (block.kind === 'paragraph') {
      if (index === last) break;
      const found = openEndDiagnostic(model, placed, block.lines, blocks[index + 1]?.block.kind === 'paragraph');
      if (found) (out ??= []).push(found);
    } else if (block.kind === 'list') {
      const items = index === last ? block.items.length - 1 : block.items.length;
      for (let k = 0; k < items; k++) {
        // A list's last item with a paragraph after it may be broken in two like a paragraph.
        const found = openEndDiagnostic(model, placed, block.items[k]!.lines, k === block.items.length - 1 && blocks[index + 1]?.block.kind === 'paragraph');
        if (found) (out ??= []).push(found);
      }
    }
  }
  return out ?? [];
}

/** A paragraph, or a list with an item: what BG613 reads. */
const hasChunks = (block: ast.Block) => block.kind === 'paragraph' || (block.kind === 'list' && block.items.length > 0);

/** BG613 for a paragraph or item that ends without a mark; `beforeParagraph`: a paragraph follows it. */
function openEndDiagnostic(model: ReportModel, placed: ReportModel['blocks'][number], lines: ast.Inline[][], beforeParagraph: boolean): Diagnostic | undefined {
  const end = openEnd(lines);
  if (!end) return undefined;
  const what = end.tail === undefined ? '段末的数字' : `段末“${end.tail}”`;
  // Stopped after a word, with a paragraph after it: maybe one sentence a page or copy broke in two.
  const broken = beforeParagraph && end.tail !== undefined && /[\u4e00-\u9fff，,、]$/.test(end.tail);
  const should = end.tail?.endsWith('如下')
    ? '“如下”后应加冒号“：”'
    : broken
      ? '请补上句号（或应有的标点）；如果下一段是这句话的后半（复制时断了行），请把两段接上'
      : '请补上句号（或应有的标点）';
  return located(model, placed.scope, diagnostic('BG613', { start: end.at - 1, end: end.at }, `${what}后没有标点：${should}。`));
}

/**
 * Where a paragraph ends without a mark (after its last character or figure), and the words before;
 * undefined when it has one. Its end is looked at first: nearly every paragraph ends with its mark, and
 * only one that does not is measured (this runs over every paragraph at each keystroke).
 */
function openEnd(lines: ast.Inline[][]): { at: number; tail: string | undefined } | undefined {
  const last = lines[lines.length - 1];
  const node = last?.[last.length - 1];
  let end: { at: number; tail: string | undefined; text?: string };
  if (node?.kind === 'figure') end = { at: node.end, tail: undefined };
  else if (node?.kind === 'text') {
    // The last character by its code first: nearly every paragraph ends with its mark, and no string is made for it.
    let last = node.text.length - 1;
    while (last >= 0 && isWhiteSpace(node.text.charCodeAt(last))) last--;
    if (last < 0 || !endsOpen(node.text.charCodeAt(last))) return undefined;
    const text = node.text.slice(0, last + 1);
    if (/[)）]$/.test(text)) {
      // The bracket's note belongs to the sentence before it only when no stop comes before its opener.
      const opener = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'));
      if (opener <= 0 || STOP_BEFORE.test(text[opener - 1]!)) return undefined;
    }
    end = { at: node.start + text.length, tail: text.slice(-6), text };
  } else return undefined;
  let length = 0;
  let sentences = false;
  for (const line of lines) for (const n of line) if (n.kind === 'text') {
    length += n.text.length;
    sentences ||= SENTENCE_END.test(n.text);
  }
  // A short line with no sentence in it is a heading typed without its number (“坚持党的领导，全面推进法治政府建设”).
  if (length < SHORTEST || (length <= HEADING_LENGTH && !sentences)) return undefined;
  if (!sentences && leadsWithDash(lines[0]!)) return undefined;
  // A title repeated in the text (“一季度矛盾纠纷分析研判综合报告”) is a line of its own, not a sentence.
  if (end.text !== undefined && lines.length === 1 && TITLE_LIKE.test(end.text) && last!.every((n) => n.kind !== 'text' || !CLAUSE_MARK.test(n.text))) return undefined;
  return { at: end.at, tail: end.tail };
}

/**
 * A line led by a dash (——) is a subtitle: the occasion of a speech under its title (“——2023年9月26日在武汉市武昌区第十六届
 * 人大常委会第十四次会议上”, 武昌区 2023) or a title's second part. It takes no mark at its end.
 */
function leadsWithDash(line: ast.Inline[]): boolean {
  const first = line[0];
  return first?.kind === 'text' && /^\s*(?:——|－－|--)/.test(first.text);
}

export const paragraphEndChecks: ReportCheck[] = [{ id: 'paragraph-end', codes: ['BG613'], run: paragraphEnds }];
