import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Diagnostic } from '../../../grammar/diagnostic';
import { citationRegistry, citationsChecks, matchTitle } from '../../../server/language/checks/citations';
import { unmarkedTitlesChecks } from '../../../server/language/checks/unmarkedTitles';
import { DEFAULT_CHECK_SETTINGS } from '../../../server/language/checks/contract';
import { checkReport } from '../../../server/language/checks/index';
import { LanguageService } from '../../../server/language/service';
import { MemoryWorkspace } from '../../../server/language/workspace';
import { applyEdits } from '../../../server/language/fixes';
import { cpuTimed } from '../../helpers';

const header = (year: number) => `@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 ${year}\n\n`;

function check(text: string, settings = DEFAULT_CHECK_SETTINGS): Diagnostic[] {
  const service = new LanguageService(new MemoryWorkspace({ '/r/a.bg': text }));
  const model = service.analyze('/r/a.bg', text);
  return [...citationsChecks, ...unmarkedTitlesChecks].flatMap((c) => c.run(model, settings));
}

function expectOne(text: string, code: string, covered: string, fixed?: string): Diagnostic {
  const found = check(text).filter((d) => d.code === code);
  assert.equal(found.length, 1, `${code}: ${JSON.stringify(found.map((d) => d.message))}`);
  const d = found[0]!;
  assert.equal(text.slice(d.start, d.end), covered);
  if (fixed !== undefined) assert.equal(applyEdits(text, d.fixes![0]!.edits), fixed);
  return d;
}

describe('checks/citations', () => {
  it('BG738: a central body named before a registered title that did not issue it (浙江省交通运输厅 2024), not one of its issuers', () => {
    const text = `${header(2024)}严格落实中央依法治国办《法治政府建设与责任落实督察工作规定》，按要求报送年度法治政府建设工作情况。\n`;
    const d = expectOne(text, 'BG738', '中央依法治国办', text.replace('中央依法治国办', '中共中央办公厅、国务院办公厅'));
    assert.equal(d.message, '《法治政府建设与责任落实督察工作规定》是中共中央办公厅、国务院办公厅印发的，不是中央依法治国办：请改正发文机关。');
    assert.equal(d.fixes![0]!.safe, false);
    expectOne(`${header(2024)}认真贯彻司法部印发的《党政主要负责人履行推进法治建设第一责任人职责规定》。\n`, 'BG738', '司法部');
    expectOne(`${header(2024)}落实国务院《法治政府建设与责任落实督察工作规定》。\n`, 'BG738', '国务院');
    // Near misses: the issuers themselves, one of them, their short forms, a body further away, a title not registered.
    const near = [
      '根据中共中央办公厅、国务院办公厅印发的《法治政府建设与责任落实督察工作规定》，',
      '落实中办、国办《党政主要负责人履行推进法治建设第一责任人职责规定》，国务院《法治政府建设实施纲要（2021—2025年）》，',
      '党中央《法治中国建设规划（2020—2025年）》，全国人大常委会《中华人民共和国行政复议法》，',
      '中央依法治国办部署开展督察，严格落实《法治政府建设与责任落实督察工作规定》，中央依法治国办《关于开展法治督察的通知》。',
    ].join('');
    assert.deepEqual(check(`${header(2024)}${near}\n`).filter((x) => x.code === 'BG738').map((x) => x.message), []);
  });

  it('the registry has the two 纲要 and merges extra titles from settings', () => {
    const titles = citationRegistry(DEFAULT_CHECK_SETTINGS).map((e) => e.title);
    assert.ok(titles.includes('法治政府建设实施纲要（2015—2020年）'));
    assert.ok(titles.includes('法治政府建设实施纲要（2021—2025年）'));
    const extra = citationRegistry({ ...DEFAULT_CHECK_SETTINGS, extraCitations: [{ title: '广东省法治政府建设实施纲要（2021—2025年）', validFrom: 2021 }] });
    assert.ok(extra.some((e) => e.title === '广东省法治政府建设实施纲要（2021—2025年）'));
  });

  describe('BG501 title close to a registry title', () => {
    it('suggests the official title for a hyphen / missing bracket, in one diagnostic', () => {
      const text = header(2021) + '认真研读《法治政府建设实施纲要（2021-2025年》主要内容。\n';
      const d = expectOne(text, 'BG501', '法治政府建设实施纲要（2021-2025年', header(2021) + '认真研读《法治政府建设实施纲要（2021—2025年）》主要内容。\n');
      assert.equal(d.fixes![0]!.safe, false);
      // The hyphen is BG603's (with its safe fix); BG501 says what no other check does: the bracket left out.
      assert.doesNotMatch(d.message, /一字线/);
      assert.match(d.message, /括号/);
      // A hyphen BG603 does not find (the second year shortened) is said here.
      assert.match(expectOne(header(2021) + '认真研读《法治政府建设实施纲要（2021-25年》。\n', 'BG501', '法治政府建设实施纲要（2021-25年').message, /相近/);
    });
    it('leaves a title whose only slips are a half-width bracket or a hyphen in its years to BG601 and BG603 (one slip, one finding)', () => {
      for (const cited of ['法治政府建设实施纲要(2021-2025年)', '法治政府建设实施纲要(2021 - 2025年)', '法治政府建设实施纲要(2021—2025年)', '法治政府建设实施纲要（2021-2025年）', '法治中国建设规划(2020-2025年)']) {
        const text = header(2022) + `认真贯彻落实《${cited}》要求。\n`;
        assert.deepEqual(check(text).filter((d) => d.code === 'BG501'), [], cited);
        const all = checkReport(new LanguageService(new MemoryWorkspace({ '/r/a.bg': text })).analyze('/r/a.bg', text));
        const slips = all.filter((d) => d.code === 'BG601' || d.code === 'BG603').map((d) => text.slice(d.start, d.end).trim());
        assert.deepEqual(slips, [...cited.matchAll(/[()]|\s*-\s*/g)].map((m) => m[0].trim()), cited);
      }
      // Another slip beside them is still BG501's: a character wrong, the brackets left out.
      expectOne(header(2022) + '落实《法治政府建设实施纲领(2021-2025年)》。\n', 'BG501', '法治政府建设实施纲领(2021-2025年)');
      expectOne(header(2022) + '落实《法治政府建设实施纲要2021-2025年》。\n', 'BG501', '法治政府建设实施纲要2021-2025年');
    });
    it('leaves a title whose only slip is 法制政府 (or another standard term) to BG505/BG715 at its place (one slip, one finding)', () => {
      // As real reports cite the 纲要 with 法制 (闵行区 2018 cited 《法制政府建设实施纲要》): BG505 alone, with its safe fix.
      for (const cited of ['法制政府建设实施纲要（2021—2025年）', '法制政府建设实施纲要(2015-2020年)', '法制政府建设实施纲要（2021-2025年）']) {
        const text = header(2021) + `我县认真贯彻落实《${cited}》，推进法制政府建设。\n`;
        const all = checkReport(new LanguageService(new MemoryWorkspace({ '/r/a.bg': text })).analyze('/r/a.bg', text));
        assert.deepEqual(all.filter((d) => d.code === 'BG501').map((d) => d.message), [], cited);
        assert.deepEqual(all.filter((d) => d.code === 'BG505').map((d) => text.slice(d.start, d.end)), ['法制政府', '法制政府'], cited);
      }
      // Another slip beside 法制 is still BG501's (the 纲领, the 年 left out): two slips, two findings.
      for (const [cited, covered] of [['法制政府建设实施纲领（2021—2025年）', '法制政府建设实施纲领（2021—2025年）'], ['法制政府建设实施纲要（2021—2025）', '法制政府建设实施纲要（2021—2025）']]) {
        const text = header(2022) + `落实《${cited}》。\n`;
        assert.match(expectOne(text, 'BG501', covered).message, /正式名称是《法治政府建设实施纲要（2021—2025年）》/);
      }
    });
    it('suggests the official title for a dated title with characters left out (《法治政府实施纲(2021-2025)》), not for a short name', () => {
      const text = header(2024) + '按照《法治政府实施纲(2021-2025)》等文件精神。\n';
      assert.match(expectOne(text, 'BG501', '法治政府实施纲(2021-2025)').message, /法治政府建设实施纲要（2021—2025年）/);
      for (const cited of ['纲要', '实施纲要', '法治政府建设实施纲要', '法治政府建设纲要']) {
        assert.deepEqual(check(header(2024) + `按照《${cited}》要求。\n`).filter((d) => d.code === 'BG501'), [], cited);
      }
    });
    it('reads a title nested in 《》 between half-width <…> as one in 〈〉: 《…贯彻落实<法治政府实施纲要(2021-2025)>实施方案》 (环翠区卫健局 2025)', () => {
      const text = header(2025) + '紧紧围绕《威海市环翠区贯彻落实<法治政府实施纲要(2021-2025)>实施方案》有关要求。\n';
      assert.match(expectOne(text, 'BG501', '法治政府实施纲要(2021-2025)').message, /正式名称是《法治政府建设实施纲要（2021—2025年）》/);
      // Near misses: the nested title right, in either marks; a 〈 alone in a title; a less-than sign outside any title.
      for (const body of ['《威海市环翠区贯彻落实<法治政府建设实施纲要(2021-2025年)>实施方案》', '《关于印发〈法治政府建设实施纲要（2021—2025年）〉的通知》', '《PM2.5<35微克的监测规范》', '空气质量优良率>90%<95%']) {
        assert.deepEqual(check(header(2025) + `落实${body}。\n`).filter((d) => d.code === 'BG501'), [], body);
      }
    });
    it('reads a title copied from a 繁体 page in simplified script: 《法治政府建設實施綱要(2015-2020年)》 is the 纲要, its script BG234’s (罗甸 2020, 内蒙古 2021)', () => {
      for (const cited of ['法治政府建設實施綱要(2015-2020年)', '法治政府建設實施綱要（2015—2020年）']) {
        assert.deepEqual(check(header(2020) + `全面落實《${cited}》。\n`).filter((d) => d.code === 'BG501'), [], cited);
      }
      // So are the characters of laws' titles (丹东街道 2021, round 31): 《中華人民共和國民法典》 is the 民法典.
      for (const cited of ['中華人民共和國民法典', '中華人民共和國憲法', '中華人民共和國行政處罰法']) {
        assert.deepEqual(check(header(2021) + `組織開展《${cited}》學習。\n`).filter((d) => d.code === 'BG501'), [], cited);
      }
      // A slip besides the script is still one.
      expectOne(header(2020) + '全面落實《法治政府建設實施綱領(2015—2020年)》。\n', 'BG501', '法治政府建設實施綱領(2015—2020年)');
      expectOne(header(2021) + '組織開展《中華人民共和國民法點》學習。\n', 'BG501', '中華人民共和國民法點');
      // The 繁体 title of a superseded plan is still superseded.
      assert.equal(check(header(2022) + '全面落實《法治政府建設實施綱要（2015—2020年）》。\n').filter((d) => d.code === 'BG502').length, 1);
    });
    it('suggests the official title for a one-character slip', () => {
      const text = header(2021) + '严格执行《重大行政决策程序暂行条列》。\n';
      expectOne(text, 'BG501', '重大行政决策程序暂行条列', header(2021) + '严格执行《重大行政决策程序暂行条例》。\n');
    });
    it('does not flag exact titles, aliases, defined short titles, local documents or distant titles', () => {
      const text = header(2021) +
        '落实《法治政府建设实施纲要（2021—2025年）》（以下简称《纲要》），学习《纲要》《宪法》《民法典》《行政处罚法》。\n' +
        '根据《北屏乡行政规范性文件管理办法》《2021年沙坪坝区法治政府建设工作要点》《广东省法治政府建设实施纲要（2021—2025年）》《行政复议法实施条例》《中华人民共和国行政诉讼法》开展工作。\n';
      assert.deepEqual(check(text).map((d) => `${d.code} ${d.message}`), []);
    });
    it('does not flag a local plan named like the national one with its place where 中国 stands', () => {
      const text = header(2021) + '印发《法治长治建设规划(2021—2025年)》《法治嘉善建设规划（2021—2025年）》《法治赵县建设规划》。\n';
      assert.deepEqual(check(text).filter((d) => d.code === 'BG501'), []);
      // A slip in the national title itself is still one.
      expectOne(header(2021) + '落实《法治中国建设规化（2020—2025年）》。\n', 'BG501', '法治中国建设规化（2020—2025年）');
    });
    it('matchTitle separates exact, defect and near matches', () => {
      const registry = citationRegistry(DEFAULT_CHECK_SETTINGS);
      assert.equal(matchTitle('信访工作条例', registry)?.kind, 'exact');
      assert.equal(matchTitle('法治政府建设实施纲要(2015-2020年)', registry)?.kind, 'defect');
      assert.equal(matchTitle('法治政府建设实施纲要（2015—2020）', registry)?.kind, 'defect');
      assert.equal(matchTitle('城口县法治政府工作要点的通知', registry), undefined);
    });
    it('a document of another kind named like a registered one is not a misspelling: 实施方案 beside the 实施纲要', () => {
      const text = header(2019) + '按照中共中央、国务院《法治政府建设实施纲要（2015—2020年）》和省、市《法治政府建设实施方案（2016—2020年）》要求。\n';
      assert.deepEqual(check(text).filter((d) => d.code === 'BG501'), []);
      // A slip in the kind word itself, or elsewhere in the name, is still one.
      expectOne(header(2019) + '落实《法治政府建设实施纲领（2015—2020年）》。\n', 'BG501', '法治政府建设实施纲领（2015—2020年）');
      expectOne(header(2019) + '落实《法治政府建设实是纲要（2015—2020年）》。\n', 'BG501', '法治政府建设实是纲要（2015—2020年）');
    });
  });

  describe('BG508 a law named by no law’s name', () => {
    it('reports a branch of law and a law’s name shortened to another', () => {
      const text = header(2024) + '重点学习《中华人民共和国民法典》《济南市优化营商环境条例》《行政法》等相关内容，学习《宪法》《民法典》《行政复议法》《土地法》《环保法》。\n';
      const found = check(text).filter((d) => d.code === 'BG508');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['行政法', '土地法', '环保法']);
      assert.match(found[0]!.message, /法律部门的统称/);
      assert.match(found[1]!.message, /《中华人民共和国土地管理法》/);
      expectOne(header(2023) + '组织学习《中华人民共和国民法》。\n', 'BG508', '中华人民共和国民法');
      // A word of the name dropped (round 29: a 卓尼县 局 2024 《中华人民共和国预防未成年犯罪法》).
      const minors = expectOne(header(2024) + '把《未成年人保护法》《中华人民共和国预防未成年犯罪法》纳入学习范围。\n', 'BG508', '中华人民共和国预防未成年犯罪法');
      assert.match(minors.message, /预防未成年人犯罪法/);
      expectOne(header(2024) + '宣传《未成年保护法》《道路交通安全法》。\n', 'BG508', '未成年保护法');
      expectOne(header(2024) + '宣传《道路交通法》。\n', 'BG508', '道路交通法');
    });
    it('reports the laws the 民法典 replaced from 2021 on, not before', () => {
      const d = expectOne(header(2023) + '开展《合同法》《民法典》宣传。\n', 'BG508', '合同法');
      assert.match(d.message, /2021年1月1日/);
      assert.match(d.message, /2023年度/);
      assert.deepEqual(check(header(2020) + '开展《合同法》《婚姻法》宣传。\n').filter((x) => x.code === 'BG508'), []);
    });
    it('reports a concept set in 《》 as if it were a law (round 30: 少云镇 2024 “《国家安全观》等法律法规”)', () => {
      const d = expectOne(header(2024) + '学习《中华人民共和国宪法》《民法典》《国家安全观》等法律法规。\n', 'BG508', '国家安全观');
      assert.match(d.message, /不是法律或文件的名称/);
      assert.match(d.message, /《中华人民共和国国家安全法》/);
      expectOne(header(2024) + '学习《总体国家安全观》。\n', 'BG508', '总体国家安全观');
      // The law, the book and the concept unmarked are left.
      assert.deepEqual(check(header(2024) + '学习《中华人民共和国国家安全法》《总体国家安全观学习纲要》，践行总体国家安全观。\n').filter((x) => x.code === 'BG508'), []);
    });
    it('leaves the real laws and their short names alone', () => {
      const text = header(2024) + '学习《行政复议法》《行政诉讼法》《行政许可法》《土地管理法》《中华人民共和国土地管理法》《环境保护法》《民法典》《行政法规制定程序条例》。\n';
      assert.deepEqual(check(text).filter((d) => d.code === 'BG508'), []);
    });
  });

  describe('BG502/BG503 validity for the report year', () => {
    it('reports the 2015—2020 纲要 in a 2021 report and offers the 2021—2025 one', () => {
      const text = header(2021) + '全面落实《法治政府建设实施纲要（2015—2020年）》要求。\n';
      const d = expectOne(text, 'BG502', '法治政府建设实施纲要（2015—2020年）', header(2021) + '全面落实《法治政府建设实施纲要（2021—2025年）》要求。\n');
      assert.equal(d.severity, 'warning');
    });
    it('accepts the 2015—2020 纲要 in a 2020 report', () => {
      assert.deepEqual(check(header(2020) + '全面落实《法治政府建设实施纲要（2015—2020年）》要求。\n'), []);
    });
    it('reports the 2004 纲要 after 2015, told of its successor and offered the one current in the report’s year (round 30: 绿塘乡 2022)', () => {
      const text = header(2022) + '全面贯彻落实国务院《全面推进依法行政实施纲要》，积极推进法治政府建设。\n';
      const d = expectOne(text, 'BG502', '全面推进依法行政实施纲要', header(2022) + '全面贯彻落实国务院《法治政府建设实施纲要（2021—2025年）》，积极推进法治政府建设。\n');
      assert.match(d.message, /自2016年起已由《法治政府建设实施纲要（2015—2020年）》接替/);
      assert.doesNotMatch(d.message, /规划期/);
      const earlier = expectOne(header(2017) + '落实《全面推进依法行政实施纲要》。\n', 'BG502', '全面推进依法行政实施纲要');
      assert.match(earlier.message, /2017年应以《法治政府建设实施纲要（2015—2020年）》为准/);
      // Before its successor it was the current one.
      assert.deepEqual(check(header(2015) + '落实《全面推进依法行政实施纲要》。\n').filter((x) => x.code === 'BG502'), []);
    });
    it('checks 〈〉 titles inside a citation', () => {
      const text = header(2022) + '贯彻《中共中央、国务院关于印发〈法治政府建设实施纲要（2015—2020年）〉的通知》。\n';
      expectOne(text, 'BG502', '法治政府建设实施纲要（2015—2020年）');
    });
    it('reports 《信访工作条例》 in a report on a year before 2022', () => {
      expectOne(header(2020) + '严格执行《信访工作条例》。\n', 'BG503', '信访工作条例');
      assert.deepEqual(check(header(2022) + '严格执行《信访工作条例》。\n'), []);
    });
  });

  describe('BG504 七五普法', () => {
    it('reports 七五 in a 2021+ report, in prose and quotes', () => {
      expectOne(header(2021) + '结合“七五普法”的要求开展宣传。\n', 'BG504', '七五', header(2021) + '结合“八五普法”的要求开展宣传。\n');
      expectOne(header(2022) + '继续加大对“七五”普法工作的贯彻。\n', 'BG504', '七五');
    });
    it('accepts 七五 in a 2020 report and 八五 in 2021', () => {
      assert.deepEqual(check(header(2020) + '结合“七五普法”的要求。\n'), []);
      assert.deepEqual(check(header(2021) + '“八五”普法规划的开局之年。\n'), []);
    });
  });

  describe('BG507 a registered document named without 《》', () => {
    it('laws listed by their short names before 等法律法规 are cited: reported once over the list, with 《》 offered for each', () => {
      const text = header(2024) + '围绕培训行政许可法、行政处罚法、行政复议法等法律法规组织开展专题培训，认真学习宪法、民法典等法律法规。\n';
      const found = check(text).filter((d) => d.code === 'BG507');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['行政许可法、行政处罚法、行政复议法', '宪法、民法典']);
      assert.match(found[0]!.message, /法律名称“行政许可法”“行政处罚法”“行政复议法”没有加书名号：列举引用的法律应写作《行政许可法》《行政处罚法》《行政复议法》/);
      assert.equal(applyEdits(text, found[1]!.fixes![0]!.edits), text.replace('宪法、民法典等', '《宪法》《民法典》等'));
      assert.equal(found[0]!.fixes![0]!.safe, false);
      // A word of the law's name is kept (反有组织犯罪法), and a registered one in the list is reported once, as itself.
      expectOne(header(2024) + '组织学习反有组织犯罪法、安全生产法等相关法律。\n', 'BG507', '反有组织犯罪法、安全生产法');
      expectOne(header(2024) + '学习信访工作条例、行政复议法等法律法规。\n', 'BG507', '信访工作条例');
      // One short name listed after laws in 《》 is cited as they are.
      expectOne(header(2024) + '向群众普及《中华人民共和国宪法》《中华人民共和国民法典》、劳动法等法律法规知识。\n', 'BG507', '劳动法');
    });
    it('leaves short names as topics, a single law, titles in 《》 and words that only end in 法', () => {
      const text = header(2024) + '开展民法典、信访工作条例等主题宣传，宣传好宪法、民法典、反电信网络诈骗等法治宣传教育，学习行政处罚法等法律法规，学习《宪法》《民法典》等法律法规，学习《宪法》和劳动法等法律法规，严格执法、公正司法等法律实践，推行办法、做法等法规要求。\n';
      assert.deepEqual(check(text).filter((d) => d.code === 'BG507' && !/信访工作条例/.test(d.message)).map((d) => text.slice(d.start, d.end)), []);
    });
    it('reports a newspaper named without 《》 (人民日报、光明日报, a province’s 法治报), with a safe fix', () => {
      const text = header(2023) + '县域法治建设工作经验在人民日报、光明日报、法治日报等中央媒体刊发。\n';
      const found = check(text).filter((d) => d.code === 'BG507');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['人民日报', '光明日报', '法治日报']);
      assert.match(found[0]!.message, /报纸名称“人民日报”没有加书名号/);
      assert.equal(found[0]!.fixes![0]!.safe, true);
      assert.equal(applyEdits(text, found[0]!.fixes![0]!.edits), text.replace('人民日报', '《人民日报》'));
      expectOne(header(2024) + '利用学习强国、湖南法治报、湖南如法网等学习平台。\n', 'BG507', '湖南法治报');
    });
    it('leaves newspapers in 《》, the paper’s office (人民日报社), a daily report (工作日报, 每日报送) and 学习强国 alone', () => {
      const text = header(2023) + '经验在《人民日报》《湖南日报》刊发，人民日报社记者来镇采访，人民日报出版社出版，坚持工作日报制度，每日报送数据，利用学习强国学习。\n';
      assert.deepEqual(check(text).filter((d) => d.code === 'BG507').map((d) => text.slice(d.start, d.end)), []);
    });
    it('stays linear on a hostile line (20,000 lists, or 20,000 laws before one 等法律法规)', () => {
      for (const line of ['学习行政处罚法、行政复议法等法律法规，'.repeat(20_000), `学习${'行政处罚法、'.repeat(20_000)}行政复议法等法律法规。`]) {
        const { ms, result: found } = cpuTimed(() => check(`${header(2024)}${line}\n`).filter((d) => d.code === 'BG507'));
        assert.ok(found.length >= 1);
        assert.ok(ms < 2_000, `${ms} ms`);
      }
    });
    it('stays linear on a line of many registered names, and of names inside 〈〉 (was: each name read the line from its start, and every name reported before it)', () => {
      for (const line of ['严格落实政府信息公开条例；'.repeat(16_000), `《关于贯彻${'〈政府信息公开条例〉、'.repeat(16_000)}的意见》政府信息公开条例`]) {
        const { ms, result: found } = cpuTimed(() => check(`${header(2024)}${line}\n`).filter((d) => d.code === 'BG507'));
        assert.ok(found.length >= 1);
        assert.ok(ms < 2_000, `${ms} ms`);
      }
    });
    it('a name inside 〈〉 or < > is an inner title, reported outside them; an overlapping shorter name is not reported twice', () => {
      const codes = (text: string) => check(`${header(2024)}${text}\n`).filter((d) => d.code === 'BG507').map((d) => d.message.match(/“([^”]+)”/)![1]);
      assert.deepEqual(codes('学习〈政府信息公开条例〉和<政府信息公开条例>，落实政府信息公开条例。'), ['政府信息公开条例']);
    });
    it('a book of the leader’s discourse (习近平关于……论述摘编) named without 《》; not in 《》, not other 摘编', () => {
      const text = header(2024) + '研究修订《习近平法治思想学习纲要》，编辑习近平关于涉外法治工作论述摘编，组织编写培训教材。\n';
      expectOne(text, 'BG507', '习近平关于涉外法治工作论述摘编');
      const fine = header(2024) + '学习《习近平关于全面依法治国论述摘编》，编印法治宣传资料摘编，汇编习近平总书记重要论述。\n';
      assert.deepEqual(check(fine).filter((d) => d.code === 'BG507'), []);
    });
    it('a plan named with its years in brackets (吉林市法治政府建设实施方案(2021--2025年)), registered or not, without 《》 — round 19', () => {
      const text = header(2022) + '扎实推进吉林市法治政府建设实施方案(2021--2025年),依法全面正确履行政府职能。\n';
      const d = expectOne(text, 'BG507', '吉林市法治政府建设实施方案(2021--2025年)');
      assert.match(d.message, /是文件名称（名称后括注了起止年份），没有加书名号/);
      assert.equal(d.fixes![0]!.safe, false);
      assert.equal(applyEdits(text, d.fixes![0]!.edits), text.replace('吉林市法治政府建设实施方案(2021--2025年)', '《吉林市法治政府建设实施方案(2021--2025年)》'));
      expectOne(header(2022) + '认真落实某某县法治社会建设规划（2021—2025年）的要求。\n', 'BG507', '某某县法治社会建设规划（2021—2025年）');
      // A registered outline is reported once, by its registered name.
      const outline = header(2023) + '落实法治政府建设实施纲要(2021-2025年)。\n';
      assert.deepEqual(check(outline).filter((d) => d.code === 'BG507').map((d) => outline.slice(d.start, d.end)), ['法治政府建设实施纲要']);
    });
    it('leaves the plans of several governments named together by their levels (省市区……实施方案(2021-2025)) — round 26, 古竹乡 2025', () => {
      const text = header(2025) + '全面落实《法治政府建设实施纲要(2021-2025年)》和省市区法治政府建设实施方案(2021-2025)等相关文件要求，对照市县法治社会建设规划（2021—2025年）推进。\n';
      assert.deepEqual(check(text).filter((d) => d.code === 'BG507').map((d) => text.slice(d.start, d.end)), []);
      // Near miss: one government's plan, its level with its name, is a title still.
      expectOne(header(2025) + '全面落实某某市法治政府建设实施方案(2021-2025年)。\n', 'BG507', '某某市法治政府建设实施方案(2021-2025年)');
    });
    it('stays linear on a line of 20,000 plans named with their years', () => {
      for (const line of ['落实某某县法治政府建设实施方案(2021-2025年)，'.repeat(20_000), `${'方案(2021-2025年)'.repeat(20_000)}`]) {
        const { ms } = cpuTimed(() => check(`${header(2024)}${line}\n`).filter((d) => d.code === 'BG507'));
        assert.ok(ms < 2_000, `${ms} ms`);
      }
    });
    it('leaves a plan in 《》 or 〈〉, one whose 《 alone is missing (BG602’s), a short name after quotes (“十四五”规划) and a bracket without years', () => {
      const text = header(2022) + '制定《某某市法治政府建设实施方案(2021—2025年)》，落实《关于落实〈某某县法治政府建设规划（2021—2025年）〉的方案》，推动落实某某县法治政府建设实施方案(2021-2025年)》要求，编制“十四五”规划(2021-2025年)，完善法治宣传方案（试行）。\n';
      assert.deepEqual(check(text).filter((d) => d.code === 'BG507').map((d) => text.slice(d.start, d.end)), []);
    });
    it('regulations, rules, outlines and laws’ full names, an alias pointing to the full title', () => {
      const text = header(2023) + '严格落实政府信息公开条例，认真落实党政主要负责人履行推进法治建设第一责任人职责规定，落实法治政府建设实施纲要(2021-2025年)，宣传中华人民共和国宪法。\n';
      const found = check(text).filter((d) => d.code === 'BG507');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['政府信息公开条例', '党政主要负责人履行推进法治建设第一责任人职责规定', '法治政府建设实施纲要', '中华人民共和国宪法']);
      assert.match(found[0]!.message, /《中华人民共和国政府信息公开条例》/);
    });
    it('leaves names in 《》, inside 〈〉 or < > of a title, and laws’ short names used as topics alone', () => {
      const text = header(2023) + '落实《中华人民共和国政府信息公开条例》《中共某县委贯彻落实〈法治政府建设实施纲要（2021—2025年）〉实施方案》《某县贯彻<法治政府建设实施纲要>方案》，开展宪法、民法典、行政复议法宣传。\n';
      assert.deepEqual(check(text).filter((d) => d.code === 'BG507'), []);
      // The 《 of the outer title lost: the inner title is still a title (the lost mark is BG602's).
      assert.deepEqual(check(header(2020) + '中共某市委办公室关于印发某市贯彻落实〈广东省法治政府建设实施纲要（2016-2020年）〉实施方案的通知》。\n').filter((d) => d.code === 'BG507'), []);
    });
  });

  describe('BG506 a requirement already out of date', () => {
    it('a “十三五” plan followed as this year’s requirement in a 2021+ report, in quotes or not', () => {
      expectOne(header(2023) + '根据上级部署和上海市普陀区法治政府建设“十三五规划的要求，依法履行职能。\n', 'BG506', '十三五');
      expectOne(header(2021) + '对照十三五普法规划，开展宣传。\n', 'BG506', '十三五');
    });
    it('the 19th Congress’s spirit alone in a 2023+ report', () => {
      expectOne(header(2023) + '认真贯彻落实党的十九大精神和习近平总书记的重要讲话精神。\n', 'BG506', '十九大');
      expectOne(header(2024) + '深入学习贯彻十九大和十九届五中全会精神。\n', 'BG506', '十九大');
    });
    it('fighting the COVID-19 epidemic as this year’s work in a 2023+ report; looking back is not', () => {
      expectOne(header(2023) + '将法治思维融入各项工作中，有效应对新冠肺炎疫情，积极推动复工复产。\n', 'BG506', '新冠肺炎疫情');
      assert.deepEqual(check(header(2023) + '三年来抗击新冠肺炎疫情的经验得到巩固。\n').filter((d) => d.code === 'BG506'), []);
      assert.deepEqual(check(header(2022) + '有效应对新冠肺炎疫情。\n').filter((d) => d.code === 'BG506'), []);
    });
    it('a body merged away in the 2018 reform, named as today’s in a 2020+ report', () => {
      const text = header(2022) + '参加了市政府法制办、信访局组织的培训，配合县工商局、县安监局开展检查。\n';
      const found = check(text).filter((d) => d.code === 'BG506');
      assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['法制办', '工商局', '安监局']);
      assert.match(found[0]!.message, /司法局/);
      assert.deepEqual(check(header(2022) + '原县工商局的职责已划入市场监督管理局。\n').filter((d) => d.code === 'BG506'), []);
      assert.deepEqual(check(header(2018) + '参加了市政府法制办组织的培训。\n').filter((d) => d.code === 'BG506'), []);
    });
    it('法制宣传 (教育, 活动) and 法制宣传日 as this year’s work in a 2020+ report (武进区商务局 2024, 前进镇 2023)', () => {
      const text = header(2024) + '重点宣传商务行政法规和政策，把法制宣传教育融入管理和服务全过程。\n';
      const d = expectOne(text, 'BG506', '法制宣传');
      assert.match(d.message, /法治宣传/);
      assert.equal(d.fixes?.[0]?.safe, false);
      assert.equal(d.fixes?.[0]?.edits[0]?.newText, '治');
      const day = expectOne(header(2023) + '利用“12.4”法制宣传日等节点开展宣传。\n', 'BG506', '法制宣传日');
      assert.match(day.message, /国家宪法日/);
      assert.equal(day.fixes, undefined);
    });
    it('leaves 法治宣传, 法制审核 and 法制机构 (still current), 原法制宣传日 and a report before 2020', () => {
      const text = header(2024) + '开展法治宣传教育，落实重大执法决定法制审核制度，加强法制机构建设；原法制宣传日改为国家宪法日。\n';
      assert.deepEqual(check(text).filter((d) => d.code === 'BG506'), []);
      assert.deepEqual(check(header(2019) + '把法制宣传教育融入管理全过程。\n').filter((d) => d.code === 'BG506'), []);
    });
    it('全面依法治国新理念新思想新战略 learnt or followed in a 2021+ report (round 30: 上杭县自然资源局 2024)', () => {
      const d = expectOne(header(2024) + '把习近平总书记全面依法治国新理念新思想新战略列入党组中心组学习内容。\n', 'BG506', '全面依法治国新理念新思想新战略');
      assert.match(d.message, /习近平法治思想/);
      expectOne(header(2025) + '深刻把握习近平总书记关于全面依法治国的新理念新思想新战略。\n', 'BG506', '全面依法治国的新理念新思想新战略');
      // How it came about looks back; a report of 2020 or before had it as the name.
      assert.deepEqual(check(header(2022) + '党的十八大以来，习近平总书记提出全面依法治国新理念新思想新战略。\n').filter((x) => x.code === 'BG506'), []);
      assert.deepEqual(check(header(2020) + '深入学习贯彻习近平总书记全面依法治国新理念新思想新战略。\n').filter((x) => x.code === 'BG506'), []);
    });
    it('looking back, the 20th named beside it, or an earlier year is not out of date', () => {
      assert.deepEqual(check(header(2021) + '按照“十三五”规划要求，圆满完成收官任务。\n').filter((d) => d.code === 'BG506'), []);
      assert.deepEqual(check(header(2023) + '深入学习贯彻党的十九大和十九届历次全会、党的二十大精神。\n').filter((d) => d.code === 'BG506'), []);
      assert.deepEqual(check(header(2022) + '深入学习贯彻党的十九大精神。\n').filter((d) => d.code === 'BG506'), []);
      assert.deepEqual(check(header(2020) + '按照“十三五”规划的要求推进。\n').filter((d) => d.code === 'BG506'), []);
    });
  });

  describe('samples', () => {
    const files: Record<string, string> = {};
    for (const n of readdirSync('samples')) if (n.endsWith('.bg')) files[`/s/${n}`] = readFileSync(`samples/${n}`, 'utf8');
    for (const n of readdirSync('samples/snippets')) files[`/s/snippets/${n}`] = readFileSync(`samples/snippets/${n}`, 'utf8');
    const run = (name: string) => {
      const service = new LanguageService(new MemoryWorkspace(files));
      const model = service.analyze(`/s/${name}`, files[`/s/${name}`]!);
      return [...citationsChecks, ...unmarkedTitlesChecks].flatMap((c) => c.run(model, DEFAULT_CHECK_SETTINGS));
    };
    it('2020 reports may cite 七五普法 and the 2015—2020 纲要', () => {
      for (const name of ['beiping-2020.bg', 'dongzhaogezhuang-2020.bg']) assert.deepEqual(run(name).filter((d) => d.code === 'BG502' || d.code === 'BG504'), []);
    });
    it('dongzhaogezhuang-2020 cites 《信访工作条例》 before it came into force', () => {
      assert.equal(run('dongzhaogezhuang-2020.bg').filter((d) => d.code === 'BG503').length, 1);
    });
    it('huilongba-2021 gets one BG501 for the unclosed 纲要 title', () => {
      const found = run('huilongba-2021.bg');
      assert.deepEqual(found.map((d) => d.code), ['BG501']);
      assert.equal(found[0]!.fixes![0]!.edits[0]!.newText, '法治政府建设实施纲要（2021—2025年）');
    });
    it('guiwei-2021 has nothing to report', () => {
      assert.deepEqual(run('guiwei-2021.bg').map((d) => d.message), []);
    });
  });
});
