import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver';
import { documentSymbols, type DocumentSymbol as FeatureSymbol } from '../../../server/language/features/symbols.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { encodedJsonEncoder, EncodedJson, JsonWriter } from '../../../server/lsp/encodedJson.js';
import { outlineJson, SYMBOL_KIND } from '../../../server/lsp/outline.js';
import { rangeIn } from '../../../server/lsp/convert.js';
import type { ReportModel } from '../../../server/language/model.js';

/** The outline as objects, the plain way: what the written JSON must equal. */
function outlineObjects(model: ReportModel): DocumentSymbol[] {
  const convert = (s: FeatureSymbol): DocumentSymbol => ({
    name: s.name || '（空）',
    kind: SYMBOL_KIND[s.kind],
    range: rangeIn(model.file.lineIndex, s.start, s.end),
    selectionRange: rangeIn(model.file.lineIndex, s.selectionStart, s.selectionEnd),
    ...(s.detail ? { detail: s.detail } : {}),
    ...(s.children.length ? { children: s.children.map(convert) } : {}),
  });
  return documentSymbols(model).map(convert);
}

const parseEncoded = (json: EncodedJson) => JSON.parse(json.encoded.toString('latin1'));

describe('lsp: outline JSON', () => {
  it('equals the outline made as objects, for every sample', () => {
    const service = new LanguageService(new MemoryWorkspace({}));
    for (const name of ['guiwei-2020', 'dongzhaogezhuang-2020', 'beiping-2020']) {
      const model = service.analyze(`/w/${name}.bg`, readFileSync(path.join('samples', `${name}.bg`), 'utf8'));
      const json = outlineJson(model);
      assert.ok(/^[\x00-\x7f]*$/.test(json.encoded.toString('latin1')), 'ASCII only');
      assert.deepEqual(parseEncoded(json), outlineObjects(model), name);
    }
  });

  it('writes strings and numbers as JSON.parse reads them back', () => {
    const strings = ['', 'a"b\\c', '\n\t\r\b\f\u0001\u001f\u007f', '中文（一）', '😀', '\ud800 lone', '\u2028\u2029'];
    const numbers = [0, 7, 10, 99, 100, 123456789, 2 ** 31 - 1, -1, 1.5];
    const out = new JsonWriter(4).raw('[');
    strings.forEach((s) => out.string(s).raw(','));
    numbers.forEach((n, i) => out.number(n).raw(i < numbers.length - 1 ? ',' : ']'));
    assert.deepEqual(parseEncoded(out.done()), [...strings, ...numbers]);
  });

  it('is spliced into the response as it is, and serialised through toJSON by any other writer', async () => {
    const result = new JsonWriter().raw('[').string('一').raw(']').done();
    const bytes = await encodedJsonEncoder.encode({ jsonrpc: '2.0', id: 7, result } as never, { charset: 'utf-8' });
    assert.deepEqual(JSON.parse(Buffer.from(bytes).toString('utf8')), { jsonrpc: '2.0', id: 7, result: ['一'] });
    assert.equal(JSON.stringify({ result }), '{"result":["一"]}');
    const plain = await encodedJsonEncoder.encode({ jsonrpc: '2.0', id: 8, result: { a: '二' } } as never, { charset: 'utf-8' });
    assert.deepEqual(JSON.parse(Buffer.from(plain).toString('utf8')), { jsonrpc: '2.0', id: 8, result: { a: '二' } });
  });
});
