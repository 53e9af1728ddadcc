// The language server in Emacs with Eglot (Debian's Emacs 28 and Eglot 1.9), in batch mode, driven by
// test/editors/emacs.el. What Eglot gives Flymake (buffer positions in characters) is compared with the
// references of reference.ts. Eglot converts LSP's UTF-16 columns with its own code, so a CJK report tests
// that both sides count alike. scripts/editors/setup.sh installs Emacs and Eglot.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-protocol/node';
import { positionOf } from '../protocol/helper.js';
import { assertFollowsTyping, beyondBmpReport, insertAt, key, referenceEdits, ROOT, runEditor, samplesCopy } from './reference.js';

interface EmacsDiagnostic { code: string; severity: number; start: [number, number]; end: [number, number]; lspRange: [number, number, number, number] }
interface Seen { diagnostics: EmacsDiagnostic[]; text: string }
interface Run { error?: string; opened: Seen; typed: Seen; undone: Seen; formatted: string; renamed?: string; stopped: boolean }

/**
 * Eglot's diagnostics in UTF-16 units. Columns are characters in Emacs; a diagnostic of no width is drawn
 * over the word at its start (Flymake's region), so only its start is compared, and its end is the start.
 */
function emacsKeys(seen: Seen): string[] {
  const lines = seen.text.split('\n');
  const utf16 = (line: number, chars: number) => [...(lines[line] ?? '')].slice(0, chars).join('').length;
  return seen.diagnostics.map((d) => {
    const [line, col] = [d.start[0], utf16(d.start[0], d.start[1])];
    const [sl, sc, el, ec] = d.lspRange;
    const end = sl === el && sc === ec ? [line, col] : [d.end[0], utf16(d.end[0], d.end[1])];
    return key(String(d.code), line, col, end[0]!, end[1]!, d.severity);
  }).sort();
}

function emacsVersion(): string | undefined {
  try {
    const version = execFileSync('emacs', ['--version'], { encoding: 'utf8' }).split('\n')[0];
    const eglot = spawnSync('emacs', ['--batch', '--eval', "(require 'eglot)"], { encoding: 'utf8' });
    return eglot.status === 0 ? `${version}, Eglot` : undefined;
  } catch {
    return undefined;
  }
}

function runEmacs(report: string, plan: { type: Position & { text: string }; rename?: Position & { newName: string } }): Run {
  return runEditor<Run>('Emacs', 'emacs', ['--batch', '-l', path.join(ROOT, 'test', 'editors', 'emacs.el')], report, plan);
}

describe('other editors: Emacs with Eglot', function () {
  this.timeout(300_000);
  const version = emacsVersion();
  // Installed by scripts/editors/setup.sh (npm run test:editors); a missing Emacs is a failure, not a skip.
  const folder = samplesCopy('baogao-emacs-', version, 'emacs with eglot is not installed: run `npm run test:editors` (scripts/editors/setup.sh installs Debian\'s emacs-nox and elpa-eglot)');

  it(`shows every diagnostic where the command puts it, follows typing, formats and renames (guiwei-2020, ${version ?? 'no emacs'})`, async () => {
    const file = path.join(folder(), 'guiwei-2020.bg');
    const text = readFileSync(file, 'utf8');
    const definedAt = positionOf(text, '{调处 = 150起}', 1);
    const plan = { type: { ...positionOf(text, '工作在县委', 2), text: ',' }, rename: { ...definedAt, newName: '纠纷调处' } };
    const run = runEmacs(file, plan);

    assert.equal(run.opened.text, text, 'the buffer is the file');
    const seen = { opened: emacsKeys(run.opened), typed: emacsKeys(run.typed), undone: emacsKeys(run.undone) };
    const { file: expected, typed: typedExpected } = assertFollowsTyping(folder(), 'guiwei-2020.bg', plan.type, () => seen);
    assert.ok(expected.length > 5, `the sample has findings: ${expected.length}`);
    assert.notDeepEqual(typedExpected, expected, 'the typed comma is a finding');
    assert.equal(run.typed.text, insertAt(text, plan.type, plan.type.text));

    const reference = await referenceEdits(folder(), file, definedAt, '纠纷调处');
    assert.equal(run.formatted, reference.formatted, "the formatting applied by Eglot is the reference client's");
    assert.equal(run.renamed, reference.renamed, "the rename applied by Eglot is the reference client's");
    assert.equal(run.stopped, true, 'the server stops when Eglot shuts it down');
  });

  it('counts UTF-16 units after characters beyond the BMP as Eglot does (𠀀)', () => {
    const { name, type } = beyondBmpReport(folder());
    const { file: expected } = assertFollowsTyping(folder(), name, type, (file) => {
      const run = runEmacs(file, { type });
      return { opened: emacsKeys(run.opened), typed: emacsKeys(run.typed), undone: emacsKeys(run.undone) };
    });
    assert.ok(expected.some((k) => /@3:\d+/.test(k)), expected.join());
  });
});
