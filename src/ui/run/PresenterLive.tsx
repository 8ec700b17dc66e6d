/**
 * A card's live figures in presenter view, in a fixed-size area so a running card never grows
 * into its neighbours: one large rate, the utilisation bar, then what the kind adds (Lambda
 * concurrency and iterator age, the shard strip) cut off at the card's edge. Throttling and an
 * outage are badges pinned to the card's top right corner, outside the flow of the card.
 */
import { memo } from 'react';
import type { NodeKind } from '../../model/types.ts';
import { useNodeLive } from '../../store/simStore.ts';
import { KIND_VIEWS } from '../kinds/index.tsx';
import { fmtPct, fmtRate } from './format.ts';
import { UtilBar } from './NodeLiveOverlay.tsx';
import { ShardStrip } from './ShardStrip.tsx';
import { useFastT } from './useFastT.ts';
import './presenter.css';

function PresenterLiveImpl({ nodeId, kind, name }: { nodeId: string; kind: NodeKind; name: string }) {
  const { t, i18n } = useFastT('run');
  const n = useNodeLive(nodeId);
  if (!n) return null;
  const l = i18n.language;
  const view = KIND_VIEWS[kind];
  const pct = fmtPct(n.utilization, l);
  // What enters the node, or for a producer (nothing enters it) what leaves it.
  const showIn = view.live.in;
  const records = showIn ? n.inRecordsPerSec : n.outRecordsPerSec;
  const Details = view.Details;
  return (
    <section className="live live--presenter nodrag" aria-label={t('live.region', { name })}>
      {(n.down || n.throttledPerSec > 0) && (
        <div className="live__badges">
          {n.down && <span className="live__badge live__badge--down">{t('live.down')}</span>}
          {n.throttledPerSec > 0 && (
            <span className="live__badge live__badge--throttle" role="status">
              ⚠ {t('live.throttledShort', { perSec: fmtRate(n.throttledPerSec, l) })}
            </span>
          )}
        </div>
      )}
      <div className="live__big">
        <span className="live__dir">{showIn ? t('live.in') : t('live.out')}</span>{' '}
        {/* The number large, its unit small: 件/秒 at the number's size would not fit. */}
        {fmtRate(records, l)} <span className="live__unit">{t('presenter.perSec')}</span>
      </div>
      {view.live.utilization && (
        <UtilBar
          share={n.utilization}
          label={n.utilization > 1 ? t('live.utilizationOver', { pct }) : t('live.utilization', { pct })}
        />
      )}
      <div className="live__more">
        {Details && <Details n={n} />}
        {n.shards && n.shards.length > 0 && <ShardStrip shards={n.shards} />}
      </div>
    </section>
  );
}

export const PresenterLive = memo(PresenterLiveImpl);
