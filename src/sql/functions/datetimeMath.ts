/**
 * UTC calendar arithmetic on the engine's datetime representation (ms since epoch for TIMESTAMP and
 * DATE, ms since midnight for TIME). KDA keeps every timestamp in UTC.
 */
import type { SqlBaseType } from '../types.ts';
import { SqlRuntimeError } from '../types.ts';

export const MS = { SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 } as const;

const FIXED_UNITS: Record<string, number> = {
  MILLISECOND: 1,
  SECOND: MS.SECOND,
  MINUTE: MS.MINUTE,
  HOUR: MS.HOUR,
  DAY: MS.DAY,
};

function normaliseUnit(unit: string, fn: string): string {
  const u = unit.trim().toUpperCase().replace(/S$/, '');
  if (u in FIXED_UNITS || u === 'MONTH' || u === 'YEAR' || u === 'QUARTER' || u === 'WEEK') return u;
  throw new SqlRuntimeError(`${fn}: unknown time unit '${unit}'`);
}

/** FLOOR(ts TO unit): the start of the unit containing ts (weeks start on Sunday, as Java's US calendar). */
export function floorDatetime(ms: number, unit: string, base: SqlBaseType | string = 'TIMESTAMP'): number {
  const u = normaliseUnit(unit, 'FLOOR');
  if (base === 'TIME') {
    const step = FIXED_UNITS[u];
    if (step === undefined) throw new SqlRuntimeError(`FLOOR: a TIME cannot be rounded to ${u}`);
    return Math.floor(ms / step) * step;
  }
  const fixed = FIXED_UNITS[u];
  if (fixed !== undefined) return Math.floor(ms / fixed) * fixed;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (u === 'YEAR') return Date.UTC(y, 0, 1);
  if (u === 'QUARTER') return Date.UTC(y, m - (m % 3), 1);
  if (u === 'MONTH') return Date.UTC(y, m, 1);
  // WEEK
  const day = Math.floor(ms / MS.DAY) * MS.DAY;
  return day - d.getUTCDay() * MS.DAY;
}

/** CEIL(ts TO unit): the smallest unit boundary ≥ ts. */
export function ceilDatetime(ms: number, unit: string, base: SqlBaseType | string = 'TIMESTAMP'): number {
  const f = floorDatetime(ms, unit, base);
  if (f === ms) return ms;
  return addUnits(f, normaliseUnit(unit, 'CEIL'), 1);
}

export function addUnits(ms: number, unit: string, n: number): number {
  const fixed = FIXED_UNITS[unit];
  if (fixed !== undefined) return ms + n * fixed;
  if (unit === 'WEEK') return ms + n * 7 * MS.DAY;
  const months = unit === 'YEAR' ? 12 * n : unit === 'QUARTER' ? 3 * n : n;
  return addMonths(ms, months);
}

/** Adds months keeping the day of month, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  const timeOfDay = ms - Math.floor(ms / MS.DAY) * MS.DAY;
  return Date.UTC(y, m, day) + timeOfDay;
}

/** `YYYY-MM-DD HH:MM:SS.fff` in UTC: how KDA prints a TIMESTAMP. */
export function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
