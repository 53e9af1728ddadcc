// What a Word file holds beside its body's paragraphs — footnotes and endnotes, text boxes (DrawingML and
// VML, WordArt), review comments — is never lost on import: notes and boxes are kept as `//` comments after
// the paragraph that cites or holds them (BG242, BG243), a box in the title zone is read as the title's
// lines, review comments are told (BG244). Hand-written XML, and .docx made by LibreOffice 7.4
// (test/fixtures/docx/notes.fodt, redhead.fodt).
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
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';

/** A .docx of a body and, optionally, footnotes, endnotes and comments parts (their inner XML). */
async function docx(body: string, parts: { footnotes?: string; endnotes?: string; comments?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${NS}><w:body>${body}</w:body></w:document>`);
  if (parts.footnotes !== undefined) zip.file('word/footnotes.xml', `<?xml version="1.0"?><w:footnotes ${NS}>${SEPARATORS('footnote')}${parts.footnotes}</w:footnotes>`);
  if (parts.endnotes !== undefined) zip.file('word/endnotes.xml', `<?xml version="1.0"?><w:endnotes ${NS}>${SEPARATORS('endnote')}${parts.endnotes}</w:endnotes>`);
  if (parts.comments !== undefined) zip.file('word/comments.xml', `<?xml version="1.0"?><w:comments ${NS}>${parts.comments}</w:comments>`);
  return zip.generateAsync({ type: 'uint8array' });
}
/** The separator and continuation separator Word writes first in footnotes.xml: lines it draws, no notes. */
const SEPARATORS = (name: string) => `<w:${name} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${name}><w:${name} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${name}>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const footnoteRef = (id: number, extra = '') => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"${extra}/></w:r>`;
const endnoteRef = (id: number) => `<w:r><w:endnoteReference w:id="${id}"/></w:r>`;
const note = (name: string, id: number, ...paragraphs: string[]) => `<w:${name} w:id="${id}">${paragraphs.map((p, i) => `<w:p>${i === 0 ? `<w:r><w:${name}Ref/></w:r>` : ''}${run(` ${p}`)}</w:p>`).join('')}</w:${name}>`;
/** A text box as Word 2010 writes it: DrawingML for Word, the same text again in VML for older readers. */
const textBox = (...paragraphs: string[]) => {
  const content = `<w:txbxContent>${paragraphs.map((p) => para(run(p))).join('')}</w:txbxContent>`;
  return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
};
const vmlBox = (...paragraphs: string[]) => `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${paragraphs.map((p) => para(run(p))).join('')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;

const TITLE = para(run('某某镇人民政府2021年度法治政府建设情况报告'));
const OPENING = para(run('2021年，某某镇坚持依法行政，现将有关情况报告如下。'));
const END = para(run('某某镇人民政府')) + para(run('2022年1月10日'));
const read = async (body: string, parts?: Parameters<typeof docx>[1]) => readWordSource(await docx(body, parts));
const imported = async (body: string, parts?: Parameters<typeof docx>[1]) => {
  const source = await read(body, parts);
  return importReport(source.text, { word: source.word });
};
/** The imported report's body: what follows the header. */
const bodyOf = (text: string) => text.slice(text.indexOf('\n\n') + 2);

describe('import: footnotes and endnotes of a .docx', () => {
  it('keeps each note’s text as a comment after the paragraph that cites it, labelled as Word numbers it, and says so once (BG242)', async () => {
    const body = TITLE + OPENING + para(run('一、主要举措')) + para(run('全年共调处矛盾纠纷150起'), footnoteRef(1), run('，调解成功147起，成功率达98%。')) + para(run('聘请法律顾问2名。'), endnoteRef(1)) + END;
    const r = await imported(body, { footnotes: note('footnote', 1, '数据来源：镇综治中心台账。', '统计截至2021年12月31日。'), endnotes: note('endnote', 1, '见镇政府常务会议纪要。') });
    assert.equal(bodyOf(r.text), [
      '2021年，某某镇坚持依法行政，现将有关情况报告如下。',
      '',
      '# 主要举措 {#举措}',
      // The mark takes nothing from the figure before it: 150起 is a figure, and the rate is checked against it.
      '全年共调处矛盾纠纷{调处矛盾纠纷 = 150起}，调解成功{调解成功 = 147起}，成功率达{成功率 = 98% : 调解成功/调处矛盾纠纷}。',
      '',
      '// 脚注1（原文第4段“……调处矛盾纠纷150起”之后）：数据来源：镇综治中心台账。',
      '// 统计截至2021年12月31日。',
      '',
      '聘请法律顾问{聘请法律顾问 = 2名}。',
      '',
      // Word numbers endnotes i, ii, iii unless the section says otherwise.
      '// 尾注i（原文第5段“聘请法律顾问2名。”之后）：见镇政府常务会议纪要。',
      '',
    ].join('\n'));
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['4:BG242']);
    assert.match(r.findings[0]!.message, /^原文有 2 个脚注或尾注（第4—5段）：报告语言没有脚注，导入时把注文写成了引用它的段落之后的注释（“\/\/ 脚注1……”），不打印/);
    assert.deepEqual(r.notes.filter((n) => /注/.test(n.what)).map((n) => `${n.line} ${n.what}`), ['4 脚注1', '5 尾注i']);
    // The report parses cleanly and prints as the body did, without the notes.
    assert.deepEqual(parse(r.text).diagnostics, []);
    assert.doesNotMatch(render(model(r.text), 'txt', { width: 1000 }), /数据来源|纪要/);
  });

  it('takes separators for no notes, numbers in the section’s format from its start, and a mark the writer typed as no number', async () => {
    const body = `${TITLE}${para(run('甲'), footnoteRef(2), run('乙'), footnoteRef(3, ' w:customMarkFollows="1"'), run('*'), run('丙'), footnoteRef(4))}<w:sectPr><w:footnotePr><w:numFmt w:val="decimalEnclosedCircleChinese"/><w:numStart w:val="3"/></w:footnotePr></w:sectPr>`;
    const source = await read(body, { footnotes: note('footnote', 2, '第一个。') + note('footnote', 3, '自定义。') + note('footnote', 4, '第二个。') });
    assert.deepEqual(source.word.asides.map((a) => `${a.line} ${a.label} ${a.after} ${a.paragraphs.join('/')}`), ['2 脚注③ 甲 第一个。', '2 脚注 甲乙 自定义。', '2 脚注④ 甲乙*丙 第二个。']);
  });

  it('reads no note whose reference was deleted (tracked) or that has no text; a note cited in the title goes before the body, one in the signature after it', async () => {
    const deleted = `<w:del w:id="9" w:author="审核">${footnoteRef(1)}</w:del>`;
    const body = para(run('某某镇人民政府2021年度法治政府建设情况报告'), footnoteRef(2)) + OPENING + para(run('全年办理案件12件。'), deleted, footnoteRef(3)) + para(run('某某镇人民政府'), footnoteRef(4)) + para(run('2022年1月10日'));
    const r = await imported(body, { footnotes: note('footnote', 1, '删去的注。') + note('footnote', 2, '本报告经镇党委会议审议。') + `<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r></w:p></w:footnote>` + note('footnote', 4, '盖章。') });
    assert.equal(r.header.title, '某某镇人民政府2021年度法治政府建设情况报告');
    assert.equal(bodyOf(r.text), [
      '// 脚注1（原文第1段“……法治政府建设情况报告”之后）：本报告经镇党委会议审议。',
      '',
      '2021年，某某镇坚持依法行政，现将有关情况报告如下。',
      '',
      '全年办理案件{办理案件 = 12件}。',
      '',
      // The note with no text is not kept, but Word numbers it: the next is 脚注3, as Word shows it.
      '// 脚注3（原文第4段“某某镇人民政府”之后）：盖章。',
      '',
    ].join('\n'));
    assert.doesNotMatch(r.text, /删去的注/);
  });

  it('a report whose last paragraph cites a note is still read as cut mid-sentence when it is (the note after it is not where the text stops)', async () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    const source = await read(TITLE + OPENING + para(run('一、主要举措')) + para(run('全年办理行政复议案件12件，'), footnoteRef(1)), { footnotes: note('footnote', 1, '含撤回的2件。') });
    const { excerpt, imported: r } = checkSourceText(service, '/x.docx.bg', source.text, { word: source.word });
    assert.match(r.text, /\/\/ 脚注1（原文第4段“……行政复议案件12件，”之后）：含撤回的2件。\n$/);
    assert.equal(excerpt, true);
  });
});

describe('import: text boxes of a .docx', () => {
  it('reads a box Word writes twice (DrawingML and its VML fallback) once, and a VML box, as comments after the paragraph holding them (BG243)', async () => {
    const body = TITLE + OPENING + para(run('一、主要举措')) + para(textBox('注：数据截至2021年11月30日。', '来源：县统计局'), run('全镇共有行政执法人员44人，持证率为100%。')) + para(run('二、存在问题')) + para(vmlBox('图1　办事流程'), run('一是学法不够深入。')) + END;
    const r = await imported(body);
    assert.equal(bodyOf(r.text), [
      '2021年，某某镇坚持依法行政，现将有关情况报告如下。',
      '',
      '# 主要举措 {#举措}',
      '全镇共有行政执法人员{行政执法人员 = 44人}，持证率为{持证率 = 100%}。',
      '',
      '// 文本框（原文第4段）：注：数据截至2021年11月30日。',
      '// 来源：县统计局',
      '',
      '# 存在问题 {#不足}',
      '一是学法不够深入。',
      '',
      '// 文本框（原文第6段）：图1　办事流程',
      '',
    ].join('\n'));
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['4:BG243']);
    assert.match(r.findings[0]!.message, /^原文有 2 个文本框（第4、6段）：报告语言没有文本框/);
  });

  it('reads a box inside a box once, after the paragraph holding it; an empty box is nothing', async () => {
    const inner = `<w:txbxContent>${para(run('内框文字'))}</w:txbxContent>`;
    const outer = `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${para(run('外框第一段'), `<w:r><w:pict><v:shape><v:textbox>${inner}</v:textbox></v:shape></w:pict></w:r>`)}${para(run('外框第二段'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const source = await read(TITLE + OPENING + para(outer, run('全年办理案件12件。')) + para(vmlBox(''), run('完。')));
    assert.deepEqual(source.word.asides.map((a) => `${a.line} ${a.paragraphs.join('/')}`), ['3 外框第一段/内框文字/外框第二段']);
    assert.deepEqual(source.text.split('\n'), ['某某镇人民政府2021年度法治政府建设情况报告', '2021年，某某镇坚持依法行政，现将有关情况报告如下。', '全年办理案件12件。', '完。']);
  });

  it('reads a box of short lines in the title zone (the title set in a box, a 红头) as the lines before its paragraph, where the title is found', async () => {
    const body = para(textBox('某某镇人民政府', '2021年度法治政府建设情况报告')) + OPENING + para(run('一、主要举措')) + para(run('全年办理案件12件。')) + END;
    const source = await read(body);
    assert.deepEqual(source.text.split('\n').slice(0, 4), ['某某镇人民政府', '2021年度法治政府建设情况报告', '', '2021年，某某镇坚持依法行政，现将有关情况报告如下。']);
    assert.deepEqual(source.word.boxLines, [1, 2]);
    const r = importReport(source.text, { word: source.word });
    assert.equal(r.header.title, '某某镇人民政府2021年度法治政府建设情况报告');
    assert.equal(r.header.year, 2021);
    assert.deepEqual(r.findings, []);
    assert.ok(r.notes.some((n) => n.line === 1 && n.what === '文本框中的文字'));
  });

  it('reads WordArt (VML textpath) at the top as a line: a 红头 is told as such, not as a web page’s column', async () => {
    const wordArt = '<w:r><w:pict><v:shape type="#_x0000_t136"><v:textpath style="font-family:&quot;方正小标宋简体&quot;" string="中共某某镇委员会文件"/></v:shape></w:pict></w:r>';
    const source = await read(para(wordArt) + TITLE + OPENING + END);
    assert.deepEqual(source.text.split('\n').slice(0, 3), ['中共某某镇委员会文件', '', '某某镇人民政府2021年度法治政府建设情况报告']);
    const r = importReport(source.text, { word: source.word });
    assert.equal(r.header.title, '某某镇人民政府2021年度法治政府建设情况报告');
    assert.ok(r.notes.some((n) => n.line === 1 && n.what === '发文机关标志“中共某某镇委员会文件”'), JSON.stringify(r.notes));
  });

  it('keeps a box in the title zone with a sentence in it, and a box after the opening, as comments (not body text)', async () => {
    const body = para(textBox('本报告已经镇党委会议审议通过。')) + TITLE + OPENING + para(textBox('某某镇人民政府')) + para(run('一、主要举措')) + para(run('全年办理案件12件。')) + END;
    const source = await read(body);
    assert.deepEqual(source.word.boxLines, []);
    assert.deepEqual(source.word.asides.map((a) => `${a.line} ${a.paragraphs.join('/')}`), ['1 本报告已经镇党委会议审议通过。', '4 某某镇人民政府']);
    assert.equal(importReport(source.text, { word: source.word }).header.title, '某某镇人民政府2021年度法治政府建设情况报告');
  });

  it('chooses the alternative with text (a choice with none gives way to its fallback) and reads a paragraph written in both branches once', async () => {
    const alternative = (choice: string, fallback: string) => `<mc:AlternateContent><mc:Choice Requires="w14">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`;
    const body = alternative(para(run('一段正文。')), para(run('一段正文。'))) + para(`<w:r>${alternative('<w:drawing/>', '<w:t>旧版的字</w:t>')}</w:r>`);
    assert.equal((await read(body)).text, '一段正文。\n旧版的字');
  });

  it('reads a damaged package’s boxes and alternatives without losing or doubling text: unclosed elements are read as they stand, deep nesting is bounded', async () => {
    const unclosed = para(run('甲')) + '<w:p><w:r><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>乙</w:t></w:r></w:p>' + para(run('丙'));
    assert.deepEqual((await read(unclosed)).text.split('\n'), ['甲', '乙', '丙']);
    const deep = `${'<mc:AlternateContent><mc:Choice>'.repeat(40)}${para(run('深'))}${'</mc:Choice></mc:AlternateContent>'.repeat(40)}`;
    assert.equal((await read(deep)).text, '深');
    // The reader's own mark of a box's place, written into a file, points at nothing: the box is read once, where it is.
    const forged = TITLE + OPENING + para(vmlBox('框中字'), run('甲。')) + para('<w:r><w:baogaoTextBox w:id="0"/></w:r>'.repeat(1000), run('乙。'));
    assert.deepEqual((await read(forged)).word.asides.map((a) => `${a.line} ${a.paragraphs.join('/')}`), ['3 框中字']);
    const open = `<mc:AlternateContent>${'<mc:Choice>'.repeat(20000)}${para(run('开'))}`;
    const started = process.cpuUsage();
    assert.equal((await read(open)).text, '开');
    assert.ok(process.cpuUsage(started).user < 2_000_000);
  });
});

describe('import: review comments of a .docx', () => {
  it('are no text of the report: left out, and told once at the first one’s paragraph (BG244)', async () => {
    const comment = (id: number, text: string) => `<w:comment w:id="${id}" w:author="司法所"><w:p>${run(text)}</w:p></w:comment>`;
    const ref = (id: number) => `<w:commentRangeStart w:id="${id}"/>`;
    const body = TITLE + OPENING + para(ref(0), run('全年办理案件12件。')) + para(run('聘请法律顾问2名。'), ref(1)) + END;
    const r = await imported(body, { comments: comment(0, '数字请再核实。') + comment(1, '顾问姓名？') + '<w:comment w:id="2"><w:p/></w:comment>' });
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['3:BG244']);
    assert.match(r.findings[0]!.message, /^原文有 2 条审阅批注/);
    assert.doesNotMatch(r.text, /核实|顾问姓名/);
    // Without comments, nothing is said.
    assert.deepEqual((await imported(body, { comments: '' })).findings, []);
  });
});

describe('import: notes, boxes and comments in .docx made by LibreOffice', () => {
  it('notes.docx: the title set in a text box, two footnotes (one of two paragraphs), an endnote, a text box beside a paragraph, a comment', async () => {
    const source = await readWordSource(fixture('notes.docx'));
    const r = importReport(source.text, { word: source.word, source: 'notes.docx' });
    assert.equal(r.header.title, '桂圩镇人民政府2020年度法治政府建设情况报告');
    assert.equal(bodyOf(r.text.slice(r.text.indexOf('\n') + 1)), [
      '桂圩镇2020年度法治政府建设工作在县委、县政府的正确领导下，认真贯彻落实《法治政府建设实施纲要（2015-2020年）》，现将有关情况报告如下。',
      '',
      '// 脚注1（原文第4段“……15-2020年）》”之后）：中共中央、国务院2015年12月印发。',
      '',
      '# 依法全面履行政府职能情况 {#举措}',
      '',
      '## 创新社会治理，依法化解矛盾纠纷',
      '全年调处矛盾纠纷{调处矛盾纠纷 = 150起}，调解成功{调解成功 = 147起}，成功率达{成功率 = 98% : 调解成功/调处矛盾纠纷}。',
      '',
      '// 脚注2（原文第7段“……调处矛盾纠纷150起”之后）：数据来源：镇综治中心台账。',
      '// 统计截至2020年12月31日。',
      '',
      '全镇共有行政执法人员{行政执法人员 = 44人}，持证率为{持证率 = 100%}。',
      '',
      '// 文本框（原文第8段）：注：矛盾纠纷含信访转办件。',
      '',
      '# 存在问题 {#不足}',
      '少数干部法治意识不强，学法用法的主动性不够。',
      '',
      '// 尾注i（原文第10段“少数干部法治意识不强”之后）：见镇党委2020年度民主生活会整改清单。',
      '',
    ].join('\n'));
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.code}`), ['4:BG242', '7:BG244', '8:BG243']);
    assert.doesNotMatch(r.text, /成功率请再核实/);
    assert.deepEqual(parse(r.text).diagnostics, []);
  });

  it('notes.docx checked as it is: the import’s findings at their paragraphs, the body’s findings where they were', () => {
    return readWordSource(fixture('notes.docx')).then((source) => {
      const { findings } = checkSourceText(new LanguageService(new MemoryWorkspace({})), '/notes.docx.bg', source.text, { word: source.word });
      const at = findings.map((f) => `${f.line}:${f.column}:${f.code}`);
      for (const expected of ['4:1:BG242', '7:1:BG244', '8:1:BG243', '4:54:BG603']) assert.ok(at.includes(expected), `${expected} in ${at.join(' ')}`);
      assert.equal(findings.find((f) => f.code === 'BG242')!.severity, 'info');
    });
  });

  it('redhead.docx: a 红头 in a text box anchored in the title’s paragraph is read above the title and told as the issuer’s mark', async () => {
    const source = await readWordSource(fixture('redhead.docx'));
    assert.deepEqual(source.text.split('\n').slice(0, 2), ['中共桂圩镇委员会文件', '桂圩镇人民政府关于2020年度法治政府建设情况的报告']);
    const r = importReport(source.text, { word: source.word });
    assert.equal(r.header.title, '桂圩镇人民政府关于2020年度法治政府建设情况的报告');
    assert.equal(r.header.to, '县委、县人民政府');
    assert.ok(r.notes.some((n) => n.line === 1 && /^发文机关标志/.test(n.what)));
    assert.deepEqual(r.findings, []);
  });
});
