/**
 * Upgrading older design files to the current schema. Each version has one step; migrate() runs
 * them in order. The result is still unchecked JSON: src/export/document.ts fills defaults and checks
 * its structure afterwards.
 *
 * Schema version 0 was the prototype's format:
 *   { "version": 0, "title", "nodes": [{ "id", "type", "x", "y", "data" }], "links": [{ "from", "to" }] }
 * where `data` holds part of a config under old or current names and numbers may be strings ("4").
 */
import { setAt } from './config.ts';
import { KINDS } from './kinds/index.ts';
import { FORMAT, type NodeKind, SCHEMA_VERSION } from './types.ts';

export type MigrateResult =
  | { ok: true; value: Record<string, unknown>; migratedFrom?: number }
  | { ok: false; error: { message: string; path?: string } };

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Prototype type names → kinds. */
const V0_TYPES: Record<string, NodeKind> = {
  producer: 'producer',
  kpl: 'producer',
  agent: 'producer',
  generator: 'producer',
  kinesis: 'stream',
  kds: 'stream',
  stream: 'stream',
  lambda: 'lambda',
  analytics: 'analytics',
  kda: 'analytics',
  sql: 'analytics',
  firehose: 'firehose',
  kdf: 'firehose',
  s3: 's3',
  redshift: 'redshift',
  elasticsearch: 'opensearch',
  es: 'opensearch',
  opensearch: 'opensearch',
  dynamodb: 'dynamodb',
  ddb: 'dynamodb',
  consumer: 'consumerApp',
  kcl: 'consumerApp',
  consumerapp: 'consumerApp',
};

/** Prototype data keys → current config paths. */
const V0_KEYS: Partial<Record<NodeKind, Record<string, string>>> = {
  producer: { rate: 'rate.recordsPerSec', recordsPerSec: 'rate.recordsPerSec', batch: 'batchSize' },
  stream: { shards: 'shardCount', retention: 'retentionHours', mode: 'capacityMode' },
  lambda: {
    batchSize: 'esm.batchSize',
    batchWindow: 'esm.batchingWindowSec',
    parallelization: 'esm.parallelizationFactor',
    memory: 'memoryMB',
    timeout: 'timeoutSec',
    handler: 'code',
  },
  firehose: { bufferSize: 'bufferSizeMiB', bufferMB: 'bufferSizeMiB', bufferInterval: 'bufferIntervalSec' },
  analytics: { query: 'sql' },
  s3: { bucketName: 'bucket' },
  dynamodb: { tableName: 'table' },
};

/** Turn a prototype value into the type the field expects ("4" → 4, "true" → true). */
function coerce(kind: NodeKind, path: string, value: unknown): unknown {
  const field = KINDS[kind].fields.find((f) => f.path === path);
  if (!field || typeof value !== 'string') return value;
  if (field.type === 'number' || field.type === 'integer') {
    const n = Number(value.trim());
    return value.trim() !== '' && Number.isFinite(n) ? n : value;
  }
  if (field.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/** A prototype key names a field directly, or by its last segment when that is unambiguous. */
function pathForKey(kind: NodeKind, key: string): string {
  const fields = KINDS[kind].fields;
  if (fields.some((f) => f.path === key)) return key;
  const bySuffix = fields.filter((f) => f.path.endsWith(`.${key}`));
  return bySuffix.length === 1 ? bySuffix[0].path : key;
}

function migrateV0(raw: Record<string, unknown>): MigrateResult {
  const nodesIn = raw.nodes ?? [];
  const linksIn = raw.links ?? [];
  if (!Array.isArray(nodesIn))
    return { ok: false, error: { message: 'nodes: expected an array', path: 'nodes' } };
  if (!Array.isArray(linksIn))
    return { ok: false, error: { message: 'links: expected an array', path: 'links' } };
  const names = new Map<string, number>();
  const nodes: Record<string, unknown>[] = [];
  for (let i = 0; i < nodesIn.length; i++) {
    const n = nodesIn[i];
    const at = `nodes[${i}]`;
    if (!isObject(n)) return { ok: false, error: { message: `${at}: expected an object`, path: at } };
    const kind = typeof n.type === 'string' ? V0_TYPES[n.type.toLowerCase()] : undefined;
    if (!kind)
      return {
        ok: false,
        error: { message: `${at}.type: unknown node type ${JSON.stringify(n.type)}`, path: `${at}.type` },
      };
    const data = isObject(n.data) ? n.data : {};
    let config: unknown = KINDS[kind].defaults();
    for (const [key, value] of Object.entries(data)) {
      if (key === 'name' || key === '__proto__') continue;
      const path = V0_KEYS[kind]?.[key] ?? pathForKey(kind, key);
      if (!KINDS[kind].fields.some((f) => f.path === path) && !Object.hasOwn(config as object, path))
        continue;
      config = setAt(config, path, coerce(kind, path, value));
    }
    const prefix = KINDS[kind].namePrefix;
    const count = (names.get(prefix) ?? 0) + 1;
    names.set(prefix, count);
    const num = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v);
    nodes.push({
      id: typeof n.id === 'number' ? String(n.id) : n.id,
      kind,
      name: typeof data.name === 'string' ? data.name : `${prefix}-${count}`,
      position: { x: num(n.x ?? 0), y: num(n.y ?? 0) },
      config,
    });
  }
  const edges: Record<string, unknown>[] = [];
  for (let i = 0; i < linksIn.length; i++) {
    const l = linksIn[i];
    if (!isObject(l))
      return { ok: false, error: { message: `links[${i}]: expected an object`, path: `links[${i}]` } };
    const source = typeof l.from === 'number' ? String(l.from) : l.from;
    const target = typeof l.to === 'number' ? String(l.to) : l.to;
    const from = nodes.find((n) => n.id === source);
    edges.push({
      id: `e-${String(source)}-${String(target)}`,
      source,
      target,
      config: from?.kind === 'stream' ? { readMode: 'polling' } : {},
    });
  }
  return {
    ok: true,
    migratedFrom: 0,
    value: {
      format: FORMAT,
      schemaVersion: 1,
      name: typeof raw.title === 'string' ? raw.title : 'Imported prototype design',
      description: 'Migrated from a schema version 0 (prototype) file.',
      nodes,
      edges,
      timeline: [],
    },
  };
}

/** Bring any known file version up to the current schema; refuse foreign or future files with a reason. */
export function migrate(raw: unknown): MigrateResult {
  if (!isObject(raw))
    return {
      ok: false,
      error: {
        message: `This is not a Shardscape design: expected a JSON object, found ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`}.`,
      },
    };
  if (raw.format === undefined && raw.version === 0) return migrateV0(raw);
  if (raw.format === undefined)
    return {
      ok: false,
      error: { message: 'This is not a Shardscape design: no `format` field.', path: 'format' },
    };
  if (raw.format !== FORMAT)
    return {
      ok: false,
      error: {
        message: `This is not a Shardscape design: format is ${JSON.stringify(raw.format)}, expected "${FORMAT}".`,
        path: 'format',
      },
    };
  const v = raw.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    return {
      ok: false,
      error: { message: 'schemaVersion: expected a whole number of 1 or more.', path: 'schemaVersion' },
    };
  if (v > SCHEMA_VERSION)
    return {
      ok: false,
      error: {
        message: `This design uses schema version ${v}, made by a newer Shardscape; this version reads schema versions up to ${SCHEMA_VERSION}.`,
        path: 'schemaVersion',
      },
    };
  return { ok: true, value: raw };
}
