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

export function groupBlocks(lines: ast.Line[], textLength: number): ast.ReportDocument {
  const header: ast.DirectiveLine[] = [];
  const body: ast.Block[] = [];
  const comments: ast.CommentLine[] = [];
  let index = 0;
  for (; index < lines.length && inHeader(lines[index]!); index++) {
    const line = lines[index]!;
    if (line.kind === 'directive') header.push(line);
    else if (line.kind === 'comment') comments.push(line);
  }

  let paragraph: ast.Paragraph | undefined;
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
