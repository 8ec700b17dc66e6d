/**
 * Pure mappers from the pipeline document (plus session state: selection, diagnostics, locale) to
 * React Flow's nodes and edges. The mapper keeps the previous output and reuses a node object when
 * nothing it shows has changed, so dragging one of 300 nodes re-renders one card, not 300
 * (React Flow compares node objects by identity).
 */
import type { Edge, Node } from '@xyflow/react';
import { KINDS } from '../../model/kinds/index.ts';
import type { Diagnostic, NodeKind, PipelineDoc, PipelineEdge, PipelineNode } from '../../model/types.ts';
import { diagnosticText } from '../../model/validate.ts';

export type Locale = 'en' | 'ja';

export interface CardData extends Record<string, unknown> {
  node: PipelineNode;
  errors: number;
  warnings: number;
  /** First error (or warning) message, for the corner mark's tooltip. */
  firstProblem: string;
}
export type CardNode = Node<CardData, 'card'>;

/** What an edge configures, as a translation key plus an optional name (EFO consumer). */
export type EdgeRole =
  | 'esm' // stream → Lambda: event source mapping
  | 'efo' // stream → consumer with enhanced fan-out
  | 'polling' // stream → consumer app / Analytics, shared 2 MiB/s per shard
  | 'sourceStream' // stream → Firehose (Kinesis data stream as source)
  | 'put' // producer → data stream (PutRecord(s))
  | 'directPut' // producer → Firehose
  | 'delivery' // Firehose → destination
  | 'backup' // Firehose → S3 backup bucket
  | 'staging' // Firehose → S3 bucket Redshift COPYs from
  | 'output' // Analytics → stream / Firehose / Lambda
  | 'write' // Lambda / consumer → a table or stream
  | 'other';

export interface WireData extends Record<string, unknown> {
  edge: PipelineEdge;
  role: EdgeRole;
  efoName?: string;
}
export type WireEdge = Edge<WireData, 'wire'>;

const CONNECTION = { en: 'Connection', ja: '接続' } as const;

export function kindLabel(kind: NodeKind, locale: Locale): string {
  return KINDS[kind].label[locale];
}

/** Accessible name of a node card: "<Kind label>: <name>", e.g. "Data stream: clickstream". */
export function nodeAriaLabel(node: PipelineNode, locale: Locale): string {
  return `${kindLabel(node.kind, locale)}: ${node.name}`;
}

export function describeEdge(
  doc: PipelineDoc,
  edge: PipelineEdge,
  /** Optional id → node index, so mapping E edges costs O(E) rather than O(E × N). */
  byId?: ReadonlyMap<string, PipelineNode>,
): { role: EdgeRole; efoName?: string } {
  const find = (id: string) => (byId ? byId.get(id) : doc.nodes.find((n) => n.id === id));
  const source = find(edge.source);
  const target = find(edge.target);
  if (!source || !target) return { role: 'other' };
  switch (source.kind) {
    case 'producer':
      return { role: target.kind === 'firehose' ? 'directPut' : 'put' };
    case 'stream':
      if (edge.config.readMode === 'efo') return { role: 'efo', efoName: edge.config.efoConsumerName ?? '' };
      if (target.kind === 'lambda') return { role: 'esm' };
      if (target.kind === 'firehose') return { role: 'sourceStream' };
      return { role: 'polling' };
    case 'firehose': {
      if (edge.config.role !== 'backup') return { role: 'delivery' };
      // An S3 bucket next to a Redshift destination is where Firehose stages files for COPY.
      const alsoRedshift = doc.edges.some(
        (e) => e.source === source.id && e.id !== edge.id && find(e.target)?.kind === 'redshift',
      );
      return { role: alsoRedshift ? 'staging' : 'backup' };
    }
    case 'analytics':
      return { role: 'output' };
    default:
      return { role: 'write' };
  }
}

function countProblems(
  diagnostics: Diagnostic[],
  locale: Locale,
): Map<string, { errors: number; warnings: number; first: string }> {
  const byNode = new Map<string, { errors: number; warnings: number; first: string }>();
  for (const d of diagnostics) {
    if (!d.nodeId) continue;
    const entry = byNode.get(d.nodeId) ?? { errors: 0, warnings: 0, first: '' };
    if (d.severity === 'error') {
      if (entry.errors === 0) entry.first = diagnosticText(d, locale);
      entry.errors += 1;
    } else {
      if (entry.errors === 0 && entry.warnings === 0) entry.first = diagnosticText(d, locale);
      entry.warnings += 1;
    }
    byNode.set(d.nodeId, entry);
  }
  return byNode;
}

export interface FlowInput {
  doc: PipelineDoc;
  selection: { nodeIds: string[]; edgeIds: string[] };
  diagnostics: Diagnostic[];
  locale: Locale;
  /** Card sizes React Flow measured (session state, never in the document). */
  measured?: ReadonlyMap<string, { width: number; height: number }>;
  /** Words for what an edge configures ("event source mapping"), added to its accessible name. */
  roleText?: (role: EdgeRole, efoName?: string) => string;
}

/**
 * Returns a mapper with memory: call it with each new store state; unchanged nodes and edges come
 * back as the very same objects as last time.
 */
export function createFlowMapper() {
  let prevNodes = new Map<string, CardNode>();
  let prevEdges = new Map<string, WireEdge>();
  let prevNodeList: CardNode[] = [];
  let prevEdgeList: WireEdge[] = [];

  /** The previous array itself when every element is unchanged: React Flow then skips its re-sync. */
  function stable<T>(prev: T[], next: T[]): T[] {
    return prev.length === next.length && next.every((x, i) => x === prev[i]) ? prev : next;
  }

  function nodes(input: FlowInput): CardNode[] {
    const selected = new Set(input.selection.nodeIds);
    const problems = countProblems(input.diagnostics, input.locale);
    const next = new Map<string, CardNode>();
    const out = input.doc.nodes.map((node) => {
      const p = problems.get(node.id) ?? { errors: 0, warnings: 0, first: '' };
      const ariaLabel = nodeAriaLabel(node, input.locale);
      const isSelected = selected.has(node.id);
      const measured = input.measured?.get(node.id);
      const old = prevNodes.get(node.id);
      // A card renews when React Flow measured a new size for it: its minimap draws the size of
      // the card object it was handed, not the size React Flow keeps inside.
      const reuse =
        old &&
        old.measured === measured &&
        old.data.node === node &&
        old.selected === isSelected &&
        old.data.errors === p.errors &&
        old.data.warnings === p.warnings &&
        old.data.firstProblem === p.first &&
        old.ariaLabel === ariaLabel;
      const flowNode: CardNode = reuse
        ? old
        : {
            id: node.id,
            type: 'card',
            position: node.position,
            selected: isSelected,
            ariaLabel,
            ...(measured ? { measured } : {}),
            data: { node, errors: p.errors, warnings: p.warnings, firstProblem: p.first },
          };
      next.set(node.id, flowNode);
      return flowNode;
    });
    prevNodes = next;
    prevNodeList = stable(prevNodeList, out);
    return prevNodeList;
  }

  function edges(input: FlowInput): WireEdge[] {
    const selected = new Set(input.selection.edgeIds);
    const byId = new Map(input.doc.nodes.map((n) => [n.id, n]));
    const next = new Map<string, WireEdge>();
    const out = input.doc.edges.map((edge) => {
      const { role, efoName } = describeEdge(input.doc, edge, byId);
      const source = byId.get(edge.source);
      const target = byId.get(edge.target);
      // "Connection: Producer: web → Data stream: clicks", so a card's name never matches an edge.
      const route =
        source && target
          ? `${nodeAriaLabel(source, input.locale)} → ${nodeAriaLabel(target, input.locale)}`
          : `${edge.source} → ${edge.target}`;
      const what = input.roleText?.(role, efoName);
      const ariaLabel = `${CONNECTION[input.locale]}: ${route}${what ? ` (${what})` : ''}`;
      const isSelected = selected.has(edge.id);
      const old = prevEdges.get(edge.id);
      const reuse =
        old &&
        old.data?.edge === edge &&
        old.data.role === role &&
        old.data.efoName === efoName &&
        old.selected === isSelected &&
        old.ariaLabel === ariaLabel;
      const wire: WireEdge = reuse
        ? old
        : {
            id: edge.id,
            type: 'wire',
            source: edge.source,
            target: edge.target,
            selected: isSelected,
            ariaLabel,
            data: { edge, role, efoName },
          };
      next.set(edge.id, wire);
      return wire;
    });
    prevEdges = next;
    prevEdgeList = stable(prevEdgeList, out);
    return prevEdgeList;
  }

  return { nodes, edges };
}
