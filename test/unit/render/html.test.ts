// HTML output: a self-contained, printable page on the GB/T 9704 layout, fed by the same view model.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { OUTPUT_FORMATS, render, signatureLines } from '../../../templates/render.js';
import { buildView, signaturePlacement } from '../../../templates/view.js';
import { layoutReport } from '../../../templates/layout/document.js';
import { cellWidth } from '../../../templates/layout/width.js';
import { GOLDEN_FORMATS, goldenPath, renderSample } from '../../golden.js';
import { model, SAMPLES, sampleModel } from '../../helpers.js';
import { htmlBodyText, htmlProblems } from './htmlCheck.js';

const han = (text: string) => Array.from(text).filter((c) => /\p{Script=Han}/u.test(c)).join('');

describe('render: HTML', () => {
  it('is an output format with a golden file for every sample', () => {
    assert.ok(OUTPUT_FORMATS.includes('html'));
    assert.ok(GOLDEN_FORMATS.includes('html'));
    for (const sample of SAMPLES) assert.ok(existsSync(goldenPath(sample, 'html')), `missing ${goldenPath(sample, 'html')}: run npm run golden:update`);
  });

  for (const sample of SAMPLES) {
    it(`${sample}: well-formed, self-contained, every CJK character of the text rendering in order`, () => {
      const html = renderSample(sample, 'html');
      assert.deepEqual(htmlProblems(html), []);
      assert.ok(html.startsWith('<!DOCTYPE html>'));
      for (const forbidden of ['<script', '<link', '<img', '<iframe', 'src=', 'href=', 'url(', '@import', 'http:', 'https:']) {
        assert.ok(!html.toLowerCase().includes(forbidden), `${sample}.html contains ${forbidden}`);
      }
      assert.equal(han(htmlBodyText(html)), han(renderSample(sample, 'txt')));
    });
  }

  it('escapes markup-like prose: <b> and & print as typed', () => {
    const html = render(model('@标题 甲<b>乙</b>&丙\n@机关 某镇人民政府\n@年度 2020\n\n# 标题<i>\n## 二级&标题\n正文<b>粗</b>&amp; 与 &lt; 和 "引号"。\n'), 'html');
    assert.deepEqual(htmlProblems(html), []);
    assert.ok(!html.includes('<b>') && !html.includes('<i>'));
    assert.match(html, /<title>甲&lt;b&gt;乙&lt;\/b&gt;&amp;丙<\/title>/);
    assert.match(html, /<span class="title">甲<\/span><span class="title half">&lt;b&gt;<\/span><span class="title">乙<\/span>/);
    assert.match(html, /<span class="body half">&lt;b&gt;<\/span><span class="body">粗<\/span><span class="body half">&lt;\/b&gt;&amp;amp;<\/span>/);
    assert.match(html, /<span class="heiti">一、标题<\/span><span class="heiti half">&lt;i&gt;<\/span>/);
    assert.match(htmlBodyText(html).replace(/\n/g, ''), /正文<b>粗<\/b>&amp; 与 &lt; 和 "引号"。/);
  });

  it('sets A4 pages with the GB/T 9704 type area: 22 lines of 28 characters in 16 pt 仿宋, the fonts with fallbacks', () => {
    const html = renderSample('guiwei-2020', 'html');
    assert.match(html, /@page \{\s*size: A4;\s*margin: 0;\s*\}/);
    assert.match(html, /\.page \{[^}]*width: 210mm;\s*height: 297mm;/);
    assert.match(html, /\.type-area \{[^}]*top: 37mm;\s*left: 28mm;\s*width: 156mm;\s*height: 225mm;/);
    assert.match(html, /--pitch: calc\(156mm \/ 28\);/);
    assert.match(html, /--line: calc\(225mm \/ 22\);/);
    assert.match(html, /\.line \{[^}]*white-space: pre;[^}]*font-size: 16pt;\s*letter-spacing: calc\(var\(--pitch\) - 16pt\);/);
    assert.match(html, /\.line\.justify \{\s*text-align: justify;\s*text-align-last: justify;/);
    assert.match(html, /--fangsong: "仿宋_GB2312", FangSong_GB2312, "仿宋", FangSong, STFangsong, "Noto Serif CJK SC"/);
    assert.match(html, /--xiaobiaosong: "方正小标宋简体", "FZXiaoBiaoSong-B05S"/);
    assert.match(html, /--heiti: "黑体", SimHei, STHeiti, "Noto Sans CJK SC"/);
    assert.match(html, /--kaiti: "楷体_GB2312", KaiTi_GB2312, "楷体", KaiTi, STKaiti, "AR PL KaitiM GB"/);
    assert.match(html, /\.title \{\s*font-family: var\(--xiaobiaosong\);\s*font-size: 22pt;/);
  });

  for (const sample of SAMPLES) {
    it(`${sample}: prints exactly the layout's pages and lines, page numbers odd right and even left`, () => {
      const report = sampleModel(sample);
      const view = buildView(report);
      const layout = layoutReport(view);
      const html = render(report, 'html');
      const pages = html.split('<section class="page ').slice(1);
      assert.equal(pages.length, layout.pages.length);
      pages.forEach((page, i) => {
        const laid = layout.pages[i]!;
        assert.ok(page.startsWith(laid.number % 2 ? 'odd">' : 'even">'), `page ${laid.number}`);
        const lines = [...page.matchAll(/<div class="line [^"]*"[^>]*>(.*?)<\/div>/g)].map((m) => htmlBodyText(`<body>${m[1]!}`));
        assert.deepEqual(lines, laid.lines.map((l) => l.text + (l.tail ?? '')));
        assert.ok(lines.length <= 22);
        if (laid.numbered) assert.ok(page.includes(`<div class="folio">— ${laid.number} —</div>`));
      });
      assert.match(html, /\.odd \.folio \{\s*right: calc\(26mm \+ 1em\);/);
      assert.match(html, /\.even \.folio \{\s*left: calc\(28mm \+ 1em\);/);
    });
  }

  it('breaks a long title between words, and sets run-in level-2 headings as a 楷体 span', () => {
    const html = renderSample('guiwei-2020', 'html');
    assert.match(html, /<div class="line title centre"><span class="title">桂圩镇人民政府<\/span><\/div>\n<div class="line title centre"><span class="title half">2020<\/span><span class="title">年度法治政府建设情况报告<\/span><\/div>/);
    assert.match(html, /<span class="heiti">一、依法全面履行政府职能情况<\/span>/);
    assert.match(html, /<span class="kaiti">（一）全面部署法治建设。<\/span><span class="body">桂圩镇党委政府/);
    assert.match(html, /\.kaiti \{\s*font-family: var\(--kaiti\);/);
  });

  it('places the signature with the indents the view decides, as the text output does', () => {
    for (const sample of SAMPLES) {
      const view = buildView(sampleModel(sample));
      const html = renderSample(sample, 'html');
      for (const line of view.signature) {
        assert.ok(html.includes(`<div class="line signature end" style="padding-right: calc(${line.right} * var(--pitch))">`), `${sample}: ${line.text}`);
      }
    }
  });
});

describe('render: the signature block (GB/T 9704 7.3.5.2)', () => {
  it('keeps the body two characters from the right and starts the date two characters right of it', () => {
    // Date (6.5 columns) + 2 is longer than the body (7): the date keeps 2 from the edge, the body moves left.
    assert.deepEqual(signaturePlacement('桂圩镇人民政府', '2021年1月13日'), [
      { text: '桂圩镇人民政府', right: 3.5 },
      { text: '2021年1月13日', right: 2 },
    ]);
    // A long body: it keeps 2 from the edge, the date starts 2 characters in from its start.
    const [org, date] = signaturePlacement('中共某某县某某镇委员会某某镇人民政府', '2021年1月3日');
    assert.equal(org!.right, 2);
    assert.equal(org!.right + cellWidth(org!.text) / 2 - (date!.right + cellWidth(date!.text) / 2), 2);
    assert.deepEqual(signaturePlacement(undefined, '2021年1月3日'), [{ text: '2021年1月3日', right: 2 }]);
    assert.deepEqual(signaturePlacement(undefined, undefined), []);
  });

  it('is the same rule in the text output', () => {
    for (const [org, date] of [['桂圩镇人民政府', '2021年1月13日'], ['中共某某县某某镇委员会某某镇人民政府', '2021年1月3日'], ['某镇', undefined]] as const) {
      const lines = signatureLines(org, date, 28).slice(1);
      signaturePlacement(org, date).forEach((placed, i) => assert.equal(56 - cellWidth(lines[i]!), placed.right * 2));
    }
  });
});
