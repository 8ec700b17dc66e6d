/**
 * The studio runs designs live: meters, shard heat strip, charts, destinations, SQL results,
 * pause, live reshard, and the same totals as the headless CLI (max speed: run-perf.spec.ts).
 * Run: E2E_PORT=4183 E2E_DIST=dist-run E2E_REPORT=reports/e2e-run.json E2E_RESULTS=test-results-run \
 *      npx playwright test e2e/run.spec.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
  clockSec,
  live,
  openNodeMenu,
  openTemplate,
  run,
  throttledTotal,
  waitForClock,
} from './fixtures/run.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test('clickstream: meters and a chart show traffic, and an S3 object is readable in Destinations', async ({
  page,
}) => {
  await openTemplate(page, 'Web clickstream analytics');
  await run(page, '60×');
  await expect(live(page, 'clickstream')).toContainText(/in\s*[1-9][\d,]* rec\/s/);
  await expect(live(page, 'clickstream').getByRole('meter')).toBeVisible();

  await page.getByRole('tab', { name: 'Metrics' }).click();
  await page.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'clickstream' });
  const chart = page.getByRole('figure', { name: /IncomingRecords/ });
  // Drawn: the chart's canvas is up and its latest point has a time.
  await expect(chart.locator('.uplot canvas')).toBeVisible();
  await expect(chart).toHaveAttribute('data-last-t', /\d/);
  // Export PNG draws every chart first, the ones scrolled out of view too, then downloads one image.
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const image = await png;
  expect(image.suggestedFilename()).toBe('clickstream-metrics.png');
  const bytes = await readFile((await image.path()) ?? '');
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(20_000); // five charts, not an empty canvas

  await page.getByRole('tab', { name: 'Destinations' }).click();
  await page.getByRole('combobox', { name: 'Destination' }).selectOption({ label: 'clickstream-archive' });
  const open = page.getByRole('button', { name: /^Open / }).first();
  await expect(open).toBeVisible({ timeout: 30_000 });
  await open.click();
  const content = page.getByRole('region', { name: /^Content of / });
  await expect(content).toContainText('{');
  await page.screenshot({ path: `${SHOTS}/run-normal.png` });
});

test('hot key: one shard throttles while its neighbours do not, the producer count rises, Pause stops the clock', async ({
  page,
}) => {
  await openTemplate(page, 'Hot partition key');
  await run(page, '10×');
  const stream = live(page, 'telemetry');
  await expect(stream.getByRole('img', { name: /throttling/ })).toHaveCount(1);
  await expect(
    stream.getByRole('img', { name: /^shardId-\d+: [\d,]+ rec\/s · write \d+ %, read \d+ %$/ }),
  ).toHaveCount(3);
  const before = await throttledTotal(page, 'device-telemetry');
  await expect.poll(() => throttledTotal(page, 'device-telemetry')).toBeGreaterThan(before);
  await page.screenshot({ path: `${SHOTS}/run-hot-shard.png` });

  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  // A frame already on its way when Pause was pressed is still shown (the engine got there); on a
  // loaded box it can land a second or two later. After that the clock must not move.
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
  const paused = await clockSec(page);
  await page.waitForTimeout(1_500);
  expect(await clockSec(page)).toBe(paused);
});

test('raising the shard count while running adds a reshard marker and the throttling stops', async ({
  page,
}) => {
  await openTemplate(page, 'Hot partition key');
  // Spread keys evenly at 6,000 rec/s over 4 shards (4,000 rec/s of capacity): every shard throttles.
  await page.evaluate(() => {
    type Store = {
      doc: { nodes: { id: string; config: object }[] };
      dispatch(changes: object[]): void;
    };
    const store = (window as unknown as { __studio: { getState(): Store } }).__studio.getState();
    const producer = store.doc.nodes.find((n) => n.id === 'devices');
    if (!producer) throw new Error('the hot-key template has a producer "devices"');
    store.dispatch([
      {
        type: 'node/config',
        id: 'devices',
        config: {
          ...producer.config,
          partitionKey: { type: 'random' },
          rate: { type: 'constant', recordsPerSec: 6000 },
        },
      },
    ]);
  });
  await run(page, '10×');
  const stream = live(page, 'telemetry');
  await expect(stream.getByRole('img', { name: /throttling/ })).toHaveCount(4);

  await page.getByTestId('rf__node-telemetry').click();
  await page.getByRole('spinbutton', { name: 'Shards' }).fill('8');
  await page.getByRole('spinbutton', { name: 'Shards' }).press('Enter'); // a live edit applies on commit
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('table', { name: 'What happened' })).toContainText(/shard/i);
  await expect(stream.getByRole('img', { name: /^shardId-/ })).toHaveCount(8, { timeout: 30_000 });
  await expect(stream.getByRole('img', { name: /throttling/ })).toHaveCount(0, { timeout: 30_000 });
});

test('selfie dashboard: the Analytics node shows its per-second counts in SQL results', async ({ page }) => {
  await openTemplate(page, 'Live selfie dashboard (the 2017 demo)');
  await run(page, '10×');
  await page.getByRole('tab', { name: 'SQL results' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('heading', { name: /In-application stream/ }).first()).toBeVisible({
    timeout: 30_000,
  });
  const table = panel.getByRole('table').first();
  await expect(table.getByRole('columnheader', { name: 'ROWTIME' })).toBeVisible();
  await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
  // One row per simulated second: the count column holds a number.
  await expect(table.locator('tbody tr').first().locator('td.num').first()).toHaveText(/^\d+$/);
  await page.screenshot({ path: `${SHOTS}/run-sql.png` });
});

test('a destination outage from the node menu shows on the node and lands on the timeline', async ({
  page,
}) => {
  await openTemplate(page, 'Web clickstream analytics');
  await run(page, '10×');
  await waitForClock(page, 5);
  await openNodeMenu(page, 'archive');
  await page.getByRole('menuitem', { name: 'Take down for 60 s' }).click();
  await expect(live(page, 'clickstream-archive')).toContainText('DOWN', { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('table', { name: 'Scheduled events (part of the design)' })).toContainText(
    'Destination outage',
  );
  await waitForClock(page, (await clockSec(page)) + 20);
  await page.screenshot({ path: `${SHOTS}/run-outage.png` });
});

test('in Japanese the run controls and live figures use AWS Japan terms', async ({ page }) => {
  await openTemplate(page, 'Hot partition key');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByRole('button', { name: '10×', exact: true }).click();
  await page.getByRole('button', { name: '▶ 実行' }).click();
  await expect(page.getByRole('timer', { name: 'シミュレーション時刻' })).not.toHaveText('00:00:00');
  const stream = page.getByRole('region', { name: 'telemetry のライブ値', exact: true });
  await expect(stream).toContainText('シャード');
  await expect(stream.getByRole('img', { name: /スロットリング中/ })).toHaveCount(1);
  await page.getByRole('button', { name: '❚❚ 一時停止' }).click();
});

test('the studio and `shardscape run --json` give the same totals for the same design and seed', async ({
  page,
}) => {
  await openTemplate(page, 'Hot partition key');
  for (let s = 1; s <= 10; s++) {
    await page.getByRole('button', { name: '⇥ Step' }).click();
    await waitForClock(page, s);
  }
  expect(await clockSec(page)).toBe(10);
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const read = async (node: string) => {
    await page.getByRole('combobox', { name: 'Node' }).selectOption({ label: node });
    const table = page.getByRole('table', { name: 'Totals since the start' });
    await expect(table.locator('tbody tr').first()).toBeVisible();
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [
        // The row shows the counter in words; the engine's key (as the CLI prints it) is its data.
        tr.querySelector('th')?.getAttribute('data-counter') ?? '',
        tr.querySelector('td')?.textContent ?? '',
      ]),
    );
    return Object.fromEntries(rows.map(([k, v]) => [k, Number(v.replaceAll(',', ''))]));
  };
  const studioProducer = await read('device-telemetry');
  const studioStream = await read('telemetry');

  const out = execFileSync(
    'node',
    ['bin/shardscape.mjs', 'run', 'examples/hot-key.json', '--duration', '10s', '--json'],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const report = JSON.parse(out) as { nodes: { id: string; counters: Record<string, number> }[] };
  const cli = (id: string) => report.nodes.find((n) => n.id === id)?.counters ?? {};
  console.log('studio', studioProducer, studioStream, 'cli', cli('devices'), cli('telemetry'));
  for (const k of ['attempted', 'accepted', 'throttled']) expect(studioProducer[k]).toBe(cli('devices')[k]);
  for (const k of ['offered', 'accepted', 'throttled']) expect(studioStream[k]).toBe(cli('telemetry')[k]);
  expect(studioProducer.throttled).toBeGreaterThan(0);
});
