// Reusable sections (片段): finding snippet files in the snippet folders and expanding `@引用` in place,
// each inclusion with its own parameter scope.
import type * as ast from '../../grammar/index.js';
import { LineIndex } from '../../grammar/index.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { diagnostic, locatedIn } from './makeDiagnostic.js';
import type { Header } from './header.js';
import type { IncludeSite, PlacedBlock, Scope, SnippetFile, SourceFile } from './model.js';
import type { Value } from './values.js';
import { basename, dirname, resolvePath, type ParseCache, type Workspace } from './workspace.js';

/** Default snippet folders, relative to the report's folder. */
export const DEFAULT_SNIPPET_FOLDERS = ['snippets', '片段'];

export class SnippetIndex {
  private readonly listings = new Map<string, SnippetFile[]>();

  constructor(
    private readonly workspace: Workspace,
    private readonly cache: ParseCache,
    /** Extra folders (absolute, or relative to the report's folder). */
    private readonly folders: readonly string[] = [],
  ) {}

  /** Forget what was read: call when snippet files change. */
  invalidate(): void {
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

const MAX_DEPTH = 20;

export function expandIncludes(
  document: ast.ReportDocument,
  root: Scope,
  header: Header,
  options: { workspace: Workspace; snippets: SnippetIndex; cache: ParseCache },
): Expansion {
  const out: Expansion = { blocks: [], includes: [], diagnostics: [] };
  const reportedSnippets = new Set<string>();
  const rootPath = root.file.path;

  const located = (d: Diagnostic, scope: Scope): Diagnostic => locatedIn(d, scope.file, root.file);

  const expand = (blocks: readonly ast.Block[], scope: Scope, stack: string[]) => {
    for (const block of blocks) {
      if (block.kind !== 'directive' || block.name !== '引用') {
        out.blocks.push({ block, scope });
        continue;
      }
      const nameArg = block.args[0];
      if (!nameArg) {
        out.diagnostics.push(located(diagnostic('BG301', block.written, '“@引用”后应写片段名称，例如“@引用 法律顾问制度”。'), scope));
        continue;
      }
      const name = nameArg.name.text;
      const found = options.snippets.find(name, rootPath);
      const snippet = found[0];
      const site: IncludeSite = { directive: block, scope, name, snippet };
      out.includes.push(site);
      out.blocks.push({ block, scope });
      if (!snippet) {
        const known = options.snippets.snippetsFor(rootPath).map((s) => s.name);
        const hint = known.length ? `已有的片段：${[...new Set(known)].slice(0, 12).join('、')}。` : `片段放在报告旁的 snippets/ 或 片段/ 文件夹中。`;
        out.diagnostics.push(located(diagnostic('BG301', nameArg.name, `找不到片段“${name}”。${hint}`), scope));
        continue;
      }
      if (found.length > 1) {
        out.diagnostics.push(located(diagnostic('BG305', nameArg.name, `有 ${found.length} 个片段都叫“${name}”（${found.map((s) => s.path).join('、')}），使用第一个。`), scope));
      }
      if (stack.includes(snippet.path) || stack.length >= MAX_DEPTH) {
        out.diagnostics.push(located(diagnostic('BG302', nameArg.name, `片段“${name}”循环引用：${[...stack.map((p) => basename(p, '.bg')), name].join(' → ')}。`), scope));
        continue;
      }
      const text = options.workspace.readFile(snippet.path);
      if (text === undefined) continue;
      const parsed = options.cache.parse(snippet.path, text);
      const file: SourceFile = { path: snippet.path, text, document: parsed.document, lineIndex: new LineIndex(text) };
      if (!reportedSnippets.has(snippet.path)) {
        reportedSnippets.add(snippet.path);
        for (const d of parsed.diagnostics) out.diagnostics.push({ ...d, uri: snippet.path });
      }
      const missing = new Set<string>();
      const params = bindParams(block, snippet, scope, header, missing, (d) => out.diagnostics.push(located(d, scope)));
      const inner: Scope = { file, params, missing, parent: scope, site };
      // A snippet's own @指标 lines sit in its header; they define figures like the ones in its body.
      for (const d of parsed.document.header) if (d.name === '指标') out.blocks.push({ block: d, scope: inner });
      expand(parsed.document.body, inner, [...stack, snippet.path]);
    }
  };
  expand(document.body, root, [rootPath]);
  return out;
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
    params.set(arg.name.text, /^\d+(\.\d+)?$/.test(text) ? { type: 'number', value: Number(text), unit: undefined, percent: false, qualifier: undefined, decimals: undefined } : { type: 'text', text });
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
