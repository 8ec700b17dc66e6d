/**
 * React Flow's attribution link in the studio's language (React Flow's is named in English, so
 * the studio draws its own, still crediting React Flow). Its other texts: useFlowAriaLabels in
 * KeyboardAnnouncer.tsx.
 */
import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

/** Credit to React Flow where its own link sat (bottom right), named in the studio's language. */
export function FlowAttribution() {
  const { t } = useTranslation('canvas');
  return (
    <Panel position="bottom-right" className="react-flow__attribution">
      <a
        href="https://reactflow.dev"
        target="_blank"
        rel="noopener noreferrer"
        aria-label={t('flow.attribution')}
      >
        React Flow
      </a>
    </Panel>
  );
}
