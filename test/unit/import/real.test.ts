// The corpus of real reports: for each text as found, `import` gives the expected .bg, `check` on the
// raw text gives the expected findings, and import → check finds the same. Also measured here: how
// many of the numbers the hand-written samples mark as figures the importer recovers from the seeds.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from '../../../grammar/index.js';
import { render } from '../../../templates/render.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { formatValue } from '../../../server/language/values.js';
import { excusedInExcerpt } from '../../../server/language/sourceCheck.js';
import { model, sampleModel, SEEDED } from '../../helpers.js';
import { checkReal, REAL_REPORTS, realPath, type StoredFinding } from '../../realCorpus.js';

const SEED_FIXTURE: Record<string, string> = {
  'guiwei-2020': '01-guiwei-2020', 'daxie-2021': '02-daxie-2021', 'dongzhaogezhuang-2020': '03-dongzhaogezhuang-2020',
  'beiping-2020': '04-beiping-2020', 'huilongba-2021': '05-huilongba-2021',
};
const codes = (findings: Array<{ code: string }>) => findings.map((f) => f.code).sort();
/** Written values of figures defined by a literal value, as printed. */
const literalValues = (m: ReturnType<typeof model>) => m.figures.allDefinitions.filter((d) => d.body.value?.kind === 'quantity' && d.value).map((d) => formatValue(d.value!));

describe('import and check: the corpus of real reports (npm run golden:real updates it)', () => {
  it('has at least 20 reports, each with its source address', () => {
    assert.ok(REAL_REPORTS.length >= 20, String(REAL_REPORTS.length));
    for (const name of REAL_REPORTS) assert.ok(JSON.parse(readFileSync(realPath(name, '.json'), 'utf8')).source, name);
  });

  for (const name of REAL_REPORTS) {
    describe(name, () => {
      const actual = checkReal(name);
      it('imports to the expected .bg, which parses cleanly', () => {
        assert.ok(existsSync(realPath(name, '.bg')), 'run npm run golden:real');
        assert.equal(actual.bg, readFileSync(realPath(name, '.bg'), 'utf8'));
        assert.deepEqual(parse(actual.bg).diagnostics, []);
      });
      it('figures print exactly the characters they replace', () => {
        const unmarked = actual.bg.replace(/\{[^#{}=]+ = ([^{}:]+?)(?: : [^{}]+)?\}/g, '$1');
        assert.equal(render(model(actual.bg), 'txt', { width: 1000 }), render(model(unmarked), 'txt', { width: 1000 }));
      });
      it('check on the raw text gives the expected findings, at their place in the source', () => {
        const expected = JSON.parse(readFileSync(realPath(name, '.findings.json'), 'utf8')) as StoredFinding[];
        assert.deepEqual(actual.findings, expected);
      });
      it('import → check finds the same as check on the raw text (an excerpt is not blamed for what it lacks at its end)', () => {
        const m = model(actual.bg, {}, `/real/${name}.bg`);
        const excused = excusedInExcerpt(actual.bg);
        const imported = checkReport(m).filter((d) => !actual.excerpt || !excused(d.code, m.file.lineIndex.positionAt(d.start)));
        // What the import found about the source (BG230, BG232, a typed “1、”) has no place in the .bg to be found again.
        const expected = codes(actual.findings);
        for (const code of actual.fromImport) expected.splice(expected.indexOf(code), 1);
        // What the .bg is right to find but the source was right in as typed (a run-in （一） heading's 。).
        expected.push(...actual.asTyped);
        assert.deepEqual(codes(imported), expected.sort());
      });
    });
  }

  it('recovers ≥ 90% of the figures the hand-written samples define, with the same values', () => {
    let wanted = 0;
    let found = 0;
    for (const sample of SEEDED) {
      const want = literalValues(sampleModel(sample));
      const have = literalValues(model(checkReal(SEED_FIXTURE[sample]!).bg));
      wanted += want.length;
      for (const value of want) {
        const i = have.indexOf(value);
        if (i >= 0) {
          found++;
          have.splice(i, 1);
        }
      }
    }
    console.log(`      指标：样例中 ${wanted} 个，导入种子得到同值 ${found} 个（${((found / wanted) * 100).toFixed(1)}%）`);
    assert.ok(found / wanted >= 0.9, `${found}/${wanted}`);
  });

  it('keeps 北屏乡’s 97.33% visible to the checker: BG207 on import → check and on the raw text', () => {
    const { bg, findings } = checkReal('04-beiping-2020');
    assert.match(bg, /\{调处成功率 = 97\.33% : _\/调处纠纷\}/);
    assert.ok(findings.some((f) => f.code === 'BG207' && f.line === 17));
  });
});
