/**
 * A Firehose delivery stream's place in the design: which of its targets is its main destination,
 * and its wiring checks (one source stream or Direct PUT, one destination, Redshift and OpenSearch
 * need an S3 bucket, format conversion only to S3…).
 */
import type { z } from 'zod/mini';
import { makeDiagnostic } from '../messages.ts';
import type { Diagnostic, EdgeConfig, PipelineDoc, PipelineNode } from '../types.ts';
import type { firehoseConfig } from './firehose-config.ts';
import type { NodeOfKind, Refusal, WiringContext } from './types.ts';

type FirehoseNode = NodeOfKind<'firehose', z.infer<typeof firehoseConfig>>;

const refuse = (code: string, en: string, ja: string): Refusal => ({ code, reason: { en, ja } });

/** A delivery stream reads either from producers (Direct PUT) or from exactly one data stream. */
export function firehoseRefuseIn(
  target: FirehoseNode,
  from: PipelineNode,
  incoming: PipelineNode[],
): Refusal | null {
  if (from.kind === 'producer' && incoming.some((n) => n.kind === 'stream'))
    return refuse(
      'firehose-source-is-stream',
      `Delivery stream "${target.name}" reads from a data stream, so producers cannot write to it directly (Direct PUT is disabled). Connect the producer to the data stream instead.`,
      `配信ストリーム「${target.name}」はデータストリームから読み取るため、プロデューサーから直接書き込めません (Direct PUT は無効)。プロデューサーはデータストリームに接続してください。`,
    );
  if (from.kind === 'stream' && incoming.some((n) => n.kind === 'stream'))
    return refuse(
      'firehose-one-stream',
      `Delivery stream "${target.name}" already reads from a data stream; a Firehose delivery stream has exactly one source stream.`,
      `配信ストリーム「${target.name}」はすでにデータストリームから読み取っています。Firehose 配信ストリームのソースストリームは 1 つだけです。`,
    );
  if (from.kind === 'stream' && incoming.length > 0)
    return refuse(
      'firehose-has-direct-put',
      `Delivery stream "${target.name}" already takes Direct PUT records; a delivery stream reads either from producers or from one data stream, not both.`,
      `配信ストリーム「${target.name}」はすでに Direct PUT でレコードを受け取っています。配信ストリームのソースはプロデューサーか 1 つのデータストリームのどちらかです。`,
    );
  return null;
}

const mainOf = (outgoing: PipelineNode[]) =>
  outgoing.find((n) => n.kind === 'redshift' || n.kind === 'opensearch');

/** One main destination (Redshift or OpenSearch) and one S3 bucket (destination, staging or backup). */
export function firehoseRefuseOut(
  source: FirehoseNode,
  to: PipelineNode,
  outgoing: PipelineNode[],
): Refusal | null {
  const main = mainOf(outgoing);
  const s3 = outgoing.find((n) => n.kind === 's3');
  if ((to.kind === 'redshift' || to.kind === 'opensearch') && main)
    return refuse(
      'firehose-one-destination',
      `Delivery stream "${source.name}" already delivers to "${main.name}"; a delivery stream has exactly one destination.`,
      `配信ストリーム「${source.name}」はすでに「${main.name}」に配信しています。配信先は 1 つだけです。`,
    );
  if (to.kind === 's3' && s3)
    return refuse(
      'firehose-one-destination',
      `Delivery stream "${source.name}" already writes to bucket "${s3.name}"; a delivery stream has one S3 bucket (destination, staging or backup).`,
      `配信ストリーム「${source.name}」はすでにバケット「${s3.name}」に書き込んでいます。S3 バケット (配信先・ステージング・バックアップ) は 1 つだけです。`,
    );
  return null;
}

/** A bucket next to a Redshift / OpenSearch destination is its backup (staging); else the delivery. */
export function firehoseNewEdge(
  _source: FirehoseNode,
  to: PipelineNode,
  outgoing: PipelineNode[],
): EdgeConfig {
  return { role: to.kind === 's3' && mainOf(outgoing) ? 'backup' : 'delivery' };
}

/** The destinations a delivery stream delivers to (its main one; an S3 bucket may also be staging / backup). */
export type FirehoseDestination = 's3' | 'redshift' | 'opensearch';
const isDestination = (kind: string): kind is FirehoseDestination =>
  kind === 's3' || kind === 'redshift' || kind === 'opensearch';

/** Per design: each Firehose's main destination kind. Designs are immutable, so a WeakMap is a safe cache. */
const destinations = new WeakMap<PipelineDoc, Map<string, FirehoseDestination>>();

/**
 * The kind of a Firehose node's main destination, or null: Redshift or OpenSearch when it delivers
 * there (its S3 bucket is then staging / backup), else S3 when it writes to a bucket.
 */
export function firehoseDestinationKind(doc: PipelineDoc, firehoseId: string): FirehoseDestination | null {
  let map = destinations.get(doc);
  if (!map) {
    map = new Map();
    const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]));
    for (const e of doc.edges) {
      const kind = kinds.get(e.target);
      if (kind === undefined || !isDestination(kind)) continue;
      if (kinds.get(e.source) !== 'firehose') continue;
      if (kind !== 's3' || !map.has(e.source)) map.set(e.source, kind);
    }
    destinations.set(doc, map);
  }
  return map.get(firehoseId) ?? null;
}

export function firehoseWiring(n: FirehoseNode, { doc, ins, outs }: WiringContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const p = { name: n.name };
  const at = { nodeId: n.id };
  const err = (code: string, params: Record<string, string | number> = p, field?: string) =>
    out.push(makeDiagnostic('error', code, params, { ...at, field }));
  const c = n.config;
  const mains = outs.filter((t) => t.kind === 'redshift' || t.kind === 'opensearch');
  const buckets = outs.filter((t) => t.kind === 's3');
  const main: FirehoseDestination | null =
    mains.length > 0 ? mains[0].kind : buckets.length > 0 ? 's3' : null;
  if (mains.length + buckets.length === 0) err('firehose-no-destination');
  if (mains.length > 1 || buckets.length > 1) err('firehose-one-destination');
  if (main === 'redshift' && buckets.length === 0) err('redshift-needs-s3');
  if (main === 'opensearch' && buckets.length === 0) err('opensearch-needs-s3');
  const streams = ins.filter((s) => s.kind === 'stream').length;
  if (ins.length === 0) out.push(makeDiagnostic('warning', 'firehose-no-source', p, at));
  if (streams > 1) err('firehose-many-streams', { ...p, value: streams });
  if (streams > 0 && ins.length > streams) err('firehose-mixed-sources');
  const wired = streams > 0 ? 'kinesisStream' : ins.length > 0 ? 'directPut' : null;
  if (wired !== null && c.source !== wired) err('firehose-source-mismatch', { ...p, value: wired }, 'source');
  if (buckets.length > 0 && c.bufferIntervalSec < 60 && c.bufferIntervalSec >= 0)
    out.push(
      makeDiagnostic(
        'warning',
        'firehose-short-interval',
        { value: c.bufferIntervalSec },
        { ...at, field: 'bufferIntervalSec' },
      ),
    );
  if (c.formatConversion !== 'NONE') {
    if (c.bufferSizeMiB < 64) err('format-conversion-buffer', { value: c.bufferSizeMiB }, 'bufferSizeMiB');
    if (main !== null && main !== 's3') err('format-conversion-s3-only', p, 'formatConversion');
    if (c.compression !== 'UNCOMPRESSED') err('format-conversion-compression', p, 'compression');
  }
  if (main === 'redshift' && (c.compression === 'Snappy' || c.compression === 'ZIP'))
    err('redshift-compression', { value: c.compression }, 'compression');
  if (c.transformLambdaId !== null) {
    const fn = doc.nodes.find((x) => x.id === c.transformLambdaId);
    if (fn?.kind !== 'lambda') err('transform-lambda-missing', p, 'transformLambdaId');
    else if (fn.config.use !== 'firehoseTransform')
      err('transform-lambda-wrong-use', { name: fn.name }, 'transformLambdaId');
  }
  return out;
}
