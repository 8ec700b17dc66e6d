/**
 * Pattern matchers: SQL LIKE, SQL SIMILAR TO, and Java regular expressions (REGEX_REPLACE and the
 * log parsers use java.util.regex syntax) translated to JavaScript RegExp.
 * Compiled patterns are cached: a query applies the same literal pattern to every row.
 */
import { SqlRuntimeError } from '../types.ts';

const JS_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const escapeJs = (s: string): string => s.replace(JS_SPECIAL, '\\$&');

const likeCache = new Map<string, RegExp>();
const similarCache = new Map<string, RegExp>();
const javaCache = new Map<string, RegExp>();

function remember(cache: Map<string, RegExp>, key: string, re: RegExp): RegExp {
  if (cache.size > 512) cache.clear();
  cache.set(key, re);
  return re;
}

function checkEscape(esc: string | undefined, what: string): void {
  if (esc !== undefined && esc.length !== 1) {
    throw new SqlRuntimeError(`${what}: the ESCAPE character must be exactly one character, got '${esc}'`);
  }
}

/**
 * `x LIKE pattern [ESCAPE e]`: `%` any run, `_` one character, `e` makes the next character literal.
 * The whole value must match; case-sensitive (KDA compares VARCHAR exactly).
 */
export function likeToRegExp(pattern: string, esc?: string): RegExp {
  const key = `${esc ?? ''}\u0000${pattern}`;
  const hit = likeCache.get(key);
  if (hit) return hit;
  checkEscape(esc, 'LIKE');
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (esc !== undefined && c === esc) {
      const next = pattern.charAt(i + 1);
      if (next !== '%' && next !== '_' && next !== esc) {
        throw new SqlRuntimeError(`LIKE: invalid escape sequence '${c}${next}' in '${pattern}'`);
      }
      src += escapeJs(next);
      i++;
    } else if (c === '%') src += '.*';
    else if (c === '_') src += '.';
    else src += escapeJs(c);
  }
  return remember(likeCache, key, new RegExp(`^${src}$`, 's'));
}

const POSIX_CLASSES: Record<string, string> = {
  ALPHA: 'A-Za-z',
  UPPER: 'A-Z',
  LOWER: 'a-z',
  DIGIT: '0-9',
  ALNUM: 'A-Za-z0-9',
  SPACE: ' \\t\\n\\r\\f\\v',
  WHITESPACE: ' \\t\\n\\r\\f\\v',
};

/**
 * `x SIMILAR TO pattern [ESCAPE e]` (SQL:2008 regular expressions): `%` and `_` as in LIKE, plus
 * `|`, `*`, `+`, `?`, `{m,n}`, `( )` and `[...]` bracket expressions (with `[:ALPHA:]`-style classes).
 * Every other character, including `.`, is literal.
 */
export function similarToRegExp(pattern: string, esc?: string): RegExp {
  const key = `${esc ?? ''}\u0000${pattern}`;
  const hit = similarCache.get(key);
  if (hit) return hit;
  checkEscape(esc, 'SIMILAR TO');
  let src = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (esc !== undefined && c === esc) {
      if (i + 1 >= pattern.length)
        throw new SqlRuntimeError(`SIMILAR TO: pattern ends with the escape character`);
      src += escapeJs(pattern.charAt(++i));
    } else if (c === '%') src += '.*';
    else if (c === '_') src += '.';
    else if (c === '(') {
      depth++;
      src += '(?:';
    } else if (c === ')') {
      if (--depth < 0) throw new SqlRuntimeError(`SIMILAR TO: unbalanced ')' in '${pattern}'`);
      src += ')';
    } else if (c === '|' || c === '*' || c === '+' || c === '?') src += c;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (!m) throw new SqlRuntimeError(`SIMILAR TO: bad repetition at position ${i + 1} in '${pattern}'`);
      src += m[0];
      i += m[0].length - 1;
    } else if (c === '[') {
      let j = i + 1;
      let body = '';
      if (pattern.charAt(j) === '^') {
        body = '^';
        j++;
      }
      for (;;) {
        if (j >= pattern.length) throw new SqlRuntimeError(`SIMILAR TO: unterminated '[' in '${pattern}'`);
        const d = pattern.charAt(j);
        if (d === ']' && body !== '' && body !== '^') break;
        if (pattern.startsWith('[:', j)) {
          const close = pattern.indexOf(':]', j + 2);
          const name = close < 0 ? '' : pattern.slice(j + 2, close);
          const cls = POSIX_CLASSES[name];
          if (!cls) throw new SqlRuntimeError(`SIMILAR TO: unknown character class in '${pattern}'`);
          body += cls;
          j = close + 2;
        } else {
          body += d === '\\' || d === ']' || d === '[' || (d === '^' && body !== '') ? `\\${d}` : d;
          j++;
        }
      }
      src += `[${body}]`;
      i = j;
    } else src += escapeJs(c);
  }
  if (depth !== 0) throw new SqlRuntimeError(`SIMILAR TO: unbalanced '(' in '${pattern}'`);
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${src})$`, 's');
  } catch {
    // e.g. a quantifier with nothing to repeat: '*abc' or 'a|+'
    throw new SqlRuntimeError(`SIMILAR TO: invalid pattern '${pattern}'`);
  }
  return remember(similarCache, key, re);
}

/**
 * A java.util.regex pattern as a JavaScript RegExp. Handles the differences that show up in KDA
 * examples: leading inline flags `(?i)`/`(?s)`/`(?m)`, `\A`, `\z`, `\Z`, possessive quantifiers
 * (treated as greedy) and `\p{Alpha}`-style POSIX classes. Throws SqlRuntimeError for an invalid one.
 */
export function javaRegExp(pattern: string, fn: string, global = false): RegExp {
  const key = `${global ? 'g' : ''}\u0000${pattern}`;
  const hit = javaCache.get(key);
  if (hit) return new RegExp(hit.source, hit.flags);
  let src = pattern;
  let flags = global ? 'g' : '';
  const inline = /^\(\?([imsx]+)\)/.exec(src);
  if (inline) {
    for (const f of inline[1] as string) if (f !== 'x' && !flags.includes(f)) flags += f;
    src = src.slice(inline[0].length);
  }
  src = src
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '(?![\\s\\S])')
    .replace(/\\Z/g, '(?=\\n?(?![\\s\\S]))')
    .replace(/([*+?}])\+/g, '$1')
    .replace(/\\p\{Alpha\}/g, '[A-Za-z]')
    .replace(/\\p\{Digit\}/g, '[0-9]')
    .replace(/\\p\{Alnum\}/g, '[A-Za-z0-9]')
    .replace(/\\p\{Upper\}/g, '[A-Z]')
    .replace(/\\p\{Lower\}/g, '[a-z]')
    .replace(/\\p\{Punct\}/g, '[!-\\/:-@[-`{-~]')
    .replace(/\\p\{Space\}/g, '\\s');
  let re: RegExp;
  try {
    re = new RegExp(src, flags);
  } catch (e) {
    throw new SqlRuntimeError(`${fn}: invalid regular expression '${pattern}': ${(e as Error).message}`);
  }
  remember(javaCache, key, re);
  return new RegExp(re.source, re.flags);
}

/** Java's replacement syntax (`$1`, `\$` for a literal dollar) as a function usable with String.replace. */
export function javaReplacement(
  replacement: string,
  fn: string,
): (match: string, groups: string[]) => string {
  const parts: (string | number)[] = [];
  let lit = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement.charAt(i);
    if (c === '\\') {
      if (i + 1 >= replacement.length) throw new SqlRuntimeError(`${fn}: replacement ends with '\\'`);
      lit += replacement.charAt(++i);
    } else if (c === '$') {
      const m = /^\d+/.exec(replacement.slice(i + 1));
      if (!m) throw new SqlRuntimeError(`${fn}: illegal group reference in replacement '${replacement}'`);
      if (lit) parts.push(lit);
      lit = '';
      parts.push(Number(m[0]));
      i += m[0].length;
    } else lit += c;
  }
  if (lit) parts.push(lit);
  return (match, groups) => {
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') out += p;
      else if (p === 0) out += match;
      else {
        if (p > groups.length) throw new SqlRuntimeError(`${fn}: no group ${p} in the regular expression`);
        out += groups[p - 1] ?? '';
      }
    }
    return out;
  };
}

/**
 * Makes every quantifier of a regex lazy (`*` → `*?`, `+` → `+?`, `?` → `??`, `{m,n}` → `{m,n}?`),
 * leaving escapes, character classes and group syntax (`(?:`, `(?<name>`) alone. FAST_REGEX_LOG_PARSE
 * evaluates with lazy semantics ("stops at the first match"), unlike REGEX_LOG_PARSE.
 */
export function lazyQuantifiers(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    out += c;
    if (c === '\\') {
      out += src.charAt(++i);
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    const prev = src.charAt(i - 1);
    const isQuantifier = c === '*' || c === '+' || c === '}' || (c === '?' && prev !== '(');
    if (!isQuantifier) continue;
    if (c === '}' && !/\{\d+(,\d*)?\}$/.test(out)) continue;
    const next = src.charAt(i + 1);
    if (next === '?' || next === '+') {
      // Already lazy, or possessive (Java's `*+`): either way the result is the lazy form.
      out += '?';
      i++;
      continue;
    }
    out += '?';
  }
  return out;
}
