// Settings from the client (workspace/configuration) take effect, and a change re-checks open reports.
import { strict as assert } from 'node:assert';
import { DidChangeConfigurationNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { windowMessageParts } from '../../server/lsp/protocol.js';
import { startClient, type Client } from './helper.js';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe('protocol: settings', () => {
  let client: Client;
  before(async () => (client = await startClient({ disabledChecks: ['BG207'], severities: { BG601: '提示' } })));
  after(async () => client.stop());

  it('applies disabledChecks and severities sent by the client', async () => {
    const waiting = client.diagnostics(client.uri('beiping-2020.bg'));
    const { uri } = await client.open('beiping-2020.bg');
    const published = await waiting;
    assert.equal(published.uri, uri);
    assert.ok(!codes(published).includes('BG207'), 'BG207 is switched off');
    const halfWidth = published.diagnostics.filter((d) => d.code === 'BG601');
    assert.ok(halfWidth.length > 0 && halfWidth.every((d) => d.severity === 3), 'BG601 downgraded to information');
  });

  it('re-checks open reports when the settings change', async () => {
    client.settings = {};
    const waiting = client.diagnostics(client.uri('beiping-2020.bg'), (p) => codes(p).includes('BG207'));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const published = await waiting;
    assert.ok(published.diagnostics.some((d) => d.code === 'BG601' && d.severity === 1), 'BG601 back to an error');
  });

  it('completes official titles after 《 from the citation registry', async () => {
    const text = '@年度 2021\n\n认真落实《法治政府建设';
    const { uri } = await client.open('new-report.bg', text);
    const result = await client.connection.sendRequest<{ items?: Array<{ label: string }> } | Array<{ label: string }>>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: text.split('\n')[2]!.length },
    });
    const labels = (Array.isArray(result) ? result : (result.items ?? [])).map((i) => i.label);
    assert.ok(labels.some((l) => l.includes('法治政府建设实施纲要（2021—2025年）')), labels.join(' | '));
  });

  it('tells bad settings once: the first in a window message the VS Code client translates, each in the log', async function () {
    this.timeout(30_000);
    const shown: string[] = [];
    const logged: string[] = [];
    client.connection.onNotification('window/showMessage', (p: { message: string }) => void shown.push(p.message));
    client.connection.onNotification('window/logMessage', (p: { message: string }) => void logged.push(p.message));
    client.settings = { lineWidth: 'wide', disabledChecks: [7] };
    for (let i = 0; i < 2; i++) await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const deadline = Date.now() + 10_000;
    while (shown.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(shown, ['baogao 设置有 2 处错误，都记在输出面板中；第一处（BG906）：“lineWidth”应是整数，已忽略，按默认值（所写的是 "wide"）。'], 'told once, not again for the same settings');
    assert.equal(windowMessageParts(shown[0]!)?.key, 'settingsProblems');
    assert.deepEqual(logged.filter((m) => m.includes('设置有误')), ['baogao 设置有误：“lineWidth”应是整数，已忽略，按默认值（所写的是 "wide"）。（BG906）', 'baogao 设置有误：“disabledChecks”的第 1 项应是字符串，已忽略这一项（所写的是 7）。（BG906）']);
    client.settings = {};
  });
});
