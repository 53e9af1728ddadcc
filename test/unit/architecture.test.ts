// The architecture's rules, kept true by a test: a pure core, thin LSP and VS Code glue.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
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

/** The files a source file imports (relative imports only, type-only ones included), as paths from ROOT. */
function localImports(file: string): string[] {
  return imports(file)
    .filter((m) => m.startsWith('.'))
    .map((m) => rel(path.resolve(path.dirname(file), m.replace(/\.js$/, '') + '.ts')));
}

/** The import cycles among `files`: each strongly connected component of more than one file (Tarjan). */
function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [rel(f), localImports(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

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

  it('the core (grammar/ and server/language/) has no import cycles', () => {
    const cycles = importCycles([...sources('grammar'), ...sources(path.join('server', 'language'))]);
    assert.deepEqual(cycles, [], `import cycles:\n${cycles.map((c) => c.join(' ⇄ ')).join('\n')}`);
  });

  it('the cycle finder finds a cycle (so the test above can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-cycle-'));
    try {
      writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = b;\n");
      writeFileSync(path.join(dir, 'b.ts'), "import type { a } from './a.js';\nexport const b = 1 as unknown as typeof a;\n");
      assert.equal(importCycles([path.join(dir, 'a.ts'), path.join(dir, 'b.ts')]).length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the core never imports templates/ (presentation depends on the core, not the other way)', () => {
    for (const file of [...sources('grammar'), ...sources(path.join('server', 'language'))]) {
      for (const target of localImports(file)) assert.ok(!target.startsWith(`templates${path.sep}`), `${rel(file)} imports ${target}`);
    }
  });

  it('the language server reaches the disk only through server/node/', () => {
    for (const file of sources(path.join('server', 'lsp'))) {
      for (const m of imports(file)) assert.ok(!m.startsWith('node:fs') && m !== 'fs', `${rel(file)} imports ${m}`);
    }
  });

  it('a WeakMap is kept only for keys that live long; what is found per version is attached to it (server/language/attached.ts)', () => {
    // V8's minor collections hold a WeakMap's values strongly: a WeakMap from each keystroke's model (or
    // its block lists) kept every version alive until the next full collection. These maps are keyed by
    // the settings' lists, or hold no object.
    const longLived = new Set([
      'server/language/checks/citations.ts registries', 'server/language/checks/citations.ts titleMatches', 'server/language/checks/unmarkedTitles.ts unmarkedNames',
      // Keyed by the registry of titles (made once per settings' list), as titleMatches.
      'server/language/checks/citations.ts datedKeysOf',
      'server/language/checks/terms.ts missLists', 'server/language/checks/terms.ts missIndexes',
      'server/language/checks/titles.ts registeredTitles', 'server/language/checks/blockCache.ts identities',
      'server/language/features/symbols.ts printed',
      // Frozen keys only (they take no property).
      'server/language/attached.ts sealed',
    ]);
    const found: string[] = [];
    for (const file of [...sources('server'), ...sources('grammar'), ...sources('templates')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(\w+)\s*=\s*new WeakMap\b/g)) found.push(`${rel(file).split(path.sep).join('/')} ${m[1]}`);
    }
    for (const site of longLived) assert.ok(found.includes(site), `${site} is listed but not found`);
    for (const site of found) assert.ok(longLived.has(site), `${site}: a WeakMap of per-version objects (use AttachedMap), or add it here with why its keys live long`);
  });

  it('no function in server/ or grammar/ is longer than 80 lines', () => {
    const long: string[] = [];
    for (const file of [...sources('server'), ...sources('grammar')]) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          const name = `${rel(file).split(path.sep).join('/')} ${node.name?.getText(source) ?? '(anonymous)'}`;
          if (lines > 80) long.push(`${name}: ${lines} lines`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    assert.deepEqual(long, []);
  });
});
