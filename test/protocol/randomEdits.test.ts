import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport } from '../../server/language/checks/index.js';
import { LanguageService } from '../../server/language/service.js';
import { FileSystemWorkspace } from '../../server/node/fsWorkspace.js';
import { startClient, type Client } from './helper.js';

/** mulberry32: a seeded PRNG, so a failure replays. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['{', '}', '{调处}', '{新 = 12件}', '{率 = 新/调处 %}', '\n', '\n\n', '# ', '## 标题', '@引用 法律顾问制度', '《', '》', '，', '。', '调解', '=', ' ', '%', '1', '@年度 2020', '- '];

describe('protocol: 1,000 random edits', function () {
  this.timeout(120000);
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  it('ends with the diagnostics of a fresh analysis of the final text', async () => {
    const random = prng(20240601);
    const { uri, text } = await client.open('guiwei-2020.bg');
    let doc = TextDocument.create(uri, 'baogao', 1, text);
    for (let i = 0; i < 1000; i++) {
      const content = doc.getText();
      const a = Math.floor(random() * (content.length + 1));
      const b = Math.min(content.length, a + Math.floor(random() * 6));
      const insert = random() < 0.7 ? PIECES[Math.floor(random() * PIECES.length)]! : '';
      const change = { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: insert };
      doc = TextDocument.update(doc, [change], doc.version + 1);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
    }
    const published = await client.diagnostics(uri, (p) => p.version === doc.version, 30000);
    const service = new LanguageService(new FileSystemWorkspace({ roots: [client.folder] }));
    const model = service.analyze(path.join(client.folder, 'guiwei-2020.bg'), doc.getText());
    const expected = checkReport(model).filter((d) => !d.uri || d.uri === model.file.path).map((d) => ({
      code: d.code, message: d.message, start: model.file.lineIndex.positionAt(d.start), end: model.file.lineIndex.positionAt(d.end),
    }));
    const actual = published.diagnostics.map((d) => ({ code: d.code, message: d.message, start: d.range.start, end: d.range.end }));
    assert.deepEqual(actual, expected);
  });
});
