/**
 * Every node kind's definition, keyed by kind: THE list of kinds. `NodeKind` and `ConfigByKind`
 * (types.ts) are derived from it, and so is every list below: nothing else names the kinds.
 * Adding a kind = its file here plus one line in KIND_DEFS (see README, "Adding a node kind").
 */
import type { ZodMiniType } from 'zod/mini';
import type { ConfigByKind, NodeKind, TimelineEvent } from '../types.ts';
import { analyticsKind } from './analytics.ts';
import { consumerAppKind } from './consumer-app.ts';
import { dynamodbKind } from './dynamodb.ts';
import { firehoseKind } from './firehose.ts';
import { lambdaKind } from './lambda.ts';
import { opensearchKind } from './opensearch.ts';
import { producerKind } from './producer.ts';
import { redshiftKind } from './redshift.ts';
import { s3Kind } from './s3.ts';
import { streamKind } from './stream.ts';
import type { FaultType, KindDef, KindGroup, Text } from './types.ts';

export type {
  ConfigProblem,
  FaultType,
  FieldContext,
  FieldDef,
  FieldOption,
  FieldType,
  KindDef,
  KindGroup,
  KindRole,
  Locale,
  Text,
  WiringContext,
} from './types.ts';
export { fmt, unitText } from './types.ts';

/** The registry, in palette order within each group. Its keys ARE the node kinds. */
export const KIND_DEFS = {
  producer: producerKind,
  stream: streamKind,
  lambda: lambdaKind,
  analytics: analyticsKind,
  firehose: firehoseKind,
  s3: s3Kind,
  redshift: redshiftKind,
  opensearch: opensearchKind,
  dynamodb: dynamodbKind,
  consumerApp: consumerAppKind,
};

/** A kind's definition with its config type spelled as ConfigByKind[K]. */
export type KindDefOf<K extends NodeKind> = KindDef<K, ZodMiniType<ConfigByKind[K]>>;

/** Every definition, typed per kind (a key that is not its definition's `kind` fails to compile). */
export const KINDS: { [K in NodeKind]: KindDefOf<K> } = KIND_DEFS;

/** Every kind, in palette order. */
export const NODE_KIND_LIST = Object.keys(KIND_DEFS) as NodeKind[];

/** A table with one entry per kind, computed from its definition. */
function perKind<T>(value: (kind: NodeKind) => T): Record<NodeKind, T> {
  return Object.fromEntries(NODE_KIND_LIST.map((k) => [k, value(k)])) as Record<NodeKind, T>;
}

const kindsWhere = (test: (def: KindDef) => boolean): readonly NodeKind[] =>
  NODE_KIND_LIST.filter((k) => test(KINDS[k] as KindDef));

/** Palette order of the groups. */
export const KIND_GROUPS: readonly KindGroup[] = [
  'producers',
  'streams',
  'compute',
  'analytics',
  'delivery',
  'destinations',
];

/** The kinds of each palette group, in palette order. */
export const KINDS_BY_GROUP: Record<KindGroup, readonly NodeKind[]> = Object.fromEntries(
  KIND_GROUPS.map((g) => [g, kindsWhere((d) => d.group === g)]),
) as Record<KindGroup, readonly NodeKind[]>;

/** Kinds with role 'destination': records end there; they accept an outage. */
export const DESTINATION_KINDS: readonly NodeKind[] = kindsWhere((d) => d.role === 'destination');

/** Kinds nothing connects out of (no output handle on the card). */
export const END_POINT_KINDS: readonly NodeKind[] = kindsWhere((d) => d.sends.to.length === 0);

/** Which kinds send to which. */
export const ALLOWED_TARGETS: Record<NodeKind, readonly NodeKind[]> = perKind((k) => KINDS[k].sends.to);

/** Kinds some kind may send to (a producer is not one: nothing connects into it). */
export const RECEIVING_KINDS: readonly NodeKind[] = NODE_KIND_LIST.filter((k) =>
  NODE_KIND_LIST.some((s) => ALLOWED_TARGETS[s].includes(k)),
);

/** "a Lambda function" / "Lambda 関数": a kind as the object of a sentence. */
export const KIND_NOUN: Record<NodeKind, Text> = perKind((k) => KINDS[k].noun);

const FAULT_TYPES: Record<FaultType, true> = {
  destinationOutage: true,
  lambdaErrorRate: true,
  producerSurge: true,
  hotKey: true,
};

/** The kinds each timeline event (fault) may target: exactly those whose definition accepts it. */
export const EVENT_KINDS: Record<TimelineEvent['type'], readonly NodeKind[]> = Object.fromEntries(
  (Object.keys(FAULT_TYPES) as FaultType[]).map((f) => [f, kindsWhere((d) => d.faults.includes(f))]),
) as Record<TimelineEvent['type'], readonly NodeKind[]>;

/** Text fields that must not be empty, as `<kind>.<path>`. */
export const REQUIRED_TEXT: ReadonlySet<string> = new Set(
  NODE_KIND_LIST.flatMap((k) =>
    (KINDS[k] as KindDef).fields.filter((f) => f.required).map((f) => `${k}.${f.path}`),
  ),
);

/** Config paths AWS applies to running resources, per kind (the rest waits for the next run). */
export const LIVE_FIELDS: Record<NodeKind, readonly string[]> = perKind((k) =>
  (KINDS[k] as KindDef).fields.filter((f) => f.live).map((f) => f.path),
);
