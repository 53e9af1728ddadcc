import assert from 'node:assert/strict';
import { checkReport } from '../../../server/language/checks/index.js';
import { extractSnippet, numberToFigure, quickFixes } from '../../../server/language/features/codeActions.js';
import { applyEdits } from '../../../server/language/fixes.js';
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

  it('turns a number with a measure word into a figure named from its words, or every number of the paragraph', () => {
    const f = fixture(`${HEAD}# 一\n全年共调处矛盾纠纷3‸5件，调解成功30件。\n`);
    const [one, all] = numberToFigure(f.model, { start: f.offset, end: f.offset });
    assert.equal(one!.title, '把数字改为指标“调处矛盾纠纷”');
    assert.equal(one!.edits[0]!.newText, '{调处矛盾纠纷 = 35件}');
    assert.deepEqual(all!.edits.map((e) => e.newText), ['{调处矛盾纠纷 = 35件}', '{调解成功 = 30件}']);
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
