// Property test: the short path for plain lines (grammar/fastLine.ts) builds exactly the tree and the
// diagnostics the Chevrotain parser builds, on random lines of prose, headings, list items, citations
// and everything that must go to the parser instead. BAOGAO_FUZZ_RUNS sets the cases (1,000 in `npm test`).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fastLine } from '../../../grammar/fastLine.js';
import { parse, parseLine } from '../../../grammar/index.js';

const RUNS = Number(process.env.BAOGAO_FUZZ_RUNS ?? 1000);

const PIECES = [
  '《', '》', '《法治政府建设实施纲要（2015-2020年）》', '# ', '#', '＃', '## ', '#### ', '##### ', '###### ', '- ', '－', '* ', '＊　', '-', '1. ', '12．', '3.',
  ' ', '　', '\t', '法治', '政府', '建设', '，', '。', 'abc', '1', '2020年', '@', '＠标题 ', '//', '/', '{', '｛', '}', '\\', '\\{', '😀', '\ud83d', '\u2028', '\u0000', '约', '"',
  // Figures and their parts, and directives: the short path reads the usual forms (fastFigure.ts).
  '{调处}', '{调处 = 150起}', '{#举措}', '｛持证率 = 81.48% : 持证/应领证｝', '{年度}', '{调处 同比}', '{合计 = 甲 + 乙 - (丙 × 2)}', '{件 = 约500多份}',
  ' = ', '=', '＝', '%', '％', ':', '：', '+', '-', '−', '×', '*', '÷', '(', ')', '（', '）', '150', '3.5', '3.', '起', '多', '余', '以上', '左右', '近',
  '同比', '增减', 'BG601', 'bg60', '_', '？', '#', '＃', '｝', '、', ',', '“', '”', '\u00a0',
  '@标题 ', '@title', '@指标 ', '@Metric ', '@引用 ', '@检查', '@未知 ', '＠机关\u3000', '  @年度 ', '// 注释 {', ' //',
];
const line = fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), fc.constantFrom('', '\n', '\r\n', '\r')).map(([pieces, end]) => pieces.join('') + end).filter((s) => s.length > 0); // parse() never hands over an empty line

// Figures built from the grammar's parts (names, quantities, formulas, labels, comparisons), some of them
// left open or odd, in prose, headings, items and directives: most are the usual forms the short path reads.
const space = fc.constantFrom('', '', ' ', '　', '\t');
const figureName = fc.constantFrom('调处', '成功', '约', '近三年', '同比', '增减', '同比增', 'BG', 'bg601', 'BG601', 'a.b', '持证率', '\u00a0名', '超', '年度');
const quantity = fc
  .tuple(fc.constantFrom('', '约', '近'), space, fc.constantFrom('150', '3.5', '0', '81.48', '3.', '12'), space, fc.constantFrom('', '起', '多份', '余人', '人以上', '左右', '多', '%', '约', '同比', '.'), space, fc.constantFrom('', '', '%', '％'))
  .map((parts) => parts.join(''));
const formula: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(quantity, figureName, fc.constant('_')),
    fc.tuple(tie('e'), space, fc.constantFrom('+', '-', '×', '÷', '/', '*', '−', '－'), space, tie('e')).map((parts) => parts.join('')),
    fc.tuple(fc.constantFrom('(', '（'), tie('e'), fc.constantFrom(')', '）', '')).map((parts) => parts.join('')),
    tie('e').map((e) => `-${e}`),
  ),
})).e as fc.Arbitrary<string>;
const figureBody = fc.oneof(
  figureName,
  fc.tuple(fc.constantFrom('#', '＃'), space, figureName).map((parts) => parts.join('')),
  fc.tuple(figureName, space, fc.constantFrom('同比', '增减', '同比 ')).map((parts) => parts.join('')),
  fc
    .tuple(figureName, space, fc.constantFrom('=', '＝'), space, fc.oneof(formula, fc.constant('')), space, fc.constantFrom('', '', '%', ' %'), fc.oneof(fc.constant(''), formula.map((f) => ` : ${f}`), formula.map((f) => `：${f}`)))
    .map((parts) => parts.join('')),
);
const figure = fc.tuple(fc.constantFrom('{', '｛'), space, figureBody, space, fc.constantFrom('}', '｝', '}', '')).map((parts) => parts.join(''));
const AROUND = ['法治', '，', '《', '》', '# ', '## ', '- ', '@标题 ', '@年度 ', '1. ', ' ', '\u3000', '}'];
const metricLine = fc.tuple(fc.constantFrom('@指标 ', '＠metric\t', '@METRIC ', '  @指标', '@指标', '@指标{'), space, figureBody, fc.constantFrom('', '', '}', ' x')).map((parts) => parts.join(''));
const ARGUMENTS = ['名称', '人民调解', '机关=桂圩镇人民政府', '年度 = 2020', ',', '，', '、', ' ', 'BG601=关', 'bg601', '"带 空格"', '=', '约', '同比', '#', '{', '}', '？'];
const argsLine = fc
  .tuple(fc.constantFrom('@引用 ', '@include ', '@参数 ', '@片段\u3000', '@检查 ', '@Checks ', '@引用'), fc.array(fc.constantFrom(...ARGUMENTS), { maxLength: 6 }))
  .map(([directive, args]) => directive + args.join(''));
const figureLine = fc
  .tuple(fc.oneof(fc.array(fc.oneof(fc.constantFrom(...AROUND), figure, figure), { maxLength: 6 }).map((pieces) => pieces.join('')), metricLine, argsLine), fc.constantFrom('', '\n', '\r\n'))
  .map(([line, end]) => line + end)
  .filter((s) => s.length > 0);

describe('the short path for plain lines', () => {
  it(`builds what the parser builds for lines with figures (${RUNS} random lines, at random offsets)`, () => {
    let short = 0;
    fc.assert(
      fc.property(figureLine, fc.nat(100_000), (source, offset) => {
        if (/[{｛]/.test(source) && fastLine(source, offset)) short++;
        assert.deepStrictEqual(parseLine(source, offset), parseLine(source, offset, false));
      }),
      { numRuns: RUNS },
    );
    // About one random line in thirty (31 ± 5 of 1,000) takes the short path: the property is about
    // something. The bound is four standard deviations below that, so that chance alone never fails it.
    assert.ok(short >= RUNS / 100, `${short} of ${RUNS} lines with figures took the short path`);
  });

  it('keeps a list item whose figure recovery abandoned as prose, not the whole file (was: BG009 internal error)', () => {
    const { document, diagnostics } = parse('- {调处=-\n正文\n');
    assert.deepEqual(diagnostics.map((d) => d.code), ['BG009']);
    assert.ok(!diagnostics[0]!.message.includes('内部出错'), diagnostics[0]!.message);
    assert.equal(document.lines.length, 2);
  });

  it(`builds what the parser builds (${RUNS} random lines, at random offsets)`, () => {
    fc.assert(
      fc.property(line, fc.nat(100_000), (source, offset) => {
        assert.deepStrictEqual(parseLine(source, offset), parseLine(source, offset, false));
      }),
      { numRuns: RUNS },
    );
  });

  it('takes headings, items, prose and citations (so the property above is about something)', () => {
    for (const source of [
      '# 标题\n', '- 一项《纲要》\r\n', '1. 第一', '全面《推进》依法》行政《', '  \n', '####\n', '\n', '// 注释\n', '@标题 {年度}年度报告\n',
      '# 主要举措和成效 {#举措}\n', '@指标 调处 = 162起\n', '@引用 人民调解 机关=桂圩镇人民政府\n', '@参数 机关, 年度', '@检查 BG601=关\r\n', '调处{调处 = 150起}，成功{成功 = 147起}，成功率{成功率 = 98% : 成功/调处}。\n', '《{年度}年工作要点》{合计 = 甲 + 乙 × (丙 - 2)}',
    ]) {
      assert.ok(fastLine(source, 7), source);
      assert.deepStrictEqual(parseLine(source, 7), parseLine(source, 7, false), source);
    }
  });
});
