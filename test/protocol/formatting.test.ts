import assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification, DocumentFormattingRequest, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient, type Client } from './helper.js';

describe('protocol: formatting', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  const format = async (uri: string) => ((await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) ?? []) as TextEdit[];

  it('normalises headings, figures, blank lines and trailing spaces, idempotently', async () => {
    const messy = '\n\n@年度 2020\n\n\n\n#依法行政   \n共调处{ 调处=150起 }，其中{调处}。  \n\n\n##  小节\n文字';
    const { uri } = await client.open('messy.bg', messy);
    const edits = await format(uri);
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'baogao', 1, messy), edits);
    assert.equal(formatted, '@年度 2020\n\n# 依法行政\n共调处{调处 = 150起}，其中{调处}。\n\n## 小节\n文字\n');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: formatted }] });
    assert.deepEqual(await format(uri), []);
  });

  it('answers small edits, not the whole text: CRLF kept, mixed breaks made alike', async () => {
    const messy = '@年度 2020\r\n\r\n#依法行政   \n共调处{ 调处=150起 }。\r\n\r\n\r\n结束。';
    const { uri } = await client.open('crlf.bg', messy);
    const edits = await format(uri);
    assert.ok(edits.length > 1 && edits.every((e) => e.newText.length < 20), JSON.stringify(edits));
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'baogao', 1, messy), edits);
    assert.equal(formatted, '@年度 2020\r\n\r\n# 依法行政\r\n共调处{调处 = 150起}。\r\n\r\n结束。\r\n');
  });

  it('is idempotent on every sample', async () => {
    for (const name of ['guiwei-2020.bg', 'beiping-2020.bg', 'guiwei-2021.bg', 'daxie-2021.bg']) {
      const { uri, text } = await client.open(name);
      const once = TextDocument.applyEdits(TextDocument.create(uri, 'baogao', 1, text), await format(uri));
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: once }] });
      assert.deepEqual(await format(uri), [], name);
    }
  });
});
