// A JSON-RPC message as the bytes written to the client (header and body in one buffer), the same bytes
// as `JSON.stringify`'s — but an answer's long texts (collect's table of 1,000 reports, 28 million
// characters, given as its lines: TextInParts; an export) are escaped straight into the buffer, and its
// long lists (checkWorkspace's files) serialised an element at a time. JSON.stringify made the body as one
// more string, twice as large as the text with its parts (its builder's pieces, then the flat copy),
// before the bytes: some 170 MB at once beside the answer itself, the server's peak.
import type { Message } from 'vscode-languageserver/node';

/** Texts this long (characters) among an answer's fields are written straight into the buffer. */
export const LONG_TEXT = 1_000_000;
/**
 * Lists of objects this long among an answer's fields, whose JSON comes to LONG_TEXT characters or more
 * (estimated from a sample of their elements), are serialised an element at a time. A list of numbers (a
 * report's semantic tokens) or of small objects (a report's problems) is not: element by element made a
 * 300 KB report's semantic tokens three times slower, for no memory worth saving.
 */
export const LONG_LIST = 500;
/** Elements whose JSON estimates a list's. */
const SAMPLED = 16;

/** What JSON escapes in a string: quote, backslash, control characters, and surrogates (a lone one is escaped). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/g;
const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The header and body of a message, as `Content-Length: n\r\n\r\n` + JSON.stringify(message) in UTF-8. */
export function messageFrame(message: Message): Buffer {
  const long = longFields(message);
  if (!long) {
    const body = JSON.stringify(message);
    const length = Buffer.byteLength(body, 'utf8');
    const header = `Content-Length: ${length}\r\n\r\n`;
    const frame = Buffer.allocUnsafe(header.length + length);
    frame.write(header, 0, 'latin1');
    frame.write(body, header.length, 'utf8');
    return frame;
  }
  const pieces = splitAtMarkers(message, long);
  // A long list's elements each as its JSON (as JSON.stringify writes an element: undefined and holes as
  // null). Strings, not each element's bytes: a thousand buffers of tens of KB, freed, stayed in the
  // allocator's heap (20 MB more resident after the requests).
  const lists = long.map(([, value]) => (Array.isArray(value) ? Array.from(value, (item) => JSON.stringify([item]).slice(1, -1)) : []));
  let length = 0;
  for (const piece of pieces) length += Buffer.byteLength(piece, 'utf8');
  long.forEach(([, value], i) => {
    if (Array.isArray(value)) length += 2 + Math.max(0, value.length - 1) + lists[i]!.reduce((sum, json) => sum + Buffer.byteLength(json, 'utf8'), 0);
    else length += 2 + partsOf(value).reduce((sum, part) => sum + escapedLength(part), 0);
  });
  const header = `Content-Length: ${length}\r\n\r\n`;
  const frame = Buffer.allocUnsafe(header.length + length);
  let at = frame.write(header, 0, 'latin1');
  pieces.forEach((piece, i) => {
    at += frame.write(piece, at, 'utf8');
    if (i >= long.length) return;
    const value = long[i]![1];
    if (!Array.isArray(value)) {
      at += frame.write('"', at, 'latin1');
      for (const part of partsOf(value)) at = writeEscaped(part, frame, at);
      at += frame.write('"', at, 'latin1');
      return;
    }
    at += frame.write('[', at, 'latin1');
    lists[i]!.forEach((json, k) => {
      if (k > 0) at += frame.write(',', at, 'latin1');
      at += frame.write(json, at, 'utf8');
    });
    at += frame.write(']', at, 'latin1');
  });
  return frame;
}

/**
 * An answer's top-level fields that are long texts or long lists (checkWorkspace's files), in the order
 * JSON.stringify writes them, or undefined. A list's elements are serialised one at a time: the whole
 * answer's JSON at once (125,000 problems of 1,000 reports, 21 million characters) was made twice over
 * by JSON.stringify's builder before its bytes.
 */
export function longFields(message: Message): Array<[string, string | TextInParts | unknown[]]> | undefined {
  const result = (message as { result?: unknown }).result;
  if (!result || typeof result !== 'object' || Array.isArray(result) || typeof (result as { toJSON?: unknown }).toJSON === 'function') return undefined;
  const long = Object.entries(result).filter(
    (entry): entry is [string, string | TextInParts | unknown[]] =>
      ((typeof entry[1] === 'string' || entry[1] instanceof TextInParts) && entry[1].length >= LONG_TEXT) || (Array.isArray(entry[1]) && isLongList(entry[1])),
  );
  return long.length ? long : undefined;
}

/** A list of LONG_LIST objects or more whose JSON, estimated from SAMPLED elements spread over it, is LONG_TEXT characters or more. */
function isLongList(list: readonly unknown[]): boolean {
  if (list.length < LONG_LIST || typeof list[0] !== 'object' || list[0] === null) return false;
  let sampled = 0;
  for (let k = 0; k < SAMPLED; k++) sampled += JSON.stringify([list[Math.floor((k * list.length) / SAMPLED)]]).length - 2;
  return (sampled / SAMPLED) * list.length >= LONG_TEXT;
}

/**
 * A text given as its parts, for an answer's field: JSON has it as the one string they make (toJSON, for
 * every transport), but the frame writes the parts one after the other, and the whole is never made —
 * collect's table of 1,000 reports is 55 MB as one string, on top of its lines. A part must not end
 * between the two halves of a surrogate pair.
 */
export class TextInParts {
  readonly length: number;

  constructor(readonly parts: readonly string[]) {
    this.length = parts.reduce((sum, part) => sum + part.length, 0);
  }

  toJSON(): string {
    return this.parts.join('');
  }
}

const partsOf = (text: string | TextInParts): readonly string[] => (typeof text === 'string' ? [text] : text.parts);

/** The message's JSON with each long text left out: the pieces around them (a marker stands for each, one no other text of the message holds). */
function splitAtMarkers(message: Message, long: ReadonlyArray<[string, unknown]>): string[] {
  for (let n = 0; ; n++) {
    const marker = `\u0001baogao-long-text-${n}\u0001`;
    const result = { ...(message as unknown as { result: Record<string, unknown> }).result };
    for (const [key] of long) result[key] = marker;
    const pieces = JSON.stringify({ ...message, result }).split(JSON.stringify(marker));
    if (pieces.length === long.length + 1) return pieces;
  }
}

/** Calls `visit` with the index of each character JSON escapes in `text` (a surrogate pair is not escaped, a lone surrogate is). */
function eachEscaped(text: string, visit: (i: number) => void): void {
  ESCAPED.lastIndex = 0;
  for (let m = ESCAPED.exec(text); m; m = ESCAPED.exec(text)) {
    const i = m.index;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1))) {
      ESCAPED.lastIndex = i + 2;
      continue;
    }
    visit(i);
  }
}

/** The bytes of `text` inside a JSON string literal (quotes not included). */
function escapedLength(text: string): number {
  let length = Buffer.byteLength(text, 'utf8');
  // UTF-8 of the character (a lone surrogate: the replacement character, 3 bytes) → its escape.
  eachEscaped(text, (i) => (length += escapeOf(text, i).length - (text.charCodeAt(i) >= 0xd800 ? 3 : 1)));
  return length;
}

/** Writes `text` escaped as inside a JSON string literal at `at` (no quotes); returns the offset after it. */
function writeEscaped(text: string, frame: Buffer, at: number): number {
  let from = 0;
  eachEscaped(text, (i) => {
    if (i > from) at += frame.write(text.slice(from, i), at, 'utf8');
    at += frame.write(escapeOf(text, i), at, 'latin1');
    from = i + 1;
  });
  if (from < text.length) at += frame.write(from === 0 ? text : text.slice(from), at, 'utf8');
  return at;
}

const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** JSON.stringify's escape of the character at `i` (lower-case hex, as it writes it). */
function escapeOf(text: string, i: number): string {
  const ch = text[i]!;
  return SHORT_ESCAPES[ch] ?? `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`;
}
