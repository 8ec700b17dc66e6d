/**
 * The studio's in-browser CloudFormation check: a template's resource properties against the
 * provider schemas generated at build time from AWS's validator (scripts/cfn-schema.mjs →
 * schema.json). It checks what the schemas say (names, types, min/max, lengths, enums, patterns,
 * required), skipping values that are intrinsic functions (`Ref`, `Fn::*`: known only on deploy).
 * The WASM validator stays in the tests and the CLI; this is its small, pure subset.
 */

export interface Spec {
  ref?: string;
  t?: string | string[];
  min?: number;
  max?: number;
  minL?: number;
  maxL?: number;
  minI?: number;
  maxI?: number;
  pat?: string;
  enum?: (string | number)[];
  items?: Spec;
  p?: Record<string, Spec>;
  req?: string[];
  closed?: boolean;
}

export interface ResourceSchema extends Spec {
  d: Record<string, Spec>;
}

export interface SchemaFile {
  source: string;
  types: Record<string, ResourceSchema>;
}

export type Rule = 'unknown' | 'required' | 'type' | 'min' | 'max' | 'length' | 'enum' | 'pattern' | 'items';

export interface SchemaFinding {
  logicalId: string;
  /** `Properties.ShardCount`, `Properties.BufferingHints.SizeInMBs`… */
  path: string;
  rule: Rule;
  /** The allowed value, range or list, said for the user. */
  expected: string;
  /** The template's value, shortened. */
  value: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** `{ Ref }`, `{ Fn::GetAtt }`, `{ Fn::Sub }`…: resolved only on deploy, so not checked. */
const isIntrinsic = (v: unknown) =>
  isObject(v) && Object.keys(v).length === 1 && /^(Ref|Fn::|Condition$)/.test(Object.keys(v)[0]);

const show = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

const patterns = new Map<string, RegExp | null>();
function regex(pat: string): RegExp | null {
  if (!patterns.has(pat)) {
    let r: RegExp | null = null;
    try {
      r = new RegExp(pat, 'u');
    } catch {
      try {
        r = new RegExp(pat);
      } catch {
        r = null; // a pattern JavaScript cannot read is not checked
      }
    }
    patterns.set(pat, r);
  }
  return patterns.get(pat) ?? null;
}

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'integer':
      return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));
    case 'number':
      return typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
    case 'string':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    case 'boolean':
      return typeof v === 'boolean' || v === 'true' || v === 'false';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    default:
      return true;
  }
}

class Walker {
  readonly found: SchemaFinding[] = [];
  constructor(
    private readonly schema: ResourceSchema,
    private readonly logicalId: string,
  ) {}

  private add(path: string, rule: Rule, expected: string, value: unknown) {
    this.found.push({ logicalId: this.logicalId, path, rule, expected, value: show(value) });
  }

  check(spec: Spec, v: unknown, path: string, depth = 0): void {
    if (v === undefined || isIntrinsic(v) || depth > 30) return;
    let s = spec;
    for (let i = 0; s.ref && i < 10; i++) s = { ...(this.schema.d[s.ref] ?? {}), ...s, ref: undefined };
    const types = s.t === undefined ? [] : Array.isArray(s.t) ? s.t : [s.t];
    if (types.length > 0 && !types.some((t) => typeOk(t, v))) {
      this.add(path, 'type', types.join(' or '), v);
      return;
    }
    if (
      typeof v === 'number' ||
      (typeof v === 'string' && types.some((t) => t === 'integer' || t === 'number'))
    ) {
      const n = Number(v);
      if (s.min !== undefined && n < s.min) this.add(path, 'min', `≥ ${s.min}`, v);
      if (s.max !== undefined && n > s.max) this.add(path, 'max', `≤ ${s.max}`, v);
    }
    if (typeof v === 'string') {
      if ((s.minL !== undefined && v.length < s.minL) || (s.maxL !== undefined && v.length > s.maxL))
        this.add(path, 'length', `${s.minL ?? 0}–${s.maxL ?? '∞'} characters`, v);
      if (s.enum && !s.enum.map(String).includes(v)) this.add(path, 'enum', s.enum.join(', '), v);
      const r = s.pat ? regex(s.pat) : null;
      if (r && !r.test(v)) this.add(path, 'pattern', s.pat as string, v);
    }
    if (Array.isArray(v)) {
      if ((s.minI !== undefined && v.length < s.minI) || (s.maxI !== undefined && v.length > s.maxI))
        this.add(path, 'items', `${s.minI ?? 0}–${s.maxI ?? '∞'} items`, v.length);
      if (s.items) for (const [i, x] of v.entries()) this.check(s.items, x, `${path}[${i}]`, depth + 1);
    }
    if (isObject(v) && s.p) this.object(s, v, path, depth);
  }

  object(s: Spec, v: Record<string, unknown>, path: string, depth: number): void {
    const props = s.p ?? {};
    for (const [k, x] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      if (Object.hasOwn(props, k)) this.check(props[k], x, at, depth + 1);
      else if (s.closed) this.add(at, 'unknown', nearest(k, Object.keys(props)), k);
    }
    for (const k of s.req ?? []) if (!(k in v)) this.add(path ? `${path}.${k}` : k, 'required', k, '');
  }
}

/** The allowed property closest to a misspelt one ("did you mean"), by edit distance. */
function nearest(word: string, options: string[]): string {
  let best = '';
  let score = Number.POSITIVE_INFINITY;
  for (const o of options) {
    const d = distance(word.toLowerCase(), o.toLowerCase());
    if (d < score) [best, score] = [o, d];
  }
  return score <= Math.max(2, word.length / 3) ? best : '';
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Findings for every resource whose type the schema file has (others are not checked). */
export function checkTemplate(
  template: { Resources: Record<string, { Type: string; Properties?: unknown }> },
  file: SchemaFile,
): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  for (const [id, r] of Object.entries(template.Resources)) {
    const schema = file.types[r.Type];
    if (!schema) continue;
    const w = new Walker(schema, id);
    const props = r.Properties ?? {};
    if (isObject(props)) w.object({ ...schema, closed: schema.closed }, props, 'Properties', 0);
    out.push(...w.found);
  }
  return out;
}
