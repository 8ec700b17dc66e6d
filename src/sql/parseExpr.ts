/**
 * Expressions of the KDA dialect by precedence climbing (lowest first):
 * OR < AND < NOT < comparisons and predicates (IS, BETWEEN, IN, LIKE, SIMILAR TO) < || < + - < * / %
 * < unary sign < primaries (literals, names, calls, CASE, CAST, INTERVAL, TIMESTAMP '…').
 */
import type { IToken } from 'chevrotain';
import type { BinaryOp, Expr, Ident, Span, TimeUnit, WindowRef, WindowSpec } from './ast.ts';
import { joinSpans, RESERVED, TokenCursor, tokenSpan } from './cursor.ts';
import { intervalValue, parseTime, parseTimestamp, TIME_UNITS, typeFromName } from './literals.ts';
import type { SqlType } from './types.ts';

const COMPARE: Record<string, BinaryOp> = { Eq: '=', Ne: '<>', Lt: '<', Le: '<=', Gt: '>', Ge: '>=' };
/** Bare words that are function calls without parentheses. */
const NILADIC = new Set([
  'CURRENT_ROW_TIMESTAMP',
  'CURRENT_TIMESTAMP',
  'CURRENT_DATE',
  'CURRENT_TIME',
  'LOCALTIME',
  'LOCALTIMESTAMP',
]);

/** Deepest expression nesting the parser accepts: deeper text is refused with a position, not a stack overflow. */
export const MAX_EXPR_DEPTH = 200;

export class ExprParser extends TokenCursor {
  private depth = 0;

  expr(): Expr {
    this.enter();
    try {
      return this.orExpr();
    } finally {
      this.depth--;
    }
  }

  /** Counts one level of recursion; refuses the text beyond MAX_EXPR_DEPTH at the current token. */
  private enter(): void {
    if (++this.depth > MAX_EXPR_DEPTH) {
      this.depth = 0;
      this.fail(`Expression nested too deeply (more than ${MAX_EXPR_DEPTH} levels): simplify it`);
    }
  }

  private orExpr(): Expr {
    let left = this.andExpr();
    while (this.acceptWord('OR')) {
      const right = this.andExpr();
      left = { kind: 'binary', op: 'OR', left, right, span: joinSpans(left.span, right.span) };
    }
    return left;
  }

  private andExpr(): Expr {
    let left = this.notExpr();
    while (this.acceptWord('AND')) {
      const right = this.notExpr();
      left = { kind: 'binary', op: 'AND', left, right, span: joinSpans(left.span, right.span) };
    }
    return left;
  }

  private notExpr(): Expr {
    if (this.isWord('NOT')) {
      const start = this.next();
      this.enter();
      const arg = this.notExpr();
      this.depth--;
      return { kind: 'unary', op: 'NOT', arg, span: joinSpans(tokenSpan(start), arg.span) };
    }
    return this.predicate();
  }

  private predicate(): Expr {
    let left = this.concatExpr();
    for (;;) {
      const t = this.peek();
      if (!t) return left;
      const op = COMPARE[t.tokenType.name];
      if (op) {
        this.pos++;
        const right = this.concatExpr();
        left = { kind: 'binary', op, left, right, span: joinSpans(left.span, right.span) };
        continue;
      }
      if (this.isWord('IS')) {
        this.pos++;
        const not = this.acceptWord('NOT');
        if (this.acceptWord('DISTINCT')) {
          this.expectWord('FROM', `after IS${not ? ' NOT' : ''} DISTINCT`);
          const right = this.concatExpr();
          const op = not ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM';
          left = { kind: 'binary', op, left, right, span: joinSpans(left.span, right.span) };
          continue;
        }
        const w = this.word();
        if (w !== 'NULL' && w !== 'TRUE' && w !== 'FALSE' && w !== 'UNKNOWN') {
          this.fail(
            `Expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS${not ? ' NOT' : ''}, found ${this.describe(this.peek())}`,
          );
        }
        this.pos++;
        left = { kind: 'is', arg: left, test: w, not, span: joinSpans(left.span, tokenSpan(this.prev)) };
        continue;
      }
      const not = this.isWord('NOT') && ['BETWEEN', 'IN', 'LIKE', 'SIMILAR'].includes(this.word(1) ?? '');
      if (not) this.pos++;
      if (this.acceptWord('BETWEEN')) {
        this.acceptWord('SYMMETRIC') || this.acceptWord('ASYMMETRIC');
        const low = this.concatExpr();
        this.expectWord('AND', 'in BETWEEN … AND …');
        const high = this.concatExpr();
        left = { kind: 'between', arg: left, low, high, not, span: joinSpans(left.span, high.span) };
        continue;
      }
      if (this.acceptWord('IN')) {
        this.expect('LParen', "'('", 'after IN');
        const list = [this.expr()];
        while (this.accept('Comma')) list.push(this.expr());
        this.expect('RParen', "')'", 'to close the IN list');
        left = { kind: 'in', arg: left, list, not, span: joinSpans(left.span, tokenSpan(this.prev)) };
        continue;
      }
      if (this.isWord('LIKE') || this.isWord('SIMILAR')) {
        const similar = this.word() === 'SIMILAR';
        this.pos++;
        if (similar) this.expectWord('TO', 'after SIMILAR');
        const pattern = this.concatExpr();
        const escapeChar = this.acceptWord('ESCAPE') ? this.concatExpr() : undefined;
        const end = escapeChar ?? pattern;
        left = {
          kind: 'like',
          arg: left,
          pattern,
          escape: escapeChar,
          not,
          similar,
          span: joinSpans(left.span, end.span),
        };
        continue;
      }
      if (not) this.fail('Expected BETWEEN, IN, LIKE or SIMILAR TO after NOT');
      return left;
    }
  }

  private concatExpr(): Expr {
    let left = this.additive();
    while (this.accept('Concat')) {
      const right = this.additive();
      left = { kind: 'binary', op: '||', left, right, span: joinSpans(left.span, right.span) };
    }
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (;;) {
      const op = this.is('Plus') ? '+' : this.is('Minus') ? '-' : undefined;
      if (!op) return left;
      this.pos++;
      const right = this.multiplicative();
      left = { kind: 'binary', op, left, right, span: joinSpans(left.span, right.span) };
    }
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.is('Star') ? '*' : this.is('Slash') ? '/' : this.is('Percent') ? '%' : undefined;
      if (!op) return left;
      this.pos++;
      const right = this.unary();
      left = { kind: 'binary', op, left, right, span: joinSpans(left.span, right.span) };
    }
  }

  private unary(): Expr {
    if (this.is('Minus') || this.is('Plus')) {
      const start = this.next();
      this.enter();
      const arg = this.unary();
      this.depth--;
      const op = start.image === '-' ? '-' : '+';
      // Fold a signed number literal so that -2147483648 and friends stay literals.
      if (arg.kind === 'literal' && typeof arg.value === 'number' && op === '-') {
        return { ...arg, value: -arg.value, span: joinSpans(tokenSpan(start), arg.span) };
      }
      return { kind: 'unary', op, arg, span: joinSpans(tokenSpan(start), arg.span) };
    }
    return this.primary();
  }

  protected primary(): Expr {
    const t = this.peek();
    if (!t) this.fail('Expected an expression, found the end of the text');
    const type = t.tokenType.name;
    if (type === 'NumberLit') {
      this.pos++;
      return numberLiteral(t);
    }
    if (type === 'StringLit') {
      this.pos++;
      const value = t.image.slice(1, -1).replace(/''/g, "'");
      return {
        kind: 'literal',
        type: { base: 'VARCHAR', length: Math.max(1, value.length) },
        value,
        span: tokenSpan(t),
      };
    }
    if (type === 'LParen') {
      this.pos++;
      const arg = this.expr();
      this.expect('RParen', "')'", 'to close the parenthesis');
      const span = this.spanFrom(t);
      const unit = this.word();
      // `(ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND`: a datetime difference as an interval.
      if (unit && TIME_UNITS.has(unit)) {
        this.pos++;
        this.intervalPrecision(unit);
        let toUnit: TimeUnit | undefined;
        if (this.acceptWord('TO')) {
          const to = this.word();
          if (!to || !TIME_UNITS.has(to))
            this.fail(`Expected an interval unit after TO, found ${this.describe(this.peek())}`);
          this.pos++;
          this.intervalPrecision(to);
          toUnit = to as TimeUnit;
        }
        return { kind: 'qualify', arg, unit: unit as TimeUnit, toUnit, span: this.spanFrom(t) };
      }
      return { kind: 'paren', arg, span };
    }
    if (type === 'Star') this.fail("'*' is only allowed in a select list or COUNT(*)");
    if (type === 'QuotedIdent') return this.nameOrCall();
    if (type !== 'Word') this.fail(`Expected an expression, found ${this.describe(t)}`);
    const w = t.image.toUpperCase();
    switch (w) {
      case 'NULL':
        this.pos++;
        return { kind: 'literal', type: { base: 'NULL' }, value: null, span: tokenSpan(t) };
      case 'TRUE':
      case 'FALSE':
        this.pos++;
        return { kind: 'literal', type: { base: 'BOOLEAN' }, value: w === 'TRUE', span: tokenSpan(t) };
      case 'UNKNOWN':
        this.pos++;
        return { kind: 'literal', type: { base: 'BOOLEAN' }, value: null, span: tokenSpan(t) };
      case 'CASE':
        return this.caseExpr();
      case 'CAST':
        return this.castExpr();
      case 'INTERVAL':
        return this.intervalLiteral();
      case 'TIMESTAMP':
      case 'DATE':
      case 'TIME':
        if (this.is('StringLit', 1)) return this.datetimeLiteral(w);
        break;
      case 'MONOTONIC': {
        this.pos++;
        this.expect('LParen', "'('", 'after MONOTONIC');
        const arg = this.expr();
        this.expect('RParen', "')'", 'to close MONOTONIC(');
        return { kind: 'monotonic', arg, span: this.spanFrom(t) };
      }
    }
    if (RESERVED.has(w) && !this.is('LParen', 1)) {
      this.fail(`Expected an expression, found the keyword ${w}`);
    }
    return this.nameOrCall();
  }

  private nameOrCall(): Expr {
    const start = this.peek() as IToken;
    const first = this.ident('a name', true);
    if (this.is('LParen')) return this.call(first, start);
    if (!first.quoted && NILADIC.has(first.name) && !this.is('Dot')) {
      return { kind: 'call', name: first, args: [], distinct: false, form: 'bare', span: first.span };
    }
    const parts: Ident[] = [first];
    while (this.is('Dot') && !this.is('Star', 1)) {
      this.pos++;
      parts.push(this.ident('a column name after "."', true));
    }
    return { kind: 'ref', parts, span: this.spanFrom(start) };
  }

  private call(name: Ident, start: IToken): Expr {
    this.expect('LParen', "'('");
    const fn = name.quoted ? '' : name.name;
    const args: Expr[] = [];
    let distinct = false;
    let form: 'to' | 'by' | 'from' | 'in' | 'trim' | 'placing' | 'similar' | undefined;
    const str = (value: string, span: Span): Expr => ({
      kind: 'literal',
      type: { base: 'VARCHAR', length: value.length },
      value,
      span,
    });
    if (fn === 'EXTRACT') {
      const u = this.peek();
      const unit = this.word();
      if (!u || !unit) this.fail('Expected a unit (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND…) in EXTRACT');
      this.pos++;
      this.expectWord('FROM', 'in EXTRACT(unit FROM …)');
      args.push(str(unit, tokenSpan(u)), this.expr());
      form = 'from';
    } else if (fn === 'TRIM') {
      const m = this.word();
      const modeTok = this.peek() as IToken;
      let mode = 'BOTH';
      if (m === 'BOTH' || m === 'LEADING' || m === 'TRAILING') {
        mode = m;
        this.pos++;
      }
      let chars: Expr | undefined;
      if (!this.isWord('FROM')) chars = this.expr();
      if (this.acceptWord('FROM')) {
        args.push(str(mode, tokenSpan(modeTok)), chars ?? str(' ', tokenSpan(modeTok)), this.expr());
      } else if (chars) {
        args.push(str(mode, tokenSpan(modeTok)), str(' ', tokenSpan(modeTok)), chars);
      } else this.fail('Expected the string to trim');
      form = 'trim';
    } else if (!this.is('RParen')) {
      if (this.acceptWord('DISTINCT')) distinct = true;
      else this.acceptWord('ALL');
      if (this.is('Star')) {
        const s = this.next();
        args.push({ kind: 'star', span: tokenSpan(s) });
      } else {
        // POSITION(a IN b): the first argument stops before IN (it is not an IN predicate).
        // SUBSTRING(s SIMILAR p …): likewise, s stops before SIMILAR.
        args.push(fn === 'POSITION' || fn === 'SUBSTRING' ? this.concatExpr() : this.expr());
        const next = this.word();
        if ((fn === 'FLOOR' || fn === 'CEIL' || fn === 'CEILING') && next === 'TO') {
          this.pos++;
          const u = this.peek() as IToken;
          const unit = this.word();
          if (!unit || !TIME_UNITS.has(unit))
            this.fail(`Expected a time unit after TO, found ${this.describe(u)}`);
          this.pos++;
          args.push(str(unit, tokenSpan(u)));
          form = 'to';
        } else if (fn === 'STEP' && next === 'BY') {
          this.pos++;
          args.push(this.expr());
          form = 'by';
        } else if (fn === 'POSITION' && next === 'IN') {
          this.pos++;
          args.push(this.expr());
          form = 'in';
        } else if (fn === 'OVERLAY' && next === 'PLACING') {
          // OVERLAY(s PLACING r FROM i [FOR n]) → OVERLAY(s, r, i[, n])
          this.pos++;
          args.push(this.expr());
          this.expectWord('FROM', 'in OVERLAY(… PLACING … FROM …)');
          args.push(this.expr());
          if (this.acceptWord('FOR')) args.push(this.expr());
          form = 'placing';
        } else if (fn === 'SUBSTRING' && next === 'SIMILAR') {
          // SUBSTRING(s SIMILAR 'a#"b#"c' ESCAPE '#'): the part of s matching between the markers.
          this.pos++;
          args.push(this.concatExpr());
          this.expectWord('ESCAPE', 'in SUBSTRING(… SIMILAR … ESCAPE …)');
          args.push(this.concatExpr());
          form = 'similar';
        } else if (fn === 'SUBSTRING' && next === 'FROM') {
          this.pos++;
          args.push(this.expr());
          if (this.acceptWord('FOR')) args.push(this.expr());
          form = 'from';
        } else {
          while (this.accept('Comma')) args.push(this.expr());
        }
      }
    }
    this.expect('RParen', "')'", `to close ${name.text}(`);
    let over: WindowRef | undefined;
    if (this.isWord('OVER')) {
      const o = this.next();
      if (this.is('LParen')) {
        const spec = this.windowSpec();
        over = { spec, span: this.spanFrom(o) };
      } else {
        over = { name: this.ident('a window name after OVER'), span: this.spanFrom(o) };
      }
    }
    return { kind: 'call', name, args, distinct, form, over, span: this.spanFrom(start) };
  }

  /** `( [PARTITION BY …] [ORDER BY …] [RANGE INTERVAL … PRECEDING | ROWS n PRECEDING] )` */
  windowSpec(): WindowSpec {
    const start = this.expect('LParen', "'('", 'to open the window specification');
    const spec: WindowSpec = { partitionBy: [], orderBy: [], span: tokenSpan(start) };
    if (this.isIdentStart() && !this.isWord('PARTITION')) spec.base = this.ident();
    if (this.acceptWord('PARTITION')) {
      this.expectWord('BY', 'after PARTITION');
      spec.partitionBy = this.exprList();
    }
    if (this.acceptWord('ORDER')) {
      this.expectWord('BY', 'after ORDER');
      spec.orderBy = this.exprList();
    }
    if (this.isWord('RANGE') || this.isWord('ROWS')) this.windowFrame(spec);
    this.expect('RParen', "')'", 'to close the window specification');
    spec.span = this.spanFrom(start);
    return spec;
  }

  /**
   * `ROWS n PRECEDING`, `RANGE INTERVAL … PRECEDING`, `… UNBOUNDED PRECEDING`, `… CURRENT ROW`, or
   * the same as `BETWEEN <that> AND CURRENT ROW`. KDA's windows end at the current row: FOLLOWING,
   * an end offset (`AND 2 PRECEDING`), RANGE without an INTERVAL and ROWS with one are refused here.
   */
  private windowFrame(spec: WindowSpec): void {
    const kind = this.next().image.toUpperCase() as 'ROWS' | 'RANGE';
    const between = this.acceptWord('BETWEEN');
    const start = this.frameBound(kind, true);
    if (between) {
      this.expectWord('AND', 'in BETWEEN … AND CURRENT ROW');
      const endTok = this.peek();
      const end = this.frameBound(kind, false);
      if (end !== 'CURRENT')
        this.fail(
          'A KDA window ends at the current row: write BETWEEN … AND CURRENT ROW (end offsets are not supported)',
          endTok,
        );
    }
    if (start === 'CURRENT') {
      spec.frame = kind === 'ROWS' ? { type: 'ROWS', rows: 0 } : undefined;
    } else spec.frame = start;
    if (between) spec.between = true;
  }

  private frameBound(kind: 'ROWS' | 'RANGE', first: boolean): NonNullable<WindowSpec['frame']> | 'CURRENT' {
    const t = this.peek();
    if (this.acceptWord('CURRENT')) {
      this.expectWord('ROW', 'after CURRENT');
      return 'CURRENT';
    }
    if (this.acceptWord('UNBOUNDED')) {
      if (this.isWord('FOLLOWING'))
        this.fail(
          'UNBOUNDED FOLLOWING is not supported: a stream never ends, so the window would never close',
        );
      this.expectWord('PRECEDING', 'after UNBOUNDED');
      if (!first) this.fail('A KDA window ends at the current row: write … AND CURRENT ROW', t);
      return { type: 'UNBOUNDED' };
    }
    let bound: NonNullable<WindowSpec['frame']>;
    if (kind === 'RANGE') {
      if (!this.isWord('INTERVAL'))
        this.fail(
          `Expected INTERVAL '…' unit after RANGE (a RANGE window on a stream is a time span), found ${this.describe(this.peek())}`,
        );
      const interval = this.intervalLiteral();
      if (interval.yearMonth) this.fail('A RANGE window needs a day-time interval', t);
      if (interval.value < 0) this.fail('A window size cannot be negative', t);
      bound = { type: 'RANGE', ms: interval.value, interval };
    } else {
      if (this.isWord('INTERVAL'))
        this.fail('ROWS counts rows: write ROWS 10 PRECEDING, or RANGE INTERVAL … PRECEDING for a time span');
      if (this.is('Minus')) this.fail('A window size cannot be negative');
      const n = this.expect('NumberLit', 'a number of rows', 'after ROWS');
      if (!/^\d+$/.test(n.image)) this.fail('ROWS needs a whole number of rows', n);
      bound = { type: 'ROWS', rows: Number(n.image) };
    }
    if (this.isWord('FOLLOWING'))
      this.fail('FOLLOWING is not supported: a KDA window looks back from the current row (use PRECEDING)');
    this.expectWord('PRECEDING', kind === 'ROWS' ? 'after the number of rows' : 'after the window interval');
    if (!first) this.fail('A KDA window ends at the current row: write … AND CURRENT ROW', t);
    return bound;
  }

  exprList(): Expr[] {
    const list = [this.expr()];
    while (this.accept('Comma')) list.push(this.expr());
    return list;
  }

  private caseExpr(): Expr {
    const start = this.next();
    const operand = this.isWord('WHEN') ? undefined : this.expr();
    const whens: { when: Expr; result: Expr }[] = [];
    while (this.acceptWord('WHEN')) {
      const when = this.expr();
      this.expectWord('THEN', 'after WHEN …');
      whens.push({ when, result: this.expr() });
    }
    if (whens.length === 0) this.fail(`Expected WHEN in CASE, found ${this.describe(this.peek())}`);
    const otherwise = this.acceptWord('ELSE') ? this.expr() : undefined;
    this.expectWord('END', 'to close CASE');
    return { kind: 'case', operand, whens, else: otherwise, span: this.spanFrom(start) };
  }

  private castExpr(): Expr {
    const start = this.next();
    this.expect('LParen', "'('", 'after CAST');
    const arg = this.expr();
    this.expectWord('AS', 'in CAST(… AS type)');
    const typeStart = this.peek();
    const type = this.sqlType();
    const typeText = this.text.slice(typeStart?.startOffset ?? 0, (this.prev.endOffset ?? 0) + 1);
    this.expect('RParen', "')'", 'to close CAST(');
    return { kind: 'cast', arg, type, typeText, span: this.spanFrom(start) };
  }

  /** A type name: VARCHAR(16), DECIMAL(10,2), DOUBLE PRECISION, TIMESTAMP, INTERVAL DAY TO SECOND… */
  sqlType(): SqlType {
    const start = this.peek();
    const first = this.word();
    if (!first) this.fail(`Expected a type name, found ${this.describe(start)}`);
    this.pos++;
    if (first === 'INTERVAL') {
      const unit = this.word();
      if (!unit || !TIME_UNITS.has(unit)) this.fail('Expected a unit after INTERVAL');
      this.pos++;
      if (this.acceptWord('TO')) this.pos++;
      return { base: unit === 'YEAR' || unit === 'MONTH' ? 'INTERVAL_YEAR_MONTH' : 'INTERVAL_DAY_TIME' };
    }
    const words = [first];
    if (
      (first === 'DOUBLE' && this.isWord('PRECISION')) ||
      ((first === 'CHARACTER' || first === 'CHAR') && this.isWord('VARYING'))
    ) {
      words.push(this.next().image.toUpperCase());
    }
    const params: number[] = [];
    if (this.accept('LParen')) {
      params.push(Number(this.expect('NumberLit', 'a length').image));
      if (this.accept('Comma')) params.push(Number(this.expect('NumberLit', 'a scale').image));
      this.expect('RParen', "')'", 'after the type length');
    }
    // TIMESTAMP WITH LOCAL TIME ZONE and the like: KDA's TIMESTAMPs are UTC, accept and ignore.
    if (
      (first === 'TIMESTAMP' || first === 'TIME') &&
      this.isWord('WITH') &&
      this.isWord('TIME', 1 + (this.isWord('LOCAL', 1) ? 1 : 0))
    ) {
      while (!this.isWord('ZONE')) this.pos++;
      this.pos++;
    }
    const type = typeFromName(words, params);
    if (!type)
      this.fail(
        `Unknown type ${words.join(' ')}: use e.g. VARCHAR(n), INTEGER, BIGINT, DOUBLE, DECIMAL(p,s), BOOLEAN, TIMESTAMP`,
        start,
      );
    return type;
  }

  /** INTERVAL [-]'text' unit [(precision)] [TO unit] */
  protected intervalLiteral(): Expr & { kind: 'interval' } {
    const start = this.next();
    let sign = 1;
    if (this.accept('Minus')) sign = -1;
    else this.accept('Plus');
    const lit = this.peek();
    let text: string;
    if (lit?.tokenType.name === 'StringLit') text = lit.image.slice(1, -1);
    else if (lit?.tokenType.name === 'NumberLit') text = lit.image;
    else this.fail(`Expected a quoted interval value such as '1', found ${this.describe(lit)}`);
    this.pos++;
    const unitTok = this.peek();
    const unit = this.word();
    if (!unit || !TIME_UNITS.has(unit)) {
      this.fail(
        `Expected an interval unit (DAY, HOUR, MINUTE, SECOND…) after INTERVAL '${text}', found ${this.describe(unitTok)}`,
      );
    }
    this.pos++;
    const precision = this.intervalPrecision(unit);
    let toUnit: TimeUnit | undefined;
    if (this.acceptWord('TO')) {
      const w = this.word();
      if (!w || !TIME_UNITS.has(w))
        this.fail(`Expected an interval unit after TO, found ${this.describe(this.peek())}`);
      this.pos++;
      this.intervalPrecision(w);
      toUnit = w as TimeUnit;
    }
    const value = intervalValue(text, unit as TimeUnit, toUnit);
    if (typeof value === 'string') this.fail(value, lit);
    // SQL's leading field precision (default 2 digits): INTERVAL '100' DAY needs DAY(3).
    const lead = /^[\s+-]*(\d+)/.exec(text)?.[1] ?? '';
    if (unit !== 'MILLISECOND' && lead.replace(/^0+(?=\d)/, '').length > precision)
      this.fail(
        `Interval field value ${lead} exceeds the precision of ${unit}(${precision}): write ${unit}(${Math.min(10, lead.length)})`,
        lit,
      );
    return {
      kind: 'interval',
      value: sign * value,
      text,
      unit: unit as TimeUnit,
      toUnit,
      yearMonth: unit === 'YEAR' || unit === 'MONTH',
      span: this.spanFrom(start),
    };
  }

  /** `(p)` or `(p, s)` after an interval unit; returns the leading precision (default 2, at most 10). */
  private intervalPrecision(unit: string): number {
    if (!(this.is('LParen') && this.is('NumberLit', 1))) return 2;
    this.pos++;
    const p = this.next();
    const n = Number(p.image);
    if (!/^\d+$/.test(p.image) || n < 1 || n > 10)
      this.fail(`Interval precision of ${unit} must be between 1 and 10`, p);
    if (this.accept('Comma')) this.expect('NumberLit', 'a precision');
    this.expect('RParen', "')'");
    return n;
  }

  private datetimeLiteral(kind: 'TIMESTAMP' | 'DATE' | 'TIME'): Expr {
    const start = this.next();
    const lit = this.next();
    const text = lit.image.slice(1, -1);
    const value = kind === 'TIME' ? parseTime(text) : parseTimestamp(text);
    if (value === undefined || (kind === 'DATE' && value % 86_400_000 !== 0)) {
      const example =
        kind === 'TIMESTAMP' ? '2024-01-01 00:00:00' : kind === 'DATE' ? '2024-01-01' : '12:30:00';
      this.fail(`'${text}' is not a valid ${kind} literal (expected like '${example}')`, lit);
    }
    return { kind: 'literal', type: { base: kind }, value, span: this.spanFrom(start) };
  }
}

function numberLiteral(t: IToken): Expr {
  const value = Number(t.image);
  const span = tokenSpan(t);
  if (/[eE]/.test(t.image)) return { kind: 'literal', type: { base: 'DOUBLE' }, value, span };
  if (t.image.includes('.')) {
    const [i = '', f = ''] = t.image.split('.');
    return {
      kind: 'literal',
      type: { base: 'DECIMAL', precision: Math.max(1, i.length + f.length), scale: f.length },
      value,
      span,
    };
  }
  return {
    kind: 'literal',
    type: { base: Math.abs(value) > 2_147_483_647 ? 'BIGINT' : 'INTEGER' },
    value,
    span,
  };
}
