// Property tests (fast-check) of the promises the product makes: parsing never fails and covers the
// text; rendering keeps every Chinese character of the prose (a Word export read back by the Word reader
// too); formatting is idempotent; `--fix` twice
// changes nothing the second time (hostile workspaces: workspaceProperties.test.ts).
// BAOGAO_FUZZ_RUNS sets the cases per property (1,000 in `npm test`; `npm run test:fuzz` runs 100,000).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '../../../grammar/index.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { formatText } from '../../../server/language/features/formatting.js';
import { fixUntilStable } from '../../../server/language/fixes.js';
import { render } from '../../../templates/render.js';
import { renderDocx } from '../../../templates/docx/writeDocx.js';
import { readWordParagraphs } from '../../../server/node/word/document.js';
import { counted, cjkKeptInOrder, fuzzRuns, fuzzSettings, model } from '../../helpers.js';

export const RUNS = fuzzRuns();
const settings = fuzzSettings();

const HAN = [...'法治政府建设年度报告推进依法行政工作全面落实责任制度规范执法监督调解案件桂圩镇人民'];
const MARKUP = [...'{}｛｝《》#＃@＠=＝:：%％_-－*+/÷×1234567890. \n\r\\“”，。、（）()\t　起件名同比约多余'];
/** Text that looks like the language: markup characters, Chinese, and anything else now and then. */
const markupText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...MARKUP, ...HAN), maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\ud800', '\udc00', '\0', '\r\n', '\r', '\u2028', '{', '《', '@引用 ', '# '), maxLength: 40 }) },
);

const cjk = fc.string({ unit: fc.constantFrom(...HAN), minLength: 1, maxLength: 30 });
const figureName = fc.string({ unit: fc.constantFrom(...'甲乙丙丁戊'), minLength: 1, maxLength: 2 });
/** A report of headings and paragraphs of Chinese prose with figures; `prose` is every prose piece. */
const report = fc
  .array(
    fc.oneof(
      fc.record({ kind: fc.constant('heading' as const), level: fc.integer({ min: 1, max: 4 }), text: cjk }),
      fc.record({ kind: fc.constant('paragraph' as const), text: cjk, figure: fc.option(fc.tuple(figureName, fc.integer({ min: 0, max: 100000 }), fc.constantFrom('起', '件', '名', '%'))), tail: fc.option(cjk) }),
      fc.record({ kind: fc.constant('list' as const), items: fc.array(cjk, { minLength: 1, maxLength: 3 }) }),
    ),
    { maxLength: 12 },
  )
  .map((blocks) => {
    const prose: string[] = [];
    const lines = ['@标题 某镇2020年度法治政府建设情况报告', '@机关 某镇人民政府', '@年度 2020', '@日期 2021-01-13', ''];
    for (const b of blocks) {
      if (b.kind === 'heading') lines.push(`${'#'.repeat(b.level)} ${b.text}`, '');
      else if (b.kind === 'list') lines.push(...b.items.map((item) => `- ${item}`), '');
      else {
        const figure = b.figure ? `{${b.figure[0]} = ${b.figure[1]}${b.figure[2]}}` : '';
        lines.push(`${b.text}${figure}${b.tail ?? ''}`, '');
      }
      prose.push(...(b.kind === 'list' ? b.items : [b.text, b.kind === 'paragraph' ? (b.tail ?? '') : '']));
    }
    return { text: lines.join('\n'), prose: prose.join('') };
  });

describe('cases found by the properties', () => {
  it('an unclosed figure keeps its "=" (found: "{件=" lost the "=" from its line and from the rendering)', () => {
    assert.deepEqual(parse('{件=').document.lines.map((l) => [l.start, l.end]), [[0, 3]]);
    assert.match(render(model('正文{件='), 'txt', {}), /正文\{件=\n/);
  });

  it('a figure whose formula breaks off before another figure keeps its text (found by test:fuzz: "{法＝－{" lost "{法＝－")', () => {
    for (const text of ['{法＝－{', '正文{法=-{其后', '- {调处=-{', '《条例{法=-{》']) {
      const { document, diagnostics } = parse(text);
      assert.deepEqual(document.lines.map((l) => [l.start, l.end]), [[0, text.length]], JSON.stringify(text));
      assert.ok(diagnostics.some((d) => d.code === 'BG009'), JSON.stringify(text));
    }
    assert.match(render(model('正文{法=-{其后'), 'txt', {}), /正文\{法=-\{其后/);
  });

  it('an open label with prose after it keeps the prose (found: "# {# @引用 \\ud800" lost its last characters)', () => {
    for (const text of ['# {# @引用 \ud800', '# 标题 {#举措 多余']) {
      const { document } = parse(text);
      assert.deepEqual(document.lines.map((l) => [l.start, l.end]), [[0, text.length]], JSON.stringify(text));
    }
    assert.match(render(model('# 标题 {#举措 多余文字'), 'txt', {}), /多余文字/);
  });
});

describe(`properties (${RUNS} cases each)`, function () {
  this.timeout(0);

  // Between lines only line breaks, and the spaces a figure skips at a line's end (`{# `): no prose.
  it('parse never throws, and its lines tile the text (nothing dropped between them)', () => {
    fc.assert(
      fc.property(markupText, counted('parse', (text) => {
        const { document } = parse(text);
        let offset = 0;
        for (const line of document.lines) {
          assert.ok(line.start >= offset && line.end >= line.start && line.end <= text.length);
          assert.match(text.slice(offset, line.start), /^[\r\n \t\u3000]*$/, 'only line breaks between lines');
          offset = line.end;
        }
        assert.match(text.slice(offset), /^[\r\n \t\u3000]*$/, 'only line breaks after the last line');
      })),
      settings,
    );
  });

  it('render keeps every Chinese character of the prose, in order, in every format', () => {
    fc.assert(
      fc.property(report, fc.constantFrom('txt', 'md', 'html') as fc.Arbitrary<'txt' | 'md' | 'html'>, counted('render', ({ text, prose }, format) => {
        const output = render(model(text), format, {});
        const { kept, total } = cjkKeptInOrder(prose, output);
        assert.equal(kept, total, `${total - kept} characters lost from ${JSON.stringify(text)}`);
      })),
      settings,
    );
  });

  it('a report exported to Word and read back by the Word reader keeps every Chinese character of the prose, in order', async () => {
    await fc.assert(
      fc.asyncProperty(report, async ({ text, prose }) => {
        const docx = await renderDocx(model(text));
        const back = (await readWordParagraphs(docx)).map((p) => p.text).join('\n');
        const { kept, total } = cjkKeptInOrder(prose, back);
        assert.equal(kept, total, `${total - kept} characters lost from ${JSON.stringify(text)}`);
      }),
      fuzzSettings(50),
    );
  });

  it('formatting is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(markupText, report.map((r) => r.text)), counted('format', (text) => {
        const once = formatText(text);
        assert.equal(formatText(once), once);
      })),
      settings,
    );
  });

  it('--fix twice changes nothing the second time', () => {
    const diagnose = (text: string) => {
      const m = model(text);
      return checkReport(m);
    };
    fc.assert(
      fc.property(fc.oneof(markupText, report.map((r) => r.text.replace(/。/g, '.').replace(/，/g, ','))), counted('fix', (text) => {
        const once = fixUntilStable(text, diagnose, '/w/report.bg').text;
        assert.equal(fixUntilStable(once, diagnose, '/w/report.bg').applied.length, 0);
      })),
      settings,
    );
  });
});
