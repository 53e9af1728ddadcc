// .docx written by Microsoft Word and other programs, from public repositories (test/fixtures/docx/word/README.md):
// read as Word shows them, or refused with a Chinese reason and its code — never an empty or garbled report.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { readReportSource, readWord } from '../../../server/node/readWord.js';

const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/docx/word/${name}`, import.meta.url));
const lines = async (name: string) => (await readWord(readFileSync(fixturePath(name)))).split('\n');
const refusal = (file: string) => readReportSource(file).then(() => assert.fail(`read ${file}`), (error: Error) => error.message);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A .docx of the given parts (name → XML), each a whole part. */
async function docx(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  return zip.generateAsync({ type: 'uint8array' });
}
const documentXml = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const numberingXml = (levels: string) => `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
const numbered = (ilvl: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const level = (ilvl: number, start: number, format: string, text: string, extra = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;

describe('import: .docx written by Word, from public repositories', () => {
  it('HelloWordOnline.docx (Word for the web): the main part is where _rels/.rels names it, word/document22.xml (was refused: 缺少 word/document.xml)', async () => {
    assert.deepEqual(await lines('HelloWordOnline.docx'), ['Hello World from Word Online']);
  });

  it('a relationship to a part the package lacks falls back to word/document.xml (a damaged .rels is no reason to refuse)', async () => {
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/missing.xml"/></Relationships>';
    assert.equal(await readWord(await docx({ '_rels/.rels': rels, 'word/document.xml': documentXml('<w:p><w:r><w:t>正文</w:t></w:r></w:p>') })), '正文');
  });

  it('article-section-isLgl.docx: legal numbering (w:isLgl, 正规形式编号) draws the levels above in Arabic digits, as each paragraph’s [expect] says Word does', async () => {
    const checked = (await lines('article-section-isLgl.docx'))
      .map((line) => /^(.*?)\[expect\](.*?)\[\/expect\]/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]);
    assert.equal(checked.length, 6);
    for (const [drawn, expected] of checked) assert.equal(drawn, expected); // was "Section I.01" for "Section 1.01"
  });

  it('legal numbering under a Chinese level: "1.1" under "一、" (Word’s 正规形式编号), and an isLgl commented out of the XML is not read', async () => {
    const levels = (legal: string) => numberingXml(level(0, 1, 'chineseCounting', '%1、') + level(1, 1, 'decimal', '%1.%2', legal));
    const body = documentXml(numbered(0, '依法履职') + numbered(1, '完善制度'));
    assert.equal(await readWord(await docx({ 'word/document.xml': body, 'word/numbering.xml': levels('<w:isLgl/>') })), '一、依法履职\n1.1完善制度');
    assert.equal(await readWord(await docx({ 'word/document.xml': body, 'word/numbering.xml': levels('<!--<w:isLgl/>-->') })), '一、依法履职\n一.1完善制度');
  });

  it('a level above not used yet is drawn at its own start: "3.1", not "1.1" (apache/poi stress003.docx, LibreOffice draws 3.1 too)', async () => {
    const numbering = numberingXml(level(0, 3, 'decimal', '%1') + level(1, 1, 'decimal', '%1.%2'));
    assert.equal(await readWord(await docx({ 'word/document.xml': documentXml(numbered(1, '服务名称') + numbered(1, '服务机关')), 'word/numbering.xml': numbering })), '3.1服务名称\n3.2服务机关');
  });

  it('61470.docx: a phonetic guide (拼音指南, w:ruby) is not text: 東京, not とうきょう東京', async () => {
    assert.deepEqual(await lines('61470.docx'), ['東京', '']);
  });

  it('a symbol inserted from a symbol font (w:sym) is its character: "·" kept (apache/poi stress015.docx, was lost), a Wingdings private-area glyph left out as a bullet is', async () => {
    const run = (char: string, font = 'Symbol') => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const body = `<w:p>${run('00B7')}<w:r><w:t xml:space="preserve"> 依法行政</w:t></w:r>${run('00D7')}<w:r><w:t>3</w:t></w:r>${run('F0FC', 'Wingdings')}</w:p>`;
    assert.equal(await readWord(await docx({ 'word/document.xml': documentXml(body) })), '· 依法行政×3');
  });

  it('bug53475-password-is-pass.docx: a .docx with a password to open is told as such, with BG902 (was: 旧版 Word 文档（.doc）)', async () => {
    assert.match(await refusal(fixturePath('bug53475-password-is-pass.docx')), /^“.*bug53475-password-is-pass\.docx”设有打开密码（已加密），无法读取：.*取消密码.*（BG902）$/);
  });

  it('a .doc whose text names an EncryptedPackage is still a .doc: only a directory entry of that name makes a file encrypted', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-word-'));
    try {
      const compound = (at: number, nameLength: number) => {
        const bytes = Buffer.alloc(2048);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
        Buffer.from('EncryptedPackage', 'utf16le').copy(bytes, at);
        bytes.writeUInt16LE(nameLength, at + 64);
        const file = path.join(folder, `${at}.docx`);
        writeFileSync(file, bytes);
        return file;
      };
      assert.match(await refusal(compound(1024, 34)), /设有打开密码（已加密）.*（BG902）$/);
      assert.match(await refusal(compound(1030, 34)), /是旧版 Word 文档（\.doc）.*（BG902）$/); // the letters, not at an entry
      assert.match(await refusal(compound(1024, 40)), /是旧版 Word 文档（\.doc）/); // an entry of another name that begins so
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stress025.docx: an Office theme named .docx (its main part no Word body) is told not to be a Word document, BG902 (was imported as an empty report)', async () => {
    assert.match(await refusal(fixturePath('stress025.docx')), /^无法读取 Word 文档“.*stress025\.docx”：不是 Word 文档（theme\/theme\/themeManager\.xml 中没有 Word 的正文.*（BG902）$/);
  });

  it('stress012.docx: a body Word has not converted yet (w:altChunk) is refused with BG902, not imported empty', async () => {
    assert.match(await refusal(fixturePath('stress012.docx')), /^无法读取 Word 文档“.*stress012\.docx”：正文中嵌有.*（altChunk）.*另存为 \.docx 后再导入。（BG902）$/);
  });
});
