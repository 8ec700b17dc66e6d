/**
 * Live throughput on an edge (records/s; red with the throttled rate when the target refuses
 * records). The studio's edge can call `useEdgeLive(edgeId)` and `edgeStrokeWidth` for its width
 * and animation (moving dots only when the user has not asked for reduced motion).
 */
import { memo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useEdgeLive } from '../../store/simStore.ts';
import { fmtRate } from './format.ts';

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

function EdgeLiveLabelImpl({ edgeId }: { edgeId: string }) {
  const { t, i18n } = useTranslation('run');
  const e = useEdgeLive(edgeId);
  if (!e) return null;
  const records = fmtRate(e.recordsPerSec, i18n.language);
  const throttled = e.throttledPerSec > 0;
  // Edges can be short: the label stays compact, the full sentence is its title and accessible name.
  const full = throttled
    ? t('live.edgeThrottled', { records, throttled: fmtRate(e.throttledPerSec, i18n.language) })
    : t('live.edge', { records });
  return (
    <span className={`edge-live${throttled ? ' edge-live--throttled' : ''}`} title={full}>
      <span aria-hidden="true">
        {t('live.edge', { records })}
        {throttled && ' ⚠'}
      </span>
      <span className="sr-only">{full}</span>
    </span>
  );
}

export const EdgeLiveLabel = memo(EdgeLiveLabelImpl);
