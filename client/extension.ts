// The VS Code extension: starts the baogao language server and registers the editor features.
// Activated by a `baogao` document or one of the commands (package.json activationEvents), never at start-up.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';
import { registerFiguresTable } from './figuresTable.js';
import { registerFileCommands } from './files.js';
import { createLanguageClient } from './languageClient.js';
import { registerPreview } from './preview.js';
import { ReportStatus } from './statusBar.js';
import { registerTyping } from './typing.js';
import { registerWordCheck } from './wordCheck.js';
import { registerPaste } from './paste.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  registerCommands(context, client);
  const preview = registerPreview(context, client);
  registerFiguresTable(context, client);
  registerFileCommands(context, client, preview);
  registerWordCheck(context, client);
  registerPaste(context, client);
  registerTyping(context);
  context.subscriptions.push(new ReportStatus(client));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
