/**
 * Accessibility (issue 15, item 5): the canvas from the keyboard alone (roles and accessible names
 * only), and axe over the studio, a running design, the SQL editor and the Lessons panel with no
 * serious or critical violation. Screenshots: /tmp/shots/a11y-*.png.
 * Run: E2E_PORT=4318 E2E_DIST=dist-a11y E2E_RESULTS=test-results-a11y \
 *      E2E_REPORT=reports/e2e-a11y.json npx playwright test e2e/a11y.spec.ts
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { openTemplate, run, waitForClock } from './fixtures/run.ts';
import { expect, test } from './fixtures/studio.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

/** Serious or critical axe violations on the whole page, as "rule: target (summary)" lines. */
async function axeProblems(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`,
      ),
    );
}

/** What the canvas last said to a screen reader (its polite live region). */
function announcer(page: Page) {
  return page.getByRole('region', { name: 'Pipeline canvas' }).getByRole('status');
}

test('the canvas from the keyboard: add, connect, move and delete cards, each announced', async ({
  studio,
  page,
}) => {
  await studio.open();
  const menu = await studio.designMenu();
  await menu.getByRole('button', { name: 'New empty design' }).click();
  await expect(studio.node(/.+/)).toHaveCount(0);

  // Add a Data stream: focus its palette entry, press Enter. The card takes the focus.
  await studio.paletteEntry('Data stream').focus();
  await page.keyboard.press('Enter');
  const stream = studio.node(/^Data stream: /);
  await expect(stream).toBeFocused();
  await expect(announcer(page)).toHaveText(/^Added Data stream: /);
  const streamName = ((await stream.getAttribute('aria-label')) ?? '').replace('Data stream: ', '');

  // A Lambda function, with Space this time: it lands beside the stream, not on it.
  await studio.paletteEntry('Lambda function').focus();
  await page.keyboard.press(' ');
  const lambda = studio.node(/^Lambda function: /);
  await expect(lambda).toBeFocused();
  const a = await stream.boundingBox();
  const b = await lambda.boundingBox();
  if (!a || !b) throw new Error('cards not on screen');
  const apart =
    a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  expect(apart, 'the second card does not cover the first').toBe(true);

  // Arrow keys on the focused (unselected) Lambda go to the nearest card: the stream.
  await page.keyboard.press('Escape'); // deselect: arrows now navigate instead of moving
  await expect(lambda).not.toHaveClass(/selected/);
  const towards = a.x < b.x ? 'ArrowLeft' : a.y < b.y ? 'ArrowUp' : a.x > b.x ? 'ArrowRight' : 'ArrowDown';
  await page.keyboard.press(towards);
  await expect(stream).toBeFocused();

  // Connect: C on the stream opens "Connect …", listing only what the model allows.
  await page.keyboard.press('c');
  const connect = page.getByRole('menu', { name: `Connect ${streamName}` });
  await expect(connect).toBeVisible();
  const lambdaName = ((await lambda.getAttribute('aria-label')) ?? '').replace('Lambda function: ', '');
  await expect(connect.getByRole('menuitem', { name: `to ${lambdaName}`, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(connect).toHaveCount(0);
  await expect(
    studio.canvas.getByRole('group', {
      name: new RegExp(`^Connection: Data stream: ${streamName} → Lambda function: ${lambdaName}`),
    }),
  ).toHaveCount(1);
  await expect(
    page.getByRole('status').filter({ hasText: `Connected ${streamName} → ${lambdaName}` }),
  ).toBeVisible();
  await expect(stream).toBeFocused(); // focus back on the card the menu was opened from

  // Select with Enter, move with the arrows: 5 px a press, 20 px with Shift (flow px).
  await page.keyboard.press('Enter');
  await expect(stream).toHaveClass(/selected/);
  await expect(announcer(page)).toHaveText(`Selected Data stream: ${streamName}`);
  const before = (await studio.doc()).nodes.find((n) => n.kind === 'stream')?.position;
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(async () => (await studio.doc()).nodes.find((n) => n.kind === 'stream')?.position)
    .toEqual({ x: (before?.x ?? 0) + 5, y: (before?.y ?? 0) + 25 });
  // React Flow's own live region says where it went, in the studio's words.
  await expect(page.getByText(/^Moved right, now at x -?\d+, y -?\d+$/)).toBeAttached();

  // Delete the Lambda: go to it, press Delete; the wire goes with it, focus goes back to the stream.
  await page.keyboard.press('Escape');
  const back =
    towards === 'ArrowLeft'
      ? 'ArrowRight'
      : towards === 'ArrowUp'
        ? 'ArrowDown'
        : towards === 'ArrowRight'
          ? 'ArrowLeft'
          : 'ArrowUp';
  await page.keyboard.press(back);
  await expect(lambda).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(lambda).toHaveCount(0);
  await expect(announcer(page)).toHaveText(`Deleted ${lambdaName}`);
  await expect(stream).toBeFocused();
  const doc = await studio.doc();
  expect(doc.nodes.map((n) => n.kind)).toEqual(['stream']);
  expect(doc.edges).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/a11y-keyboard.png` });
});

test('axe: the studio, a running design, the SQL editor and the Lessons panel have no serious or critical violations', async ({
  studio,
  page,
}) => {
  test.setTimeout(600_000); // a loaded 2-core box: Monaco alone can take a minute
  await studio.open();
  expect(await axeProblems(page), 'studio').toEqual([]);

  await openTemplate(page, 'Web clickstream analytics');
  await run(page, '10×');
  await waitForClock(page, 5);
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByRole('figure').first()).toBeVisible({ timeout: 60_000 }); // a lazy chunk, then a redraw turn
  // Paused mid-run: the live figures, shard strips and charts stay on screen while axe reads a
  // page that holds still (on a busy 2-core box axe over a page redrawing 10× a second takes minutes).
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  expect(await axeProblems(page), 'running design, Metrics tab').toEqual([]);
  await page.screenshot({ path: `${SHOTS}/a11y-running.png` });

  // A fresh page: no run, so opening another template asks nothing.
  await openTemplate(page, 'Live selfie dashboard');
  await studio.node(/^Analytics SQL application: /).click();
  await expect(studio.inspector.locator('.sql-editor .monaco-editor')).toBeVisible({ timeout: 60_000 });
  expect(await axeProblems(page), 'SQL editor').toEqual([]);

  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Lessons' })).toBeVisible();
  expect(await axeProblems(page), 'Lessons panel').toEqual([]);
  await page.screenshot({ path: `${SHOTS}/a11y-lessons.png` });
});
