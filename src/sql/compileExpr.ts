/**
 * Expressions → closures, compiled once per query (rows are evaluated by calling `fn(env)`), with
 * static types checked on the way. Every problem is reported at the expression's position and the
 * compilation goes on with an ANY-typed placeholder so that one mistake does not hide the others.
 *
 * Besides the type, each compiled expression says whether it is monotonic in ROWTIME (what a
 * streaming GROUP BY needs) and whether it depends on ROWTIME alone (so a window's end can be
 * found by evaluating it at later times).
 */
import type { Expr } from './ast.ts';
import { compileField, compileSubstringSimilar } from './compileMore.ts';
import { SCALAR_FUNCTIONS } from './functions/index.ts';
import { likeToRegExp, similarToRegExp } from './functions/patterns.ts';
import { differenceIn, differenceProblem, mergeQualifiers, qualifiedType, unparen } from './intervals.ts';
import { UNIT_MS } from './literals.ts';
import type { Env, Problems, Scope } from './scope.ts';
import type { EvalContext, SqlType, SqlValue } from './types.ts';
import { SqlRuntimeError } from './types.ts';
import {
  castable,
  castValue,
  commonOf,
  comparable,
  compareValues,
  isChar,
  isDatetime,
  isInt,
  isInterval,
  isLoose,
  isNum,
  showType,
  widerNum,
} from './typing.ts';

export type Fn = (e: Env) => SqlValue;

export interface Compiled {
  type: SqlType;
  fn: Fn;
  /** Non-decreasing as ROWTIME grows (ROWTIME, STEP/FLOOR of it, ± constants, MONOTONIC(…)). */
  mono: boolean;
  /** Depends on nothing but ROWTIME and constants. */
  timeOnly: boolean;
  constant: boolean;
  /** The value when the expression is a literal (passed to functions' returnType). */
  literal?: SqlValue;
  /** Hot-path hints: a plain column (its index in env.v), ROWTIME of a source, STEP/FLOOR of it. */
  column?: number;
  rowtimeSource?: number;
  stepOf?: { source: number; ms: number };
}

export const AGGREGATES = new Set([
  'COUNT',
  'SUM',
  'AVG',
  'MIN',
  'MAX',
  'VAR_POP',
  'VAR_SAMP',
  'STDDEV_POP',
  'STDDEV_SAMP',
  'STDDEV',
  'VARIANCE',
  'EXP_AVG',
  'FIRST_VALUE',
  'LAST_VALUE',
  'LAG',
  'EVERY',
  'SOME',
  'ANY',
]);

export interface ExprContext {
  scope: Scope;
  problems: Problems;
  /** Intercepts an expression before the default rules (group keys, aggregates, OVER calls). */
  hook?: (e: Expr, c: ExprContext) => Compiled | undefined;
  /** Where aggregates are not allowed, the message says why (e.g. 'in WHERE'). */
  where: string;
}

const ANY: SqlType = { base: 'ANY' };
const BOOL: SqlType = { base: 'BOOLEAN' };
const nullFn: Fn = () => null;
export const placeholder = (): Compiled => ({
  type: ANY,
  fn: nullFn,
  mono: false,
  timeOnly: false,
  constant: false,
});
const constant = (type: SqlType, value: SqlValue): Compiled => ({
  type,
  fn: () => value,
  mono: false,
  timeOnly: true,
  constant: true,
  literal: value,
});

export function compileExpr(e: Expr, c: ExprContext): Compiled {
  const hooked = c.hook?.(e, c);
  if (hooked) return hooked;
  switch (e.kind) {
    case 'literal':
      return constant(e.type, e.value);
    case 'interval':
      return constant(
        {
          base: e.yearMonth ? 'INTERVAL_YEAR_MONTH' : 'INTERVAL_DAY_TIME',
          qualifier: e.toUnit ? { unit: e.unit, toUnit: e.toUnit } : { unit: e.unit },
        },
        e.value,
      );
    case 'paren':
      return compileExpr(e.arg, c);
    case 'monotonic': {
      const a = compileExpr(e.arg, c);
      return { ...a, mono: true, constant: false };
    }
    case 'ref':
      return compileRef(e, c);
    case 'star':
      c.problems.error(e.span, "'*' is only allowed in a select list or COUNT(*)");
      return placeholder();
    case 'unary':
      return compileUnary(e, c);
    case 'binary':
      return compileBinary(e, c);
    case 'qualify': {
      const inner = unparen(e.arg);
      if (inner.kind === 'binary' && inner.op === '-') {
        const l = compileExpr(inner.left, c);
        const r = compileExpr(inner.right, c);
        if (isDatetime(l.type) && isDatetime(r.type)) {
          const why = differenceProblem(l.type, r.type, true);
          if (why) c.problems.error(inner.span, why);
          const diff = differenceIn(e.unit, e.toUnit);
          const [fl, fr] = [l.fn, r.fn];
          const out = derived(qualifiedType(e.unit, e.toUnit), [l, r], (env) => {
            const a = fl(env);
            if (a === null) return null;
            const b = fr(env);
            return b === null ? null : diff(a as number, b as number);
          });
          // (ROWTIME - t0) SECOND rises with ROWTIME: a window key like the classic 30-second idiom.
          out.mono = l.mono && r.constant;
          return out;
        }
      }
      const a = compileExpr(e.arg, c);
      if (!isLoose(a.type) && !isInterval(a.type) && !isNum(a.type)) {
        c.problems.error(
          e.span,
          `(…) ${e.unit} needs a datetime difference, such as (ROWTIME - TIMESTAMP '1970-01-01 00:00:00') ${e.unit}`,
        );
      }
      return { ...a, type: qualifiedType(e.unit, e.toUnit) };
    }
    case 'cast': {
      const a = compileExpr(e.arg, c);
      if (!castable(a.type, e.type)) {
        c.problems.error(e.span, `Cannot CAST ${showType(a.type)} to ${showType(e.type)}`);
        return placeholder();
      }
      const from = a.type;
      const to = e.type;
      const f = a.fn;
      return { ...a, type: to, fn: (env) => castValue(f(env), from, to), literal: undefined };
    }
    case 'case':
      return compileCase(e, c);
    case 'between': {
      const a = compileExpr(e.arg, c);
      const lo = compileExpr(e.low, c);
      const hi = compileExpr(e.high, c);
      if (!comparable(a.type, lo.type) || !comparable(a.type, hi.type)) {
        c.problems.error(
          e.span,
          `BETWEEN compares ${showType(a.type)} with ${showType(lo.type)} and ${showType(hi.type)}`,
        );
      }
      const [fa, fl, fh, not] = [a.fn, lo.fn, hi.fn, e.not];
      return derived(BOOL, [a, lo, hi], (env) => {
        const v = fa(env);
        const l = fl(env);
        const h = fh(env);
        const ge = v === null || l === null ? null : compareValues(v, l) >= 0;
        const le = v === null || h === null ? null : compareValues(v, h) <= 0;
        const r = and3(ge, le);
        return not && r !== null ? !r : r;
      });
    }
    case 'in': {
      const a = compileExpr(e.arg, c);
      const list = e.list.map((x) => compileExpr(x, c));
      for (const [i, x] of list.entries()) {
        if (!comparable(a.type, x.type)) {
          c.problems.error(
            (e.list[i] as Expr).span,
            `IN list value of type ${showType(x.type)} cannot be compared with ${showType(a.type)}`,
          );
        }
      }
      const fa = a.fn;
      const fns = list.map((x) => x.fn);
      const not = e.not;
      return derived(BOOL, [a, ...list], (env) => {
        const v = fa(env);
        if (v === null) return null;
        let sawNull = false;
        for (const f of fns) {
          const w = f(env);
          if (w === null) sawNull = true;
          else if (compareValues(v, w) === 0) return !not;
        }
        return sawNull ? null : not;
      });
    }
    case 'like':
      return compileLike(e, c);
    case 'is': {
      const a = compileExpr(e.arg, c);
      if (
        (e.test === 'TRUE' || e.test === 'FALSE' || e.test === 'UNKNOWN') &&
        !isLoose(a.type) &&
        a.type.base !== 'BOOLEAN'
      ) {
        c.problems.error(e.span, `IS ${e.test} needs a BOOLEAN, not ${showType(a.type)}`);
      }
      const f = a.fn;
      const not = e.not;
      const test =
        e.test === 'NULL' || e.test === 'UNKNOWN'
          ? (v: SqlValue) => v === null
          : e.test === 'TRUE'
            ? (v: SqlValue) => v === true
            : (v: SqlValue) => v === false;
      return derived(BOOL, [a], (env) => test(f(env)) !== not);
    }
    case 'call':
      return compileCall(e, c);
  }
}

/** A compiled expression over sub-expressions: constant / time-only when all parts are. */
export function derived(type: SqlType, parts: Compiled[], fn: Fn): Compiled {
  return {
    type,
    fn,
    mono: false,
    timeOnly: parts.every((p) => p.timeOnly),
    constant: parts.every((p) => p.constant),
  };
}

export function and3(a: SqlValue, b: SqlValue): boolean | null {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

function or3(a: SqlValue, b: SqlValue): boolean | null {
  if (a === true || b === true) return true;
  if (a === null || b === null) return null;
  return false;
}

function compileRef(e: Expr & { kind: 'ref' }, c: ExprContext): Compiled {
  const r = c.scope.resolve(e.parts);
  if (r.kind === 'error') {
    const field = compileField(e, c);
    if (field) return field;
    c.problems.error(e.span, r.message);
    return placeholder();
  }
  if (r.kind === 'rowtime') {
    const s = r.source;
    // -1: the output row's own time (bare ROWTIME over a join); NaN marks the NULL side of an outer join.
    const fn: Fn =
      s < 0
        ? (env) => env.t
        : (env) => {
            const x = env.ts[s];
            return x === undefined ? env.t : Number.isNaN(x) ? null : x;
          };
    return { type: { base: 'TIMESTAMP' }, fn, mono: true, timeOnly: true, constant: false, rowtimeSource: s };
  }
  const i = r.index;
  return {
    type: r.type,
    fn: (env) => env.v[i] ?? null,
    mono: r.mono,
    timeOnly: false,
    constant: false,
    column: i,
  };
}

function compileUnary(e: Expr & { kind: 'unary' }, c: ExprContext): Compiled {
  const a = compileExpr(e.arg, c);
  const f = a.fn;
  if (e.op === 'NOT') {
    if (!isLoose(a.type) && a.type.base !== 'BOOLEAN')
      c.problems.error(e.span, `NOT needs a BOOLEAN, not ${showType(a.type)}`);
    return derived(BOOL, [a], (env) => {
      const v = f(env);
      return v === null ? null : !v;
    });
  }
  if (!isLoose(a.type) && !isNum(a.type) && !isInterval(a.type)) {
    c.problems.error(e.span, `Unary ${e.op} needs a number, not ${showType(a.type)}`);
  }
  if (e.op === '+') return a;
  return derived(a.type, [a], (env) => {
    const v = f(env);
    return typeof v === 'number' ? -v : null;
  });
}

const div = (a: number, b: number, ints: boolean): number => {
  if (b === 0) throw new SqlRuntimeError('Division by zero');
  return ints ? Math.trunc(a / b) : a / b;
};

function compileBinary(e: Expr & { kind: 'binary' }, c: ExprContext): Compiled {
  const l = compileExpr(e.left, c);
  const r = compileExpr(e.right, c);
  const [fl, fr] = [l.fn, r.fn];
  const lt = l.type;
  const rt = r.type;
  const bad = (what: string): Compiled => {
    c.problems.error(e.span, `${e.op} ${what}: got ${showType(lt)} ${e.op} ${showType(rt)}`);
    return placeholder();
  };
  switch (e.op) {
    case 'AND':
    case 'OR': {
      for (const [x, side] of [
        [l, e.left],
        [r, e.right],
      ] as const) {
        if (!isLoose(x.type) && x.type.base !== 'BOOLEAN')
          c.problems.error(side.span, `${e.op} needs BOOLEAN operands, not ${showType(x.type)}`);
      }
      const op = e.op === 'AND' ? and3 : or3;
      // Short-circuit the common cases before calling the 3-valued helper.
      if (e.op === 'AND')
        return derived(BOOL, [l, r], (env) => (fl(env) === false ? false : op(fl(env), fr(env))));
      return derived(BOOL, [l, r], (env) => (fl(env) === true ? true : op(fl(env), fr(env))));
    }
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (!comparable(lt, rt)) return bad('compares values that cannot be compared');
      const op = e.op;
      const simple =
        (isNum(lt) && isNum(rt)) || (isChar(lt) && isChar(rt)) || (isDatetime(lt) && isDatetime(rt));
      const cmp: (a: SqlValue, b: SqlValue) => boolean = simple
        ? op === '='
          ? (a, b) => a === b
          : op === '<>'
            ? (a, b) => a !== b
            : op === '<'
              ? (a, b) => (a as number) < (b as number)
              : op === '<='
                ? (a, b) => (a as number) <= (b as number)
                : op === '>'
                  ? (a, b) => (a as number) > (b as number)
                  : (a, b) => (a as number) >= (b as number)
        : (a, b) => {
            const k = compareValues(a, b);
            return op === '='
              ? k === 0
              : op === '<>'
                ? k !== 0
                : op === '<'
                  ? k < 0
                  : op === '<='
                    ? k <= 0
                    : op === '>'
                      ? k > 0
                      : k >= 0;
          };
      if ((lt.base === 'CHAR' || rt.base === 'CHAR') && isChar(lt) && isChar(rt)) {
        // CHAR(n) is blank-padded: compare without trailing spaces ('ab  ' = 'ab'), as SQL's PAD SPACE.
        const unpad = (v: SqlValue) => (typeof v === 'string' ? v.replace(/ +$/, '') : v);
        return derived(BOOL, [l, r], (env) => {
          const a = fl(env);
          if (a === null) return null;
          const b = fr(env);
          return b === null ? null : cmp(unpad(a), unpad(b));
        });
      }
      return derived(BOOL, [l, r], (env) => {
        const a = fl(env);
        if (a === null) return null;
        const b = fr(env);
        return b === null ? null : cmp(a, b);
      });
    }
    case 'IS DISTINCT FROM':
    case 'IS NOT DISTINCT FROM': {
      if (!comparable(lt, rt)) return bad('compares values that cannot be compared');
      const distinct = e.op === 'IS DISTINCT FROM';
      return derived(BOOL, [l, r], (env) => {
        const a = fl(env);
        const b = fr(env);
        const same = a === null || b === null ? a === b : compareValues(a, b) === 0;
        return same !== distinct;
      });
    }
    case '||': {
      if (!(isLoose(lt) || isChar(lt)) || !(isLoose(rt) || isChar(rt))) {
        return bad('joins character strings (CAST other values AS VARCHAR(n) first)');
      }
      const len = (lt.length ?? 1024) + (rt.length ?? 1024);
      return derived({ base: 'VARCHAR', length: len }, [l, r], (env) => {
        const a = fl(env);
        const b = fr(env);
        return a === null || b === null ? null : String(a) + String(b);
      });
    }
    default:
      return compileArithmetic(e, c, l, r, bad);
  }
}

function compileArithmetic(
  e: Expr & { kind: 'binary' },
  _c: ExprContext,
  l: Compiled,
  r: Compiled,
  bad: (what: string) => Compiled,
): Compiled {
  const [fl, fr, lt, rt, op] = [l.fn, r.fn, l.type, r.type, e.op];
  const num2 = (type: SqlType, f: (a: number, b: number) => number): Compiled => {
    const out = derived(type, [l, r], (env) => {
      const a = fl(env);
      if (a === null) return null;
      const b = fr(env);
      return b === null ? null : f(a as number, b as number);
    });
    // x ± c, x * c, x / c keep ROWTIME-monotonicity (windows like (ROWTIME - t0) / 10).
    if ((l.mono && r.constant) || (op === '+' && r.mono && l.constant)) out.mono = true;
    return out;
  };
  if ((isNum(lt) || isLoose(lt)) && (isNum(rt) || isLoose(rt))) {
    const type = widerNum(lt, rt);
    const ints = isInt(lt) && isInt(rt);
    switch (op) {
      case '+':
        return num2(type, (a, b) => a + b);
      case '-':
        return num2(type, (a, b) => a - b);
      case '*':
        return num2(type, (a, b) => a * b);
      case '/':
        return num2(type, (a, b) => div(a, b, ints));
      default:
        return num2(type, (a, b) => {
          if (b === 0) throw new SqlRuntimeError('Division by zero in %');
          return a % b;
        });
    }
  }
  const ym = (t: SqlType) => t.base === 'INTERVAL_YEAR_MONTH';
  if (isDatetime(lt) && isInterval(rt) && (op === '+' || op === '-')) {
    const sign = op === '+' ? 1 : -1;
    if (ym(rt)) return num2(lt, (a, b) => addMonthsMs(a, sign * b));
    return num2(lt, (a, b) => a + sign * b);
  }
  if (isInterval(lt) && isDatetime(rt) && op === '+') {
    if (ym(lt)) return num2(rt, (a, b) => addMonthsMs(b, a));
    return num2(rt, (a, b) => a + b);
  }
  if (isDatetime(lt) && isDatetime(rt) && op === '-') {
    const why = differenceProblem(lt, rt, false);
    if (why) {
      _c.problems.error(e.span, why);
      return placeholder();
    }
    return num2({ base: 'INTERVAL_DAY_TIME' }, (a, b) => a - b);
  }
  if (isInterval(lt) && isInterval(rt) && (op === '+' || op === '-') && lt.base === rt.base) {
    // INTERVAL '2' DAY + INTERVAL '3' HOUR is a DAY TO HOUR interval: the qualifiers' union.
    return num2(mergeQualifiers(lt, rt), op === '+' ? (a, b) => a + b : (a, b) => a - b);
  }
  if (isInterval(lt) && isNum(rt) && (op === '*' || op === '/')) {
    return num2(lt, op === '*' ? (a, b) => Math.trunc(a * b) : (a, b) => Math.trunc(div(a, b, false)));
  }
  if (isNum(lt) && isInterval(rt) && op === '*') return num2(rt, (a, b) => Math.trunc(a * b));
  if (isInterval(lt) && isLoose(rt)) return num2(lt, (a, b) => a + b);
  return bad('needs numbers (or a datetime and an INTERVAL)');
}

function addMonthsMs(ms: number, months: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

function compileCase(e: Expr & { kind: 'case' }, c: ExprContext): Compiled {
  const operand = e.operand ? compileExpr(e.operand, c) : undefined;
  const whens = e.whens.map((w) => ({
    when: compileExpr(w.when, c),
    result: compileExpr(w.result, c),
    span: w.when.span,
  }));
  const other = e.else ? compileExpr(e.else, c) : undefined;
  for (const w of whens) {
    if (
      operand
        ? !comparable(operand.type, w.when.type)
        : !isLoose(w.when.type) && w.when.type.base !== 'BOOLEAN'
    ) {
      c.problems.error(
        w.span,
        operand
          ? `WHEN value of type ${showType(w.when.type)} cannot be compared with ${showType(operand.type)}`
          : 'WHEN needs a condition (BOOLEAN)',
      );
    }
  }
  const results = [...whens.map((w) => w.result), ...(other ? [other] : [])];
  let type = commonOf(results.map((r) => r.type));
  if (!type) {
    c.problems.error(
      e.span,
      `CASE branches have types that do not mix: ${results.map((r) => showType(r.type)).join(', ')}`,
    );
    type = ANY;
  }
  const conds = whens.map((w) => w.when.fn);
  const vals = whens.map((w) => w.result.fn);
  const elseFn = other?.fn ?? nullFn;
  const n = conds.length;
  const fo = operand?.fn;
  const fn: Fn = fo
    ? (env) => {
        const v = fo(env);
        if (v !== null)
          for (let i = 0; i < n; i++)
            if (compareValues(v, (conds[i] as Fn)(env)) === 0) return (vals[i] as Fn)(env);
        return elseFn(env);
      }
    : (env) => {
        for (let i = 0; i < n; i++) if ((conds[i] as Fn)(env) === true) return (vals[i] as Fn)(env);
        return elseFn(env);
      };
  return derived(
    type,
    [...(operand ? [operand] : []), ...whens.flatMap((w) => [w.when, w.result]), ...(other ? [other] : [])],
    fn,
  );
}

function compileLike(e: Expr & { kind: 'like' }, c: ExprContext): Compiled {
  const a = compileExpr(e.arg, c);
  const p = compileExpr(e.pattern, c);
  const esc = e.escape ? compileExpr(e.escape, c) : undefined;
  const word = e.similar ? 'SIMILAR TO' : 'LIKE';
  for (const x of [a, p, ...(esc ? [esc] : [])]) {
    if (!isLoose(x.type) && !isChar(x.type))
      c.problems.error(e.span, `${word} needs character strings, not ${showType(x.type)}`);
  }
  const toRe = e.similar ? similarToRegExp : likeToRegExp;
  const fa = a.fn;
  const not = e.not;
  let fixed: RegExp | undefined;
  if (p.constant && typeof p.literal === 'string' && (!esc || typeof esc.literal === 'string')) {
    try {
      fixed = toRe(p.literal, esc?.literal as string | undefined);
    } catch (err) {
      c.problems.error(e.pattern.span, (err as Error).message);
    }
  }
  const fp = p.fn;
  const fe = esc?.fn;
  return derived(BOOL, [a, p], (env) => {
    const v = fa(env);
    if (v === null) return null;
    let re = fixed;
    if (!re) {
      const pat = fp(env);
      const ch = fe ? fe(env) : undefined;
      if (pat === null || ch === null) return null;
      re = toRe(String(pat), ch === undefined ? undefined : String(ch));
    }
    return re.test(String(v)) !== not;
  });
}

function compileCall(e: Expr & { kind: 'call' }, c: ExprContext): Compiled {
  const name = e.name.name.toUpperCase();
  if (e.over) {
    c.problems.error(e.over.span, `OVER is not allowed ${c.where}`);
    return placeholder();
  }
  if (AGGREGATES.has(name) && !e.name.quoted) {
    c.problems.error(e.span, `Aggregate ${name} is not allowed ${c.where}`);
    return placeholder();
  }
  const fn = e.name.quoted ? SCALAR_FUNCTIONS[e.name.name] : SCALAR_FUNCTIONS[name];
  const args = e.args.map((a) => compileExpr(a, c));
  if (e.form === 'similar') return compileSubstringSimilar(e, args, c);
  const intervalRound = roundInterval(name, e, args) ?? fastTimeRound(name, e, args);
  if (intervalRound) return intervalRound;
  if (!fn) {
    c.problems.error(e.name.span, `Unknown function ${e.name.text}${suggest(name)}`);
    return placeholder();
  }
  if (args.length < fn.minArgs || args.length > fn.maxArgs) {
    const want =
      fn.minArgs === fn.maxArgs
        ? `${fn.minArgs}`
        : fn.maxArgs === Number.POSITIVE_INFINITY
          ? `at least ${fn.minArgs}`
          : `${fn.minArgs} to ${fn.maxArgs}`;
    c.problems.error(
      e.span,
      `${fn.name} takes ${want} argument${want === '1' ? '' : 's'}, not ${args.length}`,
    );
    return placeholder();
  }
  const argTypes = args.map((a) => a.type);
  let type: SqlType;
  try {
    type = fn.returnType(
      argTypes,
      args.map((a) => a.literal),
    );
  } catch (err) {
    c.problems.error(e.span, (err as Error).message);
    return placeholder();
  }
  const fns = args.map((a) => a.fn);
  const ctx: EvalContext = { rowtime: 0 };
  const n = fns.length;
  const evaluate = fn.evaluate;
  const call: Fn = (env) => {
    const vals: SqlValue[] = new Array(n);
    for (let i = 0; i < n; i++) vals[i] = (fns[i] as Fn)(env);
    ctx.rowtime = env.t;
    return evaluate(vals, argTypes, ctx);
  };
  const out = derived(type, args, call);
  // CURRENT_ROW_TIMESTAMP & co read the row's time: not constant.
  if (args.length === 0) {
    out.constant = false;
    out.timeOnly = true;
  }
  const first = args[0];
  if ((name === 'STEP' || name === 'FLOOR' || name === 'CEIL' || name === 'CEILING') && first?.mono) {
    out.mono = args.slice(1).every((a) => a.constant);
  }
  return out;
}

/**
 * FLOOR / CEIL of a day-time INTERVAL to a unit (`FLOOR((ROWTIME - t0) SECOND / 10 TO SECOND)`, a
 * common KDA idiom for N-second windows): rounds the ms to whole units; monotonic like its input.
 */
function roundInterval(name: string, e: Expr & { kind: 'call' }, args: Compiled[]): Compiled | undefined {
  if (!['FLOOR', 'CEIL', 'CEILING'].includes(name) || e.name.quoted) return undefined;
  const a = args[0];
  const unit = args[1]?.literal;
  if (a?.type.base !== 'INTERVAL_DAY_TIME' || (args.length === 2 && typeof unit !== 'string'))
    return undefined;
  const step = args.length === 2 ? (UNIT_MS[String(unit)] ?? 1) : 1;
  const round = name === 'FLOOR' ? Math.floor : Math.ceil;
  const f = a.fn;
  return {
    type: a.type,
    fn: (env) => {
      const v = f(env);
      return typeof v === 'number' ? round(v / step) * step : null;
    },
    mono: a.mono,
    timeOnly: a.timeOnly,
    constant: a.constant,
  };
}

/**
 * The window functions on the hot path, inlined: STEP(ts BY constant interval) and
 * FLOOR(ts TO SECOND|MINUTE|HOUR|DAY) on a TIMESTAMP (same results as the library's versions,
 * without an argument array and a registry call per row).
 */
function fastTimeRound(name: string, e: Expr & { kind: 'call' }, args: Compiled[]): Compiled | undefined {
  const [a, b] = args;
  if (e.name.quoted || args.length !== 2 || !a || !b || a.type.base !== 'TIMESTAMP' || !b.constant)
    return undefined;
  let step: number | undefined;
  if (
    name === 'STEP' &&
    b.type.base === 'INTERVAL_DAY_TIME' &&
    typeof b.literal === 'number' &&
    b.literal > 0
  )
    step = b.literal;
  if (
    name === 'FLOOR' &&
    typeof b.literal === 'string' &&
    ['SECOND', 'MINUTE', 'HOUR', 'DAY'].includes(b.literal)
  ) {
    step = UNIT_MS[b.literal];
  }
  if (step === undefined) return undefined;
  const w = step;
  const f = a.fn;
  return {
    type: a.type,
    fn: (env) => {
      const v = f(env);
      return typeof v === 'number' ? Math.floor(v / w) * w : null;
    },
    mono: a.mono,
    timeOnly: a.timeOnly,
    constant: a.constant,
    ...(a.rowtimeSource !== undefined ? { stepOf: { source: a.rowtimeSource, ms: w } } : {}),
  };
}

function suggest(name: string): string {
  const names = Object.keys(SCALAR_FUNCTIONS).concat([...AGGREGATES]);
  let best = '';
  let bestD = 3;
  for (const n of names) {
    const d = distance(name, n);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best ? `: did you mean ${best}?` : '';
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 99;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0] as number;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j] as number;
      dp[j] = Math.min(
        (dp[j] as number) + 1,
        (dp[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return dp[b.length] as number;
}
