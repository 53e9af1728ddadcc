// BG772: the rules of one kind of openness cited for the other (丹东街道 2021, round 31: 《中国共产党党务公开条例(试行)》
// followed to open government information).
import assert from 'node:assert/strict';
import { DEFAULT_CHECK_SETTINGS } from '../../../server/language/checks/contract';
import { disclosureRulesChecks } from '../../../server/language/checks/disclosureRules';
import { checkReport } from '../../../server/language/checks/index';
import { model } from '../../helpers.js';

const header = '@类型 法治政府建设年度报告\n@机关 丹东街道办事处\n@年度 2021\n\n';
const found = (body: string) => {
  const text = `${header}${body}\n`;
  return disclosureRulesChecks.flatMap((c) => c.run(model(text), DEFAULT_CHECK_SETTINGS)).map((d) => ({ words: text.slice(d.start, d.end), message: d.message }));
};

describe('checks/disclosureRules: BG772 党务公开 and 政府信息公开 rules mixed up', () => {
  it('reports the Party’s 条例 followed to open government information, the title whole', () => {
    const d = found('深入贯彻《中国共产党党务公开条例(试行)》,对政府信息进行及时公开。截至目前,主动公开各类信息118条。');
    assert.deepEqual(d.map((x) => x.words), ['《中国共产党党务公开条例(试行)》']);
    assert.match(d[0]!.message, /《中华人民共和国政府信息公开条例》/);
  });
  it('reads a 繁体 page as the same words (丹东街道 2021 as published)', () => {
    const d = found('深入貫徹《中國共產黨黨務公開條例(試行)》,對政府信息進行及時公開。');
    assert.deepEqual(d.map((x) => x.words), ['《中國共產黨黨務公開條例(試行)》']);
  });
  it('reports the government’s 条例 cited to open the Party’s affairs, and a rule named without 《》', () => {
    assert.deepEqual(found('严格执行《政府信息公开条例》，及时公开党务，接受党员监督。').map((x) => x.words), ['《政府信息公开条例》']);
    assert.deepEqual(found('落实党务公开条例要求，推进政务公开标准化。').map((x) => x.words), ['党务公开条例']);
  });
  it('leaves each rule cited for its own matter, both rules together, both matters together, and another sentence’s matter', () => {
    const fine = [
      '认真贯彻《中华人民共和国政府信息公开条例》，主动公开政府信息1200条。',
      '严格落实《中国共产党党务公开条例（试行）》，规范党务公开内容和程序。',
      '贯彻落实《中国共产党党务公开条例（试行）》和《中华人民共和国政府信息公开条例》，推进党务、政务公开。',
      '严格执行《中国共产党党务公开条例（试行）》，推进党务政务公开。',
      '学习《中国共产党党务公开条例（试行）》。我街道主动公开政府信息85条。',
    ];
    for (const body of fine) assert.deepEqual(found(body), [], body);
  });
  it('runs as one of the report checks', () => {
    const text = `${header}深入贯彻《中国共产党党务公开条例(试行)》，对政府信息进行及时公开。\n`;
    assert.equal(checkReport(model(text)).filter((d) => d.code === 'BG772').length, 1);
  });
});
