/** The custom edge: a curve with a label saying what the connection configures, plus live throughput. */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { EdgeLiveLabel } from '../run/index.tsx';
import type { WireEdge as WireEdgeType } from './toFlow.ts';

function WireEdgeImpl(props: EdgeProps<WireEdgeType>) {
  const { t } = useTranslation('canvas');
  const [path, labelX, labelY] = getBezierPath(props);
  const role = props.data?.role ?? 'other';
  // Between cards closer than ~120 px (flow units) a label would cover the handles: show it only
  // when the edge is selected (the inspector names the role too).
  const roomy = Math.hypot(props.targetX - props.sourceX, props.targetY - props.sourceY) > 120;
  const label =
    !roomy && !props.selected
      ? ''
      : role === 'efo'
        ? t('edge.efo', { name: props.data?.efoName ?? '' })
        : t(`edge.${role}`);
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        className={props.selected ? 'wire wire--selected' : 'wire'}
      />
      <EdgeLabelRenderer>
        <div
          className={`wire__label nopan${props.selected ? ' wire__label--selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {label && <span className="wire__role">{label}</span>}
          <EdgeLiveLabel edgeId={props.id} />
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const WireEdge = memo(WireEdgeImpl);
