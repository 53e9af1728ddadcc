// .docx files written by a real word processor (LibreOffice 7.4, test/fixtures/docx/README.md), not by the
// `docx` library: read as Word shows them, every paragraph and character, the numbers Word draws once.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { importReport } from '../../../server/language/import/index.js';
import { readWord, readWordSource } from '../../../server/node/readWord.js';
import { render } from '../../../templates/render.js';
import { model } from '../../helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/docx/${name}`, import.meta.url));
const lines = async (name: string) => (await readWord(fixture(name))).split('\n');
const sourceText = (name: string) => fixture(name).toString('utf8').replace(/\n$/, '');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A .docx of the given document body, numbering.xml and styles.xml contents. */
async function docx(body: string, numbering = '', styles = ''): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  if (numbering) zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`);
  if (styles) zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`);
  return zip.generateAsync({ type: 'uint8array' });
}
const para = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbered = (numId: number, ilvl: number, text: string) => para(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const LEVELS = '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>';

describe('import: .docx from LibreOffice', () => {
  it('features.docx: heading styles numbered by chapter numbering, fields as their result, tracked changes accepted, hidden text and footer left out; the footnote and the text box beside the body (wordAsides.test.ts)', async () => {
    assert.deepEqual((await readWordSource(fixture('features.docx'))).word.asides.map((a) => `${a.line} ${a.label} ${a.paragraphs.join('/')}`), ['2 脚注1 中共中央、国务院2015年印发。', '8 文本框 图1　办事流程']);
    assert.deepEqual(await lines('features.docx'), [
      '桂圩镇人民政府2020年度法治政府建设情况报告',
      '　　桂圩镇2020年度法治政府建设工作在县委、县政府的正确领导下，认真贯彻落实《法治政府建设实施纲要（2015-2020年）》。',
      '一、依法全面履行政府职能情况',
      '（一）全面部署法治建设',
      // A line break (Shift+Enter) between Chinese sentences: no space the writer never typed (was "4次。 镇": BG609).
      '　　桂圩镇党委政府成立了专门的领导小组，全年召开专题会议4次。镇便民服务中心全年受理事项1.2万件。',
      '（二）强化“最多跑一次”改革',
      '1.一窗受理',
      '持证率为\t81.48%，执法人员　44人。',
      '项目',
      '数量',
      '行政复议案件',
      '0件',
      '二、存在问题',
      '本报告共1页，第1页。',
    ]);
  });

  it('tracked.docx: a deleted paragraph mark joins two paragraphs, a deleted paragraph leaves no line; an empty numbered heading keeps its number; hyphens as Word prints them', async () => {
    assert.deepEqual(await lines('tracked.docx'), [
      '桂圩镇党委政府高度重视，成立了专门的领导小组。', // was two lines and an empty one
      '一、依法全面履行政府职能情况',
      '二、', // Word draws the number of an empty heading, and counts it
      '三、存在问题',
      '2015-2020年，软连字符。', // non-breaking hyphen "-", optional hyphen nothing (was "20152020年")
    ]);
  });

  it('empty.docx: an empty heading numbered by Word (Heading 1 and 2, chapter numbering) keeps its number as Word prints and counts it; the import makes no heading of it (BG241) and numbers on', async () => {
    const text = await readWord(fixture('empty.docx'));
    assert.deepEqual(text.split('\n').slice(2, 10), [
      '一、依法全面履行政府职能情况',
      '（一）全面部署法治建设',
      '桂圩镇党委政府高度重视推进政府法治建设工作，成立了专门的领导小组。',
      '（二）', // Word draws the number of the empty Heading 2 …
      '（三）创新社会治理，依法化解矛盾纠纷', // … and counts it
      '以维护桂圩镇平安稳定为底线，全年调处矛盾纠纷150起。',
      '二、',
      '三、存在问题',
    ]);
    const r = importReport(text);
    const headings = r.text.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings, ['# 依法全面履行政府职能情况 {#举措}', '## 全面部署法治建设', '## 创新社会治理，依法化解矛盾纠纷', '# 存在问题 {#不足}']);
    assert.doesNotMatch(r.text, /^(?:（二）|二、)$/m);
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['6:BG241', '9:BG241']);
    assert.match(r.findings[0]!.message, /只有序号“（二）”，没有文字.*其后同级的标题由渲染器接着编号/);
    assert.match(r.text, /^\/\/ BG241 原文第6行：只有序号“（二）”/m);
    // Printed: no number stands alone, none is printed twice.
    const printed = render(model(r.text), 'txt', { width: 1000 });
    assert.match(printed, /（一）全面部署法治建设。桂圩镇.*\n　　（二）创新社会治理，依法化解矛盾纠纷。以维护.*\n　　二、存在问题/);
  });

  it('restart.docx: a list restarted at "1." (startOverride in a second w:num) and continued in the first counts on ("2.", was "4.")', async () => {
    assert.deepEqual(await lines('restart.docx'), sourceText('restart.txt').split('\n'));
  });

  it('heading.docx: a heading in list numbering right after the first paragraph keeps the number Word draws (was dropped as a title)', async () => {
    assert.deepEqual(await lines('heading.docx'), sourceText('heading.txt').split('\n'));
  });

  it('formats.docx: numbers in each format LibreOffice writes (①, 甲, 壹, A, i, a, 第一条) as LibreOffice itself reads them back; a bullet not written', async () => {
    const items = ['全面部署法治建设', '强化“最多跑一次”改革', '创新社会治理，依法化解矛盾纠纷'];
    const numbers = [['①', '②', '③'], ['甲', '乙', '丙'], ['壹、', '贰、', '叁、'], ['1．', '2．', '3．'], ['A.', 'B.', 'C.'], ['（i）', '（ii）', '（iii）'], ['a）', 'b）', 'c）'], ['第一条', '第二条', '第三条'], ['1)', '2)', '3)']];
    assert.deepEqual(await lines('formats.docx'), [...numbers.flatMap((list) => list.map((n, i) => n + items[i])), '严格落实各项公示制度']);
  });

  it('imports the LibreOffice .docx as it imports the text it was made from', async () => {
    for (const name of ['restart', 'heading']) {
      assert.equal(importReport(await readWord(fixture(`${name}.docx`))).text, importReport(sourceText(`${name}.txt`)).text, name);
    }
  });
});

describe('import: .docx numbering and paragraphs as Word shows them', () => {
  it('counts the instances (w:num) of one abstract list together, restarts a level at its startOverride once, and reads a level an instance redefines', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${LEVELS}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
      + '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
      + '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:lvlOverride></w:num>';
    const body = [numbered(1, 0, '主要做法'), numbered(1, 1, '甲'), numbered(1, 1, '乙'), numbered(1, 1, '丙'), numbered(2, 1, '丁'), numbered(1, 1, '戊'), numbered(2, 1, '己'), numbered(3, 0, '存在问题'), numbered(3, 1, '庚')].join('');
    assert.deepEqual((await readWord(await docx(body, numbering))).split('\n'), ['一、主要做法', '1.甲', '2.乙', '3.丙', '1.丁', '2.戊', '3.己', '二、存在问题', '（一）庚']);
  });

  it('draws the formats Word has beyond LibreOffice’s: ⑴, ⒈, full-width digits, 01, 〇-digits, 子丑, XIV', async () => {
    const formats = ['decimalEnclosedParen', 'decimalEnclosedFullstop', 'decimalFullWidth', 'decimalZero', 'ideographDigital', 'ideographZodiac', 'upperRoman', 'chineseCountingThousand'];
    const numbering = formats.map((format, i) => `<w:abstractNum w:abstractNumId="${i}"><w:lvl w:ilvl="0"><w:start w:val="${i === 6 ? 14 : 10}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%1 "/></w:lvl></w:abstractNum><w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i}"/></w:num>`).join('');
    const body = formats.map((_, i) => numbered(i + 1, 0, '事项')).join('');
    assert.deepEqual((await readWord(await docx(body, numbering))).split('\n'), ['⑽ 事项', '⒑ 事项', '１０ 事项', '10 事项', '一〇 事项', '酉 事项', 'XIV 事项', '十 事项']);
  });

  it('takes a style’s numbering from its base style (w:basedOn) and a list style’s levels through w:numStyleLink, as Word numbers them', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="GongWen"/>${LEVELS}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="GongWen"/></w:abstractNum>`
      + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
    const styles = '<w:style w:type="numbering" w:styleId="GongWen"><w:name w:val="公文列表"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
      + '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
      + '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="县里的标题"/><w:basedOn w:val="H1"/></w:style>'
      + '<w:style w:type="paragraph" w:styleId="Mine2"><w:name w:val="县里的二级标题"/><w:basedOn w:val="Mine"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>';
    const body = [para('正文。'), para('正文。'), para('依法行政', '<w:pStyle w:val="Mine"/>'), para('部署', '<w:pStyle w:val="Mine2"/>'), para('存在问题', '<w:pStyle w:val="H1"/>')].join('');
    assert.deepEqual((await readWord(await docx(body, numbering, styles))).split('\n'), ['正文。', '正文。', '一、依法行政', '1.部署', '二、存在问题']);
  });

  it('reads a custom number format (Word 2010, WPS: "001, 002, 003, ...") and falls back where it cannot', async () => {
    const custom = (format: string, fallback: string) => `<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="${format}"/></mc:Choice><mc:Fallback><w:numFmt w:val="${fallback}"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1 "/></w:lvl>`;
    const numbering = `<w:abstractNum w:abstractNumId="0">${custom('001, 002, 003, ...', 'decimal')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${custom('壹, 贰, 叁, ...', 'chineseCounting')}</w:abstractNum>`
      + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
    const body = [numbered(1, 0, '事项'), numbered(1, 0, '事项'), numbered(2, 0, '事项')].join('');
    assert.deepEqual((await readWord(await docx(body, numbering))).split('\n'), ['001 事项', '002 事项', '一 事项']);
  });

  it('leaves out a paragraph hidden whole and joins one whose mark alone is hidden to the next, as Word prints them', async () => {
    const hiddenMark = '<w:rPr><w:vanish/></w:rPr>';
    const body = [para('全年办理12件。'), `<w:p><w:pPr>${hiddenMark}</w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部备注：数据待核）</w:t></w:r></w:p>`, para('依法决策，', hiddenMark), para('有序推进。')].join('');
    assert.deepEqual((await readWord(await docx(body))).split('\n'), ['全年办理12件。', '依法决策，有序推进。']);
  });

  it('gives a heading style its level’s number only where Word draws none and the paragraph does not turn numbering off (numId 0)', async () => {
    const styles = '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>';
    const heading = (text: string, extra = '') => para(text, `<w:pStyle w:val="1"/>${extra}`);
    const body = [para('正文。'), para('正文。'), heading('依法行政'), heading('存在问题', '<w:numPr><w:numId w:val="0"/></w:numPr>'), heading('工作安排')].join('');
    assert.deepEqual((await readWord(await docx(body, '', styles))).split('\n'), ['正文。', '正文。', '一、依法行政', '存在问题', '二、工作安排']);
  });

  it('joins a paragraph’s line breaks with nothing beside Chinese and with a space between words', async () => {
    const body = [`<w:p><w:r><w:t>法治政府建设</w:t><w:br/><w:t>情况报告</w:t></w:r></w:p>`, `<w:p><w:r><w:t>Word</w:t><w:br w:type="page"/><w:t>WPS，</w:t><w:br/><w:t>2020</w:t></w:r></w:p>`].join('');
    assert.deepEqual((await readWord(await docx(body))).split('\n'), ['法治政府建设情况报告', 'Word WPS，2020']);
  });
});
