// Property test: analysing a report edit by edit (incremental parse, cached per-block results) gives
// exactly what analysing each text from scratch gives — over random edit sequences with surrogates,
// CRLF, lone CR, NUL, figures, citations, directives, and several changes at once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse, reparse, type IncrementalParse, type ParseResult } from '../../../grammar/index.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { useBlockCache } from '../../../server/language/checks/blockCache.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
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
  '1. ', '- ', '\\', '\\{', '\u0000', '😀', '\ud83d', '\ude00', '//注释', '"', '“', '”', '_', ':', '约', '同比', '大歇镇', '法制政府',
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

  it('diagnostics and rendering of a warm service after every edit equal those of a fresh one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(step, { minLength: 1, maxLength: FUZZ_MODE ? 2 : 8 }), counted('incremental service', (seed, steps) => {
        const files = { '/r/snippets/法律顾问制度.bg': sample('guiwei-2020').slice(0, 0) + readFileSync(path.join(ROOT, 'samples', 'snippets', '法律顾问制度.bg'), 'utf8') };
        const warm = new LanguageService(new MemoryWorkspace(files));
        let text = seed;
        for (const changes of [[], ...steps]) {
          text = apply(text, changes);
          const incremental = warm.analyze('/r/report.bg', text);
          const remembered = checkReport(incremental);
          const fresh = new LanguageService(new MemoryWorkspace(files)).analyze('/r/report.bg', text);
          useBlockCache(false);
          try {
            assert.deepStrictEqual(remembered, checkReport(fresh));
          } finally {
            useBlockCache(true);
          }
          assert.equal(render(incremental, 'txt'), render(fresh, 'txt'));
        }
      })),
      fuzzSettings(30),
    );
  });
});
