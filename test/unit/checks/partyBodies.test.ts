import assert from 'node:assert/strict';
import { partyBodiesChecks } from '../../../server/language/checks/partyBodies';
import { DEFAULT_CHECK_SETTINGS } from '../../../server/language/checks/contract';
import { applyEdits } from '../../../server/language/fixes';
import { model as inMemory } from '../../helpers.js';

const report = (org: string, body: string) => inMemory(`@类型 法治政府建设年度报告\n@机关 ${org}\n@年度 2023\n\n${body}\n`, {}, '/w/r.bg');
function found(org: string, body: string, code: string): string[] {
  const m = report(org, body);
  return partyBodiesChecks.flatMap((c) => c.run(m, DEFAULT_CHECK_SETTINGS)).filter((d) => d.code === code).map((d) => m.file.text.slice(d.start, d.end));
}

describe('checks/partyBodies', () => {
  describe('BG755 政府依法执政', () => {
    it('reports the government given the party’s way (round 30: 桐木漯瑶族乡 2023 “提升政府依法执政、依法行政能力”)', () => {
      assert.deepEqual(found('某乡人民政府', '认真履行职责，提升政府依法执政、依法行政能力。', 'BG755'), ['政府依法执政']);
      assert.deepEqual(found('某县司法局', '提高县人民政府依法执政水平，增强乡政府的依法执政能力。', 'BG755'), ['人民政府依法执政', '政府的依法执政']);
    });
    it('leaves the party’s own, and the pair that gives each its own', () => {
      assert.deepEqual(found('某乡人民政府', '进一步提高党委政府依法执政、依法行政的水平，党委、政府依法执政，坚持依法执政，提高党依法执政能力，推进政府依法行政。', 'BG755'), []);
    });
  });

  describe('BG756 党组 in a township', () => {
    it('reports a 党组 in a 乡’s or 街道’s own report, with the committee it has (round 30: 桐木漯瑶族乡 2023; 杜城街道 2025 of the corpus)', () => {
      assert.deepEqual(found('桐木漯瑶族乡人民政府', '把习近平法治思想纳入党组理论中心组学习。', 'BG756'), ['党组']);
      const m = report('杜城街道办事处', '研究制定2025年度党组理论学习计划。');
      const d = partyBodiesChecks.flatMap((c) => c.run(m, DEFAULT_CHECK_SETTINGS)).find((x) => x.code === 'BG756')!;
      assert.match(d.message, /应为“党工委”/);
      assert.equal(d.fixes![0]!.safe, false);
      assert.match(applyEdits(m.file.text, d.fixes![0]!.edits), /年度党工委理论学习计划/);
      assert.deepEqual(found('某镇人民政府', '召开镇党组会议研究法治工作。', 'BG756'), ['党组']);
    });
    it('leaves 党组织, the pair 党委（党组）, another body’s 党组, and a department’s report', () => {
      const body = '各基层党组织开展学习，将法治思想作为党委（党组）理论学习中心组、党委(党组)学习的重点，配合县卫健局党组、县政府党组、县人大常委会党组、各部门党组、驻镇单位党组开展工作。';
      assert.deepEqual(found('某镇人民政府', body, 'BG756'), []);
      assert.deepEqual(found('某县教育局', '严格落实党组理论学习中心组学法制度。', 'BG756'), []);
    });
  });

  describe('BG773 the report’s own 市, 县 or 区 followed by 党委', () => {
    it('reports 周口市党委 in 周口市’s report (round 31: 周口市 2021), and a county’s and a district’s, with 市委/县委/区委 as the fix (not safe)', () => {
      assert.deepEqual(found('周口市人民政府', '周口市党委、政府主要负责人积极履职、以上率下。', 'BG773'), ['周口市党委']);
      assert.deepEqual(found('横县人民政府', '在横县党委的坚强领导下，扎实推进依法行政。', 'BG773'), ['横县党委']);
      assert.deepEqual(found('遂宁市安居区司法局', '安居区党委常委会会议研究法治建设。', 'BG773'), ['安居区党委']);
      const m = report('周口市人民政府', '周口市党委、政府主要负责人积极履职。');
      const d = partyBodiesChecks.flatMap((c) => c.run(m, DEFAULT_CHECK_SETTINGS)).find((x) => x.code === 'BG773')!;
      assert.match(d.message, /应为“周口市委”/);
      assert.equal(d.fixes![0]!.safe, false);
      assert.equal(applyEdits(m.file.text, d.fixes![0]!.edits), m.file.text.replace('周口市党委', '周口市委'));
    });
    it('leaves 自治区党委, a community’s or a zone’s 党委, 县党委（党组）, a place not the report’s own, and 市委', () => {
      assert.deepEqual(found('广西壮族自治区人民政府', '在广西壮族自治区党委的坚强领导下，自治区党委、自治区人民政府高度重视。', 'BG773'), []);
      assert.deepEqual(found('某某社区居民委员会', '某某社区党委书记带头学法。', 'BG773'), []);
      assert.deepEqual(found('高新区管理委员会', '高新区党委管委会始终坚持依法行政。', 'BG773'), []);
      assert.deepEqual(found('古丈县人民政府', '印发《古丈县党委（党组）点评法治建设工作办法》，古丈县党委(党组)书记带头述法。', 'BG773'), []);
      assert.deepEqual(found('某某镇人民政府', '认真落实周口市党委决策部署，某某镇党委高度重视。', 'BG773'), []);
      assert.deepEqual(found('周口市人民政府', '周口市委、市政府主要负责人积极履职。', 'BG773'), []);
    });
  });
});
