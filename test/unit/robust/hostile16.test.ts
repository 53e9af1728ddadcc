// Session 16's attacks: hostile Word files' numbering, the workspace as the server indexes it, and the
// command's outputs — classes the earlier robustness tests did not try, each kept as a regression test.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { FileSystemWorkspace } from '../../../server/node/fsWorkspace.js';
import { toCorePath } from '../../../server/node/paths.js';
import { WALK_LIMITS } from '../../../server/language/workspace.js';
import { INDEX_FILE_NAME, readIndexFile, writeIndexFile } from '../../../server/node/indexFile.js';
import { ROOT } from '../../helpers.js';

const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
const sh = (cwd: string, command: string) => spawnSync('/bin/sh', ['-c', command], { cwd, encoding: 'utf8', timeout: 30_000 });
const REPORT = '@标题 测试报告\n@年度 2020\n\n# 一\n\n正文,有逗号。\n';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx of `count` paragraphs in list 1 at level `ilvl`, with the abstract list's level given as XML. */
async function numberedDocx(file: string, level: string, count: number, ilvl = '0'): Promise<void> {
  const paragraph = (i: number) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>某项工作${i}</w:t></w:r></w:p>`;
  const zip = new JSZip();
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${Array.from({ length: count }, (_, i) => paragraph(i)).join('')}</w:body></w:document>`);
  zip.file('word/numbering.xml', `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${level}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/**
 * Reads a .docx in a child process with a small heap: its first lines, or the refusal, and the CPU time
 * it took (a memory bomb ends the child, not mocha; a hang is stopped by the timeout).
 */
function readIsolated(file: string): { status: number | null; lines: string[]; error: string; ms: number; stderr: string } {
  const code = `
    import { readReportSource } from './server/node/readWord.ts';
    const before = process.cpuUsage();
    let lines = [], error = '';
    try { lines = (await readReportSource(${JSON.stringify(file)})).text.split('\\n').slice(0, 3); } catch (e) { error = e.message; }
    const spent = process.cpuUsage(before);
    console.log(JSON.stringify({ lines, error, ms: (spent.user + spent.system) / 1000 }));`;
  const child = spawnSync(process.execPath, ['--max-old-space-size=400', '--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 40_000 });
  const result = child.status === 0 ? (JSON.parse(child.stdout) as { lines: string[]; error: string; ms: number }) : { lines: [], error: '', ms: NaN };
  return { status: child.status, stderr: child.stderr.slice(-500), ...result };
}

describe('hostile input (session 16)', function () {
  this.timeout(120_000);
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'baogao-hostile16-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('a Word list numbered past reason draws bounded numbers in bounded time and memory (was: a 10 KB .docx ran out of memory, or ran for minutes)', async () => {
    // Each number is drawn before each of 3,000 paragraphs: a start of two thousand million in letters was
    // 77 million A's a paragraph; in Roman numerals two million M's; a level text of a million “%1”; a
    // custom format of a million zeros, or decimalZero:100000000, padded each number to that width.
    const level = (start: string, format: string, text = '%1.') => `<w:lvl w:ilvl="0"><w:start w:val="${start}"/>${format}<w:lvlText w:val="${text}"/></w:lvl>`;
    const cases: Array<[string, string, RegExp]> = [
      ['letters', level('2000000000', '<w:numFmt w:val="upperLetter"/>'), /^A\.某项工作0$/],
      ['roman', level('2000000000', '<w:numFmt w:val="upperRoman"/>'), /^I\.某项工作0$/],
      ['level-text', level('1', '<w:numFmt w:val="decimal"/>', '%1'.repeat(500_000)), /^某项工作0$/],
      ['custom-zeros', level('1', `<w:numFmt w:val="custom" w:format="${'0'.repeat(1_000_000)}1, 002"/>`), /^1\.某项工作0$/],
      ['zero-width', level('1', '<w:numFmt w:val="decimalZero:100000000"/>'), /^0{8}1\.某项工作0$/],
    ];
    for (const [name, xml, first] of cases) {
      const file = path.join(folder, `${name}.docx`);
      await numberedDocx(file, xml, 3000);
      const read = readIsolated(file);
      assert.equal(read.status, 0, `${name}: ended with ${read.status} (null: still running after 40 s)\n${read.stderr}`);
      assert.equal(read.error, '', name);
      assert.match(read.lines[0]!, first, name);
      assert.ok(read.ms < 5000, `${name}: ${Math.round(read.ms)} ms of CPU`);
    }
  });

  it('a list level that is no level, or a start below zero, is told in no English and drawn as no “undefined” (was: “Invalid array length”, “Invalid count value: -3”, “undefined、”)', async () => {
    const level = (ilvl: string, start: string, format: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const cases: Array<[string, string, string, string]> = [
      ['not-a-level', level('x', '1', 'decimal', '%1.'), 'x', '某项工作0'],
      ['level-4294967295', level('4294967295', '1', 'decimal', '%1.'), '4294967295', '某项工作0'],
      ['negative-letters', level('0', '-100', 'upperLetter', '%1.'), '0', 'A.某项工作0'],
      ['negative-chinese', level('0', '-5', 'chineseCounting', '%1、'), '0', '一、某项工作0'],
    ];
    for (const [name, xml, ilvl, first] of cases) {
      const file = path.join(folder, `${name}.docx`);
      await numberedDocx(file, xml, 2, ilvl);
      const read = readIsolated(file);
      assert.equal(read.status, 0, `${name}\n${read.stderr}`);
      assert.equal(read.error, '', name);
      assert.equal(read.lines[0], first, name);
    }
  });

  it('the workspace index kept between sessions is read only from a regular file (was: a FIFO of its name hung the server at its first workspace request)', () => {
    const storage = path.join(folder, 'storage');
    mkdirSync(storage);
    execFileSync('mkfifo', [path.join(storage, INDEX_FILE_NAME)]);
    // In a child process: on the old code the read waits for a writer for ever.
    const code = `
      import { readIndexFile } from './server/node/indexFile.ts';
      console.log(JSON.stringify(readIndexFile(${JSON.stringify(storage)}, 'fingerprint') ?? null));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    assert.equal(child.status, 0, `ended with ${child.status} (null: still waiting after 20 s)\n${child.stderr}`);
    assert.equal(child.stdout.trim(), 'null', 'nothing taken from it: the index is made again');
  });

  it('an index that cannot be written leaves no temporary file behind (was: one more of megabytes each session)', () => {
    const storage = path.join(folder, 'storage');
    mkdirSync(path.join(storage, INDEX_FILE_NAME), { recursive: true });
    writeIndexFile(storage, 'fingerprint', new Map([['/w/a.bg', { stamp: '1:2' }]]));
    assert.deepEqual(readdirSync(storage), [INDEX_FILE_NAME]);
    assert.equal(readIndexFile(storage, 'fingerprint'), undefined);
    // Where it can be written, it is read back.
    const other = path.join(folder, 'other');
    writeIndexFile(other, 'fingerprint', new Map([['/w/a.bg', { stamp: '1:2' }]]));
    assert.deepEqual([...readIndexFile(other, 'fingerprint')!], [['/w/a.bg', { stamp: '1:2' }]]);
  });

  it('a workspace folder of more reports than the walk’s bound lists that many (was: every report of one folder indexed — 50,000 of them — the bound held only between folders)', () => {
    const flat = path.join(folder, 'flat');
    mkdirSync(flat);
    const count = WALK_LIMITS.files + 500;
    for (let i = 0; i < count; i++) writeFileSync(path.join(flat, `r${i}.bg`), '');
    const workspace = new FileSystemWorkspace({ roots: [folder] });
    assert.equal(workspace.findReports(toCorePath(flat)).length, WALK_LIMITS.files);
    assert.equal(workspace.listReports(toCorePath(flat)).length, count, 'one folder listed for its snippets is not walked');
  });

  it('output the system cannot take (a full disk) is told in Chinese with status 2 (was: Node’s stack trace of ENOSPC, status 1)', () => {
    // Needs /dev/full (Linux): fail loudly elsewhere rather than skip.
    assert.ok(existsSync('/dev/full'), 'this test needs /dev/full');
    writeFileSync(path.join(folder, 'r.bg'), REPORT);
    for (const command of ['render r.bg', 'check r.bg', 'collect r.bg', 'help']) {
      const r = sh(folder, `"${process.execPath}" "${path.join(ROOT, 'dist', 'cli.cjs')}" ${command} > /dev/full`);
      assert.equal(r.status, 2, `${command}: ${r.stderr}`);
      assert.equal(r.stderr, 'baogao：无法写出标准输出：磁盘已满（ENOSPC）。输出不完整。（BG913）\n', command);
    }
    // A full disk for the messages only: the findings still reach standard output, with check's own status.
    const told = sh(folder, `"${process.execPath}" "${path.join(ROOT, 'dist', 'cli.cjs')}" check r.bg 2> /dev/full`);
    assert.equal(told.status, 1);
    assert.match(told.stdout, /BG601/);
  });

  it('--out ending in a slash names a folder: refused, no file of that name written (was: a file “新报告” written for “新报告/”)', () => {
    writeFileSync(path.join(folder, 'r.bg'), REPORT);
    const r = cli(folder, 'render', 'r.bg', '--out', '新报告/');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'baogao：“新报告/”以“/”结尾，是文件夹的写法：请写出输出文件的名字。（BG912）\n');
    assert.deepEqual(readdirSync(folder), ['r.bg']);
  });

  it('a baogao.json that cannot be read is BG962 with its reason in one sentence (was: “不能读取。。全部设置按默认值”)', () => {
    writeFileSync(path.join(folder, 'r.bg'), REPORT);
    mkdirSync(path.join(folder, 'baogao.json'));
    const r = cli(folder, 'check', 'r.bg');
    assert.match(r.stdout + r.stderr, /BG962 baogao\.json：无法读取：“.*baogao\.json”是文件夹，不是普通文件，不能读取。全部设置按默认值。\n/);
  });

  it('a socket named as a report is told in Chinese (was: “无法读取“s.bg”：ENXIO。”)', async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    const socket = path.join(folder, 's.bg');
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const r = cli(folder, 'check', 's.bg');
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'baogao：无法读取“s.bg”：这是套接字或没有驱动的设备，不是普通文件（ENXIO）。（BG917）\n');
    } finally {
      server.close();
    }
  });

  it('a report whose name is in GBK (a zip of Chinese Windows unpacked on Linux) is told why it cannot be opened (was: “找不到文件” of a file that is there)', () => {
    const reports = path.join(folder, '报告');
    mkdirSync(reports);
    writeFileSync(Buffer.concat([Buffer.from(`${reports}/`), iconv.encode('某镇报告.bg', 'gbk')]), REPORT);
    const r = cli(folder, 'check', '报告');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^baogao：找不到文件“报告\/.*\ufffd.*\.bg”：文件名中有不是 UTF-8 的字节（显示为“\ufffd”），多半是 GBK 编码的文件名.*请把文件改名/);
    // A name that is simply not there is told as before.
    assert.equal(cli(folder, 'check', '没有.bg').stderr, 'baogao：找不到文件“没有.bg”。（BG916）\n');
  });
});
