// A JSON-RPC message as the bytes written to the client, the same bytes as `Content-Length` + `JSON.stringify`'s
// — but an answer's long texts (collect's table of 1,000 reports, 30 million characters, given as lines
// made on demand: TextInParts; an export) and its long lists (checkWorkspace's files) are made into bytes a
// chunk at a time as they are written, and never held whole: JSON.stringify made the body as one more string,
// twice as large as the text (its builder's pieces, then the flat copy), and the frame held all its bytes
// (the table's 60 MB of lines, then 35 MB of bytes: the server's peak with 1,000 reports).
import type { Message } from 'vscode-languageserver/node';

/** Texts this long (characters) among an answer's fields are written a chunk at a time. */
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
/** Characters of JSON made into one chunk's bytes (a long text is cut into slices this long). */
export const CHUNK_CHARACTERS = 256 * 1024;

/**
 * A message's bytes: one buffer, or (an answer with long fields) chunks made as they are asked for — the
 * same chunks each time (its length was counted by making them once).
 */
export interface Frame {
  readonly byteLength: number;
  /** The message in one buffer (every message without long fields); undefined when it comes in chunks. */
  readonly whole?: Buffer;
  chunks(): Iterable<Buffer>;
}

/** The header and body of a message, as `Content-Length: n\r\n\r\n` + JSON.stringify(message) in UTF-8. */
export function frameOf(message: Message): Frame {
  const encoded = encodedFrame(message);
  if (encoded) return encoded;
  const long = longFields(message);
  if (!long) {
    const body = JSON.stringify(message);
    const length = Buffer.byteLength(body, 'utf8');
    const header = `Content-Length: ${length}\r\n\r\n`;
    const whole = Buffer.allocUnsafe(header.length + length);
    whole.write(header, 0, 'latin1');
    whole.write(body, header.length, 'utf8');
    return { byteLength: whole.length, whole, chunks: () => [whole] };
  }
  const result = (message as unknown as { result: Record<string, unknown> }).result;
  const around = splitAtMarkers((marker) => ({ ...message, result: { ...result, ...Object.fromEntries(long.map(([key]) => [key, marker])) } }), long.length);
  const pieces = () => bodyPieces(around, long);
  let length = 0;
  for (const piece of pieces()) length += Buffer.byteLength(piece, 'utf8');
  const header = `Content-Length: ${length}\r\n\r\n`;
  return { byteLength: header.length + length, chunks: () => chunksOf([header], pieces()) };
}

/**
 * The body's JSON in pieces: the JSON around the long fields, each long text as its escaped slices between
 * quotes, each long list as its elements' JSON (as JSON.stringify writes an element: undefined, functions
 * and holes as null) between brackets.
 */
function* bodyPieces(around: readonly string[], long: ReadonlyArray<[string, string | TextInParts | unknown[]]>): Generator<string> {
  for (let i = 0; i < around.length; i++) {
    yield around[i]!;
    if (i >= long.length) return;
    const value = long[i]![1];
    if (Array.isArray(value)) {
      yield '[';
      for (let k = 0; k < value.length; k++) yield k > 0 ? `,${JSON.stringify([value[k]]).slice(1, -1)}` : JSON.stringify([value[k]]).slice(1, -1);
      yield ']';
    } else {
      yield '"';
      for (const part of typeof value === 'string' ? [value] : value.parts()) yield* escapedSlices(part);
      yield '"';
    }
  }
}

/**
 * A text as JSON escapes it inside a string literal, in slices of CHUNK_CHARACTERS: JSON.stringify of each
 * slice, its quotes left out (a slice never ends between the two halves of a surrogate pair, which would
 * escape them as two lone ones).
 */
function* escapedSlices(text: string): Generator<string> {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK_CHARACTERS);
    if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to--;
    const json = JSON.stringify(from === 0 && to === text.length ? text : text.slice(from, to));
    yield json.slice(1, -1);
    from = to;
  }
}

/** Pieces of text as buffers of about CHUNK_CHARACTERS characters each (one write per chunk, not per piece). */
function* chunksOf(first: readonly string[], pieces: Iterable<string>): Generator<Buffer> {
  let held = [...first];
  let size = 0;
  for (const piece of pieces) {
    held.push(piece);
    size += piece.length;
    if (size < CHUNK_CHARACTERS) continue;
    yield Buffer.from(held.join(''), 'utf8');
    held = [];
    size = 0;
  }
  if (held.length) yield Buffer.from(held.join(''), 'utf8');
}

/**
 * An answer's top-level fields that are long texts (a TextInParts always) or long lists (checkWorkspace's files), in the order
 * JSON.stringify writes them, or undefined. A list's elements are serialised one at a time: the whole
 * answer's JSON at once (125,000 problems of 1,000 reports, 21 million characters) was made twice over
 * by JSON.stringify's builder before its bytes.
 */
export function longFields(message: Message): Array<[string, string | TextInParts | unknown[]]> | undefined {
  const result = (message as { result?: unknown }).result;
  if (!result || typeof result !== 'object' || Array.isArray(result) || typeof (result as { toJSON?: unknown }).toJSON === 'function') return undefined;
  const long = Object.entries(result).filter(
    (entry): entry is [string, string | TextInParts | unknown[]] =>
      entry[1] instanceof TextInParts || (typeof entry[1] === 'string' && entry[1].length >= LONG_TEXT) || (Array.isArray(entry[1]) && isLongList(entry[1])),
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
 * A text given as its parts, made on demand, for an answer's field: JSON has it as the one string they make
 * (toJSON, for every transport), but the frame makes each part's bytes as it writes it, and neither the
 * whole nor all the parts are ever held — collect's table of 1,000 reports is 30 million characters, 60 MB
 * as lines. `parts` must give the same parts each time it is called (the frame calls it to count the
 * bytes, then to write them), and a part must not end between the two halves of a surrogate pair.
 */
export class TextInParts {
  constructor(readonly parts: () => Iterable<string>) {}

  toJSON(): string {
    return [...this.parts()].join('');
  }
}

/**
 * An answer whose JSON was made before, written as those bytes: an outline unchanged since it was last sent
 * (typing inside a line moves no symbol's line or character) is 183 KB of JSON at 300 KB, 2 ms to make again.
 * To JSON.stringify (any other transport) it is its value.
 */
export class EncodedJson {
  private bytes: Buffer | undefined;

  constructor(readonly value: unknown) {}

  get utf8(): Buffer {
    return (this.bytes ??= Buffer.from(JSON.stringify(this.value), 'utf8'));
  }

  toJSON(): unknown {
    return this.value;
  }
}

/** The frame of an answer whose result is EncodedJson: the message's JSON around the result, and its bytes. */
function encodedFrame(message: Message): Frame | undefined {
  const result = (message as { result?: unknown }).result;
  if (!(result instanceof EncodedJson)) return undefined;
  const around = splitAtMarkers((marker) => ({ ...message, result: marker }), 1);
  const before = Buffer.from(around[0]!, 'utf8');
  const after = Buffer.from(around[1]!, 'utf8');
  const length = before.length + result.utf8.length + after.length;
  const whole = Buffer.concat([Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'latin1'), before, result.utf8, after]);
  return { byteLength: whole.length, whole, chunks: () => [whole] };
}

/**
 * A message's JSON with `places` parts left out (long texts, an encoded result): the pieces around them. A
 * marker stands for each, one no other text of the message holds (a client's request id may hold any).
 */
function splitAtMarkers(marked: (marker: string) => unknown, places: number): string[] {
  for (let n = 0; ; n++) {
    const marker = `\u0001baogao-left-out-${n}\u0001`;
    const pieces = JSON.stringify(marked(marker)).split(JSON.stringify(marker));
    if (pieces.length === places + 1) return pieces;
  }
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
