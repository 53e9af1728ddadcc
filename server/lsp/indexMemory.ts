// The workspace index's summaries kept between sessions (workspaceIndex.ts) in the folder the client
// gives for its own storage (`initializationOptions.storageFolder`; VS Code: this workspace's storage).
// Written a little after a refresh, not on each one (a thousand reports' summaries are a few MB), and at
// shutdown; valid only for the same build and the same settings.
import { buildStamp, readIndexFile, stampOf, writeIndexFile } from '../node/indexFile.js';
import type { ServiceSettings } from '../language/service.js';
import type { SymbolKind as FeatureKind } from '../language/features/symbols.js';
import type { IndexedSymbol } from './workspaceIndex.js';

/** A summary as kept between sessions: with the stamps (size and time) of its file and of what it read. */
export interface KeptSummary {
  stamp: string;
  /** Each file or folder the analysis read or listed, with its stamp then. */
  reads: Array<[string, string]>;
  summary: { symbols: IndexedSymbol[]; includes: string[]; snippet: boolean; lastYear: string | null };
}

/** Where the index is kept between sessions (server/node/indexFile.ts): the server's own storage. */
export interface IndexMemory {
  /** What the last session kept, by path (entries of any shape: each is checked), or undefined. */
  load(): ReadonlyMap<string, unknown> | undefined;
  /** Keeps the summaries (the caller may write later, and at most so often). */
  save(files: ReadonlyMap<string, KeptSummary>): void;
  /** A file's or folder's size and modification time as a string ('none' when it is not there). */
  stamp(path: string): string;
}

/** How long after a refresh the summaries are written (more refreshes in between: one write). */
const WRITE_DELAY_MS = 2_000;

export interface IndexMemoryOptions {
  /** The client's storage folder (known from `initialize`), or undefined: nothing is kept. */
  folder(): string | undefined;
  /** The settings the summaries were made under. */
  settings(): ServiceSettings;
}

export class KeptIndex implements IndexMemory {
  private pending: ReadonlyMap<string, KeptSummary> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly build = buildStamp();

  constructor(private readonly options: IndexMemoryOptions) {}

  load(): ReadonlyMap<string, unknown> | undefined {
    const folder = this.options.folder();
    return folder ? readIndexFile(folder, this.fingerprint()) : undefined;
  }

  save(files: ReadonlyMap<string, KeptSummary>): void {
    if (!this.options.folder()) return;
    this.pending = files;
    this.timer ??= setTimeout(() => this.flush(), WRITE_DELAY_MS);
    this.timer.unref?.();
  }

  /** Writes what waits to be written now (at shutdown). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const folder = this.options.folder();
    if (!this.pending || !folder) return;
    writeIndexFile(folder, this.fingerprint(), new Map([...this.pending].map(([path, kept]) => [path, stored(kept)])));
    this.pending = undefined;
  }

  stamp(path: string): string {
    return stampOf(path);
  }

  private fingerprint(): string {
    const { snippetFolders, severities, checks } = this.options.settings();
    return JSON.stringify({ format: 2, build: this.build, snippetFolders, severities: [...severities], checks });
  }
}

/**
 * A kept summary as written: each symbol a tuple (its name, kind, detail and range's four numbers), the
 * file's path and the lower-cased name left out (the key and the name say them) — half the size to read.
 */
interface StoredSummary {
  stamp: string;
  reads: Array<[string, string]>;
  symbols: Array<[string, FeatureKind, string, number, number, number, number]>;
  includes: string[];
  snippet: boolean;
  lastYear: string | null;
}

function stored({ stamp, reads, summary }: KeptSummary): StoredSummary {
  const symbols = summary.symbols.map((s): StoredSummary['symbols'][number] => [s.name, s.kind, s.detail, s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character]);
  return { stamp, reads, symbols, includes: summary.includes, snippet: summary.snippet, lastYear: summary.lastYear };
}

const SYMBOL_KINDS: ReadonlySet<unknown> = new Set<FeatureKind>(['heading', 'figure', 'constant', 'snippet', 'label']);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isStoredSymbol = (s: unknown) =>
  Array.isArray(s) && s.length === 7 && isString(s[0]) && SYMBOL_KINDS.has(s[1]) && isString(s[2]) && isCount(s[3]) && isCount(s[4]) && isCount(s[5]) && isCount(s[6]);

/** A kept summary read back, if it has the shape written (a file of another version or a damaged one: undefined). */
export function keptSummary(value: unknown, path: string): KeptSummary | undefined {
  const kept = value as StoredSummary | undefined;
  if (!kept || typeof kept !== 'object' || !isString(kept.stamp) || !Array.isArray(kept.reads) || !Array.isArray(kept.symbols)) return undefined;
  if (!kept.reads.every((r) => Array.isArray(r) && r.length === 2 && isString(r[0]) && isString(r[1]))) return undefined;
  const { includes, snippet, lastYear } = kept;
  if (!Array.isArray(includes) || !includes.every(isString) || typeof snippet !== 'boolean' || !(lastYear === null || isString(lastYear))) return undefined;
  if (!kept.symbols.every(isStoredSymbol)) return undefined;
  const symbols = kept.symbols.map(([name, kind, detail, startLine, startCharacter, endLine, endCharacter]): IndexedSymbol => ({
    name, lower: name.toLowerCase(), kind, detail, path, range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } },
  }));
  return { stamp: kept.stamp, reads: kept.reads, summary: { symbols, includes, snippet, lastYear } };
}
