import assert from 'node:assert/strict';
import { checkReport } from '../../../server/language/checks/index.js';
import { formatRange, formatText } from '../../../server/language/features/formatting.js';
import { fixture, HEAD } from './fixture.js';

const safeFixes = (text: string) => checkReport(fixture(text).model);

describe('feature: formatting', () => {
  it('spaces headings and figures, trims lines, normalises blank lines, applies safe fixes', () => {
    const messy = `\n\n${HEAD}#一   \n\n\n共{ 调处=150起 }起,成功。  \n`;
    const formatted = formatText(messy, safeFixes);
    assert.equal(formatted, `${HEAD}# 一\n\n共{调处 = 150起}起，成功。\n`);
    assert.equal(formatText(formatted, safeFixes), formatted, 'formatting twice changes nothing');
  });

  it('makes every line break alike (CRLF when the text has one) and keeps an escaped trailing space', () => {
    assert.equal(formatText('a\r\nb\n\n\n#  c  \n\n'), 'a\r\nb\r\n\r\n# c\r\n');
    assert.equal(formatText('甲\\ \n#\t\n'), '甲\\ \n#\n');
  });

  it('formats only the lines of a range', () => {
    const f = fixture(`${HEAD}#一\n«共{ 调处=150起 }起。»\n#二\n`);
    const edit = formatRange(f.text, f.selection!.start, f.selection!.end)!;
    assert.equal(edit.newText, '共{调处 = 150起}起。');
    assert.equal(f.text.slice(0, edit.start).endsWith('#一\n'), true, 'the heading before is left alone');
  });
});
