// Session 15's attacks: classes of hostile input the earlier robustness tests did not try, each kept as a
// regression test.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../../helpers.js';

const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });

describe('hostile input (session 15)', function () {
  this.timeout(60_000);
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'baogao-hostile15-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('control characters of a report or of its name reach the terminal visible, never obeyed (was: an ESC sequence set the window title, a CR hid the finding)', () => {
    const text = '@标题 某镇报告\n@年度 2020\n\n# 甲\n\n丙{戊\u001b]0;pwned\u0007己 = 3件}丁\u202e。\n';
    const name = 'r\rok.bg';
    writeFileSync(path.join(folder, name), text);
    writeFileSync(path.join(folder, 'other.bg'), text);
    const r = cli(folder, 'check', name, 'other.bg');
    assert.equal(r.status, 1);
    for (const [stream, output] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
      assert.doesNotMatch(output, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, `${stream}: ${JSON.stringify(output)}`);
    }
    assert.match(r.stdout, /^r<U\+000D>ok\.bg:6:2: error BG002 无法识别的指标写法“\{戊<U\+001B>\]0;pwned<U\+0007>己 = 3件\}”/m);
    assert.match(r.stderr, /r<U\+000D>ok\.bg：/, 'the summary of several files names it visibly too');
    // Each line of the output is one finding: a file name with a line break cannot forge another.
    for (const line of r.stdout.trimEnd().split('\n')) assert.match(line, /^(r<U\+000D>ok|other)\.bg:\d+:\d+: (error|warning|info) BG\d{3} /);
    // JSON is data: every character kept (escaped by JSON itself).
    const json = cli(folder, 'check', name, '--format', 'json');
    assert.ok(JSON.parse(json.stdout).some((f: { message: string }) => f.message.includes('\u001b]0;pwned\u0007')));
  });
});
