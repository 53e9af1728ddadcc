// Hover: a figure's value, formula and computed result; a citation's registry entry; a snippet's text
// with its parameters filled in; a heading's rendered number. Markdown text, offsets for the range.
import type * as ast from '../../../grammar/index.js';
import { inlineText } from '../../../grammar/index.js';
import { printInlines } from '../printed.js';
import type { ReportModel, Scope } from '../model.js';
import { formatValue } from '../values.js';
import { describeFigure } from '../figureDescription.js';
import { targetAt, type Range } from './locate.js';
import { BUILTIN_CITATIONS, matchTitle, type CitationEntry } from '../checks/citations.js';


export interface HoverResult extends Range {
  markdown: string;
}

export function hover(model: ReportModel, offset: number, citations: readonly CitationEntry[] = BUILTIN_CITATIONS): HoverResult | undefined {
  const target = targetAt(model, offset);
  if (!target) return undefined;
  const text = model.file.text;
  switch (target.kind) {
    case 'figure': {
      const header = model.figures.headerValue(target.name);
      if (target.header || (header && !model.figures.definitions.has(target.name))) {
        return { ...target.span, markdown: `**${target.name}**（文头值）= ${header ? formatValue(header) : '未设置'}` };
      }
      const def = model.figures.definitions.get(target.name);
      if (!def) return { ...target.span, markdown: `**${target.name}**：未定义的指标` };
      const figure = describeFigure(def);
      const lines = [`**${figure.name}** = ${figure.printed ?? '（无法计算）'}`];
      if (figure.formula !== undefined) lines.push(`公式：\`${figure.formula}\``);
      if (figure.check !== undefined) lines.push(`校验公式：\`${figure.check}\` = ${figure.computed ?? '—'}`);
      lines.push(`定义于${figure.path === model.file.path ? '' : ` ${figure.path} 的`}第${figure.line + 1}行${figure.hidden ? '（@指标，不打印）' : ''}`);
      return { ...target.span, markdown: lines.join('\n\n') };
    }
    case 'citation': {
      const match = matchTitle(target.title, citations);
      const span = { start: target.node.start, end: target.node.end };
      if (!match) return { ...span, markdown: `《${target.title}》\n\n（登记表中没有这个标题）` };
      const entry = match.entry;
      const inForce = entry.validFrom !== undefined ? `现行：${entry.validFrom}年${entry.validTo !== undefined ? `—${entry.validTo}年` : '起'}` : undefined;
      const details = [
        match.kind !== 'exact' && `正式名称：《${entry.title}》`,
        entry.issuer && `发文机关：${entry.issuer}`,
        entry.number && `文号：${entry.number}`,
        entry.date && `日期：${entry.date}`,
        inForce,
        entry.supersededBy && `已被《${entry.supersededBy}》取代`,
      ].filter(Boolean);
      return { ...span, markdown: `《${target.title}》${details.length ? `\n\n${details.join('\n\n')}` : ''}` };
    }
    case 'include': {
      const site = target.site;
      if (!site?.snippet) return { ...target.span, markdown: `片段“${target.name}”：找不到` };
      return { ...target.span, markdown: `**片段 ${site.name}**（${site.snippet.path}）\n\n${snippetText(model, site.directive)}` };
    }
    case 'label':
      return { ...target.span, markdown: `标签 **${target.name}**` };
    case 'heading': {
      const placed = model.blocks.find((b) => b.block.kind === 'heading' && (b.block as ast.Heading).line === target.heading);
      return { start: target.heading.start, end: target.heading.end, markdown: `**${placed?.number ?? ''}${inlineText(target.heading.content, text).trim()}**` };
    }
    default:
      return undefined;
  }
}

/** The printed text of the blocks an @引用 expands to, parameters filled in. */
export function snippetText(model: ReportModel, directive: ast.DirectiveLine): string {
  const out: string[] = [];
  for (const placed of model.blocks) {
    let inside = false;
    for (let s: Scope | undefined = placed.scope; s; s = s.parent) if (s.site?.directive === directive) inside = true;
    if (!inside) continue;
    const block = placed.block;
    const inline = (nodes: readonly ast.Inline[]) => printInlines(nodes, placed.scope, model.figures);
    switch (block.kind) {
      case 'heading':
        out.push(`**${placed.number ?? ''}${inline(block.content).trim()}**`);
        break;
      case 'paragraph':
        out.push(block.lines.map(inline).join(''));
        break;
      case 'list':
        out.push(block.items.map((item, i) => `${placed.itemNumbers?.[i] ?? '-'} ${item.lines.map(inline).join('')}`).join('\n'));
        break;
      default:
        break;
    }
  }
  return out.join('\n\n');
}
