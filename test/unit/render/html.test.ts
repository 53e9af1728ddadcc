// HTML output: a self-contained, printable page on the GB/T 9704 layout, fed by the same view model.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { OUTPUT_FORMATS, render, signatureLines } from '../../../templates/render.js';
import { buildView, signaturePlacement } from '../../../templates/view.js';
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
    assert.match(html, /<h1 class="title"><span class="keep">甲&lt;b&gt;乙&lt;\/b&gt;&amp;丙<\/span><\/h1>/);
    assert.match(html, /正文&lt;b&gt;粗&lt;\/b&gt;&amp;amp; 与 &amp;lt; 和 &quot;引号&quot;。/);
    assert.match(html, /<h2 class="level-1">一、标题&lt;i&gt;<\/h2>/);
    assert.match(htmlBodyText(html), /正文<b>粗<\/b>&amp; 与 &lt; 和 "引号"。/);
  });

  it('sets the page: A4, GB/T 9704 margins, 16 pt 仿宋 on 28.95 pt lines, justified, 2-character indent', () => {
    const html = renderSample('guiwei-2020', 'html');
    assert.match(html, /@page \{\s*size: A4;\s*margin: 37mm 26mm 35mm 28mm;\s*\}/);
    assert.match(html, /width: 156mm;/);
    assert.match(html, /font-size: 16pt;/);
    assert.match(html, /--line: 28\.95pt;/);
    assert.match(html, /text-align: justify;/);
    assert.match(html, /text-indent: calc\(2 \* var\(--pitch\)\);/);
    assert.match(html, /--fangsong: "仿宋_GB2312", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif;/);
    assert.match(html, /--xiaobiaosong: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif;/);
    assert.match(html, /SimHei, .*"Noto Sans CJK SC", .*sans-serif;/);
    assert.match(html, /font-size: 22pt;/);
    // Page numbers "— N —": odd pages at the right, even at the left.
    assert.match(html, /@page :right \{\s*@bottom-right \{\s*content: "— " counter\(page\) " —";/);
    assert.match(html, /@page :left \{\s*@bottom-left \{\s*content: "— " counter\(page\) " —";/);
  });

  it('centres the title, numbers headings and runs level-2 headings in as a 楷体 span', () => {
    const html = renderSample('guiwei-2020', 'html');
    // A title too long for a line wraps between its phrases (body, year, subject), not inside a word.
    assert.match(html, /<h1 class="title"><span class="keep">桂圩镇人民政府<\/span><span class="keep">2020年度<\/span><span class="keep">法治政府建设情况报告<\/span><\/h1>/);
    assert.match(html, /h1\.title \.keep \{\s*white-space: nowrap;/);
    assert.match(html, /<h2 class="level-1">一、依法全面履行政府职能情况<\/h2>/);
    assert.match(html, /<p><span class="lead level-2">（一）全面部署法治建设。<\/span>桂圩镇党委政府/);
    assert.match(html, /h3, \.lead\.level-2 \{\s*font-family: var\(--kaiti\);/);
  });

  it('places the signature with the indents the view decides, as the text output does', () => {
    for (const sample of SAMPLES) {
      const view = buildView(sampleModel(sample));
      const html = renderSample(sample, 'html');
      for (const line of view.signature) {
        assert.ok(html.includes(`<p style="padding-right: calc(${line.right} * var(--pitch))">${line.text}</p>`), `${sample}: ${line.text}`);
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
