/**
 * The Sweep tab (issue 12, capacity planning): what to vary, a progress bar with Cancel while the
 * points run in background workers, and the results filling in. Loaded when first opened.
 */
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/studio.ts';
import { cancelSweep, startSweep, useSweep } from '../../store/sweep.ts';
import { uiStore } from '../../store/ui.ts';
import { i18n } from '../i18n/index.ts';
import { SweepForm } from './SweepForm.tsx';
import { SweepResults } from './SweepResults.tsx';
import { en, ja } from './strings.ts';
import './sweep.css';

i18n.addResourceBundle('en', 'sweep', en, true, false);
i18n.addResourceBundle('ja', 'sweep', ja, true, false);

function Progress() {
  const { t } = useTranslation('sweep');
  const s = useSweep((x) => x);
  if (s.status === 'idle') return null;
  const total = s.points.length;
  const sec = Math.round(s.elapsedMs / 1000);
  const text =
    s.status === 'running'
      ? t('progressText', { done: s.done, total, workers: s.workers, sec })
      : s.status === 'cancelled'
        ? t('cancelled', { done: s.done, total })
        : s.status === 'failed'
          ? t('failed', { message: s.error ?? '' })
          : t('finished', { total, sec, workers: s.workers });
  return (
    <div className="sweep-progress">
      {s.status === 'running' && (
        <progress aria-label={t('progress')} aria-valuetext={text} max={total} value={s.done} />
      )}
      <span role="status" className={s.status === 'failed' ? 'sweep-form__problem' : undefined}>
        {text}
      </span>
    </div>
  );
}

export function SweepTab() {
  const { t } = useTranslation('sweep');
  const doc = useStudio((s) => s.doc);
  const state = useSweep((s) => s);
  const running = state.status === 'running';
  return (
    <div className="run-tab sweep">
      <p className="run-tab__hint">{t('intro')}</p>
      <SweepForm
        doc={doc}
        running={running}
        onStart={(spec) => {
          // The results need room: a short bottom panel grows (the separator still resizes it).
          const { layout, setLayout } = uiStore.getState();
          const room = Math.min(520, Math.round(window.innerHeight * 0.58));
          if (layout.bottomHeight < room) setLayout({ bottomHeight: room });
          startSweep(doc, spec);
        }}
        onCancel={cancelSweep}
      />
      <Progress />
      <SweepResults state={state} />
    </div>
  );
}
