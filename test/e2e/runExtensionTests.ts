// Runs an extension-host mocha suite (the @vscode/test-electron layout: an
// extension folder + a tests module exporting run()) in a real VS Code.
//
//   npx tsx test/e2e/runExtensionTests.ts [options]
//
// Where it runs (--mode, or env BAOGAO_E2E_MODE; default auto):
//   electron     @vscode/test-electron runTests(): the VS Code at $BAOGAO_VSCODE_PATH,
//                else one test-electron downloads (or finds in .vscode-test/).
//   code-server  the same suite in code-server's server-side extension host, with
//                the workbench opened in headless Chromium (see README.md).
//   auto         electron when $BAOGAO_VSCODE_PATH is set, or when a display exists
//                and the download works; otherwise code-server (said loudly).
//
// Options (all optional; defaults run the baogao suite, test/e2e/suite, against the
// extension in this repository, on a copy of samples/):
//   --extensionDevelopmentPath DIR   extension folder (package.json with main); default: the repo
//   --vsix FILE                      instead: a packaged extension, unpacked to a temp dir and
//                                    loaded from there (tests exactly what ships)
//   --extensionTestsPath FILE|DIR    module exporting run(). A TypeScript suite (a folder with
//                                    index.ts, or a .ts file) is bundled first with esbuild into
//                                    out/e2e-suite/ (index.cjs + one <name>.test.cjs per
//                                    *.test.ts; `vscode` and `mocha` external)
//   --workspace DIR                  folder to open (copied to a temp dir first)
//   --timeout SECONDS                whole-run limit (default 300)
//   --packaged                       --vsix of the packaged baogao extension: $BAOGAO_E2E_VSIX, else
//                                    baogao-<version>.vsix (npm run package), refused when older than dist/
//   --probe                          the harness's probe extension, its suite and workspace
//
// Environment handed to the extension host: everything in this process's env
// (e.g. BAOGAO_E2E_GREP; BAOGAO_E2E_SUITE_DIRS for the probe suite), plus
// BAOGAO_E2E_RESULTS: a JSON file the suite writes its outcome to.
//
// Exit status: 0 only when the suite's run() resolved (exit code 0) AND the
// results file reports >= 1 passed test and 0 failed. 1 otherwise; 2 for a
// usage error or a missing prerequisite.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { ARTIFACTS_ROOT, E2E_ROOT, MissingPrerequisite, REPO_ROOT, assertCjkFont } from './lib/env';
import { remoteUri, removeOnExit, startCodeServer } from './lib/codeServer';
import { launchBrowser } from './lib/browser';
import { LOCALE, localeSetup } from './lib/locale';
import { baogaoVsix } from './lib/vsix';

type Mode = 'auto' | 'electron' | 'code-server';

interface Options {
  extensionDevelopmentPath: string;
  vsix: string | null;
  extensionTestsPath: string;
  workspace: string;
  mode: Mode;
  timeoutMs: number;
}

interface SuiteResults {
  passed: string[];
  failed: { title: string; error: string }[];
  pending: string[];
  files: string[];
}

const PROBE = path.join(E2E_ROOT, 'fixtures', 'probe-extension');

function usage(msg: string): never {
  console.error(`runExtensionTests: ${msg}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    extensionDevelopmentPath: REPO_ROOT,
    vsix: null,
    extensionTestsPath: path.join(E2E_ROOT, 'suite'),
    workspace: path.join(REPO_ROOT, 'samples'),
    mode: (process.env.BAOGAO_E2E_MODE as Mode | undefined) ?? 'auto',
    timeoutMs: 300_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i] ?? usage(`${a} needs a value`);
    switch (a) {
      case '--extensionDevelopmentPath': o.extensionDevelopmentPath = path.resolve(v()); break;
      case '--vsix': o.vsix = path.resolve(v()); break;
      case '--packaged': o.vsix = baogaoVsix(); break;
      case '--extensionTestsPath': o.extensionTestsPath = path.resolve(v()); break;
      case '--workspace': o.workspace = path.resolve(v()); break;
      case '--mode': o.mode = v() as Mode; break;
      case '--timeout': o.timeoutMs = Number(v()) * 1000; break;
      case '--probe':
        o.extensionDevelopmentPath = PROBE;
        o.extensionTestsPath = path.join(PROBE, 'suite', 'index.js');
        o.workspace = path.join(E2E_ROOT, 'fixtures', 'workspace');
        break;
      default: usage(`unknown argument ${a}`);
    }
  }
  if (!['auto', 'electron', 'code-server'].includes(o.mode)) usage(`--mode must be auto, electron or code-server (got ${o.mode})`);
  if (!(o.timeoutMs > 0)) usage('--timeout must be a positive number of seconds');
  if (o.vsix) {
    if (!existsSync(o.vsix)) {
      throw new MissingPrerequisite(`the packaged extension ${o.vsix} does not exist`, 'run: npm run package');
    }
  } else {
    const pkgFile = path.join(o.extensionDevelopmentPath, 'package.json');
    if (!existsSync(pkgFile)) usage(`no package.json in extensionDevelopmentPath ${o.extensionDevelopmentPath}`);
    const main = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { main?: string }).main;
    if (main && !existsSync(path.join(o.extensionDevelopmentPath, main))) {
      throw new MissingPrerequisite(`the extension's main ${main} is missing in ${o.extensionDevelopmentPath}`, 'run: npm run build');
    }
  }
  // test-electron's rule: a directory means its index.js (or, here, an index.ts to bundle).
  if (existsSync(o.extensionTestsPath) && statSync(o.extensionTestsPath).isDirectory()) {
    const ts = path.join(o.extensionTestsPath, 'index.ts');
    o.extensionTestsPath = existsSync(ts) ? ts : path.join(o.extensionTestsPath, 'index.js');
  }
  if (!existsSync(o.extensionTestsPath)) usage(`extensionTestsPath ${o.extensionTestsPath} does not exist`);
  if (!existsSync(o.workspace)) usage(`workspace ${o.workspace} does not exist`);
  return o;
}

/**
 * Bundles a TypeScript suite for the extension host (which loads CommonJS; the root package.json is
 * "type": "module", hence .cjs): its index.ts becomes index.cjs and every *.test.ts next to it a
 * <name>.test.cjs that index.cjs hands to mocha. The output is inside the repository (out/, git-ignored)
 * so that `require('mocha')` finds node_modules. Returns the path of index.cjs.
 */
async function bundleSuite(indexTs: string): Promise<string> {
  const esbuild = await import('esbuild');
  const dir = path.dirname(indexTs);
  const outdir = path.join(REPO_ROOT, 'out', 'e2e-suite');
  rmSync(outdir, { recursive: true, force: true });
  const tests = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
  const entryPoints: Record<string, string> = { index: indexTs };
  for (const t of tests) entryPoints[t.replace(/\.ts$/, '')] = path.join(dir, t);
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  console.log(`[e2e] bundled ${path.relative(REPO_ROOT, dir)} (index + ${tests.length} test file(s)) into ${path.relative(REPO_ROOT, outdir)}`);
  return path.join(outdir, 'index.cjs');
}

/** Unpacks a .vsix (a zip whose extension/ folder is the installed extension) into `into`; returns that folder. */
function unpackVsix(vsix: string, into: string): string {
  try {
    execFileSync('unzip', ['-q', '-o', vsix, 'extension/*', '-d', into], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') throw new MissingPrerequisite('unzip not found (needed to unpack the .vsix)');
    throw new Error(`unzip ${vsix} failed: ${e.message}\n${e.stderr?.toString() ?? ''}`);
  }
  const dir = path.join(into, 'extension');
  if (!existsSync(path.join(dir, 'package.json'))) throw new Error(`${vsix} has no extension/package.json`);
  console.log(`[e2e] extension under test: ${path.relative(process.cwd(), vsix)} (unpacked)`);
  return dir;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<T>((_, reject) => {
      t = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms);
    }),
  ]);
}

// ------------------------------------------------------------------ electron
async function runWithTestElectron(o: Options, env: Record<string, string>, workspace: string): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  const vscodeExecutablePath = process.env.BAOGAO_VSCODE_PATH;
  console.log(`[e2e] running in VS Code (Electron) via @vscode/test-electron: ${vscodeExecutablePath ?? 'downloaded build'}`);
  // Own user-data-dir, with the zh-cn language pack registration (lib/locale.ts) in it.
  const userDataDir = path.join(path.dirname(workspace), 'user-data');
  for (const [rel, content] of Object.entries(localeSetup().userDataFiles)) {
    mkdirSync(path.dirname(path.join(userDataDir, rel)), { recursive: true });
    writeFileSync(path.join(userDataDir, rel), content);
  }
  try {
    return await withTimeout(
      runTests({
        ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
        extensionDevelopmentPath: o.extensionDevelopmentPath,
        extensionTestsPath: o.extensionTestsPath,
        extensionTestsEnv: env,
        launchArgs: [workspace, '--disable-extensions', `--locale=${LOCALE}`, `--user-data-dir=${userDataDir}`],
      }),
      o.timeoutMs,
      'VS Code test run',
    );
  } catch (err) {
    console.error(`[e2e] test-electron: ${(err as Error).message}`);
    return 1;
  }
}

async function canUseTestElectron(): Promise<string | null> {
  if (process.env.BAOGAO_VSCODE_PATH) {
    if (!existsSync(process.env.BAOGAO_VSCODE_PATH)) {
      throw new MissingPrerequisite(
        `BAOGAO_VSCODE_PATH=${process.env.BAOGAO_VSCODE_PATH} does not exist`,
        'point it at a VS Code executable (e.g. .../VSCode-linux-x64/code), or unset it to use code-server',
      );
    }
    return null;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    // A downloaded Electron VS Code could not open a window here anyway.
    return 'no $DISPLAY for an Electron VS Code (run under xvfb-run to use one)';
  }
  try {
    const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
    await withTimeout(downloadAndUnzipVSCode({ timeout: 15_000 }), 600_000, 'VS Code download');
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

// ------------------------------------------------------------------ code-server
async function runInCodeServer(o: Options, env: Record<string, string>, workspace: string, artifacts: string): Promise<number> {
  assertCjkFont();
  const locale = localeSetup();
  const server = await startCodeServer({
    folder: workspace,
    logFile: path.join(artifacts, 'code-server.log'),
    env,
    userDataFiles: locale.userDataFiles,
    args: [
      // As test-electron does: tests run in a trusted workspace.
      '--disable-workspace-trust',
      // The browser workbench reads extensionDevelopmentPath/extensionTestsPath from
      // the ?payload= query only when it is not a built product or when the smoke
      // test driver is on; code-server is built, so the driver must be enabled.
      '--vscode-option', 'enable-smoke-test-driver',
      // A writer's VS Code speaks Chinese: the extension's titles and messages are then its Chinese ones
      // (package.nls.json, no l10n bundle). See lib/locale.ts.
      ...locale.args,
    ],
  });
  let session: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    session = await launchBrowser();
    const { page } = session;
    const consoleLog: string[] = [];
    // The extension host's console (mocha's spec reporter included) is forwarded to
    // the page console in extension-development mode; keep it, formatted, in order.
    let chain = Promise.resolve();
    page.on('console', (m) => {
      chain = chain.then(async () => {
        const vals = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => a.toString())));
        const text = (vals.length ? format(...vals) : m.text()).replace(/^\s*(INFO|WARN|ERR|TRACE|DEBUG)\s+/, '');
        const line = `[browser ${m.type()}] ${text}`;
        consoleLog.push(line);
        if (text.includes('[e2e-suite]') || process.env.BAOGAO_E2E_VERBOSE) console.log(line);
      });
    });
    page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));

    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((r) => (resolveExit = r));
    // VS Code's browser workbench calls window.codeAutomationExit(code, logs) when the
    // extension host that ran the tests exits (ExtensionService._onExtensionHostExit).
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: { relativePath: string; contents: string }[]) => {
      for (const l of logs ?? []) {
        const f = path.join(artifacts, 'workbench-logs', l.relativePath);
        mkdirSync(path.dirname(f), { recursive: true });
        writeFileSync(f, l.contents);
      }
      resolveExit(code);
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      consoleLog.push(`[automation ${type}] ${args.map(String).join(' ')}`);
    });

    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, o.extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(server, o.extensionTestsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    console.log(`[e2e] running in code-server ${server.url} (VS Code server-side extension host, Chromium workbench)`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    let code: number;
    try {
      code = await withTimeout(exited, o.timeoutMs, 'extension test run in code-server');
    } catch (err) {
      console.error(`[e2e] ${(err as Error).message}`);
      await page.screenshot({ path: path.join(artifacts, 'timeout.png') }).catch(() => undefined);
      code = 1;
    }
    await chain;
    writeFileSync(path.join(artifacts, 'browser-console.log'), consoleLog.join('\n') + '\n');
    return code;
  } finally {
    await session?.close();
    await server.stop();
  }
}

// ------------------------------------------------------------------ main
async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const artifacts = path.join(ARTIFACTS_ROOT, 'extension-tests', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(artifacts, { recursive: true });
  const tmp = removeOnExit(mkdtempSync(path.join(os.tmpdir(), 'baogao-e2e-run-')));
  const workspace = path.join(tmp, path.basename(o.workspace));
  cpSync(o.workspace, workspace, { recursive: true });
  const resultsFile = path.join(tmp, 'results.json');
  if (o.vsix) o.extensionDevelopmentPath = unpackVsix(o.vsix, path.join(tmp, 'vsix'));
  if (o.extensionTestsPath.endsWith('.ts')) o.extensionTestsPath = await bundleSuite(o.extensionTestsPath);
  const env: Record<string, string> = { BAOGAO_E2E_RESULTS: resultsFile };
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('BAOGAO_E2E_') && v !== undefined && !(k in env)) env[k] = v;

  try {
    let mode = o.mode;
    if (mode !== 'code-server') {
      const why = await canUseTestElectron();
      if (why === null) mode = 'electron';
      else if (mode === 'electron') {
        throw new MissingPrerequisite(
          `--mode electron: no VS Code available (${why})`,
          'set BAOGAO_VSCODE_PATH to a VS Code executable, or use --mode code-server',
        );
      }
      else {
        console.log(`[e2e] NOTE: no VS Code for @vscode/test-electron (${why}); BAOGAO_VSCODE_PATH is not set.`);
        console.log('[e2e] NOTE: falling back to code-server.');
        mode = 'code-server';
      }
    }
    const code = mode === 'electron'
      ? await runWithTestElectron(o, env, workspace)
      : await runInCodeServer(o, env, workspace, artifacts);

    let results: SuiteResults | null = null;
    try {
      results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
      cpSync(resultsFile, path.join(artifacts, 'results.json'));
    } catch {
      results = null;
    }
    console.log(`[e2e] mode=${mode} extension-host exit code=${code}; artifacts: ${path.relative(process.cwd(), artifacts)}`);
    if (!results) {
      console.log('[e2e] FAIL: the suite wrote no results file (it did not run, or crashed before finishing)');
      console.log('0 passed, 0 failed');
      return 1;
    }
    for (const t of results.passed) console.log(`  ✔ ${t}`);
    for (const t of results.pending) console.log(`  - ${t} (pending)`);
    for (const f of results.failed) console.log(`  ✖ ${f.title}\n      ${f.error.split('\n').slice(0, 4).join('\n      ')}`);
    console.log(`${results.passed.length} passed, ${results.failed.length} failed`);
    if (results.passed.length + results.failed.length === 0) {
      console.log('[e2e] FAIL: no test ran');
      return 1;
    }
    if (code !== 0 || results.failed.length > 0) return 1;
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof MissingPrerequisite ? `[e2e] missing prerequisite: ${err.message}` : err);
    process.exit(err instanceof MissingPrerequisite ? 2 : 1);
  },
);
