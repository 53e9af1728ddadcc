// V8's compiled code for the command's bundles, kept on disk between runs: compiling the 1.7 MB bundle
// is a third of a cold `baogao check` on Node 20, which has no compile cache of its own (Node ≥ 22.1's
// `module.enableCompileCache` is used where present). The cache is written after the first run, so it
// holds the functions that run compiled too (v8-compile-cache writes it before they run: measured slower),
// and written again after the first run of each other command (`help` first, then `check`: check's own
// functions would otherwise be compiled anew at every run, ~18 ms).
// Anything that goes wrong here only costs the time the cache would have saved.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

interface CompiledModule {
  _compile(content: string, filename: string): unknown;
  require(id: string): unknown;
  filename: string;
  exports: unknown;
}

const Module = nodeModule.Module as unknown as {
  prototype: CompiledModule;
  wrap(source: string): string;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _cache: Record<string, unknown>;
};

/**
 * Where the cache lives: the folder the editor gives the language server (its extension storage, in
 * BAOGAO_COMPILE_CACHE), else the user's cache folder (XDG), else the system's temporary folder.
 */
function cacheFolder(): string {
  if (process.env.BAOGAO_COMPILE_CACHE) return process.env.BAOGAO_COMPILE_CACHE;
  const base = process.env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : os.tmpdir());
  return path.join(base, 'baogao', 'compiled');
}

/**
 * The key a cache entry must match: the bundle as built (its size and time) and the V8 that compiled it
 * (V8 itself checks little more than the source's length); last, the bundle's path, which lets a later
 * run find the entries of bundles that are gone (staleEntries).
 */
export function keyOf(file: string): string {
  const stat = statSync(file);
  return `${stat.size}:${stat.mtimeMs}:${process.version}:${process.arch}:${path.resolve(file)}`;
}

/** The commands whose functions an entry holds, at most: one more is not worth a rewrite. */
const MAX_COMMANDS = 16;

/**
 * A cache file: the length (4 bytes) of its header, the header — its key, then NUL and the commands whose
 * runs compiled its code, comma-separated — then V8's data.
 */
function entryBytes(key: string, commands: readonly string[], data: Buffer): Buffer {
  const keyBytes = Buffer.from(`${key}\0${commands.join(',')}`, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(keyBytes.length, 0);
  return Buffer.concat([length, keyBytes, data]);
}

/** A cache file's key, commands and data, or undefined when it cannot be read as one. */
export function readEntry(file: string): { key: string; commands: string[]; data: Buffer } | undefined {
  try {
    const saved = readFileSync(file);
    const length = saved.readUInt32LE(0);
    if (saved.length < 4 + length) return undefined;
    return { ...parseHeader(saved.toString('utf8', 4, 4 + length)), data: saved.subarray(4 + length) };
  } catch {
    return undefined;
  }
}

/** A cache file's key and commands, read without its data (a few MB): what pruning needs of each file. */
function readHeader(file: string): { key: string; commands: string[] } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = Buffer.alloc(4);
    if (readSync(fd, size, 0, 4, 0) < 4) return undefined;
    // A header is a key and a few command names: a larger length is a damaged file.
    const length = size.readUInt32LE(0);
    if (length > 65_536) return undefined;
    const header = Buffer.alloc(length);
    if (readSync(fd, header, 0, header.length, 4) < header.length) return undefined;
    return parseHeader(header.toString('utf8'));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function parseHeader(header: string): { key: string; commands: string[] } {
  const [key = '', commands = ''] = header.split('\0');
  return { key, commands: commands ? commands.split(',') : [] };
}

/** The bundle a key was made for (keyOf puts its path last, after four fields). */
const bundleInKey = (key: string): string | undefined => key.split(':').slice(4).join(':') || undefined;

/**
 * The cache files in `store` of bundles that no longer exist (an extension folder left by an update):
 * removed when a new entry is written, so the folder does not grow with every install.
 */
export function staleEntries(store: string): string[] {
  try {
    return readdirSync(store)
      .filter((name) => name.endsWith('.bin'))
      .map((name) => path.join(store, name))
      .filter((file) => {
        const key = readHeader(file)?.key;
        const bundle = key === undefined ? undefined : bundleInKey(key);
        return bundle === undefined || !existsSync(bundle);
      });
  } catch {
    return [];
  }
}

/**
 * The cache file of a bundle: named after the bundle and a hash of its full path, so that two installs
 * (the command installed with npm, and the one inside the extension) each keep their own rather than
 * throw away each other's at every run.
 */
export function cacheFileOf(store: string, bundle: string): string {
  return path.join(store, `${path.basename(bundle)}-${fnv1a(path.resolve(bundle)).toString(16).padStart(8, '0')}.bin`);
}

/** FNV-1a, 32 bits: enough to tell a few install folders apart (node:crypto alone costs 0.7 ms to load). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

interface Entry {
  file: string;
  key: string;
  script: vm.Script;
  usedCache: boolean;
  /** The commands whose code the cache it used holds (none when it used none). */
  commands: string[];
}

/**
 * Compiles the bundles in `folder` (dist/) from the cache from now on; other modules load as usual.
 * `command`: the command run (`check`, `render`, …), whose functions the cache is to hold.
 */
export function useCompileCache(folder: string, command: string): void {
  const native = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (native) {
    native();
    return;
  }
  const compiled: Entry[] = [];
  const store = cacheFolder();
  const original = Module.prototype._compile;
  Module.prototype._compile = function (this: CompiledModule, content: string, filename: string) {
    if (path.dirname(filename) !== folder || !filename.endsWith('.cjs')) return original.call(this, content, filename);
    try {
      return compileCached(this, content, filename, store, compiled);
    } catch {
      return original.call(this, content, filename);
    }
  };
  // Any word a user types stands for one command: arbitrary text is not kept in the header.
  const named = /^[a-z][a-z-]{0,23}$/.test(command) ? command : 'other';
  process.once('exit', () => writeCaches(store, compiled, named));
}

function compileCached(module: CompiledModule, content: string, filename: string, store: string, compiled: Entry[]): unknown {
  const key = keyOf(filename);
  const cacheFile = cacheFileOf(store, filename);
  const saved = readEntry(cacheFile);
  const cachedData = saved?.key === key ? saved.data : undefined;
  // A first line `#!…` is valid only at the very start of a script, not inside the module wrapper.
  const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
  // The bundles have no `import()` (the build turns it into require): Node 20's vm cannot run it here.
  const script = new vm.Script(Module.wrap(source), { filename, cachedData });
  const usedCache = cachedData !== undefined && !script.cachedDataRejected;
  compiled.push({ file: cacheFile, key, script, usedCache, commands: usedCache ? saved!.commands : [] });
  const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const localRequire = Object.assign((id: string) => module.require(id), {
    resolve: (request: string, options?: unknown) => Module._resolveFilename(request, module, false, options),
    main: process.mainModule,
    cache: Module._cache,
  });
  return run.call(module.exports, module.exports, localRequire, module, filename, path.dirname(filename));
}

/**
 * After the run (so that the functions that ran are in it), the code of each bundle compiled without its
 * cache, or with a cache no run of this command made (V8's data then holds the functions of both).
 */
function writeCaches(store: string, compiled: Entry[], command: string): void {
  const toWrite = (entry: Entry) => !entry.usedCache || (!entry.commands.includes(command) && entry.commands.length < MAX_COMMANDS);
  if (compiled.some((entry) => !entry.usedCache)) {
    for (const stale of staleEntries(store)) {
      try {
        unlinkSync(stale);
      } catch {
        // Another run removed it, or it cannot be: left.
      }
    }
  }
  for (const entry of compiled) {
    if (!toWrite(entry)) continue;
    try {
      mkdirSync(store, { recursive: true });
      // Written aside, then renamed: a command running at the same time reads a whole file or none.
      const temporary = `${entry.file}.${process.pid}`;
      writeFileSync(temporary, entryBytes(entry.key, [...entry.commands, command], entry.script.createCachedData()));
      renameSync(temporary, entry.file);
    } catch {
      // No cache this time (a read-only home, a full disk): the next run compiles again.
    }
  }
}
