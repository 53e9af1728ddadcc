// Import of a fragment: text pasted from Word (or a web page) into a report, written in the language by
// the importer's own steps — Word debris and typed heading numbers removed, headings, items and
// paragraphs made, amounts written as figures — without the report's top and end (title, signature and
// date are the report's own, not the fragment's). The figures get names the report does not use yet,
// and a part's label is written only if the report does not have it.
import { writeBody } from './body.js';
import { markFigures } from './figures.js';
import { readLines } from './lines.js';
import { PART_LABELS, type PartLabel } from './parts.js';
import type { ImportNote } from './types.js';
import { escapeInline, escapeLineStart, joinBlocks } from './write.js';
import { withoutTrailing } from '../../../grammar/trailing.js';

export interface FragmentContext {
  /** The report's year and issuing body: a figure's name leaves the body's name out. */
  year?: number;
  org?: string;
  /** Figure names the report already uses (its own and its snippets'). */
  takenNames: Iterable<string>;
  /** Labels the report already has. */
  takenLabels: Iterable<string>;
  /** Pasted inside a line: only the amounts become figures, every line stays a line. */
  inline: boolean;
  /** The level of the heading the paste lands under (0: above every heading): a pasted （一） under a level-1 heading is level 2. */
  enclosingLevel?: number;
  /** Pasted on an empty line: the result ends its last line, so the empty line stays between it and what follows. */
  onEmptyLine?: boolean;
}

export interface FragmentResult {
  text: string;
  /** Figures written from the amounts. */
  figures: number;
  /** What was removed or decided, by line of the fragment. */
  notes: ImportNote[];
}

/**
 * Is the text already written in the language — a figure (`{调处 = 150起}`, `{年度}`), or a line that is a
 * heading, a directive or a comment? Text copied from a report whose editor did not say so (a copy of
 * over 64 KB, or with VS Code's syntax highlighting off) is pasted as it is; Word's text has none of these.
 */
export function looksLikeMarkup(text: string): boolean {
  return /(?<!\\)\{[^{}\n]*\}|^[ \t]*(?:#{1,4} |@\S|\/\/)/m.test(text);
}

export function importFragment(text: string, context: FragmentContext): FragmentResult {
  const notes: ImportNote[] = [];
  const takenNames = new Set(context.takenNames);
  if (context.inline) {
    let figures = 0;
    const lines = text.split(/(\r\n|\r|\n)/).map((part, i) => {
      if (i % 2 === 1) return part;
      const marked = markFigures(part, takenNames, escapeInline, context.org);
      figures += marked.figures;
      // The lines after the first start lines of their own: a pasted “@…” or “# …” there stays prose.
      return i > 0 ? escapeLineStart(marked.text) : marked.text;
    });
    return { text: lines.join(''), figures, notes };
  }
  const note = (line: number, what: string, why: string) => notes.push({ line, what, why });
  const body = readLines(text, note).lines.filter((l) => l.text !== '');
  const labels = [...context.takenLabels].filter((l): l is PartLabel => (PART_LABELS as readonly string[]).includes(l));
  const written = writeBody(body, { year: context.year, org: context.org, yearField: false, takenNames, takenLabels: labels, enclosingLevel: context.enclosingLevel }, note, []);
  const joined = withoutTrailing(joinBlocks(written.blocks).text, '\n');
  // A paste that ended a line ends one here too, and so does one on an empty line: what follows stays apart.
  const ending = (/(\r\n|\r|\n)$/.test(text) || context.onEmptyLine) && joined !== '' ? '\n' : '';
  return { text: joined + ending, figures: written.figures, notes: notes.sort((a, b) => a.line - b.line) };
}
