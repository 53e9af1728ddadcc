import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CODES } from '../../../server/language/codes';
import '../../../server/language/checks/index';
import { CODES_DOC, renderCodesDoc, ROOT } from '../../../scripts/codes-doc';

function sources(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('docs/CODES.md', () => {
  it('is what scripts/codes-doc.ts generates from the code table (run `npx tsx scripts/codes-doc.ts`)', () => {
    assert.equal(readFileSync(CODES_DOC, 'utf8'), renderCodesDoc());
  });

  it('documents every code with a title, description and example', () => {
    const doc = renderCodesDoc();
    for (const info of CODES.values()) {
      assert.ok(info.title && info.description && info.example, info.code);
      assert.ok(doc.includes(`### ${info.code}`), info.code);
    }
  });

  it('has every code the sources emit in the table', () => {
    const missing: string[] = [];
    for (const file of [...sources(path.join(ROOT, 'grammar')), ...sources(path.join(ROOT, 'server'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(BG\d{3})'/g)) {
        if (!CODES.has(m[1]!)) missing.push(`${m[1]} (${path.relative(ROOT, file)})`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
