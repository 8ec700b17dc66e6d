/**
 * Reading values through CloudFormation's intrinsic functions: which resource a value points at
 * (`Ref`, `Fn::GetAtt`, `Fn::Sub` with `${X.Arn}`, an ARN string naming a resource of the template),
 * plain literals (a `Ref` to a parameter gives its Default), and deployed names without the
 * exporter's `${EnvironmentPrefix}-` start or a bucket's `-${AWS::AccountId}` end.
 */
import type { CfnTemplate, Json } from './parse.ts';

const isObject = (v: unknown): v is { [key: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export class Refs {
  constructor(private readonly t: CfnTemplate) {}

  /** The logical id of the resource a value points at, or null. */
  target(v: Json | undefined): string | null {
    if (typeof v === 'string') return this.byName(v);
    if (!isObject(v)) return null;
    if (typeof v.Ref === 'string') return this.t.Resources[v.Ref] ? v.Ref : null;
    const att = v['Fn::GetAtt'];
    if (Array.isArray(att) && typeof att[0] === 'string') return this.t.Resources[att[0]] ? att[0] : null;
    if (typeof att === 'string') return this.target({ 'Fn::GetAtt': [att.split('.')[0]] });
    const sub = v['Fn::Sub'];
    const text =
      typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : null;
    if (text !== null) {
      for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g))
        if (this.t.Resources[m[1]]) return m[1];
      const vars = Array.isArray(sub) && isObject(sub[1]) ? sub[1] : {};
      for (const x of Object.values(vars)) {
        const id = this.target(x);
        if (id) return id;
      }
    }
    const join = v['Fn::Join'];
    if (Array.isArray(join) && Array.isArray(join[1]))
      for (const part of join[1]) {
        const id = this.target(part);
        if (id) return id;
      }
    return null;
  }

  /** Every logical id a value points at (a list of ARNs, a policy statement's Resource…). */
  targets(v: Json | undefined): string[] {
    const list = Array.isArray(v) ? v : [v];
    const out: string[] = [];
    for (const x of list) {
      const id = this.target(x as Json);
      if (id && !out.includes(id)) out.push(id);
    }
    return out;
  }

  /**
   * `arn:aws:kinesis:…:stream/clicks` (or plain `clicks`, as a mapping's FunctionName may be) → the
   * resource of the template whose deployed name is `clicks`.
   */
  private byName(text: string): string | null {
    const m = text.startsWith('arn:')
      ? /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(?:[a-z-]+[/:])?([^/:]+)/.exec(text)
      : [text, text];
    if (!m) return null;
    for (const [id, r] of Object.entries(this.t.Resources)) {
      if (r.Type === 'AWS::Lambda::EventSourceMapping') continue;
      const p = r.Properties ?? {};
      for (const key of NAME_PROPS) if (key in p && this.name(p[key]) === m[1]) return id;
    }
    return null;
  }

  /** A literal value: numbers, strings, booleans as they are; a Ref to a parameter gives its Default. */
  literal(v: Json | undefined): Json | undefined {
    if (isObject(v) && typeof v.Ref === 'string') {
      const p = this.t.Parameters?.[v.Ref];
      return p && 'Default' in p ? p.Default : undefined;
    }
    return isObject(v) ? undefined : v;
  }

  num(v: Json | undefined): number | undefined {
    const x = this.literal(v);
    if (typeof x === 'number') return x;
    if (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x.trim())) return Number(x);
    return undefined;
  }

  str(v: Json | undefined): string | undefined {
    const x = this.literal(v);
    return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined;
  }

  bool(v: Json | undefined): boolean | undefined {
    const x = this.literal(v);
    if (typeof x === 'boolean') return x;
    if (x === 'true' || x === 'false') return x === 'true';
    return undefined;
  }

  /**
   * The name part a deployer does not change: `${EnvironmentPrefix}-clicks` → `clicks`,
   * `${EnvironmentPrefix}-lake-${AWS::AccountId}` → `lake`, `!Join ['-', [!Ref Env, clicks]]` → `clicks`.
   */
  name(v: Json | undefined): string | undefined {
    if (typeof v === 'string') return v;
    if (!isObject(v)) return undefined;
    const sub = v['Fn::Sub'];
    const text =
      typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : null;
    if (text !== null) return clean(text.replace(/\$\{[^}]*\}/g, '\u0000'));
    const join = v['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      const parts = join[1].map((p) => (typeof p === 'string' ? p : '\u0000'));
      return clean(parts.join(join[0]));
    }
    const lit = this.literal(v);
    return typeof lit === 'string' ? lit : undefined;
  }
}

/** Drop the placeholders (prefix, account id, region) and the separators next to them. */
function clean(s: string): string | undefined {
  const parts = s
    .split('\u0000')
    .map((p) => p.replace(/^[-_.]+|[-_.]+$/g, ''))
    .filter(Boolean);
  return parts.length > 0 ? parts.join('-') : undefined;
}

/** Properties that hold a resource's deployed name, for matching plain ARN strings. */
const NAME_PROPS = [
  'Name',
  'FunctionName',
  'DeliveryStreamName',
  'BucketName',
  'TableName',
  'DomainName',
  'ClusterIdentifier',
  'ApplicationName',
  'ConsumerName',
];
