// Text is never lost and outputs are written safely: the command on files in other encodings, on
// special files, symlinks, read-only files and its own report (issue 14, items 1 and 2).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { ROOT } from '../../helpers.js';
import { decodeBytes, loadTextEncoder, FileRefused, readTextFile, writeFileSafely } from '../../../server/node/files.js';

const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const run = (args: string[], options: { cwd?: string } = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000, cwd: options.cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A report with a safe fix (half-width comma between CJK → BG6xx) and headings that must survive. */
const REPORT = '@标题 测试镇2020年度法治政府建设情况报告\n@机关 测试镇人民政府\n@年度 2020\n@日期 2021-01-13\n\n# 依法全面履行政府职能情况\n本年度共调处矛盾纠纷{调处 = 150起}，调解成功{成功 = 147起}。群众满意,工作扎实。\n';

describe('text is never lost (encodings)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baogao-enc-'));
  });

  for (const [name, encode] of [
    ['GB18030', (t: string) => iconv.encode(t, 'gb18030')],
    ['UTF-16 LE', (t: string) => iconv.encode(t, 'utf-16le', { addBOM: true })],
    ['UTF-16 BE', (t: string) => iconv.encode(t, 'utf-16be', { addBOM: true })],
    ['UTF-8 BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
  ] as const) {
    it(`check --fix on a ${name} report keeps every character and writes back in ${name}`, () => {
      const file = path.join(dir, 'r.bg');
      const original = encode(REPORT);
      writeFileSync(file, original);
      const r = run(['check', '--fix', file]);
      assert.match(r.stdout, /已修复/, r.stdout + r.stderr);
      const after = readFileSync(file);
      assert.equal(after.subarray(0, 2).toString('hex'), original.subarray(0, 2).toString('hex'), 'same encoding (BOM) as before');
      const text = decodeBytes(after);
      assert.ok(text.clean);
      assert.equal(text.text, REPORT.replace('满意,工作', '满意，工作'));
      if (name !== 'UTF-8 BOM') assert.match(r.stdout, /BG900 文件按 .* 编码读取，不是 UTF-8/);
      else assert.doesNotMatch(r.stdout, /BG900/);
    });
  }

  it('a file with undecodable bytes gets BG901 (not BG610 "Word 残留") and no fix touches it', () => {
    const file = path.join(dir, 'bad.bg');
    const bytes = Buffer.concat([Buffer.from(REPORT), Buffer.from([0xff, 0xff, 0xff, 0x0a])]);
    writeFileSync(file, bytes);
    const r = run(['check', '--fix', file]);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /error BG901 文件中有 3 处字节无法/);
    assert.doesNotMatch(r.stdout, /BG610/);
    assert.match(r.stderr, /为免丢字不做修复/);
    assert.deepEqual(readFileSync(file), bytes, 'the file is untouched');
  });

  it('decodeBytes: BOMs, strict UTF-8, GB18030, and nothing else silently', async () => {
    const encodeText = await loadTextEncoder();
    assert.deepEqual(decodeBytes(Buffer.from('一、主')), { text: '一、主', encoding: 'utf-8', clean: true });
    assert.deepEqual(decodeBytes(iconv.encode('一、主', 'gbk')), { text: '一、主', encoding: 'gb18030', clean: true });
    assert.equal(decodeBytes(Buffer.from([0xff, 0xfe, 0x00, 0xd8])).clean, false, 'a lone surrogate in UTF-16');
    assert.equal(encodeText('a\ud800', 'gb18030'), undefined, 'a lone surrogate has no GB18030 form');
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      assert.deepEqual(encodeText('主a\u{20000}', encoding), iconv.encode('主a\u{20000}', encoding, { addBOM: true }), `${encoding} with its byte-order mark`);
      assert.equal(encodeText('a\udc00', encoding), undefined, `a lone surrogate has no ${encoding} form`);
    }
  });
});

describe('every write is safe', () => {
  let dir: string;
  let report: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baogao-write-'));
    report = path.join(dir, 'report.bg');
    writeFileSync(report, REPORT);
  });

  it('--out - is standard output for render, import and collect, as for new: no file named “-” (was: a file “-” in the current folder)', () => {
    const txt = path.join(dir, 'old.txt');
    writeFileSync(txt, '测试镇2020年度法治政府建设情况报告\n\n一、主要举措\n全年调处纠纷150起。\n');
    for (const args of [['render', report], ['render', report, '--format', 'html'], ['import', txt], ['collect', report], ['new', report]]) {
      const r = run([...args, '--out', '-'], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: ${r.stderr}`);
      assert.ok(r.stdout.length > 20, `${args.join(' ')} wrote to standard output`);
      assert.ok(!existsSync(path.join(dir, '-')), `${args.join(' ')} wrote no file named “-”`);
    }
    // A .docx goes to standard output only when it is not a terminal (here a pipe): its bytes, a zip.
    const docx = spawnSync(process.execPath, [CLI, 'render', report, '--format', 'docx', '--out', '-'], { cwd: dir, timeout: 20_000 });
    assert.equal(docx.status, 0, String(docx.stderr));
    assert.equal(docx.stdout.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(!existsSync(path.join(dir, '-')));
  });

  it('render --out onto the report itself is refused, even through another path', () => {
    for (const out of [report, path.join(dir, '.', 'report.bg')]) {
      const r = run(['render', report, '--out', out]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /是这条命令读取的文件本身，写出会覆盖原文|已存在/);
      assert.equal(readFileSync(report, 'utf8'), REPORT);
    }
  });

  it('render, import and collect --out onto an existing file need --force; then they replace it atomically, keeping its mode', () => {
    const out = path.join(dir, 'out.txt');
    writeFileSync(out, 'old');
    chmodSync(out, 0o640);
    const source = path.join(dir, 'source.txt');
    writeFileSync(source, '一、依法全面履行政府职能情况\n本年度共调处矛盾纠纷150起。\n');
    for (const args of [['render', report], ['collect', report], ['import', source]]) {
      const r = run([...args, '--out', out]);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /已存在：换一个文件名，或加 --force 覆盖/);
      assert.equal(readFileSync(out, 'utf8'), 'old');
    }
    const r = run(['render', report, '--out', out, '--force']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(out, 'utf8'), /测试镇2020年度/);
    assert.equal(statSync(out).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('a symlink is not written through without --force (render --out and check --fix)', () => {
    const target = path.join(dir, 'target.txt');
    writeFileSync(target, 'keep');
    const link = path.join(dir, 'link.txt');
    symlinkSync(target, link);
    const r = run(['render', report, '--out', link]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /是符号链接/);
    assert.equal(readFileSync(target, 'utf8'), 'keep');

    const linkedReport = path.join(dir, 'linked.bg');
    symlinkSync(report, linkedReport);
    const fix = run(['check', '--fix', linkedReport]);
    assert.equal(fix.status, 2);
    assert.match(fix.stderr, /是符号链接/);
    assert.equal(readFileSync(report, 'utf8'), REPORT);
    const forced = run(['check', '--fix', '--force', linkedReport]);
    assert.match(forced.stdout, /已修复/);
    assert.ok(lstatSync(linkedReport).isSymbolicLink(), 'the link stays a link');
    assert.match(readFileSync(report, 'utf8'), /满意，工作/);
  });

  it('a device or FIFO is never written, even with --force', () => {
    // Needs a Unix machine (a device and mkfifo): fail loudly elsewhere rather than skip.
    assert.ok(existsSync('/dev/null'), 'this test needs /dev/null and mkfifo (a Unix machine)');
    const r = run(['render', report, '--out', '/dev/null', '--force']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /是设备文件：不能写入/);
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const f = run(['collect', report, '--out', fifo, '--force']);
    assert.equal(f.status, 2);
    assert.match(f.stderr, /是管道（FIFO）：不能写入/);
  });

  it('multi-file --fix reports every unwritable file, fixes the others and exits 2 at the end', () => {
    const a = path.join(dir, 'a.bg');
    const b = path.join(dir, 'b.bg');
    writeFileSync(a, REPORT);
    writeFileSync(b, REPORT);
    chmodSync(a, 0o444);
    const r = run(['check', '--fix', a, b, report]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /a\.bg”是只读文件/);
    assert.equal(readFileSync(a, 'utf8'), REPORT);
    assert.match(readFileSync(b, 'utf8'), /满意，工作/);
    assert.match(readFileSync(report, 'utf8'), /满意，工作/);
    assert.equal(statSync(a).mode & 0o777, 0o444);
  });

  it('writeFileSafely refuses with FileRefused and leaves no temporary file behind', () => {
    assert.throws(() => writeFileSafely(report, 'x'), FileRefused);
    writeFileSafely(path.join(dir, 'deep', 'new.txt'), 'new');
    assert.equal(readFileSync(path.join(dir, 'deep', 'new.txt'), 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  it('check … | head -1 ends quietly (EPIPE), with the status of what it found (was: 0 whatever was found)', () => {
    const many = Array.from({ length: 400 }, () => path.join(ROOT, 'samples', 'guiwei-2020.bg'));
    const broken = path.join(dir, 'broken.bg');
    writeFileSync(broken, `@标题 测试\n@年度 2020\n\n# 一\n\n${'共调处{调处\n'.repeat(3000)}`);
    const piped = (args: string, reader = 'head -1') =>
      spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" ${args} | ${reader}`], { encoding: 'utf8', timeout: 60_000 });
    const samples = piped(`check ${many.map((f) => `"${f}"`).join(' ')}`);
    assert.equal(samples.stdout.split('\n').filter(Boolean).length, 1);
    // stderr may have the summary of a run over several files (if it got that far): no stack trace.
    assert.doesNotMatch(samples.stderr, /\n\s+at |Error/, 'no stack trace');
    assert.equal(samples.status, piped(`check "${many[0]}"`, 'cat > /dev/null').status, 'the status of a run read to the end');
    for (const args of [`check "${broken}"`, `check --format json "${broken}"`, `check "${broken}" 2>&1`]) {
      const r = piped(args);
      assert.equal(r.status, 1, `${args}: ${r.stderr}`);
      assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
      assert.equal(r.stderr, '', 'no stack trace');
    }
    assert.equal(piped(`render "${path.join(ROOT, 'samples', 'guiwei-2020.bg')}"`, 'true').status, 0);
  });
});

describe('reading is bounded', () => {
  it('readTextFile refuses devices, FIFOs and files over the limit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-read-'));
    assert.throws(() => readTextFile('/dev/zero'), /设备文件/);
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    assert.throws(() => readTextFile(fifo), /管道/);
    const big = path.join(dir, 'big.bg');
    writeFileSync(big, 'x'.repeat(2000));
    assert.throws(() => readTextFile(big, 1000), /超过上限/);
    mkdirSync(path.join(dir, 'sub'));
    assert.throws(() => readTextFile(path.join(dir, 'sub')), /文件夹/);
  });
});
