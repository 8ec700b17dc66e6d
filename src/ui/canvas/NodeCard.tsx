/**
 * One memoised card component for every kind. It renders only what is in `data` (the document
 * node and its problem counts) plus the run view's overlay, which subscribes to live figures by
 * node id on its own: live data never flows through `node.data`.
 */
import { Handle, type NodeProps, Position, useStore as useFlowStore } from '@xyflow/react';
import { memo } from 'react';
import { END_POINT_KINDS, KINDS, RECEIVING_KINDS } from '../../model/kinds/index.ts';
import type { NodeKind, PipelineNode } from '../../model/types.ts';
import { hasRun, useSim } from '../../store/simStore.ts';
import { useStudio } from '../../store/studio.ts';
import { useUi } from '../../store/ui.ts';
import { KIND_COLOR, KindIcon } from '../kinds/index.tsx';
import { COMPACT_ZOOM, NodeLiveOverlay } from '../run/index.tsx';
import { PresenterLive } from '../run/PresenterLive.tsx';
import { useFastT } from '../run/useFastT.ts';
import type { CardNode } from './toFlow.ts';

/** Kinds that send somewhere have an output handle; kinds something may send to have an input handle. */
const HAS_OUTPUT = (kind: NodeKind) => !END_POINT_KINDS.includes(kind);
const HAS_INPUT = (kind: NodeKind) => RECEIVING_KINDS.includes(kind);

function summaryOf(node: PipelineNode, locale: 'en' | 'ja'): string[] {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: the union's config matches its kind at runtime
    return KINDS[node.kind].summary(node.config as any, locale);
  } catch {
    return [];
  }
}

function NodeCardImpl({ data, selected }: NodeProps<CardNode>) {
  const { t } = useFastT('canvas');
  const locale = useStudio((s) => s.locale);
  const { node, errors, warnings, firstProblem } = data;
  const def = KINDS[node.kind];
  const color = KIND_COLOR[node.kind];
  // Two figures at most, large enough to read at fit on a projector; the rest are in the inspector.
  // While a run exists the live figures take the room: one design figure, so cards that a template
  // stacks closely do not grow into each other.
  const running = useSim(hasRun);
  // A boolean, so a card re-renders when the zoom crosses the threshold, not on every zoom step;
  // and only while a run exists (idle cards show no live figures), so Fit view on a 300-node
  // design does not re-render all 300 cards at once.
  const compact = useFlowStore((s) => running && s.transform[2] < COMPACT_ZOOM);
  // Presenter view: a fixed-size card (see studio.css), live figures in a fixed area inside it.
  const presenter = useUi((s) => s.layout.presenter);
  const lines = summaryOf(node, locale).slice(0, running ? 1 : 2);
  const problemCount = errors + warnings;
  return (
    <div
      className={`card${selected ? ' card--selected' : ''}${errors ? ' card--error' : ''}`}
      style={{ '--kind': color } as React.CSSProperties}
    >
      {HAS_INPUT(node.kind) && (
        <Handle
          type="target"
          position={Position.Left}
          className="card__handle"
          // A named graphic: a bare div may not carry aria-label (axe aria-prohibited-attr). Handles are
          // for the mouse; the keyboard connects through the card's "Connect…" menu (C).
          role="img"
          aria-label={t('handle.in', { name: node.name })}
        />
      )}
      <div className="card__head">
        <span className="card__icon">
          <KindIcon kind={node.kind} />
        </span>
        <span className="card__titles">
          <span className="card__kind">{def.label[locale]}</span>
          <span className="card__name" title={node.name}>
            {node.name}
          </span>
        </span>
        {problemCount > 0 && (
          <span
            className={`card__mark ${errors ? 'card__mark--error' : 'card__mark--warning'}`}
            title={firstProblem}
            role="img"
            aria-label={t('problemsMark', { errors, warnings })}
          >
            {errors ? '✖' : '▲'} {problemCount}
          </span>
        )}
      </div>
      {lines.length > 0 && (
        <ul className="card__figures">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {presenter ? (
        <PresenterLive nodeId={node.id} kind={node.kind} name={node.name} />
      ) : (
        <NodeLiveOverlay nodeId={node.id} kind={node.kind} name={node.name} compact={compact} />
      )}
      {HAS_OUTPUT(node.kind) && (
        <Handle
          type="source"
          position={Position.Right}
          className="card__handle"
          // A named graphic: a bare div may not carry aria-label (axe aria-prohibited-attr). Handles are
          // for the mouse; the keyboard connects through the card's "Connect…" menu (C).
          role="img"
          aria-label={t('handle.out', { name: node.name })}
        />
      )}
    </div>
  );
}

export const NodeCard = memo(NodeCardImpl);
