// The language server in Emacs with lsp-mode (Debian's Emacs 28 and lsp-mode 8.0), in batch mode, driven by
// test/editors/lspmode.el with README's lsp-mode configuration as written. lsp-mode counts a position's
// character in Emacs characters (code points), and README's configuration asks the server for them
// (`initializationOptions.positionEncoding: "utf-32"`): the test asserts that lsp-mode places every finding
// of `baogao check` where the command puts it — after characters beyond the BMP too — follows typing and
// undo, and applies formatting and a rename as our reference client does. scripts/editors/setup.sh installs
// Emacs and lsp-mode.
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-protocol/node';
import { positionOf } from '../protocol/helper.js';
import { assertFollowsTyping, beyondBmpReport, CLI, insertAt, key, referenceEdits, ROOT, runEditor, samplesCopy } from './reference.js';

interface LspModeDiagnostic { code: string; severity: number; start: [number, number]; end: [number, number] }
interface Seen { diagnostics: LspModeDiagnostic[]; text: string }
interface Run { error?: string; opened: Seen; typed: Seen; undone: Seen; formatted: string; renamed?: string; stopped: boolean }
/** A place as Emacs counts it: the line, and the column in characters. */
interface At { line: number; column: number }

/** lsp-mode's diagnostics, placed in the buffer by lsp-mode (columns in characters), as keys in UTF-16 units. */
function lspModeKeys(seen: Seen): string[] {
  const lines = seen.text.split('\n');
  const utf16 = (line: number, chars: number) => [...(lines[line] ?? '')].slice(0, chars).join('').length;
  return seen.diagnostics.map((d) => key(String(d.code), d.start[0], utf16(d.start[0], d.start[1]), d.end[0], utf16(d.end[0], d.end[1]), d.severity)).sort();
}

/** An LSP position (UTF-16) of a text as Emacs counts it. */
function inCharacters(text: string, position: Position): At {
  const line = text.split('\n')[position.line] ?? '';
  return { line: position.line, column: [...line.slice(0, position.character)].length };
}

function lspModeVersion(): string | undefined {
  try {
    const version = execFileSync('emacs', ['--version'], { encoding: 'utf8' }).split('\n')[0];
    const loaded = spawnSync('emacs', ['--batch', '--eval', "(require 'lsp-mode)"], { encoding: 'utf8' });
    return loaded.status === 0 ? `${version}, lsp-mode` : undefined;
  } catch {
    return undefined;
  }
}

/** README's lsp-mode configuration, as it stands there. */
function readmeConfiguration(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /Emacs with lsp-mode[^\n]*\n\n```elisp\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README › Other editors has no lsp-mode configuration');
  return block[1]!;
}

describe('other editors: Emacs with lsp-mode', function () {
  this.timeout(300_000);
  const version = lspModeVersion();
  // Installed by scripts/editors/setup.sh (npm run test:editors); a missing lsp-mode is a failure, not a skip.
  const folder = samplesCopy('baogao-lspmode-', version, 'emacs with lsp-mode is not installed: run `npm run test:editors` (scripts/editors/setup.sh installs Debian\'s emacs-nox and elpa-lsp-mode)');

  /** Runs Emacs on a report with README's configuration and a `baogao` command on PATH that runs this build's. */
  function runLspMode(report: string, plan: { type: At & { text: string }; rename?: At & { newName: string } }): Run {
    const bin = path.join(folder(), '.bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'baogao'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(path.join(bin, 'baogao'), 0o755);
    const driver = path.join(ROOT, 'test', 'editors', 'lspmode.el');
    const run = runEditor<Run>('Emacs (lsp-mode)', 'env', [`PATH=${bin}:${process.env.PATH}`, `BAOGAO_CONFIG=${readmeConfiguration()}`, 'emacs', '--batch', '-l', driver], report, plan);
    assert.equal(run.stopped, true, 'the server stops when lsp-mode shuts it down');
    return run;
  }

  /** Types at a UTF-16 position through lsp-mode; asserts the findings shown as `baogao check` gives them. */
  function assertShown(name: string, type: Position & { text: string }, rename?: Position & { newName: string }): { run: Run; expected: string[]; typed: string[] } {
    const text = readFileSync(path.join(folder(), name), 'utf8');
    let run: Run | undefined;
    const plan = { type: { ...inCharacters(text, type), text: type.text }, ...(rename ? { rename: { ...inCharacters(text, rename), newName: rename.newName } } : {}) };
    const { file: expected, typed } = assertFollowsTyping(folder(), name, type, (file) => {
      run = runLspMode(file, plan);
      return { opened: lspModeKeys(run.opened), typed: lspModeKeys(run.typed), undone: lspModeKeys(run.undone) };
    });
    assert.equal(run!.opened.text, text, 'the buffer is the file');
    assert.equal(run!.typed.text, insertAt(text, type, type.text), 'typed where the plan says');
    return { run: run!, expected, typed };
  }

  it(`shows every diagnostic where the command puts it, follows typing, formats and renames (guiwei-2020, ${version ?? 'no lsp-mode'})`, async () => {
    const file = path.join(folder(), 'guiwei-2020.bg');
    const text = readFileSync(file, 'utf8');
    const definedAt = positionOf(text, '{调处 = 150起}', 1);
    const { run, expected, typed } = assertShown('guiwei-2020.bg', { ...positionOf(text, '工作在县委', 2), text: ',' }, { ...definedAt, newName: '纠纷调处' });
    assert.ok(expected.length > 5, `the sample has findings: ${expected.length}`);
    assert.notDeepEqual(typed, expected, 'the typed comma is a finding');
    const reference = await referenceEdits(folder(), file, definedAt, '纠纷调处');
    assert.equal(run.formatted, reference.formatted, "the formatting applied by lsp-mode is the reference client's");
    assert.equal(run.renamed, reference.renamed, "the rename applied by lsp-mode is the reference client's");
  });

  it('places findings after characters beyond the BMP (𠀀) where the command puts them, and renames there', async () => {
    const { name, type } = beyondBmpReport(folder());
    const text = readFileSync(path.join(folder(), name), 'utf8');
    const definedAt = positionOf(text, '{调处 = 12起}', 1);
    const { run, expected } = assertShown(name, type, { ...definedAt, newName: '纠纷调处' });
    assert.ok(expected.some((k) => /@3:\d+/.test(k)), expected.join());
    const reference = await referenceEdits(folder(), path.join(folder(), name), definedAt, '纠纷调处');
    assert.equal(run.renamed, reference.renamed, 'the rename after 𠀀 cuts no character');
  });
});
