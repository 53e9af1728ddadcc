// The language server keeps its compiled code between editor sessions (server/lsp/launcher.ts): in the
// folder the editor gives it (BAOGAO_COMPILE_CACHE; the extension's storage), written when it exits, used
// by the next start — and a cache never changes an answer.
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cacheFileOf, readEntry } from '../../server/node/compileCache.js';
import { ROOT, startClient } from './helper.js';

// Node ≥ 22.1 has its own compile cache (used instead): ours is written only on older Node.
const OWN_CACHE = !('enableCompileCache' in nodeModule);

describe('protocol: the server’s compile cache', () => {
  let store: string;
  before(() => {
    store = mkdtempSync(path.join(tmpdir(), 'baogao-server-cache-'));
  });
  after(() => rmSync(store, { recursive: true, force: true }));

  /** The problems of a sample, from a server that ends as the editor ends it (shutdown, exit). */
  async function problemsOfSample(): Promise<string[]> {
    const client = await startClient({}, { env: { BAOGAO_COMPILE_CACHE: store } });
    const { uri } = await client.open('guiwei-2020.bg');
    const found = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.connection.sendRequest('shutdown');
    const exited = once(client.process, 'exit');
    await client.connection.sendNotification('exit');
    await exited;
    await client.stop();
    return found.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
  }

  it('is written in the folder it is given when the server exits, and used by the next start', async function () {
    this.timeout(60_000);
    const first = await problemsOfSample();
    const file = cacheFileOf(store, path.join(ROOT, 'dist', 'server-main.cjs'));
    if (OWN_CACHE) assert.deepEqual(readEntry(file)?.commands, ['lsp'], `the server's code in ${store}`);
    const second = await problemsOfSample();
    assert.deepEqual(second, first);
  });
});
