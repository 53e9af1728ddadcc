// The language server in classic Vim with ALE (Debian's Vim 9.0 and ALE 3.3), in silent Ex mode, driven by
// test/editors/vim.vim with README's configuration as the vimrc. ALE 3.3 counts a position's character in
// bytes, as Vim does, and README's configuration asks the server for UTF-8 positions
// (`initializationOptions.positionEncoding`): the test asserts that Vim shows every finding of
// `baogao check` at its place, follows typing and undo, and answers requests and renames after Chinese text.
// scripts/editors/setup.sh installs Vim and ALE.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-protocol/node';
import { positionOf } from '../protocol/helper.js';
import { assertFollowsTyping, beyondBmpReport, CLI, insertAt, key, ROOT, runEditor, samplesCopy } from './reference.js';

interface AleDiagnostic { code: string; lnum: number; col: number; end_lnum: number; end_col: number; type: string }
interface Seen { diagnostics: AleDiagnostic[]; lines: string[] }
interface Run {
  error?: string;
  steps: {
    opened: Seen; typed: Seen; undone: Seen;
    hover?: string[]; references?: Array<{ lnum: number; col: number }>; definition?: { lnum: number; col: number; file: string };
    completion?: { items: Array<{ word: string; menu: string }>; line: string };
    renamed?: string[]; serverPids: number[]; stopped: number;
  };
}
/** Positions with the byte column Vim's cursor takes (`byte`), computed here from the UTF-16 one. */
type At = Position & { byte: number };
interface Plan { type: At & { text: string }; hover?: At; references?: At; definition?: At; completion?: At; rename?: At & { newName: string } }

/** A byte column of a line in UTF-16 units (a column inside a character counts it as one). */
const utf16At = (line: string | undefined, byte: number) => Buffer.from(line ?? '', 'utf8').subarray(0, byte).toString('utf8').length;

/** ALE's location list (byte columns: col is the start + 1, end_col the end) in the command's UTF-16 terms, read on the buffer's lines. */
function aleKeys(seen: Seen): string[] {
  return seen.diagnostics.map((d) => key(d.code, d.lnum - 1, utf16At(seen.lines[d.lnum - 1], d.col - 1), d.end_lnum - 1, utf16At(seen.lines[d.end_lnum - 1], d.end_col), d.type === 'E' ? 1 : 2)).sort();
}

/** What ALE 3.3 can show of a finding: errors (E), and the rest as warnings (W). */
const asShown = (keys: string[]) => keys.map((k) => k.replace(/\/[234]$/, '/2')).sort();

/** A UTF-16 position in a text with the byte column of the same place. */
function at(text: string, position: Position): At {
  const line = text.split('\n')[position.line] ?? '';
  return { ...position, byte: Buffer.byteLength(line.slice(0, position.character)) };
}

/** Debian's Vim by its own name: neovim provides the `vim` alternative too, and it may point to nvim. */
const VIM = 'vim.basic';

function vimVersion(): string | undefined {
  const vim = spawnSync(VIM, ['--version'], { encoding: 'utf8' });
  const ale = spawnSync(VIM, ['-N', '-u', 'NONE', '-i', 'NONE', '-es', '-c', 'packadd ale', '-c', 'if exists("g:loaded_ale") | qall! | else | cquit | endif'], { encoding: 'utf8', timeout: 20_000 });
  return vim.status === 0 && ale.status === 0 ? `${vim.stdout.split('\n')[0]!.replace(/ \(.*$/, '')}, ALE` : undefined;
}

/** README's Vim configuration, as it stands there: the vimrc of every run. */
function readmeVimrc(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /Vim 9 with ALE[^\n]*\n\n```vim\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README › Other editors has no Vim with ALE configuration');
  return block[1]!;
}

/**
 * Whether a process has ended within `ms`: gone, or a zombie. When Vim quits, the server it started is
 * orphaned and its exit is reaped by whatever adopts it, which need not be at once (or at all, where the
 * container's first process does not reap): a zombie has ended all the same.
 */
function endsWithin(pid: number, ms: number): boolean {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + ms; ; Atomics.wait(pause, 0, 0, 50)) {
    if (!running(pid)) return true;
    if (Date.now() > deadline) return false;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // /proc/<pid>/stat: "pid (comm) S …" — the state follows the last ')'.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

describe('other editors: Vim with ALE', function () {
  this.timeout(300_000);
  const version = vimVersion();
  // Installed by scripts/editors/setup.sh (npm run test:editors); a missing Vim or ALE is a failure, not a skip.
  const folder = samplesCopy('baogao-vim-', version, 'vim with ALE is not installed: run `npm run test:editors` (scripts/editors/setup.sh installs Debian\'s vim and vim-ale)');

  /**
   * Runs Vim on a report: README's vimrc, a `baogao` command on PATH that runs this build's, and a locale
   * that is not UTF-8 (Vim's encoding then comes from the vimrc alone).
   */
  function runVim(report: string, plan: Plan): Run {
    const bin = path.join(folder(), '.bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'baogao'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(path.join(bin, 'baogao'), 0o755);
    const vimrc = path.join(folder(), '.vimrc');
    writeFileSync(vimrc, readmeVimrc());
    const driver = path.join(ROOT, 'test', 'editors', 'vim.vim');
    const run = runEditor<Run>('Vim', 'env', [`PATH=${bin}:${process.env.PATH}`, 'LC_ALL=C', VIM, '-N', '-u', vimrc, '-i', 'NONE', '-n', '--not-a-term', '-es', '-S', driver], report, plan);
    for (const pid of run.steps.serverPids) assert.ok(endsWithin(pid, 10_000), `the server (pid ${pid}) outlived Vim`);
    assert.ok(run.steps.serverPids.length > 0 && run.steps.stopped === 1, 'ALE stopped the server');
    return run;
  }

  /** Asserts a run's diagnostics as ALE shows them: the command's, at their places. */
  function assertShown(file: string, type: Position & { text: string }, plan: Omit<Plan, 'type'> = {}): Run {
    let run: Run | undefined;
    const text = readFileSync(file, 'utf8');
    assertFollowsTyping(folder(), path.basename(file), type, (report) => {
      run = runVim(report, { ...plan, type: { ...at(text, type), text: type.text } });
      return { opened: aleKeys(run.steps.opened), typed: aleKeys(run.steps.typed), undone: aleKeys(run.steps.undone) };
    }, asShown);
    assert.deepEqual(run!.steps.opened.lines, text.replace(/\n$/, '').split('\n'), 'the buffer is the file');
    assert.deepEqual(run!.steps.typed.lines, insertAt(text, type, type.text).replace(/\n$/, '').split('\n'), 'typed where the plan says');
    return run!;
  }

  it(`shows every finding of the command at its place, follows typing and undo (guiwei-2020, ${version ?? 'no vim'})`, () => {
    const file = path.join(folder(), 'guiwei-2020.bg');
    assertShown(file, { ...positionOf(readFileSync(file, 'utf8'), '工作在县委', 2), text: ',' });
  });

  it('shows the findings of a report that reads snippets and last year’s report (guiwei-2021)', () => {
    const file = path.join(folder(), 'guiwei-2021.bg');
    assertShown(file, { ...positionOf(readFileSync(file, 'utf8'), '@引用 人民调解', 0), text: '#' });
  });

  it('shows the findings after characters beyond the BMP (𠀀) at their places', () => {
    const { name, type } = beyondBmpReport(folder());
    assertShown(path.join(folder(), name), type);
  });

  it('answers hover, definition, references and completion after Chinese text, and renames a figure', () => {
    const text = '@标题 桂圩镇人民政府2020年度法治政府建设情况报告\n@年度 2020\n\n# 一、依法全面履行政府职能情况\n\n'
      + '全年共调处{调处 = 12起}矛盾纠纷，全部调处成功。\n其中{调处}起纠纷为邻里纠纷。\n这{调处}起均在一个月内办结。\n';
    const file = path.join(folder(), 'requests.bg');
    writeFileSync(file, text);
    const use = at(text, positionOf(text, '{调处}起纠纷', 1));
    const definedAt = at(text, positionOf(text, '{调处 = 12起}', 1));
    const type = { ...positionOf(text, '矛盾纠纷', 4), text: ',' };
    const { steps } = assertShown(file, type, { hover: use, references: use, definition: use, completion: use });
    assert.match((steps.hover ?? []).join('\n'), /调处\*\* = 12起/, `hover: ${JSON.stringify(steps.hover)}`);
    assert.deepEqual(steps.definition, { lnum: definedAt.line + 1, col: definedAt.byte + 1, file }, 'the cursor on 调处 of its definition');
    const second = at(text, positionOf(text, '{调处}起均', 1));
    assert.deepEqual(steps.references, [{ lnum: use.line + 1, col: use.byte + 1 }, { lnum: second.line + 1, col: second.byte + 1 }], 'both uses (ALE asks without the declaration)');

    const items = steps.completion?.items ?? [];
    assert.ok(items.some((i) => i.word === '调处' && i.menu === '12起') && items.some((i) => i.word === '年度'), JSON.stringify(steps.completion));
    assert.equal(steps.completion?.line, `其中{${items[0]!.word}调处}起纠纷为邻里纠纷。`, 'the first item inserted after {');

    // ALE applies the rename's edits and saves: in a copy of the report.
    const renaming = path.join(folder(), 'requests-renamed.bg');
    writeFileSync(renaming, text);
    const { renamed } = runVim(renaming, { type: { ...at(text, type), text: type.text }, rename: { ...definedAt, newName: '纠纷调处' } }).steps;
    assert.deepEqual(renamed, text.replaceAll('{调处', '{纠纷调处').replace(/\n$/, '').split('\n'));
  });
});
