// The paragraphs of a .docx with the heading numbers Word draws itself: most real reports number their
// headings with Word's automatic numbering (numbering.xml: a list level's format and text, "%1、" in
// 中文计数) or by heading styles (标题 1 / 一级标题 …) rather than by typing them, so the plain text has
// no numbers and the importer could not tell headings from prose. Here each numbered paragraph gets the
// number Word would print ("一、", "（一）", "1."), and a paragraph in a heading style without numbering
// gets the number of its level — then the importer reads them like typed numbers.
import JSZip from 'jszip';

// Word writes its XML the same way every time: elements are read with patterns, not a DOM (a DOM
// library would bring the browser's types into the whole program).

interface Level {
  format: string;
  text: string;
  start: number;
}

/** A paragraph as Word shows it: its number (if Word draws one) and its text. */
export interface WordParagraph {
  number: string;
  text: string;
}

/**
 * The blocks `<w:name …>…</w:name>` (or self-closed) of an XML text, with their opening tags' attributes,
 * each ending at the first closing tag after it, in one pass: an element left open is passed over, and
 * once a closing tag is known to be missing it is not searched for again (a pattern searched anew from
 * every opening took 16 s for 80,000 open `<w:p>` in a 400 KB document, and grew with their square).
 */
function elements(xml: string, name: string): Array<{ open: string; body: string }> {
  const out: Array<{ open: string; body: string }> = [];
  eachElement(xml, [name], (element) => out.push({ open: element.attributes, body: element.body }));
  return out;
}

/** `xml` without the named elements, their content included; self-closed and unclosed ones are kept. */
function withoutElements(xml: string, names: readonly string[]): string {
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
const attr = (tag: string, name: string) => new RegExp(`\\bw:${name}="([^"]*)"`).exec(tag)?.[1];
const val = (body: string, element: string) => new RegExp(`<w:${element}(?=[\\s>/])[^>]*?\\bw:val="([^"]*)"`).exec(body)?.[1];

const CN_DIGITS = '〇一二三四五六七八九';
function chineseCount(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}

function formatNumber(n: number, format: string): string {
  if (/^(?:chineseCounting|chineseCountingThousand|chineseLegalSimplified|ideographTraditional|taiwaneseCounting|japaneseCounting)/.test(format)) return chineseCount(n);
  if (format === 'none' || format === 'bullet') return '';
  return String(n);
}

/** numId → ilvl → level definition, from numbering.xml. */
function readNumbering(xml: string | undefined): Map<string, Map<number, Level>> {
  const out = new Map<string, Map<number, Level>>();
  if (!xml) return out;
  const abstracts = new Map<string, Map<number, Level>>();
  for (const abstract of elements(xml, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of elements(abstract.body, 'lvl')) {
      levels.set(Number(attr(lvl.open, 'ilvl') ?? 0), { format: val(lvl.body, 'numFmt') ?? 'decimal', text: val(lvl.body, 'lvlText') ?? '', start: Number(val(lvl.body, 'start') ?? 1) });
    }
    abstracts.set(attr(abstract.open, 'abstractNumId') ?? '', levels);
  }
  for (const num of elements(xml, 'num')) {
    const levels = abstracts.get(val(num.body, 'abstractNumId') ?? '');
    if (levels) out.set(attr(num.open, 'numId') ?? '', levels);
  }
  return out;
}

interface StyleInfo {
  /** Heading level 1–4 from the style's name or outline level. */
  level: number | undefined;
  numId: string | undefined;
  ilvl: number;
}

/** Heading levels of styles: "heading 1" / "标题 1" / "一级标题" (公文 styles) / an outline level. */
function readStyles(xml: string | undefined): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  if (!xml) return out;
  for (const style of elements(xml, 'style')) {
    const name = (val(style.body, 'name') ?? '').toLowerCase();
    const outline = val(style.body, 'outlineLvl');
    const byName = /^(?:heading|标题)\s*([1-4])$/.exec(name)?.[1] ?? String('一二三四'.indexOf(/^([一二三四])级标题/.exec(name)?.[1] ?? '-') + 1 || '');
    const level = byName ? Number(byName) : outline !== undefined && Number(outline) < 4 ? Number(outline) + 1 : undefined;
    out.set(attr(style.open, 'styleId') ?? '', { level, numId: val(style.body, 'numId'), ilvl: Number(val(style.body, 'ilvl') ?? 0) });
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A character reference beyond Unicode (`&#99999999;`) is kept as written. */
const characterOf = (reference: string, e: string) => {
  const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
  return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
};
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (reference, e: string) => ENTITIES[e] ?? characterOf(reference, e));

/**
 * The text of a paragraph as Word prints it with every tracked change accepted: its runs' text, tabs and
 * breaks; text deleted or moved away (w:del, w:moveFrom; its new place is w:moveTo), hidden text
 * (w:vanish) and field codes left out.
 */
function paragraphText(body: string): string {
  const kept = withoutElements(withoutHiddenRuns(body), ['pPr', 'del', 'moveFrom', 'instrText']);
  let text = '';
  for (const m of kept.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) text += m[1] !== undefined ? unescapeXml(m[1]) : m[2] === 'tab' ? '\t' : '\n';
  return text;
}

const RUN_START = /<w:r[\s>]/g;
const HIDDEN = /<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>/;

/** A paragraph without the runs Word hides (`<w:vanish/>` in the run's properties: not shown, not printed). */
function withoutHiddenRuns(body: string): string {
  if (!body.includes('<w:vanish')) return body;
  let out = '';
  let at = 0;
  for (;;) {
    RUN_START.lastIndex = at;
    const start = RUN_START.exec(body)?.index;
    // A run is read to its first end tag, once: an unclosed one ends the search (no quadratic rescans).
    const end = start === undefined ? -1 : body.indexOf('</w:r>', start);
    if (start === undefined || end < 0) break;
    const run = body.slice(start, end + 6);
    const properties = /^<w:r[^>]*>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? '';
    out += body.slice(at, start) + (HIDDEN.test(properties) ? '' : run);
    at = end + 6;
  }
  return out + body.slice(at);
}

/** Numbers Word draws, counted per list and level (a level restarts under a higher one). */
class Counters {
  private readonly counts = new Map<string, number[]>();
  next(list: string, ilvl: number, start: number): number[] {
    const c = this.counts.get(list) ?? [];
    c[ilvl] = (c[ilvl] ?? start - 1) + 1;
    c.length = ilvl + 1;
    this.counts.set(list, c);
    return c;
  }
}

/** The most an XML part of a .docx may inflate to: a real report's document.xml is a few megabytes. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;

/**
 * A part of the zip as text, inflated a chunk at a time and abandoned past MAX_PART_BYTES: a zip bomb
 * (a small file whose document.xml inflates to gigabytes) is refused before it fills the memory.
 */
function readPart(zip: JSZip, name: string): Promise<string | undefined> {
  const file = zip.file(name);
  if (!file) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PART_BYTES) return void chunks.push(chunk);
      stream.removeAllListeners('data');
      stream.destroy();
      reject(new Error(`其中的 ${name} 解压后超过 ${MAX_PART_BYTES / 1024 / 1024} MB，不是一份报告的大小（可能是恶意构造的压缩包），不予读取`));
    });
    stream.on('error', () => reject(new Error(`其中的 ${name} 已损坏，无法解压`)));
    stream.on('end', () => resolve(new TextDecoder().decode(Buffer.concat(chunks))));
  });
}

/** The paragraphs of a .docx, each with the number Word shows before it (or ''). */
export async function readWordParagraphs(buffer: Uint8Array): Promise<WordParagraph[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new Error('不是有效的 Word 文档（压缩包已损坏、不完整或为空）');
  }
  const [documentXml, numberingXml, stylesXml] = await Promise.all([readPart(zip, 'word/document.xml'), readPart(zip, 'word/numbering.xml'), readPart(zip, 'word/styles.xml')]);
  if (!documentXml) throw new Error('不是 Word 文档（缺少 word/document.xml）');
  const numbering = readNumbering(numberingXml);
  const styles = readStyles(stylesXml);
  const counters = new Counters();
  const byStyle = new Counters();
  const out: WordParagraph[] = [];
  // Text boxes hold paragraphs inside a paragraph: left out, as Word's plain-text export leaves them.
  const body = withoutElements(documentXml, ['txbxContent']);
  for (const p of elements(body, 'p')) {
    const pPr = elements(p.body, 'pPr')[0]?.body ?? '';
    const style = styles.get(val(pPr, 'pStyle') ?? '');
    const numId = val(pPr, 'numId') ?? style?.numId;
    const ilvl = Number(val(pPr, 'ilvl') ?? style?.ilvl ?? 0);
    const text = paragraphText(p.body);
    const level = numId && numId !== '0' ? numbering.get(numId)?.get(ilvl) : undefined;
    let number = '';
    if (level && text.trim()) {
      const counts = counters.next(numId!, ilvl, level.start);
      number = level.text.replace(/%([1-9])/g, (_, k: string) => formatNumber(counts[Number(k) - 1] ?? level.start, numbering.get(numId!)?.get(Number(k) - 1)?.format ?? level.format));
    } else if (style?.level && text.trim()) {
      const counts = byStyle.next('style', style.level - 1, 1);
      number = [`${chineseCount(counts[0] ?? 1)}、`, `（${chineseCount(counts[1] ?? 1)}）`, `${counts[2] ?? 1}.`, `（${counts[3] ?? 1}）`][style.level - 1]!;
    }
    out.push({ number, text });
  }
  return out;
}
