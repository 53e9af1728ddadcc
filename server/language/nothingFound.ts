// The one empty list that a search returns when it finds nothing (most lines, most blocks): allMatches, the
// checks' NO_DIAGNOSTICS and the like. Shared, so that nothing is made for a line without a finding.
//
// Not frozen. V8's fast `for … of` over an array does not take a frozen one: a loop that has once met a
// frozen array makes an iterator and a result object for each element of every array it reads after that,
// and most of the checks' loops read these lists (a warm batch check of a 300 KB report spent a fifth of its
// instructions so). Typed readonly, so that nothing can fill it; test/unit/checks/nothingFound.test.ts checks
// that it is still empty after checking the test reports.

/** An empty list whose elements are objects, as the lists it stands beside (an empty `[]` is a list of small integers to V8: a second kind at every loop). */
function emptyListOfObjects(): never[] {
  const list: unknown[] = [null];
  list.pop();
  return list as never[];
}

export const NOTHING_FOUND: readonly never[] = emptyListOfObjects();
