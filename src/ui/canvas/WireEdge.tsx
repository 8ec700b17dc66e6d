/**
 * The custom edge: a curve with a label saying what the connection configures, plus live
 * throughput while a run exists. Its width grows with records/s (`edgeStrokeWidth`), dots move
 * along it while the run plays (a CSS dash animation, off for prefers-reduced-motion), and its
 * arrow head turns red while the target throttles. Each edge subscribes only to its own figures.
 */
import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  useStore as useFlowStore,
} from '@xyflow/react';
import { memo } from 'react';
import { useSim } from '../../store/simStore.ts';
import {
  COMPACT_ZOOM,
  EdgeLiveLabel,
  edgeStrokeWidth,
  useEdgeLive,
  usePrefersReducedMotion,
} from '../run/index.tsx';
import { useFastT } from '../run/useFastT.ts';
import { flowDotSeconds } from './edgeFlow.ts';
import type { WireEdge as WireEdgeType } from './toFlow.ts';

function WireEdgeImpl(props: EdgeProps<WireEdgeType>) {
  const { t } = useFastT('canvas');
  const live = useEdgeLive(props.id);
  const playing = useSim((s) => s.status === 'running');
  const reducedMotion = usePrefersReducedMotion();
  // Zoomed far out the dots are specks, and animating hundreds of edges repaints the whole canvas
  // every display frame: width alone shows the flow there.
  // Only while playing (no dots otherwise): an idle zoom across the threshold re-renders no edge.
  const zoomedOut = useFlowStore((s) => playing && s.transform[2] < COMPACT_ZOOM);
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
  const rate = live?.recordsPerSec ?? 0;
  const throttled = (live?.throttledPerSec ?? 0) > 0;
  const width = live ? edgeStrokeWidth(rate) : undefined;
  const dots = playing && rate > 0 && !reducedMotion && !zoomedOut;
  const classes = [
    'wire',
    props.selected && 'wire--selected',
    live && 'wire--live',
    throttled && 'wire--throttled',
  ]
    .filter(Boolean)
    .join(' ');
  // The target handle is on the card's left side, so the curve always arrives heading right.
  const { targetX: x, targetY: y } = props;
  const head = Math.max(5, (width ?? 2) + 3);
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={classes}
        style={width === undefined ? undefined : { strokeWidth: width }}
      />
      {dots && (
        <path
          d={path}
          className="wire__dots"
          style={{
            strokeWidth: Math.max(4, (width ?? 2) + 2),
            animationDuration: `${flowDotSeconds(rate)}s`,
          }}
        />
      )}
      <path
        d={`M ${x - head * 1.6} ${y - head} L ${x} ${y} L ${x - head * 1.6} ${y + head} Z`}
        className={`wire__head${live ? ' wire__head--live' : ''}${throttled ? ' wire__head--throttled' : ''}${props.selected ? ' wire__head--selected' : ''}`}
      />
      <EdgeLabelRenderer>
        <div
          className={`wire__label nopan${props.selected ? ' wire__label--selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {label && <span className="wire__role">{label}</span>}
          {/* On a short edge the figure would cover the handles: width and dots carry it there. */}
          {(roomy || props.selected) && <EdgeLiveLabel edgeId={props.id} />}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const WireEdge = memo(WireEdgeImpl);
