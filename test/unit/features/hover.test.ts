import assert from 'node:assert/strict';
import { hover } from '../../../server/language/features/hover.js';
import { fixture, HEAD } from './fixture.js';

describe('feature: hover', () => {
  it('shows a figure’s value, formula, check and where it is defined', () => {
    const f = fixture(`${HEAD}# 一\n调处{调处 = 150起}，成功{成功 = 147起}，成功率{成功率 = 成功/调处 %}，复核{复‸核率 = 98% : 成功/调处}。\n`);
    const result = hover(f.model, f.offset)!;
    assert.match(result.markdown, /^\*\*复核率\*\* = 98%/);
    assert.match(result.markdown, /校验公式：`成功\/调处` = 98%/);
    assert.match(result.markdown, /定义于第7行/);
    assert.equal(f.text.slice(result.start, result.end), '复核率');
  });

  it('shows a computed figure’s formula with its percent sign, and a snippet’s file', () => {
    const f = fixture(`${HEAD}# 一\n@引用 调解\n成功率为{成功‸率}。\n`, {
      '/w/snippets/调解.bg': '@片段 调解\n共{调处 = 150起}，成功{成功 = 147起}，成功率{成功率 = 成功/调处 %}。\n',
    });
    const result = hover(f.model, f.offset)!;
    assert.match(result.markdown, /\*\*成功率\*\* = 98%/);
    assert.match(result.markdown, /公式：`成功\/调处 %`/);
    assert.match(result.markdown, /定义于 \/w\/snippets\/调解\.bg 的第2行/);
  });

  it('shows header values, unknown names, headings with their number and citations', () => {
    const year = fixture(`${HEAD}# 一\n今年是{年‸度}年。\n`);
    assert.match(hover(year.model, year.offset)!.markdown, /（文头值）= 2020/);
    const unknown = fixture(`${HEAD}# 一\n共{没‸有}起。\n`);
    assert.match(hover(unknown.model, unknown.offset)!.markdown, /未定义的指标/);
    const heading = fixture(`${HEAD}# 一\n## 创新‸治理\n正文。\n`);
    assert.equal(hover(heading.model, heading.offset)!.markdown, '**（一）创新治理**');
    const cited = fixture(`${HEAD}# 一\n学习《中华人民共和国‸宪法》。\n`);
    assert.match(hover(cited.model, cited.offset)!.markdown, /^《中华人民共和国宪法》/);
  });

  it('has nothing to say about plain prose', () => {
    const f = fixture(`${HEAD}# 一\n正‸文。\n`);
    assert.equal(hover(f.model, f.offset), undefined);
  });
});
