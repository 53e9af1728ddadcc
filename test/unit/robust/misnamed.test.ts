// The workspace's walks and names that are not UTF-8: a report or folder named in GBK is noted and told once
// (BG909), never silently left out; a name that truly holds “\ufffd” (valid UTF-8) is a report like any other.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { FileSystemWorkspace } from '../../../server/node/fsWorkspace.js';
import { toCorePath } from '../../../server/node/paths.js';
import type { MisnamedEntry } from '../../../server/language/workspace.js';

describe('workspace walks: names that are not UTF-8', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'baogao-misnamed-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('notes a report and a folder named in GBK, tells each once, lists the rest; a renamed one is no longer noted', () => {
    const gbkPath = (...names: string[]) => Buffer.concat([Buffer.from(`${folder}/`), ...names.flatMap((n, i) => [...(i ? [Buffer.from('/')] : []), iconv.encode(n, 'gbk')])]);
    writeFileSync(path.join(folder, 'r.bg'), '正文。\n');
    writeFileSync(path.join(folder, 'x\ufffdy.bg'), '正文。\n'); // a real name with U+FFFD in it
    writeFileSync(gbkPath('某镇报告.bg'), '正文。\n');
    mkdirSync(gbkPath('各镇'));
    writeFileSync(gbkPath('各镇', '甲.bg'), '正文。\n');
    const told: MisnamedEntry[] = [];
    const workspace = new FileSystemWorkspace({ roots: [folder], onMisnamed: (entry) => told.push(entry) });
    const root = toCorePath(folder);
    const names = (paths: string[]) => paths.map((p) => path.basename(p)).sort();
    assert.deepEqual(names(workspace.findReports(root)), ['r.bg', 'x\ufffdy.bg']);
    assert.deepEqual(workspace.misnamed().map((e) => `${e.folder ? 'folder' : 'report'} ${e.path.includes('\ufffd')}`).sort(), ['folder true', 'report true']);
    assert.equal(told.length, 2);
    // Walked again, listed for snippets: told no more.
    workspace.findReports(root);
    assert.deepEqual(names(workspace.listReports(root)), ['r.bg', 'x\ufffdy.bg']);
    assert.equal(told.length, 2);
    assert.equal(workspace.misnamed().length, 2);
    // Renamed to UTF-8: indexed, and no longer noted.
    renameSync(gbkPath('某镇报告.bg'), path.join(folder, '某镇报告.bg'));
    assert.deepEqual(names(workspace.findReports(root)), ['r.bg', 'x\ufffdy.bg', '某镇报告.bg']);
    assert.deepEqual(workspace.misnamed().map((e) => e.folder), [true]);
  });
});
