// Every refusal or failure of the command to write a file says so in Chinese and ends with its code
// (docs/CODES.md): BG910 a file there and no --force, BG911 a read-only file, BG912 a place that holds no
// file, BG913 the system's failure, BG914 a report saved while `check --fix` ran (was: no code at all — a
// writer could not look any of them up). The editor's are in test/unit/client/writeRefusal.test.ts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileRefused, writeFileSafely } from '../../../server/node/files.js';
import { writeFailureCode } from '../../../server/node/systemReason.js';
import { ROOT } from '../../helpers.js';

const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
const REPORT = '@标题 测试报告\n@年度 2020\n\n# 一\n\n正文,有逗号。\n';

describe('refusals to write carry their code', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'baogao-refusals-'));
    writeFileSync(path.join(folder, 'r.bg'), REPORT);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('the command’s refusals, each in one line ending with its code, nothing written', () => {
    writeFileSync(path.join(folder, '已有.txt'), '旧的\n');
    writeFileSync(path.join(folder, '只读.bg'), REPORT);
    chmodSync(path.join(folder, '只读.bg'), 0o444);
    symlinkSync(path.join(folder, '已有.txt'), path.join(folder, '链接.txt'));
    mkdirSync(path.join(folder, '文件夹'));
    const cases: Array<[string[], RegExp]> = [
      [['render', 'r.bg', '--out', '已有.txt'], /^baogao：“.*已有\.txt”已存在：换一个文件名，或加 --force 覆盖。（BG910）\n$/],
      [['import', 'r.txt', '--out', 'r.txt'], /\nbaogao：“.*r\.txt”是这条命令读取的文件本身，写出会覆盖原文：换一个输出文件名，或加 --force 覆盖。（BG910）\n$/],
      [['collect', 'r.bg', '--out', '链接.txt'], /^baogao：“.*链接\.txt”是符号链接：不写入；确要写入它指向的文件，请加 --force。（BG910）\n$/],
      [['new', 'r.bg', '--out', '已有.txt'], /^baogao：“.*已有\.txt”已存在：换一个文件名，或加 --force 覆盖。（BG910）\n$/],
      [['render', 'r.bg', '--out', '文件夹'], /^baogao：“.*文件夹”是文件夹：不能写入。（BG912）\n$/],
      [['render', 'r.bg', '--out', '新文件夹/'], /^baogao：“新文件夹\/”以“\/”结尾，是文件夹的写法：请写出输出文件的名字。（BG912）\n$/],
      [['render', 'r.bg', '--out', '/dev/null'], /^baogao：“\/dev\/null”是设备文件：不能写入。（BG912）\n$/],
      [['render', 'r.bg', '--out', '已有.txt/输出.txt'], /^baogao：无法写出“.*已有\.txt\/输出\.txt”：(路径中有一段不是文件夹（ENOTDIR）|已有同名文件（EEXIST）)。（BG912）\n$/],
      [['render', 'r.bg', '--format', 'docx'], /^baogao：docx 是 Word 文件，不能输出到终端：请用 --out 指定要写出的文件，例如 --out 报告\.docx。（BG912）\n/],
      // The system's refusal: /sys takes no new file, not even from root (Linux).
      [['render', 'r.bg', '--out', '/sys/baogao-test.txt'], /^baogao：无法写出“\/sys\/baogao-test\.txt”：(没有权限（EACCES）|所在的磁盘只读（EROFS）|系统不允许（EPERM）)。（BG913）\n$/],
    ];
    writeFileSync(path.join(folder, 'r.txt'), '某某镇2020年度法治政府建设情况报告\n\n2020年，某某镇依法行政。\n');
    for (const [args, told] of cases) {
      const r = cli(folder, ...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, told, args.join(' '));
    }
    assert.equal(readFileSync(path.join(folder, '已有.txt'), 'utf8'), '旧的\n');
    assert.deepEqual(readdirSync(folder).sort(), ['r.bg', 'r.txt', '只读.bg', '已有.txt', '文件夹', '链接.txt'].sort());
    // A read-only report is not fixed in place without --force: the run goes on, the refusal told with its code.
    const fix = cli(folder, 'check', '只读.bg', '--fix');
    assert.match(fix.stderr, /^baogao：“.*只读\.bg”是只读文件：不写入；确要写入，请加 --force。未修复。（BG911）\n/m);
    assert.equal(readFileSync(path.join(folder, '只读.bg'), 'utf8'), REPORT);
  });

  it('the writer’s own refusals all end with a code; the system’s failures are BG912 for the place, BG913 for the rest', () => {
    const file = path.join(folder, 'r.bg');
    const refusal = (run: () => void) => {
      try {
        run();
      } catch (error) {
        assert.ok(error instanceof FileRefused, String(error));
        return /（(BG9\d\d)）$/.exec(error.message)?.[1] ?? `no code: ${error.message}`;
      }
      return 'written';
    };
    assert.equal(refusal(() => writeFileSafely(file, 'x', {})), 'BG910');
    assert.equal(refusal(() => writeFileSafely(file, 'x', { sources: [file] })), 'BG910');
    assert.equal(refusal(() => writeFileSafely(file, '修复后。\n', { inPlace: true, readAs: '旧内容。\n' })), 'BG914');
    assert.equal(refusal(() => writeFileSafely(folder, 'x', { force: true })), 'BG912');
    assert.equal(refusal(() => writeFileSafely(`${folder}/`, 'x', { force: true })), 'BG912');
    assert.equal(refusal(() => writeFileSafely(path.join(file, 'x.txt'), 'x', { force: true })), 'BG912');
    assert.equal(refusal(() => writeFileSafely(file, 'x', { force: true })), 'written');
    for (const [code, expected] of [['ENOTDIR', 'BG912'], ['EISDIR', 'BG912'], ['ELOOP', 'BG912'], ['ENAMETOOLONG', 'BG912'], ['EEXIST', 'BG912'], ['EACCES', 'BG913'], ['EPERM', 'BG913'], ['EROFS', 'BG913'], ['ENOSPC', 'BG913'], ['EDQUOT', 'BG913'], ['EIO', 'BG913'], ['EWHATEVER', 'BG913']] as const) {
      assert.equal(writeFailureCode(Object.assign(new Error(code), { code })), expected, code);
    }
  });
});
