/**
 * The running SQL application (`createSqlApp`): rows pushed into input streams flow through the
 * pumps synchronously; time only moves forward (ROWTIME is monotonic per stream, a late row is
 * stamped with the stream's latest ROWTIME); `advanceTo` closes windows without new rows, and
 * `advanceTo(Infinity)` ends the input so every open window emits. Runtime errors become rows of
 * error_stream and the query keeps running: nothing thrown by a query escapes.
 */
import { type Analysis, dependencyOrder, ERROR_STREAM } from './program.ts';
import type { Column, Row, SqlValue } from './types.ts';

export interface SqlApp {
  streams: { name: string; columns: Column[] }[];
  push(input: string, row: Row): void;
  advanceTo(rowtimeMs: number): void;
  drain(): { stream: string; row: Row }[];
}

interface StreamState {
  name: string;
  subs: ((row: Row) => void)[];
  subNames: string[];
  last: number;
  output: boolean;
  width: number;
}

/** Slots of the app's clock. */
const NOW = 0;
const LAST_FINITE = 1;
const DUE = 2;

function errorName(err: unknown): string {
  if (err instanceof Error) return err.name === 'Error' ? 'RUNTIME_ERROR' : err.name;
  return 'RUNTIME_ERROR';
}

export function buildApp(a: Analysis, inputs: string[], seed: number): SqlApp {
  const streams = new Map<string, StreamState>();
  const state = (name: string, output: boolean, width: number) => {
    let s = streams.get(name);
    if (!s) {
      s = { name, subs: [], subNames: [], last: Number.NEGATIVE_INFINITY, output, width };
      streams.set(name, s);
    }
    return s;
  };
  for (const i of inputs) state(i, false, a.cat.streams.get(i)?.columns.length ?? 0);
  for (const s of a.streams) state(s.name, true, s.columns.length);
  let out: { stream: string; row: Row }[] = [];
  // The clock [now, lastFinite, due] lives in a Float64Array, not in closure variables or object
  // fields: a number written to a closure slot (and, as measured, to this clock as an object) was
  // a new heap number per pushed row; typed-array stores are never boxed.
  const clock = new Float64Array([Number.NEGATIVE_INFINITY, 0, Number.NEGATIVE_INFINITY]);
  const advancers: ((t: number) => void)[] = [];
  /** When some operator next needs time to pass (skip advancing operators with nothing due). */
  const dueFns: (() => number)[] = [];

  const write = (s: StreamState, row: Row) => {
    if (!(row.rowtime >= s.last)) row.rowtime = s.last;
    if (row.rowtime === Number.POSITIVE_INFINITY) row.rowtime = clock[LAST_FINITE];
    s.last = row.rowtime;
    if (s.output) out.push({ stream: s.name, row });
    const subs = s.subs;
    for (let i = 0; i < subs.length; i++) {
      try {
        (subs[i] as (row: Row) => void)(row);
      } catch (err) {
        fail(s.subNames[i] ?? '', err, row.rowtime, row.values);
      }
    }
  };
  const errors = state(ERROR_STREAM, true, 7);
  let failing = false;
  const fail = (pump: string, err: unknown, t: number, data: SqlValue[] | undefined) => {
    if (failing) return; // an error while reporting an error: drop it rather than loop
    failing = true;
    try {
      const at = Number.isFinite(t) ? t : clock[LAST_FINITE];
      const message = err instanceof Error ? err.message : String(err);
      let dataRow: string | null = null;
      try {
        dataRow = data ? JSON.stringify(data, (_k, v) => (v instanceof Uint8Array ? [...v] : v)) : null;
      } catch {
        dataRow = null;
      }
      write(errors, { rowtime: at, values: [at, 'ERROR', errorName(err), message, at, dataRow, pump] });
    } finally {
      failing = false;
    }
  };

  for (const wr of dependencyOrder(a.writers)) {
    const target = state(wr.target, true, 0);
    const w = {
      seed,
      subscribe(stream: string, fn: (row: Row) => void) {
        // The stream catches each subscriber's errors (error_stream, named after this pump).
        const s = state(stream, false, 0);
        s.subs.push(fn);
        s.subNames.push(wr.name);
      },
      onAdvance(fn: (t: number) => void, nextDue?: () => number) {
        advancers.push((t) => {
          try {
            fn(t);
          } catch (err) {
            fail(wr.name, err, t, undefined);
          }
        });
        dueFns.push(nextDue ?? (() => Number.NEGATIVE_INFINITY));
        clock[DUE] = Number.NEGATIVE_INFINITY;
      },
      wake(t: number) {
        if (t < clock[DUE]) clock[DUE] = t;
      },
      fail(err: unknown, t: number, data: SqlValue[] | undefined) {
        fail(wr.name, err, t, data);
      },
    };
    const map = wr.map;
    wr.plan.connect(w, (row) => write(target, { rowtime: row.rowtime, values: map(row.values) }));
  }

  let lastInput: StreamState | undefined;
  let lastInputName = '';
  const advanceTo = (t: number) => {
    if (!(t > clock[NOW])) return;
    clock[NOW] = t;
    if (Number.isFinite(t)) clock[LAST_FINITE] = t;
    if (t < clock[DUE]) return;
    runAdvancers(t);
  };
  const runAdvancers = (t: number) => {
    for (const f of advancers) f(t);
    clock[DUE] = Number.POSITIVE_INFINITY;
    for (const d of dueFns) clock[DUE] = Math.min(clock[DUE], d());
  };

  return {
    streams: a.streams,
    push(input, row) {
      // Hot path: rows of one input usually come in runs, so remember the last lookup.
      let s = lastInput;
      if (input !== lastInputName || !s) {
        s = streams.get(input);
        if (!s || s.output) {
          fail('', new Error(`No input stream named ${input}`), row.rowtime, row.values);
          return;
        }
        lastInput = s;
        lastInputName = input;
      }
      let t = row.rowtime;
      if (!(t >= s.last)) t = s.last;
      if (t < clock[NOW] && Number.isFinite(clock[NOW])) t = clock[NOW];
      // advanceTo(t), inline: no call (and no boxed time argument) per row when nothing is due.
      if (t > clock[NOW]) {
        clock[NOW] = t;
        if (Number.isFinite(t)) clock[LAST_FINITE] = t;
        if (t >= clock[DUE]) runAdvancers(t);
      }
      // The caller's row goes through as is when it needs no change (no copy per row).
      if (t === row.rowtime && row.values.length >= s.width) {
        write(s, row);
        return;
      }
      let values = row.values;
      if (values.length < s.width)
        values = [...values, ...new Array<SqlValue>(s.width - values.length).fill(null)];
      write(s, { rowtime: t, values });
    },
    advanceTo,
    drain() {
      const d = out;
      out = [];
      return d;
    },
  };
}
