// Hostile inputs, session 18 (each case failed on the code before it was fixed): a file name with a line
// break, an escape sequence or a right-to-left override, printed raw in the command's messages (a line
// break starts what looks like a message of its own); a paragraph citing thousands of footnotes, whose
// words before each note were joined anew from the paragraph's start (quadratic: 26 s at 10,000 notes); a
// Word part whose XML declaration names GBK or Big5, or one in UTF-16 with no byte order mark and no
// declaration, read as UTF-8 (its every Chinese character lost); an
// output named with 80 Chinese characters, a legal name whose temporary file's name was too long (an
// internal error in English); a carriage return (`&#13;`) in a footnote's or a header's text, which ended
// its `//` line of the import, the rest read as the report's own (a heading, a directive, a paragraph).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { parse } from '../../../grammar/index.js';
import { importReport } from '../../../server/language/import/index.js';
import { readReportSource, readWordSource } from '../../../server/node/readWord.js';
import { ROOT } from '../../helpers.js';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A .docx of a title and `body`'s paragraphs, with `footnotes` (footnotes.xml's notes) when given. */
async function docx(body: string, footnotes?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body><w:p><w:r><w:t>某某镇人民政府2021年度法治政府建设情况报告</w:t></w:r></w:p>${body}<w:sectPr/></w:body></w:document>`);
  const rels = footnotes === undefined ? '' : `<Relationship Id="rId1" Type="${REL}/footnotes" Target="footnotes.xml"/>`;
  if (footnotes !== undefined) zip.file('word/footnotes.xml', `<?xml version="1.0"?><w:footnotes ${NS}>${footnotes}</w:footnotes>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** CPU time of an async run, ms (the work is all on this thread: jszip inflates in JavaScript). */
async function cpuOf(run: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

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
      // Two reports checked: a line each in the summary.
      copyFileSync(path.join(folder, 'r.bg'), path.join(folder, `${NAME}二.bg`));
      oneLine(run('check', 'r.bg', `${NAME}二.bg`), /^  报告.*二\.bg：/);
    });
  });

  describe('Word notes', () => {
    it('a paragraph citing thousands of footnotes is read in linear time, each note after the words before it (was: 5.6 s at 5,000 notes, 26 s at 10,000)', async function () {
      this.timeout(120_000);
      const make = (k: number) => {
        let runs = '';
        let notes = '';
        for (let i = 1; i <= k; i++) {
          runs += `<w:r><w:t>全年办理行政复议案件${i}件</w:t></w:r><w:r><w:footnoteReference w:id="${i}"/></w:r>`;
          notes += `<w:footnote w:id="${i}"><w:p><w:r><w:t>数据来源：司法所${i}</w:t></w:r></w:p></w:footnote>`;
        }
        return docx(`<w:p>${runs}</w:p>`, notes);
      };
      const small = await make(2_000);
      const large = await make(8_000);
      await readWordSource(small); // warm
      const a = await cpuOf(() => readWordSource(small));
      let read: Awaited<ReturnType<typeof readWordSource>> | undefined;
      const b = await cpuOf(async () => (read = await readWordSource(large)));
      // Four times the notes: linear is about four times the time; quadratic was sixteen.
      assert.ok(b < a * 8 + 200, `2,000 notes: ${Math.round(a)} ms, 8,000: ${Math.round(b)} ms`);
      const notes = read!.word.asides.filter((x) => x.kind === 'footnote');
      assert.equal(notes.length, 8_000);
      assert.deepEqual([notes[0]!.after, notes[7_999]!.after, notes[7_999]!.paragraphs], ['……办理行政复议案件1件', '……政复议案件8000件', ['数据来源：司法所8000']]);
    });
  });

  describe('Word parts in a declared encoding', () => {
    it('a document, a footnote and a header saved as GBK, GB18030 or Big5 with their declaration are read in it (was: read as UTF-8 — the body refused as no text, BG908; a note’s or a header’s every Chinese character garbled unsaid)', async () => {
      for (const encoding of ['GBK', 'GB2312', 'gb18030', 'Big5']) {
        // Big5 has the traditional characters only.
        const [title, source, header] = encoding === 'Big5' ? ['某某鎮人民政府2021年度法治政府建設情況報告', '數據來源：司法所', '內部資料'] : ['某某镇人民政府2021年度法治政府建设情况报告', '数据来源：司法所', '内部资料'];
        const zip = new JSZip();
        const declared = (xml: string) => iconv.encode(`<?xml version="1.0" encoding="${encoding}" standalone="yes"?>${xml}`, encoding);
        zip.file('word/document.xml', declared(`<w:document ${NS}><w:body><w:p><w:r><w:t>${title}</w:t></w:r></w:p><w:p><w:r><w:t>全年办理行政复议案件12件。</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId2"/></w:sectPr></w:body></w:document>`));
        zip.file('word/footnotes.xml', declared(`<w:footnotes ${NS}><w:footnote w:id="1"><w:p><w:r><w:t>${source}</w:t></w:r></w:p></w:footnote></w:footnotes>`));
        zip.file('word/header1.xml', declared(`<w:hdr ${NS}><w:p><w:r><w:t>${header}</w:t></w:r></w:p></w:hdr>`));
        zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="${REL}/header" Target="header1.xml"/></Relationships>`);
        const { text, word } = await readWordSource(await zip.generateAsync({ type: 'uint8array' }));
        assert.equal(text.split('\n')[0], title, encoding);
        assert.deepEqual(word.asides.map((x) => x.paragraphs.join('/')), [source, header], encoding);
      }
    });

    it('a header saved as UTF-16 with neither a byte order mark nor a declaration is read (was: read as UTF-8, its words lost unsaid)', async () => {
      const xml = `<w:hdr ${NS}><w:p><w:r><w:t>某某镇人民政府办公室</w:t></w:r></w:p></w:hdr>`;
      for (const bytes of [Buffer.from(xml, 'utf16le'), Buffer.from(xml, 'utf16le').swap16(), Buffer.from(`\n${xml}`, 'utf16le')]) {
        const zip = new JSZip();
        zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body><w:p><w:r><w:t>某某镇人民政府2021年度法治政府建设情况报告</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId2"/></w:sectPr></w:body></w:document>`);
        zip.file('word/header1.xml', bytes);
        zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${REL}/header" Target="header1.xml"/></Relationships>`);
        const { word } = await readWordSource(await zip.generateAsync({ type: 'uint8array' }));
        assert.deepEqual(word.asides.flatMap((a) => a.paragraphs), ['某某镇人民政府办公室']);
      }
    });

    it('a part in an encoding the reader does not know is refused in Chinese (BG902), not read as garbage', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'baogao-encoding-'));
      try {
        const zip = new JSZip();
        zip.file('word/document.xml', `<?xml version="1.0" encoding="x-klingon"?><w:document ${NS}><w:body><w:p><w:r><w:t>报告</w:t></w:r></w:p></w:body></w:document>`);
        writeFileSync(path.join(folder, 'r.docx'), await zip.generateAsync({ type: 'uint8array' }));
        await readReportSource(path.join(folder, 'r.docx')).then(
          () => assert.fail('read'),
          (error: Error) => assert.match(error.message, /^无法读取 Word 文档“.*r\.docx”：其中的 word\/document\.xml 声明的字符编码“x-klingon”无法识别，其文字读不出来：.*（BG902）$/),
        );
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  describe('an output with a long legal name', () => {
    let folder: string;
    beforeEach(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'baogao-long-'));
      copyFileSync(path.join(ROOT, 'samples', 'guiwei-2020.bg'), path.join(folder, 'r.bg'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('80 Chinese characters (244 bytes of 255) are written by render and fixed in place by check --fix (was: 内部错误：ENAMETOOLONG)', function () {
      this.timeout(120_000);
      const name = `${'某'.repeat(80)}.txt`;
      const render = spawnSync(process.execPath, [CLI, 'render', 'r.bg', '--out', name], { cwd: folder, encoding: 'utf8' });
      assert.equal(render.status, 0, render.stderr);
      assert.match(readFileSync(path.join(folder, name), 'utf8'), /桂圩镇/);
      const report = `${'某'.repeat(81)}.bg`;
      writeFileSync(path.join(folder, report), '@标题 某某镇人民政府2021年度法治政府建设情况报告\n@年度 2021\n@机关 某某镇人民政府\n\n# 一、主要举措\n\n全年办理行政复议案件12件,依法纠错3件。\n');
      const fix = spawnSync(process.execPath, [CLI, 'check', '--fix', report], { cwd: folder, encoding: 'utf8' });
      assert.doesNotMatch(fix.stderr, /内部错误|ENAMETOOLONG/, fix.stderr);
      assert.match(readFileSync(path.join(folder, report), 'utf8'), /12件，依法纠错/);
      assert.deepEqual(readdirSync(folder).filter((n) => n.endsWith('.tmp')), []);
    });

    it('a name longer than the system allows is refused in Chinese with its code (BG912), not an internal error', function () {
      this.timeout(60_000);
      const render = spawnSync(process.execPath, [CLI, 'render', 'r.bg', '--out', `${'某'.repeat(90)}.txt`], { cwd: folder, encoding: 'utf8' });
      assert.equal(render.status, 2);
      assert.match(render.stderr, /^baogao：无法写出“某+\.txt”：文件名太长（ENAMETOOLONG）。（BG912）\n$/);
    });
  });

  describe('a carriage return in a Word story', () => {
    it('in a footnote, a header or a text box stays in its // comment: nothing of it is read as the report’s heading, directive or paragraph (was: “@年度 1999” a directive, “一、……” a printed paragraph)', async () => {
      for (const cr of ['&#13;', '&#xD;', '&#13;&#10;']) {
        const zip = new JSZip();
        const box = `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>框中${cr}# 框中的伪造标题</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
        zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body><w:p><w:r><w:t>某某镇人民政府2021年度法治政府建设情况报告</w:t></w:r></w:p><w:p><w:r><w:t>2021年，某某镇坚持依法行政，全年办理行政复议案件12件。</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:p><w:r><w:t>全年共办理行政处罚案件35件，依法纠错3件。</w:t></w:r>${box}</w:p><w:sectPr><w:headerReference w:type="default" r:id="rId2"/></w:sectPr></w:body></w:document>`);
        zip.file('word/footnotes.xml', `<?xml version="1.0"?><w:footnotes ${NS}><w:footnote w:id="1"><w:p><w:r><w:t>数据来源：司法所${cr}@年度 1999</w:t></w:r></w:p></w:footnote></w:footnotes>`);
        zip.file('word/header1.xml', `<?xml version="1.0"?><w:hdr ${NS}><w:p><w:r><w:t>内部资料${cr}一、页眉中的伪造段落。</w:t></w:r></w:p></w:hdr>`);
        zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="${REL}/header" Target="header1.xml"/></Relationships>`);
        const source = await readWordSource(await zip.generateAsync({ type: 'uint8array' }));
        const result = importReport(source.text, { word: source.word });
        const { document } = parse(result.text);
        const own = document.lines.filter((l) => l.kind !== 'comment' && l.kind !== 'blank').map((l) => result.text.slice(l.start, l.end));
        assert.deepEqual(own.filter((l) => /伪造|1999/.test(l)), [], `${cr}: ${JSON.stringify(own)}`);
        const comments = result.text.split(/\r\n?|\n/).filter((l) => l.startsWith('//'));
        assert.ok(comments.some((l) => /^\/\/ 页眉：内部资料 ?一、页眉中的伪造段落。$/.test(l)), `${cr}: ${JSON.stringify(comments)}`);
        assert.ok(comments.some((l) => /^\/\/ 脚注1（.*）：数据来源：司法所 ?@年度 1999$/.test(l)), `${cr}: ${JSON.stringify(comments)}`);
        assert.ok(comments.some((l) => /^\/\/ 文本框（.*）：框中 ?# 框中的伪造标题$/.test(l)), `${cr}: ${JSON.stringify(comments)}`);
      }
    });
  });
});
