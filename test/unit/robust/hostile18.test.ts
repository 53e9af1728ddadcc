// Hostile inputs, session 18 (each case failed on the code before it was fixed): a file name with a line
// break, an escape sequence or a right-to-left override, printed raw in the command's messages (a line
// break starts what looks like a message of its own).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../../helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.cjs');

describe('hostile inputs, session 18', () => {
  describe('a file name with a line break or another control in the command’s messages', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'baogao-names-'));
      copyFileSync(path.join(ROOT, 'samples', 'guiwei-2020.bg'), path.join(folder, 'r.bg'));
    });
    after(() => rmSync(folder, { recursive: true, force: true }));
    // A line break that would start a forged line, an escape sequence, a right-to-left override.
    const NAME = '报告\nbaogao：已全部通过\u001b[32m\u202e';
    const SHOWN = '报告<U+000A>baogao：已全部通过<U+001B>[32m<U+202E>';
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
      return r.stderr;
    };
    const oneLine = (stderr: string, what: RegExp) => {
      const line = stderr.split('\n').find((l) => what.test(l));
      assert.ok(line, `${what} not in:\n${stderr}`);
      assert.ok(line.includes(SHOWN), `the name is not shown as one line: ${JSON.stringify(stderr)}`);
      assert.ok(!stderr.includes('\nbaogao：已全部通过'), `a forged line: ${JSON.stringify(stderr)}`);
    };

    it('render, collect and new: “已写出”, the refusals BG910 and BG912, the next step', function () {
      this.timeout(120_000);
      oneLine(run('render', 'r.bg', '--out', `${NAME}.txt`), /^已写出 /);
      oneLine(run('render', 'r.bg', '--out', `${NAME}.txt`), /已存在：换一个文件名，或加 --force 覆盖。（BG910）$/);
      oneLine(run('render', 'r.bg', '--out', `${NAME}/`), /是文件夹的写法.*（BG912）$/);
      oneLine(run('collect', 'r.bg', '--format', 'csv', '--out', `${NAME}.csv`), /^已写出 .*个指标）$/);
      const next = run('new', 'r.bg', '--out', `${NAME}.bg`);
      oneLine(next, /^baogao：已从“r\.bg”起草/);
      oneLine(next, /^下一步：/);
    });

    it('check, import and new: a file not found, a folder with no reports, a name read, a .bg given to import', function () {
      this.timeout(120_000);
      oneLine(run('check', `${NAME}缺.bg`), /找不到文件|没有与“.*”相符的文件/);
      mkdirSync(path.join(folder, NAME));
      oneLine(run('check', NAME), /里没有报告/);
      writeFileSync(path.join(folder, `${NAME}.txt`), '某某镇人民政府2021年度法治政府建设情况报告\n\n2021年，某某镇坚持依法行政，现将有关情况报告如下。\n');
      oneLine(run('import', `${NAME}.txt`, '--out', `${NAME}导入.bg`), /^baogao：已按.*读取“/);
      oneLine(run('import', `${NAME}.txt`, '--out', `${NAME}导入.bg`), /已存在/);
      oneLine(run('import', `${NAME}导入.bg`), /已经是报告语言文件/);
      oneLine(run('new', `${NAME}.txt`), /不是 \.bg 报告/);
      oneLine(run('render', 'r.bg', '--format', NAME), /^baogao：不支持的格式/);
    });
  });
});
