// The keystroke rehearsal in the real server (server/lsp/rehearsal.ts): typing into a large report while
// the server rehearses, and after, gives the problems a fresh server finds in the same text.
import assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification, DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { generateReport } from '../../bench/corpus.js';
import { REHEARSAL_MIN_CHARACTERS } from '../../server/lsp/rehearsal.js';
import { positionOf, ROOT, startClient, type Client } from './helper.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function problems(client: Client, uri: string): Promise<FullDocumentDiagnosticReport['items']> {
  const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  assert.equal(report.kind, 'full');
  return report.items;
}

/** The problems of `text` as a server that never saw the report before finds them. */
async function fresh(text: string): Promise<FullDocumentDiagnosticReport['items']> {
  const other = await startClient({}, { pull: true });
  try {
    const { uri } = await other.open('large.bg', text);
    return await problems(other, uri);
  } finally {
    await other.stop();
  }
}

describe('protocol: the keystroke rehearsal on a report of real size', function () {
  this.timeout(60_000);
  let client: Client;
  before(async () => (client = await startClient({}, { pull: true, trace: true })));
  after(async () => client.stop());

  it('typing while it rehearses, and after it, gives the problems a fresh server finds', async () => {
    const report = generateReport(ROOT, 3 * REHEARSAL_MIN_CHARACTERS);
    const { uri } = await client.open('large.bg', report);
    await problems(client, uri);
    let text = report;
    const type = async (version: number, typed: string) => {
      const at = positionOf(text, '，', 1, 40 + version);
      const lines = text.split('\n');
      const offset = lines.slice(0, at.line).reduce((n, l) => n + l.length + 1, 0) + at.character;
      text = `${text.slice(0, offset)}${typed}${text.slice(offset)}`;
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: typed }] });
    };
    // Right after the first check: the rehearsal has begun (it gives way, then goes on after a pause).
    await type(2, '的');
    assert.deepEqual(await problems(client, uri), await fresh(text));
    // The writer pauses: the rehearsal goes on and ends (the server traces it).
    const ended = () => client.traces.some((t) => /^预演按键 \d+ 次/.test(t));
    for (let waited = 0; !ended() && waited < 30_000; waited += 100) await pause(100);
    assert.ok(ended(), `the rehearsal went on and ended: ${client.traces.join(' | ').slice(0, 300)}`);
    await type(3, ',');
    assert.deepEqual(await problems(client, uri), await fresh(text));
  });
});
