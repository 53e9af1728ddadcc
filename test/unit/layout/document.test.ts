// The paged layout every output prints: pages of 22 lines, the keep rules, 附件说明 and 版记.
import { strict as assert } from 'node:assert';
import { layoutLines, layoutReport, plainLine, type PagedLayout } from '../../../templates/layout/document.js';
import { render, reportPages } from '../../../templates/render.js';
import { buildView } from '../../../templates/view.js';
import { cellWidth } from '../../../templates/layout/width.js';
import { model, SAMPLES, sampleModel } from '../../helpers.js';

const layoutOf = (text: string) => layoutReport(buildView(model(text)));
/** A body of `n` one-line paragraphs (26 characters: a full line with the indent). */
const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `第${String(i + 1).padStart(2, '0')}段${'字'.repeat(22)}。`).join('\n\n');
const texts = (layout: PagedLayout) => layout.pages.map((page) => page.lines.map((line) => line.text));

describe('layout/document', () => {
  for (const sample of SAMPLES) {
    it(`${sample}: pages of at most 22 lines, none starting blank, a heading never last on its page`, () => {
      const layout = layoutReport(buildView(sampleModel(sample)));
      for (const page of layout.pages) {
        assert.ok(page.lines.length <= 22);
        assert.ok(!page.lines[0]!.blank, `page ${page.number} starts blank`);
        const last = page.lines[page.lines.length - 1]!;
        if (page !== layout.pages[layout.pages.length - 1]) assert.notEqual(last.role, 'heading', `page ${page.number} ends with a heading`);
      }
      // The pages hold the text output's lines, in order.
      const unpaged = layoutLines(buildView(sampleModel(sample)), 28).filter((l) => !l.blank).map((l) => l.text);
      assert.deepEqual(layout.pages.flatMap((p) => p.lines.filter((l) => !l.blank).map((l) => l.text)), unpaged);
    });
  }

  it('never leaves the date alone: the signature moves with the body’s last two lines', () => {
    // Title (1 line) + blank + 19 one-line paragraphs = 21 lines: the blank, body and date would not fit.
    const layout = layoutOf(`@标题 某镇报告\n@机关 某镇人民政府\n@日期 2021-01-13\n\n${paragraphs(19)}\n`);
    assert.equal(layout.pages.length, 2);
    const second = texts(layout)[1]!;
    assert.deepEqual(second.slice(0, 2).map((t) => t.slice(0, 4)), ['第18段', '第19段']);
    assert.deepEqual(second.slice(2), ['', '某镇人民政府', '2021年1月13日']);
    assert.equal(layout.pages[0]!.lines.length, 19);
  });

  it('moves a heading at the foot of a page to the next page with its text', () => {
    const layout = layoutOf(`@标题 某镇报告\n\n${paragraphs(19)}\n\n# 下一部分\n${paragraphs(2)}\n`);
    assert.equal(texts(layout)[1]![0], '一、下一部分');
    assert.equal(layout.pages[0]!.lines.length, 21);
  });

  it('prints a tab (a table pasted as text) as one full-width space, as wide as it is counted, and a control character as �', () => {
    const layout = layoutOf('@标题 某镇报告\n\n序号\t项目\t数量\n');
    const line = layout.pages[0]!.lines.find((l) => l.role === 'text')!;
    assert.equal(line.text, '序号\u3000项目\u3000数量');
    const control = layoutOf('@标题 某镇报告\n\n正文\u0001。\n').pages[0]!.lines.find((l) => l.role === 'text')!;
    assert.equal(control.text, '正文\ufffd。', 'a control character prints as � in every output, as the DOCX must');
  });

  it('sets 附件说明 below the body, numbered, names running on under their first character', () => {
    const layout = layoutOf('@标题 某镇报告\n@机关 某镇人民政府\n@日期 2021-01-13\n@附件 某镇2021年度法治政府建设重点工作任务分工和完成情况统计表\n@附件 执法数据\n\n正文。\n');
    const lines = layout.pages[0]!.lines.map((line) => plainLine(line, 28));
    const at = lines.indexOf('　　附件：1.某镇2021年度法治政府建设重点工作任务分工和完');
    assert.ok(at > 0, lines.join('\n'));
    assert.equal(lines[at - 1], '');
    assert.equal(lines[at + 1], '　　　　　　成情况统计表');
    assert.equal(lines[at + 2], '　　　　　2.执法数据');
    assert.equal(lines[at + 3], '');
  });

  it('puts the 版记 at the foot of an even page, unnumbered after a blank page', () => {
    const imprint = '@抄送 县司法局，县政府办公室\n@印发机关 某镇党政办公室\n@印发日期 2021-01-15\n';
    // One page of body: the 版记 goes to the foot of page 2.
    const short = layoutOf(`@标题 某镇报告\n@机关 某镇人民政府\n${imprint}\n正文。\n`);
    assert.equal(short.pages.length, 2);
    const foot = short.pages[1]!.lines;
    assert.equal(foot.length, 22);
    assert.equal(plainLine(foot[20]!, 28), '　抄送：县司法局，县政府办公室。');
    assert.equal(plainLine(foot[21]!, 28), '　某镇党政办公室　　　　　　　　　　 2021年1月15日印发');
    assert.equal(foot[20]!.rule, 'above');
    assert.equal(foot[21]!.rule, 'below');
    assert.ok(short.pages.every((page) => page.numbered));
    // A full even page: a blank odd page, then the 版记 page, both without page numbers (GB/T 9704 7.5).
    const long = layoutOf(`@标题 某镇报告\n${imprint}\n${paragraphs(42)}\n`);
    assert.deepEqual(long.pages.map((page) => [page.number, page.numbered, page.lines.filter((l) => !l.blank).length]), [[1, true, 21], [2, true, 22], [3, false, 0], [4, false, 2]]);
  });

  it('runs a 印发机关 too long to share its line with the date on, the date on its last line, within 28 columns', () => {
    const layout = layoutOf('@标题 某镇报告\n@印发机关 中共某某县委全面依法治县委员会办公室秘书科\n@印发日期 2023-12-31\n\n正文。\n');
    const lines = layout.pages[layout.pages.length - 1]!.lines.filter((l) => l.role === 'imprint').map((l) => plainLine(l, 28));
    assert.deepEqual(lines, ['　中共某某县委全面依法治县委员会', '　办公室秘书科　　　　　　　　　　　2023年12月31日印发']);
    for (const text of lines) assert.ok(cellWidth(text) <= 56, text);
  });

  it('is what reportPages gives a preview, and the same pages the text output prints', () => {
    assert.deepEqual(reportPages(sampleModel('huilongba-2021')), layoutReport(buildView(sampleModel('huilongba-2021'))));
    const text = render(sampleModel('huilongba-2021'), 'txt', { pages: true });
    const layout = layoutReport(buildView(sampleModel('huilongba-2021')));
    assert.equal(text.split('\f').length, layout.pages.length);
  });
});
