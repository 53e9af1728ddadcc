// baogao import: one test per rule of the importer, and a .docx input read as Word shows it.
import { strict as assert } from 'node:assert';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { parse } from '../../../grammar/index.js';
import { escapeLine, importReport } from '../../../server/language/import/index.js';
import { headingLevels } from '../../../server/language/import/levels.js';
import { typedNumber, type TypedNumber } from '../../../server/language/import/numbers.js';
import { parseSignatureDate } from '../../../server/language/import/header.js';
import { decodeText, readWord } from '../../../server/node/readWord.js';
import { render } from '../../../templates/render.js';
import { model } from '../../helpers.js';
import { checkSourceText } from '../../../server/language/sourceCheck.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';

const imported = (lines: string[], hints = {}) => importReport(lines.join('\n'), hints);
const body = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('@') && !l.startsWith('//'));
const printed = (bg: string) => render(model(bg), 'txt', { width: 1000 });
const levelsOf = (...lines: string[]) => headingLevels(lines.map((l) => typedNumber(l)).filter((n): n is TypedNumber => !!n));

describe('import: rules', () => {
  describe('heading numbers', () => {
    it('recognises every typed style and removes only the number', () => {
      const cases: Array<[string, string, string]> = [
        ['一、工作推进情况', 'chinese', '工作推进情况'],
        ['十二、其他', 'chinese', '其他'],
        ['（一）学习贯彻', 'chineseParen', '学习贯彻'],
        ['(二)法治宣传', 'chineseParen', '法治宣传'],
        ['（三）、强化监督', 'chineseParen', '强化监督'],
        ['1.优化营商环境', 'arabic', '优化营商环境'],
        ['3．全面推行', 'arabic', '全面推行'],
        ['1、 上一年度', 'arabic', '上一年度'],
        ['（1） 全面落实', 'arabicParen', '全面落实'],
        ['(2)进一步', 'arabicParen', '进一步'],
      ];
      for (const [line, style, rest] of cases) {
        const n = typedNumber(line);
        assert.equal(n?.style, style, line);
        assert.equal(n?.rest, rest, line);
      }
    });

    it('does not take prose for a number', () => {
      for (const line of ['一是加强组织领导。', '6.26国际禁毒日开展宣传', '2020年，我镇', '12.4宪法日', '十九大精神']) assert.equal(typedNumber(line), undefined, line);
    });

    it('levels come from the style: 一、 1, （一） 2, 1. 3, （1） 4', () => {
      assert.deepEqual(levelsOf('一、甲', '（一）乙', '1.丙', '（1）丁', '（2）戊', '2.己', '（二）庚', '二、辛'), [1, 2, 3, 4, 4, 3, 2, 1]);
    });

    it('a report whose top level is "1、" (no 一、, and （一） follows it) gets 1、 at level 1', () => {
      assert.deepEqual(levelsOf('1、甲', '（一）乙', '（二）丙', '2、丁', '（一）戊'), [1, 2, 2, 1, 2]);
      // "1." items inside the same report keep level 3: only the variant that encloses （一） is promoted.
      assert.deepEqual(levelsOf('1、甲', '（一）乙', '1.丙', '2.丁', '2、戊'), [1, 2, 3, 3, 1]);
      // Without a （一） after them, "1." items stay level 3 wherever they are.
      assert.deepEqual(levelsOf('一、甲', '（一）乙', '1.丙'), [1, 2, 3]);
    });

    it('never skips a level: （1） right under 一、 is level 2', () => {
      assert.deepEqual(levelsOf('一、甲', '（1）乙', '（2）丙', '二、丁'), [1, 2, 2, 1]);
      assert.deepEqual(levelsOf('（一）甲', '1.乙'), [1, 2]);
    });
  });

  describe('heading forms', () => {
    it('a run-in level-2 heading becomes ## heading + its paragraph, printing as the original', () => {
      const r = imported(['一、依法全面履行政府职能情况', '（一）全面部署法治建设。桂圩镇党委政府高度重视。']);
      assert.deepEqual(body(r.text), ['# 依法全面履行政府职能情况 {#举措}', '## 全面部署法治建设', '桂圩镇党委政府高度重视。']);
      assert.match(printed(r.text), /（一）全面部署法治建设。桂圩镇党委政府高度重视。/);
    });

    it('a run-in first-level heading becomes # heading on its own line, its 。 kept, and its paragraph, the figures of the paragraph written', () => {
      const r = imported(['一、巩固提升依法履职水平。注重政治引领，全年组织理论学习14次。', '二、不断加强依法行政能力。召开常务会议13次。', '三、主要举措和成效。正文。']);
      // Its 。 stays as typed (every word prints; BG714 then says a heading on its own line takes none).
      assert.deepEqual(body(r.text), ['# 巩固提升依法履职水平。', '注重政治引领，全年组织理论学习{理论学习 = 14次}。', '# 不断加强依法行政能力。', '召开常务会议{召开常务会议 = 13次}。', '# 主要举措和成效。 {#举措}', '正文。']);
      assert.ok(r.notes.some((n) => /一级标题单独成行/.test(n.why)));
      // A long first sentence is no heading: the line stays whole, as before.
      const long = imported(['一、继续深入推进我乡行政决策科学化、民主化、法治化，不断健全重大行政决策相关机制。正文。']);
      assert.equal(body(long.text).length, 1);
    });

    it('a run-in heading of two balanced clauses up to 30 characters is a heading, not a numbered paragraph', () => {
      const r = imported(['一、2023年法治政府工作情况', '（一）深入学习贯彻习近平法治思想,确保法治政府建设正确方向。我局坚持学法。', '（二）完善执法体系,打造执法改革样板。一是清理文件。']);
      assert.deepEqual(body(r.text).slice(1), ['## 深入学习贯彻习近平法治思想,确保法治政府建设正确方向', '我局坚持学法。', '## 完善执法体系,打造执法改革样板', '一是清理文件。']);
    });

    it('a short heading sentence alone on its line keeps its 。', () => {
      const r = imported(['一、主要做法和成效', '（一）加强组织领导，确保法治政府建设到位。', '我乡党委高度重视。']);
      assert.ok(body(r.text).includes('## 加强组织领导，确保法治政府建设到位。'));
    });

    it('a numbered sentence too long for a heading, numbered 1., becomes a numbered paragraph with all its words', () => {
      const long = '法治政府建设的环境建设有待完善，普法工作形式、效果需改进和加强';
      const r = imported(['一、存在的不足和原因', '（一）宣传不够', `1.${long}。原因是宣传方式单一。`]);
      assert.ok(body(r.text).includes(`1. ${long}。原因是宣传方式单一。`), r.text);
      assert.match(printed(r.text), new RegExp(`1\\.${long}。原因是宣传方式单一。`));
    });

    // A number in Chinese numerals is a heading's, however long its first sentence (198-chongqingcgj-2022: 39 characters).
    it('a lone （一） whose first sentence is longer than 30 characters is a run-in heading, not an item “1.”', () => {
      const lead = '深学笃用习近平法治思想和党的二十大精神,推动城市管理部门法治政府建设高质量发展';
      const r = imported(['2022年,我局深入推进法治政府建设。现将有关情况报告如下。', '一、2022年法治政府建设工作情况', `（一）${lead}。一是多形式开展学习。`]);
      assert.deepEqual(body(r.text).slice(1), ['# 2022年法治政府建设工作情况 {#举措}', `## ${lead}`, '一是多形式开展学习。']);
      assert.match(printed(r.text), new RegExp(`（一）${lead}。一是多形式开展学习。`));
    });

    it('a （一）（二）（三） sequence with long first sentences, nothing between, is a sequence of headings', () => {
      const long = '坚持党对法治政府建设工作的集中统一领导,推动法治政府建设工作部署落地落实';
      const r = imported(['一、主要举措', `（一）${long}。党的领导是根本保证。`, '（二）开展会前学习。严格落实会前学法制度。', `（三）${long}。`, '全年组织学法。']);
      assert.deepEqual(body(r.text).slice(1), [`## ${long}`, '党的领导是根本保证。', '## 开展会前学习', '严格落实会前学法制度。', `## ${long}。`, '全年组织学法。']);
      assert.match(printed(r.text), new RegExp(`（一）${long}。党的领导是根本保证。\\n　　（二）开展会前学习。严格落实会前学法制度。\\n　　（三）${long}。全年组织学法。`));
      // One long sentence with nothing after it or under it is a numbered point, not a heading with no text: the run stays items.
      const points = imported(['一、存在的不足', '（一）宣传有待完善。原因是方式单一。', `（二）${long}。`, '（三）队伍建设有待加强。', '二、下一步打算', '正文。']);
      assert.deepEqual(body(points.text).slice(1, 4), ['1. 宣传有待完善。原因是方式单一。', `2. ${long}。`, '3. 队伍建设有待加强。']);
    });

    it('a long （二） after a （一） heading keeps its number: the numbers after it do not shift', () => {
      const long = '继续深入推进我镇行政决策科学化、民主化、法治化，不断健全重大行政决策相关机制';
      for (const lines of [
        ['一、工作情况', '（一）加强组织领导。', '正文一。', `（二）${long}。正文二。`, '（三）规范执法。', '正文三。'],
        ['一、工作情况', '（一）加强组织领导。', '正文一。', `（二）${long}。`, '正文二。', '（三）规范执法。', '正文三。'],
        ['一、工作情况', '（一）加强组织领导。', '正文一。', `（二）${long}，严格落实重大行政决策的法定程序，不断增强公众参与实效，促使决策更加科学`, '（三）规范执法。', '正文三。'],
      ]) {
        const r = imported(lines);
        assert.equal(body(r.text).filter((l) => l.startsWith('## ')).length, 3, r.text);
        const print = printed(r.text);
        assert.match(print, /（二）继续深入推进我镇/, print);
        assert.match(print, /（三）规范执法。正文三。/, print);
        assert.doesNotMatch(print, /1\.继续/);
      }
    });

    it('a mistyped second 一、 (level 2) with a long first sentence is a heading too', () => {
      const long = '继续深入推进我镇行政决策科学化、民主化、法治化，不断健全重大行政决策相关机制';
      const r = imported(['一、工作情况', '一、加强组织领导。', '正文一。', `二、${long}。正文二。`, '二、存在的不足', '正文三。']);
      assert.ok(body(r.text).includes(`## ${long}`), r.text);
    });

    it('true lists stay lists: 1. 2. 3. with a long sentence stay items, ① ② lines stay paragraphs', () => {
      const long = '继续深入推进我镇行政决策科学化、民主化、法治化，不断健全重大行政决策相关机制，严格落实重大行政决策的法定程序';
      const r = imported(['一、下一步打算', '（一）规范决策', '1.依法全面履行政府职能。推进政务服务。', `2.${long}。`, '3.深化普法宣传。']);
      assert.deepEqual(body(r.text).slice(2), ['1. 依法全面履行政府职能。推进政务服务。', `2. ${long}。`, '3. 深化普法宣传。']);
      const circled = imported(['一、下一步打算', '（一）规范决策', `①${long}。`, '②深化普法宣传。']);
      assert.deepEqual(body(circled.text).slice(2), [`①${long}。`, '②深化普法宣传。']);
    });

    it('a run of numbered lines that are each one whole sentence, nothing between them, is a run of items', () => {
      const r = importReport(['一、存在的不足和原因', '（一）法治意识不强，对法治政府建设重视不够。', '（二）法治人才短缺，队伍建设有待加强。', '二、下一步工作安排', '（一）加强学习。', '组织学法4次。'].join('\n'));
      assert.deepEqual(body(r.text), ['# 存在的不足和原因 {#不足}', '1. 法治意识不强，对法治政府建设重视不够。', '2. 法治人才短缺，队伍建设有待加强。', '# 下一步工作安排 {#安排}', '## 加强学习。', '组织学法{学法 = 4次}。']);
    });

    it('a level-3 heading running into its text becomes a numbered paragraph (levels 3–4 do not run in)', () => {
      const r = imported(['一、工作推进情况', '（一）法治政府建设推进情况', '1.政府职能依法全面履行。全面普及行政审批。', '2.重大行政决策科学民主合法。坚持重大事项。']);
      assert.deepEqual(body(r.text).slice(2), ['1. 政府职能依法全面履行。全面普及行政审批。', '2. 重大行政决策科学民主合法。坚持重大事项。']);
      assert.match(printed(r.text), /\n　　1\.政府职能依法全面履行。全面普及行政审批。\n　　2\.重大行政决策/);
    });

    it('a level-3 heading alone on its line is a ### heading', () => {
      const r = imported(['一、甲', '（一）乙', '1.丙', '正文。']);
      assert.ok(body(r.text).includes('### 丙'));
    });
  });

  describe('a line that is only a number', () => {
    it('is no heading and no paragraph: reported (BG241) at its place, the headings after it numbered on', () => {
      const r = imported(['一、主要举措和成效', '（一）加强组织领导', '成立领导小组。', '（二）', '（三）规范行政执法', '开展执法检查。', '二、', '三、存在问题', '宣传不够。']);
      assert.deepEqual(body(r.text), ['# 主要举措和成效 {#举措}', '## 加强组织领导', '成立领导小组。', '## 规范行政执法', '开展执法检查。', '# 存在问题 {#不足}', '宣传不够。']);
      assert.deepEqual(r.findings.map((f) => `${f.line}:${f.column}:${f.code}`), ['4:1:BG241', '7:1:BG241']);
      assert.ok(r.notes.some((n) => n.line === 4 && /只有序号/.test(n.why)));
      assert.match(printed(r.text), /（二）规范行政执法。开展执法检查。\n　　二、存在问题/);
      // A lone list number too ("2." of an empty list entry), in either kind of bracket or dot.
      const list = imported(['一、主要举措', '1.加强组织领导。', ' 2． ', '3.规范行政执法。']);
      assert.deepEqual(list.findings.map((f) => `${f.line}:${f.code}`), ['3:BG241']);
    });

    it('on the last line (a page cut after a number) stays as found; a number with text, 一是 or a year is no lone number', () => {
      const cut = imported(['一、主要举措', '（一）加强组织领导', '成立领导小组。', '（二）']);
      assert.deepEqual(cut.findings.filter((f) => f.code === 'BG241'), []);
      assert.equal(body(cut.text).at(-1), '（二）');
      const near = imported(['一、主要举措', '一是', '2023.', '（1）规范执法', '正文。']);
      assert.deepEqual(near.findings.filter((f) => f.code === 'BG241'), []);
    });

    it('with its heading on the next line (Word’s numbering copied as text) is joined to it: one heading at the heading’s line, noted', () => {
      const r = imported(['一、主要举措', '（一）加强组织领导', '成立领导小组。', '（二）', '完善制度建设', '制定制度5项。', '（三）', '健全依法决策机制。镇政府制定了议事规则。', '二、', '存在问题', '宣传不够。']);
      assert.deepEqual(body(r.text), ['# 主要举措 {#举措}', '## 加强组织领导', '成立领导小组。', '## 完善制度建设', '制定制度{制定制度 = 5项}。', '## 健全依法决策机制', '镇政府制定了议事规则。', '# 存在问题 {#不足}', '宣传不够。']);
      assert.deepEqual(r.findings, []);
      assert.ok(r.notes.some((n) => n.line === 4 && /与下一行（第5行）的“完善制度建设”合为一个标题/.test(n.why)));
      assert.equal(r.sourceLines[r.text.split('\n').indexOf('## 完善制度建设')], 5);
      assert.match(printed(r.text), /（二）完善制度建设。制定制度5项。\n　　（三）健全依法决策机制。镇政府制定了议事规则。\n　　二、存在问题/);
    });

    it('is not joined to a line with its own number or to prose: a lone （二） before 二、 stays a number with nothing under it (BG241), no empty section', () => {
      const r = imported(['一、主要举措', '（一）加强组织领导', '成立领导小组。', '（二）', '二、存在问题', '宣传不够。', '（一）', '2021年，我镇制定了重大行政决策程序规定，所有重大决策均经合法性审查，全年审查文件12件。']);
      assert.deepEqual(body(r.text), ['# 主要举措 {#举措}', '## 加强组织领导', '成立领导小组。', '# 存在问题 {#不足}', '宣传不够。', '2021年，我镇制定了重大行政决策程序规定，所有重大决策均经合法性审查，全年审查文件{审查文件 = 12件}。']);
      assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['4:BG241', '7:BG241']);
    });

    it('under a heading with nothing else is told once (BG241), not also as an empty section (BG404), when the source is checked', () => {
      const service = new LanguageService(new MemoryWorkspace({}));
      const source = ['关于2021年法治政府建设情况的报告', '2021年，我镇坚持依法行政。现报告如下：', '一、主要举措', '（一）', '二、存在问题', '宣传不够。', '（一）完善制度', '三、下一步打算', '继续努力。', '某某镇人民政府', '2022年1月5日'].join('\n');
      const { findings, asTyped } = checkSourceText(service, '/a.txt.bg', source);
      assert.deepEqual(findings.filter((f) => /BG24|BG404/.test(f.code)).map((f) => `${f.line}:${f.code}`), ['4:BG241', '7:BG404']);
      assert.deepEqual(asTyped, ['BG404']);
    });

    it('under a heading is given as data (the heading’s line), not left for the source check to read back from the comments written', () => {
      const r = imported(['关于2021年法治政府建设情况的报告', '2021年，我镇坚持依法行政。现报告如下：', '一、主要举措', '（一）', '二、存在问题', '（一）', '宣传不够。', '三、下一步打算', '（一）', '（二）', '四、其他', '无。']);
      const lines = r.text.split('\n');
      // 一、 holds only its lone （一）, 三、 two of them; 二、 has a paragraph after its lone number.
      assert.deepEqual(r.loneNumberHeadings.map((n) => lines[n]), ['# 主要举措 {#举措}', '# 下一步打算 {#安排}']);
      assert.deepEqual(imported(['一、主要举措', '（一）加强组织领导', '成立领导小组。']).loneNumberHeadings, []);
      // The source check decides BG404 from that data: it no longer knows how the import words its comments.
      const sourceCheck = readFileSync(new URL('../../../server/language/sourceCheck.ts', import.meta.url), 'utf8');
      assert.doesNotMatch(sourceCheck, /BG241 |LONE_NUMBER|startsWith\(['"`]\/\/ BG/);
    });

    it('on the body’s last line before the signature and date is no page cut: reported (BG241), not printed', () => {
      const r = imported(['一、主要举措', '（一）加强组织领导', '成立领导小组。', '（二）', '某某镇人民政府', '2022年1月5日']);
      assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['4:BG241']);
      assert.doesNotMatch(printed(r.text), /（二）/);
    });
  });

  describe('labels', () => {
    it('labels the first level-1 heading of each recognised part, and only level-1 headings', () => {
      const r = imported(['一、主要做法和成效', '（一）存在问题的整改', '二、工作推进情况', '三、存在的不足及原因', '四、党政主要负责人履行推进法治建设第一责任人职责情况', '五、下一步工作打算', '六、其他需要报告的情况', '七、体会']);
      assert.deepEqual(body(r.text).filter((l) => l.startsWith('#')), [
        '# 主要做法和成效 {#举措}', '## 存在问题的整改', '# 工作推进情况', '# 存在的不足及原因 {#不足}',
        '# 党政主要负责人履行推进法治建设第一责任人职责情况 {#第一责任人}', '# 下一步工作打算 {#安排}', '# 其他需要报告的情况 {#其他}', '# 体会',
      ]);
    });
  });

  describe('header', () => {
    it('joins a title split over two lines and takes @类型, @机关 (township name) and @年度 from it', () => {
      const r = imported(['重庆市沙坪坝区回龙坝镇人民政府', '2021年法治政府建设情况报告', '', '2021年，回龙坝镇坚持依法行政。']);
      assert.deepEqual(r.header, { title: '重庆市沙坪坝区回龙坝镇人民政府2021年法治政府建设情况报告', kind: '法治政府建设年度报告', org: '回龙坝镇人民政府', year: 2021, date: undefined, to: undefined });
      assert.ok(r.notes.some((n) => n.what.startsWith('标题分 2 行')));
    });

    it('reads "关于2021年" and an addressee line', () => {
      const r = imported(['大歇镇人民政府关于2021年法治政府建设情况的报告', '县委、县政府：', '今年以来，我镇依法行政。']);
      assert.equal(r.header.year, 2021);
      assert.equal(r.header.org, '大歇镇人民政府');
      assert.equal(r.header.to, '县委、县政府');
      assert.match(r.text, /^@主送 县委、县政府$/m);
    });

    it('the hand-spaced signature and date become @机关 and @日期; the signature wins over the title', () => {
      const r = imported(['某县桂圩镇人民政府2020年度法治政府建设情况报告', '正文。', '', '   ', '                              桂圩镇人民政府', '        2021年1月13日', '2', '']);
      assert.equal(r.header.org, '桂圩镇人民政府');
      assert.equal(r.header.date, '2021-01-13');
      assert.deepEqual(body(r.text), ['正文。']);
      assert.deepEqual(r.notes.filter((n) => /落款|成文日期|页码/.test(n.what)).map((n) => n.line), [5, 6, 7]);
    });

    it('dates in Chinese numerals', () => {
      assert.deepEqual(parseSignatureDate('二〇二一年一月十三日'), { year: 2021, month: 1, day: 13 });
      assert.deepEqual(parseSignatureDate('2020 年 12 月 31 日'), { year: 2020, month: 12, day: 31 });
      assert.equal(parseSignatureDate('2021年2月30日'), undefined);
    });

    it('--org and --year win; without a title they are guessed from the first sentence, and said so', () => {
      const text = ['2020年，北屏乡法治政府建设工作稳步推进。', '一、主要做法和成效', '正文。'];
      const guessed = imported(text);
      assert.equal(guessed.header.org, '北屏乡人民政府');
      assert.equal(guessed.header.year, 2020);
      assert.equal(guessed.header.kind, '法治政府建设年度报告');
      assert.ok(guessed.notes.some((n) => n.why.includes('请核对')));
      const hinted = imported(text, { org: '北屏乡人民政府', year: 2019 });
      assert.match(hinted.text, /^@年度 2019$/m);
    });
  });

  describe('debris', () => {
    it('removes [bookmark: …] anywhere, page numbers, blank and space-only lines — each noted', () => {
      const r = imported(['一、甲', '[bookmark: _GoBack]正文一。', '', '   ', '— 2 —', '第3页 共5页', '[bookmark: _GoBack]', '正文二。', '', '3']);
      assert.deepEqual(body(r.text), ['# 甲', '正文一。', '正文二。']);
      const whats = r.notes.map((n) => `${n.line}:${n.what}`);
      for (const expected of ['2:Word 书签残留“[bookmark: _GoBack]”', '5:页码“— 2 —”', '6:页码“第3页 共5页”', '7:Word 书签残留“[bookmark: _GoBack]”', '10:页码“3”']) assert.ok(whats.includes(expected), `${expected} in ${whats.join(' | ')}`);
      assert.ok(r.notes.some((n) => n.what.startsWith('只有空格的行 1 行（第4行）')));
    });

    it('keeps text verbatim, defects included: half-width punctuation, wrong brackets, stale years', () => {
      const lines = ['今年以来,我镇严格按照《纲要（2015-2020年》要求:2019年工作(见附件)。'];
      assert.deepEqual(body(imported(lines).text), lines);
    });

    it('escapes what the language would read as markup, so it prints as typed', () => {
      const lines = ['#1号文件已印发。', '@全体干部参加。', '- 一项', '* 星号', '//注释', '用{花括号}和\\反斜杠。', '｛全角｝'];
      const r = imported(lines);
      assert.deepEqual(parse(r.text).diagnostics, []);
      const out = printed(r.text);
      for (const line of lines) assert.ok(out.includes(line), line);
      // "1. " at a line start is a typed heading number for the importer; in other prose it is escaped.
      assert.equal(escapeLine('1. 第一'), '\\1. 第一');
    });
  });

  describe('--year-field', () => {
    it('writes the report’s year as {年度} and the next as {下年度}, not inside 《》 or in ranges', () => {
      const r = imported(['桂圩镇人民政府2020年度法治政府建设情况报告', '2020年，我镇贯彻《2020年工作要点》和《纲要（2016-2020年）》，2016年-2020年持续推进。', '2021年，我镇将继续。'], { yearField: true });
      assert.deepEqual(body(r.text), ['{年度}年，我镇贯彻《2020年工作要点》和《纲要（2016-2020年）》，2016年-2020年持续推进。', '{下年度}年，我镇将继续。']);
      assert.match(r.text, /^@标题 桂圩镇人民政府2020年度法治政府建设情况报告$/m);
      assert.match(printed(r.text), /2020年，我镇贯彻/);
      assert.equal(imported(['2020年，我镇。'], { year: 2020 }).text.includes('{年度}'), false, 'off by default');
    });
  });

  describe('input', () => {
    it('reads a .docx and imports it', async () => {
      const paragraphs = ['桂圩镇人民政府', '2020年度法治政府建设情况报告', '2020年，我镇依法行政。', '一、主要做法和成效', '（一）全面部署法治建设。镇党委高度重视。', '二、存在问题', '人员不足。', '桂圩镇人民政府', '2021年1月13日'];
      const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
      const text = await readWord(await Packer.toBuffer(doc));
      const r = importReport(text);
      assert.equal(r.header.title, '桂圩镇人民政府2020年度法治政府建设情况报告');
      assert.equal(r.header.org, '桂圩镇人民政府');
      assert.equal(r.header.date, '2021-01-13');
      assert.deepEqual(body(r.text), ['2020年，我镇依法行政。', '# 主要做法和成效 {#举措}', '## 全面部署法治建设', '镇党委高度重视。', '# 存在问题 {#不足}', '人员不足。']);
      assert.deepEqual(parse(r.text).diagnostics, []);
    });

    it('reads a .docx as Word prints it with every tracked change accepted: no deleted, moved-away or hidden text', async () => {
      const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
      const run = (text: string, properties = '') => `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
      const paragraphs = [
        // A reviewer's edits not yet accepted: 150 deleted, 162 inserted.
        `<w:p>${run('全年调处纠纷')}<w:del w:id="1" w:author="县司法局"><w:r><w:delText>150</w:delText></w:r></w:del><w:ins w:id="2" w:author="县司法局">${run('162')}</w:ins>${run('起。')}</w:p>`,
        // A sentence moved to the next paragraph: read once, at its new place.
        `<w:p>${run('普法宣传。')}<w:moveFromRangeStart w:id="3" w:name="move1"/><w:moveFrom w:id="4">${run('开展活动12场。')}</w:moveFrom><w:moveFromRangeEnd w:id="3"/></w:p>`,
        `<w:p><w:moveToRangeStart w:id="5" w:name="move1"/><w:moveTo w:id="6">${run('开展活动12场。')}</w:moveTo><w:moveToRangeEnd w:id="5"/>${run('成效明显。')}</w:p>`,
        // Hidden text is neither shown nor printed; w:val="0" is shown.
        `<w:p>${run('依法决策')}${run('（内部备注：数据待核）', '<w:vanish/>')}${run('，', '<w:b/><w:vanish w:val="true"/>')}${run('有序推进。', '<w:vanish w:val="0"/>')}</w:p>`,
      ];
      const zip = new JSZip();
      zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${paragraphs.join('')}</w:body></w:document>`);
      const text = await readWord(await zip.generateAsync({ type: 'uint8array' }));
      assert.deepEqual(text.split('\n'), ['全年调处纠纷162起。', '普法宣传。', '开展活动12场。成效明显。', '依法决策有序推进。']);
    });

    it('decodes UTF-8, UTF-16 with a BOM and GBK text files', () => {
      const text = '一、主要做法和成效';
      assert.equal(decodeText(new TextEncoder().encode(text)).text, text);
      assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text, text);
      const gbk = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd6, 0xf7]); // 一、主 in GBK
      assert.deepEqual(decodeText(gbk), { text: '一、主', how: 'GB18030（GBK）' });
    });
  });
});
