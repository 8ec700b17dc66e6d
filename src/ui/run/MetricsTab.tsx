/**
 * Metrics tab: time series of the selected node under CloudWatch metric names, a per-shard
 * breakdown for streams, timeline markers as reference lines, the cumulative counters, and
 * CSV / PNG export. Redrawn at most 4 times a wall second; ≤ 1,000 points per series.
 */
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineMarker } from '../../engine/api.ts';
import { METRICS, type MetricDef, SHARD_SERIES_LIMIT } from '../../store/simMetrics.ts';
import { type SimState, simSeries, useThrottledSim } from '../../store/simStore.ts';
import { counterLabel } from './counterLabels.ts';
import { exportCsv, exportPng } from './exportChart.ts';
import { fmtNum } from './format.ts';
import { useRunExists, useTargetNode } from './hooks.ts';
import { NodePicker, NotRunning } from './NodePicker.tsx';
import { MarkerKey, SeriesChart } from './SeriesChart.tsx';

const version = (s: SimState) => s.seriesVersion;
const markersOf = (s: SimState) => s.frame?.markers;
const framesNodes = (s: SimState) => s.frame?.nodes;

const SHARD_LINES = 8;

export function MetricsTab() {
  const { t, i18n } = useTranslation('run');
  const exists = useRunExists();
  const { node, candidates, pick } = useTargetNode();
  const v = useThrottledSim(version);
  const markers = useThrottledSim(markersOf) ?? [];
  const nodes = useThrottledSim(framesNodes);
  const charts = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => {
    const defs = node ? METRICS[node.kind] : [];
    const byGroup = new Map<string, MetricDef[]>();
    for (const d of defs) byGroup.set(d.group, [...(byGroup.get(d.group) ?? []), d]);
    return [...byGroup.values()];
  }, [node]);

  // Rebuilt when the throttled version changes (≤ 4 Hz), not on every frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `v` is the redraw clock of the mutable series
  const data = useMemo(() => {
    if (!node) return null;
    const series = simSeries.get(node.id);
    const shards = simSeries.get(`${node.id}#shards`);
    let shardNames: string[] = [];
    if (shards) {
      // The busiest shards by their latest value, at most SHARD_LINES lines on one chart.
      shardNames = [...shards.columns.entries()]
        .map(([name, col]) => [name, col.at(-1) ?? 0] as const)
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
        .slice(0, SHARD_LINES)
        .map(([name]) => name)
        .sort();
    }
    return {
      bucketSec: (series?.bucketMs ?? 1000) / 1000,
      groups: groups.map((defs) => ({ defs, rows: series?.rows(defs.map((d) => d.name)) ?? [] })),
      shardNames,
      shardRows: shards ? shards.rows(shardNames) : null,
    };
  }, [node, groups, v]);

  if (!exists) return <NotRunning />;
  if (!node || !data) return <p className="run-tab__empty">{t('common.selectNode')}</p>;
  const nodeMarkers: TimelineMarker[] = markers;
  const counters = nodes?.[node.id]?.counters ?? {};
  const nameOf = (id: string) => candidates.find((n) => n.id === id)?.name ?? id;
  const shardCount = nodes?.[node.id]?.shards?.filter((s) => s.open).length ?? 0;

  return (
    <div className="run-tab run-metrics">
      <div className="run-tab__bar">
        <NodePicker label={t('metrics.pick')} node={node} candidates={candidates} pick={pick} />
        <span className="run-tab__hint">{t('metrics.resolution', { sec: data.bucketSec })}</span>
        <button type="button" onClick={() => exportCsv(node.id, node.name)}>
          {t('metrics.exportCsv')}
        </button>
        <button type="button" onClick={() => charts.current && void exportPng(charts.current, node.name)}>
          {t('metrics.exportPng')}
        </button>
      </div>
      <div className="run-metrics__body">
        <div className="run-metrics__charts" ref={charts}>
          {data.groups.map(({ defs, rows }) => (
            <SeriesChart
              key={defs[0].group}
              title={defs.map((d) => `${d.name} (${d.unit})`).join(' · ')}
              lines={defs.map((d) => d.name)}
              rows={rows}
              markers={nodeMarkers}
            />
          ))}
          {node.kind === 'stream' &&
            (data.shardRows ? (
              <SeriesChart
                title={t('metrics.perShard')}
                lines={data.shardNames}
                rows={data.shardRows}
                markers={nodeMarkers}
                limitLine={100}
              />
            ) : shardCount > SHARD_SERIES_LIMIT ? (
              <p className="run-tab__hint">{t('metrics.perShardTooMany')}</p>
            ) : null)}
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
                <th scope="row" title={k} data-counter={k}>
                  {counterLabel(k, i18n.language === 'ja' ? 'ja' : 'en', nameOf)}
                </th>
                <td className="num">{fmtNum(value, i18n.language, Number.isInteger(value) ? 0 : 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
