// 打开预览: the report as it will print, in a webview beside the editor, re-rendered as you type.
// The server renders it (baogao/render with format 'preview'): HTML when the server has an HTML
// renderer, else Markdown, shown through VS Code's Markdown renderer (or as plain text if that is missing).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RenderRequest } from '../server/lsp/protocol.js';
import { documentParams, request, requireDocument } from './documents.js';
import { Commands, Views } from './ids.js';
import * as l10n from './l10n.js';
import { templateFolders } from './settings.js';
import { baseName, escapeHtml, LiveWebviews } from './webview.js';

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): LiveWebviews {
  const previews = new LiveWebviews({
    viewType: Views.preview,
    title: (doc) => l10n.t('预览：{0}', baseName(doc)),
    render: (doc) => renderPreview(client, doc),
  });
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand(Commands.openPreview, async (uri?: vscode.Uri) => {
      const doc = await requireDocument(uri);
      if (doc) await previews.show(doc);
    }),
  );
  return previews;
}

export async function renderPreview(client: LanguageClient, doc: vscode.TextDocument): Promise<string> {
  const params: RenderRequest.Params = { ...documentParams(client, doc), format: 'preview', templateFolders: templateFolders(doc) };
  const result = await request<RenderRequest.Result>(client, RenderRequest.method, params);
  if (result.format === 'html') return result.text;
  if (result.format === 'md') {
    try {
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', result.text);
      if (typeof html === 'string' && html) return `<article class="markdown-body">${html}</article>`;
    } catch {
      // the built-in Markdown extension is disabled: show the text
    }
  }
  return `<pre>${escapeHtml(result.text)}</pre>`;
}
