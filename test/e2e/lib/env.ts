// Where the e2e prerequisites live. scripts/e2e/setup.sh installs them; this module
// only finds them and fails with a clear message when something is missing.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..', '..');
export const E2E_ROOT = path.resolve(HERE, '..');
export const ARTIFACTS_ROOT = path.join(REPO_ROOT, 'test-artifacts', 'e2e');

export const NODE_VERSION = process.env.BAOGAO_E2E_NODE_VERSION ?? '24.21.0';
export const CODE_SERVER_VERSION = process.env.BAOGAO_E2E_CODE_SERVER_VERSION ?? '4.139.1';
export const CACHE = process.env.BAOGAO_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'baogao-e2e');

export class MissingPrerequisite extends Error {
  constructor(what: string, hint = `run: bash scripts/e2e/setup.sh   (cache: ${CACHE})`) {
    super(`${what}\n  -> ${hint}`);
    this.name = 'MissingPrerequisite';
  }
}

export interface CodeServerInstall {
  node: string;
  entry: string;
  version: string;
}

/** Node 24 + code-server from the setup cache; throws MissingPrerequisite otherwise. */
export function findCodeServer(): CodeServerInstall {
  const node = path.join(CACHE, `node-${NODE_VERSION}`, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node)) throw new MissingPrerequisite(`Node ${NODE_VERSION} not found at ${node}`);
  const pkgDir = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  const entry = path.join(pkgDir, 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new MissingPrerequisite(`code-server ${CODE_SERVER_VERSION} not found at ${pkgDir}`);
  const marker = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, '.baogao-e2e-complete');
  if (!existsSync(marker)) throw new MissingPrerequisite(`code-server install at ${pkgDir} is incomplete (no ${marker})`);
  const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version as string;
  if (version !== CODE_SERVER_VERSION) {
    throw new MissingPrerequisite(`code-server at ${pkgDir} is ${version}, expected ${CODE_SERVER_VERSION}`);
  }
  return { node, entry, version };
}

/** Debian's chromium (playwright-core cannot download browsers here). */
export function findChromium(): string {
  const exe = process.env.BAOGAO_E2E_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(exe)) throw new MissingPrerequisite(`Chromium not found at ${exe} (apt-get install chromium)`);
  return exe;
}

/** Fails when no CJK font is installed: screenshots would show tofu boxes instead of 汉字. */
export function assertCjkFont(): void {
  let out = '';
  try {
    out = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    throw new MissingPrerequisite('fc-list failed: fontconfig is not installed');
  }
  if (!out.trim()) throw new MissingPrerequisite('no Chinese font installed (apt-get install fonts-noto-cjk)');
}
