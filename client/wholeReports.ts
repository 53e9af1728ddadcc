// Pulled diagnostics taken only whole. vscode-languageclient (11.0.0, diagnostic.js) converts a full report's
// items a batch at a time, yielding once a batch has taken 15 ms — the first item in an extension host just
// started, or busy, can — and when the pull is cancelled in between (a refresh, another report's change: it
// pulls again), it returns the report with the items not yet converted left out, keeps its result id, and
// asks again with that id. The server answers “unchanged”, and the editor showed one problem of fourteen
// until the next edit (CI, Restricted Mode, guiwei-2020.bg: BG401 alone). A report whose pull was cancelled
// by the time it is converted is refused as cancelled: the library then asks again with the result id it
// had, and gets the whole report. No `vscode` import, so that a unit test runs it.

/** The report `pending` resolves to, or `cancelled()` thrown when the pull was cancelled meanwhile. */
export async function wholeReport<R>(pending: R | PromiseLike<R>, token: { readonly isCancellationRequested: boolean }, cancelled: () => Error): Promise<R> {
  const report = await pending;
  if (token.isCancellationRequested) throw cancelled();
  return report;
}
