/**
 * React Flow's own texts in the studio's language: the accessible names of its zoom buttons and
 * handles, the descriptions it gives nodes and edges, and the attribution link (React Flow's is
 * named in English, so the studio draws its own, still crediting React Flow).
 */
import { type AriaLabelConfig, Panel } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t } = useTranslation('canvas');
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeHelpNoKeys'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('flow.moved', { direction, x, y }),
      'edge.a11yDescription.default': t('flow.edgeHelp'),
      'controls.ariaLabel': t('zoomControls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );
}

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
