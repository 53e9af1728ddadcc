// One description of a figure, read by hover, the figures table (baogao/figures) and `baogao collect`.
import assert from 'node:assert/strict';
import { describeFigures, diagnosticsOn } from '../../../server/language/figureDescription.js';
import { fixture, HEAD } from './fixture.js';

describe('feature: the description of a figure', () => {
  it('describes stated, computed and checked figures alike', () => {
    const f = fixture(`${HEAD}# 一\n共{调处 = 150起}，成功{成功 = 147起}，{成功率 = 成功/调处 %}，{复核率 = 97% : 成功/调处}，{约 = 5000多份}。\n@指标 隐藏 = 3\n`);
    const byName = new Map(describeFigures(f.model).map((d) => [d.name, d]));
    assert.deepEqual([...byName.keys()], ['调处', '成功', '成功率', '复核率', '约', '隐藏']);
    const rate = byName.get('成功率')!;
    assert.deepEqual([rate.printed, rate.number, rate.unit, rate.expression, rate.formula, rate.check], ['98%', 98, '%', '成功/调处', '成功/调处 %', undefined]);
    const checked = byName.get('复核率')!;
    assert.deepEqual([checked.printed, checked.check, checked.computed, checked.formula], ['97%', '成功/调处', '98%', undefined]);
    assert.deepEqual([byName.get('调处')!.number, byName.get('调处')!.unit], [150, '起']);
    assert.equal(byName.get('约')!.approximate, true);
    assert.equal(byName.get('隐藏')!.hidden, true);
    assert.equal(rate.line, 6);
  });

  it('finds the diagnostics on a figure’s definition', () => {
    const f = fixture(`${HEAD}# 一\n共{甲 = 10件}，{乙 = 4件}，占{率 = 50% : 乙/甲}。\n`);
    const rate = describeFigures(f.model).find((d) => d.name === '率')!;
    assert.deepEqual(diagnosticsOn(rate, f.model.diagnostics, f.model).map((d) => d.code), ['BG206']);
  });
});
