/**
 * Sorts an edit made while a simulation runs into what AWS could apply to live resources and
 * what needs a fresh run:
 * - live: a stream's shard count (UpdateShardCount, becomes a reshard on the timeline), a
 *   Lambda's batch size and parallelization factor (UpdateEventSourceMapping), a delivery
 *   stream's buffer hints (UpdateDestination), and timeline events added (faults start at once
 *   if their start is already past);
 * - structural: nodes or edges added, removed, rewired or changed kind: the run must restart;
 * - deferred: any other config or settings change: applies on the next run (said in a notice).
 * Moves, renames and description edits change nothing in the simulation.
 */
import type { LiveEdit } from '../engine/api.ts';
import { LIVE_FIELDS } from '../model/kinds/index.ts';
import type { PipelineDoc, PipelineNode, TimelineEvent } from '../model/types.ts';

export interface LiveDiff {
  edits: LiveEdit[];
  faults: TimelineEvent[];
  structural: boolean;
  /** Names of nodes (or 'settings' / 'timeline') whose other changes wait for the next run. */
  deferred: string[];
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The config without the fields that were handled live, to see whether anything else changed. */
function rest(config: object, omit: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(config as Record<string, unknown>) };
  for (const path of omit) {
    const [head, tail] = path.split('.');
    if (tail === undefined) delete copy[head];
    else copy[head] = { ...(copy[head] as Record<string, unknown>), [tail]: undefined };
  }
  return copy;
}

function nodeEdits(a: PipelineNode, b: PipelineNode, out: LiveDiff): void {
  if (a.config === b.config) return;
  // The fields the kind marks `live` (src/model/kinds); the edits they become follow.
  const handled = a.kind === b.kind ? LIVE_FIELDS[b.kind] : [];
  if (a.kind === 'stream' && b.kind === 'stream') {
    if (a.config.shardCount !== b.config.shardCount) {
      out.edits.push({ type: 'shardCount', nodeId: b.id, shardCount: b.config.shardCount });
    }
  } else if (a.kind === 'lambda' && b.kind === 'lambda') {
    if (a.config.esm.batchSize !== b.config.esm.batchSize) {
      out.edits.push({ type: 'batchSize', nodeId: b.id, batchSize: b.config.esm.batchSize });
    }
    if (a.config.esm.parallelizationFactor !== b.config.esm.parallelizationFactor) {
      out.edits.push({
        type: 'parallelizationFactor',
        nodeId: b.id,
        parallelizationFactor: b.config.esm.parallelizationFactor,
      });
    }
  } else if (a.kind === 'firehose' && b.kind === 'firehose') {
    if (
      a.config.bufferSizeMiB !== b.config.bufferSizeMiB ||
      a.config.bufferIntervalSec !== b.config.bufferIntervalSec
    ) {
      out.edits.push({
        type: 'bufferHints',
        nodeId: b.id,
        bufferSizeMiB: b.config.bufferSizeMiB,
        bufferIntervalSec: b.config.bufferIntervalSec,
      });
    }
  }
  if (!sameJson(rest(a.config, handled), rest(b.config, handled))) out.deferred.push(b.name);
}

export function liveDiff(prev: PipelineDoc, next: PipelineDoc): LiveDiff {
  const out: LiveDiff = { edits: [], faults: [], structural: false, deferred: [] };
  if (prev === next) return out;

  const before = new Map(prev.nodes.map((n) => [n.id, n]));
  if (prev.nodes.length !== next.nodes.length) out.structural = true;
  for (const n of next.nodes) {
    const old = before.get(n.id);
    if (!old || old.kind !== n.kind) out.structural = true;
    else nodeEdits(old, n, out);
  }

  const edgesBefore = new Map(prev.edges.map((e) => [e.id, e]));
  if (prev.edges.length !== next.edges.length) out.structural = true;
  for (const e of next.edges) {
    const old = edgesBefore.get(e.id);
    if (!old || old.source !== e.source || old.target !== e.target || !sameJson(old.config, e.config)) {
      out.structural = true;
    }
  }

  if (prev.timeline !== next.timeline) {
    const had = new Set(prev.timeline.map((t) => t.id));
    const has = new Set(next.timeline.map((t) => t.id));
    for (const t of next.timeline) if (!had.has(t.id)) out.faults.push(t);
    if (prev.timeline.some((t) => !has.has(t.id))) out.deferred.push('timeline');
  }

  if (!sameJson(prev.settings, next.settings)) out.deferred.push('settings');
  return out;
}
