import assert from 'node:assert/strict';
import { checkReport } from '../../../server/language/checks/index';
import { DEFAULT_CHECK_SETTINGS } from '../../../server/language/checks/contract';
import { countsChecks } from '../../../server/language/checks/counts';
import { structureChecks } from '../../../server/language/checks/structure';
import { applyFixes } from '../../../server/language/fixes';
import type { ReportModel } from '../../../server/language/model';
import { cpuTimed, model as inMemory, sampleModel } from '../../helpers.js';

const sample = sampleModel;
/** The structure checks and the checks on counts (counts.ts), as this file tests both. */
const checks = [...structureChecks, ...countsChecks];
/** A report in memory at /w/r.bg (snippets under /w/snippets). */
const model = (text: string, files: Record<string, string> = {}): ReportModel => inMemory(text, files, '/w/r.bg');
function codes(m: ReportModel, settings = DEFAULT_CHECK_SETTINGS): string[] {
  return checks.flatMap((c) => c.run(m, settings)).map((d) => d.code);
}
const HEAD = '@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2021\n@日期 2022-01-10\n\n';
const FULL = `${HEAD}# 主要举措和成效\n正文。\n\n# 存在的不足和原因\n正文。\n\n# 党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n\n# 下一年度工作重点\n正文。\n\n# 其他需要报告的情况\n我镇无其他需要报告的情况。\n`;

describe('checks/structure: required parts', () => {
  it('reports the missing 第一责任人 part on the samples that lack it, and not on the others', () => {
    for (const name of ['guiwei-2020', 'daxie-2021', 'beiping-2020']) {
      const found = checkReport(sample(name)).filter((d) => d.code === 'BG401');
      assert.equal(found.length, 1, name);
      assert.match(found[0]!.message, /第一责任人/);
    }
    for (const name of ['dongzhaogezhuang-2020', 'huilongba-2021', 'guiwei-2021']) {
      assert.ok(!checkReport(sample(name)).some((d) => d.code === 'BG401'), name);
    }
  });

  it('finds no structure problem at all in guiwei-2021', () => {
    const found = checkReport(sample('guiwei-2021')).filter((d) => /^BG(4|22|7)/.test(d.code));
    assert.deepEqual(found.map((d) => d.code), []);
  });

  it('raises no year, measure-word or township false alarms on the samples', () => {
    for (const name of ['guiwei-2020', 'daxie-2021', 'beiping-2020', 'dongzhaogezhuang-2020', 'huilongba-2021', 'guiwei-2021']) {
      const found = checkReport(sample(name)).filter((d) => ['BG404', 'BG405', 'BG406', 'BG407', 'BG221', 'BG222', 'BG705', 'BG704'].includes(d.code));
      assert.deepEqual(found.map((d) => `${d.code} ${d.message}`), [], name);
    }
  });

  it('recognises every part from real phrasings without labels', () => {
    assert.deepEqual(codes(model(FULL)), []);
    const alt = `${HEAD}# 依法全面履行政府职能情况\n正文。\n\n# 完善依法行政制度体系情况\n正文。\n\n# 存在的不足及原因\n正文。\n\n# 党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n\n# 下一步法治政府建设工作的打算\n正文。\n\n# 其他需要报告的情况\n无。\n`;
    assert.deepEqual(codes(model(alt)), []);
  });

  it('reports a missing part once at @类型 with an unsafe skeleton fix before the 安排 part', () => {
    const text = FULL.replace('# 党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n\n', '');
    const m = model(text);
    const found = checks.flatMap((c) => c.run(m, DEFAULT_CHECK_SETTINGS)).filter((d) => d.code === 'BG401');
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0]!.start, found[0]!.end), '@类型 法治政府建设年度报告');
    const fix = found[0]!.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyFixes(text, found, { safeOnly: false }).text;
    assert.match(fixed, /# 党政主要负责人履行推进法治建设第一责任人职责情况 \{#第一责任人\}\n\n# 下一年度工作重点/);
    assert.ok(!codes(model(fixed)).includes('BG401'));
  });

  it('treats a missing 其他 part as a warning, not an error', () => {
    const m = model(FULL.replace(/# 其他需要报告的情况\n.*\n/, ''));
    const found = checkReport(m).filter((d) => d.code === 'BG402');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
  });

  it('uses the generic profile for 工作总结, unknown and missing @类型, and the settings override', () => {
    const bare = '@机关 桂圩镇人民政府\n@年度 2021\n\n# 一项工作\n正文。\n';
    assert.deepEqual(codes(model(`@类型 工作总结\n${bare}`)), []);
    assert.deepEqual(codes(model(bare)), ['BG408']);
    assert.ok(codes(model(bare), { ...DEFAULT_CHECK_SETTINGS, profile: '法治政府建设年度报告' }).includes('BG401'));
    assert.deepEqual(codes(model(FULL.replace('# 主要举措和成效\n正文。\n\n', '')), { ...DEFAULT_CHECK_SETTINGS, profile: '工作报告' }), []);
  });

  it('reports parts in the wrong order', () => {
    const text = FULL.replace('# 存在的不足和原因\n正文。\n\n', '').replace('# 下一年度工作重点', '# 存在的不足和原因\n正文。\n\n# 下一年度工作重点');
    assert.deepEqual(codes(model(text)), ['BG403']);
    assert.ok(!codes(model(FULL)).includes('BG403'));
  });
});

describe('checks/structure: headings', () => {
  const G = '@类型 工作报告\n@机关 桂圩镇人民政府\n@年度 2021\n\n';
  it('reports an empty section, not one with sub-headings or text', () => {
    assert.deepEqual(codes(model(`${G}# 甲\n\n# 乙\n正文。\n`)), ['BG404']);
    assert.deepEqual(codes(model(`${G}# 甲\n## 子\n正文。\n`)), []);
  });

  it('reports a skipped level with a safe fix that lifts the subtree', () => {
    const text = `${G}# 甲\n### 乙\n#### 丙\n正文。\n`;
    const found = checks.flatMap((c) => c.run(model(text), DEFAULT_CHECK_SETTINGS));
    assert.deepEqual(found.map((d) => d.code), ['BG405']);
    const fixed = applyFixes(text, found).text;
    assert.equal(fixed, `${G}# 甲\n## 乙\n### 丙\n正文。\n`);
    assert.deepEqual(codes(model(fixed)), []);
    assert.deepEqual(codes(model(`${G}# 甲\n## 乙\n### 丙\n正文。\n`)), []);
  });

  it('reports duplicate headings at the same level only', () => {
    assert.deepEqual(codes(model(`${G}# 甲\n## 学法\n正文。\n# 乙\n## 学法\n正文。\n`)), ['BG406']);
    assert.deepEqual(codes(model(`${G}# 学法\n## 学法\n正文。\n`)), []);
  });
});

describe('checks/structure: the reporting year', () => {
  const G = '@类型 工作报告\n@机关 桂圩镇人民政府\n@年度 2021\n\n';
  it('flags last year used as this year', () => {
    assert.deepEqual(codes(model(`${G}现将2020年法治政府建设情况报告如下：\n`)), ['BG407']);
    assert.deepEqual(codes(model(`${G}2020年，我镇全面推进法治建设。\n`)), ['BG407']);
    assert.deepEqual(codes(model(`${G}今年是2019年度考核的第一年，我镇全面推进。\n`)), ['BG407']);
    assert.deepEqual(codes(model(`@标题 桂圩镇2020年度法治政府建设情况报告\n${G}正文。\n`)), ['BG407']);
  });

  it('does not flag legitimate mentions of other years', () => {
    const ok = [
      '现将{年度}年法治政府建设情况报告如下：',
      '2021年，我镇全面推进法治建设。',
      '与2020年相比，今年调处纠纷增加。',
      '落实《法治政府建设实施纲要（2015—2020年）》，2022年将继续推进。',
      '今年是“八五”普法（2021—2025年）的开局之年。',
      '2020年以来，我镇先后出台制度。',
    ];
    for (const line of ok) assert.deepEqual(codes(model(`${G}${line}\n`)), [], line);
  });

  // Round 21 (323-lintong-2020): “……2020年度法治政府建设情况及2021年度工作安排的报告” named the plan's year.
  it('leaves the next year in a title that names its plan (工作安排, 工作思路, 工作计划); not another year, nor the next year alone', () => {
    const H = '@类型 工作报告\n@机关 某某区人民政府\n@年度 2020\n\n正文。\n';
    const titled = (title: string) => codes(model(`@标题 ${title}\n${H}`));
    assert.deepEqual(titled('西安市某某区人民政府关于2020年度法治政府建设情况及2021年度工作安排的报告'), []);
    assert.deepEqual(titled('某某镇2020年法治政府建设工作报告暨2021年依法治镇工作思路'), []);
    assert.deepEqual(titled('某某区2020年法治政府建设工作总结和2021年工作计划'), []);
    assert.deepEqual(titled('某某区人民政府关于2021年度法治政府建设情况的报告'), ['BG407']);
    assert.deepEqual(titled('某某区2019年度法治政府建设情况及2021年度工作安排的报告'), ['BG407']);
    assert.deepEqual(titled('某某区2020年度法治政府建设情况及2022年度工作安排的报告'), ['BG407']);
  });
});

describe('checks/structure: figures (BG221, BG222, BG224, BG771)', () => {
  const G = '@类型 工作报告\n@机关 桂圩镇人民政府\n@年度 2021\n\n';
  it('flags a count with no measure word', () => {
    assert.deepEqual(codes(model(`${G}组织47公职人员旁听庭审。\n`)), ['BG221']);
  });

  it('accepts measure words, units, dates, ordinals, hotlines and day names', () => {
    const ok = '组织47名公职人员旁听；发放5000多份资料；2021年3月5日；第3季度；12345热线；“6.26”国际禁毒日；达98%；投入1.5万元；3·15。';
    assert.deepEqual(codes(model(`${G}${ok}\n`)), []);
  });

  it('accepts divisions that count themselves (在3市8县开展试点, 全省11市, 5乡2镇), not a division beginning another word (30市民)', () => {
    assert.deepEqual(codes(model(`${G}在3市8县深化一体建设试点；全省11市全部完成；辖5乡2镇；覆盖2区1旗。\n`)).filter((c) => c === 'BG221'), []);
    assert.deepEqual(codes(model(`${G}组织30市民旁听；覆盖3区域；联系5县级单位；走访4乡村。\n`)).filter((c) => c === 'BG221'), ['BG221', 'BG221', 'BG221', 'BG221']);
    const { ms, result } = cpuTimed(() => codes(model(`${G}${'在3市8县试点，'.repeat(20_000)}\n`)).filter((c) => c === 'BG221'));
    assert.deepEqual(result, []);
    assert.ok(ms < 1_000, `${ms} ms`);
  });

  it('accepts measure words written in traditional script (a report copied from a 繁体 page)', () => {
    const ok = '建起7個法治文化陣地；每月開展3場次宣傳；辦理5項；發放2000餘份；共12萬元；培訓40學時；出動30輛；調解8宗。';
    assert.deepEqual(codes(model(`${G}${ok}\n`)).filter((c) => c === 'BG221'), []);
    assert.deepEqual(codes(model(`${G}組織47公職人員旁聽庭審。\n`)).filter((c) => c === 'BG221'), ['BG221']);
  });

  it('flags 余 or 多 after a count whose last digit is not 0, in prose and in a figure (6余次, 959余份, 15多人)', () => {
    const text = `${G}全年共开展法治宣传活动{宣传活动 = 6余次}，合同审核959余份，解答法律咨询15多人次。\n`;
    const found = checks.flatMap((c) => c.run(model(text), DEFAULT_CHECK_SETTINGS)).filter((d) => d.code === 'BG224');
    assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['6余次', '959余份', '15多人次']);
    assert.match(found[0]!.message, /应写确数“6次”/);
  });

  it('accepts 余 and 多 after whole tens, hundreds and 万 (10余次, 200多人, 5万余元, 1.5万余元), and 多元', () => {
    const ok = `${G}开展{开展 = 10余次}，发放200多份，受益5万余人，投入1.5万余元，构建“1+3”多元解纷机制，形成3多元共治格局。\n`;
    assert.deepEqual(codes(model(ok)).filter((c) => c === 'BG224'), []);
  });

  it('flags laws and documents counted in 条 (周至县 2025: “等国家法律法规共33条”, round 31), in a figure and in prose', () => {
    const text = `${G}集中学习《中华人民共和国国家安全法》等国家法律法规共{国家法律法规 = 33条}；制定规范性文件3条，清理党内法规等12条，修改5条法规。\n`;
    const found = checks.flatMap((c) => c.run(model(text), DEFAULT_CHECK_SETTINGS)).filter((d) => d.code === 'BG771');
    assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['33条', '3条', '12条', '5条']);
    assert.match(found[0]!.message, /法律法规按“部”计数.*应写作“33部”/);
    assert.match(found[1]!.message, /规范性文件按“件”计数.*应写作“3件”/);
    // The same in traditional script (a 繁体 page): 法規 and 條 are the same words.
    assert.deepEqual(codes(model(`${G}學習國家法律法規共33條。\n`)).filter((c) => c === 'BG771'), ['BG771']);
  });

  it('accepts 条 for opinions, suggestions, articles and clauses, and laws counted in 部 or 件', () => {
    const ok = `${G}出具法律意见{出具法律意见 = 16条}，提出法律建议5条，学习《条例》第12条，修改条款3条，法规条文8条，学习法律法规{法律法规 = 33部}，审查规范性文件12件，清理规章3部，梳理法律风险点20条。\n`;
    assert.deepEqual(codes(model(ok)).filter((c) => c === 'BG771'), []);
  });

  it('flags a figure without a unit among siblings with units, and moves a typed unit inside (safe)', () => {
    const text = `${G}调处{调处 = 150起}，成功{成功 = 147}起。\n`;
    const found = checks.flatMap((c) => c.run(model(text), DEFAULT_CHECK_SETTINGS));
    assert.deepEqual(found.map((d) => d.code), ['BG222']);
    assert.equal(found[0]!.fixes![0]!.safe, true);
    const fixed = applyFixes(text, found).text;
    assert.equal(fixed, `${G}调处{调处 = 150起}，成功{成功 = 147起}。\n`);
    assert.deepEqual(codes(model(fixed)), []);
    assert.deepEqual(codes(model(`${G}调处{调处 = 150}，成功{成功 = 147}。\n`)), []);
  });
});
