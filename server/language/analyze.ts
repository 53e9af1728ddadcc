// Analysing a report: parse, read the header, expand snippets, number headings, resolve figures, read
// last year's report — the ReportModel of model.ts.
import type * as ast from '../../grammar/index.js';
import { forEachFigure, LineIndex, lineStartsOf } from '../../grammar/index.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { diagnostic } from './makeDiagnostic.js';
import { documentRefusal } from './documentSize.js';
import { FigureTable } from './figures.js';
import { newStructureId, type LastResolutions } from './figureReuse.js';
import { previousReportPath, readHeader, type Header } from './header.js';
import { headingNumber } from './numbering.js';
import type { PlacedBlock, ReportModel, Scope, SourceFile } from './model.js';
import type { PreviousReports } from './previousReports.js';
import { levelOf, sectionsOf } from './sections.js';
import { expandIncludes, type SnippetIndex } from './snippets.js';
import type { ParseCache, Workspace } from './workspace.js';
import { append } from './append.js';

export interface AnalyzeOptions {
  workspace: Workspace;
  snippets: SnippetIndex;
  cache: ParseCache;
  /** Read @上年; off when analysing last year's report itself. */
  followPrevious?: boolean;
  /** Last year's reports analysed before, reused while unchanged (the service keeps them). */
  previousReports?: PreviousReports;
  /** The last resolution of each report's figures, taken over after an edit that touches none (figureReuse.ts). */
  lastResolutions?: LastResolutions;
}

export function analyze(path: string, text: string, options: AnalyzeOptions): ReportModel {
  // Beyond the size bound or not text: the model of an empty report, with one BG905 or BG908 and nothing else (documentSize.ts).
  const refusal = documentRefusal(text, options.cache.countsFor(path, text));
  if (refusal !== undefined) return { ...analyze(path, '', options), notAnalysed: true, diagnostics: [diagnostic(refusal.code, { start: 0, end: 0 }, refusal.message)] };
  const parsed = options.cache.parse(path, text);
  const { document, diagnostics: syntax } = parsed;
  const lineIndex = new LineIndex(text, parsed.lineStarts.length ? () => lineStartsOf(parsed) : undefined);
  const file: SourceFile = { path, text, document, lineIndex };
  const diagnostics: Diagnostic[] = [...syntax];

  const bodyDirectives = document.body.filter((b): b is ast.DirectiveLine => b.kind === 'directive');
  const { header, diagnostics: headerDiagnostics } = readHeader(document.header, bodyDirectives, text);
  append(diagnostics, headerDiagnostics);
  const isSnippet = document.header.some((d) => d.name === '片段');

  const rootScope: Scope = { file, params: new Map(), parent: undefined, site: undefined };
  const expansion = expandIncludes(document, rootScope, header, options);
  append(diagnostics, expansion.diagnostics);

  const figures = new FigureTable(header, isSnippet);
  for (const directive of document.header) if (directive.name === '指标' && directive.metric) figures.define(directive.metric, rootScope, true);
  collectDefinitions(expansion.blocks, figures);

  const previous = options.followPrevious === false || !header.values.上年?.text ? undefined : readPrevious(file, header, options, diagnostics);
  figures.previous = previous?.figures;

  const blocks = expansion.blocks;
  numberHeadings(blocks);
  let structureId: number;
  if (options.lastResolutions) structureId = options.lastResolutions.resolve(path, text, document, figures, expansion.includes.length > 0);
  else {
    figures.resolveAll();
    structureId = newStructureId();
  }
  append(diagnostics, figures.diagnostics);

  // A plain object (a getter in the literal would make every reader's property access slow).
  return { file, header, isSnippet, blocks, sections: sectionsOf(blocks), figures, includes: expansion.includes, previous, diagnostics, structureId };
}

/** Every figure of the placed blocks, in order: a definition is defined, anything else is a use. */
function collectDefinitions(placedBlocks: readonly PlacedBlock[], figures: FigureTable) {
  let scope: Scope;
  // One visitor for every block (not a closure per block): this walks the whole report on each keystroke.
  const visitNode = (node: ast.FigureNode) => {
    if (node.body?.form === 'definition' && !node.broken) figures.define(node, scope, false);
    else figures.use(node, scope);
  };
  // Indexed loops: an iterator's result objects are made until the loop is optimised, on every keystroke.
  for (let i = 0; i < placedBlocks.length; i++) {
    const placed = placedBlocks[i]!;
    scope = placed.scope;
    const block = placed.block;
    switch (block.kind) {
      case 'heading':
        forEachFigure(block.content, visitNode);
        break;
      case 'paragraph':
        for (const line of block.lines) forEachFigure(line, visitNode);
        break;
      case 'list':
        for (const item of block.items) for (const line of item.lines) forEachFigure(line, visitNode);
        break;
      case 'directive':
        if (block.name === '指标' && block.metric) figures.define(block.metric, scope, true);
        else forEachFigure(block.value, visitNode);
        break;
    }
  }
}

function readPrevious(file: SourceFile, header: Header, options: AnalyzeOptions, diagnostics: Diagnostic[]): ReportModel | undefined {
  const target = previousReportPath(header, file.path)!;
  const text = target === file.path ? undefined : options.workspace.readFile(target);
  if (text === undefined) {
    const span = header.values.上年!.span;
    if (target === file.path) {
      diagnostics.push(diagnostic('BG106', span, `“@上年 ${header.values.上年!.text}”指向本报告自身：请写上一年度报告的路径。`));
      return undefined;
    }
    const refused = options.workspace.whyUnreadable?.(target);
    if (refused && refused !== '文件不存在') diagnostics.push(diagnostic('BG902', span, `不读取上年报告“${header.values.上年!.text}”：${refused}。上年报告应是工作区内的 .bg 文件。`));
    else diagnostics.push(diagnostic('BG106', span, `找不到上年报告“${header.values.上年!.text}”（${target}）：请检查“@上年”的路径，它相对于本文件所在的文件夹。`));
    return undefined;
  }
  const analysePrevious = (workspace: Workspace) => analyze(target, text, { ...options, workspace, followPrevious: false });
  return options.previousReports ? options.previousReports.get(target, text, options.workspace, options.snippets, analysePrevious) : analysePrevious(options.workspace);
}

/**
 * Numbers headings 一、（一）1.（1）; items of an ordered list count as headings one level down. The placed
 * blocks are this analysis's own (expandIncludes made them, nothing shares them yet): numbered in place.
 */
function numberHeadings(blocks: readonly PlacedBlock[]): void {
  const counters = [0, 0, 0, 0, 0];
  let currentLevel = 0;
  for (let index = 0; index < blocks.length; index++) {
    const placed = blocks[index]!;
    const block = placed.block;
    if (block.kind === 'heading') {
      const level = levelOf(block);
      counters[level]!++;
      for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
      currentLevel = level;
      placed.number = headingNumber(level, counters[level]!);
    } else if (block.kind === 'list' && block.ordered) {
      const level = Math.min(currentLevel + 1, 4);
      const itemNumbers = new Array<string>(block.items.length);
      for (let i = 0; i < itemNumbers.length; i++) itemNumbers[i] = headingNumber(level, ++counters[level]!);
      placed.itemNumbers = itemNumbers;
    }
  }
}

/** The files a model was made from: its own, the snippets it includes, last year's report (what a remembered result of it depends on). */
export function filesRead(model: ReportModel): Set<string> {
  const path = model.file.path;
  const previous = previousReportPath(model.header, path);
  const reads = new Set([path, ...model.includes.flatMap((i) => (i.snippet ? [i.snippet.path] : []))]);
  if (previous !== undefined) reads.add(previous);
  return reads;
}
