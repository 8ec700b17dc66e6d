/**
 * Small helpers shared by the scalar function families: type constructors, argument checks and
 * the "NULL in → NULL out" wrapper most SQL functions follow.
 */
import type { EvalContext, ScalarFunction, SqlBaseType, SqlType, SqlValue } from '../types.ts';
import { SqlRuntimeError } from '../types.ts';

export const T = {
  boolean: { base: 'BOOLEAN' } as SqlType,
  integer: { base: 'INTEGER' } as SqlType,
  bigint: { base: 'BIGINT' } as SqlType,
  double: { base: 'DOUBLE' } as SqlType,
  timestamp: { base: 'TIMESTAMP' } as SqlType,
  date: { base: 'DATE' } as SqlType,
  time: { base: 'TIME' } as SqlType,
  varchar: (length = 1024): SqlType => ({ base: 'VARCHAR', length }),
  row: (fields: { name: string; type: SqlType }[]): SqlType => ({ base: 'ROW', fields }),
};

export const INTEGER_TYPES: ReadonlySet<SqlBaseType> = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT']);
export const APPROX_TYPES: ReadonlySet<SqlBaseType> = new Set(['REAL', 'DOUBLE']);
export const NUMERIC_TYPES: ReadonlySet<SqlBaseType> = new Set([
  ...INTEGER_TYPES,
  'DECIMAL',
  'REAL',
  'DOUBLE',
]);
export const CHAR_TYPES: ReadonlySet<SqlBaseType> = new Set(['CHAR', 'VARCHAR']);
export const DATETIME_TYPES: ReadonlySet<SqlBaseType> = new Set(['DATE', 'TIME', 'TIMESTAMP']);

/** NULL and ANY are accepted wherever a specific family is expected (the value decides at run time). */
const passes = (t: SqlType, family: ReadonlySet<SqlBaseType>): boolean =>
  t.base === 'NULL' || t.base === 'ANY' || family.has(t.base);

export function typeName(t: SqlType): string {
  if (t.base === 'VARCHAR' || t.base === 'CHAR') return t.length ? `${t.base}(${t.length})` : t.base;
  return t.base.replace('_', ' ');
}

/** Throws the validator's user-facing message when argument `i` is not of the family. */
export function expectArg(
  fn: string,
  argTypes: SqlType[],
  i: number,
  family: ReadonlySet<SqlBaseType>,
  what: string,
): void {
  const t = argTypes[i];
  if (t && !passes(t, family)) {
    throw new Error(`${fn}: argument ${i + 1} must be ${what}, not ${typeName(t)}`);
  }
}

export const isNumericType = (t: SqlType | undefined): boolean => !!t && NUMERIC_TYPES.has(t.base);
export const isIntegerType = (t: SqlType | undefined): boolean => !!t && INTEGER_TYPES.has(t.base);

/** The wider of two numeric types (INTEGER < BIGINT < DECIMAL < REAL < DOUBLE). */
export function widerNumeric(a: SqlType, b: SqlType): SqlType {
  const order: SqlBaseType[] = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'DECIMAL', 'REAL', 'DOUBLE'];
  const ia = order.indexOf(a.base);
  const ib = order.indexOf(b.base);
  if (ia < 0) return b.base === 'NULL' || ib < 0 ? T.double : b;
  if (ib < 0) return a;
  return ia >= ib ? a : b;
}

type Evaluate = (args: SqlValue[], argTypes: SqlType[], ctx: EvalContext) => SqlValue;

/** Defines a function that returns NULL as soon as any argument is NULL (the SQL default). */
export function strict(
  name: string,
  minArgs: number,
  maxArgs: number,
  returnType: ScalarFunction['returnType'],
  evaluate: Evaluate,
): ScalarFunction {
  return {
    name,
    minArgs,
    maxArgs,
    returnType,
    evaluate(args, argTypes, ctx) {
      for (const a of args) if (a === null) return null;
      return evaluate(args, argTypes, ctx);
    },
  };
}

/** Defines a function that sees NULL arguments itself (COALESCE, NULLIF, CURRENT_ROW_TIMESTAMP…). */
export function lenient(
  name: string,
  minArgs: number,
  maxArgs: number,
  returnType: ScalarFunction['returnType'],
  evaluate: Evaluate,
): ScalarFunction {
  return { name, minArgs, maxArgs, returnType, evaluate };
}

export function num(v: SqlValue, fn: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v.trim());
    if (v.trim() !== '' && Number.isFinite(n)) return n;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new SqlRuntimeError(`${fn}: expected a number, got ${JSON.stringify(v)}`);
}

export function str(v: SqlValue, fn: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new SqlRuntimeError(`${fn}: expected a character string, got ${typeof v}`);
}

export function toRecord(list: ScalarFunction[]): Record<string, ScalarFunction> {
  const out: Record<string, ScalarFunction> = {};
  for (const f of list) out[f.name] = f;
  return out;
}
