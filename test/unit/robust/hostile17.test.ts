// Hostile inputs against what session 17 added (each case failed on the code before it was fixed):
// a Word header whose line of digits made the page-number pattern quadratic, headers and footers that
// together inflate past a part's bound, a line of spaces after “方案（2021” that made BG507's plan pattern
// quadratic, a title of thousands of characters in 《》 whose every deletion BG716 kept (out of memory), and
// a file created at the target while the command wrote its output (replaced unasked).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { checkReport } from '../../../server/language/checks/index.js';
import { readWordSource } from '../../../server/node/readWord.js';
import { importReport } from '../../../server/language/import/index.js';
import { decodeXml } from '../../../server/node/word/document.js';
import { cpuTimed, model, ROOT } from '../../helpers.js';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const BODY = '<w:p><w:r><w:t>某某镇人民政府2021年度法治政府建设情况报告</w:t></w:r></w:p><w:p><w:r><w:t>2021年，某某镇坚持依法行政。</w:t></w:r></w:p>';

/** A .docx of BODY whose one section names the given header parts, each once. */
async function docxWithHeaders(headers: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const rels: string[] = [];
  const references: string[] = [];
  headers.forEach((xml, i) => {
    zip.file(`word/header${i}.xml`, `<?xml version="1.0"?><w:hdr ${NS}>${xml}</w:hdr>`);
    rels.push(`<Relationship Id="rId${i + 10}" Type="${REL}/header" Target="header${i}.xml"/>`);
    references.push(`<w:headerReference w:type="default" r:id="rId${i + 10}"/>`);
  });
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body>${BODY}<w:sectPr>${references.join('')}</w:sectPr></w:body></w:document>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('hostile inputs, session 17', () => {
  describe('Word headers and footers', () => {
    it('a header line of 300,000 digits, or of spaces after 页码, is read in linear time (was: 2.5 s for 80,000 digits, minutes for 300,000)', async () => {
      for (const line of ['1'.repeat(300_000), `页码${' '.repeat(300_000)}x`, `${'1 / '.repeat(50_000)}`, `-${'1'.repeat(300_000)}`]) {
        const bytes = await docxWithHeaders([`<w:p><w:r><w:t xml:space="preserve">${line}</w:t></w:r></w:p>`]);
        const started = performance.now();
        const { word } = await readWordSource(bytes);
        const ms = performance.now() - started;
        assert.ok(ms < 3000, `${line.slice(0, 8)}…: ${Math.round(ms)} ms`);
        // Nothing but page furniture, or the words kept: never lost.
        const kept = word.asides.flatMap((a) => a.paragraphs).join('');
        if (line.startsWith('页码')) assert.match(kept, /页码\s+x/);
      }
    });

    it('headers and footers that together inflate past 32 MB are refused in Chinese, quickly (was: 64 parts of 4 MB took 65 s and 1.5 GB)', async function () {
      this.timeout(120_000);
      // Sixteen parts of 3 MB each: every one under a part's bound, 48 MB together.
      const part = `<w:p><w:r><w:t>${'页眉文字'.repeat(250_000)}</w:t></w:r></w:p>`;
      const bytes = await docxWithHeaders(Array.from({ length: 16 }, () => part));
      const started = performance.now();
      await readWordSource(bytes).then(
        () => assert.fail('read'),
        (error: Error) => assert.match(error.message, /^其中的页眉页脚（到 word\/header\d+\.xml 为止）解压后共超过 32 MB，不是一份报告的大小/),
      );
      assert.ok(performance.now() - started < 30_000, `${Math.round(performance.now() - started)} ms`);
    });

    it('header parts past the bound of 64 are told (BG245), not dropped without a word', async () => {
      const bytes = await docxWithHeaders(Array.from({ length: 70 }, (_, i) => `<w:p><w:r><w:t>第${i}节的页眉</w:t></w:r></w:p>`));
      const { text, word } = await readWordSource(bytes);
      assert.equal(word.headersLeftOut, 6);
      assert.equal(word.asides.flatMap((a) => a.paragraphs).length, 64);
      const imported = importReport(text, { word });
      const told = imported.findings.filter((f) => f.code === 'BG245');
      assert.ok(told.some((f) => /另有 6 个页眉页脚超出了读入的上限/.test(f.message)), JSON.stringify(told));
      assert.ok(imported.notes.some((n) => /页眉页脚 6 个/.test(n.what)), JSON.stringify(imported.notes.slice(0, 3)));
    });

    it('a part saved as UTF-16 (with or without a byte order mark) is read, not lost as UTF-8', async () => {
      const xml = `<?xml version="1.0" encoding="UTF-16"?><w:hdr ${NS}><w:p><w:r><w:t>某某镇人民政府办公室</w:t></w:r></w:p></w:hdr>`;
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
      const be = Buffer.from(xml, 'utf16le').swap16();
      for (const bytes of [le, be, Buffer.from(xml, 'utf16le')]) {
        const zip = await JSZip.loadAsync(await docxWithHeaders(['']));
        zip.file('word/header0.xml', bytes);
        const { word } = await readWordSource(await zip.generateAsync({ type: 'uint8array' }));
        assert.deepEqual(word.asides.flatMap((a) => a.paragraphs), ['某某镇人民政府办公室']);
      }
      assert.equal(decodeXml(Buffer.from('<?xml version="1.0"?><a>字</a>')), '<?xml version="1.0"?><a>字</a>', 'UTF-8 as before');
    });

    it('headers within the bound are all read', async () => {
      const { word } = await readWordSource(await docxWithHeaders(['<w:p><w:r><w:t>某某镇人民政府办公室</w:t></w:r></w:p>', '<w:p><w:r><w:t>内部资料</w:t></w:r></w:p>']));
      assert.deepEqual(word.asides.flatMap((a) => a.paragraphs), ['某某镇人民政府办公室', '内部资料']);
    });
  });

  describe('BG507 plans named with their years', () => {
    const HEADER = '@类型 法治政府建设年度报告\n@标题 测试\n@年度 2020\n@机关 某镇人民政府\n@日期 2021-01-13\n\n';
    // Each run a text of its own: the checks remember a block's findings by its text.
    let runs = 0;
    const cpu = (line: string) => cpuTimed(() => checkReport(model(`${HEADER}${line}${++runs}\n`))).ms;

    it('a line of spaces after “方案（2021” is checked in linear time (was: 0.7 s at 25,000 spaces, 9 s at 100,000)', () => {
      for (const make of [(k: number) => `方案（2021${' '.repeat(k)}。`, (k: number) => `方案（2021年${' '.repeat(k)}-${' '.repeat(k)}2025${' '.repeat(k)}。`]) {
        const small = Math.min(cpu(make(25_000)), cpu(make(25_000)));
        const large = Math.min(cpu(make(100_000)), cpu(make(100_000)));
        assert.ok(large < 2000 && large < 8 * Math.max(small, 25), `${Math.round(small)} → ${Math.round(large)} ms`);
      }
    });

    it('a title in 《》 of thousands of characters is checked in linear time (was: BG716 held every deletion of it — 24,000 characters 3 s, 40,000 ran out of 4 GB)', () => {
      const line = (k: number) => `《${'方案（2021—2025年）'.repeat(k / 12)}》`;
      const small = Math.min(cpu(line(6000)), cpu(line(6000)));
      const large = Math.min(cpu(line(24_000)), cpu(line(24_000)));
      assert.ok(large < 1500 && large < 8 * Math.max(small, 25), `${Math.round(small)} → ${Math.round(large)} ms`);
    });

    it('still reports the plan, with spaces around its years', () => {
      const found = checkReport(model(`${HEADER}扎实推进吉林市法治政府建设实施方案( 2021 年 -- 2025 年 )，推进工作。\n`)).filter((d) => d.code === 'BG507');
      assert.equal(found.length, 1);
    });
  });

  describe('a target changed while the command writes', () => {
    let folder: string;
    beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'baogao-race-'))));
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('is not replaced: BG910, the writer’s file kept (was: replaced by the output)', async function () {
      this.timeout(60_000);
      const paragraph = '全年办理行政复议案件12件，依法纠错3件，行政机关负责人出庭应诉率达到100%。\n\n';
      writeFileSync(path.join(folder, 'r.bg'), `@标题 测试报告\n@年度 2020\n@机关 某镇人民政府\n\n# 一、主要举措\n\n${paragraph.repeat(4000)}`);
      const target = path.join(folder, '输出.txt');
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'render', 'r.bg', '--format', 'txt', '--out', '输出.txt'], { cwd: folder, env: { ...process.env, BAOGAO_TEST_SLOW_WRITE_MS: '100' } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const started = Date.now();
      let saved = false;
      while (!saved && Date.now() - started < 50_000 && child.exitCode === null) {
        if (readdirSync(folder).some((n) => n.startsWith('.输出.txt.') && n.endsWith('.tmp'))) {
          writeFileSync(target, '写作者刚保存的文字\n');
          saved = true;
        } else await new Promise((r) => setTimeout(r, 5));
      }
      const code = await exited;
      assert.ok(saved, 'the write was not caught in the act');
      assert.equal(readFileSync(target, 'utf8'), '写作者刚保存的文字\n');
      assert.notEqual(code, 0);
      assert.match(stderr, /“.*输出\.txt”在本命令运行期间被创建了：不覆盖它；换一个文件名，或加 --force 覆盖。（BG910）/);
      assert.deepEqual(readdirSync(folder).filter((n) => n.endsWith('.tmp')), []);
    });

    it('a report made read-only while check --fix writes it is not replaced: BG911 (was: replaced)', async function () {
      this.timeout(60_000);
      const paragraph = '全年办理行政复议案件12件,依法纠错3件。\n\n';
      const text = `@标题 测试报告\n@年度 2020\n@机关 某镇人民政府\n\n# 一、主要举措\n\n${paragraph.repeat(6000)}`;
      const report = path.join(folder, 'r.bg');
      writeFileSync(report, text);
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'check', '--fix', 'r.bg'], { cwd: folder, env: { ...process.env, BAOGAO_TEST_SLOW_WRITE_MS: '100' } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const started = Date.now();
      let locked = false;
      while (!locked && Date.now() - started < 50_000 && child.exitCode === null) {
        if (readdirSync(folder).some((n) => n.startsWith('.r.bg.') && n.endsWith('.tmp'))) {
          chmodSync(report, 0o444);
          locked = true;
        } else await new Promise((r) => setTimeout(r, 5));
      }
      await exited;
      assert.ok(locked, 'the write was not caught in the act');
      assert.equal(readFileSync(report, 'utf8'), text);
      assert.match(stderr, /“.*r\.bg”在本命令运行期间改成了只读文件：不写入；确要写入，请加 --force。未修复。（BG911）/);
      assert.deepEqual(readdirSync(folder).filter((n) => n.endsWith('.tmp')), []);
    });
  });
});
