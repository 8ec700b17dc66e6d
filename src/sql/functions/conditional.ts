/**
 * NULL-aware functions: COALESCE (first non-NULL argument) and NULLIF (NULL when both are equal).
 * These see NULL arguments themselves, unlike the strict functions of the other families.
 */
import type { ScalarFunction, SqlType, SqlValue } from '../types.ts';
import { CHAR_TYPES, isNumericType, lenient, T, toRecord, typeName, widerNumeric } from './util.ts';

/** The common type of a list of argument types (numeric widening; VARCHAR keeps the longest length). */
export function commonType(fn: string, types: SqlType[]): SqlType {
  const known = types.filter((t) => t.base !== 'NULL' && t.base !== 'ANY');
  if (known.length === 0) return types.find((t) => t.base === 'ANY') ?? T.varchar(1);
  const first = known[0] as SqlType;
  if (known.every(isNumericType)) return known.reduce(widerNumeric);
  if (known.every((t) => CHAR_TYPES.has(t.base))) {
    return T.varchar(Math.max(...known.map((t) => t.length ?? 1024)));
  }
  const bad = known.find((t) => t.base !== first.base);
  if (bad)
    throw new Error(`${fn}: arguments of types ${typeName(first)} and ${typeName(bad)} cannot be mixed`);
  return first;
}

function sqlEquals(a: SqlValue, b: SqlValue): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return a === b;
}

const COALESCE: ScalarFunction = lenient(
  'COALESCE',
  1,
  Number.POSITIVE_INFINITY,
  (argTypes) => commonType('COALESCE', argTypes),
  (args) => {
    for (const a of args) if (a !== null && a !== undefined) return a;
    return null;
  },
);

const NULLIF: ScalarFunction = lenient(
  'NULLIF',
  2,
  2,
  (argTypes) => {
    commonType('NULLIF', argTypes);
    const t = argTypes[0] as SqlType;
    return t.base === 'NULL' ? (argTypes[1] as SqlType) : t;
  },
  ([a, b]) => {
    if (a === null || a === undefined) return null;
    if (b === null || b === undefined) return a;
    return sqlEquals(a, b) ? null : a;
  },
);

export const CONDITIONAL_FUNCTIONS: Record<string, ScalarFunction> = toRecord([COALESCE, NULLIF]);
