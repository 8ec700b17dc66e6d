/**
 * The sweep's charts against the varied field, drawn as the points arrive: throttled put attempts
 * and dropped records, cost per month, max iterator age. The recommended point is a labelled
 * vertical line. A 2-D sweep draws one line per value of the second field. recharts, as the
 * Metrics tab (no animation, no dots on long lines); figures in a <figure> so the PNG export
 * (src/ui/run/exportChart.ts) finds them.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SweepRun } from '../../engine/plan/sweep.ts';
import type { GridPoint } from '../../engine/plan/sweep-grid.ts';
import { FIGURE_LABELS } from '../../engine/plan/sweep-report.ts';

/** Okabe–Ito, as SeriesChart: colour-blind safe, with dashes so lines differ without colour too. */
const COLOURS = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '', '6 3', '2 2'];
const MARGIN = { top: 14, right: 16, bottom: 0, left: 4 };
const X_DOMAIN: [string, string] = ['dataMin', 'dataMax'];

type Metric = 'throttledRecords' | 'droppedRecords' | 'costPerMonthUsd' | 'maxIteratorAgeMs';

interface LineSpec {
  key: string;
  name: string;
  metric: Metric;
  /** Second-axis value this line shows (2-D), or undefined. */
  second?: number;
}

function rowsFor(points: GridPoint[], runs: (SweepRun | undefined)[], lines: LineSpec[]) {
  const byX = new Map<number, Record<string, number | null>>();
  points.forEach((p, i) => {
    const x = p.values[0];
    const row = byX.get(x) ?? { x };
    byX.set(x, row);
    const run = runs[i];
    for (const l of lines) {
      if (l.second !== undefined && l.second !== p.values[1]) continue;
      row[l.key] = run ? run[l.metric] : null;
    }
  });
  return [...byX.values()];
}

function Chart({
  title,
  lines,
  points,
  runs,
  recommendedX,
  recommendedLabel,
  xLabel,
}: {
  title: string;
  lines: LineSpec[];
  points: GridPoint[];
  runs: (SweepRun | undefined)[];
  recommendedX: number | undefined;
  recommendedLabel: string;
  xLabel: string;
}) {
  const rows = rowsFor(points, runs, lines);
  const xs = rows.map((r) => Number(r.x));
  // Every swept value as a tick while they fit (≈ 30 px each on a 280 px chart), else recharts' own.
  const ticks = xs.length <= 8 ? xs : undefined;
  const integers = xs.every(Number.isInteger);
  // The label goes on the side of the line with more room (a point near the right end labels leftwards).
  const mid = xs.length > 0 ? (xs[0] + xs[xs.length - 1]) / 2 : 0;
  const labelAt = recommendedX !== undefined && recommendedX > mid ? 'insideTopRight' : 'insideTopLeft';
  return (
    <figure className="run-chart sweep-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={170}>
        <LineChart data={rows} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
          <XAxis
            dataKey="x"
            type="number"
            domain={X_DOMAIN}
            ticks={ticks}
            allowDecimals={!integers}
            interval={ticks ? 0 : 'preserveEnd'}
            label={{ value: xLabel, position: 'insideBottomRight', offset: -2, fontSize: 11 }}
            height={34}
          />
          <YAxis width={64} tickFormatter={(v: number) => v.toLocaleString('en-US')} />
          <Tooltip isAnimationActive={false} labelFormatter={(v) => `${xLabel} = ${v}`} />
          <Legend />
          {recommendedX !== undefined && (
            <ReferenceLine
              x={recommendedX}
              stroke="#2e7d32"
              strokeWidth={2}
              label={{ value: `★ ${recommendedLabel}`, position: labelAt, fill: '#2e7d32', fontSize: 11 }}
            />
          )}
          {lines.map((l, i) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.name}
              type="linear"
              dot={rows.length <= 24}
              isAnimationActive={false}
              stroke={COLOURS[i % COLOURS.length]}
              strokeDasharray={DASHES[i % DASHES.length]}
              strokeWidth={1.8}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

function SweepChartsImpl({
  points,
  runs,
  secondValues,
  xLabel,
  secondLabel,
  recommendedX,
}: {
  points: GridPoint[];
  runs: (SweepRun | undefined)[];
  /** Values of the second axis (2-D), or empty. */
  secondValues: number[];
  xLabel: string;
  secondLabel: string;
  recommendedX: number | undefined;
}) {
  const { t, i18n } = useTranslation('sweep');
  const l = i18n.language === 'ja' ? 'ja' : 'en';
  const per = (metric: Metric, name: string): LineSpec[] =>
    secondValues.length === 0
      ? [{ key: metric, name, metric }]
      : secondValues.map((v) => ({
          key: `${metric}@${v}`,
          name: `${secondLabel} = ${v}`,
          metric,
          second: v,
        }));
  const loss: LineSpec[] =
    secondValues.length === 0
      ? [
          { key: 'throttledRecords', name: FIGURE_LABELS.throttledRecords[l], metric: 'throttledRecords' },
          { key: 'droppedRecords', name: FIGURE_LABELS.droppedRecords[l], metric: 'droppedRecords' },
        ]
      : per('throttledRecords', '');
  const common = { points, runs, recommendedX, recommendedLabel: t('recommended'), xLabel };
  return (
    <div className="sweep-charts">
      <Chart title={t('chartLoss')} lines={loss} {...common} />
      <Chart title={t('chartCost')} lines={per('costPerMonthUsd', t('chartCost'))} {...common} />
      <Chart title={t('chartAge')} lines={per('maxIteratorAgeMs', t('chartAge'))} {...common} />
    </div>
  );
}

export const SweepCharts = memo(SweepChartsImpl);
