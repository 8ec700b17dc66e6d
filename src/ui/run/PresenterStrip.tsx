/**
 * Presenter view's strip under the canvas: the simulated clock in type a back row reads, and one
 * chart the presenter picks (which node, which metric), redrawn twice a wall second (once at max
 * speed). It takes the bottom panel's place while presenter view is on.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineMarker } from '../../engine/api.ts';
import type { PipelineNode } from '../../model/types.ts';
import { type SimState, simSeries, useLive, useSim, useThrottledSim } from '../../store/simStore.ts';
import { useStudio } from '../../store/studio.ts';
import { KIND_METRICS } from '../kinds/index.tsx';
import { unitLabel, useLocale } from '../locale.ts';
import { fmtClock } from './format.ts';
import { useRunExists } from './hooks.ts';
import { type ChartData, SeriesChart } from './SeriesChart.tsx';
import './presenter.css';

const version = (s: SimState) => s.seriesVersion;
const markersOf = (s: SimState) => s.frame?.markers;
const NO_MARKERS: TimelineMarker[] = [];
const EMPTY: ChartData = [[], []];
/** Points drawn: the chart is about 1,000 px wide. */
const CHART_POINTS = 300;

function BigClock() {
  const { t } = useTranslation('run');
  const sec = useLive((s) => Math.floor(s.simMs / 1000));
  const exists = useRunExists();
  return (
    <div className="presenter__clock">
      <span className="presenter__clock-label">{t('presenter.clock')}</span>
      {/* The toolbar's clock is the accessible timer; this is its large copy for the room. */}
      <span
        className={`presenter__clock-value${exists ? '' : ' presenter__clock-value--idle'}`}
        aria-hidden="true"
        data-testid="presenter-clock"
      >
        {fmtClock(sec * 1000)}
      </span>
    </div>
  );
}

function Chart({ node, metric, title }: { node: PipelineNode; metric: string; title: string }) {
  const fast = useSim((s) => s.speed === 'max' && s.status === 'running');
  const v = useThrottledSim(version, fast ? 1_000 : 500);
  const markers = useThrottledSim(markersOf) ?? NO_MARKERS;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `v` is the redraw clock of the mutable series
  const data = useMemo(
    () => simSeries.get(node.id)?.aligned([metric], CHART_POINTS) ?? EMPTY,
    [v, node.id, metric],
  );
  const { t } = useTranslation('run');
  const label = (name: string) => (name === 'Utilization' ? t('metrics.utilizationName') : name);
  return (
    <SeriesChart title={title} lines={[metric]} data={data} markers={markers} height={140} label={label} />
  );
}

/** The node charted at first: the first data stream (the talk's subject), else the first node. */
function firstNode(nodes: readonly PipelineNode[]): PipelineNode | undefined {
  return nodes.find((n) => n.kind === 'stream') ?? nodes[0];
}

export default function PresenterStrip() {
  const { t } = useTranslation('run');
  const nodes = useStudio((s) => s.doc.nodes);
  const exists = useRunExists();
  const [nodeId, setNodeId] = useState<string | null>(null);
  const [metric, setMetric] = useState<string | null>(null);
  const node = nodes.find((n) => n.id === nodeId) ?? firstNode(nodes);
  const defs = node ? (KIND_METRICS[node.kind] ?? []) : [];
  const def = defs.find((d) => d.name === metric) ?? defs[0];
  const locale = useLocale();
  // CloudWatch's names stay as AWS prints them; our own `Utilization` and the units are translated.
  const metricText = (d: { name: string; unit: string }) =>
    `${d.name === 'Utilization' ? t('metrics.utilizationName') : d.name} (${unitLabel(d.unit, locale)})`;
  const title = node && def ? `${node.name}: ${metricText(def)}` : '';
  return (
    <section className="presenter" aria-label={t('presenter.region')}>
      <BigClock />
      <div className="presenter__chart">
        <div className="presenter__pickers">
          <label>
            <span>{t('presenter.node')}</span>
            <select value={node?.id ?? ''} onChange={(e) => setNodeId(e.target.value)}>
              {nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('presenter.metric')}</span>
            <select value={def?.name ?? ''} onChange={(e) => setMetric(e.target.value)}>
              {defs.map((d) => (
                <option key={d.name} value={d.name}>
                  {metricText(d)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {exists && node && def ? (
          <Chart node={node} metric={def.name} title={title} />
        ) : (
          <p className="presenter__empty">{t('presenter.idle')}</p>
        )}
      </div>
    </section>
  );
}
