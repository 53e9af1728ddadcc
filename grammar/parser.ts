// The parser: one line at a time, building syntax-tree nodes directly (embedded actions, no CST), which
// keeps parsing a single pass over few tokens. Chevrotain's error recovery re-synchronises inside a
// figure; everything else is shaped so that any token can start a line, so the top level never fails.
import { EarlyExitException, EmbeddedActionsParser, NoViableAltException, type IToken, type TokenType } from 'chevrotain';
import type * as ast from './ast.js';
import * as t from './tokens.js';
import { canonicalDirective } from './directives.js';
import { quantityNode, splitLabel } from './lineParts.js';
import { withoutTrailing } from './trailing.js';

// Tolerates the placeholder objects Chevrotain hands out while it records the grammar.
const end = (token: IToken) => token.startOffset + (token.image?.length ?? 0);

/** The parser's own recording of a recognition error (Chevrotain's, not in its types). */
interface Recording {
  SAVE_ERROR(error: Error): Error;
}

export class ReportParser extends EmbeddedActionsParser {
  /**
   * `validate` runs Chevrotain's grammar validations (ambiguities, left recursion): a test does, so the
   * grammar is checked; the shared parser skips them, which halves the command's start-up time.
   */
  constructor(options: { validate?: boolean } = {}) {
    super(t.allTokens, { recoveryEnabled: true, maxLookahead: 2, skipValidations: !options.validate });
    this.performSelfAnalysis();
  }

  /**
   * Chevrotain's two errors that build a message, without it: the message works out every path the
   * grammar expected there, and no one reads it (parseLine reports an error by its token) — a quarter of
   * the parse of a line of 100,000 broken figures. The same exception, from the same tokens, is recorded.
   */
  raiseNoAltException(): never {
    throw (this as unknown as Recording).SAVE_ERROR(new NoViableAltException('', this.LA(1), this.LA(0)));
  }

  raiseEarlyExitException(): never {
    throw (this as unknown as Recording).SAVE_ERROR(new EarlyExitException('', this.LA(1), this.LA(0)));
  }

  /**
   * Set when recovery abandoned a part of the line (a figure `{法=-{` whose formula broke off): the part's
   * tokens are then in no node, and parseLine keeps the whole line as prose instead. Reset for each line.
   */
  public abandoned = false;

  /** Adds a part to a list; a part recovery abandoned (undefined) is remembered, never silently left out. */
  private keep<T>(list: T[], part: T | undefined): void {
    if (part) list.push(part);
    else this.abandoned = true;
  }

  /** One line: the parser is run line by line, so that error recovery can never reach into the next line. */
  public line = this.RULE('line', (): ast.Line =>
    this.OR([
      { ALT: () => this.blankLine() },
      { ALT: () => this.SUBRULE(this.commentLine) },
      { ALT: () => this.SUBRULE(this.headingLine) },
      { ALT: () => this.SUBRULE(this.itemLine) },
      { ALT: () => this.SUBRULE(this.metricLine) },
      { ALT: () => this.SUBRULE(this.argsLine) },
      { ALT: () => this.SUBRULE(this.textDirectiveLine) },
      { ALT: () => this.SUBRULE(this.textLine) },
    ]),
  );

  private blankLine(): ast.BlankLine {
    const nl = this.CONSUME(t.Newline);
    return { kind: 'blank', start: nl.startOffset, end: end(nl) };
  }

  /** Consumes the end of a line if there is one (the last line of a file may have none). */
  private lineBreak(): IToken | undefined {
    return this.OPTION9(() => this.CONSUME9(t.Newline));
  }

  private commentLine = this.RULE('commentLine', (): ast.CommentLine => {
    const token = this.CONSUME(t.Comment);
    const nl = this.lineBreak();
    return this.ACTION(() => {
      const text = token.image.replace(/^[ \t\u3000]*\/\//, '');
      return { kind: 'comment' as const, text, start: token.startOffset, end: nl ? end(nl) : end(token) };
    });
  });

  private headingLine = this.RULE('headingLine', (): ast.HeadingLine => {
    const marker = this.CONSUME(t.HeadingMarker);
    const content = this.SUBRULE(this.inlines);
    const nl = this.lineBreak();
    return this.ACTION(() => {
      const hashes = marker.image.trim().length;
      const { inlines, label } = splitLabel(content);
      const contentEnd = content.length ? content[content.length - 1]!.end : end(marker);
      return {
        kind: 'heading' as const,
        level: hashes,
        marker: { start: marker.startOffset, end: end(marker) },
        content: inlines,
        label,
        start: marker.startOffset,
        end: nl ? end(nl) : contentEnd,
      };
    });
  });

  private itemLine = this.RULE('itemLine', (): ast.ItemLine => {
    const marker = this.OR([{ ALT: () => this.CONSUME(t.Bullet) }, { ALT: () => this.CONSUME(t.OrderedMarker) }]);
    const content = this.SUBRULE(this.inlines);
    const nl = this.lineBreak();
    return this.ACTION(() => ({
      kind: 'item' as const,
      ordered: marker.tokenType === t.OrderedMarker,
      marker: { start: marker.startOffset, end: end(marker) },
      content,
      start: marker.startOffset,
      end: nl ? end(nl) : content.length ? content[content.length - 1]!.end : end(marker),
    }));
  });

  /** `@指标 名称 = 值`: the value is a figure body without braces. */
  private metricLine = this.RULE('metricLine', (): ast.DirectiveLine => {
    const directive = this.CONSUME(t.MetricDirective);
    const bodyStart = end(directive);
    const body = this.OPTION(() => this.SUBRULE(this.figureBody));
    const junk = this.SUBRULE(this.figureJunk);
    const nl = this.lineBreak();
    return this.ACTION(() => {
      const contentEnd = junk ?? figureBodyEnd(body) ?? bodyStart;
      const lineEnd = nl ? end(nl) : contentEnd;
      const metric: ast.FigureNode = {
        kind: 'figure',
        body: body ?? undefined,
        closed: true,
        broken: body === undefined || junk !== undefined || (body.form === 'definition' && body.value === undefined),
        start: bodyStart,
        end: contentEnd,
      };
      return { ...directiveHead(directive), value: [], args: [], metric, start: directive.startOffset, end: lineEnd };
    });
  });

  /** `@引用 名称 机关=桂圩镇人民政府`, `@参数 机关, 年度`, `@检查 BG601=关`. */
  private argsLine = this.RULE('argsLine', (): ast.DirectiveLine => {
    const directive = this.CONSUME(t.ArgsDirective);
    const args: ast.Argument[] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const arg = this.SUBRULE(this.argument);
            this.ACTION(() => this.keep(args, arg));
          },
        },
        { ALT: () => this.CONSUME(t.Comma) },
      ]);
    });
    const junk = this.SUBRULE(this.figureJunk);
    const nl = this.lineBreak();
    return this.ACTION(() => {
      const lastEnd = junk ?? (args.length ? args[args.length - 1]!.end : end(directive));
      return { ...directiveHead(directive), value: [], args, metric: undefined, start: directive.startOffset, end: nl ? end(nl) : lastEnd };
    });
  });

  private argument = this.RULE('argument', (): ast.Argument => {
    const name = this.SUBRULE(this.argWord);
    let value: ast.Name | undefined;
    this.OPTION(() => {
      this.CONSUME(t.Equals);
      value = this.SUBRULE2(this.argWord);
    });
    return this.ACTION(() => ({ name, value, start: name.start, end: value ? value.end : name.end }));
  });

  /** A word in directive arguments: a name, a number, or a quoted string (for values with spaces). */
  private argWord = this.RULE('argWord', (): ast.Name => {
    const token = this.OR([
      { ALT: () => this.CONSUME(t.Identifier) },
      { ALT: () => this.CONSUME(t.Approx) },
      { ALT: () => this.CONSUME(t.Compare) },
      { ALT: () => this.CONSUME(t.NumberLiteral) },
      { ALT: () => this.CONSUME(t.QuotedString) },
      { ALT: () => this.CONSUME(t.DiagnosticCode) },
    ]);
    return this.ACTION(() => {
      const quoted = token.tokenType === t.QuotedString;
      return {
        text: quoted ? token.image.slice(1, -1) : token.image,
        start: token.startOffset,
        end: end(token),
      };
    });
  });

  private textDirectiveLine = this.RULE('textDirectiveLine', (): ast.DirectiveLine => {
    const directive = this.CONSUME(t.TextDirective);
    const value = this.SUBRULE(this.inlines);
    const nl = this.lineBreak();
    return this.ACTION(() => {
      const contentEnd = value.length ? value[value.length - 1]!.end : end(directive);
      return { ...directiveHead(directive), value, args: [], metric: undefined, start: directive.startOffset, end: nl ? end(nl) : contentEnd };
    });
  });

  private textLine = this.RULE('textLine', (): ast.TextLine => {
    const content: ast.Inline[] = [];
    this.AT_LEAST_ONE(() => {
      const inline = this.SUBRULE(this.inline);
      this.ACTION(() => this.keep(content, inline));
    });
    const nl = this.lineBreak();
    return this.ACTION(() => ({
      kind: 'text' as const,
      content,
      start: content[0]!.start,
      end: nl ? end(nl) : content[content.length - 1]!.end,
    }));
  });

  private inlines = this.RULE('inlines', (): ast.Inline[] => {
    const content: ast.Inline[] = [];
    this.MANY(() => {
      const inline = this.SUBRULE(this.inline);
      this.ACTION(() => this.keep(content, inline));
    });
    return content;
  });

  private inline = this.RULE('inline', (): ast.Inline =>
    this.OR([
      { ALT: () => this.textLike(this.CONSUME(t.Text), 'text') },
      { ALT: () => this.escape(this.CONSUME(t.Escape)) },
      { ALT: () => this.textLike(this.CONSUME(t.CitationClose), 'stray') },
      { ALT: () => this.SUBRULE(this.citation) },
      { ALT: () => this.SUBRULE(this.figure) },
    ]),
  );

  private textLike(token: IToken, kind: 'text' | 'stray'): ast.TextNode | ast.StrayNode {
    return { kind, text: token.image, start: token.startOffset, end: end(token) };
  }

  private escape(token: IToken): ast.EscapeNode {
    return { kind: 'escape', text: token.image.slice(1), start: token.startOffset, end: end(token) };
  }

  private citation = this.RULE('citation', (): ast.CitationNode => {
    const open = this.CONSUME(t.CitationOpen);
    const children: ast.Inline[] = [];
    this.MANY(() => {
      const child = this.OR([
        { ALT: () => this.textLike(this.CONSUME2(t.Text), 'text') },
        { ALT: () => this.escape(this.CONSUME2(t.Escape)) },
        { ALT: () => this.SUBRULE2(this.figure) },
      ]);
      this.ACTION(() => this.keep(children, child));
    });
    let close: IToken | undefined;
    this.OPTION(() => {
      close = this.CONSUME2(t.CitationClose);
    });
    return this.ACTION(() => {
      const lastChild = children[children.length - 1];
      return {
        kind: 'citation' as const,
        children,
        closed: close !== undefined,
        start: open.startOffset,
        end: close ? end(close) : lastChild ? lastChild.end : end(open),
      };
    });
  });

  private figure = this.RULE('figure', (): ast.FigureNode => {
    const open = this.OR([{ ALT: () => this.CONSUME(t.LBrace) }, { ALT: () => this.CONSUME(t.ReopenBrace) }]);
    const body = this.OPTION(() => this.SUBRULE(this.figureBody));
    const junk = this.SUBRULE(this.figureJunk);
    let close: IToken | undefined;
    this.OPTION2(() => {
      close = this.CONSUME(t.RBrace);
    });
    return this.ACTION(() => {
      const bodyEnd = figureBodyEnd(body);
      const incomplete = body === undefined || (body.form === 'definition' && body.value === undefined);
      // Left open with a complete form and prose after it: the figure ends with its form.
      if (!close && junk !== undefined && bodyEnd !== undefined && !incomplete) {
        return { kind: 'figure' as const, body: body ?? undefined, closed: false, broken: false, start: open.startOffset, end: bodyEnd, tail: junk };
      }
      // Unclosed: up to the last token the rule took (`{件=` keeps its `=`; the body records no `=`, `%`, `:`).
      const figureEnd = close ? end(close) : Math.max(end(this.LA(0)), junk ?? 0, bodyEnd ?? 0, end(open));
      return {
        kind: 'figure' as const,
        body: body ?? undefined,
        closed: close !== undefined,
        broken: junk !== undefined || incomplete,
        start: open.startOffset,
        end: figureEnd,
      };
    });
  });

  /** Tokens left over inside a figure that fit no form: skipped (and reported); returns where they end. */
  private figureJunk = this.RULE('figureJunk', (): number | undefined => {
    let junkEnd: number | undefined;
    this.MANY(() => {
      const token = this.OR(JUNK_TOKENS.map((type) => ({ ALT: () => this.consumeJunk(type) })));
      this.ACTION(() => {
        junkEnd = end(token);
      });
    });
    return junkEnd;
  });

  private consumeJunk(type: TokenType): IToken {
    // Each token type needs its own CONSUME occurrence index within the rule.
    return this.consume(JUNK_TOKENS.indexOf(type), type);
  }

  private figureBody = this.RULE('figureBody', (): ast.FigureBody =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Hash);
          const name = this.SUBRULE(this.name);
          return { form: 'label' as const, name };
        },
      },
      {
        ALT: () => {
          const name = this.SUBRULE2(this.name);
          const rest = this.OPTION(() => this.OR2([
            {
              ALT: () => {
                this.CONSUME(t.Equals);
                return this.SUBRULE(this.definitionValue, { ARGS: [name] });
              },
            },
            {
              ALT: () => {
                const mode = this.CONSUME(t.Compare);
                return this.ACTION(() => ({
                  form: 'comparison' as const,
                  name,
                  mode: mode.image as '同比' | '增减',
                  modeSpan: { start: mode.startOffset, end: end(mode) },
                }));
              },
            },
          ]));
          return this.ACTION((): ast.FigureBody => rest ?? { form: 'reference', name });
        },
      },
    ]),
  );

  private definitionValue = this.RULE('definitionValue', (name: ast.Name): ast.DefinitionBody => {
    // Optional so that `{名 = }` is an ordinary incomplete figure, not a recovery.
    const value = this.OPTION3(() => this.OR([{ ALT: () => this.SUBRULE(this.pendingValue) }, { ALT: () => this.SUBRULE(this.expression) }]));
    let percent = false;
    let check: ast.Expression | undefined;
    this.OPTION(() => {
      this.CONSUME(t.Percent);
      percent = true;
    });
    this.OPTION2(() => {
      this.CONSUME(t.Colon);
      check = this.SUBRULE2(this.expression);
    });
    return { form: 'definition', name, value, percent, check };
  });

  /** `？`, `？ 上年150起`: a value to refill, with last year's value beside it. */
  private pendingValue = this.RULE('pendingValue', (): ast.PendingValue => {
    const mark = this.CONSUME(t.Pending);
    let label: IToken | undefined;
    let previous: ast.Quantity | undefined;
    this.OPTION(() => {
      label = this.CONSUME(t.Identifier);
      previous = this.SUBRULE(this.quantity);
    });
    return this.ACTION(() => ({
      kind: 'pending' as const,
      label: label ? { text: label.image, start: label.startOffset, end: end(label) } : undefined,
      previous,
      start: mark.startOffset,
      end: previous?.end ?? end(mark),
    }));
  });

  private name = this.RULE('name', (): ast.Name => {
    const token = this.OR([
      { ALT: () => this.CONSUME(t.Identifier) },
      { ALT: () => this.CONSUME(t.Approx) },
    ]);
    return this.ACTION(() => ({ text: token.image, start: token.startOffset, end: end(token) }));
  });

  private expression = this.RULE('expression', (): ast.Expression => {
    let left = this.SUBRULE(this.term);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(t.Plus) }, { ALT: () => this.CONSUME(t.Minus) }]);
      const right = this.SUBRULE2(this.term);
      this.ACTION(() => {
        left = binary(op.tokenType === t.Plus ? '+' : '-', left, right);
      });
    });
    return left;
  });

  private term = this.RULE('term', (): ast.Expression => {
    let left = this.SUBRULE(this.factor);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(t.Times) }, { ALT: () => this.CONSUME(t.Divide) }]);
      const right = this.SUBRULE2(this.factor);
      this.ACTION(() => {
        left = binary(op.tokenType === t.Times ? '×' : '÷', left, right);
      });
    });
    return left;
  });

  private factor = this.RULE('factor', (): ast.Expression =>
    this.OR([
      {
        ALT: () => {
          const minus = this.CONSUME(t.Minus);
          const operand = this.SUBRULE(this.factor);
          return this.ACTION(() => ({ kind: 'negation' as const, operand, start: minus.startOffset, end: operand.end }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          const inner = this.SUBRULE(this.expression);
          this.CONSUME(t.RParen);
          return inner;
        },
      },
      { ALT: () => this.SUBRULE(this.quantity) },
      {
        ALT: () => {
          const token = this.CONSUME(t.Identifier);
          return { kind: 'ref' as const, name: token.image, start: token.startOffset, end: end(token) };
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(t.Underscore);
          return { kind: 'whole' as const, start: token.startOffset, end: end(token) };
        },
      },
    ]),
  );

  /** `150起`, `81.48%`, `5000多份`, `约500人`. */
  private quantity = this.RULE('quantity', (): ast.Quantity => {
    let before: IToken | undefined;
    this.OPTION(() => {
      before = this.CONSUME(t.Approx);
    });
    const digits = this.CONSUME(t.NumberLiteral);
    let unitToken: IToken | undefined;
    let percentToken: IToken | undefined;
    this.OPTION2(() => {
      unitToken = this.CONSUME(t.Identifier);
    });
    this.OPTION3(() => {
      percentToken = this.CONSUME(t.Percent);
    });
    return this.ACTION(() => {
      const span = { start: (before ?? digits).startOffset, end: end(percentToken ?? unitToken ?? digits) };
      return quantityNode(digits.image, unitToken?.image, before?.image, percentToken !== undefined, span);
    });
  });
}

/** Figure-mode tokens that can be left over inside a figure (everything but `}` and the line end). */
const JUNK_TOKENS: TokenType[] = [
  t.Hash, t.Equals, t.Colon, t.Percent, t.Plus, t.Minus, t.Times, t.Divide, t.LParen, t.RParen, t.Comma,
  t.NumberLiteral, t.Underscore, t.Pending, t.QuotedString, t.DiagnosticCode, t.Approx, t.Compare, t.Identifier, t.FigureOther,
];

function binary(op: ast.Binary['op'], left: ast.Expression, right: ast.Expression): ast.Binary {
  return { kind: 'binary', op, left, right, start: left.start, end: right.end };
}

function directiveHead(token: IToken): Pick<ast.DirectiveLine, 'kind' | 'name' | 'written'> {
  const trimmed = token.image.replace(/^[ \t\u3000]+/, '');
  const leading = token.image.length - trimmed.length;
  const written = withoutTrailing(trimmed.slice(1), ' \t\u3000');
  const start = token.startOffset + leading + 1;
  return {
    kind: 'directive',
    name: canonicalDirective(written),
    written: { text: written, start, end: start + written.length },
  };
}

/** Where a figure body's last part ends, for figures missing their `}`. */
function figureBodyEnd(body: ast.FigureBody | undefined): number | undefined {
  if (!body || typeof body !== 'object' || !('form' in body)) return undefined;
  switch (body.form) {
    case 'label':
    case 'reference':
      return body.name.end;
    case 'comparison':
      return body.modeSpan.end;
    case 'definition':
      return body.check?.end ?? body.value?.end ?? body.name.end;
  }
}
