/**
 * Shared contracts of the Analytics SQL engine (Kinesis Data Analytics for SQL dialect).
 * The parser/runtime and the function library are built against these; keep them stable.
 *
 * Value representation (chosen for speed: no wrapper objects per value):
 * - SQL NULL → `null`; BOOLEAN → boolean (UNKNOWN is `null`);
 * - every numeric type → `number` (integer types hold integral values; arithmetic on two integer
 *   types truncates toward zero as KDA does, e.g. 7 / 2 = 3);
 * - CHAR / VARCHAR → string;
 * - TIMESTAMP → number, ms since the Unix epoch, UTC (ms precision, as KDA);
 * - DATE → number, ms since epoch at 00:00 UTC; TIME → number, ms since midnight;
 * - INTERVAL (day-time) → number of ms; INTERVAL (year-month) → number of months;
 * - BINARY / VARBINARY → Uint8Array;
 * - ROW (e.g. the result of REGEX_LOG_PARSE) → plain object keyed by field name.
 * The static SqlType tells which reading applies; it travels with every expression.
 */

export type SqlBaseType =
  | 'BOOLEAN'
  | 'TINYINT'
  | 'SMALLINT'
  | 'INTEGER'
  | 'BIGINT'
  | 'DECIMAL'
  | 'REAL'
  | 'DOUBLE'
  | 'CHAR'
  | 'VARCHAR'
  | 'BINARY'
  | 'VARBINARY'
  | 'DATE'
  | 'TIME'
  | 'TIMESTAMP'
  | 'INTERVAL_DAY_TIME'
  | 'INTERVAL_YEAR_MONTH'
  | 'ROW'
  /** The type of the NULL literal before coercion. */
  | 'NULL'
  /** Unknown / polymorphic (only for function signatures). */
  | 'ANY';

export interface SqlType {
  base: SqlBaseType;
  /** CHAR(n) / VARCHAR(n) / BINARY(n) length. */
  length?: number;
  /** DECIMAL(p, s). */
  precision?: number;
  scale?: number;
  /** For ROW: the fields in order. */
  fields?: { name: string; type: SqlType }[];
  /** For intervals: the qualifier they were written or computed with (`DAY TO SECOND`, `MINUTE`). */
  qualifier?: { unit: string; toUnit?: string };
}

export type SqlValue = null | boolean | number | string | Uint8Array | { [field: string]: SqlValue };

/** A row of an in-application stream: ROWTIME plus the values in column order. */
export interface Row {
  /** ms since epoch, UTC; monotonic within a stream. */
  rowtime: number;
  values: SqlValue[];
}

export interface Column {
  name: string;
  type: SqlType;
}

/**
 * A runtime error inside a query (bad cast, division by zero, bad regex…). The runtime catches it,
 * writes a row to `error_stream` (as KDA does) and keeps the query running.
 */
export class SqlRuntimeError extends Error {
  override name = 'SqlRuntimeError';
}

export interface EvalContext {
  /** ROWTIME of the row being evaluated (ms); CURRENT_ROW_TIMESTAMP returns this. */
  rowtime: number;
}

/** A scalar function, e.g. UPPER, SUBSTRING, CHAR_TO_TIMESTAMP, REGEX_LOG_PARSE. */
export interface ScalarFunction {
  /** Upper-case SQL name. */
  name: string;
  minArgs: number;
  /** Infinity for variadic (COALESCE). */
  maxArgs: number;
  /**
   * Static result type from argument types; throw `Error` with a user-facing message for bad
   * argument types (the validator reports it at the call's position).
   * `literalArgs[i]` holds the value when argument i is a literal (e.g. a regex or format), else undefined.
   */
  returnType(argTypes: SqlType[], literalArgs: (SqlValue | undefined)[]): SqlType;
  /** Evaluate; SQL NULL handling is the function's job (most return null on any null arg). */
  evaluate(args: SqlValue[], argTypes: SqlType[], ctx: EvalContext): SqlValue;
}

/**
 * A stream table function used as `FROM TABLE(F(CURSOR(SELECT STREAM …), arg, …))`:
 * TOP_K_ITEMS_TUMBLING, COUNT_DISTINCT_ITEMS_TUMBLING, RANDOM_CUT_FOREST.
 */
export interface TableFunction {
  name: string;
  /** Output columns given the cursor's columns and the literal arguments after the cursor. */
  outputColumns(input: Column[], args: SqlValue[]): Column[];
  /** A stateful operator; `seed` makes randomised ones (RCF) deterministic. */
  create(input: Column[], args: SqlValue[], seed: number): TableFunctionInstance;
}

export interface TableFunctionInstance {
  /** One input row arrives; returns the rows emitted now (possibly none). */
  push(row: Row): Row[];
  /** Time passes without rows (end of input flush, or a heartbeat); returns rows emitted. */
  advanceTo(rowtime: number): Row[];
}
