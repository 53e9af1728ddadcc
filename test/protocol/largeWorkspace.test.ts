// A workspace of many reports that differ (bench/corpus.ts generateWorkspace: a county's towns), past
// LARGE_WORKSPACE: checking it and collecting its figures keep each report's problems and figures in
// compact form and write long answers straight into bytes (server/lsp/frame.ts) — the answers must be
// the ones of each report on its own, and of the language core.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateWorkspace } from '../../bench/corpus.js';
import { compareCodeUnits } from '../../server/language/codes.js';
import { collectFigures, IndicatorVocabulary, reportInfo, wideTable, withTotals } from '../../server/language/collect.js';
import { LanguageService } from '../../server/language/service.js';
import { MemoryWorkspace } from '../../server/language/workspace.js';
import { LONG_TEXT } from '../../server/lsp/frame.js';
import { LARGE_WORKSPACE } from '../../server/lsp/memory.js';
import { CheckWorkspaceRequest, CollectRequest } from '../../server/lsp/protocol.js';
import { formatTable, toCsv } from '../../templates/table.js';
import { ROOT } from '../helpers.js';
import { startClient, type Client } from './helper.js';

describe('protocol: a workspace of many different reports', function () {
  this.timeout(180_000);
  const folder = mkdtempSync(path.join(tmpdir(), 'baogao-county-'));
  const files = generateWorkspace(ROOT, LARGE_WORKSPACE + 20).map((f) => ({ ...f, path: path.join(folder, f.name) }));
  let client: Client;
  before(async () => {
    for (const f of files) {
      mkdirSync(path.dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.text);
    }
    client = await startClient({}, { folder });
  });
  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const plain = (d: { range: unknown; severity?: number; code?: unknown; message: unknown }) => JSON.stringify([d.range, d.severity, d.code, d.message]);

  it('checks every report as each is checked alone, the same the second time (problems kept in compact form)', async () => {
    const check = () => client.connection.sendRequest<CheckWorkspaceRequest.Result>(CheckWorkspaceRequest.method, {});
    const first = await check();
    assert.equal(first.files.length, files.length);
    assert.deepEqual(await check(), first, 'the second check, from the problems the index kept');
    // Alone: the diagnostics the editor shows for the report opened.
    for (const f of [files[0]!, files[7]!, files[files.length - 1]!]) {
      const uri = client.uri(f.name);
      const inWorkspace = first.files.find((e) => e.uri === uri)!;
      assert.ok(inWorkspace.diagnostics.length > 0, 'real reports have real defects');
      const shown = client.diagnostics(uri);
      await client.open(f.name);
      assert.deepEqual((await shown).diagnostics.map(plain), inWorkspace.diagnostics.map(plain), f.name);
    }
  });

  it('collects the figures as the language core lines them up: a table of millions of characters, written straight into bytes', async () => {
    const result = await client.connection.sendRequest<CollectRequest.Result>(CollectRequest.method, {});
    const service = new LanguageService(new MemoryWorkspace(Object.fromEntries(files.map((f) => [f.path, f.text]))));
    const vocabulary = new IndicatorVocabulary();
    const models = [...files].sort((a, b) => compareCodeUnits(a.path, b.path)).map((f) => service.analyze(f.path, f.text));
    const rows = models.flatMap((m) => collectFigures([m], [m.file.path], vocabulary));
    const table = withTotals(wideTable(rows, models.map((m) => reportInfo(m))), rows);
    assert.equal(result.reports, files.length);
    assert.equal(result.figures, rows.length);
    assert.ok(result.table.length >= LONG_TEXT, `${result.table.length} characters`);
    assert.equal(result.table, formatTable(table));
    assert.equal(result.csv, `\ufeff${toCsv(table)}`);
  });
});
