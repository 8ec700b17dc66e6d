/**
 * The studio sweep (issue 12): the hot-key stream's shards 1..16, run in background workers with
 * a progress bar; the table and charts fill, the recommended point is marked, Apply sets it in the
 * design (undoable), the Markdown report downloads with the same figures.
 * Run: E2E_PORT=4313 E2E_DIST=dist-sweep E2E_RESULTS=test-results-sweep \
 *      E2E_REPORT=reports/e2e-sweep.json npx playwright test e2e/sweep.spec.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openTemplate, run, waitForClock } from './fixtures/run.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test('hot key: sweep the shards 1..16, apply the recommendation, export the report', async ({ page }) => {
  test.setTimeout(240_000);
  await openTemplate(page, 'Hot partition key');
  // The run the sweep's point is compared with at the end (kept in History at Reset).
  await run(page, 'max');
  await waitForClock(page, 10, { timeout: 120_000 });
  await page.getByRole('button', { name: '↺ Reset' }).click();
  await page.getByRole('tab', { name: 'Sweep' }).click();

  const vary = page.getByRole('group', { name: 'Vary' });
  await expect(vary.getByRole('combobox', { name: 'Node' })).toHaveValue('telemetry');
  await expect(vary.getByRole('combobox', { name: 'Field' })).toHaveValue('shardCount');
  await expect(vary.getByRole('spinbutton', { name: 'From' })).toHaveValue('1');
  await expect(vary.getByRole('spinbutton', { name: 'To' })).toHaveValue('16');
  await page.getByRole('spinbutton', { name: 'Simulated s per run' }).fill('20');
  await expect(page.getByText('16 runs × 20 simulated s')).toBeVisible();
  await page.getByRole('button', { name: 'Run sweep' }).click();

  const bar = page.getByRole('progressbar', { name: 'Sweep progress' });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Sweep results' });
  // Rows fill in as points finish: the first figures appear while the bar is still there.
  await expect(table.getByRole('row').filter({ hasText: '$' }).first()).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/sweep-running.png` });

  await expect(bar).toHaveCount(0, { timeout: 180_000 });
  await expect(page.getByText(/^16 runs in \d+ s \(wall time\)/)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(17);
  const rec = page.getByRole('region', { name: 'Recommended' });
  await expect(rec).toContainText(/Recommended: telemetry · Shards = \d+/);
  await expect(rec).toContainText('No shard count fixes the throttling of "device-0001"');
  await expect(rec.getByRole('note')).toContainText('Hot partition key: “device-0001”');
  const recommended = Number(/= (\d+)/.exec((await rec.locator('strong').textContent()) ?? '')?.[1]);
  const best = table.locator('tr.sweep-row--best');
  await expect(best).toHaveCount(1);
  await expect(best.getByRole('rowheader')).toContainText(`${recommended} ★ Recommended`);
  // One shard throttles more attempts than sixteen (the hot key's shard is the floor).
  const throttled = async (row: number) =>
    Number(
      ((await table.getByRole('row').nth(row).getByRole('cell').nth(2).textContent()) ?? '').replaceAll(
        ',',
        '',
      ),
    );
  expect(await throttled(1)).toBeGreaterThan(await throttled(16));
  await expect(
    page.getByRole('figure', { name: 'Throttled put attempts and dropped records' }),
  ).toBeVisible();
  await expect(page.locator('.sweep-chart .recharts-reference-line')).toHaveCount(3);
  await rec.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/sweep-finished.png` });
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/sweep-table.png` });

  await rec.getByRole('button', { name: `Apply telemetry · Shards = ${recommended} to the design` }).click();
  await expect(page.getByText(`Applied telemetry · Shards = ${recommended} to the design`)).toBeVisible();
  await page.getByTestId('rf__node-telemetry').click();
  await expect(page.getByRole('spinbutton', { name: 'Shards', exact: true })).toHaveValue(
    String(recommended),
  );

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Report (Markdown)' }).click();
  const file = await (await download).path();
  const md = readFileSync(file, 'utf8');
  expect(md).toContain('# Sweep: telemetry · Shards 1..16');
  expect(md).toContain(`## Recommendation: telemetry · Shards = ${recommended}`);
  expect(md).toContain('`device-0001`');
  expect(md.split('\n').filter((line) => /^\| \d+/.test(line))).toHaveLength(16);
  expect(md).toContain(`| ${recommended} ◀ recommended |`);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe(
    'telemetry.shardCount,offeredRecords,acceptedRecords,throttledRecords,droppedRecords,maxIteratorAgeMs,costPerMonthUsd,recommended',
  );
  expect(csv).toHaveLength(17);
  expect(csv[recommended]).toMatch(new RegExp(`^${recommended},.*,yes$`));
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Chart (PNG)' }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toBe('Hot_partition_key-sweep.png');
  // A PNG file: its 8-byte signature.
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');

  // Undo takes the design back to its 4 shards.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('spinbutton', { name: 'Shards', exact: true })).toHaveValue('4');

  // The recommended point side by side with the run of the template (4 shards) in History.
  await rec.getByRole('button', { name: 'Compare with current run' }).click();
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  const runs = page.getByRole('list', { name: 'Runs of this design' });
  await expect(runs.getByRole('listitem').nth(0)).toContainText(`Sweep: telemetry · Shards = ${recommended}`);
  await expect(page.getByRole('region', { name: 'Verdict' })).toContainText(
    /B throttles [\d,.]+ instead of [\d,.]+/,
  );
  const figures = page.getByRole('table', { name: 'A and B side by side' });
  await expect(figures.getByRole('row', { name: /Shards · telemetry/ })).toContainText(
    `4${recommended}+${recommended - 4}`,
  );
  await page.screenshot({ path: `${SHOTS}/sweep-compare.png` });
});

test('日本語: a 2-D grid (shards × producer rate), then a sweep cancelled midway', async ({ page }) => {
  test.setTimeout(180_000);
  await openTemplate(page, 'Hot partition key');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByRole('tab', { name: 'スイープ' }).click();
  const first = page.getByRole('group', { name: '変える項目' });
  await first.getByRole('spinbutton', { name: '終了' }).fill('2');
  await page.getByRole('checkbox', { name: '2 つ目の項目 (グリッド)' }).check();
  const second = page.getByRole('group', { name: '2 つ目の項目 (グリッド)' });
  await expect(second.getByRole('combobox', { name: 'ノード' })).toHaveValue('devices');
  await second.getByRole('combobox', { name: '項目' }).selectOption('rate.recordsPerSec');
  await second.getByRole('spinbutton', { name: '開始' }).fill('1000');
  await second.getByRole('spinbutton', { name: '終了' }).fill('2000');
  await second.getByRole('spinbutton', { name: '刻み' }).fill('1000');
  await page.getByRole('spinbutton', { name: '1 回のシミュレーション秒数' }).fill('10');
  await expect(page.getByText('4 回 × シミュレーション 10 秒')).toBeVisible();
  await page.getByRole('button', { name: 'スイープを実行' }).click();
  const table = page.getByRole('table', { name: 'スイープの結果' });
  await expect(page.getByRole('region', { name: '推奨' })).toContainText(
    /推奨: telemetry · シャード数 = \d+, device-telemetry · /,
    {
      timeout: 90_000,
    },
  );
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.locator('tr.sweep-row--best')).toHaveCount(1);
  await page.getByRole('region', { name: '推奨' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/sweep-grid-ja.png` });

  // A long sweep, cancelled after its first point: the workers stop, the table keeps what arrived.
  await first.getByRole('spinbutton', { name: '終了' }).fill('16');
  await page.getByRole('checkbox', { name: '2 つ目の項目 (グリッド)' }).uncheck();
  await page.getByRole('spinbutton', { name: '1 回のシミュレーション秒数' }).fill('60');
  await page.getByRole('button', { name: 'スイープを実行' }).click();
  await expect(page.getByRole('progressbar', { name: 'スイープの進行状況' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: '$' }).first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'キャンセル' }).click();
  await expect(page.getByText(/^16 回中 \d+ 回でキャンセルしました。$/)).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'レポート (Markdown)' })).toBeDisabled();
});
