// The bundled `baogao` command, run as a user runs it (npm test builds dist/ first).
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, samplePath } from '../../helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const temp = mkdtempSync(path.join(tmpdir(), 'baogao-cli-'));
const tempFile = (name: string, content: string | Buffer) => {
  const file = path.join(temp, name);
  writeFileSync(file, content);
  return file;
};

describe('baogao command', () => {
  before(function () {
    assert.ok(readFileSync(CLI), 'dist/cli.cjs is built by npm test (npm run build)');
  });

  it('render with no file prints the default sample as print-ready text', () => {
    const { status, stdout } = run('render');
    assert.equal(status, 0);
    assert.match(stdout.split('\n').slice(0, 2).join(''), /桂圩镇人民政府\s*2020年度法治政府建设情况报告/);
    assert.match(stdout, /桂圩镇人民政府\n.*2021年1月13日\n$/);
  });

  it('render writes Markdown to --out', () => {
    const out = path.join(temp, 'out', 'report.md');
    const { status } = run('render', samplePath('beiping-2020'), '--format', 'md', '--out', out);
    assert.equal(status, 0);
    assert.match(readFileSync(out, 'utf8'), /^# 北屏乡人民政府2020年度法治政府建设情况报告/);
  });

  it('check prints file:line:col: severity code message and exits 1 on errors', () => {
    const { status, stdout } = run('check', samplePath('beiping-2020'));
    assert.equal(status, 1);
    assert.match(stdout, /beiping-2020\.bg:38:\d+: error BG207 /);
  });

  it('check takes a folder as its reports, in order: .bg and Word files below it, not hidden folders or Word’s lock files', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-folder-'));
    mkdirSync(path.join(folder, '二组'));
    mkdirSync(path.join(folder, '.git'));
    copyFileSync(samplePath('guiwei-2020'), path.join(folder, '一组.bg'));
    copyFileSync(samplePath('beiping-2020'), path.join(folder, '二组', '北屏乡.bg'));
    copyFileSync(samplePath('beiping-2020'), path.join(folder, '.git', '不查.bg'));
    assert.equal(run('render', samplePath('guiwei-2020'), '--format', 'docx', '--out', path.join(folder, '二组', '桂圩镇.docx')).status, 0);
    writeFileSync(path.join(folder, '二组', '~$桂圩镇.docx'), 'Word 打开文件时的锁文件');
    writeFileSync(path.join(folder, '说明.txt'), '不是报告');
    const { status, stdout, stderr } = run('check', folder, '--format', 'json');
    assert.equal(stderr, '');
    assert.equal(status, 1);
    const files = [...new Set((JSON.parse(stdout) as Array<{ file: string }>).map((r) => path.relative(folder, r.file)))];
    assert.deepEqual(files, ['一组.bg', path.join('二组', '北屏乡.bg'), path.join('二组', '桂圩镇.docx')]);
    // collect reads reports in the language: the folder gives its .bg files.
    const collected = run('collect', folder, '--format', 'json');
    assert.equal(collected.stderr, '');
    assert.deepEqual([...new Set((JSON.parse(collected.stdout) as Array<{ 文件: string }>).map((r) => path.relative(folder, r.文件)))], ['一组.bg', path.join('二组', '北屏乡.bg')]);
  });

  it('check expands a wildcard pattern itself (Windows’ shells pass 乡镇/*.bg on as typed); a pattern or folder with no report is told', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-pattern-'));
    copyFileSync(samplePath('guiwei-2020'), path.join(folder, '桂圩镇.bg'));
    copyFileSync(samplePath('beiping-2020'), path.join(folder, '北屏乡.bg'));
    writeFileSync(path.join(folder, '说明.txt'), '不是报告');
    const all = run('check', path.join(folder, '*.bg'), '--format', 'json');
    assert.equal(all.status, 1, all.stderr);
    assert.deepEqual([...new Set((JSON.parse(all.stdout) as Array<{ file: string }>).map((r) => path.basename(r.file)))], ['北屏乡.bg', '桂圩镇.bg']);
    // A link to a folder above is not followed: each report once (as a folder's walk takes them).
    mkdirSync(path.join(folder, '下级'));
    symlinkSync('..', path.join(folder, '下级', '上级'));
    const deep = run('check', path.join(folder, '**', '*.bg'), '--format', 'json');
    assert.deepEqual([...new Set((JSON.parse(deep.stdout) as Array<{ file: string }>).map((r) => path.relative(folder, r.file)))], ['北屏乡.bg', '桂圩镇.bg']);
    const none = run('check', path.join(folder, '*.docx'));
    assert.equal(none.status, 2);
    assert.equal(none.stderr, `baogao：没有与“${path.join(folder, '*.docx')}”相符的文件。（BG916）\n`);
    const empty = mkdtempSync(path.join(tmpdir(), 'baogao-empty-'));
    const nothing = run('check', empty);
    assert.equal(nothing.status, 2);
    assert.equal(nothing.stderr, `baogao：文件夹“${empty}”里没有报告（.bg 或 Word .docx 文件）。（BG916）\n`);
  });

  it('check of several files sums up on stderr: each file’s findings by severity, the files with errors, the totals', () => {
    const clean = tempFile('干净.bg', '@标题 东口镇司法所2020年度工作总结\n@类型 工作总结\n@机关 东口镇司法所\n@年度 2020\n@日期 2021-01-05\n\n# 工作\n\n全年办理案件{案件 = 12件}。\n');
    const { status, stdout, stderr } = run('check', samplePath('guiwei-2020'), clean);
    assert.equal(status, 1);
    const json = JSON.parse(run('check', samplePath('guiwei-2020'), clean, '--format', 'json').stdout) as Array<{ file: string; severity: string }>;
    const count = (severity: string) => json.filter((r) => r.severity === severity).length;
    assert.equal(stdout.split('\n').filter(Boolean).length, json.length, 'stdout: one finding a line, nothing else');
    assert.equal(stderr, [
      `  ${samplePath('guiwei-2020')}：${count('error')} 处错误、${count('warning')} 处警告\n`,
      `  ${clean}：没有问题\n`,
      `baogao：检查了 2 个文件，1 个有错误；共 ${count('error')} 处错误、${count('warning')} 处警告。\n`,
    ].join(''));
    assert.equal(run('check', samplePath('guiwei-2020')).stderr, '', 'one file: no summary');
  });

  it('check --format json gives 1-based records', () => {
    const { stdout } = run('check', '--format', 'json', samplePath('beiping-2020'));
    const records = JSON.parse(stdout) as Array<Record<string, unknown>>;
    const record = records.find((r) => r.code === 'BG207');
    assert.ok(record);
    assert.deepEqual(Object.keys(record).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.equal(record.line, 38);
  });

  it('exits 2 with a Chinese message and no stack trace for bad usage and unreadable files', () => {
    // A folder stands for its reports: one with none is told.
    const empty = mkdtempSync(path.join(tmpdir(), 'baogao-no-reports-'));
    for (const args of [['check'], ['check', path.join(temp, 'missing.bg')], ['render', '--width', 'abc'], ['render', '--format', 'pdf'], ['frobnicate'], ['check', '--bogus', 'x.bg'], ['check', empty]]) {
      const { status, stderr } = run(...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /baogao：.*[\u4e00-\u9fff]/, args.join(' '));
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('survives random bytes, an empty file, 10,000 braces and a 5 MB file', function () {
    // A hang guard, not a speed target (each run is also bounded by its own 60 s): eight runs of the
    // command take a few seconds on a quiet machine and several times that on a loaded one.
    this.timeout(300_000);
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const sample = readFileSync(samplePath('guiwei-2020'), 'utf8');
    const files = [
      tempFile('random.bg', Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(random() * 256)))),
      tempFile('empty.bg', ''),
      tempFile('braces.bg', '{'.repeat(10_000)),
      tempFile('big.bg', sample.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(sample)))),
    ];
    for (const file of files) {
      const { status, stderr } = run('check', '--format', 'json', file);
      assert.ok(status === 0 || status === 1, `${path.basename(file)}: exit ${status} ${stderr}`);
      assert.equal(stderr, '');
      const rendered = run('render', file);
      assert.equal(rendered.status, 0, `${path.basename(file)} renders`);
    }
  });

  it('lsp --stdio starts the language server for any editor', async () => {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const reply = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no answer: ${out}`)), 15_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (out.includes('"capabilities"')) {
            clearTimeout(timer);
            resolve(out);
          }
        });
      });
      assert.match(reply, /"hoverProvider":true/);
    } finally {
      child.kill();
    }
  });
});
