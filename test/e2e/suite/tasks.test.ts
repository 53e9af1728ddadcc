// `baogao check` run as a VS Code task with the extension's problem matcher ($baogao, package.json
// contributes.problemMatchers): what VS Code lists in the Problems panel is what the command reports.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, codeOf, fileUri, waitFor, workspaceRoot } from './helpers';

/** The command as this repository built it (the suite runs from out/e2e-suite). */
const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.cjs');

/** A report of its own (no editor has it open, so only the task speaks of it), with an information (BG408) and a hint (BG604). */
const REPORT = '任务检查.bg';
const TEXT = '@标题 某镇2021年度工作报告\n@年度 2021\n\n# 一\n\n学习《法治政府建设实施纲要（2021—2025）》,依法行政。\n';

describe('baogao extension: baogao check as a task', () => {
  before(activateExtension);

  it('lists what `baogao check` reports in the Problems panel through $baogao: places, codes, messages, severities', async () => {
    const uri = fileUri(REPORT);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(TEXT));
    // Exit code 1: the report has an error.
    const expected = JSON.parse(spawnSync(process.execPath, [CLI, 'check', REPORT, '--format', 'json'], { cwd: workspaceRoot().fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }).stdout) as Array<{ line: number; column: number; code: string; message: string; severity: string }>;
    for (const severity of ['error', 'warning', 'info', 'hint']) assert.ok(expected.some((e) => e.severity === severity), `${severity}: ${JSON.stringify(expected)}`);

    const task = new vscode.Task({ type: 'baogao-check-test' }, vscode.TaskScope.Workspace, 'baogao check', 'baogao', new vscode.ProcessExecution(process.execPath, [CLI, 'check', REPORT], { cwd: workspaceRoot().fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } }), '$baogao');
    const run = async () => {
      const ended = new Promise<number | undefined>((resolve) => {
        const listener = vscode.tasks.onDidEndTaskProcess((e) => {
          if (e.execution.task.name !== 'baogao check') return;
          listener.dispose();
          resolve(e.exitCode);
        });
      });
      await vscode.tasks.executeTask(task);
      assert.equal(await ended, 1, 'the command ends with 1: the report has an error');
    };
    const problems = () => {
      const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'baogao check');
      return list.length === expected.length ? list : undefined;
    };
    await run();
    // Once, on a machine under load, code-server lost a task this short before reading its output
    // (“Could not find pty 1 on pty host” in its log, no problem listed): the task is run a second time then.
    const fromTask = await waitFor('the task’s problems', problems, 15_000).catch(async () => {
      await run();
      return waitFor('the task’s problems, run again', problems);
    });
    const SEVERITY: Record<string, vscode.DiagnosticSeverity> = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Information };
    const seen = fromTask.map((d) => [d.range.start.line + 1, d.range.start.character + 1, codeOf(d), d.message, d.severity]).sort();
    assert.deepEqual(seen, expected.map((e) => [e.line, e.column, e.code, e.message, SEVERITY[e.severity]]).sort());
    await vscode.workspace.fs.delete(uri);
  });
});
