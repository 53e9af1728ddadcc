// The wording checks left by reused text: BG712 (last year's plan), BG713 (今年来), BG714 (heading 。), BG718 (截止 for 截至), BG719 (a body's name in 《》),
// BG715/BG505 (standard terms), BG716 (one name two ways), BG717 (unregistered official-looking title), BG721 (words
// often confused), BG722 (the leader's name mistyped or left out), BG727 (a word written twice), BG733 (a clause written twice), BG723 (run-in 一是、二是 out of order), BG724 (two issuers run together in the title), BG728 (a heading run into 一是), BG729 (关于 without 的 in a title), BG731 (a title without its kind), BG749 (法治政府 without 建设 in the title), BG730 (plenums listed as of another year), BG734 (a plenum without 全会), BG747 (a plenum numbered by the congress), BG748 (a plenum passing the plan itself), BG753 (历次全会 without its 届), BG770 (a plenum studied without its 精神), BG754 (a 全面依法治X领导小组 of before 2019), BG715's four 亲自, BG735 (the goals of the 2015 纲要), BG732 (a body naming itself 我), BG614 (a document number's brackets).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from '../../../grammar/diagnostic';
import { checkReport } from '../../../server/language/checks/index';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../../server/language/checks/contract';
import { termsChecks } from '../../../server/language/checks/terms';
import { titlesChecks } from '../../../server/language/checks/titles';
import { doubledChecks, doubledPairsIn, doubledWordsIn } from '../../../server/language/checks/doubled';
import { wordingChecks } from '../../../server/language/checks/wording';
import { lastYearsPlanChecks } from '../../../server/language/checks/lastYearsPlan';
import { reportTitleChecks } from '../../../server/language/checks/reportTitle';
import { plenumsChecks } from '../../../server/language/checks/plenums';
import { outdatedGoalsChecks } from '../../../server/language/checks/outdatedGoals';
import { staleBodiesChecks } from '../../../server/language/checks/staleBodies';
import { BARE_WO, bareWoIn, selfReferenceChecks } from '../../../server/language/checks/selfReference';
import { readSettings } from '../../../server/language/config';
import { applyEdits } from '../../../server/language/fixes';
import { fuzzSettings, model, SAMPLES, sampleModel } from '../../helpers.js';

const header = (year: number) => `@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 ${year}\n\n`;
const CHECKS = [...lastYearsPlanChecks, ...plenumsChecks, ...staleBodiesChecks, ...outdatedGoalsChecks, ...selfReferenceChecks, ...wordingChecks, ...doubledChecks, ...reportTitleChecks, ...termsChecks, ...titlesChecks];

function check(text: string, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): Diagnostic[] {
  const m = model(text);
  return CHECKS.flatMap((c) => c.run(m, settings));
}

function expectOne(text: string, code: string, covered: string, fixed?: string, settings?: CheckSettings): Diagnostic {
  const found = check(text, settings).filter((d) => d.code === code);
  assert.equal(found.length, 1, `${code}: ${JSON.stringify(found.map((d) => d.message))}`);
  const d = found[0]!;
  assert.equal(text.slice(d.start, d.end), covered);
  if (fixed !== undefined) assert.equal(applyEdits(text, d.fixes![0]!.edits), fixed);
  return d;
}

describe('checks/wording', () => {
  describe('BG751 召开 a body where its meeting goes (round 28: 镜湖区 2024)', () => {
    it('reports 召开……委员会 and 召开……领导小组 ending their clause, with 会议 as the fix', () => {
      const text = `${header(2024)}召开区委依法治区委员会，传达省委全面依法治省委员会会议精神。\n`;
      const d = expectOne(text, 'BG751', '召开区委依法治区委员会', text.replace('依法治区委员会，', '依法治区委员会会议，'));
      assert.equal(d.fixes![0]!.safe, false);
      expectOne(`${header(2024)}年内召开了法治政府建设工作领导小组。\n`, 'BG751', '召开了法治政府建设工作领导小组');
    });
    it('leaves the meeting named: ……委员会会议, ……委员会第七次(扩大)会议, 党委会, 常委会, a body named after the clause', () => {
      const near = `${header(2024)}召开区委依法治区委员会会议，召开区委全面依法治区委员会第七次(扩大)会议。召开党委会、常委会。召开会议传达区委依法治区委员会，部署工作。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG751'), []);
    });
  });
  describe('BG712 last year’s work plan', () => {
    it('reports last year’s 工作要点 named as this year’s work', () => {
      const text = `${header(2021)}研究制定了《2020年度桂圩镇法治建设工作要点》，明确了任务。\n`;
      const d = expectOne(text, 'BG712', '2020', text.replace('2020', '{年度}'));
      assert.match(d.message, /2021年度/);
      assert.equal(d.fixes![0]!.safe, false);
    });
    it('reports last year’s plan in a clause framed by 今年以来 / 今年来 (they compare with no other year)', () => {
      for (const frame of ['今年以来', '今年来']) {
        const text = `${header(2025)}${frame}，街道研究制定了《2024年度东湖街道法治政府建设工作要点》，持续优化营商环境。\n`;
        expectOne(text, 'BG712', '2024');
      }
      assert.deepEqual(check(`${header(2025)}今年以来，对照《2024年度工作要点》的落实情况开展评估。\n`).filter((d) => d.code === 'BG712'), []);
    });
    it('reports a heading with last year’s year, and a 安排 heading that is not about the next year', () => {
      const text = `${header(2021)}# 2020年度法治政府建设主要举措\n正文。\n\n# 2021年工作计划 {#安排}\n正文。\n`;
      const found = check(text).filter((d) => d.code === 'BG712');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['2020', '2021']);
      assert.equal(applyEdits(text, found[1]!.fixes![0]!.edits), text.replace('2021年工作计划', '{下年度}年工作计划'));
    });
    it('reports last year’s year at the start of a clause about our work (“2020年度我镇制定的……” in 2021)', () => {
      const text = `${header(2021)}# 主要举措\n加强管理。2020年度我镇制定的规范性文件均经审核。\n`;
      expectOne(text, 'BG712', '2020', text.replace('2020年度我镇', '{年度}年度我镇'));
      const fine = `${header(2021)}# 主要举措\n2020年12月，我镇获评示范镇。与2020年我镇相比有提高。自2020年我镇启动以来，今年2020年我镇的经验得到推广。\n`;
      assert.deepEqual(check(fine).filter((d) => d.code === 'BG712'), []);
    });
    it('reports this year’s year on next year’s plans (“2021年，我镇将……” in a 2021 report)', () => {
      const text = `${header(2021)}# 下一年度工作重点 {#安排}\n2021年，我镇将继续围绕法治政府建设工作。\n`;
      expectOne(text, 'BG712', '2021', text.replace('2021年，', '{下年度}年，'));
      assert.deepEqual(check(text.replace('2021年，', '2022年，')).filter((d) => d.code === 'BG712'), []);
    });
    it('leaves comparisons, this year’s plan, the next year’s plan and ranges alone', () => {
      const text = `${header(2021)}# 主要举措\n比2020年工作计划多完成3项。研究制定了《2021年度法治建设工作要点》。落实《法治政府建设实施纲要（2021—2025年）》。\n\n# 2022年工作计划 {#安排}\n正文。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG712'), []);
    });
  });

  describe('BG713 今年来', () => {
    it('reports 今年来 and 2021年来 with a safe fix', () => {
      const text = `${header(2021)}今年来，我镇共调处纠纷。2021年来累计开展活动。结合主题活动,今年来开展送法下乡。\n`;
      const found = check(text).filter((d) => d.code === 'BG713');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['今年来', '2021年来', '今年来']);
      assert.ok(found.every((d) => d.fixes![0]!.safe));
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('今年来', '今年以来'));
    });
    it('leaves 近年来, 多年来, 今年以来 and 今年来我镇调研的专家 alone', () => {
      assert.deepEqual(check(`${header(2021)}近年来，多年来，三年来，今年以来，专家今年来我镇调研。\n\n2016年以来，2021年来自群众的诉求。\n`).filter((d) => d.code === 'BG713'), []);
    });
  });

  describe('BG718 截止 for 截至', () => {
    it('reports 截止 before a point in time with a safe fix to 截至', () => {
      const text = `${header(2021)}截止目前，全年复议决定没有被撤销。截止2021年底共调处纠纷。截止12月，开展活动。\n`;
      const found = check(text).filter((d) => d.code === 'BG718');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['截止', '截止', '截止']);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('截止目前', '截至目前'));
    });
    it('leaves 截至, 截止到, 截止日期 and a deadline after its time alone', () => {
      assert.deepEqual(check(`${header(2021)}截至目前，截止到年底，申报截止日期为5月31日，报名于6月截止。\n`).filter((d) => d.code === 'BG718'), []);
    });
  });

  describe('BG720 a date in two kinds of numerals', () => {
    it('reports a month or day in Chinese numerals after digits, with a safe fix to digits', () => {
      const text = `${header(2022)}2022年五月，组成三个督导组。2022年 十二月召开会议。于3月十五日开展宣传，6月三十一日截止。\n`;
      const found = check(text).filter((d) => d.code === 'BG720');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['五', '十二', '十五', '三十一']);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('2022年五月', '2022年5月'));
      assert.equal(applyEdits(text, found[2]!.fixes![0]!.edits), text.replace('3月十五日', '3月15日'));
      assert.match(found[0]!.message, /月份“五”.*“5”/);
      // The year written as its field prints in digits too.
      assert.equal(check(`${header(2022)}{年度}年五月，组成三个督导组。\n`).filter((d) => d.code === 'BG720').length, 1);
    });
    it('leaves dates written all in digits or all in Chinese, and counts after a year, alone', () => {
      const text = `${header(2022)}2022年5月15日，二〇二二年五月，2022年十余个单位，2022年三个督导组，12月一次。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG720'), []);
    });
  });

  describe('BG714 heading ending in 。', () => {
    it('reports a level-1 heading and a level-2 heading on its own line, with a safe fix', () => {
      const text = `${header(2021)}# 主要举措和成效。\n## 加强自身建设。\n1. 优化营商环境。\n`;
      const found = check(text).filter((d) => d.code === 'BG714');
      assert.equal(found.length, 2);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('成效。', '成效'));
    });
    it('reports a heading ending in a colon, full-width or half-width (一、主要举措和成效:), with a safe fix; not a colon inside it', () => {
      const text = `${header(2021)}# 主要举措和成效:\n正文。\n# 存在的不足：\n正文。\n# 下一步：继续推进依法行政\n正文。\n`;
      const found = check(text).filter((d) => d.code === 'BG714');
      assert.equal(found.length, 2);
      assert.match(found[0]!.message, /末尾不加冒号/);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('成效:', '成效'));
    });
    it('reports a heading ending in a semicolon, full-width or half-width (一、主要举措和成效;), with a safe fix; not one inside it', () => {
      const text = `${header(2024)}# 上一年度推进法治政府建设的主要举措和成效;\n正文。\n# 存在的不足；\n正文。\n# 依法决策；依法行政\n正文。\n`;
      const found = check(text).filter((d) => d.code === 'BG714');
      assert.equal(found.length, 2);
      assert.match(found[0]!.message, /末尾不加分号/);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('成效;', '成效'));
    });
    it('reports a long heading of one phrase (no comma inside) on its own line', () => {
      const text = `${header(2024)}# 深入学习贯彻党的二十大和二十届三中全会关于法治建设重大部署情况。\n我局将学习党的二十大精神作为重要政治任务。\n`;
      expectOne(text, 'BG714', '。', text.replace('部署情况。', '部署情况'));
    });
    it('reports a long heading with a comma inside when headings of its own follow under it (安居区 2024, round 31)', () => {
      const title = '履行推进法治建设第一责任人职责,学习宣传贯彻党的二十大精神及习近平法治思想。';
      const text = `${header(2024)}# ${title}\n区委常委会会议及时传达学习。\n## 理论武装入脑入心\n正文。\n## 重点工作见行见效\n正文。\n`;
      expectOne(text, 'BG714', '。', text.replace('思想。', '思想'));
      // The same sentence over no heading of its own (the next heading is of its level, or there is none) stays a numbered sentence.
      const sibling = `${header(2024)}# ${title}\n正文。\n# 存在的不足\n正文。\n`;
      assert.deepEqual(check(sibling).filter((d) => d.code === 'BG714'), []);
      const last = `${header(2024)}# 主要举措和成效\n## ${title}\n`;
      assert.deepEqual(check(last).filter((d) => d.code === 'BG714'), []);
    });
    it('leaves a level-2 heading that runs into its paragraph, and a long numbered sentence, alone', () => {
      const long = '继续深入推进我乡行政决策科学化、民主化、法治化，不断健全重大行政决策相关机制，严格落实法定程序。';
      const text = `${header(2021)}# 主要举措和成效\n## 全面部署法治建设。\n桂圩镇党委政府高度重视。\n\n### ${long}\n正文。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG714'), []);
    });
  });

  describe('BG715 / BG505 standard terms', () => {
    it('reports 法治政府建设 with its 法 left out (全力确保治政府建设工作落实), not 法治政府建设 itself or 自治, 整治 before 政府', () => {
      const text = `${header(2020)}全力确保治政府建设工作落实有力。\n`;
      expectOne(text, 'BG715', '治政府建设', text.replace('确保治政府', '确保法治政府'));
      const near = `${header(2020)}推进法治政府建设，深入推进法 治政府建设（网页在字间留了空格），加强民族自治政府建设研究，整治政府建设项目拖欠。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('reports 法治营商环境 with its 化 left out, not 法治化营商环境', () => {
      const text = `${header(2024)}深入推进依法行政，持续优化法治营商环境，打造市场化、法治化、国际化营商环境，优化法治化营商环境。\n`;
      expectOne(text, 'BG715', '法治营商环境', text.replace('优化法治营商环境', '优化法治化营商环境'));
    });
    it('reports 全国教育工作大会 for the 全国教育大会 (巫溪县教委 2024, round 31), not the annual 全国教育工作会议 nor the 大会 itself', () => {
      const text = `${header(2024)}深入贯彻全国教育大会精神，全面掌握全国教育工作大会精神要旨。\n`;
      expectOne(text, 'BG715', '全国教育工作大会', text.replace('全国教育工作大会', '全国教育大会'));
      const near = `${header(2024)}贯彻全国教育大会和2024年全国教育工作会议精神，召开全县教育工作大会。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('reports “两个确立”的重大意义 for the party’s wording 决定性意义 (武乡县住建局 2025), not the wording itself or 两个确立 in other words', () => {
      const text = `${header(2025)}深刻领悟“两个确立”的重大意义，增强“四个意识”。\n`;
      const d = expectOne(text, 'BG715', '“两个确立”的重大意义', text.replace('重大意义', '决定性意义'));
      assert.equal(d.message, '“‘两个确立’的重大意义”应为规范用语“‘两个确立’的决定性意义”。');
      const near = `${header(2025)}深刻领悟“两个确立”的决定性意义，坚定拥护“两个确立”、坚决做到“两个维护”，充分认识法治政府建设的重大意义。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('reports 习近平法治思想 with another count of its 坚持 (“十二个坚持”, 中都街道 2025) for its 十一个坚持, not the 坚持 of other teachings', () => {
      const text = `${header(2025)}班子坚持把学习贯彻习近平法治思想“十二个坚持”核心要义作为首要政治任务。\n`;
      const d = expectOne(text, 'BG715', '习近平法治思想“十二个坚持”', text.replace('十二个坚持', '十一个坚持'));
      assert.equal(d.message, '“习近平法治思想‘十二个坚持’”应为规范用语“习近平法治思想‘十一个坚持’”。');
      expectOne(`${header(2025)}深刻把握习近平法治思想的“十个坚持”。\n`, 'BG715', '习近平法治思想的“十个坚持”', `${header(2025)}深刻把握习近平法治思想“十一个坚持”。\n`);
      const near = `${header(2025)}深刻把握习近平法治思想“十一个坚持”核心要义，习近平法治思想的“十一个坚持”，党的百年奋斗“十个坚持”历史经验，“六个必须坚持”。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('reports a term with part of it in quotation marks (法治政府建设“第一责任人”职责), keeping the marks in its fix', () => {
      const text = `${header(2024)}严格履行法治政府建设“第一责任人”职责。\n`;
      const d = expectOne(text, 'BG715', '法治政府建设“第一责任人”', text.replace('法治政府建设“', '法治建设“'));
      assert.equal(d.fixes![0]!.safe, true);
      assert.match(d.message, /法治政府建设‘第一责任人’/);
      const near = `${header(2024)}严格履行法治建设“第一责任人”职责，落实“法治政府建设”要求，推进“法治政府”建设。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('reports 第一责任人 cut short: 第一责任工作清单, 法治政府建设的第一人 (round 32: 夏县司法局 2024, 息县 2021)', () => {
      const list = `${header(2024)}制定党政主要负责人履行法治建设第一责任工作清单，细化举措。\n`;
      expectOne(list, 'BG715', '第一责任工作清单', list.replace('第一责任工作清单', '第一责任人工作清单'));
      const person = `${header(2021)}明确党政主要负责人为全面依法治县及法治政府建设的第一人，成立专门议事协调机构。\n`;
      expectOne(person, 'BG715', '建设的第一人', person.replace('建设的第一人', '建设的第一责任人'));
      const bare = `${header(2021)}党委书记是法治建设第一人。\n`;
      expectOne(bare, 'BG715', '建设第一人', bare.replace('建设第一人', '建设第一责任人'));
      const near = `${header(2024)}制定法治建设第一责任人工作清单，扛牢法治第一责任，列入全省推进乡村建设的第一批试点，他是全县获此殊荣的第一人。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('reports 行政规范文件 with a safe fix to the standard term', () => {
      const text = `${header(2021)}加强行政规范文件的合法性审核。\n`;
      expectOne(text, 'BG715', '行政规范文件', text.replace('行政规范文件', '行政规范性文件'));
    });
    it('reports 法制政府 as BG505 with a safe fix', () => {
      const text = `${header(2021)}推进法制政府建设。\n`;
      const d = expectOne(text, 'BG505', '法制政府', text.replace('法制政府', '法治政府'));
      assert.equal(d.fixes![0]!.safe, true);
    });
    it('reports 推荐法治政府建设 (a real report’s heading) as 推进法治政府建设', () => {
      const text = `${header(2021)}二、2021年度推荐法治政府建设存在的不足和原因\n`;
      expectOne(text, 'BG715', '推荐法治政府建设', text.replace('推荐', '推进'));
    });
    it('reports 中央依法治国工作会议 (a real report’s) as 中央全面依法治国工作会议', () => {
      const text = `${header(2022)}组织学习了中央依法治国工作会议精神。\n`;
      expectOne(text, 'BG715', '中央依法治国工作会议', text.replace('中央依法治国', '中央全面依法治国'));
    });
    it('reports 法治政府建设第一责任人 (the 规定’s term is 推进法治建设第一责任人) and 党委中心学习组 for 理论学习中心组', () => {
      const text = `${header(2025)}一、2025年党政主要负责人履行推进法治政府建设第一责任人职责情况\n`;
      expectOne(text, 'BG715', '法治政府建设第一责任人', text.replace('法治政府建设第一责任人', '法治建设第一责任人'));
      const group = `${header(2023)}我镇将习近平法治思想纳入党委中心学习组，并开展学习培训。\n`;
      expectOne(group, 'BG715', '中心学习组', group.replace('中心学习组', '理论学习中心组'));
    });
    it('reports 第一责任职责 with its 人 left out (双合镇 2022, 云安某镇 2021), not 第一责任人责任 or 第一责任人职责', () => {
      const text = `${header(2021)}本镇党政主要负责人切实履行了推进法治建设第一责任职责，发挥党总揽全局作用。\n`;
      expectOne(text, 'BG715', '第一责任职责', text.replace('第一责任职责', '第一责任人职责'));
      const near = `${header(2024)}压紧压实法治建设第一责任人责任，认真履行推进法治建设第一责任人职责。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('reports 推进法治建设责任人职责 without its 第一 (兴国县 2022) and 情况报如下 without its 告 (浮梁县 2022) — round 27', () => {
      const duty = `${header(2022)}各部门主要负责同志认真履行推进法治建设责任人职责，定期研究部署法治政府建设工作。\n`;
      expectOne(duty, 'BG715', '推进法治建设责任人职责', duty.replace('推进法治建设责任人职责', '推进法治建设第一责任人职责'));
      const report = `${header(2022)}为全县经济高质量发展提供有力法治保障。现将我县推进法治政府建设情况报如下：\n`;
      expectOne(report, 'BG715', '报如下', report.replace('报如下', '报告如下'));
      // Near misses: the duty written whole, a 法治建设责任人 named without the duty, 汇报如下, 呈报如下, 通报如下.
      const near = `${header(2022)}认真履行推进法治建设第一责任人职责，明确各村法治建设责任人。现将有关情况汇报如下：现呈报如下：现通报如下：\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('reports a congress run into its plenary sessions (党的二十大届三中全会: 宁安镇 2024), not 二十大和二十届 or 二十届', () => {
      const text = `${header(2024)}全面学习贯彻习近平法治思想及党的二十大届三中全会精神。\n`;
      expectOne(text, 'BG715', '二十大届', text.replace('二十大届', '二十届'));
      const old = `${header(2021)}深入学习党的十九大届五中全会精神。\n`;
      expectOne(old, 'BG715', '十九大届', old.replace('十九大届', '十九届'));
      const near = `${header(2024)}学习贯彻党的二十大和二十届二中、三中全会精神，党的二十届三中全会精神，十九届六中全会。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('reports 学习贯彻二十大精神 with 党的 left out (大马营镇 2025), not 党的二十大精神, 党的十九大和二十大精神 or an event’s name', () => {
      const text = `${header(2025)}2025年，大马营镇深入学习贯彻二十大精神和习近平法治思想。\n`;
      expectOne(text, 'BG715', '贯彻二十大精神', text.replace('贯彻二十大精神', '贯彻党的二十大精神'));
      const old = `${header(2018)}认真落实十九大精神。\n`;
      expectOne(old, 'BG715', '落实十九大精神', old.replace('落实十九大精神', '落实党的十九大精神'));
      const near = `${header(2025)}深入学习贯彻党的二十大精神，开展“学习二十大·奋进新征程”宣讲，领会党的二十大和二十届四中全会精神。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG715'), []);
    });
    it('leaves 推进法治建设第一责任人, 加强法治政府建设 and 党委理论学习中心组 alone', () => {
      const text = `${header(2025)}党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况；党委理论学习中心组学习12次。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG715'), []);
    });
    it('leaves the standard terms, 法制审核, 依法制定, 普法宣传教育 alone', () => {
      const text = `${header(2021)}法治政府建设，法制审核，法制机构，依法制政府规章，行政规范性文件，普法宣传教育，法治宣传教育，执法全程记录，中央全面依法治国工作会议。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG715' || d.code === 'BG505'), []);
    });
    it('reports 法制 where the term is 法治 (法制公安, 法制思维, 决策科学化、民主化、法制化) and 市委市政府 without its 顿号', () => {
      const police = `${header(2025)}定期听取汇报，提升了法制公安建设水平。\n`;
      expectOne(police, 'BG715', '法制公安', police.replace('法制公安', '法治公安'));
      const decisions = `${header(2025)}为确保决策科学化、民主化、法制化，重大决策事项由党组集体讨论决定。\n`;
      expectOne(decisions, 'BG715', '民主化、法制化', decisions.replace('法制化', '法治化'));
      const thinking = `${header(2024)}提升领导干部运用法制思维和法治方式解决问题的能力。\n`;
      expectOne(thinking, 'BG715', '法制思维', thinking.replace('法制思维', '法治思维'));
      const city = `${header(2019)}按照市委市政府法治政府建设纲要精神，强化依法行政。\n`;
      expectOne(city, 'BG715', '市委市政府', city.replace('市委市政府', '市委、市政府'));
      const duties = `${header(2021)}加强制度建设，明确法制建设工作职责。\n`;
      expectOne(duties, 'BG715', '法制建设工作', duties.replace('法制建设工作', '法治建设工作'));
      assert.deepEqual(check(`${header(2021)}推进社会主义民主法制建设工作。\n`).filter((d) => d.code === 'BG715'), []);
      // Round 26 (小白楼街道 2020): “践行四个全面” — the formulas are quoted.
      const formula = `${header(2020)}以法治规范行政行为，践行四个全面，增强四个意识。\n`;
      const formulas = check(formula).filter((d) => d.code === 'BG715');
      assert.deepEqual(formulas.map((d) => formula.slice(d.start, d.end)), ['四个全面', '四个意识']);
      assert.equal(applyEdits(formula, formulas[0]!.fixes![0]!.edits), formula.replace('践行四个全面', '践行“四个全面”'));
      assert.deepEqual(check(`${header(2020)}协调推进“四个全面”战略布局，增强‘四个意识’，坚定"四个自信"，做到“两个维护”。\n`).filter((d) => d.code === 'BG715'), []);
      const county = `${header(2025)}在县委县政府的坚强领导下，扎实推进法治政府建设。\n`;
      expectOne(county, 'BG715', '县委县政府', county.replace('县委县政府', '县委、县政府'));
      // Round 15 (红寺堡区 2024): the second body without its level.
      const district = `${header(2024)}法治政府建设纳入区委、政府年度工作要点和年度督查检查考核工作计划。\n`;
      expectOne(district, 'BG715', '区委、政府', district.replace('区委、政府', '区委、区政府'));
      // Round 15 (诸暨市气象局 2024): 负责人 of the 规定's title written 责任人.
      const head = `${header(2024)}全面落实主要责任人履行推进法治建设第一责任人职责。\n`;
      expectOne(head, 'BG715', '主要责任人履行', head.replace('主要责任人', '主要负责人'));
      const fine = `${header(2024)}党政主要负责人履行推进法治建设第一责任人职责，明确安全生产主要责任人。\n`;
      assert.deepEqual(check(fine).filter((d) => d.code === 'BG715'), []);
    });
    it('leaves 法制审核, 法制科, 市委、市政府, 市委和市政府, 省委、市委, 区委常委会 and 党委、政府 alone', () => {
      const text = `${header(2025)}开展重大执法决定法制审核，局法制科负责；在市委、市政府和县委、县政府的领导下，市委和市政府督查室、省委、市委、区委常委会、区政府常务会议研究部署，镇党委、政府和县委、县政府主要负责人带头。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG715' || d.code === 'BG505'), []);
    });
    it('takes the user’s terms from settings (baogao.json “terms”)', () => {
      const settings = readSettings({ terms: { 综合执法办: '综合行政执法办公室' } }).service.checks;
      const text = `${header(2021)}镇综合执法办开展巡查。\n`;
      expectOne(text, 'BG715', '综合执法办', text.replace('综合执法办', '综合行政执法办公室'), settings);
      assert.deepEqual(readSettings({ terms: ['x'] }).problems.length, 1);
    });
  });

  describe('BG716 one name written two ways', () => {
    it('reports the second form of a name that differs by one character', () => {
      const text = `${header(2021)}登录《广东省政务服务网》办理。\n在《广东政务服务网》公开信息。\n`;
      const d = expectOne(text, 'BG716', '广东政务服务网');
      assert.match(d.message, /广东省政务服务网/);
    });
    it('leaves two years’ plans and unrelated titles alone', () => {
      const text = `${header(2021)}对照《2020年度法治建设工作要点》和《2021年度法治建设工作要点》，落实《信访工作条例》《信访条例》。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG716'), []);
    });
  });

  describe('BG717 unregistered official-looking title', () => {
    it('hints at a registered title with words added, and a national-looking 规划 nobody registered', () => {
      const text = `${header(2021)}制定《法治政府建设实施纲要（2021—2025年）工作方案》，落实《乡村法治建设发展规划（2021—2025年）》。\n`;
      const found = check(text).filter((d) => d.code === 'BG717');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['法治政府建设实施纲要（2021—2025年）工作方案', '乡村法治建设发展规划（2021—2025年）']);
      assert.ok(found.every((d) => d.severity === 'hint'));
    });
    it('hints at a 纲要 cited without its period: the national one (naming the registered ones) and a province’s', () => {
      const text = `${header(2022)}认真落实《法治政府建设实施纲要》《广东省法治政府建设实施纲要》和《清城区2022年法治政府建设工作要点》。\n`;
      const found = check(text).filter((d) => d.code === 'BG717');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['法治政府建设实施纲要', '广东省法治政府建设实施纲要']);
      assert.match(found[0]!.message, /少了规划期：登记的有《法治政府建设实施纲要（2015—2020年）》《法治政府建设实施纲要（2021—2025年）》/);
      assert.match(found[1]!.message, /少了规划期/);
    });
    it('leaves registered, local, yearly and “关于” titles alone', () => {
      const text = `${header(2021)}落实《法治政府建设实施纲要（2021—2025年）》《广东省法治政府建设实施纲要（2021—2025年）》《桂圩镇“八五”普法规划》《关于加强法治乡村建设的意见》《2021年度法治建设工作要点》《村规民约》。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG717'), []);
      // A national plan issued since: registered, not hinted at (seen in 2023 and 2024 reports).
      assert.deepEqual(check(`${header(2024)}审议贯彻《全面深化法治领域改革纲要（2023—2027年）》重要举措。\n`).filter((d) => ['BG717', 'BG501'].includes(d.code)), []);
    });
    it('leaves a province-level place’s own plan named without its division alone (round 24: 友谊路、殷行、新江湾城街道 cite 《上海法治政府建设规划(2021-2025年)》)', () => {
      const text = `${header(2024)}根据《上海法治政府建设规划(2021-2025年)》《浙江法治政府建设规划（2021—2025年）》《内蒙古法治社会建设实施纲要（2021—2025年）》部署要求。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG717'), []);
      // A place's name inside a word is no place (上海 starts no word here): the national-looking plan is still hinted at.
      assert.equal(check(`${header(2024)}落实《全民法治建设规划（2021—2025年）》和《上海法治政府建设实施纲要》。\n`).filter((d) => d.code === 'BG717').length, 2);
    });
    it('leaves a bare kind of document alone: “国家、本市法治政府建设《纲要》《规划》” names documents by their short names (嘉定区 2022)', () => {
      const text = `${header(2022)}按照国家、本市法治政府建设《纲要》《规划》以及上级相关部署要求，落实《实施纲要》《发展规划》。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG717'), []);
      // A plan with a subject before its kind is still looked at.
      assert.equal(check(`${header(2022)}落实《乡村法治建设纲要》《全民普法规划》。\n`).filter((d) => d.code === 'BG717').length, 2);
    });
    it('leaves study books called 学习纲要 alone: they are published outlines to study, not plans', () => {
      const text = `${header(2021)}深入学习《习近平法治思想学习纲要》《习近平新时代中国特色社会主义思想学习纲要（2023年版）》《习近平生态文明思想学习纲要》。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG717'), []);
      assert.equal(check(`${header(2021)}落实《乡村法治建设发展纲要》。\n`).filter((d) => d.code === 'BG717').length, 1);
    });
    it('leaves a plan named after the report’s own place alone (“法治桂圩建设规划” of 桂圩镇, “法治嘉善” of 嘉善县司法局)', () => {
      assert.deepEqual(check(`${header(2021)}制定《法治桂圩建设规划（2021—2025年）》。\n`).filter((d) => d.code === 'BG717'), []);
      const county = `@类型 法治政府建设年度报告\n@机关 嘉善县司法局\n@年度 2021\n\n制定《法治嘉善建设规划（2021—2025年）》，落实《乡村法治建设发展规划（2021—2025年）》。\n`;
      assert.equal(check(county).filter((d) => d.code === 'BG717').length, 1);
    });
    it('leaves a province’s plan named 法治湖南 alone, and asks a 法治湖南建设规划 without its period for it (云溪区交通运输局 2025)', () => {
      const text = `${header(2025)}全面落实《法治湖南建设规划（2021—2025年）》《法治浙江建设规划（2021—2025年）》《法治社会建设实施纲要（2020—2025年）》。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG717'), []);
      const found = check(`${header(2025)}落实《法治湖南建设规划》《法治中国建设规划》。\n`).filter((d) => d.code === 'BG717');
      assert.equal(found.length, 2);
      assert.ok(found.every((d) => /少了规划期/.test(d.message)));
    });
    it('leaves a title registered in the settings alone', () => {
      const settings = readSettings({ citations: ['乡村法治建设发展规划（2021—2025年）'] }).service.checks;
      assert.deepEqual(check(`${header(2021)}落实《乡村法治建设发展规划（2021—2025年）》。\n`, settings).filter((d) => d.code === 'BG717'), []);
    });
  });

  describe('BG733 a clause written twice', () => {
    it('reports a clause repeating the one before it, or its end (共排查出… / 排查出…), with a fix deleting it and its comma', () => {
      const text = `${header(2021)}自2020年10月以来,共排查出涉民营企业刑事诉讼“挂案” 5起,排查出涉民营企业刑事诉讼“挂案” 5起,2021年上半年侦办案件23起。\n`;
      const d = expectOne(text, 'BG733', '排查出涉民营企业刑事诉讼“挂案” 5起', text.replace(',排查出涉民营企业刑事诉讼“挂案” 5起', ''));
      assert.match(d.message, /和前一个分句重复/);
      // A sentence typed twice.
      const twice = `${header(2021)}全年组织集中学法12次。全年组织集中学法12次。\n`;
      expectOne(twice, 'BG733', '全年组织集中学法12次', `${header(2021)}全年组织集中学法12次。\n`);
    });
    it('leaves parallel clauses, short repeats and a clause repeating less than 70% of the one before alone', () => {
      const text = `${header(2021)}加强组织领导,加强队伍建设;警情同比下降,同比下降;镇村两级党组织和全镇11个村社区全部开展法治宣传,开展法治宣传;市级部门全部完成述法,县级部门全部完成述法。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG733'), []);
    });
    it('reads a figure as the value it prints: the same value repeats, another does not', () => {
      const twice = `${header(2021)}共排查出涉民营企业刑事诉讼“挂案”{挂案 = 5起},排查出涉民营企业刑事诉讼“挂案”{挂案二 = 5起}。\n`;
      expectOne(twice, 'BG733', '排查出涉民营企业刑事诉讼“挂案”{挂案二 = 5起}');
      const other = `${header(2021)}全年组织开展法治宣传活动{上半年 = 12场次},全年组织开展法治宣传活动{下半年 = 8场次}。\n`;
      assert.deepEqual(check(other).filter((d) => d.code === 'BG733'), []);
    });
  });

  describe('BG719 a body’s name in 《》', () => {
    it('reports a body set up and named in 《》, with a fix that removes the marks', () => {
      const text = `${header(2021)}5月9日成立了《桂圩镇行政复议咨询委员会》并下发了咨询委员会《工作规则》。\n`;
      const found = check(text).filter((d) => d.code === 'BG719');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['《桂圩镇行政复议咨询委员会》']);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('《桂圩镇行政复议咨询委员会》', '桂圩镇行政复议咨询委员会'));
    });
    it('leaves documents and bodies not being set up alone', () => {
      assert.deepEqual(check(`${header(2021)}成立了法治建设领导小组，印发《关于成立桂圩镇法治建设领导小组的通知》，学习《中心工作规则》。\n`).filter((d) => d.code === 'BG719'), []);
    });
  });

  describe('BG721 words often confused', () => {
    it('reports 疏理 of 事项 or 清单 (延边州 2022) as 梳理, with a safe fix; not 疏理河道 or 疏理 far from its object', () => {
      const text = `${header(2022)}疏理州本级行政审批前置中介服务事项101项、权责清单2268项。\n`;
      expectOne(text, 'BG721', '疏理', text.replace('疏理', '梳理'));
      const near = `${header(2022)}组织疏理河道沟渠3公里，疏理排水管网，梳理权责清单2268项；疏理工作完成后，形成问题清单。\n`;
      assert.deepEqual(check(near).filter((d) => d.code === 'BG721'), []);
    });
    it('reports 权力 paired with 义务 and 到达 before an amount, with a safe fix', () => {
      const text = `${header(2020)}引导辖区居民在“一级响应”中正确行使权力、履行义务。\n`;
      expectOne(text, 'BG721', '权力', text.replace('行使权力', '行使权利'));
      const rate = `${header(2024)}参学率、报考率、参考率、通过率均到达100%。\n`;
      expectOne(rate, 'BG721', '到达', rate.replace('到达', '达到'));
      expectOne(`${header(2024)}明确双方的权力和义务。\n`, 'BG721', '权力');
      // The amount marked up as a figure (as import writes it) is an amount all the same.
      expectOne(`${header(2024)}通过率均到达{通过率 = 100%}。\n`, 'BG721', '到达');
    });
    it('reports 权力 raised where 能力 is meant (round 32: 双河街道 2023 “提升依法行政权力”), with a safe fix', () => {
      const text = `${header(2023)}# 加强依法行政组织领导,提升依法行政权力\n\n推进依法行政。\n`;
      const d = expectOne(text, 'BG721', '权力', text.replace('行政权力', '行政能力'));
      assert.match(d.message, /“权力”应为“能力”/);
      expectOne(`${header(2023)}不断提高履职权力。\n`, 'BG721', '权力');
      expectOne(`${header(2023)}增强执法权力，规范执法行为。\n`, 'BG721', '权力');
    });
    it('leaves 权力 that begins the words raised, or is exercised, and 提升 far from it', () => {
      const text = `${header(2023)}提高权力运行透明度，提升依法行政权力运行的规范化水平，提升行使权力的能力，提高认识，依法行使权力，提升效能、规范权力运行。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG721'), []);
    });
    it('leaves 权力 and 到达 in their own senses alone', () => {
      const text = `${header(2024)}依法行使权力，自觉接受监督；执法人员30分钟内到达现场；规范权力运行，履行法定职责；公民的权利和义务。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG721'), []);
    });
  });

  describe('BG722 the leader’s name mistyped', () => {
    it('reports 习近平 with one character wrong before its titles, with a safe fix', () => {
      const text = `${header(2019)}2019年，汉源县法治政府建设工作以习菦平新时代中国特色社会主义思想为指导。\n`;
      expectOne(text, 'BG722', '习菦平', text.replace('习菦平', '习近平'));
      expectOne(`${header(2024)}深入学习贯彻习进平法治思想。\n`, 'BG722', '习进平');
    });
    it('reports the name shortened to 习总书记 / 习总, with a safe fix to 习近平总书记', () => {
      const text = `${header(2016)}坚持以习总书记系列重要讲话精神为导向，全面部署法治政府建设工作。\n`;
      const d = expectOne(text, 'BG722', '习总书记', text.replace('习总书记', '习近平总书记'));
      assert.match(d.message, /简称/);
      expectOne(`${header(2016)}深入贯彻习总重要讲话精神。\n`, 'BG722', '习总');
    });
    it('leaves 学习总书记… (学习 before 总书记) and 学习总结, 复习总体 alone', () => {
      const text = `${header(2016)}认真学习总书记系列重要讲话，深入学习总结经验，复习总体要求，组织练习总计12次。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG722'), []);
    });
    it('leaves the name written right, and other words with 习, alone', () => {
      const text = `${header(2024)}学习习近平新时代中国特色社会主义思想，学习平安建设经验，复习近期文件，贯彻习近平法治思想。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG722'), []);
    });
    it('reports 总书记 for the name in a thought’s title (a sharing site’s 述法 report), with a safe fix to 习近平', () => {
      const text = `${header(2023)}二、学习贯彻总书记法治思想，增强法治意识。带领机关干部学习总书记法治思想，吃透基本精神。\n`;
      const found = check(text).filter((d) => d.code === 'BG722');
      assert.equal(found.length, 2, JSON.stringify(found.map((d) => d.message)));
      assert.ok(found.every((d) => text.slice(d.start, d.end) === '总书记'));
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('总书记', '习近平'));
      expectOne(`${header(2025)}本年度，我始终以总书记新时代中国特色社会主义思想为指导。\n`, 'BG722', '总书记');
    });
    it('leaves 习近平总书记…, 总书记 before anything but a thought’s title, and 习总书记法治思想 reported once', () => {
      const text = `${header(2023)}深入学习贯彻习近平总书记法治思想和习近平总书记重要讲话精神，落实总书记重要指示批示，学习总书记关于法治建设的重要论述。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG722'), []);
      expectOne(`${header(2016)}深入学习习总书记法治思想。\n`, 'BG722', '习总书记');
    });
  });

  describe('BG722 习近平法治思想 written 法治思想', () => {
    it('reports 法治思想 studied or followed without its name, with a fix that is not safe', () => {
      const text = `${header(2024)}2024年，宁安镇以习近平新时代中国特色社会主义思想为指导，全面学习贯彻法治思想及党的二十届三中全会精神。一是将法治思想作为政府履职的核心指引。县委、县政府始终把学法治思想作为首要任务。\n`;
      const found = check(text).filter((d) => d.code === 'BG722');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['法治思想', '法治思想', '法治思想']);
      assert.equal(found[0]!.fixes![0]!.safe, false);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('贯彻法治思想', '贯彻习近平法治思想'));
      expectOne(`${header(2020)}坚持以习近平新时代中国特色社会主义思想和法治思想为指导。\n`, 'BG722', '法治思想');
      // 与 and 及 join the two thoughts as 和 does (round 29: a 县教育局 2025 “……社会主义思想与法治思想”).
      expectOne(`${header(2025)}持续深入学习贯彻习近平新时代中国特色社会主义思想与法治思想。\n`, 'BG722', '法治思想');
      expectOne(`${header(2025)}学习习近平新时代中国特色社会主义思想及法治思想。\n`, 'BG722', '法治思想');
      expectOne(`${header(2022)}一、坚持以法治思想为统领，党对法治政府建设的领导更加坚强有力。\n`, 'BG722', '法治思想');
    });
    it('leaves 习近平法治思想, a way of thinking (法治意识和法治思想, 树立法治思想) and 总书记法治思想 (said once, as its own slip) alone', () => {
      const text = `${header(2022)}深入学习贯彻习近平法治思想，提高广大党员的法治意识和法治思想，引导群众树立法治思想，围绕学习习近平法治思想开展培训。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG722'), []);
      expectOne(`${header(2023)}带领机关干部学习总书记法治思想。\n`, 'BG722', '总书记');
    });
  });

  describe('BG727 a word written twice', () => {
    it('reports a word of three or more characters written twice in a row, with a fix that is not safe', () => {
      const text = `${header(2024)}2024年，廉江市民政局民政局坚持依法行政。桂圩镇利用镇驻村法律顾问法律顾问，全程参与。\n`;
      const found = check(text).filter((d) => d.code === 'BG727');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['民政局', '法律顾问']);
      assert.equal(found[0]!.fixes![0]!.safe, false);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('民政局民政局', '民政局'));
    });
    it('finds what comparing six places on from every ideograph finds, on any text (property)', () => {
      // The plain reading: at each ideograph the shortest word of 3–8 ideographs, not all one character,
      // that comes again right after it; on after its second copy.
      const reference = (text: string) => {
        const out: Array<{ at: number; length: number }> = [];
        const han = (c: number) => c >= 0x4e00 && c <= 0x9fff;
        for (let i = 0; i + 6 <= text.length; i++) {
          const c = text.charCodeAt(i);
          if (!han(c)) continue;
          for (let n = 3; n <= 8 && i + 2 * n <= text.length; n++) {
            const word = text.slice(i, i + n);
            if (word !== text.slice(i + n, i + 2 * n) || ![...word].every((ch) => han(ch.charCodeAt(0))) || [...word].every((ch) => ch === word[0])) continue;
            out.push({ at: i, length: n });
            i += 2 * n - 1;
            break;
          }
        }
        return out;
      };
      const text = fc.array(fc.constantFrom('甲', '乙', '丙', '丁', 'a', '，', '甲乙丙', '甲乙甲'), { maxLength: 60 }).map((p) => p.join(''));
      fc.assert(fc.property(text, (t) => assert.deepEqual(doubledWordsIn(t), reference(t))), fuzzSettings(2000));
    });
    it('finds the doubled pairs that reading every place of the text finds, on any text (property)', () => {
      // The plain reading: at each place two different ideographs that come again right after them, not around an
      // idiom's head nor before what follows a verb said twice for “a little”; on after the second copy.
      const heads = new Set('自共占谁一不无有全同边互多亲再双各每以即可真大小半非上下前后千万百十两三四五六七八九');
      const reference = (text: string) => {
        const out: Array<{ at: number; length: number }> = [];
        const han = (ch: string | undefined) => ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';
        for (let i = 0; i + 4 <= text.length; i++) {
          const [a, b] = [text[i]!, text[i + 1]!];
          if (text.slice(i, i + 2) !== text.slice(i + 2, i + 4) || a === b || !han(a) || !han(b)) continue;
          if (heads.has(a) || heads.has(b) || (i > 0 && heads.has(text[i - 1]!))) continue;
          if ('再吧看了呢嘛'.includes(text[i + 4] ?? 'x') || text.startsWith('一下', i + 4)) continue;
          out.push({ at: i, length: 2 });
          i += 3;
        }
        return out;
      };
      const text = fc.array(fc.constantFrom('甲', '乙', '丙', '自', '再', '一', '下', 'a', '，', '甲乙', '乙甲'), { maxLength: 60 }).map((p) => p.join(''));
      fc.assert(fc.property(text, (t) => assert.deepEqual(doubledPairsIn(t), reference(t))), fuzzSettings(2000));
    });
    it('reports a two-character word written twice outside an idiom (round 24: 塘桥街道 “组织组织居委干部”), with a fix that is not safe', () => {
      const text = `${header(2024)}司法所开展了2场宣传活动，组织组织居委干部、人民调解员等共计100余人次参加。\n`;
      const d = expectOne(text, 'BG727', '组织', text.replace('组织组织', '组织'));
      assert.match(d.message, /“组织”连写了两遍/);
      assert.equal(d.fixes![0]!.safe, false);
      // Three copies are one slip; a three-character word twice is read as before, not again as pairs.
      assert.equal(check(`${header(2024)}组织组织组织居委干部参加。\n`).filter((x) => x.code === 'BG727').length, 1);
      assert.deepEqual(check(`${header(2024)}廉江市民政局民政局坚持依法行政。\n`).filter((x) => x.code === 'BG727').map((x) => x.message.slice(0, 6)), ['“民政局”连']);
    });
    it('leaves the pairs of idioms with a repeated head (共建共享, 谁执法谁普法普法责任制) and verbs said twice for “a little” alone', () => {
      const text = `${header(2024)}构建共建共享的治理格局，落实谁执法谁普法普法责任制，大家商量商量吧，先了解了解一下，一步一步推进，同部署同推进。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG727'), []);
      assert.deepEqual(doubledPairsIn('研究研究再定，哈哈哈哈，一村一品一村一品'), []);
    });
    it('leaves two characters twice (自查自纠, 占道占地), one character repeated and a word repeated after a mark alone', () => {
      const text = `${header(2024)}开展执法检查自查自纠，整治社道占道占地，研究研究再定，哈哈哈哈哈哈，一村一品、一村一品，法律顾问，法律顾问。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG727'), []);
    });
  });

  describe('BG723 run-in 一是、二是 out of order', () => {
    it('reports 二是 with no 一是 before it under a heading (the first item left unnumbered)', () => {
      const text = `${header(2024)}# 主要举措和成效\n\n## 加强法治培训，增强干部法治意识\n组织会议学习{会议学习 = 10余次}，提升学法守法水平。二是积极引导乡村两级干部利用学习平台学法。\n`;
      const d = expectOne(text, 'BG723', '二是');
      assert.match(d.message, /没有“一是”/);
    });
    it('reports an item skipped or repeated, counted across the paragraphs of a part', () => {
      const skipped = `${header(2024)}# 主要举措和成效\n\n一是加强领导。\n\n三是强化培训。\n`;
      assert.match(expectOne(skipped, 'BG723', '三是').message, /应是“二是”/);
      const repeated = `${header(2024)}# 主要举措和成效\n\n一是加强领导；二是强化培训；二是规范执法。\n`;
      assert.match(expectOne(repeated, 'BG723', '二是').message, /应是“三是”/);
    });
    it('leaves items in order, a count restarting at 一是 in each part or list item, a page’s space (一 是) and items run into a heading', () => {
      const text = `${header(2024)}# 主要举措和成效\n\n一是加强领导。\n\n二是强化培训，三 是规范执法。\n\n## 严格执法\n筑牢思想根基一是深化学习，组织培训{培训 = 4次}二是规范执法。\n\n1. 深化学习。一是领学。二是研讨。\n2. 规范执法。一是培训；二是考试。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG723'), []);
    });
    it('leaves 之一是, 第一是, 其一是, 统一是 (no items) and an excerpt that begins at 三是 before any heading', () => {
      const text = `${header(2024)}三是规范执法，重点之一是执法公示。\n\n# 主要举措和成效\n\n一是加强领导，其中第一是组织保障，统一是前提；二是强化培训。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG723'), []);
    });
  });

  describe('BG724 two issuers run together in the title', () => {
    const titled = (title: string) => `@标题 ${title}\n@类型 法治政府建设年度报告\n@机关 楠木铺乡人民政府\n@年度 2024\n\n正文。\n`;
    it('reports a party committee and a government run together before 关于, with a safe fix that spaces them', () => {
      const text = titled('中共楠木铺乡党委楠木铺乡人民政府关于2024年法治政府建设工作的报告');
      const d = expectOne(text, 'BG724', '中共楠木铺乡党委楠木铺乡人民政府', text.replace('党委楠木铺乡', '党委 楠木铺乡'));
      assert.match(d.message, /“中共楠木铺乡党委”和“楠木铺乡人民政府”是两个机关/);
      expectOne(titled('中共某街道工作委员会某街道办事处2023年法治政府建设情况报告'), 'BG724', '中共某街道工作委员会某街道办事处');
    });
    it('leaves spaced issuers, one body with 委员会 inside its name and a 党组’s own title alone', () => {
      for (const title of ['中共楠木铺乡党委 楠木铺乡人民政府关于2024年法治政府建设工作的报告', '中共某县委全面依法治县委员会办公室关于2024年法治建设情况的报告', '某县卫生健康局党组关于2023年法治政府建设情况的报告', '楠木铺乡人民政府关于2024年法治政府建设情况的报告']) {
        assert.deepEqual(check(titled(title)).filter((d) => d.code === 'BG724'), [], title);
      }
    });
  });

  describe('BG725 为指导 without 以', () => {
    it('reports 为指导 (为根本遵循, 为统领) in a clause with no 以, with no automatic fix', () => {
      const text = `${header(2020)}2020年，在市委、市政府的正确领导下，我局深入贯彻落实习近平生态文明思想为指导，认真贯彻落实全国生态环境保护大会精神。\n`;
      const d = expectOne(text, 'BG725', '为指导');
      assert.equal(d.fixes?.length ?? 0, 0);
      expectOne(`${header(2025)}全局坚持习近平法治思想为根本遵循，依法履职。\n`, 'BG725', '为根本遵循');
      expectOne(`${header(2025)}我县坚持党的全面领导为统领、依法行政为主线，推进法治政府建设。\n`, 'BG725', '为统领');
    });
    it('leaves 以……为指导 (across quotes too), 以此为指导, 作为指导, 把……作为根本遵循 and 为指导 meaning “in order to guide”', () => {
      const text = `${header(2025)}坚持以习近平新时代中国特色社会主义思想为指导，坚持以“三个代表”重要思想为指导，并以此为指导；把习近平法治思想作为根本遵循，作为指导思想；县司法局为指导乡镇开展工作，制定了方案。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG725'), []);
    });
    it('leaves “以……，尤其是（特别是）……为指导” (武进区商务局 2024), and still reports a clause after another kind of comma', () => {
      const text = `${header(2024)}2024年，武进区商务局法治政府建设工作坚持以习近平新时代中国特色社会主义思想，尤其是习近平法治思想为指导，立足商务工作实际。全局以党建为引领,特别是习近平法治思想为根本遵循,依法履职。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG725'), []);
      expectOne(`${header(2024)}我局以党建为引领，深入贯彻落实习近平法治思想为指导，依法履职。\n`, 'BG725', '为指导');
      expectOne(`${header(2024)}我局坚持依法行政，尤其是习近平法治思想为指导，依法履职。\n`, 'BG725', '为指导');
    });
  });

  describe('BG726 an annual report’s title without its year', () => {
    const titled = (title: string, kind = '法治政府建设年度报告') => `@标题 ${title}\n@类型 ${kind}\n@机关 眉山市生态环境局\n@年度 2019\n\n正文。\n`;
    it('reports an annual report’s title that names no year', () => {
      const d = expectOne(titled('眉山市生态环境局法治政府建设工作总结'), 'BG726', '眉山市生态环境局法治政府建设工作总结');
      assert.match(d.message, /2019年/);
      expectOne(titled('大河乡人民政府关于法治政府建设的情况报告'), 'BG726', '大河乡人民政府关于法治政府建设的情况报告');
    });
    it('leaves a title with its year (digits, 二〇一九, {年度}, a placeholder’s 20xx) and a report of another kind alone', () => {
      for (const title of ['眉山市生态环境局2019年法治政府建设工作总结', '某县二〇一九年度法治政府建设情况报告', '某县{年度}年法治政府建设情况报告', '某镇20xx年法治政府建设情况报告']) {
        assert.deepEqual(check(titled(title)).filter((d) => d.code === 'BG726'), [], title);
      }
      assert.deepEqual(check(titled('某镇一季度社会矛盾纠纷排查情况报告', '工作报告')).filter((d) => d.code === 'BG726'), []);
    });
  });

  describe('BG728 a heading run into its first item', () => {
    it('reports 一是 inside a heading (the heading’s 。 left out), with no fix', () => {
      const text = `${header(2024)}# 主要举措和成效\n\n## 持续提高依法行政水平一是健全行政决策程序\n严格落实“三重一大”决策制度。\n`;
      const d = expectOne(text, 'BG728', '一是');
      assert.match(d.message, /持续提高依法行政水平一是健全行政决策程序/);
      assert.equal(d.fixes, undefined);
    });
    it('leaves 一是 of a word (统一是, 第一是, 唯一是), a heading starting with 一是 and 一是 in a paragraph alone', () => {
      const text = `${header(2024)}# 主要举措和成效\n\n## 坚持统一是做好执法工作的前提\n\n## 第一是人才\n\n## 一是加强组织领导\n\n健全制度，一是加强学习，二是规范执法。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG728'), []);
    });
  });

  describe('BG729 关于 in a title without 的', () => {
    const titled = (title: string) => `@标题 ${title}\n@类型 法治政府建设年度报告\n@机关 西乡街道办事处\n@年度 2023\n\n正文。\n`;
    it('reports 关于……情况报告 with a safe fix to 情况的报告', () => {
      const text = titled('关于2022年度法治政府建设情况报告');
      expectOne(text, 'BG729', '报告', text.replace('情况报告', '情况的报告'));
    });
    it('reports 关于……年度报告 over the whole title, with no fix', () => {
      const text = titled('深圳市宝安区西乡街道办事处关于2023年法治政府建设年度报告');
      const d = expectOne(text, 'BG729', '深圳市宝安区西乡街道办事处关于2023年法治政府建设年度报告');
      assert.equal(d.fixes, undefined);
    });
    it('leaves a title with 的 after 关于, and one without 关于, alone', () => {
      for (const title of ['某镇人民政府关于2023年度法治政府建设情况的报告', '大河乡人民政府关于法治政府建设的情况报告', '某镇2023年法治政府建设情况报告', '某区关于2023年法治政府建设工作的总结']) {
        assert.deepEqual(check(titled(title)).filter((d) => d.code === 'BG729'), [], title);
      }
    });
  });

  describe('BG731 a title without its kind of document', () => {
    const titled = (title: string) => `@标题 ${title}\n@类型 法治政府建设年度报告\n@机关 五华区退役军人事务局\n@年度 2025\n\n正文。\n`;
    it('reports a title ending in 工作情况 or 建设情况, with a fix adding 报告 (的报告 after 关于)', () => {
      let text = titled('五华区退役军人事务局2025年法治政府建设工作情况');
      assert.match(expectOne(text, 'BG731', '五华区退役军人事务局2025年法治政府建设工作情况', text.replace('工作情况', '工作情况报告')).message, /缺少文种/);
      text = titled('通城镇人民政府2025年法治政府建设情况');
      expectOne(text, 'BG731', '通城镇人民政府2025年法治政府建设情况', text.replace('建设情况', '建设情况报告'));
      text = titled('某镇关于2025年法治政府建设情况');
      expectOne(text, 'BG731', '某镇关于2025年法治政府建设情况', text.replace('建设情况', '建设情况的报告'));
      text = titled('某镇2025年法治政府建设情况（2025年度）');
      expectOne(text, 'BG731', '某镇2025年法治政府建设情况（2025年度）', text.replace('建设情况（', '建设情况报告（'));
    });
    it('leaves a title with its kind (报告, 总结, 汇报, 年度报告（2024年度）) and a report of another kind alone', () => {
      for (const title of ['五华区退役军人事务局2025年法治政府建设工作情况报告', '某镇2025年法治政府建设工作总结', '塘栖镇法治政府建设年度报告(2024年度)', '某局2025年法治政府建设情况汇报']) {
        assert.deepEqual(check(titled(title)).filter((d) => d.code === 'BG731'), [], title);
      }
      assert.deepEqual(check('@标题 某局2025年依法行政工作情况\n@类型 工作报告\n\n正文。\n').filter((d) => d.code === 'BG731'), []);
    });
  });

  describe('BG749 法治政府 without its 建设 in the title', () => {
    const titled = (title: string, kind = '法治政府建设年度报告') => `@标题 ${title}\n@类型 ${kind}\n@机关 古竹乡人民政府\n@年度 2025\n\n正文。\n`;
    it('reports 法治政府年度报告, 法治政府工作报告, 法治政府情况报告, with a fix adding 建设 (round 26: 古竹乡 2025)', () => {
      const text = titled('古竹乡2025年法治政府年度报告');
      const d = expectOne(text, 'BG749', '法治政府', text.replace('法治政府年度', '法治政府建设年度'));
      assert.match(d.message, /漏了“建设”/);
      assert.equal(d.fixes![0]!.safe, false);
      expectOne(titled('某局关于2025年法治政府工作情况的报告'), 'BG749', '法治政府');
    });
    it('leaves 法治政府建设……, 法治政府示范创建……, and a report of another kind', () => {
      for (const title of ['古竹乡2025年法治政府建设年度报告', '某县法治政府示范创建工作报告', '某局法治政府部门建设工作情况报告']) {
        assert.deepEqual(check(titled(title)).filter((d) => d.code === 'BG749'), [], title);
      }
      assert.deepEqual(check(titled('某局2025年法治政府年度工作报告', '工作报告')).filter((d) => d.code === 'BG749'), []);
    });
  });

  describe('BG730 plenums listed as of another year', () => {
    it('reports a 2025 report guided by 二十届二中、三中全会 (the 四中 of October 2025 left out), with a fix to 历次', () => {
      const text = `${header(2025)}全面贯彻党的二十大和二十届二中、三中全会精神，深入落实习近平法治思想。\n`;
      const d = expectOne(text, 'BG730', '二十届二中、三中全会', text.replace('二中、三中', '历次'));
      assert.match(d.message, /2025年10月已召开二十届四中全会/);
      expectOne(`${header(2020)}深入学习十九届二中、三中、四中全会精神。\n`, 'BG730', '十九届二中、三中、四中全会');
    });
    it('reports a 2024 report listing the 四中全会 of 2025', () => {
      assert.match(expectOne(`${header(2024)}深入学习贯彻党的二十届二中、三中、四中全会精神。\n`, 'BG730', '二十届二中、三中、四中全会').message, /四中全会2025年10月才召开/);
    });
    it('leaves a list up to date, one plenum named alone, 历次全会, another 届 and years not on the calendar alone', () => {
      const fine = [
        [2025, '全面贯彻党的二十大和二十届二中、三中、四中全会精神，学习贯彻二十届三中全会精神，贯彻二十届历次全会精神。'],
        [2025, '深入学习二十届三中、四中全会精神，回顾十九届六中全会。'],
        [2024, '全面贯彻党的二十大和二十届二中、三中全会精神。'],
        [2022, '深入学习十九届五中、六中全会精神（七中全会是换届前的例会）。'],
        [2021, '学习十九届五中全会精神。'],
        [2026, '全面贯彻党的二十大和二十届二中、三中全会精神。'],
      ] as const;
      for (const [year, body] of fine) assert.deepEqual(check(`${header(year)}${body}\n`).filter((d) => d.code === 'BG730'), [], body);
    });
  });

  describe('BG715 the four 亲自 of the 第一责任人 rule with a verb changed', () => {
    it('reports the duty whose verb was changed in a list quoting three or more (round 24: 普兰县 “重大问题亲自解决”)', () => {
      const text = `${header(2025)}领导干部带头尊法学法守法用法，做到重要工作亲自部署、重大问题亲自解决、重点环节亲自协调、重要任务亲自督办。\n`;
      const d = expectOne(text, 'BG715', '重大问题亲自解决', text.replace('亲自解决', '亲自过问'));
      assert.match(d.message, /应为规范用语“重大问题亲自过问”/);
      assert.equal(d.fixes![0]!.safe, false);
      expectOne(`${header(2025)}坚持对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自督导。\n`, 'BG715', '重点环节亲自督导');
    });
    it('leaves the list as written, one duty alone, a list with its subjects rewritten and a verb with more after it', () => {
      const fine = [
        '坚持对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。',
        '主要领导对重大问题亲自研究，重要任务亲自调度。',
        '对重点工作亲自部署谋篇、重大问题亲自过问督办、关键环节亲自协调攻坚、重要任务亲自督导落实。',
        '重要工作亲自部署。全年研究重大问题亲自研究3次，重点环节亲自协调。',
      ];
      for (const body of fine) assert.deepEqual(check(`${header(2025)}${body}\n`).filter((d) => d.code === 'BG715'), [], body);
    });
  });

  describe('BG753 历次全会 without its 届 (round 29: a 县教育局 2025 “党的二十大及历次全会精神”)', () => {
    it('reports 二十大及历次全会, 二十大精神和历次全会 and 十九大历次全会, with a fix writing the 届', () => {
      const text = `${header(2025)}全面落实党的二十大及历次全会精神。\n`;
      const d = expectOne(text, 'BG753', '二十大及历次全会', text.replace('二十大及历次全会', '二十大及二十届历次全会'));
      assert.match(d.message, /二十届中央委员会/);
      assert.equal(d.fixes![0]!.safe, false);
      const spirit = `${header(2025)}学习领会党的二十大精神及历次全会精神的核心要义。\n`;
      expectOne(spirit, 'BG753', '二十大精神及历次全会', spirit.replace('及历次', '及二十届历次'));
      const bare = `${header(2022)}认真学习党的十九大历次全会精神。\n`;
      expectOne(bare, 'BG753', '十九大历次全会', bare.replace('十九大历次', '十九大和十九届历次'));
    });
    it('leaves 二十届历次全会, a local committee’s 历次全会 and the congress with its plenums named', () => {
      const fine = [
        '全面贯彻党的二十大和二十届历次全会精神。',
        '紧紧围绕市委历次全会精神和县委部署开展工作。',
        '深入学习贯彻党的二十大和二十届二中、三中全会精神，回顾党的历次全会。',
      ];
      for (const body of fine) assert.deepEqual(check(`${header(2025)}${body}\n`).filter((d) => d.code === 'BG753'), [], body);
    });
  });

  describe('BG770 a plenum studied without its 精神 (round 31: 巫溪县教委 2024 “深入学习贯彻党的二十大、二十届二中、三中全会,”)', () => {
    it('reports a numbered plenum ending a clause of 学习贯彻, with a fix writing 精神 (not safe)', () => {
      const text = `${header(2024)}我委深入学习贯彻党的二十大、二十届二中、三中全会,贯彻落实党中央关于全面依法治国的重大决策部署。\n`;
      const d = expectOne(text, 'BG770', '我委深入学习贯彻党的二十大、二十届二中、三中全会', text.replace('三中全会,', '三中全会精神,'));
      assert.equal(d.fixes![0]!.safe, false);
      const local = `${header(2025)}认真落实市委十五届十次全会。\n`;
      expectOne(local, 'BG770', '认真落实市委十五届十次全会', local.replace('十次全会。', '十次全会精神。'));
      const all = `${header(2025)}全面贯彻党的二十大和二十届历次全会；坚持依法行政。\n`;
      expectOne(all, 'BG770', '全面贯彻党的二十大和二十届历次全会', all.replace('历次全会；', '历次全会精神；'));
    });
    it('leaves 全会精神, a list with 精神 at its end, 全会 with more words after it, and a plenum convened or attended', () => {
      const fine = [
        '深入学习贯彻党的二十大和二十届三中全会精神，扎实推进依法行政。',
        '深入贯彻落实党的二十大、二十届二中、三中全会和全国教育大会精神。',
        '深入学习贯彻党的二十届三中全会关于法治建设的重大部署。',
        '县委召开十四届五次全会，研究部署法治建设工作。',
        '党的二十届三中全会胜利召开，我局第一时间组织学习。',
        '学习贯彻党的二十届三中全会的精神实质。',
      ];
      for (const body of fine) assert.deepEqual(check(`${header(2024)}${body}\n`).filter((d) => d.code === 'BG770'), [], body);
    });
  });

  describe('BG754 a 全面依法治X领导小组 named after 2019 (round 29: 中村乡 2022, a 县教育局 2025)', () => {
    it('reports the party committee’s group and a 全面依法治县 group, with 委员会 as the fix (not safe)', () => {
      const text = `${header(2022)}在市委全面依法治市工作领导小组的正确指导下，扎实推进依法行政。\n`;
      const d = expectOne(text, 'BG754', '市委全面依法治市工作领导小组', text.replace('工作领导小组', '委员会'));
      assert.match(d.message, /2022年度/);
      assert.equal(d.fixes![0]!.safe, false);
      const plain = `${header(2025)}在县委、县政府的坚强领导和全面依法治县领导小组的指导下，紧扣法治政府建设要求。\n`;
      expectOne(plain, 'BG754', '全面依法治县领导小组', plain.replace('依法治县领导小组', '依法治县委员会'));
      expectOne(`${header(2021)}区委依法治区领导小组召开会议。\n`, 'BG754', '区委依法治区领导小组');
    });
    it('leaves a body’s own group, a 乡镇’s, a bare 依法治市 group, the committee and reports of 2019 and before', () => {
      const fine = [
        '成立了以局长任组长、各股室负责人为成员的全面依法治县工作领导小组。',
        '成立依法治镇领导小组，由镇长任组长。',
        '积极履行廉江市依法治市工作领导小组成员单位职责。',
        '召开县委全面依法治县委员会会议。',
      ];
      for (const body of fine) assert.deepEqual(check(`${header(2022)}${body}\n`).filter((d) => d.code === 'BG754'), [], body);
      assert.deepEqual(check(`${header(2019)}在县委全面依法治县领导小组的指导下推进工作。\n`).filter((d) => d.code === 'BG754'), []);
    });
  });

  describe('BG758 the party’s 全面依法治X委员会 without its 全面 (round 32: 夏县司法局 2024, 棣棠乡 2023, 宝丰县 2021)', () => {
    it('reports the committee named without 全面, and without 委 too, with the insertion as the fix (not safe)', () => {
      const text = `${header(2024)}适时调整县委依法治县委员会人员，召开县委依法治县委员会第六次全体会议。\n`;
      const found = check(text).filter((d) => d.code === 'BG758');
      assert.equal(found.length, 2);
      const m = model(text);
      assert.equal(m.file.text.slice(found[0]!.start, found[0]!.end), '县委依法治县委员会');
      assert.match(found[0]!.message, /少了“全面”.*“县委全面依法治县委员会”/);
      assert.equal(found[0]!.fixes![0]!.safe, false);
      const bare = `${header(2023)}在县委、县政府正确领导和县依法治县委员会支持下，推进法治建设。\n`;
      const d = expectOne(bare, 'BG758', '县依法治县委员会', bare.replace('县依法治县', '县委全面依法治县'));
      assert.match(d.message, /少了“委全面”/);
      expectOne(`${header(2021)}学习中央依法治国委员会会议精神。\n`, 'BG758', '中央依法治国委员会', `${header(2021)}学习中央全面依法治国委员会会议精神。\n`);
      expectOne(`${header(2022)}在区委依法治区委员会的指导下开展工作。\n`, 'BG758', '区委依法治区委员会');
      expectOne(`${header(2022)}会议、依法治旗委员会会议各召开一次。\n`, 'BG758', '依法治旗委员会');
    });
    it('leaves the committee named whole, the offices, a town’s own committee, 全县 before the name, and reports of 2018 and before', () => {
      const fine = [
        '召开县委全面依法治县委员会第三次会议，市委全面依法治市委员会办公室印发通知。',
        '县委依法治县办牵头，依法治县办公室督促落实。',
        '成立了依法治镇委员会，规范依法治街委员会运行，党委全面依法治镇委员会召开会议。',
        '中央全面依法治国委员会印发《法治政府建设实施纲要》。',
      ];
      for (const body of fine) assert.deepEqual(check(`${header(2022)}${body}\n`).filter((d) => d.code === 'BG758'), [], body);
      const whole = check(`${header(2022)}推动全县依法治县委员会成员单位履职。\n`).filter((d) => d.code === 'BG758');
      assert.equal(whole.length, 1);
      assert.match(whole[0]!.message, /少了“全面”/);
      assert.deepEqual(check(`${header(2018)}召开县委依法治县委员会会议。\n`).filter((d) => d.code === 'BG758'), []);
    });
  });

  describe('BG759 a half year’s heading in a year’s report (round 32: 庆隆镇 2020 “上半年推进法治政府建设的主要举措和成效”)', () => {
    it('reports 上半年, 下半年 and a quarter opening a heading, with the year as the fix (not safe)', () => {
      const text = `${header(2020)}现将庆隆镇2020年度法治政府建设情况报告如下：\n\n# 上半年推进法治政府建设的主要举措和成效\n\n推进依法行政。\n`;
      const d = expectOne(text, 'BG759', '上半年', text.replace('# 上半年', '# {年度}'));
      assert.match(d.message, /2020年度.*“上半年”/);
      assert.equal(d.fixes![0]!.safe, false);
      const dated = `${header(2021)}# 主要举措\n\n## 2021年上半年工作情况\n\n推进依法行政。\n`;
      expectOne(dated, 'BG759', '上半年', dated.replace('2021年上半年', '2021年'));
      expectOne(`${header(2022)}# 下半年工作打算\n\n推进依法行政。\n`, 'BG759', '下半年');
      expectOne(`${header(2022)}# 第一季度工作开展情况\n\n推进依法行政。\n`, 'BG759', '第一季度');
    });
    it('leaves 上半年 in prose or later in a heading, a half-year summary, and a report not of the year', () => {
      const prose = `${header(2021)}# 主要举措和成效\n\n上半年，全镇办理案件12件。\n\n# 存在的不足和原因（上半年以来）\n\n无。\n`;
      assert.deepEqual(check(prose).filter((d) => d.code === 'BG759'), []);
      const summary = `@标题 2020年苍城镇上半年全面依法治镇工作总结\n@类型 法治政府建设年度报告\n@年度 2020\n\n# 上半年工作开展情况\n\n推进依法行政。\n`;
      assert.deepEqual(check(summary).filter((d) => d.code === 'BG759'), []);
      const other = `@类型 工作总结\n@年度 2021\n\n# 上半年工作开展情况\n\n推进依法行政。\n`;
      assert.deepEqual(check(other).filter((d) => d.code === 'BG759'), []);
    });
  });

  describe('BG748 a plenum said to have passed the five-year plan', () => {
    it('reports 全会通过的“十五五”规划 and 全会审议通过的十四五规划纲要, with a fix to 规划建议 (round 26: 古竹乡 2025)', () => {
      const text = `${header(2025)}党委书记带头认真学习党的二十届四中全会通过的“十五五”规划关于坚持全面依法治国的精神。\n`;
      const d = expectOne(text, 'BG748', '“十五五”规划', text.replace('“十五五”规划', '“十五五”规划建议'));
      // The words quoted whole, their quotation marks with them.
      assert.match(d.message, /^““十五五”规划”：.*应写作““十五五”规划建议”/);
      assert.equal(d.fixes![0]!.safe, false);
      const outline = `${header(2020)}学习十九届五中全会审议通过的十四五规划纲要。\n`;
      expectOne(outline, 'BG748', '十四五规划纲要', outline.replace('规划纲要', '规划建议'));
    });
    it('leaves the 建议 named as such, and a plan named without the plenum passing it', () => {
      const fine = [
        '学习党的二十届四中全会通过的“十五五”规划建议。',
        '学习二十届四中全会审议通过的“十五五”规划的建议，科学编制我县“十五五”规划。',
        '深入贯彻二十届四中全会精神，谋划“十五五”规划重大项目。',
      ];
      for (const body of fine) assert.deepEqual(check(`${header(2025)}${body}\n`).filter((d) => d.code === 'BG748'), [], body);
    });
  });

  describe('BG747 a plenum numbered by the congress', () => {
    it('reports 二十大四中全会 and a list after 十九大, with a fix writing 届 (round 24: 友谊路街道 “党的二十大四中全会会议精神”)', () => {
      const text = `${header(2025)}全面贯彻落实党的二十大四中全会会议精神。\n`;
      const d = expectOne(text, 'BG747', '二十大四中', text.replace('二十大四中', '二十届四中'));
      assert.match(d.message, /应写作“二十届四中全会”/);
      assert.equal(d.fixes![0]!.safe, false);
      expectOne(`${header(2021)}学习党的十九大五中、六中全会精神。\n`, 'BG747', '十九大五中');
    });
    it('leaves the congress and the plenums written apart, and 大 in other words', () => {
      const fine = [
        '全面贯彻党的二十大和二十届四中全会精神。',
        '学习党的二十大、二十届三中全会精神，党的十九大及十九届四中全会精神。',
        '学习党的二十大精神，召开二十大四次会议。',
        '扩大三中队伍建设，加大五中心建设力度。',
      ];
      for (const body of fine) assert.deepEqual(check(`${header(2025)}${body}\n`).filter((d) => d.code === 'BG747'), [], body);
    });
  });

  describe('BG734 a plenum named without 全会', () => {
    it('reports 二十届三中 followed by another word, with a fix adding 全会 (round 15: 诸暨市气象局; 坡子街街道)', () => {
      let text = `${header(2024)}为全局干部职工讲党的二十届三中报告解读专题党课。\n`;
      const d = expectOne(text, 'BG734', '二十届三中', text.replace('三中报告', '三中全会报告'));
      assert.match(d.message, /“二十届三中报告”：“二十届三中”后漏了“全会”/);
      assert.equal(d.fixes![0]!.safe, false);
      text = `${header(2022)}认真传达学习贯彻党的二十大精神、党的十九届六中二十届一中全会精神。\n`;
      expectOne(text, 'BG734', '十九届六中');
      expectOne(`${header(2020)}深入学习十八届三中精神。\n`, 'BG734', '十八届三中');
    });
    it('leaves 全会, 全体会议, a list of plenums, one at the end of a line and other 届 alone', () => {
      const fine = [
        '学习贯彻党的二十届三中全会精神，深入学习二十届二中、三中、四中全会精神。',
        '学习十九届五中，六中全会精神，十九届四中和五中全会，十九届五中及六中全会，十九届五中与六中全会。',
        '学习十九届四中全体会议精神，十九届四中 全会精神。',
        '学习贯彻党的二十届三中',
        '历届中央委员会，第十九届中央委员会，二十届中央纪委三次全会，二十届一中全会。',
        '深入学习十九届六中、二十届一中全会精神。',
      ];
      for (const body of fine) assert.deepEqual(check(`${header(2024)}${body}\n`).filter((d) => d.code === 'BG734'), [], body);
    });
  });

  describe('BG735 the goals of 法治政府 in the 2015 纲要’s words', () => {
    it('reports 廉洁高效、守法诚信 in a report of 2022 or later, with a fix to the 2021 纲要’s words (黄桑乡 2025)', () => {
      const text = `${header(2025)}紧扣"职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信"目标要求，扎实推进各项工作。\n`;
      const d = expectOne(text, 'BG735', '廉洁高效、守法诚信', text.replace('廉洁高效、守法诚信', '智能高效、廉洁诚信、人民满意'));
      assert.match(d.message, /2025年度报告应按2021年印发的新纲要写“智能高效、廉洁诚信、人民满意”/);
      assert.equal(d.fixes![0]!.safe, false);
      expectOne(`${header(2022)}努力建设职能科学、权责法定、执法严明、公开公正、廉洁高效,守法诚信的法治政府。\n`, 'BG735', '廉洁高效,守法诚信');
    });
    it('leaves the new goals, a report of 2021 or before, 廉洁高效 alone and a file without @年度 alone', () => {
      const fine: Array<[number | undefined, string]> = [
        [2025, '加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。'],
        [2022, '努力创建主体明确、权责统一、运转协调、廉洁高效的依法治镇新机制，倡导守法诚信。'],
        [2020, '以建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府为目标。'],
        [2021, '以建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府为目标。'],
        [undefined, '以建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府为目标。'],
      ];
      for (const [year, body] of fine) {
        const text = year === undefined ? `@机关 桂圩镇人民政府\n\n${body}\n` : `${header(year)}${body}\n`;
        assert.deepEqual(check(text).filter((d) => d.code === 'BG735'), [], `${year} ${body}`);
      }
    });
  });

  describe('BG732 a body naming itself with a bare 我', () => {
    const of = (org: string, body: string) => `@类型 法治政府建设年度报告\n@机关 ${org}\n@年度 2025\n\n${body}\n`;
    it('reports 我 at the start of a clause followed by a verb or adverb, with a fix naming the body (我局, 我镇, 我街道)', () => {
      let text = of('五华区退役军人事务局', '在制度建设方面，我局逐步完善了政策制度体系。同时，我积极融入全区法治政府建设整体格局。');
      assert.match(expectOne(text, 'BG732', '我积极', text.replace('我积极', '我局积极')).message, /“我积极”：机关行文自称“我局”/);
      text = of('程庄镇人民政府', '提高依法决策能力，我建立了领导干部学法制度。');
      expectOne(text, 'BG732', '我建立', text.replace('我建立', '我镇建立'));
      text = of('新村街道办事处', '抓好法治宣传教育。我组织开展“法律七进”活动。');
      expectOne(text, 'BG732', '我组织', text.replace('我组织', '我街道组织'));
    });
    it('leaves 我局, 我国, 我们, 我单位, a slogan (我为群众办实事), 自我 and a person’s 述法 report alone', () => {
      const body = '我局依法行政，我国法治建设，我们认真落实，我单位全面推进，我中心积极配合，开展“我为群众办实事”实践活动，，我为群众办实事，坚持自我革命。';
      assert.deepEqual(check(of('某县司法局', body)).filter((d) => d.code === 'BG732'), []);
      assert.deepEqual(check('@标题 乡镇镇长2023年述法报告\n@年度 2023\n\n今年以来，我认真贯彻落实上级关于法治建设的决策部署。\n').filter((d) => d.code === 'BG732'), []);
    });
    it('leaves a person speaking for the body alone: “我受区人民政府委托” (武昌区 2023, to the 人大常委会), “我代表……” — round 27', () => {
      const body = '根据区人大常委会工作安排，我受区人民政府委托，报告法治政府建设情况。下面，我代表区人民政府作说明。';
      assert.deepEqual(check(of('武昌区司法局', body)).filter((d) => d.code === 'BG732'), []);
      // Near misses: a 受 with no 委托 near it is the body short of a character still; so is 代 without 表.
      let text = of('某县司法局', '同时，我受理行政复议案件12件。');
      expectOne(text, 'BG732', '我受理');
      text = of('某县司法局', '同时，我受到上级表彰，各项工作取得显著成效，得到了有关部门的充分肯定并受委托。');
      expectOne(text, 'BG732', '我受到');
      text = of('某县司法局', '同时，我代办行政许可事项。');
      expectOne(text, 'BG732', '我代办');
    });
    it('finds from each 我 what the pattern BARE_WO finds (property, against the pattern)', () => {
      const text = fc.array(fc.constantFrom('我', '局', '们', '〇', '𠀀', '，', '。', ':', ' ', 'a', '的'), { maxLength: 40 }).map((p) => p.join(''));
      const reference = (t: string) => [...t.matchAll(BARE_WO)].map((m) => ({ at: m.index!, next: m[1]!, after: m[2] ?? '' }));
      fc.assert(fc.property(text, (t) => assert.deepEqual(bareWoIn(t), reference(t))), fuzzSettings(2000));
    });
  });

  describe('BG614 a document number’s brackets', () => {
    it('reports [2016], (2015), 【2019】 in a document number, with a safe fix to 〔〕', () => {
      const text = `${header(2020)}紧紧围绕《通知》(人社部发[2016]82号)和重大改革任务。\n`;
      expectOne(text, 'BG614', '[2016]', text.replace('[2016]', '〔2016〕'));
      expectOne(`${header(2016)}印发了《实施方案》（石发(2016)23号）。\n`, 'BG614', '(2016)');
      expectOne(`${header(2020)}按照厅字【2019】28号文件要求。\n`, 'BG614', '【2019】');
    });
    it('reports a 〔 whose 〕 was lost, the year run into the serial number (国发〔201033号, 小白楼街道 2020) — round 26', () => {
      const text = `${header(2020)}依据《国务院关于加强法治政府建设的意见》(国发〔201033号)、国务院《法治政府建设实施纲要》。\n`;
      const d = expectOne(text, 'BG614', '〔2010', text.replace('〔2010', '〔2010〕'));
      assert.match(d.message, /漏了后六角括号/);
      // Near misses: a whole number, a 〔 with no year after it, a year and 号 parted by 〕.
      const kept = `${header(2020)}依据国发〔2010〕33号、某某〔第3号〕和〔2010年〕的文件。\n`;
      assert.deepEqual(check(kept).filter((d) => d.code === 'BG614'), []);
    });
    it('leaves 〔〕, a court case’s (2015)民初36号, a year in brackets without 号 and 第(2020)期 alone', () => {
      const text = `${header(2020)}按照《规定》（厅字〔2019〕28号），审结（2015）民初36号案件，《纲要（2021—2025年）》，编发简报(2020)12期。\n`;
      assert.deepEqual(check(text).filter((d) => d.code === 'BG614'), []);
    });
  });

  it('finds none of these in guiwei-2021, dongzhaogezhuang-2020, huilongba-2021 and daxie-2021', () => {
    for (const name of SAMPLES.filter((n) => !['guiwei-2020', 'beiping-2020'].includes(n))) {
      const found = checkReport(sampleModel(name)).filter((d) => /^BG71[2-7]$|^BG72[12]$/.test(d.code));
      assert.deepEqual(found.map((d) => `${d.code} ${d.message}`), [], name);
    }
  });
});
