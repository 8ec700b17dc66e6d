/**
 * Expression forms the SQL Reference's examples use that need more than the core compiler:
 * field access on a ROW value (`t.r."COLUMN1"`, the log parsers' idiom) and
 * `SUBSTRING(s SIMILAR p ESCAPE e)`.
 */
import type { Expr } from './ast.ts';
import { type Compiled, derived, type ExprContext, type Fn, placeholder } from './compileExpr.ts';
import { similarToRegExp } from './functions/patterns.ts';
import type { SqlType, SqlValue } from './types.ts';
import { SqlRuntimeError } from './types.ts';
import { isChar, isLoose, showType } from './typing.ts';

/** `x.f` on a plain object row value; own properties only (a field named `constructor` is data). */
function fieldOf(v: SqlValue, name: string): SqlValue {
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return null;
  return Object.hasOwn(v, name) ? ((v as Record<string, SqlValue>)[name] ?? null) : null;
}

/**
 * `t.r."COLUMN1"` / `r.COLUMN1`: the longest prefix that names a column of ROW type, then its
 * fields. Undefined when no prefix is a ROW column (the caller reports the unknown name).
 */
export function compileField(e: Expr & { kind: 'ref' }, c: ExprContext): Compiled | undefined {
  for (let k = e.parts.length - 1; k >= 1; k--) {
    const r = c.scope.resolve(e.parts.slice(0, k));
    if (r.kind !== 'column' || r.type.base !== 'ROW') continue;
    let type: SqlType = r.type;
    const names: string[] = [];
    for (const part of e.parts.slice(k)) {
      const fields = type.fields ?? [];
      const f =
        fields.find((x) => x.name === part.name) ??
        (part.quoted ? undefined : fields.find((x) => x.name.toUpperCase() === part.name));
      if (!f) {
        c.problems.error(
          part.span,
          `${showType(type)} value has no field ${part.text}${fields.length ? ` (fields: ${fields.map((x) => x.name).join(', ')})` : ''}`,
        );
        return placeholder();
      }
      names.push(f.name);
      type = f.type;
    }
    const i = r.index;
    const fn: Fn =
      names.length === 1
        ? (env) => fieldOf(env.v[i] ?? null, names[0] as string)
        : (env) => {
            let v: SqlValue = env.v[i] ?? null;
            for (const n of names) v = fieldOf(v, n);
            return v;
          };
    return { type, fn, mono: false, timeOnly: false, constant: false };
  }
  return undefined;
}

/**
 * SUBSTRING(s SIMILAR 'a<e>"b<e>"c' ESCAPE '<e>') (SQL:2008): the whole of s must match a·b·c;
 * the result is the part matched by b. NULL when s does not
 * match; a pattern without exactly two `<e>"` markers is an error.
 */
export function compileSubstringSimilar(
  e: Expr & { kind: 'call' },
  args: Compiled[],
  c: ExprContext,
): Compiled {
  const [s, p, esc] = args as [Compiled, Compiled, Compiled];
  for (const x of args) {
    if (!isLoose(x.type) && !isChar(x.type)) {
      c.problems.error(e.span, `SUBSTRING … SIMILAR needs character strings, not ${showType(x.type)}`);
      return placeholder();
    }
  }
  let fixed: RegExp | undefined;
  if (typeof p.literal === 'string' && typeof esc.literal === 'string') {
    try {
      fixed = substringRegExp(p.literal, esc.literal);
    } catch (err) {
      c.problems.error((e.args[1] as Expr).span, (err as Error).message);
    }
  }
  const [fs, fp, fe] = [s.fn, p.fn, esc.fn];
  const type: SqlType = { base: 'VARCHAR', ...(s.type.length ? { length: s.type.length } : {}) };
  return derived(type, args, (env) => {
    const v = fs(env);
    if (v === null) return null;
    let re = fixed;
    if (!re) {
      const pat = fp(env);
      const ch = fe(env);
      if (pat === null || ch === null) return null;
      re = substringRegExp(String(pat), String(ch));
    }
    const m = re.exec(String(v));
    return m ? (m[1] ?? '') : null;
  });
}

const cache = new Map<string, RegExp>();

function substringRegExp(pattern: string, esc: string): RegExp {
  const key = `${esc}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (esc.length !== 1) throw new SqlRuntimeError('SUBSTRING … SIMILAR: the ESCAPE must be one character');
  const marker = `${esc}"`;
  const parts = pattern.split(marker);
  if (parts.length !== 3)
    throw new SqlRuntimeError(
      `SUBSTRING … SIMILAR: the pattern needs exactly two ${marker} markers around the part to return`,
    );
  const src = parts.map((x) => {
    const s = similarToRegExp(x, esc).source; // ^(?:…)$
    return s.slice(4, -2);
  });
  // JavaScript's backtracking decides how a and c share the text (greedy, left first).
  const simple = new RegExp(`^(?:${src[0]})(${src[1]})(?:${src[2]})$`, 's');
  if (cache.size > 256) cache.clear();
  cache.set(key, simple);
  return simple;
}
