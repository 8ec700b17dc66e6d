/** Bottom panel: Problems (with a count badge) first, then the run view's tabs (each loaded when first opened). */
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { studioStore, useStudio } from '../../store/studio.ts';
import { RUN_TABS } from '../run/index.tsx';
import { ProblemsTab } from './ProblemsTab.tsx';

export function BottomPanel() {
  const { t } = useTranslation('studio');
  const { t: tRun } = useTranslation('run');
  const tab = useStudio((s) => s.bottomTab);
  const errors = useStudio((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  const warnings = useStudio((s) => s.diagnostics.filter((d) => d.severity === 'warning').length);
  const tabs = [
    { id: 'problems', label: t('problems.title'), Component: ProblemsTab },
    ...RUN_TABS.map((r) => ({ id: r.id, label: tRun(r.labelKey), Component: r.Component })),
  ];
  const active = tabs.find((x) => x.id === tab) ?? tabs[0];
  const count = errors + warnings;
  return (
    <section className="dock" aria-label={t('bottomPanel')}>
      <div className="dock__tabs" role="tablist" aria-label={t('bottomPanel')}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`tab-${x.id}`}
            aria-selected={x.id === active.id}
            aria-controls={`tabpanel-${x.id}`}
            onClick={() => studioStore.getState().setBottomTab(x.id)}
          >
            {x.label}
            {x.id === 'problems' && count > 0 && (
              <span className={`badge ${errors ? 'badge--error' : 'badge--warning'}`}>
                <span aria-hidden="true">{count}</span>
                <span className="sr-only">{t('problems.badge', { errors, warnings })}</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div
        className="dock__body"
        role="tabpanel"
        id={`tabpanel-${active.id}`}
        aria-labelledby={`tab-${active.id}`}
      >
        <Suspense fallback={<p className="dock__loading">{t('loading')}</p>}>
          <active.Component />
        </Suspense>
      </div>
    </section>
  );
}
