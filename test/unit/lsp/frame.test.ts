// The bytes of a message: an answer's long texts escaped straight into the buffer must give the very
// bytes JSON.stringify gives (the client parses them as JSON), whatever the texts hold.
import { strict as assert } from 'node:assert';
import type { Message } from 'vscode-languageserver/node';
import { CHUNK_CHARACTERS, EncodedJson, frameOf, LONG_LIST, LONG_TEXT, longFields, TextInParts } from '../../../server/lsp/frame.js';
import { LARGE_MESSAGE } from '../../../server/lsp/memory.js';
import { WholeMessageWriter } from '../../../server/lsp/transport.js';
import { Writable } from 'node:stream';

/** The whole frame the server writes, its chunks joined. */
function messageFrame(message: Message): Buffer {
  const frame = frameOf(message);
  return frame.whole ?? Buffer.concat([...frame.chunks()]);
}

const framed = (message: unknown) => {
  const body = JSON.stringify(message);
  return Buffer.from(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`, 'utf8');
};

/** Every kind of character JSON escapes or encodes in more than one byte, in a text past LONG_TEXT. */
const ODD = '文件  机关"\\\n\r\t\b\f\u0000\u001f\u007f\ud800x\udc00\ud83d\ude00\ud83d 中文，。';
const long = (seed: string) => seed.repeat(Math.ceil(LONG_TEXT / seed.length) + 1);

describe('lsp: a message as bytes (frame.ts)', () => {
  it('writes long texts of an answer as JSON.stringify would: escapes, surrogate pairs and lone surrogates', () => {
    const table = long(ODD + '  '.repeat(20));
    const answer = { jsonrpc: '2.0', id: 7, result: { reports: 1000, table, figures: 3, csv: `\ufeff${long('a,b,"c"\r\n')}`, gone: undefined, nested: { text: ODD } } };
    assert.ok(table.length >= LONG_TEXT);
    assert.deepEqual(messageFrame(answer as unknown as Message), framed(answer));
  });

  it('an answer whose JSON was made before is the bytes JSON.stringify gives, whatever its id; any other transport gets its value', () => {
    const outline = [{ name: '一、依法全面履行政府职能情况', kind: 3, range: { start: { line: 3, character: 0 }, end: { line: 9, character: 4 } }, detail: ODD }];
    const encoded = new EncodedJson(outline);
    for (const id of [7, 'abc', '\u0001baogao-left-out-0\u0001', null]) {
      const answer = { jsonrpc: '2.0', id, result: encoded };
      assert.deepEqual(messageFrame(answer as unknown as Message), framed({ jsonrpc: '2.0', id, result: outline }));
    }
    assert.equal(JSON.stringify({ result: encoded }), JSON.stringify({ result: outline }));
  });

  it('a long text ending or starting with an escape, or made of escapes only', () => {
    // 'x' first: a surrogate pair straddles each slice's end, and is not cut.
    for (const table of [long('\n'), long('"') + 'x', 'x' + long('\ud800'), long('\ud83d\ude00'), 'x' + long('\ud83d\ude00'), long('\ude00\ud83d')]) {
      const answer = { jsonrpc: '2.0', id: 1, result: { table } };
      assert.deepEqual(messageFrame(answer as unknown as Message), framed(answer));
    }
  });

  it('a text given in parts is written as the one string they make, long or short', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${i % 2 ? '报告' : ODD}${' '.repeat(i % 800)}\n`);
    assert.ok(lines.join('').length >= LONG_TEXT);
    for (const parts of [lines, ['short', '"\n'], []]) {
      const answer = { jsonrpc: '2.0', id: 11, result: { reports: 2, table: new TextInParts(() => parts), csv: 'a,b' } };
      assert.deepEqual(messageFrame(answer as unknown as Message), framed(answer), `${parts.length} parts`);
      assert.ok(messageFrame(answer as unknown as Message).toString('utf8').includes(JSON.stringify(parts.join(''))));
    }
  });

  it('a field that holds the text standing for a long one does not confuse it', () => {
    const answer = { jsonrpc: '2.0', id: 2, result: { a: '\u0001baogao-long-text-0\u0001', table: long('表'), b: JSON.stringify('\u0001baogao-long-text-1\u0001') } };
    assert.deepEqual(messageFrame(answer as unknown as Message), framed(answer));
  });

  it('writes long lists of an answer element by element as JSON.stringify would: holes, undefined, dates, nested texts', () => {
    // Each file's JSON some 3,000 characters: the list's is past LONG_TEXT, so it goes element by element.
    const files = Array.from({ length: LONG_LIST + 3 }, (_, i) => ({ uri: `file:///县/报告${i}.bg`, diagnostics: [{ range: { start: { line: i, character: 0 } }, message: ODD.repeat(50), code: 'BG601', none: undefined }], ...(i % 7 ? {} : { snippet: true }) }));
    const odd: unknown[] = [...files, undefined, null, () => 1, new Date(0), '"', [], {}];
    odd[files.length + 20] = 'after a hole';
    for (const answer of [
      { jsonrpc: '2.0', id: 8, result: { files } },
      { jsonrpc: '2.0', id: 9, result: { first: 1, files: odd, table: long(ODD), last: [1, 2] } },
      { jsonrpc: '2.0', id: 10, result: { files: Array.from({ length: LONG_LIST }, () => 'x') } },
    ]) assert.deepEqual(messageFrame(answer as unknown as Message), framed(answer));
  });

  it('writes apart only long texts and long lists of large objects: not a report’s semantic tokens or its problems', () => {
    const written = (result: unknown) => longFields({ jsonrpc: '2.0', id: 1, result } as unknown as Message)?.map(([key]) => key) ?? [];
    const files = Array.from({ length: LONG_LIST + 3 }, (_, i) => ({ uri: `file:///县/报告${i}.bg`, diagnostics: [{ message: ODD.repeat(50) }] }));
    assert.deepEqual(written({ files, table: long('x'), csv: 'short' }), ['files', 'table']);
    // 300,000 numbers (a 3 MB report's tokens) and 1,000 problems: JSON.stringify's whole, as before.
    assert.deepEqual(written({ resultId: '7', data: Array.from({ length: 300_000 }, (_, i) => i % 97) }), []);
    assert.deepEqual(written({ kind: 'full', items: Array.from({ length: 1000 }, (_, i) => ({ range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } }, code: 'BG601', message: '中文里用了半角标点' })) }), []);
  });

  it('other messages are JSON.stringify’s: short answers, arrays, notifications, errors', () => {
    for (const message of [
      { jsonrpc: '2.0', id: 3, result: { text: 'short' } },
      { jsonrpc: '2.0', id: 4, result: [long('x')] },
      { jsonrpc: '2.0', id: 5, result: null },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.bg', diagnostics: [], text: long('x') } },
      { jsonrpc: '2.0', id: 6, error: { code: -32600, message: long('错') } },
    ]) assert.deepEqual(messageFrame(message as unknown as Message), framed(message));
  });

  it('a long answer comes in chunks of bounded size, its parts made as they are written', () => {
    // A table of 30,000 lines, 3.6 million characters: made line by line, never held whole.
    let made = 0;
    const table = new TextInParts(function* () {
      for (let i = 0; i < 30_000; i++) {
        made++;
        yield `${i % 3 ? '报告' : ODD}${' '.repeat(100)}\n`;
      }
    });
    const answer = { jsonrpc: '2.0', id: 12, result: { reports: 3, table, csv: long('a,"b"\r\n') } };
    const frame = frameOf(answer as unknown as Message);
    assert.equal(frame.whole, undefined);
    assert.equal(made, 30_000, 'counted by making the lines once');
    const chunks = [...frame.chunks()];
    assert.equal(made, 60_000, 'made again as written');
    assert.ok(chunks.length > 10, `${chunks.length} chunks`);
    // A chunk: CHUNK_CHARACTERS characters and one more piece (a line, a slice), up to three bytes each, escapes six.
    for (const chunk of chunks) assert.ok(chunk.length <= 6 * 2 * CHUNK_CHARACTERS, `${chunk.length} bytes`);
    assert.equal(frame.byteLength, chunks.reduce((sum, c) => sum + c.length, 0));
    assert.deepEqual(Buffer.concat(chunks), framed({ ...answer, result: { ...answer.result, table: table.toJSON() } }));
  });

  it('the writer tells when a large message has been written, once the stream has taken it', async () => {
    let told = 0;
    const out = new Writable({ write: (_chunk, _encoding, done) => done() });
    const writer = new WholeMessageWriter(out, () => told++);
    await writer.write({ jsonrpc: '2.0', id: 1, result: { text: 'small' } } as Message);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(told, 0);
    await writer.write({ jsonrpc: '2.0', id: 2, result: { table: 'x'.repeat(LARGE_MESSAGE) } } as Message);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(told, 1);
  });
});
