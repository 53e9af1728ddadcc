import assert from 'node:assert/strict';
import { checkReport } from '../../../server/language/checks/index';
import { datesChecks, townshipNames } from '../../../server/language/checks/dates';
import { DEFAULT_CHECK_SETTINGS } from '../../../server/language/checks/contract';
import { applyFixes } from '../../../server/language/fixes';
import type { ReportModel } from '../../../server/language/model';
import { model as inMemory, sampleModel } from '../../helpers.js';

const sample = sampleModel;
/** A report in memory at /w/r.bg (snippets under /w/snippets). */
const model = (text: string, files: Record<string, string> = {}): ReportModel => inMemory(text, files, '/w/r.bg');
function codes(m: ReportModel, settings = DEFAULT_CHECK_SETTINGS): string[] {
  return datesChecks.flatMap((c) => c.run(m, settings)).map((d) => d.code);
}
const HEAD = (date?: string, kind = '法治政府建设年度报告') => `@类型 ${kind}\n@机关 桂圩镇人民政府\n@年度 2020\n${date ? `@日期 ${date}\n` : ''}\n`;

describe('checks/dates: the date', () => {
  it('reports a missing @日期 on the samples that lack it, and not on those that have it', () => {
    for (const name of ['daxie-2021', 'dongzhaogezhuang-2020', 'beiping-2020', 'huilongba-2021']) assert.ok(checkReport(sample(name)).some((d) => d.code === 'BG701'), name);
    for (const name of ['guiwei-2020', 'guiwei-2021']) assert.ok(!checkReport(sample(name)).some((d) => /^BG70/.test(d.code)), name);
  });

  it('reports a missing date for the 法治政府 profile only, with an unsafe fix', () => {
    const found = datesChecks.flatMap((c) => c.run(model(`${HEAD()}正文。\n`), DEFAULT_CHECK_SETTINGS));
    assert.deepEqual(found.map((d) => d.code), ['BG701']);
    assert.equal(found[0]!.fixes![0]!.safe, false);
    assert.match(applyFixes(`${HEAD()}正文。\n`, found, { safeOnly: false }).text, /@年度 2020\n@日期 \n/);
    assert.deepEqual(codes(model(`${HEAD(undefined, '工作总结')}正文。\n`)), []);
  });

  it('does not repeat BG102 for a malformed date', () => {
    const m = model(`${HEAD('2021-02-30')}正文。\n`);
    assert.deepEqual(codes(m), []);
    assert.ok(m.diagnostics.some((d) => d.code === 'BG102'));
  });

  it('warns about a date before the end of the year or after the deadline', () => {
    assert.deepEqual(codes(model(`${HEAD('2020-12-22')}正文。\n`)), ['BG702']);
    assert.deepEqual(codes(model(`${HEAD('2021-05-10')}正文。\n`)), ['BG703']);
    assert.deepEqual(codes(model(`${HEAD('2021-01-13')}正文。\n`)), []);
    assert.deepEqual(codes(model(`${HEAD('2021-04-01')}正文。\n`)), []);
    assert.deepEqual(codes(model(`${HEAD('2021-03-05')}正文。\n`), { ...DEFAULT_CHECK_SETTINGS, deadline: { month: 3, day: 1 } }), ['BG703']);
  });
});

describe('checks/dates: names', () => {
  it('finds another township, not the own one or generic words', () => {
    assert.deepEqual(codes(model(`${HEAD('2021-01-13')}大歇镇综治中心全年调处纠纷。\n`)), ['BG705']);
    assert.deepEqual(codes(model(`${HEAD('2021-01-13')}指导东赵各庄镇开展普法。\n`)), ['BG705']);
    assert.deepEqual(codes(model(`${HEAD('2021-01-13')}，北屏乡法治政府建设。\n`)), ['BG705']);
    const ok = '桂圩镇党委政府统筹，全镇、本镇、我镇、各乡镇、城镇、集镇、村镇、镇村、镇政府、镇党委、镇长、乡村振兴、城乡治理、送法下乡，继续实行乡党委会议制度，景德镇市。';
    assert.deepEqual(codes(model(`${HEAD('2021-01-13')}${ok}\n`)), []);
  });

  it('does not take a verb or preposition before 镇/乡/街道 for a name (BG705 false alarms on real reports)', () => {
    const verbs = '推进依法治镇，产业兴镇，各村委员会都向镇党委报告，党政办公室于乡政府值班，建设中心镇和国家卫生镇，协助包片乡干部，根据镇党政班子分工，坚持镇党委统一领导，通过街道综治中心调解，建立起乡党委统一领导的工作机制，加强镇综合执法，落实乡党委决定，依托镇便民服务中心。';
    assert.deepEqual(townshipNames(verbs), []);
    assert.deepEqual(codes(model(`${HEAD('2021-01-13')}${verbs}\n`)), []);
    // A verb of governing before the street office (荷城街道 2022, round 32): no township; a name after it still is.
    assert.deepEqual(townshipNames('不断规范街道办事处行政行为，统筹乡镇资源，考核街道工作，赋能街道治理。'), []);
    assert.deepEqual(townshipNames('统筹推进大歇镇执法工作。').map((h) => h.name), ['大歇镇']);
    // The place word of the slogan 小事不出村、大事不出镇 names no township.
    assert.deepEqual(townshipNames('实现“小事不出社区、大事不出街道”，矛盾不出镇，小事不出村、大事不出乡。'), []);
    // Verbs jieba tags as nouns (代理, 代表, 委托, 应诉) and words that gather bodies (辖区, 所属, 全体): no name.
    assert.deepEqual(townshipNames('律师代理街道诉讼案件20余件，代表街道出庭，委托街道办理，应诉街道案件，辖区街道、所属乡镇、全体街道干部。'), []);
    // Verbs jieba tags as nouns, before 镇 short for 本镇 (俞村镇 2024: “利用镇周一例会……开展会前学法活动”).
    assert.deepEqual(townshipNames('利用镇周一例会开展会前学法，借力镇综治中心，动员镇村干部，部署镇级任务，选派镇干部，列席镇党委会。'), []);
    // Verbs of government prose jieba leaves out (殷行街道 2024: “一是强化思想引领。深化街道党工委中心组学法机制”).
    assert.deepEqual(townshipNames('。深化街道党工委中心组学法机制，细化镇级任务，压实街道责任，做实乡级台账，筑牢镇村防线，赋能街道治理。'), []);
    assert.deepEqual(townshipNames('，深化大歇镇与周边协作').map((h) => h.name), ['大歇镇']);
    assert.deepEqual(townshipNames('，利用大歇镇的场地').map((h) => h.name), ['大歇镇']);
    // The name after a verb is still found.
    assert.deepEqual(townshipNames('，支持大歇镇，').map((h) => h.name), ['大歇镇']);
    assert.deepEqual(townshipNames('，代理金龙街道诉讼案件').map((h) => h.name), ['金龙街道']);
    assert.deepEqual(townshipNames('以维护大歇镇平安稳定为底线').map((h) => h.name), ['大歇镇']);
    // The office before a township's head (碧土乡 2024: “乡党委副书记、政府乡长为副组长”): 政府乡长 is 乡长.
    assert.deepEqual(townshipNames('以乡党委书记为组长、乡党委副书记、政府乡长为副组长，党委镇长，人大镇长。'), []);
    assert.deepEqual(townshipNames('、大歇乡长为副组长').map((h) => h.name), ['大歇乡']);
  });

  it('does not take a date’s 年度, 年, 月 or 日 for a name (桐木漯瑶族乡 2023: “根据2023年度乡理论学习中心组集中学习计划”)', () => {
    assert.deepEqual(townshipNames('根据2023年度乡理论学习中心组集中学习计划，2024年镇党委会议，3月份乡村振兴，12月5日镇政府，２０２３年乡干部。'), []);
    assert.deepEqual(codes(model(`${HEAD('2021-01-13')}根据2023年度乡理论学习中心组集中学习计划，开展集中学习。\n`)), []);
    // The name after a date is still found: the date bounds it.
    assert.deepEqual(townshipNames('，2023年大歇镇开展普法').map((h) => h.name), ['大歇镇']);
    assert.deepEqual(townshipNames('，2023年度北屏乡法治政府建设').map((h) => h.name), ['北屏乡']);
    // 年 not after digits is a character like any other (a name may hold it: 万年乡).
    assert.deepEqual(townshipNames('，指导万年乡开展普法').map((h) => h.name), ['万年乡']);
  });

  it('reads a 街道 whose name ends in 乡 or 镇 whole, and leaves a city named in a campaign (“法治桐乡”) alone', () => {
    const own = '@类型 法治政府建设年度报告\n@机关 西乡街道办事处\n@年度 2023\n@日期 2024-01-13\n\n制定《2023年西乡街道党工委理论学习中心组专题学习重点内容安排》。\n';
    assert.deepEqual(codes(model(own)), []);
    assert.deepEqual(townshipNames('，2023年新镇街道开展普法').map((h) => h.name), []);
    const town = '@类型 法治政府建设年度报告\n@机关 濮院镇人民政府\n@年度 2022\n@日期 2023-01-13\n\n按照市委、市政府的总体部署和“法治桐乡”建设的具体要求，推进“平安萍乡”建设。\n';
    assert.deepEqual(codes(model(town)), []);
    // Another township named in a campaign is still another township.
    assert.deepEqual(townshipNames('推进“法治大歇镇”建设').map((h) => h.name), ['大歇镇']);
  });

  it('does not check a county or district office, whose report names its towns', () => {
    for (const org of ['某某县人民政府', '某某区司法局', '某某市人民政府']) {
      const text = `@类型 法治政府建设年度报告\n@机关 ${org}\n@年度 2020\n@日期 2021-01-13\n\n大歇镇、桂圩镇、北屏乡开展法治示范创建。\n`;
      assert.deepEqual(codes(model(text)), [], org);
    }
  });

  it('accepts the short form of @机关', () => {
    const text = '@类型 法治政府建设年度报告\n@机关 北屏乡人民政府\n@年度 2020\n@日期 2021-01-13\n\n北屏乡法治政府建设工作稳步推进。\n';
    assert.deepEqual(codes(model(text)), []);
    assert.deepEqual(townshipNames('，北屏乡法治').map((h) => h.name), ['北屏乡']);
  });

  it('checks a typed signature against @机关', () => {
    assert.deepEqual(codes(model(`${HEAD('2021-01-13')}正文。\n\n大歇镇人民政府\n`)), ['BG704', 'BG705']);
    const dup = `${HEAD('2021-01-13')}正文。\n\n桂圩镇人民政府\n`;
    const found = datesChecks.flatMap((c) => c.run(model(dup), DEFAULT_CHECK_SETTINGS));
    assert.deepEqual(found.map((d) => d.code), ['BG707']);
    assert.equal(applyFixes(dup, found).text, `${HEAD('2021-01-13')}正文。\n`);
    assert.deepEqual(codes(model(`${HEAD('2021-01-13')}正文。\n`)), []);
  });

  it('hints at a paragraph copied unchanged from @上年, with figures rendered', () => {
    const para = '全面推行法律顾问制度，聘请常年法律顾问，全程参与重大行政决策的合法性审查工作，共审查合同';
    const last = `@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2019\n@日期 2020-01-13\n\n${para}{合同 = 12份}。\n\n另一段文字，今年没有照搬，内容足够长足够长足够长足够长足够长。\n`;
    const files = { '/w/last.bg': last };
    const same = `${HEAD('2021-01-13').replace('\n\n', '\n@上年 last.bg\n\n')}${para}12份。\n`;
    assert.deepEqual(codes(model(same, files)), ['BG706']);
    const changed = `${HEAD('2021-01-13').replace('\n\n', '\n@上年 last.bg\n\n')}${para}{合同 = 15份}。\n`;
    assert.deepEqual(codes(model(changed, files)), []);
  });
});
