// Packages an extension folder into a .vsix with @vscode/vsce (a devDependency),
// non-interactively (CI has no stdin: every question vsce could ask is answered by a flag).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeOnExit } from './codeServer';
import { MissingPrerequisite, REPO_ROOT } from './env';

/** Returns the .vsix path; by default in a temp dir that is removed when the process exits. */
export function packageVsix(
  extensionDir: string,
  outDir = removeOnExit(mkdtempSync(path.join(os.tmpdir(), 'baogao-e2e-vsix-'))),
): string {
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!existsSync(vsce)) throw new Error(`@vscode/vsce not installed at ${vsce} (npm ci)`);
  const out = path.join(outDir, `${path.basename(extensionDir)}.vsix`);
  try {
    execFileSync(
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-update-package-json', '-o', out],
      { cwd: extensionDir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 },
    );
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`vsce package failed in ${extensionDir}: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  if (!existsSync(out)) throw new Error(`vsce package reported success but ${out} is missing`);
  return out;
}

/**
 * The packaged baogao extension the e2e tests install: $BAOGAO_E2E_VSIX, else baogao-<version>.vsix at
 * the repository root as `npm run package` writes it. Missing → MissingPrerequisite. The default one must
 * hold the bundles now in dist/ (same bytes) — else it holds other code than was just built, and the
 * tests would test that.
 */
export function baogaoVsix(): string {
  const explicit = process.env.BAOGAO_E2E_VSIX;
  if (explicit) {
    if (!existsSync(explicit)) throw new MissingPrerequisite(`BAOGAO_E2E_VSIX=${explicit} does not exist`, 'point it at a .vsix, or unset it');
    return path.resolve(explicit);
  }
  const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  const vsix = path.join(REPO_ROOT, `baogao-${version}.vsix`);
  if (!existsSync(vsix)) throw new MissingPrerequisite(`the packaged extension ${vsix} does not exist`, 'run: npm run package');
  for (const bundle of ['dist/extension.cjs', 'dist/server.cjs', 'dist/server-main.cjs']) {
    const built = path.join(REPO_ROOT, bundle);
    if (!existsSync(built)) continue;
    let packed: Buffer;
    try {
      packed = execFileSync('unzip', ['-p', vsix, `extension/${bundle}`], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingPrerequisite('unzip not found (needed to read the .vsix)', 'run: bash scripts/e2e/setup.sh');
      throw new Error(`${vsix} has no extension/${bundle}: ${(err as Error).message}`);
    }
    if (!packed.equals(readFileSync(built))) {
      throw new MissingPrerequisite(`${path.basename(vsix)} does not hold the ${bundle} now built (stale package)`, 'run: npm run package');
    }
  }
  return vsix;
}
