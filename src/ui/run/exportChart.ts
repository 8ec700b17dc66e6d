/** Metrics export: the node's series as CSV, and its charts as one PNG (the charts' canvases, stacked). */
import { simSeries } from '../../store/simStore.ts';
import { simController } from './controller.ts';

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '_');
}

/**
 * CSV of every metric of the node, one row per simulated second (`t_sec` = the second's end), per
 * shard too, from the engine's own per-second log: the chart series here are built from the frames
 * shown, which at max speed are many simulated seconds apart. Without an engine (no run), the
 * charted points.
 */
export async function exportCsv(nodeId: string, nodeName: string): Promise<void> {
  const engine = simController.engine();
  const text = engine ? await engine.metricsCsv(nodeId) : (simSeries.get(nodeId)?.toCsv() ?? 't_sec\n');
  download(new Blob([text], { type: 'text/csv' }), `${safeName(nodeName)}-metrics.csv`);
}

/** Draws every chart of `container` (with its caption) onto one white PNG. */
export async function exportPng(container: HTMLElement, nodeName: string, suffix = 'metrics'): Promise<void> {
  const figures = [...container.querySelectorAll('figure')];
  const parts: { caption: string; img: CanvasImageSource; w: number; h: number }[] = [];
  for (const f of figures) {
    const caption = f.querySelector('figcaption')?.textContent ?? '';
    // A live chart is one uPlot canvas (device px), drawn at its CSS size.
    const canvas = f.querySelector<HTMLCanvasElement>('.uplot canvas');
    if (canvas) {
      const r = canvas.getBoundingClientRect();
      parts.push({ caption, img: canvas, w: r.width, h: r.height });
      continue;
    }
    // The Sweep and History result charts are recharts SVG: the largest surface is the chart
    // (legend icons are small surfaces too).
    let svg: SVGSVGElement | null = null;
    let w = 0;
    let h = 0;
    for (const el of f.querySelectorAll<SVGSVGElement>('svg.recharts-surface')) {
      const r = el.getBoundingClientRect();
      if (r.width * r.height > w * h) [svg, w, h] = [el, r.width, r.height];
    }
    if (svg) parts.push({ caption, img: await svgImage(svg), w, h });
  }
  if (parts.length === 0) return;
  const captionH = 22;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(Math.max(...parts.map((p) => p.w)));
  canvas.height = Math.ceil(parts.reduce((a, p) => a + p.h + captionH, 0));
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let y = 0;
  for (const p of parts) {
    ctx.fillStyle = '#111';
    ctx.font = '13px sans-serif';
    ctx.fillText(p.caption, 8, y + 16);
    y += captionH;
    ctx.drawImage(p.img, 0, y, p.w, p.h);
    y += p.h;
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) download(blob, `${safeName(nodeName)}-${suffix}.png`);
}

/** An SVG chart as an image the canvas can draw. */
function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const text = new XMLSerializer().serializeToString(clone);
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('SVG could not be rendered'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}
