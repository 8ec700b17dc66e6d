/**
 * Compile a PipelineDoc into an execution plan: validate (errors → DesignError with the same
 * problems the studio shows), order nodes topologically (sources first), and describe each node's
 * wiring (stream inputs, push sources, outputs). Runtimes are created by the simulation in plan
 * order, so a consumer's stream exists before the consumer asks for its reader.
 */

import type { Diagnostic, PipelineDoc, PipelineEdge, PipelineNode } from '../model/types.ts';
import { DesignError } from './api.ts';
import { designProblems } from './problems.ts';

export interface PlannedNode {
  node: PipelineNode;
  /** Incoming edges whose source is a data stream (pull). */
  streamEdges: PipelineEdge[];
  /** Incoming edges from every other kind (push). */
  pushEdges: PipelineEdge[];
  outputs: PipelineEdge[];
}

export interface ExecutionPlan {
  doc: PipelineDoc;
  /** Topological order (sources first; cycles, which validation refuses, fall back to doc order). */
  order: PlannedNode[];
  warnings: Diagnostic[];
}

export function compile(doc: PipelineDoc): ExecutionPlan {
  const diagnostics = designProblems(doc);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new DesignError(errors);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const edges = doc.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  const planned = new Map<string, PlannedNode>();
  for (const n of doc.nodes) planned.set(n.id, { node: n, streamEdges: [], pushEdges: [], outputs: [] });
  for (const e of edges) {
    const src = byId.get(e.source) as PipelineNode;
    (planned.get(e.source) as PlannedNode).outputs.push(e);
    const t = planned.get(e.target) as PlannedNode;
    if (src.kind === 'stream') t.streamEdges.push(e);
    else t.pushEdges.push(e);
  }
  // Kahn's algorithm, ties in document order (stable, deterministic).
  const indeg = new Map<string, number>(doc.nodes.map((n) => [n.id, 0]));
  for (const e of edges) indeg.set(e.target, (indeg.get(e.target) ?? 0) + 1);
  const order: PlannedNode[] = [];
  const done = new Set<string>();
  let progress = true;
  while (order.length < doc.nodes.length && progress) {
    progress = false;
    for (const n of doc.nodes) {
      if (done.has(n.id) || (indeg.get(n.id) ?? 0) > 0) continue;
      done.add(n.id);
      order.push(planned.get(n.id) as PlannedNode);
      for (const e of edges) if (e.source === n.id) indeg.set(e.target, (indeg.get(e.target) ?? 0) - 1);
      progress = true;
    }
  }
  for (const n of doc.nodes) if (!done.has(n.id)) order.push(planned.get(n.id) as PlannedNode);
  return { doc, order, warnings: diagnostics.filter((d) => d.severity === 'warning') };
}
