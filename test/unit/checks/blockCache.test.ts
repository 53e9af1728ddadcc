// What a keystroke costs a check that runs per block (blockCache.ts): only the blocks the edit touched.
import assert from 'node:assert/strict';
import { blockCacheLimits, blockCacheOn, cachedPerPlaced, withoutBlockCache } from '../../../server/language/checks/blockCache.js';
import { checkSourceText } from '../../../server/language/sourceCheck.js';
import { checkReport } from '../../../server/language/checks/index.js';
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

  it('typing does not fill the store with every version of the paragraph written, and an undo is checked as before', () => {
    const text = sampleModel('guiwei-2020').file.text;
    const service = new LanguageService(new MemoryWorkspace({}));
    const path = '/w/typing.bg';
    const check = (source: string) => checkReport(service.analyze(path, source)).map((d) => `${d.code}@${d.start}`);
    const original = check(text);
    const at = text.indexOf('，', text.length >> 1);
    let typed = text;
    check(`${text.slice(0, at)}的${text.slice(at)}`);
    const held = blockCacheLimits().held.blocks;
    for (let i = 0; i < 200; i++) {
      typed = `${typed.slice(0, at + i)}${String.fromCharCode(0x4e00 + i)}${typed.slice(at + i)}`;
      check(typed);
    }
    // Each keystroke's paragraph replaces the one before it (the last few are kept for an undo): the store
    // holds about what it held after one keystroke, not 200 versions of the paragraph.
    assert.ok(blockCacheLimits().held.blocks <= held + 10, `${blockCacheLimits().held.blocks} blocks held after 200 keystrokes (${held} after one)`);
    assert.deepEqual(check(text), original, 'the text typed taken out again: the same problems');
    // Typing a character and deleting it again finds the paragraph's last results (nothing checked again).
    const once = `${text.slice(0, at)}的${text.slice(at)}`;
    check(once);
    check(text);
    let tested = 0;
    const name = `toggle-needs-${Date.now()}`;
    const run = (source: string) => cachedPerPlaced(name, service.analyze(path, source), () => [], () => (tested++, false));
    run(once);
    run(text);
    tested = 0;
    run(once);
    run(text);
    assert.equal(tested, 0, 'a character typed and deleted twice: the second time, both versions are remembered');
  });

  it('a check made once (withoutBlockCache, a Word or text file’s check) finds the same and leaves nothing in the store, and the switch comes back even after a throw', () => {
    const text = sampleModel('guiwei-2020').file.text.replace(/桂圩/g, `桂圩${Date.now() % 1000}`);
    const service = new LanguageService(new MemoryWorkspace({}));
    const held = blockCacheLimits().held.blocks;
    const once = withoutBlockCache(() => checkReport(service.analyze('/w/once.bg', text)));
    assert.equal(blockCacheLimits().held.blocks, held, 'nothing remembered by a check made once');
    assert.equal(blockCacheOn(), true);
    checkSourceText(service, '/w/source.txt.bg', text.replace(/\{[^}]*\}/g, '150起'));
    assert.equal(blockCacheLimits().held.blocks, held, 'nor by a text file’s check');
    const remembered = checkReport(service.analyze('/w/remembered.bg', text));
    assert.ok(blockCacheLimits().held.blocks > held, 'the editor’s check remembers its blocks');
    assert.deepEqual(once.map((d) => `${d.code}@${d.start} ${d.message}`), remembered.map((d) => `${d.code}@${d.start} ${d.message}`));
    assert.throws(() => withoutBlockCache(() => {
      throw new Error('失败');
    }));
    assert.equal(blockCacheOn(), true, 'turned back on after a throw');
  });
});
