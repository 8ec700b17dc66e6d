/**
 * The toolbar's Lessons button and the lazily loaded panel: only the open flag is in the first load;
 * the lessons, their schema and the panel load the first time the panel opens (or at start when a
 * lesson was under way, so its checks grade the next run).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lessonsUi, useLessonsUi } from '../../store/lessons-ui.ts';

const Panel = lazy(() => import('./LessonsPanel.tsx').then((m) => ({ default: m.LessonsPanel })));

export function LessonsToggle() {
  const { t } = useTranslation('lessons');
  const open = useLessonsUi((s) => s.open);
  return (
    <button type="button" aria-pressed={open} onClick={() => lessonsUi.getState().setOpen(!open)}>
      {t('toggle')}
    </button>
  );
}

export function LazyLessonsPanel() {
  const open = useLessonsUi((s) => s.open);
  const [loaded, setLoaded] = useState(() => open || lessonsUi.getState().activeAtStart);
  useEffect(() => {
    if (open) setLoaded(true);
  }, [open]);
  return loaded ? (
    <Suspense fallback={null}>
      <Panel />
    </Suspense>
  ) : null;
}
