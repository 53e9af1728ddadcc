// The short path for a figure `{…}` of the usual forms — {调处}, {#举措}, {调处 = 150起}, {调处 同比},
// {成功率 = 98% : 成功/调处}, {合计 = 甲 + 乙} — built exactly as the parser builds it (the property test of
// fastLine.ts compares the two). Anything unusual (an open or broken figure, junk, a quoted string, a
// value to refill, a diagnostic code, a long formula) returns undefined: the whole line goes to the parser.
import type * as ast from './ast.js';
import { quantityNode } from './lineParts.js';

type Kind = 'hash' | 'equals' | 'colon' | 'percent' | 'plus' | 'minus' | 'times' | 'divide' | 'lparen' | 'rparen' | 'number' | 'underscore' | 'ident' | 'approx' | 'compare' | 'close' | 'comma' | 'code';

interface Token {
  kind: Kind;
  start: number;
  end: number;
  image: string;
}

const SINGLE_CHARACTERS: Record<string, Kind> = {
  '#': 'hash', '＃': 'hash', '=': 'equals', '＝': 'equals', ':': 'colon', '：': 'colon', '%': 'percent', '％': 'percent',
  '+': 'plus', '＋': 'plus', '-': 'minus', '－': 'minus', '−': 'minus', '*': 'times', '×': 'times', '＊': 'times',
  '/': 'divide', '÷': 'divide', '／': 'divide', '(': 'lparen', '（': 'lparen', ')': 'rparen', '）': 'rparen', '_': 'underscore',
  '}': 'close', '｝': 'close',
};
/** By character code: reading a string's characters as strings would allocate one per Chinese character. */
const SINGLE = new Map(Object.entries(SINGLE_CHARACTERS).map(([ch, kind]) => [ch.charCodeAt(0), kind]));
const COMMAS = new Set([...',，、'].map((ch) => ch.charCodeAt(0)));
/** Characters that are no part of an identifier (tokens.ts, NOT_IDENT). */
const NOT_IDENT = new Set([...' \t\u3000\r\n{}｛｝=＝:：%％+＋-－−*×＊/÷／()（）#＃,，、"“”\\0123456789_?？'].map((ch) => ch.charCodeAt(0)));
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000;
/** Tokens a figure of the usual forms has at most (a formula far below the bounds of bounds.ts). */
const MAX_TOKENS = 64;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The figure-mode tokens from `from`: of a figure, up to and including its closing brace; of a directive's
 * rest (`@指标 …`, `@引用 …`: `rest`), up to the end of the line, where a brace is the parser's. Commas
 * and diagnostic codes only in a directive's arguments (`args`). Undefined for anything else.
 */
function lex(content: string, from: number, mode: 'figure' | 'rest' | 'args' = 'figure'): Token[] | undefined {
  const tokens: Token[] = [];
  let i = from;
  while (i < content.length && tokens.length <= MAX_TOKENS) {
    const c = content.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const single = SINGLE.get(c) ?? (mode === 'args' && COMMAS.has(c) ? 'comma' : undefined);
    if (single) {
      if (single === 'close' && mode !== 'figure') return undefined;
      tokens.push({ kind: single, start: i, end: i + 1, image: content[i]! });
      if (single === 'close') return tokens;
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (i < content.length && isDigit(content.charCodeAt(i))) i++;
      if (content[i] === '.' && isDigit(content.charCodeAt(i + 1))) for (i++; i < content.length && isDigit(content.charCodeAt(i)); ) i++;
      tokens.push({ kind: 'number', start, end: i, image: content.slice(start, i) });
      continue;
    }
    // Quotes, commas, `？`, a brace reopened, `\`: forms of other lines (or junk) — the parser's.
    if (NOT_IDENT.has(c)) return undefined;
    // A diagnostic code (BG601) is a token of its own, before any identifier.
    if ((c === 0x42 || c === 0x62) /* B b */ && /^[Gg][0-9]{3}(?![0-9])/.test(content.slice(i + 1, i + 6))) {
      if (mode !== 'args') return undefined;
      tokens.push({ kind: 'code', start: i, end: i + 5, image: content.slice(i, i + 5) });
      i += 5;
      continue;
    }
    while (i < content.length && !NOT_IDENT.has(content.charCodeAt(i))) i++;
    const image = content.slice(start, i);
    // 约 近 逾 超 alone, 同比 增减 alone: their own tokens (an identifier that is longer wins over them).
    const kind: Kind = image.length === 1 && '约近逾超'.includes(image) ? 'approx' : image === '同比' || image === '增减' ? 'compare' : 'ident';
    tokens.push({ kind, start, end: i, image });
  }
  return mode === 'figure' ? undefined : tokens;
}

/** A recursive-descent reading of the parser's figure rules (parser.ts), over absolute offsets. */
class FigureReader {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly offset: number,
  ) {}

  private peek(ahead = 0): Token | undefined {
    return this.tokens[this.at + ahead];
  }

  private take(kind: Kind): Token | undefined {
    const token = this.tokens[this.at];
    if (token?.kind !== kind) return undefined;
    this.at++;
    return token;
  }

  private name(token: Token): ast.Name {
    return { text: token.image, start: this.offset + token.start, end: this.offset + token.end };
  }

  /** The body and its closing brace, or undefined when the parser would see anything else. */
  body(): ast.FigureBody | undefined {
    const body = this.figureBody();
    return body && this.take('close') && this.at === this.tokens.length ? body : undefined;
  }

  /** The definition of `@指标 名称 = 值` (the line's end after it), or undefined. */
  metric(): ast.DefinitionBody | undefined {
    const body = this.figureBody();
    return body?.form === 'definition' && this.at === this.tokens.length ? body : undefined;
  }

  /** The arguments of `@引用 名称 机关=…`, `@参数 机关, 年度`, `@检查 BG601=关` (the line's end after them), or undefined. */
  args(): ast.Argument[] | undefined {
    const args: ast.Argument[] = [];
    while (this.at < this.tokens.length) {
      if (this.take('comma')) continue;
      const name = this.argWord();
      if (!name) return undefined;
      let value: ast.Name | undefined;
      if (this.take('equals')) {
        value = this.argWord();
        if (!value) return undefined;
      }
      args.push({ name, value, start: name.start, end: value ? value.end : name.end });
    }
    return args;
  }

  private argWord(): ast.Name | undefined {
    const token = this.peek();
    if (token?.kind !== 'ident' && token?.kind !== 'approx' && token?.kind !== 'compare' && token?.kind !== 'number' && token?.kind !== 'code') return undefined;
    this.at++;
    return this.name(token);
  }

  private figureBody(): ast.FigureBody | undefined {
    if (this.take('hash')) {
      const token = this.take('ident') ?? this.take('approx');
      return token && { form: 'label', name: this.name(token) };
    }
    const token = this.take('ident') ?? this.take('approx');
    if (!token) return undefined;
    const name = this.name(token);
    if (this.take('equals')) return this.definitionValue(name);
    const mode = this.take('compare');
    if (mode) return { form: 'comparison', name, mode: mode.image as '同比' | '增减', modeSpan: { start: this.offset + mode.start, end: this.offset + mode.end } };
    return { form: 'reference', name };
  }

  private definitionValue(name: ast.Name): ast.DefinitionBody | undefined {
    // `{名 = }` is incomplete, a broken figure: the parser's.
    const value = this.expression();
    if (!value) return undefined;
    const percent = this.take('percent') !== undefined;
    let check: ast.Expression | undefined;
    if (this.take('colon')) {
      check = this.expression();
      if (!check) return undefined;
    }
    return { form: 'definition', name, value, percent, check };
  }

  private expression(): ast.Expression | undefined {
    return this.leftAssociative(() => this.term(), ADDITIVE);
  }

  private term(): ast.Expression | undefined {
    return this.leftAssociative(() => this.factor(), MULTIPLICATIVE);
  }

  /** operand (op operand)*, grouped from the left: one precedence level of the formula grammar. */
  private leftAssociative(operand: () => ast.Expression | undefined, ops: Partial<Record<Kind, ast.Binary['op']>>): ast.Expression | undefined {
    let left = operand();
    for (let op = this.peek(); left && op && ops[op.kind]; op = this.peek()) {
      this.at++;
      const right = operand();
      left = right && binary(ops[op.kind]!, left, right);
    }
    return left;
  }

  private factor(): ast.Expression | undefined {
    const token = this.peek();
    switch (token?.kind) {
      case 'minus': {
        this.at++;
        const operand = this.factor();
        return operand && { kind: 'negation', operand, start: this.offset + token.start, end: operand.end };
      }
      case 'lparen': {
        this.at++;
        const inner = this.expression();
        return inner && this.take('rparen') ? inner : undefined;
      }
      case 'approx':
      case 'number':
        return this.quantity();
      case 'ident':
        this.at++;
        return { kind: 'ref', name: token.image, start: this.offset + token.start, end: this.offset + token.end };
      case 'underscore':
        this.at++;
        return { kind: 'whole', start: this.offset + token.start, end: this.offset + token.end };
      default:
        return undefined;
    }
  }

  private quantity(): ast.Quantity | undefined {
    const before = this.take('approx');
    const digits = this.take('number');
    if (!digits) return undefined;
    const unitToken = this.take('ident');
    const percentToken = this.take('percent');
    const span = { start: this.offset + (before ?? digits).start, end: this.offset + (percentToken ?? unitToken ?? digits).end };
    return quantityNode(digits.image, unitToken?.image, before?.image, percentToken !== undefined, span);
  }
}

const ADDITIVE: Partial<Record<Kind, ast.Binary['op']>> = { plus: '+', minus: '-' };
const MULTIPLICATIVE: Partial<Record<Kind, ast.Binary['op']>> = { times: '×', divide: '÷' };

function binary(op: ast.Binary['op'], left: ast.Expression, right: ast.Expression): ast.Binary {
  return { kind: 'binary', op, left, right, start: left.start, end: right.end };
}

/** The figure of `@指标 名称 = 值`, its rest starting at `from`; undefined when only the parser can tell. */
export function fastMetric(content: string, from: number, offset: number): ast.FigureNode | undefined {
  const tokens = lex(content, from, 'rest');
  const body = tokens && new FigureReader(tokens, offset).metric();
  if (!body) return undefined;
  return { kind: 'figure', body, closed: true, broken: false, start: offset + from, end: (body.check ?? body.value!).end };
}

/** The arguments of `@引用` `@参数` `@片段` `@检查`, starting at `from`; undefined when only the parser can tell. */
export function fastArgs(content: string, from: number, offset: number): ast.Argument[] | undefined {
  const tokens = lex(content, from, 'args');
  return tokens && new FigureReader(tokens, offset).args();
}

/**
 * The figure whose `{` is at `open` in `content` (a line without its line break), offsets from `offset`;
 * undefined when only the parser can tell.
 */
export function fastFigure(content: string, open: number, offset: number): ast.FigureNode | undefined {
  const tokens = lex(content, open + 1);
  if (!tokens) return undefined;
  const body = new FigureReader(tokens, offset).body();
  if (!body) return undefined;
  return { kind: 'figure', body, closed: true, broken: false, start: offset + open, end: offset + tokens[tokens.length - 1]!.end };
}
