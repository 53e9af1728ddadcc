// Property tests (fast-check) of bounded work in hostile workspaces: generated include graphs (chains,
// cycles, "each includes the next n times" bombs), special files, symlinks out and "..". Their own file,
// so that the long mode (`npm run test:fuzz`) runs them beside the other properties.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { LanguageService } from '../../../server/language/service.js';
import { MAX_INCLUSIONS } from '../../../server/language/snippets.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { FileSystemWorkspace } from '../../../server/node/fsWorkspace.js';
import { toCorePath } from '../../../server/node/paths.js';
import { counted, fuzzRuns, fuzzSettings } from '../../helpers.js';

const RUNS = fuzzRuns();
const settings = fuzzSettings();

describe(`properties of hostile workspaces (${RUNS} cases each)`, function () {
  this.timeout(0);

  it('generated include graphs end in bounded time, with a diagnostic when cut', () => {
    const NAMES = [...'甲乙丙丁戊己'];
    // Edges with multiplicities: chains, cycles, and "each includes the next n times" bombs.
    const graph = fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: NAMES.length - 1 }), fc.integer({ min: 1, max: 10 })), { maxLength: 3 }), { minLength: NAMES.length, maxLength: NAMES.length });
    fc.assert(
      fc.property(graph, counted('include graphs', (edges) => {
        const files: Record<string, string> = {};
        edges.forEach((out, i) => {
          const body = out.flatMap(([to, times]) => Array.from({ length: times }, () => `@引用 ${NAMES[to]}`));
          files[`/w/snippets/${NAMES[i]}.bg`] = `@片段 ${NAMES[i]}\n\n${body.join('\n')}\n正文${NAMES[i]}。\n`;
        });
        const started = Date.now();
        const m = new LanguageService(new MemoryWorkspace(files)).analyze('/w/report.bg', '@年度 2020\n\n@引用 甲\n');
        assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
        // Every expansion has a scope of its own (each snippet has prose): bounded, and told when cut.
        const expansions = new Set(m.blocks.map((b) => b.scope)).size - 1;
        assert.ok(expansions <= MAX_INCLUSIONS, `${expansions} expansions`);
        // BG903 "展开超过上限" when an @引用 was left out for the budget (not when the last one just fit).
        if (m.diagnostics.some((d) => d.code === 'BG903' && d.message.includes('展开超过上限'))) assert.equal(expansions, MAX_INCLUSIONS);
      })),
      settings,
    );
  });

  it('hostile files (special files, symlinks out, "..") are refused at once with a diagnostic', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'baogao-hostile-'));
    const work = path.join(root, 'work');
    mkdirSync(path.join(work, 'snippets'), { recursive: true });
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(path.join(root, 'outside', '外.bg'), '@片段 外\n\n机密。\n');
    writeFileSync(path.join(root, 'secret.bg'), '{调处 = 1起}\n');
    writeFileSync(path.join(work, 'last.bg'), '{调处 = 100起}\n');
    symlinkSync(path.join(root, 'outside'), path.join(work, 'linked'));
    symlinkSync(path.join(root, 'secret.bg'), path.join(work, 'snippets', 'out.bg'));
    symlinkSync(path.join(work, 'loop.bg'), path.join(work, 'loop.bg'));
    execFileSync('mkfifo', [path.join(work, 'fifo.bg')]);
    const targets = ['/dev/stdin', '/dev/zero', '/dev/null', 'fifo.bg', '../secret.bg', 'snippets/out.bg', 'loop.bg', 'linked/外.bg', 'a/../../secret.bg', '../work/last.bg', 'last.bg', 'missing.bg', '/etc/passwd', '.', '..', 'snippets'];
    const fine = new Set(['../work/last.bg', 'last.bg']);
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.constantFrom('外', '甲', 'out'), fc.constantFrom<string[]>([], ['linked'], ['../outside']), counted('hostile files', (target, include, extra) => {
        const workspace = new FileSystemWorkspace({ roots: [work] });
        const service = new LanguageService(workspace, { ...new LanguageService(workspace).settings, snippetFolders: extra });
        const started = Date.now();
        const m = service.analyze(toCorePath(path.join(work, 'r.bg')), `@年度 2020\n@上年 ${target}\n\n@引用 ${include}\n{调处 = 5起}{调处 增减}\n`);
        assert.ok(Date.now() - started < 5000);
        const codes = m.diagnostics.map((d) => d.code);
        if (fine.has(target)) assert.ok(m.previous, target);
        else assert.ok(codes.includes('BG902') || codes.includes('BG106'), `${target}: ${codes.join()}`);
        assert.ok(codes.includes('BG301'), `@引用 ${include} from ${extra.join()} is never read from outside: ${codes.join()}`);
      })),
      settings,
    );
  });
});
