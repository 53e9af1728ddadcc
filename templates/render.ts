// Rendering: view model → paged layout (templates/layout/document.ts) → Handlebars template → output. Every
// line and page is decided in tested layout code before the template sees it, never inside it.
import Handlebars from 'handlebars';
import { existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportModel } from '../server/language/model.js';
import { readTextFile } from '../server/node/files.js';
import { isInside } from '../server/node/paths.js';
import { alignRight } from './layout/align.js';
import { GBT9704_LAYOUT, layoutLines, layoutReport, plainLine, type LaidLine, type LayoutOptions, type PagedLayout } from './layout/document.js';
import { printPages } from './layout/paginate.js';
import { LINE_COLUMNS } from './layout/width.js';
import { htmlView } from './html/htmlView.js';
import { buildView, DEFAULT_RENDER_OPTIONS, leadText, signaturePlacement, type RenderOptions, type ReportView } from './view.js';

import { type OutputFormat, type TextFormat } from './formats.js';
export { OUTPUT_FORMATS, isOutputFormat, type OutputFormat, type TextFormat } from './formats.js';

/** A report in any output format: text, or the bytes of a Word file for DOCX. */
export async function renderOutput(model: ReportModel, format: OutputFormat, options: Partial<TextLayoutOptions> = {}): Promise<string | Uint8Array> {
  // Loaded when asked for: the Word writer is large and most renderings are text.
  if (format === 'docx') return (await import('./docx/writeDocx.js')).renderDocx(model);
  return render(model, format, options);
}

export interface TextLayoutOptions extends RenderOptions {
  /** Full-width columns a line (GB/T 9704: 28). */
  width: number;
  /** Split into pages of 22 lines with "— N —" page numbers. */
  pages: boolean;
  linesPerPage: number;
  /** Folders searched first for `<format>/report.hbs`: the writer's own templates. */
  templateFolders: string[];
}

export const DEFAULT_LAYOUT: TextLayoutOptions = { ...DEFAULT_RENDER_OPTIONS, width: LINE_COLUMNS, pages: false, linesPerPage: 22, templateFolders: [] };

export function render(model: ReportModel, format: TextFormat, options: Partial<TextLayoutOptions> = {}): string {
  const layout = { ...DEFAULT_LAYOUT, ...options };
  const view = buildView(model, layout);
  const template = compiledTemplate(format, layout.templateFolders, model.header.values.模板?.text);
  if (format === 'md') return normaliseBlankLines(template(markdownView(view)));
  if (format === 'html') return template({ ...htmlView(view, layoutReport(view, GBT9704_LAYOUT)), stylesheet: stylesheet(layout.templateFolders) });
  return template({ lines: textLines(view, layout) });
}

/**
 * The report's pages as every output prints them (GB/T 9704: 22 lines of 28 columns): the lines, their type
 * (`lineRuns`), indents and page numbers. For a preview that draws the pages itself; `render(…, 'html')` draws them.
 */
export function reportPages(model: ReportModel, options: Partial<RenderOptions & LayoutOptions> = {}): PagedLayout {
  const view = buildView(model, { ...DEFAULT_RENDER_OPTIONS, ...options });
  return layoutReport(view, { ...GBT9704_LAYOUT, ...options });
}

/** The text output's lines: the layout's lines, or with `pages` its pages with form feeds and page numbers. */
function textLines(view: ReportView, layout: TextLayoutOptions): string[] {
  const printed = (line: LaidLine) => plainLine(line, layout.width);
  if (!layout.pages) {
    const lines = layoutLines(view, layout.width).map(printed);
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
  const paged = layoutReport(view, { width: layout.width, linesPerPage: layout.linesPerPage });
  const text = printPages(paged.pages.map((page) => ({ lines: page.lines.map(printed), number: page.numbered ? page.number : undefined })), layout.linesPerPage, layout.width);
  return text.replace(/\n$/, '').split('\n');
}

/**
 * GB/T 9704—2012 7.3.5.2 (no seal) on the text grid: one blank line below the text, then the body and the
 * date at the right indents `signaturePlacement` (templates/view.ts) decides for every output.
 */
export function signatureLines(org: string | undefined, date: string | undefined, width: number): string[] {
  const placed = signaturePlacement(org, date);
  return placed.length ? ['', ...placed.map((line) => alignRight(line.text, width, line.right))] : [];
}

function markdownView(view: ReportView) {
  return {
    ...view,
    title: escapeMarkdown(view.title),
    to: view.to && escapeMarkdown(view.to),
    // The signature sits in an HTML <p>, where Markdown escapes mean nothing: escaped as HTML.
    org: view.org && Handlebars.escapeExpression(view.org),
    date: view.date && Handlebars.escapeExpression(view.date),
    blocks: view.blocks.map((block) => {
      if (block.kind === 'heading') return { ...block, text: escapeMarkdown(block.text) };
      if (block.kind === 'paragraph') return { ...block, text: escapeMarkdown(block.text), lead: block.lead ? escapeMarkdown(leadText(block.lead)) : undefined };
      return block;
    }),
  };
}

/** Escapes what Markdown would read as markup, so prose prints as typed. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function normaliseBlankLines(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

// ---- templates: compiled once, looked up in the writer's folders first

const handlebars = Handlebars.create();
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
handlebars.registerHelper('hashes', (level: number) => '#'.repeat(Math.min(6, level + 1)));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

function compiledTemplate(format: TextFormat, userFolders: string[], named: string | undefined): Handlebars.TemplateDelegate {
  const file = findTemplate(format, userFolders, named);
  let template = compiled.get(file);
  if (!template) {
    // Text and Markdown print prose as typed (Markdown escapes itself); HTML is escaped by Handlebars.
    const run = handlebars.compile(readTextFile(file, 1024 * 1024).text, { noEscape: format !== 'html', strict: false });
    // Handlebars compiles on first use: a syntax error surfaces here, and names the file and line.
    template = (context: unknown) => {
      try {
        return run(context);
      } catch (error) {
        throw templateError(file, error);
      }
    };
    compiled.set(file, template);
  }
  return template;
}

/** A template that cannot be used, said in Chinese: which file, which line, and Handlebars' own words. */
export function templateError(file: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/i.exec(message)?.[1] ?? (error as { lineNumber?: number })?.lineNumber;
  const detail = message.split('\n')[0]!.replace(/^Parse error on line \d+:?\s*/i, '').trim();
  return new Error(`模板文件“${file}”${line ? `第 ${line} 行` : ''}有误，无法排版${detail ? `（Handlebars：${detail}）` : ''}。请改正该模板，或删去它以使用内置模板。`);
}

function findTemplate(format: TextFormat, userFolders: string[], named: string | undefined): string {
  // @模板 names a folder inside a template folder: a path (../x, /etc) would leave it.
  if (named !== undefined && /[/\\]|^\.\.?$/.test(named)) named = undefined; // told by BG902
  const candidates = [
    ...userFolders.flatMap((folder) => [named ? path.join(folder, named, format, 'report.hbs') : '', path.join(folder, format, 'report.hbs')].filter((c) => c && staysInside(c, folder))),
    path.join(builtInTemplates(), format, 'report.hbs'),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`找不到 ${format} 模板（查找了：${candidates.join('，')}）`);
  return found;
}

/** The HTML output's stylesheet (`html/report.css`), from the writer's folders first; inlined so the page stands alone. */
function stylesheet(userFolders: string[]): string {
  const candidates = [...userFolders.map((folder) => path.join(folder, 'html', 'report.css')).filter((c) => staysInside(c, path.dirname(path.dirname(c)))), path.join(builtInTemplates(), 'html', 'report.css')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`找不到 HTML 样式表（查找了：${candidates.join('，')}）`);
  return readTextFile(found, 1024 * 1024).text;
}

/** A template found through a symlink that leads out of its template folder is not used. */
function staysInside(candidate: string, folder: string): boolean {
  try {
    return isInside(realpathSync(candidate), realpathSync(folder));
  } catch {
    return false;
  }
}

/** The bundled templates folder: beside this module in the source tree, one level up from dist/. */
export function builtInTemplates(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [here, path.join(here, '..', 'templates'), path.join(here, 'templates')]) {
    if (existsSync(path.join(candidate, 'txt', 'report.hbs'))) return candidate;
  }
  throw new Error(`找不到内置模板文件夹（从 ${here} 查找）`);
}
