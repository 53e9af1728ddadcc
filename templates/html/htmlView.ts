// The view model arranged for templates/html/report.hbs. Everything is decided here (heading tags, the
// run-in lead, the signature's right indents); the template only places it. Handlebars escapes every
// string it prints, so prose such as "<b>" or "&" shows as typed.
import { leadText, type ReportView } from '../view.js';

export type HtmlBlock =
  | { kind: 'heading'; level: number; tag: string; text: string }
  | { kind: 'paragraph'; text: string; lead?: { level: number; text: string } }
  | { kind: 'signature'; lines: Array<{ text: string; right: number }> };

/** A phrase of the title; `keep` phrases are not broken inside (GB/T 9704: a title wraps between words). */
export interface TitleSegment {
  text: string;
  keep: boolean;
}

export interface HtmlView {
  /** The document's <title>: the report title on one line. */
  title: string;
  /** The printed title, one entry a line, each cut into phrases kept whole when the title wraps. */
  titleLines: TitleSegment[][];
  /** 主送机关 with its closing "：". */
  to: string | undefined;
  blocks: HtmlBlock[];
}

/** Level 1–4 headings are h2–h5 (the report title is the page's h1). */
const HEADING_TAGS = ['h2', 'h3', 'h4', 'h5'] as const;

export function htmlView(view: ReportView): HtmlView {
  return {
    title: view.title.replace(/\s*\n\s*/g, ''),
    titleLines: view.title ? view.title.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => titleSegments(line, view.org)) : [],
    to: view.to ? `${view.to}：` : undefined,
    blocks: view.blocks.flatMap((block): HtmlBlock[] => {
      switch (block.kind) {
        case 'heading':
          return [{ kind: 'heading', level: block.level, tag: HEADING_TAGS[Math.min(4, Math.max(1, block.level)) - 1]!, text: `${block.number}${block.text}` }];
        case 'paragraph':
          return [block.lead ? { kind: 'paragraph', text: block.text, lead: { level: block.lead.level, text: leadText(block.lead) } } : { kind: 'paragraph', text: block.text }];
        case 'signature':
          return view.signature.length ? [{ kind: 'signature', lines: view.signature.map((line) => ({ text: line.text, right: line.right })) }] : [];
      }
    }),
  };
}

/** Characters of 2号 (22 pt) type on the 156 mm line: a longer phrase must be allowed to break. */
const TITLE_LINE_CHARACTERS = 19;

/**
 * Cuts a title line into phrases — the issuing body, the year ("2020年度"), the rest — so that a title too
 * long for one line wraps between them ("北屏乡人民政府2020年度 / 法治政府建设情况报告"), not inside a
 * word ("…2020年 / 度…"). A phrase too long for a line may break anywhere.
 */
export function titleSegments(line: string, org: string | undefined): TitleSegment[] {
  const parts: string[] = [];
  let rest = line;
  if (org && rest.startsWith(org) && rest.length > org.length) {
    parts.push(org);
    rest = rest.slice(org.length);
  }
  const year = rest.match(/^(.*?)(\d{4}\s*年度?)(.*)$/s);
  if (year) parts.push(...[year[1]!, year[2]!, year[3]!].filter(Boolean));
  else parts.push(rest);
  return parts.map((text) => ({ text, keep: Array.from(text).length <= TITLE_LINE_CHARACTERS }));
}
