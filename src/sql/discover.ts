/**
 * Schema discovery, as the KDA console's "Discover schema" did (DiscoverInputSchema): read sample
 * records and propose input columns (name, SQL type, JSONPath mapping) the user can then edit.
 *
 * - JSON: nested objects are flattened into one column per leaf with a `$.a.b` mapping; the column
 *   is named after the leaf key, or after the whole path (`A_B`) when two leaves share a key.
 *   Arrays become one VARCHAR column holding the array's JSON text.
 * - CSV: one sample per line (a sample may hold several lines), columns COL_0, COL_1, … in order.
 * - Types: BOOLEAN; INTEGER (32-bit) widening to BIGINT, or DOUBLE once any value has a fraction;
 *   TIMESTAMP for ISO-like date-times (`2024-01-31 12:00:00`, `2024-01-31T12:00:00.123Z`);
 *   otherwise VARCHAR(n), n = the longest value rounded up to a power of two (`AMZN` → VARCHAR(4),
 *   `TECHNOLOGY` → VARCHAR(16)), as the console's stock-ticker example shows. Conflicting types
 *   across samples widen (INTEGER + DOUBLE → DOUBLE; anything + text → VARCHAR).
 * - Names are upper-cased valid identifiers; SQL reserved words get a `COL_` prefix (`COL_TIMESTAMP`),
 *   as the console did.
 */
import type { InputColumn } from '../model/types.ts';

type Kind = 'null' | 'boolean' | 'integer' | 'bigint' | 'double' | 'timestamp' | 'varchar';

interface Field {
  path: string[];
  kind: Kind;
  maxLength: number;
}

const RESERVED = new Set(
  (
    'ALL AND ANY AS ASC BETWEEN BIGINT BOOLEAN BY CASE CAST CHAR CHARACTER CREATE CURRENT CURRENT_DATE ' +
    'CURRENT_TIME CURRENT_TIMESTAMP CURSOR DATE DAY DECIMAL DESC DISTINCT DOUBLE ELSE END ESCAPE EXISTS ' +
    'EXTRACT FALSE FIRST FLOAT FLOOR FOR FROM FULL GROUP HAVING HOUR IN INNER INSERT INT INTEGER INTERVAL ' +
    'INTO IS JOIN LAST LEFT LIKE LIMIT MINUTE MONTH NOT NULL NUMERIC ON OR ORDER OUTER OVER PARTITION ' +
    'POSITION PUMP RANGE REAL REPLACE RIGHT ROW ROWS ROWTIME SECOND SELECT SIMILAR SMALLINT STEP STREAM ' +
    'TABLE THEN TIME TIMESTAMP TINYINT TO TRUE UNION UNKNOWN USER VALUE VALUES VARCHAR WHEN WHERE WINDOW ' +
    'WITH YEAR'
  ).split(' '),
);

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function kindOfString(s: string, numericText: boolean): Kind {
  const t = s.trim();
  if (ISO_TIMESTAMP.test(t) && !Number.isNaN(Date.parse(t.replace(' ', 'T')))) return 'timestamp';
  if (numericText) {
    if (/^(true|false)$/i.test(t)) return 'boolean';
    if (/^[+-]?\d+$/.test(t)) return kindOfNumber(Number(t));
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return 'double';
  }
  return 'varchar';
}

function kindOfNumber(n: number): Kind {
  if (!Number.isInteger(n)) return 'double';
  return n >= INT32_MIN && n <= INT32_MAX ? 'integer' : 'bigint';
}

/** The narrowest kind that holds both (numeric widening; anything else meets at VARCHAR). */
function merge(a: Kind, b: Kind): Kind {
  if (a === b) return a;
  if (a === 'null') return b;
  if (b === 'null') return a;
  const numeric: Kind[] = ['integer', 'bigint', 'double'];
  if (numeric.includes(a) && numeric.includes(b))
    return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))] as Kind;
  return 'varchar';
}

function sqlTypeOf(f: Field): string {
  switch (f.kind) {
    case 'boolean':
      return 'BOOLEAN';
    case 'integer':
      return 'INTEGER';
    case 'bigint':
      return 'BIGINT';
    case 'double':
      return 'DOUBLE';
    case 'timestamp':
      return 'TIMESTAMP';
    default: {
      let n = 1;
      while (n < f.maxLength) n *= 2;
      return `VARCHAR(${Math.min(Math.max(n, f.kind === 'null' ? 8 : 1), 65535)})`;
    }
  }
}

/** An upper-case identifier that KDA SQL accepts unquoted. */
export function toIdentifier(raw: string): string {
  let s = raw
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') s = 'COL';
  if (/^\d/.test(s) || RESERVED.has(s)) s = `COL_${s}`;
  return s;
}

function jsonPath(path: string[]): string {
  return `$${path.map((k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `['${k.replace(/'/g, "\\'")}']`)).join('')}`;
}

function observe(fields: Map<string, Field>, path: string[], kind: Kind, length: number): void {
  const key = JSON.stringify(path);
  const f = fields.get(key);
  if (f) {
    f.kind = merge(f.kind, kind);
    f.maxLength = Math.max(f.maxLength, length);
  } else fields.set(key, { path, kind, maxLength: length });
}

function walk(fields: Map<string, Field>, value: unknown, path: string[]): void {
  if (value === null || value === undefined) observe(fields, path, 'null', 0);
  else if (typeof value === 'boolean') observe(fields, path, 'boolean', 5);
  else if (typeof value === 'number') observe(fields, path, kindOfNumber(value), String(value).length);
  else if (typeof value === 'string') observe(fields, path, kindOfString(value, false), value.length);
  else if (Array.isArray(value)) observe(fields, path, 'varchar', JSON.stringify(value).length);
  else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(fields, v, [...path, k]);
  }
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"' && line.charAt(i + 1) === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function uniqueNames(raw: string[]): string[] {
  const used = new Map<string, number>();
  return raw.map((name) => {
    const n = used.get(name) ?? 0;
    used.set(name, n + 1);
    return n === 0 ? name : `${name}_${n + 1}`;
  });
}

/**
 * Proposes input columns from sample records. Throws Error (with the sample number) when no sample
 * can be read; samples that fail to parse are skipped when others succeed.
 */
export function discoverSchema(samples: string[], format: 'JSON' | 'CSV'): InputColumn[] {
  const texts = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (texts.length === 0) throw new Error('No sample records to discover a schema from');
  const fields = new Map<string, Field>();
  if (format === 'CSV') {
    for (const line of texts.flatMap((t) => t.split(/\r?\n/)).filter((l) => l.trim() !== '')) {
      splitCsvLine(line).forEach((v, i) => {
        observe(fields, [String(i)], v === '' ? 'null' : kindOfString(v, true), v.length);
      });
    }
    return [...fields.values()].map((f, i) => ({ name: `COL_${i}`, sqlType: sqlTypeOf(f), mapping: '' }));
  }
  let firstError = '';
  let parsed = 0;
  texts.forEach((t, i) => {
    try {
      const value: unknown = JSON.parse(t);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new Error('a record must be a JSON object');
      }
      walk(fields, value, []);
      parsed++;
    } catch (e) {
      firstError ||= `sample ${i + 1}: ${(e as Error).message}`;
    }
  });
  if (parsed === 0) throw new Error(`No sample is a JSON object (${firstError})`);
  const list = [...fields.values()];
  const leafCount = new Map<string, number>();
  for (const f of list) {
    const leaf = toIdentifier(f.path[f.path.length - 1] as string);
    leafCount.set(leaf, (leafCount.get(leaf) ?? 0) + 1);
  }
  const names = uniqueNames(
    list.map((f) => {
      const leaf = toIdentifier(f.path[f.path.length - 1] as string);
      return (leafCount.get(leaf) ?? 0) > 1 ? toIdentifier(f.path.join('_')) : leaf;
    }),
  );
  return list.map((f, i) => ({ name: names[i] as string, sqlType: sqlTypeOf(f), mapping: jsonPath(f.path) }));
}
