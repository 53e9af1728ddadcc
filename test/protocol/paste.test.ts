// baogao/convertPaste: text pasted from Word into an open report, in the language, over stdio.
import assert from 'node:assert/strict';
import { ConvertPasteRequest } from '../../server/lsp/protocol.js';
import { PASTE_LIMIT } from '../../server/lsp/handlers/paste.js';
import { positionOf, startClient, type Client } from './helper.js';

describe('protocol: baogao/convertPaste', () => {
  let client: Client;
  let uri: string;
  let sample: string;
  before(async () => {
    client = await startClient();
    ({ uri, text: sample } = await client.open('guiwei-2020.bg'));
  });
  after(async () => client.stop());

  const convert = (text: unknown, inline = false, at = uri, position = { line: 0, character: 0 }) =>
    client.connection.sendRequest<ConvertPasteRequest.Result>(ConvertPasteRequest.method, { textDocument: { uri: at }, text, inline, position });

  it('writes a Word fragment in the language, its figures named apart from the report’s', async () => {
    // Pasted below the sample's first level-1 heading: its （一） is level 2, run into its paragraph.
    const result = await convert('（一）调处矛盾纠纷。全年调处150起，成功147起。\n[bookmark: _GoBack]\n', false, uri, positionOf(sample, '## 全面部署法治建设'));
    assert.ok(result);
    assert.equal(result.text, '## 调处矛盾纠纷\n全年调处{调处之二 = 150起}，成功{成功之二 = 147起}。\n', 'the sample defines 调处 and 成功 already');
    assert.equal(result.figures, 2);
    assert.equal(result.removed, 2, 'the typed number and the bookmark');
    const top = await convert('（一）调处矛盾纠纷。全年调处150起。\n');
    assert.match(top?.text ?? '', /^# 调处矛盾纠纷。\n全年调处/, 'above every heading the same line is a level-1 heading (standing alone, its paragraph after it)');
  });

  it('inside a line, only the amounts; plain prose, markup, an empty or a very long paste: null (pasted as it is)', async () => {
    assert.equal((await convert('共受理120件', true))?.text, '共受理{受理 = 120件}');
    assert.equal(await convert('加强组织领导，确保工作落实。'), null);
    assert.equal(await convert('全年调处{调处 = 150起}，受理120件。'), null, 'already written in the language');
    assert.equal(await convert('  \n'), null);
    assert.ok((await convert('共受理120件。'.repeat(PASTE_LIMIT / 8 + 1))) === null, 'a paste longer than the limit');
  });

  it('refuses what is not text, and a document that is not open, in Chinese', async () => {
    await assert.rejects(convert(42), /应是文本/);
    await assert.rejects(convert('共受理120件', false, client.uri('not-open.bg')), /文档未打开/);
  });
});
