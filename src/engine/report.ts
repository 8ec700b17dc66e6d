/**
 * The run report (RunReport): per node its CloudWatch metrics, counters, per-shard metrics and
 * destination contents; the cost; the conservation check; the timeline markers. Built only from
 * deterministic state, so the same design and seed give byte-identical JSON.
 */

import type { PipelineDoc } from '../model/types.ts';
import type { NodeReport, RunReport, TimelineMarker } from './api.ts';
import type { CostMeter } from './cost.ts';
import type { MetricStore } from './metrics.ts';
import type { NodeRuntime } from './runtime.ts';
import { rateModelNodes } from './stream/fluid-flows.ts';

export interface ReportInput {
  doc: PipelineDoc;
  seed: number;
  nowMs: number;
  metrics: MetricStore;
  cost: CostMeter;
  runtimes: Map<string, NodeRuntime>;
  markers: TimelineMarker[];
}

export function buildReport(r: ReportInput): RunReport {
  const nodes: NodeReport[] = [];
  const conservation: RunReport['conservation'] = { ok: true, nodes: [] };
  const rated = rateModelNodes(r.metrics);
  for (const n of r.doc.nodes) {
    const rt = r.runtimes.get(n.id);
    if (!rt) continue;
    const report: NodeReport = {
      id: n.id,
      kind: n.kind,
      name: n.name,
      metrics: r.metrics.forNode(n.id),
      counters: rt.counters(),
    };
    const extra = rt.report?.();
    if (extra?.shards) report.shards = extra.shards;
    if (extra?.handlerErrors?.length) report.handlerErrors = extra.handlerErrors;
    const dest = rt.destination?.();
    if (dest) report.destination = dest;
    if (rated.has(n.id)) report.model = 'rate';
    nodes.push(report);
    const c = rt.conservation();
    conservation.nodes.push({ nodeId: n.id, ok: c.ok, terms: c.terms, ...(c.note ? { note: c.note } : {}) });
    if (!c.ok) conservation.ok = false;
  }
  return {
    design: r.doc.name,
    seed: r.seed,
    simulatedSeconds: r.nowMs / 1000,
    resolutionSec: r.metrics.resolutionSec,
    nodes,
    cost: r.cost.summary(),
    conservation,
    markers: r.markers.slice(),
  };
}
