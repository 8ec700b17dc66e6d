/**
 * Design files: text → design (parse → migrate → fill defaults → structural check → diagnostics) and
 * design → text (stable, 2-space JSON). parseDocument never throws and never returns a half-checked
 * design: a broken or foreign file is refused with what is wrong and where.
 */
import type { z } from 'zod';
import { syncDerived } from '../model/changes.ts';
import { DEFAULT_SETTINGS } from '../model/factory.ts';
import { KINDS } from '../model/kinds/index.ts';
import { migrate } from '../model/migrations.ts';
import type { Diagnostic, NodeKind, PipelineDoc } from '../model/types.ts';
import { validateDocument } from '../model/validate.ts';
import { locateJsonError } from './json-error.ts';
import { DocumentSchema } from './schema.ts';

export type ParseResult =
  | { ok: true; doc: PipelineDoc; migratedFrom?: number; diagnostics: Diagnostic[] }
  | { ok: false; error: { message: string; path?: string; line?: number; column?: number } };

/** Files above this size (UTF-16 code units) are refused before parsing. */
export const MAX_DOCUMENT_CHARS = 20_000_000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fill what is missing from `def` into `input`; only keys `def` knows are filled, recursively. */
function fill(def: unknown, input: unknown, kind: NodeKind, path: string): unknown {
  if (input === undefined) return def;
  if (!isObject(def) || !isObject(input)) return input;
  let base = def;
  const variants = KINDS[kind].variants?.[path];
  if (variants && typeof input.type === 'string') {
    if (!Object.hasOwn(variants, input.type)) return input;
    base = variants[input.type]() as Record<string, unknown>;
  }
  const out: Record<string, unknown> = { ...input };
  for (const key of Object.keys(base)) {
    out[key] = fill(base[key], input[key], kind, path ? `${path}.${key}` : key);
  }
  return out;
}

function fillNode(n: unknown, index: number): unknown {
  if (!isObject(n) || typeof n.kind !== 'string' || !Object.hasOwn(KINDS, n.kind)) return n;
  const kind = n.kind as NodeKind;
  return {
    ...n,
    name: n.name ?? `${KINDS[kind].namePrefix}-${index + 1}`,
    position: n.position ?? { x: 0, y: 0 },
    config: fill(KINDS[kind].defaults(), n.config, kind, ''),
  };
}

function fillDocument(raw: Record<string, unknown>): Record<string, unknown> {
  return {
    ...raw,
    name: raw.name ?? 'Untitled pipeline',
    description: raw.description ?? '',
    nodes: Array.isArray(raw.nodes) ? raw.nodes.map(fillNode) : (raw.nodes ?? []),
    edges: Array.isArray(raw.edges)
      ? raw.edges.map((e) => (isObject(e) ? { ...e, config: e.config ?? {} } : e))
      : (raw.edges ?? []),
    timeline: raw.timeline ?? [],
    settings: isObject(raw.settings)
      ? { ...DEFAULT_SETTINGS, ...raw.settings }
      : (raw.settings ?? { ...DEFAULT_SETTINGS }),
  };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return 'an object';
  return `the ${typeof v} ${String(v)}`;
}

const ARTICLE: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
};

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  const got = describeValue(value);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${ARTICLE[issue.expected] ?? issue.expected}, got ${got}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}, got ${got}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options: unknown[] = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
        return `unknown ${issue.discriminator} ${JSON.stringify(value)}; expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
      }
      return `${issue.message}, got ${got}`;
    default:
      return `${issue.message.replace(/^Invalid input: /, '')} (got ${got})`;
  }
}

function duplicateId(doc: PipelineDoc): { message: string; path: string } | null {
  const lists: [string, { id: string }[]][] = [
    ['nodes', doc.nodes],
    ['edges', doc.edges],
    ['timeline', doc.timeline],
  ];
  for (const [name, list] of lists) {
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const path = `${name}[${i}].id`;
      if (seen.has(list[i].id))
        return { path, message: `${path}: duplicate id ${JSON.stringify(list[i].id)}` };
      seen.add(list[i].id);
    }
  }
  return null;
}

export function parseDocument(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: { message: 'Expected the text of a JSON file.' } };
  if (text.length > MAX_DOCUMENT_CHARS)
    return {
      ok: false,
      error: { message: `The file is too large (${text.length} characters; the limit is 20,000,000).` },
    };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: { message: 'The file is empty.', line: 1, column: 1 } };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    const loc = locateJsonError(body);
    if (!loc) return { ok: false, error: { message: 'The file is not valid JSON.' } };
    return {
      ok: false,
      error: {
        message: `line ${loc.line}, column ${loc.column}: ${loc.message}`,
        line: loc.line,
        column: loc.column,
      },
    };
  }
  const migrated = migrate(raw);
  if (!migrated.ok) return { ok: false, error: migrated.error };
  const filled = fillDocument(migrated.value);
  const parsed = DocumentSchema.safeParse(filled);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = formatPath(issue.path);
    return { ok: false, error: { message: `${path || 'document'}: ${describeIssue(issue, filled)}`, path } };
  }
  let doc: PipelineDoc = parsed.data;
  const dup = duplicateId(doc);
  if (dup) return { ok: false, error: dup };
  if (migrated.migratedFrom !== undefined) doc = syncDerived(doc);
  const result: ParseResult = { ok: true, doc, diagnostics: validateDocument(doc) };
  if (migrated.migratedFrom !== undefined) result.migratedFrom = migrated.migratedFrom;
  return result;
}

/** Keys that read best first; every other key follows in alphabetical order. */
const KEY_ORDER = [
  'format',
  'schemaVersion',
  'id',
  'type',
  'kind',
  'name',
  'description',
  'source',
  'target',
  'position',
  'x',
  'y',
  'config',
  'nodes',
  'edges',
  'timeline',
  'settings',
];
const rank = (k: string) => {
  const i = KEY_ORDER.indexOf(k);
  return i < 0 ? KEY_ORDER.length : i;
};

function ordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(ordered);
  if (!isObject(v)) return v;
  const keys = Object.keys(v)
    .filter((k) => v[k] !== undefined)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = ordered(v[k]);
  return out;
}

/** Stable text for a design: same design, same bytes, whatever order its keys were built in. */
export function serializeDocument(doc: PipelineDoc): string {
  return `${JSON.stringify(ordered(doc), null, 2)}\n`;
}
