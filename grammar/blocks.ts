// Groups parsed lines into the document's structure: header directives, then headings, paragraphs and
// lists. Kept apart from the parser so that the grammar stays a grammar of lines.
import type * as ast from './ast.js';
import { isHeaderDirective } from './directives.js';

function inHeader(line: ast.Line): boolean {
  switch (line.kind) {
    case 'blank':
    case 'comment':
      return true;
    case 'directive':
      return line.name === undefined || line.name === '指标' || isHeaderDirective(line.name);
    default:
      return false;
  }
}

/**
 * What a regrouping may take from the last grouping: its document, and how many of its first lines the new
 * lines share (the very same objects, as reparse keeps them).
 */
export interface Regroup {
  previous: ast.ReportDocument;
  sameLines: number;
}

/** Where grouping starts: at the first line, or (a regrouping) at the last block that starts on a shared line. */
interface Resume {
  index: number;
  header: ast.DirectiveLine[];
  body: ast.Block[];
  comments: ast.CommentLine[];
  /** The paragraph open before the resumed block (an attached list follows one): only closed from there. */
  paragraph: ast.Paragraph | undefined;
}

/**
 * Groups `lines` into header and blocks. With `regroup`, the blocks of the last document that start on one
 * of the shared lines are taken as they were, but the last of them (the changed line may continue it),
 * and grouping resumes at that block's first line: the grouping before it read the same lines.
 */
export function groupBlocks(lines: ast.Line[], textLength: number, regroup?: Regroup): ast.ReportDocument {
  const { header, body, comments, ...resumed } = (regroup && resumeAt(lines, regroup)) ?? fromTop(lines);
  let index = resumed.index;
  let paragraph = resumed.paragraph;
  let list: ast.List | undefined;
  const close = () => {
    paragraph = undefined;
    list = undefined;
  };
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    switch (line.kind) {
      case 'blank':
        close();
        break;
      case 'comment':
        // A comment neither ends nor continues a paragraph: it is simply not there.
        comments.push(line);
        break;
      case 'heading':
        close();
        body.push({ kind: 'heading', level: line.level, line, content: line.content, label: line.label, start: line.start, end: line.end });
        break;
      case 'directive':
        close();
        body.push(line);
        break;
      case 'item': {
        if (!list || list.ordered !== line.ordered) {
          const attached = paragraph !== undefined;
          paragraph = undefined;
          list = { kind: 'list', ordered: line.ordered, attached, items: [], start: line.start, end: line.end };
          body.push(list);
        }
        list.items.push({ marker: line.marker, lines: [line.content], start: line.start, end: line.end });
        list.end = line.end;
        break;
      }
      case 'text': {
        if (list) {
          // A prose line right after an item continues that item.
          const item = list.items[list.items.length - 1]!;
          item.lines.push(line.content);
          item.end = list.end = line.end;
        } else if (paragraph) {
          paragraph.lines.push(line.content);
          paragraph.end = line.end;
        } else {
          paragraph = { kind: 'paragraph', lines: [line.content], start: line.start, end: line.end };
          body.push(paragraph);
        }
        break;
      }
    }
  }
  return { header, body, comments, lines, start: 0, end: textLength };
}

/** The header's lines read, and grouping to start at the first line after them. */
function fromTop(lines: readonly ast.Line[]): Resume {
  const header: ast.DirectiveLine[] = [];
  const comments: ast.CommentLine[] = [];
  let index = 0;
  for (; index < lines.length && inHeader(lines[index]!); index++) {
    const line = lines[index]!;
    if (line.kind === 'directive') header.push(line);
    else if (line.kind === 'comment') comments.push(line);
  }
  return { index, header, body: [], comments, paragraph: undefined };
}

/** The blocks kept and where grouping resumes, or undefined when fewer than two blocks start on the shared lines. */
function resumeAt(lines: readonly ast.Line[], { previous, sameLines }: Regroup): Resume | undefined {
  if (sameLines === 0 || sameLines > lines.length) return undefined;
  const lastShared = lines[sameLines - 1]!.start;
  const old = previous.body;
  // Blocks start on their first line: those starting at or before the last shared line's start are on shared lines.
  const started = countBefore(old.length, (i) => old[i]!.start <= lastShared);
  if (started < 2) return undefined;
  const resumed = old[started - 1]!;
  const index = countBefore(sameLines, (i) => lines[i]!.start < resumed.start);
  const before = old[started - 2]!;
  const paragraph = resumed.kind === 'list' && resumed.attached && before.kind === 'paragraph' ? before : undefined;
  const comments = previous.comments.slice(0, countBefore(previous.comments.length, (i) => previous.comments[i]!.start < resumed.start));
  // The header ended before the first block, on shared lines: the same array (never changed once grouped).
  return { index, header: previous.header, body: old.slice(0, started - 1), comments, paragraph };
}

/** How many of the first `n` indices pass `test`, which holds for a prefix of them (a binary search). */
export function countBefore(n: number, test: (i: number) => boolean): number {
  let low = 0;
  let high = n;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
