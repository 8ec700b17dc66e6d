/**
 * Our own service icons and colours (deliberately not AWS's marks): one hue per service family,
 * dark enough for white text and strong contrast on a projector.
 */
import type { NodeKind } from '../../model/types.ts';

export const KIND_COLOR: Record<NodeKind, string> = {
  producer: '#4b5563', // slate: things outside AWS
  stream: '#7c3aed', // violet: Kinesis Data Streams
  lambda: '#c2410c', // orange: compute
  analytics: '#0e7490', // teal: Analytics SQL
  firehose: '#be185d', // magenta: Firehose delivery
  s3: '#15803d', // green: storage
  redshift: '#1d4ed8', // blue: warehouse
  opensearch: '#0369a1', // sky: search
  dynamodb: '#4338ca', // indigo: tables
  consumerApp: '#374151', // grey: your own app
};

/** 24×24 line drawings, currentColor stroke. */
const PATHS: Record<NodeKind, string> = {
  // a device emitting waves
  producer: 'M4 14h6v6H4z M13 17h2 M14 10a5 5 0 0 1 5 5 M14 6a9 9 0 0 1 9 9',
  // shards: stacked lanes
  stream: 'M3 5h18 M3 10h18 M3 15h18 M3 20h18 M16 3l3 2-3 2 M16 18l3 2-3 2',
  // lambda
  lambda: 'M5 20l6-10-3-6h3l9 16h-3l-5-9-4 9z',
  // magnifier over rows
  analytics: 'M3 5h9 M3 10h6 M3 15h5 M15 14a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M18 13l4 5',
  // funnel: buffering then delivery
  firehose: 'M3 4h18l-7 8v6l-4 2v-8z',
  // bucket
  s3: 'M4 6c0-2 16-2 16 0l-2 13c0 2-12 2-12 0z M4 6c0 2 16 2 16 0',
  // warehouse cylinders
  redshift:
    'M4 6c0-2 7-2 7 0v12c0 2-7 2-7 0z M13 6c0-2 7-2 7 0v12c0 2-7 2-7 0z M4 6c0 2 7 2 7 0 M13 6c0 2 7 2 7 0',
  // search document
  opensearch: 'M5 3h10l4 4v14H5z M9 14a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M11 13l4 4',
  // table grid
  dynamodb: 'M3 4h18v16H3z M3 9h18 M3 14h18 M9 4v16',
  // app window with gear dot
  consumerApp: 'M3 4h18v16H3z M3 8h18 M12 16a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
};

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
      <path d={PATHS[kind]} />
    </svg>
  );
}
