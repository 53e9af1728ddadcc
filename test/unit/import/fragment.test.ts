// Import of a fragment (text pasted into a report): the importer's steps without the report's top and
// end, figures named apart from the report's, labels written once; and, over the real corpus, a pasted
// part of every real report adds no syntax error and no figure defined twice, and prints every word.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importFragment, looksLikeMarkup } from '../../../server/language/import/fragment.js';
import { readLines } from '../../../server/language/import/lines.js';
import { typedNumber } from '../../../server/language/import/numbers.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { render } from '../../../templates/render.js';
import { model, ROOT } from '../../helpers.js';

const block = (text: string, takenNames: string[] = [], takenLabels: string[] = []) => importFragment(text, { takenNames, takenLabels, inline: false, org: '桂圩镇人民政府', year: 2020 });

describe('import: a fragment pasted into a report', () => {
  it('removes typed numbers and Word debris, makes headings and writes amounts as figures', () => {
    const result = block('一、依法全面履行政府职能情况\n[bookmark: _GoBack]\n（一）调处矛盾纠纷。全年调处矛盾纠纷150起，成功147起，调处成功率98%。\n— 3 —\n');
    assert.equal(result.text, [
      '# 依法全面履行政府职能情况 {#举措}',
      '',
      '## 调处矛盾纠纷',
      '全年调处矛盾纠纷{调处矛盾纠纷 = 150起}，成功{成功 = 147起}，调处成功率{调处成功率 = 98% : 成功/调处矛盾纠纷}。',
      '',
    ].join('\n'));
    assert.equal(result.figures, 3);
    assert.deepEqual(result.notes.map((n) => n.line), [1, 2, 3, 4]);
  });

  it('names its figures apart from the report’s and writes a label the report has not', () => {
    const result = block('一、工作举措\n全年调处矛盾纠纷150起，成功147起。\n二、存在的不足\n法治意识不强。', ['调处矛盾纠纷', '成功'], ['举措']);
    assert.match(result.text, /^# 工作举措\n/, 'no second {#举措}');
    assert.match(result.text, /\{调处矛盾纠纷之二 = 150起\}，成功\{成功之二 = 147起\}/);
    assert.match(result.text, /# 存在的不足 \{#不足\}/);
  });

  it('takes its heading levels below the heading it is pasted under', () => {
    const under = (level: number) => importFragment('（一）依法决策\n1.完善制度\n（二）政务公开', { takenNames: [], takenLabels: [], inline: false, enclosingLevel: level }).text;
    assert.equal(under(0), '# 依法决策\n\n# 完善制度\n\n## 政务公开', 'above every heading, as in a whole report: “1.” followed by （二） is the top level (levels.ts, rule 1)');
    assert.equal(under(1), '## 依法决策\n\n### 完善制度\n\n## 政务公开');
    assert.equal(under(2), '## 依法决策\n\n### 完善制度\n\n## 政务公开', 'a （一） under a （一） is its sibling');
    assert.equal(under(3), '## 依法决策\n\n### 完善制度\n\n## 政务公开');
  });

  it('ends its last line when pasted on an empty line, so the empty line still parts it from what follows', () => {
    const paste = (onEmptyLine: boolean) => importFragment('（一）调处纠纷。全年调处30起。', { takenNames: [], takenLabels: [], inline: false, enclosingLevel: 1, onEmptyLine }).text;
    assert.equal(paste(true), '## 调处纠纷\n全年调处{调处 = 30起}。\n');
    assert.equal(paste(false), '## 调处纠纷\n全年调处{调处 = 30起}。');
  });

  it('inside a line, writes only the amounts as figures and keeps every line break', () => {
    const result = importFragment('一、共受理{申请}120件\r\n办结率98%', { takenNames: [], takenLabels: [], inline: true });
    assert.equal(result.text, '一、共受理\\{申请\\}{受理申请 = 120件}\r\n办结率{办结率 = 98%}');
    assert.doesNotMatch(result.text, /^#/m);
    assert.equal(result.figures, 2);
  });

  it('escapes what the language would read as markup, and leaves plain prose as it is', () => {
    assert.equal(block('# 不是标题\n@不是指令').text, '\\# 不是标题\n\n\\@不是指令');
    assert.equal(block('加强组织领导，确保工作落实。').text, '加强组织领导，确保工作落实。');
  });

  it('tells text already in the language (pasted as it is) from Word’s', () => {
    for (const markup of ['全年调处{调处 = 150起}。', '{年度}年，我镇……', '# 依法行政\n正文。', '@引用 人民调解', '  // 注释', '正文\n## 小标题']) assert.ok(looksLikeMarkup(markup), markup);
    for (const word of ['一、依法行政\n全年调处150起。', '（一）加强领导', '我镇\\{不是指标\\}。', '#1 号文件', '@ 符号', '邮箱 a@b.cn']) assert.ok(!looksLikeMarkup(word), word);
  });

  describe('a part of each real report, pasted into a sample', function () {
    this.timeout(120_000);
    const dir = path.join(ROOT, 'test', 'fixtures', 'real');
    const sample = readFileSync(path.join(ROOT, 'samples', 'guiwei-2020.bg'), 'utf8');
    const reports = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    const codes = (text: string) => checkReport(model(text)).map((d) => d.code);
    const count = (list: string[], code: string) => list.filter((c) => c === code).length;
    const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
    const before = codes(sample);

    it(`adds no syntax error and no figure defined twice, and prints every word (${reports.length} reports)`, () => {
      assert.ok(reports.length >= 50, `${reports.length}`);
      for (const file of reports) {
        const raw = readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n').split('\n');
        // The middle third: headings, paragraphs and amounts, without the report's title and signature.
        const fragment = raw.slice(Math.floor(raw.length / 3), Math.floor((2 * raw.length) / 3)).join('\n');
        const m = model(sample);
        const pasted = importFragment(fragment, {
          takenNames: m.figures.allDefinitions.map((d) => d.name), takenLabels: ['举措', '不足', '安排'], inline: false, org: m.header.org, year: m.header.year,
        });
        const report = `${sample.replace(/\n*$/, '\n\n')}${pasted.text}\n`;
        const after = codes(report);
        assert.deepEqual(after.filter((c) => /^BG00/.test(c)), before.filter((c) => /^BG00/.test(c)), `${file}: syntax errors`);
        assert.equal(count(after, 'BG202'), count(before, 'BG202'), `${file}: a figure defined twice`);
        const printed = squeeze(render(model(report), 'txt', { width: 1000 }));
        for (const line of readLines(fragment, () => undefined).lines) {
          const words = squeeze(typedNumber(line.text)?.rest ?? line.text);
          if (words) assert.ok(printed.includes(words), `${file}: “${words}” not printed`);
        }
      }
    });
  });
});
