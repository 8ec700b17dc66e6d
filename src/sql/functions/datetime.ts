/**
 * Date and time functions (KDA SQL Reference, "Date and Time Functions"). Every value is UTC:
 * TIMESTAMP and DATE are ms since the epoch, TIME is ms since midnight, a day-time INTERVAL is ms,
 * a year-month INTERVAL is a number of months.
 *
 * CURRENT_TIMESTAMP / LOCALTIMESTAMP return the ROWTIME of the row being evaluated rather than the
 * wall clock: in KDA they are the processing time of the row, and using ROWTIME keeps runs
 * reproducible (same seed, same output).
 */
import type { ScalarFunction, SqlType, SqlValue } from '../types.ts';
import { SqlRuntimeError } from '../types.ts';
import { formatDate, parseDate } from './dateFormat.ts';
import { MS } from './datetimeMath.ts';
import {
  CHAR_TYPES,
  DATETIME_TYPES,
  expectArg,
  lenient,
  NUMERIC_TYPES,
  num,
  str,
  strict,
  T,
  toRecord,
} from './util.ts';

const TIMESTAMP_ONLY = new Set(['TIMESTAMP', 'DATE'] as const);
const INTERVALS = new Set(['INTERVAL_DAY_TIME', 'INTERVAL_YEAR_MONTH'] as const);
const EXTRACTABLE = new Set([...DATETIME_TYPES, ...INTERVALS]);
const EXTRACT_UNITS = [
  'YEAR',
  'QUARTER',
  'MONTH',
  'WEEK',
  'DAY',
  'DOY',
  'DOW',
  'HOUR',
  'MINUTE',
  'SECOND',
  'MILLISECOND',
  'EPOCH',
];

function extractFromDatetime(unit: string, ms: number, base: string): number {
  if (base === 'TIME') {
    switch (unit) {
      case 'HOUR':
        return Math.floor(ms / MS.HOUR);
      case 'MINUTE':
        return Math.floor(ms / MS.MINUTE) % 60;
      case 'SECOND':
        return (ms % MS.MINUTE) / MS.SECOND;
      case 'MILLISECOND':
        return ms % MS.SECOND;
      default:
        throw new SqlRuntimeError(`EXTRACT: a TIME has no ${unit} field`);
    }
  }
  const d = new Date(ms);
  switch (unit) {
    case 'YEAR':
      return d.getUTCFullYear();
    case 'QUARTER':
      return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'MONTH':
      return d.getUTCMonth() + 1;
    case 'WEEK': {
      // ISO-8601 week number.
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      const dow = (d.getUTCDay() + 6) % 7;
      const thursday = day - dow * MS.DAY + 3 * MS.DAY;
      const jan1 = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
      return Math.floor((thursday - jan1) / (7 * MS.DAY)) + 1;
    }
    case 'DAY':
      return d.getUTCDate();
    case 'DOY':
      return Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / MS.DAY) + 1;
    case 'DOW':
      return d.getUTCDay() + 1; // 1 = Sunday, as Java's Calendar.DAY_OF_WEEK
    case 'HOUR':
      return d.getUTCHours();
    case 'MINUTE':
      return d.getUTCMinutes();
    case 'SECOND':
      // With the fraction: SECOND of '…:34.567' is 34.567.
      return d.getUTCSeconds() + d.getUTCMilliseconds() / 1000;
    case 'MILLISECOND':
      return d.getUTCMilliseconds();
    default: // EPOCH
      return Math.floor(ms / MS.SECOND);
  }
}

function extractFromInterval(unit: string, v: number, base: string): number {
  if (base === 'INTERVAL_YEAR_MONTH') {
    if (unit === 'YEAR') return Math.trunc(v / 12);
    if (unit === 'MONTH') return v % 12;
    throw new SqlRuntimeError(`EXTRACT: a year-month INTERVAL has no ${unit} field`);
  }
  switch (unit) {
    case 'DAY':
      return Math.trunc(v / MS.DAY);
    case 'HOUR':
      return Math.trunc(v / MS.HOUR) % 24;
    case 'MINUTE':
      return Math.trunc(v / MS.MINUTE) % 60;
    case 'SECOND':
      return (v % MS.MINUTE) / MS.SECOND;
    case 'MILLISECOND':
      return v % MS.SECOND;
    case 'EPOCH':
      return Math.trunc(v / MS.SECOND);
    default:
      throw new SqlRuntimeError(`EXTRACT: a day-time INTERVAL has no ${unit} field`);
  }
}

/** EXTRACT(unit FROM x) arrives as EXTRACT('UNIT', x). */
const EXTRACT = strict(
  'EXTRACT',
  2,
  2,
  (argTypes, literals) => {
    expectArg('EXTRACT', argTypes, 1, EXTRACTABLE, 'a DATE, TIME, TIMESTAMP or INTERVAL');
    const unit = literals[0];
    if (typeof unit === 'string' && !EXTRACT_UNITS.includes(unit.toUpperCase())) {
      throw new Error(`EXTRACT: unknown field ${unit}; use one of ${EXTRACT_UNITS.join(', ')}`);
    }
    // SECOND keeps its milliseconds: DECIMAL(5,3) (e.g. 34.567); the other fields are whole numbers.
    if (typeof unit === 'string' && unit.toUpperCase() === 'SECOND')
      return { base: 'DECIMAL', precision: 5, scale: 3 };
    return T.bigint;
  },
  ([unit, x], argTypes) => {
    const u = str(unit as SqlValue, 'EXTRACT').toUpperCase();
    const v = num(x as SqlValue, 'EXTRACT');
    const base = (argTypes[1] as SqlType).base;
    return INTERVALS.has(base as never) ? extractFromInterval(u, v, base) : extractFromDatetime(u, v, base);
  },
);

function charTo(name: string, result: SqlType, convert: (ms: number) => number): ScalarFunction {
  return strict(
    name,
    2,
    2,
    (argTypes, literals) => {
      expectArg(name, argTypes, 0, CHAR_TYPES, 'a format string');
      expectArg(name, argTypes, 1, CHAR_TYPES, 'a character string');
      // A literal format is checked when the query is validated, not on the first row.
      if (typeof literals[0] === 'string') {
        try {
          formatDate(literals[0], 0);
        } catch (e) {
          throw new Error((e as Error).message.replace('TIMESTAMP_TO_CHAR', name));
        }
      }
      return result;
    },
    ([format, s]) => convert(parseDate(str(format as SqlValue, name), str(s as SqlValue, name).trim(), name)),
  );
}

/** TIMESTAMP_TO_CHAR & co. As documented, a NULL datetime formats as the string 'null'. */
function toChar(name: string, accepts: ReadonlySet<string>): ScalarFunction {
  return lenient(
    name,
    2,
    2,
    (argTypes) => {
      expectArg(name, argTypes, 0, CHAR_TYPES, 'a format string');
      expectArg(name, argTypes, 1, accepts as never, 'a datetime');
      return T.varchar(64);
    },
    ([format, x]) => {
      if (format === null || format === undefined) return null;
      if (x === null || x === undefined) return 'null';
      return formatDate(str(format, name), num(x, name));
    },
  );
}

const rowtimeNow = (name: string, type: SqlType, convert: (ms: number) => number) =>
  lenient(
    name,
    0,
    0,
    () => type,
    (_args, _types, ctx) => convert(ctx.rowtime),
  );

const dayOf = (ms: number): number => Math.floor(ms / MS.DAY) * MS.DAY;
const timeOf = (ms: number): number => ms - dayOf(ms);

const TO_TIMESTAMP = strict(
  'TO_TIMESTAMP',
  1,
  1,
  (argTypes) => {
    expectArg(
      'TO_TIMESTAMP',
      argTypes,
      0,
      NUMERIC_TYPES,
      'a BIGINT of milliseconds since 1970-01-01 00:00:00 UTC',
    );
    return T.timestamp;
  },
  ([x]) => Math.trunc(num(x as SqlValue, 'TO_TIMESTAMP')),
);

const UNIX_TIMESTAMP = strict(
  'UNIX_TIMESTAMP',
  1,
  1,
  (argTypes) => {
    expectArg('UNIX_TIMESTAMP', argTypes, 0, TIMESTAMP_ONLY as never, 'a TIMESTAMP');
    return T.bigint;
  },
  ([x]) => num(x as SqlValue, 'UNIX_TIMESTAMP'),
);

/** TSDIFF(ts1, ts2): ts1 − ts2 in milliseconds (BIGINT); NULL if either is NULL. */
const TSDIFF = strict(
  'TSDIFF',
  2,
  2,
  (argTypes) => {
    expectArg('TSDIFF', argTypes, 0, TIMESTAMP_ONLY as never, 'a TIMESTAMP');
    expectArg('TSDIFF', argTypes, 1, TIMESTAMP_ONLY as never, 'a TIMESTAMP');
    return T.bigint;
  },
  ([a, b]) => num(a as SqlValue, 'TSDIFF') - num(b as SqlValue, 'TSDIFF'),
);

export const DATETIME_FUNCTIONS: Record<string, ScalarFunction> = toRecord([
  EXTRACT,
  charTo('CHAR_TO_TIMESTAMP', T.timestamp, (ms) => ms),
  charTo('CHAR_TO_DATE', T.date, dayOf),
  charTo('CHAR_TO_TIME', T.time, timeOf),
  toChar('TIMESTAMP_TO_CHAR', new Set(['TIMESTAMP', 'DATE'])),
  toChar('DATE_TO_CHAR', new Set(['DATE', 'TIMESTAMP'])),
  toChar('TIME_TO_CHAR', new Set(['TIME'])),
  TO_TIMESTAMP,
  UNIX_TIMESTAMP,
  TSDIFF,
  rowtimeNow('CURRENT_ROW_TIMESTAMP', T.timestamp, (ms) => ms),
  rowtimeNow('CURRENT_TIMESTAMP', T.timestamp, (ms) => ms),
  rowtimeNow('LOCALTIMESTAMP', T.timestamp, (ms) => ms),
  rowtimeNow('CURRENT_DATE', T.date, dayOf),
  rowtimeNow('CURRENT_TIME', T.time, timeOf),
  rowtimeNow('LOCALTIME', T.time, timeOf),
]);
