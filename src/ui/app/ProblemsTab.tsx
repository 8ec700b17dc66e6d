/**
 * Every diagnostic of the design, errors first. Errors and warnings differ by icon, colour and a
 * spoken word; clicking an entry selects its node (or edge) and centres the canvas on it.
 */
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnosticText } from '../../model/validate.ts';
import { studioStore, useStudio } from '../../store/studio.ts';

export function ProblemsTab() {
  const { t } = useTranslation('studio');
  // Deferred: opening a big design (300 nodes, 74 warnings) renders and lays out its list in a
  // later task of its own, not in the one that already mounts the canvas (issue 15: every task
  // under 100 ms). A list a frame late is not noticed; a stalled studio is.
  const diagnostics = useDeferredValue(useStudio((s) => s.diagnostics));
  const nodes = useDeferredValue(useStudio((s) => s.doc.nodes));
  const locale = useStudio((s) => s.locale);
  const names = useMemo(() => new Map(nodes.map((n) => [n.id, n.name])), [nodes]);
  const sorted = [...diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  if (sorted.length === 0) return <p className="problems__none">✔ {t('problems.none')}</p>;
  return (
    <ul className="problems" aria-label={t('problems.title')}>
      {sorted.map((d) => {
        const name = d.nodeId ? names.get(d.nodeId) : undefined;
        const target = name ?? (d.edgeId ? t('problems.connection') : t('problems.design'));
        return (
          <li key={`${d.code}|${d.nodeId ?? ''}|${d.edgeId ?? ''}|${d.field ?? ''}|${d.message}`}>
            <button
              type="button"
              className={`problem problem--${d.severity}`}
              onClick={() => {
                const store = studioStore.getState();
                if (d.nodeId) store.focusNode(d.nodeId);
                else if (d.edgeId) store.select({ nodeIds: [], edgeIds: [d.edgeId] });
              }}
            >
              <span className="problem__icon" aria-hidden="true">
                {d.severity === 'error' ? '✖' : '▲'}
              </span>
              <span className="problem__severity">{t(`problems.${d.severity}`)}</span>
              <span className="problem__where">{target}</span>
              <span className="problem__text">{diagnosticText(d, locale)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
