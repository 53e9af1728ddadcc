// Checks on text reused from a copy: a template's XX where a sum or a rate goes (BG233), a sharing site's words
// swapped for synonyms (“标准性文件” for 规范性文件, BG715), the 2004 纲要 cited as it was (no BG717), and an
// excerpt cut right after a run-in heading's 。 (no BG714).
import assert from 'node:assert/strict';
import { checkSourceText } from '../../../server/language/sourceCheck.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';

const OPENING = '蓬华镇2024年法治政府建设情况报告\n2024年，蓬华镇坚持依法行政，全面推进法治政府建设。\n一、主要举措和成效\n';
const findings = (text: string, code: string) => checkSourceText(new LanguageService(new MemoryWorkspace({})), '/r/a.bg', text).findings.filter((f) => f.code === code);
const found = (text: string, code: string) => findings(text, code).map((f) => f.message);

describe('checks: text reused from a copy', () => {
  it('BG233: a template’s XX before a sum of money or a rate', () => {
    assert.equal(found(`${OPENING}（一）强化保障。保障法治政府建设专项经费，全年投入经费XX万元，用于普法宣传。`, 'BG233').length, 1);
    assert.equal(found(`${OPENING}（一）强化保障。全年投入经费xx元，群众满意度达xx%。`, 'BG233').length, 2);
    assert.match(found(`${OPENING}（一）强化保障。全年投入经费××亿元。`, 'BG233')[0]!, /“××”是模板的占位符/);
    // A sum written out, and letters that are a word (X光机, OA系统), are no placeholder.
    assert.deepEqual(found(`${OPENING}（一）强化保障。全年投入经费12万元，购置X光机2台，OA系统运行率达100%。`, 'BG233'), []);
  });

  it('BG715: 规范 swapped for 标准 by a site that rewrites what it copies', () => {
    const text = `${OPENING}（一）抓好制度建设。做到政府标准性文件规定事项不超越制定机关职权范围，标准行政执法行为，标准执法行为。`;
    assert.deepEqual(found(text, 'BG715'), ['“标准性文件”应为规范用语“规范性文件”。', '“标准行政执法行为”应为规范用语“规范行政执法行为”。', '“标准执法行为”应为规范用语“规范执法行为”。']);
    // The standard itself, a technical standard and 标准化 are left alone.
    assert.deepEqual(found(`${OPENING}（一）抓好制度建设。加强行政规范性文件管理，制定技术标准性文件2件，推进执法标准化建设，规范执法行为。`, 'BG715'), []);
  });

  it('BG717: the State Council’s 全面推进依法行政实施纲要 (2004) is registered; an unknown 纲要 is still hinted', () => {
    assert.deepEqual(found(`${OPENING}（一）加强领导。深入贯彻落实国务院《全面推进依法行政实施纲要》，增强依法行政意识。`, 'BG717'), []);
    assert.equal(found(`${OPENING}（一）加强领导。深入贯彻落实《全面推进依法行政工作纲要》，增强依法行政意识。`, 'BG717').length, 1);
  });

  it('BG714: an excerpt cut right after a run-in heading’s 。 is not blamed; a heading’s 。 above its text still is', () => {
    const cut = `${OPENING}（一）发挥“关键少数”引领作用。一是坚持高位谋划推动，召开专题会议4次。\n（二）全面推进政府职能转变，推动协调高效便捷。`;
    assert.deepEqual(found(cut, 'BG714'), []);
    const above = '蓬华镇2024年法治政府建设情况报告\n2024年，蓬华镇坚持依法行政，全面推进法治政府建设。\n一、主要举措和成效。\n镇党委高度重视法治建设，召开专题会议4次，研究部署法治政府建设工作。\n（二）全面推进政府职能转';
    assert.equal(found(above, 'BG714').length, 1);
  });
});
