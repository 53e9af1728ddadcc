// The server's window messages (window/showMessage), shown as the language client would, in the display
// language (serverMessageText.ts finds their templates).
import * as vscode from 'vscode';
import * as l10n from './l10n.js';
import { translatedServerMessage } from './serverMessageText.js';

/** A server message in the display language. */
export function inDisplayLanguage(message: string): string {
  return translatedServerMessage(message, l10n);
}

/** Shows a window message of the server, as the language client would, in the display language. */
export function showServerMessage(params: { type: number; message: string }): void {
  const message = inDisplayLanguage(params.message);
  // MessageType: 1 error, 2 warning, 3 info, 4 log.
  if (params.type === 1) void vscode.window.showErrorMessage(message);
  else if (params.type === 2) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
}
