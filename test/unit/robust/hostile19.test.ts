// Hostile inputs, session 19 (each case failed on the code before it was fixed): a report saved as UTF-16
// without a byte order mark (iconv, Notepad++'s “UCS-2 LE BOM 无”, a BOM cut off), refused as not text with
// the advice for GBK; a Word field nested in another field's instruction (`{ IF { DOCPROPERTY … } … }`,
// `{ = { SEQ 表 } + 1 }`), whose last drawn result was read as the body's text beside the outer field's own.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { documentRefusal } from '../../../server/language/documentSize.js';
import { nextYearReport } from '../../../server/language/nextYear.js';
import { WALK_LIMITS } from '../../../server/language/workspace.js';
import { decodeBytes } from '../../../server/node/files.js';
import { FileSystemWorkspace } from '../../../server/node/fsWorkspace.js';
import { expandReportArguments } from '../../../server/node/reportArguments.js';
import { readWordDocument } from '../../../server/node/word/document.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { cpuTimed, ROOT } from '../../helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const REPORT = [
  '@标题 桂圩镇人民政府2021年度法治政府建设情况报告',
  '@类型 法治政府建设年度报告',
  '@机关 桂圩镇人民政府',
  '@年度 2021',
  '@日期 2022-01-13',
  '',
  '# 主要举措和成效 {#举措}',
  '2021年，我镇推进法制政府建设，全年办理行政复议案件12件。',
  '',
].join('\r\n');

const utf16 = (text: string, order: 'le' | 'be') => {
  const bytes = Buffer.from(text, 'utf16le');
  return order === 'be' ? bytes.swap16() : bytes;
};

describe('hostile inputs, session 19', () => {
  describe('a report in UTF-16 without a byte order mark', () => {
    let folder: string;
    before(() => (folder = mkdtempSync(path.join(tmpdir(), 'baogao-utf16-'))));
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('is decoded in either byte order, and said to be so (was: BG908, “按 GBK 重新打开”)', () => {
      for (const order of ['le', 'be'] as const) {
        const decoded = decodeBytes(utf16(REPORT, order));
        assert.equal(decoded.text, REPORT, order);
        assert.equal(decoded.encoding, order === 'le' ? 'utf-16le-nobom' : 'utf-16be-nobom');
        assert.ok(decoded.clean);
      }
      // Plain text in ASCII only, as UTF-16: its NULs are not “not text”.
      assert.equal(decodeBytes(utf16('@年度 2021\r\nabc\r\n', 'le')).text, '@年度 2021\r\nabc\r\n');
    });

    it('leaves UTF-8 and GBK text with a stray NUL, and binary files, to what they were', () => {
      const utf8 = Buffer.from('2021年，我镇推进法治政府建设。\u0000\n全年办理案件12件。\n', 'utf8');
      assert.equal(decodeBytes(utf8).encoding, 'utf-8');
      const ascii = Buffer.from('ab\u0000\ncd\r\n', 'latin1');
      assert.equal(decodeBytes(ascii).encoding, 'utf-8');
      // Random bytes with NULs: no text in either byte order (no line break, few characters of a report).
      const random = Buffer.alloc(4096);
      for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + (i >> 3) * 104729) & 0xff;
      assert.notEqual(decodeBytes(random).encoding.startsWith('utf-16'), true);
    });

    it('is checked, imported and fixed in place by the command, written back as read (no BOM added)', function () {
      this.timeout(60_000);
      const file = path.join(folder, 'r.bg');
      writeFileSync(file, utf16(REPORT, 'le'));
      const checked = spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8', timeout: 60_000 });
      assert.doesNotMatch(checked.stdout, /BG908/);
      assert.match(checked.stdout, /BG900 文件按 UTF-16 LE（无 BOM） 编码读取/);
      assert.match(checked.stdout, /BG505/);
      const fixed = spawnSync(process.execPath, [CLI, 'check', '--fix', file], { encoding: 'utf8', timeout: 60_000 });
      assert.match(fixed.stdout, /已修复 .*BG505/);
      const bytes = readFileSync(file);
      assert.notEqual(bytes[0], 0xff);
      assert.equal(bytes.toString('utf16le'), REPORT.replace('法制政府', '法治政府'));
      const txt = path.join(folder, 'old.txt');
      writeFileSync(txt, utf16('桂圩镇2021年度法治政府建设情况报告\r\n\r\n一、主要举措和成效\r\n2021年，我镇推进法治政府建设。\r\n', 'be'));
      const imported = spawnSync(process.execPath, [CLI, 'import', txt], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stdout, /# 主要举措和成效/);
      assert.match(imported.stderr, /UTF-16 BE（无 BOM）/);
    });

    it('opened in an editor as UTF-8 (NULs between its characters) is told to be reopened as UTF-16, not as GBK', () => {
      const asUtf8 = new TextDecoder('utf-8').decode(utf16(REPORT, 'le'));
      const refusal = documentRefusal(asUtf8);
      assert.equal(refusal?.code, 'BG908');
      assert.match(refusal!.message, /UTF-16/);
      assert.doesNotMatch(refusal!.message, /GBK/);
      // A binary file is still told as before.
      assert.match(documentRefusal('\u0000\u0001\u0002\u0003'.repeat(50))!.message, /空字符、控制字符/);
    });
  });

  describe('a workspace of very many folders (a home folder or a disk opened as the workspace)', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'baogao-folders-'));
      writeFileSync(path.join(folder, 'r.bg'), REPORT);
      for (let i = 0; i < WALK_LIMITS.folders + 50; i++) mkdirSync(path.join(folder, `f${i}`));
    });
    // Node's rmSync of ten thousand folders took over 30 s on this machine under load (as in hostile20.test.ts).
    after(function () {
      this.timeout(180_000);
      rmSync(folder, { recursive: true, force: true });
    });

    it('is walked up to a bound of folders read, and the command says it stopped (was: every folder within five levels read, the server answering nothing meanwhile)', async function () {
      this.timeout(60_000);
      const found = await expandReportArguments([folder], { word: false });
      assert.deepEqual(found.files, [path.join(folder, 'r.bg')]);
      assert.match(found.problems.join('\n'), /子文件夹太多：只查看了前 10000 个，其中找到 1 个报告，其余的没有查找；请给出报告所在的文件夹。（BG918）/);
      assert.deepEqual(new FileSystemWorkspace({ roots: [folder] }).findReports(folder), [`${folder}/r.bg`]);
    });
  });

  describe('odd arguments', () => {
    it('next year’s report of a report of 9999 is refused in Chinese (was: “@年度 10000”, an error of its own)', () => {
      const result = nextYearReport(REPORT.replace('@年度 2021', '@年度 9999'), { lastPath: '/r/a.bg', nextPath: '/r/b.bg' });
      assert.deepEqual(result, { ok: false, problem: '上年报告是9999年度的：下一年度不是四位数的年份，无法起草。' });
      assert.equal(nextYearReport(REPORT.replace('@年度 2021', '@年度 9998'), { lastPath: '/r/a.bg', nextPath: '/r/b.bg' }).ok, true);
    });

    it('one report named three ways is checked once (was: its findings, fixes and the count of files three times)', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'baogao-twice-'));
      try {
        writeFileSync(path.join(folder, 'r.bg'), REPORT);
        const found = await expandReportArguments([path.join(folder, 'r.bg'), path.join(folder, '.', 'r.bg'), `${folder}//r.bg`, folder]);
        assert.deepEqual(found.files, [path.join(folder, 'r.bg')]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  describe('a line of quotation marks', () => {
    it('is checked in linear time (was: the standard terms walked from each “ to the line’s end — 200,000 marks took more than 60 s)', function () {
      this.timeout(60_000);
      const text = `${REPORT.replace(/\r\n/g, '\n')}${'“'.repeat(200_000)}\n习近平法治思想“十二个坚持”，法治政府建设“第一责任人”职责。\n`;
      const { ms, result } = cpuTimed(() => checkReport(new LanguageService(new MemoryWorkspace({ '/r/a.bg': text })).analyze('/r/a.bg', text)));
      assert.ok(ms < 10_000, `${ms} ms`);
      // The terms with their quoted parts are still found after it.
      const terms = result.filter((d) => d.code === 'BG715').map((d) => text.slice(d.start, d.end));
      assert.deepEqual(terms, ['习近平法治思想“十二个坚持”', '法治政府建设“第一责任人”']);
    });
  });

  describe('a Word field nested in another field’s instruction', () => {
    const run = (x: string) => `<w:r>${x}</w:r>`;
    const char = (type: string) => run(`<w:fldChar w:fldCharType="${type}"/>`);
    const instr = (t: string) => run(`<w:instrText xml:space="preserve">${t}</w:instrText>`);
    const text = (t: string) => run(`<w:t xml:space="preserve">${t}</w:t>`);
    const read = async (body: string) => {
      const zip = new JSZip();
      zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`);
      return readWordDocument(await zip.generateAsync({ type: 'uint8array' }));
    };

    it('does not leak the inner field’s result into the paragraph (was: “本机关某某有限公司已填。”, “共78张表。”)', async () => {
      const doc = await read(
        `<w:p>${text('本机关')}${char('begin')}${instr(' IF ')}${char('begin')}${instr(' DOCPROPERTY Company ')}${char('separate')}${text('某某有限公司')}${char('end')}${instr(' = "" "未填" "已填" ')}${char('separate')}${text('已填')}${char('end')}${text('。')}</w:p>` +
          `<w:p>${text('共')}${char('begin')}${instr(' = ')}<w:fldSimple w:instr=" SEQ 表 "><w:r><w:t>7</w:t></w:r></w:fldSimple>${instr(' + 1 ')}${char('separate')}${text('8')}${char('end')}${text('张表。')}</w:p>` +
          // Three deep, and a field with no result at all (begin, instruction, end).
          `<w:p>${text('见')}${char('begin')}${instr(' IF ')}${char('begin')}${instr(' = ')}${char('begin')}${instr(' PAGE ')}${char('separate')}${text('3')}${char('end')}${char('separate')}${text('3')}${char('end')}${instr(' > 1 "续" "" ')}${char('separate')}${text('续')}${char('end')}${char('begin')}${instr(' REF x ')}${char('begin')}${instr(' SEQ a ')}${char('separate')}${text('9')}${char('end')}${char('end')}${text('表。')}</w:p>`,
      );
      assert.deepEqual(doc.paragraphs.map((p) => p.text), ['本机关已填。', '共8张表。', '见续表。']);
    });

    it('keeps every result outside an instruction, and a paragraph after a field left open (a broken file loses no text)', async () => {
      const doc = await read(
        `<w:p>${char('begin')}${instr(' HYPERLINK "http://www.gov.cn" ')}${char('separate')}${text('中国政府网')}${char('end')}${text('公开了')}${char('begin')}${instr(' REF 表1 ')}${char('separate')}${text('表')}${char('begin')}${instr(' SEQ 表 ')}${char('separate')}${text('1')}${char('end')}${char('end')}${text('。')}</w:p>` +
          `<w:p>${text('前')}${char('begin')}${instr(' MERGEFIELD x ')}${text('文字')}</w:p><w:p>${text('后一段仍在。')}</w:p>`,
      );
      assert.deepEqual(doc.paragraphs.map((p) => p.text), ['中国政府网公开了表1。', '前文字', '后一段仍在。']);
    });

    it('in a footnote too', async () => {
      const zip = new JSZip();
      const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
      zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body><w:p>${text('正文')}<w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:sectPr/></w:body></w:document>`);
      zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/footnotes" Target="footnotes.xml"/></Relationships>`);
      zip.file('word/footnotes.xml', `<?xml version="1.0"?><w:footnotes ${NS}><w:footnote w:id="1"><w:p>${text('数据截至')}${char('begin')}${instr(' IF ')}${char('begin')}${instr(' DATE ')}${char('separate')}${text('2022-01-01')}${char('end')}${instr(' > 0 "年底" "" ')}${char('separate')}${text('年底')}${char('end')}${text('。')}</w:p></w:footnote></w:footnotes>`);
      const doc = await readWordDocument(await zip.generateAsync({ type: 'uint8array' }));
      assert.deepEqual(doc.footnotes.get('1'), ['数据截至年底。']);
    });
  });
});
