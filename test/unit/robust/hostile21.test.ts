// Hostile inputs, session 21: figures whose values a double cannot hold — past its range, or of tens of
// thousands of digits — are computed, compared with last year and printed without an internal error, a
// wait, a lost digit or “NaN”/“Infinity” in the report.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { render } from '../../../templates/render.js';
import { buildView, DEFAULT_RENDER_OPTIONS } from '../../../templates/view.js';
import { GBT9704_LAYOUT, layoutReport } from '../../../templates/layout/document.js';
import { docxRunsBeyond, renderDocx } from '../../../templates/docx/writeDocx.js';
import { MAX_DOCX_RUNS } from '../../../templates/docx/docxBound.js';
import { cpuTimed, model, ROOT } from '../../helpers.js';

const HEADER = '@标题 某县报告\n@年度 2021\n\n# 甲\n\n';
const ZEROS = '0'.repeat(400);
/** The figures' findings (BG2xx, made as the report is analysed). */
const told = (text: string, files: Record<string, string> = {}) => ({ codes: model(text, files).diagnostics.map((d) => `${d.code} ${d.message}`) });
/** A finding's code and what it quotes. */
const quoted = (finding: string) => finding.replace(/”.*$/, '”');
const printed = (text: string, files: Record<string, string> = {}) => render(model(text, files), 'txt', { width: 200 }).replace(/\n/g, '');

describe('hostile inputs, session 21', () => {
  it('a value past a double’s range (1 and 400 zeros) is computed in decimal: BG251 for a result past 10²¹ (was: 内部错误 “[big.js] Invalid number”)', () => {
    const text = `${HEADER}{甲 = 1${ZEROS}件}{乙 = 甲 + 1件}{丙 = 甲 × 甲}{丁 = 甲 - 甲}。\n`;
    const { codes } = told(text);
    assert.deepEqual(codes.filter((c) => /^BG2/.test(c)).map(quoted), ['BG251 “甲 + 1件”', 'BG251 “甲 × 甲”']);
    const out = printed(text);
    assert.ok(out.includes(`1${ZEROS}件`), 'the stated value prints every digit');
    // The results past 10²¹ print as typed (BG251 says why); 甲 − 甲 is 0.
    assert.ok(out.endsWith(`1${ZEROS}件{乙 = 甲 + 1件}{丙 = 甲 × 甲}0件。`), out.slice(-80));
  });

  it('a divisor too small for a double (0.000…1, 400 zeros) is not zero (was: BG205 “除数为零”)', () => {
    const { codes } = told(`${HEADER}{乙 = 0.${ZEROS}1件}{甲 = 1件 ÷ 乙}{丙 = 乙 ÷ 2件}。\n`);
    assert.deepEqual(codes.filter((c) => /^BG2/.test(c)).map(quoted), ['BG251 “1件 ÷ 乙”']);
    assert.match(printed(`${HEADER}{乙 = 0.${ZEROS}1件}{丙 = 乙 ÷ 2件}。\n`), new RegExp(`0\\.${ZEROS}1件0。`));
  });

  it('a stated value of 50,000 decimals prints every one (was: from the 41st on, zeros: a quotient of big.js rounds to 40)', () => {
    const digits = '1234567891'.repeat(5000);
    const out = printed(`${HEADER}{甲 = 0.${digits}件}{乙 = 12.${digits}%}。\n`);
    assert.ok(out.includes(`0.${digits}件`), 'the count');
    assert.ok(out.includes(`12.${digits}%`), 'the percentage');
  });

  it('a product, quotient and sum of two values of 50,000 digits take no time (was: 35 s for one product)', function () {
    this.timeout(60_000);
    const digits = '1234567891'.repeat(5000);
    const reversed = [...digits].reverse().join('');
    const { ms, result } = cpuTimed(() => told(`${HEADER}{甲 = 0.${digits}件}{乙 = 0.${reversed}件}{丙 = 甲 × 乙}{丁 = 甲 ÷ 乙}{戊 = 甲 + 乙}{己 = ${digits}件}{庚 = 己 × 己}。\n`));
    assert.ok(ms < 5000, `${ms} ms`);
    assert.deepEqual(result.codes.filter((c) => /^BG2/.test(c)).map(quoted), ['BG251 “己 × 己”']);
    assert.match(printed(`${HEADER}{甲 = 0.${digits}件}{乙 = 0.${reversed}件}{丙 = 甲 × 乙}{丁 = 甲 ÷ 乙}{戊 = 甲 + 乙}。\n`), /件0\.02件0\.62件?0\.32件。$/);
  });

  it('a change against last year of values past a double’s range prints its digits, never NaN or Infinity (was: 同比下降NaN%, 同比增长Infinity%)', () => {
    const last = { '/w/last.bg': `@年度 2020\n\n{甲 = 1${ZEROS}件}{乙 = 0.${ZEROS}1件}{丙 = 5件}{丁 = 3件}{戊 = 1${ZEROS}件}\n` };
    const text = `${HEADER.replace('@年度 2021', '@年度 2021\n@上年 last.bg')}{甲 = 2${ZEROS}件}{甲 同比}{甲 增减}；{乙 = 1件}{乙 同比}；{丙 = 1${ZEROS}件}{丙 同比}；{丁 = 0.${ZEROS}1件}{丁 同比}{丁 增减}；{戊 = 1${ZEROS}件}{戊 同比}。\n`;
    const out = printed(text, last);
    assert.doesNotMatch(out, /NaN|Infinity|e\+/);
    assert.ok(out.includes(`同比增长100%增加1${ZEROS}件`), '甲 doubled');
    assert.ok(out.includes(`1件同比增长${'9'.repeat(401)}00%`), '乙 from 10^-401 to 1');
    assert.ok(out.includes(`同比增长1${'9'.repeat(399)}00%`), '丙 from 5 to 10^400');
    assert.ok(out.includes('1件同比下降100%减少3件'), '丁 from 3 to 10^-401');
    assert.ok(out.includes(`1${ZEROS}件与上年持平。`), '戊 the same');
    const { codes } = told(text, last);
    assert.deepEqual(codes.filter((c) => c.startsWith('BG211')), [], 'last year’s 10^-401 is not zero');
  });

  describe('a Word document of more runs than its bound', () => {
    const alternating = (times: number) => `${HEADER}${'甲,1'.repeat(times)}。\n`;
    it('counts the runs the writer makes, none made: exactly those of the document written', async () => {
      for (const text of [alternating(300), `${HEADER}{调处 = 150起}，成功率{率 = 98%}。English words, 123 and 45%。\n`, `${HEADER}# 乙\n\n正文。\n`]) {
        const m = model(text);
        const layout = layoutReport(buildView(m, DEFAULT_RENDER_OPTIONS), GBT9704_LAYOUT);
        const xml = await (await JSZip.loadAsync(await renderDocx(m))).file('word/document.xml')!.async('string');
        const runs = xml.split('<w:r>').length - 1;
        assert.ok(runs > 0);
        assert.equal(docxRunsBeyond(layout, runs), false, `${runs} runs`);
        assert.equal(docxRunsBeyond(layout, runs - 1), true, `${runs} runs`);
      }
    });

    it(`past ${MAX_DOCX_RUNS} runs is refused in Chinese with BG919 by the command, nothing written (was: 2.5 MB of “甲,1” took 107 s and 4.6 GB; 10 MB ran out of memory)`, function () {
      this.timeout(120_000);
      const folder = mkdtempSync(path.join(tmpdir(), 'baogao-docx-bound-'));
      try {
        writeFileSync(path.join(folder, 'r.bg'), alternating(MAX_DOCX_RUNS / 2 + 1000));
        const out = path.join(folder, 'r.docx');
        const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'render', path.join(folder, 'r.bg'), '--format', 'docx', '--out', out], { encoding: 'utf8', timeout: 100_000 });
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, /^baogao：这份报告中汉字与西文、数字交替太多：排成 Word 文档要分成 200000 段以上的文字.*（BG919）\n$/);
        assert.equal(existsSync(out), false);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});
