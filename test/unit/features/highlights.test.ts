// Document highlights, in process on cursor-marked fixtures.
import assert from 'node:assert/strict';
import { documentHighlights } from '../../../server/language/features/highlights.js';
import { fixture, HEAD } from './fixture.js';

describe('feature: document highlights', () => {
  it('lights a figure’s definition as written and its uses and operands as read', () => {
    const f = fixture(`${HEAD}# 一\n共{调‸处 = 150起}，成功{成功 = 147起}，成功率{率 = 成功/调处 %}。其中{调处}起。\n`);
    const lit = documentHighlights(f.model, f.offset).map((h) => [f.text.slice(h.start, h.end), h.kind, h.start]);
    assert.deepEqual(lit.map(([t, k]) => [t, k]), [['调处', 'write'], ['调处', 'read'], ['调处', 'read']]);
  });

  it('lights a header value with its {年度} uses, a label, a snippet’s @引用 lines and a title cited again', () => {
    const year = fixture(`${HEAD}# 一\n{年‸度}年，全镇……{年度}年底。\n`);
    const lit = documentHighlights(year.model, year.offset).map((h) => [year.text.slice(h.start, h.end), h.kind]);
    assert.deepEqual(lit, [['2020', 'write'], ['年度', 'read'], ['年度', 'read']]);
    const cited = fixture(`${HEAD}# 一\n学习《宪‸法》和《民法典》，宣传《宪法》。\n`);
    assert.deepEqual(documentHighlights(cited.model, cited.offset).map((h) => cited.text.slice(h.start, h.end)), ['《宪法》', '《宪法》']);
    const include = fixture(`${HEAD}# 一\n@引用 调‸解\n正文。\n@引用 调解\n`, { '/w/snippets/调解.bg': '@片段 调解\n正文。\n' });
    assert.deepEqual(documentHighlights(include.model, include.offset).map((h) => h.kind), ['text', 'text']);
    const plain = fixture(`${HEAD}# 一\n正‸文。\n`);
    assert.deepEqual(documentHighlights(plain.model, plain.offset), []);
  });
});
