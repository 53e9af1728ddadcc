// The editor's writes to a file the writer chose (client/chosenFile.ts, no VS Code needed): a name taken
// while the bytes are written is not replaced, a symlink at the target is never followed (was: VS Code's
// fs.stat, then fs.writeFile — a file created in between was replaced, and a symlink's target written,
// wherever it was), a folder or a read-only file is refused, and no temporary file is left behind.
import { strict as assert } from 'node:assert';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ChosenWriteRefused, writeChosenPath } from '../../../client/chosenFile.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const refusal = (run: () => void): string => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ChosenWriteRefused, String(error));
    return `${error.refusal.kind} ${error.refusal.code}`;
  }
  return 'written';
};

describe('client: writing the file the writer chose', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'baogao-chosen-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const left = () => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

  it('writes a new file, and replaces an existing one whole (its mode kept)', () => {
    const file = path.join(folder, '报告.txt');
    writeChosenPath(file, bytes('第一版'));
    assert.equal(readFileSync(file, 'utf8'), '第一版');
    chmodSync(file, 0o640);
    writeChosenPath(file, bytes('第二版'));
    assert.equal(readFileSync(file, 'utf8'), '第二版');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    // A legal long name (80 Chinese characters, 244 bytes): its temporary file's name is cut, legal too.
    const long = path.join(folder, `${'某'.repeat(80)}.txt`);
    writeChosenPath(long, bytes('长名'));
    writeChosenPath(long, bytes('长名二'));
    assert.equal(readFileSync(long, 'utf8'), '长名二');
    assert.deepEqual(left(), []);
  });

  it('never follows a symlink at the target, dangling or not: the file it points to (outside the workspace) is untouched', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'baogao-outside-'));
    try {
      const victim = path.join(outside, 'bashrc');
      writeFileSync(victim, '原有内容');
      symlinkSync(victim, path.join(folder, '导出.docx'));
      assert.equal(refusal(() => writeChosenPath(path.join(folder, '导出.docx'), bytes('导出'))), 'symlink BG910');
      assert.equal(readFileSync(victim, 'utf8'), '原有内容');
      // A dangling one: writing through it would create the file it names.
      symlinkSync(path.join(outside, '不存在'), path.join(folder, '悬空.docx'));
      assert.equal(refusal(() => writeChosenPath(path.join(folder, '悬空.docx'), bytes('导出'))), 'symlink BG910');
      assert.deepEqual(readdirSync(outside), ['bashrc']);
      assert.deepEqual(left(), []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does not replace a file created at a free name while the bytes were written, nor write through a symlink put there meanwhile', () => {
    const file = path.join(folder, '汇总.csv');
    assert.equal(refusal(() => writeChosenPath(file, bytes('新的'), { written: () => writeFileSync(file, '别人的') })), 'appeared BG910');
    assert.equal(readFileSync(file, 'utf8'), '别人的');
    const victim = path.join(folder, '别处.txt');
    writeFileSync(victim, '别处的');
    const other = path.join(folder, '报告.docx');
    assert.equal(refusal(() => writeChosenPath(other, bytes('新的'), { written: () => symlinkSync(victim, other) })), 'appeared BG910');
    // An existing file the dialog agreed to replace, swapped for a symlink meanwhile: the link is not followed.
    const existing = path.join(folder, '上年.bg');
    writeFileSync(existing, '上年');
    assert.equal(refusal(() => writeChosenPath(existing, bytes('新的'), { written: () => (rmSync(existing), symlinkSync(victim, existing)) })), 'symlink BG910');
    assert.equal(readFileSync(victim, 'utf8'), '别处的');
    assert.ok(lstatSync(existing).isSymbolicLink());
    assert.deepEqual(left(), []);
  });

  it('makes a folder that is not there yet, as VS Code’s fs.writeFile does (an export to a new folder)', () => {
    writeChosenPath(path.join(folder, '导出/新/报告.docx'), bytes('PK'));
    assert.equal(readFileSync(path.join(folder, '导出/新/报告.docx'), 'utf8'), 'PK');
  });

  it('refuses a folder (BG912), a path through a file (BG912) and a read-only file (BG911)', function () {
    mkdirSync(path.join(folder, '输出'));
    assert.equal(refusal(() => writeChosenPath(path.join(folder, '输出'), bytes('x'))), 'place BG912');
    writeFileSync(path.join(folder, '文件'), '原文');
    assert.equal(refusal(() => writeChosenPath(path.join(folder, '文件/报告.txt'), bytes('x'))), 'place BG912');
    const readOnly = path.join(folder, '只读.txt');
    writeFileSync(readOnly, '原文');
    chmodSync(readOnly, 0o444);
    assert.equal(refusal(() => writeChosenPath(readOnly, bytes('x'))), 'readOnly BG911');
    assert.equal(readFileSync(readOnly, 'utf8'), '原文');
    assert.deepEqual(left(), []);
  });
});
