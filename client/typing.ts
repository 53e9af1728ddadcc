// `{` typed before Chinese text gets its `}` too. VS Code auto-closes a pair only before the characters
// of `autoCloseBefore` (language-configuration.json), and listing every Han character there is not
// possible; so a `{` (or `｛`) typed right before a Han character or a digit is closed here, the cursor
// left between the two — `共{|调解` → `共{|}调解`, never `共{调解…` left open.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './ids.js';

const CLOSING: Record<string, string> = { '{': '}', '｛': '｝' };

export function registerTyping(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.languageId !== LANGUAGE_ID || e.reason !== undefined || e.contentChanges.length !== 1) return;
    const change = e.contentChanges[0]!;
    const close = CLOSING[change.text];
    if (!close || change.rangeLength !== 0) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== e.document) return;
    const after = change.range.start.translate(0, change.text.length);
    const next = e.document.lineAt(after.line).text.charAt(after.character);
    const previous = change.range.start.character > 0 ? e.document.lineAt(after.line).text.charAt(change.range.start.character - 1) : '';
    if (!/[\p{Script=Han}\d]/u.test(next) || previous === '\\') return;
    void editor.edit((edit) => edit.insert(after, close), { undoStopBefore: false, undoStopAfter: false }).then((done) => {
      if (done) editor.selection = new vscode.Selection(after, after);
    });
  }));
}
