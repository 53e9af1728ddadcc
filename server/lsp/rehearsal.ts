// The first keystrokes after opening a report ran code V8 had not optimised yet: at 300 KB the first ten
// took 10–25 ms each, the later ones 3 ms; at 15 KB, the size of a real report, the first eighty took
// twice as long as the later ones, and some of them five times. So once per server, after the first report
// of real size has been checked and the writer pauses, keystrokes are rehearsed on it while the editor is idle: a character typed
// into one of its prose lines and taken out again (each analysed, checked and its problems made LSP's), each
// character a task of its own so that the client's messages come first; when the writer types, it waits for
// them to pause. Every task ends on the writer's own text, so what the analysis remembers is of that text;
// nothing is sent.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type * as ast from '../../grammar/index.js';
import { checkReport } from '../language/checks/index.js';
import type { DocumentStore } from './documents.js';
import { lspDiagnosticsByUri } from './publishDiagnostics.js';

/**
 * Reports from this many characters are worth a rehearsal: a real report has 3,000–10,000. A shorter text
 * (a new report, a snippet file) would warm too little of the checker and use up the server's one rehearsal.
 */
export const REHEARSAL_MIN_CHARACTERS = 2_000;
/**
 * Characters rehearsed, each typed and taken out, for a report of a given length: the work a rehearsal must
 * do is about so many functions run so many times, so the number falls as the report grows — twenty at
 * 100,000 characters (300 KB; after 8 the first real keystrokes there still took up to 15 ms, after 20, 9),
 * sixty at most (at 15 KB, after 20 the keystrokes' median CPU time was 0.6–0.7 ms, after 60 0.4–0.5, as
 * after 150), two at least (at 3 MB one analysis already runs every function many times, and each makes as
 * much data as the report is long: twenty raised the server's peak by 100 MB).
 */
export const stepsFor = (characters: number) => Math.max(2, Math.min(60, Math.round(2_000_000 / characters)));
/** A report stops rehearsing after this long, whatever is left. */
const BUDGET_MS = 1_500;
/** How long the writer has stopped typing before the rehearsal goes on, ms. */
const PAUSE_MS = 500;

export class KeystrokeRehearsal {
  private started = false;
  /** Characters rehearsed, and the time spent on them, ms. */
  private steps = 0;
  private spentMs = 0;

  private readonly nextTask: (step: () => void) => void;
  private readonly later: (then: () => void, ms: number) => void;
  private readonly ended: (characters: number, ms: number) => void;

  constructor(
    private readonly store: DocumentStore,
    options: {
      /** How a step waits for the editor's messages to go first, and how a pause is waited for (a test runs them when it says). */
      nextTask?: (step: () => void) => void;
      later?: (then: () => void, ms: number) => void;
      /** Told when it ends: the characters rehearsed and the time spent (the server traces it). */
      ended?: (characters: number, ms: number) => void;
    } = {},
  ) {
    this.nextTask = options.nextTask ?? setImmediate;
    this.later = options.later ?? ((then, ms) => void setTimeout(then, ms));
    this.ended = options.ended ?? (() => undefined);
  }

  /**
   * After a document's check: rehearses on it when it is the first report of real size — once the writer
   * has paused, not at once: a keystroke right after opening would otherwise wait for a rehearsed one (at
   * 15 KB the first keystroke took 19–42 ms instead of 7–10).
   */
  afterCheck(doc: TextDocument): void {
    if (this.started || doc.getText().length < REHEARSAL_MIN_CHARACTERS) return;
    this.started = true;
    this.afterPause(doc.uri);
  }

  /** Rehearses on the document's current text until done, or until the writer types (then waits for a pause). */
  private rehearse(uri: string): void {
    const doc = this.store.get(uri);
    if (!doc) return;
    const { version } = doc;
    const text = doc.getText();
    const at = typingPlace(this.store.modelFor(doc).file.document.lines);
    if (at === undefined) return;
    const path = this.store.pathOf(doc);
    const typed = `${text.slice(0, at)}一${text.slice(at)}`;
    const step = () => {
      const now = this.store.get(uri);
      if (!now) return;
      // The writer typed: their keystrokes come first; the rehearsal goes on when they pause, on their text.
      if (now.version !== version) return this.afterPause(uri);
      const started = performance.now();
      const service = this.store.serviceFor(path);
      // Typed and taken out in one task: between tasks the last text analysed is the writer's, so their
      // next keystroke is one edit away from it (not two, the rehearsal's a third of the report away).
      try {
        for (const source of [typed, text]) {
          const model = service.analyze(path, source);
          lspDiagnosticsByUri(this.store, uri, model, checkReport(model, service.settings));
        }
      } catch {
        // Only a rehearsal: whatever went wrong will go wrong, and be reported, on the writer's own request.
        return;
      }
      this.steps++;
      this.spentMs += performance.now() - started;
      if (this.steps < stepsFor(text.length) && this.spentMs < BUDGET_MS) this.nextTask(step);
      else this.ended(this.steps, this.spentMs);
    };
    this.nextTask(step);
  }

  /** Goes on once the document has not changed for PAUSE_MS. */
  private afterPause(uri: string): void {
    const version = this.store.get(uri)?.version;
    this.later(() => {
      const doc = this.store.get(uri);
      if (!doc) return;
      if (doc.version !== version) this.afterPause(uri);
      else this.rehearse(uri);
    }, PAUSE_MS);
  }
}

/** Where a writer might type: the end of the first line of prose a third of the way into the report, if any. */
export function typingPlace(lines: readonly ast.Line[]): number | undefined {
  const from = lines.length ? Math.floor(lines[lines.length - 1]!.end / 3) : 0;
  let prose: ast.TextLine | undefined;
  for (const line of lines) {
    if (line.kind !== 'text') continue;
    prose = line;
    if (line.start >= from) break;
  }
  const last = prose?.content[prose.content.length - 1];
  return last?.end;
}
