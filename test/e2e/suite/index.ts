// Extension-host test entry point for the baogao extension (the @vscode/test-electron layout): VS Code
// loads the bundled form of this module (out/e2e-suite/index.cjs, built by test/e2e/runExtensionTests.ts
// with esbuild, `vscode` and `mocha` left external) inside the extension host and calls run().
//
// run() rejects when a test fails or when no test ran; VS Code turns that into the extension host's exit
// code (test-electron: the process exit code; code-server: window.codeAutomationExit(code)). Besides the
// exit code, the outcome is written as JSON to $BAOGAO_E2E_RESULTS when set, so the runner can tell
// "0 tests" and per-test failures apart. Each test's outcome is also logged with the `[e2e-suite]` prefix,
// which the code-server runner echoes live.
//
// Env (inherited by the extension host): BAOGAO_E2E_GREP (mocha --grep), BAOGAO_E2E_RESULTS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Results {
  passed: string[];
  failed: { title: string; error: string }[];
  pending: string[];
  files: string[];
  failures?: number;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.BAOGAO_E2E_GREP) mocha.grep(process.env.BAOGAO_E2E_GREP);
  // Activation and read-only features first, then edits, then commands (which open more editors).
  const order = ['language.test.cjs', 'edits.test.cjs', 'commands.test.cjs'];
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.cjs'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((f) => path.join(__dirname, f));
  for (const f of files) mocha.addFile(f);
  console.log(`[e2e-suite] ${files.length} test file(s): ${files.map((f) => path.basename(f)).join(', ')}`);

  return new Promise((resolve, reject) => {
    const results: Results = { passed: [], failed: [], pending: [], files };
    const write = () => {
      if (process.env.BAOGAO_E2E_RESULTS) fs.writeFileSync(process.env.BAOGAO_E2E_RESULTS, JSON.stringify(results, null, 2));
    };
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        results.failures = failures;
        console.log(`[e2e-suite] ${results.passed.length} passed, ${results.failed.length} failed`);
        write();
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else if (results.passed.length === 0) reject(new Error('no test ran'));
        else resolve();
      });
    } catch (err) {
      results.failed.push({ title: 'loading the suite', error: String((err as Error)?.stack ?? err) });
      write();
      reject(err);
      return;
    }
    const started = new Map<Mocha.Test, number>();
    runner.on('test', (t) => started.set(t, Date.now()));
    const ms = (t: Mocha.Test) => `${Date.now() - (started.get(t) ?? Date.now())} ms`;
    runner.on('pass', (t) => {
      results.passed.push(t.fullTitle());
      console.log(`[e2e-suite]   ✔ ${t.fullTitle()} (${ms(t)})`);
    });
    runner.on('fail', (t, err) => {
      results.failed.push({ title: t.fullTitle(), error: String((err as Error)?.stack ?? err) });
      console.log(`[e2e-suite]   ✖ ${t.fullTitle()}: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
    });
    runner.on('pending', (t) => results.pending.push(t.fullTitle()));
  });
}
