// Document highlights: with the cursor on a figure, every place of this file that writes its name lights
// up (its definition marked as written, the uses and formula operands as read) — which rates use this
// count, at a glance. The same for a header value and its {年度} uses, a label, an @引用 of a snippet,
// and a cited title quoted again. Only the report's own file is read: the editor asks at every move of the
// cursor, and the snippets' blocks are not made for it.
import { forEachInline } from '../../../grammar/index.js';
import type { ReportModel } from '../model.js';
import { citationTitle, figureOccurrencesIn, labelOccurrencesIn, targetAt, type Range } from './locate.js';

export interface Highlight extends Range {
  kind: 'text' | 'read' | 'write';
}

export function documentHighlights(model: ReportModel, offset: number): Highlight[] {
  const target = targetAt(model, offset);
  if (!target) return [];
  switch (target.kind) {
    case 'figure': {
      const out: Highlight[] = figureOccurrencesIn(model.file, target.name).map((o) => ({ start: o.start, end: o.end, kind: o.definition ? 'write' : 'read' }));
      const header = target.header ? model.header.values[target.name as '年度'] : undefined;
      if (header && header.span.end > header.span.start && model.file.document.header.includes(header.directive)) {
        out.push({ start: header.span.start, end: header.span.end, kind: 'write' });
      }
      return out.sort((a, b) => a.start - b.start);
    }
    case 'label':
      return labelOccurrencesIn(model.file, target.name).map((o) => ({ start: o.start, end: o.end, kind: o.definition ? 'write' : 'read' }));
    case 'include':
    case 'snippet':
      return model.file.document.lines.flatMap((line): Highlight[] => {
        const name = line.kind === 'directive' && (line.name === '引用' || line.name === '片段') ? line.args[0]?.name : undefined;
        return name?.text === target.name ? [{ start: name.start, end: name.end, kind: 'text' }] : [];
      });
    case 'citation': {
      const text = model.file.text;
      const out: Highlight[] = [];
      for (const line of model.file.document.lines) {
        if (line.kind !== 'text' && line.kind !== 'item' && line.kind !== 'heading') continue;
        forEachInline(line.content, (node) => {
          if (node.kind === 'citation' && citationTitle(node, text) === target.title) out.push({ start: node.start, end: node.end, kind: 'text' });
        });
      }
      return out;
    }
    default:
      return [];
  }
}
