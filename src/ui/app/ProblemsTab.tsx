/**
 * Every diagnostic of the design, errors first. Errors and warnings differ by icon, colour and a
 * spoken word; clicking an entry selects its node (or edge) and centres the canvas on it.
 */
import { useTranslation } from 'react-i18next';
import { diagnosticText } from '../../model/validate.ts';
import { studioStore, useStudio } from '../../store/studio.ts';

export function ProblemsTab() {
  const { t } = useTranslation('studio');
  const diagnostics = useStudio((s) => s.diagnostics);
  const nodes = useStudio((s) => s.doc.nodes);
  const locale = useStudio((s) => s.locale);
  const sorted = [...diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  if (sorted.length === 0) return <p className="problems__none">✔ {t('problems.none')}</p>;
  return (
    <ul className="problems" aria-label={t('problems.title')}>
      {sorted.map((d) => {
        const node = d.nodeId ? nodes.find((n) => n.id === d.nodeId) : undefined;
        const target = node?.name ?? (d.edgeId ? t('problems.connection') : t('problems.design'));
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
