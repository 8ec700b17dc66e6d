/**
 * `npx shardscape sql --query FILE.sql --input NAME=FILE.jsonl [--input NAME2=FILE2.jsonl …]
 *  [--reference NAME=FILE.jsonl] [--schema NAME='COL TYPE, COL TYPE, …'] [--no-flush]`
 *
 * Runs a Kinesis Data Analytics SQL application headless over JSONL files and prints every row of
 * every in-application stream the SQL creates (and error_stream) as JSONL on stdout:
 * `{"stream": "DESTINATION_SQL_STREAM", "ROWTIME": "2024-01-01 00:01:00.000", …columns}`.
 * Input rows carry their time in an optional ROWTIME key ('YYYY-MM-DD HH:MM:SS[.fff]' UTC or
 * epoch ms); without it they arrive 1 ms apart from 2024-01-01 00:00:00. At the end of input time
 * advances past the last row so every open window emits, unless --no-flush. Rejected SQL exits 1
 * with `line:column: message` on stderr; bad options or files exit 2.
 */
import { readFileSync } from 'node:fs';
import type { Column, Row, SqlType, SqlValue } from '../sql/index.ts';
import {
  createSqlApp,
  discoverSchema,
  displayRow,
  parseSchema,
  parseTimestamp,
  parseTypeName,
  SqlCompileError,
  type SqlProblem,
} from '../sql/index.ts';

const DEFAULT_START = Date.UTC(2024, 0, 1);

interface SqlArgs {
  query: string;
  inputs: { name: string; file: string }[];
  references: { name: string; file: string }[];
  schemas: Map<string, string>;
  flush: boolean;
}

export function parseSqlArgs(args: string[]): SqlArgs | string {
  const out: SqlArgs = { query: '', inputs: [], references: [], schemas: new Map(), flush: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : args[++i]);
    const pair = (what: string): { name: string; rest: string } | string => {
      const v = value();
      const k = v?.indexOf('=') ?? -1;
      if (!v || k <= 0) return `${flag} needs ${what}`;
      return { name: v.slice(0, k), rest: v.slice(k + 1) };
    };
    switch (flag) {
      case '--query': {
        const v = value();
        if (!v) return '--query needs a FILE.sql';
        out.query = v;
        break;
      }
      case '--input':
      case '--reference': {
        const p = pair('NAME=FILE.jsonl');
        if (typeof p === 'string') return p;
        (flag === '--input' ? out.inputs : out.references).push({ name: p.name, file: p.rest });
        break;
      }
      case '--schema': {
        const p = pair("NAME='COL TYPE, COL TYPE, …'");
        if (typeof p === 'string') return p;
        out.schemas.set(p.name, p.rest);
        break;
      }
      case '--no-flush':
        out.flush = false;
        break;
      default:
        return `Unknown option ${a}`;
    }
  }
  if (!out.query) return 'Missing --query FILE.sql';
  if (out.inputs.length === 0) return 'Missing --input NAME=FILE.jsonl';
  return out;
}

interface Loaded {
  columns: Column[];
  rows: Row[];
}

function readJsonl(file: string): Record<string, unknown>[] {
  const text = readFileSync(file, 'utf8');
  const out: Record<string, unknown>[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const v = JSON.parse(line);
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
      out.push(v);
    } catch (err) {
      throw new Error(`${file}:${i + 1}: ${(err as Error).message}`);
    }
  });
  return out;
}

function getKey(obj: Record<string, unknown>, name: string): unknown {
  // Own keys only: a column called `constructor` must not read Object.prototype.constructor.
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

/** `$.a.b[0]` on a parsed JSON object. */
function getPath(obj: unknown, path: string): unknown {
  const steps = path.replace(/^\$\.?/, '').match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let cur: unknown = obj;
  for (const s of steps) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = s.startsWith('[')
      ? (cur as unknown[])[Number(s.slice(1, -1))]
      : Object.hasOwn(cur, s)
        ? (cur as Record<string, unknown>)[s]
        : undefined;
  }
  return cur;
}

function toSql(v: unknown, t: SqlType): SqlValue {
  if (v === undefined || v === null) return null;
  switch (t.base) {
    case 'BOOLEAN':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
      return null;
    case 'TIMESTAMP':
    case 'DATE':
      if (typeof v === 'number') return v;
      return typeof v === 'string' ? (parseTimestamp(v) ?? null) : null;
    case 'CHAR':
    case 'VARCHAR': {
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      return t.length !== undefined && s.length > t.length ? s.slice(0, t.length) : s;
    }
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT':
    case 'DECIMAL':
    case 'REAL':
    case 'DOUBLE': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
      if (!Number.isFinite(n)) return null;
      return t.base === 'DECIMAL' || t.base === 'REAL' || t.base === 'DOUBLE' ? n : Math.trunc(n);
    }
    default:
      return typeof v === 'object' ? (v as SqlValue) : (v as SqlValue);
  }
}

function rowtimeOf(obj: Record<string, unknown>, i: number, file: string): number {
  const v = getKey(obj, 'ROWTIME');
  if (v === undefined) return DEFAULT_START + i;
  const t = typeof v === 'number' ? v : typeof v === 'string' ? parseTimestamp(v) : undefined;
  if (t === undefined)
    throw new Error(
      `${file}: row ${i + 1} has a ROWTIME that is not 'YYYY-MM-DD HH:MM:SS[.fff]' or epoch ms`,
    );
  return t;
}

function load(name: string, file: string, schema: string | undefined): Loaded {
  const objs = readJsonl(file);
  let columns: Column[];
  let getters: ((o: Record<string, unknown>) => unknown)[];
  if (schema) {
    columns = parseSchema(schema);
    getters = columns.map((c) => (o) => getKey(o, c.name));
  } else {
    if (objs.length === 0) throw new Error(`${file} is empty: give --schema ${name}='COL TYPE, …'`);
    const samples = objs.map((o) =>
      JSON.stringify(Object.fromEntries(Object.entries(o).filter(([k]) => k.toUpperCase() !== 'ROWTIME'))),
    );
    const discovered = discoverSchema(samples, 'JSON');
    columns = discovered.map((c) => ({
      name: c.name,
      // The model keeps the type as DDL text (e.g. 'VARCHAR(4)').
      type: typeof c.sqlType === 'string' ? parseTypeName(c.sqlType) : (c.sqlType as SqlType),
    }));
    getters = discovered.map((c) => (o) => getPath(o, c.mapping));
  }
  const rows = objs.map((o, i) => ({
    rowtime: rowtimeOf(o, i, file),
    values: columns.map((c, j) => toSql((getters[j] as (o: Record<string, unknown>) => unknown)(o), c.type)),
  }));
  return { columns, rows };
}

function printProblems(problems: SqlProblem[]): void {
  for (const p of problems)
    console.error(`${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
}

export function main(args: string[]): number {
  const parsed = parseSqlArgs(args);
  if (typeof parsed === 'string') {
    console.error(`shardscape sql: ${parsed}`);
    return 2;
  }
  let text: string;
  let inputs: (Loaded & { name: string })[];
  let references: (Loaded & { name: string })[];
  try {
    text = readFileSync(parsed.query, 'utf8');
    inputs = parsed.inputs.map((i) => ({
      name: i.name,
      ...load(i.name, i.file, parsed.schemas.get(i.name)),
    }));
    references = parsed.references.map((r) => ({
      name: r.name,
      ...load(r.name, r.file, parsed.schemas.get(r.name)),
    }));
  } catch (err) {
    console.error(`shardscape sql: ${(err as Error).message}`);
    return 2;
  }
  let app: ReturnType<typeof createSqlApp>;
  try {
    app = createSqlApp(text, { inputs, reference: references, seed: 1 });
  } catch (err) {
    if (err instanceof SqlCompileError) {
      printProblems(err.problems);
      return 1;
    }
    // Not expected (the engine reports problems itself), but still an answer, not a stack.
    console.error(`1:1: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const types = new Map(app.streams.map((s) => [s.name, s.columns]));
  let buffer: string[] = [];
  const flushOut = () => {
    if (buffer.length) process.stdout.write(`${buffer.join('\n')}\n`);
    buffer = [];
  };
  const print = () => {
    for (const { stream, row } of app.drain()) {
      buffer.push(JSON.stringify(displayRow(stream, types.get(stream) ?? [], row.rowtime, row.values)));
      if (buffer.length >= 4096) flushOut();
    }
  };
  // All inputs merged in ROWTIME order (stable: input order, then line order).
  const merged = inputs.flatMap((inp, k) => inp.rows.map((row, i) => ({ name: inp.name, row, k, i })));
  merged.sort((a, b) => a.row.rowtime - b.row.rowtime || a.k - b.k || a.i - b.i);
  for (const m of merged) {
    app.push(m.name, m.row);
    print();
  }
  if (parsed.flush) app.advanceTo(Number.POSITIVE_INFINITY);
  print();
  flushOut();
  return 0;
}
