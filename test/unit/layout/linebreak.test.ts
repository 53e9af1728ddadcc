import assert from 'node:assert/strict';
import { lineViolations, NO_LINE_END, NO_LINE_START, wrapParagraph } from '../../../templates/layout/linebreak';
import { cellWidth } from '../../../templates/layout/width';

const FW = '\u3000';
const INDENT = FW + FW;
// At width 10 a line has 20 cells; the first, after its 2-column indent, holds 8 汉字.
const wrap10 = (text: string) => wrapParagraph(text, { width: 10 });

function assertRoundTrip(text: string, lines: string[], firstIndent = INDENT, indent = '') {
  const body = lines.map((l, i) => {
    const lead = i === 0 ? firstIndent : indent;
    assert.ok(l.startsWith(lead), `line ${i} starts with its indent`);
    return l.slice(lead.length);
  });
  assert.equal(body.join(''), text);
}

describe('layout/linebreak: rules', () => {
  it('exports the forbidden sets with the clreq marks', () => {
    for (const ch of '、，。：；！？）》”’】〕％%·…') assert.ok(NO_LINE_START.has(ch), ch);
    for (const ch of '《（“‘【〔') assert.ok(NO_LINE_END.has(ch), ch);
    assert.ok(!NO_LINE_START.has('—'), 'a dash may begin a line');
  });

  it('fills lines greedily, first line after a two-column indent', () => {
    const text = '甲'.repeat(60);
    assert.deepEqual(wrapParagraph(text, { width: 28 }), [INDENT + '甲'.repeat(26), '甲'.repeat(28), '甲'.repeat(6)]);
    assert.deepEqual(wrapParagraph('短句。', { width: 28 }), [INDENT + '短句。']);
    assert.deepEqual(wrapParagraph('', { width: 28 }), []);
  });

  it('never starts a line with a closing mark: the previous character moves down', () => {
    assert.deepEqual(wrap10('一二三四五六七八，九十'), [INDENT + '一二三四五六七', '八，九十']);
    assert.deepEqual(wrap10('一二三四五六七八。”九'), [INDENT + '一二三四五六七', '八。”九']);
    assert.deepEqual(wrap10('一二三四五六七八）'), [INDENT + '一二三四五六七', '八）']);
  });

  it('never ends a line with an opening mark', () => {
    assert.deepEqual(wrap10('一二三四五六七“八九”十'), [INDENT + '一二三四五六七', '“八九”十']);
    assert.deepEqual(wrap10('一二三四五六七《八》'), [INDENT + '一二三四五六七', '《八》']);
  });

  it('does not split the 破折号 ——', () => {
    assert.deepEqual(wrap10('一二三四五六七——八九'), [INDENT + '一二三四五六七', '——八九']);
  });

  it('does not split the 省略号 …… nor start a line with it', () => {
    assert.deepEqual(wrap10('一二三四五六七……八'), [INDENT + '一二三四五六', '七……八']);
  });

  it('keeps a number whole and with the measure word after it', () => {
    assert.deepEqual(wrap10('一二三四五六七89起'), [INDENT + '一二三四五六七', '89起']);
    assert.deepEqual(wrap10('一二三四五六150起案件'), [INDENT + '一二三四五六', '150起案件']);
    assert.deepEqual(wrap10('一二三四五六七81.48%的'), [INDENT + '一二三四五六七', '81.48%的']);
    assert.deepEqual(wrap10('一二三四五六七89％'), [INDENT + '一二三四五六七', '89％']);
    assert.deepEqual(wrap10('一二三四五六5000多份'), [INDENT + '一二三四五六', '5000多份']);
    // Only the single character after the number is its measure word.
    assert.deepEqual(wrap10('一二三四五5000多份'), [INDENT + '一二三四五5000多', '份']);
    // 间隔号 day names stay whole.
    assert.deepEqual(wrap10('一二三四五六“3·15”'), [INDENT + '一二三四五六', '“3·15”']);
  });

  it('does not split Latin words; a space stays at the end of its line', () => {
    assert.deepEqual(wrap10('一二三四五六baogao七'), [INDENT + '一二三四五六', 'baogao七']);
    assert.deepEqual(wrap10('一二三四五GB/T 9704'), [INDENT + '一二三四五GB/T ', '9704']);
  });

  it('splits an unbreakable run wider than the line, losing nothing', () => {
    const word = 'x'.repeat(50);
    const lines = wrap10(word);
    assert.deepEqual(lines, [INDENT + 'x'.repeat(16), 'x'.repeat(20), 'x'.repeat(14)]);
    const number = '1'.repeat(45) + '起';
    assertRoundTrip(number, wrap10(number));
  });

  it('terminates on lines made only of forbidden marks', () => {
    for (const text of ['。'.repeat(30), '《'.repeat(30) + '法', '”。'.repeat(20), '…'.repeat(31), '—'.repeat(33)]) {
      const lines = wrap10(text);
      assertRoundTrip(text, lines);
      for (const l of lines) assert.ok(cellWidth(l) <= 20, l);
    }
    assert.deepEqual(wrap10('。'.repeat(30)), [INDENT + '。'.repeat(8), '。'.repeat(10), '。'.repeat(10), '。。']);
  });

  it('takes \\n as a forced break', () => {
    assert.deepEqual(wrapParagraph('一二\n三四', { width: 28 }), [INDENT + '一二', '三四']);
    assert.deepEqual(wrapParagraph('一二\n三四', { width: 28, indent: FW }), [INDENT + '一二', FW + '三四']);
    assert.deepEqual(wrapParagraph('一\n\n二', { width: 28 }), [INDENT + '一', '', '二']);
    assert.deepEqual(wrapParagraph('\n二', { width: 28 }), ['', '二']);
    assert.deepEqual(wrapParagraph('一\n', { width: 28 }), [INDENT + '一', '']);
  });

  it('applies custom first and continuation indents', () => {
    const text = '甲'.repeat(30);
    const lines = wrapParagraph(text, { width: 10, firstIndent: '', indent: INDENT });
    assert.deepEqual(lines, ['甲'.repeat(10), INDENT + '甲'.repeat(8), INDENT + '甲'.repeat(8), INDENT + '甲'.repeat(4)]);
  });

  it('keeps combining marks with their base and surrogate pairs whole', () => {
    const marks = 'e\u0301'.repeat(30);
    const lines = wrap10(marks);
    assertRoundTrip(marks, lines);
    for (const l of lines.slice(1)) assert.ok(!l.startsWith('\u0301'));
    const astral = '𠀀'.repeat(20);
    const split = wrap10(astral);
    assertRoundTrip(astral, split);
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const l of split) assert.ok(!lone.test(l), 'no lone surrogate');
    assert.deepEqual(split.map(cellWidth), [20, 20, 4]);
  });

  it('rejects a width that leaves no room after the indent', () => {
    assert.throws(() => wrapParagraph('一', { width: 1 }), RangeError);
    assert.throws(() => wrapParagraph('一', { width: 0 }), RangeError);
    assert.throws(() => wrapParagraph('一', { width: Number.NaN }), RangeError);
    assert.deepEqual(wrapParagraph('一二', { width: 1, firstIndent: '' }), ['一', '二']);
  });

  it('lineViolations reports forbidden first and last characters', () => {
    assert.deepEqual(lineViolations('，开头'), ['line starts with "，"']);
    assert.deepEqual(lineViolations('结尾《'), ['line ends with "《"']);
    assert.deepEqual(lineViolations(INDENT + '。（'), ['line starts with "。"', 'line ends with "（"']);
    assert.deepEqual(lineViolations(INDENT + '正常。'), []);
    assert.deepEqual(lineViolations(''), []);
  });

  it('is linear enough for MB-sized paragraphs', () => {
    const unit = '2023年，我局共受理行政复议案件150起，办结率达81.48%，发放《宪法》读本5000多份——覆盖全区……';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t0 = performance.now();
    const lines = wrapParagraph(text, { width: 28 });
    const ms = performance.now() - t0;
    assertRoundTrip(text, lines);
    assert.ok(ms < 5000, `1M characters took ${ms.toFixed(0)} ms`);
  });
  it('breaks a long web address after / or . rather than leave the line before it half empty (numbers stay whole)', () => {
    const text = '网上可办率达到99.87%，网址为https://www.example.gov.cn/zwfw/index.html，群众可通过热线反映诉求。';
    const lines = wrapParagraph(text, { width: 28 });
    assert.equal(lines.join('').replace(/^\u3000\u3000/, ''), text);
    assert.equal(lines[0], '\u3000\u3000网上可办率达到99.87%，网址为https://www.example.gov.');
    assert.deepEqual(wrapParagraph('经费共计9007199254740993元，增长12,345,678.90元。', { width: 10 }).slice(0, 2), ['\u3000\u3000经费共计', '9007199254740993元，']);
  });
});
