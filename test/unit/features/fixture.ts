// Cursor-marked fixtures for the editor features, in process over the in-memory workspace: `‸` marks
// the cursor, `«…»` a selection. No server, no build: each feature is called as the server calls it.
import { LanguageService } from '../../../server/language/service.js';
import type { ReportModel } from '../../../server/language/model.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';

export const CURSOR = '‸';

export interface Fixture {
  service: LanguageService;
  workspace: MemoryWorkspace;
  model: ReportModel;
  /** The report's text without the marks. */
  text: string;
  path: string;
  /** Where `‸` was (or the selection's start). */
  offset: number;
  /** The selection `«…»`, if marked. */
  selection: { start: number; end: number } | undefined;
  /** The report and the other files, as the workspace-wide features take them. */
  files: Array<{ path: string; text: string }>;
}

/** A report with marks, and other files of the workspace (snippets, last year's report) by path. */
export function fixture(marked: string, files: Record<string, string> = {}, path = '/w/report.bg'): Fixture {
  let text = '';
  let offset: number | undefined;
  let selStart: number | undefined;
  let selEnd: number | undefined;
  for (const ch of marked) {
    if (ch === CURSOR) offset = text.length;
    else if (ch === '«') selStart = text.length;
    else if (ch === '»') selEnd = text.length;
    else text += ch;
  }
  const workspace = new MemoryWorkspace({ ...files, [path]: text });
  const service = new LanguageService(workspace);
  const selection = selStart !== undefined && selEnd !== undefined ? { start: selStart, end: selEnd } : undefined;
  return {
    service, workspace, text, path, selection,
    model: service.analyze(path, text),
    offset: offset ?? selection?.start ?? 0,
    files: [...workspace.files].map(([p, t]) => ({ path: p, text: t })),
  };
}

/** The text a located span covers, in whichever file of the fixture it is. */
export function spanText(f: Fixture, at: { path?: string; start: number; end: number }): string {
  const text = at.path && at.path !== f.path ? f.workspace.readFile(at.path) ?? '' : f.text;
  return text.slice(at.start, at.end);
}

export const HEAD = '@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2020\n@日期 2021-01-13\n\n';
