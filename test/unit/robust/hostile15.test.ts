// Session 15's attacks: classes of hostile input the earlier robustness tests did not try, each kept as a
// regression test.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeBytes, FileRefused, writeFileSafely } from '../../../server/node/files.js';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { rename } from '../../../server/language/features/navigation.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { render } from '../../../templates/render.js';
import { formatNumber } from '../../../server/language/values.js';
import { importReport } from '../../../server/language/import/index.js';
import { notTextProblem } from '../../../server/language/documentSize.js';
import { model, ROOT } from '../../helpers.js';

const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });

describe('hostile input (session 15)', function () {
  this.timeout(60_000);
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'baogao-hostile15-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('control characters of a report or of its name reach the terminal visible, never obeyed (was: an ESC sequence set the window title, a CR hid the finding)', () => {
    const text = '@标题 某镇报告\n@年度 2020\n\n# 甲\n\n丙{戊\u001b]0;pwned\u0007己 = 3件}丁\u202e。\n';
    const name = 'r\rok.bg';
    writeFileSync(path.join(folder, name), text);
    writeFileSync(path.join(folder, 'other.bg'), text);
    const r = cli(folder, 'check', name, 'other.bg');
    assert.equal(r.status, 1);
    for (const [stream, output] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
      assert.doesNotMatch(output, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, `${stream}: ${JSON.stringify(output)}`);
    }
    assert.match(r.stdout, /^r<U\+000D>ok\.bg:6:2: error BG002 无法识别的指标写法“\{戊<U\+001B>\]0;pwned<U\+0007>己 = 3件\}”/m);
    assert.match(r.stderr, /r<U\+000D>ok\.bg：/, 'the summary of several files names it visibly too');
    // Each line of the output is one finding: a file name with a line break cannot forge another.
    for (const line of r.stdout.trimEnd().split('\n')) assert.match(line, /^(r<U\+000D>ok|other)\.bg:\d+:\d+: (error|warning|info) BG\d{3} /);
    // JSON is data: every character kept (escaped by JSON itself).
    const json = cli(folder, 'check', name, '--format', 'json');
    assert.ok(JSON.parse(json.stdout).some((f: { message: string }) => f.message.includes('\u001b]0;pwned\u0007')));
  });

  it('a rename onto a name already taken, of the header or of the language, is refused in Chinese (was: two figures merged into one, {率 = 成功/成功 %})', () => {
    const text = '@标题 某县报告\n@年度 2020\n\n# 甲 {#标}\n\n# 乙 {#举措}\n\n@引用 段甲\n\n{调处 = 3件}{成功 = 2件}{率 = 成功/调处 %}{未定}\n';
    const service = new LanguageService(new MemoryWorkspace({ '/w/r.bg': text, '/w/snippets/段甲.bg': '@片段 段甲\n\n甲。\n', '/w/snippets/段乙.bg': '@片段 段乙\n\n乙。\n' }));
    const model = service.analyze('/w/r.bg', text);
    const renamed = (at: string, newName: string) => rename(service, model, text.indexOf(at) + 1, newName, []);
    for (const [newName, told] of [
      ['成功', /^本报告已有指标“成功”：改成它会把两个指标合而为一/],
      ['未定', /^本报告已有指标“未定”/], // used, though not defined
      ['年度', /^“年度”是文头的值（\{年度\}）/],
      ['同比', /^“同比”在花括号里有特定含义/],
      ['约', /^“约”在花括号里有特定含义/],
      ['_', /^“_”在花括号里有特定含义/],
      ['BG601', /^“BG601”在花括号里有特定含义/],
    ] as const) {
      const result = renamed('调处', newName);
      assert.ok(typeof result === 'string' && told.test(result), `${newName}: ${JSON.stringify(result)}`);
    }
    assert.match(renamed('#标', '举措') as string, /^本报告已有标签“举措”/);
    assert.match(renamed('段甲', '段乙') as string, /^已有名为“段乙”的片段/);
    // Free names, and the name itself, still rename.
    assert.equal((renamed('调处', '调处数') as unknown[]).length, 2);
    assert.equal((renamed('调处', '调处') as unknown[]).length, 2);
    assert.equal((renamed('#标', '不足') as unknown[]).length, 1);
    assert.ok(Array.isArray(renamed('段甲', '段丙')));
  });

  it('a report in Big5 is read as Big5, not as GBK’s rare characters, and --fix writes it back in Big5 (was: “某鎮” imported as “琘马”)', () => {
    const text = '@標題 某鎮人民政府2020年度法治政府建設情況報告\n@年度 2020\n\n# 主要舉措\n\n全年調處糾紛150起,成功率98%。\n';
    const bytes = iconv.encode(text, 'big5');
    assert.deepEqual(decodeBytes(bytes), { text, encoding: 'big5', clean: true });
    // GBK reports stay GBK, rare characters and all (its extension's second bytes are below 0xA1 too).
    const gbk = '某镇人民政府2020年度报告。全年调处纠纷150起，丕丟丨乂乚亍亓亖。\n'.repeat(3);
    assert.deepEqual(decodeBytes(iconv.encode(gbk, 'gbk')), { text: gbk, encoding: 'gb18030', clean: true });
    const file = path.join(folder, 'big5.bg');
    writeFileSync(file, bytes);
    const r = cli(folder, 'check', 'big5.bg', '--fix');
    assert.match(r.stdout, /已修复 big5\.bg:6:\d+ BG601/);
    assert.match(r.stdout, /BG900 文件按 Big5（繁体） 编码读取/);
    assert.equal(iconv.decode(readFileSync(file), 'big5'), text.replace('起,', '起，'));
    writeFileSync(path.join(folder, 'big5.txt'), iconv.encode('某鎮2020年度法治政府建設情況報告\n\n全年調處糾紛150起。\n', 'big5'));
    assert.match(cli(folder, 'import', 'big5.txt').stdout, /@标题 某鎮2020年度法治政府建設情況報告[\s\S]*全年調處糾紛\{/);
  });

  it('@上年 naming the report itself says so (was: BG106 “找不到上年报告” of a file that is there)', () => {
    for (const [at, written] of [['/w/r.bg', 'r.bg'], ['/w/sub/r.bg', '../sub/./r.bg']] as const) {
      const found = model(`@标题 某县报告\n@年度 2020\n@上年 ${written}\n\n# 甲\n\n{调处 = 3件}{调处 同比}\n`, {}, at).diagnostics.filter((d) => d.code === 'BG106');
      assert.deepEqual(found.map((d) => d.message), [`“@上年 ${written}”指向本报告自身：请写上一年度报告的路径。`]);
    }
  });

  it('@检查 reads only its own level words: BG601=constructor is BG107, not Object’s constructor as a level (was: “undefined BG601”)', () => {
    for (const word of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const m = model(`@标题 某县报告\n@年度 2020\n@检查 BG601=${word}\n\n# 甲\n\n正文,好。\n`);
      assert.equal(m.header.severities.size, 0, word);
      assert.ok(m.diagnostics.some((d) => d.code === 'BG107'), word);
      assert.deepEqual(checkReport(m).filter((d) => d.code === 'BG601').map((d) => d.severity), ['error'], word);
    }
  });

  it('words after the arguments of @检查, @引用 or @参数 that are no argument are BG009, not silently dropped with every argument after them', () => {
    const told = (line: string) => model(`@标题 某县报告\n@年度 2020\n${line}\n\n# 甲\n\n正文。\n`).diagnostics.filter((d) => d.code === 'BG009').map((d) => d.message);
    assert.deepEqual(told('@检查 BG601=关 =关 BG233=关'), ['无法识别“=关 BG233=关”：这一行的写法有误，它和后面的参数都没有起作用；参数写成“名称=值”，以空格分隔。']);
    assert.match(told('@检查 == BG233=关闭')[0]!, /^无法识别“== BG233=关闭”/);
    assert.match(told('@引用 段甲 机关=某镇 ==乙 数=3件')[0]!, /^无法识别“==乙 数=3件”/);
    assert.deepEqual(told('@检查 BG601=关，BG233=关 '), [], 'commas and spaces between arguments are fine');
    assert.deepEqual(told('@检查 BG601=关'), []);
  });

  it('an RTF document or a web page saved as .txt or .bg is BG908 with what to do, not imported tag by tag as prose', () => {
    const rtf = '{\\rtf1\\ansi\\ansicpg936 {\\fonttbl\\f0 SimSun;}\\f0 \\u26576?\\u38215? 2020\\par }';
    const html = '<!DOCTYPE html>\n<html><head><title>某县报告</title></head><body><p>某县2020年度法治政府建设情况报告</p><script>x()</script></body></html>';
    for (const [name, text, told] of [['r.txt', rtf, /看来是RTF 格式的文档）。请在 Word 或 WPS 中打开，另存为 \.docx/], ['h.txt', html, /看来是HTML 网页）。请在浏览器中打开/], ['h2.txt', `\ufeff  <html lang="zh">${html.slice(22)}`, /HTML 网页/]] as const) {
      writeFileSync(path.join(folder, name), text);
      const r = cli(folder, 'import', name);
      assert.equal(r.status, 2, `${name}: ${r.stderr}`);
      assert.match(r.stderr, told, name);
      assert.equal(r.stdout, '', name);
    }
    writeFileSync(path.join(folder, 'h.bg'), html);
    assert.match(cli(folder, 'check', 'h.bg').stdout, /^h\.bg:1:1: error BG908 这不是报告的文本（看来是HTML 网页）/);
    // A report that only mentions a tag or a brace is a report.
    for (const text of ['某县2020年度报告\n\n正文写到<html>标签。\n', '{调处 = 3件}\\rtf\n', '# 甲\n\n<p>段落</p>\n']) assert.equal(notTextProblem(text), undefined, text);
  });

  it('collect tells its mistakes and refusals in Chinese like the other commands (was: “内部错误：Unknown option \'--bogus\'…”)', () => {
    writeFileSync(path.join(folder, 'r.bg'), '@标题 某县报告\n@年度 2020\n\n# 甲\n\n{调处 = 3件}\n');
    for (const [args, told] of [
      [['collect', '--bogus'], /^baogao：未知的选项：--bogus。[\s\S]*用法：\n  baogao collect /],
      [['collect', '--format', 'xml', 'r.bg'], /^baogao：不支持的输出格式“xml”/],
      [['collect', 'r.bg', '--out', 'r.bg'], /^baogao：“.*r\.bg”是这条命令读取的文件本身，写出会覆盖原文：换一个输出文件名，或加 --force 覆盖。（BG910）\n$/],
    ] as const) {
      const r = cli(folder, ...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, told, args.join(' '));
      assert.doesNotMatch(r.stderr, /内部错误/);
    }
  });

  it('a change against last year of 10^21 or more prints its digits, never “1e+26” (was: 同比增长1e+26%)', () => {
    const m = model('@标题 某县报告\n@年度 2020\n@上年 last.bg\n\n# 甲\n\n{己 = 99999999999999999999件}{己 同比}。\n', { '/w/last.bg': '@年度 2019\n\n{己 = 0.0001件}\n' });
    const printed = render(m, 'txt', { width: 200 });
    // Computed in decimal, as 99999999999999999999 has more digits than a double holds: (99999999999999999999 − 0.0001) ÷ 0.0001.
    assert.match(printed, /99999999999999999999件同比增长99999999999999999998999900%。/);
    assert.doesNotMatch(printed, /e\+/);
    assert.equal(formatNumber(1.5e21), '1500000000000000000000');
    assert.equal(formatNumber(-2e22, 2), '-20000000000000000000000');
    assert.equal(formatNumber(12.345), '12.35');
  });

  it('a text whose lines end in U+2028, U+2029, NEL or a lone CR is imported and checked line by line, as with line feeds (was: one paragraph of all its headings)', () => {
    const lines = ['某镇2020年度法治政府建设情况报告', '', '一、主要举措', '', '全年调处纠纷150起，成功率98%。', '', '二、存在的不足', '', '（一）培训不够。', ''];
    const expected = importReport(lines.join('\n')).text;
    assert.match(expected, /^# 主要举措/m);
    const checked = (name: string) => cli(folder, 'check', name).stdout.replaceAll(name, 'X');
    writeFileSync(path.join(folder, 'lf.txt'), lines.join('\n'));
    const lineFeeds = checked('lf.txt');
    for (const [name, lineBreak] of [['crlf', '\r\n'], ['cr', '\r'], ['ls', '\u2028'], ['ps', '\u2029'], ['nel', '\u0085']] as const) {
      assert.equal(importReport(lines.join(lineBreak)).text, expected, name);
      writeFileSync(path.join(folder, `${name}.txt`), lines.join(lineBreak));
      assert.equal(checked(`${name}.txt`), lineFeeds, name);
    }
  });

  it('a value typed with full-width digits is told as such, not as “指标“１５０起”没有定义”', () => {
    const told = (figures: string) => model(`@标题 某县报告\n@年度 2020\n\n# 甲\n\n${figures}\n`).diagnostics.map((d) => `${d.code} ${d.message}`);
    assert.deepEqual(told('{调处 = １５０起}'), ['BG201 “１５０起”的数字是全角的，读作指标名称而不是数值：请改为半角“150起”。']);
    assert.deepEqual(told('{调处 = 3件}{合计 = 调处 + １．５件}'), ['BG201 “１．５件”的数字是全角的，读作指标名称而不是数值：请改为半角“1.5件”。']);
    assert.match(told('{调处}')[0]!, /^BG201 指标“调处”没有定义/, 'a name is still a name');
  });

  it('@年度 0000 is BG101, not the year 0 (was: printed “0年度报告”, {上年度} “-1年”)', () => {
    for (const year of ['0000', '0999']) {
      const m = model(`@标题 某县{年度}年度报告\n@年度 ${year}\n\n# 甲\n\n{上年度}年。\n`);
      assert.equal(m.header.year, undefined, year);
      assert.equal(`${m.diagnostics[0]!.code} ${m.diagnostics[0]!.message}`, `BG101 年度“${year}”应是四位数字的年份，例如“@年度 2020”。`);
      assert.doesNotMatch(render(m, 'txt', {}), /-1年|0年度/);
    }
    assert.equal(model('@年度 1000\n\n正文。\n').header.year, 1000);
    writeFileSync(path.join(folder, 'r.bg'), '@标题 某县报告\n@年度 0000\n\n# 甲\n\n正文。\n');
    assert.match(cli(folder, 'new', 'r.bg', '--out', '-').stderr, /不是四位数的年份，无法推算下一年度/);
    assert.match(cli(folder, 'new', 'r.bg', '--out', '-', '--year', '0000').stderr, /年度“0000”应是四位数字的年份/);
  });

  it('a year or date typed with full-width digits says so, with the half-width text (was: “应是四位数字的年份” of four digits)', () => {
    const told = (header: string) => model(`${header}\n\n正文。\n`).diagnostics.map((d) => d.message);
    assert.deepEqual(told('@年度 ２０２０'), ['年度“２０２０”应是四位数字的年份，例如“@年度 2020”。其中的数字是全角的，请改为半角：“2020”。']);
    assert.match(told('@日期 ２０２１年１月１３日')[0]!, /其中的数字是全角的，请改为半角：“2021年1月13日”。$/);
    assert.match(told('@印发日期 ２０２１-01-15')[0]!, /请改为半角：“2021-01-15”。$/);
    assert.deepEqual(told('@年度 abc'), ['年度“abc”应是四位数字的年份，例如“@年度 2020”。'], 'no hint without full-width digits');
  });

  it('check --fix never overwrites what was saved while it ran (was: the editor’s save replaced by the fixed old text)', async () => {
    const file = path.join(folder, 'r.bg');
    writeFileSync(file, '新内容。\n');
    assert.throws(() => writeFileSafely(file, '修复后。\n', { inPlace: true, readAs: '旧内容。\n' }), (error: Error) => error instanceof FileRefused && /在本命令运行期间被改过/.test(error.message));
    assert.equal(readFileSync(file, 'utf8'), '新内容。\n');
    assert.deepEqual(readdirSync(folder), ['r.bg'], 'no temporary file left');
    writeFileSafely(file, '修复后。\n', { inPlace: true, readAs: '新内容。\n' });
    assert.equal(readFileSync(file, 'utf8'), '修复后。\n');

    // The command: a report of several 64 KB chunks written slowly, saved by the writer meanwhile.
    const report = path.join(folder, 'big.bg');
    writeFileSync(report, `@标题 某县报告\n@年度 2020\n\n# 甲\n\n${'正文,好。\n'.repeat(30_000)}`);
    const run = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'check', '--fix', report], { env: { ...process.env, BAOGAO_TEST_SLOW_WRITE_MS: '150' } });
    let stderr = '';
    run.stderr.on('data', (chunk) => (stderr += chunk));
    // Its findings (some 3 MB) are read and dropped: a child whose output is never read waits to write it.
    run.stdout.resume();
    let exited = false;
    const ended = new Promise<number | null>((resolve) => run.on('close', (code) => { exited = true; resolve(code); }));
    // Until the command is writing (its temporary file is there) — or has ended, which it must not have.
    while (!readdirSync(folder).some((name) => name.endsWith('.tmp')) && !exited) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(!exited, `the command ended before it wrote: ${stderr}`);
    writeFileSync(report, '写作者刚保存的内容。\n');
    assert.equal(await ended, 2);
    assert.match(stderr, /big\.bg”在本命令运行期间被改过（为免覆盖新的改动，没有写入，请再运行一次）。未修复。/);
    assert.equal(readFileSync(report, 'utf8'), '写作者刚保存的内容。\n');
  });
});
