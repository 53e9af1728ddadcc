// A set of characters as a table by UTF-16 unit: the scans of the checks tell a character of a fixed set
// with one lookup per character (a character class tried at every character costs several times as much).

/** 1 for each unit of the characters given (each a single UTF-16 unit), 0 for every other. */
export function unitSet(characters: Iterable<string>): Uint8Array {
  const set = new Uint8Array(0x10000);
  for (const ch of characters) set[ch.charCodeAt(0)] = 1;
  return set;
}
