import assert from 'node:assert/strict';
import { pageNumberLine, paginate } from '../../../templates/layout/paginate';
import { cellWidth } from '../../../templates/layout/width';

const FW = '\u3000';
const numbered = (count: number) => Array.from({ length: count }, (_, i) => `第${i + 1}行`);

// Splits the output on form-feed lines into pages of lines.
function pages(text: string): string[][] {
  assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), 'ends in exactly one newline');
  const result: string[][] = [[]];
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '\f') result.push([]);
    else result[result.length - 1]!.push(line);
  }
  return result;
}

describe('layout/paginate', () => {
  it('splits 50 lines into 3 pages of 22, 22 and 6 separated by form feeds', () => {
    const text = paginate(numbered(50));
    assert.equal(text.split('\f').length - 1, 2);
    const p = pages(text);
    assert.deepEqual(p.map((x) => x.length), [22, 22, 6]);
    assert.equal(p[1]![0], '第23行');
    assert.equal(p[2]![5], '第50行');
    assert.ok(!text.includes('—'), 'no page numbers unless asked');
  });

  it('prints page numbers right on odd pages, left on even, after a blank line', () => {
    const p = pages(paginate(numbered(50), { pageNumbers: true }));
    assert.equal(p.length, 3);
    for (const [i, page] of p.entries()) {
      assert.equal(page.length, 22 + 2, 'the short last page is filled so its number sits at the foot');
      assert.equal(page[22], '');
      const number = page[23]!;
      assert.ok(number.endsWith(`\u2014 ${i + 1} \u2014`), number);
      if (i % 2 === 0) {
        assert.equal(cellWidth(number), 56 - 2, 'odd page: one column of right margin');
        assert.match(number, /^\u3000+ ?\u2014/);
      } else {
        assert.equal(number, FW + `\u2014 ${i + 1} \u2014`, 'even page: one column of left margin');
      }
    }
    assert.deepEqual(p[2]!.slice(6, 22), Array(16).fill(''));
    assert.equal(pageNumberLine(1), FW.repeat(23) + ' — 1 —');
    assert.equal(pageNumberLine(2), FW + '— 2 —');
    assert.equal(pageNumberLine(10, 28), FW + '— 10 —');
    assert.equal(cellWidth(pageNumberLine(11)), 54);
  });

  it('honours linesPerPage and width', () => {
    const p = pages(paginate(numbered(7), { linesPerPage: 3, width: 10, pageNumbers: true }));
    assert.deepEqual(p.map((x) => x.length), [5, 5, 5]);
    assert.equal(cellWidth(p[0]![4]!), 20 - 2);
  });

  it('drops blank lines at the top of a page', () => {
    const lines = numbered(22).concat(['', '\u3000', '下一页'], numbered(3));
    const p = pages(paginate([''].concat(lines)));
    assert.equal(p[0]![0], '第1行');
    assert.equal(p[1]![0], '下一页');
    assert.equal(p[1]!.length, 4);
    // Trailing blank lines never make an empty page.
    assert.equal(pages(paginate(numbered(22).concat(['', '']))).length, 1);
  });

  it('handles no lines and rejects a bad page size', () => {
    assert.equal(paginate([]), '');
    assert.equal(paginate(['', '']), '');
    assert.throws(() => paginate(['x'], { linesPerPage: 0 }), RangeError);
  });
});
