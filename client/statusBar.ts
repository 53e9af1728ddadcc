// The status bar item for the active report: its kind and its problems ("法治政府建设年度报告：3 错误 1 警告").
// A click opens the Problems panel when there are problems, else the preview.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_ID } from './ids.js';
import * as l10n from './l10n.js';

const HEADER_LINES = 60;

/** The `@类型` of a report, read from its first lines (header directives come first). */
export function reportKind(doc: vscode.TextDocument): string | undefined {
  for (let i = 0; i < Math.min(doc.lineCount, HEADER_LINES); i++) {
    // Trailing white space taken off apart: a lazy value before \s*$ is quadratic in a long run of it.
    const m = /^\s*[@＠](?:类型|kind)\s+(\S.*)$/.exec(doc.lineAt(i).text);
    if (m) return m[1]!.trimEnd();
  }
  return undefined;
}

export class ReportStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('baogao.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.item.name = l10n.t('报告状态');
    this.subscriptions.push(
      this.item,
      // Without a running server there are no diagnostics: say so rather than "无问题".
      client.onDidChangeState(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.some((c) => c.range.start.line < HEADER_LINES)) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'baogao');
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const label = reportKind(doc) ?? l10n.t('报告');
    if (this.client.state !== State.Running) {
      const starting = this.client.state === State.Starting;
      this.item.text = `$(${starting ? 'loading~spin' : 'debug-disconnect'}) ${starting ? l10n.t('{0}：检查服务启动中', label) : l10n.t('{0}：检查服务未运行', label)}`;
      this.item.tooltip = starting ? l10n.t('语言服务器正在启动') : l10n.t('语言服务器已停止：点击重启');
      this.item.command = starting ? undefined : Commands.restartServer;
      this.item.backgroundColor = starting ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.show();
      return;
    }
    if (errors + warnings > 0) {
      this.item.text = `$(${errors ? 'error' : 'warning'}) ${l10n.t('{0}：{1} 错误 {2} 警告', label, errors, warnings)}`;
      this.item.tooltip = l10n.t('点击打开“问题”面板');
      this.item.command = 'workbench.actions.view.problems';
      this.item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    } else {
      this.item.text = `$(check) ${l10n.t('{0}：无问题', label)}`;
      this.item.tooltip = l10n.t('点击打开预览');
      this.item.command = { command: Commands.openPreview, title: l10n.t('打开预览'), arguments: [doc.uri] };
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
