/**
 * KDA SQL expressions (the engine's syntax tree) written as Flink SQL: operators, literals, CASE,
 * CAST, and the function library renamed where Flink spells it differently. A function with no Flink
 * equivalent throws `Untranslatable` naming the construct and the nearest Flink route; the statement
 * that uses it is then written commented out (never dropped). Forms that differ slightly in meaning
 * are written and reported through `ctx.approx`.
 */
import type { Expr, Ident, WindowRef } from '../../sql/ast.ts';
import { printCommonForm, printExpr } from '../../sql/index.ts';
import { flinkInterval, flinkMonths, flinkType, quoteString } from './names.ts';

export class Untranslatable extends Error {
  constructor(
    readonly construct: string,
    readonly route: string,
  ) {
    super(`${construct}: ${route}`);
  }
}

export interface ExprCtx {
  /** A column reference (ROWTIME, qualifiers, ROW fields) as Flink writes it. */
  ref(parts: Ident[]): string;
  /** `OVER w` / `OVER (…)` as a Flink window specification, `(PARTITION BY … ORDER BY proc …)`. */
  over(w: WindowRef): string;
  /** Inside a tumbling aggregation: STEP / FLOOR of ROWTIME is the window's start. */
  windowStart?(e: Expr): string | undefined;
  approx(note: string): void;
}

/** FLOOR(ts TO unit) as a date-format round trip (same value; dt-sql-parser does not read `FLOOR(x TO u)`). */
const FLOOR_FORMAT: Record<string, string> = {
  YEAR: 'yyyy-01-01 00:00:00',
  MONTH: 'yyyy-MM-01 00:00:00',
  DAY: 'yyyy-MM-dd 00:00:00',
  HOUR: 'yyyy-MM-dd HH:00:00',
  MINUTE: 'yyyy-MM-dd HH:mm:00',
  SECOND: 'yyyy-MM-dd HH:mm:ss',
};

/** EXTRACT(unit FROM x) → Flink's per-unit functions. */
const EXTRACT_FN: Record<string, string> = {
  YEAR: 'YEAR',
  QUARTER: 'QUARTER',
  MONTH: 'MONTH',
  WEEK: 'WEEK',
  DAY: 'DAYOFMONTH',
  DOY: 'DAYOFYEAR',
  DOW: 'DAYOFWEEK',
  HOUR: 'HOUR',
  MINUTE: 'MINUTE',
  SECOND: 'SECOND',
};

/** Same name and arguments in Flink. */
const SAME = new Set([
  'ABS',
  'CEIL',
  'CEILING',
  'FLOOR',
  'EXP',
  'LN',
  'LOG10',
  'MOD',
  'POWER',
  'ROUND',
  'TRUNCATE',
  'SIGN',
  'UPPER',
  'LOWER',
  'INITCAP',
  'COALESCE',
  'NULLIF',
  'CURRENT_TIMESTAMP',
  'LOCALTIMESTAMP',
  'CURRENT_DATE',
  'CURRENT_TIME',
  'LOCALTIME',
  'COUNT',
  'SUM',
  'AVG',
  'MIN',
  'MAX',
  'VAR_POP',
  'VAR_SAMP',
  'STDDEV_POP',
  'STDDEV_SAMP',
  'FIRST_VALUE',
  'LAST_VALUE',
  'LAG',
  'LEAD',
]);

const LOG_PARSERS = new Set([
  'W3C_LOG_PARSE',
  'REGEX_LOG_PARSE',
  'FAST_REGEX_LOG_PARSE',
  'VARIABLE_COLUMN_LOG_PARSE',
  'FIXED_COLUMN_LOG_PARSE',
  'SYS_LOG_PARSE',
]);

const literalText = (e: Expr | undefined): string | undefined =>
  e?.kind === 'literal' && typeof e.value === 'string' ? e.value : undefined;

/** Is this ROWTIME (bare or qualified)? */
export const isRowtime = (e: Expr): boolean =>
  e.kind === 'ref' && e.parts.length <= 2 && e.parts[e.parts.length - 1]?.name.toUpperCase() === 'ROWTIME';

export function flinkExpr(e: Expr, ctx: ExprCtx): string {
  const p = (x: Expr) => flinkExpr(x, ctx);
  switch (e.kind) {
    case 'literal': {
      if (e.value === null) return e.type.base === 'NULL' ? 'NULL' : `CAST(NULL AS ${flinkType(e.type)})`;
      if (e.type.base === 'DECIMAL' || typeof e.value === 'number' || typeof e.value === 'boolean')
        return printExpr(e);
      if (typeof e.value === 'string') return quoteString(e.value);
      throw new Untranslatable('a binary literal', "write it as a string and DECODE(…, 'UTF-8')");
    }
    case 'interval':
      return e.yearMonth ? flinkMonths(e.value) : flinkInterval(e.value, e.toUnit ? undefined : e.unit);
    case 'ref':
      return ctx.ref(e.parts);
    case 'star':
      return e.qualifier ? `${ctx.ref([e.qualifier])}.*` : '*';
    case 'unary':
      return e.op === 'NOT' ? `NOT ${p(e.arg)}` : `${e.op}${p(e.arg)}`;
    case 'binary':
      if (e.op === '%') return `MOD(${p(e.left)}, ${p(e.right)})`;
      return `${p(e.left)} ${e.op} ${p(e.right)}`;
    case 'paren':
      return `(${p(e.arg)})`;
    case 'monotonic':
      // MONOTONIC only tells KDA a key grows; Flink needs no hint.
      return p(e.arg);
    case 'qualify': {
      if (e.arg.kind === 'paren' && e.arg.arg.kind === 'binary' && e.arg.arg.op === '-' && !e.toUnit) {
        ctx.approx(`(a - b) ${e.unit} written as TIMESTAMPDIFF(${e.unit}, b, a) (whole units)`);
        return `TIMESTAMPDIFF(${e.unit}, ${p(e.arg.arg.right)}, ${p(e.arg.arg.left)})`;
      }
      throw new Untranslatable(
        `an interval qualified by ${e.unit}${e.toUnit ? ` TO ${e.toUnit}` : ''}`,
        'TIMESTAMPDIFF',
      );
    }
    case 'cast':
      return `CAST(${p(e.arg)} AS ${flinkType(e.type)})`;
    case 'between':
    case 'in':
    case 'like':
    case 'is':
    case 'case':
      return printCommonForm(e, p);
    case 'call': {
      const text = flinkCall(e, ctx);
      return e.over ? `${text} OVER ${ctx.over(e.over)}` : text;
    }
  }
}

function flinkCall(e: Expr & { kind: 'call' }, ctx: ExprCtx): string {
  const p = (x: Expr) => flinkExpr(x, ctx);
  const a = e.args;
  const name = e.name.name.toUpperCase();
  const all = () => a.map(p).join(', ');
  const win = ctx.windowStart?.(e);
  if (win) return win;
  if (LOG_PARSERS.has(name))
    throw new Untranslatable(
      name,
      'no Flink function parses a log line into a ROW: use REGEXP_EXTRACT(line, regex, n) or SPLIT_INDEX(line, sep, n) per field, or a UDF',
    );
  switch (name) {
    case 'COUNT':
      if (a[0]?.kind === 'star') return 'COUNT(*)';
      return `COUNT(${e.distinct ? 'DISTINCT ' : ''}${all()})`;
    case 'VARIANCE':
      return `VAR_SAMP(${all()})`;
    case 'STDDEV':
      return `STDDEV_SAMP(${all()})`;
    case 'EVERY':
    case 'SOME':
    case 'ANY':
      if (e.over)
        throw new Untranslatable(
          `${name} … OVER`,
          'MIN / MAX(CASE WHEN x THEN 1 ELSE 0 END) OVER (…) in a subquery, compared with 1 outside it',
        );
      if (name !== 'EVERY') return `MAX(CASE WHEN ${p(a[0] as Expr)} THEN 1 ELSE 0 END) = 1`;
      return `MIN(CASE WHEN ${p(a[0] as Expr)} THEN 1 ELSE 0 END) = 1`;
    case 'EXP_AVG':
      throw new Untranslatable(
        'EXP_AVG',
        'no built-in exponential moving average: write an AggregateFunction UDF',
      );
    case 'SQRT':
      // Same value; dt-sql-parser's grammar does not read SQRT as a function name.
      return `POWER(${p(a[0] as Expr)}, 0.5)`;
    case 'TRUNC':
      return `TRUNCATE(${all()})`;
    case 'STEP':
      throw new Untranslatable(
        'STEP outside a GROUP BY on ROWTIME',
        'a TUMBLE window table function (window_start)',
      );
    case 'CHAR_LENGTH':
    case 'CHARACTER_LENGTH':
      return `CHAR_LENGTH(${p(a[0] as Expr)})`;
    case 'SUBSTRING':
      if (e.form === 'similar')
        throw new Untranslatable('SUBSTRING … SIMILAR … ESCAPE', 'REGEXP_EXTRACT(s, java_regex, 1)');
      return `SUBSTR(${all()})`;
    case 'POSITION':
      return `POSITION(${p(a[0] as Expr)} IN ${p(a[1] as Expr)})`;
    case 'TRIM': {
      if (e.form !== 'trim') return `TRIM(${all()})`;
      const side = literalText(a[0]) ?? 'BOTH';
      const chars = a[1] as Expr;
      const s = p(a[2] as Expr);
      const space = literalText(chars) === ' ';
      const l = (x: string) => (space ? `LTRIM(${x})` : `LTRIM(${x}, ${p(chars)})`);
      const r = (x: string) => (space ? `RTRIM(${x})` : `RTRIM(${x}, ${p(chars)})`);
      if (side === 'LEADING') return l(s);
      if (side === 'TRAILING') return r(s);
      return space ? `TRIM(${s})` : l(r(s));
    }
    case 'OVERLAY': {
      const [s, r, from, len] = a.map(p);
      const n = a[3] ? len : literalText(a[1]) !== undefined ? String(literalText(a[1])?.length) : undefined;
      if (n === undefined)
        throw new Untranslatable('OVERLAY without FOR', 'OVERLAY(s PLACING r FROM i FOR n)');
      return `CONCAT(SUBSTR(${s}, 1, ${from} - 1), ${r}, SUBSTR(${s}, ${from} + ${n}))`;
    }
    case 'REGEX_REPLACE':
      if (a.length > 3)
        ctx.approx('REGEX_REPLACE position/occurrence arguments dropped (Flink replaces every match)');
      return `REGEXP_REPLACE(${a.slice(0, 3).map(p).join(', ')})`;
    case 'EXTRACT': {
      const unit = (literalText(a[0]) ?? '').toUpperCase();
      const fn = EXTRACT_FN[unit];
      if (!fn) throw new Untranslatable(`EXTRACT(${unit} …)`, 'DATE_FORMAT or TIMESTAMPDIFF');
      if (unit === 'SECOND')
        ctx.approx('EXTRACT(SECOND …) is whole seconds in Flink (KDA keeps milliseconds)');
      return `${fn}(${p(a[1] as Expr)})`;
    }
    case 'FLOOR':
    case 'CEIL':
    case 'CEILING': {
      if (e.form !== 'to') return `${name}(${all()})`;
      const unit = (literalText(a[1]) ?? '').toUpperCase();
      const fmt = FLOOR_FORMAT[unit];
      if (!fmt || name !== 'FLOOR')
        throw new Untranslatable(`${name}(… TO ${unit})`, `${name}(ts TO ${unit}) in Flink SQL`);
      return `TO_TIMESTAMP(DATE_FORMAT(${p(a[0] as Expr)}, '${fmt}'))`;
    }
    case 'CHAR_TO_TIMESTAMP':
      return `TO_TIMESTAMP(${p(a[1] as Expr)}, ${p(a[0] as Expr)})`;
    case 'CHAR_TO_DATE':
      return `TO_DATE(${p(a[1] as Expr)}, ${p(a[0] as Expr)})`;
    case 'CHAR_TO_TIME':
      return `CAST(TO_TIMESTAMP(${p(a[1] as Expr)}, ${p(a[0] as Expr)}) AS TIME)`;
    case 'TIMESTAMP_TO_CHAR':
    case 'DATE_TO_CHAR':
    case 'TIME_TO_CHAR':
      return `DATE_FORMAT(${p(a[1] as Expr)}, ${p(a[0] as Expr)})`;
    case 'TO_TIMESTAMP':
      // KDA: milliseconds since the epoch → TIMESTAMP.
      return `CAST(TO_TIMESTAMP_LTZ(${p(a[0] as Expr)}, 3) AS TIMESTAMP(3))`;
    case 'UNIX_TIMESTAMP':
      ctx.approx('UNIX_TIMESTAMP: Flink counts whole seconds, KDA milliseconds');
      return `UNIX_TIMESTAMP(CAST(${p(a[0] as Expr)} AS STRING)) * 1000`;
    case 'TSDIFF':
      ctx.approx('TSDIFF written as TIMESTAMPDIFF in whole seconds × 1000');
      return `TIMESTAMPDIFF(SECOND, ${p(a[1] as Expr)}, ${p(a[0] as Expr)}) * 1000`;
    case 'CURRENT_ROW_TIMESTAMP':
      return 'CURRENT_ROW_TIMESTAMP()';
  }
  if (SAME.has(name)) {
    if (e.form === 'bare') return name;
    return `${name}(${e.distinct ? 'DISTINCT ' : ''}${all()})`;
  }
  throw new Untranslatable(`${name}(…)`, 'no Flink built-in of that name: register a user-defined function');
}
