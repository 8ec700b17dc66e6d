/**
 * Java `SimpleDateFormat` patterns, as used by KDA's CHAR_TO_TIMESTAMP, TIMESTAMP_TO_CHAR and the
 * log parsers (`'yyyy-MM-dd HH:mm:ss'`, `'dd/MMM/yyyy:HH:mm:ss Z'`). Everything is UTC.
 *
 * Parsing follows the documented KDA behaviour (SQL Reference, "CHAR_TO_TIMESTAMP"):
 * - the template is matched left to right and text after its end is ignored
 *   (`CHAR_TO_TIMESTAMP('yyyy-MM-dd', '2009-09-16 03:15:24')` = 2009-09-16 00:00:00);
 * - fields the template omits default to 01 (month, day) or 0 (time);
 * - a value out of range for its field, or a delimiter that does not match, is an error.
 * - white space before a field is skipped, and month names parse in full or short form whatever
 *   the count (`'MMM dd, yyyy'` reads `'March 7, 2010'`), as in the reference's template table;
 * - two-digit years with `yy` land in 1950–2049 (Java uses "80 years back from today"; a fixed window
 *   keeps runs reproducible); `y` reads digits literally (`'10'` is year 10).
 */
import { SqlRuntimeError } from '../types.ts';
import { MS } from './datetimeMath.ts';

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const KNOWN = new Set('GyYMdHkKhmsSEaZzXDuL'.split(''));
const ZONES: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  UT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  JST: 540,
  CET: 60,
  CEST: 120,
  BST: 60,
  IST: 330,
};

const cache = new Map<string, Token[]>();

export function tokenizeFormat(pattern: string, fn = 'format'): Token[] {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      // 'text' is literal; '' is a single quote (inside or outside quotes).
      if (pattern.charAt(i + 1) === "'") {
        out.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern.charAt(i) === "'") {
          if (pattern.charAt(i + 1) === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += pattern.charAt(i++);
      }
      if (i >= pattern.length) throw new SqlRuntimeError(`${fn}: unterminated quote in format '${pattern}'`);
      i++;
      out.push({ kind: 'literal', text });
    } else if (/[a-zA-Z]/.test(c)) {
      if (!KNOWN.has(c)) throw new SqlRuntimeError(`${fn}: illegal pattern character '${c}' in '${pattern}'`);
      let n = 1;
      while (pattern.charAt(i + n) === c) n++;
      out.push({ kind: 'field', letter: c, count: n });
      i += n;
    } else {
      out.push({ kind: 'literal', text: c });
      i++;
    }
  }
  if (cache.size > 256) cache.clear();
  cache.set(pattern, out);
  return out;
}

const pad = (n: number, w: number): string => String(Math.abs(n)).padStart(w, '0');

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

/** TIMESTAMP_TO_CHAR: formats ms since epoch (UTC) with a SimpleDateFormat pattern. */
export function formatDate(pattern: string, ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()))
    throw new SqlRuntimeError(`TIMESTAMP_TO_CHAR: ${ms} is not a valid timestamp`);
  let out = '';
  for (const t of tokenizeFormat(pattern, 'TIMESTAMP_TO_CHAR')) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const n = t.count;
    const hour = d.getUTCHours();
    switch (t.letter) {
      case 'G':
        out += d.getUTCFullYear() > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), n);
        break;
      case 'M':
      case 'L':
        if (n >= 4) out += MONTHS[d.getUTCMonth()];
        else if (n === 3) out += (MONTHS[d.getUTCMonth()] as string).slice(0, 3);
        else out += pad(d.getUTCMonth() + 1, n);
        break;
      case 'd':
        out += pad(d.getUTCDate(), n);
        break;
      case 'D':
        out += pad(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / MS.DAY) + 1, n);
        break;
      case 'H':
        out += pad(hour, n);
        break;
      case 'k':
        out += pad(hour === 0 ? 24 : hour, n);
        break;
      case 'K':
        out += pad(hour % 12, n);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(d.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(d.getUTCMilliseconds(), n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[d.getUTCDay()] : (DAYS[d.getUTCDay()] as string).slice(0, 3);
        break;
      case 'u':
        out += pad(d.getUTCDay() === 0 ? 7 : d.getUTCDay(), n);
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += n >= 4 ? 'Coordinated Universal Time' : 'UTC';
        break;
      case 'Z':
        out += offsetText(0, false);
        break;
      case 'X':
        out += 'Z';
        break;
    }
  }
  return out;
}

interface Parsed {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  milli: number;
  pm: boolean | null;
  offsetMin: number;
}

const isNumericField = (t: Token | undefined): boolean =>
  !!t &&
  t.kind === 'field' &&
  ('yYdHkKhmsSDu'.includes(t.letter) || ('ML'.includes(t.letter) && t.count < 3));

/**
 * CHAR_TO_TIMESTAMP: parses `text` with `pattern`; returns ms since epoch (UTC).
 * Throws SqlRuntimeError naming the first position that does not fit.
 */
export function parseDate(pattern: string, text: string, fn = 'CHAR_TO_TIMESTAMP'): number {
  const tokens = tokenizeFormat(pattern, fn);
  const p: Parsed = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    milli: 0,
    pm: null,
    offsetMin: 0,
  };
  let pos = 0;
  const fail = (why: string): never => {
    throw new SqlRuntimeError(
      `${fn}: '${text}' does not match format '${pattern}' at position ${pos + 1}: ${why}`,
    );
  };
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti] as Token;
    if (t.kind === 'literal') {
      if (text.startsWith(t.text, pos)) pos += t.text.length;
      else fail(`expected '${t.text}'`);
      continue;
    }
    const letter = t.letter;
    // SimpleDateFormat skips white space in front of every field ('MMM dd,y' reads 'March 7, 2010').
    while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
    const numeric = isNumericField(t);
    if (numeric) {
      // Adjacent numeric fields (yyyyMMdd) are read by their width; otherwise as many digits as present.
      const fixed = isNumericField(tokens[ti + 1]);
      const max = fixed ? t.count : 10;
      let j = pos;
      const neg = letter === 'y' && text.charAt(j) === '-';
      if (neg) j++;
      const start = j;
      while (j < text.length && j - start < max && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j === start) fail(`expected digits for '${letter.repeat(t.count)}'`);
      const digits = text.slice(start, j);
      let v = Number(digits) * (neg ? -1 : 1);
      pos = j;
      switch (letter) {
        case 'y':
        case 'Y':
          // Only `yy` pivots two digits into 1950–2049; 'y' reads '10' as year 10 (KDA's template table).
          if (t.count === 2 && digits.length === 2) v += v < 50 ? 2000 : 1900;
          p.year = v;
          break;
        case 'M':
        case 'L':
          if (v < 1 || v > 12) fail(`month ${v} is out of range 1–12`);
          p.month = v;
          break;
        case 'd':
          if (v < 1 || v > 31) fail(`day ${v} is out of range 1–31`);
          p.day = v;
          break;
        case 'H':
          if (v > 23) fail(`hour ${v} is out of range 0–23`);
          p.hour = v;
          break;
        case 'k':
          if (v < 1 || v > 24) fail(`hour ${v} is out of range 1–24`);
          p.hour = v === 24 ? 0 : v;
          break;
        case 'K':
          if (v > 11) fail(`hour ${v} is out of range 0–11`);
          p.hour = v;
          break;
        case 'h':
          // Java: 12 means 0 (midnight / noon with PM); 13–23 are accepted as 24-hour values.
          if (v > 23) fail(`hour ${v} is out of range 1–12`);
          p.hour = v === 12 ? 0 : v;
          break;
        case 'm':
          if (v > 59) fail(`minute ${v} is out of range 0–59`);
          p.minute = v;
          break;
        case 's':
          if (v > 59) fail(`second ${v} is out of range 0–59`);
          p.second = v;
          break;
        case 'S':
          // SimpleDateFormat reads S as a count of milliseconds, not a fraction.
          p.milli = v;
          break;
        case 'D':
          p.month = 1;
          p.day = v;
          break;
      }
      continue;
    }
    if (letter === 'M' || letter === 'L') {
      const idx = MONTHS.findIndex((m) => text.slice(pos, pos + m.length).toLowerCase() === m.toLowerCase());
      const short = MONTHS.findIndex(
        (m) => text.slice(pos, pos + 3).toLowerCase() === m.slice(0, 3).toLowerCase(),
      );
      // Parsing accepts the full or the short name whatever the count ('MMM' reads 'March').
      if (idx >= 0) {
        p.month = idx + 1;
        pos += (MONTHS[idx] as string).length;
      } else if (short >= 0) {
        p.month = short + 1;
        pos += 3;
      } else fail('expected a month name');
    } else if (letter === 'E') {
      const idx = DAYS.findIndex((dn) => text.slice(pos, pos + dn.length).toLowerCase() === dn.toLowerCase());
      const short = DAYS.findIndex(
        (dn) => text.slice(pos, pos + 3).toLowerCase() === dn.slice(0, 3).toLowerCase(),
      );
      if (idx >= 0) pos += (DAYS[idx] as string).length;
      else if (short >= 0) pos += 3;
      else fail('expected a day name');
    } else if (letter === 'a') {
      const s = text.slice(pos, pos + 2).toUpperCase();
      if (s !== 'AM' && s !== 'PM') fail('expected AM or PM');
      p.pm = s === 'PM';
      pos += 2;
    } else if (letter === 'G') {
      const s = text.slice(pos, pos + 2).toUpperCase();
      if (s !== 'AD' && s !== 'BC') fail('expected AD or BC');
      pos += 2;
    } else {
      // z, Z, X: a zone name, GMT±hh:mm, ±hhmm, ±hh:mm or Z.
      const m = /^(?:(GMT|UTC|UT)?([+-])(\d{1,2}):?(\d{2})?|([A-Za-z]{1,5}))/.exec(text.slice(pos));
      if (!m) fail('expected a time zone');
      const mm = m as RegExpExecArray;
      if (mm[5] !== undefined) {
        const z = ZONES[mm[5].toUpperCase()];
        if (z === undefined) fail(`unknown time zone '${mm[5]}'`);
        p.offsetMin = z as number;
      } else {
        const sign = mm[2] === '-' ? -1 : 1;
        p.offsetMin = sign * (Number(mm[3]) * 60 + Number(mm[4] ?? 0));
      }
      pos += mm[0].length;
    }
  }
  if (p.pm === true && p.hour < 12) p.hour += 12;
  const lastDay = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  if (p.day > lastDay) {
    throw new SqlRuntimeError(
      `${fn}: '${text}': day ${p.day} does not exist in month ${p.month} of ${p.year}`,
    );
  }
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, p.milli);
  return d.getTime() - p.offsetMin * MS.MINUTE;
}
