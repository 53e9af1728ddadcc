// The architecture's rules, kept true by a test: a pure core, thin LSP and VS Code glue.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers.js';

function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (full.endsWith('.ts')) out.push(full);
    }
  };
  walk(path.join(ROOT, folder));
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

const rel = (file: string) => path.relative(ROOT, file);

describe('architecture', () => {
  it('only server/lsp imports vscode-languageserver', () => {
    for (const folder of ['grammar', 'server', 'templates']) {
      for (const file of sources(folder)) {
        // The command reaches the server through server/lsp/main.ts, never the library itself.
        if (rel(file).startsWith(path.join('server', 'lsp'))) continue;
        assert.ok(!imports(file).some((m) => m.startsWith('vscode-languageserver') || m.startsWith('vscode-jsonrpc')), `${rel(file)} imports the LSP library`);
      }
    }
  });

  it('only client/ imports vscode', () => {
    for (const folder of ['grammar', 'server', 'templates']) {
      for (const file of sources(folder)) assert.ok(!imports(file).includes('vscode'), `${rel(file)} imports vscode`);
    }
  });

  it('the grammar depends on nothing of the rest', () => {
    for (const file of sources('grammar')) {
      for (const m of imports(file)) assert.ok(!m.startsWith('..'), `${rel(file)} imports ${m}`);
    }
  });

  it('the language core does no I/O: it reaches files only through the Workspace interface', () => {
    for (const file of sources(path.join('server', 'language'))) {
      for (const m of imports(file)) {
        assert.ok(!m.startsWith('node:') && !['fs', 'path', 'child_process'].includes(m), `${rel(file)} imports ${m}`);
        assert.ok(!m.includes('/lsp/') && !m.includes('/node/') && !m.includes('cli'), `${rel(file)} imports ${m}`);
      }
    }
  });
});
