// The server's heap policy. A language server keeps one model per open document and makes much short-lived
// garbage per keystroke (the new version's analysis, its answers). Left to itself, V8 lets the old
// generation grow to up to four times what was live at its last full collection: a 3 MB report's server
// reached 450–620 MB resident (1.2 GB in one run) though about 80 MB stay live between keystrokes. While
// large documents are open, the heap may grow by at most what is live (`npm run bench`'s editor part at
// 3 MB: 356–382 MB). Tighter costs speed: at 50 % the peak was 306–315 MB, but the heap was nearly always
// being marked, and symbols, tokens and formatting at 3 MB took two to three times as long. The same limit
// holds once the workspace index covers many reports: their summaries are small (about 30 MB live for
// 1,000 reports), but checking the workspace analyses every report, and V8 let the heap grow to several
// times what stayed live (1,000 reports: 202 MB resident, 170 MB with the limit, the check as fast).
// With small documents in a small workspace V8's own policy stays: its rare full collections keep
// keystrokes fast.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How much the old generation may grow past what was live at the last full collection, per cent. */
export const HEAP_GROWING_PERCENT = 100;
/** Open text (characters, all documents; about 1.5 MB of Chinese) from which the heap's growth is limited. */
export const LARGE_OPEN_TEXT = 500_000;
/** Reports in the workspace index from which the heap's growth is limited. */
export const LARGE_WORKSPACE = 300;

export class HeapPolicy {
  private limited = false;

  constructor(private readonly setFlags: (flags: string) => void = setFlagsFromString) {}

  /**
   * Fits the policy to the open documents' text and the number of reports indexed (V8 reads the flag at
   * each collection: it applies from now on).
   */
  fit(openTextLengths: Iterable<number>, indexedReports = 0): void {
    let total = 0;
    for (const length of openTextLengths) total += length;
    const limit = total >= LARGE_OPEN_TEXT || indexedReports >= LARGE_WORKSPACE;
    if (limit === this.limited) return;
    this.limited = limit;
    // 0: V8's own policy.
    this.setFlags(`--heap-growing-percent=${limit ? HEAP_GROWING_PERCENT : 0}`);
  }

  get limiting(): boolean {
    return this.limited;
  }
}

let fullCollection: (() => void) | undefined;

/**
 * A full collection now, before work that makes much short-lived data at once (the preview of a large
 * report: some 90 MB while a 3 MB report renders) — so that it does not come on top of the garbage the
 * keystrokes before it left (up to what is live, under the policy above). V8's `gc` is made visible
 * for this once (the flag --expose-gc, set at run time, applies to new contexts).
 */
export function collectGarbage(): void {
  if (!fullCollection) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}

/**
 * Before work that makes much short-lived data at once on one report (an export, the preview's pages):
 * for a large report, the garbage of the keystrokes before goes first (collectGarbage).
 */
export function makeRoomFor(text: string): void {
  if (text.length >= LARGE_OPEN_TEXT) collectGarbage();
}

/**
 * A message this large (bytes of JSON) is followed by a full collection once written (transport.ts), and
 * an answer of about this size is preceded by one (beforeLargeAnswer): the answer over a large workspace
 * (1,000 reports' problems, their figures' table) was tens of MB as objects, as much again as JSON and as
 * bytes, and V8 kept the heap it grew to for them until its next full collection, which an idle server
 * does not make for seconds.
 */
export const LARGE_MESSAGE = 4_000_000;

/**
 * Before an answer of about `bytes` of JSON is serialised (checking the workspace, collecting its
 * figures): a full collection when it is large, so that its JSON and bytes do not come on top of the
 * work's own garbage (each report's tree and analysis, the table's rows).
 */
export function beforeLargeAnswer(bytes: number): void {
  if (bytes >= LARGE_MESSAGE) collectGarbage();
}
