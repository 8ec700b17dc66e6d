/**
 * One live line chart, drawn on a canvas by uPlot. Why not SVG (recharts, until issue 15): every
 * recharts redraw rebuilt a React tree of axes, ticks and paths and forced a layout per line:
 * 20–46 ms of main thread per chart, the longest tasks of a run at max speed. uPlot keeps one
 * chart object per mount and `setData` redraws the canvas in about a millisecond.
 *
 * Times are simulated seconds (x), values in the metric's own unit (y). Timeline markers are
 * numbered dashed lines (MarkerKey below spells them out); `limitLine` a red dashed level.
 */
import { memo, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimelineMarker } from '../../engine/api.ts';
import { timeLabel, timeTicks } from './timeAxis.ts';

/** Colour-blind-safe palette (Okabe–Ito), plus dashes so lines differ without colour too. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8a7a00'];
const DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3], [], [6, 3], [2, 2], [8, 3, 2, 3]];
/** Canvas height, CSS px: with the one-line legend under it the chart keeps the 150 px it had. */
const HEIGHT = 132;
const MARKER = '#6a1b9a';
const LIMIT = '#c62828';

export type ChartData = [number[], ...(number | null)[][]];

interface Overlay {
  markers: TimelineMarker[];
  limitLine?: number;
}

/** Marker lines and the limit level, drawn over the plot after uPlot has drawn the series. */
function drawOverlay(u: uPlot, o: Overlay): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.lineWidth = px;
  if (o.limitLine !== undefined) {
    const y = u.valToPos(o.limitLine, 'y', true);
    ctx.strokeStyle = LIMIT;
    ctx.setLineDash([4 * px, 2 * px]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
  }
  ctx.strokeStyle = MARKER;
  ctx.fillStyle = MARKER;
  ctx.font = `${11 * px}px sans-serif`;
  ctx.setLineDash([3 * px, 3 * px]);
  o.markers.forEach((m, i) => {
    const x = u.valToPos(m.atMs / 1000, 'x', true);
    if (x < left || x > left + width) return;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    // Numbered, not worded: neighbouring markers' texts would overprint.
    ctx.fillText(String(i + 1), x + 3 * px, top + 12 * px);
  });
  ctx.restore();
}

function options(
  lines: string[],
  width: number,
  height: number,
  label: (name: string) => string,
  overlay: { current: Overlay },
): uPlot.Options {
  return {
    width,
    height,
    // The x range is the data's; y starts at 0 (rates and counts), or below when a value is.
    scales: {
      x: { time: false },
      y: {
        range: (_u, min, max) => {
          const lo = Math.min(0, min ?? 0);
          const hi = Math.max(max ?? 1, overlay.current.limitLine ?? 0, lo + 1);
          return uPlot.rangeNum(lo, hi, 0.1, true);
        },
      },
    },
    axes: [
      {
        size: 32, // px under the plot for the time labels (uPlot's default 50 leaves a gap)
        splits: (u) => timeTicks(u.scales.x.min ?? 0, u.scales.x.max ?? 1),
        values: (_u, ticks) => ticks.map(timeLabel),
        stroke: '#3d4450',
        grid: { stroke: '#e3e6ea', width: 1, dash: [3, 3] },
        ticks: { stroke: '#c8cdd6', width: 1 },
      },
      {
        size: 56,
        stroke: '#3d4450',
        grid: { stroke: '#e3e6ea', width: 1, dash: [3, 3] },
        ticks: { stroke: '#c8cdd6', width: 1 },
      },
    ],
    series: [
      { label: 't', value: (_u, v) => (v === null || v === undefined ? '–' : timeLabel(v)) },
      ...lines.map((name, i) => ({
        label: label(name),
        stroke: COLOURS[i % COLOURS.length],
        dash: DASHES[i % DASHES.length],
        width: 1.6,
        points: { show: false },
        spanGaps: false,
      })),
    ],
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    legend: { live: true },
    hooks: { draw: [(u) => drawOverlay(u, overlay.current)] },
  };
}

function SeriesChartImpl({
  title,
  lines,
  data,
  markers,
  limitLine,
  height = HEIGHT,
  label = String,
}: {
  title: string;
  lines: string[];
  /** Canvas height, CSS px (the presenter view's chart is taller). */
  height?: number;
  /** How a line's name reads in the legend (CloudWatch names stay; `Utilization` is translated). */
  label?: (name: string) => string;
  data: ChartData;
  markers: TimelineMarker[];
  /** A horizontal line at this value (e.g. 100 % of a shard's write limit). */
  limitLine?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const overlay = useRef<Overlay>({ markers, limitLine });
  overlay.current = { markers, limitLine };
  const latest = useRef(data);
  latest.current = data;
  const linesKey = lines.join('\n');

  // One uPlot per set of lines; it follows the box's width.
  // biome-ignore lint/correctness/useExhaustiveDependencies: linesKey stands for lines; data arrives through setData below
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const u = new uPlot(
      options(lines, Math.max(200, el.clientWidth), height, label, overlay),
      latest.current,
      el,
    );
    chart.current = u;
    let width = el.clientWidth;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== width && el.clientWidth > 0) {
        width = el.clientWidth;
        u.setSize({ width, height });
      }
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      chart.current = null;
    };
  }, [linesKey, height]);

  // New figures: one canvas redraw (markers and the limit line are drawn in the same pass).
  // biome-ignore lint/correctness/useExhaustiveDependencies: new markers or limit also need a redraw
  useEffect(() => {
    chart.current?.setData(data);
  }, [data, markers, limitLine]);

  const t = data[0];
  const last = t.length > 0 ? timeLabel(t[t.length - 1]) : '';
  return (
    // `data-last-t`: the time of the latest point drawn (the canvas has no text to read it from).
    <figure className="run-chart" aria-label={title} data-last-t={last}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="run-chart__plot" />
    </figure>
  );
}

export const SeriesChart = memo(SeriesChartImpl);

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
