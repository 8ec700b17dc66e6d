/**
 * Wiring checks of a whole design: the connection rules re-checked on existing edges (imported files),
 * cycles, EFO consumer names, missing connections, and each Firehose's source and destination rules.
 */
import { connectionRule } from './connections.ts';
import { makeDiagnostic } from './messages.ts';
import type { Diagnostic, NodeKind, PipelineDoc, PipelineNode, ScheduledReshard } from './types.ts';

export type Graph = {
  byId: Map<string, PipelineNode>;
  ins: Map<string, PipelineNode[]>;
  outs: Map<string, PipelineNode[]>;
};

export function graphOf(doc: PipelineDoc): Graph {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const ins = new Map<string, PipelineNode[]>(doc.nodes.map((n) => [n.id, []]));
  const outs = new Map<string, PipelineNode[]>(doc.nodes.map((n) => [n.id, []]));
  for (const e of doc.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t || s === t) continue;
    outs.get(s.id)?.push(t);
    ins.get(t.id)?.push(s);
  }
  return { byId, ins, outs };
}

export function edgeRules(doc: PipelineDoc, g: Graph): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pairs = new Set<string>();
  for (const e of doc.edges) {
    const at = { edgeId: e.id };
    const s = g.byId.get(e.source);
    const t = g.byId.get(e.target);
    if (!s || !t) {
      out.push(makeDiagnostic('error', 'edge-unknown-node', { value: s ? e.target : e.source }, at));
      continue;
    }
    if (s === t) {
      out.push(makeDiagnostic('error', 'self-loop', {}, { ...at, nodeId: s.id }));
      continue;
    }
    const key = `${s.id}\u0000${t.id}`;
    if (pairs.has(key)) out.push(makeDiagnostic('error', 'duplicate-edge', {}, at));
    pairs.add(key);
    const rule = connectionRule(s.kind, t.kind);
    if (!rule.ok)
      out.push(
        makeDiagnostic(
          'error',
          'invalid-connection',
          { reason: rule.reason.en, reasonJa: rule.reason.ja },
          at,
        ),
      );
    if (e.config.readMode === 'efo') {
      if (s.kind !== 'stream') out.push(makeDiagnostic('error', 'efo-not-stream', {}, at));
      else if (!s.config.efoConsumers.includes(e.config.efoConsumerName ?? ''))
        out.push(
          makeDiagnostic(
            'error',
            'efo-unknown-consumer',
            { value: e.config.efoConsumerName ?? '', name: s.name },
            at,
          ),
        );
    }
  }
  const back = findBackEdge(doc, g);
  if (back) out.push(makeDiagnostic('error', 'cycle', {}, { edgeId: back }));
  return out;
}

/** The id of one edge that closes a cycle, or null (iterative DFS: white / grey / black). */
function findBackEdge(doc: PipelineDoc, g: Graph): string | null {
  const outEdges = new Map<string, { id: string; target: string }[]>();
  for (const e of doc.edges) {
    if (!g.byId.has(e.source) || !g.byId.has(e.target) || e.source === e.target) continue;
    const list = outEdges.get(e.source) ?? [];
    list.push({ id: e.id, target: e.target });
    outEdges.set(e.source, list);
  }
  const state = new Map<string, 1 | 2>();
  for (const root of doc.nodes) {
    if (state.has(root.id)) continue;
    const stack: { id: string; i: number }[] = [{ id: root.id, i: 0 }];
    state.set(root.id, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const list = outEdges.get(top.id) ?? [];
      if (top.i >= list.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const e = list[top.i++];
      const st = state.get(e.target);
      if (st === 1) return e.id;
      if (st === undefined) {
        state.set(e.target, 1);
        stack.push({ id: e.target, i: 0 });
      }
    }
  }
  return null;
}

const DESTINATIONS: readonly NodeKind[] = ['s3', 'redshift', 'opensearch', 'dynamodb'];

export function wiringRules(doc: PipelineDoc, g: Graph): Diagnostic[] {
  const out: Diagnostic[] = [];
  const usedTransforms = new Set(
    doc.nodes.flatMap((n) =>
      n.kind === 'firehose' && n.config.transformLambdaId ? [n.config.transformLambdaId] : [],
    ),
  );
  for (const n of doc.nodes) {
    const ins = g.ins.get(n.id) ?? [];
    const outs = g.outs.get(n.id) ?? [];
    const p = { name: n.name };
    const at = { nodeId: n.id };
    const warn = (code: string, params: Record<string, string | number> = p, field?: string) =>
      out.push(makeDiagnostic('warning', code, params, { ...at, field }));
    const err = (code: string, params: Record<string, string | number> = p, field?: string) =>
      out.push(makeDiagnostic('error', code, params, { ...at, field }));
    switch (n.kind) {
      case 'producer':
        if (outs.length === 0) warn('producer-no-target');
        if (outs.length > 1) err('producer-many-targets', { ...p, value: outs.length });
        break;
      case 'stream':
        if (ins.length === 0) warn('stream-no-producer');
        if (outs.length === 0) warn('stream-no-consumer');
        if (n.config.capacityMode === 'onDemand' && n.config.reshards.length > 0)
          err('reshard-on-demand', p, 'reshards');
        n.config.reshards.forEach((r, i) => {
          const bad = reshardProblem(r);
          if (bad) err('reshard-invalid', { index: i + 1, detail: bad.en, detailJa: bad.ja }, 'reshards');
        });
        break;
      case 'lambda':
        if (n.config.use === 'firehoseTransform') {
          if (ins.length + outs.length > 0) err('transform-has-edges');
          if (!usedTransforms.has(n.id)) warn('transform-unused');
        } else if (ins.length === 0) warn('lambda-no-source');
        break;
      case 'analytics': {
        if (ins.length === 0) err('analytics-no-input');
        if (ins.length > 1) err('analytics-many-inputs', { ...p, value: ins.length });
        if (outs.length === 0) warn('analytics-no-output');
        const outputs = Math.max(outs.length, n.config.outputs.length);
        if (outputs > 3) err('analytics-max-outputs', { ...p, value: outputs });
        if (n.config.outputs.some((o) => o.inAppStream.trim() === '')) err('analytics-output-stream');
        if (n.config.columns.length === 0) err('analytics-no-columns');
        const kplFed = ins.some(
          (s) =>
            s.kind === 'stream' &&
            (g.ins.get(s.id) ?? []).some(
              (w) => w.kind === 'producer' && w.config.source === 'kpl' && w.config.kpl.aggregation,
            ),
        );
        if (kplFed) warn('kpl-into-analytics');
        break;
      }
      case 'firehose':
        out.push(...firehoseRules(doc, n, ins, outs));
        break;
      case 'consumerApp':
        if (ins.length === 0) warn('consumer-no-source');
        break;
      default:
        if (DESTINATIONS.includes(n.kind) && ins.length === 0) warn('destination-unused');
    }
  }
  return out;
}

function reshardProblem(r: ScheduledReshard): { en: string; ja: string } | null {
  if (!Number.isFinite(r.atSec) || r.atSec < 0)
    return { en: 'its time must be 0 s or later', ja: '時刻は 0 秒以降にしてください' };
  const a = r.action;
  if (a.type === 'updateShardCount') {
    const n = a.targetShardCount;
    if (!Number.isInteger(n) || n < 1 || n > 10_000)
      return {
        en: 'the target shard count must be 1 – 10,000',
        ja: '目標シャード数は 1 – 10,000 にしてください',
      };
  } else {
    const i = a.shardIndex;
    if (!Number.isInteger(i) || i < 0)
      return { en: 'the shard index must be 0 or more', ja: 'シャード番号は 0 以上にしてください' };
  }
  return null;
}

function firehoseRules(
  doc: PipelineDoc,
  n: Extract<PipelineNode, { kind: 'firehose' }>,
  ins: PipelineNode[],
  outs: PipelineNode[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const p = { name: n.name };
  const at = { nodeId: n.id };
  const err = (code: string, params: Record<string, string | number> = p, field?: string) =>
    out.push(makeDiagnostic('error', code, params, { ...at, field }));
  const c = n.config;
  const mains = outs.filter((t) => t.kind === 'redshift' || t.kind === 'opensearch');
  const buckets = outs.filter((t) => t.kind === 's3');
  const main: 's3' | 'redshift' | 'opensearch' | null =
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
