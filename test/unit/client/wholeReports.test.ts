// Pulled diagnostics taken only whole (client/wholeReports.ts). First the library's own behaviour the guard is
// for, with the function vscode-languageclient converts a report's items with: cancelled after a first slow
// item, it returns the items with the rest left out. Then the guard: such a report is refused as cancelled, a
// report of a pull not cancelled passes as it is.
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import 'vscode-languageserver-protocol/node';
import { wholeReport } from '../../../client/wholeReports.js';
import { ROOT } from '../../helpers.js';

const require = createRequire(import.meta.url);
/**
 * vscode-languageclient's batch conversion (protocolConverter.asDiagnostics calls it with the pull's token),
 * by its file: the package exports no path to it.
 */
const { map } = require(path.join(ROOT, 'node_modules', 'vscode-languageclient', 'lib', 'common', 'utils', 'async.js')) as {
  map: <T, R>(items: T[], convert: (item: T) => R, token?: { isCancellationRequested: boolean }) => Promise<R[]>;
};

class Cancelled extends Error {}

/** A pull's token, cancelled as a refresh or another report's change cancels it. */
const tokenSource = () => {
  const token = { isCancellationRequested: false };
  return { token, cancel: () => void (token.isCancellationRequested = true) };
};

/** A report's conversion as the library makes it: the first item slow (a cold extension host), then cancelled. */
async function convertedWhileCancelled(items: string[]): Promise<{ kind: 'full'; resultId: string; items: Array<string | undefined> }> {
  const { token, cancel } = tokenSource();
  let first = true;
  const converting = map(items, (item) => {
    if (first) {
      first = false;
      const until = Date.now() + 20;
      while (Date.now() < until);
      // The library yields after this item (15 ms spent): the cancellation comes in before it goes on.
      setImmediate(cancel);
    }
    return `converted ${item}`;
  }, token);
  return { kind: 'full', resultId: '7', items: await converting };
}

describe('pulled diagnostics taken only whole (client/wholeReports.ts)', () => {
  const items = Array.from({ length: 14 }, (_, i) => `BG${400 + i}`);

  it('the library: a report whose pull is cancelled during its conversion comes with items left out', async () => {
    const report = await convertedWhileCancelled(items);
    const converted = report.items.filter((d) => d !== undefined);
    // If this fails, vscode-languageclient no longer leaves items out: the guard may go (languageClient.ts).
    assert.ok(converted.length >= 1 && converted.length < items.length, `${converted.length} of ${items.length} converted`);
  });

  it('the guard: that report is refused as cancelled, so the library asks again with the result id it had', async () => {
    const { token, cancel } = tokenSource();
    const pending = convertedWhileCancelled(items).then((report) => {
      cancel();
      return report;
    });
    await assert.rejects(wholeReport(pending, token, () => new Cancelled()), Cancelled);
  });

  it('the guard: a report of a pull not cancelled passes as it is, full or unchanged, given or awaited', async () => {
    const { token } = tokenSource();
    const full = { kind: 'full', resultId: '3', items };
    assert.equal(await wholeReport(Promise.resolve(full), token, () => new Cancelled()), full);
    const unchanged = { kind: 'unchanged', resultId: '3' };
    assert.equal(await wholeReport(unchanged, token, () => new Cancelled()), unchanged);
    assert.equal(await wholeReport(undefined, token, () => new Cancelled()), undefined);
  });

  it('the guard: a pull cancelled before its answer came is refused too, and a failed one fails as it did', async () => {
    const { token, cancel } = tokenSource();
    cancel();
    await assert.rejects(wholeReport(Promise.resolve({ kind: 'unchanged', resultId: '3' }), token, () => new Cancelled()), Cancelled);
    const fresh = tokenSource();
    await assert.rejects(wholeReport(Promise.reject(new TypeError('transport')), fresh.token, () => new Cancelled()), TypeError);
  });
});
