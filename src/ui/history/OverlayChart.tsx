/**
 * One metric of two runs on one time axis (simulated seconds): A solid blue, B dashed orange
 * (Okabe–Ito colours, dashes so the lines differ without colour too).
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { timeLabel, timeTicks } from '../run/timeAxis.ts';

const MARGIN = { top: 6, right: 16, bottom: 0, left: 8 };
const X_DOMAIN: [string, string] = ['dataMin', 'dataMax'];
const tooltipLabel = (v: unknown) => `t = ${timeLabel(Number(v))}`;
const fmtTick = (v: number) => new Intl.NumberFormat('en-US', { notation: 'compact' }).format(v);

export function OverlayChart({
  title,
  rows,
  nameA,
  nameB,
}: {
  title: string;
  rows: { t: number; A: number | null; B: number | null }[];
  nameA: string;
  nameB: string;
}) {
  const ticks = rows.length > 0 ? timeTicks(rows[0].t, rows[rows.length - 1].t) : undefined;
  return (
    <figure className="run-chart history-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={190}>
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
          <YAxis width={56} tickFormatter={fmtTick} />
          <Tooltip isAnimationActive={false} labelFormatter={tooltipLabel} />
          <Legend />
          <Line
            dataKey="A"
            name={nameA}
            type="linear"
            dot={false}
            isAnimationActive={false}
            stroke="#0072B2"
            strokeWidth={2}
            connectNulls
          />
          <Line
            dataKey="B"
            name={nameB}
            type="linear"
            dot={false}
            isAnimationActive={false}
            stroke="#D55E00"
            strokeDasharray="6 3"
            strokeWidth={2}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
