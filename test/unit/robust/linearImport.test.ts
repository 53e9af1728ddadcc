// The importer and the check of a Word or text file (import in memory, findings placed back in the
// source) on hostile text: each was once quadratic in it. A bound of seconds here stands for "does not
// hang": the sizes are such that the quadratic versions took minutes.
import { strict as assert } from 'node:assert';
import { importReport } from '../../../server/language/import/index.js';
import { importFragment } from '../../../server/language/import/fragment.js';
import { LanguageService } from '../../../server/language/service.js';
import { checkSourceText } from '../../../server/language/sourceCheck.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';

const timed = <T>(run: () => T): { result: T; ms: number } => {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
};

/** The reviewer's check of a raw text (`baogao check report.txt`), timed. */
const checkRaw = (text: string) => timed(() => checkSourceText(new LanguageService(new MemoryWorkspace({})), '/w/report.txt', text));

describe('import and source check: linear on hostile text', function () {
  this.timeout(60_000);

  it('a line of 300,000 digits with no unit after them (was: each digit tried as the start of an amount)', () => {
    const text = `全年共受理${'1'.repeat(300_000)}件`;
    const { result, ms } = timed(() => importReport(text));
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
    assert.equal(result.figures, 1, 'the run and its unit are one amount');
    assert.ok(timed(() => importFragment('1'.repeat(300_000), { takenNames: [], takenLabels: [], inline: true })).ms < 5000);
  });

  it('a line of 100,000 unclosed 〔, [ or [bookmark: (was: each scanned to the end of the line)', () => {
    for (const unit of ['〔', '[', '[bookmark:']) {
      const { result, ms } = timed(() => importReport(`正文${unit.repeat(100_000 / unit.length)}\n全年受理案件3件。`));
      assert.ok(ms < 5000, `${unit}: ${ms.toFixed(0)} ms`);
      assert.ok(result.text.includes('{受理案件 = 3件}'), `${unit}: the amount below them is still a figure`);
    }
  });

  it('long runs a watermark, a blank or a confused word could be tried at each character of (spaces before an address, underscores, 权力 and spaces)', () => {
    const spaces = ' '.repeat(100_000);
    const lines = [`2022年,我局依法行政,全面推进法治政府建设${spaces}x.com`, `一、主要举措 公文汇 www.gongwenhui.com`, `二、存在问题 公文汇 www.gongwenhui.com`, `全年共受理案件3件${spaces}公文汇,办公文档之家x`];
    const { ms } = timed(() => importReport(lines.join('\n')));
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
    const check = (text: string) => checkRaw(text).ms;
    for (const text of [`正文${'_'.repeat(100_000)}。`, `依法行使权力${spaces}x，履行义务。`, `通过率均到达${spaces}1${spaces}x。`]) {
      const took = check(text);
      assert.ok(took < 8000, `${text.slice(0, 8)}: ${took.toFixed(0)} ms`);
    }
  });

  it('the ninth round’s checks and import steps read a line once: 为指导、 and 《( repeated, 族 in a first sentence, spaces in a title', () => {
    const check = (text: string) => checkRaw(text).ms;
    for (const text of [`我局${'坚持习近平法治思想为指导、'.repeat(30_000)}。`, `学习${'《规定('.repeat(50_000)}》。`, `2025年,某${'族'.repeat(50_000)}县公安局依法行政。`, `某局2025年度法治政府${' '.repeat(100_000)}x建设情况报告\n正文。`]) {
      const took = check(text);
      assert.ok(took < 8000, `${text.slice(0, 8)}: ${took.toFixed(0)} ms`);
    }
  });

  it('a sharing site’s stamp 20,000 times in one line, and 50,000 “www.” in a row: each line cut in one pass, an address of a few labels at most', () => {
    const stamped = timed(() => importReport('秘书之家—全网资源每日更新www.mishuzj.com推进依法行政,'.repeat(20_000)));
    assert.ok(stamped.ms < 5000, `${stamped.ms.toFixed(0)} ms`);
    assert.ok(!stamped.result.text.includes('mishuzj'));
    const addresses = timed(() => importReport('www.'.repeat(50_000)));
    assert.ok(addresses.ms < 5000, `${addresses.ms.toFixed(0)} ms`);
  });

  it('a line split into 20,000 parts at lost breaks: findings placed in order without deep recursion', () => {
    const text = '关于某镇2020年度法治政府建设情况的报告\n' + '推进依法行政（。 一、加强领导 '.repeat(20_000);
    const { result, ms } = checkRaw(text);
    assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
    const unclosed = result.findings.filter((f) => f.code === 'BG602' && f.line === 2).map((f) => f.column);
    assert.ok(unclosed.length > 100 && unclosed.every((c, i) => i === 0 || c > unclosed[i - 1]!), JSON.stringify(unclosed.slice(0, 5)));
  });

  it('20,000 lines each with an unclosed bracket: every finding placed in its source line (was: the whole text split for each)', () => {
    const text = '关于某镇2020年度法治政府建设情况的报告\n' + '推进依法行政（\n'.repeat(20_000);
    const { result, ms } = checkRaw(text);
    assert.ok(ms < 15_000, `${ms.toFixed(0)} ms`);
    // At most 500 of one code a file, then one saying how many more (perCodeBound.ts): each in its place.
    const unclosed = result.findings.filter((f) => f.code === 'BG602');
    assert.equal(unclosed.length, 501);
    assert.ok(unclosed.every((f, i) => f.line === i + 2 && f.column === 7), JSON.stringify(unclosed.find((f, i) => f.line !== i + 2 || f.column !== 7)));
    assert.match(unclosed[500]!.message, /^此处起还有 19500 处同样的问题（BG602）/);
  });

  it('a Word page of one 300,000-character line whose every comma is a finding: each placed in its column, found near the one before', () => {
    const text = '关于某镇2020年度法治政府建设情况的报告\n' + '推进依法行政,'.repeat(50_000);
    const { result, ms } = checkRaw(text);
    assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
    const commas = result.findings.filter((f) => f.code === 'BG601');
    assert.equal(commas.length, 501);
    assert.ok(commas.slice(0, 500).every((f, i) => f.line === 2 && f.column === 7 * (i + 1)), JSON.stringify(commas.slice(0, 3)));
  });
});
