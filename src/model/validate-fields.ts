/** Field-level validation of one node's config: types, ranges and option sets from its kind's fields. */
import { getAt } from './config.ts';
import { firehoseDestinationKind } from './kinds/firehose.ts';
import { type FieldContext, type FieldDef, KINDS } from './kinds/index.ts';
import { makeDiagnostic } from './messages.ts';
import type { ConfigByKind, Diagnostic, NodeKind } from './types.ts';

/** Text fields that must not be empty, as `<kind>.<path>`. */
const REQUIRED_TEXT = new Set([
  'producer.partitionKey.field',
  'producer.partitionKey.key',
  'producer.agent.filePattern',
  'producer.template',
  'analytics.inputNamePrefix',
  'redshift.clusterId',
  'redshift.database',
  'firehose.redshift.table',
  'firehose.opensearch.indexName',
  'opensearch.domain',
  'dynamodb.table',
  'dynamodb.partitionKey',
  'consumerApp.applicationName',
]);

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const MAX_HASH = (1n << 128n) - 1n;

export function isVisible(field: FieldDef, config: unknown, ctx?: FieldContext): boolean {
  return field.visible ? field.visible(config, ctx) : true;
}

function checkField(
  kind: NodeKind,
  field: FieldDef,
  value: unknown,
  where: { nodeId?: string },
  nodeName: string,
): Diagnostic | null {
  const label = field.label.en;
  const labelJa = field.label.ja;
  const at = { ...where, field: field.path };
  const base = { label, labelJa, unit: field.unit ?? '' };
  switch (field.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return makeDiagnostic('error', 'not-a-number', { ...base, value: String(value) }, at);
      if (field.type === 'integer' && !Number.isInteger(value))
        return makeDiagnostic('error', 'not-integer', { ...base, value }, at);
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))
        return makeDiagnostic(
          'error',
          'range',
          { ...base, value, min: field.min ?? -Infinity, max: field.max ?? Infinity },
          at,
        );
      return null;
    }
    case 'select': {
      if (field.dynamicOptions || !field.options) return null;
      if (!field.options.some((o) => o.value === value))
        return makeDiagnostic('error', 'invalid-option', { ...base, value: String(value) }, at);
      return null;
    }
    case 'code':
      if (typeof value !== 'string' || value.trim() === '')
        return makeDiagnostic('error', 'empty-code', { ...base, name: nodeName }, at);
      return null;
    case 'text':
    case 'textarea':
      if (REQUIRED_TEXT.has(`${kind}.${field.path}`) && (typeof value !== 'string' || value.trim() === ''))
        return makeDiagnostic('error', 'empty-value', base, at);
      return null;
    default:
      return null;
  }
}

/**
 * Every problem in one node's config on its own: each visible field's type and range, plus the rules
 * that tie one field to another in the same config. `ctx` (the design) makes destination-dependent
 * fields and limits apply; without it they are all checked.
 */
export function validateFields<K extends NodeKind>(
  kind: K,
  config: ConfigByKind[K],
  ctx?: FieldContext,
  nodeName = '',
): Diagnostic[] {
  const where = ctx ? { nodeId: ctx.nodeId } : {};
  const out: Diagnostic[] = [];
  for (const field of KINDS[kind].fields) {
    if (!isVisible(field, config, ctx)) continue;
    const d = checkField(kind, field, getAt(config, field.path), where, nodeName);
    if (d) out.push(d);
  }
  out.push(...crossFieldRules(kind, config, ctx, where));
  return out;
}

function crossFieldRules(
  kind: NodeKind,
  config: ConfigByKind[NodeKind],
  ctx: FieldContext | undefined,
  where: { nodeId?: string },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (code: string, params: Record<string, string | number>, field?: string) =>
    out.push(makeDiagnostic('error', code, params, { ...where, field }));
  if (kind === 'producer') {
    const c = config as ConfigByKind['producer'];
    if (c.size.type === 'uniform' && c.size.minBytes > c.size.maxBytes)
      err('size-min-max', { min: c.size.minBytes, max: c.size.maxBytes }, 'size.minBytes');
    if (c.partitionKey.type === 'explicitHashKey') {
      const v = c.partitionKey.hashKey;
      if (!/^(0|[1-9]\d{0,38})$/.test(v) || BigInt(v) > MAX_HASH)
        err('hash-key-range', { value: v }, 'partitionKey.hashKey');
    }
  } else if (kind === 'stream') {
    const c = config as ConfigByKind['stream'];
    if (c.efoConsumers.length > 20)
      err('efo-max-consumers', { value: c.efoConsumers.length }, 'efoConsumers');
    const seen = new Set<string>();
    for (const name of c.efoConsumers) {
      if (name.trim() === '' || seen.has(name)) err('efo-bad-name', { value: name }, 'efoConsumers');
      seen.add(name);
    }
  } else if (kind === 'lambda') {
    const c = config as ConfigByKind['lambda'];
    const age = c.esm.maximumRecordAgeSec;
    if (c.use === 'consumer' && Number.isInteger(age) && age >= 0 && age < 60)
      err('record-age-range', { value: age }, 'esm.maximumRecordAgeSec');
    if (c.use === 'firehoseTransform' && c.timeoutSec > 300 && c.timeoutSec <= 900)
      err('transform-timeout-range', { value: c.timeoutSec }, 'timeoutSec');
  } else if (kind === 'firehose') {
    const c = config as ConfigByKind['firehose'];
    if (
      ctx &&
      firehoseDestinationKind(ctx.doc, ctx.nodeId) === 'opensearch' &&
      c.bufferSizeMiB > 100 &&
      c.bufferSizeMiB <= 128
    )
      err('opensearch-buffer-range', { value: c.bufferSizeMiB }, 'bufferSizeMiB');
  } else if (kind === 's3') {
    const c = config as ConfigByKind['s3'];
    if (!BUCKET.test(c.bucket) || c.bucket.includes('..')) err('bucket-name', { value: c.bucket }, 'bucket');
  }
  return out;
}
