/**
 * Sweeps: vary one numeric field of one node over a range, run each point headless, and reduce
 * each report to the figures a planner compares. Pure: the CLI and the studio run the points in
 * parallel workers (src/worker), each point calling `runPoint`.
 */
import type { PipelineDoc } from '../../model/types.ts';
import type { RunReport } from '../api.ts';
import { runHeadless } from '../index.ts';
import { sizeStream } from './sizing.ts';

export interface SweepPoint {
  nodeId: string;
  /** Dotted config path, e.g. `shardCount`, `rate.recordsPerSec`, `size.bytes`. */
  field: string;
  value: number;
}

export interface SweepRun {
  /** The varied field's value (for shard sweeps, the shard count). */
  value: number;
  /** Records the producers generated (offered once each). */
  offeredRecords: number;
  acceptedRecords: number;
  /** Throttled put attempts, as CloudWatch's WriteProvisionedThroughputExceeded counts them. */
  throttledRecords: number;
  /** Records finally dropped after the last retry. */
  droppedRecords: number;
  maxIteratorAgeMs: number;
  costPerMonthUsd: number;
}

/** A copy of the design with one field of one node set. Throws for an unknown node or field. */
export function applyPoint(doc: PipelineDoc, p: SweepPoint): PipelineDoc {
  const copy = JSON.parse(JSON.stringify(doc)) as PipelineDoc;
  const node = copy.nodes.find((n) => n.id === p.nodeId);
  if (!node) throw new Error(`No node "${p.nodeId}" in the design.`);
  const path = p.field.split('.');
  let obj = node.config as unknown as Record<string, unknown>;
  for (const seg of path.slice(0, -1)) {
    const next = obj[seg];
    if (typeof next !== 'object' || next === null) throw new Error(`${p.nodeId} has no field ${p.field}.`);
    obj = next as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (typeof obj[last] !== 'number') throw new Error(`${p.nodeId}.${p.field} is not a numeric field.`);
  obj[last] = p.value;
  return copy;
}

/** Reduce a report to one sweep row: producers' counters summed, the worst iterator age. */
export function summarize(report: RunReport, value: number): SweepRun {
  let offered = 0;
  let accepted = 0;
  let throttled = 0;
  let dropped = 0;
  let age = 0;
  for (const n of report.nodes) {
    if (n.kind === 'producer') {
      offered += n.counters.attempted ?? 0;
      accepted += n.counters.accepted ?? 0;
      throttled += n.counters.throttled ?? 0;
      dropped += n.counters.dropped ?? 0;
    }
    for (const [name, m] of Object.entries(n.metrics))
      if (name.endsWith('IteratorAgeMilliseconds') || name === 'IteratorAge') age = Math.max(age, m.max);
  }
  return {
    value,
    offeredRecords: offered,
    acceptedRecords: accepted,
    throttledRecords: throttled,
    droppedRecords: dropped,
    maxIteratorAgeMs: Math.round(age),
    costPerMonthUsd: Math.round(report.cost.perMonthUsd * 100) / 100,
  };
}

export async function runPoint(doc: PipelineDoc, p: SweepPoint, durationSec?: number): Promise<SweepRun> {
  const report = await runHeadless(applyPoint(doc, p), { durationSec });
  return summarize(report, p.value);
}

export interface Recommendation {
  /** The recommended value of the varied field (shards for a shard sweep). */
  shards: number;
  reason: string;
  reasonJa: string;
  hotKeys: string[];
}

/**
 * The recommended point: for a shard sweep, the sizing answer at the headroom, moved up to the
 * smallest swept count that throttles no more than the best point does (a hot key's floor stays).
 * For other fields: the smallest value with the fewest throttled and dropped records.
 */
export function recommend(
  doc: PipelineDoc,
  streamId: string | null,
  runs: SweepRun[],
  headroom = 0.8,
): Recommendation {
  const best = Math.min(...runs.map((r) => r.throttledRecords + r.droppedRecords));
  // Within 2 % of the floor counts as the floor (retries and jitter move it a little).
  const floorRun = runs.find((r) => r.throttledRecords + r.droppedRecords <= best * 1.02 + 1) ?? runs[0];
  if (!streamId) {
    return {
      shards: floorRun.value,
      reason: `${floorRun.value} is the smallest value with the fewest throttled and dropped records.`,
      reasonJa: `${floorRun.value} は、スロットリングとドロップが最も少ない最小の値です。`,
      hotKeys: [],
    };
  }
  const s = sizeStream(doc, streamId, headroom);
  const inRange =
    runs.length > 0 ? Math.min(Math.max(s.shards, runs[0].value), runs[runs.length - 1].value) : s.shards;
  const shards = s.unfixable ? Math.max(inRange, floorRun.value) : inRange;
  let reason = s.reason.en;
  let reasonJa = s.reason.ja;
  if (shards !== s.shards) {
    reason += ` In this sweep, ${shards} shards is the smallest count at the lowest throttling.`;
    reasonJa += ` このスイープでは、スロットリングが最も少ない最小のシャード数は ${shards} です。`;
  }
  return { shards, reason, reasonJa, hotKeys: s.hotKeys.map((h) => h.key) };
}
