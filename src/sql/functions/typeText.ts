/**
 * SQL type names as text (`VARCHAR(16)`, `DOUBLE`, `TIMESTAMP`) ↔ SqlType, and the conversion of a
 * text field to a typed value. Used by VARIABLE_COLUMN_LOG_PARSE / REGEX_LOG_PARSE column lists
 * and by input schemas.
 */
import type { SqlBaseType, SqlType, SqlValue } from '../types.ts';
import { SqlRuntimeError } from '../types.ts';
import { parseDate } from './dateFormat.ts';
import { MS } from './datetimeMath.ts';

const ALIASES: Record<string, SqlBaseType> = {
  INT: 'INTEGER',
  INTEGER: 'INTEGER',
  TINYINT: 'TINYINT',
  SMALLINT: 'SMALLINT',
  BIGINT: 'BIGINT',
  DECIMAL: 'DECIMAL',
  DEC: 'DECIMAL',
  NUMERIC: 'DECIMAL',
  REAL: 'REAL',
  FLOAT: 'DOUBLE',
  DOUBLE: 'DOUBLE',
  'DOUBLE PRECISION': 'DOUBLE',
  CHAR: 'CHAR',
  CHARACTER: 'CHAR',
  VARCHAR: 'VARCHAR',
  'CHARACTER VARYING': 'VARCHAR',
  'CHAR VARYING': 'VARCHAR',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIME: 'TIME',
  TIMESTAMP: 'TIMESTAMP',
  BINARY: 'BINARY',
  VARBINARY: 'VARBINARY',
};

/** Parses `VARCHAR(16)`, `DECIMAL(10, 2)`, `double precision`…; throws Error for an unknown type. */
export function parseTypeName(text: string): SqlType {
  const m = /^\s*([A-Za-z][A-Za-z ]*?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/.exec(text);
  const base = m ? ALIASES[(m[1] as string).toUpperCase().replace(/\s+/g, ' ')] : undefined;
  if (!m || !base) throw new Error(`unknown SQL type '${text.trim()}'`);
  const t: SqlType = { base };
  if (m[2] !== undefined) {
    if (base === 'DECIMAL') {
      t.precision = Number(m[2]);
      if (m[3] !== undefined) t.scale = Number(m[3]);
    } else t.length = Number(m[2]);
  } else if (base === 'CHAR') t.length = 1;
  return t;
}

export interface ColumnSpec {
  name: string;
  type: SqlType;
  /** SimpleDateFormat pattern for DATE / TIME / TIMESTAMP columns (`"t" TYPE TIMESTAMP 'dd/MMM/yyyy'`). */
  format?: string;
}

/** Splits on commas outside parentheses and quotes: `a INT, b DECIMAL(5,2)` → two parts. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) parts.push(cur);
  return parts;
}

/**
 * A column list as VARIABLE_COLUMN_LOG_PARSE takes it: `'A TYPE VARCHAR(16), "b" TYPE INTEGER NOT NULL'`
 * (the word TYPE is optional, as in REGEX_LOG_PARSE's `<columnname> [<datatype>]`).
 */
export function parseColumnList(text: string, fn: string): ColumnSpec[] {
  const parts = splitTopLevel(text);
  return parts.map((p) => {
    const m =
      /^\s*("([^"]+)"|[A-Za-z_][A-Za-z0-9_$]*)\s*(?:TYPE\s+)?(.*?)\s*(?:'([^']*)')?\s*(NOT\s+NULL)?\s*$/i.exec(
        p,
      );
    if (!m) throw new Error(`${fn}: cannot read the column description '${p.trim()}'`);
    const name = m[2] ?? (m[1] as string).toUpperCase();
    const typeText = (m[3] ?? '').trim() || 'VARCHAR(1024)';
    let type: SqlType;
    try {
      type = parseTypeName(typeText);
    } catch (e) {
      throw new Error(`${fn}: ${(e as Error).message} in column ${name}`);
    }
    return m[4] !== undefined ? { name, type, format: m[4] } : { name, type };
  });
}

const DEFAULT_TS_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/** Converts one text field to the column's type; '' becomes NULL for non-character types. */
export function castText(text: string, spec: ColumnSpec, fn: string): SqlValue {
  const t = spec.type;
  switch (t.base) {
    case 'CHAR':
    case 'VARCHAR':
      return t.length !== undefined && text.length > t.length ? text.slice(0, t.length) : text;
    case 'BOOLEAN': {
      const v = text.trim().toUpperCase();
      if (v === '') return null;
      if (v === 'TRUE') return true;
      if (v === 'FALSE') return false;
      throw new SqlRuntimeError(`${fn}: cannot convert '${text}' to BOOLEAN for ${spec.name}`);
    }
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP': {
      if (text.trim() === '') return null;
      const ms = parseDate(spec.format ?? DEFAULT_TS_FORMAT, text.trim(), fn);
      if (t.base === 'DATE') return Math.floor(ms / MS.DAY) * MS.DAY;
      if (t.base === 'TIME') return ms - Math.floor(ms / MS.DAY) * MS.DAY;
      return ms;
    }
    default: {
      if (text.trim() === '') return null;
      const n = Number(text.trim());
      if (!Number.isFinite(n))
        throw new SqlRuntimeError(`${fn}: cannot convert '${text}' to ${t.base} for ${spec.name}`);
      const integral =
        t.base === 'INTEGER' || t.base === 'BIGINT' || t.base === 'SMALLINT' || t.base === 'TINYINT';
      return integral ? Math.trunc(n) : n;
    }
  }
}
