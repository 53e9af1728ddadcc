// The headers and footers of a .docx: the text the sections show there (a 机关, “内部资料”, a telephone
// number) is kept as `//` comments before the body and told once (BG245); what is only page furniture —
// PAGE and NUMPAGES fields, “第 X 页 共 Y 页”, “— X —” — is left out (the renderer numbers pages). Only
// the parts the sections name and Word shows are read. Hand-written XML, and a .docx made by LibreOffice
// 7.4 (test/fixtures/docx/headers.fodt).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { parse } from '../../../grammar/index.js';
import { importReport } from '../../../server/language/import/index.js';
import { checkSourceText } from '../../../server/language/sourceCheck.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { readWordSource } from '../../../server/node/readWord.js';
import { render } from '../../../templates/render.js';
import { model } from '../../helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/docx/${name}`, import.meta.url));
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
/** A field as Word writes it in runs: begin, the instruction, separate, the result it last drew, end. */
const field = (instruction: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const simpleField = (instruction: string, result: string) => `<w:fldSimple w:instr=" ${instruction} ">${run(result)}</w:fldSimple>`;

const TITLE = para(run('某某镇人民政府2021年度法治政府建设情况报告'));
const OPENING = para(run('2021年，某某镇坚持依法行政，现将有关情况报告如下。'));
const BODY = TITLE + OPENING + para(run('一、主要举措')) + para(run('全年办理行政复议案件12件。')) + para(run('某某镇人民政府')) + para(run('2022年1月10日'));

interface Part {
  kind: 'header' | 'footer';
  /** The paragraphs' XML. */
  xml: string;
  /** How the section names it: default, first, even; none: the part is in the package but no section names it. */
  type?: 'default' | 'first' | 'even' | 'none';
}

/**
 * A .docx of BODY whose final section names the given headers and footers (through document.xml.rels), with
 * `titlePg` (首页不同) and settings' evenAndOddHeaders (奇偶页不同) as asked; `sections` more sections before it.
 */
async function docx(parts: Part[], options: { titlePg?: boolean; evenAndOdd?: boolean; body?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const rels: string[] = [];
  const references: string[] = [];
  parts.forEach((part, i) => {
    const name = `${part.kind}${i + 1}.xml`;
    const root = part.kind === 'header' ? 'hdr' : 'ftr';
    zip.file(`word/${name}`, `<?xml version="1.0"?><w:${root} ${NS}>${part.xml}</w:${root}>`);
    rels.push(`<Relationship Id="rId${i + 10}" Type="${REL}/${part.kind}" Target="${name}"/>`);
    if (part.type !== 'none') references.push(`<w:${part.kind}Reference w:type="${part.type ?? 'default'}" r:id="rId${i + 10}"/>`);
  });
  const sectPr = `<w:sectPr>${references.join('')}${options.titlePg ? '<w:titlePg/>' : ''}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`;
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body>${options.body ?? BODY}${sectPr}</w:body></w:document>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/settings" Target="settings.xml"/>${rels.join('')}</Relationships>`);
  zip.file('word/settings.xml', `<?xml version="1.0"?><w:settings ${NS}>${options.evenAndOdd ? '<w:evenAndOddHeaders/>' : ''}</w:settings>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const imported = async (parts: Part[], options?: Parameters<typeof docx>[1]) => {
  const source = await readWordSource(await docx(parts, options));
  return { source, result: importReport(source.text, { word: source.word }) };
};
/** The comment lines the import wrote for headers and footers. */
const pageComments = (text: string) => text.split('\n').filter((l) => /^\/\/ 页[眉脚]：|^\/\/ (?!由 baogao)/.test(l));

describe('import: headers and footers of a .docx', () => {
  it('headers.docx (LibreOffice): the header’s and the footer’s words as comments before the body, told once (BG245); “第 X 页 共 Y 页” left out and noted', async () => {
    const source = await readWordSource(fixture('headers.docx'));
    assert.deepEqual(source.word.asides.map((a) => `${a.line} ${a.label} ${a.paragraphs.join('/')}`), ['1 页眉 桂圩镇人民政府办公室　内部资料', '1 页脚 联系电话：0775-1234567']);
    const r = importReport(source.text, { word: source.word });
    const lines = r.text.split('\n');
    const first = lines.indexOf('// 页眉：桂圩镇人民政府办公室　内部资料');
    assert.ok(first > lines.indexOf('@日期 2021-01-10'), r.text);
    assert.equal(lines[first + 1], '// 页脚：联系电话：0775-1234567');
    assert.equal(lines[first + 3], '2020年，桂圩镇认真贯彻落实《法治政府建设实施纲要（2015-2020年）》，现将有关情况报告如下。');
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['1:BG245']);
    assert.match(r.findings[0]!.message, /^原文的页眉和页脚有文字（“桂圩镇人民政府办公室　内部资料”）：.*写成了正文之前的注释（“\/\/ 页眉：……”），不打印/);
    assert.ok(r.notes.some((n) => n.line === 1 && n.what === '页眉页脚中的页码 1 处'));
    assert.doesNotMatch(r.text, /第\s*\d*\s*页|\uE000/);
    assert.deepEqual(parse(r.text).diagnostics, []);
    // Not printed, and nothing lost: the header's words are in the .bg for the writer to decide.
    assert.doesNotMatch(render(model(r.text), 'txt', { width: 1000 }), /内部资料|联系电话/);
  });

  it('leaves out what is only page furniture — fields PAGE, NUMPAGES, SECTIONPAGES (in runs or simple), typed “— 3 —”, “- 3 -”, “第3页”, “Page 1 of 2”, “1/5” — and keeps the words beside a page number', async () => {
    const { source, result } = await imported([
      { kind: 'header', xml: para(run('某某镇人民政府　第 '), field('PAGE \\* MERGEFORMAT', '1'), run(' 页')) + para() },
      { kind: 'footer', xml: [
        para(run('— '), field('PAGE', '2'), run(' —')),
        para(run('第 '), simpleField('PAGE', '1'), run(' 页 共 '), simpleField('NUMPAGES', '3'), run(' 页')),
        para(run('第'), field('PAGE', '1'), run('页，共'), field('SECTIONPAGES', '4'), run('页')),
        para(run('- 3 -')),
        para(run('第3页')),
        para(run('Page '), field('PAGE', '1'), run(' of '), field('NUMPAGES', '2')),
        para(field('PAGE', '1'), run('/'), field('NUMPAGES', '5')),
        para(run('　')),
      ].join('') },
    ]);
    assert.deepEqual(source.word.asides.map((a) => `${a.label} ${a.paragraphs.join('/')}`), ['页眉 某某镇人民政府']);
    assert.equal(source.word.pageNumbers, 7); // the footer's seven; the header has words
    assert.deepEqual(pageComments(result.text), ['// 页眉：某某镇人民政府']);
    assert.deepEqual(result.findings.map((f) => `${f.line}:${f.code}`), ['1:BG245']);
  });

  it('leaves out a page number in every field form: a formula or quotation whose instruction holds a page field ({ = { PAGE } - 1 }, { QUOTE { PAGE } }, a simple field there), a page field in another field’s result, a simple field in a simple field; a condition’s words kept', async () => {
    const begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>';
    const instruction = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
    const separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
    const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const forms = [
      // { = { PAGE } }, { = { PAGE } - 1 }: the formula's result is the number Word drew.
      begin + instruction(' = ') + field('PAGE', '3') + instruction(' ') + separate + run('3') + end,
      begin + instruction(' = ') + field('PAGE', '3') + instruction(' - 1 ') + separate + run('2') + end,
      begin + instruction(' = ') + field('NUMPAGES', '9') + instruction(' - 1 ') + separate + run('8') + end,
      // A page field written as a simple field inside a formula's instruction.
      begin + instruction(' = ') + simpleField('PAGE', '4') + instruction(' + 1 ') + separate + run('5') + end,
      // A page field in the result of a field that is no page number (as Word keeps a QUOTE's result).
      begin + instruction(' QUOTE ') + separate + field('PAGE', '6') + end,
      `<w:fldSimple w:instr=" QUOTE ">${simpleField('PAGE', '7')}</w:fldSimple>`,
      // A formula written as a simple field.
      simpleField('= PAGE', '8'),
      // A quotation of the page number.
      begin + instruction(' QUOTE ') + field('PAGE', '9') + separate + run('9') + end,
    ];
    const { source } = await imported([{ kind: 'footer', xml: forms.map((form, i) => para(run(`机关${i}　`), form)).join('') }]);
    assert.deepEqual(source.word.asides.map((a) => a.paragraphs.join('/')), [forms.map((_, i) => `机关${i}`).join('/')]);
    assert.equal(source.word.pageNumbers ?? 0, 0); // each paragraph has words: none is only a page number
    // The same forms on their own are page furniture, counted.
    const alone = await imported([{ kind: 'footer', xml: forms.map((form) => para(form)).join('') }]);
    assert.deepEqual(alone.source.word.asides, []);
    assert.equal(alone.source.word.pageNumbers, forms.length);
    // A condition on the page number shows its own words: they are kept, the page number it tests is not.
    const condition = begin + instruction(' IF ') + field('PAGE', '2') + instruction(' > 1 "某某镇人民政府" "" ') + separate + run('某某镇人民政府') + end;
    const kept = await imported([{ kind: 'header', xml: para(run('内部资料　'), condition) }]);
    assert.deepEqual(kept.source.word.asides.map((a) => a.paragraphs.join('/')), ['内部资料　某某镇人民政府']);
  });

  it('tells nothing for a document whose headers and footers hold page numbers only, or nothing', async () => {
    const { source, result } = await imported([
      { kind: 'header', xml: para() },
      { kind: 'footer', xml: para(run('— '), field('PAGE', '12'), run(' —')) },
    ]);
    assert.deepEqual(source.word.asides, []);
    assert.deepEqual(result.findings, []);
    assert.ok(result.notes.some((n) => n.line === 1 && n.what === '页眉页脚中的页码 1 处'));
    assert.deepEqual(pageComments(result.text), []);
  });

  it('reads a field that is no page number as its result (a date, the title)', async () => {
    const { source } = await imported([
      { kind: 'header', xml: para(field('DATE \\@ "yyyy年M月d日"', '2022年1月10日')) + para(field('TITLE', '某某镇法治政府建设报告')) },
    ]);
    assert.deepEqual(source.word.asides.map((a) => a.paragraphs.join('/')), ['2022年1月10日/某某镇法治政府建设报告']);
  });

  it('reads only what Word shows: a first page’s header with 首页不同, an even page’s with 奇偶页不同, no part no section names; each part and each text once', async () => {
    const parts: Part[] = [
      { kind: 'header', xml: para(run('每页的页眉')) },
      { kind: 'header', xml: para(run('首页的页眉')), type: 'first' },
      { kind: 'header', xml: para(run('偶数页的页眉')), type: 'even' },
      { kind: 'footer', xml: para(run('没有哪一节用的页脚')), type: 'none' },
      { kind: 'footer', xml: para(run('每页的页眉')) }, // the same words in a footer are the footer's
    ];
    const plain = (await readWordSource(await docx(parts))).word.asides.map((a) => `${a.label} ${a.paragraphs.join('/')}`);
    assert.deepEqual(plain, ['页眉 每页的页眉', '页脚 每页的页眉']);
    const both = (await readWordSource(await docx(parts, { titlePg: true, evenAndOdd: true }))).word.asides.map((a) => `${a.label} ${a.paragraphs.join('/')}`);
    assert.deepEqual(both, ['页眉 每页的页眉', '页眉 首页的页眉', '页眉 偶数页的页眉', '页脚 每页的页眉']);
    // The same header for a first page as for the others: its words once.
    const same = await readWordSource(await docx([{ kind: 'header', xml: para(run('内部资料')) }, { kind: 'header', xml: para(run('内部资料')), type: 'first' }], { titlePg: true }));
    assert.deepEqual(same.word.asides.map((a) => a.paragraphs.join('/')), ['内部资料']);
  });

  it('reads the headers of every section (a section break’s properties in its last paragraph), and a header’s text box (a 机关 set in a box)', async () => {
    const zip = await JSZip.loadAsync(await docx([
      { kind: 'header', xml: para(`<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${para(run('某某镇人民政府办公室'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`) },
      { kind: 'footer', xml: para(run('第二节的页脚')), type: 'none' },
    ]));
    // The first section ends after the opening and names the footer.
    const document = (await zip.file('word/document.xml')!.async('string')).replace(
      OPENING,
      '<w:p><w:pPr><w:sectPr><w:footerReference w:type="default" r:id="rId11"/></w:sectPr></w:pPr>' + run('2021年，某某镇坚持依法行政，现将有关情况报告如下。') + '</w:p>',
    );
    zip.file('word/document.xml', document);
    const source = await readWordSource(await zip.generateAsync({ type: 'uint8array' }));
    assert.deepEqual(source.word.asides.map((a) => `${a.label} ${a.paragraphs.join('/')}`), ['页脚 第二节的页脚', '页眉 某某镇人民政府办公室']);
    assert.equal(source.text.split('\n')[1], '2021年，某某镇坚持依法行政，现将有关情况报告如下。');
  });

  it('checked as it is (baogao check on the .docx): BG245 at the first paragraph, an info', async () => {
    const source = await readWordSource(fixture('headers.docx'));
    const { findings } = checkSourceText(new LanguageService(new MemoryWorkspace({})), '/headers.docx.bg', source.text, { word: source.word });
    const told = findings.filter((f) => f.code === 'BG245');
    assert.deepEqual(told.map((f) => `${f.line}:${f.column}:${f.severity}`), ['1:1:info']);
  });
});
