// 检查 Word 报告: the reviewer's check of the reports the towns sent — Word (.docx) or text files, chosen in
// the Explorer (several at once, or a folder) or in the open dialog — by the server through the importer
// in memory (`baogao/checkSource`, as `baogao check *.docx`). The problems go to the Problems panel under
// each file; in a Word file a "line" is a paragraph, so each message says which one.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckSourceRequest, type PlainDiagnostic } from '../server/lsp/protocol.js';
import { toDiagnostic } from './commands.js';
import { errorMessage, request } from './documents.js';
import { Commands, SOURCE_DIAGNOSTICS } from './ids.js';
import * as l10n from './l10n.js';

export interface SourceCheckSummary {
  files: number;
  errors: number;
  warnings: number;
  unreadable: number;
}

export function registerWordCheck(context: vscode.ExtensionContext, client: LanguageClient): void {
  const collection = vscode.languages.createDiagnosticCollection(SOURCE_DIAGNOSTICS);
  context.subscriptions.push(
    collection,
    vscode.commands.registerCommand(Commands.checkWordReports, (clicked?: vscode.Uri, selected?: vscode.Uri[]) => checkWordReports(client, collection, clicked, selected)),
  );
}

const SOURCE_FILE = /\.(docx|txt)$/i;

/** The files to check: the Explorer's selection (folders searched), else those chosen in the open dialog. */
async function chosenFiles(clicked?: vscode.Uri, selected?: vscode.Uri[]): Promise<vscode.Uri[]> {
  const given = Array.isArray(selected) && selected.length ? selected : clicked instanceof vscode.Uri ? [clicked] : [];
  const picked = given.length ? given : ((await vscode.window.showOpenDialog({
    canSelectMany: true, openLabel: l10n.t('检查'), filters: { [l10n.t('Word 或文本文件')]: ['docx', 'txt'] },
  })) ?? []);
  const files: vscode.Uri[] = [];
  for (const uri of picked) {
    const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
    if (stat?.type === vscode.FileType.Directory) files.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.{docx,txt,DOCX,TXT}'), undefined, 500)));
    else if (SOURCE_FILE.test(uri.path)) files.push(uri);
  }
  return files.sort((a, b) => a.path.localeCompare(b.path, 'zh'));
}

async function checkWordReports(client: LanguageClient, collection: vscode.DiagnosticCollection, clicked?: vscode.Uri, selected?: vscode.Uri[]): Promise<SourceCheckSummary | undefined> {
  const files = await chosenFiles(clicked, selected);
  if (!files.length) {
    if (clicked || selected) void vscode.window.showWarningMessage(l10n.t('所选位置没有 Word（.docx）或文本（.txt）报告。'));
    return undefined;
  }
  let result: CheckSourceRequest.Result;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('正在检查 {0} 份 Word 或文本报告…', files.length), cancellable: true },
      (_progress, token) => request<CheckSourceRequest.Result>(client, CheckSourceRequest.method, { uris: files.map((f) => client.code2ProtocolConverter.asUri(f)) }, token),
    );
  } catch (error) {
    if (!/取消|cancel/i.test(errorMessage(error))) void vscode.window.showErrorMessage(l10n.t('检查 Word 报告失败：{0}', errorMessage(error)));
    return undefined;
  }
  const summary: SourceCheckSummary = { files: result.files.length, errors: 0, warnings: 0, unreadable: 0 };
  const unreadable: string[] = [];
  for (const file of result.files) {
    const uri = client.protocol2CodeConverter.asUri(file.uri);
    if (file.unreadable) {
      summary.unreadable++;
      unreadable.push(`${vscode.workspace.asRelativePath(uri)}：${file.unreadable}`);
      collection.delete(uri);
      continue;
    }
    collection.set(uri, file.diagnostics.map((d) => toDiagnostic(file.paragraphs ? withParagraph(d) : d)));
    summary.errors += file.diagnostics.filter((d) => d.severity === 1).length;
    summary.warnings += file.diagnostics.filter((d) => d.severity === 2).length;
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(l10n.t('已检查 {0} 份 Word 或文本报告：{1} 个错误，{2} 个警告。', summary.files - summary.unreadable, summary.errors, summary.warnings));
  if (unreadable.length) void vscode.window.showWarningMessage(l10n.t('有 {0} 个文件无法检查：{1}', unreadable.length, unreadable.join('；')));
  return summary;
}

/** A Word file opens as binary: the paragraph is named in the message, where the reviewer reads it. */
function withParagraph(d: PlainDiagnostic): PlainDiagnostic {
  return { ...d, message: l10n.t('第{0}段：{1}', d.range.start.line + 1, d.message) };
}
