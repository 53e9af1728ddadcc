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

  it('offers registered titles after 《', () => {
    const items = at(fixture(`${HEAD}# 一\n学习《中华‸\n`));
    assert.deepEqual(items.map((i) => i.insertText), ['中华人民共和国宪法》']);
  });

  it('offers nothing in plain prose', () => {
    assert.deepEqual(at(fixture(`${HEAD}# 一\n正文‸\n`)), []);
  });
});
