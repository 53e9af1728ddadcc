// Next year's report (`baogao new`): the transformation in the core, the `？` figures it leaves to refill
// (BG710, without a cascade of other errors), and the command as a user runs it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from '../../../grammar/index';
import { checkReport } from '../../../server/language/checks/index';
import { nextYearReport } from '../../../server/language/nextYear';
import { LanguageService } from '../../../server/language/service';
import { MemoryWorkspace } from '../../../server/language/workspace';
import { render } from '../../../templates/render';
import { model, ROOT } from '../../helpers.js';

/** The samples and their snippets in memory under /s/. */
function samplesWorkspace(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const n of readdirSync(path.join(ROOT, 'samples'))) if (n.endsWith('.bg')) files[`/s/${n}`] = readFileSync(path.join(ROOT, 'samples', n), 'utf8');
  for (const n of readdirSync(path.join(ROOT, 'samples', 'snippets'))) files[`/s/snippets/${n}`] = readFileSync(path.join(ROOT, 'samples', 'snippets', n), 'utf8');
  return files;
}

function next(text: string) {
  const result = nextYearReport(text, { lastPath: '/w/last.bg', nextPath: '/w/next.bg' });
  assert.ok(result.ok, result.ok ? '' : result.problem);
  return result;
}

const HEAD = '@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2021\n@日期 2022-01-10\n\n';

describe('baogao new: next year’s report', () => {
  it('guiwei-2021 gives a 2022 report that checks clean apart from the figures and the date to refill', () => {
    const files = samplesWorkspace();
    const result = nextYearReport(files['/s/guiwei-2021.bg']!, { lastPath: '/s/guiwei-2021.bg', nextPath: '/s/guiwei-2022.bg' });
    assert.ok(result.ok);
    assert.equal(result.year, 2022);
    const text = result.text;
    assert.match(text, /^@年度 2022$/m);
    assert.match(text, /^@日期 ？$/m);
    assert.match(text, /^@上年 guiwei-2021\.bg$/m);
    assert.match(text, /^@指标 调处 = ？ 上年162起$/m);
    assert.match(text, /^@指标 普法资料 = ？ 上年6000余份$/m);
    assert.match(text, /\{诉讼 = ？ 上年1起\}，\{诉讼 同比\}/);
    assert.match(text, /^@引用 人民调解$/m, 'snippets are kept');
    assert.match(text, /^# 其他需要报告的情况 \{#其他\}$/m, 'sections are kept');
    assert.equal(result.emptied, 10);

    const service = new LanguageService(new MemoryWorkspace({ ...files, '/s/guiwei-2022.bg': text }));
    const m = service.analyze('/s/guiwei-2022.bg', text);
    assert.equal(m.header.year, 2022);
    assert.ok(m.previous, '@上年 is read');
    const found = checkReport(m);
    assert.deepEqual([...new Set(found.map((d) => d.code))], ['BG710'], found.map((d) => `${d.code} ${d.message}`).join('\n'));
    assert.equal(found.length, 11, 'ten figures and the date');
    assert.ok(found.some((d) => d.message.includes('“调处”待填写（上年为162起）')));
    // Refilled, the report checks clean and compares with 2021.
    const refilled = text.replace(/？ 上年(\S+?)([}\n])/g, '$1$2').replace('@日期 ？', '@日期 2023-01-10').replace('@指标 调处 = 162起', '@指标 调处 = 170起');
    const again = service.analyze('/s/guiwei-2022.bg', refilled);
    assert.deepEqual(checkReport(again).filter((d) => d.severity !== 'hint').map((d) => `${d.code} ${d.message}`), []);
    assert.match(render(again, 'txt'), /同比增长4\.94%/);
  });

  it('advances the years that meant this year and the next, and lists the rest for the writer', () => {
    const last = `${HEAD}2021年，我镇依法行政。较2020年增长12%。自2019年以来持续开展。研究制定了《2021年度法治建设工作要点》，落实《法治政府建设实施纲要（2021—2025年）》。2020年获评示范镇。\n\n# 2022年工作计划 {#安排}\n2022年，我镇将继续推进。\n`;
    const result = next(last);
    assert.equal(result.text, `@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2022\n@日期 ？\n@上年 last.bg\n\n{年度}年，我镇依法行政。较{上年度}年增长12%。自2019年以来持续开展。研究制定了《{年度}年度法治建设工作要点》，落实《法治政府建设实施纲要（2021—2025年）》。2020年获评示范镇。\n\n# {下年度}年工作计划 {#安排}\n{下年度}年，我镇将继续推进。\n`);
    assert.deepEqual(result.flagged.map((n) => n.line), [6]);
    assert.match(result.flagged[0]!.what, /2020年/);
  });

  it('adds @日期 and @上年 when last year’s report has none, and keeps computed and checked figures', () => {
    const last = '@机关 桂圩镇人民政府\n@年度 2021\n\n调处{调处 = 150起}，成功{成功 = 147起}，成功率{成功率 = 成功/调处 %}，持证率{持证率 = 81.48% : 持证/应领证}。\n@指标 持证 = 44人\n@指标 应领证 = 54人\n';
    const result = next(last);
    assert.equal(result.text, '@机关 桂圩镇人民政府\n@年度 2022\n@上年 last.bg\n@日期 ？\n\n调处{调处 = ？ 上年150起}，成功{成功 = ？ 上年147起}，成功率{成功率 = 成功/调处 %}，持证率{持证率 = ？ 上年81.48% : 持证/应领证}。\n@指标 持证 = ？ 上年44人\n@指标 应领证 = ？ 上年54人\n');
    assert.ok(parse(result.text).diagnostics.length === 0);
  });

  it('drafts from a report without @年度 when its year is given: @年度 + 1, @日期 and @上年 under its header', () => {
    const last = '@机关 桂圩镇人民政府\n@日期 2022-01-10\n\n2021年共调处{调处 = 150起}。\n';
    const result = nextYearReport(last, { lastPath: '/w/a.bg', nextPath: '/w/b.bg', year: 2021 });
    assert.ok(result.ok);
    assert.equal(result.text, '@机关 桂圩镇人民政府\n@日期 ？\n@年度 2022\n@上年 a.bg\n\n{年度}年共调处{调处 = ？ 上年150起}。\n');
    assert.equal(result.year, 2022);
    assert.match(result.changed.map((n) => n.what).join('\n'), /上年报告没有“@年度”，按所说的2021年度推算/);
    const bare = nextYearReport('# 一\n正文。\n', { lastPath: '/w/a.bg', nextPath: '/w/b.bg', year: 2021 });
    assert.ok(bare.ok && bare.text.startsWith('@年度 2022\n@日期 ？\n@上年 a.bg\n\n# 一'), bare.ok ? bare.text : bare.problem);
    assert.deepEqual(parse(bare.text).diagnostics, []);
  });

  it('refuses a report without @年度 (saying how to give it) and a snippet, in Chinese', () => {
    const missing = nextYearReport('@机关 桂圩镇人民政府\n\n正文。\n', { lastPath: '/w/a.bg', nextPath: '/w/b.bg' });
    assert.ok(!missing.ok && /没有“@年度”.*--year 2021/.test(missing.problem));
    const snippet = nextYearReport('@片段 人民调解\n@年度 2021\n', { lastPath: '/w/a.bg', nextPath: '/w/b.bg' });
    assert.ok(!snippet.ok && /片段/.test(snippet.problem));
  });
});

describe('figures to refill: {名称 = ？ 上年150起}', () => {
  it('parses, reports BG710 once per figure, and what depends on it waits without errors', () => {
    const text = `${HEAD.replace('@类型 法治政府建设年度报告\n', '')}共调处{调处 = ？ 上年150起}，成功{成功 = ?}，成功率{成功率 = 成功/调处 %}，持证率{持证率 = ？ : 持证/应领证}，{调处 同比}，{调处}。\n@指标 应领证 = 54人\n`;
    assert.deepEqual(parse(text).diagnostics, []);
    const found = checkReport(model(text));
    assert.deepEqual(found.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`), ['BG201 指标“持证”没有定义：在别处写“{持证 = 数值单位}”或“@指标 持证 = 数值单位”来定义它。']);
    const refill = found.filter((d) => d.code === 'BG710');
    assert.deepEqual(refill.map((d) => text.slice(d.start, d.end)), ['？ 上年150起', '?', '？']);
    assert.match(refill[0]!.message, /上年为150起/);
    assert.ok(!found.some((d) => d.code === 'BG210'), 'a name used only by a check formula still counts as used');
  });

  it('prints as typed until it is filled in, and the date may wait too (@日期 ？)', () => {
    const text = '@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2022\n@日期 ？\n\n共调处{调处 = ？ 上年150起}。\n';
    const m = model(text);
    assert.match(render(m, 'txt'), /共调处\{调处 = ？ 上年150起\}。/);
    const found = checkReport(m);
    assert.deepEqual(found.filter((d) => d.code.startsWith('BG1') || d.code === 'BG701'), []);
    assert.deepEqual(found.filter((d) => d.code === 'BG710').map((d) => d.message.slice(0, 7)), ['成文日期待填写', '指标“调处”待']);
  });

  it('BG711: most figures equal to last year’s are a copy not updated; one or two unchanged counts are not', () => {
    const last = `${HEAD}调处{调处 = 150起}，成功{成功 = 147起}，持证{持证 = 44人}，诉讼{诉讼 = 0起}。\n`;
    const copied = `${HEAD.replace('2021', '2022')}@上年 last.bg\n\n调处{调处 = 150起}，成功{成功 = 147起}，持证{持证 = 46人}，诉讼{诉讼 = 0起}。\n`.replace('@日期 2022-01-10\n\n@上年', '@日期 2023-01-10\n@上年');
    const stale = checkReport(model(copied, { '/w/last.bg': last })).filter((d) => d.code === 'BG711');
    assert.deepEqual(stale.map((d) => copied.slice(d.start, d.end)), ['150起', '147起']);
    const updated = copied.replace('147起', '152起');
    assert.deepEqual(checkReport(model(updated, { '/w/last.bg': last })).filter((d) => d.code === 'BG711'), []);
  });
});

describe('baogao new: the command', () => {
  const CLI = path.join(ROOT, 'dist', 'cli.cjs');
  const run = (cwd: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, cwd });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const temp = mkdtempSync(path.join(tmpdir(), 'baogao-new-'));
  before(() => {
    assert.ok(existsSync(CLI), `dist/cli.cjs is built by npm test (npm run build) — missing ${CLI}`);
    cpSync(path.join(ROOT, 'samples'), path.join(temp, 'samples'), { recursive: true });
  });

  it('baogao new samples/guiwei-2021.bg writes samples/guiwei-2022.bg, which checks with only BG710 warnings', () => {
    const r = run(temp, 'new', 'samples/guiwei-2021.bg');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /已从“samples\/guiwei-2021\.bg”起草2022年度报告“samples\/guiwei-2022\.bg”/);
    assert.match(r.stderr, /10个指标的数值已清空为“？”/);
    const written = readFileSync(path.join(temp, 'samples', 'guiwei-2022.bg'), 'utf8');
    assert.match(written, /^@上年 guiwei-2021\.bg$/m);
    const checked = run(temp, 'check', '--format', 'json', 'samples/guiwei-2022.bg');
    assert.equal(checked.status, 0, checked.stderr);
    const codes = (JSON.parse(checked.stdout) as Array<{ code: string; severity: string }>).map((d) => `${d.code} ${d.severity}`);
    assert.equal(codes.length, 11);
    assert.deepEqual([...new Set(codes)], ['BG710 warning']);
  });

  it('refuses to overwrite without --force, writes to stdout with --out -, and explains bad input in Chinese', () => {
    assert.equal(run(temp, 'new', 'samples/guiwei-2021.bg', '--out', 'samples/guiwei-2020.bg').status, 2);
    assert.equal(run(temp, 'new', 'samples/guiwei-2021.bg', '--out', 'samples/guiwei-2020.bg', '--force').status, 0);
    const stdout = run(temp, 'new', 'samples/guiwei-2020.bg', '--out', '-');
    assert.equal(stdout.status, 0);
    assert.match(stdout.stdout, /^@年度 2023$/m);
    for (const args of [['new'], ['new', 'nothing.bg'], ['new', 'samples/snippets/人民调解.bg'], ['new', 'report.docx']]) {
      const bad = run(temp, ...args);
      assert.equal(bad.status, 2, args.join(' '));
      assert.match(bad.stderr, /baogao：.*[\u4e00-\u9fff]/);
      assert.doesNotMatch(bad.stderr, /\n\s+at /);
    }
  });

  it('import of a .bg file points to baogao new instead of escaping its directives', () => {
    const r = run(temp, 'import', 'samples/guiwei-2021.bg', '--out', 'x.bg');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /已经是报告语言文件.*baogao new samples\/guiwei-2021\.bg --out x\.bg/);
    assert.ok(!existsSync(path.join(temp, 'x.bg')));
  });
});
