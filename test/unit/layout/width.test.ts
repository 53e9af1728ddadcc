import assert from 'node:assert/strict';
import { cellWidth, codePointWidth, columnsToCells, LINE_COLUMNS } from '../../../templates/layout/width';

describe('layout/width', () => {
  it('counts CJK and full-width forms as 2 cells, ASCII as 1', () => {
    assert.equal(cellWidth('法治政府'), 8);
    assert.equal(cellWidth('GB/T 9704'), 9);
    assert.equal(cellWidth('，。、；：？！（）％'), 20);
    assert.equal(cellWidth('\u3000'), 2);
    assert.equal(cellWidth('受理案件150起，成功率81.48%。'), 8 + 3 + 4 + 6 + 6 + 2);
  });

  it('treats East Asian Ambiguous marks as wide, as Chinese fonts print them', () => {
    assert.equal(cellWidth('“”‘’'), 8);
    assert.equal(cellWidth('——'), 4);
    assert.equal(cellWidth('……'), 4);
    assert.equal(cellWidth('·'), 2);
  });

  it('iterates by code point, not UTF-16 unit', () => {
    assert.equal('𠀀'.length, 2);
    assert.equal(cellWidth('𠀀'), 2); // CJK Extension B
    assert.equal(cellWidth('😀'), 2);
    assert.equal(cellWidth('a𠀀b'), 4);
  });

  it('gives combining marks, format and control characters no width', () => {
    assert.equal(cellWidth('e\u0301'), 1);
    assert.equal(cellWidth('\u200b\u200d\ufe0f\u00ad'), 0);
    assert.equal(codePointWidth(0x0301), 0);
    assert.equal(codePointWidth(0x4e00), 2);
    assert.equal(codePointWidth(0x41), 1);
    assert.equal(cellWidth(''), 0);
  });

  it('converts full-width columns to cells', () => {
    assert.equal(LINE_COLUMNS, 28);
    assert.equal(columnsToCells(28), 56);
    assert.equal(columnsToCells(0.5), 1);
  });
});
