import { strict as assert } from 'node:assert';
import type { FigureNode } from '../../../grammar/index.js';
import type { ReportModel } from '../../../server/language/model.js';
import { chineseNumeral } from '../../../server/language/numbering.js';
import { model, sampleModel } from '../../helpers.js';

const codes = (m: ReportModel) => m.diagnostics.map((d) => d.code);
/** The printed value of the figure whose name is `name` (its definition). */
const printed = (m: ReportModel, name: string) => {
  const definition = m.figures.allDefinitions.find((d) => d.name === name);
  assert.ok(definition, `no figure ${name}`);
  return m.figures.printed(definition.node, definition.scope);
};
const HEADER = '@年度 2020\n@机关 桂圩镇人民政府\n\n';

describe('model: headings', () => {
  it('numbers 一、（一）1.（1） and restarts under each parent', () => {
    const m = model('# 甲\n## 子\n### 孙\n#### 曾孙\n#### 曾孙\n## 子二\n# 乙\n## 子');
    const numbers = m.blocks.filter((b) => b.block.kind === 'heading').map((b) => b.number);
    assert.deepEqual(numbers, ['一、', '（一）', '1.', '（1）', '（2）', '（二）', '二、', '（一）']);
    assert.equal(m.sections.length, 2);
    assert.equal(m.sections[0]!.children.length, 2);
  });

  it('numbers ordered items one level below the current heading, sharing the count', () => {
    const m = model('# 甲\n1. 项\n2. 项\n## 子');
    const list = m.blocks.find((b) => b.block.kind === 'list');
    assert.deepEqual(list?.itemNumbers, ['（一）', '（二）']);
    assert.equal(m.blocks.find((b) => b.block.kind === 'heading' && b.block.level === 2)?.number, '（三）');
  });

  it('writes Chinese numerals up to 99', () => {
    assert.deepEqual([1, 10, 11, 20, 21, 99].map(chineseNumeral), ['一', '十', '十一', '二十', '二十一', '九十九']);
  });
});

describe('model: figures', () => {
  it('prints literal, computed and checked figures', () => {
    const m = model(`${HEADER}共调处{调处 = 150起}，成功{成功 = 147起}，成功率{成功率 = 成功/调处 %}；{应领证 = 54人}{持证 = 44人}{持证率 = 81.48% : 持证/应领证}`);
    assert.deepEqual(codes(m), []);
    assert.equal(printed(m, '调处'), '150起');
    assert.equal(printed(m, '成功率'), '98%');
    assert.equal(printed(m, '持证率'), '81.48%');
  });

  it('reports a stated value that its formula does not give, with a fix', () => {
    const m = model(`${HEADER}{应领证 = 54人}{持证 = 44人}{持证率 = 80% : 持证/应领证}`);
    const d = m.diagnostics.find((x) => x.code === 'BG206');
    assert.ok(d, JSON.stringify(m.diagnostics));
    assert.match(d.message, /81%/);
    assert.equal(d.fixes?.[0]?.edits[0]?.newText, '81%');
  });

  it('accepts a stated rate that agrees at its precision and rejects one that does not (96.7% of 2784/2872)', () => {
    assert.deepEqual(codes(model(`${HEADER}{甲 = 2784件}{乙 = 2872件}{率 = 96.9% : 甲/乙}`)), []);
    assert.deepEqual(codes(model(`${HEADER}{甲 = 2784件}{乙 = 2872件}{率 = 96.7% : 甲/乙}`)), ['BG206']);
  });

  it('knows when no whole count gives a rate (97.33% of 59) and when one does (98% of 150)', () => {
    const impossible = model(`${HEADER}{调处 = 59件}{成功率 = 97.33% : _/调处}`);
    assert.deepEqual(codes(impossible), ['BG207']);
    assert.match(impossible.diagnostics[0]!.message, /57.*96\.61%.*58.*98\.31%/);
    assert.deepEqual(codes(model(`${HEADER}{调处 = 150起}{成功率 = 98% : _/调处}`)), []);
  });

  it('keeps approximate qualifiers and warns when they enter a formula', () => {
    const m = model(`${HEADER}{资料 = 5000多份}{手册 = 约300份}{合计 = 资料 + 手册}`);
    assert.equal(printed(m, '资料'), '5000多份');
    assert.equal(printed(m, '手册'), '约300份');
    assert.deepEqual(codes(m), ['BG209']);
  });

  it('rejects adding different units and dividing by zero', () => {
    assert.deepEqual(codes(model(`${HEADER}{甲 = 3人}{乙 = 4件}{丙 = 甲 + 乙}`)), ['BG204']);
    assert.deepEqual(codes(model(`${HEADER}{甲 = 3件}{乙 = 0件}{丙 = 甲/乙 %}`)), ['BG205']);
  });

  it('reports a rate above 100%', () => {
    assert.deepEqual(codes(model(`${HEADER}{甲 = 30件}{乙 = 20件}{率 = 甲/乙 %}`)), ['BG208']);
  });

  it('reports undefined, duplicate, cyclic and header-named figures', () => {
    assert.deepEqual(codes(model(`${HEADER}{无此指标}`)), ['BG201']);
    assert.deepEqual(codes(model(`${HEADER}{甲 = 1件}{甲 = 2件}`)), ['BG202']);
    assert.ok(codes(model(`${HEADER}{甲 = 乙 + 1件}{乙 = 甲 + 1件}`)).includes('BG203'));
    assert.deepEqual(codes(model(`${HEADER}{年度 = 2020}`)), ['BG212']);
    assert.deepEqual(codes(model(`${HEADER}{甲 = _ + 1}`)), ['BG203']);
  });

  it('resolves header values and hidden figures, and reports unused hidden ones', () => {
    const m = model(`@年度 2020\n@机关 桂圩镇人民政府\n@指标 应领证 = 54人\n@指标 未用 = 3人\n\n{机关}{年度}年，{下年度}年，应领证{应领证}`);
    assert.deepEqual(codes(m), ['BG210']);
    const paragraph = m.blocks.find((b) => b.block.kind === 'paragraph')!;
    assert.ok(paragraph.block.kind === 'paragraph');
    const figures = paragraph.block.lines[0]!.filter((n): n is FigureNode => n.kind === 'figure');
    assert.deepEqual(figures.map((f) => m.figures.printed(f, paragraph.scope)), ['桂圩镇人民政府', '2020', '2021', '54人']);
  });

  it('compares with last year (同比 / 增减) and explains when it cannot', () => {
    const files = { '/w/last.bg': '@年度 2020\n\n{调处 = 150起}{持证 = 44人}{率 = 50%}' };
    const m = model('@年度 2021\n@上年 last.bg\n\n{调处 = 162起}{调处 同比}{持证 = 50人}{持证 增减}{率 = 60%}{率 同比}{新 = 1件}{新 同比}', files);
    const comparisons = m.figures.uses.filter((u) => u.node.body?.form === 'comparison').map((u) => m.figures.printed(u.node, u.scope));
    assert.deepEqual(comparisons, ['同比增长8%', '增加6人', '同比提高10个百分点', undefined]);
    assert.deepEqual(codes(m), ['BG211']);
    assert.deepEqual(codes(model('@年度 2021\n@上年 nowhere.bg\n\n正文')), ['BG106']);
  });
});

describe('model: header', () => {
  it('checks year, date, kind, duplicates and misplaced header directives', () => {
    assert.deepEqual(codes(model('@年度 二〇二〇\n\n正文')), ['BG101']);
    assert.deepEqual(codes(model('@日期 2021-02-30\n\n正文')), ['BG102']);
    assert.deepEqual(codes(model('@类型 年报\n\n正文')), ['BG103']);
    assert.deepEqual(codes(model('@年度 2020\n@年度 2021\n\n正文')), ['BG104']);
    assert.deepEqual(codes(model('正文\n@年度 2020')), ['BG105']);
    assert.deepEqual(model('@日期 2021年1月13日\n\n正文').header.date, { year: 2021, month: 1, day: 13 });
  });

  it('applies @检查 severities', () => {
    const m = model('@检查 BG601=关 BG201=警告\n\n正文');
    assert.deepEqual([...m.header.severities], [['BG601', 'off'], ['BG201', 'warning']]);
    assert.deepEqual(codes(model('@检查 乱写\n\n正文')), ['BG107']);
  });
});

describe('model: snippets', () => {
  const snippet = '@片段 法律顾问制度\n@参数 机关, 年度\n\n## 全面推行法律顾问制度\n{年度}年，{机关}聘请法律顾问{顾问 = 2名}。';

  it('expands an include with parameters, falling back to header values', () => {
    const m = model('@年度 2021\n@机关 桂圩镇人民政府\n\n# 举措\n@引用 法律顾问制度 机关=大歇镇人民政府', { '/w/snippets/法律顾问制度.bg': snippet });
    assert.deepEqual(codes(m), []);
    const paragraph = m.blocks.find((b) => b.block.kind === 'paragraph')!;
    assert.equal(paragraph.scope.file.path, '/w/snippets/法律顾问制度.bg');
    assert.ok(paragraph.block.kind === 'paragraph');
    const values = paragraph.block.lines[0]!.filter((n): n is FigureNode => n.kind === 'figure').map((f) => m.figures.printed(f, paragraph.scope));
    assert.deepEqual(values, ['2021', '大歇镇人民政府', '2名']);
    assert.deepEqual(m.blocks.filter((b) => b.block.kind === 'heading').map((b) => b.number), ['一、', '（一）']);
  });

  it('reports missing snippets, missing and unknown parameters, and cycles', () => {
    assert.deepEqual(codes(model('@年度 2021\n\n@引用 不存在')), ['BG301']);
    assert.deepEqual(codes(model('@年度 2021\n\n@引用 法律顾问制度', { '/w/snippets/法律顾问制度.bg': snippet })), ['BG303']);
    assert.deepEqual(codes(model('@年度 2021\n@机关 甲\n\n@引用 法律顾问制度 地点=乙', { '/w/snippets/法律顾问制度.bg': snippet })), ['BG304']);
    const cyclic = { '/w/snippets/甲.bg': '@片段 甲\n\n@引用 乙', '/w/snippets/乙.bg': '@片段 乙\n\n@引用 甲' };
    assert.deepEqual(codes(model('@引用 甲', cyclic)), ['BG302']);
  });

  it('locates diagnostics inside a snippet in the snippet file', () => {
    const m = model('@年度 2021\n@机关 甲\n\n@引用 坏片段', { '/w/snippets/坏片段.bg': '@片段 坏片段\n\n{未定义}' });
    assert.deepEqual(m.diagnostics.map((d) => [d.code, d.uri]), [['BG201', '/w/snippets/坏片段.bg']]);
  });
});

describe('model: the samples', () => {
  it('resolves the five seeded reports and the reuse sample without undefined figures', () => {
    for (const name of ['guiwei-2020', 'daxie-2021', 'dongzhaogezhuang-2020', 'beiping-2020', 'huilongba-2021', 'guiwei-2021']) {
      const m = sampleModel(name);
      assert.deepEqual(m.diagnostics.filter((d) => d.code.startsWith('BG0') || d.code === 'BG201'), [], name);
    }
  });

  it('finds the impossible 97.33% in 北屏乡 and computes 桂圩镇 2021 from snippets and last year', () => {
    const beiping = sampleModel('beiping-2020');
    const bg207 = beiping.diagnostics.find((d) => d.code === 'BG207');
    assert.ok(bg207);
    assert.match(beiping.file.text.slice(bg207.start, bg207.end), /97\.33%/);
    const next = sampleModel('guiwei-2021');
    assert.ok(next.previous, '@上年 was read');
    assert.ok(next.includes.length >= 6 && next.includes.every((i) => i.snippet), 'every include resolves');
  });
});
