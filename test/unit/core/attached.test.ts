// AttachedMap: a WeakMap's get and set, with each value kept on its key.
import { strict as assert } from 'node:assert';
import { AttachedMap } from '../../../server/language/attached.js';

describe('AttachedMap', () => {
  it('gives back what was set for a key, and nothing for another', () => {
    const map = new AttachedMap<object, number[]>('test');
    const [a, b] = [{}, {}];
    const value = [1, 2];
    map.set(a, value);
    assert.equal(map.get(a), value);
    assert.equal(map.get(b), undefined);
    map.set(a, [3]);
    assert.deepEqual(map.get(a), [3]);
  });

  it('two maps on one key keep their own values', () => {
    const [first, second] = [new AttachedMap<object, string>('first'), new AttachedMap<object, string>('second')];
    const key: string[] = [];
    first.set(key, 'a');
    second.set(key, 'b');
    assert.equal(first.get(key), 'a');
    assert.equal(second.get(key), 'b');
  });

  it('the key shows nothing of it: not to spread copies, JSON, keys or a deep comparison', () => {
    const map = new AttachedMap<object, string>('hidden');
    const node = { kind: 'text', start: 0, end: 3 };
    map.set(node, 'found');
    assert.deepEqual({ ...node }, { kind: 'text', start: 0, end: 3 });
    assert.equal(map.get({ ...node }), undefined);
    assert.equal(JSON.stringify(node), '{"kind":"text","start":0,"end":3}');
    assert.deepEqual(Object.keys(node), ['kind', 'start', 'end']);
    assert.deepStrictEqual(node, { kind: 'text', start: 0, end: 3 });
    const list = [1, 2];
    map.set(list, 'on an array');
    assert.deepStrictEqual(list, [1, 2]);
    assert.equal(map.get(list), 'on an array');
  });

  it('a frozen key is remembered all the same', () => {
    const map = new AttachedMap<object, string>('frozen');
    const key = Object.freeze([] as number[]);
    map.set(key, 'kept');
    assert.equal(map.get(key), 'kept');
    map.set(key, 'again');
    assert.equal(map.get(key), 'again');
  });
});
