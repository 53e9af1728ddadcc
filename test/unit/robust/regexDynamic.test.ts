// Regular expressions the product builds at run time (`new RegExp(...)` from templates and joined word lists),
// collected where they are made while the product runs over the samples, the real corpus and the Word
// fixtures (scripts/regex-dynamic.ts), and checked by recheck like the literals; and the paths of those it
// flagged, now linear.
import { strict as assert } from 'node:assert';
import { auditDynamicRegexes, collectDynamicPatterns, constructionSites } from '../../../scripts/regex-dynamic.js';
import { orgFromProse } from '../../../server/language/import/header.js';
import { importReport } from '../../../server/language/import/index.js';
import { phraseBefore } from '../../../server/language/prose/names.js';
import { cpuTimed } from '../../helpers.js';

function assertLinear(what: string, run: (n: number) => unknown, n: number): void {
  run(n / 10); // compiled before it is timed
  const small = cpuTimed(() => run(n)).ms;
  const large = cpuTimed(() => run(4 * n)).ms;
  // Generous: a machine's noise is far from the 16× of a quadratic, and the bound in ms keeps a fast case fast.
  assert.ok(large < 200 || large < 8 * Math.max(small, 1), `${what}: ${small.toFixed(1)} ms at ${n}, ${large.toFixed(1)} ms at ${4 * n}`);
}

describe('regular expressions built at run time: no super-linear backtracking', function () {
  this.timeout(600_000);

  it('every pattern the product builds over the samples, the real corpus and the Word fixtures is safe by recheck, or accepted in test/fixtures/regex-audit.json', () => {
    const built = collectDynamicPatterns();
    // Every place the sources call the constructor was reached: one the run does not reach needs an input
    // that reaches it in scripts/regex-dynamic.ts (exerciseProduct).
    const reached = new Set(Object.values(built));
    const sites = constructionSites();
    assert.ok(sites.length > 30 && sites.some((s) => s.startsWith('server/node/word/')), `only ${sites.length} constructions found: the scan of the sources is broken`);
    assert.deepEqual(sites.filter((s) => !reached.has(s)), [], 'constructions of a RegExp the run over the samples, the corpus and the Word files did not reach');
    assert.ok(Object.keys(built).length > 60, `only ${Object.keys(built).length} patterns recorded`);
    const { findings } = auditDynamicRegexes(built);
    assert.deepEqual(findings.map((f) => `${f.site} ${f.pattern.slice(0, 200)} — ${f.complexity}; attack ${f.attack.slice(0, 80)} (npm run audit:regex:dynamic)`), []);
  });

  it('a body named in a first sentence of chained divisions is found in linear time (was exponential: 128 characters, 2 s; 160, minutes)', () => {
    // “某族自治县” repeated: an unbounded chain of divisions could be cut into them in exponentially many ways.
    assertLinear('orgFromProse', (n) => orgFromProse('现将某族自治县委'.repeat(n)), 1_000);
    assertLinear('importReport', (n) => importReport(`2025年度法治政府建设情况报告\n${'现将某族自治县委'.repeat(n)}。\n`), 1_000);
    // Up to four divisions in a row, as reports write them, and the department after them.
    assert.equal(orgFromProse('2020年，某某省某某市某某县坚持依法行政'), '某某县人民政府');
    assert.equal(orgFromProse('2020年,海南省三亚市吉阳区人民政府坚持'), '吉阳区人民政府');
    assert.equal(orgFromProse('2021年，某某自治州某某族自治县司法局认真落实'), '某某自治州某某族自治县司法局');
    assert.equal(orgFromProse('现将某某市某某区人力资源和社会保障局2022年度法治政府建设情况报告如下'), '某某区人力资源和社会保障局');
  });

  it('a count in a clause is read from the start of its digits only, with the same phrases as before', () => {
    assert.equal(phraseBefore('27个部门单位的278'), '部门单位的278');
    assert.equal(phraseBefore('全年共计调处纠纷1.5.3'), '调处纠纷1.5.3');
    assert.equal(phraseBefore('其中受理案件10件，办结'), '办结');
    assertLinear('phraseBefore', (n) => { for (let i = 0; i < n; i++) phraseBefore('1'.repeat(199) + 'x'); }, 2_000);
  });
});
