// Hostile inputs, session 20 (each case failed on the code before it was fixed): a pattern such as
// /**/*.xyz or ../../**/*.bg walked the whole disk (/proc's endless files included) with no bound; a
// missing file, a device, a FIFO or a socket given as input was refused without a code of its own; text
// boxes nested deeper than 16 (in VML or in Word 2010's alternatives) lost the text after the inner boxes.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { readWordSource } from '../../../server/node/readWord.js';
import { FileRefused, writeFileSafely } from '../../../server/node/files.js';
import { FileSystemWorkspace, type WalkBound } from '../../../server/node/fsWorkspace.js';
import { expandReportArguments, isSystemFolder } from '../../../server/node/reportArguments.js';
import { WALK_LIMITS } from '../../../server/language/workspace.js';
import { ROOT } from '../../helpers.js';

/** The system's own folders a pattern's walk must never enter (those of them this machine has). */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const REPORT = '@机关 某某镇人民政府\n@年度 2021\n@日期 2022年1月10日\n\n# 一、主要工作\n\n全年办理行政复议案件{复议 = 12件}。\n';
const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"';

/** A .docx of a title and `body`'s paragraphs. */
async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body><w:p><w:r><w:t>某某镇人民政府2021年度法治政府建设情况报告</w:t></w:r></w:p>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * `depth` text boxes each in a paragraph of the one around it: the paragraph's words before the box
 * (“第i层说明”) and after it (“第i层落款”); the innermost holds “最里层正文”. `alternative`: each box written
 * as Word 2010 does, a DrawingML choice and a VML fallback (`choiceText`: the text in the choice, else the
 * fallback only has it).
 */
function nestedBoxes(depth: number, how: 'vml' | 'alternative', choiceText = true): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const before = `<w:p><w:r><w:t>第${i}层说明</w:t></w:r><w:r>`;
    const after = `</w:r><w:r><w:t>第${i}层落款</w:t></w:r></w:p>`;
    if (how === 'vml') {
      open += `${before}<w:pict><v:shape><v:textbox><w:txbxContent>`;
      close = `</w:txbxContent></v:textbox></v:shape></w:pict>${after}${close}`;
    } else if (choiceText) {
      open += `${before}<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>`;
      close = `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>旧版副本</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent>${after}${close}`;
    } else {
      open += `${before}<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>`;
      close = `</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent>${after}${close}`;
    }
  }
  return `${open}<w:p><w:r><w:t>最里层正文</w:t></w:r></w:p>${close}`;
}

describe('hostile inputs, session 20', () => {
  describe('text boxes nested deeper than Word nests them', () => {
    for (const [how, choiceText] of [['vml', true], ['alternative', true], ['alternative', false]] as const) {
      it(`${how}${how === 'alternative' ? (choiceText ? ' (the choice has the text)' : ' (only the fallback has it)') : ''}: 20 levels keep every word, each level once (was: the words after the 17th box lost, in every level around it in alternatives)`, async () => {
        const { text } = await readWordSource(await docx(nestedBoxes(20, how, choiceText)));
        for (let i = 0; i < 20; i++) {
          assert.equal(text.split(`第${i}层说明`).length, 2, `第${i}层说明`);
          assert.equal(text.split(`第${i}层落款`).length, 2, `第${i}层落款`);
        }
        assert.equal(text.split('最里层正文').length, 2);
        assert.doesNotMatch(text, /旧版副本/, 'the fallback of a choice with text is not read too');
      });
    }

    it('50,000 levels are read whole in linear time, without overflowing the stack (was: RangeError past the bound once lifted)', async function () {
      this.timeout(60_000);
      for (const how of ['vml', 'alternative'] as const) {
        const file = await docx(nestedBoxes(50_000, how));
        const small = await docx(nestedBoxes(5_000, how));
        const started = performance.now();
        const { text } = await readWordSource(small);
        const smallMs = performance.now() - started;
        const again = performance.now();
        const whole = (await readWordSource(file)).text;
        const ms = performance.now() - again;
        assert.equal(text.match(/层落款/g)?.length, 5_000);
        assert.equal(whole.match(/层说明/g)?.length, 50_000, how);
        assert.equal(whole.match(/层落款/g)?.length, 50_000, how);
        assert.match(whole, /最里层正文/);
        // Ten times the levels, about ten times the time (quadratic: a hundred times).
        assert.ok(ms < Math.max(40 * smallMs, 2000), `${how}: ${Math.round(smallMs)} ms for 5,000, ${Math.round(ms)} ms for 50,000`);
      }
    });
  });

  describe('a .docx whose zip entries claim a wrong size', () => {
    /** The central directory's header of the first entry (PK\x01\x02), and the local one (PK\x03\x04). */
    const central = (b: Buffer) => b.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    const local = (b: Buffer) => b.indexOf(Buffer.from([0x50, 0x4b, 3, 4]));

    it('is read by what it holds, or refused in Chinese — never read past the bound a size claimed too small would hide', async function () {
      this.timeout(60_000);
      const good = Buffer.from(await docx(`<w:p><w:r><w:t>${'全年办理行政复议案件12件。'.repeat(200)}</w:t></w:r></w:p>`));
      for (const [name, patch] of [
        ['uncompressed size too small', (b: Buffer) => (b.writeUInt32LE(10, central(b) + 24), b.writeUInt32LE(10, local(b) + 22))],
        ['uncompressed size too large', (b: Buffer) => b.writeUInt32LE(0xfffffff0, central(b) + 24)],
        ['compressed size too small', (b: Buffer) => b.writeUInt32LE(10, central(b) + 20)],
        ['a wrong checksum', (b: Buffer) => b.writeUInt32LE(0x12345678, central(b) + 16)],
      ] as const) {
        const b = Buffer.from(good);
        patch(b);
        const { text } = await readWordSource(b);
        assert.equal(text.split('全年办理行政复议案件12件。').length, 201, name);
      }
      const broken = Buffer.from(good);
      broken.writeUInt32LE(0x7ffffff0, central(broken) + 20);
      await assert.rejects(readWordSource(broken), /不是有效的 Word 文档（压缩包已损坏、不完整或为空）/);
      // A bomb that claims 100 bytes is stopped by what it inflates to, not by what it claims.
      const zip = new JSZip();
      zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body>${'<w:p><w:r><w:t>正文。正文。正文。</w:t></w:r></w:p>'.repeat(1_200_000)}</w:body></w:document>`);
      const bomb = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
      bomb.writeUInt32LE(100, central(bomb) + 24);
      bomb.writeUInt32LE(100, local(bomb) + 22);
      await assert.rejects(readWordSource(bomb), /解压后超过 32 MB/);
    });
  });

  describe('a pattern’s walk is bounded as a folder’s is', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'baogao-patterns-'));
      mkdirSync(path.join(folder, 'many'));
      writeFileSync(path.join(folder, 'many', 'r.bg'), REPORT);
      for (let i = 0; i < WALK_LIMITS.folders + 50; i++) mkdirSync(path.join(folder, 'many', `f${i}`));
      // A folder linked into itself: a walk that followed it would never end.
      mkdirSync(path.join(folder, 'loop'));
      writeFileSync(path.join(folder, 'loop', 'a.bg'), REPORT);
      symlinkSync('.', path.join(folder, 'loop', 'again'));
      symlinkSync(path.join(folder, 'loop'), path.join(folder, 'loop', 'back'));
    });
    // Node's rmSync takes some 24 s for the 10,050 folders on this machine's disk (rm -rf 1.6 s): more than a hook's 30 s under load.
    after(function () {
      this.timeout(180_000);
      rmSync(folder, { recursive: true, force: true });
    });

    it('reads at most WALK_LIMITS.folders folders and says so with BG918 (was: every folder under the pattern’s root, / included)', async function () {
      this.timeout(60_000);
      const found = await expandReportArguments([path.join(folder, 'many', '**', '*.bg')], { word: false });
      assert.ok(found.files.length <= 1);
      assert.equal(found.problems.length, found.files.length === 1 ? 1 : 2);
      assert.match(found.problems.at(-1)!, /^通配符“.*many\/\*\*\/\*\.bg”涉及的文件夹太多：只查看了前 10000 个，其中找到 [01] 个报告，其余的没有查找；请给出报告所在的文件夹。（BG918）$/);
    });

    it('a pattern within the bound finds every report, and the command tells nothing more', async () => {
      const found = await expandReportArguments([path.join(folder, 'many', '*.bg')], { word: false });
      assert.deepEqual(found.files.map((f) => path.resolve(f)), [path.join(folder, 'many', 'r.bg')]);
      assert.deepEqual(found.problems, []);
    });

    it('does not follow a folder linked into itself (a loop)', async () => {
      const found = await expandReportArguments([path.join(folder, 'loop', '**', '*.bg')], { word: false });
      assert.deepEqual(found.files.map((f) => path.resolve(f)), [path.join(folder, 'loop', 'a.bg')]);
      assert.deepEqual(found.problems, []);
      // Nor does a folder's walk.
      assert.deepEqual((await expandReportArguments([path.join(folder, 'loop')], { word: false })).files, [path.join(folder, 'loop', 'a.bg')]);
    });

    it('never enters /proc, /sys or /dev (files without end, devices, FIFOs)', async () => {
      // The system folders this machine has (Linux, where CI runs, has all three; elsewhere some or none,
      // and a pattern over a folder that is not there finds nothing all the same).
      const here = SYSTEM_FOLDERS.filter((f) => existsSync(f));
      if (process.platform === 'linux') assert.deepEqual(here, SYSTEM_FOLDERS);
      for (const system of here) assert.equal(isSystemFolder(system), true, system);
      if (here.includes('/proc')) assert.equal(isSystemFolder('/proc/self/fd'), true);
      assert.equal(isSystemFolder(folder), false);
      const started = performance.now();
      const found = await expandReportArguments(['/proc/**/*.bg', '/sys/**/*.bg', '/dev/**/*.bg'], { word: false });
      assert.deepEqual(found.files, []);
      assert.deepEqual(
        found.problems,
        ['/proc/**/*.bg', '/sys/**/*.bg', '/dev/**/*.bg'].map((p) => `没有与“${p}”相符的文件。（BG916）`),
      );
      assert.ok(performance.now() - started < 5000);
    });

    it('“/**/*.xyz” and “../../**/*.bg” end, told in Chinese with their codes (was: the whole disk walked)', function () {
      this.timeout(120_000);
      for (const pattern of ['/**/*.xyz', '../../**/*.xyz']) {
        const r = cli(folder, 'check', pattern);
        assert.equal(r.status, 2, pattern);
        assert.match(r.stderr, /^baogao：没有与“.*”相符的文件(（只查看了一部分文件夹，见下一条）)?。（BG916）\n/, pattern);
        if (r.stderr.includes('见下一条')) assert.match(r.stderr, /涉及的文件夹太多：只查看了前 10000 个.*（BG918）\n$/);
      }
    });
  });

  describe('a workspace walk at its bound says so (BG918 in the editor)', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'baogao-reports-'));
      mkdirSync(path.join(folder, '各镇'));
      for (let i = 0; i < WALK_LIMITS.files + 5; i++) writeFileSync(path.join(folder, '各镇', `镇${String(i).padStart(4, '0')}.bg`), REPORT);
      mkdirSync(path.join(folder, '县'));
      writeFileSync(path.join(folder, '县', '县.bg'), REPORT);
    });
    // Two thousand files: the removal gets its own time on a loaded machine (as the ten thousand folders' above).
    after(function () {
      this.timeout(180_000);
      rmSync(folder, { recursive: true, force: true });
    });

    it('a walk stopped at WALK_LIMITS.files reports is told with what it found; one within the bounds is not', () => {
      const told: Array<[string, WalkBound]> = [];
      const workspace = new FileSystemWorkspace({ roots: [folder], onWalkBound: (f, bound) => void told.push([f, bound]) });
      assert.equal(workspace.findReports(folder).length, WALK_LIMITS.files);
      assert.deepEqual(told, [[folder, { cut: 'files', found: WALK_LIMITS.files }]]);
      assert.deepEqual(workspace.findReports(`${folder}/县`), [`${folder}/县/县.bg`]);
      assert.equal(told.length, 1);
    });
  });

  describe('a file that is not there, or is no file, has a code of its own', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'baogao-refused-'));
      writeFileSync(path.join(folder, 'r.bg'), REPORT);
      mkdirSync(path.join(folder, '文件夹.bg'));
      spawnSync('mkfifo', [path.join(folder, 'pipe.bg')]);
      spawnSync('mkfifo', [path.join(folder, 'pipe.docx')]);
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    for (const command of ['check', 'render']) {
      it(`${command}: a missing file is BG916`, () => {
        const r = cli(folder, command, '没有.bg');
        assert.equal(r.status, 2);
        assert.equal(r.stderr, 'baogao：找不到文件“没有.bg”。（BG916）\n');
      });
    }

    it('a FIFO, /dev/zero and a folder given as input are BG917, at once (never read without end or waited on)', () => {
      // FIFOs and devices where the system has them (mkfifo and /dev: not on Windows; all of them on Linux, where CI runs).
      const cases = ([
        [['check', 'pipe.bg'], /^baogao：“pipe\.bg”是管道（FIFO），不是普通文件，不能读取。（BG917）\n$/],
        [['check', 'pipe.docx'], /^baogao：“pipe\.docx”是管道（FIFO），不是普通文件，不能读取。（BG917）\n$/],
        [['render', 'pipe.bg'], /^baogao：“pipe\.bg”是管道（FIFO），不是普通文件，不能读取。（BG917）\n$/],
        [['import', 'pipe.docx'], /^baogao：“pipe\.docx”是管道（FIFO），不是普通文件，不能读取。（BG917）\n$/],
        [['check', '/dev/zero'], /^baogao：“\/dev\/zero”是设备文件，不是普通文件，不能读取。（BG917）\n$/],
        [['import', '/dev/zero'], /^baogao：“\/dev\/zero”是设备文件，不是普通文件，不能读取。（BG917）\n$/],
        [['render', '/dev/urandom'], /^baogao：“\/dev\/urandom”是设备文件，不是普通文件，不能读取。（BG917）\n$/],
        [['render', '文件夹.bg'], /^baogao：“文件夹\.bg”是文件夹，请给出 \.bg 文件。（BG917）\n$/],
      ] as const).filter(([args]) => existsSync(path.resolve(folder, args[1])));
      if (process.platform === 'linux') assert.equal(cases.length, 8, `every FIFO and device made or found: ${cases.map(([a]) => a.join(' ')).join('; ')}`);
      for (const [args, told] of cases) {
        const started = performance.now();
        const r = cli(folder, ...args);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, told, args.join(' '));
        assert.ok(performance.now() - started < 20_000, args.join(' '));
      }
    });
  });

  describe('a report renamed while check --fix runs', () => {
    let folder: string;
    before(() => (folder = mkdtempSync(path.join(tmpdir(), 'baogao-renamed-'))));
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('is not written again at its old name: BG914, nothing written (was: “找不到文件”, BG916)', () => {
      const report = path.join(folder, 'gone.bg');
      assert.throws(
        () => writeFileSafely(report, '修复后的文字', { inPlace: true, readAs: '原来的文字' }),
        (error: unknown) => error instanceof FileRefused && /^“.*gone\.bg”在本命令运行期间被改名、移走或删除了（没有在原处另建一份，没有写入；请对它现在的名字再运行一次）。（BG914）$/.test((error as Error).message),
      );
      assert.deepEqual(readdirSync(folder), []);
    });

    it('renamed while the fix is written: the renamed report is left as it was, no copy at the old name', async function () {
      this.timeout(120_000);
      const report = path.join(folder, 'r.bg');
      const moved = path.join(folder, 'moved.bg');
      // Long enough to be written in several 64 KB pieces, each followed by a pause; every paragraph has a fix (“ ,” → “，”).
      let text = REPORT;
      for (let i = 0; i < 4000; i++) text += `\n第${i}段正文 ,全年办理事项。\n`;
      writeFileSync(report, text);
      const child = spawn(process.execPath, [CLI, 'check', '--fix', 'r.bg'], { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BAOGAO_TEST_SLOW_WRITE_MS: '300' } });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      const started = Date.now();
      while (Date.now() - started < 90_000 && child.exitCode === null && !readdirSync(folder).some((n) => n.startsWith('.r.bg.') && n.endsWith('.tmp'))) await new Promise((r) => setTimeout(r, 5));
      renameSync(report, moved);
      await exited;
      assert.equal(child.exitCode, 2);
      assert.match(stderr, /“r\.bg”在本命令运行期间被改名、移走或删除了.*未修复。（BG914）\n$/);
      assert.equal(existsSync(report), false, 'no copy at the old name');
      assert.equal(readFileSync(moved, 'utf8'), text, 'the renamed report unchanged');
      assert.deepEqual(readdirSync(folder).sort(), ['moved.bg'], 'no temporary file left');
    });
  });
});
