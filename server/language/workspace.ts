// How the pure core reaches files: an injected interface, so the CLI, the language server (which knows
// unsaved editor buffers) and the tests (in memory) each supply their own.
import { reparse, unchangedEnds, type IncrementalParse } from '../../grammar/index.js';
import { countsOf, type TextCounts } from './documentSize.js';

export interface Workspace {
  /** The text of a file, or undefined when it does not exist or cannot be read. Paths are absolute, '/'-separated. */
  readFile(path: string): string | undefined;
  /** The `.bg` files directly inside a folder (absolute paths); empty when the folder does not exist. */
  listReports(folder: string): string[];
  /**
   * The `.bg` files anywhere under a folder (absolute paths), for workspace-wide features: at most
   * `WALK_LIMITS.files`, no deeper than `WALK_LIMITS.depth` folders, skipping hidden folders and node_modules.
   */
  findReports(folder: string): string[];
  /** Why the last `readFile` of a path gave undefined, in Chinese (outside the workspace, too large…). */
  whyUnreadable?(path: string): string | undefined;
  /**
   * The reports and folders the walks (`listReports`, `findReports`) found but could not list, their names
   * not being UTF-8 (a GBK name shows “\ufffd” and names no file): told (BG909), never silently missing.
   */
  misnamed?(): readonly MisnamedEntry[];
}

/** A report or a folder whose name is not UTF-8, as a walk shows it (“\ufffd” for its undecodable bytes). */
export interface MisnamedEntry {
  path: string;
  folder: boolean;
}

/**
 * How far a workspace walk goes: a county's folder of reports, not a whole disk. `folders`: how many folders
 * it reads — a home folder or a disk opened as the workspace has hundreds of thousands within five levels,
 * each read while the server answers nothing (7,500 folders of /usr: 1.2 s).
 */
export const WALK_LIMITS = { depth: 5, files: 2000, folders: 10_000 } as const;

/** Folders a workspace walk does not enter, and files it does not list. */
export function skippedInWalk(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether a walk of `folder` (findReports) reaches `path`: a `.bg` file under it, in no skipped folder, no deeper than the walk goes. */
export function walkReaches(folder: string, path: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  if (!path.startsWith(prefix) || !path.endsWith('.bg')) return false;
  const parts = path.slice(prefix.length).split('/');
  return parts.length - 1 <= WALK_LIMITS.depth && !parts.some(skippedInWalk);
}

/**
 * Parses a file once per distinct text (reports and snippets are re-read on every analysis); a new text
 * of a known file is parsed incrementally from the previous one, so a keystroke re-parses one line.
 */
export class ParseCache {
  private readonly entries = new Map<string, IncrementalParse>();
  private characters = 0;
  /** The bounds' counts of each file's last text (documentSize.ts), its own map: a text beyond them is never parsed. */
  private readonly counted = new Map<string, { text: string; counts: TextCounts }>();

  constructor(
    private readonly limit = 500,
    /** Text held at most (a tree is a few times its text): 300 documents of 1 MB do not stay in memory. */
    private readonly characterLimit = 32 * 1024 * 1024,
  ) {}

  parse(path: string, text: string): IncrementalParse {
    const previous = this.entries.get(path);
    if (previous && previous.text === text) return previous;
    const result = reparse(previous, text);
    this.drop(path);
    while (this.entries.size > 0 && (this.entries.size >= this.limit || this.characters + text.length > this.characterLimit)) this.drop(this.entries.keys().next().value!);
    this.entries.set(path, result);
    this.characters += text.length;
    return result;
  }

  /**
   * The counts the bounds of a document are decided by (documentSize.ts): for a new text of a known file,
   * the last counts less those of the stretch an edit replaced plus those of the new one.
   */
  countsFor(path: string, text: string): TextCounts {
    const last = this.counted.get(path);
    if (last?.text === text) return last.counts;
    let counts: TextCounts;
    if (last) {
      const { prefix, suffix } = unchangedEnds(last.text, text);
      const removed = countsOf(last.text, prefix, last.text.length - suffix);
      const added = countsOf(text, prefix, text.length - suffix);
      counts = {
        lineFeeds: last.counts.lineFeeds - removed.lineFeeds + added.lineFeeds,
        carriageReturns: last.counts.carriageReturns - removed.carriageReturns + added.carriageReturns,
        notText: last.counts.notText - removed.notText + added.notText,
      };
    } else counts = countsOf(text);
    // Kept for this file and the files whose trees are kept (the same texts): no text is held for the counts alone.
    for (const kept of [...this.counted.keys()]) if (!this.entries.has(kept)) this.counted.delete(kept);
    this.counted.set(path, { text, counts });
    return counts;
  }

  /** Drops a file's tree and counts (its document was closed). */
  forget(path: string): void {
    this.counted.delete(path);
    this.drop(path);
  }

  private drop(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.entries.delete(path);
    this.characters -= entry.text.length;
  }
}

/** A workspace held in memory: tests, and files sent by an editor. */
export class MemoryWorkspace implements Workspace {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  readFile(path: string): string | undefined {
    return this.files.get(path);
  }

  listReports(folder: string): string[] {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    return [...this.files.keys()].filter((p) => p.startsWith(prefix) && p.endsWith('.bg') && !p.slice(prefix.length).includes('/')).sort();
  }

  findReports(folder: string): string[] {
    return [...this.files.keys()]
      .filter((p) => walkReaches(folder, p))
      .sort()
      .slice(0, WALK_LIMITS.files);
  }
}
