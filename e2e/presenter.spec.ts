/**
 * Presenter view at a projector's 1280×720 during a run: large type, one zoom that stays put,
 * cards that keep their size and never overlap, a big clock and one chosen chart; P and Esc.
 * And the editing fix that shares its cause: dropping a node never moves the view.
 * Run: E2E_PORT=4316 E2E_DIST=dist-presenter E2E_RESULTS=test-results-presenter \
 *      E2E_REPORT=reports/e2e-presenter.json npx playwright test e2e/presenter.spec.ts
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { clockSec, openTemplate, run, waitForClock } from './fixtures/run.ts';
import { expect, test } from './fixtures/studio.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

/** React Flow's viewport transform (pan and zoom), as the style attribute says it. */
function viewport(page: Page): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function cardBoxes(page: Page): Promise<Box[]> {
  return page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectNoOverlap(boxes: Box[]): void {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(overlaps(boxes[i], boxes[j]), `${boxes[i].id} overlaps ${boxes[j].id}`).toBe(false);
}

/** On-screen px of an element's text (font size × canvas zoom). */
function screenPx(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const zoom = el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight;
      return Number.parseFloat(getComputedStyle(el).fontSize) * zoom;
    });
}

test.describe('presenter view at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  for (const template of ['Hot partition key', 'Web clickstream analytics']) {
    test(`${template}: one zoom, cards of one size that never overlap, while running`, async ({ page }) => {
      await openTemplate(page, template);
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('p');
      const view = page.getByRole('region', { name: 'Presenter view' });
      await expect(view).toBeVisible();
      await expect(page.getByRole('tab', { name: 'Problems' })).toHaveCount(0);
      await page.waitForTimeout(400); // the fit after the switch lands two frames later
      const idleView = await viewport(page);
      const idleBoxes = await cardBoxes(page);
      expectNoOverlap(idleBoxes);

      await run(page, '10×');
      await waitForClock(page, 6);
      const first = { view: await viewport(page), boxes: await cardBoxes(page), at: await clockSec(page) };
      await waitForClock(page, first.at + 4);
      const second = { view: await viewport(page), boxes: await cardBoxes(page) };
      // The zoom chosen when presenter view opened stays for the whole run: no refit.
      expect(first.view).toBe(idleView);
      expect(second.view).toBe(idleView);
      // Running cards keep their idle size; live figures live inside them.
      expect(second.boxes).toEqual(first.boxes);
      expect(first.boxes).toEqual(idleBoxes);
      expectNoOverlap(second.boxes);

      // Read from the back of the room: names ≥ 16 px on screen, the main figure ≥ 16 px, the clock ≥ 48 px.
      expect(await screenPx(page, '.card__name')).toBeGreaterThanOrEqual(16);
      expect(await screenPx(page, '.live__big')).toBeGreaterThanOrEqual(16);
      const clockPx = await page
        .getByTestId('presenter-clock')
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(clockPx).toBeGreaterThanOrEqual(48);
      await expect(page.getByTestId('presenter-clock')).toHaveText(/^\d\d:\d\d:\d\d$/);
      // The chart is a uPlot canvas; data-last-t is the time of its latest point.
      await expect(view.locator('.uplot canvas').first()).toBeVisible();
      await expect(view.getByRole('figure')).toHaveAttribute('data-last-t', /\d/);
      await page.screenshot({
        path: `${SHOTS}/presenter-${template.split(' ')[0].toLowerCase()}-running.png`,
      });
    });
  }

  test('in Japanese: the clock, the pickers and the live figures read Japanese', async ({ page }) => {
    await openTemplate(page, 'Hot partition key');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    const view = page.getByRole('region', { name: 'プレゼンタービュー' });
    await expect(view).toContainText('シミュレーション時刻');
    await expect(view.getByLabel('グラフの対象')).toBeVisible();
    await run(page, '10×', '▶ 実行');
    await waitForClock(page, 6, { name: 'シミュレーション時刻' });
    await expect(page.locator('.live__big').first()).toContainText('件/秒');
    // The rate and its Japanese unit fit the card: nothing runs past its edge.
    const fits = await page
      .locator('.live__big')
      .evaluateAll((els) => els.every((el) => el.scrollWidth <= el.clientWidth + 1));
    expect(fits).toBe(true);
    await page.screenshot({ path: `${SHOTS}/presenter-japanese-running.png` });
  });

  test('the chart follows the picked node and metric; Esc leaves presenter view', async ({ page }) => {
    await openTemplate(page, 'Hot partition key');
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    const view = page.getByRole('region', { name: 'Presenter view' });
    await expect(
      view.getByText('Press Run: the clock and the chart follow the run.', { exact: false }),
    ).toBeVisible();
    await run(page, '10×');
    await waitForClock(page, 4);
    await view.getByLabel('Chart of').selectOption({ label: 'device-telemetry' });
    const metric = view.getByLabel('Metric');
    await expect(metric.locator('option').first()).toBeAttached();
    const options = await metric.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await metric.selectOption({ index: 1 });
    await expect(
      view.getByRole('figure', { name: new RegExp(`^device-telemetry: ${options[1].split(' ')[0]}`) }),
    ).toBeVisible();
    await page.getByRole('button', { name: '❚❚ Pause' }).click();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(view).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Metrics' })).toBeVisible();
  });
});

test('dropping a node on empty canvas leaves the view where it was', async ({ studio, page }) => {
  await studio.open();
  await page.waitForTimeout(400);
  const before = await viewport(page);
  const count = (await studio.doc()).nodes.length;
  const box = await studio.canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  // Far right of the canvas, outside the fitted design.
  await studio.dragFromPalette('Data stream', box.width - 150, 60);
  await expect.poll(async () => (await studio.doc()).nodes.length).toBe(count + 1);
  await page.waitForTimeout(400); // a refit would land within two frames of the new card's measure
  expect(await viewport(page)).toBe(before);
});
