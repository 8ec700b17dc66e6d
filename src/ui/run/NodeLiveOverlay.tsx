/**
 * Live figures inside a node card while a run exists: rates in and out, a utilisation bar,
 * a throttle badge, a shard heat strip (streams), an outage badge (destinations), and the kind's
 * own details from its view (src/ui/kinds: Lambda concurrency, Firehose buffer…).
 * Subscribes only to its own node's figures.
 */
import { memo } from 'react';
import type { ActiveSecond, NodeLive } from '../../engine/api.ts';
import type { NodeKind, PipelineNode } from '../../model/types.ts';
import { useLive, useNodeLive } from '../../store/simStore.ts';
import { useStudio } from '../../store/studio.ts';
import { KIND_VIEWS } from '../kinds/index.tsx';
import { useLocale } from '../locale.ts';
import { agoOf, band, fmtMiB, fmtNum, fmtPct, fmtRate } from './format.ts';
import { ShardStrip } from './ShardStrip.tsx';
import { useFastT } from './useFastT.ts';

/** Counter names the engine may use for a cumulative throttle count, most specific first. */
const THROTTLE_COUNTERS = ['throttled', 'writeThrottled', 'throttledRecords', 'rejected'];

function throttleTotal(n: NodeLive): number | undefined {
  for (const k of THROTTLE_COUNTERS) if (n.counters[k] !== undefined) return n.counters[k];
  return undefined;
}

export function UtilBar({ share, label }: { share: number; label: string }) {
  const b = band(share);
  const width = Math.min(100, Math.max(0, share * 100));
  return (
    <div className="live__util" title={label}>
      {/* biome-ignore lint/a11y/useSemanticElements: a <meter> cannot carry the red stripes colour-blind readers need */}
      <div
        className={`live__bar live__bar--${b}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <div className="live__fill" style={{ width: `${width}%` }} />
      </div>
      <span className="live__pct">{Math.round(share * 100)} %</span>
    </div>
  );
}

/** A duration in whole simulated seconds as "8 s", "3 min", "2 h" (see agoOf). */
function useUnits(): (ms: number) => string {
  const { t } = useFastT('run');
  return (ms) => {
    const a = agoOf(ms);
    return t(a.unit === 'sec' ? 'live.unitSec' : a.unit === 'min' ? 'live.unitMin' : 'live.unitHour', {
      value: a.value,
    });
  };
}

/**
 * A direction that moved nothing in the last simulated second but has before (a 10 s window
 * between emissions, S3 between Firehose flushes): "0 rec/s · last 600 rec 8 s ago", with the
 * 60 s average as the tooltip. Only this line follows the clock, in whole seconds.
 */
function IdleRate({
  last,
  avgRecords,
  avgBytes,
  windowSec,
}: {
  last: ActiveSecond;
  avgRecords: number;
  avgBytes: number;
  windowSec: number;
}) {
  const { t } = useFastT('run');
  const l = useLocale();
  const units = useUnits();
  // Whole seconds since that second ended (sim ms): the line re-renders once a simulated second.
  const agoSec = useLive((s) => Math.max(0, Math.floor((s.simMs - last.atMs) / 1000)), last.atMs);
  const average = t('live.average', {
    window: units(windowSec * 1000),
    records: fmtRate(avgRecords, l),
    mib: fmtMiB(avgBytes, l),
  });
  return (
    <dd title={average}>
      {t('live.rateNow', { records: fmtRate(0, l) })}
      {t('live.idleSeparator')}
      {/* One block: it moves to the next line whole rather than leaving "ago" alone there. */}
      <span className="live__last">
        {t('live.last', { records: fmtNum(last.records, l), ago: units(agoSec * 1000) })}
      </span>
    </dd>
  );
}

function RateFigure({
  records,
  bytes,
  last,
  avgRecords,
  avgBytes,
  windowSec,
}: {
  records: number;
  bytes: number;
  last: ActiveSecond | undefined;
  avgRecords: number;
  avgBytes: number;
  windowSec: number;
}) {
  const { t } = useFastT('run');
  const l = useLocale();
  // Steady flows (and nodes nothing has reached yet) show the last second only.
  if (records === 0 && last)
    return <IdleRate last={last} avgRecords={avgRecords} avgBytes={avgBytes} windowSec={windowSec} />;
  return <dd>{t('live.rate', { records: fmtRate(records, l), mib: fmtMiB(bytes, l) })}</dd>;
}

function Rates({ n, kind }: { n: NodeLive; kind: NodeKind }) {
  const { t } = useFastT('run');
  const { in: showIn, out: showOut } = KIND_VIEWS[kind].live;
  const a = n.activity;
  return (
    <dl className="live__rates">
      {showIn && (
        <>
          <dt>{t('live.in')}</dt>
          <RateFigure
            records={n.inRecordsPerSec}
            bytes={n.inBytesPerSec}
            last={a?.lastIn}
            avgRecords={a?.avgInRecordsPerSec ?? 0}
            avgBytes={a?.avgInBytesPerSec ?? 0}
            windowSec={a?.windowSec ?? 0}
          />
        </>
      )}
      {showOut && (
        <>
          <dt>{t('live.out')}</dt>
          <RateFigure
            records={n.outRecordsPerSec}
            bytes={n.outBytesPerSec}
            last={a?.lastOut}
            avgRecords={a?.avgOutRecordsPerSec ?? 0}
            avgBytes={a?.avgOutBytesPerSec ?? 0}
            windowSec={a?.windowSec ?? 0}
          />
        </>
      )}
    </dl>
  );
}

/**
 * id → node name, built once per `doc.nodes` array (the model shares it structurally, so it only
 * changes when a node does). Every card then looks its name up in O(1) instead of scanning the
 * whole list on every store change (O(N²) per change on a 300-node canvas).
 */
const namesByNodes = new WeakMap<readonly PipelineNode[], Map<string, string>>();
export function nodeNameIndex(nodes: readonly PipelineNode[]): Map<string, string> {
  let index = namesByNodes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((x) => [x.id, x.name]));
    namesByNodes.set(nodes, index);
  }
  return index;
}

function NodeLiveOverlayImpl({
  nodeId,
  kind,
  name: nameProp,
  compact = false,
}: {
  nodeId: string;
  kind: NodeKind;
  name?: string;
  /**
   * Zoomed far out (see COMPACT_ZOOM): only what reads as colour and shape stays (outage, the
   * utilisation bar with its percentage, a throttle mark, the shard strip). At that zoom the
   * figures are a few px tall anyway, and a 300-card canvas then lays out a fraction of the text
   * on each live frame.
   */
  compact?: boolean;
}) {
  const { t } = useFastT('run');
  const l = useLocale();
  const n = useNodeLive(nodeId);
  // The card passes its name; callers that do not get an O(1) lookup in a per-doc index.
  const looked = useStudio((s) =>
    nameProp === undefined ? nodeNameIndex(s.doc.nodes).get(nodeId) : undefined,
  );
  const name = nameProp ?? looked ?? nodeId;
  if (!n) return null;
  const total = throttleTotal(n);
  const pct = fmtPct(n.utilization, l);
  const view = KIND_VIEWS[kind];
  const hasUtil = view.live.utilization;
  const Details = view.Details;
  const throttling = n.throttledPerSec > 0 || (total ?? 0) > 0;
  if (compact)
    return (
      <section className="live live--compact nodrag" aria-label={t('live.region', { name })}>
        {n.down && <div className="live__down">{t('live.down')}</div>}
        {hasUtil && (
          <UtilBar
            share={n.utilization}
            label={n.utilization > 1 ? t('live.utilizationOver', { pct }) : t('live.utilization', { pct })}
          />
        )}
        {n.throttledPerSec > 0 && (
          <div className="live__throttle live__throttle--active" role="status">
            ⚠ {t('live.throttledShort', { perSec: fmtRate(n.throttledPerSec, l) })}
          </div>
        )}
        {n.shards && n.shards.length > 0 && <ShardStrip shards={n.shards} compact />}
      </section>
    );
  return (
    <section className="live nodrag" aria-label={t('live.region', { name })}>
      {n.down && <div className="live__down">{t('live.down')}</div>}
      <Rates n={n} kind={kind} />
      {hasUtil && (
        <UtilBar
          share={n.utilization}
          label={n.utilization > 1 ? t('live.utilizationOver', { pct }) : t('live.utilization', { pct })}
        />
      )}
      {throttling && (
        <div
          className={`live__throttle${n.throttledPerSec > 0 ? ' live__throttle--active' : ''}`}
          role="status"
        >
          ⚠{' '}
          {total === undefined
            ? t('live.throttledShort', { perSec: fmtRate(n.throttledPerSec, l) })
            : kind === 'producer'
              ? // A producer's throttles are put attempts (retries too, like CloudWatch's
                // WriteProvisionedThroughputExceeded); the records lost are the dropped ones.
                t('live.producerThrottled', {
                  perSec: fmtRate(n.throttledPerSec, l),
                  total: fmtNum(total, l),
                  dropped: fmtNum(n.counters.dropped ?? 0, l),
                })
              : t('live.throttled', { perSec: fmtRate(n.throttledPerSec, l), total: fmtNum(total, l) })}
        </div>
      )}
      {Details && <Details n={n} />}
      {n.shards && n.shards.length > 0 && <ShardStrip shards={n.shards} />}
    </section>
  );
}

export const NodeLiveOverlay = memo(NodeLiveOverlayImpl);

/** Below this canvas zoom a card's live figures are compact (see NodeLiveOverlay's `compact`). */
export const COMPACT_ZOOM = 0.45;
