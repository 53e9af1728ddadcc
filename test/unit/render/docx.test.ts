// DOCX output: the produced package unzipped and its WordprocessingML checked against GB/T 9704.
import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { render } from '../../../templates/render.js';
import { CHAR_PITCH, CHAR_SPACE, renderDocx, type DocxOptions } from '../../../templates/docx/writeDocx.js';
import { buildView } from '../../../templates/view.js';
import { layoutReport } from '../../../templates/layout/document.js';
import type { ReportModel } from '../../../server/language/model.js';
import { model, SAMPLES, sampleModel } from '../../helpers.js';

interface Package {
  zip: JSZip;
  document: string;
  styles: string;
  settings: string;
  part(name: string): Promise<string>;
}

async function unpack(report: ReportModel, options: Partial<DocxOptions> = {}): Promise<Package> {
  const bytes = await renderDocx(report, options);
  assert.ok(bytes instanceof Uint8Array);
  assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), 'PK');
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    assert.ok(file, `missing ${name}`);
    return file.async('string');
  };
  return { zip, document: await part('word/document.xml'), styles: await part('word/styles.xml'), settings: await part('word/settings.xml'), part };
}

const decode = (xml: string) => xml.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
/** The text of the document's runs, in order. */
const runText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
const han = (text: string) => Array.from(text).filter((c) => /\p{Script=Han}/u.test(c)).join('');
/** One style's XML by id. */
const style = (styles: string, id: string) => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's'))?.[0] ?? '';
const fonts = (name: string) => new RegExp(`<w:rFonts (?=[^>]*w:ascii="${name}")(?=[^>]*w:eastAsia="${name}")(?=[^>]*w:hAnsi="${name}")[^>]*/>`);

describe('render: DOCX', () => {
  let guiwei: Package;
  before(async () => {
    guiwei = await unpack(sampleModel('guiwei-2020'));
  });

  it('is an A4 page with the GB/T 9704 margins and a grid of 22 lines of 28 characters', () => {
    const sectPr = guiwei.document.match(/<w:sectPr>.*<\/w:sectPr>/s)?.[0] ?? '';
    assert.match(sectPr, /<w:pgSz w:w="11906" w:h="16838"/);
    const margin = sectPr.match(/<w:pgMar [^>]*\/>/)?.[0] ?? '';
    for (const [side, twips] of [['top', 2098], ['bottom', 1984], ['left', 1588], ['right', 1474]] as const) assert.match(margin, new RegExp(`w:${side}="${twips}"`), side);
    assert.match(sectPr, /<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"\/>/);
    // 28 characters of the grid fit the 156 mm line, 29 do not.
    const pitch = 16 + CHAR_SPACE / 4096;
    assert.ok(28 * pitch * 20 <= 8844 && 29 * pitch * 20 > 8844, `pitch ${pitch}`);
    assert.ok(Math.abs(CHAR_PITCH - 8844 / 28) < 1e-9);
  });

  it('sets 仿宋_GB2312 16 pt on exact 28.95 pt lines by default, justified with a two-character first-line indent', () => {
    const defaults = guiwei.styles.match(/<w:docDefaults>.*<\/w:docDefaults>/s)?.[0] ?? '';
    assert.match(defaults, fonts('仿宋_GB2312'));
    assert.match(defaults, /<w:sz w:val="32"\/>/);
    assert.match(defaults, /<w:spacing [^>]*w:line="579" w:lineRule="exact"\/>/);
    const normal = style(guiwei.styles, 'Normal');
    assert.match(normal, /w:default="1"/);
    assert.match(normal, /<w:ind w:firstLine="632" w:firstLineChars="200"\/>/);
    assert.match(normal, /<w:jc w:val="both"\/>/);
    assert.match(normal, /w:lineRule="exact"/);
  });

  it('has named styles a Word user can restyle: 公文标题, 一级标题 … 四级标题 on Heading 1–4, 落款, 页码', () => {
    const s = guiwei.styles;
    const title = style(s, 'BgTitle');
    assert.match(title, /<w:name w:val="公文标题"\/>/);
    assert.match(title, /<w:basedOn w:val="Title"\/>/);
    assert.match(title, fonts('方正小标宋简体'));
    assert.match(title, /<w:sz w:val="44"\/>/);
    assert.match(title, /<w:jc w:val="center"\/>/);
    assert.match(title, /<w:ind w:firstLine="0" w:firstLineChars="0"\/>/); // no first-line indent leaks into the title
    const expected = [['BgHeading1', '一级标题', 'Heading1', '黑体'], ['BgHeading2', '二级标题', 'Heading2', '楷体_GB2312'], ['BgHeading3', '三级标题', 'Heading3', '仿宋_GB2312'], ['BgHeading4', '四级标题', 'Heading4', '仿宋_GB2312']];
    expected.forEach(([id, name, basedOn, font], i) => {
      const heading = style(s, id!);
      assert.match(heading, new RegExp(`<w:name w:val="${name}"/>`));
      assert.match(heading, new RegExp(`<w:basedOn w:val="${basedOn}"/>`));
      assert.match(heading, fonts(font!));
      assert.match(heading, new RegExp(`<w:outlineLvl w:val="${i}"/>`));
      assert.match(heading, /<w:color w:val="000000"\/>/);
      assert.match(heading, /<w:sz w:val="32"\/>/);
    });
    assert.match(style(s, 'BgLead2'), fonts('楷体_GB2312'));
    assert.match(style(s, 'BgSignature'), /<w:name w:val="落款"\/>.*<w:jc w:val="right"\/>/s);
    // Word's own headings lose docx's blue.
    assert.doesNotMatch(style(s, 'Heading1'), /2E74B5/);
  });

  it('writes the title, headings and run-in level-2 headings with their styles', () => {
    const doc = guiwei.document;
    // The title's lines as the layout broke them (between words), then one blank line.
    assert.match(doc, /<w:pStyle w:val="BgTitle"\/><\/w:pPr><w:r><w:t xml:space="preserve">桂圩镇人民政府<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">2020年度法治政府建设情况报告<\/w:t><\/w:r><\/w:p><w:p><w:pPr><w:pStyle w:val="Normal"\/><w:ind w:firstLine="0" w:firstLineChars="0"\/><\/w:pPr><\/w:p>/);
    assert.match(doc, /<w:pStyle w:val="BgHeading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">一、依法全面履行政府职能情况<\/w:t>/);
    assert.match(doc, /<w:p><w:r><w:rPr><w:rStyle w:val="BgLead2"\/><\/w:rPr><w:t xml:space="preserve">（一）全面部署法治建设。<\/w:t><\/w:r><w:r><w:t xml:space="preserve">桂圩镇党委政府/);
  });

  it('places the signature two characters from the right and the date two characters right of its start', () => {
    const view = buildView(sampleModel('guiwei-2020'));
    const [org, date] = view.signature;
    const paragraphs = [...guiwei.document.matchAll(/<w:p\/>|<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => m[0]);
    const orgParagraph = paragraphs.find((p) => p.includes(`>${org!.text}</w:t>`) && p.includes('BgSignature'));
    const dateParagraph = paragraphs.find((p) => p.includes(`>${date!.text}</w:t>`));
    assert.ok(orgParagraph && dateParagraph);
    assert.match(orgParagraph, new RegExp(`<w:ind w:right="${Math.round(3.5 * CHAR_PITCH)}"/>`));
    // The date's left indent: the body's start (28 − 3.5 − 7 columns) plus two characters.
    const left = Number(dateParagraph.match(/<w:ind [^>]*w:left="(\d+)"/)?.[1]);
    assert.equal(left, Math.round((28 - 3.5 - 7 + 2) * CHAR_PITCH));
    assert.match(dateParagraph, /<w:jc w:val="left"\/>/);
    // One blank line below the text.
    assert.doesNotMatch(paragraphs[paragraphs.indexOf(orgParagraph) - 1]!, /<w:t/);
  });

  it('numbers pages "— N —" in 4号宋体: odd pages right, even pages left, each one character in', async () => {
    assert.match(guiwei.settings, /<w:evenAndOddHeaders\/>/);
    const rels = await guiwei.part('word/_rels/document.xml.rels');
    const footer = async (type: string) => {
      const id = guiwei.document.match(new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`))?.[1];
      assert.ok(id, `no ${type} footer`);
      const target = rels.match(new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`))?.[1];
      assert.ok(target, `no target for ${id}`);
      return guiwei.part(`word/${target}`);
    };
    const odd = await footer('default');
    const even = await footer('even');
    for (const xml of [odd, even]) {
      assert.match(xml, /<w:pStyle w:val="BgPageNumber"\/>/);
      assert.match(xml, /<w:t xml:space="preserve">— <\/w:t>.*<w:fldChar w:fldCharType="begin"\/>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:fldChar w:fldCharType="end"\/>.*<w:t xml:space="preserve"> —<\/w:t>/s);
    }
    assert.match(odd, /<w:ind w:right="280"\/><w:jc w:val="right"\/>/);
    assert.match(even, /<w:ind w:left="280"\/><w:jc w:val="left"\/>/);
    const pageNumber = style(guiwei.styles, 'BgPageNumber');
    assert.match(pageNumber, fonts('宋体'));
    assert.match(pageNumber, /<w:sz w:val="28"\/>/);
  });

  it('sets no paragraph on the character grid, no widow control and no space between Chinese and digits', async () => {
    const defaults = guiwei.styles.match(/<w:pPrDefault>.*<\/w:pPrDefault>/s)?.[0] ?? '';
    assert.match(defaults, /<w:pPr><w:widowControl w:val="0"\/><w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/><w:snapToGrid w:val="0"\/><w:spacing /);
    // Body characters 0.5 pt closer than 16 pt: 28 fit the line with room to spare.
    assert.match(style(guiwei.styles, 'Normal'), /<w:spacing w:val="-10"\/>/);
  });

  for (const sample of SAMPLES) {
    it(`${sample}: every line ends where the layout ends it, every early page end is a page break`, async () => {
      const report = sampleModel(sample);
      const layout = layoutReport(buildView(report));
      const { document } = await unpack(report);
      const body = document.slice(document.indexOf('<w:body>'), document.indexOf('<w:sectPr'));
      const paragraphs = [...body.matchAll(/<w:p\/>|<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => m[0]);
      const lines = paragraphs.flatMap((p) => (p.includes('<w:t') ? p.split('<w:br/>').map((part) => runText(part)) : ['']));
      const laid = layout.pages.flatMap((page) => page.lines.map((line) => line.text + (line.tail ?? '')));
      assert.deepEqual(lines, laid);
      const early = layout.pages.filter((page, i) => i < layout.pages.length - 1 && page.lines.length < 22).length;
      assert.equal(paragraphs.filter((p) => p.includes('<w:pageBreakBefore/>')).length, early);
    });
  }

  for (const sample of SAMPLES) {
    it(`${sample}: every CJK character of the text rendering, in order`, async () => {
      const report = sampleModel(sample);
      const { document } = await unpack(report);
      assert.equal(han(runText(document)), han(render(report, 'txt')));
    });
  }

  it('sets a title line with digits closer, so a font that draws them wide cannot wrap it (found on four real reports)', async () => {
    const titleRuns = (xml: string) => [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?w:val="BgTitle".*?<\/w:p>/gs)].map((m) => m[0]).join('');
    const digits = await unpack(model('@标题 泾源县公安局2025年度法治政府建设情况报告\n\n正文。\n'));
    assert.match(titleRuns(digits.document), /<w:spacing w:val="-\d+"\/>/);
    const plain = await unpack(model('@标题 某某县公安局法治政府建设情况报告\n\n正文。\n'));
    assert.doesNotMatch(titleRuns(plain.document), /<w:spacing w:val=/);
  });

  it('narrows the ASCII of a line that LibreOffice’s closest spacing (2 pt) could not keep on its line, and only the ASCII', async () => {
    const { document } = await unpack(model(`@标题 报告\n\n${'WWWMMM汉字'.repeat(12)}。\n`));
    const runs = [...document.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0]).filter((r) => r.includes('WWWMMM') || r.includes('>汉字<'));
    const narrowed = runs.filter((run) => /<w:w w:val="\d{1,2}"\/>/.test(run));
    assert.ok(narrowed.length > 4, 'the full lines narrow their ASCII');
    for (const run of narrowed) assert.match(run, /<w:spacing w:val="-40"\/>.*>WWWMMM</s);
    for (const run of runs.filter((r) => r.includes('>汉字'))) assert.doesNotMatch(run, /<w:w /);
  });

  it('spreads the last line before an early page end when the layout justifies it (a paragraph cut by the keep rules)', async () => {
    // A title, a blank line and 20 lines of body fill page 1; the signature takes the last two to page 2, cutting a paragraph.
    const body = Array.from({ length: 5 }, (_, i) => `第${i + 1}段${'字'.repeat(80)}。`).join('\n\n');
    const report = model(`@标题 某镇报告\n@机关 某镇人民政府\n@日期 2021-01-05\n\n${body}\n`);
    const layout = layoutReport(buildView(report));
    const lastOfPage1 = layout.pages[0]!.lines[layout.pages[0]!.lines.length - 1]!;
    assert.ok(layout.pages[0]!.lines.length < 22 && lastOfPage1.align === 'justify' && lastOfPage1.paragraph === layout.pages[1]!.lines[0]!.paragraph, 'a paragraph cut by an early page end');
    const { document } = await unpack(report);
    const paragraphs = document.split('</w:p>');
    const cut = paragraphs.findIndex((p) => p.includes('<w:pageBreakBefore/>'));
    assert.match(paragraphs[cut - 1]!, /<w:jc w:val="distribute"\/>/);
  });

  it('keeps a signature too long for its place where the layout puts it, nearer the right edge', async () => {
    const org = '中共某某市某某区委全面依法治区委员会办公室某某区司法局';
    const { document } = await unpack(model(`@标题 报告\n@机关 ${org}\n@日期 2023-12-31\n\n正文。\n`));
    const signature = document.split('</w:p>').find((p) => p.includes(`>${org}<`))!;
    assert.match(signature, /<w:jc w:val="left"\/>/);
    assert.match(signature, new RegExp(`<w:ind w:left="0" w:right="-${Math.round(2 * CHAR_PITCH)}"/>`));
  });

  it('keeps markup-like prose and control characters from breaking the XML', async () => {
    const { document } = await unpack(model('@机关 某镇\n@年度 2020\n\n正文<b>粗</b>&amp; 与 "引号"\u0001。\n'));
    assert.match(document, /正文&lt;b&gt;粗&lt;\/b&gt;&amp;amp; 与 &quot;引号&quot;\ufffd。/);
    assert.match(runText(document), /正文<b>粗<\/b>&amp; 与 "引号"\ufffd。/);
  });
});
