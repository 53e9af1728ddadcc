import assert from 'node:assert/strict';
import { documentSymbols, workspaceSymbols } from '../../../server/language/features/symbols.js';
import { fixture, HEAD } from './fixture.js';

describe('feature: symbols', () => {
  it('gives the heading tree with rendered numbers, figures as children', () => {
    const f = fixture(`${HEAD}# 履行职能\n## 化解纠纷\n共{调处 = 150起}，成功{率 = 98%}。\n# 存在不足\n正文。\n`);
    const [first, second] = documentSymbols(f.model);
    assert.equal(first!.name, '一、履行职能');
    assert.equal(first!.children[0]!.name, '（一）化解纠纷');
    assert.deepEqual(first!.children[0]!.children.map((c) => [c.name, c.detail, c.kind]), [['调处', '150起', 'constant'], ['率', '98%', 'constant']]);
    assert.equal(second!.name, '二、存在不足');
    // The heading's line, not its line break: clicking the outline selects the heading alone.
    assert.equal(f.text.slice(first!.selectionStart, first!.selectionEnd), '# 履行职能');
    const crlf = fixture(`${HEAD}# 履行职能\r\n正文。\r\n`);
    const [heading] = documentSymbols(crlf.model);
    assert.equal(crlf.text.slice(heading!.selectionStart, heading!.selectionEnd), '# 履行职能');
    assert.ok(heading!.selectionEnd <= heading!.end);
  });

  it('finds symbols across the reports of the workspace by a query', () => {
    const a = fixture(`${HEAD}# 一\n共{调处 = 150起}。\n`, {}, '/w/a.bg');
    const b = fixture(`${HEAD}# 二\n共{调处数 = 10起}。\n`, {}, '/w/b.bg');
    const found = workspaceSymbols([a.model, b.model], '调处');
    assert.deepEqual(found.map((s) => [s.name, s.path]).sort(), [['调处', '/w/a.bg'], ['调处数', '/w/b.bg']]);
  });
});
