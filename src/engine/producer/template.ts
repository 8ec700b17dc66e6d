/**
 * Kinesis Data Generator templates (AWS docs: Kinesis Data Generator (`awslabs/amazon-kinesis-data-generator`, KDG)): free text with `{{ path(args) }}`
 * placeholders evaluated by faker, plus KDG's own `date.now`, `date.utc`, `random.weightedArrayElement`.
 * Old faker.js paths (random.number, random.uuid, name.firstName, …) map to faker 10's modules.
 * Rendering is seeded per producer, and dates use SIMULATED time, so a run is reproducible.
 * A template is compiled once into literal parts and placeholder calls.
 */
import { base, en, Faker } from '@faker-js/faker';
import { Mersenne53 } from './mersenne.ts';

type Part = string | { path: string; args: unknown[] };

export interface CompiledTemplate {
  parts: Part[];
  /** Placeholders that did not resolve to a faker function (shown as-is; listed for the UI). */
  unknown: string[];
}

/** faker.js (≤ v5, what KDG bundles) path → faker 10 path. */
const ALIASES: Record<string, string> = {
  'random.number': 'number.int',
  'random.float': 'number.float',
  'random.uuid': 'string.uuid',
  'random.boolean': 'datatype.boolean',
  'random.arrayElement': 'helpers.arrayElement',
  'random.arrayElements': 'helpers.arrayElements',
  'random.objectElement': 'helpers.objectValue',
  'random.word': 'lorem.word',
  'random.words': 'lorem.words',
  'random.alphaNumeric': 'string.alphanumeric',
  'random.hexaDecimal': 'string.hexadecimal',
  'random.locale': 'location.countryCode',
  'datatype.number': 'number.int',
  'datatype.float': 'number.float',
  'datatype.uuid': 'string.uuid',
  'datatype.string': 'string.sample',
  'name.firstName': 'person.firstName',
  'name.lastName': 'person.lastName',
  'name.findName': 'person.fullName',
  'name.fullName': 'person.fullName',
  'name.jobTitle': 'person.jobTitle',
  'name.prefix': 'person.prefix',
  'name.suffix': 'person.suffix',
  'name.gender': 'person.gender',
  'internet.userName': 'internet.username',
  'internet.ip': 'internet.ipv4',
  'internet.ipv6': 'internet.ipv6',
  'address.city': 'location.city',
  'address.country': 'location.country',
  'address.countryCode': 'location.countryCode',
  'address.state': 'location.state',
  'address.stateAbbr': 'location.state',
  'address.zipCode': 'location.zipCode',
  'address.streetAddress': 'location.streetAddress',
  'address.latitude': 'location.latitude',
  'address.longitude': 'location.longitude',
  'company.companyName': 'company.name',
  'company.bs': 'company.buzzPhrase',
  'phone.phoneNumber': 'phone.number',
  'commerce.productName': 'commerce.productName',
  'finance.amount': 'finance.amount',
  'system.fileName': 'system.fileName',
  'lorem.sentence': 'lorem.sentence',
  'image.imageUrl': 'image.url',
};

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:\(([\s\S]*?)\))?\s*\}\}/g;

function parseArgs(text: string | undefined): unknown[] {
  if (text === undefined || text.trim() === '') return [];
  try {
    return JSON.parse(`[${text}]`) as unknown[];
  } catch {
    return [text.trim().replace(/^['"]|['"]$/g, '')];
  }
}

const KDG_FUNCTIONS = new Set(['date.now', 'date.utc', 'date.simTime', 'random.weightedArrayElement']);

/** Does `path` name a KDG function or (after aliasing) a faker 10 function? */
export function knownPlaceholder(path: string): boolean {
  if (KDG_FUNCTIONS.has(path)) return true;
  let v: unknown = fakerInstance();
  for (const seg of (ALIASES[path] ?? path).split('.')) v = (v as Record<string, unknown> | undefined)?.[seg];
  return typeof v === 'function';
}

export function compileTemplate(text: string): CompiledTemplate {
  const unknown: string[] = [];
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ path: m[1], args: parseArgs(m[2]) });
    if (!knownPlaceholder(m[1]) && !unknown.includes(m[1])) unknown.push(m[1]);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { parts, unknown };
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Format epoch ms (UTC) with the moment.js tokens KDG users write: YYYY MMM MM DD HH mm ss SSS ZZ Z x X. */
export function formatMoment(epochMs: number, format?: string): string {
  const d = new Date(epochMs);
  if (!format) return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  // moment.js tokens (the Data Generator formats with moment). Simulated time is UTC, so the
  // offset tokens are +0000 (ZZ, an Apache log's) and +00:00 (Z).
  return format.replace(/YYYY|MMM|MM|DD|HH|mm|ss|SSS|ZZ|Z|x|X/g, (t) => {
    switch (t) {
      case 'YYYY':
        return String(d.getUTCFullYear());
      case 'MMM':
        return MONTH_ABBR[d.getUTCMonth()];
      case 'ZZ':
        return '+0000';
      case 'Z':
        return '+00:00';
      case 'MM':
        return p(d.getUTCMonth() + 1);
      case 'DD':
        return p(d.getUTCDate());
      case 'HH':
        return p(d.getUTCHours());
      case 'mm':
        return p(d.getUTCMinutes());
      case 'ss':
        return p(d.getUTCSeconds());
      case 'SSS':
        return p(d.getUTCMilliseconds(), 3);
      case 'x':
        return String(epochMs);
      default:
        return String(Math.floor(epochMs / 1000));
    }
  });
}

/** Renders compiled templates with one seeded faker instance. */
/** One faker for the whole process (building one takes milliseconds); renderers reseed it. */
let shared: Faker | null = null;

function fakerInstance(): Faker {
  // Mersenne53 draws faker's default sequence with a cheaper reseed (renderers reseed every tick).
  shared ??= new Faker({ locale: [en, base], randomizer: new Mersenne53() });
  return shared;
}

export class TemplateRenderer {
  private readonly faker: Faker;
  /** The renderer's own sequence of seeds: each render reseeds the shared faker from it. */
  private state: number;
  constructor(seed: number) {
    this.faker = fakerInstance();
    this.state = seed >>> 0;
  }

  /**
   * Reseed the shared faker from this renderer's own sequence. Call before each run of renders
   * (one per tick): it keeps every producer's records independent of the others (determinism).
   */
  begin(): void {
    this.state = (Math.imul(this.state, 1664525) + 1013904223) >>> 0;
    this.faker.seed(this.state);
  }

  render(t: CompiledTemplate, epochMs: number): string {
    let out = '';
    for (const part of t.parts)
      out += typeof part === 'string' ? part : this.call(part.path, part.args, epochMs);
    return out;
  }

  private call(path: string, args: unknown[], epochMs: number): string {
    if (path === 'date.now' || path === 'date.utc' || path === 'date.simTime') {
      return formatMoment(epochMs, typeof args[0] === 'string' ? args[0] : undefined);
    }
    if (path === 'random.weightedArrayElement') {
      const spec = args[0] as { weights?: number[]; data?: unknown[] } | undefined;
      const w = spec?.weights ?? [];
      const data = spec?.data ?? [];
      let r = this.faker.number.float({ min: 0, max: 1 }) * w.reduce((a, b) => a + b, 0);
      for (let i = 0; i < data.length; i++) {
        r -= w[i] ?? 0;
        if (r < 0) return String(data[i]);
      }
      return String(data[data.length - 1] ?? '');
    }
    const target = ALIASES[path] ?? path;
    let fn: unknown = this.faker;
    let owner: unknown = null;
    for (const seg of target.split('.')) {
      owner = fn;
      fn = (fn as Record<string, unknown> | undefined)?.[seg];
    }
    if (typeof fn !== 'function') return `{{${path}}}`;
    let callArgs = args;
    // faker.js took number(max) or number({min,max}); faker 10 takes int(max) or int({min,max}).
    if ((target === 'number.int' || target === 'number.float') && args.length === 2) {
      callArgs = [{ min: args[0], max: args[1] }];
    }
    try {
      const v = (fn as (...a: unknown[]) => unknown).apply(owner, callArgs);
      return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    } catch {
      return `{{${path}}}`;
    }
  }
}
