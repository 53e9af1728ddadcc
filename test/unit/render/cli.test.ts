// `baogao render --format html|docx`, run from the bundle as a user runs it (npm test builds dist/ first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { ROOT, samplePath } from '../../helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('baogao render: HTML and DOCX', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'baogao-render-'));

  it('prints HTML to standard output', () => {
    const { status, stdout } = run('render', samplePath('guiwei-2020'), '--format', 'html');
    assert.equal(status, 0);
    assert.ok(stdout.startsWith('<!DOCTYPE html>'));
    assert.match(stdout, /<div class="line title centre"><span class="title">桂圩镇人民政府<\/span><\/div>/);
  });

  it('writes a .docx to --out, leaving no temporary file', async () => {
    const out = path.join(temp, '输出', '桂圩镇.docx');
    const { status, stderr } = run('render', samplePath('guiwei-2020'), '--format', 'docx', '--out', out);
    assert.equal(status, 0, stderr);
    const zip = await JSZip.loadAsync(readFileSync(out));
    assert.match(await zip.file('word/document.xml')!.async('string'), /桂圩镇人民政府<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">2020年度法治政府建设情况报告/);
    assert.deepEqual(readdirSync(path.dirname(out)), ['桂圩镇.docx']);
  });

  it('refuses docx without --out, in Chinese, exit 2', () => {
    const { status, stdout, stderr } = run('render', samplePath('guiwei-2020'), '--format', 'docx');
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^baogao：docx 是 Word 文件，不能输出到终端：请用 --out 指定/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it('names every format when one is unknown', () => {
    const { status, stderr } = run('render', '--format', 'pdf');
    assert.equal(status, 2);
    assert.match(stderr, /可用：txt、md、html、docx/);
  });
});
