/**
 * The Metrics CSV has exactly one row per simulated second at max speed (issue 12: 2,737 s at max
 * speed gave 109 rows with gaps of 5–30 s, because the CSV was built from the frames shown).
 * Run: E2E_PORT=4315 E2E_DIST=dist-planfig E2E_RESULTS=test-results-planfig \
 *      E2E_REPORT=reports/e2e-planfig.json npx playwright test e2e/metrics-csv.spec.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { clockSec, openTemplate, run, waitForClock } from './fixtures/run.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

async function downloadCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((l) => l.split(','));
}

/** Waits until the clock has stopped moving (a frame on its way when Pause was pressed lands first). */
async function settledClock(page: Page): Promise<number> {
  await expect
    .poll(
      async () => {
        const a = await clockSec(page);
        await page.waitForTimeout(700);
        return (await clockSec(page)) - a;
      },
      { timeout: 15_000 },
    )
    .toBe(0);
  return clockSec(page);
}

function expectOneRowPerSecond(rows: string[][], seconds: number): void {
  const [head, ...body] = rows;
  expect(head[0]).toBe('t_sec');
  expect(head).toContain('IncomingRecords');
  expect(head).toContain('WriteProvisionedThroughputExceeded');
  expect(head).toContain('shardId-000000000000 IncomingRecords');
  // ±1 for a second in progress when the clock was read.
  expect(Math.abs(body.length - seconds)).toBeLessThanOrEqual(1);
  // No gaps: 1, 2, 3, … in order.
  body.forEach((cells, i) => {
    expect(Number(cells[0])).toBe(i + 1);
  });
}

test('selfie dashboard at max speed: the stream CSV has one row per simulated second, paused, resumed and paused again', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openTemplate(page, 'Live selfie dashboard (the 2017 demo)');
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await run(page, 'max');
  await page.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'face-attributes' });
  await waitForClock(page, 40, { timeout: 120_000 });
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  const first = await settledClock(page);
  expectOneRowPerSecond(await downloadCsv(page), first);

  // Resumed at max speed: the rows go on from where they stopped, still one per second.
  await page.getByRole('button', { name: '▶ Resume' }).click();
  await waitForClock(page, first + 60, { timeout: 150_000 });
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  const second = await settledClock(page);
  const rows = await downloadCsv(page);
  expectOneRowPerSecond(rows, second);
  // The booth sends 20 selfies a second: every second after the first few has records in.
  const col = rows[0].indexOf('IncomingRecords');
  const quiet = rows.slice(6).filter((r) => !(Number(r[col]) > 0));
  expect(quiet).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/planfig-metrics-csv.png` });
});

test('hot key: the Lambda card shows the maximum iterator age over its shards, the Metrics tab each shard', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openTemplate(page, 'Hot partition key');
  // 10×: on a loaded 2-core box 60× of this design (QuickJS handlers) can starve the watchdog.
  await run(page, '10×');
  await waitForClock(page, 20, { timeout: 120_000 });
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await settledClock(page);
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await page.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'telemetry-processor' });
  await expect(page.getByRole('figure', { name: /Per shard: IteratorAge/ })).toBeVisible();
  // The stream card says its busiest shard in words: rec/s with the %.
  await expect(page.getByText(/^busiest: shard \d+: [\d,]+ rec\/s · \d+\u00a0%$/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/planfig-lambda-shard-ages.png` });
});

test('slow lambda, nothing running: the Cost tab gives the sizing answers, Lambda factor and concurrency included', async ({
  page,
}) => {
  await openTemplate(page, 'Slow Lambda consumer');
  await page.getByRole('tab', { name: 'Cost' }).click();
  const sizing = page.getByRole('region', { name: 'Sizing answer (80 % utilisation)' });
  // 500 rec/s over 2 shards, 2 s per batch of 100: 250 ÷ (50 × 80 %) = 6.3 → 7 per shard.
  await expect(sizing).toContainText('slow-enricher: ParallelizationFactor 7, concurrency 14');
  await expect(sizing).toContainText('orders: 1 shard');
  await sizing.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/planfig-sizing.png` });
});
