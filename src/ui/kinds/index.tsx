/**
 * Every kind's view definition, keyed by kind (exhaustive by type: a kind without a view, or a
 * view for a kind that does not exist, fails to compile). Colours, icons, metric lists and the
 * Destinations tab's kinds are all derived from here.
 */
import type { ContentsKind } from '../../engine/api.ts';
import { NODE_KIND_LIST } from '../../model/kinds/index.ts';
import type { NodeKind } from '../../model/types.ts';
import type { MetricDef } from '../../store/simMetrics.ts';
import { analyticsView } from './analytics.tsx';
import { consumerAppView } from './consumer-app.tsx';
import { dynamodbView } from './dynamodb.tsx';
import { firehoseView } from './firehose.tsx';
import { lambdaView } from './lambda.tsx';
import { opensearchView } from './opensearch.tsx';
import { producerView } from './producer.tsx';
import { redshiftView } from './redshift.tsx';
import { s3View } from './s3.tsx';
import { streamView } from './stream.tsx';
import type { ContentsViewer, KindView } from './types.ts';

export type { ContentsViewer, KindView } from './types.ts';

export const KIND_VIEWS: { [K in NodeKind]: KindView<K> } = {
  producer: producerView,
  stream: streamView,
  lambda: lambdaView,
  analytics: analyticsView,
  firehose: firehoseView,
  s3: s3View,
  redshift: redshiftView,
  opensearch: opensearchView,
  dynamodb: dynamodbView,
  consumerApp: consumerAppView,
};

function perKind<T>(value: (kind: NodeKind) => T): Record<NodeKind, T> {
  return Object.fromEntries(NODE_KIND_LIST.map((k) => [k, value(k)])) as Record<NodeKind, T>;
}

/** Each kind's colour (cards, palette, minimap). */
export const KIND_COLOR: Record<NodeKind, string> = perKind((k) => KIND_VIEWS[k].color);

/** What the Metrics tab charts for each kind (the run controller records these series). */
export const KIND_METRICS: Record<NodeKind, readonly MetricDef[]> = perKind((k) => KIND_VIEWS[k].metrics);

/** The kinds the Destinations tab offers: those with a contents viewer. */
export const CONTENTS_KINDS = NODE_KIND_LIST.filter((k) => KIND_VIEWS[k].Contents !== null) as ContentsKind[];

/** A kind's contents viewer (the registry's type guarantees one for every ContentsKind). */
export function contentsViewer<K extends ContentsKind>(kind: K): ContentsViewer<K> {
  return KIND_VIEWS[kind].Contents as unknown as ContentsViewer<K>;
}

/** A kind's icon: our own 24×24 line drawing (deliberately not AWS's marks), currentColor stroke. */
export function KindIcon({ kind, size = 22 }: { kind: NodeKind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={KIND_VIEWS[kind].icon} />
    </svg>
  );
}
