/**
 * The canvas' polite live region (what useCanvasAnnouncements says) and React Flow's own texts in
 * the studio's language: the cards' keyboard help (aria-describedby), its "moved" announcement, the
 * zoom buttons.
 */
import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncement } from './announce.ts';

export function KeyboardAnnouncer() {
  const { text, seq } = useAnnouncement();
  return (
    <div
      className="sr-only"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="canvas-announcer"
    >
      {/* A new key per message: the same words twice are announced twice. */}
      <span key={seq}>{text}</span>
    </div>
  );
}

export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation('keyboard');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the language
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('cardHelp'),
      'node.a11yDescription.keyboardDisabled': t('cardHelp'),
      'node.a11yDescription.ariaLiveMessage': ({
        direction,
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) => t('moved', { direction: t(`direction.${direction}`), x, y }),
      'edge.a11yDescription.default': t('edgeHelp'),
      'controls.ariaLabel': t('canvas:zoomControls'),
      'minimap.ariaLabel': t('canvas:minimap'),
      'controls.zoomIn.ariaLabel': t('zoomIn'),
      'controls.zoomOut.ariaLabel': t('zoomOut'),
      'controls.fitView.ariaLabel': t('zoomFit'),
      'controls.interactive.ariaLabel': t('interactive'),
      'handle.ariaLabel': t('handle'),
    }),
    [t, i18n.language],
  );
}
