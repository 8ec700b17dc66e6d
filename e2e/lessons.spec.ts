/**
 * Workshop lessons in a Japanese browser: open the Lessons panel, start the hot-key lesson, fix
 * the partition key, watch the throttling check turn green while the run goes on, reload and find
 * the progress kept. Screenshots: /tmp/shots/workshop-*.png (1440×900).
 * Run: E2E_PORT=4208 E2E_DIST=dist-workshop E2E_RESULTS=test-results-workshop \
 *      E2E_REPORT=reports/e2e-workshop.json npx playwright test e2e/lessons.spec.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { clockSec } from './fixtures/run.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test.use({ locale: 'ja-JP' });

/** Serious or critical axe violations inside `selector`, as "rule: target" lines. */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include(selector).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('the hot-key lesson: fix the key, the check turns green during the run, progress survives a reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();

  await page.getByRole('button', { name: 'レッスン', exact: true }).click();
  const panel = page.getByRole('region', { name: 'レッスン' });
  await expect(panel).toBeVisible();
  const items = panel.getByRole('listitem');
  expect(await items.count()).toBeGreaterThanOrEqual(8);
  await expect(items.nth(1)).toContainText('パーティションキーとホットシャード');
  await expect(items.nth(1)).toContainText('未着手');
  expect(await axeProblems(page, '.lessons')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/workshop-list-ja.png` });

  await panel.getByRole('button', { name: '開始: パーティションキーとホットシャード' }).click();
  await expect(panel.getByRole('heading', { name: 'パーティションキーとホットシャード' })).toBeVisible();
  // The lesson's starting design is open: the hot-key producer and its 4-shard stream.
  await expect(page.getByTestId('rf__node-devices')).toBeVisible();
  await expect(page.getByTestId('rf__node-telemetry')).toContainText('4 シャード');
  const throttle = panel.locator('[data-check="no-throttling"]');
  await expect(throttle).toHaveAttribute('data-status', 'pending');

  // Fix: the producer's partition key strategy from "one hot key" to random.
  await page.getByTestId('rf__node-devices').click();
  await page.getByRole('combobox', { name: '決め方' }).selectOption('random');

  await page.getByRole('button', { name: '10×', exact: true }).click();
  await page.getByRole('button', { name: '▶ 実行' }).click();
  // Still pending before 60 simulated s: "0 so far, decided at 60 s".
  await expect(throttle).toContainText('60 秒で判定');
  await expect(throttle).toHaveAttribute('data-status', 'passed', { timeout: 60_000 });
  // Green while the run goes on (the lesson runs 90 s; the check is judged at 60 s).
  const at = await clockSec(page, 'シミュレーション時刻');
  expect(at).toBeGreaterThanOrEqual(60);
  expect(at).toBeLessThan(90);
  await expect(panel.locator('[data-check="four-shards"]')).toHaveAttribute('data-status', 'passed');
  await expect(panel.getByRole('status')).toHaveText('すべてのチェックに合格しました。お見事です！');
  await page.screenshot({ path: `${SHOTS}/workshop-hot-key-green-ja.png` });
  expect(await axeProblems(page, '.lessons')).toEqual([]);

  await page.reload();
  const again = page.getByRole('region', { name: 'レッスン' });
  await expect(again).toBeVisible(); // the panel stays open
  await expect(again.getByRole('heading', { name: 'パーティションキーとホットシャード' })).toBeVisible();
  await again.getByRole('button', { name: /すべてのレッスン/ }).click();
  const hotKey = again.getByRole('listitem').filter({ hasText: 'パーティションキーとホットシャード' });
  await expect(hotKey).toContainText('完了');
  await expect(again.getByRole('listitem').first()).toContainText('未着手');
  // The lesson's design was saved too: the fixed producer is still there after the reload.
  await expect(page.getByTestId('rf__node-devices')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/workshop-progress-after-reload-ja.png` });
});

test.describe('instructor', () => {
  test.use({ locale: 'en-US' });

  test('makes the running design a lesson, downloads it, and imports it back into the list', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Open template: Slow Lambda consumer' }).click();
    await page.getByRole('button', { name: 'max', exact: true }).click();
    await page.getByRole('button', { name: '▶ Run' }).click();
    await expect.poll(() => clockSec(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
    await page.getByRole('button', { name: '❚❚ Pause' }).click();

    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Lessons' });
    await panel.getByRole('button', { name: 'Make this a lesson' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make this design a lesson' });
    // Checks proposed from the run's figures: the stream did not throttle, the function lags.
    await expect(dialog.getByRole('textbox', { name: 'Check: orders-throttled' })).toHaveValue(
      'Stream `orders` throttles 0 records',
    );
    await expect(dialog.getByRole('spinbutton', { name: 'Value: enricher-iterator-age' })).not.toHaveValue(
      '',
    );
    await dialog.getByRole('textbox', { name: 'Lesson id' }).fill('slow-consumer-demo');
    await dialog.getByRole('textbox', { name: 'Title (English)' }).fill('Our slow consumer');
    await dialog.getByRole('spinbutton', { name: 'Value: enricher-iterator-age' }).fill('5000');
    await page.screenshot({ path: `${SHOTS}/workshop-make-lesson.png` });
    expect(await axeProblems(page, '.make-lesson')).toEqual([]);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download lesson' }).click();
    const file = await (await download).path();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const lesson = JSON.parse(readFileSync(file, 'utf8'));
    expect(lesson).toMatchObject({ format: 'shardscape.lesson', id: 'slow-consumer-demo' });
    expect(lesson.checks.find((c: { id: string }) => c.id === 'enricher-iterator-age')).toMatchObject({
      measure: 'iteratorAgeMs',
      op: '<',
      value: 5000,
    });

    await panel.getByLabel('Import a lesson file (.json)').setInputFiles(file);
    const item = panel.getByRole('listitem').filter({ hasText: 'Our slow consumer' });
    await expect(item).toContainText('Not started');
    await item.getByRole('button', { name: 'Start: Our slow consumer' }).click();
    await expect(panel.getByRole('heading', { name: 'Our slow consumer' })).toBeVisible();
    await expect(panel.locator('[data-check="enricher-iterator-age"]')).toContainText('under');
  });

  test('a file that is not a lesson is refused with the reason', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Lessons' });
    await panel.getByLabel('Import a lesson file (.json)').setInputFiles({
      name: 'design.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"shardscape.pipeline"}'),
    });
    const alert = page.getByRole('alertdialog');
    await expect(alert).toContainText('Could not import design.json');
    await expect(alert).toContainText('Not a lesson file');
  });
});
