/**
 * History tab (loaded when first opened): the design's kept runs on the left, the two picked (A
 * and B) compared on the right. Runs are kept by the run controller at Pause and Reset
 * (src/store/history.ts); this tab only shows and picks them.
 */
import { useTranslation } from 'react-i18next';
import { historyStore, useHistory } from '../../store/history.ts';
import { MAX_RUNS, MIN_RUN_SEC } from '../../store/history-entry.ts';
import { CompareView } from './CompareView.tsx';
import { RunList } from './RunList.tsx';
import './history.css';

export function HistoryTab() {
  const { t } = useTranslation('history');
  const entries = useHistory((s) => s.entries);
  const pickA = useHistory((s) => s.pickA);
  const pickB = useHistory((s) => s.pickB);
  const dropped = useHistory((s) => s.dropped);
  if (entries.length === 0) return <p className="run-tab__empty">{t('empty', { sec: MIN_RUN_SEC })}</p>;
  const a = entries.find((e) => e.id === pickA);
  const b = entries.find((e) => e.id === pickB);
  return (
    <section className="run-tab history" aria-label={t('region')}>
      {dropped.length > 0 && (
        <p className="history-dropped" role="status">
          {t('dropped', { max: MAX_RUNS, labels: dropped.join(', ') })}{' '}
          <button type="button" onClick={() => historyStore.getState().clearDropped()}>
            {t('dismiss')}
          </button>
        </p>
      )}
      <div className="history__layout">
        <section className="history__runs" aria-label={t('listTitle')}>
          <h3>
            {t('listTitle')} <span className="run-tab__hint">{t('listHint', { max: MAX_RUNS })}</span>
          </h3>
          <RunList entries={entries} />
        </section>
        <section className="history__compare" aria-label={t('figuresCaption')}>
          {!a || !b ? (
            <p className="run-tab__hint">{t('pickTwo')}</p>
          ) : a.id === b.id ? (
            <p className="run-tab__hint">{t('sameRun')}</p>
          ) : (
            <CompareView a={a} b={b} />
          )}
        </section>
      </div>
    </section>
  );
}
