import assert from 'node:assert/strict';
import { alignRight, centre, padCells } from '../../../templates/layout/align';
import { cellWidth } from '../../../templates/layout/width';

const FW = '\u3000';

describe('layout/align', () => {
  it('pads with full-width spaces, plus one ASCII space for half a column', () => {
    assert.equal(padCells(4), FW + FW);
    assert.equal(padCells(5), FW + FW + ' ');
    assert.equal(padCells(0), '');
    assert.equal(padCells(-3), '');
  });

  it('centres a short line', () => {
    // 2 columns of text in 28: 13 columns either side.
    assert.deepEqual(centre('报告', 28), [FW.repeat(13) + '报告']);
    // 3 columns in 28: 12.5 columns on the left.
    assert.deepEqual(centre('年度报', 28), [FW.repeat(12) + ' ' + '年度报']);
    // Odd cell width: the half cell that cannot be split goes to the right.
    assert.deepEqual(centre('abc', 28), [FW.repeat(13) + 'abc']);
    assert.deepEqual(centre('', 28), ['']);
  });

  it('wraps a title wider than the line and centres each line', () => {
    const title = '甲'.repeat(40);
    const lines = centre(title, 28);
    assert.deepEqual(lines, ['甲'.repeat(28), FW.repeat(8) + '甲'.repeat(12)]);
    assert.equal(lines.map((l) => l.replace(/^[\u3000 ]+/, '')).join(''), title);
  });

  it('aligns right with a margin in full-width columns', () => {
    const line = alignRight('某某市司法局', 28, 2);
    assert.equal(line, FW.repeat(20) + '某某市司法局');
    assert.equal(cellWidth(line), 56 - 4);
    assert.equal(alignRight('— 1 —', 28, 1), FW.repeat(23) + ' ' + '— 1 —');
    assert.equal(alignRight('x', 1), ' x');
    // Too long to align: returned as is.
    assert.equal(alignRight('甲'.repeat(30), 28, 2), '甲'.repeat(30));
  });
});
