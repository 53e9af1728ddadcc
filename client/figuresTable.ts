// 显示指标表: the report's figures (指标) as a table — name, value, formula, check formula and its
// result, where defined (a link back to the source), problems — from the server (baogao/figures),
// kept up to date as the report changes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FiguresRequest, type FigureRow } from '../server/lsp/protocol.js';
import { documentParams, request, requireDocument } from './documents.js';
import { Commands, Views } from './ids.js';
import * as l10n from './l10n.js';
import { baseName, escapeHtml, LiveWebviews } from './webview.js';

export function registerFiguresTable(context: vscode.ExtensionContext, client: LanguageClient): void {
  const tables = new LiveWebviews({
    viewType: Views.figures,
    title: (doc) => l10n.t('指标表：{0}', baseName(doc)),
    commandUris: [Commands.reveal],
    render: async (doc) => figuresPage(await figuresOf(client, doc), doc),
  });
  context.subscriptions.push(
    tables,
    vscode.commands.registerCommand(Commands.showFigures, async (uri?: vscode.Uri): Promise<FiguresRequest.Result | undefined> => {
      const doc = await requireDocument(uri);
      if (!doc) return undefined;
      await tables.show(doc);
      return figuresOf(client, doc);
    }),
  );
}

export function figuresOf(client: LanguageClient, doc: vscode.TextDocument): Promise<FiguresRequest.Result> {
  return request<FiguresRequest.Result>(client, FiguresRequest.method, documentParams(client, doc));
}

/** The page: a fragment (the caller adds the document, the theme styles and the security policy). */
export function figuresPage(result: FiguresRequest.Result, doc: vscode.TextDocument): string {
  const heading = `<h2>${escapeHtml(l10n.t('指标表：{0}', baseName(doc)))}</h2>`;
  const kind = result.kind ? `<p class="muted">${escapeHtml(result.kind)}${result.title ? ` · ${escapeHtml(result.title)}` : ''}</p>` : '';
  if (result.figures.length === 0) return `${heading}${kind}<p>${escapeHtml(l10n.t('这份报告没有定义指标。写 {名称 = 数值} 定义一个。'))}</p>`;
  const problems = result.figures.filter((f) => f.problems.length > 0).length;
  const summary = `<p class="muted">${escapeHtml(l10n.t('共 {0} 个指标，{1} 个有问题。', result.figures.length, problems))}</p>`;
  const head = [l10n.t('名称'), l10n.t('值'), l10n.t('公式'), l10n.t('核对公式'), l10n.t('算得'), l10n.t('定义位置'), l10n.t('问题')]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('');
  const rows = result.figures.map((f) => row(f, doc)).join('\n');
  return `${heading}${kind}${summary}<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function row(f: FigureRow, doc: vscode.TextDocument): string {
  const cell = (text: string | null, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${text === null ? '<span class="muted">—</span>' : text}</td>`;
  const code = (text: string | null) => (text === null ? null : `<code>${escapeHtml(text)}</code>`);
  const name = `${escapeHtml(f.name)}${f.hidden ? ` <span class="muted">${escapeHtml(l10n.t('（@指标，不打印）'))}</span>` : ''}`;
  const args = encodeURIComponent(JSON.stringify([f.location.uri, f.location.line, f.location.character]));
  const file = f.location.uri === doc.uri.toString() ? '' : `${path.posix.basename(vscode.Uri.parse(f.location.uri).path)} `;
  const where = `<a href="command:${Commands.reveal}?${args}">${escapeHtml(l10n.t('{0}第 {1} 行', file, f.location.line + 1))}</a>`;
  const issues = f.problems.length ? `<span class="error">${f.problems.map((p) => `${escapeHtml(p.code)} ${escapeHtml(p.message)}`).join('<br>')}</span>` : null;
  return `<tr${f.problems.length ? ' class="problem"' : ''}>${cell(name)}${cell(f.value === null ? null : escapeHtml(f.value), 'number')}${cell(code(f.formula))}${cell(code(f.check))}${cell(f.computed === null ? null : escapeHtml(f.computed), 'number')}${cell(where)}${cell(issues)}</tr>`;
}
