/**
 * Wiring checks of a whole design: the connection rules re-checked on existing edges (imported files),
 * cycles, EFO consumer names, missing connections, and each Firehose's source and destination rules.
 */
import { connectionRule } from './connections.ts';
import { KINDS, type KindDef } from './kinds/index.ts';
import { makeDiagnostic } from './messages.ts';
import type { Diagnostic, PipelineDoc, PipelineNode } from './types.ts';

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

/**
 * Each node's own wiring checks (KindDef.wiring), plus the one every destination shares: a
 * destination nothing writes to is unused.
 */
export function wiringRules(doc: PipelineDoc, g: Graph): Diagnostic[] {
  const out: Diagnostic[] = [];
  const usedTransforms = new Set(
    doc.nodes.flatMap((n) =>
      n.kind === 'firehose' && n.config.transformLambdaId ? [n.config.transformLambdaId] : [],
    ),
  );
  const insOf = (id: string) => g.ins.get(id) ?? [];
  for (const n of doc.nodes) {
    const ins = insOf(n.id);
    const outs = g.outs.get(n.id) ?? [];
    const def = KINDS[n.kind] as KindDef;
    if (def.wiring) out.push(...def.wiring(n, { doc, ins, outs, insOf, usedTransforms }));
    if (def.role === 'destination' && ins.length === 0)
      out.push(makeDiagnostic('warning', 'destination-unused', { name: n.name }, { nodeId: n.id }));
  }
  return out;
}
