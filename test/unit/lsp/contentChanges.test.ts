// The open documents' changes (server/lsp/contentChanges.ts): the same text as the library's own update,
// one change after another, for any change list; and linear where the library is not.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyContentChanges, DOCUMENTS, wellFormed } from '../../../server/lsp/contentChanges.js';
import { unitsFor } from '../../../grammar/index.js';
import { fuzzSettings } from '../../helpers.js';

/**
 * The library's reading of each change, applied on the text the ones before it left (a new document for
 * each: the library's own update of its line starts garbles a document after a line beyond the last).
 */
function reference(text: string, changes: readonly unknown[]): string {
  let current = text;
  for (const change of wellFormed(changes)) current = TextDocument.update(TextDocument.create('file:///r.bg', 'baogao', 1, current), [change], 2).getText();
  return current;
}

// Texts of short lines with every kind of line break, lone \r and \n beside each other included.
const piece = fc.constantFrom('', '调', '解', 'ab', '\n', '\r\n', '\r', '，', '𠀀', '  ', '{调处}');
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const coordinate = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.integer({ min: 0, max: 3 }));
const position = fc.record({ line: coordinate, character: coordinate });
const change = fc.oneof(
  { weight: 12, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

describe('lsp: content changes applied at once', () => {
  it('give the library’s text, change after change, for any list of changes (property)', () => {
    fc.assert(
      fc.property(text, fc.array(change, { maxLength: 12 }), (before, changes) => {
        assert.equal(applyContentChanges(before, changes), reference(before, changes));
      }),
      fuzzSettings(),
    );
  });

  it('give the library’s text on texts of hundreds of lines (several chunks), changes anywhere (property)', () => {
    const longText = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.integer({ min: 600, max: 1500 }))
      .map(([pieces, copies]) => `${pieces.join('')}\n`.repeat(copies));
    const anywhere = fc.record({ line: fc.integer({ min: -1, max: 2500 }), character: fc.integer({ min: -1, max: 6 }) });
    const far = fc.record({ range: fc.record({ start: anywhere, end: anywhere }), text });
    fc.assert(
      fc.property(longText, fc.array(far, { minLength: 5, maxLength: 40 }), (before, changes) => {
        assert.equal(applyContentChanges(before, changes), reference(before, changes));
      }),
      fuzzSettings(100),
    );
  });

  for (const [encoding, counts] of [['utf-8', 'UTF-8 bytes'], ['utf-32', 'code points']] as const) {
    it(`read characters as ${counts} for a client that counts ${encoding === 'utf-8' ? 'bytes' : 'code points'}, change after change (property)`, () => {
      // The reference: each change's columns turned into UTF-16 ones on the lines the changes before it left.
      const converted = (before: string, changes: readonly unknown[]) => {
        let current = before;
        for (const change of wellFormed(changes)) {
          const doc = TextDocument.create('file:///r.bg', 'baogao', 1, current);
          const units = (p: { line: number; character: number }) => {
            if (p.line < 0 || p.line >= doc.lineCount) return p;
            const line = doc.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } });
            return { line: p.line, character: unitsFor(encoding, line, 0, line.length, p.character) };
          };
          const inUnits = 'range' in change ? { range: { start: units(change.range.start), end: units(change.range.end) }, text: change.text } : change;
          current = TextDocument.update(doc, [inUnits], 2).getText();
        }
        return current;
      };
      const column = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: 0, max: 14 }) });
      const encodedChange = fc.record({ range: fc.record({ start: column, end: column }), text });
      fc.assert(
        fc.property(text, fc.array(encodedChange, { maxLength: 12 }), (before, changes) => {
          assert.equal(applyContentChanges(before, changes, encoding), converted(before, changes));
        }),
        fuzzSettings(),
      );
    });
  }

  it('give the library’s text across chunks of lines, edits in VS Code’s order (last first) and in typing order', () => {
    const before = Array.from({ length: 2000 }, (_, i) => `第${i}行，内容${i % 7 ? '\n' : '\r\n'}`).join('');
    const descending = Array.from({ length: 300 }, (_, i) => ({ range: { start: { line: 1990 - i * 6, character: 2 }, end: { line: 1990 - i * 6, character: 3 } }, text: i % 5 ? '，' : '\n新行\n' }));
    const ascending = Array.from({ length: 300 }, (_, i) => ({ range: { start: { line: i * 7, character: 0 }, end: { line: i * 7 + 1, character: 1 } }, text: i % 3 ? '' : '并\r\n' }));
    for (const changes of [descending, ascending, [...descending, ...ascending]]) assert.equal(applyContentChanges(before, changes), reference(before, changes));
  });

  it('a few changes (the library applies them) give the same text, lines beyond the last included', () => {
    fc.assert(
      fc.property(text, fc.array(change, { maxLength: 4 }), (before, changes) => {
        const doc = DOCUMENTS.update(TextDocument.create('file:///r.bg', 'baogao', 1, before), changes, 2);
        assert.equal(doc.getText(), reference(before, changes));
        // The next change reads the lines the last one left.
        const next = DOCUMENTS.update(doc, [{ range: { start: { line: 1, character: 1 }, end: { line: 2, character: 0 } }, text: '甲' }], 3);
        assert.equal(next.getText(), reference(reference(before, changes), [{ range: { start: { line: 1, character: 1 }, end: { line: 2, character: 0 } }, text: '甲' }]));
      }),
      fuzzSettings(),
    );
  });

  it('update the document itself (the same object, the new version) and leave out changes a broken client sent', () => {
    const doc = TextDocument.create('file:///r.bg', 'baogao', 1, '一\n二\n三\n');
    const changes = [
      ...Array.from({ length: 6 }, (_, i) => ({ range: { start: { line: 2 - (i % 3), character: 0 }, end: { line: 2 - (i % 3), character: 0 } }, text: '甲' })),
      null, { text: 5 }, { range: null, text: 'x' }, { range: { start: { line: '1', character: 0.7 }, end: {} }, text: '乙' },
    ];
    const updated = DOCUMENTS.update(doc, changes as never, 2);
    assert.equal(updated, doc);
    assert.equal(updated.version, 2);
    assert.equal(updated.getText(), reference('一\n二\n三\n', changes));
    assert.equal(updated.getText(), '乙甲甲一\n甲甲二\n甲甲三\n');
  });

  it('take 50,000 changes to a 300 KB report in well under a second each way round (was: 22 s)', () => {
    const before = '本年度共调处矛盾纠纷150起，调解成功147起，成功率达98%。\n'.repeat(3000);
    const lines = 3000;
    const many = Array.from({ length: 50_000 }, (_, i) => ({ range: { start: { line: lines - 1 - (i % lines), character: 4 }, end: { line: lines - 1 - (i % lines), character: 4 } }, text: i % 9 ? '的' : '\n' }));
    for (const changes of [many, [...many].reverse()]) {
      const started = performance.now();
      const doc = DOCUMENTS.update(TextDocument.create('file:///r.bg', 'baogao', 1, before), changes, 2);
      const ms = performance.now() - started;
      assert.equal(doc.getText().length, before.length + 50_000);
      assert.ok(ms < 3000, `${Math.round(ms)} ms`);
    }
  });
});
