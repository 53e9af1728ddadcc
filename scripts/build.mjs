// Bundles the command, the language server and the VS Code client with esbuild.
// One bundle per entry point keeps start-up fast and lets the .vsix ship without node_modules.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');

// Parts of the command loaded only by the commands that need them (`await import(…)` in the source): each
// is its own file in dist/, so `baogao check` neither reads nor compiles the LSP, DOCX, Word-reading or
// import code (a chunk may repeat core modules: they are pure, and only one command runs).
const LAZY = [
  { source: 'server/cli.ts', out: 'cli-commands' },
  { source: 'server/lsp/main.ts', out: 'cli-lsp' },
  { source: 'templates/render.ts', out: 'cli-render' },
  { source: 'templates/docx/writeDocx.ts', out: 'cli-docx' },
  { source: 'node_modules/iconv-lite/lib/index.js', out: 'cli-iconv', module: 'iconv-lite' },
  { source: 'node_modules/tinyglobby/dist/index.mjs', out: 'cli-glob', module: 'tinyglobby' },
  { source: 'server/node/readWord.ts', out: 'cli-word' },
  { source: 'server/language/import/index.ts', out: 'cli-import' },
  { source: 'server/language/sourceCheck.ts', out: 'cli-source-check' },
  { source: 'server/language/nextYear.ts', out: 'cli-next-year' },
];
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'lazy') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'lazy' });
      const chunk = LAZY.find((l) => path.resolve(l.source) === resolved.path);
      return chunk ? { path: `./${chunk.out}.cjs`, external: true } : undefined;
    });
  },
};
// Node modules the LSP library loads at start only for functions the server never calls (child_process for
// its Files helpers, crypto for random pipe names): inside that library they are required on first use.
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^(crypto|child_process)$/ }, (args) =>
      /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver)[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:${args.path}'))[key] });`,
      loader: 'js',
    }));
  },
};
const entries = [
  // dist/cli.cjs is a small launcher that loads the command (cli-main: the usage text, and the commands
  // of cli-commands when one is asked for) with V8's code cache.
  { in: 'server/launcher.ts', out: 'cli', shebang: true, external: ['./cli-main.cjs'] },
  { in: 'server/bin.ts', out: 'cli-main', plugins: [lazyChunks] },
  ...LAZY.map((l) => ({ in: l.source, out: l.out, plugins: [lazyChunks] })),
  // dist/server.cjs, which the editor starts, is a launcher too: the server (server-main) with the code cache.
  { in: 'server/lsp/launcher.ts', out: 'server', external: ['./server-main.cjs'] },
  { in: 'server/lsp/entry.ts', out: 'server-main' },
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
      external: ['vscode', ...(e.external ?? [])],
      loader: { '.hbs': 'text' },
      // jsonc-parser's UMD "main" loads its parts with a require() esbuild cannot follow; its ES build bundles.
      alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
      // import.meta.url (used to find the bundled templates and samples) has no CommonJS twin.
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: `${e.shebang ? '#!/usr/bin/env node\n' : ''}const importMetaUrl = require('url').pathToFileURL(__filename).href;` },
      logLevel: 'warning',
      plugins: [...(e.plugins ?? []), lazyBuiltins],
      // The lazy chunks are CommonJS: `import()` of one becomes require (which the compile cache of
      // server/node/compileCache.ts can serve; Node 20's vm cannot run `import()` in a cached script).
      supported: { 'dynamic-import': false },
    }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
