/**
 * The studio runs designs live: meters, shard heat strip, charts, destinations, SQL results,
 * pause, live reshard, long tasks at max speed, and the same totals as the headless CLI.
 * Run: E2E_PORT=4183 E2E_DIST=dist-run E2E_REPORT=reports/e2e-run.json E2E_RESULTS=test-results-run \
 *      npx playwright test e2e/run.spec.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { expect, type Page, test } from '@playwright/test';
import { measureMainThread, observeLongTasks } from './fixtures/mainThread.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

async function openTemplate(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: `Open template: ${title}` }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

/** The simulated clock in seconds. */
async function clockSec(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Simulated time' }).textContent()) ?? '';
  const [h, m, s] = text.trim().split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

async function waitForClock(page: Page, atLeastSec: number, timeout = 30_000): Promise<void> {
  await expect.poll(() => clockSec(page), { timeout }).toBeGreaterThanOrEqual(atLeastSec);
}

function live(page: Page, nodeName: string) {
  return page.getByRole('region', { name: `Live figures of ${nodeName}`, exact: true });
}

/** The cumulative throttle count in a node's badge ("… (2,000 in total)"). */
async function throttledTotal(page: Page, nodeName: string): Promise<number> {
  const text = (await live(page, nodeName).getByRole('status').textContent()) ?? '';
  const m = /\(([\d,]+) in total\)/.exec(text);
  return m ? Number(m[1].replaceAll(',', '')) : 0;
}

async function run(page: Page, speed: '1×' | '10×' | '60×' | 'max'): Promise<void> {
  await page.getByRole('button', { name: speed, exact: true }).click();
  await page.getByRole('button', { name: '▶ Run' }).click();
}

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
  await expect(chart.locator('.recharts-line-curve').first()).toBeVisible();

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
  await expect(stream.getByRole('img', { name: /^shardId-\d+: write \d+ %, read \d+ %$/ })).toHaveCount(3);
  const before = await throttledTotal(page, 'device-telemetry');
  await expect.poll(() => throttledTotal(page, 'device-telemetry')).toBeGreaterThan(before);
  await page.screenshot({ path: `${SHOTS}/run-hot-shard.png` });

  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
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
  // The node's context menu (dispatched: the minimap may overlap the card on a small canvas).
  const card = page.getByTestId('rf__node-archive');
  const box = await card.boundingBox();
  await card.dispatchEvent('contextmenu', {
    bubbles: true,
    clientX: (box?.x ?? 0) + 10,
    clientY: (box?.y ?? 0) + 10,
  });
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

test('at max speed no main-thread task takes 50 ms, on the canvas and with the Metrics charts drawing', async ({
  page,
}) => {
  await observeLongTasks(page);
  await openTemplate(page, 'Web clickstream analytics');
  await run(page, 'max');
  await waitForClock(page, 10);

  const phases: [string, () => Promise<void>][] = [
    ['canvas', async () => {}],
    [
      'Metrics tab (clickstream stream: 4 charts + per shard)',
      async () => {
        await page.getByRole('tab', { name: 'Metrics' }).click();
        await page.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'clickstream' });
        await expect(
          page
            .getByRole('figure', { name: /IncomingRecords/ })
            .locator('svg')
            .first(),
        ).toBeVisible();
      },
    ],
  ];
  const load = loadavg()[0];
  for (const [label, setUp] of phases) {
    await setUp();
    const simFrom = await clockSec(page);
    const m = await measureMainThread(page, 6_000);
    const simulated = (await clockSec(page)) - simFrom;
    const line = `max speed, ${label}: ${simulated} simulated s in 6 wall s; ${m.tasks} main-thread tasks, ${m.totalCpuMs} ms CPU; costliest tasks ${m.topCpuMs.join(', ')} ms CPU; long tasks (wall) ${JSON.stringify(m.longTasksMs)}; load ${load.toFixed(1)} on ${cpus().length} cores`;
    console.log(line);
    test.info().annotations.push({ type: 'main thread', description: line });
    expect(simulated, 'the engine keeps running at max speed').toBeGreaterThan(10);
    // CPU time is what the studio itself spends per task; on the canvas it stays far enough under
    // 50 ms (10–24 ms measured, even at load 7 on 2 cores) to hold on any machine.
    if (label === 'canvas') expect(m.topCpuMs[0] ?? 0, `${label}: costliest task, ms CPU`).toBeLessThan(50);
    // Wall time as the page sees it: a 10 ms task that waits for a busy core reads as 60 ms, and on
    // an overloaded machine the garbage collector's helper threads wait too, leaving their work to
    // the main thread. So these hold only when the machine had a core to spare (the engine worker
    // fills one of them).
    if (load <= cpus().length * 1.5) {
      expect(m.topCpuMs[0] ?? 0, `${label}: costliest task, ms CPU`).toBeLessThan(50);
      expect(
        m.longTasksMs.filter((x) => x > 50),
        `${label}: long tasks`,
      ).toEqual([]);
    }
  }
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
