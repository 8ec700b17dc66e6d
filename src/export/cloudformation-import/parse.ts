/**
 * CloudFormation template text (JSON or YAML) → a plain template object. YAML short-form intrinsic
 * tags (`!Ref X`, `!GetAtt X.Arn`, `!Sub`, `!Join`, …) become their long JSON form, so the rest of
 * the importer reads one shape. Never throws: a file that is not a template says why.
 */
import { parse, type Tags } from 'yaml';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface CfnResource {
  Type: string;
  Properties?: { [key: string]: Json };
  Metadata?: Json;
  DependsOn?: string | string[];
}

export interface CfnTemplate {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Metadata?: { [key: string]: Json };
  Parameters?: Record<string, { [key: string]: Json }>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Description?: string; Value: Json }>;
}

const INTRINSICS = [
  'Ref',
  'Condition',
  'GetAtt',
  'Sub',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'FindInMap',
  'Base64',
  'Cidr',
  'ImportValue',
  'GetAZs',
  'Transform',
  'ToJsonString',
  'Length',
];

/** `!GetAtt A.B` is the scalar form of `Fn::GetAtt: [A, B]`. */
function longForm(name: string, value: unknown): Json {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [key]: value as Json };
}

const CFN_TAGS: Tags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (s: string) => longForm(name, s) },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (s: { toJSON(): unknown }) => longForm(name, s.toJSON()),
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (s: { toJSON(): unknown }) => longForm(name, s.toJSON()),
  },
]) as unknown as Tags;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Does this parsed value look like a CloudFormation template? (a format version, or Resources whose
 * types are `AWS::…`). A Shardscape design (format `shardscape.pipeline`) never does.
 */
export function looksLikeCloudFormation(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (typeof v.AWSTemplateFormatVersion === 'string') return true;
  return (
    isObject(v.Resources) &&
    Object.values(v.Resources).some((r) => isObject(r) && typeof r.Type === 'string' && /^AWS::/.test(r.Type))
  );
}

/** A quick look at text before parsing it fully: could it be a template (JSON or YAML)? */
export function mightBeCloudFormation(text: string): boolean {
  return /AWSTemplateFormatVersion|\bType["']?\s*:\s*["']?AWS::/.test(text.slice(0, 200_000));
}

export type TemplateParse = { ok: true; template: CfnTemplate } | { ok: false; message: string };

export function parseTemplate(text: string): TemplateParse {
  let value: unknown;
  const trimmed = text.trimStart();
  try {
    value = trimmed.startsWith('{')
      ? JSON.parse(text)
      : parse(text, { customTags: CFN_TAGS, maxAliasCount: 100 });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `The file is neither valid JSON nor valid YAML: ${msg.split('\n')[0]}` };
  }
  if (!looksLikeCloudFormation(value))
    return { ok: false, message: 'The file is not a CloudFormation template (no AWS:: resources).' };
  const t = value as Record<string, unknown>;
  if (!isObject(t.Resources)) return { ok: false, message: 'The template has no Resources section.' };
  for (const [id, r] of Object.entries(t.Resources)) {
    if (!isObject(r) || typeof r.Type !== 'string')
      return { ok: false, message: `Resource ${id} has no Type.` };
    if (r.Properties !== undefined && !isObject(r.Properties))
      return { ok: false, message: `Resource ${id}: Properties is not an object.` };
  }
  return { ok: true, template: value as CfnTemplate };
}
