/**
 * Names Firehose gives to what it writes (AWS docs: S3 object naming and error output, §4.7.4):
 * - S3 prefix: default `YYYY/MM/dd/HH/` (UTC, from the oldest record's arrival in the object);
 *   custom prefixes evaluate `!{timestamp:<Java DateTimeFormatter pattern>}`,
 *   `!{firehose:random-string}` (11 characters) and `!{firehose:error-output-type}`; a prefix
 *   without a timestamp expression gets `yyyy/MM/dd/HH/` appended;
 * - object name: `<DeliveryStreamName>-<DeliveryStreamVersion>-YYYY-MM-dd-HH-mm-ss-<uuid>`;
 * - OpenSearch index rotation: `-yyyy-MM-dd-HH`, `-yyyy-MM-dd`, `-yyyy-'w'ww` (US weeks, Sunday
 *   first), `-yyyy-MM`.
 * All times are UTC epoch ms of the simulated clock. Random parts come from the caller's seeded Rng.
 */
import type { IndexRotation } from '../../model/types.ts';
import type { Rng } from '../rng.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The subset of Java's DateTimeFormatter that prefixes use: yyyy yy MM dd HH mm ss SSS, 'literal'. */
export function formatJavaTimestamp(pattern: string, epochMs: number): string {
  const d = new Date(epochMs);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === ch) run++;
    const token = pattern.slice(i, i + run);
    switch (token) {
      case 'yyyy':
      case 'uuuu':
        out += pad(d.getUTCFullYear(), 4);
        break;
      case 'yy':
        out += pad(d.getUTCFullYear() % 100);
        break;
      case 'MM':
        out += pad(d.getUTCMonth() + 1);
        break;
      case 'dd':
        out += pad(d.getUTCDate());
        break;
      case 'HH':
        out += pad(d.getUTCHours());
        break;
      case 'mm':
        out += pad(d.getUTCMinutes());
        break;
      case 'ss':
        out += pad(d.getUTCSeconds());
        break;
      case 'SSS':
        out += pad(d.getUTCMilliseconds(), 3);
        break;
      default:
        out += token;
    }
    i += run;
  }
  return out;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `!{firehose:random-string}`: 11 random lowercase letters and digits. */
export function randomString(rng: Rng, length = 11): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALNUM[rng.int(ALNUM.length)];
  return s;
}

/** A version-4 UUID from the seeded generator. */
export function seededUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16));
  hex[12] = '4';
  hex[16] = ((rng.int(4) & 3) | 8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const DEFAULT_PREFIX_PATTERN = 'yyyy/MM/dd/HH/';

/**
 * Evaluate an S3 Prefix or ErrorOutputPrefix. `oldestArrivalEpochMs` is the approximate arrival of
 * the oldest record in the object. Unknown namespaces are left as written.
 */
export function evaluatePrefix(
  prefix: string,
  oldestArrivalEpochMs: number,
  rng: Rng,
  errorOutputType?: string,
): string {
  let sawTimestamp = false;
  const evaluated = prefix.replace(/!\{([a-zA-Z]+):([^}]*)\}/g, (whole, ns: string, arg: string) => {
    if (ns === 'timestamp') {
      sawTimestamp = true;
      return formatJavaTimestamp(arg, oldestArrivalEpochMs);
    }
    if (ns === 'firehose' && arg === 'random-string') return randomString(rng);
    if (ns === 'firehose' && arg === 'error-output-type') return errorOutputType ?? '';
    return whole;
  });
  return sawTimestamp
    ? evaluated
    : evaluated + formatJavaTimestamp(DEFAULT_PREFIX_PATTERN, oldestArrivalEpochMs);
}

/** Object name after the prefix: `<name>-<version>-YYYY-MM-dd-HH-mm-ss-<uuid>`. */
export function objectName(
  deliveryStreamName: string,
  version: number,
  epochMs: number,
  uuid: string,
): string {
  return `${deliveryStreamName}-${version}-${formatJavaTimestamp('yyyy-MM-dd-HH-mm-ss', epochMs)}-${uuid}`;
}

/**
 * US-style week (weeks start on Sunday; week 1 is the first week that starts on a Sunday of the
 * year, days before it belong to the previous year's last week). This matches AWS's example:
 * 2016-02-25 is in week 08 (Sunday 2016-02-21 opens it; Sunday 2016-01-03 opened week 01).
 */
export function usWeek(epochMs: number): { year: number; week: number } {
  const d = new Date(epochMs);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const sunday = day - new Date(day).getUTCDay() * 86_400_000;
  const year = new Date(sunday).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const firstSunday = jan1 + ((7 - new Date(jan1).getUTCDay()) % 7) * 86_400_000;
  return { year, week: Math.round((sunday - firstSunday) / (7 * 86_400_000)) + 1 };
}

/** The index a document goes to, from its record's arrival time (UTC). */
export function rotatedIndexName(indexName: string, rotation: IndexRotation, arrivalEpochMs: number): string {
  switch (rotation) {
    case 'NoRotation':
      return indexName;
    case 'OneHour':
      return `${indexName}-${formatJavaTimestamp('yyyy-MM-dd-HH', arrivalEpochMs)}`;
    case 'OneDay':
      return `${indexName}-${formatJavaTimestamp('yyyy-MM-dd', arrivalEpochMs)}`;
    case 'OneWeek': {
      const { year, week } = usWeek(arrivalEpochMs);
      return `${indexName}-${year}-w${pad(week)}`;
    }
    case 'OneMonth':
      return `${indexName}-${formatJavaTimestamp('yyyy-MM', arrivalEpochMs)}`;
  }
}
