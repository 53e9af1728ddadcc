// BG613: a paragraph or numbered item that ends without a mark — not the text's last paragraph (an
// excerpt is cut there), not a short label, not a title repeated in the text.
import { strict as assert } from 'node:assert';
import { checkReport } from '../../../server/language/checks/index.js';
import { model } from '../../helpers.js';

const found = (body: string) => {
  const m = model(`@年度 2019\n\n${body}`);
  return checkReport(m).filter((d) => d.code === 'BG613').map((d) => `${m.file.text.slice(d.start, d.end)} ${d.message}`);
};

describe('checks/paragraphEnd (BG613)', () => {
  it('reports a paragraph ending without its colon or full stop, and an item ending in its number', () => {
    assert.deepEqual(found('2019年，汉源县扎实推进法治政府建设，现将2019年度法治政府建设情况报告如下\n\n# 主要举措\n\n全面推进依法行政工作。\n'), [
      '下 段末“情况报告如下”后没有标点：“如下”后应加冒号“：”。',
    ]);
    assert.deepEqual(found('# 主要举措\n\n1. 深化“放管服”改革。受理行政许可业务8136件，按时办结率达到{按时办结率 = 100%}\n2. 全面实施清单管理制度。\n\n全年依法行政。\n'), [
      '} 段末的数字后没有标点：请补上句号（或应有的标点）。',
    ]);
  });

  it('reports a paragraph ending in a bracketed note to its sentence; not a note after a full stop, nor a short heading in brackets', () => {
    assert.deepEqual(found('本报告所列数据的期限自2021年1月1日起。如对本报告有任何疑问,请与市人社局法规处联系(地址:天津市和平区建设路18号;电话:022-23030851)\n\n# 工作开展情况\n\n全年依法行政。\n'), [
      ') 段末“30851)”后没有标点：请补上句号（或应有的标点）。',
    ]);
    assert.deepEqual(found('全年共调处矛盾纠纷150起，调解成功147起，法治政府建设取得明显成效。（完）\n\n《法治政府建设实施纲要（2021—2025年）》\n\n全年依法行政。\n'), []);
  });

  it('a paragraph stopping after a word with a paragraph after it may be a sentence broken in two: says to join them', () => {
    assert.deepEqual(found('2017年,原环境保护部以改善生态环境质量为核心,紧紧围绕全面推进依法治国总目标,扎实推进\n\n生态环境保护领域法治政府建设工作,取得较好进展。\n\n# 依法全面履行政府职能\n\n正文。\n'), [
      '进 段末“标,扎实推进”后没有标点：请补上句号（或应有的标点）；如果下一段是这句话的后半（复制时断了行），请把两段接上。',
    ]);
    // Before a heading, or after a number, only the mark.
    assert.deepEqual(found('2017年,原环境保护部以改善生态环境质量为核心,紧紧围绕全面推进依法治国总目标,扎实推进\n\n# 依法全面履行政府职能\n\n正文。\n'), [
      '进 段末“标,扎实推进”后没有标点：请补上句号（或应有的标点）。',
    ]);
  });

  // Round 21 (330-huojugxq-2025): “……以及中” / “央、省委……” — an item broken in two, a paragraph after it.
  it('the last item of a list broken in two before a paragraph gets the hint to join them; an item before another item does not', () => {
    assert.deepEqual(found('# 主要举措\n\n1. 理论武装入脑入心。将习近平法治思想以及中\n\n央、省委相关会议精神列为第一议题。\n\n全年依法行政。\n'), [
      '中 段末“治思想以及中”后没有标点：请补上句号（或应有的标点）；如果下一段是这句话的后半（复制时断了行），请把两段接上。',
    ]);
    assert.deepEqual(found('# 主要举措\n\n1. 理论武装入脑入心。将习近平法治思想以及中\n2. 组织领导坚强有力。\n\n全年依法行政。\n'), [
      '中 段末“治思想以及中”后没有标点：请补上句号（或应有的标点）。',
    ]);
  });

  // Round 27 (441-wuchang-2023): a report made to the 人大常委会, under the occasion of the speech.
  it('leaves a subtitle led by a dash alone (“——2023年9月26日在……会议上”); a dash-led line with a sentence in it still reported', () => {
    assert.deepEqual(found('——2023年9月26日在武汉市武昌区第十六届人大常委会第十四次会议上\n\n根据区人大常委会工作安排，我受区人民政府委托，报告法治政府建设情况。\n\n全年依法行政。\n'), []);
    assert.deepEqual(found('——全年共调处矛盾纠纷150起。调解成功147起，法治政府建设取得明显成效\n\n# 依法全面履行政府职能\n\n全年依法行政。\n'), [
      '效 段末“取得明显成效”后没有标点：请补上句号（或应有的标点）。',
    ]);
    // Near miss: a line with no dash before it is a sentence that lost its mark.
    assert.deepEqual(found('2023年9月26日在武汉市武昌区第十六届人大常委会第十四次会议上作了说明\n\n# 依法全面履行政府职能\n\n全年依法行政。\n'), [
      '明 段末“议上作了说明”后没有标点：请补上句号（或应有的标点）。',
    ]);
  });

  it('leaves the last paragraph (an excerpt’s cut), short labels, repeated titles and ended paragraphs alone', () => {
    assert.deepEqual(found('一季度矛盾纠纷分析研判综合报告\n\n县矛盾纠纷大调解协调中心\n\n坚持党的领导，全面推进法治政府建设\n\n全年共调处矛盾纠纷150起。\n\n正文在这里被截断了，没有写完的句子的后半'), []);
  });
});
