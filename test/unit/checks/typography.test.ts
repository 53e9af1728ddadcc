import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../../grammar/diagnostic';
import { DEFAULT_CHECK_SETTINGS } from '../../../server/language/checks/contract';
import { citationsChecks } from '../../../server/language/checks/citations';
import { unmarkedTitlesChecks } from '../../../server/language/checks/unmarkedTitles';
import { typographyChecks } from '../../../server/language/checks/typography';
import { LanguageService } from '../../../server/language/service';
import { MemoryWorkspace } from '../../../server/language/workspace';
import { applyEdits } from '../../../server/language/fixes';
import { cpuTimed } from '../../helpers';

const HEADER = '@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2021\n\n';

export function runChecks(text: string, files: Record<string, string> = {}, checks = [...typographyChecks, ...citationsChecks, ...unmarkedTitlesChecks]): Diagnostic[] {
  const service = new LanguageService(new MemoryWorkspace({ '/r/a.bg': text, ...files }));
  const model = service.analyze('/r/a.bg', text);
  return checks.flatMap((c) => c.run(model, DEFAULT_CHECK_SETTINGS));
}

function only(text: string, code: string): Diagnostic[] {
  return runChecks(text).filter((d) => d.code === code);
}

/** Asserts one diagnostic of `code`, covering `covered`, whose first fix turns `text` into `fixed`. */
function expectOne(body: string, code: string, covered: string, fixed?: string, safe?: boolean): Diagnostic {
  const text = HEADER + body;
  const found = only(text, code);
  assert.equal(found.length, 1, `${code}: ${JSON.stringify(found.map((d) => d.message))}`);
  const d = found[0]!;
  assert.equal(text.slice(d.start, d.end), covered);
  if (fixed !== undefined) {
    assert.ok(d.fixes?.length, 'a fix is offered');
    assert.equal(applyEdits(text, d.fixes![0]!.edits), HEADER + fixed);
    if (safe !== undefined) assert.equal(d.fixes![0]!.safe, safe);
  }
  return d;
}

function expectNone(body: string, ...codes: string[]) {
  const found = runChecks(HEADER + body).filter((d) => codes.includes(d.code));
  assert.deepEqual(found.map((d) => `${d.code} ${d.message}`), []);
}

const sample = (name: string) => readFileSync(join('samples', name), 'utf8');

function sampleDiagnostics(name: string): Diagnostic[] {
  const files: Record<string, string> = {};
  for (const n of readdirSync('samples')) if (n.endsWith('.bg')) files[`/s/${n}`] = sample(n);
  for (const n of readdirSync('samples/snippets')) if (n.endsWith('.bg')) files[`/s/snippets/${n}`] = sample(`snippets/${n}`);
  const service = new LanguageService(new MemoryWorkspace(files));
  const model = service.analyze(`/s/${name}`, sample(name));
  return [...typographyChecks, ...citationsChecks, ...unmarkedTitlesChecks].flatMap((c) => c.run(model, DEFAULT_CHECK_SETTINGS));
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('checks/typography', () => {
  describe('BG601 half-width punctuation', () => {
    it('reports a half-width comma in Chinese text and fixes it', () => {
      expectOne('依法履行法定职责,规范行政行为。\n', 'BG601', ',', '依法履行法定职责，规范行政行为。\n', true);
      expectOne('纠纷受理率达到{受理率 = 100%},调处成功。\n', 'BG601', ',', '纠纷受理率达到{受理率 = 100%}，调处成功。\n');
      expectOne('汇报如下:\n', 'BG601', ':', '汇报如下：\n');
    });
    it('reports a half-width “.” between Chinese characters: in a quoted name as 间隔号 ·, elsewhere as 。 — round 26, 双环邨街道 2021', () => {
      const named = expectOne('围绕“扫黄打非.新风2021”集中行动，推进执法。\n', 'BG601', '.', '围绕“扫黄打非·新风2021”集中行动，推进执法。\n', false);
      assert.match(named.message, /间隔号/);
      const ended = expectOne('全年召开会议4次.会后形成纪要。\n', 'BG601', '.', '全年召开会议4次。会后形成纪要。\n', false);
      assert.match(ended.message, /句号/);
      // Near misses: a dot by a digit or a Latin letter (1.做好, 12.4宪法日, 网站www.gov.cn上, 报告.docx).
      expectNone('开展“12.4”宪法日活动，在网站www.gov.cn上公开报告.docx文件，共3.5万字。\n', 'BG601');
    });
    it('reports straight double quotes in Chinese text, the first of a pair as “ and the second as ”', () => {
      const text = '建立"述职必述法"制度，促进"关键少数"履职。\n';
      const found = only(HEADER + text, 'BG601');
      assert.deepEqual(found.map((d) => d.fixes![0]!.edits[0]!.newText), ['“', '”', '“', '”']);
      assert.equal(applyEdits(HEADER + text, found.flatMap((d) => d.fixes![0]!.edits)), HEADER + '建立“述职必述法”制度，促进“关键少数”履职。\n');
      assert.match(found[0]!.message, /前引号/);
      expectNone('The "LED" screen, say "hi".\n', 'BG601');
    });
    it('leaves Latin text, numbers, URLs and markup alone', () => {
      expectNone('增长3.5%，比率81.48%，时间10:30，Hello, world; A,B (C) 结束。\n网址 http://www.gov.cn/a?b=1,c=2 可查。\n{成功率 = 98% : 成功/调处}\n# 标题\n', 'BG601');
    });
    it('reports the ) of a ( it reported, though no Chinese touches it (其他文书5份),; 电话:022-23030851)); not a ) of Latin text', () => {
      const text = '完成法制审核{审核 = 48份}(含合同{合同 = 37份}、其他文书{文书 = 5份}),有效防范法律风险。\n';
      const found = only(HEADER + text, 'BG601');
      assert.deepEqual(found.map((d) => d.fixes![0]!.edits[0]!.newText), ['（', '）', '，']);
      assert.deepEqual(only(HEADER + '请与法规处联系(地址:建设路18号;电话:022-23030851)。\n', 'BG601').map((d) => d.fixes![0]!.edits[0]!.newText), ['（', '：', '；', '：', '）']);
      expectNone('结论见 A (B,C) 一节。\n', 'BG601');
    });
    it('reports a comma or semicolon between a figure, a percentage or a number and the number or figure that begins the next clause (149-qingyanggaj-2025: “{…= 128次},5263人次”)', () => {
      expectOne('组织领导干部学习{学习 = 128次},5263人次参加。\n', 'BG601', ',', '组织领导干部学习{学习 = 128次}，5263人次参加。\n', true);
      expectOne('配备率达到{配备率 = 100%},2024年度法治副校长进校园。\n', 'BG601', ',', '配备率达到{配备率 = 100%}，2024年度法治副校长进校园。\n', true);
      expectOne('完成{完成 = 12项},{推进 = 3项}正在推进。\n', 'BG601', ',', '完成{完成 = 12项}，{推进 = 3项}正在推进。\n', true);
      expectOne('调解成功率达98%,3个村实现零上访。\n', 'BG601', ',', '调解成功率达98%，3个村实现零上访。\n', true);
      expectOne('调解成功率达98%;3个村实现零上访。\n', 'BG601', ';', '调解成功率达98%；3个村实现零上访。\n', true);
      // Spaces between the comma and the Chinese or the number (a Word paste): it parts the clauses all the same.
      expectOne('聘请专业的调解员 , 2012年起驻村。\n', 'BG601', ',', '聘请专业的调解员 ， 2012年起驻村。\n', true);
      expectOne('达到{配备率 = 100%} , 2024年度起进校园。\n', 'BG601', ',');
    });
    it('reports a comma between digits that groups no number (“12,3件”), its fix not safe; a thousands separator (“12,345”) is the number’s own', () => {
      const slip = expectOne('共办理案件12,3件已办结。\n', 'BG601', ',', '共办理案件12，3件已办结。\n', false);
      assert.match(slip.message, /不是千位分隔符/);
      expectOne('2021,2022年连续两年获评先进。\n', 'BG601', ',', undefined, false);
      expectOne('共发放资料1,23456份。\n', 'BG601', ',');
      // Near misses: digits grouped by three (GB/T 15835 allows the 千分撇), with decimals, and a comma of the clause after.
      expectNone('全年罚没款12,345元，涉案金额1,234,567.89元，共受理案件1,200件。\n', 'BG601');
      expectOne('共受理12,345,办结12,000件。\n', 'BG601', ',', '共受理12,345，办结12,000件。\n', true);
      // Near misses outside Chinese prose: numbers of Latin text, a time, a ratio, a list of numbers alone.
      expectNone('See pages 12,3 and 4;5 of ISO 9001,2015 (A,1).\n', 'BG601');
      expectNone('时间10:30，比例1:2，编号为 1,2 的文件。\n', 'BG601');
    });
    it('looks at a comma’s number no further than a number goes: lines of 100,000 “1,” and of 100,000 digits between commas are checked in linear time', () => {
      const { ms, result } = cpuTimed(() => [only(HEADER + '共'.concat('1,'.repeat(100_000), '件。\n'), 'BG601'), only(HEADER + '共'.concat(`${'1'.repeat(100_000)},`.repeat(10), '件。\n'), 'BG601')]);
      // The first comma follows 共 (a slip between digits), the last comes before 件; the others have no Chinese about them.
      assert.deepEqual(result.map((found) => found.map((d) => d.fixes![0]!.safe)), [[false, true], [false, true]]);
      assert.ok(ms < 3000, `${ms} ms`);
    });
    it('leaves the brackets of a document number to BG614 (（2015） would be no better), not the others of its line', () => {
      expectOne('印发了《实施方案》（石发(2016)23号)。\n', 'BG601', ')');
      expectOne('印发了《实施方案》(石发〔2016〕23号）。\n', 'BG601', '(');
    });
  });

  describe('BG602 paired marks', () => {
    it('reports an unclosed （ inside a citation and closes it before the 》', () => {
      const d = expectOne('认真研读《法治政府建设实施纲要（2021—2025年》主要内容。\n', 'BG602', '（', '认真研读《法治政府建设实施纲要（2021—2025年）》主要内容。\n', true);
      assert.equal(d.severity, 'error');
    });
    it('reports a half-width ( a citation does not close, with a safe fix that closes it before the 》, and a stray half-width )', () => {
      expectOne('为民警配发《刑法条文理解适用与司法实务全书》《刑事诉讼法及配套规定(新释新解与适用指南》等书籍380余册。\n', 'BG602', '(', '为民警配发《刑法条文理解适用与司法实务全书》《刑事诉讼法及配套规定(新释新解与适用指南）》等书籍380余册。\n', true);
      expectOne('学习《治安管理处罚法释义与执法实务)》。\n', 'BG602', ')');
    });
    it('leaves half-width brackets a citation closes, full-width ones, and brackets outside titles, to BG601', () => {
      expectNone('落实《法治政府建设实施纲要(2021—2025年)》《某某规划（2021—2025年）》，行政审批(许可)文书送达。\n', 'BG602');
    });
    it('reports a stray 》 and an unclosed 《', () => {
      expectOne('关于印发方案的通知》，坚持依法行政。\n', 'BG602', '》');
      expectOne('按照《工作要点要求，推进工作。\n', 'BG602', '《');
    });
    it('reports a closing quote used as an opening one', () => {
      expectOne('严格执行“罚缴分离”、”收支两条线”等制度。\n', 'BG602', '”', '严格执行“罚缴分离”、“收支两条线”等制度。\n', false);
    });
    it('accepts balanced marks across the lines of a paragraph', () => {
      expectNone('学习《宪法》《民法典》（含“三项制度”【要点】〔2021〕）\n以及《中共中央、国务院关于印发〈法治政府建设实施纲要（2021—2025年）〉的通知》。\n', 'BG602');
    });

    it('a mark opened on one line and closed on the next is balanced; an apostrophe between Latin letters is no quote', () => {
      // Each line alone does not nest (the pass every check shares says so), the paragraph does.
      expectNone('他说：“依法\n行政。”\n', 'BG602');
      expectNone('标语“Don’t give up”。\n', 'BG602');
      expectOne('标语“Don’t give up。\n', 'BG602', '“');
      expectOne('他说：“依法\n行政。\n', 'BG602', '“');
    });
  });

  describe('BG736 a range of counts with a hyphen', () => {
    it('reports 1-2部, 3-5次, 10-20人次 and offers ～ or 至 (县政府向人大常委会的报告)', () => {
      const d = expectOne('每次会议安排1-2部国家和省上最新出台的法律法规。\n', 'BG736', '1-2', '每次会议安排1～2部国家和省上最新出台的法律法规。\n', false);
      assert.match(d.message, /数值范围“1-2”用了连字符“-”.*“1～2”或“1至2”/);
      assert.equal(d.fixes![1]!.edits[0]!.newText, '至');
      expectOne('每月开展3-5次巡查。\n', 'BG736', '3-5');
      expectOne('培训10-20人次。\n', 'BG736', '10-20');
    });
    it('leaves years, months, dates, telephone and document numbers, codes and backward ranges alone', () => {
      expectNone('2021-2025年，1-12月，日期2021-01-13，电话0771-2345678，〔2021〕1-2号，G1-2线，编号A1-2件，2-1次，1.5-2小时，1～2部，1至2部。\n', 'BG736');
    });
  });

  describe('BG603/BG604 year ranges', () => {
    it('reports a hyphen between years and fixes it to an em dash', () => {
      expectOne('获评2016年-2020年先进单位。\n', 'BG603', '-', '获评2016年—2020年先进单位。\n', true);
      expectOne('规划（2016-2020年）。\n', 'BG603', '-', '规划（2016—2020年）。\n');
    });
    it('reports two hyphens between years as a plain-text page writes a dash (2021--2025年) — round 19', () => {
      assert.match(expectOne('推进法治政府建设实施方案(2021--2025年)。\n', 'BG603', '--', '推进法治政府建设实施方案(2021—2025年)。\n', true).message, /用了连字符“--”/);
      // Not a date, a number, or an em dash doubled (a 破折号 is BG606's and 2021——2025 is no hyphen).
      expectNone('日期2021--01，编号2016--20201，2021——2025年。\n', 'BG603');
    });
    it('hints at a year range without 年 in a title', () => {
      expectOne('落实《法治政府建设实施纲要（2021—2025）》。\n', 'BG604', '2021—2025', '落实《法治政府建设实施纲要（2021—2025年）》。\n');
      // Text copied off a page has half-width brackets: the range in the title still lacks its 年.
      expectOne('制定《法治赵县建设规划(2021—2025)》。\n', 'BG604', '2021—2025', '制定《法治赵县建设规划(2021—2025年)》。\n');
    });
    it('leaves correct ranges and dates alone', () => {
      expectNone('2015—2020年，日期2021-01-13，号码2016-2020-1。\n', 'BG603', 'BG604', 'BG611');
    });
    it('BG611: a range that does not run forward, whatever its dash', () => {
      assert.match(expectOne('根据法治政府建设实施纲要(2023-2023)的规定。\n', 'BG611', '2023-2023').message, /起止是同一年/);
      assert.match(expectOne('落实《规划（2025—2021年）》。\n', 'BG611', '2025—2021年').message, /止年早于起年/);
      expectOne('2020年~2018年。\n', 'BG611', '2020年~2018年');
      // The hyphen of a range that is wrong anyway is not fixed to an em dash (“2023—2023” would still be wrong).
      expectNone('根据法治政府建设实施纲要(2023-2023)的规定。\n', 'BG603');
      expectNone('2021—2025年，2016-2020年。\n', 'BG611');
    });
  });

  it('BG612 顿号 before 及 / 以及 joining the last item', () => {
    expectOne('在局党组（扩大）会议、及党组理论学习中心组会议中组织学习。\n', 'BG612', '、', '在局党组（扩大）会议及党组理论学习中心组会议中组织学习。\n', true);
    expectOne('开展宪法、民法典、以及行政复议法的学习。\n', 'BG612', '、');
    expectNone('做到准确、及时、规范，及早发现问题，考试成绩合格、及格率100%，宪法及民法典。\n', 'BG612');
  });

  it('BG605 顿号 between titles', () => {
    expectOne('学习《宪法》、《民法典》等法律。\n', 'BG605', '、', '学习《宪法》《民法典》等法律。\n', true);
    expectNone('学习《宪法》《民法典》、行政法规。\n', 'BG605');
  });

  it('BG606 repeated punctuation', () => {
    expectOne('加强学习，，提高能力。\n', 'BG606', '，，', '加强学习，提高能力。\n', true);
    expectNone('等等……还有——破折号。\n', 'BG606');
  });

  it('BG607 numbering typed in prose', () => {
    expectOne('（一）、加强组织领导。\n', 'BG607', '、', '（一）加强组织领导。\n', true);
    const d = expectOne('1、加强组织领导。\n', 'BG607', '1、', '1.加强组织领导。\n', false);
    assert.equal(d.severity, 'warning');
    expectNone('（一）加强组织领导。第1、2批已完成。\n', 'BG607');
  });

  it('BG608 day names', () => {
    expectOne('开展“12.4宪法宣传日”活动。\n', 'BG608', '12.4', '开展“12·4宪法宣传日”活动。\n', false);
    expectOne('开展3.15消费者权益日活动。\n', 'BG608', '3.15', '开展“3·15”消费者权益日活动。\n');
    expectNone('增长3.5%，达到12.4万元，版本1.2。\n', 'BG608');
  });

  it('BG601: a title inside a title marked with the signs < > takes 单书名号 〈〉; the signs elsewhere are left alone', () => {
    const text = '认真贯彻落实《中共某县委、某县人民政府贯彻落实<广东省法治政府建设实施纲要（2016—2020年）>实施意见》。\n';
    const found = runChecks(HEADER + text).filter((d) => d.code === 'BG601');
    assert.deepEqual(found.map((d) => (HEADER + text).slice(d.start, d.end)), ['<', '>']);
    assert.match(found[0]!.message, /单书名号“〈”/);
    assert.equal(applyEdits(HEADER + text, found.flatMap((d) => d.fixes![0]!.edits)), HEADER + text.replace('<', '〈').replace('>', '〉'));
    expectNone('满意率>95%，办理时限<3天，首页>政务公开。\n', 'BG601');
  });

  it('BG609 spaces in Chinese text', () => {
    // A space where a count belongs, before a measure word ending its clause (余坪镇 2024: “涉法涉诉信访 件。”): a number left blank.
    const blank = expectOne('2024年全镇未发生领导干部干预案件情况,涉法涉诉信访 件。\n', 'BG609', ' ', '2024年全镇未发生领导干部干预案件情况,涉法涉诉信访件。\n', false);
    assert.match(blank.message, /“访”和“件”之间空着：像是漏填了数字/);
    assert.match(expectOne('全年受理行政复议案件　起，办结率100%。\n', 'BG609', '\u3000', '全年受理行政复议案件起，办结率100%。\n', false).message, /漏填了数字/);
    // Near misses: a word after the measure word (全体 人员), a number beside the space, and a space between two words.
    assert.doesNotMatch(expectOne('组织全体 人员参加。\n', 'BG609', ' ', '组织全体人员参加。\n', true).message, /漏填/);
    assert.doesNotMatch(expectOne('办理案件 32件。\n', 'BG609', ' ', '办理案件32件。\n', true).message, /漏填/);
    expectOne('推进法治 政府建设。\n', 'BG609', ' ', '推进法治政府建设。\n', true);
    expectOne('推进法治\u3000政府建设。\n', 'BG609', '\u3000', '推进法治政府建设。\n');
    expectNone('\u3000\u3000首行缩进不算。使用 LED 屏幕，A, B。\n', 'BG609');
    // A byline under a 述法报告's title: the posts, a space, the name (round 19, 西洞庭管理区) — but not a sentence or a long name.
    expectNone('西洞庭管理区党委副书记、管委会主任 叶春华\n', 'BG609');
    expectNone('某某局党组书记、局长\u3000张三\n', 'BG609');
    expectOne('区长 张三主持会议。\n', 'BG609', ' ', '区长张三主持会议。\n', true);
    expectOne('镇党委书记 带头述法\n', 'BG609', ' ', '镇党委书记带头述法\n', true);
    // Joint issuers spaced apart in a title (联合行文) are the convention, not a stray space.
    expectNone('@标题 中共某区委教育工作委员会 某区教育委员会 关于2024年法治政府建设情况的报告\n\n正文。\n', 'BG609');
    expectOne('推进委员会 工作。\n', 'BG609', ' ', '推进委员会工作。\n', true);
    // A joint document's title keeps its issuers' space wherever it is cited (办公厅, 厅, 部 end bodies too) …
    expectNone('根据《中共中央办公厅 国务院办公厅关于印发〈法治政府建设与责任落实督察工作规定〉的通知》有关规定。\n', 'BG609');
    expectNone('学习《司法部 民政部关于加强人民调解工作的意见》。\n', 'BG609');
    // … while bodies side by side in running prose take a 顿号: deleting the space would run them together.
    const prose = expectOne('根据中共中央办公厅 国务院办公厅印发《法治政府建设与责任落实督察工作规定》。\n', 'BG609', ' ', '根据中共中央办公厅、国务院办公厅印发《法治政府建设与责任落实督察工作规定》。\n', false);
    assert.match(prose.message, /两个机关名称之间有空格.*顿号/);
    expectOne('会同省司法厅 省公安厅开展检查。\n', 'BG609', ' ', '会同省司法厅、省公安厅开展检查。\n', false);
    // A number beside Chinese takes no space either, typed or a figure ("案件 32件", "2025 年").
    assert.match(expectOne('办理不予处罚案件 32件。\n', 'BG609', ' ', '办理不予处罚案件32件。\n', true).message, /“件”和“3”之间有空格：数字和汉字之间不空格/);
    expectOne('《法治政府建设实施纲要（2021—2025 年）》\n', 'BG609', ' ', '《法治政府建设实施纲要（2021—2025年）》\n', true);
    assert.match(expectOne('办理案件 {案件 = 32件}。\n', 'BG609', ' ', '办理案件{案件 = 32件}。\n', true).message, /“件”和数字之间有空格/);
    expectNone('使用 LED 屏幕，登录 www.example.gov.cn 查询。\n', 'BG609');
    // Nor does a closing mark before a number (“挂案” 5起, 宣城市公安局 2021); a half-width ) before one is no Chinese spacing.
    assert.match(expectOne('共排查出涉民营企业刑事诉讼“挂案” 5起。\n', 'BG609', ' ', '共排查出涉民营企业刑事诉讼“挂案”5起。\n', true).message, /右引号和“5”之间有空格：标点和数字之间不空格/);
    expectOne('印发《实施方案》 2份。\n', 'BG609', ' ', '印发《实施方案》2份。\n', true);
    expectNone('详见图(a) 5处说明。\n', 'BG609');
    // A space before a mark after a number (“参考率为100% ,”) is no one's spacing either.
    assert.match(expectOne('参考率为{参考率 = 100%} ，合格率为{合格率 = 98%}。\n', 'BG609', ' ', '参考率为{参考率 = 100%}，合格率为{合格率 = 98%}。\n', true).message, /标点前不空格/);
    expectOne('优秀率100% 。\n', 'BG609', ' ', '优秀率100%。\n', true);
    expectOne('合格率100% ,优秀率90%。\n', 'BG609', ' ', '合格率100%,优秀率90%。\n', true);
    expectNone('增长3.5% , then 10 ; ok。比率为2:1 ,A。\n', 'BG609');
    // A name cited in 《》 spaced between two phrases is the name as it is (a programme, a slogan); a word split is not.
    expectNone('在电视台开设《承接“北跨”战略 共建法治政府》栏目。\n', 'BG609');
    expectOne('学习《法治政府建设 实施纲要》。\n', 'BG609', ' ', '学习《法治政府建设实施纲要》。\n', true);
    assert.equal(only(HEADER + '落实《奋进新征程 建功新 时代》要求。\n', 'BG609').length, 2);
    // So is a theme or training named in “” (静海区 2024, 杨陵区 2025); a phrase broken before 的 is a Word line break.
    expectNone('区政府常务会议围绕“学习贯彻安全生产法 牢固树立安全发展理念”进行专题集体学法。\n', 'BG609');
    expectNone('参加司法部“学习贯彻习近平法治思想 强化行政执法能力建设专题培训班”。\n', 'BG609');
    expectOne('每日推送“致辖区居民积极应对新型冠状病毒感染肺炎疫情 的一封信”。\n', 'BG609', ' ', '每日推送“致辖区居民积极应对新型冠状病毒感染肺炎疫情的一封信”。\n', true);
    expectOne('摒弃“法治 政府”的说法。\n', 'BG609', ' ', '摒弃“法治政府”的说法。\n', true);
    // Two parallel phrases of three ending alike (巫溪县教委 2024, round 31: the activity “学宪法 讲宪法”) are its name;
    // a six-character word split in the middle ends unlike, phrases of three and two are no pair, and 《》 keeps four.
    expectNone('组织开展“学宪法 讲宪法”活动。\n', 'BG609');
    expectOne('推进“法治政 府建设”工作。\n', 'BG609', ' ', '推进“法治政府建设”工作。\n', true);
    expectOne('坚持“依法行 政”原则。\n', 'BG609', ' ', '坚持“依法行政”原则。\n', true);
    expectOne('学习《学宪法 讲宪法》读本。\n', 'BG609', ' ', '学习《学宪法讲宪法》读本。\n', true);
    // Words that merely end like a body (全部, 内部) are no body: the space is deleted as any other.
    expectOne('全部 完成县司法局交办的任务。\n', 'BG609', ' ', '全部完成县司法局交办的任务。\n', true);
    // A quotation mark is named, not quoted in quotation marks (“””和“模” would not read).
    assert.match(expectOne('摒弃“一言堂” 模式。\n', 'BG609', ' ', '摒弃“一言堂”模式。\n', true).message, /^右引号和“模”之间有空格/);
    // A slogan with quotes inside it (浮梁县 2022, round 27): the inner pair is part of its phrase, whichever marks it uses.
    expectNone('以“践行“两山”生态理念 法治守护浮梁绿水青山”为主题。\n', 'BG609');
    expectNone('以“践行‘两山’生态理念 法治守护浮梁绿水青山”为主题。\n', 'BG609');
    // Near misses: two quotes side by side with a space between their neighbours, and a word split inside the nest.
    expectOne('开展“送法下乡”活动 举办“宪法宣传周”活动。\n', 'BG609', ' ', '开展“送法下乡”活动举办“宪法宣传周”活动。\n', true);
    expectOne('以“践行“两山”生态 理念”为主题。\n', 'BG609', ' ', '以“践行“两山”生态理念”为主题。\n', true);
  });

  it('BG750 quotes inside quotes (浮梁县 2022, round 27)', () => {
    const text = '以“践行“两山”生态理念 法治守护浮梁绿水青山”为主题。\n';
    const d = expectOne(text, 'BG750', '“两山”', '以“践行‘两山’生态理念 法治守护浮梁绿水青山”为主题。\n', true);
    assert.match(d.message, /引号里又用了双引号“两山”：引号内再用引号应为单引号/);
    // Every inner pair, at any depth below the outer one.
    assert.equal(only(HEADER + '“学习“三项制度”和“双随机”的“一“二”三””。\n', 'BG750').length, 4);
    // Near misses: quotes side by side, single quotes inside, and a line whose quotes do not pair (BG602's: a lost ” looks nested).
    expectNone('开展“送法下乡”“法律进社区”活动，以“践行‘两山’理念”为主题。\n', 'BG750');
    expectNone('以“践行“两山”生态理念为主题。\n', 'BG750');
    expectNone('以”践行“两山”生态理念”为主题。\n', 'BG750');
  });

  it('BG610 Word debris', () => {
    expectOne('我镇无其他需要报告的情况。[bookmark: _GoBack]\n', 'BG610', '[bookmark: _GoBack]', '我镇无其他需要报告的情况。\n', true);
    expectOne('法治\u200b政府。\n', 'BG610', '\u200b', '法治政府。\n');
    expectNone('我镇无其他需要报告的情况。\n', 'BG610');
  });

  it('BG610 stays linear on a hostile line: 100,000 invisible characters between ideographs (was: each match compared with every one kept, 465 s for 300,000)', () => {
    const { ms, result } = cpuTimed(() => runChecks(`${HEADER}${'甲\u200d'.repeat(100_000)}\n`, {}, typographyChecks).filter((d) => d.code === 'BG610'));
    // Each one found; a file lists 500 and says how many more.
    assert.equal(result.length, 501);
    assert.equal(result[500]!.omitted, 99_500);
    assert.ok(ms < 3_000, `${ms} ms`);
    // A match inside one an earlier pattern kept is still passed over: the bookmark's invisible character is not told again.
    const inBookmark = only('法治[bookmark: \u200b_GoBack]政府。\n', 'BG610');
    assert.equal(inBookmark.length, 1);
    assert.match(inBookmark[0]!.message, /^Word 书签“\[bookmark/);
  });

  it('only looks at prose: directives and figures are not checked', () => {
    expectNone('{资料 = 5000多份}\n@指标 应领证 = 54人\n', 'BG601', 'BG602', 'BG609');
  });

  it('reports problems in a snippet at the snippet file', () => {
    const text = HEADER + '@引用 甲\n';
    const snippet = '@片段 甲\n\n依法行政,规范执法。\n';
    const found = runChecks(text, { '/r/snippets/甲.bg': snippet }).filter((d) => d.code === 'BG601');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.uri, '/r/snippets/甲.bg');
    assert.equal(snippet.slice(found[0]!.start, found[0]!.end), ',');
  });

  describe('samples', () => {
    it('daxie-2021 and beiping-2020: half-width punctuation', () => {
      for (const name of ['daxie-2021.bg', 'beiping-2020.bg']) {
        const text = sample(name);
        const found = sampleDiagnostics(name).filter((d) => d.code === 'BG601' && !d.uri);
        assert.ok(found.length > 10, `${name}: ${found.length}`);
        for (const d of found) assert.match(text.slice(d.start, d.end), /^[,;:?!()]$/);
      }
      const daxie = sample('daxie-2021.bg');
      const parens = sampleDiagnostics('daxie-2021.bg').filter((d) => d.code === 'BG601' && daxie[d.start] === '(');
      assert.equal(parens.length, 2);
      assert.equal(lineOf(daxie, parens[0]!.start), daxie.split('\n').findIndex((l) => l.startsWith('今年以来')) + 1);
    });
    it('guiwei-2020: unclosed （ in the provincial 纲要 and hyphen ranges', () => {
      const text = sample('guiwei-2020.bg');
      const all = sampleDiagnostics('guiwei-2020.bg');
      const line = text.split('\n').findIndex((l) => l.startsWith('桂圩镇{年度}年度')) + 1;
      const unclosed = all.filter((d) => d.code === 'BG602' && text[d.start] === '（');
      assert.equal(unclosed.length, 1);
      assert.equal(lineOf(text, unclosed[0]!.start), line);
      assert.equal(text.slice(unclosed[0]!.start, unclosed[0]!.start + 12), '（2016-2020年》');
      assert.equal(applyEdits(text, unclosed[0]!.fixes![0]!.edits).includes('《广东省法治政府建设实施纲要（2016-2020年）》'), true);
      const hyphens = all.filter((d) => d.code === 'BG603');
      assert.equal(hyphens.length, 3);
      for (const d of hyphens) assert.equal(text.slice(d.start, d.end), '-');
      assert.ok(text.slice(hyphens[0]!.start - 4, hyphens[0]!.end + 5) === '2015-2020年');
      // The lone 》 after 实施方案的通知 is reported too.
      assert.equal(all.filter((d) => d.code === 'BG602' && text[d.start] === '》').length, 1);
    });
    it('huilongba-2021: unclosed （ in the 2021—2025 纲要', () => {
      const text = sample('huilongba-2021.bg');
      const unclosed = sampleDiagnostics('huilongba-2021.bg').filter((d) => d.code === 'BG602');
      assert.equal(unclosed.length, 1);
      const line = text.split('\n').findIndex((l) => l.startsWith('一是领导干部带头学法')) + 1;
      assert.equal(lineOf(text, unclosed[0]!.start), line);
      assert.equal(text.slice(unclosed[0]!.start, unclosed[0]!.start + 12), '（2021—2025年》');
    });
    it('guiwei-2021 (the clean report) has no BG5xx/BG6xx error or warning', () => {
      const found = sampleDiagnostics('guiwei-2021.bg').filter((d) => /^BG[56]/.test(d.code));
      assert.deepEqual(found.map((d) => `${d.code} ${d.message}`), []);
    });
  });
});
