// The commands: render to text / Markdown, check the workspace, insert a report skeleton, restart.
// (Preview and figures table live in preview.ts and figuresTable.ts.)
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckWorkspaceRequest, RenderRequest, type PlainDiagnostic } from '../server/lsp/protocol.js';
import { documentParams, errorMessage, request, requireDocument } from './documents.js';
import { Commands, LANGUAGE_ID, WORKSPACE_DIAGNOSTICS } from './ids.js';
import * as l10n from './l10n.js';
import { templateFolders } from './settings.js';
import { SKELETONS, skeletonBody } from './skeleton.js';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection(WORKSPACE_DIAGNOSTICS);
  context.subscriptions.push(
    workspaceDiagnostics,
    // An opened report is checked by the server as you type: its workspace-check results step aside.
    vscode.workspace.onDidOpenTextDocument((doc) => workspaceDiagnostics.delete(doc.uri)),
    vscode.commands.registerCommand(Commands.renderText, (uri?: vscode.Uri) => renderToEditor(client, 'txt', uri)),
    vscode.commands.registerCommand(Commands.renderMarkdown, (uri?: vscode.Uri) => renderToEditor(client, 'md', uri)),
    vscode.commands.registerCommand(Commands.checkWorkspace, () => checkWorkspace(client, workspaceDiagnostics)),
    vscode.commands.registerCommand(Commands.insertSkeleton, (kind?: string) => insertSkeleton(kind)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await client.restart();
      void vscode.window.setStatusBarMessage(l10n.t('报告语言服务器已重启。'), 3000);
    }),
    vscode.commands.registerCommand(Commands.openDocs, async (name: unknown = 'CODES.md') => {
      const page = typeof name === 'string' && /^[A-Z]+\.md$/.test(name) ? name : 'CODES.md';
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'docs', page));
    }),
    vscode.commands.registerCommand(Commands.reveal, (uri: string, line: number, character: number) => reveal(uri, line, character)),
  );
}

/** Renders a report and opens the result in an untitled editor beside it. Returns the text. */
async function renderToEditor(client: LanguageClient, format: 'txt' | 'md', uri?: vscode.Uri): Promise<string | undefined> {
  const doc = await requireDocument(uri);
  if (!doc) return undefined;
  try {
    const params: RenderRequest.Params = { ...documentParams(client, doc), format, templateFolders: templateFolders(doc) };
    const result = await request<RenderRequest.Result>(client, RenderRequest.method, params);
    const output = await vscode.workspace.openTextDocument({ language: format === 'md' ? 'markdown' : 'plaintext', content: result.text });
    await vscode.window.showTextDocument(output, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return result.text;
  } catch (error) {
    void vscode.window.showErrorMessage(l10n.t('排版失败：{0}', errorMessage(error)));
    return undefined;
  }
}

export interface WorkspaceCheckSummary {
  /** Files checked: reports and snippets. */
  files: number;
  reports: number;
  snippets: number;
  errors: number;
  warnings: number;
}

/**
 * Checks every report of the workspace: open ones are already checked by the server as you type; the
 * others are checked by one `baogao/checkWorkspace` request (cancellable from the progress notification)
 * and their diagnostics shown under their own collection. Then the Problems panel opens.
 */
async function checkWorkspace(client: LanguageClient, collection: vscode.DiagnosticCollection): Promise<WorkspaceCheckSummary | undefined> {
  let result: CheckWorkspaceRequest.Result;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('正在检查工作区中的报告…'), cancellable: true },
      (_progress, token) => request<CheckWorkspaceRequest.Result>(client, CheckWorkspaceRequest.method, {}, token),
    );
  } catch (error) {
    if (!/取消|cancel/i.test(errorMessage(error))) void vscode.window.showErrorMessage(l10n.t('检查工作区失败：{0}', errorMessage(error)));
    return undefined;
  }
  collection.clear();
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  for (const file of result.files) {
    const uri = client.protocol2CodeConverter.asUri(file.uri);
    if (!open.has(uri.toString())) collection.set(uri, file.diagnostics.map(toDiagnostic));
  }
  let errors = 0;
  let warnings = 0;
  const files = new Set<string>();
  const snippets = new Set(result.files.filter((f) => f.snippet).map((f) => client.protocol2CodeConverter.asUri(f.uri).toString()));
  for (const doc of vscode.workspace.textDocuments) if (doc.languageId === LANGUAGE_ID && SNIPPET_START.test(doc.getText())) snippets.add(doc.uri.toString());
  for (const [uri, list] of vscode.languages.getDiagnostics()) {
    const ours = list.filter((d) => d.source === 'baogao');
    if (uri.path.endsWith('.bg')) files.add(uri.toString());
    errors += ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    warnings += ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  }
  for (const file of result.files) files.add(client.protocol2CodeConverter.asUri(file.uri).toString());
  // Open reports are checked as you type (pulled diagnostics exist only for those visible in a tab): counted too.
  for (const doc of vscode.workspace.textDocuments) if (doc.languageId === LANGUAGE_ID && doc.uri.path.endsWith('.bg')) files.add(doc.uri.toString());
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const snippetCount = [...files].filter((f) => snippets.has(f)).length;
  const reports = files.size - snippetCount;
  void vscode.window.showInformationMessage(l10n.t('已检查 {0} 个报告、{1} 个片段：{2} 个错误，{3} 个警告。', reports, snippetCount, errors, warnings));
  return { files: files.size, reports, snippets: snippetCount, errors, warnings };
}

/** A snippet file starts with `@片段` (after blank and comment lines): the server's startsAsSnippet (lifecycle.ts), copied as the extension imports nothing of the server. */
// White space other than a line break before and between the lines: with \s, which takes line breaks too, the
// blank lines could be split among the repetitions in exponentially many ways (30 lines of a tab: minutes).
const SNIPPET_START = /^(?:[^\S\n]*(?:\/\/[^\n]*)?\n)*[^\S\n]*[@＠](?:片段|snippet)(?:\s|$)/;

/** A diagnostic the server sent in a result of its own (check workspace, check Word reports), for a collection. */
export function toDiagnostic(d: PlainDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
  const severity = [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Hint][d.severity - 1];
  const diagnostic = new vscode.Diagnostic(range, d.message, severity ?? vscode.DiagnosticSeverity.Error);
  diagnostic.code = d.code;
  diagnostic.source = d.source;
  return diagnostic;
}

/**
 * Inserts a report skeleton (the snippet of client/snippets/baogao.json) at the cursor of the active
 * report, or into a new untitled report. `kind` skips the question (for tests and keybindings).
 */
async function insertSkeleton(kind?: string): Promise<boolean> {
  let chosen = typeof kind === 'string' && SKELETONS.some((s) => s.kind === kind) ? kind : undefined;
  if (!chosen) {
    const items = SKELETONS.map((s) => ({ label: s.kind, description: s.description }));
    chosen = (await vscode.window.showQuickPick(items, { placeHolder: l10n.t('选择报告类型') }))?.label;
  }
  if (!chosen) return false;
  const body = skeletonBody(chosen, new Date());
  let editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
    editor = await vscode.window.showTextDocument(doc);
  }
  const at = editor.document.getText().trim() === '' ? new vscode.Range(0, 0, editor.document.lineCount, 0) : editor.selection;
  return editor.insertSnippet(new vscode.SnippetString(body), at);
}

/** Shows a place of a report (links in the figures table), in the editor column the report is in. */
async function reveal(uri: string, line: number, character: number): Promise<void> {
  const target = vscode.Uri.parse(uri);
  const position = new vscode.Position(Math.max(0, Number(line) || 0), Math.max(0, Number(character) || 0));
  const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString())?.viewColumn ?? vscode.ViewColumn.One;
  await vscode.window.showTextDocument(target, { viewColumn: column, selection: new vscode.Range(position, position) });
}
