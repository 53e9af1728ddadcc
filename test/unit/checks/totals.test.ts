import { strict as assert } from 'node:assert';
import { checkReport } from '../../../server/language/checks/index.js';
import { model, SAMPLES, sampleModel } from '../../helpers.js';

const bg223 = (text: string) => checkReport(model(`@年度 2020\n\n${text}`)).filter((d) => d.code === 'BG223');

describe('checks/totals (BG223)', () => {
  it('reports parts after 其中 that add up to more than the total', () => {
    const text = '共收到信访件{信访 = 19件}，其中来信{来信 = 12件}、来访{来访 = 9件}。';
    const found = bg223(text);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /21件，超过了总数19件/);
  });

  it('accepts parts that add up to the total or less, and other sentences', () => {
    assert.deepEqual(bg223('共收到信访件{信访 = 19件}，其中来信{来信 = 10件}、来访{来访 = 9件}。'), []);
    assert.deepEqual(bg223('共收到信访件{信访 = 19件}，其中来信{来信 = 5件}。'), []);
    assert.deepEqual(bg223('共收到信访件{信访 = 19件}。其中来信{来信 = 12件}，来访{来访 = 9件}。'), [], 'another sentence');
    assert.deepEqual(bg223('共发放资料{资料 = 5000多份}，其中手册{手册 = 3000份}、折页{折页 = 2500份}。'), [], 'approximate total');
    assert.deepEqual(bg223('共开展活动{活动 = 10场次}，其中培训{培训 = 8人}、讲座{讲座 = 9人}。'), [], 'other units');
  });

  it('raises no alarm on the samples', () => {
    for (const name of SAMPLES) assert.deepEqual(checkReport(sampleModel(name)).filter((d) => d.code === 'BG223'), [], name);
  });
});
