/**
 * Side by side (issue 12): two runs of the hot-key template, one shard then four, kept in the
 * design's history, compared in the History tab, the report exported and read back.
 * Run: E2E_PORT=4314 E2E_DIST=dist-compare E2E_RESULTS=test-results-compare \
 *      E2E_REPORT=reports/e2e-compare.json npx playwright test e2e/history.spec.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { openTemplate, run, waitForClock } from './fixtures/run.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

async function setShards(page: Page, shards: number): Promise<void> {
  await page.getByTestId('rf__node-telemetry').click();
  const field = page.getByRole('spinbutton', { name: 'Shards' });
  await field.fill(String(shards));
  await field.press('Enter'); // numbers apply on Enter or blur (issue 15)
  await expect(page.getByTestId('rf__node-telemetry')).toContainText(`${shards} shard`);
}

/** Runs at max speed until the clock passes `sec` simulated seconds, then Reset (the run is kept). */
async function runFor(page: Page, sec: number): Promise<void> {
  await run(page, 'max');
  await waitForClock(page, sec, { timeout: 150_000 });
  await page.getByRole('button', { name: '↺ Reset' }).click();
}

test('hot key: 1 shard vs 4 shards side by side, the verdict, the Markdown report', async ({ page }) => {
  test.setTimeout(420_000); // two runs at max speed on a shared 2-core box
  await openTemplate(page, 'Hot partition key');
  await setShards(page, 1);
  await runFor(page, 12);
  await setShards(page, 4);
  await runFor(page, 12);

  await page.getByRole('tab', { name: 'History' }).click();
  const runs = page.getByRole('list', { name: 'Runs of this design' });
  await expect(runs.getByRole('listitem')).toHaveCount(2);
  await expect(runs.getByRole('listitem').nth(0)).toContainText(/Run 2 · 4 shards · \d+ s/);
  await expect(runs.getByRole('listitem').nth(1)).toContainText(/Run 1 · 1 shard · \d+ s/);
  // The newest run is B, the one before it A.
  await expect(
    runs.getByRole('listitem').nth(0).getByRole('button', { name: 'B', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');

  const verdict = page.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toContainText(/B throttles [\d,.]+ instead of [\d,.]+ put attempts/);
  const figures = page.getByRole('table', { name: 'A and B side by side' });
  await expect(figures.getByRole('row', { name: /Shards · telemetry/ })).toContainText(
    '1 4 +3'.replaceAll(' ', ''),
  );
  await expect(figures).toContainText('Throttled put attempts');
  await expect(figures).toContainText('Cost per month');
  // 4 shards accept more of the hot key's records, so Lambda and DynamoDB cost more.
  await expect(verdict).toContainText(/more per month/);
  await expect(
    page.getByRole('figure', { name: /device-telemetry · PutRecords.ThrottledRecords/ }),
  ).toBeVisible();
  await expect(page.locator('.history-chart .recharts-line')).toHaveCount(2);
  // As a presenter would show it: no inspector, a taller bottom panel (15 × 20 px).
  await page.getByRole('button', { name: 'Hide inspector' }).click();
  const splitter = page.getByRole('separator', { name: 'Resize bottom panel' });
  await splitter.focus();
  for (let i = 0; i < 15; i++) await splitter.press('ArrowUp');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/compare-history.png` });
  const axe = await new AxeBuilder({ page }).include('.history').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Report \(Markdown\)/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  const md = readFileSync((await file.path()) ?? '', 'utf8');
  expect(md).toContain('## Verdict');
  expect(md).toMatch(/B throttles [\d,]+ instead of [\d,]+ put attempts/);
  expect(md).toContain('| Shards · telemetry | 1 | 4 | +3 |');

  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: '⤓ CSV' }).click();
  const csvText = readFileSync((await (await csv).path()) ?? '', 'utf8');
  expect(csvText.split('\n')[0]).toBe('figure,unit,a,b,b_minus_a');
  expect(csvText).toContain('Shards · telemetry,shards,1,4,3');

  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Chart (PNG)' }).click();
  expect((await png).suggestedFilename()).toMatch(/-chart\.png$/);

  // The history is kept beside the design: a reload shows both runs again.
  await page.reload();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('list', { name: 'Runs of this design' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Verdict' })).toContainText('B throttles');

  // Load run 1 (one shard) into this design; Undo brings four shards back.
  await page.getByRole('button', { name: 'Load A into this design' }).click();
  const card = page.getByTestId('rf__node-telemetry');
  await expect(card).toContainText('1 shard ·');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card).toContainText('4 shards ·');

  // In Japanese: the verdict, the figures and the chart's legend.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('region', { name: '結論' })).toContainText('B では');
  await expect(page.getByRole('table', { name: 'A と B の比較' })).toContainText('月額コスト');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/compare-history-ja.png` });
});
