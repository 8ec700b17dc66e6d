/**
 * Screens a workshop audience sees on a projector (1440×900): each is saved under /tmp/shots and
 * checked for what a first-time viewer must be able to read (live figures, the hot shard, the
 * outage, SQL rows, Japanese text), plus presenter mode.
 * Run: E2E_PORT=4184 E2E_DIST=dist-polish E2E_REPORT=reports/e2e-polish.json \
 *      E2E_RESULTS=test-results-polish npx playwright test e2e/run-polish.spec.ts
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { clockSec, openNodeMenu, openTemplate, run, waitForClock } from './fixtures/run.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test('clickstream idle: the hint invites a run, cards are legible at fit', async ({ page }) => {
  await openTemplate(page, 'Web clickstream analytics');
  await expect(page.getByText('Press Run to watch it flow')).toBeVisible();
  // Card names at fit are at least 12 px on screen (font size × zoom).
  const px = await page
    .locator('.card__name')
    .first()
    .evaluate((el) => {
      const zoom = el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight;
      return Number.parseFloat(getComputedStyle(el).fontSize) * zoom;
    });
  expect(px).toBeGreaterThanOrEqual(12);
  await page.screenshot({ path: `${SHOTS}/polish-clickstream-idle.png` });
});

test('clickstream running 20 s with the stream metrics open; the hint is gone', async ({ page }) => {
  await openTemplate(page, 'Web clickstream analytics');
  await run(page, '10×');
  await waitForClock(page, 20);
  await expect(page.getByText('Press Run to watch it flow')).toHaveCount(0);
  await page.getByTestId('rf__node-clicks').click();
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByRole('figure', { name: /IncomingRecords/ })).toBeVisible();
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await page.screenshot({ path: `${SHOTS}/polish-clickstream-running.png` });
  // The whole chart (axes and legend) fits in the default bottom panel without scrolling.
  const panel = await page.locator('.layout__bottom').boundingBox();
  const chart = await page.getByRole('figure', { name: /IncomingRecords/ }).boundingBox();
  expect(panel && chart).toBeTruthy();
  if (panel && chart) expect(chart.y + chart.height).toBeLessThanOrEqual(panel.y + panel.height + 1);
});

test('hot key: one red shard', async ({ page }) => {
  await openTemplate(page, 'Hot partition key');
  await run(page, '10×');
  await waitForClock(page, 10);
  await expect(
    page.getByRole('region', { name: 'Live figures of telemetry' }).getByRole('img', { name: /throttling/ }),
  ).toHaveCount(1);
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await page.screenshot({ path: `${SHOTS}/polish-hot-key.png` });
});

test('destination outage on the clickstream archive', async ({ page }) => {
  await openTemplate(page, 'Web clickstream analytics');
  await run(page, '10×');
  await waitForClock(page, 5);
  await openNodeMenu(page, 'archive');
  await page.getByRole('menuitem', { name: 'Take down for 60 s' }).click();
  await expect(page.getByRole('region', { name: 'Live figures of clickstream-archive' })).toContainText(
    'DOWN',
    {
      timeout: 20_000,
    },
  );
  await waitForClock(page, (await clockSec(page)) + 20);
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  // The Timeline says what happened to whom and when, next to the DOWN badge on the card.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.screenshot({ path: `${SHOTS}/polish-outage.png` });
});

test('selfie dashboard with SQL results', async ({ page }) => {
  await openTemplate(page, 'Live selfie dashboard (the 2017 demo)');
  await run(page, '10×');
  await page.getByRole('tab', { name: 'SQL results' }).click();
  const table = page.getByRole('tabpanel').getByRole('table').first();
  await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
  await waitForClock(page, 15);
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await page.screenshot({ path: `${SHOTS}/polish-selfie-sql.png` });
});

test('Japanese UI running', async ({ page }) => {
  await openTemplate(page, 'Web clickstream analytics');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByTestId('rf__node-clicks').click();
  await run(page, '10×', '▶ 実行');
  await waitForClock(page, 15, { name: 'シミュレーション時刻' });
  await page.getByRole('button', { name: '❚❚ 一時停止' }).click();
  await page.getByRole('tab', { name: 'メトリクス' }).click();
  await expect(page.getByRole('table', { name: '開始からの累計' })).toContainText('スロットリング');
  // Units next to fields are Japanese too (shards → シャード, h → 時間).
  await expect(page.locator('.field__unit').first()).not.toHaveText(/^[a-z]+$/);
  await page.screenshot({ path: `${SHOTS}/polish-japanese.png` });
});

test('presenter mode hides the palette and inspector, toggles with P and survives a reload', async ({
  page,
}) => {
  await openTemplate(page, 'Hot partition key');
  const palette = page.getByRole('button', { name: 'Data stream', exact: true });
  await expect(palette).toBeVisible();
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveCount(0);
  await run(page, '10×');
  await waitForClock(page, 10);
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await page.screenshot({ path: `${SHOTS}/polish-presenter.png` });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'false');
  await expect(palette).toBeVisible();
});
