/**
 * Live throughput on an edge (records/s; red with the throttled rate when the target refuses
 * records; between bursts, its last active second and how long ago). The studio's edge can call `useEdgeLive(edgeId)` and `edgeStrokeWidth` for its width
 * and animation (moving dots only when the user has not asked for reduced motion).
 */
import { memo, useSyncExternalStore } from 'react';
import type { ActiveSecond } from '../../engine/api.ts';
import { useEdgeLive, useLive } from '../../store/simStore.ts';
import { useLocale } from '../locale.ts';
import { agoOf, fmtNum, fmtRate } from './format.ts';
import { useFastT } from './useFastT.ts';

export { useEdgeLive };

/** Stroke width in px for a rate: 1.5 px idle, growing with log10(records/s), 8 px at 100k rec/s. */
export function edgeStrokeWidth(recordsPerSec: number): number {
  if (!(recordsPerSec > 0)) return 1.5;
  return Math.min(8, 1.5 + 1.3 * Math.log10(1 + recordsPerSec));
}

/**
 * One MediaQueryList for the whole app: useSyncExternalStore reads the snapshot on every render of
 * every edge, and a `matchMedia` call per read cost ~5 ms of each live frame on a small canvas.
 */
const motion =
  typeof window !== 'undefined' && window.matchMedia
    ? window.matchMedia('(prefers-reduced-motion: reduce)')
    : null;
function subscribeMotion(cb: () => void): () => void {
  motion?.addEventListener('change', cb);
  return () => motion?.removeEventListener('change', cb);
}
const motionReduced = () => motion?.matches ?? false;
/** True when the user prefers reduced motion (then edges do not animate). */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribeMotion, motionReduced, () => false);
}

/**
 * Whole simulated seconds of the "ago" figure as shown: exact under a minute, then rounded down to
 * the minute or the hour (as agoOf shows it). The idle label subscribes to this number, so it
 * re-renders when the words change (once a simulated second at most), never on other frames.
 * No allocation: it runs on every store change for every idle edge.
 */
export function shownAgoSec(ms: number): number {
  const sec = Math.max(0, Math.floor(ms / 1000));
  if (sec < 60) return sec;
  return sec < 3600 ? sec - (sec % 60) : sec - (sec % 3600);
}

/**
 * An edge that carried nothing in the last simulated second but has before (Firehose → S3 between
 * flushes, an Analytics output between windows): "last 600 rec · 8 s ago". Three t() calls a
 * render (the unit, the compact label, the sentence), and it renders only when one changes.
 */
function IdleEdgeLabel({ edgeId, last }: { edgeId: string; last: ActiveSecond }) {
  const { t } = useFastT('run');
  const l = useLocale();
  // A transition like the edge's own figures (useLive), keyed by the last second it counts from.
  const ago = useLive((s) => shownAgoSec(s.simMs - last.atMs), last.atMs);
  const a = agoOf(ago * 1000);
  const values = {
    records: fmtNum(last.records, l),
    ago: t(a.unit === 'sec' ? 'live.unitSec' : a.unit === 'min' ? 'live.unitMin' : 'live.unitHour', {
      value: a.value,
    }),
  };
  const full = t('live.edgeIdleFull', values);
  return (
    <span className="edge-live edge-live--idle" title={full} data-edge={edgeId}>
      <span aria-hidden="true">{t('live.edgeIdle', values)}</span>
      <span className="sr-only">{full}</span>
    </span>
  );
}

function EdgeLiveLabelImpl({ edgeId }: { edgeId: string }) {
  const { t } = useFastT('run');
  const l = useLocale();
  const e = useEdgeLive(edgeId);
  if (!e) return null;
  const throttled = e.throttledPerSec > 0;
  if (e.recordsPerSec === 0 && !throttled && e.lastActive)
    return <IdleEdgeLabel edgeId={edgeId} last={e.lastActive} />;
  const records = fmtRate(e.recordsPerSec, l);
  // Edges can be short: the label stays compact, the full sentence is its title and accessible
  // name. Unthrottled, both are the same text: one t() call.
  const compact = t('live.edge', { records });
  const full = throttled
    ? t('live.edgeThrottled', { records, throttled: fmtRate(e.throttledPerSec, l) })
    : compact;
  return (
    <span className={`edge-live${throttled ? ' edge-live--throttled' : ''}`} title={full} data-edge={edgeId}>
      <span aria-hidden="true">
        {compact}
        {throttled && ' ⚠'}
      </span>
      <span className="sr-only">{full}</span>
    </span>
  );
}

export const EdgeLiveLabel = memo(EdgeLiveLabelImpl);
