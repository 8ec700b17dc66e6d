/**
 * The structural shape of a current-version design file, in zod. Ranges and wiring are NOT checked
 * here (validateDocument reports those as diagnostics the user can fix in the studio); this only
 * guarantees that every value has the type the studio and the engine rely on (whole numbers where AWS
 * wants integers). Each node's config is its kind's own zod object.
 */
import { z } from 'zod';
import { CONFIG_SCHEMAS } from '../model/kinds/configs.ts';
import { NODE_KIND_LIST } from '../model/kinds/index.ts';
import { FORMAT, type NodeKind, SCHEMA_VERSION } from '../model/types.ts';

const num = z.number();
const str = z.string();
const xy = z.object({ x: num, y: num });

const node = <K extends NodeKind>(kind: K) =>
  z.object({ id: str.min(1), kind: z.literal(kind), name: str, position: xy, config: CONFIG_SCHEMAS[kind] });

type NodeSchemas = { [K in NodeKind]: ReturnType<typeof node<K>> }[NodeKind];

/** One object per kind, each with its kind's config object (src/model/kinds/<kind>.ts). */
export const NodeSchema = z.discriminatedUnion(
  'kind',
  NODE_KIND_LIST.map((k) => node(k)) as unknown as [NodeSchemas, ...NodeSchemas[]],
);

export const EdgeSchema = z.object({
  id: str.min(1),
  source: str,
  target: str,
  config: z.object({
    readMode: z.enum(['polling', 'efo']).optional(),
    efoConsumerName: str.optional(),
    role: z.enum(['delivery', 'backup']).optional(),
  }),
});

const window = { id: str, nodeId: str, fromSec: num, toSec: num };
export const TimelineEventSchema = z.discriminatedUnion('type', [
  z.object({ ...window, type: z.literal('destinationOutage') }),
  z.object({ ...window, type: z.literal('lambdaErrorRate'), errorRate: num }),
  z.object({ ...window, type: z.literal('producerSurge'), multiplier: num }),
  z.object({ ...window, type: z.literal('hotKey'), key: str, share: num }),
]);

export const DocumentSchema = z.object({
  format: z.literal(FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: str,
  description: str,
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  timeline: z.array(TimelineEventSchema),
  settings: z.object({ seed: num, durationSec: num, startTime: str, priceBook: z.enum(['2017', 'current']) }),
});
