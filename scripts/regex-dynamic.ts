// The regular expressions the product builds at run time (`new RegExp(...)` from template strings, joined
// word lists, a name the writer typed), checked for super-linear backtracking like the literals
// (scripts/regex-audit.ts). They are not in the sources to be read, so they are collected where they are
// made: the global RegExp is wrapped while the product's modules are loaded and run over the samples, the
// snippets, the real corpus (test/fixtures/real/), the Word fixtures and one made with the parts they lack
// (import, check, the editor features, rendering), and every distinct source and flags constructed is recorded
// with the place in the sources that called the constructor. A place no input reaches fails the test.
//
// Safe ones are remembered in test/fixtures/regex-audit.json (dynamicSafe); flagged ones that stay are listed
// in dynamicAccepted with the reason they are harmless. `npm run audit:regex:dynamic` (`-- --update` rewrites
// the remembered safe ones). The collection runs in a process of its own: a module that another test loaded
// first would have built its patterns before the wrapper was there.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { AUDIT_FILE, readAudit, verdictOf } from './regex-audit.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface DynamicFinding {
  pattern: string;
  /** Where the product built it first: file:line. */
  site: string;
  status: string;
  complexity: string;
  attack: string;
}

/** `/source/flags`, as a literal is written. */
export const asLiteral = (source: string, flags: string) => `/${source}/${flags}`;

/** The product's sources: a pattern a library builds (Handlebars, docx, lodash) is not ours to change. */
const PRODUCT_FRAME = /\/(?:server|grammar|templates|client)\/[^:]*\.ts:(\d+)/;

/**
 * Wraps the global RegExp; every pattern the product's sources construct through it is added to the returned
 * map, with the place of the first construction (the nearest frame of the stack in the product's sources).
 */
function recordConstructions(): Map<string, string> {
  const seen = new Map<string, string>();
  const Original = globalThis.RegExp;
  const record = (args: unknown[]) => {
    const [pattern, flags] = args;
    const source = pattern instanceof Original ? pattern.source : pattern === undefined ? '(?:)' : String(pattern);
    const f = flags !== undefined ? String(flags) : pattern instanceof Original ? pattern.flags : '';
    const key = asLiteral(source, f);
    if (seen.has(key)) return;
    const frames = (new Error().stack ?? '').split('\n').slice(3);
    const own = frames.find((l) => !l.includes('node_modules') && !l.includes('/scripts/') && PRODUCT_FRAME.test(l));
    // Only a pattern whose constructor the product called directly: the frame just below the wrapper.
    if (own && own === frames[0]) seen.set(key, path.relative(ROOT, own.replace(/^.*?(\/[^()]*\.ts:\d+).*$/, '$1')));
  };
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args, newTarget) {
      record(args);
      return Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget);
    },
    apply(target, thisArg, args) {
      record(args);
      return Reflect.apply(target, thisArg, args);
    },
  });
  return seen;
}

/** Runs the product over the samples, the snippets, the real corpus and the Word fixtures. */
async function exerciseProduct(): Promise<void> {
  const { LanguageService } = await import('../server/language/service.js');
  const { MemoryWorkspace } = await import('../server/language/workspace.js');
  const { checkReport } = await import('../server/language/checks/index.js');
  const { checkSourceText } = await import('../server/language/sourceCheck.js');
  const { importFragment } = await import('../server/language/import/fragment.js');
  const { render } = await import('../templates/render.js');
  const { readWordSource } = await import('../server/node/readWord.js');
  const { complete } = await import('../server/language/features/completion.js');
  const { hover } = await import('../server/language/features/hover.js');
  const { quickFixes, fixAll, numberToFigure, inlineSnippet, extractSnippet } = await import('../server/language/features/codeActions.js');
  const { formatText } = await import('../server/language/features/formatting.js');
  const { semanticTokens } = await import('../server/language/features/semanticTokens.js');
  const { documentSymbols } = await import('../server/language/features/symbols.js');
  const { inlayHints } = await import('../server/language/features/inlayHints.js');
  const { documentLinks } = await import('../server/language/features/links.js');
  const { foldingRanges } = await import('../server/language/features/folding.js');
  const { definition } = await import('../server/language/features/navigation.js');

  const samples = path.join(ROOT, 'samples');
  const files: Record<string, string> = {};
  for (const f of readdirSync(samples)) if (f.endsWith('.bg')) files[`/w/${f}`] = readFileSync(path.join(samples, f), 'utf8');
  for (const f of readdirSync(path.join(samples, 'snippets'))) if (f.endsWith('.bg')) files[`/w/snippets/${f}`] = readFileSync(path.join(samples, 'snippets', f), 'utf8');
  // A snippet included with its parameters given, for “内联片段”.
  files['/w/inline.bg'] = '@年度 2021\n@机关 桂圩镇人民政府\n\n# 一、工作\n\n@引用 法律顾问制度 机关=桂圩镇人民政府, 年度=2021\n';
  const workspace = new MemoryWorkspace(files);
  const service = new LanguageService(workspace);
  const context = { today: new Date(2021, 0, 13), citations: [] };
  for (const [file, text] of Object.entries(files)) {
    const model = service.analyze(file, text);
    const diagnostics = checkReport(model);
    const whole = { start: 0, end: text.length };
    quickFixes(model, diagnostics, whole);
    fixAll(model, diagnostics);
    formatText(text);
    semanticTokens(model.file.document, text);
    documentSymbols(model);
    inlayHints(model, 0, text.length);
    documentLinks(model);
    foldingRanges(model.file.document, model.file.lineIndex, text);
    for (const format of ['txt', 'md', 'html'] as const) render(model, format);
    // The editor's features at the places a writer works: after each opening brace, each line's start
    // and end, on each number.
    const offsets = new Set<number>();
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '{' || c === '｛') offsets.add(i + 1);
      if (c === '\n') offsets.add(i).add(i + 1);
    }
    for (const m of text.matchAll(/\d+/g)) offsets.add(m.index);
    for (const offset of offsets) {
      complete(service, model, offset, context);
      hover(model, offset);
      definition(service, model, offset);
      const start = text.lastIndexOf('\n', offset - 1) + 1;
      const end = text.indexOf('\n', offset);
      const line = { start, end: end < 0 ? text.length : end };
      numberToFigure(model, line);
      inlineSnippet(model, line, (p) => workspace.readFile(p));
      extractSnippet(model, line, (p) => p in files);
    }
    importFragment(text, { takenNames: [], takenLabels: [], inline: false, enclosingLevel: 0 });
  }
  const real = path.join(ROOT, 'test', 'fixtures', 'real');
  for (const f of readdirSync(real).filter((f) => f.endsWith('.txt')).sort()) {
    checkSourceText(new LanguageService(new MemoryWorkspace({})), `/real/${f}`, readFileSync(path.join(real, f), 'utf8'), { source: f });
  }
  const word = execFileSync('git', ['ls-files', 'test/fixtures/*.docx', 'test/fixtures/**/*.docx'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  const parts = [...word.map((f) => ({ f, bytes: readFileSync(path.join(ROOT, f)) as Uint8Array })), { f: 'made.docx', bytes: await madeWord() }];
  for (const { f, bytes } of parts) {
    try {
      const { text } = await readWordSource(bytes);
      checkSourceText(new LanguageService(new MemoryWorkspace({})), `/word/${f}.bg`, text, { source: f });
    } catch {
      // A fixture Word refuses to read (a password, a broken file) has built its patterns up to the refusal.
    }
  }
}

/**
 * A .docx of the parts the fixtures lack: a text box (DrawingML with its VML fallback), a footnote, a comment,
 * and the reader's own text-box mark forged in the body.
 */
async function madeWord(): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
  const box = `<w:txbxContent>${para(run('某某镇人民政府'))}</w:txbxContent>`;
  const textBox = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
  const body = [
    para(textBox),
    para(run('2021年度法治政府建设情况报告')),
    para(run('2021年，某某镇坚持依法行政。'), '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:r><w:commentReference w:id="0"/></w:r>'),
    para(run('全年办理案件12件。'), '<w:baogaoTextBox w:id="7"/>'),
  ].join('');
  const separators = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>';
  const zip = new JSZip();
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body>${body}</w:body></w:document>`);
  zip.file('word/footnotes.xml', `<?xml version="1.0"?><w:footnotes ${NS}>${separators}<w:footnote w:id="1">${para(run('注释。'))}</w:footnote></w:footnotes>`);
  zip.file('word/comments.xml', `<?xml version="1.0"?><w:comments ${NS}><w:comment w:id="0">${para(run('批注。'))}</w:comment></w:comments>`);
  return zip.generateAsync({ type: 'uint8array' });
}

/** Where the product's sources call the RegExp constructor (`new RegExp(...)`, `RegExp(...)`): file:line. */
export function constructionSites(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => /^(server|grammar|templates|client)\/.*\.ts$/.test(f));
  const out: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    if (!text.includes('RegExp(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        out.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** The distinct patterns the product builds at run time, from a process of its own: pattern → where built. */
export function collectDynamicPatterns(): Record<string, string> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'regex-dynamic.ts'), '--collect'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as Record<string, string>;
}

/** Checks the built patterns not yet known safe or accepted; with `update`, remembers the safe ones. */
export function auditDynamicRegexes(built: Record<string, string>, options: { update?: boolean; timeoutMs?: number } = {}): { findings: DynamicFinding[]; checked: number } {
  const audit = readAudit();
  const known = new Set(audit.dynamicSafe ?? []);
  const literalsSafe = new Set(audit.safe);
  const accepted = audit.dynamicAccepted ?? {};
  const findings: DynamicFinding[] = [];
  const safe = new Set<string>();
  let checked = 0;
  const patterns = Object.keys(built);
  for (const pattern of patterns) {
    if (known.has(pattern) || literalsSafe.has(pattern)) {
      safe.add(pattern);
      continue;
    }
    if (pattern in accepted || pattern in audit.accepted) continue;
    const verdict = verdictOf(pattern, options.timeoutMs);
    checked++;
    if (verdict.status === 'safe') safe.add(pattern);
    else findings.push({ pattern, site: built[pattern]!, ...verdict });
  }
  if (options.update) {
    // Only patterns still built are kept; a literal's verdict stays in `safe`.
    const present = new Set(patterns);
    const dynamicAccepted = Object.fromEntries(Object.entries(accepted).filter(([k]) => present.has(k)));
    const dynamicSafe = [...safe].filter((p) => !literalsSafe.has(p)).sort();
    writeFileSync(AUDIT_FILE, `${JSON.stringify({ ...audit, dynamicAccepted, dynamicSafe }, null, 1)}\n`);
  }
  return { findings, checked };
}

if (process.argv[1]?.endsWith('regex-dynamic.ts')) {
  if (process.argv.includes('--collect')) {
    const seen = recordConstructions();
    await exerciseProduct();
    process.stdout.write(JSON.stringify(Object.fromEntries([...seen].sort())));
  } else {
    const built = collectDynamicPatterns();
    const { findings, checked } = auditDynamicRegexes(built, { update: process.argv.includes('--update') });
    for (const f of findings) console.log(`${f.site} ${f.pattern.slice(0, 300)}\n  ${f.complexity}; attack: ${f.attack.slice(0, 120)}`);
    console.log(`${Object.keys(built).length} patterns built, ${checked} checked now, ${findings.length} flagged and not accepted.`);
    process.exitCode = findings.length ? 1 : 0;
  }
}
