import assert from 'node:assert/strict';
import { definition, prepareRename, references, rename } from '../../../server/language/features/navigation.js';
import { render } from '../../../templates/render.js';
import { applyEdits } from '../../../server/language/fixes.js';
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

  it('renames a figure everywhere, and refuses bad names in Chinese', () => {
    const f = fixture(`${HEAD}# 一\n共{调处 = 150起}，其中{调‸处}起。\n`);
    const edits = rename(f.service, f.model, f.offset, '调解', f.files);
    assert.ok(Array.isArray(edits) && edits.length === 2 && edits.every((e) => e.newText === '调解'));
    assert.match(rename(f.service, f.model, f.offset, '1号', f.files) as string, /不是有效的名称/);
  });

  it('renames a header value by changing it in the header: every {年度} of the report and its snippets follows', () => {
    const snippet = { '/w/snippets/调解.bg': '@片段 调解\n{年度}年共调处{调处 = 150起}。\n' };
    const f = fixture(`${HEAD}# 一\n{年‸度}年，{机关}……\n@引用 调解\n`, snippet);
    const prepared = prepareRename(f.model, f.offset);
    assert.deepEqual(prepared, { ok: true, range: { start: f.offset - 1, end: f.offset + 1 }, placeholder: '2020' });
    const edits = rename(f.service, f.model, f.offset, '2021', f.files);
    assert.ok(Array.isArray(edits));
    assert.deepEqual(edits.map((e) => [e.path, f.text.slice(e.start, e.end), e.newText]), [['/w/report.bg', '2020', '2021']]);
    const renamed = applyEdits(f.text, edits);
    const printed = render(f.service.analyze(f.path, renamed), 'md');
    assert.match(printed, /2021年，桂圩镇人民政府/);
    assert.match(printed, /2021年共调处150起/, 'the snippet’s {年度} follows');
    assert.match(renamed, /^@年度 2021$/m);
    assert.match(renamed, /\{年度\}年，\{机关\}/, 'the uses stay {年度}: they follow the header');
    // From the directive's value, from {上年度} (年度 − 1), and the same refusal of a year that is not one.
    const directive = f.text.indexOf('桂圩镇') + 1;
    assert.deepEqual(rename(f.service, f.model, directive, '东口镇人民政府', f.files), [{ path: f.path, start: directive - 1, end: directive - 1 + '桂圩镇人民政府'.length, newText: '东口镇人民政府' }]);
    const previous = fixture(`${HEAD}# 一\n较{上‸年度}年。\n`);
    assert.equal((prepareRename(previous.model, previous.offset) as { placeholder: string }).placeholder, '2019');
    assert.equal(applyEdits(previous.text, rename(previous.service, previous.model, previous.offset, '2020', previous.files) as never).match(/@年度 (\d+)/)![1], '2021');
    assert.match(rename(f.service, f.model, f.offset, '二〇二一', f.files) as string, /不是四位数字的年份/);
  });

  it('writes the header directive a value lacks, and sends a snippet’s {年度} to its report', () => {
    const f = fixture(`@类型 法治政府建设年度报告\n@年度 2020\n\n# 一\n{机‸关}召开会议。\n`);
    const edits = rename(f.service, f.model, f.offset, '桂圩镇人民政府', f.files) as Array<{ start: number; end: number; newText: string }>;
    assert.equal(applyEdits(f.text, edits as never), `@类型 法治政府建设年度报告\n@年度 2020\n@机关 桂圩镇人民政府\n\n# 一\n{机关}召开会议。\n`);
    const snippet = fixture('@片段 调解\n{年‸度}年共调处矛盾纠纷。\n', {}, '/w/snippets/调解.bg');
    const refused = prepareRename(snippet.model, snippet.offset);
    assert.equal(refused.ok, false);
    assert.match((refused as { message: string }).message, /请在报告的文头修改“@年度”/);
  });
});
