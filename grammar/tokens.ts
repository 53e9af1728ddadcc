// Tokens of the report language, in two lexer modes.
//
// "line" mode lexes the body: line-start markers (heading, list item, directive, comment) are custom
// matchers that only fire at the start of a line, and prose is lexed as long runs of text so that a
// paragraph of Chinese costs one token, not one per character.
// "figure" mode lexes what is inside `{ }` and the arguments of structured directives (@指标 @引用 …);
// a newline always returns to "line" mode, so an unclosed `{` never swallows the next line.
// Both modes end in a catch-all token, so the lexer never reports an error and never drops a character.
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from 'chevrotain';

const HSPACE = '[ \\t\\u3000]*';

function atLineStart(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const previous = text.charCodeAt(offset - 1);
  return previous === 10 /* \n */ || previous === 13 /* \r */;
}

/** A matcher for a pattern that counts only at the start of a line (after optional spaces). */
function lineStart(source: string): CustomPatternMatcherFunc {
  const pattern = new RegExp(`${HSPACE}(?:${source})`, 'y');
  return (text, offset) => {
    if (!atLineStart(text, offset)) return null;
    pattern.lastIndex = offset;
    return pattern.exec(text);
  };
}

// Characters a line-start token can begin with: optional spaces, then its mark.
const lineStartHints = (...marks: string[]) => [' ', '\t', '\u3000', ...marks];

// ---- shared
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });
/** A newline inside a figure: ends the figure (unclosed) and returns to line mode. */
export const FigureNewline = createToken({
  name: 'FigureNewline',
  pattern: /\r\n|\r|\n/,
  line_breaks: true,
  pop_mode: true,
  categories: [Newline],
});

// ---- line mode
export const Comment = createToken({
  name: 'Comment',
  pattern: lineStart('\\/\\/[^\\r\\n]*'),
  start_chars_hint: lineStartHints('/'),
  line_breaks: false,
});
export const HeadingMarker = createToken({
  name: 'HeadingMarker',
  pattern: lineStart(`[#＃]+${HSPACE}`),
  start_chars_hint: lineStartHints('#', '＃'),
  line_breaks: false,
});
/** Directives whose value is a figure definition: lexed in figure mode. */
export const MetricDirective = createToken({
  name: 'MetricDirective',
  pattern: lineStart(`[@＠](?:指标|metric)(?![^\\s])${HSPACE}`),
  start_chars_hint: lineStartHints('@', '＠'),
  line_breaks: false,
  push_mode: 'figure',
});
/** Directives whose value is a list of names and name=value pairs: lexed in figure mode. */
export const ArgsDirective = createToken({
  name: 'ArgsDirective',
  pattern: lineStart(`[@＠](?:引用|include|片段|snippet|参数|params|检查|checks)(?![^\\s])${HSPACE}`),
  start_chars_hint: lineStartHints('@', '＠'),
  line_breaks: false,
  push_mode: 'figure',
});
/** Every other directive: its value is ordinary inline text (it may use figures such as {年度}). */
export const TextDirective = createToken({
  name: 'TextDirective',
  pattern: lineStart(`[@＠][^\\s@＠{}｛｝]+${HSPACE}`),
  start_chars_hint: lineStartHints('@', '＠'),
  line_breaks: false,
});
export const Bullet = createToken({
  name: 'Bullet',
  pattern: lineStart(`[-－*＊][ \\t\\u3000]+`),
  start_chars_hint: lineStartHints('-', '－', '*', '＊'),
  line_breaks: false,
});
export const OrderedMarker = createToken({
  name: 'OrderedMarker',
  pattern: lineStart(`[0-9]+[.．][ \\t\\u3000]+`),
  start_chars_hint: lineStartHints(...'0123456789'),
  line_breaks: false,
});
export const LBrace = createToken({ name: 'LBrace', pattern: /[{｛]/, push_mode: 'figure' });
export const CitationOpen = createToken({ name: 'CitationOpen', pattern: /《/ });
export const CitationClose = createToken({ name: 'CitationClose', pattern: /》/ });
export const Escape = createToken({ name: 'Escape', pattern: /\\[^\r\n]/ });
/** Prose: everything up to the next figure, citation mark, escape or line end. A lone `\` at a line end is text too. */
export const Text = createToken({ name: 'Text', pattern: /[^{｛《》\\\r\n]+|\\/ });

// ---- figure mode
export const Spaces = createToken({ name: 'Spaces', pattern: /[ \t\u3000]+/, group: Lexer.SKIPPED });
export const RBrace = createToken({ name: 'RBrace', pattern: /[}｝]/, pop_mode: true });
export const Hash = createToken({ name: 'Hash', pattern: /[#＃]/ });
export const Equals = createToken({ name: 'Equals', pattern: /[=＝]/ });
export const Colon = createToken({ name: 'Colon', pattern: /[:：]/ });
export const Percent = createToken({ name: 'Percent', pattern: /[%％]/ });
export const Plus = createToken({ name: 'Plus', pattern: /[+＋]/ });
export const Minus = createToken({ name: 'Minus', pattern: /[-－−]/ });
export const Times = createToken({ name: 'Times', pattern: /[*×＊]/ });
export const Divide = createToken({ name: 'Divide', pattern: /[/÷／]/ });
export const LParen = createToken({ name: 'LParen', pattern: /[(（]/ });
export const RParen = createToken({ name: 'RParen', pattern: /[)）]/ });
export const Comma = createToken({ name: 'Comma', pattern: /[,，、]/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /[0-9]+(?:\.[0-9]+)?/ });
export const Underscore = createToken({ name: 'Underscore', pattern: /_/ });
/** `？` as a figure's value: to refill (a report started from last year's by `baogao new`). */
export const Pending = createToken({ name: 'Pending', pattern: /[?？]/ });
export const QuotedString = createToken({ name: 'QuotedString', pattern: /"[^"\r\n]*"|“[^“”\r\n]*”/ });

// Identifier characters: anything that is not space, a digit, an operator, a bracket or a quote. Digits
// are left out so that 约500人 reads as qualifier, number and measure word.
const NOT_IDENT = ' \\t\\u3000\\r\\n{}｛｝=＝:：%％+＋\\-－−*×＊/÷／()（）#＃,，、"“”\\\\0-9_?？';
export const Identifier = createToken({
  name: 'Identifier',
  pattern: new RegExp(`[^${NOT_IDENT}]+`),
});
/** A diagnostic code such as BG601, in @检查 arguments. */
export const DiagnosticCode = createToken({ name: 'DiagnosticCode', pattern: /[Bb][Gg][0-9]{3}(?![0-9])/ });
/** 约 近 逾 超 before a number: an approximate value. An identifier starting with one (近三年) stays an identifier. */
export const Approx = createToken({ name: 'Approx', pattern: /[约近逾超]/, longer_alt: Identifier });
/** 同比 / 增减 after a figure name: comparison with last year's report. */
export const Compare = createToken({ name: 'Compare', pattern: /同比|增减/, longer_alt: Identifier });
/**
 * A `{` inside a figure: the figure before it was left open (`{调处 = 150起，调解成功{成功 = 147起}`), so it
 * ends there and a new figure starts — one BG001 for the open one, not one broken figure over both.
 */
export const ReopenBrace = createToken({ name: 'ReopenBrace', pattern: /[{｛]/, pop_mode: true, push_mode: 'figure' });
/** Anything else inside a figure (a stray `\`): the parser reports it; the lexer never fails. */
export const FigureOther = createToken({ name: 'FigureOther', pattern: /[^]/ });

export const lineModeTokens: TokenType[] = [
  Newline, Comment, HeadingMarker, MetricDirective, ArgsDirective, TextDirective, Bullet, OrderedMarker,
  LBrace, CitationOpen, CitationClose, Escape, Text,
];
export const figureModeTokens: TokenType[] = [
  FigureNewline, Spaces, RBrace, Hash, Equals, Colon, Percent, Plus, Minus, Times, Divide, LParen, RParen,
  Comma, NumberLiteral, Underscore, Pending, QuotedString, DiagnosticCode, Approx, Compare, Identifier, ReopenBrace, FigureOther,
];
export const allTokens: TokenType[] = [...new Set([...lineModeTokens, ...figureModeTokens])];

export const LEXER_DEFINITION = { modes: { line: lineModeTokens, figure: figureModeTokens }, defaultMode: 'line' };

let lexer: Lexer | undefined;
/**
 * The lexer, built when a line first needs it (most lines take fastLine.ts's short path, and a command
 * may need none). Its validations run in a test (`new Lexer(LEXER_DEFINITION)`), not at every start.
 */
export function reportLexer(): Lexer {
  return (lexer ??= new Lexer(LEXER_DEFINITION, { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: true }));
}
