import assert from 'node:assert/strict';
import { complete, type CompletionItem } from '../../../server/language/features/completion.js';
import { fixture, HEAD, type Fixture } from './fixture.js';

const TODAY = new Date(2021, 0, 13);
const at = (f: Fixture): CompletionItem[] => complete(f.service, f.model, f.offset, { today: TODAY, citations: [{ title: '中华人民共和国宪法' }] });
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('feature: completion', () => {
  it('offers directives after @, replacing what was typed', () => {
    const f = fixture('@机‸\n');
    const items = at(f);
    assert.ok(labels(items).includes('机关'));
    assert.deepEqual([items[0]!.start, items[0]!.end], [1, 2]);
  });

  it('offers the kinds after @类型 and dates after @日期', () => {
    assert.ok(labels(at(fixture('@类型 ‸\n'))).includes('法治政府建设年度报告'));
    assert.deepEqual(labels(at(fixture('@年度 ‸\n'))), ['2020', '2021']);
    assert.deepEqual(labels(at(fixture('@日期 ‸\n'))), ['2021-01-13']);
  });

  it('offers figure names and header values inside {, measure words after a number', () => {
    const f = fixture(`${HEAD}# 一\n共{调处 = 150起}，{调‸}\n`);
    const items = at(f);
    assert.ok(items.some((i) => i.label === '调处' && i.kind === 'constant' && i.detail === '150起'));
    assert.ok(items.some((i) => i.label === '年度' && i.kind === 'value'));
    assert.ok(labels(at(fixture(`${HEAD}# 一\n共{调处 = 150‸}\n`))).includes('起'));
  });

  it('offers labels after {#, the standard parts after #, snippets and their parameters after @引用', () => {
    assert.ok(labels(at(fixture(`${HEAD}# 一 {#举措}\n见{#‸}\n`))).includes('举措'));
    assert.ok(labels(at(fixture(`${HEAD}# ‸\n`))).includes('存在的不足和原因'));
    const files = { '/w/snippets/调解.bg': '@片段 调解\n@参数 次数\n\n共{次数}次。\n' };
    const snippet = at(fixture(`${HEAD}@引用 ‸\n`, files));
    assert.ok(snippet.some((i) => i.label === '调解' && i.kind === 'snippet' && i.detail === '参数：次数'));
    const parameter = at(fixture(`${HEAD}@引用 调解 ‸\n`, files));
    assert.deepEqual(parameter.map((i) => i.insertText), ['次数=']);
  });

  it('offers the other reports after @上年, those of last year’s folder or name first, as paths relative to this one', () => {
    const files = { '/w/2020/桂圩镇.bg': '@年度 2020\n', '/w/2020/其他镇.bg': '@年度 2020\n', '/w/2021/草稿.bg': '@年度 2021\n', '/w/2019/桂圩镇.bg': '@年度 2019\n' };
    const f = fixture('@年度 2021\n@上年 ../‸\n\n# 一\n正文。\n', files, '/w/2021/桂圩镇.bg');
    const items = at(f);
    assert.deepEqual(labels(items).slice(0, 2).sort(), ['../2020/其他镇.bg', '../2020/桂圩镇.bg']);
    assert.ok(labels(items).includes('草稿.bg') && labels(items).includes('../2019/桂圩镇.bg'));
    assert.ok(!labels(items).includes('桂圩镇.bg'), 'not the report itself');
    assert.equal(items[0]!.start, f.offset - 3, 'replaces what was typed');
    const alone = fixture('@上年 ‸\n', { '/top.bg': '' }, '/w.bg');
    assert.deepEqual(labels(at(alone)), ['top.bg']);
  });

  it('offers registered titles after 《', () => {
    const items = at(fixture(`${HEAD}# 一\n学习《中华‸\n`));
    assert.deepEqual(items.map((i) => i.insertText), ['中华人民共和国宪法》']);
  });

  it('offers nothing in plain prose', () => {
    assert.deepEqual(at(fixture(`${HEAD}# 一\n正文‸\n`)), []);
  });
});
