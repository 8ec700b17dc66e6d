/**
 * Kinesis Agent (§6.1): tails a log that a web server writes. We generate realistic Apache log
 * lines (common, combined, error, syslog) and apply the agent's `dataProcessingOptions`:
 * SINGLELINE, LOGTOJSON (field names as the agent's defaults), CSVTOJSON (customFieldNames).
 */
import type { AgentLogFormat, AgentSettings } from '../../model/types.ts';
import type { Rng } from '../rng.ts';

const METHODS = ['GET', 'GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const PATHS = [
  '/',
  '/index.html',
  '/products',
  '/products/42',
  '/cart',
  '/checkout',
  '/api/items?page=2',
  '/img/logo.png',
  '/login',
];
const STATUS = [200, 200, 200, 200, 200, 200, 304, 301, 404, 500];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'curl/8.4.0',
];
const REFERRERS = ['-', 'https://www.example.com/', 'https://www.google.com/'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pick<T>(rng: Rng, a: T[]): T {
  return a[rng.int(a.length)];
}

function apacheTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** One raw log line in `format` at sim epoch ms. */
export function logLine(format: AgentLogFormat, rng: Rng, epochMs: number): string {
  const ip = `${10 + rng.int(200)}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
  const status = pick(rng, STATUS);
  const bytes = status === 304 ? 0 : 200 + rng.int(20000);
  const req = `${pick(rng, METHODS)} ${pick(rng, PATHS)} HTTP/1.1`;
  const user = rng.next() < 0.1 ? `user${rng.int(1000)}` : '-';
  switch (format) {
    case 'COMMONAPACHELOG':
      return `${ip} - ${user} [${apacheTime(epochMs)}] "${req}" ${status} ${bytes}`;
    case 'COMBINEDAPACHELOG':
      return `${ip} - ${user} [${apacheTime(epochMs)}] "${req}" ${status} ${bytes} "${pick(rng, REFERRERS)}" "${pick(rng, AGENTS)}"`;
    case 'APACHEERRORLOG':
      return `[${new Date(epochMs).toUTCString()}] [error] [client ${ip}] File does not exist: /var/www/html${pick(rng, PATHS)}`;
    case 'SYSLOG': {
      const d = new Date(epochMs);
      const t = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)}`;
      return `${t} web-${rng.int(4)} sshd[${1000 + rng.int(9000)}]: Accepted publickey for ec2-user from ${ip} port ${1024 + rng.int(60000)} ssh2`;
    }
  }
}

const COMMON_RE = /^(\S+) (\S+) (\S+) \[([^\]]+)\] "([^"]*)" (\d{3}) (\S+)(?: "([^"]*)" "([^"]*)")?$/;
const ERROR_RE = /^\[([^\]]+)\] \[(\w+)\] \[client ([^\]]+)\] (.*)$/;
const SYSLOG_RE = /^(\w{3} [ \d]\d \d\d:\d\d:\d\d) (\S+) ([^:[]+)(?:\[(\d+)\])?: (.*)$/;

/** LOGTOJSON with the agent's default field names (§6.1.5); unparsable lines pass through raw. */
export function logToJson(format: AgentLogFormat, line: string): string {
  if (format === 'COMMONAPACHELOG' || format === 'COMBINEDAPACHELOG') {
    const m = COMMON_RE.exec(line);
    if (!m) return line;
    const o: Record<string, string> = {
      host: m[1],
      ident: m[2],
      authuser: m[3],
      datetime: m[4],
      request: m[5],
      response: m[6],
      bytes: m[7],
    };
    if (format === 'COMBINEDAPACHELOG') {
      o.referrer = m[8] ?? '-';
      o.agent = m[9] ?? '-';
    }
    return JSON.stringify(o);
  }
  if (format === 'APACHEERRORLOG') {
    const m = ERROR_RE.exec(line);
    return m ? JSON.stringify({ timestamp: m[1], level: m[2], client: m[3], message: m[4] }) : line;
  }
  const m = SYSLOG_RE.exec(line);
  return m
    ? JSON.stringify({
        timestamp: m[1],
        hostname: m[2],
        program: m[3].trim(),
        processid: m[4] ?? '',
        message: m[5],
      })
    : line;
}

/** CSVTOJSON with `customFieldNames` (comma-separated). */
export function csvToJson(fieldNames: string, line: string, delimiter = ','): string {
  const names = fieldNames
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const values = line.split(delimiter);
  const o: Record<string, string> = {};
  names.forEach((n, i) => {
    o[n] = values[i] ?? '';
  });
  return JSON.stringify(o);
}

/** A record the agent would send for one new log line. */
export function agentRecord(
  settings: AgentSettings,
  rng: Rng,
  epochMs: number,
  /** The line the server wrote, when the design's record template says it (else one made up here). */
  written?: string,
): string {
  let line = written ?? logLine(settings.logFormat, rng, epochMs);
  switch (settings.processing) {
    case 'SINGLELINE':
      line = line.replace(/\s*\n\s*/g, ' ').trim();
      break;
    case 'LOGTOJSON':
      line = logToJson(settings.logFormat, line);
      break;
    case 'CSVTOJSON': {
      const csv = line.replace(/"/g, '').split(' ').slice(0, 7).join(',');
      line = csvToJson(settings.customFieldNames || 'host,ident,authuser,datetime,tz,request,response', csv);
      break;
    }
    default:
      break;
  }
  return `${line}\n`;
}
