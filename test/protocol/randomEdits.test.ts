import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport } from '../../server/language/checks/index.js';
import { LanguageService } from '../../server/language/service.js';
import { FileSystemWorkspace } from '../../server/node/fsWorkspace.js';
import { shownInEditor } from '../../server/lsp/diagnosticLimit.js';
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

describe('protocol: the edits a client sends (1,000 random ones, a Replace All)', function () {
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
    await assertFreshDiagnostics(client, doc, 'guiwei-2020.bg');
  });

  it('applies a Replace All sent as one didChange of thousands of changes, last first as VS Code sends them: the diagnostics of a fresh analysis (its speed: test/unit/lsp/contentChanges.test.ts)', async () => {
    const name = 'replace-all.bg';
    const { uri, text } = await client.open(name, readFileSync(path.join(client.folder, 'guiwei-2020.bg'), 'utf8').repeat(40));
    let doc = TextDocument.create(uri, 'baogao', 1, text);
    await client.diagnostics(uri);
    const changes: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }> = [];
    for (let at = text.indexOf('，'); at >= 0; at = text.indexOf('，', at + 1)) changes.push({ range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: '；' });
    changes.reverse();
    assert.ok(changes.length > 3500, `${changes.length} changes`);
    doc = TextDocument.create(uri, 'baogao', 2, text.replaceAll('，', '；'));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: changes });
    await assertFreshDiagnostics(client, doc, name);
  });
});

/** The diagnostics the server published for the document's version are those of a fresh analysis of its text. */
async function assertFreshDiagnostics(client: Client, doc: TextDocument, name: string): Promise<void> {
  const published = await client.diagnostics(doc.uri, (p) => p.version === doc.version, 30000);
  const service = new LanguageService(new FileSystemWorkspace({ roots: [client.folder] }));
  const model = service.analyze(path.join(client.folder, name), doc.getText());
  const expected = shownInEditor(checkReport(model).filter((d) => !d.uri || d.uri === model.file.path)).map((d) => ({
    code: d.code, message: d.message, start: model.file.lineIndex.positionAt(d.start), end: model.file.lineIndex.positionAt(d.end),
  }));
  const actual = published.diagnostics.map((d) => ({ code: d.code, message: d.message, start: d.range.start, end: d.range.end }));
  assert.deepEqual(actual, expected);
}
