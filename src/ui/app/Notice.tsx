/**
 * The status line over the canvas (role="status", announced politely): why a connection was
 * refused, that a file was imported, … It fades after a few seconds (wall clock, UI only).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { designsStore, useDesigns } from '../../store/designs.ts';
import { useSim } from '../../store/simStore.ts';
import { uiStore, useUi } from '../../store/ui.ts';

/** Wall ms a notice stays up: long enough to read a refusal reason aloud. */
const NOTICE_MS = 8_000;

export function Notice() {
  const notice = useUi((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => uiStore.getState().clearNotice(), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className={`notice${notice ? ` notice--${notice.tone}` : ''}`} role="status" aria-live="polite">
      {notice ? (
        <>
          <span aria-hidden="true">{notice.tone === 'error' ? '⛔ ' : 'ℹ '}</span>
          {notice.text}
        </>
      ) : null}
    </div>
  );
}

/** First visit only: one line telling a newcomer what to do next; it goes once they press Run. */
export function FirstHint() {
  const { t } = useTranslation('studio');
  const firstVisit = useDesigns((s) => s.firstVisit);
  const running = useSim((s) => s.status !== 'idle');
  useEffect(() => {
    if (running && firstVisit) designsStore.getState().dismissHint();
  }, [running, firstVisit]);
  if (!firstVisit || running) return null;
  return (
    <div className="hint">
      <span>{t('hint')}</span>
      <button
        type="button"
        aria-label={t('hintDismiss')}
        onClick={() => designsStore.getState().dismissHint()}
      >
        ×
      </button>
    </div>
  );
}
