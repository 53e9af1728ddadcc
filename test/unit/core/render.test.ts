import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { lineViolations } from '../../../templates/layout/linebreak.js';
import { cellWidth } from '../../../templates/layout/width.js';
import { render, signatureLines } from '../../../templates/render.js';
import { GOLDEN_FORMATS, GOLDEN_STYLESHEET, goldenForm, goldenPath, renderSample } from '../../golden.js';
import { cjkKeptInOrder, model, SAMPLES, SEEDED, sampleModel, seedText } from '../../helpers.js';

describe('render: golden files', () => {
  for (const sample of SAMPLES) {
    for (const format of GOLDEN_FORMATS) {
      it(`${sample}.${format} matches its golden file`, () => {
        const golden = goldenPath(sample, format);
        assert.ok(existsSync(golden), `missing ${golden}: run npm run golden:update`);
        const { text, stylesheet } = goldenForm(renderSample(sample, format), format);
        assert.equal(text, readFileSync(golden, 'utf8'));
        if (stylesheet !== undefined) assert.equal(stylesheet, readFileSync(GOLDEN_STYLESHEET, 'utf8'), 'the inlined stylesheet differs from test/golden/report.css');
      });
    }
  }
});

describe('render: print-ready text on the GB/T 9704 grid', () => {
  for (const sample of SAMPLES) {
    it(`${sample}: no line wider than 28 columns, no forbidden line start or end`, () => {
      for (const line of renderSample(sample, 'txt').split('\n')) {
        assert.ok(cellWidth(line) <= 56, `too wide: ${line}`);
        assert.deepEqual(lineViolations(line), [], line);
      }
    });
  }

  for (const sample of SEEDED) {
    it(`${sample}: keeps at least 97% of the seed's CJK characters in order`, () => {
      const { kept, total } = cjkKeptInOrder(seedText(sample), renderSample(sample, 'txt'));
      assert.ok(kept / total >= 0.97, `${kept}/${total}`);
    });
  }

  it('honours other widths', () => {
    const text = render(sampleModel('guiwei-2020'), 'txt', { width: 20 });
    for (const line of text.split('\n')) assert.ok(cellWidth(line) <= 40, line);
  });

  it('centres the title, indents paragraphs and runs level-2 headings into their paragraph', () => {
    const lines = render(sampleModel('guiwei-2020'), 'txt').split('\n');
    // A title wider than 20 characters of 2号 breaks between words, after the issuing body (GB/T 9704 7.3.3).
    assert.match(lines[0]!, /^　+ ?桂圩镇人民政府$/);
    assert.match(lines[1]!, /^　+ ?2020年度法治政府建设情况报告$/);
    assert.equal(lines[2], '');
    assert.ok(lines.includes('　　一、依法全面履行政府职能情况'));
    assert.ok(lines.some((l) => l.startsWith('　　（一）全面部署法治建设。桂圩镇党委')));
  });

  it('renders run-on lists as 一是……；二是……。 joined to their lead-in', () => {
    const text = render(model('@年度 2020\n\n引言：\n- 甲事。\n- 乙事\n'), 'txt');
    assert.match(text.replace(/\n/g, ''), /引言：一是甲事；二是乙事。/);
  });

  it('prints an unresolvable figure exactly as typed', () => {
    const text = render(model('@年度 2020\n\n共{未定义指标}件{坏 = = }'), 'txt');
    assert.match(text.replace(/\n/g, ''), /共\{未定义指标\}件\{坏 = = \}/);
  });

  it('places signature and date per GB/T 9704 (date two columns right of the body, or two from the edge)', () => {
    const [blank, org, date] = signatureLines('桂圩镇人民政府', '2021年1月13日', 28);
    assert.equal(blank, '');
    // The date (6.5 columns) plus 2 is longer than the body (7): the date keeps 2 columns from the right.
    assert.equal(cellWidth(date!), 56 - 4);
    assert.equal(cellWidth(date!) - cellWidth('2021年1月13日') - (cellWidth(org!) - cellWidth('桂圩镇人民政府')), 4);
    const [, longOrg, shortDate] = signatureLines('中共某某县某某镇委员会某某镇人民政府', '2021年1月3日', 28);
    assert.equal(cellWidth(longOrg!), 56 - 4);
    assert.equal(cellWidth(shortDate!) - cellWidth('2021年1月3日') - (cellWidth(longOrg!) - cellWidth('中共某某县某某镇委员会某某镇人民政府')), 4);
  });

  it('paginates with page numbers when asked', () => {
    const text = render(sampleModel('guiwei-2020'), 'txt', { pages: true });
    const pages = text.split('\f');
    assert.ok(pages.length >= 3);
    assert.match(pages[0]!, /— 1 —/);
    assert.match(pages[1]!, /— 2 —/);
  });
});

describe('render: Markdown', () => {
  it('writes numbered headings and escapes prose that looks like markup', () => {
    const text = render(model('@年度 2020\n\n# 甲\n1. 项*目*\n'), 'md');
    assert.match(text, /^## 一、甲$/m);
    assert.match(text, /（一）项\\\*目\\\*/);
  });
});

describe('render: the writer’s templates', () => {
  it('a broken template is named with its file and line, in Chinese', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-template-'));
    mkdirSync(path.join(folder, 'txt'));
    const file = path.join(folder, 'txt', 'report.hbs');
    writeFileSync(file, '{{title}}\n{{#each blocks}}\n{{this}\n');
    assert.throws(() => render(sampleModel('guiwei-2020'), 'txt', { templateFolders: [folder] }), (error: Error) => {
      assert.ok(error.message.includes(`模板文件“${file}”第 3 行有误`), error.message);
      return true;
    });
  });
});
