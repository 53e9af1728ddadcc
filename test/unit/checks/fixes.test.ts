import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../../grammar/diagnostic';
import { applyFixes } from '../../../server/language/fixes';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function d(code: string, start: number, end: number, newText: string, safe = true, uri?: string): Diagnostic {
  const out: Diagnostic = { code, severity: 'warning', message: code, start, end, fixes: [{ title: `fix ${code}`, safe, edits: [{ start, end, newText }] }] };
  if (uri) out.uri = uri;
  return out;
}

describe('fixes: applyFixes', () => {
  it('applies non-overlapping edits in order and skips overlapping ones', () => {
    const text = 'abcdefghij';
    const result = applyFixes(text, [d('B', 5, 8, 'X'), d('A', 1, 3, 'YY'), d('C', 6, 9, 'Z')]);
    assert.equal(result.text, 'aYYdeXij');
    assert.deepEqual(result.applied.map((a) => a.diagnostic.code), ['A', 'B']);
    assert.deepEqual(result.skipped.map((a) => a.diagnostic.code), ['C']);
  });

  it('takes only safe fixes unless asked, and leaves fixes in other files alone', () => {
    const text = 'abc';
    assert.equal(applyFixes(text, [d('U', 0, 1, 'Z', false)]).text, 'abc');
    assert.equal(applyFixes(text, [d('U', 0, 1, 'Z', false)], { safeOnly: false }).text, 'Zbc');
    assert.equal(applyFixes(text, [d('S', 0, 1, 'Z', true, '/w/snippet.bg')], { path: '/w/r.bg' }).text, 'abc');
  });

  it('keeps CRLF line endings in inserted text', () => {
    assert.equal(applyFixes('a\r\nb', [d('I', 3, 3, 'x\ny\n')]).text, 'a\r\nx\r\ny\r\nb');
  });
});

describe('fixes: baogao check --fix', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baogao-fix-'));
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('applies safe fixes, writes atomically keeping CRLF, prints them, and reports the rest', () => {
    // A skipped heading level (BG405, safe) and a unit written outside its figure (BG222, safe) next to an
    // unsafe one (missing parts, BG401): only the safe ones are applied.
    const text = ['@类型 法治政府建设年度报告', '@机关 桂圩镇人民政府', '@年度 2020', '@日期 2021-01-13', '', '# 主要举措和成效', '### 全面部署', '调处{调处 = 150起}，成功{成功 = 147}起。', ''].join('\r\n');
    const file = path.join(dir, 'report.bg');
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'check', '--fix', file], { encoding: 'utf8' });
    const fixed = readFileSync(file, 'utf8');
    assert.match(fixed, /\r\n## 全面部署\r\n/);
    assert.match(fixed, /\{成功 = 147起\}。/);
    assert.doesNotMatch(fixed, /[^\r]\n/, 'CRLF kept');
    assert.doesNotMatch(fixed, /第一责任人/, 'unsafe fixes are not applied');
    assert.match(run.stdout, /已修复 .*report\.bg:7:1 BG405 /);
    assert.match(run.stdout, /已修复 .*report\.bg:8:\d+ BG222 /);
    assert.match(run.stdout, /BG401/);
    assert.doesNotMatch(run.stdout, /: warning BG405|: warning BG222/);
    assert.equal(run.status, 1);
    assert.deepEqual(readdirSync(dir), ['report.bg'], 'no temporary file left');
    // Nothing left to fix: the file is not rewritten and nothing is printed as fixed.
    const again = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'check', '--fix', file], { encoding: 'utf8' });
    assert.doesNotMatch(again.stdout, /已修复/);
    assert.equal(readFileSync(file, 'utf8'), fixed);
  });
});
