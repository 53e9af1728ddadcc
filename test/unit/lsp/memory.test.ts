import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { collectGarbage, HEAP_GROWING_PERCENT, HeapPolicy, LARGE_OPEN_TEXT, LARGE_WORKSPACE } from '../../../server/lsp/memory.js';

describe('lsp: heap policy', () => {
  it('limits the heap growth while large documents are open, and gives V8 its own policy back after', () => {
    const set: string[] = [];
    const heap = new HeapPolicy((flags) => set.push(flags));
    heap.fit([15_000]);
    assert.deepEqual(set, [], 'small documents: V8 decides');
    heap.fit([15_000, LARGE_OPEN_TEXT - 15_000]);
    assert.deepEqual(set, [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    assert.equal(heap.limiting, true);
    heap.fit([15_001, LARGE_OPEN_TEXT]);
    assert.equal(set.length, 1, 'set once, not per keystroke');
    heap.fit([15_000]);
    assert.deepEqual(set.slice(1), ['--heap-growing-percent=0']);
    assert.equal(heap.limiting, false);
  });

  it('limits it too while the workspace index covers many reports', () => {
    const set: string[] = [];
    const heap = new HeapPolicy((flags) => set.push(flags));
    heap.fit([15_000], LARGE_WORKSPACE - 1);
    assert.deepEqual(set, [], 'a small workspace: V8 decides');
    heap.fit([15_000], LARGE_WORKSPACE);
    assert.deepEqual(set, [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    heap.fit([LARGE_OPEN_TEXT], LARGE_WORKSPACE);
    assert.equal(set.length, 1, 'either reason: one flag');
    heap.fit([15_000], 10);
    assert.deepEqual(set.slice(1), ['--heap-growing-percent=0']);
  });

  it('collects garbage on demand (before a large report is rendered)', async () => {
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    let garbage: object | undefined = { big: new Array(1000).fill(0) };
    const ref = new WeakRef(garbage);
    garbage = undefined;
    // (A WeakRef's target lives to the end of the job that made or read it.)
    await turn();
    collectGarbage();
    await turn();
    collectGarbage();
    assert.equal(ref.deref(), undefined);
  });

  it('sets a flag this V8 knows (an unknown one is only reported on stderr, and nothing would change)', () => {
    // V8 writes "unrecognized flag" to the process's stderr itself: seen from a child process.
    const stderrOf = (flag: string) =>
      spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], { encoding: 'utf8' }).stderr;
    assert.match(stderrOf('--no-such-flag-for-baogao=1'), /unrecognized flag/, 'the check sees an unknown flag');
    assert.equal(stderrOf(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`), '');
    assert.equal(stderrOf('--heap-growing-percent=0'), '');
  });
});
