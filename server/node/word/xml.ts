// The XML of a .docx as the reader reads it: elements found with patterns in one pass, attributes and
// character references, a part inflated within a bound and decoded by the encoding it declares, and the
// package's relationships. Word writes its XML the same way every time: elements are read with patterns,
// not a DOM (a DOM library would bring the browser's types into the whole program).
import type JSZip from 'jszip';

/**
 * The blocks `<w:name …>…</w:name>` (or self-closed) of an XML text, with their opening tags' attributes,
 * each ending at the first closing tag after it, in one pass: an element left open is passed over, and
 * once a closing tag is known to be missing it is not searched for again (a pattern searched anew from
 * every opening took 16 s for 80,000 open `<w:p>` in a 400 KB document, and grew with their square).
 */
export function elements(xml: string, name: string): Array<{ open: string; body: string }> {
  const out: Array<{ open: string; body: string }> = [];
  eachElement(xml, [name], (element) => out.push({ open: element.attributes, body: element.body }));
  return out;
}

/** `xml` without the named elements, their content included; self-closed and unclosed ones are kept. */
export function withoutElements(xml: string, names: readonly string[]): string {
  let out = '';
  let kept = 0;
  eachElement(xml, names, (element) => {
    if (element.selfClosed) return;
    out += xml.slice(kept, element.start);
    kept = element.end;
  });
  return out + xml.slice(kept);
}

interface Element {
  attributes: string;
  /** '' for a self-closed element. */
  body: string;
  selfClosed: boolean;
  start: number;
  end: number;
}

/** Calls `visit` for each element of the names, in order, not looking inside those it visited (linear: see `elements`). */
function eachElement(xml: string, names: readonly string[], visit: (element: Element) => void): void {
  const opening = new RegExp(`<w:(${names.join('|')})(?=[\\s>/])`, 'g');
  const unclosed = new Set<string>();
  for (let m = opening.exec(xml); m; m = opening.exec(xml)) {
    const name = m[1]!;
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd < 0) return;
    const selfClosed = xml.charCodeAt(tagEnd - 1) === 0x2f;
    const attributes = xml.slice(m.index + name.length + 3, selfClosed ? tagEnd - 1 : tagEnd);
    opening.lastIndex = tagEnd + 1;
    if (selfClosed) {
      visit({ attributes, body: '', selfClosed, start: m.index, end: tagEnd + 1 });
      continue;
    }
    const close = `</w:${name}>`;
    const closeAt = unclosed.has(name) ? -1 : xml.indexOf(close, tagEnd + 1);
    if (closeAt < 0) {
      unclosed.add(name);
      continue;
    }
    visit({ attributes, body: xml.slice(tagEnd + 1, closeAt), selfClosed, start: m.index, end: closeAt + close.length });
    opening.lastIndex = closeAt + close.length;
  }
}

/** The value of attribute w:name in a tag, or of the first `<w:element w:val="…">` in a body. */
export const attr = (tag: string, name: string) => new RegExp(`\\bw:${name}="([^"]*)"`).exec(tag)?.[1];
export const val = (body: string, element: string) => new RegExp(`<w:${element}(?=[\\s>/])[^<>]*?\\bw:val="([^"]*)"`).exec(body)?.[1];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A character reference beyond Unicode (`&#99999999;`) is kept as written. */
const characterOf = (reference: string, e: string) => {
  const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
  return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
};
export const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (reference, e: string) => ENTITIES[e] ?? characterOf(reference, e));

/**
 * XML without its comments: Word writes none, but a part edited by hand may comment elements out, and
 * those are not content. Linear: an unclosed comment runs to the end, as an XML reader takes it.
 */
function withoutComments(xml: string): string {
  if (!xml.includes('<!--')) return xml;
  let out = '';
  let at = 0;
  for (let open = xml.indexOf('<!--'); open >= 0; open = xml.indexOf('<!--', at)) {
    out += xml.slice(at, open);
    const close = xml.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
  return out + xml.slice(at);
}

/** The most an XML part of a .docx may inflate to: a real report's document.xml is a few megabytes. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;

/**
 * A part of the zip as text, inflated a chunk at a time and abandoned past MAX_PART_BYTES: a zip bomb
 * (a small file whose document.xml inflates to gigabytes) is refused before it fills the memory.
 */
export function readPart(zip: JSZip, name: string, limit = MAX_PART_BYTES, tooLarge = `其中的 ${name} 解压后超过 ${MAX_PART_BYTES / 1024 / 1024} MB`): Promise<string | undefined> {
  const file = zip.file(name);
  if (!file) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stream.removeAllListeners('data');
      stream.destroy();
      reject(new Error(`${tooLarge}，不是一份报告的大小（可能是恶意构造的压缩包），不予读取`));
    });
    stream.on('error', () => reject(new Error(`其中的 ${name} 已损坏，无法解压`)));
    stream.on('end', () => {
      try {
        resolve(withoutComments(decodeXml(Buffer.concat(chunks), name)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="GBK"?>`), read from its first bytes. */
const DECLARED_ENCODING = /^(?:\xef\xbb\xbf)?<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;
const UTF8_LABELS = /^(?:utf-?8|unicode-1-1-utf-8)$/i;

/**
 * An XML part's text by the encoding its first bytes show (XML 1.0, appendix F): Word writes UTF-8, but a
 * part saved by another program as UTF-16 (with or without a byte order mark or a declaration) read as
 * UTF-8 lost every word.
 * A part whose declaration names another encoding (GBK, GB18030, Big5, as a hand-made or converted package
 * has it) is read in it — as UTF-8 its every Chinese character was lost, without a word; one the reader
 * does not know is refused, said in Chinese (`name`: the part's name).
 */
export function decodeXml(bytes: Uint8Array, name = 'XML 部件'): string {
  const [a, b] = bytes;
  // UTF-8 XML has no zero byte: one beside the first character is UTF-16 (with no declaration nor byte order mark too).
  if ((a === 0xff && b === 0xfe) || (a !== 0x00 && b === 0x00)) return new TextDecoder('utf-16le').decode(bytes);
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b !== 0x00 && b !== undefined)) return new TextDecoder('utf-16be').decode(bytes);
  const declared = DECLARED_ENCODING.exec(Buffer.from(bytes.subarray(0, 256)).toString('latin1'))?.[1];
  if (declared && !UTF8_LABELS.test(declared) && !/^utf-?16/i.test(declared)) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(declared.toLowerCase());
    } catch {
      throw new Error(`其中的 ${name} 声明的字符编码“${declared.slice(0, 40)}”无法识别，其文字读不出来：请在 Word 或 WPS 中打开此文档，另存为 .docx 后再导入`);
    }
    return decoder.decode(bytes);
  }
  return new TextDecoder().decode(bytes);
}

/** The relationships of a `.rels` part: each one's id, type's last word ("officeDocument", "styles", "header") and target inside the package. */
export function relationships(xml: string | undefined, from: string): Array<{ id: string; type: string; target: string }> {
  const out: Array<{ id: string; type: string; target: string }> = [];
  for (const m of (xml ?? '').matchAll(/<Relationship\b[^<>]*>/g)) {
    const type = /\bType="[^"]*\/([^"/]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (!type || !target || /\bTargetMode="External"/.test(m[0])) continue;
    // A target is relative to the folder of the part whose relationships these are, or, with a leading "/", to the package.
    const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
    for (const step of target.split('/')) {
      if (step === '..') parts.pop();
      else if (step && step !== '.') parts.push(step);
    }
    out.push({ id: /\bId="([^"]*)"/.exec(m[0])?.[1] ?? '', type, target: parts.join('/') });
  }
  return out;
}

/** The targets of relationships by their type's last word: the first of each type. */
export function targetsByType(relations: ReadonlyArray<{ type: string; target: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of relations) if (!out.has(r.type)) out.set(r.type, r.target);
  return out;
}
