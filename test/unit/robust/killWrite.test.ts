// Every output is atomic: each command is killed (SIGKILL) in the middle of writing, again and again,
// and the target is always the old file or the new one, never a part (issue 14, item 2).
// BAOGAO_TEST_SLOW_WRITE_MS makes the writer pause after each 64 KB, so the kill lands mid-write.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, samplePath } from '../../helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const ROUNDS = 2;

/** A copy of a file beside it, by another name. */
function copyOf(file: string, name: string): string {
  const copy = path.join(path.dirname(file), name);
  copyFileSync(file, copy);
  return copy;
}

/** Runs the command, kills it as soon as its temporary file appears, and returns the target's bytes. */
async function killMidWrite(args: string[], dir: string, target: string): Promise<Buffer> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore', env: { ...process.env, BAOGAO_TEST_SLOW_WRITE_MS: '40' } });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const prefix = `.${path.basename(target)}.`;
  const started = Date.now();
  let killed = false;
  while (!killed && Date.now() - started < 60_000 && child.exitCode === null) {
    if (readdirSync(dir).some((n) => n.startsWith(prefix) && n.endsWith('.tmp'))) {
      child.kill('SIGKILL');
      killed = true;
    } else await new Promise((r) => setTimeout(r, 5));
  }
  await exited;
  assert.ok(killed, `${args[0]}: the write was not caught in the act`);
  for (const n of readdirSync(dir)) if (n.startsWith(prefix) && n.endsWith('.tmp')) rmSync(path.join(dir, n));
  return readFileSync(target);
}

describe('writes survive a kill in the middle', function () {
  this.timeout(180_000);
  let dir: string;
  let big: string;
  let bigText: string;
  const OLD = Buffer.from('旧内容\n');

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baogao-kill-'));
    // Outputs of more than one 64 KB chunk, each followed by a pause.
    const sample = readFileSync(samplePath('guiwei-2020'), 'utf8');
    big = path.join(dir, 'big.bg');
    writeFileSync(big, sample + sample.replace(/^@[^\n]*\n/gm, '').repeat(18));
    // import takes last year's Word or text report, not a .bg.
    bigText = path.join(dir, 'big.txt');
    writeFileSync(bigText, sample.replace(/^@[^\n]*\n/gm, '').replace(/^#+ /gm, '').repeat(18));
  });

  const cases: Array<[string, (out: string) => string[]]> = [
    ['render', (out) => ['render', big, '--out', out, '--force']],
    ['import', (out) => ['import', bigText, '--out', out, '--force']],
    // Three reports (one named three times is collected once).
    ['collect', (out) => ['collect', big, copyOf(big, 'big-2.bg'), copyOf(big, 'big-3.bg'), '--format', 'json', '--out', out, '--force']],
  ];
  for (const [name, args] of cases) {
    it(`${name} --out: the target is old or new, never partial`, async () => {
      const out = path.join(dir, `${name}.out`);
      const done = spawnSync(process.execPath, [CLI, ...args(out)], { timeout: 120_000 });
      assert.equal(done.status === 0 || done.status === 1, true, String(done.stderr));
      const fresh = readFileSync(out);
      assert.ok(fresh.length > 64 * 1024, `output of ${fresh.length} bytes spans more than one chunk`);
      for (let round = 0; round < ROUNDS; round++) {
        writeFileSync(out, OLD);
        const seen = await killMidWrite(args(out), dir, out);
        assert.ok(seen.equals(OLD) || seen.equals(fresh), `round ${round}: ${seen.length} bytes, neither old nor new`);
      }
    });
  }

  it('check --fix: the report is old or fixed, never partial', async () => {
    const report = path.join(dir, 'fix.bg');
    const original = Buffer.from(readFileSync(big, 'utf8').replace(/，/g, ','));
    writeFileSync(report, original);
    spawnSync(process.execPath, [CLI, 'check', '--fix', report], { timeout: 120_000 });
    const fixed = readFileSync(report);
    assert.ok(!fixed.equals(original), 'the fix changes the report');
    for (let round = 0; round < ROUNDS; round++) {
      writeFileSync(report, original);
      const seen = await killMidWrite(['check', '--fix', report], dir, report);
      assert.ok(seen.equals(original) || seen.equals(fixed), `round ${round}: ${seen.length} bytes, neither old nor fixed`);
    }
  });
});
