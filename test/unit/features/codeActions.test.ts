import assert from 'node:assert/strict';
import { checkReport } from '../../../server/language/checks/index.js';
import { extractSnippet, fixAll, numberToFigure, quickFixes } from '../../../server/language/features/codeActions.js';
import { applyEdits, applyFixes } from '../../../server/language/fixes.js';
import { markFigures } from '../../../server/language/import/figures.js';
import { fixture, HEAD } from './fixture.js';

describe('feature: code actions', () => {
  it('offers the checker’s fix for the diagnostic under the cursor', () => {
    const f = fixture(`${HEAD}# 一\n共{甲 = 10件}，{乙 = 4件}，占{率 = 5‸0% : 乙/甲}。\n`);
    const actions = quickFixes(f.model, checkReport(f.model), { start: f.offset, end: f.offset });
    const fix = actions.find((a) => a.title === '改为40%');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.diagnostic?.code, 'BG206');
    assert.match(applyEdits(f.text, fix.edits), /\{率 = 40% : 乙\/甲\}/);
  });

  it('fixes every problem of a kind, and every safe problem at once, as one pass of check --fix', () => {
    const f = fixture(`${HEAD}# 一\n一是加强领导‸,二是完善制度;三是强化监督。落实《法治政府建设实施纲要(2015-2020年)》。\n`);
    const diagnostics = checkReport(f.model);
    const kind = quickFixes(f.model, diagnostics, { start: f.offset, end: f.offset }).find((a) => a.title.startsWith('修正本文件全部'));
    assert.equal(kind?.title, '修正本文件全部 4 处“中文里用了半角标点”（BG601）');
    assert.equal(applyEdits(f.text, kind!.edits), applyFixes(f.text, diagnostics.filter((d) => d.code === 'BG601')).text);
    const all = fixAll(f.model, diagnostics);
    assert.equal(all?.kind, 'source.fixAll.baogao');
    assert.equal(applyEdits(f.text, all!.edits), applyFixes(f.text, diagnostics).text);
    assert.match(applyEdits(f.text, all!.edits), /一是加强领导，二是完善制度；三是强化监督。落实《法治政府建设实施纲要（2015—2020年）》。/);
    // One problem of a kind: its own fix is enough; nothing safe to fix: no fix-all.
    const one = fixture(`${HEAD}# 一\n加强领导‸,完善制度。\n`);
    assert.ok(!quickFixes(one.model, checkReport(one.model), { start: one.offset, end: one.offset }).some((a) => a.title.startsWith('修正本文件全部')));
    const none = fixture(`${HEAD}# 一\n加强领导。\n`);
    assert.equal(fixAll(none.model, checkReport(none.model)), undefined);
  });

  it('turns a check off in this report (@检查 BG601=关) for a problem the writer holds is none: a new line after the header, the line there, or the level written there', () => {
    const check = (text: string) => {
      const f = fixture(text);
      const actions = quickFixes(f.model, checkReport(f.model), { start: f.offset, end: f.offset });
      const off = actions.find((a) => a.title.startsWith('在本报告中关闭检查'));
      assert.ok(off, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(off.title, '在本报告中关闭检查“中文里用了半角标点”（BG601：写入 @检查 BG601=关）');
      assert.ok(actions.indexOf(off) > actions.findIndex((a) => a.diagnostic?.code === 'BG601'), 'after the fixes');
      const after = applyEdits(f.text, off.edits);
      assert.ok(!checkReport(fixture(after).model).some((d) => d.code === 'BG601'), after);
      return after;
    };
    assert.equal(check(`${HEAD}# 一\n加强领导‸,完善制度。\n`), `${HEAD.trimEnd()}\n@检查 BG601=关\n\n# 一\n加强领导,完善制度。\n`);
    assert.match(check(`@检查 BG609=关\n${HEAD}# 一\n加强领导‸,完善制度。\n`), /^@检查 BG609=关 BG601=关\n/);
    assert.match(check(`@检查 BG601=提示\n${HEAD}# 一\n加强领导‸,完善制度。\n`), /^@检查 BG601=关\n/);
    // Syntax is not a check to turn off.
    const broken = fixture(`${HEAD}# 一\n共{调‸处 = }件。\n`);
    const titles = quickFixes(broken.model, checkReport(broken.model), { start: broken.offset, end: broken.offset }).map((a) => a.title);
    assert.ok(!titles.some((t) => /BG0\d\d/.test(t)), titles.join(' | '));
  });

  it('turns a number with a measure word into a figure named from its words, or every number of the paragraph', () => {
    const f = fixture(`${HEAD}# 一\n全年共调处矛盾纠纷3‸5件，调解成功30件。\n`);
    const [one, all] = numberToFigure(f.model, { start: f.offset, end: f.offset });
    assert.equal(one!.title, '把数字改为指标“调处矛盾纠纷”');
    assert.equal(one!.edits[0]!.newText, '{调处矛盾纠纷 = 35件}');
    assert.deepEqual(all!.edits.map((e) => e.newText), ['{调处矛盾纠纷 = 35件}', '{调解成功 = 30件}']);
  });

  it('names figures with import’s namer: the same names import gives the same paragraph, a rate with its check formula', () => {
    const prose = '全年共调处矛盾纠纷150起，调解成功147起，调解成功率98%；召开2次法治政府建设专题会。';
    const f = fixture(`${HEAD}# 一\n${prose.replace('150起', '15‸0起')}\n`);
    const actions = numberToFigure(f.model, { start: f.offset, end: f.offset });
    const all = actions.find((a) => a.title.startsWith('把本段数字都改为指标'))!;
    assert.equal(all.title, '把本段数字都改为指标（4 个）');
    const imported = markFigures(prose, new Set(), (s) => s);
    assert.equal(applyEdits(f.text, all.edits), `${HEAD}# 一\n${imported.text}\n`);
    assert.deepEqual(all.edits.map((e) => e.newText), ['{调处矛盾纠纷 = 150起}', '{调解成功 = 147起}', '{调解成功率 = 98% : 调解成功/调处矛盾纠纷}', '{法治政府建设专题会 = 2次}']);
    // Alone, the rate's counts are still prose: no formula over names that do not exist yet.
    const g = fixture(`${HEAD}# 一\n${prose.replace('98%', '9‸8%')}\n`);
    assert.equal(numberToFigure(g.model, { start: g.offset, end: g.offset })[0]!.edits[0]!.newText, '{调解成功率 = 98%}');
  });

  it('reads around figures already written: only numbers still in prose, names unique in the report', () => {
    const f = fixture(`${HEAD}# 一\n共调处矛盾纠纷{调处矛盾纠纷 = 150起}，其中调解成功14‸7起。\n# 二\n又调处矛盾纠纷20起。\n`);
    const [one] = numberToFigure(f.model, { start: f.offset, end: f.offset });
    assert.equal(one!.edits[0]!.newText, '{调解成功 = 147起}');
    const second = f.text.indexOf('20起');
    const [again] = numberToFigure(f.model, { start: second, end: second });
    assert.equal(again!.title, '把数字改为指标“调处矛盾纠纷之二”');
  });

  it('names no figure 指标1: a number its words do not name gets no action', () => {
    const f = fixture(`${HEAD}# 一\n另有3‸5件。\n`);
    assert.deepEqual(numberToFigure(f.model, { start: f.offset, end: f.offset }), []);
  });

  it('extracts selected paragraphs into a new snippet file, leaving @引用', () => {
    const f = fixture(`${HEAD}# 一\n«开展普法宣传。»\n`);
    const action = extractSnippet(f.model, f.selection!, (p) => f.workspace.readFile(p) !== undefined)!;
    assert.deepEqual(action.createFiles, ['/w/snippets/report片段1.bg']);
    const own = action.edits.filter((e) => e.path === f.path);
    assert.match(applyEdits(f.text, own), /@引用 report片段1/);
    assert.match(action.edits.find((e) => e.path !== f.path)!.newText, /^@片段 report片段1\n[\s\S]*开展普法宣传。/);
  });
});
