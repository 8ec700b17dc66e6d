/**
 * Editing fixes of issue 15: a live shard count applies once, on Enter; the Records tab shows each
 * record's partition key. (The drop that no longer moves the view is in presenter.spec.ts.)
 * Run: E2E_PORT=4316 E2E_DIST=dist-presenter E2E_RESULTS=test-results-presenter \
 *      E2E_REPORT=reports/e2e-presenter.json npx playwright test e2e/editing-fixes.spec.ts
 */
import { expect, test } from '@playwright/test';
import { openTemplate, run, waitForClock } from './fixtures/run.ts';

test('typing 48 as a running stream’s shard count applies 48 on Enter, never 4 on the way', async ({
  page,
}) => {
  await openTemplate(page, 'Ad-tech impressions at scale');
  await run(page, '10×');
  await waitForClock(page, 3);
  await page.getByTestId('rf__node-impressions').click();
  const shards = page.getByRole('spinbutton', { name: 'Shards' });
  await expect(shards).toHaveValue('32');
  await shards.fill('');
  await shards.pressSequentially('48', { delay: 150 });
  // Nothing applied while typing: the design still says 32, no refusal for "4" (below half of 32).
  const shardCount = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            __studio: { getState(): { doc: { nodes: { id: string; config: { shardCount?: number } }[] } } };
          }
        ).__studio
          .getState()
          .doc.nodes.find((n) => n.id === 'impressions')?.config.shardCount,
    );
  expect(await shardCount()).toBe(32);
  await shards.press('Enter');
  await expect.poll(shardCount).toBe(48);
  await expect(page.getByText(/Live change refused/)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('table', { name: 'What happened' })).toContainText(/48/, { timeout: 30_000 });
});

test('the Records tab shows the partition key of each record a producer sends', async ({ page }) => {
  await openTemplate(page, 'Hot partition key');
  await run(page, '10×');
  await waitForClock(page, 3);
  await page.getByRole('tab', { name: 'Records' }).click();
  const table = page.getByRole('table', { name: /records/i });
  await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
  // Column 2 is the partition key: never blank.
  const keys = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(keys.length).toBeGreaterThan(0);
  for (const k of keys) expect(k.trim()).not.toBe('');
});
