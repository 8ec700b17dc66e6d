/**
 * The main thread at max speed (issue 15, item 7): the default template (Web clickstream
 * analytics) runs flat out in the engine worker while the page stays responsive, on the canvas
 * and with the Metrics tab's charts drawing. Per view: long tasks over 20 wall s
 * (PerformanceObserver 'longtask', buffered), then each task's CPU time from a 5 s Chromium trace.
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

const LONG_TASK_WINDOW_MS = 20_000;
const TRACE_WINDOW_MS = 5_000;

/** Runs the page for 20 + 5 s, prints what its main thread did and returns the figures. */
async function measure(page: Page, label: string) {
  const simFrom = await clockSec(page);
  const loadBefore = loadavg()[0];
  const m = await measureMainThread(page, LONG_TASK_WINDOW_MS, TRACE_WINDOW_MS);
  const simulated = (await clockSec(page)) - simFrom;
  const load = Math.max(loadBefore, loadavg()[0]);
  const line = `max speed, ${label}: ${simulated} simulated s in 25 wall s; long tasks over 20 s (wall ms) ${JSON.stringify(m.longTasksMs)}; over 5 s traced: ${m.tasks} main-thread tasks, ${m.totalCpuMs} ms CPU, costliest ${m.topCpuMs.join(', ')} ms CPU; load ${load.toFixed(1)} on ${cpus().length} cores`;
  console.log(line);
  test.info().annotations.push({ type: 'main thread', description: line });
  expect(simulated, 'the engine keeps running at max speed').toBeGreaterThan(20);
  // CPU time is what the studio itself spends per task, whatever else the machine runs.
  expect(m.topCpuMs[0] ?? 0, `${label}: costliest task, ms CPU`).toBeLessThan(50);
  // Wall time as the page sees it: a 10 ms task that waits for a busy core reads as 60 ms, and on
  // an overloaded machine the garbage collector's helper threads wait too, leaving their work to
  // the main thread. So this holds only when the machine had a core to spare (the engine worker
  // fills one of the two); the figures are printed either way.
  // "No task over 50 ms": Chromium reports some entries at 49–50 ms (its timings are coarsened),
  // which are not over the line; those are printed above and not counted.
  if (load <= cpus().length * 1.5)
    expect(
      m.longTasksMs.filter((ms) => ms > 50),
      `${label}: long tasks over 50 ms (wall ms)`,
    ).toEqual([]);
  return m;
}

test('at max speed with the Metrics tab open no main-thread task reaches 50 ms (default template, production build)', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await observeLongTasks(page);
  await openTemplate(page, 'Web clickstream analytics');
  await run(page, 'max');
  await waitForClock(page, 10);

  await measure(page, 'canvas');

  // The Metrics tab of the stream: 5 uPlot canvas charts, redrawn once a second at max speed,
  // one per animation frame.
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await page.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'clickstream' });
  const chart = page.getByRole('figure', { name: /IncomingRecords/ });
  await expect(chart.locator('.uplot canvas')).toBeVisible();
  // The time of the chart's latest point ("45 s", "12:30", "1:02:00").
  await expect(chart).toHaveAttribute('data-last-t', /\d/);
  const before = await chart.getAttribute('data-last-t');
  await measure(page, 'Metrics tab (clickstream stream: 5 charts)');
  // The charts kept redrawing: the latest point is further on than before.
  expect(await chart.getAttribute('data-last-t')).not.toBe(before);
});
