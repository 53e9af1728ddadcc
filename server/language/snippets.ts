// Reusable sections (片段): finding snippet files in the snippet folders and expanding `@引用` in place,
// each inclusion with its own parameter scope.
import type * as ast from '../../grammar/index.js';
import { LineIndex } from '../../grammar/index.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { diagnostic, locatedIn } from './makeDiagnostic.js';
import type { Header } from './header.js';
import type { IncludeSite, PlacedBlock, Scope, SnippetFile, SourceFile } from './model.js';
import { isExactDecimal, type Value } from './values.js';
import { basename, dirname, resolvePath } from './corePath.js';
import type { ParseCache, Workspace } from './workspace.js';

/** Default snippet folders, relative to the report's folder. */
export const DEFAULT_SNIPPET_FOLDERS = ['snippets', '片段'];

export class SnippetIndex {
  private readonly listings = new Map<string, SnippetFile[]>();
  /** Bumped by `invalidate`: what was analysed under an older generation may have read other snippets. */
  generation = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly cache: ParseCache,
    /** Extra folders (absolute, or relative to the report's folder). */
    private readonly folders: readonly string[] = [],
  ) {}

  /** Forget what was read: call when snippet files change. */
  invalidate(): void {
    this.generation++;
    this.listings.clear();
  }

  foldersFor(reportPath: string): string[] {
    const here = dirname(reportPath);
    const own = basename(here);
    // A snippet in a snippet folder finds its siblings there too.
    const candidates = [...DEFAULT_SNIPPET_FOLDERS.map((f) => resolvePath(here, f)), ...this.folders.map((f) => resolvePath(here, f))];
    if (DEFAULT_SNIPPET_FOLDERS.includes(own)) candidates.unshift(here);
    return [...new Set(candidates)];
  }

  /** Every snippet visible from a report, first found first; duplicates by name are all listed. */
  snippetsFor(reportPath: string): SnippetFile[] {
    return this.foldersFor(reportPath).flatMap((folder) => this.listing(folder));
  }

  find(name: string, reportPath: string): SnippetFile[] {
    return this.snippetsFor(reportPath).filter((s) => s.name === name);
  }

  private listing(folder: string): SnippetFile[] {
    let files = this.listings.get(folder);
    if (!files) {
      files = [];
      for (const path of this.workspace.listReports(folder)) {
        const text = this.workspace.readFile(path);
        if (text === undefined) continue;
        const { document } = this.cache.parse(path, text);
        const declaration = document.header.find((d) => d.name === '片段');
        const params = document.header.filter((d) => d.name === '参数').flatMap((d) => d.args.map((a) => a.name.text));
        files.push({ name: declaration?.args[0]?.name.text ?? basename(path, '.bg'), path, params });
      }
      this.listings.set(folder, files);
    }
    return files;
  }
}

export interface Expansion {
  blocks: PlacedBlock[];
  includes: IncludeSite[];
  diagnostics: Diagnostic[];
}

/** Snippets nested deeper than this are not expanded (BG903). */
export const MAX_INCLUDE_DEPTH = 20;
/** At most this many inclusions in one report, all levels together (BG903): ten snippets that each
 * include the next ten times would otherwise expand ten billion times. */
export const MAX_INCLUSIONS = 1000;
/** At most this many blocks in the expanded report (BG903). */
export const MAX_EXPANDED_BLOCKS = 200_000;

/**
 * The snippets a report sees, looked up once (a report may have a thousand @引用 lines), and only for a
 * report that has one: the folders are listed and every snippet file is read.
 */
function snippetsSeenFrom(snippets: SnippetIndex, reportPath: string): () => { visible: SnippetFile[]; byName: Map<string, SnippetFile[]> } {
  let seen: { visible: SnippetFile[]; byName: Map<string, SnippetFile[]> } | undefined;
  return () => {
    if (!seen) {
      const visible = snippets.snippetsFor(reportPath);
      const byName = new Map<string, SnippetFile[]>();
      for (const s of visible) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
      seen = { visible, byName };
    }
    return seen;
  };
}

/**
 * The placed blocks of an expansion, in an array made for the report's own blocks (a keystroke expands them
 * all again) and grown only by snippets' blocks; each with the fields numberHeadings (analyze.ts) fills in
 * from the start (one shape).
 */
class PlacedList {
  readonly blocks: PlacedBlock[];
  count = 0;

  constructor(size: number) {
    this.blocks = new Array<PlacedBlock>(size);
  }

  place(block: ast.Block, scope: Scope): void {
    this.blocks[this.count++] = { block, scope, number: undefined, itemNumbers: undefined };
  }

  /** Cuts the array to the blocks placed (an @引用 without a name places nothing). */
  cut(): void {
    this.blocks.length = this.count;
  }
}

export function expandIncludes(
  document: ast.ReportDocument,
  root: Scope,
  header: Header,
  options: { workspace: Workspace; snippets: SnippetIndex; cache: ParseCache },
): Expansion {
  const placed = new PlacedList(document.body.length);
  const place = (block: ast.Block, scope: Scope) => placed.place(block, scope);
  const out: Expansion = { blocks: placed.blocks, includes: [], diagnostics: [] };
  const rootPath = root.file.path;

  const located = (d: Diagnostic, scope: Scope): Diagnostic => locatedIn(d, scope.file, root.file);
  const tell = onceEach(out.diagnostics);
  const visibleSnippets = snippetsSeenFrom(options.snippets, rootPath);
  const readSnippet = snippetReader(options);
  let inclusions = 0;
  let overLimit = false;
  /** The expansion budget is spent: said once, at the first @引用 not expanded. */
  const spent = (at: ast.Span, scope: Scope): boolean => {
    if (inclusions < MAX_INCLUSIONS && placed.count < MAX_EXPANDED_BLOCKS) return false;
    if (!overLimit) {
      overLimit = true;
      const what = inclusions >= MAX_INCLUSIONS ? `共 ${MAX_INCLUSIONS} 次` : `共 ${MAX_EXPANDED_BLOCKS} 段`;
      tell(located(diagnostic('BG903', at, `片段展开超过上限（${what}）：此处及其后的“@引用”不再展开。请检查片段之间是否反复互相引用。`), scope));
    }
    return true;
  };

  const expand = (blocks: readonly ast.Block[], scope: Scope, stack: string[]) => {
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.kind !== 'directive' || block.name !== '引用' || overLimit) {
        place(block, scope);
        continue;
      }
      const nameArg = block.args[0];
      if (!nameArg) {
        tell(located(diagnostic('BG301', block.written, '“@引用”后应写片段名称，例如“@引用 法律顾问制度”。'), scope));
        continue;
      }
      const name = nameArg.name.text;
      const found = visibleSnippets().byName.get(name) ?? [];
      const snippet = found[0];
      const site: IncludeSite = { directive: block, scope, name, snippet };
      out.includes.push(site);
      place(block, scope);
      if (!snippet) {
        tell(located(notFound(name, nameArg.name, visibleSnippets().visible), scope));
        continue;
      }
      if (found.length > 1) {
        tell(located(diagnostic('BG305', nameArg.name, `有 ${found.length} 个片段都叫“${name}”（${found.map((s) => s.path).join('、')}），使用第一个。`), scope));
      }
      const refused = notExpanded(name, nameArg.name, snippet, stack);
      if (refused) {
        tell(located(refused, scope));
        continue;
      }
      if (spent(nameArg.name, scope)) continue;
      inclusions++;
      const read = readSnippet(snippet.path);
      if (!read) continue;
      // A file object of its own per inclusion: a figure's value is looked up by the scope's file.
      const parsed = read.parsed;
      const file: SourceFile = { ...read.file };
      for (const d of parsed.diagnostics) tell({ ...d, uri: snippet.path }); // once per snippet: `tell` drops repeats
      const missing = new Set<string>();
      const params = bindParams(block, snippet, scope, header, missing, (d) => tell(located(d, scope)));
      const inner: Scope = { file, params, missing, parent: scope, site };
      // A snippet's own @指标 lines sit in its header; they define figures like the ones in its body.
      for (const d of parsed.document.header) if (d.name === '指标') place(d, inner);
      expand(parsed.document.body, inner, [...stack, snippet.path]);
    }
  };
  expand(document.body, root, [rootPath]);
  placed.cut();
  return out;
}

/** Pushes each diagnostic once: a snippet included many times would repeat its problems at one place. */
function onceEach(into: Diagnostic[]): (d: Diagnostic) => void {
  const told = new Set<string>();
  return (d) => {
    const key = `${d.code}|${d.uri ?? ''}|${d.start}|${d.end}`;
    if (told.has(key)) return;
    told.add(key);
    into.push(d);
  };
}

function notFound(name: string, at: ast.Span, visible: readonly SnippetFile[]): Diagnostic {
  const known = [...new Set(visible.map((s) => s.name))];
  const hint = known.length ? `已有的片段：${known.slice(0, 12).join('、')}。` : `片段放在报告旁的 snippets/ 或 片段/ 文件夹中。`;
  return diagnostic('BG301', at, `找不到片段“${name}”。${hint}`);
}

/** Why an @引用 of a found snippet is not expanded: a cycle (BG302), or nesting too deep (BG903). */
function notExpanded(name: string, at: ast.Span, snippet: SnippetFile, stack: readonly string[]): Diagnostic | undefined {
  if (stack.includes(snippet.path)) return diagnostic('BG302', at, `片段“${name}”循环引用：${[...stack.map((p) => basename(p, '.bg')), name].join(' → ')}。`);
  if (stack.length > MAX_INCLUDE_DEPTH) {
    return diagnostic('BG903', at, `片段嵌套超过上限（${MAX_INCLUDE_DEPTH} 层）：“${name}”不再展开（${[...stack.slice(1, 4).map((p) => basename(p, '.bg')), '…', name].join(' → ')}）。`);
  }
  return undefined;
}

/** Reads a snippet for an expansion: a snippet included many times is read, parsed and line-indexed once. */
function snippetReader(options: { workspace: Workspace; cache: ParseCache }) {
  const files = new Map<string, { file: SourceFile; parsed: ReturnType<ParseCache['parse']> } | undefined>();
  return (path: string) => {
    if (!files.has(path)) {
      const text = options.workspace.readFile(path);
      const parsed = text === undefined ? undefined : options.cache.parse(path, text);
      files.set(path, parsed && { file: { path, text: text!, document: parsed.document, lineIndex: new LineIndex(text!) }, parsed });
    }
    return files.get(path);
  };
}

/** Arguments given at the @引用 line; a parameter not given falls back to the report's header value. */
function bindParams(directive: ast.DirectiveLine, snippet: SnippetFile, scope: Scope, header: Header, missing: Set<string>, report: (d: Diagnostic) => void): Map<string, Value> {
  const params = new Map<string, Value>();
  for (const arg of directive.args.slice(1)) {
    if (!snippet.params.includes(arg.name.text)) {
      report(diagnostic('BG304', arg.name, `片段“${snippet.name}”没有参数“${arg.name.text}”。${snippet.params.length ? `它的参数是：${snippet.params.join('、')}。` : '它没有声明参数。'}`));
      continue;
    }
    const text = arg.value?.text ?? '';
    params.set(arg.name.text, /^\d+(\.\d+)?$/.test(text) ? { type: 'number', value: Number(text), unit: undefined, percent: false, qualifier: undefined, decimals: undefined, ...(isExactDecimal(text) ? {} : { exact: text }) } : { type: 'text', text });
  }
  for (const param of snippet.params) {
    if (params.has(param) || inheritedParam(scope, param) || headerHas(header, param)) continue;
    missing.add(param);
    report(diagnostic('BG303', directive.args[0]!.name, `片段“${snippet.name}”需要参数“${param}”：写成“@引用 ${snippet.name} ${param}=…”，或在文头写“@${param}”。`));
  }
  return params;
}

function inheritedParam(scope: Scope | undefined, name: string): boolean {
  for (let s = scope; s; s = s.parent) if (s.params.has(name)) return true;
  return false;
}

function headerHas(header: Header, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(header.values, name) && header.values[name as keyof Header['values']]!.text !== '';
}
