// How a report looks in the editor: semantic tokens, folding ranges, document links, inlay hints.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, parse, type HeadingLine } from '../../../grammar/index.js';
import { foldingRanges } from '../../../server/language/features/folding.js';
import { inlayHints } from '../../../server/language/features/inlayHints.js';
import { documentLinks } from '../../../server/language/features/links.js';
import { semanticTokens } from '../../../server/language/features/semanticTokens.js';
import { fuzzSettings } from '../../helpers.js';
import { fixture, HEAD } from './fixture.js';

describe('feature: semantic tokens', () => {
  it('colours directives, headings, labels, figure names, numbers, operators, citations and comments', () => {
    const f = fixture(`// 注释\n${HEAD}# 一 {#举措}\n共{调处 = 150起}，成功率{率 = 调处/调处 %}，《宪法》。\n`);
    const tokens = semanticTokens(f.model.file.document, f.text).map((t) => [f.text.slice(t.start, t.end), t.type, !!t.declaration]);
    for (const expected of [['// 注释', 'comment', false], ['@类型', 'directive', false], ['# ', 'heading', false], ['{#举措}', 'label', false],
      ['调处', 'figure', true], ['150起', 'number', false], ['/', 'operator', false], ['《宪法》', 'citation', false]]) {
      assert.ok(tokens.some((t) => JSON.stringify(t) === JSON.stringify(expected)), `${JSON.stringify(expected)} in ${JSON.stringify(tokens)}`);
    }
  });

  it('gives tokens in order, never overlapping', () => {
    const f = fixture(`${HEAD}# 一\n《纲要（{年度}年）》{率 = -{调处}/2 : _}\n`);
    const tokens = semanticTokens(f.model.file.document, f.text);
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i]!.start >= tokens[i - 1]!.end, JSON.stringify(tokens));
  });
});

describe('feature: folding ranges', () => {
  it('folds sections and runs of comments', () => {
    const f = fixture(`// 一\n// 二\n${HEAD}# 甲\n正文。\n\n正文。\n# 乙\n正文。\n`);
    const folds = foldingRanges(f.model.file.document, f.model.file.lineIndex, f.text);
    assert.ok(folds.some((r) => r.kind === 'comment' && r.startLine === 0 && r.endLine === 1));
    assert.ok(folds.some((r) => r.kind === 'region' && r.startLine === 7), JSON.stringify(folds));
  });

  it('folds each heading to the last non-blank line before the next heading of its level or higher (random outlines)', () => {
    const line = fc.constantFrom('# 甲', '## 乙', '### 丙', '#### 丁', '正文。', '', '   ', '- 项', '// 注', '@引用 调解');
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
      const text = lines.join('\n');
      const { document } = parse(text);
      const index = new LineIndex(text);
      const lineOf = (offset: number) => index.positionAt(offset).line;
      // The definition, written plainly (a search per heading).
      const expected = document.lines.flatMap((h, i) => {
        if (h.kind !== 'heading') return [];
        const next = document.lines.findIndex((o, k) => k > i && o.kind === 'heading' && (o as HeadingLine).level <= h.level);
        const inside = document.lines.slice(i + 1, next < 0 ? undefined : next).filter((l) => l.kind !== 'blank');
        const last = inside[inside.length - 1];
        if (!last) return [];
        const endLine = lineOf(last.start + text.slice(last.start, last.end).trimEnd().length);
        return endLine > lineOf(h.start) ? [[lineOf(h.start), endLine]] : [];
      });
      const regions = foldingRanges(document, index, text).filter((r) => r.kind === 'region');
      const headingRegions = regions.filter((r) => document.lines.some((l) => l.kind === 'heading' && lineOf(l.start) === r.startLine));
      assert.deepEqual(headingRegions.map((r) => [r.startLine, r.endLine]), expected);
    }), fuzzSettings(1000));
  });
});

describe('feature: document links', () => {
  it('links @引用 to its snippet and @上年 to last year’s report', () => {
    const f = fixture(`${HEAD.replace('@日期', '@上年 2019.bg\n@日期')}# 一\n@引用 调解\n`, { '/w/snippets/调解.bg': '@片段 调解\n正文。\n' });
    const links = documentLinks(f.model);
    assert.deepEqual(links.map((l) => [f.text.slice(l.start, l.end), l.path]), [['调解', '/w/snippets/调解.bg'], ['2019.bg', '/w/2019.bg']]);
  });
});

describe('feature: inlay hints', () => {
  it('shows computed values after formulas and numbers before headings', () => {
    const f = fixture(`${HEAD}# 甲\n共{调处 = 150起}，成功{成功 = 147起}，{率 = 成功/调处 %}。\n`);
    const hints = inlayHints(f.model, 0, f.text.length);
    assert.deepEqual(hints.map((h) => [h.label, h.kind]), [['一、', 'number'], ['= 98%', 'value']]);
    assert.deepEqual(inlayHints(f.model, 0, f.text.indexOf('# 甲')), [], 'only hints in the range');
  });
});
