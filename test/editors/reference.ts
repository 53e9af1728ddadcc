// What the editors' results are compared with: `baogao check --format json` for the diagnostics, and the
// edits our own protocol client (test/protocol/helper.ts) receives for the same requests, applied by
// vscode-languageserver-textdocument, for formatting and rename.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentFormattingRequest, RenameRequest, type Position, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import type { Severity } from '../../grammar/diagnostic.js';
import { positionOf, startClient } from '../protocol/helper.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.cjs');
export const CLI = path.join(ROOT, 'dist', 'cli.cjs');

export const SEVERITY: Record<Severity, number> = { error: 1, warning: 2, info: 3, hint: 4 };

/** One diagnostic as `code@line:col-line:col/severity`, columns in UTF-16 units (LSP's, and the command's). */
export const key = (code: string, line: number, col: number, endLine: number, endCol: number, severity: number) => `${code}@${line}:${col}-${endLine}:${endCol}/${severity}`;

/** What `baogao check` reports for a file, as keys. */
export function cliKeys(file: string): string[] {
  const run = spawnSync(process.execPath, [CLI, 'check', file, '--format', 'json'], { encoding: 'utf8' });
  const found = JSON.parse(run.stdout) as Array<{ code: string; line: number; column: number; endLine: number; endColumn: number; severity: Severity }>;
  return found.map((d) => key(d.code, d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1, SEVERITY[d.severity])).sort();
}

/** The text with one string inserted at an LSP position. */
export function insertAt(text: string, at: Position, inserted: string): string {
  const doc = TextDocument.create('file:///x', 'baogao', 1, text);
  const offset = doc.offsetAt(at);
  return text.slice(0, offset) + inserted + text.slice(offset);
}

/**
 * What our own protocol client gets for the same formatting and rename, each applied to the file's text by
 * vscode-languageserver-textdocument: the reference Neovim's results are compared with.
 */
export async function referenceEdits(folder: string, file: string, rename: Position, newName: string): Promise<{ formatted: string; renamed: string }> {
  const client = await startClient({}, { folder });
  try {
    const { uri, text } = await client.open(path.basename(file));
    const apply = (edits: readonly TextEdit[]) => TextDocument.applyEdits(TextDocument.create(uri, 'baogao', 1, text), [...edits]);
    const formatting = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: rename, newName })) as WorkspaceEdit;
    const renaming = edit.changes?.[uri] ?? edit.documentChanges?.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : [])) ?? [];
    assert.ok(formatting && formatting.length > 0 && renaming.length > 0, 'the reference client got edits for both');
    return { formatted: apply(formatting), renamed: apply(renaming) };
  } finally {
    await client.stop();
  }
}

/**
 * A report whose findings stand after characters beyond the BMP (two UTF-16 units, one character in
 * Emacs, four bytes in Neovim): each side must count LSP's UTF-16 columns alike.
 */
export const BEYOND_BMP_REPORT = '@标题 𠀀𠀀镇人民政府2020年度法治政府建设情况报告\n@年度 2020\n\n𠀀𠀀镇𠀾开展普法工作,取得成效。𠀀调处纠纷{调处 = 12起}。\n';

/**
 * Runs an editor's driver script on a report: the plan and paths go in the environment (BAOGAO_SERVER,
 * BAOGAO_REPORT, BAOGAO_OUT, BAOGAO_PLAN), the driver writes what it saw as JSON to BAOGAO_OUT, with
 * `error` set if it stopped early.
 */
export function runEditor<R extends { error?: string }>(editor: string, command: string, args: string[], report: string, plan: unknown): R {
  const out = path.join(path.dirname(report), `${command}-run.json`);
  const run = spawnSync(command, args, {
    env: { ...process.env, BAOGAO_SERVER: SERVER, BAOGAO_REPORT: report, BAOGAO_OUT: out, BAOGAO_PLAN: JSON.stringify(plan) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = (run.stderr || run.stdout || '').slice(-2000);
  let result: R;
  try {
    result = JSON.parse(readFileSync(out, 'utf8')) as R;
  } catch {
    throw new Error(`${editor} wrote no result (status ${run.status}, signal ${run.signal}): ${output}`);
  }
  assert.equal(result.error, undefined, `${editor}'s run stopped: ${result.error}\n${output}`);
  return result;
}

/**
 * A copy of samples/ for one describe block, made before its tests and removed after them; the editor
 * must be installed (`installed` its version), or the block fails with `missing` — never skipped.
 */
export function samplesCopy(prefix: string, installed: string | undefined, missing: string): () => string {
  let folder = '';
  before(() => {
    assert.ok(installed, missing);
    folder = mkdtempSync(path.join(tmpdir(), prefix));
    cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
  });
  after(() => folder && rmSync(folder, { recursive: true, force: true }));
  return () => folder;
}

/** What an editor showed of a report (as keys, see `key`): opened, after one character typed, after undo. */
export interface ShownWhileTyping { opened: string[]; typed: string[]; undone: string[] }

/**
 * Types `type.text` at `type` in a report of the folder through an editor (`show`), and asserts that the
 * editor showed the command's findings of the file, of the typed text, and of the file again after undo.
 * `asShown` says what of a finding the editor can show (Vim's ALE: errors and warnings only).
 * Returns the command's findings of the file and of the typed text (through `asShown`).
 */
export function assertFollowsTyping(
  folder: string, name: string, type: Position & { text: string }, show: (file: string) => ShownWhileTyping,
  asShown: (keys: string[]) => string[] = (keys) => keys,
): { file: string[]; typed: string[] } {
  const file = path.join(folder, name);
  const text = readFileSync(file, 'utf8');
  const shown = show(file);
  const expected = asShown(cliKeys(file));
  assert.deepEqual(shown.opened, expected, 'the editor shows what `baogao check` reports, at the same places');
  const typedFile = path.join(folder, name.replace(/\.bg$/, '-typed.bg'));
  writeFileSync(typedFile, insertAt(text, type, type.text));
  const typed = asShown(cliKeys(typedFile));
  assert.deepEqual(shown.typed, typed, 'after typing, what the command reports on the typed text');
  assert.deepEqual(shown.undone, expected, 'after undo, the findings of the file again');
  return { file: expected, typed };
}

/** The report beyond the BMP written into the folder, and where to type in it: a half-width ; after 取得. */
export function beyondBmpReport(folder: string): { name: string; type: Position & { text: string } } {
  writeFileSync(path.join(folder, 'beyond-bmp.bg'), BEYOND_BMP_REPORT);
  return { name: 'beyond-bmp.bg', type: { ...positionOf(BEYOND_BMP_REPORT, '取得', 2), text: ';' } };
}
