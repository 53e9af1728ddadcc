// The whole job from the editor, done by the server (the .vsix needs nothing else): export the report
// as Word, HTML or print-ready text; print; import last year's Word file; start next year's report from
// this year's; collect the workspace's figures into a table and CSV. Files are written only where the
// writer chose in VS Code's save dialog (which asks before replacing a file); tests pass the target.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CollectRequest, ImportRequest, NewReportRequest, RenderRequest } from '../server/lsp/protocol.js';
import { documentParams, errorMessage, request, requireDocument } from './documents.js';
import { Commands, LANGUAGE_ID } from './ids.js';
import * as l10n from './l10n.js';
import type { ReportPreview } from './preview.js';
import { templateFolders } from './settings.js';
import { ChosenWriteRefused, writeChosenPath } from './chosenFile.js';
import { writeRefusal, type WriteRefusal } from './writeRefusal.js';

export function registerFileCommands(context: vscode.ExtensionContext, client: LanguageClient, preview: ReportPreview): void {
  const notes = vscode.window.createOutputChannel(l10n.t('报告：导入与新建'));
  const guarded = <A extends unknown[], R>(what: string, run: (...args: A) => Promise<R>) => async (...args: A): Promise<R | undefined> => {
    try {
      return await run(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(l10n.t('{0}失败：{1}', what, errorMessage(error)));
      return undefined;
    }
  };
  context.subscriptions.push(
    notes,
    vscode.commands.registerCommand(Commands.exportDocx, guarded(l10n.t('导出'), (uri?: vscode.Uri, target?: vscode.Uri) => exportReport(client, 'docx', uri, target))),
    vscode.commands.registerCommand(Commands.exportHtml, guarded(l10n.t('导出'), (uri?: vscode.Uri, target?: vscode.Uri) => exportReport(client, 'html', uri, target))),
    vscode.commands.registerCommand(Commands.exportText, guarded(l10n.t('导出'), (uri?: vscode.Uri, target?: vscode.Uri) => exportReport(client, 'txt', uri, target))),
    vscode.commands.registerCommand(Commands.print, guarded(l10n.t('打印'), (uri?: vscode.Uri) => print(client, context, preview, uri))),
    vscode.commands.registerCommand(Commands.importWord, guarded(l10n.t('导入'), (source?: vscode.Uri, target?: vscode.Uri) => importWord(client, notes, source, target))),
    vscode.commands.registerCommand(Commands.newFromLastYear, guarded(l10n.t('新建'), (last?: vscode.Uri, target?: vscode.Uri, year?: number) => newFromLastYear(client, notes, last, target, year))),
    vscode.commands.registerCommand(Commands.collectFigures, guarded(l10n.t('汇总指标'), (target?: vscode.Uri) => collectFigures(client, target))),
  );
}

/**
 * Writes a file the writer chose (or a test gave). A refusal is told in Chinese with the code the command
 * line gives for it (BG910–BG913), not as VS Code's English “Unable to write file … (NoPermissions …)”; a
 * read-only file is not replaced (the save dialog asks only whether to replace a file), a folder is no file.
 * On the local file system (chosenFile.ts) a name taken while the bytes are written is not replaced and a
 * symlink at the target is not followed; elsewhere (a remote or virtual file system) VS Code writes.
 */
async function writeChosenFile(file: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = file.scheme === 'file' ? file.fsPath : file.toString();
  if (file.scheme === 'file') {
    try {
      writeChosenPath(file.fsPath, bytes);
    } catch (error) {
      if (error instanceof ChosenWriteRefused) throw new Error(refusalMessage(error.refusal, name, error.reason));
      throw error;
    }
    return;
  }
  const before = await Promise.resolve(vscode.workspace.fs.stat(file)).catch(() => undefined);
  if (before && before.type & vscode.FileType.Directory) throw new Error(refusalMessage({ kind: 'place', code: 'BG912' }, name, ''));
  if (before && (before.permissions ?? 0) & vscode.FilePermission.Readonly) throw new Error(refusalMessage({ kind: 'readOnly', code: 'BG911' }, name, ''));
  try {
    await vscode.workspace.fs.writeFile(file, bytes);
  } catch (error) {
    throw new Error(refusalMessage(writeRefusal(error, before !== undefined), name, errorMessage(error)));
  }
}

/** A refused write in the writer's words, with its code (docs/CODES.md). */
function refusalMessage(refusal: WriteRefusal, name: string, original: string): string {
  switch (refusal.kind) {
    case 'exists':
      return l10n.t('“{0}”已存在，没有写入：换一个文件名再试。（BG910）', name);
    case 'symlink':
      return l10n.t('“{0}”是符号链接，没有写入：请选择它指向的文件，或换一个文件名。（BG910）', name);
    case 'appeared':
      return l10n.t('“{0}”在写出期间被别的程序建出或换掉了，没有覆盖它：换一个文件名再试。（BG910）', name);
    case 'readOnly':
      return l10n.t('“{0}”是只读文件，没有写入：先取消它的只读属性，或换一个文件名。（BG911）', name);
    case 'place':
      return l10n.t('不能写到“{0}”：这里是文件夹、路径中有一段不是文件夹，或文件名太长，没有写入：请选择一个普通文件的名字。（BG912）', name);
    case 'noPermission':
      return l10n.t('没有权限在“{0}”所在的文件夹中写入，没有写入：换一个可写的文件夹再试。（BG913）', name);
    case 'readOnlyDisk':
      return l10n.t('“{0}”所在的磁盘只读，没有写入：换一个文件夹再试。（BG913）', name);
    case 'diskFull':
      return l10n.t('磁盘已满（或超出配额），“{0}”没有写入：腾出空间后再试。（BG913）', name);
    case 'failed':
      return l10n.t('无法写出“{0}”：{1}（BG913）', name, original);
  }
}

type ExportFormat = 'docx' | 'html' | 'txt';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  docx: { 'Word': ['docx'] },
  html: { 'HTML': ['html', 'htm'] },
  txt: { [l10n.t('纯文本')]: ['txt'] },
};

/** Where to write: the given target, else the save dialog (default beside `near`, named `name`). */
async function saveTarget(near: vscode.Uri, name: string, filters: Record<string, string[]>, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (target instanceof vscode.Uri) return target;
  const folder = near.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(near, '..');
  const defaultUri = folder ? vscode.Uri.joinPath(folder, name) : undefined;
  return vscode.window.showSaveDialog({ defaultUri, filters, saveLabel: l10n.t('保存') });
}

const stem = (uri: vscode.Uri) => path.posix.basename(uri.path).replace(/\.[^.]+$/, '') || 'report';

/** Exports the report; returns the file written (or undefined when the writer cancelled). */
async function exportReport(client: LanguageClient, format: ExportFormat, uri?: vscode.Uri, target?: vscode.Uri): Promise<string | undefined> {
  const doc = await requireDocument(uri);
  if (!doc) return undefined;
  // Print-ready text is paged (22 lines, page numbers), as it prints.
  const params: RenderRequest.Params = { ...documentParams(client, doc), format, pages: format === 'txt', templateFolders: templateFolders(doc) };
  const result = await request<RenderRequest.Result>(client, RenderRequest.method, params);
  const file = await saveTarget(doc.uri, `${stem(doc.uri)}.${format}`, FILTERS[format], target);
  if (!file) return undefined;
  await writeChosenFile(file, Buffer.from(result.text, result.encoding === 'base64' ? 'base64' : 'utf8'));
  void vscode.window.showInformationMessage(l10n.t('已导出：{0}', file.fsPath || file.toString()));
  return file.toString();
}

/** The print-ready HTML opens the browser's print dialog as soon as it is opened. */
export function withPrintDialog(html: string): string {
  const script = '<script>addEventListener("load", () => setTimeout(() => print(), 300));</script>';
  return /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${script}\n</body>`) : html + script;
}

/**
 * 打印. A webview cannot print (VS Code's webview frames are sandboxed without allow-modals, so
 * window.print() is ignored), so the print-ready HTML (GB/T 9704 pages, page numbers) goes to a browser,
 * where it opens the print dialog itself: on the desktop, written to the extension's storage and opened in
 * the system browser; in a browser window (code-server, vscode.dev) or a remote window, where that file
 * would be on the other machine, downloaded by the writer's own browser from the preview.
 * Returns the file written, or the name downloaded.
 */
async function print(client: LanguageClient, context: vscode.ExtensionContext, preview: ReportPreview, uri?: vscode.Uri): Promise<string | undefined> {
  const doc = await requireDocument(uri);
  if (!doc) return undefined;
  const result = await request<RenderRequest.Result>(client, RenderRequest.method, { ...documentParams(client, doc), format: 'html', templateFolders: templateFolders(doc) });
  const html = withPrintDialog(result.text);
  const name = `${stem(doc.uri)}.html`;
  if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName) {
    const folder = context.globalStorageUri.scheme === 'file' ? context.globalStorageUri : vscode.Uri.file(os.tmpdir());
    const file = vscode.Uri.joinPath(folder, 'print', name);
    await writeChosenFile(file, Buffer.from(html, 'utf8'));
    if (!(await vscode.env.openExternal(file))) throw new Error(l10n.t('无法打开浏览器；可打印的页面在 {0}', file.fsPath));
    void vscode.window.showInformationMessage(l10n.t('已在浏览器中打开可打印的页面，打印对话框随即出现。'));
    return file.toString();
  }
  await preview.download(doc, name, html);
  void vscode.window.showInformationMessage(l10n.t('已下载可打印的页面“{0}”：在浏览器中打开它即出现打印对话框。', name));
  return name;
}

/** 导入 Word 报告: the .docx/.txt chosen → a .bg beside it (asked), opened, the removals listed. */
async function importWord(client: LanguageClient, notes: vscode.OutputChannel, source?: vscode.Uri, target?: vscode.Uri): Promise<string | undefined> {
  const from = source instanceof vscode.Uri ? source : (await vscode.window.showOpenDialog({
    canSelectMany: false, openLabel: l10n.t('导入'), filters: { [l10n.t('Word 或文本文件')]: ['docx', 'txt'] },
  }))?.[0];
  if (!from) return undefined;
  const result = await request<ImportRequest.Result>(client, ImportRequest.method, { uri: client.code2ProtocolConverter.asUri(from) });
  const file = await saveTarget(from, `${stem(from)}.bg`, { [l10n.t('报告')]: ['bg'] }, target);
  if (!file) return undefined;
  await writeChosenFile(file, Buffer.from(result.text, 'utf8'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  notes.clear();
  notes.appendLine(l10n.t('已按{0}读取“{1}”，去掉或改写了以下内容（原文其余文字一字未改）：', result.how, from.fsPath));
  for (const n of result.notes) notes.appendLine(`  ${l10n.t('第{0}段', n.line)}：${n.what}——${n.why}`);
  if (result.missing.length) notes.appendLine(l10n.t('原文中找不到 {0}，请在文头补上。', result.missing.join('、')));
  notes.show(true);
  void vscode.window.showInformationMessage(l10n.t('已导入为 {0}：去掉或改写了 {1} 处，详见“输出”面板。', path.posix.basename(file.path), result.notes.length));
  return file.toString();
}

/** The report's `@年度`, if it has one. */
const yearOf = (text: string) => /^[ \t\u3000]*[@＠](?:年度|year)[ \t\u3000]+(\d{4})[ \t\u3000]*$/mu.exec(text)?.[1];

/**
 * A report without `@年度`: the writer says which year it is for (guessed from the file name or the
 * title's "2021年度"), so that next year's can still be drafted. Undefined when the writer cancels.
 */
async function askYear(doc: vscode.TextDocument): Promise<string | undefined> {
  const guess = /(?:19|20)\d{2}/.exec(stem(doc.uri))?.[0] ?? /((?:19|20)\d{2})年度?/.exec(doc.getText())?.[1] ?? String(new Date().getFullYear() - 1);
  return vscode.window.showInputBox({
    title: l10n.t('这份报告没有“@年度”'),
    prompt: l10n.t('它是哪一年度的报告？新报告将是下一年度的（四位数字，例如 2021）。'),
    value: guess,
    validateInput: (v) => (/^\d{4}$/.test(v.trim()) ? undefined : l10n.t('请写四位数字的年份，例如 2021')),
  });
}

/** guiwei-2021.bg → guiwei-2022.bg; a name without the year gets "-2022". */
function nextName(last: vscode.Uri, year: string | undefined): string {
  const base = stem(last);
  if (!year) return `${base}-下一年度.bg`;
  const next = String(Number(year) + 1);
  return base.includes(year) ? `${base.replace(year, next)}.bg` : `${base}-${next}.bg`;
}

/** 从上一年报告新建: next year's report from the active (or given) report, saved where the writer says, opened. */
async function newFromLastYear(client: LanguageClient, notes: vscode.OutputChannel, last?: vscode.Uri, target?: vscode.Uri, givenYear?: number): Promise<string | undefined> {
  const doc = await requireDocument(last);
  if (!doc || doc.languageId !== LANGUAGE_ID) return undefined;
  const own = yearOf(doc.getText());
  const year = own ?? (givenYear !== undefined ? String(givenYear) : (await askYear(doc))?.trim());
  if (!year) return undefined;
  const file = await saveTarget(doc.uri, nextName(doc.uri, year), { [l10n.t('报告')]: ['bg'] }, target);
  if (!file) return undefined;
  const params: NewReportRequest.Params = { uri: client.code2ProtocolConverter.asUri(doc.uri), target: client.code2ProtocolConverter.asUri(file), ...(own ? {} : { year: Number(year) }) };
  const result = await request<NewReportRequest.Result>(client, NewReportRequest.method, params);
  await writeChosenFile(file, Buffer.from(result.text, 'utf8'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  notes.clear();
  notes.appendLine(l10n.t('已从“{0}”起草 {1} 年度报告，改动如下：', path.posix.basename(doc.uri.path), result.year));
  for (const n of result.changed) notes.appendLine(`  ${n.line ? l10n.t('第{0}行', n.line) + '：' : ''}${n.what}`);
  if (result.flagged.length) notes.appendLine(l10n.t('以下年份没有改，请逐一确认：'));
  for (const n of result.flagged) notes.appendLine(`  ${l10n.t('第{0}行', n.line)}：${n.what}`);
  notes.show(true);
  void vscode.window.showInformationMessage(l10n.t('已起草 {0} 年度报告：请填写“？”处的数值和“@日期”。', result.year));
  return file.toString();
}

/** 汇总指标: the workspace's figures side by side in an editor, and as CSV for Excel where the writer says. */
async function collectFigures(client: LanguageClient, target?: vscode.Uri): Promise<CollectRequest.Result | undefined> {
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: l10n.t('正在汇总工作区中的指标…') }, () =>
    request<CollectRequest.Result>(client, CollectRequest.method, {}));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: result.table }), { preview: false });
  const saveCsv = l10n.t('保存为 CSV…');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const file = target instanceof vscode.Uri ? target
    : (await vscode.window.showInformationMessage(l10n.t('已汇总 {0} 份报告的 {1} 个指标。', result.reports, result.figures), saveCsv)) === saveCsv
      ? await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, '指标汇总.csv') : undefined, filters: { CSV: ['csv'] } })
      : undefined;
  if (file) await writeChosenFile(file, Buffer.from(result.csv, 'utf8'));
  return result;
}
