// The one policy for request errors (server/lsp/requests.ts), in process with a stand-in connection.
import assert from 'node:assert/strict';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { answer, answerOrFail } from '../../../server/lsp/requests.js';

function connection(): { connection: Connection; logged: string[] } {
  const logged: string[] = [];
  return { connection: { console: { error: (m: string) => logged.push(m) } } as unknown as Connection, logged };
}

describe('lsp: the request error policy', () => {
  it('passes a ResponseError to the client as it is, logging nothing', () => {
    const { connection: c, logged } = connection();
    const handler = answer(c, 'hover', null, () => {
      throw new ResponseError(ErrorCodes.InvalidParams, '缺少位置参数');
    });
    assert.throws(() => handler({}), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
    assert.deepEqual(logged, []);
  });

  it('logs any other failure and answers the empty result, for promises too', async () => {
    const { connection: c, logged } = connection();
    assert.deepEqual(answer(c, 'completion', [], () => { throw new Error('bug'); })({}), []);
    assert.deepEqual(await answer<unknown, Promise<string[]>, []>(c, 'symbols', [], async () => { throw new Error('async bug'); })({}), []);
    assert.equal(logged.length, 2);
    assert.match(logged[0]!, /^baogao completion: Error: bug/);
  });

  it('rethrows a failure of a request without an empty result, after logging it', async () => {
    const { connection: c, logged } = connection();
    assert.throws(() => answerOrFail(c, 'render', () => { throw new Error('模板错误'); })({}), /模板错误/);
    await assert.rejects(answerOrFail(c, 'checkWorkspace', async () => { throw new Error('磁盘错误'); })({}), /磁盘错误/);
    assert.equal(logged.length, 2);
  });
});
