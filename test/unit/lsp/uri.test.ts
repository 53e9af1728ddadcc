// file:// URIs ↔ the core's paths, as VS Code and other clients write them.
import assert from 'node:assert/strict';
import { pathToUri, uriToPath } from '../../../server/lsp/uri.js';

describe('uri converter', () => {
  it('round-trips percent-encoded Chinese names and Windows drives', () => {
    assert.equal(pathToUri('/tmp/样例/法律顾问制度.bg'), 'file:///tmp/%E6%A0%B7%E4%BE%8B/%E6%B3%95%E5%BE%8B%E9%A1%BE%E9%97%AE%E5%88%B6%E5%BA%A6.bg');
    assert.equal(uriToPath('file:///tmp/%E6%A0%B7%E4%BE%8B/a%20b.bg'), '/tmp/样例/a b.bg');
    assert.equal(uriToPath('file:///tmp/样例/x.bg'), '/tmp/样例/x.bg');
    assert.equal(uriToPath('file:///c%3A/报告/x.bg'), '/C:/报告/x.bg');
    assert.equal(pathToUri('/C:/报告/x.bg'), 'file:///c%3A/%E6%8A%A5%E5%91%8A/x.bg');
    assert.equal(uriToPath('untitled:Untitled-1'), undefined);
  });
});
