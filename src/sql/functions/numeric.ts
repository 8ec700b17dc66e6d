/**
 * Numeric scalar functions as in the Kinesis Data Analytics SQL Reference ("Numeric Functions"):
 * ABS, CEIL/CEILING, FLOOR, EXP, LN, LOG10, MOD, POWER, SQRT, ROUND, TRUNCATE, SIGN.
 * FLOOR / CEIL also accept a datetime with a unit (`FLOOR(ROWTIME TO MINUTE)` arrives as
 * `FLOOR(ROWTIME, 'MINUTE')`), and STEP(ts, interval) rounds down to any interval; both are the
 * tumbling-window building blocks.
 */
import type { ScalarFunction, SqlType, SqlValue } from '../types.ts';
import { SqlRuntimeError } from '../types.ts';
import { ceilDatetime, floorDatetime } from './datetimeMath.ts';
import {
  DATETIME_TYPES,
  expectArg,
  INTEGER_TYPES,
  isIntegerType,
  NUMERIC_TYPES,
  num,
  str,
  strict,
  T,
  toRecord,
  typeName,
} from './util.ts';

const NUMBER = 'a number';
const NUM_OR_DATETIME = new Set([...NUMERIC_TYPES, ...DATETIME_TYPES]);

/** Result type of functions that keep their argument's type (ABS, ROUND…); NULL literal → DOUBLE. */
function sameNumeric(fn: string) {
  return (argTypes: SqlType[]): SqlType => {
    expectArg(fn, argTypes, 0, NUMERIC_TYPES, NUMBER);
    const t = argTypes[0];
    return t && t.base !== 'NULL' && t.base !== 'ANY' ? t : T.double;
  };
}

function doubleOf(fn: string, arity: number) {
  return (argTypes: SqlType[]): SqlType => {
    for (let i = 0; i < arity; i++) expectArg(fn, argTypes, i, NUMERIC_TYPES, NUMBER);
    return T.double;
  };
}

/** Java's Math.round-like half away from zero at `digits` decimal places (negative digits allowed). */
function roundHalfAway(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  // The epsilon guards against binary representation (2.675 * 100 = 267.49999…).
  const scaled = Math.abs(x) * f;
  const r = Math.floor(scaled + 0.5 + 1e-9 * Math.max(1, scaled)) / f;
  return Math.sign(x) * r;
}

function truncateTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.trunc(x * f) / f;
}

/** FLOOR / CEIL: a number (one argument) or a datetime rounded to a unit (two arguments). */
function floorCeil(name: string, mathFn: (x: number) => number, dtFn: typeof floorDatetime): ScalarFunction {
  return strict(
    name,
    1,
    2,
    (argTypes) => {
      expectArg(name, argTypes, 0, NUM_OR_DATETIME, 'a number or a datetime');
      const t = argTypes[0] as SqlType;
      if (DATETIME_TYPES.has(t.base)) {
        if (argTypes.length < 2)
          throw new Error(`${name}: a ${t.base} needs a unit, e.g. ${name}(ROWTIME TO MINUTE)`);
        return t;
      }
      if (argTypes.length > 1)
        throw new Error(`${name}: TO <unit> applies to DATE, TIME or TIMESTAMP values`);
      return t.base === 'NULL' || t.base === 'ANY' ? T.double : t;
    },
    (args, argTypes) => {
      const t = argTypes[0] as SqlType;
      if (args.length === 2 || DATETIME_TYPES.has(t.base)) {
        return dtFn(num(args[0] as SqlValue, name), str(args[1] ?? 'SECOND', name), t.base);
      }
      return mathFn(num(args[0] as SqlValue, name));
    },
  );
}

/** ABS of a number, or of an INTERVAL (the SQL Reference's interval operators): same type back. */
const ABS = strict(
  'ABS',
  1,
  1,
  (argTypes) => {
    const t = argTypes[0];
    if (t && (t.base === 'INTERVAL_DAY_TIME' || t.base === 'INTERVAL_YEAR_MONTH')) return t;
    return sameNumeric('ABS')(argTypes);
  },
  ([x]) => Math.abs(num(x as SqlValue, 'ABS')),
);

const EXP = strict('EXP', 1, 1, doubleOf('EXP', 1), ([x]) => Math.exp(num(x as SqlValue, 'EXP')));

const LN = strict('LN', 1, 1, doubleOf('LN', 1), ([x]) => {
  const v = num(x as SqlValue, 'LN');
  if (v <= 0) throw new SqlRuntimeError(`LN: cannot take the logarithm of ${v} (must be > 0)`);
  return Math.log(v);
});

const LOG10 = strict('LOG10', 1, 1, doubleOf('LOG10', 1), ([x]) => {
  const v = num(x as SqlValue, 'LOG10');
  if (v <= 0) throw new SqlRuntimeError(`LOG10: cannot take the logarithm of ${v} (must be > 0)`);
  return Math.log10(v);
});

/** MOD(a, b): exact numerics only; the result has the sign of the dividend (Java `%`). */
const MOD = strict(
  'MOD',
  2,
  2,
  (argTypes) => {
    expectArg('MOD', argTypes, 0, INTEGER_TYPES, 'an exact (integer) number');
    expectArg('MOD', argTypes, 1, INTEGER_TYPES, 'an exact (integer) number');
    const b = argTypes[1] as SqlType;
    return isIntegerType(b) ? b : T.integer;
  },
  ([a, b]) => {
    const d = num(b as SqlValue, 'MOD');
    if (d === 0) throw new SqlRuntimeError('MOD: division by zero');
    return Math.trunc(num(a as SqlValue, 'MOD')) % Math.trunc(d);
  },
);

const POWER = strict('POWER', 2, 2, doubleOf('POWER', 2), ([a, b]) => {
  const r = num(a as SqlValue, 'POWER') ** num(b as SqlValue, 'POWER');
  if (Number.isNaN(r)) throw new SqlRuntimeError('POWER: the result is not a real number');
  return r;
});

const SQRT = strict('SQRT', 1, 1, doubleOf('SQRT', 1), ([x]) => {
  const v = num(x as SqlValue, 'SQRT');
  if (v < 0) throw new SqlRuntimeError(`SQRT: cannot take the square root of ${v}`);
  return Math.sqrt(v);
});

function roundLike(name: string, op: (x: number, d: number) => number): ScalarFunction {
  return strict(
    name,
    1,
    2,
    (argTypes) => {
      if (argTypes[1]) expectArg(name, argTypes, 1, INTEGER_TYPES, 'an integer number of decimal places');
      return sameNumeric(name)(argTypes);
    },
    (args, argTypes) => {
      const digits = args.length > 1 ? Math.trunc(num(args[1] as SqlValue, name)) : 0;
      const r = op(num(args[0] as SqlValue, name), digits);
      // Integer types stay integral (ROUND(17, -1) = 20).
      return isIntegerType(argTypes[0]) ? Math.trunc(r) : r;
    },
  );
}

const SIGN = strict('SIGN', 1, 1, sameNumeric('SIGN'), ([x]) => Math.sign(num(x as SqlValue, 'SIGN')));

/** STEP(x, width): rounds x down to a multiple of width (a number, or a timestamp by an interval in ms). */
const STEP = strict(
  'STEP',
  2,
  2,
  (argTypes) => {
    expectArg('STEP', argTypes, 0, NUM_OR_DATETIME, 'a number or a datetime');
    const t = argTypes[0] as SqlType;
    const w = argTypes[1] as SqlType;
    if (
      DATETIME_TYPES.has(t.base) &&
      w.base !== 'INTERVAL_DAY_TIME' &&
      w.base !== 'NULL' &&
      !(w.base === 'INTERVAL_YEAR_MONTH' && t.base !== 'TIME')
    ) {
      throw new Error(`STEP: a ${t.base} steps BY an INTERVAL, not ${typeName(w)}`);
    }
    return t.base === 'NULL' ? T.timestamp : t;
  },
  ([x, w], argTypes) => {
    const width = num(w as SqlValue, 'STEP');
    if (width <= 0) throw new SqlRuntimeError('STEP: the interval must be positive');
    const v = num(x as SqlValue, 'STEP');
    if (argTypes[1]?.base === 'INTERVAL_YEAR_MONTH') {
      // By months: whole months since 1970-01, rounded down to a multiple of the width.
      const d = new Date(v);
      const m = (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
      const start = Math.floor(m / width) * width;
      return Date.UTC(1970 + Math.floor(start / 12), ((start % 12) + 12) % 12, 1);
    }
    return Math.floor(v / width) * width;
  },
);

export const NUMERIC_FUNCTIONS: Record<string, ScalarFunction> = toRecord([
  ABS,
  floorCeil('CEIL', Math.ceil, ceilDatetime),
  { ...floorCeil('CEILING', Math.ceil, ceilDatetime), name: 'CEILING' },
  floorCeil('FLOOR', Math.floor, floorDatetime),
  EXP,
  LN,
  LOG10,
  MOD,
  POWER,
  SQRT,
  roundLike('ROUND', roundHalfAway),
  roundLike('TRUNCATE', truncateTo),
  { ...roundLike('TRUNCATE', truncateTo), name: 'TRUNC' },
  SIGN,
  STEP,
]);
