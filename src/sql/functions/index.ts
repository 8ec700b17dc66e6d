/**
 * The Analytics SQL scalar function library, keyed by upper-case name. SQL-CORE's validator calls
 * `returnType` (with literal arguments where known) and its runtime calls `evaluate`.
 *
 * Syntax the parser maps onto arguments (see each family for details):
 * `SUBSTRING(s FROM i FOR n)` → (s, i, n); `POSITION(a IN b)` → (a, b);
 * `TRIM(LEADING c FROM s)` → ('LEADING', c, s); `OVERLAY(s PLACING r FROM i FOR n)` → (s, r, i, n);
 * `EXTRACT(HOUR FROM ts)` → ('HOUR', ts); `FLOOR(ts TO MINUTE)` → (ts, 'MINUTE');
 * `STEP(ts BY INTERVAL '10' SECOND)` → (ts, 10000).
 */
import type { ScalarFunction } from '../types.ts';
import { CONDITIONAL_FUNCTIONS } from './conditional.ts';
import { DATETIME_FUNCTIONS } from './datetime.ts';
import { LOG_PARSE_FUNCTIONS } from './logparse.ts';
import { NUMERIC_FUNCTIONS } from './numeric.ts';
import { STRING_FUNCTIONS } from './string.ts';

export const SCALAR_FUNCTIONS: Record<string, ScalarFunction> = {
  ...NUMERIC_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...DATETIME_FUNCTIONS,
  ...LOG_PARSE_FUNCTIONS,
  ...CONDITIONAL_FUNCTIONS,
};

export { commonType } from './conditional.ts';
export { formatDate, parseDate } from './dateFormat.ts';
export { addMonths, ceilDatetime, floorDatetime, formatTimestamp } from './datetimeMath.ts';
export { javaRegExp, likeToRegExp, similarToRegExp } from './patterns.ts';
export { castText, parseColumnList, parseTypeName, splitTopLevel } from './typeText.ts';
