// The view model: everything a template needs, already decided — numbers, figure values, run-in
// headings, run-on lists, the title and the signature. Templates only arrange these strings.
import type * as ast from '../grammar/index.js';
import { formatDate, type ReportDate } from '../server/language/header.js';
import type { ReportModel, Scope } from '../server/language/model.js';
import { runOnOrdinal } from '../server/language/numbering.js';
import { printInlines } from '../server/language/printed.js';
import { cellWidth } from './layout/width.js';
import { append } from '../server/language/append.js';
import { withoutTrailing } from '../grammar/trailing.js';
import { isWhiteSpace } from '../server/language/whiteSpace.js';

export interface RenderOptions {
  /** Heading levels that run into the paragraph after them ("（一）标题。正文"). */
  runInLevels: number[];
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { runInLevels: [2] };

export type BlockView =
  | { kind: 'heading'; level: number; number: string; text: string; source?: BlockSource }
  /** `lead` is a run-in heading printed at the start of the paragraph. */
  | { kind: 'paragraph'; text: string; lead?: { level: number; number: string; text: string }; source?: BlockSource }
  | { kind: 'signature' };

/**
 * Where a block was written in the report's own file, for the preview (scroll sync, jump to source): each
 * entry says that the printed text from `at` (UTF-16 offset, lead included) on came from source offset
 * `start`. A snippet's blocks point at the `@引用` line that brought them in.
 */
export type BlockSource = Array<{ at: number; start: number }>;

export interface ReportView {
  title: string;
  to: string | undefined;
  blocks: BlockView[];
  org: string | undefined;
  date: string | undefined;
  /** The signature block's lines (署名, then 日期), placed per GB/T 9704 by `signaturePlacement`. */
  signature: SignatureLine[];
  /** 附件说明: the attachments' names, in order (`@附件`). */
  attachments: string[];
  /** 版记 (`@抄送`, `@印发机关`, `@印发日期`), when the report has one. */
  imprint: Imprint | undefined;
}

/** GB/T 9704—2012 7.4: 抄送机关 and 印发机关和印发日期, printed at the foot of an even page. */
export interface Imprint {
  /** 抄送机关, without "抄送：" and the closing "。". */
  cc: string | undefined;
  issuer: string | undefined;
  /** "2021年1月13日印发". */
  issued: string | undefined;
}

/** A line of the signature block and its distance from the right edge of the type area, in full-width columns. */
export interface SignatureLine {
  text: string;
  /** Right indent in full-width columns (a multiple of ½: half-width digits take half a column). */
  right: number;
}

const SENTENCE_END = /[。；;！？!?：:，,、]$/;

export function buildView(model: ReportModel, options: RenderOptions = DEFAULT_RENDER_OPTIONS): ReportView {
  const inline = (nodes: readonly ast.Inline[], scope: Scope) => renderInlines(nodes, scope, model);
  const blocks: BlockView[] = [];
  let pendingLead: { level: number; number: string; text: string } | undefined;
  let signaturePlaced = false;

  let leadSource: BlockSource = [];
  const pushParagraph = (text: string, source: BlockSource) => {
    if (pendingLead) {
      const shift = leadText(pendingLead).length;
      blocks.push({ kind: 'paragraph', text, lead: pendingLead, source: [...leadSource, ...source.map((s) => ({ at: s.at + shift, start: s.start }))] });
      pendingLead = undefined;
    } else blocks.push({ kind: 'paragraph', text, source });
  };
  const flushLead = () => {
    if (pendingLead) blocks.push({ kind: 'heading', ...pendingLead });
    pendingLead = undefined;
  };

  for (const placed of model.blocks) {
    const { block, scope } = placed;
    switch (block.kind) {
      case 'heading': {
        flushLead();
        const view = { level: block.level, number: placed.number ?? '', text: inline(block.content, scope).trim() };
        leadSource = [{ at: 0, start: sourceStart(block.start, scope) }];
        if (options.runInLevels.includes(block.level)) pendingLead = view;
        else blocks.push({ kind: 'heading', ...view, source: leadSource });
        break;
      }
      case 'paragraph': {
        const printed = block.lines.map((line) => inline(line, scope).trim());
        pushParagraph(printed.join(''), linesSource(block.lines, printed, scope));
        break;
      }
      case 'list': {
        const items = block.items.map((item) => item.lines.map((line) => inline(line, scope).trim()).join(''));
        if (block.ordered) {
          flushLead();
          items.forEach((text, i) => blocks.push({ kind: 'paragraph', text: `${placed.itemNumbers?.[i] ?? ''}${text}`, source: [{ at: 0, start: sourceStart(block.items[i]!.start, scope) }] }));
          break;
        }
        const parts = items.map((text, i) => `${runOnOrdinal(i + 1)}${withoutTrailing(text, '。；')}`);
        const runOn = parts.join('；') + '。';
        const itemsSource = (base: number) => {
          let at = base;
          return parts.map((part, i) => {
            const entry = { at, start: sourceStart(block.items[i]!.start, scope) };
            at += part.length + 1;
            return entry;
          });
        };
        const previous = blocks[blocks.length - 1];
        if (block.attached && previous?.kind === 'paragraph' && !pendingLead) {
          if (previous.source) append(previous.source, itemsSource(previous.text.length + (previous.lead ? leadText(previous.lead).length : 0)));
          previous.text += runOn;
        } else pushParagraph(runOn, itemsSource(0));
        break;
      }
      case 'directive':
        if (block.name === '落款' && !signaturePlaced) {
          flushLead();
          blocks.push({ kind: 'signature' });
          signaturePlaced = true;
        }
        break;
    }
  }
  flushLead();
  if (!signaturePlaced) blocks.push({ kind: 'signature' });

  const header = model.header;
  const date = header.date ? formatDate(header.date) : undefined;
  return {
    title: reportTitle(model),
    to: header.values.主送?.text || undefined,
    blocks,
    org: header.org,
    date,
    signature: signaturePlacement(header.org, date),
    attachments: header.attachments,
    imprint: imprintOf(header.values.抄送?.text, header.values.印发机关?.text, header.printedOn),
  };
}

/** The cc names without the punctuation and white space they end with. */
function withoutPunctuationAtEnd(names: string): string {
  let end = names.length;
  while (end > 0 && (isWhiteSpace(names.charCodeAt(end - 1)) || '。；;，,、'.includes(names[end - 1]!))) end--;
  return names.slice(0, end);
}

/**
 * The title as one line: each line break taken out with the white space around it. A loop over the lines,
 * not /\s*\n\s*\/g, which scans every run of white space again from each of its characters.
 */
export function titleOnOneLine(title: string): string {
  const lines = title.split('\n');
  return lines.map((line, i) => {
    const start = i > 0 ? line.trimStart() : line;
    return i < lines.length - 1 ? start.trimEnd() : start;
  }).join('');
}

function imprintOf(cc: string | undefined, issuer: string | undefined, printedOn: ReportDate | undefined): Imprint | undefined {
  const issued = printedOn ? `${formatDate(printedOn)}印发` : undefined;
  const names = (cc && withoutPunctuationAtEnd(cc)) || undefined;
  return names || issuer || issued ? { cc: names, issuer: issuer || undefined, issued } : undefined;
}

/** A source offset in the report's own file: a snippet's text is placed at its outermost `@引用`. */
export function sourceStart(start: number, scope: Scope): number {
  let offset = start;
  for (let s: Scope | undefined = scope; s?.site; s = s.site.scope) offset = s.site.directive.start;
  return offset;
}

function linesSource(lines: readonly ast.Inline[][], printed: readonly string[], scope: Scope): BlockSource {
  let at = 0;
  return lines.map((line, i) => {
    const entry = { at, start: sourceStart(line[0]?.start ?? 0, scope) };
    at += printed[i]!.length;
    return entry;
  });
}

/**
 * GB/T 9704—2012 7.3.5.2 (no seal): the issuing body two characters in from the right; the date on the
 * next line starting two characters right of the body's first character — unless the date is the
 * longer, then the date keeps two characters from the right edge and the body moves left to match.
 * Widths are counted as printed: a half-width digit is half a column. Every output (text, HTML, DOCX)
 * places the signature with these indents.
 */
export function signaturePlacement(org: string | undefined, date: string | undefined): SignatureLine[] {
  const margin = 2;
  if (!org && !date) return [];
  if (!org) return [{ text: date!, right: margin }];
  if (!date) return [{ text: org, right: margin }];
  const orgCells = cellWidth(org);
  const dateCells = cellWidth(date);
  const dateLonger = dateCells + 4 > orgCells; // the date starts 2 columns (4 cells) in from the body
  return [
    { text: org, right: dateLonger ? margin + (dateCells + 4 - orgCells) / 2 : margin },
    { text: date, right: dateLonger ? margin : margin + (orgCells - 4 - dateCells) / 2 },
  ];
}

/** A run-in heading followed by its paragraph: "（一）标题。" + text. */
export function leadText(lead: { number: string; text: string }): string {
  return `${lead.number}${lead.text}${SENTENCE_END.test(lead.text) ? '' : '。'}`;
}

export function reportTitle(model: ReportModel): string {
  const header = model.header;
  const root: Scope = { file: model.file, params: new Map(), parent: undefined, site: undefined };
  if (header.titleInlines?.length) return renderInlines(header.titleInlines, root, model).trim();
  const kind = header.kind ?? '法治政府建设年度报告';
  const what = kind === '法治政府建设年度报告' ? '法治政府建设情况报告' : kind;
  return `${header.org ?? ''}${header.year !== undefined ? `${header.year}年度` : ''}${what}`;
}

/** Inline content → printed text (see server/language/printed.ts). */
export function renderInlines(nodes: readonly ast.Inline[], scope: Scope, model: ReportModel): string {
  return printInlines(nodes, scope, model.figures);
}
