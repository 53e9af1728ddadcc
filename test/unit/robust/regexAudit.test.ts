// Regular expressions that backtrack without bound, found by recheck (scripts/regex-audit.ts) over every
// literal of the product, and the paths that reached them: each case took seconds to hours on the code
// before (quadratic or exponential in a run of one character), and takes milliseconds now.
import { strict as assert } from 'node:assert';
import { checkSync } from 'recheck';
import { complete } from '../../../server/language/features/completion.js';
import { importFragment } from '../../../server/language/import/fragment.js';
import { isExactDecimal } from '../../../server/language/values.js';
import { withoutTrailing, trailingRunStart } from '../../../grammar/trailing.js';
import { formatTable } from '../../../templates/table.js';
import { tableRow } from '../../../server/language/collect.js';
import { titleOnOneLine } from '../../../templates/view.js';
import { render } from '../../../templates/render.js';
import { auditRegexes, regexLiterals } from '../../../scripts/regex-audit.js';
import { startsAsSnippet } from '../../../server/lsp/handlers/lifecycle.js';
import { cpuTimed, model } from '../../helpers.js';
import { fixture } from '../features/fixture.js';

/** CPU time of `run` on inputs of n and 4n: linear work grows about fourfold, quadratic sixteenfold. */
function growth(run: (n: number) => unknown, n: number): { small: number; large: number } {
  run(n / 10); // compiled before it is timed
  return { small: cpuTimed(() => run(n)).ms, large: cpuTimed(() => run(4 * n)).ms };
}

function assertLinear(what: string, run: (n: number) => unknown, n: number): void {
  const { small, large } = growth(run, n);
  // Generous: a machine's noise is far from the 16× of a quadratic, and the bound in ms keeps a fast case fast.
  assert.ok(large < 200 || large < 8 * Math.max(small, 1), `${what}: ${small.toFixed(1)} ms at ${n}, ${large.toFixed(1)} ms at ${4 * n}`);
}

describe('regular expressions: no super-linear backtracking', function () {
  this.timeout(600_000);

  it('every literal of the product is safe by recheck, or accepted in test/fixtures/regex-audit.json with its reason', () => {
    const { findings, total } = auditRegexes();
    assert.ok(total > 500, `only ${total} literals found: the scan of the sources is broken`);
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.literal} — ${f.complexity}; attack ${f.attack.slice(0, 80)} (npm run audit:regex)`), []);
  });

  it('the audit finds what it should: a quadratic and an exponential pattern, and the literals of a source file', () => {
    assert.equal(checkSync('\\s+$', '').status, 'vulnerable');
    assert.equal(checkSync('^(?:\\s*(?:\\/\\/[^\\n]*)?\\n)*\\s*@', '').status, 'vulnerable');
    assert.ok(regexLiterals().some((l) => l.file === 'grammar/tokens.ts' && l.literal.startsWith('/')));
  });

  it('the trailing-run helpers are linear and take what the patterns took', () => {
    for (const text of ['ab  ', 'ab', '   ', '', 'a b\t\u3000 ']) assert.equal(withoutTrailing(text, ' \t\u3000'), text.replace(/[ \t\u3000]+$/, ''));
    assert.equal('字字，abc'.slice(trailingRunStart('字字，abc', (c) => /^\p{L}$/u.test(c))), 'abc');
    assert.equal(trailingRunStart('x𠀀𠀁', (c) => /^\p{L}$/u.test(c)), 0, 'a character outside the BMP is one');
    assertLinear('withoutTrailing', (n) => withoutTrailing(`a${' '.repeat(n)}b`, ' '), 200_000);
  });

  it('a snippet file is told from its first lines in linear time (was exponential: 30 lines of a tab, minutes)', () => {
    // The server's test (the extension's copy is the same pattern): a file of blank lines holding tabs, and no @片段.
    assertLinear('snippet start', (n) => startsAsSnippet(`\n${'\n\t'.repeat(n)}x`), 20_000);
    assert.ok(startsAsSnippet('\n  \n// 注释\n\t@片段 名称\n'));
    assert.ok(!startsAsSnippet('正文\n@片段 名称\n'));
  });

  it('completion after a figure’s long name, or on a heading of spaces, is linear (was 21 s for a name of 40,000 characters)', () => {
    const TODAY = new Date(2021, 0, 13);
    assertLinear('figure name', (n) => {
      const f = fixture(`@年度 2020\n\n本年{${'调'.repeat(n)}‸\n`);
      return complete(f.service, f.model, f.offset, { today: TODAY, citations: [] });
    }, 10_000);
    assertLinear('heading', (n) => {
      const f = fixture(`# ${' '.repeat(n)}{‸\n`);
      return complete(f.service, f.model, f.offset, { today: TODAY, citations: [] });
    }, 20_000);
    const f = fixture('@年度 2020\n\n共{调处 = 5起}，本年{调‸\n');
    assert.ok(complete(f.service, f.model, f.offset, { today: TODAY, citations: [] }).some((i) => i.label === '调处'), 'the name typed so far still completes');
  });

  it('a table of collected figures with a very wide column is laid out in linear time (was 24 s for a workspace of 1,000 reports)', () => {
    // Fifty rows, one cell of n characters: every row is padded to it (the table's size is rows × width), each
    // line's padding then taken off its end once.
    assertLinear('formatTable', (n) => formatTable({ columns: ['报告', '数字'], rows: Array.from({ length: 50 }, (_, i) => tableRow([i ? `报告${i}` : '长'.repeat(n), String(i)])) }), 20_000);
    assert.equal(formatTable({ columns: ['a', 'b'], rows: [tableRow(['xx', 'y '])] }), 'a   b\n--  --\nxx  y\n');
  });

  it('titles, rendering, pasted text and long numbers with runs of white space or zeros are linear', () => {
    assertLinear('titleOnOneLine', (n) => titleOnOneLine(`关于${' '.repeat(n)}x\n 的报告`), 200_000);
    assert.equal(titleOnOneLine('某某镇人民政府 \n 关于2020年\n\n法治政府建设情况的报告'), '某某镇人民政府关于2020年法治政府建设情况的报告');
    assertLinear('render', (n) => render(model(`@年度 2020\n\n# 一、工作\n\n甲${' '.repeat(n)}乙。\n`), 'txt'), 50_000);
    const context = { takenNames: [], takenLabels: [], inline: false, enclosingLevel: 0 };
    assertLinear('importFragment', (n) => importFragment(`调解纠纷5起。${'\n'.repeat(n)}x`, context), 20_000);
    assertLinear('isExactDecimal', (n) => isExactDecimal(`1${'0'.repeat(n)}1`), 200_000);
  });
});
