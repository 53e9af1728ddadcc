// Real-world text: page furniture, the year and 机关 from the opening, mistyped numbers, long
// numbered sentences — and `baogao check` on .txt and .docx files directly.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { readWord } from '../../../server/node/readWord.js';
import { importReport } from '../../../server/language/import/index.js';
import { orgFromProse } from '../../../server/language/import/header.js';
import { partOfHeading } from '../../../server/language/import/parts.js';
import { checkSourceText } from '../../../server/language/sourceCheck.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { ROOT, seedText } from '../../helpers.js';

const imported = (lines: string[]) => importReport(lines.join('\n'));
const body = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('@') && !l.startsWith('//'));

describe('import: real-world text', () => {
  it('removes page furniture, lists each line, and finds the title after it (the repeated title once)', () => {
    const r = imported(['首页 > 政务公开 > 法治政府建设报告', '某某镇2021年度法治政府建设情况报告', '发布时间：2022-03-01 来源：某某镇 点击数：123', '某某镇2021年度法治政府建设情况报告', 'https://www.example.gov.cn/a.html', '2021年，我镇坚持依法行政，全面推进法治政府建设工作。', '【打印】【关闭】']);
    assert.equal(r.header.title, '某某镇2021年度法治政府建设情况报告');
    assert.equal(r.header.org, '某某镇人民政府');
    assert.deepEqual(body(r.text), ['2021年，我镇坚持依法行政，全面推进法治政府建设工作。']);
    assert.deepEqual(r.notes.filter((n) => /网页|重复|网址/.test(n.what)).map((n) => n.line), [1, 3, 4, 5, 7]);
  });

  it('a site header with the day and 农历, a column named 工作报告 above the breadcrumb and a published-at line are not the title', () => {
    const r = imported(['今天是:2019年10月31日 星期三 农历十月初七', '工作报告', '您所在的位置:政务公开 > 工作报告', '2020年静海区法治政府建设情况报告', '  • 2021年03月22日 16时47分', '2020年静海区法治政府建设情况报告', '2020年,静海区坚持依法行政,全面推进法治政府建设。']);
    assert.equal(r.header.title, '2020年静海区法治政府建设情况报告');
    assert.equal(r.header.year, 2020);
    // The place right after the title's year is the body.
    assert.equal(r.header.org, '静海区人民政府');
    assert.deepEqual(body(r.text), ['2020年,静海区坚持依法行政,全面推进法治政府建设。']);
    assert.deepEqual(r.notes.filter((n) => /网页/.test(n.what)).map((n) => n.what.slice(0, 6)), ['网页页眉“今', '网页栏目“工', '网页导航“您', '网页信息栏“']);
    assert.equal(imported(['2022年度推进法治政府建设情况报告', '正文。']).header.org, undefined);
    // A county of one character before the year (横县 2020, round 31) is the county's government, not the first
    // 人民政府 of its first sentence (自治区人民政府); 全县, 本县 and 我县 name no county.
    assert.equal(imported(['横县2020年度法治政府建设情况报告', '2020年,横县认真落实自治区党委、自治区人民政府关于法治建设的决策部署。']).header.org, '横县人民政府');
    for (const own of ['全县', '本县', '我县']) {
      assert.notEqual(imported([`${own}2020年度法治政府建设情况报告`, '2020年,认真落实自治区党委、自治区人民政府的决策部署。']).header.org, `${own}人民政府`, own);
    }
  });

  it('a title under its label in the page’s table (标题: …) is the title without the label; an empty 时效: is furniture', () => {
    const r = imported(['索 引 号: 035200009/2026-00013', '发布机构: 某某县人民政府', '标题: 某某县2025年法治政府建设年度报告', '文号:', '时效:', '', '某某县2025年法治政府建设年度报告', '2025年,某某县坚持依法行政,全面推进法治政府建设。']);
    assert.equal(r.header.title, '某某县2025年法治政府建设年度报告');
    assert.deepEqual(body(r.text), ['2025年,某某县坚持依法行政,全面推进法治政府建设。']);
    assert.ok(r.notes.some((n) => n.line === 3 && /标签“标题:”/.test(n.what)));
    // The label with the title alone (no line of the title below it) still gives the title.
    assert.equal(imported(['标　题：某某县2025年法治政府建设年度报告', '2025年,某某县坚持依法行政。']).header.title, '某某县2025年法治政府建设年度报告');
    // Below the first sentence a line that names a report after 名称: is the report's own text.
    assert.ok(body(imported(['某某县2025年法治政府建设年度报告', '2025年,某某县坚持依法行政,全面推进法治政府建设,各项工作取得新成效。', '名称：某某县行政复议工作报告']).text).includes('名称：某某县行政复议工作报告'));
  });

  it('a title with its document number in brackets after it (……工作报告(潭县自然资字〔2025〕79号)) is read as the title; the number goes', () => {
    const lines = ['某某县自然资源局2025年度法治政府建设工作报告(某县自然资字〔2025〕79号)', '县委、县人民政府:', '根据中共中央办公厅、国务院办公厅《法治政府建设与责任落实督察工作规定》要求,现将我局法治政府建设工作情况汇报如下:'];
    const r = imported(lines);
    assert.equal(r.header.title, '某某县自然资源局2025年度法治政府建设工作报告');
    assert.equal(r.header.org, '某某县自然资源局');
    assert.equal(r.header.year, 2025);
    assert.equal(r.header.to, '县委、县人民政府');
    assert.ok(r.notes.some((n) => n.line === 1 && /发文字号“某县自然资字〔2025〕79号”/.test(n.what)));
    // A page in 繁体 (號) too; a bracket that holds no document number is not taken for one.
    assert.equal(imported(['某某縣自然資源局2025年度法治政府建設工作報告（某縣自然資字〔2025〕79號）', ...lines.slice(1)]).header.title, '某某縣自然資源局2025年度法治政府建設工作報告');
    assert.ok(!imported(['某某县2025年度法治政府建设情况报告（2025年1月—12月）', ...lines.slice(1)]).notes.some((n) => /发文字号/.test(n.what)));
  });

  it('a page that repeats its “关于……” headline as two lines, the body’s name above it, gives the whole title, the 机关 and the addressee', () => {
    const r = imported(['首页/ 公开 / 区政府文件 / 正文', '关于2025年法治政府建设情况的报告', '来源:某某区人民政府 发布时间:2026-03-16 17:46', '某某区人民政府', '关于2025年法治政府建设情况的报告', '区人大常委会:', '2025年,在区委的坚强领导下,区政府坚持依法行政,深入推进法治政府建设。现将有关情况报告如下。']);
    assert.equal(r.header.title, '某某区人民政府关于2025年法治政府建设情况的报告');
    assert.equal(r.header.org, '某某区人民政府');
    assert.equal(r.header.to, '区人大常委会');
    assert.deepEqual(body(r.text), ['2025年,在区委的坚强领导下,区政府坚持依法行政,深入推进法治政府建设。现将有关情况报告如下。']);
    // A body's name under a title that does not begin with 关于 is not taken into it.
    const plain = imported(['某某区2025年法治政府建设情况报告', '某某区人民政府', '某某区2025年法治政府建设情况报告', '2025年,在区委的坚强领导下,区政府坚持依法行政,深入推进法治政府建设。']);
    assert.equal(plain.header.title, '某某区2025年法治政府建设情况报告');
  });

  it('an addressee of two bodies under the title with its colon left out is @主送, and the source is told (BG238)', () => {
    const opening = '2025年,县交通运输局在县委、县政府的正确领导下,深入学习贯彻习近平法治思想,推动交通运输事业高质量发展。';
    const r = imported(['某某县交通运输局关于2025年度法治政府建设情况的报告', '时间:2026-02-28 16:51', '     中共某某县委、某某县人民政府', '', opening]);
    assert.equal(r.header.to, '中共某某县委、某某县人民政府');
    assert.deepEqual(r.findings.map((f) => [f.code, f.line, f.column]), [['BG238', 3, 20]]);
    assert.deepEqual(body(r.text), [opening]);
    // With its colon it is no finding; the report's own bodies under a joint title, a single body, and bodies
    // above a heading rather than a sentence are no addressee.
    assert.deepEqual(imported(['某某县交通运输局关于2025年度法治政府建设情况的报告', '中共某某县委、某某县人民政府：', opening]).findings, []);
    const joint = imported(['中共某某镇委员会 某某镇人民政府关于2025年法治政府建设情况的报告', '中共某某镇委员会、某某镇人民政府', opening]);
    assert.equal(joint.header.to, undefined);
    assert.deepEqual(joint.findings, []);
    assert.equal(imported(['某某县交通运输局关于2025年度法治政府建设情况的报告', '某某县人民政府', opening]).header.to, undefined);
    assert.equal(imported(['某某县交通运输局关于2025年度法治政府建设情况的报告', '中共某某县委、某某县人民政府', '一、主要举措和成效', opening]).header.to, undefined);
  });

  it('an addressee whose bodies are parted by a comma is @主送 as written, and the source is told (BG239)', () => {
    const opening = '2024年,某某镇法治政府建设工作在县委、县政府的有力指导下,围绕年度法治政府建设工作要点,深入推进依法行政。';
    const r = imported(['- 索 引 号: sm09901-1800-2025-00003', '- 备注/文号: 某镛委〔2025〕5号', '- 发布机构: 某某镇人民政府', '- 公文生成日期: 2025-02-07', '中共某某县委员会,某某县人民政府:', opening]);
    assert.equal(r.header.to, '中共某某县委员会,某某县人民政府');
    assert.deepEqual(r.findings.map((f) => [f.code, f.line, f.column]), [['BG239', 5, 9], ['BG601', 5, 17]]);
    assert.deepEqual(body(r.text), [opening]);
    assert.deepEqual(imported(['中共某某县委员会，某某县人民政府：', opening]).findings.map((f) => [f.code, f.column]), [['BG239', 9]]);
    // Bodies parted by 、 are no finding.
    assert.deepEqual(imported(['中共某某县委、某某县人民政府：', opening]).findings, []);
  });

  it('a page’s labels spaced out to fill their column (索 引 号:, 文 号:) are furniture, not the title', () => {
    const r = imported(['索引号: 001-2024-00000183 发布机构:', '生效日期: 2024-01-11 废止日期:', '文 号: 所属主题: 政府工作报告', '', '某某镇2023年法治政府建设情况报告', '', '来源: 发布时间:2024-01-11 浏览次数: 【字体:', '根据某某县2023年度法治政府建设的总体要求,我镇着力抓重点、补短板、强弱项,推动重点难点问题破解。']);
    assert.equal(r.header.title, '某某镇2023年法治政府建设情况报告');
    assert.equal(r.header.kind, '法治政府建设年度报告');
    assert.deepEqual(body(r.text), ['根据某某县2023年度法治政府建设的总体要求,我镇着力抓重点、补短板、强弱项,推动重点难点问题破解。']);
    // A spaced word with no colon after it is no label.
    assert.ok(body(imported(['文 号 管 理 工作 规范', '2023年,我镇推进法治政府建设,全面落实各项工作要求。']).text).includes('文 号 管 理 工作 规范'));
  });

  it('an 索引号 on a line of its own and the page’s publisher between the title and its repeat are furniture', () => {
    const opening = '2024年,某某区坚持以习近平新时代中国特色社会主义思想为指导,深入推进依法行政,扎实开展法治政府建设各项工作。';
    const r = imported(['无障碍阅读 关怀版 返回首页', '政府信息公开', '某某市某某区2024年度法治政府建设报告', '11371202004358421D/2025-6640947', '某某市某某区人民政府', '2025-03-19', '', '某某市某某区2024年度法治政府建设报告', '', '字号:', opening]);
    assert.equal(r.header.title, '某某市某某区2024年度法治政府建设报告');
    assert.deepEqual(body(r.text), [opening]);
    assert.ok(r.notes.some((n) => n.what === '发布机构“某某市某某区人民政府”'));
    // A body's name under the title with no repeat of the title after it stays (it may be the addressee's or the text's).
    assert.ok(body(imported(['某某市某某区2024年度法治政府建设报告', '某某市某某区人民政府', opening]).text).length >= 1);
  });

  it('a title broken after its first line before a short “情况工作报告” is one title; a column named 工作报告 above the page is not', () => {
    const r = imported(['某某区生态环境分局2025年法治政府建设', '情况工作报告', '今年以来,某某区生态环境分局深入学习贯彻习近平法治思想,全面落实法治政府建设各项任务。']);
    assert.equal(r.header.title, '某某区生态环境分局2025年法治政府建设情况工作报告');
    assert.equal(r.header.org, '某某区生态环境分局');
    assert.equal(imported(['工作报告', '您所在的位置:政务公开 > 工作报告', '2020年静海区法治政府建设情况报告', '2020年,静海区坚持依法行政,全面推进法治政府建设。']).header.title, '2020年静海区法治政府建设情况报告');
  });

  it('a title with a space a page left inside 法治政府建设 is still a 法治政府建设年度报告', () => {
    const r = imported(['某某市公安局2025年度法治政府 建设情况报告', '2025年,在市委、市政府的坚强领导下,市公安局坚持依法行政,全面推进法治公安建设。']);
    assert.equal(r.header.title, '某某市公安局2025年度法治政府 建设情况报告');
    assert.equal(r.header.kind, '法治政府建设年度报告');
    assert.equal(imported(['某某市公安局2025年度工作报告', '2025年,在市委、市政府的坚强领导下,市公安局坚持依法行政,全面推进法治公安建设。']).header.kind, '工作报告');
  });

  it('the first sentence caught in a bulleted information bar loses the bullet; a bullet elsewhere is kept', () => {
    const r = imported(['四川省人民政府关于2020年度法治政府建设工作情况的报告', '  • 来源: 司法厅', '  • 2020年,省政府坚持以习近平法治思想为指导,扎实推进法治政府建设。', '• 一项做法,依法行政,持续推进法治政府建设工作。']);
    assert.deepEqual(body(r.text), ['2020年,省政府坚持以习近平法治思想为指导,扎实推进法治政府建设。', '• 一项做法,依法行政,持续推进法治政府建设工作。']);
    assert.ok(r.notes.some((n) => n.what === '网页列表符号“•”'));
  });

  it('机关 from a title with a space before 关于, and from a title naming a ministry (…部) before its year', () => {
    assert.equal(imported(['石柱土家族自治县公安局 关于2025年法治政府建设工作情况的报告', '一、工作总体完成情况']).header.org, '石柱土家族自治县公安局');
    assert.equal(imported(['应急管理部2019年法治政府建设年度报告', '2019年,应急管理部依法行政。']).header.org, '应急管理部');
  });

  it('a document-sharing site’s chunk numbers (“1、” … “2、” in the middle of a word) are removed and listed; typed numbers stay', () => {
    const long = '依法全面履行政府职能，切实抓好法治政府建设各项工作，强化行政权力的制约和监督，'.repeat(3);
    const r = imported([`1、某镇2023年度法治政府建设情况报告${long}依`, `2、法有效化解社会矛盾纠纷${long}受理标`, '3、准更加明确、受理过程更加标准。']);
    assert.deepEqual(r.notes.filter((n) => n.what.startsWith('分段序号')).map((n) => n.line), [1, 2, 3]);
    assert.ok(!/^#/m.test(r.text), r.text);
    assert.ok(body(r.text).some((l) => l.startsWith('法有效化解')), r.text);
    // Numbers that start whole sentences after lines that end are typed numbers, kept.
    const typed = imported(['1、加强组织领导。', `2、规范行政执法${long}`, '3、深化普法宣传。']);
    assert.ok(!typed.notes.some((n) => n.what.startsWith('分段序号')));
  });

  it('a report copied from a site’s 繁体 version: title, kind, 机关 and page furniture recognised, its characters kept', () => {
    const r = imported(['小龍門鄉2024年法治政府建設情況報告', '發布時間:2025-04-11 16:33 信息來源:辰溪縣小龍門鄉', '小龍門鄉2024年法治政府建設情況報告', '2024年,小龍門鄉在縣委的指導下,全面推進法治政府建設。']);
    assert.equal(r.header.title, '小龍門鄉2024年法治政府建設情況報告');
    assert.equal(r.header.kind, '法治政府建设年度报告');
    assert.equal(r.header.org, '小龍門鄉人民政府');
    assert.deepEqual(body(r.text), ['2024年,小龍門鄉在縣委的指導下,全面推進法治政府建設。']);
    const untitled = imported(['2020年,北坡鎮在縣委、縣政府的正確領導下,認真推進法治政府建設,現將有關情況匯報如下:', '一、健全組織領導']);
    assert.equal(untitled.header.kind, '法治政府建设年度报告');
    assert.equal(untitled.header.org, '北坡鎮人民政府');
  });

  it('a page that lost its line breaks: split before each 一、 / (一) that follows a space, when there are two or more', () => {
    const r = imported(['2024年,某市卫生健康局坚持依法行政,全面推进法治建设。现将有关情况报告如下。 一、2024年推进法治政府建设的主要举措和成效 (一)推进政务服务智慧便民。全年共办理许可业务5650件。 （二）加大执法力度。全年共实施行政处罚237件。']);
    assert.equal(r.header.kind, '法治政府建设年度报告');
    assert.deepEqual(r.text.split('\n').filter((l) => l.startsWith('#')), ['# 2024年推进法治政府建设的主要举措和成效 {#举措}', '## 推进政务服务智慧便民', '## 加大执法力度']);
    assert.ok(r.notes.some((n) => n.what === '一行里连着 4 段'));
    // A PDF's text: no spaces, the numbers right after full stops, and a part's first (一) run into its heading.
    const pdf = imported(['2025年,全县坚持依法行政,全面推进法治政府建设。一、以思想引领为先导,在深学笃行中凝聚法治共识(一)强化理论武装,筑牢法治根基。全年开展专题学习18次。(二)加强统筹谋划,压实法治责任。明确年度重点任务56项。']);
    assert.deepEqual(pdf.text.split('\n').filter((l) => l.startsWith('#')), ['# 以思想引领为先导,在深学笃行中凝聚法治共识', '## 强化理论武装,筑牢法治根基', '## 加强统筹谋划,压实法治责任']);
    // A heading that lost its break to its paragraph at a space, like the rest (not at a space inside “2020 年”).
    const spaced = imported(['2020 年,在区委的领导下,海滨街严格依法行政,现将工作情况报告如下: 一、2020 年推进法治政府建设的主要举措和成效 (一)加强组织领导,奠定依法行政基础 成立以街主要领导为组长的法治政府建设领导小组。 (二)严格落实防控举措。 按照疫情防控的工作要求开展宣传。']);
    assert.deepEqual(spaced.text.split('\n').filter((l) => l.startsWith('#')), ['# 2020 年推进法治政府建设的主要举措和成效 {#举措}', '## 加强组织领导,奠定依法行政基础', '## 严格落实防控举措']);
    // One full stop before a number is prose that enumerates.
    assert.ok(!imported(['2024年,我镇依法行政,主要做法有三个方面。一、利用广场开展宣传,二、利用走廊展示案例。']).notes.some((n) => n.what.startsWith('一行里连着')));
    // One space before a number is a space typed by chance (and an enumeration after a colon is prose).
    const once = imported(['2024年,我镇依法行政。现报告如下。 一、主要举措', '如:一、利用广场;二、利用走廊;三、利用绿地。']);
    assert.ok(!once.notes.some((n) => n.what.startsWith('一行里连着')));
  });

  it('a title run into the text after it (a PDF or page that lost the break) becomes the title: year, kind and 机关 read from it', () => {
    const r = imported(['某县 2025 年度法治政府建设情况报告2025 年,全县坚持依法行政,全面推进法治政府建设,为全县经济社会发展提供了法治保障。']);
    assert.equal(r.header.title, '某县 2025 年度法治政府建设情况报告');
    assert.equal(r.header.year, 2025);
    assert.deepEqual(body(r.text), ['2025 年,全县坚持依法行政,全面推进法治政府建设,为全县经济社会发展提供了法治保障。']);
    // A summary's title before its first typed number; its 1、 2、 after spaces are lost breaks too.
    const summary = imported(['工商局2021年上半年法治建设工作总结 一、突出制度机制建设,压实法治建设责任 1、建立健全领导体制。局党组开会讨论法治建设工作。 2、完善行政监督机制。强化行政权力的监督。']);
    assert.equal(summary.header.title, '工商局2021年上半年法治建设工作总结');
    assert.equal(summary.header.kind, '工作总结');
    assert.equal(summary.header.year, 2021);
    assert.deepEqual(summary.text.split('\n').filter((l) => l.startsWith('#')), ['# 突出制度机制建设,压实法治建设责任', '## 建立健全领导体制', '## 完善行政监督机制']);
    // An opening sentence that says 报告 is no title.
    assert.equal(imported(['现将我镇2022年度法治政府建设情况报告如下:一、主要举措和成效。全面推进依法行政,全年调处纠纷。']).header.title, undefined);
  });

  it('a title that does not say 法治政府建设 gives the kind 工作总结 or 工作报告 (……年度报告), or none', () => {
    assert.equal(imported(['蒸湘区司法局2024年法治建设年度报告', '2024年,我局依法行政。']).header.kind, '工作报告');
    assert.equal(imported(['某镇2021年依法行政工作总结', '2021年,我镇依法行政。']).header.kind, '工作总结');
    assert.equal(imported(['2016年乡依法行政工作总结报告', '2016年以来,乡依法行政工作顺利推进。']).header.kind, '工作总结');
    assert.equal(imported(['xx镇一季度社会矛盾纠纷排查研判情况综合报告', '正文。']).header.kind, undefined);
  });

  it('a mirror’s information table, its labels padded with question marks (“标????????题 | ……报告 | ||”, “时????????效 |”), is furniture and gives the title', () => {
    const r = imported([
      '索??引??号 | 014000810/2025-00009 | 分????????类 | 行业管理?? |', '发布机构 | 江苏省交通运输厅 | 发文日期 | 2025-02-18 |',
      '标????????题 | 江苏省交通运输厅2024年度法治政府部门建设情况报告 | ||', '内容概述 | |||', '时????????效 |',
      '2024年,江苏省交通运输厅坚持以习近平新时代中国特色社会主义思想为指导,依法全面履行政府职能。',
    ]);
    assert.equal(r.header.title, '江苏省交通运输厅2024年度法治政府部门建设情况报告');
    assert.equal(r.header.org, '江苏省交通运输厅');
    assert.deepEqual(body(r.text), ['2024年,江苏省交通运输厅坚持以习近平新时代中国特色社会主义思想为指导,依法全面履行政府职能。']);
    assert.ok(r.notes.some((n) => n.what === '网页信息栏的标签“标题”'), JSON.stringify(r.notes));
    // Near misses: a question in the text, and a line of the body after the first sentence ending in a bar.
    const later = imported(['某某镇2024年法治政府建设情况报告', '2024年,某某镇坚持依法行政,全面推进法治政府建设,取得积极成效。', '群众满意吗??是的。', '工作要点 |']);
    assert.ok(later.text.includes('群众满意吗??是的。') && later.text.includes('工作要点 |'), later.text);
  });

  it('a page’s empty counter label run into the first sentence (“访问次数:2024年,……”) is furniture; the label in the text is not', () => {
    const r = imported(['组配分类: | 公开方式:主动公开 | 成文日期:2025-03-24 |', '浙江省交通运输厅2024年度法治政府部门建设工作情况', '访问次数:2024年,浙江省交通运输厅笃学践行习近平法治思想,全面落实党中央、国务院关于法治政府建设的决策部署。']);
    assert.deepEqual(body(r.text), ['2024年,浙江省交通运输厅笃学践行习近平法治思想,全面落实党中央、国务院关于法治政府建设的决策部署。']);
    assert.ok(r.notes.some((n) => n.what === '网页信息栏“访问次数:”'));
    for (const label of ['浏览次数：', '点击数: ']) assert.deepEqual(body(imported(['某某镇2024年法治政府建设情况报告', `${label}2024年,某某镇坚持依法行政,全面推进法治政府建设,取得积极成效。`]).text), ['2024年,某某镇坚持依法行政,全面推进法治政府建设,取得积极成效。'], label);
    // Near misses: the words later in the text, and a counter label on a line too short to be a sentence.
    const later = imported(['某某镇2024年法治政府建设情况报告', '2024年,某某镇坚持依法行政,全面推进法治政府建设,取得积极成效。', '一、主要举措', '浏览次数:网站全年浏览次数达12万,访问量持续增长,群众满意度不断提高。']);
    assert.ok(later.text.includes('浏览次数:网站全年浏览次数达12万'), later.text);
  });

  it('a file name above the text, the publishing time run into the first sentence and a sharing site’s watermarks are furniture', () => {
    const r = imported(['海滨街2020年法治政府建设情况.docx', '海滨街2020年法治政府建设情况报告', '发表时间 : 2025-03-18 16:56:432020年以来,海滨街严格依法行政,深入推进法治政府建设,积极营造良好的法治环境。']);
    assert.equal(r.header.title, '海滨街2020年法治政府建设情况报告');
    assert.deepEqual(body(r.text), ['2020年以来,海滨街严格依法行政,深入推进法治政府建设,积极营造良好的法治环境。']);
    const shared = imported([
      '2022年,我局全面贯彻习近平法治思想,认真落实法治政府建设各项任务,现将本年度法治政府建设工作情况总结报告如下:', '公文汇 www.gongwenhui.com',
      '一、2022年度推进法治政府建设的主要举措和成效 公文汇 www.gongwenhui.com', '(一)坚持党的领导,深入学习贯彻习近平法治思想 公文汇,办公文档之家',
      '为贯彻党的二十大精神,坚持全面依法治国,推进法治中国建设,我局组织学习了党的二十大报告。 公文汇,办公文档之家',
    ]);
    assert.ok(!shared.text.includes('公文汇'), shared.text);
    assert.equal(shared.notes.filter((n) => n.what.startsWith('网站水印')).length, 4);
    // One address at the end of a sentence is the sentence's.
    assert.ok(imported(['2022年,我局依法行政,全面推进法治政府建设,并在门户网站公开,详见本局网站 www.example.com']).text.includes('www.example.com'));
  });

  it('@日期 from the page’s 成文日期 when there is no signature date; the opening is still an excerpt', () => {
    const lines = ['- [ 索引号 ] 11500229768895163R/2026-00004', '- [ 成文日期 ] 2026-02-12', '- [ 发布日期 ] 2026-02-13', '城口县鸡鸣乡人民政府2025年法治政府建设情况报告', '2025年,鸡鸣乡在县委、县政府的坚强领导下,坚持依法行政,全面推进法治政府建设,为全乡发展提供了坚实的法治保障。', '一、主要工作及成效', '(一)深化思想引领', '我乡始终将深入学习贯彻习近平法治思想作为首要政治任务,着力构建'];
    const r = imported(lines);
    assert.equal(r.header.date, '2026-02-12');
    assert.ok(r.text.includes('@日期 2026-02-12'));
    assert.equal(imported(['成文日期: | 2022-02-11 | 体裁分类: | 报告 |', ...lines.slice(3)]).header.date, '2022-02-11');
    const { excerpt, findings } = checkSourceText(new LanguageService(new MemoryWorkspace({})), '/r/a.bg', lines.join('\n'));
    assert.ok(excerpt);
    assert.deepEqual(findings.filter((f) => f.code === 'BG401'), []);
    // A signature's date wins over the page's.
    assert.equal(imported([...lines.slice(0, 7), '我乡全年依法行政。', '鸡鸣乡人民政府', '2026年1月20日']).header.date, '2026-01-20');
  });

  it('the opening sentence for 机关 and 年度 is the first sentence, not a site’s short headline above it', () => {
    const r = imported(['对于县政府的其他规范性文件不满如何申请行政救济', '2019年,汉源县法治政府建设工作以习近平新时代中国特色社会主义思想为指导,扎实推进依法行政。']);
    assert.equal(r.header.org, '汉源县人民政府');
    assert.equal(r.header.year, 2019);
  });

  it('no 机关 from “以创建全县……” (a preposition and 全县 are no place name)', () => {
    assert.equal(orgFromProse('为进一步加强法治政府建设,2021年来,街道按照要求,上下一心,以创建全县法治文明辖区为统领,全力推进法治化政府建设'), undefined);
  });

  it('a sharing site’s stamp in the middle of sentences (name, slogan and address, twice or more) is removed everywhere; a title behind it is read', () => {
    const stamp = '秘书之家—全网资源每日更新www.mishuzj.com';
    const r = imported([`${stamp}湖北省人民政府关于2023年度法治政府建设情况的报告2023年,省政府坚持依法行政,法治政府建设取得新成效。二是扛牢法治建设第一${stamp}责任人职责。`]);
    assert.equal(r.header.title, '湖北省人民政府关于2023年度法治政府建设情况的报告');
    assert.equal(r.header.org, '湖北省人民政府');
    assert.ok(!r.text.includes('mishuzj') && r.text.includes('扛牢法治建设第一责任人职责。'), r.text);
    assert.equal(r.notes.filter((n) => n.what.startsWith('网站水印')).length, 2);
    // An address the text sends the reader to, twice, is the text's.
    const site = imported(['2022年,我局全面推进政务公开,请登录门户网站www.example.gov.cn查询,或访问www.example.gov.cn留言,方便群众办事。']);
    assert.equal((site.text.match(/www\.example\.gov\.cn/g) ?? []).length, 2);
  });

  it('a tender site’s furniture: a date alone, a slashed path of regions, a line ending in a date and time and the title again with its digits masked', () => {
    const r = imported(['古城街道2025年法治政府建设年度报告', '2026-01-27', '浙江/台州 招标采购', '古城街道2025年法治政府建设年度报告', '浙江/台州-2026-01-27 00:00:00', '成文日期: **********', '古城街道****年法治政府建设年度报告', '****年,古城街道在市委、市政府的正确领导和有力指导下,扎实推进法治政府建设。']);
    assert.deepEqual(body(r.text), ['****年,古城街道在市委、市政府的正确领导和有力指导下,扎实推进法治政府建设。']);
    assert.equal(r.header.year, 2025);
    // A date in 年月日 under a title, and a slash inside a sentence, are the text's.
    assert.deepEqual(body(imported(['某镇2021年法治政府建设情况报告', '（2022年1月10日）', '2021年,我镇将城乡/社区治理纳入法治政府建设,成效明显。']).text), ['（2022年1月10日）', '2021年,我镇将城乡/社区治理纳入法治政府建设,成效明显。']);
  });

  it('below a 上行文’s title: its document number, 签发人, the title again and the addressee; 转自: above the text is furniture', () => {
    const r = imported(['广东省交通运输厅关于2022年度法治政府建设情况的报告', '粤交法〔2023〕9号', '签发人:李静', '广东省交通运输厅关于2022年度法治政府建设情况的报告', '省人民政府:', '按照有关要求,现将我厅2022年度法治政府建设情况报告如下。']);
    assert.equal(r.header.to, '省人民政府');
    assert.deepEqual(body(r.text), ['按照有关要求,现将我厅2022年度法治政府建设情况报告如下。']);
    assert.ok(r.notes.some((n) => n.what === '签发人“签发人:李静”'));
    const news = imported(['司法部2024年法治政府建设年度报告', '转自:司法部', '2024年,司法部坚持以习近平新时代中国特色社会主义思想为指导,推进法治政府建设工作取得新成效。']);
    assert.deepEqual(body(news.text), ['2024年,司法部坚持以习近平新时代中国特色社会主义思想为指导,推进法治政府建设工作取得新成效。']);
  });

  it('a title whose first line is a party group (……党组) is joined; a page with only the body’s name above the text gives @机关', () => {
    const r = imported(['中共青岛市交通运输局党组', '2022年度法治政府建设报告', '2022年,市交通运输局党组坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想。']);
    assert.equal(r.header.title, '中共青岛市交通运输局党组2022年度法治政府建设报告');
    assert.equal(r.header.org, '中共青岛市交通运输局党组');
    const page = imported(['杭州市人力资源和社会保障局', '时间:2021-03-22 16:48 来源:杭州市人民政府门户网站 浏览次数:', '按照有关规定,现将杭州市人力社保局2020年法治政府建设年度工作开展情况报告如下。']);
    assert.equal(page.header.org, '杭州市人力资源和社会保障局');
    assert.equal(page.header.year, 2020);
    assert.deepEqual(body(page.text), ['按照有关规定,现将杭州市人力社保局2020年法治政府建设年度工作开展情况报告如下。']);
    // A body's name followed by a heading, not a sentence, stays where it is.
    assert.equal(imported(['某县司法局', '一、主要举措', '正文。']).header.org, undefined);
  });

  it('a page’s list of labels with their values on the next lines is furniture (成文日期 gives @日期); a value that ends in 报告 is the title', () => {
    const r = imported(['- 索引号:', '- 113310810026792569/2022-00223', '- 文号:', '- 温建〔2022〕4号', '- 成文日期:', '- 2022-01-10', '- 发布单位:', '- 温岭市住房和城乡建设局', '温岭市住房和城乡建设局2021年度法治政府建设工作报告', '2021年,市住房和城乡建设局认真贯彻上级对法治政府建设的工作要求,依法行政工作得到显著提高。']);
    assert.equal(r.header.title, '温岭市住房和城乡建设局2021年度法治政府建设工作报告');
    assert.equal(r.header.org, '温岭市住房和城乡建设局');
    assert.equal(r.header.date, '2022-01-10');
    assert.deepEqual(body(r.text), ['2021年,市住房和城乡建设局认真贯彻上级对法治政府建设的工作要求,依法行政工作得到显著提高。']);
    // Near misses: the title right after a bare label stays the title; a label with its value on its line takes no next line.
    assert.equal(imported(['- 标题:', '某镇2021年度法治政府建设情况报告', '2021年,某镇全面推进依法行政,成效明显。']).header.title, '某镇2021年度法治政府建设情况报告');
    assert.equal(body(imported(['发布时间:2022-01-10', '某镇人民政府', '2021年,某镇全面推进依法行政,成效明显。']).text)[0], '某镇人民政府');
  });

  it('a document-sharing site’s download panel and tips are furniture; the title it runs twice into the text (a copy with words swapped) is kept once', () => {
    const r = imported(['XX县教育局2021年度法治政府建设工作报告.docx', '资源ID:55845048', '资源大小:14.50KB', '全文页数:7页', '- 资源格式: DOCX', '下载积分:10金币', '快捷下载', '会员登录下载', '三方登录下载:', '微信扫一扫登录', '友情提示', '2、PDF文件下载后,可能会被浏览器默认打开,此种情况可以点击浏览器菜单,保存网页到桌面,就可以正常下载了。', '3、本站不支持迅雷下载,请使用电脑自带的IE浏览器,或者360浏览器、谷歌浏览器下载即可。', '5、试题试卷类文档,如果标题没有明确说明有答案则都视为没有答案,请知晓。', '|',
      'XX县教育局2021年度法治政府建设工作报告 XX县教化局2021年度法治政府建设工作报告 2021年度,我局在县委、县政府的正确领导下,深化推动依法行政。 一、工作状况 (一)强化组织领导 我局高度重视法治建设工作。']);
    assert.equal(r.header.title, 'XX县教育局2021年度法治政府建设工作报告');
    assert.equal(body(r.text)[0], '2021年度,我局在县委、县政府的正确领导下,深化推动依法行政。');
    assert.ok(r.notes.some((n) => n.what.startsWith('重复的标题“XX县教化局')));
    // Two different titles with a space between are not one title twice.
    assert.equal(imported(['某县司法局工作报告 某县教育局2021年度法治政府建设工作报告 2021年度,我局全面推进依法行政,成效明显。']).header.title, '某县司法局工作报告 某县教育局2021年度法治政府建设工作报告');
    // A report’s sentence about its own site is no furniture.
    assert.deepEqual(body(imported(['某站2021年度法治政府建设情况报告', '2021年,本站共救助流浪乞讨人员120人次,下载后的表格已全部归档。']).text), ['2021年,本站共救助流浪乞讨人员{救助流浪乞讨人员 = 120人次},下载后的表格已全部归档。']);
  });

  it('a sharing site’s one line: the title twice back to back (情况 → 状况) is the title once, and 如下: before 一、 is a lost break', () => {
    const r = imported(['法治政府建设年度情况自查报告法治政府建设年度状况自查报告依据2023年度县法治政府建设考评指标文件精神,我镇进行了自查自评,现报告如下:一、落实领导班子集体学法。2023年我镇举办法治讲座3次。二、履行出庭应诉义务。我镇领导依法出庭应诉2次。']);
    assert.equal(r.header.title, '法治政府建设年度情况自查报告');
    assert.ok(r.notes.some((n) => n.what.startsWith('重复的标题“法治政府建设年度状况自查报告')), JSON.stringify(r.notes));
    assert.deepEqual(body(r.text).filter((l) => l.startsWith('#')), ['# 落实领导班子集体学法。', '# 履行出庭应诉义务。']);
    assert.equal(body(r.text)[0], '依据2023年度县法治政府建设考评指标文件精神,我镇进行了自查自评,现报告如下:');
    // A heading run into a paragraph that opens with its year is a heading of its own (a placeholder year too).
    const year = imported(['2021年度法治政府建设自查报告', '现报告如下:一、落实领导班子集体学法20xx年,我镇举办讲座3次。二、加强组织领导2021年,我镇成立领导小组。三、规范执法行为,全年办理案件5件。']);
    assert.deepEqual(body(year.text).filter((l) => l.startsWith('#')), ['# 落实领导班子集体学法', '# 加强组织领导', '# 规范执法行为,全年办理案件5件。']);
    // Two different titles back to back are not one title twice; 如下: with one number after it is a sentence’s list.
    assert.equal(imported(['某县司法局工作报告某县教育局2021年度法治政府建设工作报告依据考评指标,我局全面推进依法行政,成效明显。']).header.title, undefined);
    assert.equal(body(imported(['2023年,我镇推进依法行政,主要做法如下:一、加强领导,成效明显。']).text).filter((l) => l.startsWith('#')).length, 0);
  });

  it('a breadcrumb after 您当前位置: is furniture; a title in a cell of the page’s information table is the title', () => {
    const r = imported(['您当前位置: 首页>区政府部门>卫生健康委员会>政务公开>法治政府建设年度报告', '重庆市大足区卫生健康委员会关于2025年法治政府建设情况的报告', '2025年,大足区卫生健康委员会深学笃用习近平法治思想,现将有关情况汇报如下:']);
    assert.equal(r.header.title, '重庆市大足区卫生健康委员会关于2025年法治政府建设情况的报告');
    const table = imported(['索引号 | K16059520/2023-106128 | ||', '公开范围 | 面向全社会 |', '白鹤街道2022年度法治政府建设报告 | ||', '发布时间: 2023-03-14 14:40 信息来源: 白鹤街道', '2022年,白鹤街道法治政府建设工作在区委、区政府的坚强领导下,认真开展了各项工作。']);
    assert.equal(table.header.title, '白鹤街道2022年度法治政府建设报告');
    assert.deepEqual(body(table.text), ['2022年,白鹤街道法治政府建设工作在区委、区政府的坚强领导下,认真开展了各项工作。']);
    // A row of cells that is no title stays furniture.
    assert.equal(imported(['主题分类 | 其他 | 体裁分类 | 其他 |', '2022年,白鹤街道全面推进依法行政,成效明显。']).header.title, undefined);
    // A title in a row of one cell, bars on both sides (新村街道 2025).
    const row = imported(['| 天津市滨海新区新村街道2025年度法治政府建设情况报告 |', '2025年,在区委、区政府的正确领导下,新村街道深入贯彻习近平法治思想。']);
    assert.equal(row.header.title, '天津市滨海新区新村街道2025年度法治政府建设情况报告');
    assert.deepEqual(body(row.text), ['2025年,在区委、区政府的正确领导下,新村街道深入贯彻习近平法治思想。']);
    // A cell of prose between bars is no title.
    assert.equal(imported(['| 全年共办理行政复议案件,均依法审结报告 |', '2025年,某街道全面推进依法行政,成效明显。']).header.title, undefined);
  });

  it('a page’s 朗读 button on a line of its own is furniture; 朗读 in a sentence is the report’s', () => {
    const r = imported(['五华区退役军人事务局2025年法治政府建设工作情况', '朗读', '2025年,五华区退役军人事务局坚持以习近平新时代中国特色社会主义思想为根本遵循。', '开展经典诵读、红色家书朗读活动。']);
    assert.deepEqual(body(r.text), ['2025年,五华区退役军人事务局坚持以习近平新时代中国特色社会主义思想为根本遵循。', '开展经典诵读、红色家书朗读活动。']);
  });

  it('a title over two lines ending 法治政府部门建设工作情况 (四川省交通运输厅 2025) is the title of a 法治政府建设年度报告', () => {
    const r = imported(['四川省交通运输厅', '2025年法治政府部门建设工作情况', '2025年,在省委、省政府坚强领导下,我厅坚持依法行政。']);
    assert.equal(r.header.title, '四川省交通运输厅2025年法治政府部门建设工作情况');
    assert.equal(r.header.kind, '法治政府建设年度报告');
    assert.equal(r.header.org, '四川省交通运输厅');
    assert.deepEqual(body(r.text), ['2025年,在省委、省政府坚强领导下,我厅坚持依法行政。']);
    // A line of prose ending 情况 is no title.
    assert.equal(imported(['2025年,我厅全面推进法治政府部门建设工作情况', '正文。']).header.title, undefined);
  });

  it('机关 of a development zone the title names after its year (天津经开区 2025); none from 紧紧围绕县委、县政府 (肃南县林草局 2025)', () => {
    const r = imported(['2025年天津经济技术开发区法治政府建设情况报告', '2025年,天津经济技术开发区管理委员会坚持依法行政,按照天津市、滨海新区决策部署,积极推进法治政府建设。']);
    assert.equal(r.header.org, '天津经济技术开发区管理委员会');
    assert.equal(imported(['2024年宁河经济开发区法治政府建设情况报告', '正文。']).header.org, '宁河经济开发区管理委员会');
    assert.equal(orgFromProse('2025年,我局法治政府建设坚持以习近平新时代中国特色社会主义思想为指导,紧紧围绕县委、县政府法治政府建设决策部署,结合林草工作实际'), undefined);
    assert.equal(orgFromProse('2025年,始终围绕市委、市政府中心工作,推进依法行政'), undefined);
    // An opening without a subject names its town where it says what follows (荷城街道 2022, round 32); not 结合我街道实际,
    // nor a town of another sentence.
    assert.equal(orgFromProse('为全面推进依法行政,加强法治政府建设,扎实推进法治政府建设。街道围绕依法行政开展工作。结合荷城街道实际,现就2022年法治政府建设工作开展情况报告如下:'), '荷城街道办事处');
    assert.equal(orgFromProse('为全面推进依法行政,扎实推进法治政府建设。结合桂圩镇的实际,现将有关情况报告如下:'), '桂圩镇人民政府');
    assert.equal(orgFromProse('为全面推进依法行政,扎实推进法治政府建设。结合我街道实际,现就2022年法治政府建设工作开展情况报告如下:'), undefined);
    assert.equal(orgFromProse('为全面推进依法行政,扎实推进法治政府建设。结合荷城街道实际开展普法。现就2022年法治政府建设工作开展情况报告如下:'), undefined);
    assert.equal(orgFromProse('2024年,云南省委、省政府坚持以习近平新时代中国特色社会主义思想为指导'), '云南省人民政府');
    // A government named whole as the subject after the year (鹤岗市 2025); 县人民政府办公室 or a government merely cited is not the body.
    assert.equal(orgFromProse('2025年,鹤岗市人民政府坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党的二十大精神'), '鹤岗市人民政府');
    assert.equal(orgFromProse('2025年,长沙市天心区人民政府全面推进依法行政'), '天心区人民政府');
    assert.equal(orgFromProse('2025年,某县人民政府办公室坚持依法行政'), undefined);
    assert.equal(orgFromProse('2025年,在县委、县政府的领导下,根据鹤岗市人民政府的部署推进依法行政'), undefined);
    // After a clause, named whole before its verb (息县 2024, a county of one character); the campaign 法治息县 is no body.
    const xixian = '2024年,在市委、市政府和县委的正确领导下,息县人民政府坚持以习近平新时代中国特色社会主义思想为指导,坚持依法治县、依法执政、依法行政共同推进,法治息县、法治政府、法治社会一体建设';
    assert.equal(orgFromProse(xixian), '息县人民政府');
    assert.equal(orgFromProse('2024年,在市委的领导下,信阳市息县人民政府深入推进依法行政'), '息县人民政府');
    assert.equal(orgFromProse('2024年,坚持依法治县,法治息县、法治政府、法治社会一体建设'), undefined);
    assert.equal(orgFromProse('2024年,在信阳市人民政府的正确领导下,推进依法行政'), undefined);
  });

  it('a 呈 without its title: the document number above the addressee goes, the addressee is @主送 (保定市 2024)', () => {
    const r = imported(['保政呈〔2025〕5号', '河北省人民政府:', '2024年以来,我市坚持依法行政,推进法治政府建设。']);
    assert.equal(r.header.to, '河北省人民政府');
    assert.deepEqual(body(r.text), ['2024年以来,我市坚持依法行政,推进法治政府建设。']);
    // A document number above a sentence stays where it is (no addressee: nothing is read as one).
    assert.equal(imported(['保政呈〔2025〕5号', '2024年以来,我市坚持依法行政。']).header.to, undefined);
  });

  it('机关 from the page’s 发布机构 when nothing else names one and the text calls itself after it (肃南县林草局 2025: 我局)', () => {
    const table = ['| 索引号 | 620721125/2026-00002 | 发文字号 | 肃林草发〔2026〕6号 |', '|---|---|---|---|', '| 关键词 | 发布机构 | 肃南县林草局 | |'];
    assert.equal(imported([...table, '2025年,我局法治政府建设坚持以习近平法治思想为指导,现报告如下:']).header.org, '肃南县林草局');
    assert.equal(imported(['发布机构:惠安县交通运输局', '2025年,我局坚持依法行政,现报告如下:']).header.org, '惠安县交通运输局');
    // Not when the text does not call itself so, nor a site's name, nor over a title naming the body.
    assert.equal(imported([...table, '2025年,全县林草系统坚持依法行政,现报告如下:']).header.org, undefined);
    assert.equal(imported(['发布机构: 海丰县人民政府门户网站', '2025年,我局坚持依法行政,现报告如下:']).header.org, undefined);
    assert.equal(imported(['发布机构: 县司法局', '泽州县交通运输局2025年法治政府建设报告', '2025年,我局坚持依法行政。']).header.org, '泽州县交通运输局');
  });

  it('a heading of the year’s 工作措施和成效 is its 举措; 下一步工作措施 and 2026年工作措施 are the plans', () => {
    assert.equal(partOfHeading('2024年主要工作措施和成效'), '举措');
    assert.equal(partOfHeading('推进法治政府建设工作主要措施和成效'), '举措');
    assert.equal(partOfHeading('下一步工作措施'), '安排');
    assert.equal(partOfHeading('2026年工作措施'), '安排');
    assert.equal(partOfHeading('下一步工作措施和预期成效'), '安排');
  });

  it('机关 of an autonomous county named with its peoples (麻阳苗族自治县公安局, 石柱土家族自治县); none from a people alone', () => {
    assert.equal(orgFromProse('2025年,麻阳苗族自治县公安局始终以习近平法治思想为根本遵循,深入贯彻落实中央、省、市关于法治政府建设的重大决策部署'), '麻阳苗族自治县公安局');
    assert.equal(orgFromProse('2025年,石柱土家族自治县公安局深入推进法治公安建设'), '石柱土家族自治县公安局');
    assert.equal(orgFromProse('2024年,长阳土家族自治县坚持依法行政,全面推进法治政府建设'), '长阳土家族自治县人民政府');
    // The last division after an autonomous prefecture; a prefecture itself is no county-level body; 民族宗教 and 汉族 are no place.
    assert.equal(orgFromProse('2023年,红河哈尼族彝族自治州个旧市司法局坚持依法行政'), '个旧市司法局');
    assert.equal(orgFromProse('2024年,恩施土家族苗族自治州司法局坚持依法行政'), undefined);
    assert.equal(orgFromProse('2023年,县民族宗教事务局坚持依法行政,汉族群众法治意识提升'), undefined);
  });

  it('机关 from a title that starts with 关于 (色尼区 2025); none from 乡域, 乡村 or a verb before 乡 (博乐市某乡 2022)', () => {
    assert.equal(imported(['关于那曲市色尼区2025年度法治政府', '建设情况的报告', '2025年,色尼区坚持依法行政。']).header.org, '那曲市色尼区人民政府');
    assert.equal(imported(['关于2025年度法治政府建设情况的报告', '2025年,我局坚持依法行政。']).header.org, undefined);
    assert.equal(orgFromProse('2022年,在市委市政府的领导下,紧紧围绕重点工作,不断夯实法治基础,扎实推进乡域基层法治建设,将法治思维融入民生保障、乡村管理等各项工作中'), undefined);
    assert.equal(orgFromProse('2022年,全面推进乡村振兴,加强镇域治理'), undefined);
    // Real names still read: 栗子乡, 北屏乡, 东溪镇.
    assert.equal(orgFromProse('一年来,丰都县栗子乡在县委的领导下坚持依法行政'), '栗子乡人民政府');
    assert.equal(orgFromProse('2020年,北屏乡法治政府建设取得新成效'), '北屏乡人民政府');
    assert.equal(orgFromProse('2021年度,在县委、县政府领导下,东溪镇认真贯彻中央决策部署'), '东溪镇人民政府');
  });

  it('机关 from a ministry in the first sentence (原 dropped), none from 紧紧围绕全乡 / 本镇; the year from 现将……2021年法治政府建设情况报告予以公开', () => {
    assert.equal(orgFromProse('2017年,原环境保护部深入学习宣传贯彻党的十九大精神,扎实推进法治政府建设'), '环境保护部');
    assert.equal(orgFromProse('2016年以来,*乡依法行政工作坚持以“三个代表”重要思想为指导,紧紧围绕全乡中心工作,坚持以创新促规范'), undefined);
    assert.equal(orgFromProse('2020年,在司法部的指导下,我镇依法行政'), undefined);
    assert.equal(orgFromProse('2022年,全镇党员干部深入学习,本镇法治建设稳步推进'), undefined);
    // A city whose name ends in 州 is one division (郑州市, not 市); a department named with 和, or of six characters.
    assert.equal(orgFromProse('2019年以来,郑州市人力资源和社会保障局全面贯彻落实有关部署'), '郑州市人力资源和社会保障局');
    assert.equal(orgFromProse('2023年,杭州市市场监督管理局深入推进法治政府建设'), '杭州市市场监督管理局');
    assert.equal(orgFromProse('2023年,长沙市天心区住房和城乡建设局深入推进法治政府建设'), '天心区住房和城乡建设局');
    assert.equal(orgFromProse('2021年,广州市全面推进依法行政'), '广州市人民政府');
    const r = imported(['根据《法治政府建设实施纲要(2021—2025年)》和市委、市政府相关文件要求,现将市人社局2021年法治政府建设情况报告予以公开。', '一、工作开展情况', '正文。']);
    assert.equal(r.header.year, 2021);
  });

  it('findings on a line split from one source line are placed at their own words, not at the first same words of the line', () => {
    const source = '某某街 2020 年法治政府建设情况报告 2020 年,我街深入推进法治政府建设。 一、2020 年推进法治政府建设的主要举措 (一)加强组织领导。成立领导小组。';
    const at = checkSourceText(new LanguageService(new MemoryWorkspace({})), '/r/a.bg', source).findings.filter((f) => f.code === 'BG609' && f.message.includes('“0”和“年”'));
    const columns = at.map((f) => f.column);
    assert.equal(new Set(columns).size, columns.length, JSON.stringify(columns));
    assert.ok(columns.includes(source.indexOf('一、2020 年') + 7), JSON.stringify(columns));
  });

  it('a share widget, the repeated title indented under it, and a page’s link lists (相关词条, 联系我们) are furniture, in either script', () => {
    const r = imported(['天津滨海高新区2023年度法治政府建设情况报告', '字号:', '  • 扫一扫在手机打开当前页', '    天津滨海高新区2023年度法治政府建设情况报告', '    2023年,滨海高新区坚持依法行政,全面推进法治政府建设工作。', '相關詞條', '热门词条', '聯絡我們', '在手机上打开本页']);
    assert.deepEqual(body(r.text), ['2023年,滨海高新区坚持依法行政,全面推进法治政府建设工作。']);
    assert.ok(r.notes.some((n) => n.what.startsWith('重复的标题行')));
    assert.equal(r.notes.filter((n) => n.what.startsWith('网页按钮')).length, 5);
    // Words of the kind inside prose stay.
    assert.equal(body(imported(['2023年,我镇坚持依法行政,全面推进法治政府建设工作。', '联系我们的群众,扫一扫二维码即可办理。']).text).length, 2);
  });

  it('pinyin a mirror site prints after each character (內(nèi)) is removed when there are several; one reading given on purpose stays', () => {
    const r = imported(['內(nèi)蒙古自治區(qū)人民政府關(guān)于2021年度法治政府建設(shè)情況的報(bào)告', '發(fā)布日期:2022-03-28 18:04', '2021年,自治區(qū)人民政府堅(jiān)持依法行政,推動(dòng)法治政府建設(shè)取得新進(jìn)展。']);
    assert.equal(r.header.title, '內蒙古自治區人民政府關于2021年度法治政府建設情況的報告');
    assert.equal(r.header.org, '內蒙古自治區人民政府');
    assert.equal(r.header.year, 2021);
    assert.deepEqual(body(r.text), ['2021年,自治區人民政府堅持依法行政,推動法治政府建設取得新進展。']);
    assert.ok(r.notes.some((n) => n.what.startsWith('拼音注音 5 处')));
    const once = imported(['2021年,我镇在阜(fù)阳市开展普法,全面推进法治政府建设工作。']);
    assert.ok(body(once.text)[0]!.includes('阜(fù)阳'));
  });

  it('机关 of a development zone (高新区, 开发区, 园区) is its 管理委员会; a 新区 or a district keeps its 人民政府', () => {
    assert.equal(imported(['天津滨海高新区2023年度法治政府建设情况报告', '2023年,滨海高新区依法行政。']).header.org, '天津滨海高新区管理委员会');
    assert.equal(orgFromProse('2023年,高新区坚持以习近平新时代中国特色社会主义思想为指导'), '高新区管理委员会');
    assert.equal(orgFromProse('2022年,某某园区全面推进依法行政'), '某某园区管理委员会');
    assert.equal(imported(['2022年某某经开区法治政府建设情况报告', '正文。']).header.org, '某某经开区管理委员会');
    assert.equal(imported(['浦东新区2022年法治政府建设情况报告', '正文。']).header.org, '浦东新区人民政府');
    assert.equal(orgFromProse('2022年,长沙市天心区坚持依法行政'), '天心区人民政府');
  });

  it('keeps prose that says 来源：below the first sentence', () => {
    const r = imported(['2021年，我镇坚持依法行政，全面推进法治政府建设工作。', '来源：本镇统计，全年调处纠纷。']);
    assert.equal(body(r.text).length, 2);
  });

  it('the year from the opening sentence or the first heading; 机关 with correct boundaries, or empty with a note', () => {
    assert.equal(imported(['今年以来，我镇依法行政。现将我镇2022年度法治政府建设情况报告如下：', '一、主要举措']).header.year, 2022);
    assert.equal(imported(['今年以来，我镇依法行政。', '一、2023年度法治政府建设的主要举措和成效', '正文。']).header.year, 2023);
    // 现对 / 现就 as well as 现将, after a range cited first.
    assert.equal(imported(['根据《全面深化法治领域改革纲要(2023—2027年)》,我街道依法行政。现对2023年所做工作总结如下:', '一、主要举措']).header.year, 2023);
    assert.equal(imported(['今年以来，我镇依法行政。现就2024年度法治政府建设情况汇报如下：', '一、主要举措']).header.year, 2024);
    assert.equal(orgFromProse('根据镇党政班子分工，全面推进法治建设。'), undefined);
    assert.equal(orgFromProse('一年来，丰都县栗子乡在县委、县政府的正确领导下'), '栗子乡人民政府');
    // A county, district or department as the subject; the last division named; 区委, 县级 … are none.
    assert.equal(orgFromProse('2019年,在省委、省政府和市委、市政府的正确领导下,南昌县全面贯彻党的十九大'), '南昌县人民政府');
    assert.equal(orgFromProse('2023年,在区委、区政府的正确领导和区司法局的指导下,前进区教育局深入开展'), '前进区教育局');
    assert.equal(orgFromProse('2022年,在区委、区政府的坚强领导下,长沙市天心区坚持依法行政'), '天心区人民政府');
    assert.equal(orgFromProse('2022年,县司法局紧紧围绕县委、县政府中心工作'), undefined);
    // Right after the year, and never with the verb before it (现将全南县自然资源局…报告如下 names 全南县自然资源局).
    assert.equal(orgFromProse('2022年全南县自然资源局在县委、县政府的正确领导下,围绕中心工作'), '全南县自然资源局');
    assert.equal(orgFromProse('根据有关规定,现将全南县自然资源局2022年法治政府建设情况报告如下'), '全南县自然资源局');
    assert.equal(orgFromProse('2024年度某某镇深入推进依法行政'), '某某镇人民政府');
    assert.equal(orgFromProse('在区委、区政府的坚强领导下,在区委依法治区办的统筹下,区教委坚持'), undefined);
    // The committee and the government together as the subject: the government is the body.
    assert.equal(orgFromProse('2024年,云南省委、省政府坚持以习近平新时代中国特色社会主义思想为指导'), '云南省人民政府');
    assert.equal(orgFromProse('2022年,长沙市天心区委、区政府坚持依法行政'), '天心区人民政府');
    assert.equal(orgFromProse('2021年，某某县委和县人民政府全面推进'), '某某县人民政府');
    assert.equal(orgFromProse('2025年,县委、县政府坚持以习近平新时代中国特色社会主义思想为指导'), undefined);
    assert.equal(orgFromProse('2024年,得益于县委、县政府的坚强领导,我乡积极作为'), undefined);
    const none = imported(['今年以来，我镇依法行政。', '一、主要举措']);
    assert.equal(none.header.org, undefined);
    assert.ok(none.notes.some((n) => n.what === '机关名称空缺'));
  });

  it('机关 from a jointly issued title (the last body, said so) and a street office under a district government', () => {
    const joint = imported(['中共某某区委教育工作委员会 某某区教育委员会 关于2024年法治政府建设情况的报告', '2024年，区教委依法行政。']);
    assert.equal(joint.header.org, '某某区教育委员会');
    assert.ok(joint.notes.some((n) => /联合行文/.test(n.why)));
    assert.equal(imported(['鲤城区人民政府金龙街道办事处关于2022年度法治政府建设情况的报告', '2022年，我街道依法行政。']).header.org, '金龙街道办事处');
  });

  it('an addressee line at the top of a report without a title becomes @主送; other lines with a colon do not', () => {
    const r = imported(['市委、市政府:', '2025年,下蜀镇坚持依法行政,全面推进法治政府建设。现将本年度有关情况汇报如下:', '一、主要举措']);
    assert.equal(r.header.to, '市委、市政府');
    assert.equal(r.header.org, '下蜀镇人民政府');
    assert.equal(imported(['主要做法如下:', '2025年，我镇依法行政。']).header.to, undefined);
  });

  it('an addressee under the title names bodies; a page control with a colon (保护视力色:) is furniture, not @主送', () => {
    const page = imported(['河源东源产业园区管委会2025年法治政府建设年度报告', '来源: 河源东源产业园区管委会  时间: 2026-01-29', '保护视力色:', '园区始终坚持依法行政,扎实推进法治政府建设。现将工作报告如下。', '一、主要举措']);
    assert.equal(page.header.to, undefined);
    assert.ok(!page.text.includes('保护视力色'), page.text);
    for (const to of ['区政府', '县委、县人民政府', '县委全面依法治县委员会办公室', '各乡镇人民政府、县直各单位']) {
      assert.equal(imported(['某某镇2021年度法治政府建设情况报告', `${to}:`, '2021年，我镇坚持依法行政。', '一、主要举措']).header.to, to);
    }
    assert.equal(imported(['某某镇2021年度法治政府建设情况报告', '主要做法如下:', '2021年，我镇坚持依法行政。']).header.to, undefined);
  });

  it('a party committee and a government run together in the title (中共某乡党委某乡人民政府关于…): @机关 is the government', () => {
    const r = imported(['中共楠木铺乡党委楠木铺乡人民政府关于2024年法治政府建设工作的报告', '2024年,我乡坚持依法行政,推进法治政府建设。', '一、主要举措和成效']);
    assert.equal(r.header.org, '楠木铺乡人民政府');
    assert.equal(imported(['中共某县委全面依法治县委员会办公室关于2024年法治建设情况的报告', '2024年,全县推进法治建设。']).header.org, '中共某县委全面依法治县委员会办公室');
  });

  it('a page’s 字体大小: line is furniture; a count after 会议 is named by 会议, not cut inside it (议学习)', () => {
    const page = imported(['长沙县司法局2023年法治政府建设工作报告', '日期:2024-02-28   来源:  长沙县司法局', '字体大小:', '2023年,县司法局坚持依法行政,推进法治政府建设。', '一、主要措施及成效']);
    assert.ok(!page.text.includes('字体大小'), page.text);
    assert.ok(page.notes.some((n) => n.what.includes('字体大小')), JSON.stringify(page.notes));
    const study = imported(['2024年,我乡推进法治政府建设。', '一、主要举措', '将法律法规列入党委会、理论学习中心组等会议学习10余次,鹤龙街党工委会议专题学习习近平法治思想5次,召开专题学习会2次。']);
    assert.match(study.text, /\{会议学习 = 10余次\}/);
    assert.match(study.text, /\{会议专题学习习近平法治思想 = 5次\}/);
    assert.doesNotMatch(study.text, /\{议/);
  });

  it('a zone the title names without its place takes the place the first sentence gives it (经济开发区 → 宁河经济开发区管理委员会)', () => {
    const r = imported(['经济开发区2024年度法治政府建设情况报告', '2024年宁河经济开发区在区委、区政府的正确领导下,扎实推进法治政府建设。', '一、主要举措']);
    assert.equal(r.header.org, '宁河经济开发区管理委员会');
    assert.ok(r.notes.some((n) => /没有写地名/.test(n.why)));
    // Near misses: a title with the place, a sentence without one.
    assert.equal(imported(['宁河经济开发区2024年度法治政府建设情况报告', '2024年，园区扎实推进法治政府建设。']).header.org, '宁河经济开发区管理委员会');
    assert.equal(imported(['经济开发区2024年度法治政府建设情况报告', '2024年，我区扎实推进法治政府建设。']).header.org, '经济开发区管理委员会');
    // 管委会, as titles shorten 管理委员会, names a body too.
    assert.equal(imported(['河源东源产业园区管委会2025年法治政府建设年度报告', '园区始终坚持依法行政。']).header.org, '河源东源产业园区管委会');
  });

  it('no 机关 from a common noun ending in a division (法律进机关、进社区; 辖区, 小区, 超市); real districts and cities still', () => {
    assert.equal(orgFromProse('2021年是“八五”普法起步之年,一年来我镇深入推进法律进机关、进学校、进乡村、进社区、进寺庙的宣传教育。'), undefined);
    assert.equal(orgFromProse('2021年,全力保障辖区、小区和超市安全稳定。'), undefined);
    assert.equal(orgFromProse('2022年,东城区坚持依法行政'), '东城区人民政府');
    assert.equal(orgFromProse('2022年,中山区全面推进法治政府建设'), '中山区人民政府');
    assert.equal(orgFromProse('2022年,晋城市全面推进法治政府建设'), '晋城市人民政府');
  });

  it('imports text with half-width punctuation throughout as well as clean text', () => {
    for (const name of ['guiwei-2020', 'beiping-2020', 'huilongba-2021']) {
      const clean = importReport(seedText(name));
      const half = importReport(seedText(name).replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';').replace(/（/g, '(').replace(/）/g, ')'));
      const shape = (bg: string) => bg.split('\n').filter((l) => !l.startsWith('//')).map((l) => (/^#+ /.exec(l)?.[0] ?? '') + [...l.matchAll(/\{([^}=]+)=/g)].length);
      assert.deepEqual(half.header, clean.header, name);
      assert.deepEqual(shape(half.text), shape(clean.text), name);
      assert.equal(half.figures, clean.figures, name);
    }
  });

  it('a second “一、” where “（一）” belongs is reported (BG230) and taken at its level, never renumbered silently', () => {
    const r = imported(['一、主要举措和成效', '一、加强组织领导', '领导重视。', '二、规范执法', '严格执法。', '二、存在问题', '人员不足。']);
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['2:BG230', '4:BG230']);
    assert.deepEqual(body(r.text).filter((l) => l.startsWith('#')), ['# 主要举措和成效 {#举措}', '## 加强组织领导', '## 规范执法', '# 存在问题 {#不足}']);
    assert.ok(r.text.includes('// BG230 原文第2行'));
  });

  it('a numbered heading line doubled (一、甲 一、甲 二、乙) keeps its level: the heading is found doubled (BG406), 二、 stays level 1', () => {
    const lines = ['某某县人民政府关于2025年度法治政府建设情况的报告', '2025年,我县坚持依法行政,全面推进法治政府建设,取得明显成效。', '一、强化党的领导,夯实法治建设根基', '一、强化党的领导,夯实法治建设根基', '一是加强政治引领。', '二、健全决策机制,提升行政决策水平', '严格落实重大行政决策程序。'];
    const r = imported(lines);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(body(r.text).filter((l) => l.startsWith('#')), ['# 强化党的领导,夯实法治建设根基', '# 强化党的领导,夯实法治建设根基', '# 健全决策机制,提升行政决策水平']);
    const { findings } = checkSourceText(new LanguageService(new MemoryWorkspace({})), '/r/a.bg', lines.join('\n'));
    assert.deepEqual(findings.filter((f) => /BG230|BG406/.test(f.code)).map((f) => `${f.line}:${f.code}`), ['4:BG406']);
    // The heading it doubles is named by its line in the source, not in the import.
    assert.match(findings.find((f) => f.code === 'BG406')!.message, /与第3行的同级标题重复/);
    // The same number with other words is still a restart of the count (BG230).
    assert.deepEqual(imported(['一、主要举措和成效', '一、加强组织领导', '领导重视。']).findings.map((f) => `${f.line}:${f.code}`), ['2:BG230']);
  });

  it('a typed Arabic number with a 顿号 (“1、”, “2 、”) is reported for the source (BG607); “1.” and “1．” are not, nor a date or decimal', () => {
    const r = imported(['一、主要举措', '1、依法行政。全年开展培训3次。', '2 、规范执法。', '3.严格监督。', '4．公开透明。', '6.26国际禁毒日开展宣传。']);
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['2:BG607', '3:BG607']);
    assert.match(r.findings[0]!.message, /“1、”.*“1\.”/);
    // Placed at the number in its source line: indented, or one of several in a line that lost its breaks.
    assert.deepEqual(imported(['一、主要举措', '    1、依法行政。']).findings.map((f) => `${f.line}:${f.column}`), ['2:5']);
    const oneLine = '2016年以来,乡依法行政工作顺利推进,取得明显成效。 一、2016年主要工作 (一)健全制度、强化领导,依法行政工作保障有力。 1、领导重视,完善依法行政工作网络。 2、明确责任,确保各项工作落到实处。';
    const { findings } = checkSourceText(new LanguageService(new MemoryWorkspace({})), '/r/a.bg', oneLine);
    assert.deepEqual(findings.filter((f) => f.code === 'BG607').map((f) => oneLine.slice(f.column - 1, f.column + 1)), ['1、', '2、']);
  });

  it('a number with a bracket lost (“一）”) is reported (BG232) and taken as （一）', () => {
    const r = imported(['一、主要举措和成效', '一）纵深推进学悟笃行习近平法治思想', '正文。', '（一是加强学习。']);
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['2:BG232']);
    assert.deepEqual(body(r.text), ['# 主要举措和成效 {#举措}', '## 纵深推进学悟笃行习近平法治思想', '正文。', '（一是加强学习。']);
  });

  it('a report numbering its first level （一）（二） after its opening is told once (BG240) and taken at level 1; an excerpt or a report under 一、 or 1、 is not', () => {
    const opening = '2023年以来,为深入贯彻党的二十大精神,我镇扎实有序推进工作。现将我镇本年度法治政府建设情况报告如下:';
    const r = imported([opening, '(一)深入学习贯彻党的二十大精神', '我镇认真组织学习贯彻党的二十大精神。', '(二)深入学习宣传贯彻习近平法治思想', '我镇将习近平法治思想纳入学习计划。']);
    assert.deepEqual(r.findings.map((f) => [f.code, f.line, f.column]), [['BG240', 2, 1]]);
    assert.match(r.text, /^# 深入学习贯彻党的二十大精神$/m);
    assert.match(r.text, /^# 深入学习宣传贯彻习近平法治思想$/m);
    const codes = (lines: string[]) => imported(lines).findings.map((f) => f.code);
    // Cut from a report: nothing, or no opening, before its （一）.
    assert.deepEqual(codes(['(一)深入学习贯彻党的二十大精神', '我镇认真组织学习。', '(二)深入学习宣传贯彻习近平法治思想', '我镇将其纳入学习计划。']), []);
    assert.deepEqual(codes(['领导干部带头学法,全镇形成了良好氛围。', '(一)深入学习贯彻党的二十大精神', '我镇认真组织学习。']), []);
    // Under 一、 or a top level numbered 1、, （一） is the second level it should be.
    assert.deepEqual(codes([opening, '一、主要举措和成效', '(一)深入学习贯彻党的二十大精神', '我镇认真组织学习。']), []);
    assert.deepEqual(codes([opening, '1、 主要举措和成效', '（一）深入学习贯彻党的二十大精神', '我镇认真组织学习。', '2、 存在的不足', '（一）学法不够深入。']).filter((c) => c === 'BG240'), []);
  });

  it('a number typed as one enclosed character (㈠, ㈡: 博乐市某乡 2022) is reported (BG232) and taken as （一）; not ㈠ alone or mid-line', () => {
    const r = imported(['一、工作开展情况', '㈠学习贯彻习近平法治思想,加强党对法治政府建设领导。', '1.系统深入学习习近平法治思想。建立学习机制。', '㈡树牢总体国家安全观,保持社会大局持续稳定长期稳定。', '正文。']);
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['2:BG232', '4:BG232']);
    assert.match(r.findings[0]!.message, /“㈠”是一个合成的带括号数字字符.*应为“（一）”/);
    assert.deepEqual(body(r.text).filter((l) => l.startsWith('#')), ['# 工作开展情况', '## 学习贯彻习近平法治思想,加强党对法治政府建设领导。', '## 树牢总体国家安全观,保持社会大局持续稳定长期稳定。']);
    // A ㈠ with nothing after it, or inside a sentence, is no number.
    const plain = imported(['一、工作开展情况', '㈠', '全年开展学法12次，详见附表㈠。']);
    assert.deepEqual(plain.findings.filter((f) => f.code === 'BG232'), []);
  });

  it('a run of numbered sentences, one too long for a heading and nothing under it, stays a run of numbered items', () => {
    const long = '继续深入推进我镇行政决策科学化、民主化、法治化，不断健全重大行政决策相关机制，严格落实重大行政决策的法定程序';
    const lines = ['一、下一步打算', '（一）依法全面履行政府职能。推进政务服务。', `（二）${long}。`];
    assert.deepEqual(body(imported(lines).text).slice(1), ['1. 依法全面履行政府职能。推进政务服务。', `2. ${long}。`]);
    // No heading with nothing under it (BG404) is made of a numbered point.
    const { findings } = checkSourceText(new LanguageService(new MemoryWorkspace({})), '/r/a.bg', lines.join('\n'));
    assert.deepEqual(findings.filter((f) => f.code === 'BG404'), []);
    const arabic = imported(['一、下一步打算', '1、依法全面履行政府职能。推进政务服务。', `2、${long}。`]);
    assert.deepEqual(body(arabic.text).slice(1), ['1. 依法全面履行政府职能。推进政务服务。', `2. ${long}。`]);
  });
  it('reads the heading levels of a .docx from Word’s automatic numbering and heading styles', async () => {
    const levels = [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
      { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
    ];
    const numbered = (text: string, level: number) => new Paragraph({ numbering: { reference: 'h', level }, children: [new TextRun(text)] });
    const plain = (text: string) => new Paragraph({ children: [new TextRun(text)] });
    const doc = new Document({
      numbering: { config: [{ reference: 'h', levels }] },
      sections: [{ children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('某某镇2021年度法治政府建设情况报告')] }),
        plain('2021年，某某镇坚持依法行政。'), numbered('主要举措和成效', 0), numbered('加强组织领导', 1), plain('领导重视。'),
        numbered('规范执法', 1), numbered('持证上岗', 2), numbered('存在问题', 0),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('人员不足')] }), plain('人员少。'),
      ] }],
    });
    const text = await readWord(await Packer.toBuffer(doc));
    assert.deepEqual(text.split('\n'), ['某某镇2021年度法治政府建设情况报告', '2021年，某某镇坚持依法行政。', '一、主要举措和成效', '（一）加强组织领导', '领导重视。', '（二）规范执法', '1.持证上岗', '二、存在问题', '（一）人员不足', '人员少。']);
    assert.deepEqual(body(importReport(text).text).filter((l) => l.startsWith('#')), ['# 主要举措和成效 {#举措}', '## 加强组织领导', '## 规范执法', '### 持证上岗', '# 存在问题 {#不足}', '## 人员不足']);
  });

  it('a （一） heading run into its text as its style wants is no BG714 in the source, though an excerpt made it level 1; a run-in 一、 is', () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    const excerpt = ['2021年，我镇全面落实法律七进工作要求，营造了良好氛围。', '(一)加强组织领导。镇党委政府高度重视法治宣传。', '(二)明确工作任务。制定工作实施方案。'].join('\n');
    assert.deepEqual(checkSourceText(service, '/r/a.bg', excerpt).findings.filter((f) => f.code === 'BG714'), []);
    const runIn = ['2021年，我镇依法行政，营造了良好氛围。', '一、巩固提升依法履职水平。注重政治引领。', '二、存在问题。人员不足。'].join('\n');
    assert.deepEqual(checkSourceText(service, '/r/a.bg', runIn).findings.filter((f) => f.code === 'BG714').map((f) => f.line), [2, 3]);
    // Said as the source has it: the heading runs into its text (not “单独成行”, which the import made it).
    assert.equal(checkSourceText(service, '/r/a.bg', runIn).findings.find((f) => f.code === 'BG714')!.message, '一级标题“巩固提升依法履职水平”接排在了正文前：一级标题应单独成行，末尾不加句号，正文另起一段。');
    // A （一） heading on a line of its own with its 。 is reported.
    const alone = ['2021年，我镇依法行政，营造了良好氛围。', '(一)加强组织领导。', '镇党委政府高度重视法治宣传。'].join('\n');
    assert.deepEqual(checkSourceText(service, '/r/a.bg', alone).findings.filter((f) => f.code === 'BG714').map((f) => f.line), [2]);
  });

  /** A second part after the first (its 一、 alone would make the text an excerpt): a near miss ends in it. */
  const SECOND_PART = '全年开展学法4次。\n二、存在的不足和原因\n';

  it('a text that stops after a clause (；，：) is an excerpt too: not blamed for the parts and date it lacks', () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    const opening = '某某镇2023年度法治政府建设情况报告\n2023年，某某镇坚持依法行政，全面推进法治政府建设。\n一、主要举措和成效\n';
    for (const end of ['一是充分发挥法律审查把关作用；', '一是充分发挥法律审查把关作用;', '主要做法如下：']) {
      const { findings, excerpt } = checkSourceText(service, '/r/a.bg', `${opening}${end}`);
      assert.ok(excerpt, end);
      assert.deepEqual(findings.filter((f) => /BG401|BG701/.test(f.code)), [], end);
    }
    assert.equal(checkSourceText(service, '/r/a.bg', `${opening}${SECOND_PART}全年未发生行政诉讼案件。`).excerpt, false);
  });

  it('a text cut after a bracket modifying a name (“联席(扩大)”, “办法（试行）”) is an excerpt; a note in brackets may end a report', () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    const opening = '某某县2024年度法治政府建设情况报告\n2024年,某某县坚持依法行政,全面推进法治政府建设。\n一、主要举措和成效\n(一)加强组织领导。全年学法8次。\n';
    for (const end of ['(二)统筹推进。组织召开第二次府院联动联席(扩大)', '(二)统筹推进。严格执行某某县行政规范性文件管理办法（试行）']) {
      const { findings, excerpt } = checkSourceText(service, '/r/a.bg', `${opening}${end}`);
      assert.ok(excerpt, end);
      assert.deepEqual(findings.filter((f) => /BG401|BG701/.test(f.code)), [], end);
    }
    // Near misses: a note in brackets, a sentence closed before or inside the bracket, a bracketed line of its own.
    for (const end of ['全年办结复议案件3件(含2024年结转)', '全年未发生行政诉讼案件。（完）', '全年未发生行政诉讼案件（见附件。）', '全年未发生行政诉讼案件。\n（此件公开发布）', '出台《某某县重大行政决策程序规定（试行）》。']) {
      assert.equal(checkSourceText(service, '/r/a.bg', `${opening}${SECOND_PART}${end}`).excerpt, false, end);
    }
  });

  it('a text that ends inside its only part, typed 一、, is an excerpt though its last sentence is whole; a text with 二、 is not', () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    const opening = '王河镇人民政府关于2025年法治政府建设的报告\n2025年,王河镇坚持依法行政,法治政府建设取得积极成效。\n一、主要举措和成效\n(一)坚持理论学习,强化思想引领。全年集体学法23次。\n(二)强化组织领导,压实责任链条。构建分片领导具体抓的工作格局。';
    const { findings, excerpt } = checkSourceText(service, '/r/a.bg', opening);
    assert.ok(excerpt);
    assert.deepEqual(findings.filter((f) => /BG40[12]|BG701/.test(f.code)), []);
    // Its one part run into its text (一、完成情况。……) is cut all the same.
    assert.ok(checkSourceText(service, '/r/a.bg', '某局2025年法治政府建设工作情况报告\n2025年,我局依法行政。\n一、完成情况\n局领导班子切实履行第一责任人职责。').excerpt);
    // Near misses: a second part typed 二、, and one part under a heading not typed 一、 (（一） of an excerpt starting later).
    assert.equal(checkSourceText(service, '/r/a.bg', `${opening}\n二、存在的不足和原因\n法治宣传形式单一。`).excerpt, false);
    assert.equal(checkSourceText(service, '/r/a.bg', '某镇2025年法治政府建设报告\n2025年,某镇依法行政。\n(一)坚持理论学习。全年集体学法23次。').excerpt, false);
  });

  it('a text cut just after a heading’s number ((三) alone on the last line) is an excerpt; a report ending in a sentence is not', () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    const opening = '某某区2025年法治政府建设年度报告\n2025年,某某区坚持依法行政,全面推进法治政府建设。\n一、2025年法治政府建设主要举措及成效\n(一)压实主体责任。全年学法18场次。\n(二)强化依法决策。审查重要文件53份。\n';
    for (const end of ['(三)', '（三）', '二、', '3.', '（3）']) {
      const { findings, excerpt } = checkSourceText(service, '/r/a.bg', `${opening}${end}`);
      assert.ok(excerpt, end);
      assert.deepEqual(findings.filter((f) => /BG40[12]|BG701/.test(f.code)), [], end);
    }
    // A last line that is a sentence (one ending in a bracket too) is no cut.
    assert.equal(checkSourceText(service, '/r/a.bg', `${opening}${SECOND_PART}全年未发生行政诉讼案件。`).excerpt, false);
    assert.equal(checkSourceText(service, '/r/a.bg', `${opening}${SECOND_PART}全年办结复议案件3件(含2024年结转)`).excerpt, false);
  });

  it('a text cut after a quoted word with no full stop (列入“一把手”) is an excerpt; one ending in a quoted full sentence is not', () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    const opening = '某某镇2023年度法治政府建设情况报告\n2023年，某某镇坚持依法行政，全面推进法治政府建设。\n一、主要举措和成效\n';
    assert.equal(checkSourceText(service, '/r/a.bg', `${opening}将法治建设工作列入“一把手”`).excerpt, true);
    assert.equal(checkSourceText(service, '/r/a.bg', `${opening}${SECOND_PART}群众称赞道：“法治就在身边。”`).excerpt, false);
  });

  it('a page’s table as rows of labels and values parted by spaces is furniture; the title in a bar-drawn row (| 标题: | … |) and a title with its year in brackets after it are titles', () => {
    const r = imported(['信息索引号 001008001003040/2025-20657 文件编号', '责任部门 某某镇 公开形式 主动公开', '责任科室 某某镇 公开范围 面向社会', '成文日期 2025-03-21 公开时限 长期公开', '', '某某镇法治政府建设年度报告(2024年度)', '2024年,某某镇坚持依法行政,全面推进法治政府建设。']);
    assert.equal(r.header.title, '某某镇法治政府建设年度报告(2024年度)');
    assert.equal(r.header.year, 2024);
    assert.equal(r.header.org, '某某镇人民政府');
    assert.deepEqual(body(r.text), ['2024年,某某镇坚持依法行政,全面推进法治政府建设。']);
    assert.deepEqual(r.notes.filter((n) => /网页信息栏/.test(n.what)).map((n) => n.line), [1, 2, 3, 4]);
    const bars = imported(['| 索引号: | 011158671/2025-09186 | 分类: | 其他 | ||', '| 标题: | 某某镇2024年法治政府建设年度报告 | ||||', '| 文号: | 无 | 主题词: | |||', '2024年,某某镇在县委、县政府的正确领导下,深入推进法治政府建设。']);
    assert.equal(bars.header.title, '某某镇2024年法治政府建设年度报告');
    assert.ok(bars.notes.some((n) => /标签“标题:”/.test(n.what)));
    // A sentence of the report with labels’ words in it stays (below the first sentence, and with its commas).
    const prose = imported(['某某镇2024年法治政府建设年度报告', '2024年,某某镇坚持依法行政,全面推进法治政府建设。', '责任部门 综合执法队 公开形式 多样,公开范围 扩大。']);
    assert.equal(body(prose.text).length, 2);
  });

  it('约 ending a word before a number (村规民约2项) is the word’s, not “about”: the figure is the number and its unit', () => {
    const r = imported(['某某镇2024年法治政府建设年度报告', '2024年,某某镇坚持依法行政,指导修订村规民约2项,签约3家企业,共约20人参加。']);
    assert.match(r.text, /村规民约\{[^}=]*村规民约 = 2项\}/);
    assert.match(r.text, /\{[^}=]* = 约20人\}/);
  });

  it('a site’s name above a title that names its own body is no part of it (巫山县气象局 under 重庆市气象局); a party body above a government is', () => {
    let r = imported(['重庆市气象局', '巫山县气象局2021年度法治政府建设工作情况报告', '2021年,在重庆市气象局党组和巫山县委县政府的正确领导下,我局认真贯彻落实党的十九大精神。']);
    assert.equal(r.header.title, '巫山县气象局2021年度法治政府建设工作情况报告');
    assert.equal(r.header.org, '巫山县气象局');
    r = imported(['武定县人民政府', '武定县民族宗教事务局2024年度法治政府建设工作情况报告', '2024年,在武定县委、县人民政府的正确领导下,我局全面落实法治政府建设各项任务。']);
    assert.equal(r.header.org, '武定县民族宗教事务局');
    // Still one title over two lines: a party committee above its government, a body above 关于……, a body above a year.
    r = imported(['中共某某乡委员会', '某某乡人民政府关于2024年法治政府建设工作的报告', '2024年,某某乡坚持依法行政,全面推进法治政府建设工作。']);
    // (the two bodies a line each keep the space between them on the title's one line: round 28)
    assert.equal(r.header.title, '中共某某乡委员会 某某乡人民政府关于2024年法治政府建设工作的报告');
    r = imported(['某某区人民政府', '关于2025年法治政府建设情况的报告', '2025年,某某区坚持依法行政,全面推进法治政府建设工作。']);
    assert.equal(r.header.title, '某某区人民政府关于2025年法治政府建设情况的报告');
    r = imported(['某某县交通运输局', '2025年法治政府建设情况报告', '2025年,我局坚持依法行政,全面推进法治政府建设工作。']);
    assert.equal(r.header.title, '某某县交通运输局2025年法治政府建设情况报告');
  });

  it('the title again below it in other words is dropped with a note (中梁山街道 2025年度 / 2025年; a two-line form naming 法治政府建设); a heading or another year is not', () => {
    let r = imported(['中梁山街道关于2025年度法治政府建设情况的报告', '中梁山街道关于2025年法治政府建设情况的报告', '2025年以来,中梁山街道坚持以习近平法治思想为指导,深入推进依法行政。']);
    assert.deepEqual(body(r.text), ['2025年以来,中梁山街道坚持以习近平法治思想为指导,深入推进依法行政。']);
    assert.ok(r.notes.some((n) => n.what === '换了说法重复的标题行“中梁山街道关于2025年法治政府建设情况的报告”'));
    r = imported(['湖南省气象局2021年度法治政府年度报告', '湖南省气象局', '2021年度法治政府建设报告', '2021年以来,我局多措并举、改革创新,法治政府建设工作稳步推进。']);
    assert.equal(r.header.kind, '法治政府建设年度报告');
    assert.deepEqual(body(r.text), ['2021年以来,我局多措并举、改革创新,法治政府建设工作稳步推进。']);
    r = imported(['某某镇2024年法治政府建设情况报告', '2023年法治政府建设情况报告', '2024年,某某镇坚持依法行政,全面推进法治政府建设工作。']);
    assert.equal(body(r.text)[0], '2023年法治政府建设情况报告');
  });

  it('the kind of a 法治建设工作的报告 and a 述法报告 is 工作报告 (no five parts, no order of them); 法治政府年度报告 is the annual report', () => {
    const kind = (title: string) => imported([title, '2019年,我委坚持依法行政,全面推进法治建设工作。']).header.kind;
    assert.equal(kind('青海省民族宗教事务委员会关于2019年度法治建设工作的报告'), '工作报告');
    assert.equal(kind('金林区卫生健康局2025年度法治政府建设述法报告'), '工作报告');
    assert.equal(kind('乡镇镇长2023年述法报告'), '工作报告');
    assert.equal(kind('某某局2021年度法治政府年度报告'), '法治政府建设年度报告');
    assert.equal(kind('某某局2021年度法治政府建设情况的报告'), '法治政府建设年度报告');
  });

  it('a share panel’s prompt and its close mark (分享至好友和朋友圈, ×) are furniture; prose about sharing is not', () => {
    const r = imported(['红寺堡区2024年法治政府建设的年度报告', '字号:', '用微信扫描二维码', '分享至好友和朋友圈', '×', '2024年红寺堡区全面贯彻党的二十大精神,全面推进依法行政,法治政府建设取得新成效。', '一是推动数据分享至各部门,实现信息共享。']);
    assert.deepEqual(body(r.text), ['2024年红寺堡区全面贯彻党的二十大精神,全面推进依法行政,法治政府建设取得新成效。', '一是推动数据分享至各部门,实现信息共享。']);
  });

  it('a bulleted label list (• 成文时间: • 标  题: • 效力状态:) is furniture and its 标题 item the title, with its year (徐庄镇 2025)', () => {
    const r = imported(['当前位置: 信息公开首页 > 政务公开 > 镇街 > 某某镇', '  • 索 引 号:370406/2026-00156', '  • 成文时间:2026年01月28日', '  • 文  号:无', '  • 发文时间:2026年01月28日', '  • 标  题:山亭区某某镇2025年度法治政府建设情况报告', '  • 效力状态:有效', '', '山亭区某某镇2025年度法治政府建设情况报告', '', '今年以来,某某镇在区委、区政府的领导下,始终坚持以习近平法治思想为指导,全面推进法治政府建设。']);
    assert.equal(r.header.title, '山亭区某某镇2025年度法治政府建设情况报告');
    assert.equal(r.header.year, 2025);
    assert.deepEqual(body(r.text), ['今年以来,某某镇在区委、区政府的领导下,始终坚持以习近平法治思想为指导,全面推进法治政府建设。']);
    // A sentence that starts with 效力 is prose, not a label.
    assert.ok(body(imported(['某某镇2025年度法治政府建设情况报告', '2025年,某某镇坚持依法行政,全面推进法治政府建设。', '效力状态良好的规范性文件已全部公开,共计12件。']).text)[1]!.startsWith('效力状态良好的规范性文件'));
  });

  it('a title with the page’s metadata run on after it (…报告 信息来源: 发布时间:2024-01-02) keeps the title (奉贤区档案局 2023)', () => {
    const r = imported(['奉贤区档案局2023年度法治政府建设情况报告 信息来源: 发布时间:2024-01-02', '', '2023年,在区委、区政府的正确领导下,奉贤区档案局以习近平法治思想为指导,推进法治政府建设。']);
    assert.equal(r.header.title, '奉贤区档案局2023年度法治政府建设情况报告');
    assert.ok(r.notes.some((n) => n.what === '网页信息栏“信息来源: 发布时间:2024-01-02”'));
    // Metadata alone on its line is still furniture; a sentence naming 来源 after a comma is prose.
    const alone = imported(['某某镇2023年度法治政府建设情况报告', '信息来源: 发布时间:2024-01-02', '2023年,某某镇坚持依法行政,推进法治政府建设。']);
    assert.deepEqual(body(alone.text), ['2023年,某某镇坚持依法行政,推进法治政府建设。']);
  });

  it('a title with a news page’s byline run on after it (…报告 上海市统计局 2020-06-08) keeps the title (上海市统计局 2019)', () => {
    const r = imported(['上海市统计局2019年度法治政府建设情况报告 上海市统计局 2020-06-08', '', '2019年,面对更加复杂严峻的经济社会发展状况,我局有序推进依法统计依法治统。']);
    assert.equal(r.header.title, '上海市统计局2019年度法治政府建设情况报告');
    assert.equal(r.header.year, 2019);
    assert.ok(r.notes.some((n) => n.what === '网页信息栏“上海市统计局 2020-06-08”'));
    assert.deepEqual(body(r.text), ['2019年,面对更加复杂严峻的经济社会发展状况,我局有序推进依法统计依法治统。']);
    // The date alone, or with its time, is the byline too; a title broken by a space with no date after it is not.
    assert.equal(imported(['某某县统计局2023年度法治政府建设工作报告 2024年1月15日', '2023年,我局坚持依法统计。']).header.title, '某某县统计局2023年度法治政府建设工作报告');
    assert.equal(imported(['某某县统计局2023年度法治政府建设工作报告　2024/01/15 09:30', '2023年,我局坚持依法统计。']).header.title, '某某县统计局2023年度法治政府建设工作报告');
    assert.equal(imported(['某某县统计局 关于2023年度法治政府建设情况的报告', '2023年,我局坚持依法统计。']).header.title, '某某县统计局 关于2023年度法治政府建设情况的报告');
  });

  it('the page’s headline (the title, a dash and the site’s name) above the title is no part of it; the province’s title names its government (福建省 2023)', () => {
    const r = imported(['福建省2023年度法治政府建设情况-ks8某某网站', '', '福建省2023年度法治政府建设情况', '来源:福建省人民政府门户网站 时间:2024-04-03 11:45', '', '2023年,我省各级政府及其工作部门坚持以习近平新时代中国特色社会主义思想为指导,推进法治政府建设。']);
    assert.equal(r.header.title, '福建省2023年度法治政府建设情况');
    assert.equal(r.header.org, '福建省人民政府');
    // A title broken over two lines is still one title.
    assert.equal(imported(['某某县人民政府', '关于2023年度法治政府建设情况的报告', '2023年,某某县坚持依法行政,推进法治政府建设。']).header.title, '某某县人民政府关于2023年度法治政府建设情况的报告');
  });

  it('without a title, the year of “……总结2025年度法治政府建设情况,现报告如下” is the report’s (莲湖区财政局 2025); another year in passing is not', () => {
    assert.equal(imported(['根据《法治政府建设与责任落实督察工作规定》要求,区财政局认真梳理总结2025年度法治政府建设情况,现报告如下。', '一、推进法治政府建设的主要举措和成效']).header.year, 2025);
    assert.equal(imported(['根据《某某规定》要求,区财政局对照2021年度法治政府建设考核结果,认真整改,有关工作开展良好。', '一、推进法治政府建设的主要举措和成效']).header.year, undefined);
  });

  it('a count after 等 is named by the noun after it (青干班等6个干部教育培训班 → 干部教育培训班), unless that runs on; with no noun after, by the words before', () => {
    const figure = (sentence: string) => /\{([^=}]+) = 6个\}/.exec(imported(['某某市2022年度法治政府建设情况报告', sentence]).text)?.[1];
    assert.equal(figure('2022年,在科干班、选调生班、青干班等6个干部教育培训班开展教学活动。'), '干部教育培训班');
    assert.equal(figure('2022年,取消了县公安局等6个单位的行政权力。'), '单位');
    assert.equal(figure('2022年,鸦岗等6个国考断面稳定消除劣类水体。'), '鸦岗');
    assert.equal(figure('2022年,设置展板、标语、墙字等6个,营造法治氛围。'), '墙字');
  });

  it('a title below a mirror’s furniture (site names, 欢迎您!, 用户登录) is the title; a first sentence or a heading above a title-like line is not furniture (木渎镇 2024)', () => {
    const r = imported(['某某体育投注-在线app官网@', '图片', '苏州 ? 吴中欢迎您! 用户登录 网站无障碍 适老版', 'img', '苏州吴中经济技术开发区一站式服务中心', '木渎镇2024年度法治政府建设情况报告', '发布日期:2025-01-15 16:12:17  来源:木渎镇', '2024年,木渎镇坚持以习近平新时代中国特色社会主义思想为指导,深入践行习近平法治思想。']);
    assert.equal(r.header.title, '木渎镇2024年度法治政府建设情况报告');
    assert.deepEqual(body(r.text), ['2024年,木渎镇坚持以习近平新时代中国特色社会主义思想为指导,深入践行习近平法治思想。']);
    // Without a title: a sentence (its commas) or a heading above a line ending in 报告 leaves that line in the text.
    assert.equal(imported(['2024年,某某镇坚持依法行政,推进法治政府建设。', '某某镇2024年法治政府建设工作报告']).header.title, undefined);
    assert.equal(imported(['一、主要工作', '某某镇2024年法治政府建设工作报告', '2024年,某某镇坚持依法行政。']).header.title, undefined);
  });

  it('without a title, a document number above the first sentence is no text (东里镇 2025); “湛江市委市政府和雷州市委” names no department', () => {
    const r = imported(['雷东府〔2025〕26号', '2025年以来,在雷州市委、市政府的坚强领导下,我镇全面贯彻落实湛江市委市政府和雷州市委市政府关于法治建设的重大决策部署。', '一、提高政治站位']);
    assert.deepEqual(body(r.text)[0], '2025年以来,在雷州市委、市政府的坚强领导下,我镇全面贯彻落实湛江市委市政府和雷州市委市政府关于法治建设的重大决策部署。');
    assert.equal(r.header.org, undefined);
    assert.equal(orgFromProse('2024年,前进区教育局深入开展普法。'), '前进区教育局');
    assert.equal(orgFromProse('2024年,某某县政务服务管理局深入开展普法。'), '某某县政务服务管理局');
  });

  it('the title repeated over two lines below it (……法治政府建设 / 情况报告) goes whole (东疆综合保税区 2025)', () => {
    const r = imported(['| 东疆综合保税区2025年度法治政府建设情况报告 |', '东疆综合保税区2025年度法治政府建设', '情况报告', '2025年,东疆综保区深入贯彻习近平法治思想,现将年度工作情况报告如下:']);
    assert.equal(r.header.title, '东疆综合保税区2025年度法治政府建设情况报告');
    assert.deepEqual(body(r.text), ['2025年,东疆综保区深入贯彻习近平法治思想,现将年度工作情况报告如下:']);
    // A short line that does not go on with the title stays.
    assert.ok(body(imported(['某某区2025年度法治政府建设情况报告', '区委、区政府:', '2025年,某某区深入贯彻习近平法治思想。']).text).length === 1);
  });

  it('a 新区 whose text names its 管委会 is run by a 管理委员会 (郑东新区 2025); one that does not keeps its 人民政府', () => {
    const zone = imported(['2025年,在市政府的正确领导下,现将郑东新区2025年度法治政府建设情况报告如下:', '一、坚持高位引领', '制定《郑东新区管委会2025年度领导干部学法计划》。']);
    assert.equal(zone.header.org, '郑东新区管理委员会');
    const district = imported(['2025年,在市委的正确领导下,现将浦东新区2025年度法治政府建设情况报告如下:', '一、坚持高位引领', '制定《浦东新区领导干部学法计划》。']);
    assert.equal(district.header.org, '浦东新区人民政府');
  });

  it('figure names: the noun after a verb the list lacked (整合22个部门, 制发……司法建议2件), a meeting before what it decided (党委会议研究部署), a person before 现场', () => {
    const figure = (sentence: string, amount: string) => new RegExp(`\\{([^=}]+) = ${amount}\\}`).exec(imported(['某某县2024年度法治政府建设情况报告', sentence]).text)?.[1];
    assert.equal(figure('2024年,整合22个部门的政务服务业务。', '22个'), '整合部门');
    assert.equal(figure('2024年,专题召开4次党委会议研究部署年度法治建设工作。', '4次'), '专题召开党委会议');
    assert.equal(figure('开展专题述法评议会,15名党政主要负责人现场述法。', '15名'), '党政主要负责人');
    assert.equal(figure('2024年制发综合治理类司法建议2件。', '2件'), '综合治理类司法建议');
    // 研究 as a noun and 现场 after a place stay in the name.
    assert.equal(figure('2024年,累计41件政府有关研究事项提出了处理意见。', '41件'), '政府研究事项');
    assert.equal(figure('2024年,检查3个施工现场。', '3个'), '检查施工现场');
  });

  it('round 18: a page’s “• 听全文” goes (广州市 2023); “东城区政府坚持……” names the district’s government, not 北京市 (东城区 2023)', () => {
    const r = imported(['广州市人民政府关于2023年度法治政府建设情况的报告', '  • 听全文', '  • 2024-01-23', '2023年,广州坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想。']);
    assert.deepEqual(body(r.text), ['2023年,广州坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想。']);
    // A sentence saying 收听 is text, not a control.
    assert.equal(body(imported(['某某镇2023年度法治政府建设情况报告', '2023年,某某镇组织干部收听全文宣讲。']).text).length, 1);
    assert.equal(orgFromProse('2023年,东城区政府坚持以习近平新时代中国特色社会主义思想为指导,认真落实中央、北京市关于法治政府建设的总体部署。'), '东城区人民政府');
    assert.equal(orgFromProse('2023年,某某县人民政府坚持依法行政。'), '某某县人民政府');
    // 区政府办公室 is an office, not the government (left for the writer, as before).
    assert.equal(orgFromProse('2023年,某某区政府办公室坚持依法行政。'), undefined);
  });

  it('round 18 figure names: the object after 听取, 保留, 推出, 实现, 施行; 向社会 ends a noun; no name from 被评为; 家次 is one unit', () => {
    const figure = (sentence: string, amount: string) => new RegExp(`\\{([^=}]+) = ${amount}\\}`).exec(imported(['某某县2024年度法治政府建设情况报告', sentence]).text)?.[1];
    assert.equal(figure('2024年,保留5支行政执法队伍,撤销2支。', '5支'), '保留行政执法队伍');
    assert.equal(figure('2024年,共推出168项改革任务。', '168项'), '推出改革任务');
    assert.equal(figure('2024年,开展述法评议,听取5家单位现场述法。', '5家'), '听取单位现场述法');
    assert.equal(figure('2024年,就14件政策性文件草案向社会公开征集意见。', '14件'), '政策性文件草案');
    assert.equal(figure('2024年,组织开展品牌活动,覆盖企业1500余家次。', '1500余家次'), '覆盖企业');
    assert.equal(figure('2024年,推荐诚信典型6人,1人被评为“全国诚信之星”。', '1人'), undefined);
    // Near misses: a verb named before its object keeps it (保留行政规范性文件13件 beside 废止……), a noun before 向 stays whole.
    assert.equal(figure('2024年,保留行政规范性文件13件、废止行政规范性文件4件。', '13件'), '保留行政规范性文件');
    assert.equal(figure('2024年,发放宣传资料3000份向群众宣传。', '3000份'), '发放宣传资料');
  });

  it('round 20 figure names: the object after 明确 and after a verb with the body’s own 厅; 且 and 通过 end the noun; 镇级 is no town; 村(社区) after a scope', () => {
    const figure = (sentence: string, amount: string) => new RegExp(`\\{([^=}]+) = ${amount}\\}`).exec(imported(['某某县2024年度法治政府建设情况报告', sentence]).text)?.[1];
    assert.equal(figure('2024年,编制实施检查计划,明确212家检查企业清单。', '212家'), '明确检查企业清单');
    assert.equal(figure('2024年,全年完成厅14件行政规范性文件和重大决策事项合法性审查。', '14件'), '行政规范性文件');
    assert.equal(figure('2024年,全年开展合法性审核111次且通过率100%。', '111次'), '开展合法性审核');
    assert.equal(figure('2024年,组织14名在编干部通过行政执法培训及考试。', '14名'), '在编干部');
    assert.equal(figure('2024年,对照规定,制定镇级责任清单27条。', '27条'), '制定镇级责任清单');
    // Near misses: 通过率 is a rate's name, 和谐 a word, a town before its office goes.
    assert.equal(figure('2024年,组织14名干部参加考试,通过率100%。', '100%'), '通过率');
    assert.equal(figure('2024年,开展12个和谐社区创建。', '12个'), '开展和谐社区创建');
    assert.equal(figure('2024年,大歇镇党委召开专题会议4次。', '4次'), '召开专题会议');
    // After a scope (全镇, 全市, 辖区) the things counted, 村(社区) among them, are named with it.
    assert.equal(figure('2024年,组建法治宣讲队,下沉全镇9个村(社区)开展靶向宣讲。', '9个'), '全镇村社区');
    assert.equal(figure('2024年,联合社会第三方对全市69家党政机关进行测评。', '69家'), '全市党政机关');
    assert.equal(figure('2024年,宣传覆盖辖区25个社区。', '25个'), '辖区社区');
  });

  it('round 19: a date, time and site line, a share panel’s targets and a mirror’s sentence about the title go (黑龙江省 2024, 梧州市 2023 and 2018)', () => {
    const r = imported(['黑龙江省2024年度法治政府建设情况报告', '2025-04-27 10:14 黑龙江省人民政府网', '2024年,黑龙江省忠诚践行习近平法治思想,持续抓好法治政府建设任务落实。']);
    assert.deepEqual(body(r.text), ['2024年,黑龙江省忠诚践行习近平法治思想,持续抓好法治政府建设任务落实。']);
    const shared = imported(['梧州市2023年度法治政府建设工作报告', '2024-01-21 08:55     来源:梧州市人民政府办公室', '分享 微信', '头条', '微博 空间 qq', '【字体: 打印', '2023年,梧州市坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想。']);
    assert.deepEqual(body(shared.text), ['2023年,梧州市坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想。']);
    const about = imported(['《梧州市人民政府2018年度法治政府建设工作报告》是2019年梧州市人民政府发布的通知。', '2018年,在自治区党委、自治区人民政府的坚强领导下,我市政府以习近平新时代中国特色社会主义思想为指导。']);
    assert.equal(about.header.title, '梧州市人民政府2018年度法治政府建设工作报告');
    assert.equal(about.header.org, '梧州市人民政府');
    assert.equal(about.header.year, 2018);
    assert.equal(body(about.text).length, 1);
    // Near misses: a sentence naming a share target, a date in prose with a source after it, a sentence that cites a report in 《》, stay.
    assert.equal(body(imported(['某某镇2023年度法治政府建设情况报告', '2023年,某某镇通过微信、微博等平台开展普法宣传。']).text).length, 1);
    assert.equal(body(imported(['某某镇2023年度法治政府建设情况报告', '2023年3月1日,某某镇召开法治政府建设推进会,部署全年工作。']).text).length, 1);
    const cited = imported(['《某某镇2022年度法治政府建设情况报告》是镇党委审定后报送的,现补充说明如下:', '2023年,某某镇坚持依法行政。']);
    assert.equal(cited.header.title, undefined);
  });

  it('round 19: the body from a province named after the opening year under a title that names none (黑龙江省 2018), and from a 管理区’s title (西洞庭管理区)', () => {
    assert.equal(orgFromProse('2018年,黑龙江省坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实党的十九大精神。'), '黑龙江省人民政府');
    const titled = imported(['关于2018年度全省法治政府建设工作情况的报告', '2018年,黑龙江省坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实党的十九大精神。']);
    assert.equal(titled.header.org, '黑龙江省人民政府');
    // Near misses: a department of the province, a city under it, the province's committee and a province after 在 name other bodies.
    assert.equal(orgFromProse('2021年,四川省自然资源厅坚持依法行政。'), undefined);
    assert.equal(orgFromProse('2020年,浙江省市场监管局坚持依法行政。'), undefined);
    assert.equal(orgFromProse('2022年,广东省珠海市坚持依法行政。'), '珠海市人民政府');
    assert.equal(orgFromProse('2022年,在黑龙江省委的领导下,我镇坚持依法行政。'), undefined);
    const zone = imported(['西洞庭管理区关于履行推进法治建设第一责任人职责情况的报告', '西洞庭管理区党委副书记、管委会主任 叶春华', '2025年2月', '2024年,我坚持以习近平法治思想为指导,切实履行法治建设第一责任人职责。']);
    assert.equal(zone.header.org, '西洞庭管理区管理委员会');
  });

  it('round 19: a “1.” right under “一、” is told it is one level below its heading, not that a “（一）” stands under it (西洞庭管理区 2024)', () => {
    const r = imported(['某某管理区关于履行推进法治建设第一责任人职责情况的报告', '一、履职情况', '1.坚持把学习贯彻习近平法治思想作为第一要务', '一是把牢政治方向。始终坚持以习近平新时代中国特色社会主义思想为指引。', '2.坚持把履行第一责任人职责作为第一职责', '一是做实矛盾纠纷排查化解。加强人民调委会队伍建设。']);
    const note = r.notes.find((n) => n.what.includes('“1.”'));
    assert.match(note?.why ?? '', /按序号样式定为第2级（这种序号通常是第3级，这里它的上级标题是第1级，标题不跳级）/);
  });

  it('round 19 figure names: the noun after a scope (全区, 市本级), 行政检查 as a noun, 和 ends the noun after an amount, the object after 对照 and 推荐, 会前学法', () => {
    const figure = (sentence: string, amount: string) => new RegExp(`\\{([^=}]+) = ${amount}\\}`).exec(imported(['某某县2022年度法治政府建设情况报告', sentence]).text)?.[1];
    assert.equal(figure('2022年,面向全区31个社区、60个行政村、19所学校和各大中小微企业开展宣传。', '31个'), '全区社区');
    assert.equal(figure('2022年,面向全区31个社区、60个行政村、19所学校和各大中小微企业开展宣传。', '19所'), '学校');
    assert.equal(figure('2022年,市本级60个部门共梳理出权力事项6749项。', '60个'), '市本级部门');
    assert.equal(figure('2022年,市本级1638项政务服务事项进驻市政务服务中心。', '1638项'), '市本级政务服务事项');
    assert.equal(figure('2022年,全市已有196个行政执法部门、3980项行政检查执法事项、5256名行政检查执法人员纳入管理。', '3980项'), '行政检查执法事项');
    assert.equal(figure('2022年,全市已有196个行政执法部门、3980项行政检查执法事项、5256名行政检查执法人员纳入管理。', '5256名'), '行政检查执法人员');
    assert.equal(figure('2022年,组织开发区对照100项三级指标开展创建。', '100项'), '三级指标');
    assert.equal(figure('2022年,择优推荐5家单位参评示范地区,11家单位参评达标地区。', '11家'), '单位');
    assert.equal(figure('2022年,推动涉及公安、交通领域的20项市级行政权力下放到各县(市)区。', '20项'), '市级行政权力');
    assert.equal(figure('2018年共主持召开省政府常务会议会前学法11次。', '11次'), '会前学法');
    assert.equal(figure('2016年,承诺提速率65.1%,超过自治区规定的62.5%。', '62.5%'), '自治区规定');
    // Near misses: 参与 and 涉及 are no conjunctions; a verb after another noun still ends it; 公共 is no 共.
    assert.equal(figure('2022年,组织14名机关在编人员参与旁听庭审。', '14名'), '机关在编人员');
    assert.equal(figure('2022年,检查3个施工现场。', '3个'), '检查施工现场');
    assert.equal(figure('2022年,建成12个公共法律服务站。', '12个'), '公共法律服务站');
  });

  it('an excerpt is not blamed for a mark its cut left open, but is for quotes its writer left open long before the cut', () => {
    const check = (text: string) => checkSourceText(new LanguageService(new MemoryWorkspace({})), '/r/a.bg', text).findings.filter((f) => f.code === 'BG602').map((f) => f.column);
    const opening = '某某镇2023年度法治政府建设情况报告\n2023年，某某镇坚持依法行政，全面推进法治政府建设。\n';
    // Cut inside a title or a short quotation: the cut left it open.
    assert.deepEqual(check(`${opening}一是制定了《某某镇法治政府建设实施方案（20`), []);
    assert.deepEqual(check(`${opening}一是推行“小事不出村，大事不出`), []);
    // Two quotation marks opened and clauses ended after them, long before the cut: the writer left them open.
    const line = '二是充分利用“某某政务网站、“某某微信公众号、某某报等多种渠道和方式，主动公开政府信息、便民信息和政策解读内容，丰富政府信息公开的内容，增强信息公';
    assert.deepEqual(check(`${opening}${line}`), [7, 15]);
  });

  describe('baogao check on Word and text files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-check-'));
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), ...args], { encoding: 'utf8' });
    const lines = ['某某镇2021年度法治政府建设情况报告', '2021年，某某镇坚持依法行政，全面推进法治政府建设。', '一、主要举措和成效', '（一）化解矛盾纠纷。全年共调处矛盾纠纷147起，调解成功150起，成功率达102%。', '（二）执法证管理。应领证54人，持证46人，持证率为81.48%。'];

    it('reads a .txt (UTF-8) and places findings at the source line and column', () => {
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, lines.join('\n'));
      const { stdout, status } = run('check', '--format', 'json', file);
      const records = JSON.parse(stdout) as Array<{ file: string; line: number; column: number; code: string }>;
      assert.equal(status, 1);
      assert.ok(records.some((r) => r.code === 'BG208' && r.line === 4 && r.column === 42), stdout);
      assert.ok(records.some((r) => r.code === 'BG206' && r.line === 5 && r.column === 33), stdout);
    });

    it('reads a .docx (paragraphs as lines) and checks many files in one run', async () => {
      const doc = new Document({ sections: [{ children: lines.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
      const file = path.join(dir, 'b.docx');
      writeFileSync(file, await Packer.toBuffer(doc));
      const gbk = path.join(dir, 'c.txt');
      writeFileSync(gbk, Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd6, 0xf7])); // 一、主 in GBK
      const { stdout } = run('check', file, gbk);
      assert.match(stdout, /b\.docx:4:\d+: error BG208 /);
      assert.match(stdout, /b\.docx:5:\d+: error BG206 /);
      assert.match(stdout, /c\.txt:1:1: /);
    });
  });
});

// Round 21 of the held-out real reports (test/fixtures/real/320–331).
describe('import: real-world text, round 21', () => {
  const opening = '2025年,在盟委、行署的正确领导下,我局坚持以习近平新时代中国特色社会主义思想为指导,扎实推进法治政府建设。';

  it('“1理论武装……” above “2.……”: a number typed without its dot is numbered like the next and told (BG607); a count or another number is not', () => {
    const r = imported(['一、主要举措和成效', '(一)铸牢政治忠诚', '1理论武装入脑入心,筑牢思想根基。区党工委切实发挥领学促学作用。', '2.组织领导坚强有力,压实主体责任。主要负责同志严格履职。']);
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.column}:${f.code}`), ['3:1:BG607']);
    assert.match(r.findings[0]!.message, /“1”后缺少下脚点.*“1\.”.*“2\.”/);
    assert.deepEqual(body(r.text).slice(2), ['1. 理论武装入脑入心,筑牢思想根基。区党工委切实发挥领学促学作用。', '2. 组织领导坚强有力,压实主体责任。主要负责同志严格履职。']);
    // A count at a line's start (3名), digits before a number that does not follow on (3.), and digits
    // run into a long sentence are left as they are.
    const left = (line: string, next: string) => imported(['一、主要举措和成效', line, next]);
    for (const [line, next] of [
      ['3名干部参加新任职培训。', '4.规范执法。全年办理案件12件。'],
      ['1理论武装入脑入心,筑牢思想根基。', '3.规范执法。全年办理案件12件。'],
      ['1理论武装入脑入心,筑牢思想根基。', '（二）规范执法'],
      ['1年来区党工委切实发挥领学促学作用,组织专题学习18场次,引导领导干部深刻把握和践行习近平法治思想的核心要义。', '2.规范执法。'],
    ]) {
      const r2 = left(line, next);
      assert.ok(!r2.findings.some((f) => f.code === 'BG607'), line);
      const written = body(r2.text).find((l) => l.includes(line.slice(2, 8)));
      assert.ok(written && !/^\d+\. /.test(written), line);
    }
  });

  it('a league’s addressee “盟委、行署:” under the title is @主送', () => {
    const r = imported(['关于2025年法治政府建设情况的报告', '盟委、行署:', opening]);
    assert.equal(r.header.to, '盟委、行署');
    assert.deepEqual(body(r.text), [opening]);
    // Without a title too; and a line that names no body is no addressee.
    assert.equal(imported(['地委、行署：', opening]).header.to, '地委、行署');
    assert.equal(imported(['关于2025年法治政府建设情况的报告', '部署如下:', opening]).header.to, undefined);
  });

  it('a label list’s empty “- 公文时效:” is page furniture, so the title repeated over two lines below it goes too', () => {
    const r = imported(['某某县某某乡2025年法治政府建设工作 年度报告', '- 索引号:grsxx/2026-00000', '- 发文机构:某某县某某乡', '- 公文时效:', '- 发布日期:2026-01-21', '某某县某某乡2025年法治政府建设工作', '年度报告', '在县委、县政府的正确领导下,某某乡坚持依法行政,统筹推进法治建设。']);
    assert.deepEqual(body(r.text), ['在县委、县政府的正确领导下,某某乡坚持依法行政,统筹推进法治建设。']);
    assert.ok(r.notes.some((n) => n.line === 4 && /网页信息栏/.test(n.what)));
  });

  it('a news site’s “扫一扫下载界面新闻APP” is furniture, and the headline repeated under it goes', () => {
    const title = '某某省人民政府关于2020年法治政府建设情况的报告';
    const r = imported(['正在阅读:', '', title, '', '扫一扫下载界面新闻APP', '', title, '', '2020年,某某省政府坚持依法行政,法治政府建设取得新成效。']);
    assert.equal(r.header.title, title);
    assert.deepEqual(body(r.text), ['2020年,某某省政府坚持依法行政,法治政府建设取得新成效。']);
    // An app named in a sentence is the report's.
    const prose = '推广“某某政务”APP,群众可下载某某政务客户端办理业务。';
    assert.ok(body(imported([title, '2020年,某某省政府坚持依法行政。', prose]).text).includes(prose));
  });

  it('a 新区 whose text names its 管委会 by the short name it gives itself (“新区党工委、管委会”) is run by its 管理委员会', () => {
    const lines = ['2024年,在市委、市政府的坚强领导下,某某湾新区(以下简称“新区”)坚持依法行政,推动新区高质量发展。', '一、2024年法治政府建设工作情况', '新区党工委、管委会主要负责人全面落实第一责任人职责。'];
    assert.equal(imported(lines).header.org, '某某湾新区管理委员会');
    // A 新区 whose text names its 区委、区政府 keeps its 人民政府.
    assert.equal(imported([lines[0]!, lines[1]!, '区委、区政府主要负责人全面落实第一责任人职责。']).header.org, '某某湾新区人民政府');
  });

  it('a zone titled with the street office it is run with (“火炬高新区(中山港街道)2025年……”) is its 管理委员会', () => {
    const r = imported(['某某高新区(某某港街道)2025年法治政府建设年度报告', '2025年,某某高新区坚持依法行政,各项工作取得积极进展。']);
    assert.equal(r.header.org, '某某高新区管理委员会');
    assert.equal(imported(['某某高新区（某某镇）2025年法治政府建设年度报告', '2025年,某某高新区坚持依法行政。']).header.org, '某某高新区管理委员会');
    // A district merged with a zone that names its government keeps it.
    assert.equal(imported(['高新区(新市区)人民政府2024年法治政府建设工作报告', '2024年,区人民政府坚持依法行政。']).header.org, '高新区(新市区)人民政府');
  });

  it('a body titled with its second nameplate in brackets (“西藏自治区藏语委办(编译局)2025年度……”, round 27) is named as it names itself', () => {
    assert.equal(imported(['西藏自治区藏语委办(编译局)2025年度法治政府建设工作报告', '一、2025年法治建设情况', '办(局)始终将法治建设作为提升履职能力的重要抓手。']).header.org, '西藏自治区藏语委办(编译局)');
    assert.equal(imported(['某某县应急管理局（某某县地震局）2024年法治政府建设情况报告', '2024年,我局坚持依法行政。']).header.org, '某某县应急管理局（某某县地震局）');
    // Near misses: a bracket holding no body (a note, a year) names no second plate.
    assert.equal(imported(['某某县应急管理局(试行)2024年法治政府建设情况报告', '2024年,我局坚持依法行政。']).header.org, undefined);
    assert.equal(imported(['某某委员会(第二届)2024年法治政府建设情况报告', '2024年,我局坚持依法行政。']).header.org, undefined);
  });

  it('a bulleted label list’s other labels (• 所属类目: • 体       裁: • 公开类别: • 机构名称:) are furniture; a sentence starting so is prose (友谊路街道 2025)', () => {
    const r = imported(['某某街道2025年法治政府建设情况报告', '信息来源: 某某街道 发布时间 2026-02-09', '  • 所属类目: 街镇园区文件', '  • 主题分类: 政务公开', '  • 体       裁: 报告', '  • 发文字号:', '  • 公开类别: 主动公开', '  • 机构名称: 某某街道', '', '2025年,某某街道以习近平法治思想为指导,高质量推进基层法治政府建设工作。']);
    assert.equal(r.header.title, '某某街道2025年法治政府建设情况报告');
    assert.deepEqual(body(r.text), ['2025年,某某街道以习近平法治思想为指导,高质量推进基层法治政府建设工作。']);
    // Below the first sentence such a line is the report's.
    const prose = imported(['某某街道2025年法治政府建设情况报告', '2025年,某某街道以习近平法治思想为指导,推进法治政府建设。', '机构名称:某某街道综合行政执法队']);
    assert.equal(body(prose.text).at(-1), '机构名称:某某街道综合行政执法队');
  });

  it('an empty bulleted label list (• 公文种类: • 发文机关: • 主题分类:) is furniture, and a title under it is no label’s value (四川省教育厅 2025)', () => {
    const title = '某某省教育厅2025年法治政府建设工作情况';
    const r = imported(['政府信息公开', '', '  • 索引号:', '  • 发文字号: 〔〕 号', '  • 公文种类:', '  • 发文机关:', '  • 成文日期:', '  • 主题分类:', '', title, '', '发布时间:2026-02-28   浏览次数:   【字体:', '', '2025年,教育厅坚持以习近平新时代中国特色社会主义思想为指导,扎实推进教育系统法治政府建设。']);
    assert.equal(r.header.title, title);
    assert.equal(r.header.org, '某某省教育厅');
    assert.deepEqual(body(r.text), ['2025年,教育厅坚持以习近平新时代中国特色社会主义思想为指导,扎实推进教育系统法治政府建设。']);
    // A label’s value on the next line is still the label’s (• 主题分类: / 政务公开).
    const valued = imported(['  • 主题分类:', '政务公开', '某某镇2025年法治政府建设情况报告', '2025年,某某镇坚持依法行政。']);
    assert.equal(valued.header.title, '某某镇2025年法治政府建设情况报告');
    assert.deepEqual(body(valued.text), ['2025年,某某镇坚持依法行政。']);
  });

  it('the party’s slogan a site prints as a banner above the page (• 高举中国特色社会主义伟大旗帜……团结奋斗。) is furniture; the title below it is found (沈阳市 2025)', () => {
    const banner = '• 高举中国特色社会主义伟大旗帜,全面贯彻习近平新时代中国特色社会主义思想,弘扬伟大建党精神,自信自强、守正创新,踔厉奋发、勇毅前行,为全面建设社会主义现代化国家、全面推进中华民族伟大复兴而团结奋斗。';
    const r = imported([banner, '', '司法信息', '', '某某市人民政府关于2025年法治政府建设情况的报告', '', '时间:2026-02-25         来源:依法行政指导处', '', '2025年,某某市坚持以习近平新时代中国特色社会主义思想为指导,深入推进法治政府建设。']);
    assert.equal(r.header.title, '某某市人民政府关于2025年法治政府建设情况的报告');
    assert.equal(r.header.org, '某某市人民政府');
    assert.deepEqual(body(r.text), ['2025年,某某市坚持以习近平新时代中国特色社会主义思想为指导,深入推进法治政府建设。']);
    // In the report’s text the slogan is the report’s.
    const prose = imported(['某某市人民政府关于2025年法治政府建设情况的报告', '2025年,某某市坚持以习近平新时代中国特色社会主义思想为指导,深入推进法治政府建设。', '高举中国特色社会主义伟大旗帜,为全面建设社会主义现代化国家而团结奋斗。']);
    assert.equal(body(prose.text).at(-1), '高举中国特色社会主义伟大旗帜,为全面建设社会主义现代化国家而团结奋斗。');
  });

  it('the values of a page’s table on lines of their own, their labels lost (无, 主动公开), are furniture above the first sentence (盈浦街道 2025)', () => {
    const r = imported(['某某街道2025年度法治政府建设情况报告', '无', '主动公开', '无', '无', '2025.12.17', '某某街道以习近平新时代中国特色社会主义思想为指导,全面推进街道法治政府建设。', '无']);
    assert.equal(r.header.title, '某某街道2025年度法治政府建设情况报告');
    assert.deepEqual(body(r.text), ['某某街道以习近平新时代中国特色社会主义思想为指导,全面推进街道法治政府建设。', '无']);
    assert.equal(r.notes.filter((n) => /网页信息栏/.test(n.what)).length, 5);
  });

  it('a bracketed information bar with spaced labels ([ 索 引 号 ] … [ 主题分类 ] …) is furniture and its [ 标 题 ] the title (石柱县民宗委 2025)', () => {
    const title = '某某自治县民族宗教事务委员会关于2025年法治政府建设情况的报告';
    const r = imported(['[ 索 引 号 ] 11500240009134902D/2026-00001 [ 主题分类 ] 其他 [ 体裁分类 ] 公文', '[ 发布机构 ] 某某县民宗委 [ 发文字号 ]', `[ 标 题 ] ${title}`, '[ 成文日期 ] 2026-01-21 [ 发布日期 ] 2026-01-21', '', title, '', '2025年,我委法治工作在县委、县政府的正确领导下,扎实推进法治政府建设各项任务落地见效。']);
    assert.equal(r.header.title, title);
    assert.equal(r.header.org, '某某自治县民族宗教事务委员会');
    assert.equal(r.header.date, '2026-01-21');
    assert.deepEqual(body(r.text), ['2025年,我委法治工作在县委、县政府的正确领导下,扎实推进法治政府建设各项任务落地见效。']);
    // One bracketed word in a sentence is no bar.
    assert.equal(body(imported([title, '[ 说明 ] 本报告共分三个部分,依次报告举措、不足和安排。']).text)[0], '[ 说明 ] 本报告共分三个部分,依次报告举措、不足和安排。');
  });

  it('round 24 figure names: an adverb between a noun and its number or verb (先后, 同步, 分别, 高效) is no part of the name; 形成 and 采取 are verbs', () => {
    const figure = (sentence: string, amount: string) => new RegExp(`\\{([^=}]+) = ${amount}\\}`).exec(imported(['某某县2025年度法治政府建设情况报告', sentence]).text)?.[1];
    assert.equal(figure('2025年,局党组会、局务会先后14次组织学习习近平法治思想。', '14次'), '局务会');
    assert.equal(figure('2025年,对4家行政执法单位同步开展实地督察。', '4家'), '行政执法单位');
    assert.equal(figure('2025年,对18个行政执法单位分别开展现场检查。', '18个'), '行政执法单位');
    assert.equal(figure('2025年,3个基层法治观察点高效运行。', '3个'), '基层法治观察点');
    assert.equal(figure('2025年,通过专题研判,形成13篇高质量法治观察建议。', '13篇'), '高质量法治观察建议');
    assert.equal(figure('2025年,对52个单位采取书面督察。', '52个'), '单位');
    // Near miss: an adverb that begins the counted noun (同步录音录像设备) stays.
    assert.equal(figure('2025年,配备12套同步录音录像设备。', '12套'), '同步录音录像设备');
  });

  it('round 25 figure names: tiers before a count (市县乡三级1110名) name where, the noun after what; 书面 after 同志 is no part of it (沈阳市 2025); 指导 and 督促 want their object', () => {
    const figure = (sentence: string, amount: string) => new RegExp(`\\{([^=}]+) = ${amount}\\}`).exec(imported(['某某市2025年度法治政府建设情况报告', sentence]).text)?.[1];
    assert.equal(figure('2025年,落实年度述法机制,市县乡三级1110名党政主要负责同志书面述法全覆盖。', '1110名'), '党政主要负责同志');
    assert.equal(figure('2025年,县乡两级56名执法人员现场参加培训。', '56名'), '县乡两级执法人员');
    // 指导 and 督促 take their object after the count (江源区卫健局 2025: “指导13家公立医疗机构建立……”).
    assert.equal(figure('2025年,指导13家公立医疗机构建立法治建设领导小组。', '13家'), '指导公立医疗机构');
    // Near miss: tiers that are the counted things’ kind (三级指标) stay.
    assert.equal(figure('2025年,对照100项三级指标开展自查。', '100项'), '三级指标');
  });

  it('round 26: a dashed label list (- 索 引 号: - 标 题:) is furniture and its 标题 item the title, with its 机关 (市中区人社局 2021)', () => {
    const title = '市中区人力资源和社会保障局2021年度法治政府建设情况报告';
    const r = imported(['- 索 引 号:370402/2022-00029', '- 主题分类:法治政府建设', '- 文 号:无', `- 标 题:${title}`, '- 效力状态:有效', title, '2021年以来,区人社局在区委、区政府正确领导下,深入推进依法行政、法治政府建设。']);
    assert.equal(r.header.title, title);
    assert.equal(r.header.org, '市中区人力资源和社会保障局');
    assert.deepEqual(body(r.text), ['2021年以来,区人社局在区委、区政府正确领导下,深入推进依法行政、法治政府建设。']);
    // Near miss: a dash before a sentence that names a 标题 is prose.
    assert.ok(body(imported([title, '2021年,我局坚持依法行政。', '- 标题党式的宣传已全部清理,共计3件。']).text)[1]!.endsWith('- 标题党式的宣传已全部清理,共计3件。'));
  });

  it('round 26: a paragraph whose next part opens on the mark that closes it (“《……条例” / “》要求,……”) is one paragraph again (塘沽街道 2020)', () => {
    const r = imported(['某某街道2020年法治政府建设情况报告', '', '    某某街道严格遵从《中华人民共和国政府信息公开条例', '', '    》要求,坚持以公开为常态、不公开为例外原则,及时公开各类文件。', '', '2.做好权责清单工作对接']);
    assert.equal(body(r.text)[0], '某某街道严格遵从《中华人民共和国政府信息公开条例》要求,坚持以公开为常态、不公开为例外原则,及时公开各类文件。');
    assert.ok(r.notes.some((n) => n.what.startsWith('一段断成两段')));
    // Near misses: a cut in the middle of a sentence (“……力求” / “高质量、……”) stays two paragraphs (the check says so, BG613);
    // a “）” with no “（” open above, or after a finished sentence, joins nothing.
    const kept = (lines: string[]) => body(imported(['某某街道2020年法治政府建设情况报告', ...lines]).text);
    assert.equal(kept(['深入查找薄弱环节,摸清“难点”“痛点”和“堵点”,力求', '', '高质量、高标准完成法治政府建设工作。']).length, 2);
    assert.equal(kept(['全年开展法治宣传活动12次', '', '）、法律咨询服务3次。']).length, 2);
    assert.equal(kept(['全年开展法治宣传活动(含线上12次。', '', '）此外还开展法律咨询。']).length, 2);
  });

  it('round 26: without a title, a first heading naming the first required part (推进法治建设的主要举措和成效) makes the report a 法治政府建设年度报告 (和田县的乡 2024)', () => {
    const r = imported(['一、2024年度推进法治建设的主要举措和成效', '(一)强化组织领导,大力推进法治政府建设。乡党委、政府高度重视法治政府建设,成立了工作领导小组。']);
    assert.equal(r.header.kind, '法治政府建设年度报告');
    assert.equal(r.header.year, 2024);
    // Near miss: a first heading of other work says nothing of the kind.
    assert.equal(imported(['一、2024年度推进乡村振兴的主要举措和成效', '(一)强化组织领导,大力推进产业发展。乡党委、政府高度重视产业发展,成立了工作领导小组。']).header.kind, undefined);
  });

  it('round 26 figure names: a verb before 乡村 or 镇村 keeps the 乡 (覆盖乡村干部, 水宽乡 2025); a town’s own name after a verb is still cut', () => {
    const figure = (sentence: string, amount: string) => new RegExp(`\\{([^=}]+) = ${amount}\\}`).exec(imported(['某某乡2025年度法治政府建设报告', sentence]).text)?.[1];
    assert.equal(figure('2025年,全年开展专题学习4次,覆盖乡村干部240余人次。', '240余人次'), '覆盖乡村干部');
    assert.equal(figure('2025年,组织法治培训3场次,覆盖镇村干部200余人。', '200余人'), '覆盖镇村干部');
    // Near misses: the town's (开展镇……) and a place's name before 镇 stay cut.
    assert.equal(figure('2025年,开展镇重大事项备案审查5次。', '5次'), '重大事项备案审查');
    assert.equal(figure('2025年,梳理编制下蜀镇基本履职事项清单56项。', '56项'), '基本履职事项清单');
    // A quoted name right before a count names it, with its verb (克孜勒陶镇 2025: “开展“以案述法”1场次” was no figure).
    assert.equal(figure('2025年,开展“以案述法”1场次,班子成员研讨5场次。', '1场次'), '开展以案述法');
    assert.equal(figure('2025年,局党委落实“第一议题”22次。', '22次'), '落实第一议题');
    // Near misses: a space after the quote (BG609's) and a long quotation are left unnamed as before.
    assert.equal(figure('2025年,排查出涉企刑事诉讼“挂案” 5起。', '5起'), undefined);
    assert.equal(figure('2025年,举办“全面依法治国、建设法治中国的重大意义”3次。', '3次'), undefined);
  });

  it('round 28: a joint title set a body a line (四屏镇 2025) keeps a space between the two bodies; one body over two lines is joined as before', () => {
    const r = imported(['中共某某区某某镇委员会', '某某区某某镇人民政府', '关于2025年法治政府建设情况的报告', '区委、区政府:', '2025年,某某镇党委政府坚持依法行政。']);
    assert.equal(r.header.title, '中共某某区某某镇委员会 某某区某某镇人民政府关于2025年法治政府建设情况的报告');
    assert.equal(r.header.org, '某某镇人民政府');
    // Near misses: one body whose name ends in 委员会 above its 关于 line, and a title broken mid-name, join with nothing between.
    assert.equal(imported(['重庆市开州区发展和改革委员会', '关于2023年法治政府建设情况的报告', '今年以来,我委坚持依法行政。']).header.title, '重庆市开州区发展和改革委员会关于2023年法治政府建设情况的报告');
    assert.equal(imported(['某某县人民政府关于2024年法治政府', '建设情况的报告', '2024年,我县坚持依法行政。']).header.title, '某某县人民政府关于2024年法治政府建设情况的报告');
  });

  it('round 28: the title an item of the page’s bulleted list (“• 海南省人民政府……的报告”, 海南 2020) loses the bullet; a tender site’s “内容” and “发送至邮箱” are furniture (鲅鱼圈区 2021)', () => {
    const r = imported(['• 联系我们', '  • 当前所在位置:首页 - 海南资讯', '  • 某某省人民政府关于2020年度法治政府建设情况的报告', '  •   2020年,省政府扎实推进依法行政。']);
    assert.equal(r.header.title, '某某省人民政府关于2020年度法治政府建设情况的报告');
    const t = imported(['某某区2021年法治政府建设情况报告', '', '内容', ' ', '发送至邮箱', '', '某某区2021年法治政府建设情况报告', '', '2021年,区政府坚持依法行政。']);
    assert.deepEqual(body(t.text), ['2021年,区政府坚持依法行政。']);
    // Near miss: 内容 inside a sentence is prose.
    assert.equal(imported(['某某区2021年法治政府建设情况报告', '2021年,区政府围绕“内容”开展工作。']).text.includes('围绕“内容”开展工作'), true);
  });

  it('round 29: an information table broken where its cells were (双牌县教育局 2024) — the dangling labels are furniture, the title before “ - 文号:” is the title', () => {
    const r = imported(['- 索 引 号:4311230009/2025-00578 分 类:', '-', '发文机关:', '某某县教育局 发文日期:2025-02-25 15:58 - 名称:', '中共某某县教育局党组2024年度法治政府建设年度报告 - 文号:', '2024年,某某县教育局在县委、县政府的正确领导下,扎实推进法治政府建设。']);
    assert.equal(r.header.title, '中共某某县教育局党组2024年度法治政府建设年度报告');
    assert.deepEqual(body(r.text), ['2024年,某某县教育局在县委、县政府的正确领导下,扎实推进法治政府建设。']);
    // Near miss: a sentence naming its 发文日期 stays.
    assert.equal(imported(['某某县教育局2024年度法治政府建设工作报告', '2024年,我局按发文日期:先后顺序整理文件,扎实推进法治政府建设。']).text.includes('按发文日期:先后顺序整理文件'), true);
  });

  it('round 29: a line that lost its breaks at spaces (卓尼县 2024) is split before a run-in 一是、二是 after a space too', () => {
    const r = imported(['某某县某某局2024年法治政府建设情况报告', '现将相关情况报告如下: 一、年度法治政府建设的主要举措和成效 (一)深入学习贯彻习近平法治思想,部门主要负责人履行推进法治建设第一责任人职责,加强法治政府建设方面 一是局党委高度重视习近平法治思想学习工作。局党委召开专题会议。 二是抓学习、做表率,认真学习教育法律法规。']);
    const lines = body(r.text);
    assert.ok(lines.includes('一是局党委高度重视习近平法治思想学习工作。局党委召开专题会议。'), JSON.stringify(lines));
    assert.ok(lines.includes('二是抓学习、做表率,认真学习教育法律法规。'), JSON.stringify(lines));
    // Near miss: one space before 一是 in a line that did not lose its breaks stays as typed.
    const one = imported(['某某县某某局2024年法治政府建设情况报告', '2024年,我局坚持依法行政 一是加强学习,二是规范执法。']);
    assert.ok(one.text.includes('坚持依法行政 一是加强学习'), one.text);
  });

  it('round 30: a headline wrapped with a space over the title repeated without it (共和乡 2022, 472) — the title without the space', () => {
    const r = imported(['海东市乐都区共和乡2022年度法治政府建设 工作报告', '浏览:5072次 时间:2022-12-07 来源:本站', '', '共和乡2022年度法治政府建设工作报告', '', '在区委、区政府正确领导下,共和乡扎实推进法治政府建设。']);
    assert.equal(r.header.title, '海东市乐都区共和乡2022年度法治政府建设工作报告');
    assert.ok(r.notes.some((n) => /标题里的空格/.test(n.what)), JSON.stringify(r.notes));
    // Near misses: the space between joint issuers stays; a title not repeated keeps its space (BG609 tells of it).
    assert.equal(imported(['中共某某镇委员会 某某镇人民政府关于2024年度法治政府建设情况的报告', '中共某某镇委员会某某镇人民政府关于2024年度法治政府建设情况的报告', '2024年,我镇扎实推进法治政府建设。']).header.title, '中共某某镇委员会 某某镇人民政府关于2024年度法治政府建设情况的报告');
    assert.equal(imported(['某某乡2022年度法治政府建设 工作报告', '2022年,我乡扎实推进法治政府建设。']).header.title, '某某乡2022年度法治政府建设 工作报告');
  });

  it('round 30: a rate beside a count of what was added (龙溪镇 2024, 476) gets no check formula, a comment says why', () => {
    const r = imported(['某某镇2024年法治政府建设年度报告', '2024年,某某镇扎实推进法治政府建设。', '新增持证执法人员3名,全镇执法人员持证率达100%。']);
    assert.ok(!/_\/新增持证执法人员/.test(r.text), r.text);
    assert.match(r.text, /新增的数，不是比率所依据的总数/);
  });

  it('round 29: a sharing site’s banner (“《……报告.docx》由会员分享,可在线阅读……珍藏版)》请在优知文库上搜索。”, 459) is furniture, and the page marks 1、2、3、 after it go', () => {
    const cut = '为全面推进依法行政和法治政府建设工作,我街道成立了由街道党工委书记、办事处主任任组长、街道分管领导任副组长的法治政府建设工作领导小组,并下设办公室,形成了在街道党工委统一领导下,各社区整体联动的工作格局,为街道加快推进创建工作提供了强有力';
    const r = imported([
      '《街道2022年度法治政府建设工作报告.docx》由会员分享,可在线阅读,更多相关《街道2022年度法治政府建设工作报告.docx(14页珍藏版)》请在优知文库上搜索。',
      `1、街道2022年度法治政府建设工作报告2022年,${cut}`,
      `2、的保障。二是完善制度。${cut}`,
      '3、建设工作要点。',
    ]);
    assert.equal(r.header.title, '街道2022年度法治政府建设工作报告');
    const lines = body(r.text);
    assert.ok(lines.every((l) => !/由会员分享|^# /.test(l)), JSON.stringify(lines));
    assert.ok(lines.includes('建设工作要点。'), JSON.stringify(lines));
    // Near miss: a sentence that says a document was shared stays.
    assert.equal(imported(['某某街道2022年度法治政府建设工作报告', '2022年,街道把学习资料由会员分享到各社区,组织干部在线阅读。']).text.includes('由会员分享到各社区'), true);
  });

  it('round 31: a picture’s line (“<image>data:image/s3,"s3://crabby-images/…"</image>”, 巫溪县教委 2024), an <img> tag and a Markdown image go, wherever they stand', () => {
    const r = imported([
      '<image>data:image/s3,"s3://crabby-images/bf670/bf670960da523f366c10452d829aeb57bd804a07" alt=""</image>',
      '2024年,是实现“十四五”规划目标任务的关键之年。本年度县教委深入贯彻落实习近平法治思想。',
      '一、主要举措和成效',
      '<img src="/images/2025/01/a.jpg" alt="">',
      '我委深学笃用习近平法治思想,全面掌握全国教育大会精神要旨,提供坚实法治保障。',
      '![](https://example.gov.cn/b.png)',
      '成立“法治进校园”宣讲团,开展法治宣传教育“进校园”活动。',
    ]);
    const lines = body(r.text);
    assert.ok(lines.every((l) => !/image|<img|!\[/.test(l)), JSON.stringify(lines));
    assert.equal(lines.length, 4, JSON.stringify(lines));
    assert.ok(r.notes.some((n) => /^网页图片/.test(n.what)), JSON.stringify(r.notes));
    // Near misses: a sentence that tells of an image, and a tag inside a sentence, stay as written.
    const kept = imported(['某某镇2024年度法治政府建设情况报告', '2024年,某某镇在公示栏张贴<image>执法公示图</image>等宣传图片120张,扩大法治宣传覆盖面。']);
    assert.ok(kept.text.includes('<image>执法公示图</image>'), kept.text);
  });

  it('round 31: a byline of the publishing body and a dashed date under the title (“省政府办公厅 2022-03-15”, 陕西省 2021) goes', () => {
    const r = imported(['陕西省人民政府关于2021年法治政府建设情况的报告', '省政府办公厅 2022-03-15', '', '2021年,省政府坚持以习近平新时代中国特色社会主义思想为指导,扎实推进法治政府建设。']);
    assert.deepEqual(body(r.text), ['2021年,省政府坚持以习近平新时代中国特色社会主义思想为指导,扎实推进法治政府建设。']);
    assert.ok(r.notes.some((n) => /^网页信息栏“省政府办公厅 2022-03-15”/.test(n.what)), JSON.stringify(r.notes));
    // Near misses: a signature's date in 年月日 stays the import's (a date, not furniture); a sentence with a dashed date stays.
    const signed = imported(['某某镇人民政府关于2021年法治政府建设情况的报告', '2021年,某某镇扎实推进法治政府建设。', '某某镇人民政府', '2022年3月15日']);
    assert.equal(signed.header.date, '2022-03-15');
    assert.equal(body(imported(['某某镇2021年法治政府建设情况报告', '某某镇于 2021-06-30 召开法治政府建设推进会,部署全年工作。']).text).length, 1);
  });

  it('round 31: a covering letter above the report (梧州 2020) — its sentence stays, its signature and date go to @机关/@日期, the report’s own title is kept as a comment', () => {
    const letter = [
      '中共梧州市委员会 梧州市人民政府关于2020年度法治政府建设工作的报告',
      '自治区党委、自治区人民政府:',
      '根据《自治区党委依法治区办关于报送和公开2020年度法治政府建设工作报告的通知》要求,现将《梧州市2020年度法治政府建设工作报告》呈报,请予审阅。',
      '中共梧州市委员会 梧州市人民政府',
      '2021年2月3日',
      '梧州市2020年度法治政府建设工作报告',
      '2020年,梧州市坚持以习近平新时代中国特色社会主义思想为指导,全市法治政府建设各项工作取得新成效。',
      '一、2020年度法治政府建设工作成效',
      '加强党对法治政府建设的组织领导。',
    ];
    const r = imported(letter);
    assert.equal(r.header.title, '中共梧州市委员会 梧州市人民政府关于2020年度法治政府建设工作的报告');
    assert.equal(r.header.to, '自治区党委、自治区人民政府');
    assert.equal(r.header.date, '2021-02-03');
    const lines = body(r.text);
    assert.equal(lines[0], letter[2]);
    assert.equal(lines[1], letter[6]);
    assert.ok(!lines.some((l) => l === letter[3] || l === letter[4] || l === letter[5]), JSON.stringify(lines));
    assert.match(r.text, /\/\/ 原文第6行，报送函之后报告正文自己的标题：梧州市2020年度法治政府建设工作报告/);
    // Without its signature line, and with the report's own signature and date at the end (the report's date wins).
    const signed = imported([...letter.slice(0, 3), ...letter.slice(4), '梧州市人民政府', '2021年2月5日']);
    assert.equal(signed.header.date, '2021-02-05');
    assert.ok(!body(signed.text).includes('2021年2月3日'), signed.text);
    assert.match(signed.text, /\/\/ 原文第4行，报送函的日期：2021年2月3日/);
    // Near misses: a report opening “现将……情况报告如下” with no date and title after it; a sending sentence not followed by a
    // date and a title (a paragraph of the report); a date line followed by prose, not a title.
    const opening = imported(['某某镇人民政府关于2024年度法治政府建设情况的报告', '县委、县政府:', '2024年,我镇扎实推进法治政府建设,现将有关情况报告如下:', '一、主要举措和成效', '加强组织领导。']);
    assert.equal(body(opening.text)[0], '2024年,我镇扎实推进法治政府建设,现将有关情况报告如下:');
    const sent = ['某某镇人民政府关于2024年度法治政府建设情况的报告', '县委、县政府:', '现将《某某镇2024年度法治政府建设工作报告》呈报,请审阅。', '2025年1月10日', '2024年,我镇扎实推进法治政府建设,各项工作取得新成效。'];
    const notLetter = imported(sent);
    assert.ok(body(notLetter.text).includes('2025年1月10日'), notLetter.text);
    assert.ok(!/报告正文自己的标题/.test(notLetter.text), notLetter.text);
  });
});
