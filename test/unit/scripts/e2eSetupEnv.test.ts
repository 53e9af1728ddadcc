// scripts/e2e/setup.sh installs code-server with Node 24 through an inner `npm install`. Started through
// `npm run test:e2e`, the outer npm's npm_config_* variables used to reach that inner npm, whose user
// agent then named the outer Node (v20) and code-server's postinstall refused (issue 8). This runs the
// part of the setup that decides the inner npm's environment under such a poisoned environment, with a
// stand-in "Node 24" first on PATH, and asks the real npm what it would see — without the long build.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../../helpers.js';

const FAKE_VERSION = 'v24.99.0';
const LIB = path.join(ROOT, 'scripts', 'e2e', 'clean-npm-env.sh');

/** A folder holding a `node` that is this Node reporting itself as FAKE_VERSION, and npm's headers dir. */
function fakeNode24(): { binDir: string; nodedir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'baogao-fake-node-'));
  const binDir = path.join(dir, 'bin');
  mkdirSync(binDir);
  const shim = path.join(dir, 'shim.cjs');
  writeFileSync(shim, `Object.defineProperty(process, 'version', { value: '${FAKE_VERSION}' });\n`);
  const node = path.join(binDir, 'node');
  writeFileSync(node, `#!/bin/sh\nexec '${process.execPath}' --require '${shim}' "$@"\n`);
  chmodSync(node, 0o755);
  return { binDir, nodedir: path.join(dir, 'headers') };
}

/** What an outer `npm run` (Node 20, a foreign prefix) leaves in the environment of its script. */
function poisonedEnv(): NodeJS.ProcessEnv {
  const foreign = mkdtempSync(path.join(tmpdir(), 'baogao-foreign-prefix-'));
  return {
    ...process.env,
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_prefix: foreign,
    NPM_CONFIG_GLOBALCONFIG: path.join(foreign, 'npmrc'),
    npm_config_nodedir: '/usr',
    npm_node_execpath: process.execPath,
    npm_lifecycle_event: 'test:e2e',
    NODE: process.execPath,
    PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
  };
}

/** Runs `script` in bash with the library sourced, under `env`; returns its stdout lines. */
function bash(script: string, env: NodeJS.ProcessEnv): string[] {
  const result = spawnSync('bash', ['-c', `set -euo pipefail; . '${LIB}'; ${script}`], { env, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, `bash failed: ${result.stderr}`);
  return result.stdout.trim().split('\n');
}

// The user agent as a package's install script sees it (code-server's postinstall reads exactly this).
const pkg = mkdtempSync(path.join(tmpdir(), 'baogao-ua-'));
writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ private: true, scripts: { ua: 'echo "$npm_config_user_agent"' } }));
const innerView = `node -p process.version; cd '${pkg}' && npm run -s ua; npm config get prefix; npm config get nodedir; printenv NODE || echo '(no NODE)'`;

describe('e2e setup: the inner npm install gets a clean environment (issue 8)', function () {
  this.timeout(60_000);
  const { binDir, nodedir } = fakeNode24();
  const env = poisonedEnv();

  it('the poisoned environment alone makes npm claim the outer Node (the test can see the fault)', () => {
    const [version, userAgent] = bash(`PATH='${binDir}':"$PATH" npm_config_nodedir='${nodedir}' bash -c "${innerView}"`, env);
    assert.equal(version, FAKE_VERSION);
    assert.match(userAgent!, /node\/v20\.20\.2/);
  });

  it('with_clean_npm_env gives the inner npm Node 24 in its user agent, its own prefix and the right headers', () => {
    const [version, userAgent, prefix, dir, node] = bash(`with_clean_npm_env '${binDir}' '${nodedir}' bash -c "${innerView}"`, env);
    assert.equal(version, FAKE_VERSION, 'Node 24 is first on PATH');
    assert.match(userAgent!, new RegExp(`node/${FAKE_VERSION.replace(/\./g, '\\.')}`));
    assert.doesNotMatch(userAgent!, /node\/v20/);
    assert.notEqual(prefix, env.npm_config_prefix, 'the outer npm prefix does not leak');
    assert.equal(dir, nodedir, 'node-gyp compiles against the given headers');
    assert.equal(node, '(no NODE)');
  });

  it('drops the outer npm’s node_modules/.bin from PATH and keeps the rest', () => {
    const [pathLine] = bash(`with_clean_npm_env '${binDir}' '' printenv PATH`, env);
    const dirs = pathLine!.split(':');
    assert.equal(dirs[0], binDir);
    assert.ok(!dirs.some((d) => d.endsWith(`${path.sep}node_modules${path.sep}.bin`)), pathLine);
    assert.ok(dirs.includes('/usr/bin'), pathLine);
  });

  it('setup.sh uses it for both of its npm installs', () => {
    const setup = readFileSync(path.join(ROOT, 'scripts', 'e2e', 'setup.sh'), 'utf8');
    const lines = setup.split('\n');
    // The commands (not the messages): `npm install --flags …`, possibly continued from the line above.
    const installs = lines.flatMap((line, i) => (/\bnpm install --/.test(line) ? [`${lines[i - 1]}\n${line}`] : []));
    assert.equal(installs.length, 2, installs.join('\n'));
    for (const command of installs) assert.match(command, /with_clean_npm_env/);
  });
});
