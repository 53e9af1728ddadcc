// parse(text): the syntax tree and the syntax diagnostics of any string. It never throws.
import type { IRecognitionException, IToken } from 'chevrotain';
import type * as ast from './ast.js';
import { groupBlocks } from './blocks.js';
import type { Diagnostic } from './diagnostic.js';
import { ReportParser } from './parser.js';
import { FigureNewline, Newline, reportLexer } from './tokens.js';
import { forEachInline } from './walk.js';

export type * from './ast.js';
export type * from './diagnostic.js';
export { LineIndex, type Position } from './lineIndex.js';
export { DIRECTIVES, canonicalDirective } from './directives.js';
export { forEachInline, forEachFigure, inlineText } from './walk.js';

export interface ParseResult {
  document: ast.ReportDocument;
  diagnostics: Diagnostic[];
}

// One parser instance for the life of the process: building it (grammar analysis) is the expensive part.
let sharedParser: ReportParser | undefined;
function parser(): ReportParser {
  return (sharedParser ??= new ReportParser());
}

export function parse(text: string): ParseResult {
  try {
    const tokens = reportLexer.tokenize(text).tokens;
    const p = parser();
    const lines: ast.Line[] = [];
    const errors: IRecognitionException[] = [];
    let lineStart = 0;
    for (let i = 0; i <= tokens.length; i++) {
      if (i < tokens.length && !isLineBreak(tokens[i]!)) continue;
      const end = Math.min(i + 1, tokens.length);
      if (end > lineStart) {
        p.input = tokens.slice(lineStart, end);
        let line: ast.Line | undefined;
        try {
          line = p.line();
        } catch {
          // Recovery left the line in pieces; setting `input` for the next line resets the parser.
          line = undefined;
        }
        if (p.errors.length) errors.push(...p.errors);
        // Tokens the line rule could not take are never dropped: the whole line is kept as prose.
        const complete = line && !p.errors.some((e) => e.name === 'NotAllInputParsedException');
        if (!complete) {
          const raw = rawLine(text, tokens[lineStart]!, tokens[end - 1]!);
          if (!p.errors.length) errors.push({ name: 'LineNotParsed', message: '', token: tokens[lineStart]!, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } });
          lines.push(raw);
        } else lines.push(line!);
      }
      lineStart = end;
    }
    const document = groupBlocks(lines, text.length);
    const diagnostics = syntaxDiagnostics(document, errors, text);
    return { document, diagnostics };
  } catch (error) {
    return plainTextFallback(text, error);
  }
}

function isLineBreak(token: IToken): boolean {
  return token.tokenType === Newline || token.tokenType === FigureNewline;
}

function rawLine(text: string, first: IToken, last: IToken): ast.Line {
  const start = first.startOffset;
  const end = last.startOffset + last.image.length;
  const content = text.slice(start, end).replace(/[\r\n]+$/, '');
  return { kind: 'text', content: [{ kind: 'text', text: content, start, end: start + content.length }], start, end };
}

/**
 * Last resort if the parser itself fails: every line becomes prose, so the writer still sees (and can
 * render) all of their text, with one diagnostic that says what happened.
 */
function plainTextFallback(text: string, error: unknown): ParseResult {
  const lines: ast.Line[] = [];
  const pattern = /[^\r\n]*(\r\n|\r|\n|$)/g;
  for (let match = pattern.exec(text); match && match[0] !== ''; match = pattern.exec(text)) {
    const start = match.index;
    const content = match[0].replace(/[\r\n]+$/, '');
    const end = start + match[0].length;
    if (content === '') lines.push({ kind: 'blank', start, end });
    else lines.push({ kind: 'text', content: [{ kind: 'text', text: content, start, end: start + content.length }], start, end });
  }
  const message = `解析器内部出错，本文件暂按纯文本处理：${(error as Error)?.message ?? String(error)}。请把这个文件报告给开发者。`;
  return { document: groupBlocks(lines, text.length), diagnostics: [{ code: 'BG009', severity: 'error', message, start: 0, end: 0 }] };
}

const FIGURE_FORMS = '可写成 {名称}、{名称 = 150起}、{名称 = 成功/调处 %}、{名称 = 81.48% : 持证/应领证} 或 {#标签}';

function syntaxDiagnostics(document: ast.ReportDocument, errors: IRecognitionException[], text: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<number>();
  const report = (d: Diagnostic) => {
    if (reported.has(d.start)) return;
    reported.add(d.start);
    diagnostics.push(d);
  };

  const checkFigure = (figure: ast.FigureNode, inHeading: boolean, isLabelOfHeading: boolean) => {
    const source = text.slice(figure.start, figure.end);
    if (!figure.closed) {
      report({
        code: 'BG001', severity: 'error', start: figure.start, end: figure.end,
        message: `花括号“${abbreviate(source)}”没有闭合：在同一行内补上“}”，或写成“\\{”表示字面的花括号。`,
        fixes: [{ title: '补上“}”', edits: [{ start: figure.end, end: figure.end, newText: '}' }], safe: false }],
      });
    } else if (figure.body === undefined && source.replace(/[{}｛｝\s]/g, '') === '') {
      report({ code: 'BG003', severity: 'error', start: figure.start, end: figure.end, message: `空的指标“${source}”：在花括号内写指标名称，${FIGURE_FORMS}。` });
    } else if (figure.broken) {
      report({ code: 'BG002', severity: 'error', start: figure.start, end: figure.end, message: `无法识别的指标写法“${abbreviate(source)}”：${FIGURE_FORMS}。` });
    }
    if (figure.body?.form === 'label' && !isLabelOfHeading) {
      report({
        code: 'BG006', severity: 'warning', start: figure.start, end: figure.end,
        message: inHeading ? `标签“${source}”应写在标题的末尾。` : `标签“${source}”只能写在标题的末尾，这里不会起作用。`,
      });
    }
  };

  for (const line of document.lines) {
    if (line.kind === 'heading') {
      if (line.level > 4) {
        report({ code: 'BG004', severity: 'error', start: line.marker.start, end: line.marker.end, message: `标题最多四级（#### 对应“（1）”），这里写了 ${line.level} 个“#”。` });
      }
      forEachInline(line.content, (node) => node.kind === 'figure' && checkFigure(node, true, false));
    } else if (line.kind === 'directive') {
      if (line.name === undefined) {
        report({ code: 'BG005', severity: 'error', start: line.written.start - 1, end: line.written.end, message: `未知的指令“@${line.written.text}”。可用的指令有 @标题 @类型 @机关 @年度 @日期 @主送 @上年 @附件 @抄送 @印发机关 @印发日期 @指标 @引用 @落款 @模板 @检查 @片段 @参数；若这是正文，请写成“\\@${line.written.text}”。` });
      }
      if (line.metric) checkMetric(line.metric);
      forEachInline(line.value, (node) => node.kind === 'figure' && checkFigure(node, false, false));
    } else if (line.kind === 'item' || line.kind === 'text') {
      forEachInline(line.content, (node) => node.kind === 'figure' && checkFigure(node, false, false));
    }
  }

  function checkMetric(metric: ast.FigureNode) {
    if (metric.broken || metric.body?.form !== 'definition') {
      report({ code: 'BG002', severity: 'error', start: metric.start, end: Math.max(metric.end, metric.start + 1), message: `“@指标”后应写“名称 = 值”，例如“@指标 应领证 = 54人”。` });
    }
  }

  // Errors the parser recovered from but that fell outside any figure (argument lists and the like).
  for (const error of errors) {
    const token: IToken = error.token;
    const start = Number.isFinite(token.startOffset) && token.startOffset >= 0 ? token.startOffset : text.length;
    if (diagnostics.some((d) => d.start <= start && start < Math.max(d.end, d.start + 1))) continue;
    report({ code: 'BG009', severity: 'error', start, end: start + Math.max(1, token.image?.length ?? 0), message: `无法识别“${abbreviate(token.image ?? '')}”：这一行的写法有误。` });
  }
  // Mark figures that contain a recovery point as broken, so the renderer prints them as typed.
  if (errors.length) markBroken(document, errors);
  return diagnostics.sort((a, b) => a.start - b.start);
}

function markBroken(document: ast.ReportDocument, errors: IRecognitionException[]) {
  const offsets = errors.map((e) => e.token.startOffset).filter((o) => Number.isFinite(o));
  const visit = (node: ast.FigureNode) => {
    if (offsets.some((o) => o >= node.start && o < node.end)) node.broken = true;
  };
  for (const line of document.lines) {
    if (line.kind === 'directive' && line.metric) visit(line.metric);
    const content = line.kind === 'directive' ? line.value : 'content' in line ? line.content : [];
    forEachInline(content, (node) => node.kind === 'figure' && visit(node));
  }
}

function abbreviate(source: string): string {
  return source.length > 30 ? `${source.slice(0, 30)}…` : source;
}
