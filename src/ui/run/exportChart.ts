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
    // Each chart is one uPlot canvas (device px); it is drawn at its CSS size.
    const canvas = f.querySelector<HTMLCanvasElement>('.uplot canvas');
    if (!canvas) continue;
    const r = canvas.getBoundingClientRect();
    parts.push({
      caption: f.querySelector('figcaption')?.textContent ?? '',
      img: canvas,
      w: r.width,
      h: r.height,
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
