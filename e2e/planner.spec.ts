/**
 * Capacity planning in the studio: the cost before running (issue 12).
 * Run: E2E_PORT=4207 E2E_DIST=dist-planner E2E_RESULTS=test-results-planner \
 *      E2E_REPORT=reports/e2e-planner.json npx playwright test e2e/planner.spec.ts
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openTemplate } from './fixtures/run.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test('clickstream: the Cost tab and the toolbar show the estimate before running, Redshift included', async ({
  page,
}) => {
  await openTemplate(page, 'Web clickstream analytics');
  await expect(page.getByRole('status', { name: 'Projected cost per month' })).toContainText(
    /≈ \$4\d\d\.\d\d \/ month/,
  );
  await page.getByRole('tab', { name: 'Cost' }).click();
  const table = page.getByRole('table', { name: 'By node and item' });
  await expect(table).toContainText('Redshift dc2.large node hours');
  await expect(table).toContainText('$365.00');
  await expect(table).toContainText('S3 PUT requests');
  await expect(page.getByText(/Not priced: S3 GET requests/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/planner-cost-estimate.png` });
});
