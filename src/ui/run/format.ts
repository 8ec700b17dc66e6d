/**
 * Number formatting for the run view: every figure with its unit. Sizes use binary units (MiB =
 * 1,048,576 bytes) as Kinesis limits do; times are simulated time.
 */
const formats = new Map<string, Intl.NumberFormat>();

function nf(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}:${min}:${max}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });
    formats.set(key, f);
  }
  return f;
}

export function fmtNum(n: number, locale = 'en', digits = 0): string {
  if (!Number.isFinite(n)) return '–';
  return nf(locale, digits, digits).format(n);
}

/** Records per second: one decimal under 10, whole numbers above. */
export function fmtRate(n: number, locale = 'en'): string {
  if (!Number.isFinite(n)) return '–';
  return Math.abs(n) < 10 && n !== 0 ? nf(locale, 0, 1).format(n) : nf(locale, 0, 0).format(Math.round(n));
}

/** Bytes per second as MiB/s with two decimals (`<0.01` for a trickle, so it never reads as idle). */
export function fmtMiB(bytes: number, locale = 'en'): string {
  const mib = bytes / 1_048_576;
  if (mib > 0 && mib < 0.01) return '<0.01';
  return nf(locale, 2, 2).format(mib);
}

export function fmtBytes(bytes: number, locale = 'en'): string {
  if (bytes < 1024) return `${fmtNum(bytes, locale)} B`;
  if (bytes < 1_048_576) return `${nf(locale, 0, 1).format(bytes / 1024)} KiB`;
  return `${nf(locale, 0, 2).format(bytes / 1_048_576)} MiB`;
}

/** Simulated clock as HH:MM:SS (hours keep counting past 24). */
export function fmtClock(simMs: number): string {
  const total = Math.floor(simMs / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return [h, m, s].map((v) => String(v).padStart(2, '0')).join(':');
}

/** A duration in simulated ms: `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`. */
export function fmtDuration(ms: number, locale = 'en'): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${nf(locale, 1, 1).format(ms / 1000)} s`;
  const sec = Math.round(ms / 1000);
  if (sec < 3600) return `${Math.floor(sec / 60)} min ${String(sec % 60).padStart(2, '0')} s`;
  return `${Math.floor(sec / 3600)} h ${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')} min`;
}

/** US dollars: cents for amounts from $1, four significant decimals below. */
export function fmtUsd(usd: number, locale = 'en'): string {
  if (!Number.isFinite(usd)) return '–';
  if (usd > 0 && usd < 0.0001) return '<$0.0001';
  const digits = Math.abs(usd) >= 1 || usd === 0 ? 2 : 4;
  return `$${nf(locale, digits, digits).format(usd)}`;
}

export function fmtPct(share: number, locale = 'en'): string {
  return fmtNum(share * 100, locale);
}

/** Utilisation band (NiFi-style back-pressure colours): green < 60 %, yellow to 85 %, red above. */
export type Band = 'ok' | 'warn' | 'hot';
export function band(share: number): Band {
  if (share > 0.85) return 'hot';
  if (share >= 0.6) return 'warn';
  return 'ok';
}

/**
 * How long ago, in whole units of simulated time, for "last … 8 s ago": seconds under a minute,
 * minutes under an hour, then hours (always rounded down, so it never reads as more recent).
 */
export function agoOf(ms: number): { unit: 'sec' | 'min' | 'hour'; value: number } {
  const sec = Math.max(0, Math.floor(ms / 1000));
  if (sec < 60) return { unit: 'sec', value: sec };
  if (sec < 3600) return { unit: 'min', value: Math.floor(sec / 60) };
  return { unit: 'hour', value: Math.floor(sec / 3600) };
}
