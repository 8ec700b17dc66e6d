/**
 * Log parsing functions (KDA SQL Reference, "Log Parsing Functions"). Each returns a ROW whose fields
 * are read as `t.r.COLUMN1` after `FROM (SELECT STREAM W3C_LOG_PARSE(msg, 'COMMON') FROM …) AS t(r)`.
 * - REGEX_LOG_PARSE / FAST_REGEX_LOG_PARSE(s, regex [, columns]): one column per capture group,
 *   COLUMN1…COLUMNn VARCHAR(1024); NULL when the regex does not match the whole string.
 * - W3C_LOG_PARSE(s, format): Apache log formats; one column per specifier, COLUMN1…, VARCHAR(1024).
 * - VARIABLE_COLUMN_LOG_PARSE(s, columns, delimiter [, escape [, quote]]): delimited fields, either
 *   a count (COLUMN1…n VARCHAR(1024)) or a typed column list.
 * The format arguments must be literals: they decide the ROW's columns when the query is validated.
 */
import type { ScalarFunction, SqlType, SqlValue } from '../types.ts';
import { SqlRuntimeError } from '../types.ts';
import { FIXED_COLUMN_LOG_PARSE, rowObject, SYS_LOG_PARSE } from './logparseFixed.ts';
import { javaRegExp, lazyQuantifiers } from './patterns.ts';
import { type ColumnSpec, castText, parseColumnList } from './typeText.ts';
import { CHAR_TYPES, expectArg, NUMERIC_TYPES, str, strict, T, toRecord } from './util.ts';

const VARCHAR_1024 = T.varchar(1024);

const numbered = (n: number): ColumnSpec[] =>
  Array.from({ length: n }, (_, i) => ({ name: `COLUMN${i + 1}`, type: VARCHAR_1024 }));

const rowTypeOf = (cols: ColumnSpec[]): SqlType => T.row(cols.map((c) => ({ name: c.name, type: c.type })));

function literalString(fn: string, literals: (SqlValue | undefined)[], i: number, what: string): string {
  const v = literals[i];
  if (typeof v !== 'string')
    throw new Error(`${fn}: ${what} must be a string literal (it decides the output columns)`);
  return v;
}

function groupCount(re: RegExp): number {
  return (new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('') as RegExpExecArray).length - 1;
}

function toRow(cols: ColumnSpec[], values: (string | undefined)[], fn: string): { [k: string]: SqlValue } {
  return rowObject(
    cols.map((c) => c.name),
    cols.map((c, i) => {
      const v = values[i];
      return v === undefined ? null : castText(v, c, fn);
    }),
  );
}

/**
 * REGEX_LOG_PARSE matches greedily (java.util.regex); FAST_REGEX_LOG_PARSE "uses a lazy search":
 * every quantifier is made lazy. Both must account for the whole input string (else NULL).
 * FAST_REGEX's own automaton syntax (`@`, `#`, `<n-m>`, `&`) is not supported: patterns are Java
 * regular expressions.
 */
function regexParse(name: string, lazy = false): ScalarFunction {
  const columnsFor = (regex: string, columnText: unknown): ColumnSpec[] => {
    const n = groupCount(javaRegExp(regex, name));
    if (typeof columnText === 'string' && columnText.trim()) {
      const cols = parseColumnList(columnText, name);
      if (cols.length > n)
        throw new Error(`${name}: ${cols.length} columns named but the regex has ${n} groups`);
      return [...cols, ...numbered(n).slice(cols.length)];
    }
    return numbered(n);
  };
  return strict(
    name,
    2,
    3,
    (argTypes, literals) => {
      expectArg(name, argTypes, 0, CHAR_TYPES, 'a character string');
      const regex = literalString(name, literals, 1, 'the regular expression');
      try {
        return rowTypeOf(columnsFor(regex, literals[2]));
      } catch (e) {
        throw new Error((e as Error).message);
      }
    },
    ([s, regex, columns]) => {
      const cols = columnsFor(str(regex as SqlValue, name), columns);
      const source = str(regex as SqlValue, name);
      const re = javaRegExp(`^(?:${lazy ? lazyQuantifiers(source) : source})$`, name);
      const m = re.exec(str(s as SqlValue, name));
      if (!m) return null;
      return toRow(cols, m.slice(1), name);
    },
  );
}

// ---- W3C_LOG_PARSE ------------------------------------------------------------------------------

const PREDEFINED: Record<string, string> = {
  COMMON: '%h %l %u %t "%r" %>s %b',
  'COMMON WITH VHOST': '%v %h %l %u %t "%r" %>s %b',
  'NCSA EXTENDED': '%h %l %u %t "%r" %>s %b "%[Referer]i" "%[User-agent]i"',
  REFERER: '%[Referer]i ---> %U',
  AGENT: '%[User-agent]i',
};

/** IIS logs are comma-separated: client IP, user, date, time, service, server, server IP, time taken,
 * bytes received, bytes sent, status, Windows status, method, target, parameters. */
const IIS_FIELDS = 15;

interface W3cPlan {
  re: RegExp;
  columns: number;
}

const w3cCache = new Map<string, W3cPlan>();

function w3cPlan(format: string): W3cPlan {
  const hit = w3cCache.get(format);
  if (hit) return hit;
  const key = format.trim().toUpperCase().replace(/\s+/g, ' ');
  if (key === 'IIS') {
    const plan = {
      re: new RegExp(`^${Array(IIS_FIELDS).fill('([^,]*)').join(',\\s*')},?\\s*$`),
      columns: IIS_FIELDS,
    };
    w3cCache.set(format, plan);
    return plan;
  }
  const spec = PREDEFINED[key] ?? format;
  // A specifier: % [!]codes… [<>] [{name} or [name]] letter.
  const SPEC = /%(?:!?[\d,]+)?[<>]?(?:\{[^}]*\}|\[[^\]]*\])?([a-zA-Z%])/g;
  let src = '^';
  let last = 0;
  let columns = 0;
  const found = [...spec.matchAll(SPEC)];
  if (found.length === 0) throw new SqlRuntimeError(`W3C_LOG_PARSE: '${format}' has no % format specifiers`);
  found.forEach((m, idx) => {
    const literal = spec.slice(last, m.index);
    src += literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ +/g, ' +');
    last = (m.index as number) + m[0].length;
    if (m[1] === '%') {
      src += '%';
      return;
    }
    columns++;
    const isLast = idx === found.length - 1 && spec.slice(last).trim() === '';
    const bracketed = literal.endsWith('[');
    // %t prints `[24/May/2004:22:01:02 -0700]`: the column keeps the brackets, as in the KDA example.
    if (m[1] === 't' && !bracketed) src += '(\\[[^\\]]*\\]|\\S+)';
    else src += isLast ? '(.*)' : '(.*?)';
  });
  src += `${spec.slice(last).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`;
  const plan = { re: new RegExp(src, 's'), columns };
  if (w3cCache.size > 64) w3cCache.clear();
  w3cCache.set(format, plan);
  return plan;
}

const W3C_LOG_PARSE = strict(
  'W3C_LOG_PARSE',
  2,
  2,
  (argTypes, literals) => {
    expectArg('W3C_LOG_PARSE', argTypes, 0, CHAR_TYPES, 'a character string');
    const format = literalString('W3C_LOG_PARSE', literals, 1, 'the log format');
    try {
      return rowTypeOf(numbered(w3cPlan(format).columns));
    } catch (e) {
      throw new Error((e as Error).message);
    }
  },
  ([s, format]) => {
    const plan = w3cPlan(str(format as SqlValue, 'W3C_LOG_PARSE'));
    const m = plan.re.exec(str(s as SqlValue, 'W3C_LOG_PARSE').replace(/\r?\n$/, ''));
    if (!m) return null;
    return toRow(numbered(plan.columns), m.slice(1), 'W3C_LOG_PARSE');
  },
);

// ---- VARIABLE_COLUMN_LOG_PARSE -----------------------------------------------------------------------

function vclpColumns(columns: SqlValue | undefined): ColumnSpec[] {
  if (typeof columns === 'number') {
    if (!Number.isInteger(columns) || columns < 1) {
      throw new Error(
        `VARIABLE_COLUMN_LOG_PARSE: the number of columns must be a positive integer, got ${columns}`,
      );
    }
    return numbered(columns);
  }
  if (typeof columns === 'string') {
    if (/^\s*\d+\s*$/.test(columns)) return numbered(Number(columns));
    return parseColumnList(columns, 'VARIABLE_COLUMN_LOG_PARSE');
  }
  throw new Error('VARIABLE_COLUMN_LOG_PARSE: columns must be a literal number or column list');
}

/** Splits on `delim`, honouring an escape character and begin/end quote characters. */
export function splitDelimited(s: string, delim: string, esc: string, quote: string): string[] {
  const open = quote.charAt(0);
  const close = quote.charAt(1) || open;
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (esc && c === esc && i + 1 < s.length) {
      cur += s.charAt(++i);
    } else if (inQuote) {
      if (c === close) inQuote = false;
      else cur += c;
    } else if (open && c === open) {
      inQuote = true;
    } else if (delim && s.startsWith(delim, i)) {
      out.push(cur);
      cur = '';
      i += delim.length - 1;
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const VARIABLE_COLUMN_LOG_PARSE = strict(
  'VARIABLE_COLUMN_LOG_PARSE',
  3,
  5,
  (argTypes, literals) => {
    expectArg('VARIABLE_COLUMN_LOG_PARSE', argTypes, 0, CHAR_TYPES, 'a character string');
    expectArg(
      'VARIABLE_COLUMN_LOG_PARSE',
      argTypes,
      1,
      new Set([...CHAR_TYPES, ...NUMERIC_TYPES]),
      'a column list',
    );
    expectArg('VARIABLE_COLUMN_LOG_PARSE', argTypes, 2, CHAR_TYPES, 'a delimiter string');
    return rowTypeOf(vclpColumns(literals[1]));
  },
  ([s, columns, delim, esc, quote]) => {
    const cols = vclpColumns(columns);
    const d = str(delim as SqlValue, 'VARIABLE_COLUMN_LOG_PARSE');
    if (d === '') throw new SqlRuntimeError('VARIABLE_COLUMN_LOG_PARSE: the delimiter must not be empty');
    const fields = splitDelimited(
      str(s as SqlValue, 'VARIABLE_COLUMN_LOG_PARSE'),
      d,
      esc === undefined ? '' : str(esc, 'VARIABLE_COLUMN_LOG_PARSE'),
      quote === undefined ? '' : str(quote, 'VARIABLE_COLUMN_LOG_PARSE'),
    );
    return toRow(cols, fields, 'VARIABLE_COLUMN_LOG_PARSE');
  },
);

export const LOG_PARSE_FUNCTIONS: Record<string, ScalarFunction> = toRecord([
  regexParse('REGEX_LOG_PARSE'),
  regexParse('FAST_REGEX_LOG_PARSE', true),
  W3C_LOG_PARSE,
  VARIABLE_COLUMN_LOG_PARSE,
  FIXED_COLUMN_LOG_PARSE,
  SYS_LOG_PARSE,
]);
