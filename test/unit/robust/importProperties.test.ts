// Property tests of the importer and of the check of unmarked reports (what a reviewer runs on the Word
// files the towns send): on any text that looks like a report as people have it — typed numbers, amounts,
// page furniture, half-width marks, braces and the language's own signs in the prose — importing never
// throws and writes markup that parses without a syntax error (every number a figure, every sign escaped),
// the check places every finding inside the source text, a paste of it is markup too, between lines and
// inside one, and next year's report of the import is made and parses.
// BAOGAO_FUZZ_RUNS sets the cases per property (200 in `npm test`; `npm run test:fuzz` runs many more).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '../../../grammar/index.js';
import { importReport } from '../../../server/language/import/index.js';
import { importFragment } from '../../../server/language/import/fragment.js';
import { nextYearReport } from '../../../server/language/nextYear.js';
import { LanguageService } from '../../../server/language/service.js';
import { checkSourceText } from '../../../server/language/sourceCheck.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { counted, fuzzRuns, fuzzSettings } from '../../helpers.js';

const RUNS = fuzzRuns(200);
const settings = fuzzSettings(200);

/** Pieces of report text as found: prose, amounts, typed numbers, furniture, and the signs the language gives a meaning. */
const PIECE = fc.constantFrom(
  '全面推进依法行政', '调处矛盾纠纷', '成功', '率达', '其中', '共', '同比增长', '桂圩镇人民政府', '2020年度法治政府建设情况报告', '现将有关情况报告如下',
  '150起', '3000余份', '约500人', '98.5%', '100％', '12件', '3名以上', '0.5万元', '2021年1月5日', '2019-2020年', '（2021—2025年）',
  '一、', '（二）', '3.', '1、', '(四)', '第一，', '首先，', '附件：', '抄送：',
  '《中华人民共和国行政处罚法》', '《法治政府建设实施纲要(2015-2020年)》', '〔2021〕33号', '[2016]82号',
  '，', '。', ',', ';', ':', '“', '”', '（', '）', '、', ' ', '\u3000', '\t',
  '{', '}', '｛', '@', '＠', '#', '//', '\\', '=', '%', '_', '*', '`', '<', '>',
  'http://www.example.gov.cn/art/2021/1/5.html', '字号：大 中 小', '发布时间：2021-01-05', '来源：司法局', '打印本页', '[bookmark: _GoBack]',
  '𠀀', '\ufeff', '\u200b', '\ufffd',
);
const LINE_BREAK = fc.constantFrom('\n', '\n', '\n', '\r\n', '\n\n', '\r');
const line = fc.array(PIECE, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
const source = fc.array(fc.tuple(line, LINE_BREAK), { minLength: 1, maxLength: 25 }).map((lines) => lines.map(([l, br]) => l + br).join(''));

describe(`import properties (${RUNS} cases each)`, function () {
  this.timeout(0);

  it('imports any report text as markup that parses without a syntax error', () => {
    fc.assert(
      fc.property(source, counted('import', (text) => {
        const imported = importReport(text);
        const syntax = parse(imported.text).diagnostics.filter((d) => /^BG0/.test(d.code));
        assert.deepEqual(syntax.map((d) => `${d.code} ${d.message}`), [], `imported:\n${imported.text}`);
      })),
      settings,
    );
  });

  it('places every finding of a check of the raw text inside that text', () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    fc.assert(
      fc.property(source, counted('checkSource', (text) => {
        const lines = text.split(/\r\n|\r|\n/);
        const { findings } = checkSourceText(service, '/source/报告.txt.bg', text);
        for (const f of findings) {
          const where = `${f.code} at ${f.line}:${f.column}-${f.endLine}:${f.endColumn} in ${JSON.stringify(text)}`;
          assert.ok(f.line >= 1 && f.line <= lines.length && f.endLine >= f.line && f.endLine <= lines.length, where);
          assert.ok(f.column >= 1 && f.column <= lines[f.line - 1]!.length + 1, where);
          assert.ok(f.endColumn >= 1 && f.endColumn <= lines[f.endLine - 1]!.length + 1, where);
          assert.match(f.message, /[\u4e00-\u9fff]/, where);
        }
      })),
      settings,
    );
  });

  it('pastes any report text as markup that parses without a syntax error, between lines and inside a line', () => {
    const context = { year: 2020, org: '桂圩镇人民政府', takenNames: ['调处'], takenLabels: ['举措'] };
    fc.assert(
      fc.property(source, counted('paste', (text) => {
        const between = importFragment(text, { ...context, inline: false, enclosingLevel: 1 }).text;
        const inside = importFragment(text, { ...context, inline: true }).text;
        for (const [where, written] of [['between lines', `# 一\n\n${between}\n`], ['inside a line', `正文${inside}其后\n`]] as const) {
          const syntax = parse(written).diagnostics.filter((d) => /^BG0/.test(d.code));
          assert.deepEqual(syntax.map((d) => `${d.code} ${d.message}`), [], `${where}:\n${written}`);
        }
      })),
      settings,
    );
  });

  it('makes next year’s report of any imported report: one year on, and it parses without a syntax error', () => {
    fc.assert(
      fc.property(source, counted('next year', (text) => {
        const imported = importReport(text).text;
        const next = nextYearReport(imported, { lastPath: '/reports/2020.bg', nextPath: '/reports/2021.bg', year: 2020 });
        if (!next.ok) {
          assert.match(next.problem, /[\u4e00-\u9fff]/);
          return;
        }
        assert.equal(next.year, (/^@年度 (\d{4})$/m.exec(imported)?.[1] ? Number(/^@年度 (\d{4})$/m.exec(imported)![1]) : 2020) + 1, next.text);
        assert.match(next.text, new RegExp(`^@年度 ${next.year}$`, 'm'));
        const syntax = parse(next.text).diagnostics.filter((d) => /^BG0/.test(d.code));
        assert.deepEqual(syntax.map((d) => `${d.code} ${d.message}`), [], next.text);
      })),
      settings,
    );
  });
});
