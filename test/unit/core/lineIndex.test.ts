// Positions in the three encodings a client may count in (grammar/lineIndex.ts): UTF-16 units (LSP's
// default), UTF-8 bytes (Vim's ALE) and code points (utf-32: Emacs's lsp-mode), against Node's own counts.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodedLength, forEachLineSpan, LineIndex, unitsFor, type PositionEncoding } from '../../../grammar/index.js';
import { nextLineStart } from '../../../grammar/textChange.js';
import { fuzzSettings } from '../../helpers.js';

const ENCODINGS: readonly PositionEncoding[] = ['utf-16', 'utf-8', 'utf-32'];
/** Node's count of a string in an encoding's units (a lone surrogate is U+FFFD: 3 bytes, one code point). */
const reference = (encoding: PositionEncoding, s: string) => (encoding === 'utf-8' ? Buffer.byteLength(s) : encoding === 'utf-32' ? [...s].length : s.length);

const piece = fc.constantFrom('调', 'a', '𠀀', '😀', '，', ' ', '\ud800', '\udc00', 'é');
const line = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));

describe('core: positions in UTF-16, UTF-8 and code points', () => {
  it('count a line as Node does, and turn a count back into the same UTF-16 place (property)', () => {
    fc.assert(
      fc.property(line, fc.nat(), (text, cut) => {
        const at = cut % (text.length + 1);
        for (const encoding of ENCODINGS) {
          const counted = encodedLength(encoding, text, 0, at);
          assert.equal(counted, reference(encoding, text.slice(0, at)), encoding);
          // A place inside a surrogate pair is not one UTF-8 or UTF-32 can name: it comes back as one side of the pair.
          const inPair = at > 0 && at < text.length && (text.charCodeAt(at - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(at) & 0xfc00) === 0xdc00;
          const back = unitsFor(encoding, text, 0, text.length, counted);
          if (encoding !== 'utf-16' && inPair) assert.ok(back === at - 1 || back === at + 1, `${encoding} ${JSON.stringify(text)} ${at}: ${back}`);
          else assert.equal(back, at, `${encoding} ${JSON.stringify(text)} ${at}`);
        }
      }),
      fuzzSettings(),
    );
  });

  it('read a count inside a character as that character’s start, and a count beyond the line as its end', () => {
    const text = '中𠀀a';
    assert.equal(unitsFor('utf-8', text, 0, text.length, 2), 0, 'a byte inside 中');
    assert.equal(unitsFor('utf-8', text, 0, text.length, 3 + 4), 3, '中 and 𠀀 in bytes');
    assert.equal(unitsFor('utf-32', text, 0, text.length, 2), 3, '中 and 𠀀 as two code points');
    assert.equal(unitsFor('utf-32', text, 0, text.length, 99), text.length);
    assert.equal(unitsFor('utf-16', text, 0, text.length, 99), text.length);
  });

  it('give positions in each encoding on every line of a text', () => {
    const text = '第一行𠀀，\r\n中文a😀b\n\n末';
    const index = new LineIndex(text);
    const b = text.indexOf('b');
    assert.deepEqual(index.positionIn(b, 'utf-16'), { line: 1, character: 5 });
    assert.deepEqual(index.positionIn(b, 'utf-8'), { line: 1, character: Buffer.byteLength('中文a😀') });
    assert.deepEqual(index.positionIn(b, 'utf-32'), { line: 1, character: 4 });
    assert.deepEqual(index.positionIn(text.indexOf('，'), 'utf-32'), { line: 0, character: 4 });
  });
});

describe('core: lines as the parser cuts them', () => {
  it('every line ends after its own line break (\\r\\n, \\r or \\n) or at the end, as a pattern of them cuts (property)', () => {
    const text = fc.array(fc.constantFrom('调', 'a', '\n', '\r', '\r\n', ' '), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const spans: Array<[number, number]> = [];
        forEachLineSpan(t, (start, end) => spans.push([start, end]));
        const expected: Array<[number, number]> = [];
        let start = 0;
        for (const m of t.matchAll(/\r\n?|\n/g)) {
          expected.push([start, m.index + m[0].length]);
          start = m.index + m[0].length;
        }
        if (start < t.length) expected.push([start, t.length]);
        assert.deepEqual(spans, expected, JSON.stringify(t));
        for (const [s, e] of spans) assert.equal(nextLineStart(t, s), e);
      }),
      fuzzSettings(),
    );
  });
});
