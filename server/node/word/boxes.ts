// Text boxes, WordArt and alternative content (mc:AlternateContent) in a .docx: one branch of each
// alternative read, and each box's paragraphs taken out to be read on their own, a mark left where it is
// anchored.

/** The element a text box or WordArt is replaced with where it is anchored (see `withBoxesMarked`): a name Word never writes. */
export const BOX_MARK = 'baogaoTextBox';

/** A part without elements named as the reader's own box marks: a hostile file cannot point at a box again. */
export const withoutBoxMarks = (xml: string) => (xml.includes(`<w:${BOX_MARK}`) ? xml.replace(new RegExp(`<w:${BOX_MARK}\\b[^<>]*>`, 'g'), '') : xml);

/** Is there text in this XML: runs' text, a text box or WordArt, a symbol, a note's reference? */
const HAS_TEXT = /<w:t[\s>]|<w:txbxContent[\s>]|<v:textpath\b[^<>]*\bstring="[^"]|<w:sym\b|<w:(?:footnote|endnote)Reference\b/;

/**
 * The document with one branch of each `mc:AlternateContent`: a text box Word 2010 writes twice, as
 * DrawingML (`mc:Choice`) and as VML for older readers (`mc:Fallback`), is read once — the first choice
 * with text in it, else the fallback (its only text), else the first choice. Inner alternatives first, in
 * one pass with a stack of those open: any depth of nesting is read whole in linear time (a bound of 16
 * levels, read again at each, lost the text after the 17th's in every level around it).
 */
export function oneAlternative(xml: string): string {
  if (!xml.includes('<mc:AlternateContent')) return xml;
  interface Branch {
    choice: boolean;
    content: string;
    text: boolean;
  }
  interface Open {
    tag: string;
    /** All of it as written, inner alternatives resolved: what it stays if it is never closed. */
    all: string;
    text: boolean;
    branches: Branch[];
    current: Branch | undefined;
  }
  const stack: Open[] = [];
  let out = '';
  const add = (chunk: string, text: boolean) => {
    const top = stack.at(-1);
    if (!top) return void (out += chunk);
    top.all += chunk;
    top.text ||= text;
    if (top.current) {
      top.current.content += chunk;
      top.current.text ||= text;
    }
  };
  let kept = 0;
  ALTERNATIVE_TAG.lastIndex = 0;
  for (let m = ALTERNATIVE_TAG.exec(xml); m; m = ALTERNATIVE_TAG.exec(xml)) {
    const chunk = xml.slice(kept, m.index);
    add(chunk, HAS_TEXT.test(chunk));
    kept = m.index + m[0].length;
    const [tag, closing, name, selfClosed] = m as unknown as [string, string, string, string];
    const top = stack.at(-1);
    if (name === 'AlternateContent') {
      if (selfClosed) add(tag, false);
      else if (!closing) stack.push({ tag, all: '', text: false, branches: [], current: undefined });
      else if (!top) add(tag, false);
      else {
        stack.pop();
        const choices = top.branches.filter((b) => b.choice);
        const fallback = top.branches.find((b) => !b.choice);
        const chosen = choices.find((c) => c.text) ?? (fallback?.text ? fallback : (choices[0] ?? fallback));
        add(chosen?.content ?? '', chosen?.text ?? false);
      }
    } else if (top && !selfClosed && !closing && !top.current) {
      top.all += tag;
      top.branches.push((top.current = { choice: name === 'Choice', content: '', text: false }));
    } else if (top?.current && closing && (name === 'Choice') === top.current.choice) {
      top.all += tag;
      top.current = undefined;
    } else add(tag, false);
  }
  add(xml.slice(kept), HAS_TEXT.test(xml.slice(kept)));
  // An alternative left open is none: it stays as written (those in it resolved).
  for (let open = stack.pop(); open; open = stack.pop()) add(open.tag + open.all, open.text);
  return out;
}

const ALTERNATIVE_TAG = /<(\/?)mc:(AlternateContent|Choice|Fallback)(?=[\s>/])[^<>]*?(\/?)>/g;
const BOX_TAG = /<(\/?)w:txbxContent(?=[\s>/])[^<>]*?(\/?)>/g;

/**
 * `xml` with each outermost text box (`w:txbxContent`, in DrawingML and VML alike) and WordArt (VML
 * `v:textpath string="…"`) replaced by a mark of its place, its content pushed to `boxes` (the mark's id
 * is its index there); boxes inside a box are marked in its content in turn. One pass with a stack of the
 * boxes open: any depth of nesting is read whole in linear time (a bound of 16 levels lost the text after
 * the 17th's box in its paragraph).
 */
export function withBoxesMarked(xml: string, boxes: string[]): string {
  if (!xml.includes('<w:txbxContent') && !xml.includes('<v:textpath')) return xml;
  const stack: Array<{ tag: string; id: number; content: string }> = [];
  let out = '';
  const add = (chunk: string) => {
    const top = stack.at(-1);
    if (top) top.content += chunk;
    else out += chunk;
  };
  let kept = 0;
  BOX_TAG.lastIndex = 0;
  for (let m = BOX_TAG.exec(xml); m; m = BOX_TAG.exec(xml)) {
    add(xml.slice(kept, m.index));
    kept = m.index + m[0].length;
    const [tag, closing, selfClosed] = m as unknown as [string, string, string];
    if (selfClosed || (closing && stack.length === 0)) add(tag); // nothing in it, or closing none
    else if (!closing) {
      stack.push({ tag, id: boxes.length, content: '' });
      boxes.push('');
    } else {
      const box = stack.pop()!;
      boxes[box.id] = withWordArtMarked(box.content, boxes);
      add(`<w:${BOX_MARK} w:id="${box.id}"/>`);
    }
  }
  add(xml.slice(kept));
  // A box left open is none: it stays as written (the boxes in it marked).
  for (let open = stack.pop(); open; open = stack.pop()) add(open.tag + open.content);
  return withWordArtMarked(out, boxes);
}

/** WordArt of VML (a 红头 set as 艺术字) keeps its words in an attribute: a box of one paragraph. */
function withWordArtMarked(xml: string, boxes: string[]): string {
  if (!xml.includes('<v:textpath')) return xml;
  // The tag first, then its string (one pattern for both rescanned a tag of many attributes from each).
  return xml.replace(/<v:textpath\b([^<>]*)>/g, (tag, attributes: string) => {
    const words = /\bstring="([^"]*)"/.exec(attributes)?.[1];
    if (words === undefined) return tag;
    boxes.push(`<w:p><w:r><w:t>${words}</w:t></w:r></w:p>`);
    return `<w:${BOX_MARK} w:id="${boxes.length - 1}"/>`;
  });
}
