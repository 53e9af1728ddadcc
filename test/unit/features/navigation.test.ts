import assert from 'node:assert/strict';
import { definition, prepareRename, references, rename } from '../../../server/language/features/navigation.js';
import { fixture, HEAD, spanText } from './fixture.js';

const SNIPPET = { '/w/snippets/调解.bg': '@片段 调解\n共调处{调处 = 150起}。\n' };

describe('feature: navigation', () => {
  it('goes from a figure’s use to its definition, in the report or in a snippet', () => {
    const here = fixture(`${HEAD}# 一\n共{调处 = 150起}，其中{调‸处}起。\n`);
    const [own] = definition(here.service, here.model, here.offset);
    assert.equal(spanText(here, own!), '调处');
    assert.equal(own!.start, here.text.indexOf('{调处 = 150起}') + 1, 'the name in the definition');
    const there = fixture(`${HEAD}# 一\n@引用 调解\n其中{调‸处}起。\n`, SNIPPET);
    const [inSnippet] = definition(there.service, there.model, there.offset);
    assert.equal(inSnippet!.path, '/w/snippets/调解.bg');
  });

  it('goes from @引用 to the snippet file and from @上年 to last year’s report', () => {
    const include = fixture(`${HEAD}# 一\n@引用 调‸解\n`, SNIPPET);
    assert.deepEqual(definition(include.service, include.model, include.offset), [{ path: '/w/snippets/调解.bg', start: 0, end: 0 }]);
    const previous = fixture(`${HEAD.replace('@日期', '@上年 ../2019/报告.bg\n@日期')}# 一\n正文。\n`.replace('@上年 ../2019/报告.bg', '@上年 ../2019/报‸告.bg'));
    assert.deepEqual(definition(previous.service, previous.model, previous.offset), [{ path: '/2019/报告.bg', start: 0, end: 0 }]);
  });

  it('finds every reference of a figure, with or without its definition', () => {
    const f = fixture(`${HEAD}# 一\n共{调处 = 150起}，其中{调‸处}起，占{率 = 调处/调处 %}。\n`);
    const all = references(f.service, f.model, f.offset, true, f.files);
    assert.equal(all.length, 4);
    assert.equal(references(f.service, f.model, f.offset, false, f.files).length, 3);
  });

  it('renames a figure everywhere, and refuses header values and bad names in Chinese', () => {
    const f = fixture(`${HEAD}# 一\n共{调处 = 150起}，其中{调‸处}起。\n`);
    const edits = rename(f.service, f.model, f.offset, '调解', f.files);
    assert.ok(Array.isArray(edits) && edits.length === 2 && edits.every((e) => e.newText === '调解'));
    assert.match(rename(f.service, f.model, f.offset, '1号', f.files) as string, /不是有效的名称/);
    const header = fixture(`${HEAD}# 一\n{年‸度}年。\n`);
    const refused = prepareRename(header.model, header.offset);
    assert.equal(refused.ok, false);
    assert.match((refused as { message: string }).message, /文头值/);
  });
});
