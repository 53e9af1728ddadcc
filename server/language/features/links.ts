// Document links: @引用 to the snippet file, @上年 to last year's report.
import type { ReportModel } from '../model.js';
import { previousReportPath } from '../header.js';

export interface DocumentLink {
  start: number;
  end: number;
  path: string;
  tooltip: string;
}

export function documentLinks(model: ReportModel): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const site of model.includes) {
    if (site.scope.file !== model.file || !site.snippet) continue;
    const name = site.directive.args[0]!.name;
    out.push({ start: name.start, end: name.end, path: site.snippet.path, tooltip: `打开片段“${site.name}”` });
  }
  const previous = model.header.values.上年;
  const path = previousReportPath(model.header, model.file.path);
  if (previous && path) {
    out.push({ start: previous.span.start, end: previous.span.end, path, tooltip: '打开上年报告' });
  }
  return out;
}
