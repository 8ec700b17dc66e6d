/** Metrics export: the node's series as CSV, and its charts as one PNG (SVG → canvas). */
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

/** Draws every chart of `container` (with its caption) onto one white PNG. */
export async function exportPng(container: HTMLElement, nodeName: string, suffix = 'metrics'): Promise<void> {
  const figures = [...container.querySelectorAll('figure')];
  const parts: { caption: string; img: HTMLImageElement; w: number; h: number }[] = [];
  for (const f of figures) {
    // The chart's own surface is the largest: legend icons are small recharts surfaces too (and
    // the first in the figure, which once made the export a 14 px wide strip of icons).
    let svg: SVGSVGElement | null = null;
    let width = 0;
    let height = 0;
    for (const s of f.querySelectorAll<SVGSVGElement>('svg.recharts-surface')) {
      const r = s.getBoundingClientRect();
      if (r.width * r.height > width * height) [svg, width, height] = [s, r.width, r.height];
    }
    if (!svg) continue;
    parts.push({
      caption: f.querySelector('figcaption')?.textContent ?? '',
      img: await svgImage(svg),
      w: width,
      h: height,
    });
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
