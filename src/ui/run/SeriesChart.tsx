/**
 * One recharts line chart of live series: no dots, no animation, explicit time ticks (recharts
 * measures every label otherwise, see timeAxis.ts), reference lines for timeline markers.
 */
import { memo } from 'react';
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
import type { TimelineMarker } from '../../engine/api.ts';
import { timeLabel, timeTicks } from './timeAxis.ts';

/** Colour-blind-safe palette (Okabe–Ito), plus dashes so lines differ without colour too. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '', '6 3', '2 2', '8 3 2 3'];

// Props recharts compares by identity: a new object or function on each redraw makes its axis and
// tooltip settings dispatch to its store and every selector recompute (measured: a chart redraw
// cost about twice the CPU with inline literals). So constants live here, made once.
const MARGIN = { top: 6, right: 16, bottom: 0, left: 0 };
const X_DOMAIN: [string, string] = ['dataMin', 'dataMax'];
const tooltipLabel = (v: unknown) => `t = ${timeLabel(Number(v))}`;
/** Marker labels by number (1, 2, 3…), made once each. */
const markerLabels: { value: string; position: 'insideTopLeft'; fontSize: number; fill: string }[] = [];
function markerLabel(i: number) {
  markerLabels[i] ??= { value: String(i + 1), position: 'insideTopLeft', fontSize: 11, fill: '#6a1b9a' };
  return markerLabels[i];
}

function SeriesChartImpl({
  title,
  lines,
  rows,
  markers,
  limitLine,
  height = 150,
  label = String,
}: {
  title: string;
  /** How a line's name reads in the legend (CloudWatch names stay; `Utilization` is translated). */
  label?: (name: string) => string;
  lines: string[];
  rows: Record<string, number | null>[];
  markers: TimelineMarker[];
  /** A horizontal line at this value (e.g. 100 % of a shard's write limit). */
  limitLine?: number;
  /** CSS px (the presenter view's chart is taller). */
  height?: number;
}) {
  const ticks = rows.length > 0 ? timeTicks(rows[0].t ?? 0, rows[rows.length - 1].t ?? 0) : undefined;
  return (
    <figure className="run-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
          <XAxis
            dataKey="t"
            type="number"
            domain={X_DOMAIN}
            ticks={ticks}
            interval={0}
            tickFormatter={timeLabel}
          />
          <YAxis width={56} />
          <Tooltip isAnimationActive={false} labelFormatter={tooltipLabel} />
          {/* Our own legend: recharts' names each icon "<name> legend icon", in English. */}
          <Legend content={({ payload }) => <LegendList payload={payload} label={label} />} />
          {limitLine !== undefined && <ReferenceLine y={limitLine} stroke="#c62828" strokeDasharray="4 2" />}
          {markers.map((m, i) => (
            <ReferenceLine
              key={`${m.atMs}-${m.type}-${m.nodeId}-${m.label}`}
              x={m.atMs / 1000}
              stroke="#6a1b9a"
              strokeDasharray="3 3"
              // Numbered, not worded: neighbouring markers' texts would overprint. MarkerKey explains them.
              label={markerLabel(i)}
            />
          ))}
          {lines.map((name, i) => (
            <Line
              key={name}
              dataKey={name}
              type="linear"
              dot={false}
              isAnimationActive={false}
              stroke={COLOURS[i % COLOURS.length]}
              strokeDasharray={DASHES[i % DASHES.length]}
              strokeWidth={1.6}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

export const SeriesChart = memo(SeriesChartImpl);

function LegendList({
  payload,
  label,
}: {
  payload?: readonly { value?: unknown; color?: string }[];
  label: (name: string) => string;
}) {
  return (
    <ul className="run-chart__legend">
      {(payload ?? []).map((p) => (
        <li key={String(p.value)}>
          <span className="run-chart__swatch" style={{ background: p.color }} aria-hidden="true" />
          {label(String(p.value))}
        </li>
      ))}
    </ul>
  );
}

/** The numbered markers of the charts, spelled out once under them. */
export function MarkerKey({ markers, label }: { markers: TimelineMarker[]; label: string }) {
  if (markers.length === 0) return null;
  return (
    <ol className="run-markers" aria-label={label}>
      {markers.map((m, i) => (
        <li key={`${m.atMs}-${m.type}-${m.nodeId}-${m.label}`}>
          <span className="run-markers__n">{i + 1}</span> t = {m.atMs / 1000} s · {m.label}
        </li>
      ))}
    </ol>
  );
}
