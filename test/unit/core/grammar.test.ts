import { strict as assert } from 'node:assert';
import { parse, type DefinitionBody, type FigureNode, type Inline, type Quantity } from '../../../grammar/index.js';

const firstFigure = (text: string): FigureNode => {
  const { document } = parse(text);
  const line = document.lines[0]!;
  const content: Inline[] = 'content' in line ? line.content : [];
  const figure = content.find((n) => n.kind === 'figure');
  assert.ok(figure && figure.kind === 'figure', `no figure in ${text}`);
  return figure;
};
const definition = (text: string) => firstFigure(text).body as DefinitionBody;

describe('grammar', () => {
  it('reads header directives by Chinese name and English alias, full-width @ too', () => {
    const { document, diagnostics } = parse('@标题 报告\n@year 2020\n＠机关 桂圩镇人民政府\n\n正文');
    assert.deepEqual(document.header.map((d) => d.name), ['标题', '年度', '机关']);
    assert.equal(document.body.length, 1);
    assert.deepEqual(diagnostics, []);
  });

  it('numbers nothing itself but knows heading levels and labels, ASCII and full-width', () => {
    const { document } = parse('# 依法全面履行政府职能情况 {#举措}\n＃＃二级\n### 三级\n####四级');
    const headings = document.body.filter((b) => b.kind === 'heading');
    assert.deepEqual(headings.map((h) => h.kind === 'heading' && h.level), [1, 2, 3, 4]);
    const first = headings[0]!;
    assert.ok(first.kind === 'heading');
    assert.equal(first.label?.text, '举措');
    assert.deepEqual(first.content.map((n) => n.kind === 'text' && n.text), ['依法全面履行政府职能情况']);
  });

  it('joins prose lines into paragraphs and ends them at blank lines', () => {
    const { document } = parse('第一行\n第二行\n\n第二段');
    assert.deepEqual(document.body.map((b) => b.kind === 'paragraph' && b.lines.length), [2, 1]);
  });

  it('groups run-on and numbered list items, with continuation lines and the attached flag', () => {
    const { document } = parse('引言。\n- 甲\n  续\n- 乙\n\n1. 丙\n2. 丁');
    const lists = document.body.filter((b) => b.kind === 'list');
    assert.equal(lists.length, 2);
    const [runOn, numbered] = lists;
    assert.ok(runOn?.kind === 'list' && numbered?.kind === 'list');
    assert.equal(runOn.ordered, false);
    assert.equal(runOn.attached, true);
    assert.equal(runOn.items[0]!.lines.length, 2);
    assert.equal(numbered.ordered, true);
    assert.equal(numbered.items.length, 2);
  });

  it('parses every figure form', () => {
    assert.equal(firstFigure('{调处}').body?.form, 'reference');
    assert.equal(firstFigure('{#不足}').body?.form, 'label');
    const literal = definition('{调处 = 150起}');
    assert.equal(literal.name.text, '调处');
    assert.deepEqual({ ...(literal.value as Quantity), start: 0, end: 0 }, { kind: 'quantity', digits: '150', value: 150, decimals: 0, unit: '起', percent: false, qualifier: undefined, start: 0, end: 0 });
    const computed = definition('{成功率 = 成功/调处 %}');
    assert.equal(computed.percent, true);
    assert.equal(computed.value?.kind, 'binary');
    const checked = definition('{持证率 = 81.48% : 持证/应领证}');
    assert.equal((checked.value as Quantity).decimals, 2);
    assert.equal(checked.check?.kind, 'binary');
    const whole = definition('{成功率 = 97.33% : _/调处}');
    assert.ok(whole.check?.kind === 'binary' && whole.check.left.kind === 'whole');
    const approx = definition('{资料 = 5000多份}').value as Quantity;
    assert.deepEqual([approx.unit, approx.qualifier], ['份', { text: '多', position: 'after' }]);
    const before = definition('{x = 约500人}').value as Quantity;
    assert.deepEqual([before.unit, before.qualifier], ['人', { text: '约', position: 'before' }]);
    const over = definition('{x = 3名以上}').value as Quantity;
    assert.deepEqual([over.unit, over.qualifier], ['名', { text: '以上', position: 'after' }]);
    assert.equal(firstFigure('{调处 同比}').body?.form, 'comparison');
    const fullWidth = definition('｛成功率 ＝ 97.33％ ： ＿/调处｝'.replace('＿', '_'));
    assert.equal((fullWidth.value as Quantity).percent, true);
  });

  it('ends an unclosed figure where its form ends: one BG001, fixed there, the prose after it kept as text', () => {
    const text = '共调处{调处 = 150起，调解成功{成功 = 147起}，成功率}达98%。';
    const { document, diagnostics } = parse(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['BG001']);
    const fix = diagnostics[0]!.fixes![0]!.edits[0]!;
    assert.equal(text.slice(0, fix.start), '共调处{调处 = 150起', 'the } goes after the figure, not at the end of the line');
    const line = document.lines[0]!;
    const content: Inline[] = 'content' in line ? line.content : [];
    assert.deepEqual(content.map((n) => n.kind), ['text', 'figure', 'text', 'figure', 'text']);
    assert.equal(content.map((n) => text.slice(n.start, n.end)).join(''), text, 'no character lost');
    const inner = content[3] as FigureNode;
    assert.ok(inner.closed && (inner.body as DefinitionBody).name.text === '成功', 'the figure after it is read as written');
  });

  it('respects operator precedence and parentheses', () => {
    const body = definition('{x = 甲 + 乙 × (丙 - 丁) ÷ 戊}');
    assert.ok(body.value?.kind === 'binary' && body.value.op === '+');
    assert.ok(body.value.right.kind === 'binary' && body.value.right.op === '÷');
  });

  it('reads citations, escapes, stray closers and comments', () => {
    const { document } = parse('见《纲要》和\\{字面\\}与》\n// 注释\n《未闭合');
    const line = document.lines[0]!;
    assert.ok(line.kind === 'text');
    assert.deepEqual(line.content.map((n) => n.kind), ['text', 'citation', 'text', 'escape', 'text', 'escape', 'text', 'stray']);
    assert.equal(document.comments.length, 1);
    const last = document.lines[2]!;
    assert.ok(last.kind === 'text' && last.content[0]!.kind === 'citation' && !last.content[0]!.closed);
  });

  it('reads directive arguments: include, params, checks, metric', () => {
    const { document, diagnostics } = parse('@片段 法律顾问制度\n@参数 机关, 年度\n\n@引用 法律顾问制度 机关=桂圩镇人民政府 年度=2021\n@指标 应领证 = 54人\n@检查 BG601=关');
    assert.deepEqual(diagnostics, []);
    const include = document.body.find((b) => b.kind === 'directive' && b.name === '引用');
    assert.ok(include?.kind === 'directive');
    assert.deepEqual(include.args.map((a) => [a.name.text, a.value?.text]), [['法律顾问制度', undefined], ['机关', '桂圩镇人民政府'], ['年度', '2021']]);
    const params = document.header.find((d) => d.name === '参数');
    assert.deepEqual(params?.args.map((a) => a.name.text), ['机关', '年度']);
  });

  it('gives every node a source range that slices back to what was typed', () => {
    const text = '正文{调处 = 150起}，《纲要》';
    const { document } = parse(text);
    const line = document.lines[0]!;
    assert.ok(line.kind === 'text');
    assert.deepEqual(line.content.map((n) => text.slice(n.start, n.end)), ['正文', '{调处 = 150起}', '，', '《纲要》']);
  });

  it('recovers from broken markup with coded Chinese diagnostics', () => {
    const cases: Array<[string, string]> = [
      ['共{调处 = 150起', 'BG001'],
      ['{调处 = = 150}', 'BG002'],
      ['成功率{}', 'BG003'],
      ['##### 五级', 'BG004'],
      ['@作者 张三', 'BG005'],
      ['正文{#举措}', 'BG006'],
    ];
    for (const [text, code] of cases) {
      const { diagnostics } = parse(text);
      assert.ok(diagnostics.some((d) => d.code === code), `${text} → ${JSON.stringify(diagnostics)}`);
      for (const d of diagnostics) assert.match(d.message, /[\u4e00-\u9fff]/);
    }
  });

  it('keeps lines after a broken figure intact', () => {
    const { document } = parse('{坏 = \n# 标题\n正文');
    assert.deepEqual(document.body.map((b) => b.kind), ['paragraph', 'heading', 'paragraph']);
  });

  it('never throws and covers every character, for any string', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = '{}｛｝《》#＃@＠=＝:：%％_-－*1. \n\r\\中文起人调处同比约多（）()”“，。、x9\t　';
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const { document } = parse(text);
      // Lines tile the text: nothing is dropped between them.
      let offset = 0;
      for (const line of document.lines) {
        assert.ok(line.start >= offset, `line starts before the previous one ended in ${JSON.stringify(text)}`);
        offset = line.end;
      }
    }
  });
});

describe('grammar definition', () => {
  // The shared lexer and parser skip Chevrotain's validations for a fast start: they run here instead.
  it('passes the lexer validations', async () => {
    const { Lexer } = await import('chevrotain');
    const { LEXER_DEFINITION } = await import('../../../grammar/tokens.js');
    const lexer = new Lexer(LEXER_DEFINITION, { positionTracking: 'onlyOffset', ensureOptimizations: false });
    assert.deepEqual(lexer.lexerDefinitionErrors, []);
  });

  it('passes the parser validations (no ambiguity, no left recursion)', async () => {
    const { ReportParser } = await import('../../../grammar/parser.js');
    assert.doesNotThrow(() => new ReportParser({ validate: true }));
  });
});
