// The one empty list that searches return when they find nothing (server/language/nothingFound.ts) is not
// frozen — V8's fast loops do not take a frozen list — so nothing stops a caller filling it but the types.
// Checking reports of every kind must leave it empty: a finding pushed onto it would show on every line after.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutBlockCache } from '../../../server/language/checks/blockCache.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { NOTHING_FOUND } from '../../../server/language/nothingFound.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { generateReport } from '../../../bench/corpus.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const REAL = join(ROOT, 'test', 'fixtures', 'real');

describe('the shared empty list of findings', () => {
  it('is still empty after the real reports and a generated one are checked, in a batch and in the editor', function () {
    // Some 400 reports, three times each.
    this.timeout(180_000);
    const texts = readdirSync(REAL).filter((f) => f.endsWith('.bg')).map((f) => readFileSync(join(REAL, f), 'utf8'));
    texts.push(generateReport(ROOT, 15_000));
    let findings = 0;
    for (const text of texts) {
      findings += withoutBlockCache(() => checkReport(new LanguageService(new MemoryWorkspace({})).analyze('/real/report.bg', text))).length;
      const service = new LanguageService(new MemoryWorkspace({}));
      findings += checkReport(service.analyze('/real/edited.bg', text)).length;
      // A second version, its blocks' results taken from the first (the remembered lists are handed out again).
      findings += checkReport(service.analyze('/real/edited.bg', `${text}\n`)).length;
    }
    assert.ok(texts.length > 300 && findings > 1000, `${texts.length} reports, ${findings} findings`);
    assert.equal(NOTHING_FOUND.length, 0);
  });
});
