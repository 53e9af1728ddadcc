// The server's window messages (window/showMessage) in the display language: the server writes them in
// Chinese from the templates of WINDOW_MESSAGES, and this finds the template a message was made from and
// translates it as the client's own strings are (l10n.t takes literal strings: one case a template). A
// message of no template is shown as sent.
import * as vscode from 'vscode';
import { windowMessageParts } from '../server/lsp/protocol.js';
import * as l10n from './l10n.js';

/** A server message in the display language. */
export function inDisplayLanguage(message: string): string {
  const parts = windowMessageParts(message);
  if (!parts) return message;
  const [a = '', b = '', c = ''] = parts.args;
  switch (parts.key) {
    case 'indexReports':
      return l10n.t('工作区文件夹“{0}”中的报告已达 {1} 个的上限：工作区索引（工作区符号、引用、“检查整个工作区”等）只含这些报告，其余的没有查找。请只把报告所在的文件夹打开为工作区。（BG918）', a, b);
    case 'indexFolders':
      return l10n.t('工作区文件夹“{0}”中的文件夹超过 {1} 个：工作区索引（工作区符号、引用、“检查整个工作区”等）只含前 {1} 个文件夹中找到的 {2} 个报告，其余的没有查找。请只把报告所在的文件夹打开为工作区。（BG918）', a, b, c);
  }
}

/** Shows a window message of the server, as the language client would, in the display language. */
export function showServerMessage(params: { type: number; message: string }): void {
  const message = inDisplayLanguage(params.message);
  // MessageType: 1 error, 2 warning, 3 info, 4 log.
  if (params.type === 1) void vscode.window.showErrorMessage(message);
  else if (params.type === 2) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
}
