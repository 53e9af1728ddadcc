// The workspace walk (workspace symbols, references, renames, checking the workspace) behind the
// Workspace interface: on disk (server/node/) and in memory, with the same rules.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { FileSystemWorkspace } from '../../../server/node/fsWorkspace.js';
import { toCorePath } from '../../../server/node/paths.js';

const FILES = ['a.bg', '乡镇/b.bg', '乡镇/说明.txt', '.git/c.bg', 'node_modules/d.bg', '1/2/3/4/5/e.bg', '1/2/3/4/5/6/f.bg'];
const FOUND = ['1/2/3/4/5/e.bg', 'a.bg', '乡镇/b.bg'];

describe('workspace walk: findReports', () => {
  it('finds .bg files below a folder on disk, skipping hidden folders, node_modules and depths beyond 5', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-walk-'));
    try {
      for (const f of FILES) {
        mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        writeFileSync(path.join(dir, f), '');
      }
      const root = toCorePath(dir);
      const found = new FileSystemWorkspace({ roots: [root] }).findReports(root).map((p) => p.slice(root.length + 1)).sort();
      assert.deepEqual(found, FOUND);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows the same rules in memory', () => {
    const memory = new MemoryWorkspace(Object.fromEntries(FILES.map((f) => [`/w/${f}`, ''])));
    assert.deepEqual(memory.findReports('/w').map((p) => p.slice(3)).sort(), FOUND);
  });
});
