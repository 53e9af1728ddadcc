// Figures from prose: the shared analysis (amounts, names, rates, totals), the checks on unmarked
// prose, and what import writes from the same analysis.
import { strict as assert } from 'node:assert';
import { checkReport } from '../../../server/language/checks/index.js';
import { importReport } from '../../../server/language/import/index.js';
import { analyseText, findAmounts } from '../../../server/language/prose/index.js';
import { applyEdits } from '../../../server/language/fixes.js';
import { cpuTimed, model } from '../../helpers.js';

const found = (text: string) => checkReport(model(`@年度 2020\n\n${text}\n`)).filter((d) => /BG20[678]|BG223/.test(d.code));
const at = (text: string) => found(text).map((d) => `${d.code}@${model(`@年度 2020\n\n${text}\n`).file.text.slice(d.start, d.end)}`);

describe('figures from prose', () => {
  it('finds counts with measure words, approximate counts and percentages — not years, dates, ordinals, titles', () => {
    const text = '2020年3月，第3次会议审议《2020年工作要点》，共调处纠纷150起，发放资料3000余份、约500人次，3名以上调解员，成功率98%，每月1次，提高3个百分点，12345热线。';
    assert.deepEqual(findAmounts(text).map((a) => a.text), ['150起', '3000余份', '约500人次', '3名以上', '98%']);
    // A half-width full stop after the amount ends the sentence; before a digit or letter it does not.
    assert.deepEqual(findAmounts('通过率达100%.覆盖12场次.培训3个.5G').map((a) => a.text), ['100%', '12场次']);
  });

  it('names figures by the words before them, or the noun after a verb', () => {
    const names = (text: string) => analyseText(text).flatMap((s) => s.sentence.map((p) => p.data.name));
    assert.deepEqual(names('本年度桂圩镇调解委员会共调处矛盾纠纷150起，调解成功147起，成功率达98%。'), ['调处矛盾纠纷', '调解成功', '成功率']);
    assert.deepEqual(names('全镇召开了2次法治政府建设专题会，加强对20名重点信访人员的管理。'), ['法治政府建设专题会', '重点信访人员']);
    // Real pages: a phrase ending in 的, 和 or 各 hands the name to the noun after; another count, or
    // "二是" with its punctuation lost, starts a new phrase; a two-character noun before a verb is a noun.
    assert.deepEqual(names('将全县27个部门单位的278项行政许可事项统一划入县行政审批局。'), ['部门单位', '行政许可事项']);
    assert.deepEqual(names('印发了15家单位的“三定”规定和23家单位的机构编制事项调整通知。'), ['印发单位', '单位']);
    assert.deepEqual(names('两个科室和司法所各1名工作人员作为法治工作人员。'), ['工作人员']);
    assert.deepEqual(names('组织法治培训4次二是组织全区教育系统在编在岗教职工共5900余人参加考试。'), ['法治培训', '在编在岗教职工']);
    assert.deepEqual(names('同时,为辖区11个社区配备了兼职法律顾问。每个村居保障3名以上人民调解员。'), ['社区', '人民调解员']);
    // A long phrase: the object of the last verb that has one (培训 ends it as its noun; 组织 is no group word).
    assert.deepEqual(names('围绕行政复议法等法律法规及执法办案系统操作规范等重点内容组织开展专题培训12场次。'), ['开展专题培训']);
    // A long phrase with 的: the noun after it names the number when short enough (not the words before 的).
    assert.deepEqual(names('现区级保留的政务服务事项515项。目前桂圩镇应领证的正式工作人员数为54人。'), ['政务服务事项', '应领证']);
    // A status before 的 names what is counted: without it the number would be of all of them.
    assert.deepEqual(names('目前全镇尚未办结的行政复议案件共有3件。'), ['尚未办结']);
    // Cut to its last words, a long name keeps whole words and says more than two characters.
    assert.deepEqual(names('共计召开党委理论学习中心组学习13次。'), ['中心组学习']);
    // Rates listed with 和 share their number: the last names it; a rate cut to length keeps whole words.
    assert.deepEqual(names('全局实现参考率、通过率和优秀率100%。新进人员执法资格证参考率100%。'), ['优秀率', '执法资格证参考率']);
    assert.deepEqual(names('发放宣传材料400余份法律顾问进村宣讲2次。20名执法人员做到全部持证上岗。'), ['发放宣传材料', '法律顾问进村宣讲', '执法人员']);
    assert.deepEqual(names('梳理编制下蜀镇基本履职事项清单117项。'), ['基本履职事项清单']);
    // 部署 is a verb (not a 部 ending a body's name); 通过率 is a rate, not 通过 and 率; 均到达 joins like 均达到.
    assert.deepEqual(names('主要负责人主持召开局长办公会部署法治工作2次。'), ['部署法治工作']);
    assert.deepEqual(names('参学率、报考率、参考率、通过率均到达100%。'), ['通过率']);
    // A rate whose word starts like a joining word keeps it: 及时率, 在线办理率, 超期办理率.
    assert.deepEqual(names('“互联网+监管”事项覆盖率、及时率100%。全年在线办理率98%，超期办理率0.5%。'), ['及时率', '在线办理率', '超期办理率']);
    // Two counts in a row, each with its noun after it: the noun of the first ends at the second number, the
    // second is named by its own noun (not by the first's).
    assert.deepEqual(names('实行目录化管理,36个行政审批单位200项行政审批事项完成了目录化。'), ['行政审批单位', '行政审批事项']);
    assert.deepEqual(names('制定了7个方面58项具体措施。'), ['制定方面', '具体措施']);
    // The noun after a count ends where what is said of it begins: 被, 入驻, 纳入 (被执行人 is a noun).
    assert.deepEqual(names('落实对标清单,7个优化营商环境案例被省市发文推广。106项政务服务事项入驻市民中心。'), ['优化营商环境案例', '政务服务事项']);
    assert.deepEqual(names('依法处理3名被执行人的申请。'), ['依法处理被执行人']);
    // A second count with no noun after it keeps the words before it.
    assert.deepEqual(names('发放宣传材料400余份法律顾问进村宣讲2次。'), ['发放宣传材料', '法律顾问进村宣讲']);
    // The noun after a count ends at 以及 (not at the 以及 of 可以及时): no 以 left on its name.
    assert.deepEqual(names('包括132项基本履职事项、138项配合履职事项以及41项上级部门收回事项。'), ['基本履职事项', '配合履职事项', '上级部门收回事项']);
    assert.deepEqual(names('受理12件可以及早办结的申请。'), ['受理可以及早']);
    // A status before a verb of one character names the things counted (已结案件, not 结案件); a bound suffix stays
    // with its word when a long name is cut (文件备案, not 性文件备案) — round 32: 巫山县司法局 2024.
    assert.deepEqual(names('县政府行政应诉案件18件,已结案件11件,已完成整改问题5个。'), ['县政府行政应诉案件', '已结案件', '完成整改问题']);
    assert.deepEqual(names('完成县政府规范性文件备案6件,县政府部门规范性文件备案2件。'), ['县政府规范性文件备案', '文件备案']);
  });

  it('pairs a rate with its counts only when that is clear', () => {
    const rates = (text: string) => analyseText(text).flatMap((s) => s.rates.map((r) => r.kind));
    assert.deepEqual(rates('调处矛盾纠纷150起，调解成功147起，成功率达98%。'), ['counts']);
    assert.deepEqual(rates('调处纠纷共59件，调处成功率达到97.33%。'), ['whole']);
    assert.deepEqual(rates('开展活动5场，覆盖群众300人次，满意率98%。'), []);
    assert.deepEqual(rates('发放资料300份，接待群众50人，知晓率90%。'), []);
    // No part of 32 gives 91.4%, but 32 of 35 does: the count may be the part (those holding the card), not the whole.
    assert.deepEqual(rates('我局现有持行政执法证人员32人，全局持有执法证件率达到91.4%。'), ['unsure']);
    // What was added this year is no whole of a share (round 30: 龙溪镇 2024 “新增持证执法人员3名,全镇执法人员持证率达100%”).
    assert.deepEqual(rates('新增持证执法人员3名,全镇执法人员持证率达100%。'), ['unsure']);
    assert.deepEqual(rates('新招录调解员5名，调解员持证率100%。'), ['unsure']);
    // Near miss: the whole itself is still the whole.
    assert.deepEqual(rates('全镇持证执法人员32人,持证率达100%。'), ['whole']);
  });

  describe('checks on unmarked prose', () => {
    it('a rate that does not follow from its counts (BG206), above 100% (BG208), no whole count (BG207)', () => {
      assert.deepEqual(at('应领证54人，持证46人，持证率为81.48%。'), ['BG206@81.48%']);
      // A part of a total said with 共 … 其中 …, 占…的 (延边州 2022): 1331 ÷ 1342 is 99.18%, not 98.96%.
      assert.deepEqual(at('目前,州本级政务服务事项共1342项,其中州本级“零跑动”和“最多跑一次”事项1331项,占全部政务服务事项的98.96%。'), ['BG206@98.96%']);
      assert.deepEqual(at('政务服务事项共1342项，其中“零跑动”事项1331项，占比98.96%。'), ['BG206@98.96%']);
      assert.match(found('政务服务事项共1342项，其中“零跑动”事项1331项，占全部事项的98.96%。')[0]!.message, /“占比”写为98.96%.*99.18%/);
      // Near misses: the share agrees; a share of another whole (占全市的); no 共 or no 其中 (which counts is not sure).
      assert.deepEqual(at('州本级政务服务事项共1342项，其中“零跑动”事项1331项，占全部政务服务事项的99.18%。'), []);
      assert.deepEqual(at('共受理案件120件，其中行政案件30件，占全市案件总数的5%。'), []);
      assert.deepEqual(at('受理案件120件，行政案件30件，占5%。'), []);
      assert.deepEqual(at('共受理案件120件，调解纠纷30起，其中成功28起，占比10%。'), []);
      assert.deepEqual(at('共调处矛盾纠纷147起，调解成功150起，成功率达102%。'), ['BG208@102%']);
      assert.deepEqual(at('受理案件155件，办结127件，办结率100%。'), ['BG206@100%']);
      assert.deepEqual(at('调处纠纷共59件，调处成功率达到97.33%。'), ['BG207@97.33%']);
      assert.deepEqual(at('群众满意率达105%。'), ['BG208@105%']);
    });

    it('parts that exceed their total (BG223), marked or not', () => {
      assert.deepEqual(at('共收到信访件19件，其中来信12件、来访9件。'), ['BG223@19件']);
      assert.deepEqual(at('共收到信访件{信访 = 19件}，其中来信12件、来访9件。'), ['BG223@{信访 = 19件}']);
    });

    it('no alarm where the prose is right, approximate, unrelated or growth', () => {
      for (const text of [
        '调处矛盾纠纷150起，调解成功147起，成功率达98%。',
        '应领证54人，持证44人，持证率为81.48%。',
        '发放资料3000余份，其中手册2000余份、折页1500余份。',
        '配备执法人员4名，其中持证执法人员4名。',
        '任务完成率105%，同比增长120%。',
        '办结率、满意率均为100%。',
        '开展有效劝导223895次，人均每日劝导量超过87%的乡镇街道。',
        '全镇共有干部职工85人，其中党员45人、女性30人、青年20人。',
        '接待群众咨询120人次，群众满意率达99.5%。',
        '共发生矛盾纠纷38件。已成功调解37件，正在调处中的纠纷1件，调解成功率97.4%。',
        '我局现有持行政执法证人员32人，全局持有执法证件率达到91.4%。',
      ]) assert.deepEqual(found(text), [], text);
    });

    it('leaves rates the writer checks with a formula to the model (one finding, not two)', () => {
      assert.deepEqual(found('调处{调处 = 150起}，成功{成功 = 147起}，成功率{成功率 = 97% : 成功/调处}。').map((d) => d.code), ['BG206']);
    });
  });

  describe('import writes the same analysis as figures', () => {
    const bodyOf = (lines: string[]) => importReport(lines.join('\n')).text.split('\n').filter((l) => l && !l.startsWith('@'));

    it('counts become named figures, a rate beside its counts a checked figure, printing unchanged', () => {
      assert.deepEqual(bodyOf(['共调处矛盾纠纷150起，调解成功147起，成功率达98%。']), ['共调处矛盾纠纷{调处矛盾纠纷 = 150起}，调解成功{调解成功 = 147起}，成功率达{成功率 = 98% : 调解成功/调处矛盾纠纷}。']);
      assert.deepEqual(bodyOf(['调处纠纷共59件，调处成功率达到97.33%。']), ['调处纠纷共{调处纠纷 = 59件}，调处成功率达到{调处成功率 = 97.33% : _/调处纠纷}。']);
    });

    it('names cut in whole words: a noun after an amount (not …达到考), 习近平 as one word, 由 before a count dropped', () => {
      const names = (text: string) => analyseText(text).flatMap((s) => s.sentence.map((p) => p.data.name));
      assert.deepEqual(names('街道工委理论学习中心组组织专题学习习近平法治思想3次。'), ['法治思想']);
      assert.deepEqual(names('鸦岗等9个国考断面稳定消除劣Ⅴ类、10个国省考断面水质达到考核要求;流溪河流域劣Ⅴ类一级支流数量由46条减少到16条。').slice(1, 3), ['国省考断面水质', '一级支流数量']);
      // Near misses: 理由, 事由 are words; a short noun after a count is whole.
      assert.deepEqual(names('驳回复议申请理由3条。组织开展了5次普法讲座。'), ['驳回复议申请理由', '开展普法讲座']);
    });

    it('a noun after an amount ends where what is said of it begins (4个典型案例入选中央依法治国办…), not mid-verb', () => {
      const names = (text: string) => analyseText(text).flatMap((s) => s.sentence.map((p) => p.data.name));
      assert.deepEqual(names('部署推进全面依法治县规范化建设工作,4个典型案例入选中央依法治国办《市县法治建设案例选编》。'), ['典型案例']);
      assert.deepEqual(names('推进示范创建,3个项目荣获省级示范称号,2个行政村列入省级民主法治示范村。'), ['项目', '行政村']);
      // Near miss: the words in the phrase before an amount stay (only the noun after one ends at them).
      assert.deepEqual(names('组织入选案例评审3次。'), ['入选案例评审']);
    });

    it('prose from a 繁体 page is named by the same words as simplified prose, written back in its own script', () => {
      assert.deepEqual(bodyOf(['今年,對鄉村干部、部門負責人開展法律培訓4次,受訓人數達620余人次。']), ['今年,對鄉村干部、部門負責人開展法律培訓{開展法律培訓 = 4次},受訓人數達{受訓人數 = 620余人次}。']);
      assert.deepEqual(bodyOf(['目前,全鎮已結合新農村建設建起7個法治文化宣傳陣地。']), ['目前,全鎮已結合新農村建設建起{法治文化宣傳陣地 = 7個}法治文化宣傳陣地。']);
      // The same sentences in simplified script, named alike.
      assert.deepEqual(bodyOf(['今年,对乡村干部、部门负责人开展法律培训4次,受训人数达620余人次。']), ['今年,对乡村干部、部门负责人开展法律培训{开展法律培训 = 4次},受训人数达{受训人数 = 620余人次}。']);
    });

    it('names are unique in a report; an unclear pairing gets a // comment saying why', () => {
      const out = bodyOf(['开展活动5场。', '开展活动3场。', '领证人数54人，持证人数46人，证件率80%。']);
      assert.ok(out.includes('开展活动{开展活动 = 5场}。') && out.includes('开展活动{开展活动之二 = 3场}。'), out.join('\n'));
      assert.ok(out.some((l) => l.startsWith('// ') && l.includes('没有写成校验公式')), out.join('\n'));
    });
  });

  describe('slips seen in real reports', () => {
    const codesOf = (text: string) => checkReport(model(`@年度 2020\n\n${text}\n`)).filter((d) => /BG23\d/.test(d.code)).map((d) => d.code);
    it('a year range typed without its dash (BG231)', () => {
      assert.deepEqual(codesOf('按照《某区法治政府建设实施纲要（20212025年）》目标要求。'), ['BG231']);
      assert.deepEqual(codesOf('按照《纲要（2021—2025年）》，投入20212025元。'), []);
    });
    it('a report in traditional characters (BG234), once, at its first; simplified text and a stray character are not', () => {
      const text = '小龍門鄉2024年法治政府建設情況報告。\n\n我鄉深入推進“放管服”改革，簡化行政審批流程。';
      const found = checkReport(model(`@年度 2024\n\n${text}\n`)).filter((d) => d.code === 'BG234');
      assert.equal(found.length, 1);
      assert.match(found[0]!.message, /繁体字（如“門”“鄉”“設”）/);
      assert.deepEqual(checkReport(model('@年度 2024\n\n我乡深入推进“放管服”改革，简化行政审批流程。陈國强同志。\n')).filter((d) => d.code === 'BG234'), []);
    });

    it('a year without its 年 (BG236) in a title, a document’s name or before 度/以来/法治, with its fix; BG221 leaves it', () => {
      const text = '@标题 沅江路街道2024法治政府建设年度报告\n@年度 2024\n\n及时制定《霍山县市场监管局2021依法行政重点工作安排》，2024度工作，2023以来，对标2035远景目标。\n';
      const found = checkReport(model(text)).filter((d) => /BG236|BG221/.test(d.code));
      assert.deepEqual(found.map((d) => `${d.code}@${text.slice(d.start, d.end)}`), ['BG236@2024法', 'BG236@2021依', 'BG236@2024度', 'BG236@2023以', 'BG236@2035远']);
      assert.match(found[0]!.message, /年份后缺“年”字，应写作“2024年法治”/);
      assert.equal(applyEdits(text, found[1]!.fixes![0]!.edits), text.replace('局2021依', '局2021年依'));
      // Near misses: a year with 年, a count with its measure word, a document number, a count without one (BG221’s).
      const near = '@年度 2024\n\n2024年度，2024年，发放2000余册、2021人次，〔2021〕5号，《2020版目录》，接待2021群众。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => /BG236|BG221/.test(d.code)).map((d) => `${d.code}@${near.slice(d.start, d.end)}`), ['BG221@2021群']);
    });
    it('a year run into its month (BG236: 20231月, （202312月）) lacks its 年, with its fix (黄泥塘镇 2022); dates and counts with 月 do not', () => {
      const text = '@年度 2022\n\n20231月)\n\n报告日期（202312月），截至20221月底。\n';
      const found = checkReport(model(text)).filter((d) => d.code === 'BG236');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['20231月', '202312月', '20221月']);
      assert.match(found[0]!.message, /“20231月”：年份后缺“年”字，应写作“2023年1月”/);
      assert.equal(applyEdits(text, found[1]!.fixes![0]!.edits), text.replace('202312月', '2023年12月'));
      const near = '@年度 2022\n\n2023年1月，2023.1月，2023-1月，第20231月，12月，1至12月，120231月，2023113月。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => d.code === 'BG236').map((d) => near.slice(d.start, d.end)), []);
    });
    it('a year opening a sentence without its 年 (BG236: “2025坚持以……”, 柳城县 2025); BG221 leaves it; counts and ranges opening one do not', () => {
      const text = '@年度 2025\n\n2025坚持以习近平法治思想为指引。全年办结案件。2024深化改革，成效明显。\n';
      const found = checkReport(model(text)).filter((d) => /BG236|BG221/.test(d.code));
      assert.deepEqual(found.map((d) => `${d.code}@${text.slice(d.start, d.end)}`), ['BG236@2025坚', 'BG236@2024深']);
      assert.match(found[0]!.message, /年份后缺“年”字，应写作“2025年坚持”/);
      // Near misses: a count opening a sentence with its measure word, a range, a year with 年, a count mid-sentence (BG221’s).
      const near = '@年度 2025\n\n2025名干部参加考试。2024至2025年持续推进。2025年坚持学法。全县接待2025群众。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => /BG236|BG221/.test(d.code)).map((d) => `${d.code}@${near.slice(d.start, d.end)}`), ['BG221@2025群']);
    });
    it('a year run into its month and day (BG236: 2025730日) lacks 年 and 月, with its fix when the digits split one way (柳城县 2025)', () => {
      const text = '@年度 2025\n\n2025730日，该清单正式公布；20251130日召开会议；2025111日印发。\n';
      const found = checkReport(model(text)).filter((d) => d.code === 'BG236');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['2025730日', '20251130日', '2025111日']);
      assert.match(found[0]!.message, /“2025730日”：年份和月份后缺“年”“月”字，应写作“2025年7月30日”/);
      assert.equal(applyEdits(text, found[1]!.fixes![0]!.edits), text.replace('20251130日', '2025年11月30日'));
      assert.match(found[2]!.message, /应写作“2025年1月11日”或“2025年11月1日”/);
      assert.deepEqual(found[2]!.fixes ?? [], []);
      // Near misses: a date written out, a count of days, a number too long to be one, digits that are no month and day.
      const near = '@年度 2025\n\n2025年7月30日，办理时限压缩至30日，编号12025730日，20251399日。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => d.code === 'BG236').map((d) => near.slice(d.start, d.end)), []);
    });
    it('a road’s number before 国道, 省道, 县道 or 乡道 (321国道) is no count: no BG221; 321国家 is', () => {
      const text = '@年度 2022\n\n黔大高速公路、321国道清毕路段、205省道和012县道横贯全镇。\n';
      assert.deepEqual(checkReport(model(text)).filter((d) => d.code === 'BG221'), []);
      const near = '@年度 2022\n\n走访321国家机关工作人员。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => d.code === 'BG221').map((d) => near.slice(d.start, d.end)), ['321国']);
    });
    it('a quoted name packing two counts (“1站36室”) is a slogan: no BG221; a count alone in quotes or after them is read (round 24: 长寿路街道)', () => {
      const text = '@年度 2025\n\n依托“1站36室”平台，推行“3室1厅”模式，建成“1中心12站”。\n';
      assert.deepEqual(checkReport(model(text)).filter((d) => d.code === 'BG221'), []);
      const near = '@年度 2025\n\n建成“36室”，依托“1站”平台走访30家庭，“1站36室”覆盖12社区。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => d.code === 'BG221').map((d) => near.slice(d.start, d.end)), ['36室', '30家庭', '12社']);
    });
    it('an ordinal in digits needs its measure word too: 第25党工委会 is BG221; 第36次, 第2期, 第3季度, 第232号, 第1至3批 are not (round 24: 新江湾城街道)', () => {
      const text = '@年度 2024\n\n严格落实专题述法工作要求，党政主要领导第25党工委会年度述法专题报告。\n';
      const found = checkReport(model(text)).filter((d) => d.code === 'BG221');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['第25党']);
      assert.match(found[0]!.message, /序数后缺少量词，例如“第25次党”/);
      const near = '@年度 2024\n\n第36次党组会，第2期培训班，第3季度，司法部第232号令，第1至3批名单，排名第10位，第8次集中学法，第3方评估。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => d.code === 'BG221'), []);
    });
    it('the first count of a range or a choice (2024年1至12月, 3到5名, 2或3次) takes the measure word after the second: no BG221', () => {
      const text = '@年度 2024\n\n2024年1至12月，全区警情同比下降，每村配备3到5名调解员，每月开展2或3次巡查。\n';
      assert.deepEqual(checkReport(model(text)).filter((d) => d.code === 'BG221'), []);
      // The second count is read as any count: without a measure word it is reported.
      const near = '@年度 2024\n\n每村配备3至5公职人员。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => d.code === 'BG221').map((d) => near.slice(d.start, d.end)), ['5公']);
    });
    it('a count of boats, nets, fish or bottles (210艘次, 150副, 5000尾, 30瓶) has its measure word: no BG221; 47公职人员 has none', () => {
      const text = '@年度 2025\n\n检查农用船舶210艘次，取缔销毁非法捕捞网具150副，放流鱼苗5000尾，收缴过期农药30瓶、种子12袋，出动无人机3架次。\n';
      assert.deepEqual(checkReport(model(text)).filter((d) => d.code === 'BG221'), []);
      const near = '@年度 2025\n\n我镇47公职人员全部通过考试。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => d.code === 'BG221').map((d) => near.slice(d.start, d.end)), ['47公']);
    });
    it('a noun that begins with a measure word’s character (6单位, 30家庭, 5站点) still lacks one: BG221 over the noun; 6个单位, 5家单位, 6单 and 0.5单位 do not (红寺堡区 2024)', () => {
      const text = '@年度 2024\n\n依托政治巡察对教育局等6单位开展督察，走访30家庭，新建5站点。\n';
      const found = checkReport(model(text)).filter((d) => d.code === 'BG221');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['6单位', '30家庭', '5站点']);
      assert.match(found[0]!.message, /“6单位”：数字后缺少量词，应写作“6个单位”/);
      const near = '@年度 2024\n\n对6个单位、5家单位开展督察，办理订单6单，能耗下降0.5单位。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => d.code === 'BG221'), []);
    });
    it('a division’s character typed twice before a department (BG237: 元谋县县卫生健康局), not 县县委, 市市场监管局 or 县县长', () => {
      const text = '@机关 元谋县县卫生健康局\n@年度 2022\n\n2022年，元谋县县卫生健康局在县委领导下，某区区教育局配合。\n';
      const found = checkReport(model(text)).filter((d) => d.code === 'BG237');
      // Once in the text: the 机关 written again in the text is found there.
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['县县', '区区']);
      assert.match(found[0]!.message, /“元谋县县卫生健康局”里的“县”重复了：应写作“元谋县卫生健康局”/);
      assert.equal(applyEdits(text, found[1]!.fixes![0]!.edits), text.replace('某区区', '某区'));
      assert.equal(checkReport(model('@机关 元谋县县卫生健康局\n@年度 2022\n\n正文。\n')).filter((d) => d.code === 'BG237').length, 1);
      assert.deepEqual(codesOf('元谋县县委、县政府，某市市场监督管理局，某县县长，县县通公路，乡乡有司法所。'), []);
    });
    it('BG236 and BG237 stay linear on a hostile line (20,000 triggers on one line)', () => {
      for (const trigger of ['《某局2021依法行政工作安排》', '元谋县县卫生健康局，']) {
        const { ms, result: found } = cpuTimed(() => checkReport(model(`@年度 2021\n\n${trigger.repeat(20_000)}\n`)).filter((d) => /BG23[67]/.test(d.code)));
        // Every one is found; a check lists its first 500 (and says how many more).
        assert.ok(found.length > 500, `${trigger}: ${found.length}`);
        assert.ok(ms < 1_000, `${trigger}: ${ms} ms`);
      }
    });
    it('a template’s placeholders left unfilled (BG233), not letters or footnote marks', () => {
      assert.deepEqual(codesOf('区委共召开会议*次，x镇全年调处纠纷××件。'), ['BG233', 'BG233', 'BG233']);
      assert.deepEqual(codesOf('开通12345热线，推行X光安检，计算x=3，“四个一”*注。'), []);
    });
    it('placeholders of real pages (BG233): x for the digits of a year, an ordinal left open, a blank “_”, a year range lost “(年)”', () => {
      assert.deepEqual(codesOf('在x01x年度考评中排名全省第x，取得自x013年以来最好成绩，20xx年目标。'), ['BG233', 'BG233', 'BG233', 'BG233']);
      assert.deepEqual(codesOf('通过政府采购方式连续聘请_律师担任我局法律顾问。'), ['BG233']);
      assert.deepEqual(codesOf('对照《四川省法治政府建设实施方案(年)》和《汉源县法治政府建设工作方案（年）》。'), ['BG233', 'BG233']);
      assert.deepEqual(codesOf('2021年度，第3次，file_name，《纲要（2021—2025年）》，x射线，年（度）。'), []);
    });
    it('digits a page masked with * (BG233): a year ****年, a paragraph’s typed number *., not * beside Latin or a footnote', () => {
      assert.deepEqual(codesOf('****年，古城街道在市委、市政府的正确领导下扎实推进。'), ['BG233']);
      assert.match(checkReport(model('@年度 2020\n\n****年，古城街道扎实推进。\n')).find((d) => d.code === 'BG233')!.message, /被遮盖的数字/);
      assert.deepEqual(codesOf('# ****年推进法治政府建设的主要举措和成效\n\n*.加强组织领导。为确保法治建设工作连续高效推进。'), ['BG233', 'BG233']);
      assert.deepEqual(codesOf('2025年，完成率100%*注。备注：*****年为示例。'), []);
    });
    it('round 28: a * standing for a name between Chinese characters (“2022年法治*建设工作要点”, “3、*建设”: 优知文库) is BG233; a footnote’s *注 is not', () => {
      assert.deepEqual(codesOf('紧紧围绕区委区政府2022年法治*建设工作要点，完善了*建设工作要点。'), ['BG233', 'BG233']);
      assert.deepEqual(codesOf('完成率100%，“四个一”*注，领导干部*注：含兼职。a*b，2*3。'), []);
    });
    it('round 28: a page’s HTML left between Chinese characters (“海南省人民政府br关于”: 海南 2020) is BG757, in the title and the body; Latin words are not', () => {
      const text = '@标题 海南省人民政府br关于2020年度法治政府建设情况的报告\n@年度 2020\n\n全省推进依法行政&nbsp;成效明显，政务公开<br>取得进展。\n';
      const found = checkReport(model(text)).filter((d) => d.code === 'BG757');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['br', '&nbsp;', '<br>']);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('br关于', '关于'));
      // Near misses: Latin words and abbreviations beside Chinese, br before a digit, an entity name inside a word.
      const near = '@标题 某县2020年度法治政府建设情况报告\n@年度 2020\n\n开通brt公交、GDP增长、app上线、共br3项、ampere测试、推进“互联网+政务服务”。\n';
      assert.deepEqual(checkReport(model(near)).filter((d) => d.code === 'BG757'), []);
    });
    it('round 28: a formula whose plus signs a page turned into spaces (“1 3 x”: 宁夏 2022) is BG752, fixed back to +; words, Chinese and lone tokens are not', () => {
      const lost = (text: string) => checkReport(model(`@年度 2022\n\n${text}\n`)).filter((d) => d.code === 'BG752');
      const text = '@年度 2022\n\n建立领导干部“1 3 x”学法清单，全国推广。\n';
      const found = checkReport(model(text)).filter((d) => d.code === 'BG752');
      assert.equal(found.length, 1);
      assert.equal(text.slice(found[0]!.start, found[0]!.end), '1 3 x');
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('1 3 x', '1+3+x'));
      assert.equal(lost('推行“1 N”工作法。').length, 1);
      // Near misses: the formula written whole, a quote of letters only, of a word, with Chinese, one token alone.
      assert.deepEqual(lost('建立“1+3+X”学法清单，推行“A B”角制度、“Windows 10”系统、“5G 网络”、“12345”热线、“x 3个”。'), []);
    });
    it('a title naming a template’s body (BG233: 某县, xx镇), not an example 机关 a skeleton offers', () => {
      const at = (text: string) => checkReport(model(text)).filter((d) => d.code === 'BG233').map((d) => model(text).file.text.slice(d.start, d.end));
      assert.deepEqual(at('@标题 某县 2025 年度法治政府建设情况报告\n@年度 2025\n\n正文。\n'), ['某']);
      assert.deepEqual(at('@标题 xx镇一季度社会矛盾纠纷排查研判情况综合报告\n\n正文。\n'), ['xx']);
      assert.deepEqual(at('@标题 某某镇2025年度法治政府建设情况报告\n\n正文。\n'), ['某某']);
      assert.deepEqual(at('@标题 桂圩镇2025年度报告\n@机关 某某镇人民政府\n\n某县公安局协助调查。\n'), []);
    });
    it('a few traditional characters in simplified text (BG235) where the report writes them simplified too, with a safe fix', () => {
      const text = '紧紧围绕縣委全面依法治县工作安排，大力精簡审批前置条件，精简审批环节，现將情况报告如下。';
      const found = checkReport(model(`@年度 2019\n\n${text}\n`)).filter((d) => /BG23[45]/.test(d.code));
      // 縣 and 簡 are written 县 and 简 elsewhere; 將 is not (將 alone could be a name's): left alone.
      assert.deepEqual(found.map((d) => `${d.code} ${d.fixes![0]!.edits[0]!.newText}`), ['BG235 县', 'BG235 简']);
      // A report in traditional characters is BG234 once, not a BG235 at each.
      const traditional = '小龍門鄉2024年法治政府建設情況報告。\n\n我鄉深入推進“放管服”改革，簡化行政審批流程，简化。';
      assert.deepEqual(checkReport(model(`@年度 2024\n\n${traditional}\n`)).filter((d) => /BG23[45]/.test(d.code)).map((d) => d.code), ['BG234']);
    });
    // Round 21 (320-zuozuo-2025): “……的工作情況及《……》” in a simplified report that writes 情况 elsewhere.
    it('a traditional 況 (and 訓, 參, 優 …) in simplified text that writes the simplified form elsewhere is BG235', () => {
      const text = '现将工作开展情况报告如下：与地委扩大会议关于全面依法治地的工作情況结合起来，开展培訓3次，组织培训。';
      const found = checkReport(model(`@年度 2025\n\n${text}\n`)).filter((d) => /BG23[45]/.test(d.code));
      assert.deepEqual(found.map((d) => `${d.code} ${d.fixes![0]!.edits[0]!.newText}`), ['BG235 况', 'BG235 训']);
      // Written only so (no 况 elsewhere), it is left alone, as before.
      assert.deepEqual(checkReport(model('@年度 2025\n\n全面了解工作情況。\n')).filter((d) => /BG23[45]/.test(d.code)), []);
    });
    it('text left out (BG233): “(略)” from a site that shows part of a page, “（此处略）” from a template', () => {
      assert.deepEqual(codesOf('连续多 (略) 依法行政工作先进单位，20 (略) 委 (略) 办命名。'), ['BG233', 'BG233', 'BG233']);
      assert.deepEqual(codesOf('典型案例（此处略）。名单见【内容略】。'), ['BG233', 'BG233']);
      assert.deepEqual(codesOf('简略介绍，省略号，略有增长，战略（规划）。'), []);
    });
  });
});
