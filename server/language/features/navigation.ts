// Go to definition, find references, prepare rename and rename for figures, labels and snippets; a header
// value's rename changes its value (headerRename.ts).
import type { ReportModel } from '../model.js';
import type { LanguageService } from '../service.js';
import { previousReportPath } from '../header.js';
import { prepareHeaderRename, renameHeaderValue } from './headerRename.js';
import { figureOccurrences, isHeaderName, labelOccurrences, targetAt, type Location, type Range } from './locate.js';

export interface FileText {
  path: string;
  text: string;
}

export function definition(service: LanguageService, model: ReportModel, offset: number): Location[] {
  const target = targetAt(model, offset);
  if (!target) return [];
  switch (target.kind) {
    case 'figure': {
      if (target.header) {
        const value = model.header.values[target.name as '年度'];
        return value ? [{ path: model.file.path, ...value.directive }] : [];
      }
      return figureOccurrences(model, target.name).filter((o) => o.definition);
    }
    case 'label':
      return labelOccurrences(model, target.name).filter((o) => o.definition);
    case 'include': {
      const snippets = service.snippets.find(target.name, model.file.path);
      return snippets.map((s) => ({ path: s.path, start: 0, end: 0 }));
    }
    case 'previous': {
      const path = previousReportPath(model.header, model.file.path);
      return path ? [{ path, start: 0, end: 0 }] : [];
    }
    default:
      return [];
  }
}

/** @引用 sites naming a snippet, in the given report texts. */
export function includeSites(service: LanguageService, reports: readonly FileText[], name: string): Location[] {
  const out: Location[] = [];
  for (const file of reports) {
    const { document } = service.cache.parse(file.path, file.text);
    for (const line of document.lines) {
      if (line.kind === 'directive' && line.name === '引用' && line.args[0]?.name.text === name) out.push({ path: file.path, start: line.args[0].name.start, end: line.args[0].name.end });
    }
  }
  return out;
}

/** The @片段 declaration lines of snippets with a name, visible from a report. */
function snippetDeclarations(service: LanguageService, fromPath: string, name: string): Location[] {
  const out: Location[] = [];
  for (const snippet of service.snippets.find(name, fromPath)) {
    const text = service.workspace.readFile(snippet.path);
    if (text === undefined) continue;
    const decl = service.cache.parse(snippet.path, text).document.header.find((d) => d.name === '片段');
    if (decl?.args[0]) out.push({ path: snippet.path, start: decl.args[0].name.start, end: decl.args[0].name.end });
  }
  return out;
}

export function references(service: LanguageService, model: ReportModel, offset: number, includeDeclaration: boolean, reports: readonly FileText[]): Location[] {
  const target = targetAt(model, offset);
  if (!target) return [];
  let found: Array<Location & { definition?: boolean }> = [];
  switch (target.kind) {
    case 'figure': {
      found = figureOccurrences(model, target.name);
      // A header value ({年度}, {机关}): its directive is the declaration.
      const value = target.header ? model.header.values[target.name as '年度'] : undefined;
      if (value) found.unshift({ path: model.file.path, ...value.directive, definition: true });
      break;
    }
    case 'label':
      found = labelOccurrences(model, target.name);
      break;
    case 'include':
    case 'snippet': {
      const declarations = target.kind === 'snippet' ? [{ path: model.file.path, ...target.span }] : snippetDeclarations(service, model.file.path, target.name);
      found = [...declarations.map((d) => ({ ...d, definition: true })), ...includeSites(service, reports, target.name)];
      break;
    }
    default:
      return [];
  }
  const seen = new Set<string>();
  return found
    .filter((o) => includeDeclaration || !o.definition)
    .filter((o) => {
      const key = `${o.path}:${o.start}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map(({ path, start, end }) => ({ path, start, end }));
}

export type PrepareResult = { ok: true; range: Range; placeholder: string } | { ok: false; message: string };

export function prepareRename(model: ReportModel, offset: number): PrepareResult {
  const target = targetAt(model, offset);
  if (!target) return { ok: false, message: '这里没有可以重命名的指标、标签或片段。' };
  switch (target.kind) {
    case 'figure':
      if (target.header) return prepareHeaderRename(model, target.name, target.span);
      return { ok: true, range: target.span, placeholder: target.name };
    case 'label':
    case 'include':
    case 'snippet':
      return { ok: true, range: target.span, placeholder: target.name };
    default:
      return { ok: false, message: '这里没有可以重命名的指标、标签或片段。' };
  }
}

export interface FileEdit extends Location {
  newText: string;
}

const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Words a figure's braces read as the language's own: `{调处 同比}`, `{约 = 5000份}`, `_/调处`, a check's code. */
const RESERVED_FIGURE_NAME = /^(?:同比|增减|[约近逾超]|_|[Bb][Gg][0-9]{3}.*)$/u;

/** Why `name` cannot be the new name of a figure, label or snippet: it is another's already (the two would be
 * merged into one, silently changing what the report says), or a word of the language; undefined when free. */
function takenName(service: LanguageService, model: ReportModel, kind: string, name: string): string | undefined {
  if (kind === 'figure') {
    if (isHeaderName(name)) return `“${name}”是文头的值（{${name}}），不能用作指标的名称：请换一个名称。`;
    if (RESERVED_FIGURE_NAME.test(name)) return `“${name}”在花括号里有特定含义，不能用作指标的名称：请换一个名称。`;
    if (figureOccurrences(model, name).length > 0) return `本报告已有指标“${name}”：改成它会把两个指标合而为一，请换一个名称。`;
  } else if (kind === 'label') {
    if (labelOccurrences(model, name).length > 0) return `本报告已有标签“${name}”：改成它会把两处标签合而为一，请换一个名称。`;
  } else if (service.snippets.find(name, model.file.path).length > 0) return `已有名为“${name}”的片段：改成它会让引用指向那个片段，请换一个名称。`;
  return undefined;
}

/** Edits per file, or an error message. */
export function rename(service: LanguageService, model: ReportModel, offset: number, newName: string, reports: readonly FileText[]): FileEdit[] | string {
  const prepared = prepareRename(model, offset);
  if (!prepared.ok) return prepared.message;
  const target = targetAt(model, offset)!;
  if (target.kind === 'figure' && target.header) return renameHeaderValue(model, target.name, newName);
  const name = newName.trim();
  if (!NAME.test(name)) return `“${newName}”不是有效的名称：名称由汉字、字母和数字组成，且不以数字开头。`;
  if (name !== prepared.placeholder) {
    const taken = takenName(service, model, target.kind, name);
    if (taken) return taken;
  }
  let locations: Location[];
  if (target.kind === 'figure') locations = figureOccurrences(model, target.name);
  else if (target.kind === 'label') locations = labelOccurrences(model, target.name);
  else locations = references(service, model, offset, true, reports);
  return locations.map((l) => ({ ...l, newText: name }));
}
