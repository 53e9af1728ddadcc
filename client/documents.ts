// Which report a command acts on, and requests about it to the server.
import * as vscode from 'vscode';
import { ErrorCodes, ResponseError, type CancellationToken, type LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './ids.js';
import * as l10n from './l10n.js';

/**
 * The report a command is for: the URI it was given (explorer or editor-title menus), else the active
 * editor, else a visible report editor (a preview may have the focus).
 */
export async function targetDocument(arg?: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) {
    const doc = await vscode.workspace.openTextDocument(arg);
    return doc.languageId === LANGUAGE_ID ? doc : vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === LANGUAGE_ID)?.document;
}

export async function requireDocument(arg?: unknown): Promise<vscode.TextDocument | undefined> {
  const doc = await targetDocument(arg);
  if (!doc) void vscode.window.showWarningMessage(l10n.t('请先打开一个报告（.bg 文件）。'));
  return doc;
}

export const documentParams = (client: LanguageClient, doc: vscode.TextDocument) => ({
  textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) },
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a baogao/* request. A document just opened may not have reached the server yet (its didOpen
 * is on the way): the server says so with InvalidParams, and the request is repeated a few times.
 */
export async function request<R>(client: LanguageClient, method: string, params: object, token?: CancellationToken): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.sendRequest<R>(method, params, token);
    } catch (error) {
      const notOpen = error instanceof ResponseError && error.code === ErrorCodes.InvalidParams && /未打开/.test(error.message);
      if (!notOpen || attempt >= 5) throw error;
      await delay(100 * (attempt + 1));
    }
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
