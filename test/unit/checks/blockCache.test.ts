// What a keystroke costs a check that runs per block (blockCache.ts): only the blocks the edit touched.
import assert from 'node:assert/strict';
import { cachedPerPlaced } from '../../../server/language/checks/blockCache.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { sampleModel } from '../../helpers.js';

describe('block results remembered across versions', () => {
  it('a check’s test of the blocks’ source runs again only on the block an edit touched, even written inline (a new function each call)', () => {
    const text = sampleModel('guiwei-2020').file.text;
    const service = new LanguageService(new MemoryWorkspace({}));
    const path = '/w/needs.bg';
    const name = `inline-needs-${Date.now()}`;
    let tested = 0;
    const run = (source: string) =>
      cachedPerPlaced(name, service.analyze(path, source), () => [], (s) => {
        tested++;
        return s.includes('调解');
      });
    run(text);
    const blocks = tested;
    assert.ok(blocks > 20, `${blocks} blocks tested on the first version`);
    tested = 0;
    const at = text.indexOf('，', text.length >> 1);
    run(`${text.slice(0, at)}的${text.slice(at)}`);
    assert.ok(tested <= 2, `${tested} blocks tested again after a one-character edit (of ${blocks})`);
    tested = 0;
    run(text);
    assert.ok(tested <= 2, `${tested} blocks tested again after the edit is taken out`);
  });
});
