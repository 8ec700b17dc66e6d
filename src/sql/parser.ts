/**
 * Statements of a KDA SQL application: CREATE [OR REPLACE] STREAM, CREATE [OR REPLACE] PUMP …
 * AS INSERT INTO … SELECT STREAM …, and top-level SELECT STREAM queries.
 */
import type { IToken } from 'chevrotain';
import type {
  ColumnDef,
  FromItem,
  Ident,
  Program,
  Select,
  SelectItem,
  Statement,
  WindowSpec,
} from './ast.ts';
import { joinSpans, ParseError, RESERVED, tokenSpan } from './cursor.ts';
import { tokenize } from './lexer.ts';
import { ExprParser, MAX_EXPR_DEPTH } from './parseExpr.ts';
import type { SqlProblem } from './problems.ts';

class Parser extends ExprParser {
  private queryCount = 0;

  program(): Program {
    const statements: Statement[] = [];
    while (this.peek()) {
      if (this.accept('Semi')) continue;
      statements.push(this.statement());
      if (this.peek() && !this.is('Semi')) {
        this.fail(`Expected ';' to end the statement, found ${this.describe(this.peek())}`);
      }
    }
    return { statements };
  }

  private statement(): Statement {
    const start = this.peek() as IToken;
    if (this.isWord('SELECT') || this.is('LParen')) {
      const query = this.query();
      this.queryCount++;
      return { kind: 'query', query, queryName: `QUERY_${this.queryCount}`, span: this.spanFrom(start) };
    }
    if (!this.isWord('CREATE')) {
      this.fail(
        `Expected CREATE OR REPLACE STREAM, CREATE OR REPLACE PUMP or SELECT STREAM, found ${this.describe(start)}`,
      );
    }
    this.pos++;
    if (this.acceptWord('OR')) this.expectWord('REPLACE', 'after CREATE OR');
    if (this.acceptWord('STREAM')) {
      const name = this.ident('a stream name');
      this.expect('LParen', "'('", 'to start the column list');
      const columns: ColumnDef[] = [];
      do {
        if (this.is('RParen') && columns.length > 0) break; // tolerate a trailing comma
        const colStart = this.peek() as IToken;
        const colName = this.ident('a column name', true);
        const typeStart = this.peek();
        const type = this.sqlType();
        if (type.base === 'INTERVAL_DAY_TIME' || type.base === 'INTERVAL_YEAR_MONTH') {
          this.fail('INTERVAL is not allowed as a column type in KDA (only in expressions)', typeStart);
        }
        while (this.isWord('NOT') || this.isWord('NULL')) this.pos++; // NOT NULL / NULL constraints
        const typeText = this.text.slice(typeStart?.startOffset ?? 0, (this.prev.endOffset ?? 0) + 1);
        columns.push({ name: colName, type, typeText, span: this.spanFrom(colStart) });
      } while (this.accept('Comma'));
      this.expect('RParen', "')'", 'to close the column list');
      if (this.acceptWord('DESCRIPTION')) this.expect('StringLit', 'a description string');
      return { kind: 'createStream', name, columns, span: this.spanFrom(start) };
    }
    if (this.acceptWord('PUMP')) {
      const name = this.ident('a pump name');
      this.acceptWord('STARTED');
      this.expectWord('AS', 'after the pump name');
      this.expectWord('INSERT', 'after AS');
      this.expectWord('INTO', 'after INSERT');
      const target = this.ident('the target stream name');
      let columns: Ident[] | undefined;
      if (this.is('LParen') && !this.isWord('SELECT', 1)) {
        this.pos++;
        columns = [this.ident('a column name', true)];
        while (this.accept('Comma')) columns.push(this.ident('a column name', true));
        this.expect('RParen', "')'", 'to close the column list');
      }
      const query = this.query();
      return { kind: 'createPump', name, target, columns, query, span: this.spanFrom(start) };
    }
    this.fail(`Expected STREAM or PUMP after CREATE OR REPLACE, found ${this.describe(this.peek())}`);
  }

  /** SELECT … [UNION ALL SELECT …]* */
  query(): Select {
    const first = this.select();
    while (this.isWord('UNION')) {
      this.pos++;
      this.expectWord('ALL', 'after UNION (streams merge with UNION ALL)');
      const next = this.select();
      first.unionAll ??= [];
      first.unionAll.push(next);
      first.span = joinSpans(first.span, next.span);
    }
    return first;
  }

  private select(): Select {
    if (this.is('LParen')) {
      this.pos++;
      const inner = this.query();
      this.expect('RParen', "')'");
      return inner;
    }
    const start = this.expectWord('SELECT', 'to start the query');
    const stream = this.acceptWord('STREAM');
    const distinct = this.acceptWord('DISTINCT');
    if (!distinct) this.acceptWord('ALL');
    const items: SelectItem[] = [this.selectItem()];
    while (this.accept('Comma')) items.push(this.selectItem());
    this.expectWord('FROM', 'after the select list');
    const from = this.fromClause();
    const sel: Select = {
      kind: 'select',
      stream,
      distinct,
      items,
      from,
      windows: [],
      span: tokenSpan(start),
    };
    const seen = new Set<string>();
    for (;;) {
      const w = this.word();
      if (!w || !['WHERE', 'GROUP', 'WINDOWED', 'HAVING', 'WINDOW', 'ORDER'].includes(w)) break;
      const clauseTok = this.next();
      if (seen.has(w)) this.fail(`${w} appears twice in the same query`, clauseTok);
      seen.add(w);
      if (w === 'WHERE') sel.where = this.expr();
      else if (w === 'GROUP') {
        this.expectWord('BY', 'after GROUP');
        sel.groupBy = this.exprList();
      } else if (w === 'ORDER') {
        this.expectWord('BY', 'after ORDER');
        sel.orderBy = [];
        sel.orderDesc = [];
        do {
          sel.orderBy.push(this.expr());
          sel.orderDesc.push(this.isWord('DESC'));
          if (this.isWord('ASC') || this.isWord('DESC')) this.pos++;
        } while (this.accept('Comma'));
      } else if (w === 'HAVING') sel.having = this.expr();
      else if (w === 'WINDOWED') {
        this.expectWord('BY', 'after WINDOWED');
        this.expectWord('STAGGER', 'after WINDOWED BY');
        const open = this.expect('LParen', "'('", 'after STAGGER');
        this.expectWord('PARTITION', 'in WINDOWED BY STAGGER (PARTITION BY … RANGE INTERVAL …)');
        this.expectWord('BY', 'after PARTITION');
        const partitionBy = this.exprList();
        this.expectWord('RANGE', 'after the partition keys');
        if (!this.isWord('INTERVAL'))
          this.fail(`Expected INTERVAL '…' unit after RANGE, found ${this.describe(this.peek())}`);
        const interval = this.intervalLiteral();
        if (interval.yearMonth || interval.value <= 0)
          this.fail('A stagger window needs a positive day-time interval', open);
        this.expect('RParen', "')'", 'to close STAGGER(');
        sel.stagger = { partitionBy, ms: interval.value, interval, span: this.spanFrom(open) };
      } else {
        do {
          const name = this.ident('a window name');
          this.expectWord('AS', 'after the window name');
          sel.windows.push({ name, spec: this.windowSpec() });
        } while (this.accept('Comma'));
      }
    }
    if (this.isWord('LIMIT')) this.fail('LIMIT is not supported on a stream: a stream never ends');
    this.resolveJoinWindows(sel, sel.from);
    sel.span = this.spanFrom(start);
    return sel;
  }

  private selectItem(): SelectItem {
    const start = this.peek() as IToken;
    if (this.is('Star')) {
      const t = this.next();
      return { expr: { kind: 'star', span: tokenSpan(t) }, span: tokenSpan(t) };
    }
    if (this.isIdentStart() && this.is('Dot', 1) && this.is('Star', 2)) {
      const qualifier = this.ident();
      this.pos += 2;
      const span = this.spanFrom(start);
      return { expr: { kind: 'star', qualifier, span }, span };
    }
    const expr = this.expr();
    let alias: Ident | undefined;
    if (this.acceptWord('AS')) alias = this.ident('an alias after AS', true);
    else if (this.isIdentStart()) alias = this.ident();
    return { expr, alias, span: this.spanFrom(start) };
  }

  private fromClause(): FromItem {
    let left = this.fromPrimary();
    for (;;) {
      const start = this.peek();
      let type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | undefined;
      if (this.isWord('JOIN')) type = 'INNER';
      else if (this.isWord('INNER') && this.isWord('JOIN', 1)) {
        type = 'INNER';
        this.pos++;
      } else if (this.isWord('CROSS') && this.isWord('JOIN', 1)) {
        type = 'CROSS';
        this.pos++;
      } else if (this.isWord('LEFT') || this.isWord('RIGHT') || this.isWord('FULL')) {
        type = this.next().image.toUpperCase() as 'LEFT' | 'RIGHT' | 'FULL';
        this.acceptWord('OUTER');
      } else if (this.is('Comma')) {
        this.pos++;
        const right = this.fromPrimary();
        left = { kind: 'join', type: 'CROSS', left, right, span: joinSpans(left.span, right.span) };
        continue;
      }
      if (!type || !start) return left;
      this.expectWord('JOIN', `after ${type}`);
      const right = this.fromPrimary();
      let on: ReturnType<ExprParser['expr']> | undefined;
      if (this.acceptWord('ON')) on = this.expr();
      else if (type !== 'CROSS')
        this.fail(`Expected ON <condition> after the joined stream, found ${this.describe(this.peek())}`);
      left = { kind: 'join', type, left, right, on, span: joinSpans(left.span, tokenSpan(this.prev)) };
    }
  }

  private fromPrimary(): FromItem {
    const start = this.peek() as IToken;
    if (this.isWord('TABLE') && this.is('LParen', 1)) {
      this.pos += 2;
      const name = this.ident('a table function name (e.g. TOP_K_ITEMS_TUMBLING)');
      this.expect('LParen', "'('", `after ${name.text}`);
      this.expectWord('CURSOR', `as the first argument of ${name.text}: CURSOR(SELECT STREAM …)`);
      this.expect('LParen', "'('", 'after CURSOR');
      const cursor = this.query();
      this.expect('RParen', "')'", 'to close CURSOR(');
      const args = [];
      while (this.accept('Comma')) args.push(this.expr());
      this.expect('RParen', "')'", `to close ${name.text}(`);
      this.expect('RParen', "')'", 'to close TABLE(');
      const alias = this.alias();
      return { kind: 'tableFn', name, cursor, args, alias, span: this.spanFrom(start) };
    }
    if (this.is('LParen')) {
      this.pos++;
      const query = this.query();
      this.expect('RParen', "')'", 'to close the subquery');
      const window = this.joinWindow();
      const alias = this.alias();
      let columnAliases: Ident[] | undefined;
      if (alias && this.accept('LParen')) {
        columnAliases = [this.ident('a column name', true)];
        while (this.accept('Comma')) columnAliases.push(this.ident('a column name', true));
        this.expect('RParen', "')'", 'to close the column names');
      }
      return { kind: 'subquery', query, alias, columnAliases, window, span: this.spanFrom(start) };
    }
    let name = this.ident('a stream name');
    let schema: Ident | undefined;
    if (this.is('Dot')) {
      this.pos++;
      schema = name;
      name = this.ident('a stream name after "."');
    }
    const window = this.joinWindow();
    const alias = this.alias();
    return { kind: 'stream', name, schema, alias, window, span: this.spanFrom(start) };
  }

  /** `OVER (RANGE …)` or `OVER w` (a window of the WINDOW clause, resolved after the query). */
  private joinWindow(): WindowSpec | undefined {
    if (!this.acceptWord('OVER')) return undefined;
    if (this.is('LParen')) return this.windowSpec();
    const base = this.ident('a window name or ( after OVER');
    return { base, partitionBy: [], orderBy: [], span: base.span };
  }

  /** Replaces `OVER w` on FROM items by the spec of `WINDOW w AS (…)`. */
  private resolveJoinWindows(sel: Select, f: FromItem): void {
    if (f.kind === 'join') {
      this.resolveJoinWindows(sel, f.left);
      this.resolveJoinWindows(sel, f.right);
      return;
    }
    if (
      (f.kind === 'stream' || f.kind === 'subquery') &&
      f.window?.base &&
      !f.window.frame &&
      f.window.partitionBy.length === 0
    ) {
      const base = f.window.base;
      const named = sel.windows.find((w) => w.name.name === base.name);
      if (!named)
        throw new ParseError(
          `Unknown window ${base.text}: declare it with WINDOW ${base.text} AS (RANGE INTERVAL '1' MINUTE PRECEDING)`,
          base.span,
        );
      f.window = named.spec;
      // AWS's guide writes `JOIN TradeStream OVER t … t.amount`: the window name doubles as the alias.
      f.alias ??= base;
    }
  }

  private alias(): Ident | undefined {
    if (this.acceptWord('AS')) return this.ident('an alias after AS', true);
    const w = this.word();
    if (this.isIdentStart() && !(w && RESERVED.has(w))) return this.ident();
    return undefined;
  }
}

/** Deepest object nesting the checker and runtime (recursive) are given: long `a + a + …` chains nest too. */
const MAX_TREE_DEPTH = 2 * MAX_EXPR_DEPTH + 100;

/** Throws ParseError at the first node nested deeper than MAX_TREE_DEPTH (an explicit stack: no recursion here). */
function tooDeep(program: Program): void {
  const stack: [unknown, number][] = [[program, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const x of node) stack.push([x, depth]);
      continue;
    }
    const o = node as Record<string, unknown>;
    if (depth > MAX_TREE_DEPTH && o.span)
      throw new ParseError(
        `Expression nested too deeply (more than ${MAX_EXPR_DEPTH} levels): simplify it`,
        o.span as import('./ast.ts').Span,
      );
    for (const k in o) if (k !== 'span' && k !== 'type') stack.push([o[k], depth + 1]);
  }
}

export type ParseResult = { ok: true; program: Program } | { ok: false; errors: SqlProblem[] };

export function parseSql(text: string): ParseResult {
  const { tokens, errors } = tokenize(text);
  if (errors.length > 0) {
    return {
      ok: false,
      errors: errors.map((e) => ({
        severity: 'error',
        message: e.message,
        line: e.line,
        column: e.column,
        endLine: e.line,
        endColumn: e.column + Math.max(0, Math.min(e.length, 1) - 1),
      })),
    };
  }
  try {
    const program = new Parser(tokens, text).program();
    tooDeep(program);
    return { ok: true, program };
  } catch (e) {
    if (e instanceof ParseError) {
      const s = e.span;
      return {
        ok: false,
        errors: [
          {
            severity: 'error',
            message: e.message,
            line: s.line,
            column: s.column,
            endLine: s.endLine,
            endColumn: s.endColumn,
          },
        ],
      };
    }
    throw e;
  }
}
