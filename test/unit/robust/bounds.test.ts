// Bounded work and exact numbers (issue 14, items 3 and 4): include bombs, deep include chains, long
// chains of figures, huge formulas, numbers beyond 2^53, overflow; reading confined to the workspace.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ReportModel } from '../../../server/language/model.js';
import { LanguageService } from '../../../server/language/service.js';
import { MAX_INCLUDE_DEPTH, MAX_INCLUSIONS } from '../../../server/language/snippets.js';
import { MAX_FIGURE_CHAIN } from '../../../server/language/figures.js';
import { MAX_FORMULA_NESTING, MAX_FORMULA_TERMS, parse, reparse } from '../../../grammar/index.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { formatText } from '../../../server/language/features/formatting.js';
import { hover } from '../../../server/language/features/hover.js';
import { inlayHints } from '../../../server/language/features/inlayHints.js';
import { references } from '../../../server/language/features/navigation.js';
import { semanticTokens } from '../../../server/language/features/semanticTokens.js';
import { documentSymbols } from '../../../server/language/features/symbols.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { FileSystemWorkspace } from '../../../server/node/fsWorkspace.js';
import { toCorePath } from '../../../server/node/paths.js';
import { render } from '../../../templates/render.js';
import { model, ROOT } from '../../helpers.js';
import { documentSizeProblem, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_LINES } from '../../../server/language/documentSize.js';
import { analyseText } from '../../../server/language/prose/index.js';

const HEADER = '@标题 测试\n@年度 2020\n@机关 某镇人民政府\n@日期 2021-01-13\n\n';
const codes = (m: ReportModel) => m.diagnostics.map((d) => d.code);
/** Figure names may not hold digits: n → a name of letters. */
export const figureName = (prefix: string, n: number) =>
  prefix + n.toString(26).replace(/[0-9a-p]/g, (c) => 'ABCDEFGHIJklmnopqrstuvwxyz'['0123456789abcdefghijklmnop'.indexOf(c)]!);

describe('bounded include expansion', () => {
  it('ten snippets that each include the next ten times stop at the limit with BG903, quickly', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) {
      const next = i < 9 ? `@引用 片${'甲乙丙丁戊己庚辛壬癸'[i + 1]}\n`.repeat(10) : '正文。\n';
      files[`/w/snippets/片${'甲乙丙丁戊己庚辛壬癸'[i]}.bg`] = `@片段 片${'甲乙丙丁戊己庚辛壬癸'[i]}\n\n${next}`;
    }
    const started = Date.now();
    const m = model(`${HEADER}@引用 片甲\n`, files);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    const limit = m.diagnostics.filter((d) => d.code === 'BG903');
    assert.equal(limit.length, 1);
    assert.match(limit[0]!.message, new RegExp(`片段展开超过上限（共 ${MAX_INCLUSIONS} 次）`));
    assert.ok(m.blocks.length < 20 * MAX_INCLUSIONS, `${m.blocks.length} blocks`);
  });

  it('a deep non-cyclic include chain is "嵌套超过上限", not "循环引用"', () => {
    const files: Record<string, string> = {};
    const name = (i: number) => figureName('段', i);
    for (let i = 0; i < 40; i++) files[`/w/snippets/${name(i)}.bg`] = `@片段 ${name(i)}\n\n@引用 ${name(i + 1)}\n`;
    files[`/w/snippets/${name(40)}.bg`] = `@片段 ${name(40)}\n\n末尾。\n`;
    const m = model(`${HEADER}@引用 ${name(0)}\n`, files);
    assert.ok(!codes(m).includes('BG302'), 'not called a cycle');
    const deep = m.diagnostics.find((d) => d.code === 'BG903');
    assert.ok(deep, codes(m).join());
    assert.match(deep.message, new RegExp(`片段嵌套超过上限（${MAX_INCLUDE_DEPTH} 层）`));
  });

  it('a real cycle is still BG302', () => {
    const m = model(`${HEADER}@引用 甲\n`, { '/w/snippets/甲.bg': '@片段 甲\n\n@引用 乙\n', '/w/snippets/乙.bg': '@片段 乙\n\n@引用 甲\n' });
    assert.ok(codes(m).includes('BG302'));
  });
});

describe('bounded figure evaluation', () => {
  const chain = (prefix: string, n: number, end = '1件') => {
    let text = '';
    for (let i = 0; i < n; i++) text += `{${figureName(prefix, i)} = ${figureName(prefix, i + 1)} + 1件}\n`;
    return `${text}{${figureName(prefix, n)} = ${end}}\n`;
  };

  it('a chain of 3,000 figures each using the next evaluates without deep recursion (was: stack overflow)', () => {
    const m = model(HEADER + chain('f', 3000));
    assert.deepEqual(codes(m), []);
    const first = m.figures.definitions.get(figureName('f', 0))!.value;
    assert.equal(first?.type === 'number' && first.value, 3001);
  });

  it(`a chain longer than ${MAX_FIGURE_CHAIN} figures stops with BG904`, () => {
    const m = model(HEADER + chain('g', MAX_FIGURE_CHAIN + 10));
    assert.deepEqual(codes(m), ['BG904']);
    assert.match(m.diagnostics[0]!.message, /指标依赖超过上限/);
  });

  it('a long cycle is reported as a cycle (BG203), without a stack overflow', () => {
    const m = model(HEADER + chain('h', 3000, `${figureName('h', 0)}`));
    assert.ok(codes(m).includes('BG203'), codes(m).join());
  });

  it('a formula of 1,500 terms is refused with BG904, its line kept as typed', () => {
    const m = model(`${HEADER}{和 = ${Array.from({ length: 1500 }, () => '1件').join('+')}}\n`);
    assert.deepEqual(codes(m), ['BG904']);
    assert.match(m.diagnostics[0]!.message, new RegExp(`公式超过 ${MAX_FORMULA_TERMS} 项的上限`));
    assert.match(render(m, 'txt', {}), /1件\+1件\+1件/);
  });

  // Each was a stack overflow somewhere: the parser's offset shifts, incremental reparse, the evaluator.
  const HUGE: Record<string, string> = {
    'a formula of 5,000 terms': `{和 = ${Array.from({ length: 5000 }, () => '1件').join('+')}}`,
    'a product of 5,000 factors': `{积 = ${Array.from({ length: 5000 }, () => '2').join('×')}}`,
    '5,000 nested brackets': `{深 = ${'('.repeat(5000)}1件${')'.repeat(5000)}}`,
    '5,000 minus signs': `{负 = ${'-'.repeat(5000)}1件}`,
    '@指标 with 5,000 terms': `@指标 和 = ${Array.from({ length: 5000 }, () => '1件').join('+')}`,
  };
  for (const [what, line] of Object.entries(HUGE)) {
    it(`${what}: one BG904, the text kept, and every feature answers (was: 解析器内部出错)`, () => {
      const text = `${HEADER}前文{甲 = 1件}。\n${line}\n后文{乙 = 甲 + 1件}。\n`;
      const m = model(text);
      const bound = m.diagnostics.filter((d) => d.code === 'BG904');
      assert.equal(bound.length, 1, codes(m).join());
      assert.ok(!codes(m).includes('BG009'), codes(m).join());
      assert.equal(text.slice(bound[0]!.start, bound[0]!.start + 1), line.startsWith('@') ? '@' : '{');
      // Incremental parsing shifts the line's offsets after an edit above it.
      const edited = text.replace('前文', '前面的文字');
      assert.deepEqual(reparse(reparse(undefined, text), edited).document, parse(edited).document);
      const printed = (format: 'txt' | 'md' | 'html') => render(m, format, {}).replace(/<[^>]*>/g, '').replace(/\s/g, '').replace(/&gt;/g, '>');
      for (const format of ['txt', 'md', 'html'] as const) assert.ok(printed(format).includes(line.slice(-40).replace(/\s/g, '')), format);
      assert.match(render(m, 'txt', {}), /后文2件/);
      checkReport(m);
      assert.equal(formatText(formatText(text)), formatText(text));
      semanticTokens(m.file.document, text);
      documentSymbols(m);
      inlayHints(m, 0, text.length);
      for (const offset of [text.indexOf(line) + 3, text.length - 8]) {
        hover(m, offset);
        references(new LanguageService(new MemoryWorkspace({})), m, offset, true, []);
      }
    });
  }

  it(`a formula of ${MAX_FORMULA_TERMS} terms and brackets ${MAX_FORMULA_NESTING} deep still compute`, () => {
    const m = model(`${HEADER}{和 = ${Array.from({ length: MAX_FORMULA_TERMS }, () => '1件').join('+')}}{深 = ${'('.repeat(MAX_FORMULA_NESTING)}2件${')'.repeat(MAX_FORMULA_NESTING)}}\n`);
    assert.deepEqual(codes(m), []);
    assert.match(render(m, 'txt', {}), new RegExp(`${MAX_FORMULA_TERMS}件2件`));
  });

  it('a chain of 5,000 figures computes, and every feature answers over it', () => {
    const text = HEADER + chain('k', MAX_FIGURE_CHAIN - 1);
    const m = model(text);
    assert.deepEqual(codes(m), []);
    const first = m.figures.definitions.get(figureName('k', 0))!.value;
    assert.equal(first?.type === 'number' && first.value, MAX_FIGURE_CHAIN);
    checkReport(m);
    assert.match(render(m, 'txt', {}), new RegExp(`${MAX_FIGURE_CHAIN}件`));
    render(m, 'html', {});
    const last = text.lastIndexOf(figureName('k', MAX_FIGURE_CHAIN - 1));
    assert.ok(hover(m, last + 1));
    assert.ok(references(new LanguageService(new MemoryWorkspace({})), m, last + 1, true, []).length >= 2);
    inlayHints(m, 0, text.length);
    documentSymbols(m);
  });
});

describe('exact numbers', () => {
  it('{x = 9007199254740993元} prints exactly (was …992元), and sums, products and rates of it compute exactly', () => {
    const m = model(`${HEADER}合计{x = 9007199254740993元}，多{y = x + 1元}，两倍{z = x + x}，{w = x * 3}，{d = x - 1元}，比{r = x / x %}，{h = x / 2}。\n`);
    assert.deepEqual(codes(m), []);
    const text = render(m, 'txt', {}).replace(/\s/g, '');
    assert.match(text, /合计9007199254740993元，多9007199254740994元，两倍18014398509481986元，27021597764222979元，9007199254740992元，比100%，4503599627370496\.5元。/);
  });

  it('decimals of 15 significant digits add up exactly beyond 10^15', () => {
    const m = model(`${HEADER}{a = 999999999999999.99元}{b = 0.01元}{c = a + b}{d = 123456789012.345元}{e = 987654321098.765元}{f = d + e}\n`);
    assert.deepEqual(codes(m), []);
    assert.match(render(m, 'txt', {}).replace(/\s/g, ''), /999999999999999\.99元0\.01元1000000000000000元123456789012\.345元987654321098\.765元1111111110111\.11元/);
  });

  it('a stated value beyond 2^53 is checked against its formula exactly', () => {
    const right = model(`${HEADER}{x = 9007199254740993元}{总 = 9007199254740994元 : x + 1元}\n`);
    assert.deepEqual(codes(right), []);
    const wrong = model(`${HEADER}{x = 9007199254740993元}{总 = 9007199254740995元 : x + 1元}\n`);
    assert.deepEqual(codes(wrong), ['BG206']);
    assert.match(wrong.diagnostics[0]!.message, /算得9007199254740994\.00元|算得9007199254740994元/);
  });

  it('增减 against last year beyond 2^53 is exact', () => {
    const m = model(`${HEADER.replace('@年度 2020', '@年度 2020\n@上年 last.bg')}{x = 9007199254740995元}，{x 增减}。\n`, { '/w/last.bg': '@年度 2019\n\n{x = 9007199254740993元}\n' });
    assert.deepEqual(codes(m), []);
    assert.match(render(m, 'txt', {}), /增加2元/);
  });

  it('results of 10^21 or more are BG251, never "Infinity件"; 3 × 4×10^15 is exact', () => {
    const m = model(`${HEADER}{a = 1000000000000件}{b = a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a}{c = 4000000000000000件}{d = c + c + c}{e = 999999999999999999999件}{f = e + 1件}\n`);
    assert.deepEqual(codes(m), ['BG251', 'BG251']);
    assert.match(m.diagnostics[0]!.message, /超过 10²¹/);
    const text = render(m, 'txt', {});
    assert.doesNotMatch(text, /Infinity|NaN|e\+/);
    assert.match(text.replace(/\s/g, ''), /12000000000000000件999999999999999999999件/);
  });

  it('numbers up to 15 significant digits and safe integers compute as before', () => {
    const m = model(`${HEADER}{a = 9007199254740991元}{b = 123456789.123456元}{c = b + 1元}\n`);
    assert.deepEqual(codes(m), []);
    assert.match(render(m, 'txt', {}), /9007199254740991元123456789\.123456元123456790\.12元/);
  });
});

describe('reading stays in the workspace', () => {
  let root: string;
  let work: string;
  const analyze = (text: string, roots = [work]) => new LanguageService(new FileSystemWorkspace({ roots })).analyze(toCorePath(path.join(work, 'r.bg')), HEADER + text);

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'baogao-confine-'));
    work = path.join(root, 'work');
    mkdirSync(path.join(work, 'snippets'), { recursive: true });
    writeFileSync(path.join(root, 'secret.bg'), '@年度 2019\n\n{调处 = 1起}\n');
    writeFileSync(path.join(work, 'last.bg'), '@年度 2019\n\n{调处 = 100起}\n');
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(path.join(root, 'outside', '机密.bg'), '@片段 机密\n\n机密内容。\n');
    symlinkSync(path.join(root, 'outside'), path.join(work, 'linked'));
    symlinkSync(path.join(root, 'secret.bg'), path.join(work, 'link-to-secret.bg'));
  });

  it('@上年 ../secret.bg is refused with BG902 and no value from it is printed', () => {
    const m = analyze('@上年 ../secret.bg\n\n{调处 = 5起}，{调处 增减}。\n');
    const d = m.diagnostics.find((x) => x.code === 'BG902');
    assert.ok(d, codes(m).join());
    assert.match(d.message, /在工作区之外/);
    assert.equal(m.previous, undefined);
  });

  it('a symlink inside the workspace pointing outside is refused (realpath)', () => {
    const m = analyze('@上年 link-to-secret.bg\n\n{调处 = 5起}\n');
    assert.ok(codes(m).includes('BG902'), codes(m).join());
  });

  it('@上年 inside the workspace still works', () => {
    const m = analyze('@上年 last.bg\n\n{调处 = 150起}，{调处 增减}。\n');
    assert.ok(m.previous);
    assert.match(render(m, 'txt', {}), /增加50起/);
  });

  it('@上年 /dev/stdin, /dev/zero and a FIFO end at once with a diagnostic', () => {
    const fifo = path.join(work, 'fifo.bg');
    execFileSync('mkfifo', [fifo]);
    for (const target of ['/dev/stdin', '/dev/zero', fifo]) {
      const started = Date.now();
      const m = analyze(`@上年 ${target}\n`, [work, '/dev']);
      assert.ok(Date.now() - started < 2000);
      assert.ok(codes(m).some((c) => c === 'BG902' || c === 'BG106'), `${target}: ${codes(m).join()}`);
    }
  });

  it('a snippet folder symlinked outside the workspace is not followed', () => {
    const m = analyze('@引用 机密\n', [work]);
    assert.ok(codes(m).includes('BG301'), codes(m).join());
    const service = new LanguageService(new FileSystemWorkspace({ roots: [work] }), { snippetFolders: ['linked'], severities: new Map(), checks: new LanguageService(new FileSystemWorkspace()).settings.checks });
    const linked = service.analyze(toCorePath(path.join(work, 'r.bg')), `${HEADER}@引用 机密\n`);
    assert.ok(codes(linked).includes('BG301'), 'the symlinked folder resolves outside: not read');
  });

  it('@模板 ../x does not load a template outside the template folders (BG902), nor one symlinked out', () => {
    const folder = path.join(work, 'templates');
    mkdirSync(path.join(folder, 'own', 'txt'), { recursive: true });
    mkdirSync(path.join(root, 'evil', 'txt'), { recursive: true });
    writeFileSync(path.join(root, 'evil', 'txt', 'report.hbs'), 'EVIL');
    symlinkSync(path.join(root, 'evil'), path.join(folder, 'linkout'));
    writeFileSync(path.join(folder, 'own', 'txt', 'report.hbs'), 'OWN');
    for (const name of ['../../evil', 'linkout']) {
      const m = analyze(`@模板 ${name}\n\n正文。\n`);
      assert.doesNotMatch(render(m, 'txt', { templateFolders: [folder] }), /EVIL/, name);
    }
    assert.ok(codes(analyze('@模板 ../../evil\n')).includes('BG902'));
    assert.match(render(analyze('@模板 own\n'), 'txt', { templateFolders: [folder] }), /^OWN\n?$/);
  });
});

describe('Markdown output', () => {
  it('puts @机关 and @日期 into its HTML signature escaped, never raw', () => {
    const m = model('@标题 测试\n@年度 2020\n@机关 某镇<script>alert(1)</script>&政府\n@日期 2021-01-13\n\n正文。\n');
    const md = render(m, 'md', {});
    assert.doesNotMatch(md, /<script>/);
    assert.match(md, /<p align="right">某镇&lt;script&gt;alert\(1\)&lt;\/script&gt;&amp;政府<br>/);
  });
});

describe('document size bound (BG905)', () => {
  const PARAGRAPH = '本年度共调处矛盾纠纷{调处 = 150起}，依法行政工作扎实推进。\n\n';
  const over = HEADER + PARAGRAPH.repeat(Math.ceil(MAX_DOCUMENT_BYTES / Buffer.byteLength(PARAGRAPH)) + 1);

  it('a document beyond 10 MB is not analysed: one BG905, quickly, whatever the checks', () => {
    assert.ok(Buffer.byteLength(over) > MAX_DOCUMENT_BYTES);
    const started = Date.now();
    const m = model(over);
    assert.ok(m.notAnalysed);
    assert.deepEqual(checkReport(m).map((d) => d.code), ['BG905']);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.match(m.diagnostics[0]!.message, /文档有 10(\.\d)? MB，超过上限 10 MB/);
  });

  it('measures UTF-8 bytes as saved: a text of 4 million Chinese characters (12 MB) is beyond, 3 MB is within', () => {
    assert.match(documentSizeProblem('法'.repeat(4_000_000)) ?? '', /11\.4 MB/);
    assert.equal(documentSizeProblem('法'.repeat(1_000_000)), undefined);
    assert.equal(documentSizeProblem('a'.repeat(MAX_DOCUMENT_BYTES)), undefined);
    assert.ok(documentSizeProblem('a'.repeat(MAX_DOCUMENT_BYTES + 1)));
  });

  it('a document of more than 200,000 lines is not analysed either: 10 MB of line breaks is one BG905 (was: 16 s and 2 GB)', () => {
    assert.match(documentSizeProblem('\n'.repeat(MAX_DOCUMENT_LINES + 1)) ?? '', /^文档超过 20 万行的上限/);
    assert.match(documentSizeProblem('\r'.repeat(MAX_DOCUMENT_LINES + 1)) ?? '', /^文档超过 20 万行的上限/);
    assert.equal(documentSizeProblem('\r\n'.repeat(MAX_DOCUMENT_LINES - 1)), undefined);
    assert.equal(documentSizeProblem(`${'正文。'.repeat(10)}\n`.repeat(100_000)), undefined);
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-lines-'));
    writeFileSync(path.join(dir, 'lines.bg'), '\n'.repeat(MAX_DOCUMENT_BYTES - 1));
    const check = spawnSync(process.execPath, ['--max-old-space-size=300', path.join(ROOT, 'dist', 'cli.cjs'), 'check', path.join(dir, 'lines.bg')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /^.*lines\.bg:1:1: error BG905 文档超过 20 万行的上限[^\n]*\n$/);
  });

  it('the command: check reports BG905 for the file (exit 1), render refuses it with the reason (exit 2)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-size-'));
    const file = path.join(dir, 'huge.bg');
    writeFileSync(file, over);
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), ...args], { encoding: 'utf8', timeout: 30_000 });
    const check = cli('check', file);
    assert.equal(check.status, 1);
    assert.match(check.stdout, /huge\.bg:1:1: error BG905 文档有 10(\.\d)? MB，超过上限 10 MB/);
    const rendered = cli('render', file);
    assert.equal(rendered.status, 2);
    assert.match(rendered.stderr, /超过上限 10 MB.*（BG905）/);
  });
});

describe('long lines of amounts are read in linear time', function () {
  this.timeout(60_000);
  const rates = '共调处纠纷150起，调解成功147起，调解成功率98%，'.repeat(20_000);

  it('a line of 60,000 amounts is checked in seconds (was: minutes, every amount re-read the sentence before it)', () => {
    const started = Date.now();
    const found = checkReport(model(`${HEADER}# 一\n\n${rates}。\n`));
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    // Every group's rate is read against its own counts (147 ÷ 150 = 98 %): nothing is found wrong but
    // the missing @类型.
    assert.deepEqual(found.map((d) => d.code), ['BG408']);
  });

  it('and so is the same line as unmarked prose (import, checks on plain text)', () => {
    const started = Date.now();
    const sentences = analyseText(rates);
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    assert.equal(sentences.length, 1);
    assert.equal(sentences[0]!.sentence.length, 60_000);
    assert.equal(sentences[0]!.rates.length, 20_000);
    assert.ok(sentences[0]!.rates.every((r) => r.kind === 'counts'));
  });
});

describe('documents that are not text (BG908)', function () {
  this.timeout(60_000);
  /** Bytes of a seeded generator (the same every run): what a binary file is to a decoder. */
  const randomBytes = (length: number) => {
    const bytes = Buffer.alloc(length);
    let seed = 12345;
    for (let i = 0; i < length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    return bytes;
  };
  const asUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

  it('random bytes, a .docx, a PDF, a PNG, UTF-16 without its mark, GBK read as UTF-8: one BG908 each, nothing analysed', () => {
    // “本机构的法治工作” in GBK, opened as UTF-8 (an editor's default): mostly “\ufffd”.
    const gbkAsUtf8 = asUtf8(Buffer.from('b1bebbfab9b9b5c4b7a8d6ceb9a4d7f7'.repeat(50), 'hex'));
    const texts: Record<string, string> = {
      random: asUtf8(randomBytes(200_000)),
      docx: `PK\u0003\u0004\u0014\u0000\u0006\u0000${HEADER}`,
      pdf: `%PDF-1.7\n${HEADER}`,
      png: asUtf8(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(HEADER)])),
      utf16: asUtf8(Buffer.from(HEADER.replace(/[^\x00-\x7f]/g, 'x').repeat(5), 'utf16le')),
      gbkAsUtf8,
    };
    for (const [name, text] of Object.entries(texts)) {
      const m = model(text);
      assert.ok(m.notAnalysed, name);
      assert.deepEqual(checkReport(m).map((d) => d.code), ['BG908'], name);
      assert.match(m.diagnostics[0]!.message, /这不是报告的文本/, name);
    }
    assert.match(model(texts.docx!).diagnostics[0]!.message, /Word/);
    assert.match(model(texts.gbkAsUtf8).diagnostics[0]!.message, /无法解码.*GB18030/);
  });

  it('a report with a stray NUL or a few “\ufffd” is analysed as usual (the checks point at them)', () => {
    const text = `${HEADER}# 一\n\n本年度共调处\u0000纠纷{调处 = 150起}，办结\ufffd\ufffd率100%。\n`;
    const m = model(text);
    assert.equal(m.notAnalysed, undefined);
    assert.ok(!checkReport(m).some((d) => d.code === 'BG908'));
  });

  it('the command: a 5 MB binary file is one BG908 line, in a small heap (was: 1.7 GB and 18 s)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-binary-'));
    const file = path.join(dir, 'random.bg');
    writeFileSync(file, randomBytes(5_000_000));
    const check = spawnSync(process.execPath, ['--max-old-space-size=200', path.join(ROOT, 'dist', 'cli.cjs'), 'check', file], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /^.*random\.bg:1:1: error BG908 这不是报告的文本[^\n]*\n$/);
    const text = path.join(dir, 'random.txt');
    writeFileSync(text, randomBytes(100_000));
    const imported = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'import', text], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(imported.status, 2);
    assert.match(imported.stderr, /不导入.*这不是报告的文本.*（BG908）/);
  });
});

describe('findings of one code are bounded per file (perCodeBound.ts)', function () {
  this.timeout(60_000);
  it('a line of 200,000 “〔”: the first 500 and one summary with the count (was: 200,000 lines), none when the code is off', () => {
    const line = '〔'.repeat(200_000);
    const found = checkReport(model(`${HEADER}# 一\n\n${line}\n`)).filter((d) => d.code === 'BG602');
    assert.equal(found.length, 501);
    assert.deepEqual(found.slice(0, 500).map((d) => d.message), Array(500).fill('“〔”没有对应的“〕”：请补上“〕”或删去“〔”。'));
    assert.match(found[500]!.message, /^此处起还有 199500 处同样的问题（BG602）未逐一列出/);
    assert.equal(found[500]!.start, found[499]!.start + 1);
    assert.deepEqual(checkReport(model(`${HEADER}@检查 BG602=关\n# 一\n\n${line}\n`)).filter((d) => d.code === 'BG602'), []);
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-many-'));
    writeFileSync(path.join(dir, 'many.bg'), `${HEADER}# 一\n\n${line}\n`);
    const check = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'check', path.join(dir, 'many.bg')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(check.status, 1);
    assert.equal(check.stdout.split('\n').filter((l) => l.includes(' BG602 ')).length, 501);
  });
});
