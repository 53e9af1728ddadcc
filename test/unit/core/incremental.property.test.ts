// Property test: analysing a report edit by edit (incremental parse, the service's remembered analysis,
// cached per-block results) gives exactly what analysing each text from scratch gives — over random edit
// sequences with surrogates, CRLF, lone CR, NUL, figures, citations, directives, @引用 and several changes
// at once. BAOGAO_FUZZ_RUNS sets the cases of the main property (1,000 in `npm test`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LineIndex, parse, reparse, type IncrementalParse, type ParseResult } from '../../../grammar/index.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { useBlockCache } from '../../../server/language/checks/blockCache.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace, ParseCache } from '../../../server/language/workspace.js';
import { countsOf } from '../../../server/language/documentSize.js';
import type { ReportModel, Scope, Section } from '../../../server/language/model.js';
import { render } from '../../../templates/render.js';
import { counted, FUZZ_MODE, fuzzRuns, fuzzSettings } from '../../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const sample = (name: string) => readFileSync(path.join(ROOT, 'samples', `${name}.bg`), 'utf8');
const SEEDS = ['', sample('guiwei-2020'), sample('beiping-2020').slice(0, 2500), sample('guiwei-2020').replace(/\n/g, '\r\n')];
// The long mode (`npm run test:fuzz`, 100,000 cases) edits shorter texts in shorter sequences, so that it
// ends in minutes: the same pieces and changes, on a report's opening with a heading, figures and a snippet.
const OPENING = `${sample('guiwei-2020').replace(/^\/\/.*\n/gm, '').slice(0, 500)}\n@引用 法律顾问制度\n`;
const FUZZ_SEEDS = ['', OPENING, OPENING.replace(/\n/g, '\r\n')];
const seeds = FUZZ_MODE ? FUZZ_SEEDS : SEEDS;

const PIECES = [
  '{', '}', '｛', '｝', '{调处}', '{新 = 12件}', '{率 = 新/调处 %}', '{率 = 98% : _/调处}', '{a = (1', '{#不足}', '{调处 同比}',
  '\n', '\r\n', '\r', '\n\n', '# ', '## 标题', '#### ', '##### 深', '@引用 法律顾问制度', '@指标 a = 1件', '@检查 BG601=关', '@年度 2021', '@',
  '@类型 工作总结', '《', '》', '《法治政府建设实施纲要（2015-2020年）》', '，', ',', '。', '（', '）', '调解', '=', ' ', '　', '%', '1', '2020年',
  '1. ', '- ', '\n# 一级\n', '\n## 二级 {#举措}\n', '\n@引用 人民调解\n', '\n@引用 不存在\n', '@指标 调处 = 1起\n', '{调处 同比}', '{年度}', '{待 = ？ 上年150起}', '{率 = ？ 上年81.48% : 持证/应领证}', '？', '\\', '\\{', '\u0000', '😀', '\ud83d', '\ude00', '//注释', '"', '“', '”', '_', ':', '约', '同比', '大歇镇', '法制政府',
];

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join('')) });
/** One version: one or more changes applied together (as one didChange with several content changes). */
const step = fc.array(edit, { minLength: 1, maxLength: 3 });

function apply(text: string, changes: Array<{ at: number; remove: number; insert: string }>): string {
  let out = text;
  for (const c of changes) {
    const start = Math.floor(c.at * out.length);
    out = out.slice(0, start) + c.insert + out.slice(Math.min(out.length, start + c.remove));
  }
  return out;
}

const plain = (r: ParseResult): ParseResult => ({ document: r.document, diagnostics: r.diagnostics });

describe(`incremental analysis equals full analysis (${fuzzRuns(100)} and ${fuzzRuns(30)} cases)`, function () {
  this.timeout(FUZZ_MODE ? 0 : 300_000);
  it('reparse after every edit equals parse of the new text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(step, { minLength: 1, maxLength: FUZZ_MODE ? 6 : 25 }), counted('incremental parse', (seed, steps) => {
        let text = seed;
        let state: IncrementalParse = reparse(undefined, text);
        assert.deepStrictEqual(plain(state), parse(text));
        for (const changes of steps) {
          text = apply(text, changes);
          state = reparse(state, text);
          assert.deepStrictEqual(plain(state), parse(text));
        }
      })),
      fuzzSettings(100),
    );
  });

  it('the model, diagnostics and rendering of a warm service after every edit equal those of a fresh one', () => {
    const files = { '/r/snippets/法律顾问制度.bg': readFileSync(path.join(ROOT, 'samples', 'snippets', '法律顾问制度.bg'), 'utf8') };
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(step, { minLength: 1, maxLength: FUZZ_MODE ? 2 : 8 }), counted('incremental service', (seed, steps) => warmEqualsFresh(files, seed, steps))),
      fuzzSettings(30),
    );
  });
});

/** Small reports with what the service must keep track of: snippets, @上年, header figures, sections. */
const SNIPPETS = Object.fromEntries(['人民调解', '法律顾问制度'].map((name) => [`/r/snippets/${name}.bg`, readFileSync(path.join(ROOT, 'samples', 'snippets', `${name}.bg`), 'utf8')]));
const WORKSPACE = { ...SNIPPETS, '/r/guiwei-2020.bg': sample('guiwei-2020').slice(0, 700) };
const next = sample('guiwei-2021');
const SMALL_SEEDS = [
  '',
  next.slice(next.indexOf('@标题'), next.indexOf('@标题') + 500),
  next.slice(next.indexOf('@指标'), next.indexOf('@指标') + 400).replace(/\n/g, '\r\n'),
  sample('beiping-2020').slice(0, 500),
  '@年度 2020\n\n# 一\n甲{a = 3件}乙。\n\n## 二\n- {b = a * 2件}\n- 丙\n\n1. 丁\n2. 戊',
];

// Regrouping (grammar/blocks.ts) keeps the blocks on the lines before an edit and resumes at the last of
// them: an edit that continues it, or a list attached to the paragraph before it, must group as a fresh parse.
describe('reparse regroups from the last block before the edit', () => {
  const cases: Array<[string, string, string]> = [
    ['an item of a list attached to a paragraph', '# 标\n段落\n- 一\n- 二\n\n段落二\n', '# 标\n段落\n- 一\n- 二三\n\n段落二\n'],
    ['a prose line that continues the last item', '# 标\n段落\n- 一\n- 二\n', '# 标\n段落\n- 一\n- 二\n续\n'],
    ['a numbered list after a bulleted one', '# 标\n段落\n- 一\n1. 二\n', '# 标\n段落\n- 一\n1. 二x\n'],
    ['a paragraph with a comment inside', '# 标\n段落\n//注\n续\n# 二\n', '# 标\n段落\n//注\n续x\n# 二\n'],
    ['a blank line after the last block', '@标题 报告\n# 标\n段落\n', '@标题 报告\n# 标\n段落\n\n'],
  ];
  for (const [what, before, edited] of cases) {
    it(what, () => assert.deepStrictEqual(plain(reparse(reparse(undefined, before), edited)), parse(edited)));
  }
});

/** Cases of the main property, as in test/unit/robust/properties.test.ts. */
const RUNS = Number(process.env.BAOGAO_FUZZ_RUNS ?? 1000);

const place = (scope: Scope) => scope.file.path;
function sectionSummary(s: Section): unknown {
  return { level: s.level, number: s.number, at: s.heading.start, file: place(s.scope), blocks: s.blocks.map((b) => b.block.start), range: [s.startIndex, s.endIndex], children: s.children.map(sectionSummary) };
}
/** What readers of a model use, without its cycles (scopes point to their parents and files). */
function modelSummary(model: ReportModel): unknown {
  const figures = model.figures;
  return {
    header: { ...model.header, values: Object.fromEntries(Object.entries(model.header.values).map(([k, v]) => [k, v && { text: v.text, span: v.span }])) },
    isSnippet: model.isSnippet,
    blocks: model.blocks.map((b) => ({ block: b.block, file: place(b.scope), params: [...b.scope.params], number: b.number, items: b.itemNumbers })),
    sections: model.sections.map(sectionSummary),
    definitions: figures.allDefinitions.map((d) => ({ name: d.name, at: d.node.start, file: place(d.scope), hidden: d.hidden, value: d.value, computed: d.computed, used: d.used })),
    uses: figures.uses.map((u) => ({ name: u.name, at: u.node.start, file: place(u.scope) })),
    includes: model.includes.map((i) => ({ name: i.name, at: i.directive.start, snippet: i.snippet?.path })),
    previous: model.previous?.figures.allDefinitions.map((d) => [d.name, d.value]),
    diagnostics: model.diagnostics,
  };
}

/** Analyses each version with one service (remembering) and with a new one (computing everything). */
function warmEqualsFresh(files: Record<string, string>, seed: string, steps: Array<Array<{ at: number; remove: number; insert: string }>>): void {
  const warm = new LanguageService(new MemoryWorkspace(files));
  let text = seed;
  for (const changes of [[], ...steps]) {
    text = apply(text, changes);
    const incremental = warm.analyze('/r/report.bg', text);
    const remembered = checkReport(incremental);
    useBlockCache(false);
    try {
      const fresh = new LanguageService(new MemoryWorkspace(files)).analyze('/r/report.bg', text);
      assert.deepStrictEqual(remembered, checkReport(fresh));
      // After checking both (checks may look figures up, which marks them used).
      assert.deepStrictEqual(modelSummary(incremental), modelSummary(fresh));
      assert.equal(render(incremental, 'txt'), render(fresh, 'txt'));
      // Lines counted from the parse are those of the text.
      const scanned = new LineIndex(text);
      assert.equal(incremental.file.lineIndex.lineCount, scanned.lineCount);
      for (let i = 0; i <= text.length; i++) assert.deepEqual(incremental.file.lineIndex.positionAt(i), scanned.positionAt(i));
    } finally {
      useBlockCache(true);
    }
  }
}

describe('the remembered analysis equals a fresh one', function () {
  this.timeout(0);
  it(`after every step of random edit sequences (${RUNS} cases): the model, the diagnostics and the rendering`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...SMALL_SEEDS), fc.array(step, { minLength: 1, maxLength: 4 }), counted('remembered analysis', (seed, steps) => warmEqualsFresh(WORKSPACE, seed, steps))),
      fuzzSettings(RUNS),
    );
  });

  it('forget(path) releases the remembered analysis: the next one starts afresh and still agrees', () => {
    const warm = new LanguageService(new MemoryWorkspace(WORKSPACE));
    const first = warm.analyze('/r/report.bg', SMALL_SEEDS[1]!);
    warm.forget('/r/report.bg');
    const again = warm.analyze('/r/report.bg', SMALL_SEEDS[1]!);
    assert.notEqual(again, first);
    assert.deepStrictEqual(modelSummary(again), modelSummary(first));
  });
});

/** A fresh analysis of a long report takes a while (80 ms): the long mode runs a tenth of its cases here. */
const LONG_RUNS = FUZZ_MODE ? Math.ceil(fuzzRuns() / 10) : 12;

// Keystrokes in a long report: most blocks lie before or after each edit, and every check takes its last
// results for them (moved by the edit's length); they must be what a fresh analysis finds.
describe('keystrokes in a long report', function () {
  this.timeout(0);
  const long = `${sample('guiwei-2021')}\n${sample('beiping-2020').replace(/^@[^\n]*\n/gm, '')}\n${sample('guiwei-2020').replace(/^@[^\n]*\n/gm, '')}`;
  const keystroke = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(2), insert: fc.constantFrom('', '，', '。', '年', '2020年', '\n', '\n\n', '{调处}', '{新 = 3件}', '《', '》', '# ', '现将2019年', '率为50%', '，其中') });
  it(`after each of a run of small edits anywhere (${LONG_RUNS} cases): the same diagnostics and model as a fresh analysis`, () => {
    fc.assert(
      fc.property(fc.array(keystroke.map((k) => [k]), { minLength: 2, maxLength: FUZZ_MODE ? 4 : 12 }), counted('keystrokes in a long report', (steps) => warmEqualsFresh(WORKSPACE, long, steps))),
      { ...fuzzSettings(LONG_RUNS), numRuns: LONG_RUNS },
    );
  });
});

/** The diagnostics of the warm service on `text` are those of a fresh one computing everything. */
function warmAgreesWithFresh(warm: LanguageService, text: string): void {
  const remembered = checkReport(warm.analyze('/r/report.bg', text));
  useBlockCache(false);
  try {
    assert.deepStrictEqual(remembered, checkReport(new LanguageService(new MemoryWorkspace({})).analyze('/r/report.bg', text)));
  } finally {
    useBlockCache(true);
  }
}

// Found by the long fuzz run: a line with a broken figure parses differently at the end of the file (kept
// as typed) and before a line break (a figure); the remembered result of one must not serve the other.
describe('remembered block results are keyed by whole lines', () => {
  for (const line of ['{调处 同比}{a = (1', '{a = (1》']) {
    it(`${JSON.stringify(line)} with and without its line break`, () => {
      const warm = new LanguageService(new MemoryWorkspace({}));
      for (const text of [`${line}\n`, line, `${line}\r\n`, line]) warmAgreesWithFresh(warm, text);
    });
  }
});

// What an edit inside one prose line leaves alone (figureReuse.ts, structureMemo.ts): the figures' values
// and the checks across headings are taken from the last version; these edits change the blocks or the
// header all the same, and must be found again.
describe('an edit on one line that changes the blocks or the header is analysed afresh', () => {
  const report = `@标题 报告\n@年度 2021\n\n# 一、主要举措\n\n开展{调处 = 3起}工作。\n\n# 二、存在的不足\n`;
  const withItem = `${report}- 甲\n`;
  const cases: Array<[string, string, string]> = [
    ['typing on the empty last line (a new paragraph under an empty section)', report, `${report}不足之处`],
    ['a prose line that becomes a heading', report, report.replace('开展', '# 开展')],
    ['a prose line emptied (two paragraphs meet)', report, report.replace('开展{调处 = 3起}工作。', '')],
    ['an item that becomes numbered', withItem, withItem.replace('- 甲', '1. 甲')],
    ['a header value', report, report.replace('2021', '2022')],
  ];
  for (const [what, before, edited] of cases) {
    it(what, () => {
      const warm = new LanguageService(new MemoryWorkspace({}));
      warmAgreesWithFresh(warm, before);
      warmAgreesWithFresh(warm, edited);
    });
  }
});

// Findings of one code are bounded per file (perCodeBound.ts), and a block's remembered results alike: the
// first 500 of a code and one summary with the count of the rest, after an edit as in a full analysis.
describe('findings beyond the bound of one code per file', function () {
  this.timeout(0);
  const marks = (n: number) => '〔'.repeat(n);
  const seed = `@标题 报告\n@年度 2021\n\n# 一\n\n${marks(300)}\n\n${marks(450)}，${marks(10)}\n\n# 二\n\n${marks(700)}\n`;
  const piece = fc.constantFrom('〔', '〔〔〔〔〔〔〔〔〔〔', '〕', '\n\n', '\n', '# 三\n', '，', '@检查 BG602=关\n', '（');
  const burst = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(30), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });
  it(`the first 500 and a summary with the exact count, equal to a fresh analysis after random edits (${fuzzRuns(20)} cases)`, () => {
    const found = checkReport(new LanguageService(new MemoryWorkspace({})).analyze('/r/report.bg', seed)).filter((d) => d.code === 'BG602');
    assert.equal(found.length, 501);
    assert.match(found[500]!.message, /^此处起还有 960 处同样的问题（BG602）未逐一列出/);
    assert.equal(found[500]!.fixes, undefined);
    fc.assert(
      fc.property(fc.array(burst.map((b) => [b]), { minLength: 1, maxLength: 5 }), counted('bounded findings', (steps) => {
        const warm = new LanguageService(new MemoryWorkspace({}));
        let text = seed;
        warmAgreesWithFresh(warm, text);
        for (const changes of steps) warmAgreesWithFresh(warm, (text = apply(text, changes)));
      })),
      fuzzSettings(20),
    );
  });
});

// The bounds of a document (documentSize.ts) are decided on counts the parse cache keeps from version to
// version, recounting only what an edit changed: they must be the counts of the whole text.
describe('the counts of the document bounds after an edit equal those of the whole text', () => {
  const piece = fc.constantFrom('\n', '\r', '\r\n', '\u0000', '\ufffd', '\u0001', '\t', '甲', 'a', '😀', '\u001b');
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(8), insert: fc.array(piece, { maxLength: 6 }).map((p) => p.join('')) });
  it(`over random edit sequences (${fuzzRuns(200)} cases)`, () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), fc.array(edit.map((e) => [e]), { minLength: 1, maxLength: 10 }), counted('bound counts', (seed, steps) => {
        const cache = new ParseCache();
        // As analyze asks: the counts, then the parse (counts are kept for the files whose trees are).
        const counts = (file: string, text: string) => {
          const found = cache.countsFor(file, text);
          cache.parse(file, text);
          return found;
        };
        let text = seed;
        assert.deepStrictEqual(counts('/r/a.bg', text), countsOf(text));
        for (const changes of steps) {
          text = apply(text, changes);
          assert.deepStrictEqual(counts('/r/a.bg', text), countsOf(text));
          // Another file in between: each file's counts are its own.
          counts('/r/b.bg', text.slice(1));
        }
      })),
      fuzzSettings(200),
    );
  });
});
