// Property test: the short path for plain lines (grammar/fastLine.ts) builds exactly the tree and the
// diagnostics the Chevrotain parser builds, on random lines of prose, headings, list items, citations
// and everything that must go to the parser instead. BAOGAO_FUZZ_RUNS sets the cases (1,000 in `npm test`).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fastLine } from '../../../grammar/fastLine.js';
import { parseLine } from '../../../grammar/index.js';

const RUNS = Number(process.env.BAOGAO_FUZZ_RUNS ?? 1000);

const PIECES = [
  '《', '》', '《法治政府建设实施纲要（2015-2020年）》', '# ', '#', '＃', '## ', '#### ', '##### ', '###### ', '- ', '－', '* ', '＊　', '-', '1. ', '12．', '3.',
  ' ', '　', '\t', '法治', '政府', '建设', '，', '。', 'abc', '1', '2020年', '@', '＠标题 ', '//', '/', '{', '｛', '}', '\\', '\\{', '😀', '\ud83d', '\u2028', '\u0000', '约', '"',
];
const line = fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), fc.constantFrom('', '\n', '\r\n', '\r')).map(([pieces, end]) => pieces.join('') + end).filter((s) => s.length > 0); // parse() never hands over an empty line

describe('the short path for plain lines', () => {
  it(`builds what the parser builds (${RUNS} random lines, at random offsets)`, () => {
    fc.assert(
      fc.property(line, fc.nat(100_000), (source, offset) => {
        assert.deepStrictEqual(parseLine(source, offset), parseLine(source, offset, false));
      }),
      { numRuns: RUNS },
    );
  });

  it('takes headings, items, prose and citations (so the property above is about something)', () => {
    for (const source of ['# 标题\n', '- 一项《纲要》\r\n', '1. 第一', '全面《推进》依法》行政《', '  \n', '####\n', '\n']) {
      assert.ok(fastLine(source, 7), source);
      assert.deepStrictEqual(parseLine(source, 7), parseLine(source, 7, false), source);
    }
  });
});
