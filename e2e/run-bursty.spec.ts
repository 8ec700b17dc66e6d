/**
 * Bursty nodes between bursts: the card (and the edge into S3) says what flowed last and when,
 * not just "0 rec/s".
 * Screenshots of both running templates go to /tmp/shots/bursty-*.png (1440×900).
 * Run: E2E_PORT=4195 E2E_DIST=dist-bursty E2E_REPORT=reports/e2e-bursty.json \
 *      E2E_RESULTS=test-results-bursty npx playwright test e2e/run-bursty.spec.ts
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { clockSec, live, openTemplate, run } from './fixtures/run.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test('clickstream at 10×: between 10 s windows the Analytics card shows its last output', async ({
  page,
}) => {
  await openTemplate(page, 'Web clickstream analytics');
  await run(page, '10×');
  // 10 s tumbling windows: 9 simulated seconds of every 10 read "0 rec/s" on their own.
  await expect(live(page, 'clickstream-analytics')).toContainText(
    /out\s*0 rec\/s, last [\d,]+ rec \d+ s ago/,
    {
      timeout: 60_000,
    },
  );
  // S3 behind a 60 s buffer: after the first flush it says how many records the flush brought.
  await expect(live(page, 'clickstream-archive')).toContainText(/in\s*0 rec\/s, last [\d,]+ rec \d+ s ago/, {
    timeout: 90_000,
  });
  // The Firehose → S3 edge between flushes: its last delivery, compact, the sentence as its title.
  // The edge is short (cards side by side), so its figure shows once it is selected.
  await page.getByTestId('rf__edge-to-s3--archive').locator('.react-flow__edge-interaction').click();
  const toArchive = page.locator('.edge-live[data-edge="to-s3--archive"]');
  await expect(toArchive).toHaveText(/^last [\d,]+ rec · \d+ s ago/);
  await expect(toArchive).toHaveAttribute('title', /^0 rec\/s now, last [\d,]+ rec \d+ s ago$/);
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await page.screenshot({ path: `${SHOTS}/bursty-clickstream.png` });
  await page.getByTestId('rf__node-sql').screenshot({ path: `${SHOTS}/bursty-clickstream-analytics.png` });
  // The same paused frame in Japanese: 「N 秒前に M 件」.
  await page.getByRole('button', { name: '日本語' }).click();
  const archiveJa = page.getByRole('region', { name: 'clickstream-archive のライブ値', exact: true });
  await expect(archiveJa).toContainText(/入力\s*0 件\/秒、\d+ 秒前に [\d,]+ 件/);
  await page.screenshot({ path: `${SHOTS}/bursty-clickstream-ja.png` });
});

test('selfie dashboard at 10×: S3 behind the 60 s Firehose buffer shows its last delivery', async ({
  page,
}) => {
  await openTemplate(page, 'Live selfie dashboard (the 2017 demo)');
  await run(page, '10×');
  // The Analytics app counts moustaches in 1 s windows: a steady 1 row/s, so no "last" line.
  await expect(live(page, 'mustache-counter')).toContainText(/out\s*1 rec\/s/, { timeout: 30_000 });
  await expect(live(page, 'selfie-face-data')).toContainText(/in\s*0 rec\/s, last [\d,]+ rec \d+ s ago/, {
    timeout: 90_000,
  });
  await expect(live(page, 'selfie-archive')).toContainText(/out\s*0 rec\/s, last [\d,]+ rec \d+ s ago/);
  await expect.poll(() => clockSec(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(68);
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await page.screenshot({ path: `${SHOTS}/bursty-selfie.png` });
  await page.getByTestId('rf__node-archive').screenshot({ path: `${SHOTS}/bursty-selfie-firehose.png` });
  // Presenter mode: fixed-size cards keep the main rate in large type (the "last delivery" line
  // stays on the normal card).
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(live(page, 'selfie-face-data')).toContainText(/rec\/s/);
  await page.screenshot({ path: `${SHOTS}/bursty-selfie-presenter.png` });
});
