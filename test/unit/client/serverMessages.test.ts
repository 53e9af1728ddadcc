// The server's window messages and their translations: each template of WINDOW_MESSAGES is translated by
// the client with the same literal (l10n.t takes literals only), has its English entry, and a message made
// from it is found again — with arguments that hold the template's own words too.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { WINDOW_MESSAGES, windowMessage, windowMessageParts, type WindowMessageKey } from '../../../server/lsp/protocol.js';
import { ROOT } from '../../helpers.js';

describe('the server’s window messages in the display language', () => {
  const client = readFileSync(path.join(ROOT, 'client', 'serverMessages.ts'), 'utf8');
  const english = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.en.json'), 'utf8')) as Record<string, string>;
  const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

  for (const [key, template] of Object.entries(WINDOW_MESSAGES) as Array<[WindowMessageKey, string]>) {
    it(`${key}: translated by its own literal, with an English entry of the same placeholders`, () => {
      assert.ok(client.includes(`case '${key}':\n      return l10n.t('${template}'`), `client/serverMessages.ts translates ${key} with its template`);
      assert.ok(english[template], `l10n/bundle.l10n.en.json has ${key}`);
      assert.deepEqual(placeholders(english[template]!), placeholders(template));
      assert.match(template, /（BG\d{3}）$/, 'ends with its code');
    });
  }

  it('finds the template and arguments a message was made from, and nothing in another message', () => {
    const message = windowMessage('indexFolders', '/home/某人/报告“甲”', 10000, 3);
    assert.deepEqual(windowMessageParts(message), { key: 'indexFolders', args: ['/home/某人/报告“甲”', '10000', '3'] });
    assert.deepEqual(windowMessageParts(windowMessage('indexReports', 'C:\\报告', 2000)), { key: 'indexReports', args: ['C:\\报告', '2000'] });
    // A repeated placeholder must repeat its text; another message is none of them.
    assert.equal(windowMessageParts(message.replace('超过 10000 个', '超过 9999 个')), undefined);
    assert.equal(windowMessageParts('baogao 设置有误：lineWidth 应是数字。'), undefined);
    assert.equal(windowMessageParts(`${message}。`), undefined);
  });
});
