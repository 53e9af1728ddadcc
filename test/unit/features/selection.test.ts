// Smart select (selection ranges), in process on cursor-marked fixtures.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { selectionRanges } from '../../../server/language/features/selection.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { fuzzSettings } from '../../helpers.js';
import { fixture, HEAD } from './fixture.js';

const texts = (f: { text: string }, ranges: ReadonlyArray<{ start: number; end: number }>) => ranges.map((r) => f.text.slice(r.start, r.end));

describe('feature: smart select', () => {
  it('grows from a figure’s name to the figure, the clause, the sentence, the paragraph, the sections and the report', () => {
    const f = fixture(`${HEAD}# 一、举措\n## 调解\n　　全年共调处矛盾纠纷{调‸处 = 150起}，成功{成功 = 147起}。调解成功率98%。\n\n## 普法\n开展普法活动。\n`);
    const chain = texts(f, selectionRanges(f.model, [f.offset])[0]!);
    assert.deepEqual(chain.slice(0, 5), [
      '调处',
      '调处 = 150起',
      '{调处 = 150起}',
      '全年共调处矛盾纠纷{调处 = 150起}',
      '全年共调处矛盾纠纷{调处 = 150起}，成功{成功 = 147起}。',
    ]);
    assert.equal(chain[5], '全年共调处矛盾纠纷{调处 = 150起}，成功{成功 = 147起}。调解成功率98%。', 'the line’s text, its indent left out');
    assert.ok(chain.includes(`## 调解\n　　全年共调处矛盾纠纷{调处 = 150起}，成功{成功 = 147起}。调解成功率98%。`), 'the section');
    assert.ok(chain.some((c) => c.startsWith('# 一、举措') && c.endsWith('开展普法活动。')), 'the enclosing section');
    assert.equal(chain[chain.length - 1], f.text, 'the report last');
  });

  it('never ends a clause inside a citation or a figure, and keeps closing quotes with their sentence', () => {
    const f = fixture(`${HEAD}# 一\n学习《中华人民共和国行政处罚法（2021年修订）》，提高‸认识。他说：“依法办事。”随后散会。\n`);
    const chain = texts(f, selectionRanges(f.model, [f.offset])[0]!);
    assert.equal(chain[0], '提高认识');
    assert.equal(chain[1], '学习《中华人民共和国行政处罚法（2021年修订）》，提高认识。');
    const quote = fixture(`${HEAD}# 一\n他说：“依法办‸事。”随后散会。\n`);
    assert.ok(texts(quote, selectionRanges(quote.model, [quote.offset])[0]!).includes('他说：“依法办事。”'));
    const inTitle = fixture(`${HEAD}# 一\n学习《中华人民共和国行政‸处罚法》。\n`);
    assert.deepEqual(texts(inTitle, selectionRanges(inTitle.model, [inTitle.offset])[0]!).slice(0, 2), ['中华人民共和国行政处罚法', '《中华人民共和国行政处罚法》']);
  });

  it('selects a list item, then the list; a heading’s text without its label', () => {
    const f = fixture(`${HEAD}# 存在问题 {#不足}\n- 法制力量薄弱‸。\n- 宣传不够。\n`);
    const chain = texts(f, selectionRanges(f.model, [f.offset])[0]!);
    assert.ok(chain.includes('- 法制力量薄弱。'), JSON.stringify(chain));
    assert.ok(chain.includes('- 法制力量薄弱。\n- 宣传不够。'), JSON.stringify(chain));
    const heading = fixture(`${HEAD}# 存在‸问题 {#不足}\n正文。\n`);
    assert.equal(texts(heading, selectionRanges(heading.model, [heading.offset])[0]!)[0], '存在问题');
  });

  it('gives, anywhere in any text, ranges that each contain the one before, from the cursor to the whole text', () => {
    const piece = fc.constantFrom('# 甲', '## 乙', '- 项', '正文', '，', '。', '“', '”', '{调处 = 1起}', '{调处', '《法》', '《', '\n', '\n\n', '@引用 调解', '　', ' ', '\r\n', '{#标}');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), (pieces, n) => {
      const text = `${HEAD}${pieces.join('')}`;
      const model = new LanguageService(new MemoryWorkspace({})).analyze('/w/r.bg', text);
      const at = n % (text.length + 1);
      const chain = selectionRanges(model, [at])[0]!;
      assert.ok(chain.length > 0);
      assert.ok(chain[0]!.start <= at && at <= chain[0]!.end, 'the first range holds the cursor');
      for (let i = 1; i < chain.length; i++) {
        const [inner, outer] = [chain[i - 1]!, chain[i]!];
        assert.ok(outer.start <= inner.start && inner.end <= outer.end && (outer.start < inner.start || inner.end < outer.end), JSON.stringify(chain));
      }
      assert.deepEqual(chain[chain.length - 1], { start: 0, end: text.length });
    }), fuzzSettings(1000));
  });
});
