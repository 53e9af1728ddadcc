// GB/T 9704 7.3.3: a long title breaks between words into a 梯形 or 菱形.
import { strict as assert } from 'node:assert';
import { splitTitle, TITLE_LINE_CELLS } from '../../../templates/layout/title.js';
import { cellWidth } from '../../../templates/layout/width.js';

const words = (text: string) => [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.index);

describe('layout/title', () => {
  it('keeps a title that fits one line of 2号 (20 characters) on one line', () => {
    assert.deepEqual(splitTitle('某镇2020年度法治政府建设情况报告', ['某镇']), ['某镇2020年度法治政府建设情况报告']);
  });

  it('breaks after the issuing body, never inside a word or a place name', () => {
    assert.deepEqual(splitTitle('重庆市沙坪坝区回龙坝镇人民政府2021年法治政府建设情况报告', ['回龙坝镇人民政府']), ['重庆市沙坪坝区回龙坝镇人民政府', '2021年法治政府建设情况报告']);
    assert.deepEqual(splitTitle('桂圩镇人民政府2020年度法治政府建设情况报告', ['桂圩镇人民政府']), ['桂圩镇人民政府', '2020年度法治政府建设情况报告']);
    assert.deepEqual(splitTitle('大歇镇人民政府关于2021年法治政府建设情况的报告', ['大歇镇人民政府']), ['大歇镇人民政府', '关于2021年法治政府建设情况的报告']);
  });

  it('breaks a joint title where the writer left spaces between its parts, not inside a body’s name, and prints no space at a line’s end', () => {
    // Found on a real report (test/fixtures/real/35-rongchang-2024): the shape alone cut 教育工作 / 委员会.
    const title = '中共重庆市荣昌区委教育工作委员会 重庆市荣昌区教育委员会 关于2024年法治政府建设情况的报告';
    assert.deepEqual(splitTitle(title, ['重庆市荣昌区教育委员会']), ['中共重庆市荣昌区委教育工作委员会', '重庆市荣昌区教育委员会', '关于2024年法治政府建设情况的报告']);
    assert.deepEqual(splitTitle('某镇人民政府 2021年工作报告', ['某镇人民政府']), ['某镇人民政府 2021年工作报告']);
  });

  it('sets three or more lines as a 梯形 or 菱形, keeps 《》 whole and joint bodies apart', () => {
    const title = '中共某某县某某镇委员会某某县某某镇人民政府关于贯彻落实《法治政府建设实施纲要（2021—2025年）》情况的报告';
    const lines = splitTitle(title, ['某某县某某镇人民政府']);
    assert.deepEqual(lines, ['中共某某县某某镇委员会', '某某县某某镇人民政府关于贯彻落实', '《法治政府建设实施纲要（2021—2025年）》', '情况的报告']);
    assert.equal(lines.join(''), title);
    let offset = 0;
    for (const line of lines.slice(0, -1)) {
      offset += line.length;
      assert.ok(words(title).includes(offset), `cut at a word boundary: ${line}`);
    }
    for (const line of lines) assert.ok(cellWidth(line) <= TITLE_LINE_CELLS, line);
  });

  it('keeps the lines the writer broke, and still breaks a word longer than a line', () => {
    assert.deepEqual(splitTitle('某镇人民政府\n工作报告'), ['某镇人民政府', '工作报告']);
    const long = '甲'.repeat(45);
    assert.deepEqual(splitTitle(long).map((l) => l.length), [15, 15, 15]); // balanced, not 20 + 20 + 5
  });
});
