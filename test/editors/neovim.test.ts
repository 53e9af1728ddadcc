// The language server in a real editor that is not VS Code: Neovim (Debian's, 0.7), headless, driven by
// test/editors/neovim.lua. What Neovim shows is compared with the references of reference.ts: the
// diagnostics with `baogao check` (columns in UTF-16 units), formatting and rename with a reference client. Neovim converts LSP's UTF-16 positions to bytes and back itself,
// so a CJK report tests that both sides count alike. scripts/editors/setup.sh installs Neovim.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-protocol/node';
import { pathToUri } from '../../server/lsp/uri.js';
import { positionOf } from '../protocol/helper.js';
import { assertFollowsTyping, beyondBmpReport, insertAt, key, referenceEdits, ROOT, runEditor, samplesCopy } from './reference.js';

interface NvimDiagnostic { code: string; lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string }
interface Seen { diagnostics: NvimDiagnostic[]; lines: string[] }
interface Run {
  error?: string;
  steps: {
    opened: Seen; typed: Seen; undone: Seen; fixed?: { titles: string[]; lines: string[] }; formatted: { lines: string[] }; renamed?: { lines: string[] }; stopped: boolean;
    hover?: { contents?: { value?: string } | string; error?: unknown };
    definition?: Array<{ uri: string; range: { start: Position } }> | { error: unknown };
    references?: unknown[] | { error: unknown };
    completion?: { items?: Array<{ label: string }> } | Array<{ label: string }>;
    symbols?: Array<{ name: string }>;
  };
}
interface Plan {
  hover?: Position; definition?: Position; completion?: Position;
  type: Position & { text: string };
  /** Apply the code action whose title has this text, after typing again. */
  fix?: string;
  rename?: Position & { newName: string };
}

/** Neovim's diagnostics (byte columns in its buffer lines) in UTF-16 units. */
function nvimKeys(seen: Seen): string[] {
  const utf16 = (line: number, byte: number) => Buffer.from(seen.lines[line] ?? '', 'utf8').subarray(0, byte).toString('utf8').length;
  return seen.diagnostics.map((d) => key(String(d.code), d.lnum, utf16(d.lnum, d.col), d.end_lnum, utf16(d.end_lnum, d.end_col), d.severity)).sort();
}

function nvimVersion(): string | undefined {
  try {
    return execFileSync('nvim', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
}

function runNeovim(report: string, plan: Plan): Run {
  return runEditor<Run>('Neovim', 'nvim', ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `luafile ${path.join(ROOT, 'test', 'editors', 'neovim.lua')}`], report, plan);
}

describe('other editors: Neovim', function () {
  this.timeout(300_000);
  const version = nvimVersion();
  // Installed by scripts/editors/setup.sh (npm run test:editors); missing Neovim is a failure, not a skip.
  const folder = samplesCopy('baogao-nvim-', version, 'nvim is not on PATH: run `npm run test:editors` (scripts/editors/setup.sh installs Debian\'s neovim)');

  it(`shows every diagnostic where the command puts it, answers, formats and renames (guiwei-2020, ${version ?? 'no nvim'})`, async () => {
    const file = path.join(folder(), 'guiwei-2020.bg');
    const text = readFileSync(file, 'utf8');
    const definedAt = positionOf(text, '{调处 = 150起}', 1);
    const plan: Plan = {
      hover: positionOf(text, '{调处 = 150起}', 2),
      definition: positionOf(text, '成功/调处', 4),
      completion: positionOf(text, '成功/调处', 3),
      // A half-width comma typed into Chinese prose (BG7xx), after a line with CJK before it on the same line.
      type: { ...positionOf(text, '工作在县委', 2), text: ',' },
      fix: '，',
      rename: { ...definedAt, newName: '纠纷调处' },
    };
    const run = runNeovim(file, plan);
    const { steps } = run;

    assert.deepEqual(steps.opened.lines, text.replace(/\n$/, '').split('\n'), 'the buffer is the file');
    const seen = { opened: nvimKeys(steps.opened), typed: nvimKeys(steps.typed), undone: nvimKeys(steps.undone) };
    const { file: expected, typed: typedExpected } = assertFollowsTyping(folder(), 'guiwei-2020.bg', plan.type, () => seen);
    assert.ok(expected.length > 5, `the sample has findings: ${expected.length}`);

    const hover = typeof steps.hover?.contents === 'string' ? steps.hover.contents : steps.hover?.contents?.value ?? '';
    assert.match(hover, /150/, `hover: ${JSON.stringify(steps.hover)}`);
    assert.ok(Array.isArray(steps.definition) && steps.definition.length === 1, JSON.stringify(steps.definition));
    assert.deepEqual(steps.definition[0]!.range.start, definedAt);
    assert.equal(steps.definition[0]!.uri, pathToUri(file));
    assert.ok(Array.isArray(steps.references) && steps.references.length >= 2, JSON.stringify(steps.references));
    const items = Array.isArray(steps.completion) ? steps.completion : steps.completion?.items ?? [];
    assert.ok(['调处', '成功', '应领证'].every((name) => items.some((i) => i.label === name)), items.map((i) => i.label).join());
    assert.ok(steps.symbols?.some((s) => s.name === '一、依法全面履行政府职能情况'), JSON.stringify(steps.symbols?.map((s) => s.name)));

    // Typing: Neovim's incremental change (a UTF-16 range after CJK) leaves the server with the same text.
    assert.deepEqual(steps.typed.lines, insertAt(text, plan.type, plan.type.text).replace(/\n$/, '').split('\n'));
    assert.notDeepEqual(typedExpected, expected, 'the typed comma is a finding');

    // The quick fix for the typed comma, applied by Neovim: the full-width comma in its place, nothing else moved.
    assert.ok(steps.fixed, 'no quick-fix step');
    assert.deepEqual(steps.fixed.lines, insertAt(text, plan.type, '，').replace(/\n$/, '').split('\n'), `actions offered: ${steps.fixed.titles.join(' | ')}`);

    const reference = await referenceEdits(folder(), file, definedAt, '纠纷调处');
    assert.notEqual(reference.formatted, text);
    assert.deepEqual(steps.formatted.lines, reference.formatted.replace(/\n$/, '').split('\n'), "the formatting applied by Neovim is the reference client's");
    const renamed = reference.renamed;
    assert.notEqual(renamed, text);
    assert.deepEqual(steps.renamed?.lines, renamed.replace(/\n$/, '').split('\n'), "the rename applied by Neovim is the reference client's");
    assert.equal(steps.stopped, true, 'the server stops when Neovim asks');
  });

  /** What Neovim showed while typing, as keys. */
  const shown = (run: Run) => ({ opened: nvimKeys(run.steps.opened), typed: nvimKeys(run.steps.typed), undone: nvimKeys(run.steps.undone) });

  it('shows the findings of a report that reads snippets and last year’s report (guiwei-2021)', () => {
    const text = readFileSync(path.join(folder(), 'guiwei-2021.bg'), 'utf8');
    const type = { ...positionOf(text, '@引用 人民调解', 0), text: '#' };
    assertFollowsTyping(folder(), 'guiwei-2021.bg', type, (file) => shown(runNeovim(file, { type })));
  });

  it('counts UTF-16 units after characters beyond the BMP as Neovim does (𠀀)', () => {
    const { name, type } = beyondBmpReport(folder());
    const { file: expected } = assertFollowsTyping(folder(), name, type, (file) => shown(runNeovim(file, { type })));
    assert.ok(expected.some((k) => /@3:\d+/.test(k)), expected.join());
  });
});
