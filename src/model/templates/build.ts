/**
 * A compact way to write template designs: nodes on a grid (columns 260 px apart, rows 160 px), each
 * config given as the differences from its kind's defaults, and edges as [source, target] pairs
 * whose configs come from canConnect() (so a template cannot contain a connection the studio refuses).
 */
import { applyChanges } from '../changes.ts';
import { canConnect } from '../connections.ts';
import { DEFAULT_SETTINGS, emptyDocument } from '../factory.ts';
import { KINDS, type Text } from '../kinds/index.ts';
import type {
  ConfigByKind,
  EdgeConfig,
  NodeKind,
  PipelineDoc,
  PipelineNode,
  TimelineEvent,
} from '../types.ts';

export const COLUMN_PX = 260;
export const ROW_PX = 160;

type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export type NodeSpec = {
  [K in NodeKind]: {
    id: string;
    kind: K;
    name: string;
    at: [column: number, row: number];
    config?: DeepPartial<ConfigByKind[K]>;
  };
}[NodeKind];

export interface TemplateSpec {
  id: string;
  title: Text;
  description: Text;
  nodes: NodeSpec[];
  edges: [source: string, target: string, config?: EdgeConfig][];
  timeline?: TimelineEvent[];
  durationSec?: number;
}

export interface Template {
  id: string;
  title: Text;
  description: Text;
  doc: PipelineDoc;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Merge `patch` over `base`; objects with a `type` (tagged unions) and arrays are replaced whole. */
function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isObject(base) || !isObject(patch) || 'type' in patch) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(base[k], v);
  return out;
}

export function buildTemplate(spec: TemplateSpec): Template {
  let doc: PipelineDoc = {
    ...emptyDocument(spec.title.en),
    description: spec.description.en,
    settings: {
      ...DEFAULT_SETTINGS,
      seed: 42,
      startTime: '2017-06-01T00:00:00Z',
      durationSec: spec.durationSec ?? 300,
    },
  };
  const nodes = spec.nodes.map(
    (n) =>
      ({
        id: n.id,
        kind: n.kind,
        name: n.name,
        position: { x: n.at[0] * COLUMN_PX, y: n.at[1] * ROW_PX },
        config: merge(KINDS[n.kind].defaults(), n.config),
      }) as PipelineNode,
  );
  doc = applyChanges(
    doc,
    nodes.map((node) => ({ type: 'node/add' as const, node })),
  );
  for (const [source, target, extra] of spec.edges) {
    const c = canConnect(doc, source, target);
    if (!c.ok) throw new Error(`template ${spec.id}: ${source} → ${target} refused: ${c.reason.en}`);
    doc = applyChanges(doc, [
      {
        type: 'edge/add',
        edge: { id: `${source}--${target}`, source, target, config: { ...c.config, ...extra } },
      },
    ]);
  }
  if (spec.timeline) doc = { ...doc, timeline: spec.timeline };
  return { id: spec.id, title: spec.title, description: spec.description, doc };
}
