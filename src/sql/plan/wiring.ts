/**
 * What a planned query needs from the application at run time, and what the planner needs to
 * know about the application's streams and tables.
 */
import type { Column, Row, SqlValue } from '../types.ts';

export interface Wiring {
  /** Receive every row written to an in-application stream (including the inputs). */
  subscribe(stream: string, fn: (row: Row) => void): void;
  /** Time passes (called in dependency order before each new row, and by advanceTo). */
  onAdvance(fn: (t: number) => void, nextDue?: () => number): void;
  /**
   * An operator that says when it next needs `advance` (nextDue) must call wake(t) when something
   * new is due at t (e.g. a window it just opened), so the app can skip idle advances.
   */
  wake(t: number): void;
  /** A runtime error in this query: a row goes to error_stream and the query goes on. */
  fail(err: unknown, t: number, data: SqlValue[] | undefined): void;
  seed: number;
}

export interface Catalog {
  streams: Map<string, { columns: Column[] }>;
  tables: Map<string, { columns: Column[]; rows: Row[] }>;
  /** The application's input streams (for "did you mean" suggestions and the one-input fix). */
  inputs: string[];
}

/** Rows flowing inside a query: values of all FROM sources side by side, with their ROWTIMEs. */
export type RowSink = (v: SqlValue[], t: number, ts: number[] | undefined) => void;

/** `Infinity` passed to advance means "end of input": every open window emits. */
export const FLUSH = Number.POSITIVE_INFINITY;
