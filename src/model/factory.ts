/** Making new things: nodes with their kind's defaults and a unique name, ids, empty documents. */
import { nanoid } from 'nanoid';
import { KINDS } from './kinds/index.ts';
import {
  FORMAT,
  type NodeKind,
  type PipelineDoc,
  type PipelineNode,
  SCHEMA_VERSION,
  type XY,
} from './types.ts';

/** A short random id with a readable prefix, e.g. `stream-V1StGXR8`. */
export function newId(prefix: string): string {
  return `${prefix}-${nanoid(8)}`;
}

/** `<prefix>-1`, `<prefix>-2`, …: the first that is not taken. */
export function uniqueName(prefix: string, existingNames: Iterable<string>): string {
  const taken = new Set(existingNames);
  for (let i = 1; ; i++) {
    const name = `${prefix}-${i}`;
    if (!taken.has(name)) return name;
  }
}

export function createNode(
  kind: NodeKind,
  opts: { id?: string; position?: XY; existingNames?: Iterable<string>; locale?: 'en' | 'ja' } = {},
): PipelineNode {
  const def = KINDS[kind];
  return {
    id: opts.id ?? newId(kind),
    kind,
    name: uniqueName(def.namePrefix, opts.existingNames ?? []),
    position: opts.position ?? { x: 0, y: 0 },
    config: def.defaults(opts.locale),
  } as PipelineNode;
}

export const DEFAULT_SETTINGS = {
  seed: 42,
  durationSec: 300,
  startTime: '2017-06-01T00:00:00Z',
  priceBook: 'current',
} as const;

export function emptyDocument(name = 'Untitled pipeline'): PipelineDoc {
  return {
    format: FORMAT,
    schemaVersion: SCHEMA_VERSION,
    name,
    description: '',
    nodes: [],
    edges: [],
    timeline: [],
    settings: { ...DEFAULT_SETTINGS },
  };
}
