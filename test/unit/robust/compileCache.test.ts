// The command's compile cache (server/node/compileCache.ts): written after a first run, used by the next,
// and never the cause of a wrong answer or a failure — a damaged or unwritable cache only costs time.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cacheFileOf, keyOf, readEntry } from '../../../server/node/compileCache.js';
import { ROOT } from '../../helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const SAMPLE = path.join(ROOT, 'samples', 'guiwei-2020.bg');
// Node ≥ 22.1 has its own compile cache (used instead): the files below are those of older Node.
const OWN_CACHE = !('enableCompileCache' in nodeModule);

function run(cacheHome: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const check = (cacheHome: string) => run(cacheHome, ['check', SAMPLE, '--format', 'json']);

describe('the compile cache of the command', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'baogao-cache-'));
  });
  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
  });

  it('is written by a first run and gives the same findings on the next (Node ≥ 22.1: its own cache, ours never written)', () => {
    const first = check(home);
    const folder = path.join(home, 'baogao', 'compiled');
    if (OWN_CACHE) assert.ok(existsSync(cacheFileOf(folder, path.join(ROOT, 'dist', 'cli-main.cjs'))), `no cache in ${folder}: ${readdirSync(home)}`);
    else assert.ok(!existsSync(folder), 'Node has its own compile cache: ours is not written');
    const second = check(home);
    assert.equal(second.status, first.status);
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.stderr, '');
  });

  it('ignores a damaged cache file, and writes a good one again (Node ≥ 22.1: ignores it, never reads ours)', () => {
    const expected = check(home);
    const file = cacheFileOf(path.join(home, 'baogao', 'compiled'), path.join(ROOT, 'dist', 'cli-main.cjs'));
    mkdirSync(path.dirname(file), { recursive: true });
    // The key the cache checks (compileCache.ts, keyOf), so that V8 itself is handed the damaged code.
    const key = Buffer.from(keyOf(path.join(ROOT, 'dist', 'cli-main.cjs')));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(key.length, 0);
    const withKey = Buffer.concat([length, key, Buffer.alloc(5000, 7)]);
    for (const damaged of [Buffer.from('garbage'), Buffer.alloc(0), Buffer.concat([Buffer.from([200, 0, 0, 0]), Buffer.alloc(100, 7)]), withKey]) {
      writeFileSync(file, damaged);
      const r = check(home);
      assert.equal(r.stdout, expected.stdout);
      assert.equal(r.status, expected.status);
    }
    // Rejected by V8, the damaged code was replaced by good code after the run (by us: not where Node caches).
    const rewritten = readFileSync(file);
    if (!OWN_CACHE) {
      assert.ok(rewritten.equals(withKey), 'Node has its own compile cache: ours is left alone');
      return;
    }
    const entry = readEntry(file)!;
    assert.equal(entry.key, key.toString());
    assert.deepEqual(entry.commands, ['check']);
    assert.ok(!entry.data.equals(Buffer.alloc(5000, 7)));
  });

  it('holds the code of each command run: written again after the first run of another command, then left', () => {
    if (!OWN_CACHE) return;
    // The commands' bundle, which render and check both load (help loads only cli-main).
    const file = cacheFileOf(path.join(home, 'baogao', 'compiled'), path.join(ROOT, 'dist', 'cli-commands.cjs'));
    run(home, ['render', SAMPLE]);
    const afterRender = readEntry(file)!;
    assert.deepEqual(afterRender.commands, ['render']);
    const expected = check(home);
    const afterCheck = readEntry(file)!;
    assert.deepEqual(afterCheck.commands, ['render', 'check']);
    assert.ok(afterCheck.data.length > afterRender.data.length, `check's functions added: ${afterRender.data.length} → ${afterCheck.data.length} bytes`);
    const again = check(home);
    assert.equal(again.stdout, expected.stdout);
    assert.ok(readEntry(file)!.data.equals(afterCheck.data), 'a second check leaves the cache as it was');
    run(home, ['collect', SAMPLE]);
    assert.deepEqual(readEntry(file)!.commands, ['render', 'check', 'collect']);
    const main = cacheFileOf(path.join(home, 'baogao', 'compiled'), path.join(ROOT, 'dist', 'cli-main.cjs'));
    run(home, ['--help']);
    assert.deepEqual(readEntry(main)!.commands, ['render', 'check', 'collect', 'other'], 'an option is kept as "other"');
  });

  it('keeps one cache file per install: a bundle of the same name in another folder has its own', () => {
    const store = path.join(home, 'compiled');
    const here = cacheFileOf(store, path.join(ROOT, 'dist', 'cli-main.cjs'));
    const extension = cacheFileOf(store, path.join(home, 'extensions', 'baogao', 'dist', 'cli-main.cjs'));
    assert.notEqual(here, extension);
    assert.equal(path.dirname(here), store);
    assert.ok(path.basename(here).startsWith('cli-main.cjs-') && here.endsWith('.bin'), here);
    assert.equal(cacheFileOf(store, path.join(ROOT, 'dist', '.', 'cli-main.cjs')), here, 'the same bundle, the same file');
  });

  it('removes the entries of bundles that are gone when it writes one (an extension folder left by an update)', () => {
    const store = path.join(home, 'baogao', 'compiled');
    mkdirSync(store, { recursive: true });
    const entry = (bundle: string) => {
      const key = Buffer.from(`1:2:${process.version}:${process.arch}:${bundle}`);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(key.length, 0);
      return Buffer.concat([length, key, Buffer.alloc(100, 7)]);
    };
    const gone = cacheFileOf(store, path.join(home, 'old-extension', 'dist', 'cli-main.cjs'));
    writeFileSync(gone, entry(path.join(home, 'old-extension', 'dist', 'cli-main.cjs')));
    const kept = cacheFileOf(store, SAMPLE);
    writeFileSync(kept, entry(SAMPLE));
    const oldFormat = path.join(store, 'cli-main.cjs.bin');
    writeFileSync(oldFormat, Buffer.concat([Buffer.from([7, 0, 0, 0]), Buffer.from('1:2:3:4'), Buffer.alloc(10)]));
    check(home);
    if (!OWN_CACHE) return;
    assert.ok(!existsSync(gone), 'the entry of a bundle that is gone');
    assert.ok(!existsSync(oldFormat), 'an entry without its bundle (the format before)');
    assert.ok(existsSync(kept), 'the entry of a file that is there');
    assert.ok(existsSync(cacheFileOf(store, path.join(ROOT, 'dist', 'cli-main.cjs'))), 'its own');
  });

  it('runs as usual where no cache can be written (the cache folder is a file)', () => {
    const expected = check(home);
    const notAFolder = path.join(home, 'file');
    writeFileSync(notAFolder, 'x');
    const r = check(notAFolder);
    assert.equal(r.stdout, expected.stdout);
    assert.equal(r.status, expected.status);
    assert.equal(r.stderr, '');
  });
});
