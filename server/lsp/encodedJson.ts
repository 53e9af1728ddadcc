// Results serialised once, by the server itself: a long report's outline is some 180 KB of JSON, and
// vscode-languageserver would make it again for every response (JSON.stringify of thousands of small
// objects, then UTF-8). A handler may answer with an EncodedJson instead; the writer's encoder (transport.ts)
// splices its bytes into the response as they are. Any other writer (e.g. --socket, left to the library)
// serialises it through toJSON: the same JSON, made the slow way.
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

export class EncodedJson {
  /** `encoded`: the result's JSON in ASCII (see JsonWriter). */
  constructor(readonly encoded: Buffer) {}

  toJSON(): unknown {
    return JSON.parse(this.encoded.toString('latin1'));
  }
}

const HEX = '0123456789abcdef';

/**
 * Writes JSON straight into bytes, in ASCII: every character above U+007F as \\uXXXX (as JSON allows), so
 * no UTF-8 is encoded here and the client's decoding is a copy; a Chinese character takes 6 bytes instead
 * of 3, but a report's outline is mostly punctuation, keys and numbers. (About twice as fast as
 * JSON.stringify of the same objects and then UTF-8, and no objects are made.)
 */
export class JsonWriter {
  private bytes: Buffer;
  private length = 0;

  constructor(capacity = 1 << 18) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** ASCII text as it is: punctuation and keys (`{"name":`). */
  raw(ascii: string): this {
    this.room(ascii.length);
    const out = this.bytes;
    let at = this.length;
    for (let i = 0; i < ascii.length; i++) out[at++] = ascii.charCodeAt(i);
    this.length = at;
    return this;
  }

  /** A number (a non-negative integer by digits; anything else as JSON.stringify writes it). */
  number(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) return this.raw(JSON.stringify(n));
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    this.room(digits);
    for (let at = this.length + digits - 1, rest = n; at >= this.length; at--, rest = Math.floor(rest / 10)) this.bytes[at] = 48 + (rest % 10);
    this.length += digits;
    return this;
  }

  /** A string literal: quotes and backslashes escaped, control characters and all above U+007E as \\uXXXX. */
  string(text: string): this {
    this.room(text.length * 6 + 2);
    const out = this.bytes;
    let at = this.length;
    out[at++] = 0x22;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f) {
        if (c === 0x22 || c === 0x5c) out[at++] = 0x5c;
        out[at++] = c;
      } else {
        out[at++] = 0x5c;
        out[at++] = 0x75;
        for (let shift = 12; shift >= 0; shift -= 4) out[at++] = HEX.charCodeAt((c >> shift) & 15);
      }
    }
    out[at++] = 0x22;
    this.length = at;
    return this;
  }

  /** What was written, as a result the encoder sends as it is. */
  done(): EncodedJson {
    // (A copy of its own size: the spare room is not kept with a cached result.)
    return new EncodedJson(Buffer.from(this.bytes.subarray(0, this.length)));
  }

  private room(needed: number): void {
    if (this.length + needed <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + needed));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

const RESPONSE_END = Buffer.from('}');

/** The writer's encoder: JSON as the library makes it, but an EncodedJson result goes in as its bytes. */
export const encodedJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const { id, result } = message as { id?: unknown; result?: unknown };
      if (result instanceof EncodedJson) {
        const head = Buffer.from(`{"jsonrpc":"2.0","id":${JSON.stringify(id ?? null)},"result":`, 'latin1');
        return Promise.resolve(Buffer.concat([head, result.encoded, RESPONSE_END]));
      }
      return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset as BufferEncoding));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};
