/**
 * The main thread at max speed: the engine worker runs flat out while the page stays responsive.
 * Measures long tasks (PerformanceObserver) and each task's CPU time (a Chromium trace) on the
 * canvas and with the Metrics charts drawing, and prints them.
 * Run: E2E_PORT=4183 E2E_DIST=dist-run E2E_REPORT=reports/e2e-run.json E2E_RESULTS=test-results-run \
 *      npx playwright test e2e/run-perf.spec.ts
 */
import { cpus, loadavg } from 'node:os';
import { expect, type Page, test } from '@playwright/test';
import { measureMainThread, observeLongTasks } from './fixtures/mainThread.ts';
import { clockSec, openTemplate, run, waitForClock } from './fixtures/run.ts';

// Playwright's own trace (DOM snapshots, screencast) costs the browser CPU on the 2 cores: off
// here, so the figures are the studio's.
test.use({ trace: 'off' });

/** Runs the page for 2 × 5 s, prints what its main thread did and returns the figures. */
async function measure(page: Page, label: string) {
  const simFrom = await clockSec(page);
  const m = await measureMainThread(page, 5_000);
  const simulated = (await clockSec(page)) - simFrom;
  const line = `max speed, ${label}: ${simulated} simulated s in 10 wall s; ${m.tasks} main-thread tasks, ${m.totalCpuMs} ms CPU; costliest tasks ${m.topCpuMs.join(', ')} ms CPU; long tasks (wall) ${JSON.stringify(m.longTasksMs)}; load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
  console.log(line);
  test.info().annotations.push({ type: 'main thread', description: line });
  expect(simulated, 'the engine keeps running at max speed').toBeGreaterThan(10);
  return m;
}

test('at max speed the canvas never blocks the main thread for 50 ms; the Metrics charts are measured too', async ({
  page,
}) => {
  await observeLongTasks(page);
  await openTemplate(page, 'Web clickstream analytics');
  await run(page, 'max');
  await waitForClock(page, 10);
  const load = loadavg()[0];

  const canvas = await measure(page, 'canvas');
  // CPU time is what the studio itself spends per task: 10–24 ms measured, even at load 7 on
  // 2 cores, so this holds on any machine.
  expect(canvas.topCpuMs[0] ?? 0, 'costliest task, ms CPU').toBeLessThan(50);
  // Wall time as the page sees it: a 10 ms task that waits for a busy core reads as 60 ms, and on
  // an overloaded machine the garbage collector's helper threads wait too, leaving their work to
  // the main thread. So this holds only when the machine had a core to spare (the engine worker
  // fills one of the two).
  if (load <= cpus().length * 1.5) expect(canvas.longTasksMs, 'long tasks (wall ms)').toEqual([]);

  // The Metrics tab of the stream: 5 recharts charts, the visible ones redrawn once a second at
  // max speed, one per animation frame. Reported, not held to 50 ms: each recharts redraw forces a
  // layout per line and allocates per point (20–46 ms CPU measured, some tasks 50–100 ms wall).
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await page.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'clickstream' });
  const chart = page.getByRole('figure', { name: /IncomingRecords/ });
  await expect(chart.locator('.recharts-line-curve').first()).toBeVisible();
  // The last tick of the time axis (times read "45 s", "12:30"; the y axis has plain numbers).
  const lastTime = () =>
    chart.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: / s$|:/ }).last().textContent();
  const before = await lastTime();
  await measure(page, 'Metrics tab (clickstream stream: 5 charts)');
  // The charts kept redrawing: the time axis reaches further than before.
  expect(await lastTime()).not.toBe(before);
});
