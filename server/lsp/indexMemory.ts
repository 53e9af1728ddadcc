// The workspace index's summaries kept between sessions (workspaceIndex.ts) in the folder the client
// gives for its own storage (`initializationOptions.storageFolder`; VS Code: this workspace's storage).
// Written a little after a refresh, not on each one (a thousand reports' summaries are a few MB), and at
// shutdown; valid only for the same build and the same settings.
import { buildStamp, readIndexFile, stampOf, writeIndexFile } from '../node/indexFile.js';
import type { ServiceSettings } from '../language/service.js';
import type { IndexMemory, KeptSummary } from './workspaceIndex.js';

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
    writeIndexFile(folder, this.fingerprint(), this.pending);
    this.pending = undefined;
  }

  stamp(path: string): string {
    return stampOf(path);
  }

  private fingerprint(): string {
    const { snippetFolders, severities, checks } = this.options.settings();
    return JSON.stringify({ format: 1, build: this.build, snippetFolders, severities: [...severities], checks });
  }
}
