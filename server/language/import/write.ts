// Import, writing the result: blocks → .bg text (with the input line of each output line), escapes, and
// the optional {年度} fields.
import type { Block } from './types.js';

/**
 * The .bg text of the blocks, for each of its lines the input line it came from (0: none), and for each
 * block the 0-based line of the text it starts on.
 */
export function joinBlocks(blocks: Block[]): { text: string; sourceLines: number[]; blockLines: number[] } {
  let out = '';
  const sourceLines: number[] = [];
  const blockLines: number[] = [];
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (previous) {
      const tight =
        (previous.kind === 'directive' && block.kind === 'directive') ||
        (previous.kind === 'comment' && (block.kind === 'directive' || block.kind === 'comment')) ||
        (previous.kind === 'heading' && block.kind !== 'heading') ||
        (previous.kind === 'item' && block.kind === 'item');
      out += tight ? '\n' : '\n\n';
      if (!tight) sourceLines.push(0);
    }
    blockLines.push(sourceLines.length);
    sourceLines.push(block.source ?? 0);
    switch (block.kind) {
      case 'heading':
        out += `${'#'.repeat(block.level)} ${block.text}${block.label ? ` {#${block.label}}` : ''}`;
        break;
      case 'item':
        out += `${block.number}. ${block.text}`;
        break;
      default:
        out += block.text;
    }
  });
  return { text: `${out}\n`, sourceLines, blockLines };
}

/** "3, 5, 6, 7, 9" → "3、5—7、9". */
export function ranges(numbers: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out.push(j > i ? `${numbers[i]}—${numbers[j]}` : String(numbers[i]));
    i = j;
  }
  return out.join('、');
}

/** Escapes what the language reads as markup anywhere in a line: braces and backslashes. */
export function escapeInline(text: string): string {
  return text.replace(/[\\{}｛｝]/g, '\\$&');
}

/** What makes a line a heading, directive, comment or list item: its mark, after any spaces (grammar/tokens.ts, lineStart). */
const LINE_START_MARKUP = /^([ \t\u3000]*)(?=[#＃@＠]|\/\/|[-－*＊][ \t\u3000]|[0-9]+[.．][ \t\u3000])/;

/** Would this text, at a line start, be read as a heading, directive, comment or list item? */
export function lineStartNeedsEscape(text: string): boolean {
  return LINE_START_MARKUP.test(text);
}

/** Escapes the mark that would make this text, at a line start, a heading, directive, comment or list item (its spaces kept). */
export function escapeLineStart(text: string): string {
  return text.replace(LINE_START_MARKUP, '$1\\');
}

/** Escapes a prose line: inline markup, and what would make the line a heading, directive, comment or list item. */
export function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/**
 * --year-field: the report's year → {年度}, the next year → {下年度}, in escaped prose. Not inside 《》
 * (document titles keep their year) and not in a range (2016年-2020年, 2021至2025年).
 */
export function fieldYears(text: string, year: number | undefined, on: boolean | undefined): string {
  if (!on || year === undefined) return text;
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    const digits = text.slice(i, i + 4);
    if (depth === 0 && /^\d{4}$/.test(digits) && text[i + 4] === '年' && !/\d/.test(text[i - 1] ?? '') && !/[-—－~～至到]/.test(text[i - 1] ?? '')) {
      const after = text.slice(i + 5, i + 7);
      const value = Number(digits);
      const name = value === year ? '年度' : value === year + 1 ? '下年度' : undefined;
      if (name && !/^度?[-—－~～至到]/.test(after)) {
        out += `{${name}}`;
        i += 3;
        continue;
      }
    }
    out += c;
  }
  return out;
}
