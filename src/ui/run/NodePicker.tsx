/** The tab's node list (a select), for when the canvas selection is not of the tab's kind. */
import { useTranslation } from 'react-i18next';
import type { PipelineNode } from '../../model/types.ts';

export function NodePicker({
  label,
  node,
  candidates,
  pick,
}: {
  label: string;
  node: PipelineNode | undefined;
  candidates: PipelineNode[];
  pick(id: string): void;
}) {
  return (
    <label className="run-tab__picker">
      <span>{label}</span>
      <select value={node?.id ?? ''} onChange={(e) => pick(e.target.value)} aria-label={label}>
        {candidates.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function NotRunning() {
  const { t } = useTranslation('run');
  return <p className="run-tab__empty">{t('common.notRunning')}</p>;
}
