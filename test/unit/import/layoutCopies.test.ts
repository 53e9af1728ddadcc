// Text as people have it when they reuse last year's report: a PDF's lines copied at their fixed width (each
// paragraph broken mid-word, or its line ends turned into spaces), the addressee run into the first sentence, a
// title with next year's plan joined on (……报告暨2025年工作计划), a sharing site's account links above it.
import { strict as assert } from 'node:assert';
import { importReport } from '../../../server/language/import/index.js';
import { checkSourceText } from '../../../server/language/sourceCheck.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';

const imported = (lines: string[]) => importReport(lines.join('\n'));
const body = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('@') && !l.startsWith('//'));
const codes = (text: string) => checkSourceText(new LanguageService(new MemoryWorkspace({})), '/r/a.bg', text).findings.map((f) => f.code);

describe('import: text copied with its layout', () => {
  it('joins a PDF’s lines of one width back into their paragraphs, and leaves headings and short lines alone', () => {
    const r = imported([
      '某某镇2024年法治政府建设情况报告',
      '2024年,在县委、县政府的正确领导下,我镇深入贯',
      '彻落实法治政府建设各项工作要求,紧紧围绕县、镇中',
      '心工作,增强依法行政意识,依法履行法定职责,自觉规',
      '范行政行为。现将有关情况报告如下:',
      '一、主要工作情况',
      '(一)加强领导,健全制度程序',
      '一年来,我镇以推进阳光、法治政府建设为目标,采取',
      '切实措施确保依法行政各项工作落到实处。镇党委、政',
      '府高度重视依法行政工作,主要领导经常过问、指导。',
    ]);
    assert.deepEqual(body(r.text), [
      '2024年,在县委、县政府的正确领导下,我镇深入贯彻落实法治政府建设各项工作要求,紧紧围绕县、镇中心工作,增强依法行政意识,依法履行法定职责,自觉规范行政行为。现将有关情况报告如下:',
      '# 主要工作情况 {#举措}',
      '## 加强领导,健全制度程序',
      '一年来,我镇以推进阳光、法治政府建设为目标,采取切实措施确保依法行政各项工作落到实处。镇党委、政府高度重视依法行政工作,主要领导经常过问、指导。',
    ]);
    assert.deepEqual(r.notes.filter((n) => n.what.startsWith('一段断成')).map((n) => [n.line, n.what]), [[2, '一段断成 4 行（第2—5行）'], [8, '一段断成 3 行（第8—10行）']]);
    // The joined paragraph's findings are placed in the lines it came from: 范行政行为 is on line 5.
    const source = ['某某镇2024年法治政府建设情况报告', '2024年，在县委、县政府的正确领导下，我镇深入贯', '彻落实法治政府建设各项工作要求，紧紧围绕县、镇中', '心工作，增强依法行政意识，依法履行法定职责，自觉规', '范行政行为,现将有关情况报告如下：', '一、主要工作情况', '（一）加强领导。镇党委、政府高度重视依法行政工作。', '二、存在的不足和原因', '（一）学法不够深入。部分干部学法用法意识不强，学', '习流于形式，对新颁布的法律法规学习不及时，依法', '行政能力还需提高，执法人员数量不足，专业水平不', '高。'];
    const found = checkSourceText(new LanguageService(new MemoryWorkspace({})), '/r/a.bg', source.join('\n')).findings.filter((f) => f.code === 'BG601');
    assert.deepEqual(found.map((f) => [f.line, f.column]), [[5, 6]]);
  });

  it('does not join lines that end their sentences, nor a few lines that only happen to stop mid-sentence', () => {
    // Each sentence on its own line: every line ends with 。, so none is a wrap.
    const sentences = imported(['某某镇2024年法治政府建设情况报告', '2024年,我镇坚持依法行政,全面推进法治政府建设工作。', '全年组织领导干部集中学法12次,开展法治讲座4场。', '全面落实行政执法三项制度,执法行为进一步规范。', '全镇共排查化解矛盾纠纷86件,化解率达100%。']);
    assert.equal(body(sentences.text).length, 4);
    // Lines of different widths that stop mid-sentence (a list of bodies, a heading without a number): not a PDF's wraps.
    const uneven = imported(['某某镇2024年法治政府建设情况报告', '2024年,我镇坚持依法行政,全面推进法治政府建设工作', '成立由镇长任组长的领导小组', '镇司法所、派出所、综治中心、市场监管所和综合执法队', '各村(社区)法治工作站']);
    assert.equal(body(uneven.text).length, 4);
    assert.ok(!uneven.notes.some((n) => n.what.startsWith('一段断成')));
    // A table's rows padded to one width, and a title as wide as the wrapped lines, are not run into what follows.
    const rows = imported(['某某镇2024年法治政府建设情况报告', '2024年,我镇坚持依法行政,全面推进法治政府建设工作。', '| 行政复议案件 | 12件 | 占比30% |', '| 行政诉讼案件 | 08件 | 占比20% |', '| 信访案件数量 | 20件 | 占比50% |', '| 矛盾纠纷调处 | 86件 | 化解率达 |', '| 法治宣传活动 | 12场 | 覆盖全镇 |']);
    assert.ok(!rows.notes.some((n) => n.what.startsWith('一段断成')));
    const lines = ['某某镇2024年度法治政府建设情况报告', '2024年,在县委、县政府的正确领导下', '我镇深入贯彻落实法治政府建设各项工作要', '求,紧紧围绕县、镇中心工作,增强依法行', '政意识,依法履行法定职责,自觉规范行政', '行为。'];
    assert.deepEqual(lines.slice(0, 5).map((l) => l.length), [19, 19, 19, 19, 19]);
    const wide = imported(lines);
    assert.equal(wide.header.title, '某某镇2024年度法治政府建设情况报告');
    assert.deepEqual(body(wide.text), ['2024年,在县委、县政府的正确领导下我镇深入贯彻落实法治政府建设各项工作要求,紧紧围绕县、镇中心工作,增强依法行政意识,依法履行法定职责,自觉规范行政行为。']);
  });

  it('takes out the spaces a PDF left where its lines ended, once the line is split at its headings', () => {
    const line = '依法行政工作自查报告 一年来,在县委、县政府的正确领导下,在县依法行 政工作领导小组的具体指导下,某镇深入贯彻落实国务院 《全面推进依法行政实施纲要》,紧紧围绕县、镇中心工 作,增强依法行政意识,依法履行法定职责,自觉规范行 政行为,认真落实依法行政各项工作要求,不断提升依法 行政水平。现将我镇2015年度依法行政自查报告如下: 一、主要工作情况 (一)加强领导,健全制度程序 一年来,某镇以推进阳光、法治政府建设为目标,采 取切实措施确保依法行政各项工作落到实处。一方面,组 织领导到位。镇党委、政府高度重视依法行政工作,主要 领导经常过问、指导,不定期听取工作汇报,在各类会议 上多次强调和布置,做到了逢会必讲。';
    const r = imported(['购物车', '我的足迹', '依法行政工作自查报告3', '加入Vip免费下载 立即下载', line]);
    const lines = body(r.text);
    // The title run into the first sentence at a space, below the site's listing of it: the title, a 自查报告 (a report of work).
    assert.equal(r.header.title, '依法行政工作自查报告');
    assert.equal(r.header.kind, '工作报告');
    assert.ok(lines[0]!.startsWith('一年来,在县委、县政府的正确领导下'), r.text);
    assert.ok(lines.includes('## 加强领导,健全制度程序'), r.text);
    assert.ok(lines.some((l) => l.startsWith('一年来,某镇以推进阳光、法治政府建设为目标,采取切实措施确保') && l.includes('一方面,组织领导到位') && l.endsWith('在各类会议上多次强调和布置,做到了逢会必讲。')), r.text);
    assert.ok(lines.some((l) => l.includes('在县依法行政工作领导小组的具体指导下,某镇深入贯彻落实国务院《全面推进依法行政实施纲要》')), r.text);
    assert.ok(r.notes.some((n) => n.line === 5 && /^词中的空格 \d+ 处$/.test(n.what)));
    // The sharing site's account links are furniture, not paragraphs (nor a 我 for BG732 to blame).
    assert.deepEqual(r.notes.filter((n) => n.what.startsWith('网页按钮')).map((n) => n.line), [1, 2, 4]);
    assert.deepEqual(r.notes.filter((n) => n.what.startsWith('网页栏目')).map((n) => n.line), [3]);
    assert.ok(!codes(['购物车', '我的足迹', line].join('\n')).some((c) => c === 'BG609' || c === 'BG732'));
  });

  it('keeps the spaces of a line that has only a few, or spaces between letters and digits', () => {
    // A page that lost its breaks (spaces before 一、 and (一)) and a space typed once in a sentence: no PDF's wraps.
    const lost = imported(['某某市人民政府关于2024年度法治政府建设情况的报告', '2024年,我市坚持依法行政。 一、2024年度法治政府建设情况 (一)发挥“关键少数”引领作用,统筹推进法治政府建设。以“加强法治政府建设 打造人民满意政府”为主题开展专题学习。 (二)全面推进政府职能转变。']);
    assert.ok(body(lost.text).some((l) => l.includes('加强法治政府建设 打造人民满意政府')), lost.text);
    assert.ok(!lost.notes.some((n) => n.what.startsWith('词中的空格')));
    // Wrapped at spaces, but the space between two words of Latin letters or digits stays.
    const stretch = '法治政府建设各项工作要求紧紧围绕中心工作开展';
    const latin = imported(['某镇2024年法治政府建设情况报告', `2024年,我镇依托 ${stretch}OA ${stretch}系统 ${stretch}办公 ${stretch}平台 ${stretch}Windows 10 系统。`]);
    assert.ok(body(latin.text)[0]!.endsWith(`开展Windows 10系统。`), latin.text);
    assert.ok(body(latin.text)[0]!.includes(`开展OA${stretch}系统${stretch}`), latin.text);
  });

  it('reads the addressee run into the first sentence as @主送, and leaves a sentence that opens with a colon alone', () => {
    const r = imported(['六盘水市人民政府关于2024年度法治政府建设情况的报告', '市人大常委会: 2024年,我市始终坚持以习近平新时代中国特色社会主义思想为指导,深入践行习近平法治思想,扎实推进法治政府建设。 一、2024年度法治政府建设情况 (一)发挥“关键少数”引领作用,统筹推进法治政府建设。一是坚持高位谋划推动。 (二)全面推进政府职能转变。']);
    assert.equal(r.header.to, '市人大常委会');
    assert.equal(body(r.text)[0], '2024年,我市始终坚持以习近平新时代中国特色社会主义思想为指导,深入践行习近平法治思想,扎实推进法治政府建设。');
    // The half-width colon is still the writer's slip.
    assert.ok(r.findings.some((f) => f.code === 'BG601' && f.line === 2 && f.column === 7), JSON.stringify(r.findings));
    // Not a body: the line is the text's first sentence, kept whole.
    const plain = imported(['某某镇2024年法治政府建设情况报告', '主要做法: 2024年,我镇坚持依法行政,全面推进法治政府建设,取得了明显成效。']);
    assert.equal(plain.header.to, undefined);
    // A sentence with a space in it under a short line is no title run in: it does not end its first words in 报告.
    const spaced = imported(['今日头条', '2024年,我镇法治政府建设成效明显 群众满意度持续提升,全年化解矛盾纠纷86件。']);
    assert.equal(spaced.header.title, undefined);
    assert.equal(body(plain.text)[0], '主要做法: 2024年,我镇坚持依法行政,全面推进法治政府建设,取得了明显成效。');
  });

  it('takes a 政府办 or an 依法治县办 named before the title’s year as the 机关, not any word ending in 办', () => {
    assert.equal(imported(['区政府办2025年度法治政府建设工作报告', '2025年,区政府办深入贯彻习近平法治思想,扎实推进法治政府建设各项任务。']).header.org, '区政府办');
    assert.equal(imported(['县委依法治县办2024年度法治建设工作报告', '2024年,县委依法治县办坚持统筹协调,推进全面依法治县。']).header.org, '县委依法治县办');
    assert.equal(imported(['政务服务帮办代办2024年工作总结', '2024年,我中心坚持依法行政,推进帮办代办服务。']).header.org, undefined);
  });

  it('names a figure without the year written inside the words before it', () => {
    const r = imported(['姚安县2025年度法治政府建设情况报告', '2025年,姚安县坚持依法行政。全面梳理2024年26项“高效办成一件事”高频事项,较2024年增长23%,开办本地特色事项2项。']);
    assert.match(r.text, /全面梳理2024年\{全面梳理 = 26项\}/);
    assert.match(r.text, /较2024年增长\{增长 = 23%\}/);
    // A character the segmenter leaves alone beside another (镇街, 治市) does not start a name; a numeral does (一级).
    const cut = imported(['六盘水市人民政府关于2024年度法治政府建设情况的报告', '2024年,召开市委全面依法治市委员会会议4次,区级部门和镇街负责人出庭应诉率99.3%。流溪河流域劣Ⅴ类一级支流数量由46条减少到30条。']).text;
    assert.match(cut, /依法治市委员会会议\{委员会会议 = 4次\}/);
    assert.match(cut, /镇街负责人出庭应诉率\{负责人出庭应诉率 = 99\.3%\}/);
    assert.match(cut, /一级支流数量由\{一级支流数量 = 46条\}/);
    // An adverb after the noun begins what is said of it: 20个社区法律顾问定期为……, the rate beside it checked against it.
    const after = imported(['马鞍街道2025年法治政府建设情况报告', '2025年,马鞍街道落实社区法律顾问制度。20个社区法律顾问定期为社区居民提供法律咨询,实现社区法律顾问覆盖率达100%。']).text;
    assert.match(after, /\{社区法律顾问 = 20个\}社区法律顾问定期为/);
    // A year that leads the words is dropped as before; words with 年 in them keep it.
    assert.match(imported(['某局2025年度法治政府建设情况报告', '2025年,我局坚持依法行政。全年组织年度学法8次。']).text, /\{年度学法 = 8次\}/);
  });

  it('finds a title with next year’s plan joined on, below a mirror’s name and an image’s placeholder', () => {
    const r = imported(['澳门皇冠', '', '图片', '    • 索 引 号:QZ07911-0101-2024-00021', '    • 发布机构:蓬华镇人民政府', '    蓬华镇2024年法治政府建设报告暨2025年工作计划', '    时间:2025-09-08 17:18', '', '      2024年,蓬华镇始终坚持以习近平新时代中国特色社会主义思想为指导,深入学习宣传贯彻习近平法治思想。现将2024年法治政府建设工作情况报告如下,并提出2025年工作计划。']);
    assert.equal(r.header.title, '蓬华镇2024年法治政府建设报告暨2025年工作计划');
    assert.equal(r.header.year, 2024);
    assert.equal(r.header.kind, '法治政府建设年度报告');
    assert.equal(body(r.text).length, 1);
    // A summary with its plan joined on is a 工作总结; a heading “二、2025年工作计划” is no title.
    assert.equal(imported(['某某司法所2024年工作总结及2025年工作计划', '2024年,我所坚持依法行政,全面推进各项工作。']).header.kind, '工作总结');
    const heading = imported(['2024年,我镇坚持依法行政,全面推进法治政府建设工作。', '二、2025年工作计划', '继续推进法治政府建设。']);
    assert.equal(heading.header.title, undefined);
    // The plan's year is next year's, rightly (BG407 only for another year).
    const title = (plan: number) => codes(`蓬华镇2024年法治政府建设报告暨${plan}年工作计划\n2024年,蓬华镇坚持依法行政,全面推进法治政府建设。`).filter((c) => c === 'BG407').length;
    assert.equal(title(2025), 0);
    assert.equal(title(2026), 1);
  });
});
