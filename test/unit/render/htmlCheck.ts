// A small, regex-free HTML well-formedness check for the rendered report: every opened element is closed in
// order, void elements stand alone, raw text (<style>) is skipped whole, and text holds no bare "<" and no
// "&" that does not start a character reference. Not a full HTML parser: enough for our own output.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['style', 'script', 'title', 'textarea']);

const isLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isNameChar = (c: string | undefined) => isLetter(c) || (c !== undefined && c >= '0' && c <= '9') || c === '-';

export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let i = 0;
  const checkText = (from: number, to: number) => {
    for (let j = from; j < to; j++) {
      if (html[j] !== '&') continue;
      let k = j + 1;
      if (html[k] === '#') k++;
      const start = k;
      while (k < to && isNameChar(html[k])) k++;
      if (k === start || html[k] !== ';') problems.push(`bare & at ${j}: ${html.slice(j, j + 12)}`);
    }
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    checkText(i, textEnd);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) return [...problems, `unclosed comment at ${lt}`];
      i = end + 3;
      continue;
    }
    if (html[lt + 1] === '!') {
      const end = html.indexOf('>', lt);
      if (end === -1) return [...problems, `unclosed declaration at ${lt}`];
      i = end + 1;
      continue;
    }
    const closing = html[lt + 1] === '/';
    let k = lt + (closing ? 2 : 1);
    if (!isLetter(html[k])) {
      problems.push(`bare < at ${lt}: ${html.slice(lt, lt + 12)}`);
      i = lt + 1;
      continue;
    }
    const nameStart = k;
    while (isNameChar(html[k])) k++;
    const name = html.slice(nameStart, k).toLowerCase();
    // Scan to the end of the tag, skipping quoted attribute values.
    let quote: string | undefined;
    for (; k < html.length; k++) {
      const c = html[k];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (k >= html.length) return [...problems, `unclosed tag <${name} at ${lt}`];
    const selfClosing = html[k - 1] === '/';
    i = k + 1;
    if (closing) {
      const top = open.pop();
      if (top !== name) problems.push(`</${name}> at ${lt} closes <${top ?? 'nothing'}>`);
      continue;
    }
    if (VOID.has(name) || selfClosing) {
      if (!VOID.has(name)) problems.push(`<${name}/> is not a void element`);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      if (end === -1) return [...problems, `unclosed <${name}> at ${lt}`];
      if (name === 'title' || name === 'textarea') checkText(i, end);
      i = end;
    }
    open.push(name);
  }
  if (open.length) problems.push(`unclosed: ${open.join(' > ')}`);
  return problems;
}

/** The text a browser shows (tags, the <head> and entities resolved), for comparing characters. */
export function htmlBodyText(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  let out = '';
  let inTag = false;
  for (const c of body) {
    if (c === '<') inTag = true;
    else if (c === '>') inTag = false;
    else if (!inTag) out += c;
  }
  return out.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&#x3D;', '=').replaceAll('&#x60;', '`').replaceAll('&amp;', '&');
}
