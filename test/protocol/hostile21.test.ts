// Hostile documents, session 21: exporting a report to Word whose document would be past its bound of
// runs (“甲,1” alternating, 2.5 MB of it took 4.6 GB; the 10 MB a report may have ran the server out of
// memory) is refused in Chinese with BG919, and the server lives on; a figure past a double's range is no
// internal error.
import assert from 'node:assert/strict';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { MAX_DOCX_RUNS } from '../../templates/docx/docxBound.js';
import { RenderRequest } from '../../server/lsp/protocol.js';
import { startClient, type Client } from './helper.js';

const HEADER = '@标题 桂圩镇人民政府2021年度法治政府建设情况报告\n@机关 桂圩镇人民政府\n@年度 2021\n@日期 2022-01-13\n\n# 主要举措\n\n';

describe('protocol: hostile documents, session 21', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  it('a Word export past its bound of runs is refused with BG919; other formats, and the server, go on', async function () {
    this.timeout(120_000);
    const { uri } = await client.open('alternating.bg', `${HEADER}${'甲,1'.repeat(MAX_DOCX_RUNS / 2 + 1000)}。\n`);
    await assert.rejects(client.connection.sendRequest(RenderRequest.method, { textDocument: { uri }, format: 'docx' }), (error: Error) => {
      assert.match(error.message, /^这份报告中汉字与西文、数字交替太多：.*（BG919）$/);
      return true;
    });
    const txt = await client.connection.sendRequest<RenderRequest.Result>(RenderRequest.method, { textDocument: { uri }, format: 'txt' });
    assert.ok(txt.text.includes('甲,1甲,1'));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as unknown[];
    assert.ok(symbols.length > 0);
  });

  it('a figure past a double’s range renders (was: an internal error of big.js)', async () => {
    const { uri } = await client.open('huge.bg', `${HEADER}{甲 = 1${'0'.repeat(400)}件}{乙 = 甲 + 1件}{丙 = 甲 - 甲}。\n`);
    const txt = await client.connection.sendRequest<RenderRequest.Result>(RenderRequest.method, { textDocument: { uri }, format: 'txt' });
    assert.match(txt.text.replace(/\n/g, ''), /1(?:0){400}件\{乙 = 甲 \+ 1件\}0件。/);
  });
});
