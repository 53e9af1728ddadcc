// The server's window messages and their translations: each template of WINDOW_MESSAGES is translated by
// the client with the same literal (l10n.t takes literals only), has its English entry, and a message made
// from it is found again — with arguments that hold the template's own words too, and arguments that are
// messages of templates themselves (a settings problem, a value's type), translated inside out.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { translatedServerMessage } from '../../../client/serverMessageText.js';
import { readSettings } from '../../../server/language/config.js';
import { WINDOW_MESSAGES, windowMessage, windowMessageParts, type WindowMessageKey } from '../../../server/lsp/protocol.js';
import { misnamedMessage } from '../../../server/node/files.js';
import { ROOT } from '../../helpers.js';

const english = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.en.json'), 'utf8')) as Record<string, string>;
/** The client's l10n with an English display language (client/l10n.ts: the bundle, then {0}… replaced). */
const inEnglish = { t: (message: string, ...args: string[]) => (english[message] ?? message).replace(/\{(\d+)\}/g, (whole, i: string) => args[Number(i)] ?? whole) };
const han = /[\u4e00-\u9fff]/;

/** What the server sends for settings (server/lsp/handlers/lifecycle.ts): the first problem, and how many. */
function settingsMessage(raw: unknown): string {
  const { problems } = readSettings(raw);
  const [first] = problems;
  assert.ok(first, 'a problem');
  return problems.length > 1 ? windowMessage('settingsProblems', first.message, first.code, problems.length) : windowMessage('settingsProblem', first.message, first.code);
}

describe('the server’s window messages in the display language', () => {
  const client = readFileSync(path.join(ROOT, 'client', 'serverMessageText.ts'), 'utf8');
  const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

  for (const [key, template] of Object.entries(WINDOW_MESSAGES) as Array<[WindowMessageKey, string]>) {
    it(`${key}: translated by its own literal, with an English entry of the same placeholders`, () => {
      assert.ok(client.includes(`case '${key}':\n      return l10n.t('${template}'`), `client/serverMessageText.ts translates ${key} with its template`);
      assert.ok(english[template], `l10n/bundle.l10n.en.json has ${key}`);
      assert.deepEqual(placeholders(english[template]!), placeholders(template));
      // Read back, no placeholder may follow another directly.
      assert.doesNotMatch(template, /\}\{/);
    });
  }

  it('the settings’ patterns are package.nls.json’s words, so a new pattern gets its template', () => {
    const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const patterns = [...manifest.matchAll(/"patternErrorMessage": "%([^%"]+)%"/g)].map((m) => nls[m[1]!]!.replace(/。$/, ''));
    assert.ok(patterns.length >= 2);
    for (const words of patterns) assert.ok(Object.values(WINDOW_MESSAGES).includes(words as never), words);
  });

  it('finds the template and arguments a message was made from, and nothing in another message', () => {
    const message = windowMessage('indexFolders', '/home/某人/报告“甲”', 10000, 3);
    assert.deepEqual(windowMessageParts(message), { key: 'indexFolders', args: ['/home/某人/报告“甲”', '10000', '3'] });
    assert.deepEqual(windowMessageParts(windowMessage('indexReports', 'C:\\报告', 2000)), { key: 'indexReports', args: ['C:\\报告', '2000'] });
    // A repeated placeholder must repeat its text; another message is none of them.
    assert.equal(windowMessageParts(message.replace('超过 10000 个', '超过 9999 个')), undefined);
    assert.equal(windowMessageParts('baogao 设置有误：lineWidth 应是数字。'), undefined);
    assert.equal(windowMessageParts(`${message}。`), undefined);
    // Of the templates a message fits, the most particular.
    assert.equal(windowMessageParts('应是以下之一：提示、警告')?.key, 'valueEnum');
    assert.equal(windowMessageParts('应是指标名称的列表。')?.key, 'settingIndicatorNames');
    assert.equal(windowMessageParts('应是整数')?.key, 'valueType');
  });

  it('every message the server shows in a window carries its code, and reads in English with nothing Chinese left but the writer’s own words', () => {
    const sent = [
      windowMessage('indexReports', '/home/user/reports', 2000),
      windowMessage('indexFolders', '/home/user', 10000, 3),
      misnamedMessage({ path: '/r/\ufffd\ufffd.bg', folder: false }),
      misnamedMessage({ path: '/r/\ufffd\ufffd', folder: true }),
      windowMessage('misnamedMore', misnamedMessage({ path: '/r/\ufffd.bg', folder: false }), 2),
      settingsMessage({ lineWidth: 'wide' }),
      settingsMessage({ lineWidth: 500 }),
      settingsMessage({ disabledChecks: ['BG601', 7, 'abc'] }),
      settingsMessage({ citations: [{ title: 'x', aliases: 5 }] }),
      settingsMessage({ citations: [{ aliases: ['y'] }] }),
      settingsMessage({ deadline: '13-40' }),
      settingsMessage({ deadline: 'soon' }),
      settingsMessage({ profile: 5, unknownKey: true }),
      settingsMessage({ severities: { BG601: 'loud' } }),
      settingsMessage({ snippetFolders: new Array(300).fill('a') }),
      settingsMessage({ disabledChecks: new Array(30).fill(1) }),
      settingsMessage({ terms: { 行政规范文件: '行政规范文件' }, indicators: { 调处: 5 } }),
      settingsMessage(5),
    ];
    for (const message of sent) {
      assert.match(message, /（BG9\d\d）/, message);
      const shown = translatedServerMessage(message, inEnglish);
      // The writer's own words (a quoted name or value, the example of a form, the values a setting
      // takes, such as 关) may stay Chinese; nothing else.
      const left = shown.replace(/“[^”]*”|"[^"]*"|\{[^}]*\}|one of: [^;]*/g, '');
      assert.doesNotMatch(left, han, `${message}\n→ ${shown}`);
      assert.match(shown, /\(BG9\d\d\)/, shown);
    }
    assert.equal(translatedServerMessage(settingsMessage({ lineWidth: 'wide' }), inEnglish), 'baogao settings are wrong (BG906): “lineWidth” should be an integer; ignored, the default applies (it was "wide").');
    assert.equal(
      translatedServerMessage(settingsMessage({ citations: [{ title: 'x', aliases: 5 }], lineWidth: 500 }), inEnglish),
      'baogao settings have 2 problems, each in the Output panel; the first (BG906): Item 1 of “citations”: “aliases” should be a list; this item is ignored (it was {"title":"x","aliases":5}).',
    );
    // A message of no template, and one a client of another editor gets, is shown as sent.
    assert.equal(translatedServerMessage('某个别的消息', inEnglish), '某个别的消息');
    assert.match(sent[5]!, /^baogao 设置有误（BG906）：“lineWidth”应是整数，已忽略，按默认值（所写的是 "wide"）。$/);
  });
});
