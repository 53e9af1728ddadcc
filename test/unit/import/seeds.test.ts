// baogao import on the five real seeds: the result parses cleanly, prints the seed's words in order,
// keeps its heading numbers, and finds the header and the labels the hand conversions (samples/) have.
import { strict as assert } from 'node:assert';
import { parse } from '../../../grammar/index.js';
import { importReport } from '../../../server/language/import/index.js';
import { render } from '../../../templates/render.js';
import { cjkKeptInOrder, model, sampleModel, SEEDED, seedText } from '../../helpers.js';

const NUMBERED = /^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)])/;
/** Typed or rendered heading numbers, with half-width brackets and the full-width dot unified. */
const numbersOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => NUMBERED.exec(line)?.[0])
    .filter((n): n is string => n !== undefined)
    .map((n) => n.replace(/\(/g, '（').replace(/\)/g, '）').replace(/．/g, '.').replace(/\s/g, ''));
const labelsOf = (bg: string) => [...bg.split('\n').filter((l) => !l.startsWith('//')).join('\n').matchAll(/\{#([^}]+)\}/g)].map((m) => m[1]);
const rendered = (bg: string) => render(model(bg), 'txt', { width: 1000 });

describe('import: the five seeds', () => {
  for (const name of SEEDED) {
    describe(name, () => {
      const seed = seedText(name);
      const result = importReport(seed);

      it('parses with no syntax diagnostics', () => {
        assert.deepEqual(parse(result.text).diagnostics, []);
      });

      it('renders keeping at least 99% of the seed’s CJK characters, in order', () => {
        const { kept, total } = cjkKeptInOrder(seed, rendered(result.text));
        assert.ok(kept / total >= 0.99, `${kept}/${total}`);
      });

      it('finds the header the hand conversion has', () => {
        const sample = sampleModel(name).header;
        const date = sample.date ? `${sample.date.year}-${String(sample.date.month).padStart(2, '0')}-${String(sample.date.day).padStart(2, '0')}` : undefined;
        assert.deepEqual(
          { title: result.header.title, kind: result.header.kind, org: result.header.org, year: result.header.year, date: result.header.date },
          { title: sample.values.标题?.text, kind: sample.kind, org: sample.org, year: sample.year, date },
        );
      });

      it('labels the parts the hand conversion labels', () => {
        assert.deepEqual(labelsOf(result.text), labelsOf(sampleModel(name).file.text));
      });

      it('lists every removal in the notes', () => {
        const bookmarks = (seed.match(/\[bookmark:/g) ?? []).length;
        assert.equal(result.notes.filter((n) => n.what.includes('[bookmark:')).length, bookmarks);
        assert.equal(result.notes.filter((n) => n.what.startsWith('标题序号')).length, numbersOf(seed).length);
        for (const n of result.notes) assert.ok(n.line >= 1 && /[\u4e00-\u9fff]/.test(n.what + n.why), JSON.stringify(n));
      });
    });
  }

  it('keeps the seed’s heading numbers where they were consistent (000, 001, 003, 004)', () => {
    for (const name of ['guiwei-2020', 'daxie-2021', 'beiping-2020', 'huilongba-2021']) {
      const seed = seedText(name);
      assert.deepEqual(numbersOf(rendered(importReport(seed).text)), numbersOf(seed), name);
    }
  });

  it('seed 002: "1、" is the top level (it encloses （一）), "（1）" under it becomes level 2', () => {
    const seed = seedText('dongzhaogezhuang-2020');
    const out = numbersOf(rendered(importReport(seed).text));
    const expected = numbersOf(seed).map((n) => ({ '1、': '一、', '2、': '二、', '3、': '三、', '4、': '四、', '5、': '五、' })[n] ?? n.replace(/^（(\d)）$/, (_, d: string) => `（${'一二三四五六'[Number(d) - 1]}）`));
    assert.deepEqual(out, expected);
  });

  it('seed 000: the signature, date and page number become the header, and nothing else is left at the end', () => {
    const result = importReport(seedText('guiwei-2020'));
    assert.match(result.text, /@机关 桂圩镇人民政府\n@年度 2020\n@日期 2021-01-13\n/);
    assert.match(result.text, /重点做好以下工作[^\n]*\n$/);
    assert.ok(result.notes.some((n) => n.line === 35 && n.what === '页码“1”'));
    assert.ok(result.notes.some((n) => n.line === 33 && n.what.includes('落款')));
  });

  it('keeps the seeds’ defects as typed (half-width punctuation, unclosed brackets)', () => {
    const daxie = importReport(seedText('daxie-2021')).text;
    assert.match(daxie, /^## 学习贯彻习近平法治思想$/m);
    assert.match(daxie, /今年以来,我镇严格按照/);
    assert.match(daxie, /^## 法治宣传还不足,行政执法活动进行不够严格$/m);
    assert.match(importReport(seedText('guiwei-2020')).text, /《广东省法治政府建设实施纲要（2016-2020年》/);
  });
});
