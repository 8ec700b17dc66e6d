/**
 * Syntax tree of a KDA SQL application. Rich on purpose: every node keeps its source span, every
 * identifier its original spelling and quoting, and window specifications stay structured, so a
 * later translator (e.g. to Flink SQL) can work from the tree alone.
 */
import type { SqlType, SqlValue } from './types.ts';

/** 1-based line/column of the first character; end is the last character (inclusive). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets into the text, end exclusive. */
  offset: number;
  endOffset: number;
}

export interface Ident {
  /** Normalised name: as written when quoted, upper-cased when bare (KDA / SQL standard). */
  name: string;
  quoted: boolean;
  /** Exactly as written, quotes included. */
  text: string;
  span: Span;
}

export type TimeUnit = 'YEAR' | 'MONTH' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND' | 'MILLISECOND';

export type Expr =
  | { kind: 'literal'; type: SqlType; value: SqlValue; span: Span }
  /** `INTERVAL '1:30' MINUTE TO SECOND`: value in ms (day-time) or months (year-month). */
  | {
      kind: 'interval';
      value: number;
      text: string;
      unit: TimeUnit;
      toUnit?: TimeUnit;
      yearMonth: boolean;
      span: Span;
    }
  /**
   * A column or stream-qualified column: `col`, `s.col`, `"S".ROWTIME`; trailing parts past a ROW
   * column are field accesses: `t.r."COLUMN1"` (column R of source T, field COLUMN1).
   */
  | { kind: 'ref'; parts: Ident[]; span: Span }
  /** `*` or `s.*` in a select list or `COUNT(*)`. */
  | { kind: 'star'; qualifier?: Ident; span: Span }
  | { kind: 'unary'; op: '-' | '+' | 'NOT'; arg: Expr; span: Span }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; span: Span }
  /**
   * A function call. Special syntaxes are kept in `form` and desugared into positional args:
   * `FLOOR(x TO MINUTE)` → FLOOR(x, 'MINUTE'); `STEP(x BY i)` → STEP(x, i);
   * `EXTRACT(HOUR FROM t)` → EXTRACT('HOUR', t); `POSITION(a IN b)` → POSITION(a, b);
   * `SUBSTRING(s FROM a FOR b)` → SUBSTRING(s, a, b); `TRIM(LEADING 'x' FROM s)` → TRIM('LEADING', 'x', s);
   * `OVERLAY(s PLACING r FROM i FOR n)` → OVERLAY(s, r, i, n);
   * bare `CURRENT_ROW_TIMESTAMP` → CURRENT_ROW_TIMESTAMP();
   * `SUBSTRING(s SIMILAR p ESCAPE e)` → SUBSTRING(s, p, e) with form 'similar' (SQL:2008 regex substring).
   */
  | {
      kind: 'call';
      name: Ident;
      args: Expr[];
      distinct: boolean;
      form?: 'to' | 'by' | 'from' | 'in' | 'trim' | 'placing' | 'bare' | 'similar';
      over?: WindowRef;
      span: Span;
    }
  | { kind: 'cast'; arg: Expr; type: SqlType; typeText: string; span: Span }
  | { kind: 'case'; operand?: Expr; whens: { when: Expr; result: Expr }[]; else?: Expr; span: Span }
  | { kind: 'between'; arg: Expr; low: Expr; high: Expr; not: boolean; span: Span }
  | { kind: 'in'; arg: Expr; list: Expr[]; not: boolean; span: Span }
  | { kind: 'like'; arg: Expr; pattern: Expr; escape?: Expr; not: boolean; similar: boolean; span: Span }
  | { kind: 'is'; arg: Expr; test: 'NULL' | 'TRUE' | 'FALSE' | 'UNKNOWN'; not: boolean; span: Span }
  | { kind: 'monotonic'; arg: Expr; span: Span }
  /** `(ts1 - ts2) SECOND`: an interval qualified by a unit (SQL standard datetime difference). */
  | { kind: 'qualify'; arg: Expr; unit: TimeUnit; toUnit?: TimeUnit; span: Span }
  | { kind: 'paren'; arg: Expr; span: Span };

export type BinaryOp =
  | 'OR'
  | 'AND'
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '||'
  /** `a IS [NOT] DISTINCT FROM b`: NULL-safe (in)equality, never UNKNOWN. */
  | 'IS DISTINCT FROM'
  | 'IS NOT DISTINCT FROM';

/** `OVER w` or `OVER (…)`. */
export type WindowRef = { name: Ident; span: Span } | { spec: WindowSpec; span: Span };

export interface WindowSpec {
  /** Name of a base window (`OVER (w ROWS …)` is rare; kept for completeness). */
  base?: Ident;
  partitionBy: Expr[];
  orderBy: Expr[];
  /** RANGE INTERVAL … PRECEDING, in ms; or ROWS n PRECEDING. Neither: the current row only. */
  frame?:
    | { type: 'RANGE'; ms: number; interval: Expr & { kind: 'interval' } }
    | { type: 'ROWS'; rows: number }
    | { type: 'UNBOUNDED' };
  /** Written `ROWS|RANGE BETWEEN … AND CURRENT ROW` (same meaning as without BETWEEN). */
  between?: boolean;
  span: Span;
}

export interface SelectItem {
  expr: Expr;
  alias?: Ident;
  span: Span;
}

export type FromItem =
  | { kind: 'stream'; name: Ident; schema?: Ident; alias?: Ident; window?: WindowSpec; span: Span }
  | {
      kind: 'subquery';
      query: Select;
      alias?: Ident;
      /** `(SELECT …) AS t(r)`: names for the subquery's columns, in order (the docs' log-parser idiom). */
      columnAliases?: Ident[];
      window?: WindowSpec;
      span: Span;
    }
  | {
      kind: 'tableFn';
      name: Ident;
      cursor: Select;
      args: Expr[];
      alias?: Ident;
      span: Span;
    }
  | {
      kind: 'join';
      type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS';
      left: FromItem;
      right: FromItem;
      on?: Expr;
      span: Span;
    };

export interface Select {
  kind: 'select';
  stream: boolean;
  distinct: boolean;
  items: SelectItem[];
  from: FromItem;
  where?: Expr;
  groupBy?: Expr[];
  stagger?: { partitionBy: Expr[]; ms: number; interval: Expr & { kind: 'interval' }; span: Span };
  having?: Expr;
  windows: { name: Ident; spec: WindowSpec }[];
  orderBy?: Expr[];
  /** Per ORDER BY item: true for DESC. */
  orderDesc?: boolean[];
  /** `SELECT … UNION ALL SELECT …` (merge of streams). */
  unionAll?: Select[];
  span: Span;
}

export interface ColumnDef {
  name: Ident;
  type: SqlType;
  typeText: string;
  span: Span;
}

export type Statement =
  | { kind: 'createStream'; name: Ident; columns: ColumnDef[]; span: Span }
  | {
      kind: 'createPump';
      name: Ident;
      target: Ident;
      columns?: Ident[];
      query: Select;
      span: Span;
    }
  /** A top-level `SELECT STREAM`: an anonymous stream named QUERY_1, QUERY_2… in statement order. */
  | { kind: 'query'; query: Select; queryName: string; span: Span };

export interface Program {
  statements: Statement[];
}
