// Bundles the command, the language server and the VS Code client with esbuild.
// One bundle per entry point keeps start-up fast and lets the .vsix ship without node_modules.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const entries = [
  { in: 'server/bin.ts', out: 'cli', shebang: true },
  { in: 'server/lsp/entry.ts', out: 'server' },
  { in: 'client/extension.ts', out: 'extension' },
  ...(process.argv.includes('--bench') ? [{ in: 'bench/main.ts', out: 'bench' }] : []),
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outdir: 'dist',
      outExtension: { '.js': '.cjs' },
      sourcemap: true,
      external: ['vscode'],
      loader: { '.hbs': 'text' },
      // import.meta.url (used to find the bundled templates and samples) has no CommonJS twin.
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: `${e.shebang ? '#!/usr/bin/env node\n' : ''}const importMetaUrl = require('url').pathToFileURL(__filename).href;` },
      logLevel: 'warning',
    }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
