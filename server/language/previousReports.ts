// Last year's report, analysed once per text: while the writer types in this year's report, last year's
// does not change, and analysing it again on every keystroke would double the work of each one.
import type { ReportModel } from './model.js';
import type { SnippetIndex } from './snippets.js';
import type { Workspace } from './workspace.js';

interface Remembered {
  text: string;
  snippets: SnippetIndex;
  generation: number;
  /** Every file the analysis read (its snippets), with the text it got: a change to any one is seen. */
  reads: Map<string, string | undefined>;
  model: ReportModel;
}

export class PreviousReports {
  private readonly entries = new Map<string, Remembered>();

  /** A few reports at most: one per open report is what typing needs. */
  constructor(private readonly limit = 8) {}

  /** The model of last year's report `path` with `text`; `analyse` runs only when something it read changed. */
  get(path: string, text: string, workspace: Workspace, snippets: SnippetIndex, analyse: (reading: Workspace) => ReportModel): ReportModel {
    const hit = this.entries.get(path);
    this.entries.delete(path);
    if (hit && hit.text === text && hit.snippets === snippets && hit.generation === snippets.generation && unchanged(hit.reads, workspace)) {
      this.entries.set(path, hit);
      return hit.model;
    }
    const reads = new Map<string, string | undefined>();
    // The same workspace, with its reads written down (its other methods and state are the original's).
    const reading: Workspace = Object.create(workspace, {
      readFile: {
        value: (file: string) => {
          const got = workspace.readFile(file);
          reads.set(file, got);
          return got;
        },
      },
    });
    const model = analyse(reading);
    this.entries.set(path, { text, snippets, generation: snippets.generation, reads, model });
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return model;
  }

  forget(path: string): void {
    this.entries.delete(path);
  }
}

function unchanged(reads: ReadonlyMap<string, string | undefined>, workspace: Workspace): boolean {
  for (const [file, text] of reads) if (workspace.readFile(file) !== text) return false;
  return true;
}
