/**
 * Metrics tab: time series of the selected node under CloudWatch metric names, a per-shard
 * breakdown for streams, timeline markers as reference lines, the cumulative counters, and
 * CSV / PNG export. Redrawn at most 4 times a wall second (once at max speed), one chart per
 * animation frame, charts off screen not at all (until seen or exported), ≤ 200 points per line. The
 * CSV comes from the engine: one row per simulated second, whatever the speed.
 */
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineMarker } from '../../engine/api.ts';
import { type MetricDef, SHARD_SERIES_LIMIT } from '../../store/simMetrics.ts';
import { type SimState, simSeries, useSim, useThrottledSim } from '../../store/simStore.ts';
import { KIND_METRICS } from '../kinds/index.tsx';
import { unitLabel, useLocale } from '../locale.ts';
import { counterLabel } from './counterLabels.ts';
import { exportCsv, exportPng } from './exportChart.ts';
import { fmtNum } from './format.ts';
import { useOnScreen, useRedrawTurn, useRunExists, useTargetNode } from './hooks.ts';
import { NodePicker, NotRunning } from './NodePicker.tsx';
import { MarkerKey, SeriesChart } from './SeriesChart.tsx';

const version = (s: SimState) => s.seriesVersion;
const markersOf = (s: SimState) => s.frame?.markers;
const NO_MARKERS: TimelineMarker[] = [];
const framesNodes = (s: SimState) => s.frame?.nodes;

const SHARD_LINES = 8;
/**
 * Points drawn per line: a chart is 400–800 px wide, and every point costs redraw time and garbage
 * (each redraw's points survive until the next, so they weigh on every minor GC).
 */
const CHART_POINTS = 200;
type Stamp = { v: number; markers: TimelineMarker[] };

/**
 * Export PNG: charts off screen have stopped redrawing, so first every chart draws the figures of
 * the moment of the click (one turn each; each chart box says in `data-drawn` which redraw clock it
 * shows), then the PNG is made: at the latest after 3 s, with what is drawn by then.
 */
function useExportWhenDrawn(charts: RefObject<HTMLDivElement | null>, nodeName: string, v: number) {
  const [busy, setBusy] = useState<number | null>(null);
  useEffect(() => {
    if (busy === null) return;
    const started = performance.now();
    let frame = requestAnimationFrame(function wait() {
      const el = charts.current;
      const boxes = el ? [...el.querySelectorAll<HTMLElement>('.run-chart-box')] : [];
      const drawn = boxes.every((b) => Number(b.dataset.drawn ?? -1) >= busy);
      if (!drawn && performance.now() - started < 3_000) {
        frame = requestAnimationFrame(wait);
        return;
      }
      void (el ? exportPng(el, nodeName) : Promise.resolve()).finally(() => setBusy(null));
    });
    return () => cancelAnimationFrame(frame);
  }, [busy, charts, nodeName]);
  return { busy: busy !== null, start: () => setBusy(v) };
}

/** `lines` value of the per-shard chart: the busiest shards by their latest value. */
const BUSIEST = 'busiest';

/**
 * One chart of the selected node. It redraws in its own main-thread turn (see store/turns.ts),
 * reading the mutable series then, so the charts of a node are drawn one per animation frame.
 */
function LiveChart({
  title,
  seriesKey,
  lines,
  stamp,
  drawAll,
  limitLine,
  label,
}: {
  title: string;
  label?: (name: string) => string;
  seriesKey: string;
  lines: string[] | typeof BUSIEST;
  /** The redraw clock (≤ 4 Hz) and markers. */
  stamp: Stamp;
  /** Draw even off screen (a PNG export is about to capture every chart). */
  drawAll: boolean;
  limitLine?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(box);
  // Off screen a chart keeps what it last drew: scrolled back into view (or exported) it catches up.
  const kept = useRef(stamp);
  if (onScreen || drawAll) kept.current = stamp;
  const shown = useRedrawTurn(kept.current);
  const linesKey = typeof lines === 'string' ? lines : lines.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shown` is the redraw clock of the mutable series; linesKey stands for lines
  const data = useMemo(() => {
    const series = simSeries.get(seriesKey);
    if (!shown || !series) return null;
    let names: string[];
    if (typeof lines === 'string') {
      names = [...series.columns.entries()]
        .map(([name, col]) => [name, col.at(-1) ?? 0] as const)
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
        .slice(0, SHARD_LINES)
        .map(([name]) => name)
        .sort();
    } else names = lines;
    return { names, data: series.aligned(names, CHART_POINTS) };
  }, [shown, seriesKey, linesKey]);
  return (
    // `data-drawn`: the redraw clock this chart shows (the PNG export waits for every chart).
    <div ref={box} className="run-chart-box" data-drawn={data ? shown?.v : undefined}>
      {shown && data ? (
        <SeriesChart
          title={title}
          lines={data.names}
          data={data.data}
          markers={shown.markers}
          limitLine={limitLine}
          label={label}
        />
      ) : (
        // Same footprint as a drawn chart, so the tab does not jump while charts take their turns.
        <figure className="run-chart run-chart--waiting" aria-label={title}>
          <figcaption>{title}</figcaption>
        </figure>
      )}
    </div>
  );
}

export function MetricsTab() {
  const { t } = useTranslation('run');
  const l = useLocale();
  const exists = useRunExists();
  const { node, candidates, pick } = useTargetNode();
  // 4 redraws a second at 1× to 60×; at max speed once a second: the curves move by minutes of
  // simulated time between redraws anyway, and each redraw costs main thread and garbage.
  const fast = useSim((s) => s.speed === 'max' && s.status === 'running');
  const v = useThrottledSim(version, fast ? 1_000 : 250);
  const markers = useThrottledSim(markersOf) ?? NO_MARKERS;
  const nodes = useThrottledSim(framesNodes);
  const charts = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => {
    const defs = node ? KIND_METRICS[node.kind] : [];
    const byGroup = new Map<string, MetricDef[]>();
    for (const d of defs) byGroup.set(d.group, [...(byGroup.get(d.group) ?? []), d]);
    return [...byGroup.values()];
  }, [node]);

  // CloudWatch's metric names stay as AWS prints them; our own `Utilization` is translated.
  const metricName = useCallback(
    (name: string) => (name === 'Utilization' ? t('metrics.utilizationName') : name),
    [t],
  );
  // Markers and the redraw clock travel together, so a chart draws both from one turn.
  const stamp = useMemo(() => ({ v, markers }), [v, markers]);
  const exporting = useExportWhenDrawn(charts, node?.name ?? '', v);
  const bucketSec = (node && simSeries.get(node.id)?.bucketMs) ?? 1000;

  if (!exists) return <NotRunning />;
  if (!node) return <p className="run-tab__empty">{t('common.selectNode')}</p>;
  const nodeMarkers: TimelineMarker[] = markers;
  const counters = nodes?.[node.id]?.counters ?? {};
  const nameOf = (id: string) => candidates.find((n) => n.id === id)?.name ?? id;
  const shardCount = nodes?.[node.id]?.shards?.filter((s) => s.open).length ?? 0;
  const isLambda = nodes?.[node.id]?.lambda !== undefined;

  return (
    <div className="run-tab run-metrics">
      <div className="run-tab__bar">
        <NodePicker label={t('metrics.pick')} node={node} candidates={candidates} pick={pick} />
        <span className="run-tab__hint">{t('metrics.resolution', { sec: bucketSec / 1000 })}</span>
        <button type="button" onClick={() => void exportCsv(node.id, node.name)}>
          {t('metrics.exportCsv')}
        </button>
        <button type="button" onClick={exporting.start} disabled={exporting.busy}>
          {t('metrics.exportPng')}
        </button>
      </div>
      <div className="run-metrics__body">
        <div className="run-metrics__charts" ref={charts}>
          {groups.map((defs) => (
            <LiveChart
              key={defs[0].group}
              title={defs.map((d) => `${metricName(d.name)} (${unitLabel(d.unit, l)})`).join(' · ')}
              seriesKey={node.id}
              lines={defs.map((d) => d.name)}
              label={metricName}
              stamp={stamp}
              drawAll={exporting.busy}
            />
          ))}
          {simSeries.get(`${node.id}#shards`) ? (
            // Streams: write load per shard against the 100 % limit; Lambda: IteratorAge per shard.
            isLambda ? (
              <LiveChart
                title={t('metrics.perShardAge')}
                seriesKey={`${node.id}#shards`}
                lines={BUSIEST}
                stamp={stamp}
                drawAll={exporting.busy}
              />
            ) : (
              <LiveChart
                title={t('metrics.perShard')}
                seriesKey={`${node.id}#shards`}
                lines={BUSIEST}
                stamp={stamp}
                drawAll={exporting.busy}
                limitLine={100}
              />
            )
          ) : (
            shardCount > SHARD_SERIES_LIMIT && <p className="run-tab__hint">{t('metrics.perShardTooMany')}</p>
          )}
          <MarkerKey markers={nodeMarkers} label={t('metrics.markers')} />
        </div>
        <table className="run-table run-metrics__totals" aria-label={t('metrics.totals')}>
          <caption>{t('metrics.totals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('metrics.counter')}</th>
              <th scope="col">{t('metrics.value')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(counters).map(([k, value]) => (
              <tr key={k}>
                <th scope="row" data-counter={k}>
                  {counterLabel(k, l, nameOf)}
                </th>
                <td className="num">{fmtNum(value, l, Number.isInteger(value) ? 0 : 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
