// The extension manifest (package.json contributes …), its localisation (package.nls*.json,
// l10n/bundle.l10n.en.json) and the client code agree with each other and with the server.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../../helpers.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';

const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, any>;
const pkg = json('package.json');
const nlsZh = json('package.nls.json') as Record<string, string>;
const nlsEn = json('package.nls.en.json') as Record<string, string>;
const bundleEn = json('l10n/bundle.l10n.en.json') as Record<string, string>;
const clientFiles = readdirSync(path.join(ROOT, 'client')).filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, 'client', f));
const clientSource = clientFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
const ids = readFileSync(path.join(ROOT, 'client', 'ids.ts'), 'utf8');
const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
const han = /\p{Script=Han}/u;

/** `Commands.key` in client/ids.ts → its id. */
const commandKeys = new Map([...ids.matchAll(/^\s*(\w+): '(baogao\.\w+)'/gm)].map((m) => [m[2]!, m[1]!]));

describe('client: manifest', () => {
  it('activates on the language and the commands, never at start-up', () => {
    const events: string[] = pkg.activationEvents;
    assert.ok(events.includes('onLanguage:baogao'));
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
    for (const c of pkg.contributes.commands) assert.ok(events.includes(`onCommand:${c.command}`), c.command);
    assert.equal(pkg.main, './dist/extension.cjs');
  });

  it('registers .bg with its aliases, configuration, grammar and snippets, all present', () => {
    const [language] = pkg.contributes.languages;
    assert.equal(language.id, 'baogao');
    assert.deepEqual(language.extensions, ['.bg']);
    assert.deepEqual(language.aliases, ['报告', 'baogao']);
    const [grammar] = pkg.contributes.grammars;
    assert.equal(grammar.scopeName, 'source.baogao');
    for (const file of [language.configuration, grammar.path, pkg.contributes.snippets[0].path, pkg.icon, language.icon.light]) {
      assert.ok(existsSync(path.join(ROOT, file)), file);
    }
    const config = json(language.configuration.replace(/^\.\//, ''));
    assert.deepEqual(config.comments, { lineComment: '//' });
    const pairs = new Set(config.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close));
    for (const pair of ['《》', '（）', '“”', '｛｝', '{}', '【】']) assert.ok(pairs.has(pair), pair);
  });

  it('gives every command a title in Chinese and English, and registers it in client code', () => {
    const commands: Array<{ command: string; title: string; category: string }> = pkg.contributes.commands;
    assert.ok(commands.length >= 6);
    for (const c of commands) {
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key, `${c.command}: the title is localised`);
      assert.ok(han.test(nlsZh[key]!), `${c.command}: Chinese title`);
      assert.ok(nlsEn[key] && !han.test(nlsEn[key]), `${c.command}: English title`);
      const constant = commandKeys.get(c.command);
      assert.ok(constant, `${c.command} is in client/ids.ts`);
      assert.match(clientSource, new RegExp(`registerCommand\\(Commands\\.${constant}\\b`), `${c.command} is registered`);
    }
    for (const items of Object.values(pkg.contributes.menus) as Array<Array<{ command: string }>>) {
      for (const item of items) assert.ok(commands.some((c) => c.command === item.command), `menu item ${item.command}`);
    }
  });

  it('has every %key% of package.json in both package.nls.json (Chinese) and package.nls.en.json (English)', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 20);
    for (const key of keys) {
      assert.ok(nlsZh[key], `package.nls.json: ${key}`);
      assert.ok(nlsEn[key], `package.nls.en.json: ${key}`);
    }
    assert.deepEqual(Object.keys(nlsEn).sort(), Object.keys(nlsZh).sort(), 'the same keys in both files');
    for (const key of Object.keys(nlsZh)) assert.ok(keys.includes(key), `${key} is used`);
  });

  it('has an English entry for every l10n.t string of the client, and no stale ones', () => {
    const strings = new Set<string>();
    for (const file of clientFiles) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bl10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) strings.add(m[2]!);
      // Only literal strings: a variable could not be translated (except in the wrapper itself).
      if (path.basename(file) !== 'l10n.ts') for (const m of text.matchAll(/\bl10n\.t\(\s*([^'"`\s])/g)) assert.fail(`${path.basename(file)}: l10n.t with a non-literal (${m[1]}…)`);
    }
    assert.ok(strings.size > 15);
    for (const s of strings) {
      assert.ok(han.test(s), `source strings are Chinese: ${s}`);
      assert.ok(bundleEn[s], `l10n/bundle.l10n.en.json has “${s}”`);
      assert.deepEqual(placeholders(bundleEn[s]!), placeholders(s), `placeholders of “${s}”`);
    }
    for (const key of Object.keys(bundleEn)) assert.ok(strings.has(key), `stale entry “${key}”`);
  });

  it('declares settings for exactly what the server reads, with descriptions', () => {
    const properties: Record<string, { markdownDescription?: string; description?: string }> = pkg.contributes.configuration.properties;
    const config = readFileSync(path.join(ROOT, 'server', 'language', 'config.ts'), 'utf8');
    const read = new Set([...config.matchAll(/\bs\.(\w+)\b/g)].map((m) => m[1]!));
    assert.ok(read.size >= 6);
    for (const key of read) assert.ok(properties[`baogao.${key}`], `the server reads ${key}: baogao.${key} is declared`);
    const clientOnly = ['baogao.trace.server', 'baogao.templateFolders'];
    for (const [name, p] of Object.entries(properties)) {
      assert.ok(p.markdownDescription ?? p.description, `${name} has a description`);
      if (!clientOnly.includes(name)) assert.ok(read.has(name.replace(/^baogao\./, '')), `${name} is read by the server`);
    }
    assert.match(clientSource, /'templateFolders'/, 'baogao.templateFolders is read by the client');
    assert.match(clientSource, /CLIENT_ID = 'baogao'/, 'the client id gives baogao.trace.server');
  });

  it('declares Workspace Trust support as limited, restricting the settings that point at files to run', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(nlsZh[trust.description.replace(/%/g, '')] && nlsEn[trust.description.replace(/%/g, '')]);
    assert.deepEqual(trust.restrictedConfigurations.sort(), ['baogao.snippetFolders', 'baogao.templateFolders']);
    assert.match(readFileSync(path.join(ROOT, 'client', 'settings.ts'), 'utf8'), /workspace\.isTrusted/);
  });

  it('links settings to the docs shipped in the .vsix, through a command, never to a path the writer does not have', () => {
    for (const nls of [nlsZh, nlsEn]) {
      for (const [key, text] of Object.entries(nls)) {
        assert.doesNotMatch(String(text), /(?<!command:baogao\.openDocs\?[^)]*)docs\/[A-Z]+\.md(?![^(]*\))/, `${key} names a file path instead of linking it`);
        for (const m of String(text).matchAll(/command:baogao\.openDocs\?([^)]*)/g)) {
          const [name] = JSON.parse(decodeURIComponent(m[1]!)) as string[];
          assert.ok(existsSync(path.join(ROOT, 'docs', name!)), `${key} links docs/${name}`);
        }
      }
    }
  });

  it('imports nothing of the server but its protocol declarations', () => {
    for (const file of clientFiles) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1]!;
        if (spec.startsWith('..')) assert.ok(/^\.\.\/(server\/lsp\/protocol\.js|l10n\/bundle\.l10n\.en\.json)$/.test(spec), `${path.basename(file)} imports ${spec}`);
        assert.ok(!spec.startsWith('vscode-languageserver'), `${path.basename(file)} imports ${spec}`);
      }
    }
    assert.doesNotMatch(readFileSync(path.join(ROOT, 'server', 'lsp', 'protocol.ts'), 'utf8'), /^import /m);
  });

  it('walks a newcomer through the year: every step with its page, buttons that run commands the extension has, completed by running them', () => {
    const [walkthrough, ...others] = pkg.contributes.walkthroughs;
    assert.equal(others.length, 0);
    const steps = walkthroughSteps();
    assert.deepEqual(steps.map((s) => s.id), ['import', 'check', 'figures', 'preview', 'export', 'nextYear', 'review']);
    const ours = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    // VS Code's own commands a step may name.
    const builtIn = new Set(['workbench.actions.view.problems']);
    for (const step of steps) {
      assert.ok(existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
      for (const nls of [nlsZh, nlsEn]) {
        const description = nls[step.description.replace(/%/g, '')]!;
        const buttons = [...description.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]!);
        assert.ok(buttons.length > 0, `${step.id}: a button`);
        for (const command of buttons) assert.ok(ours.has(command) || builtIn.has(command), `${step.id}: ${command}`);
      }
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        assert.ok(command && (ours.has(command) || builtIn.has(command)), `${step.id}: ${event}`);
      }
    }
    assert.ok(han.test(nlsZh[walkthrough.title.replace(/%/g, '')]!));
  });

  it('shows examples in the walkthrough that the checker takes as written: no figure or syntax problem', () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    let examples = 0;
    for (const step of walkthroughSteps()) {
      const page = readFileSync(path.join(ROOT, step.media.markdown), 'utf8');
      for (const [, code] of page.matchAll(/```\n([\s\S]*?)```/g)) {
        examples++;
        const found = checkReport(service.analyze(`/walkthrough/${step.id}-${examples}.bg`, code!));
        // A page shows a part of a report: the parts it leaves out (BG4xx, BG7xx) are not its problems.
        const own = found.filter((d) => /^BG[1-3]/.test(d.code) || d.code.startsWith('BG6'));
        assert.deepEqual(own.map((d) => `${d.code} ${d.message}`), [], `${step.media.markdown}:\n${code}`);
      }
    }
    assert.ok(examples >= 2, `examples checked: ${examples}`);
  });

  it('reads `baogao check` in a task as the command reports it (problem matcher $baogao): every finding, its place, code and severity', () => {
    const [matcher, ...others] = pkg.contributes.problemMatchers;
    assert.equal(others.length, 0);
    assert.equal(matcher.name, 'baogao');
    // Not the language server's owner: a task's findings and the open reports' would replace each other.
    assert.notEqual(matcher.owner, 'baogao');
    const pattern = new RegExp(matcher.pattern.regexp);
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-matcher-'));
    try {
      // The samples (errors, warnings) and a report with an information (BG408) and a hint (BG604).
      cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
      writeFileSync(path.join(folder, '提示.bg'), '@标题 某镇2021年度工作报告\n@年度 2021\n\n# 一\n\n学习《法治政府建设实施纲要（2021—2025）》。\n');
      const files = readdirSync(folder).filter((f) => f.endsWith('.bg'));
      const run = (format: string) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'check', ...files, '--format', format], { cwd: folder, encoding: 'utf8' }).stdout;
      const expected = JSON.parse(run('json')) as Array<{ file: string; line: number; column: number; severity: string; code: string; message: string }>;
      const lines = run('text').split('\n').filter(Boolean);
      assert.equal(lines.length, expected.length);
      for (const severity of ['error', 'warning', 'info', 'hint']) assert.ok(expected.some((e) => e.severity === severity), severity);
      lines.forEach((line, i) => {
        const m = pattern.exec(line);
        assert.ok(m, line);
        const e = expected[i]!;
        const at = (group: string) => m[matcher.pattern[group] as number];
        assert.deepEqual([at('file'), Number(at('line')), Number(at('column')), at('code'), at('message')], [e.file, e.line, e.column, e.code, e.message]);
        // VS Code has no hint severity for a task: a hint is shown as the matcher's default, information.
        assert.equal(at('severity') ?? matcher.severity, e.severity === 'hint' ? 'info' : e.severity, line);
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('packages only what runs: the bundles, templates, citations and declarative files (vsce ls)', function () {
    this.timeout(60_000);
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    assert.ok(existsSync(vsce), `@vscode/vsce is a dev dependency: run npm ci (missing ${vsce})`);
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    for (const needed of ['dist/extension.cjs', 'dist/server.cjs', 'dist/server-main.cjs', 'templates/txt/report.hbs', 'templates/md/report.hbs', 'templates/html/report.hbs', 'templates/html/report.css', 'server/language/data/citations.json',
      'client/syntaxes/baogao.tmLanguage.json', 'client/language-configuration.json', 'client/snippets/baogao.json', 'package.nls.json', 'package.nls.en.json',
      'l10n/bundle.l10n.en.json', 'LICENSE', 'README.md', 'docs/CODES.md', 'docs/LANGUAGE.md', ...walkthroughSteps().map((step) => step.media.markdown)]) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
    for (const f of files) {
      assert.ok(!/^(node_modules|test|samples|grammar|scripts|bench)\//.test(f) && !/^docs\/.*\.(?!md$)[^.]+$/.test(f) && !f.endsWith('.ts') && !f.endsWith('.map'), `${f} is not packaged`);
    }
  });
});

interface WalkthroughStep { id: string; title: string; description: string; media: { markdown: string }; completionEvents: string[] }

/** The steps of the extension's walkthrough (contributes.walkthroughs). */
function walkthroughSteps(): WalkthroughStep[] {
  return (pkg.contributes.walkthroughs as Array<{ steps: WalkthroughStep[] }>).flatMap((w) => w.steps);
}
