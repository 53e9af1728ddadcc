// Packages an extension folder into a .vsix with @vscode/vsce (a devDependency),
// non-interactively (CI has no stdin: every question vsce could ask is answered by a flag).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeOnExit } from './codeServer';
import { REPO_ROOT } from './env';

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
