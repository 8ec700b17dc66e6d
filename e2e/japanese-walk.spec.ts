/**
 * Japanese throughout: in a Japanese browser, walk every screen of the studio (first start, the
 * import review, palette, the inspector of every kind and of a connection, the SQL editor, every
 * bottom tab idle, running and paused, the context menus, templates, designs, Export as…,
 * shortcuts, Lessons and "make this a lesson", presenter mode, an import error) and fail on any
 * i18next key found in no language and on Latin words outside the allowlist (fixtures/walk.ts).
 * Screenshots: /tmp/shots/ja-walk-*.png (1440×900).
 * Run: E2E_PORT=4317 E2E_DIST=dist-japanese E2E_RESULTS=test-results-japanese \
 *      E2E_REPORT=reports/e2e-japanese.json npx playwright test e2e/japanese-walk.spec.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { allKindsDesign } from './fixtures/all-kinds.ts';
import { clockSec } from './fixtures/run.ts';
import { englishOn, type Finding } from './fixtures/walk.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test.use({ locale: 'ja-JP' });
test.setTimeout(420_000);

const CLOCK = 'シミュレーション時刻';

test('every screen of the studio speaks Japanese: no missing key, no English outside the allowlist', async ({
  page,
}) => {
  const findings: Finding[] = [];
  const screens: string[] = [];
  const look = async (screen: string, shot = false) => {
    screens.push(screen);
    findings.push(...(await englishOn(page, screen)));
    writeFileSync(`${SHOTS}/ja-walk-findings.json`, JSON.stringify(findings, null, 1));
    const n = String(screens.length).padStart(2, '0');
    if (shot) await page.screenshot({ path: `${SHOTS}/ja-walk-${n}-${screen.replace(/[^\w-]+/g, '-')}.png` });
  };
  const selectNode = (id: string) =>
    page.evaluate((nodeId) => window.__studio?.getState().select({ nodeIds: [nodeId] }), id);
  const tabs = page.getByRole('tablist', { name: '下部パネル' }).getByRole('tab');

  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.waitForTimeout(400);
  await look('first start', true);
  // At 1440 px each toolbar row stays one line in Japanese (its labels are wider than English).
  const rows = await page.locator('.toolbar__row').evaluateAll((els) => els.map((e) => e.clientHeight));
  expect(rows).toHaveLength(2);
  for (const h of rows) expect(h).toBeLessThan(50);
  // Palette labels break only between words: a label's lines are whole words (コンシューマー / アプリケーション).
  const consumer = page
    .getByRole('navigation', { name: 'パレット' })
    .getByRole('button', { name: 'コンシューマーアプリケーション' });
  expect(await consumer.locator('.phrases').evaluate((e) => e.getClientRects().length)).toBeLessThanOrEqual(
    2,
  );

  // Import the design with every kind: it contains Lambda code, so the review dialog comes first.
  const doc = allKindsDesign();
  await page.getByLabel(/^デザインファイル \(.json\) または CloudFormation テンプレート/).setInputFiles({
    name: 'all-kinds.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  const review = page.getByRole('dialog', { name: 'このデザインにはコードが含まれています' });
  await expect(review).toBeVisible();
  await look('import review', true);
  await review.getByRole('button', { name: 'デザインを開く' }).click();
  await expect(page.getByTestId('rf__node-kcl-app')).toBeVisible();
  await page.waitForTimeout(400);
  await look('studio with every kind', true);

  // The inspector of every node (every kind) and of a connection.
  for (const node of doc.nodes) {
    await selectNode(node.id);
    await expect(
      page
        .getByRole('complementary', { name: 'インスペクター' })
        .getByRole('textbox', { name: '名前', exact: true }),
    ).toHaveValue(node.name);
    // The SQL editor's panel loads on first use: read it loaded.
    if (node.kind === 'analytics') await expect(page.locator('.sql-panel')).toBeVisible();
    await look(`inspector ${node.kind} ${node.id}`, node.kind === 'analytics' || node.kind === 'lambda');
  }
  await page.evaluate(() => window.__studio?.getState().select({ edgeIds: ['clicks--sql'] }));
  await look('inspector edge');
  await page.evaluate(() => window.__studio?.getState().select({}));
  await expect(page.getByRole('complementary', { name: 'インスペクター' })).toBeVisible();
  await look('inspector design');

  // Context menus: a node's (faults, run entries) and the pane's (add node).
  const card = page.getByTestId('rf__node-clicks');
  const box = await card.boundingBox();
  await card.dispatchEvent('contextmenu', {
    bubbles: true,
    clientX: (box?.x ?? 0) + 10,
    clientY: (box?.y ?? 0) + 10,
  });
  await expect(page.getByRole('menu')).toBeVisible();
  await look('node menu', true);
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ button: 'right', position: { x: 20, y: 20 } });
  await expect(page.getByRole('menu')).toBeVisible();
  await look('pane menu');
  await page.keyboard.press('Escape');

  // Every bottom tab before a run.
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    await page.waitForTimeout(300);
    await look(`idle tab ${await tabs.nth(i).innerText()}`, i === (await tabs.count()) - 2);
  }

  // Run at max speed; every tab while running, with the stream selected so figures show.
  await page.getByRole('button', { name: '最大', exact: true }).click();
  await page.getByRole('button', { name: '▶ 実行' }).click();
  // A few simulated seconds give every tab figures (a loaded machine runs the 17 nodes slowly).
  await expect.poll(() => clockSec(page, CLOCK), { timeout: 120_000 }).toBeGreaterThanOrEqual(5);
  await selectNode('clicks');
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    await page.waitForTimeout(600);
    await look(`running tab ${await tabs.nth(i).innerText()}`, true);
  }
  await look('running canvas');
  await page.getByRole('button', { name: /一時停止/ }).click();
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    await page.waitForTimeout(300);
    await look(`paused tab ${await tabs.nth(i).innerText()}`);
  }
  for (const id of ['hot-key-processor', 'archive', 'log-analytics-search', 'hot-key-state', 'dw']) {
    await selectNode(id);
    await look(`paused inspector ${id}`);
  }

  // Lessons: the list, a lesson, "make this a lesson" (the run above gives it figures).
  await page.getByRole('button', { name: 'レッスン', exact: true }).click();
  const panel = page.getByRole('region', { name: 'レッスン' });
  await expect(panel.getByRole('listitem').first()).toBeVisible();
  await look('lessons list', true);
  await panel.getByRole('button', { name: 'この設計をレッスンにする' }).click();
  const make = page.getByRole('dialog', { name: 'この設計をレッスンにする' });
  await expect(make).toBeVisible();
  await look('make a lesson', true);
  await make.getByRole('button', { name: 'キャンセル' }).click();
  await panel
    .getByRole('button', { name: /^開始: / })
    .nth(4)
    .click();
  await expect(panel.getByRole('heading').first()).toBeVisible();
  await look('a lesson', true);
  await panel.getByRole('button', { name: 'レッスンを閉じる' }).click();

  // Dialogs: templates, designs, Export as… (every format), shortcuts.
  await page.getByRole('button', { name: 'テンプレート', exact: true }).click();
  await look('templates', true);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^デザイン: / }).click();
  await look('designs menu');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '形式を選んで出力…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'デプロイ用の設定として書き出す' });
  const formats = exportDialog.getByRole('radio');
  for (let i = 0; i < (await formats.count()); i++) {
    await formats.nth(i).check();
    await page.waitForTimeout(200);
    await look(`export ${i}`, i === 1);
  }
  await exportDialog.getByRole('button', { name: '閉じる' }).click();
  await page.getByRole('button', { name: 'キーボードショートカット' }).click();
  await look('shortcuts', true);
  await page.keyboard.press('Escape');

  // Presenter mode, then an import that fails.
  await page.getByRole('button', { name: 'プレゼンター', exact: true }).click();
  await page.waitForTimeout(400);
  await look('presenter', true);
  await page.getByRole('button', { name: 'プレゼンター', exact: true }).click();
  await page.getByLabel(/^デザインファイル \(.json\) または CloudFormation テンプレート/).setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"shardscape.pipeline", "nodes": ['),
  });
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await look('import error', true);

  const missing = await page.evaluate(() => window.__i18nMissing ?? []);
  // One line per word and text, with the first screen it was seen on.
  const seen = new Map<string, string>();
  for (const f of findings) {
    const k = `"${f.word}" in "${f.text}"`;
    if (!seen.has(k)) seen.set(k, f.screen);
  }
  const report = [...seen].map(([k, screen]) => `${screen}: ${k}`);
  console.log(
    `walked ${screens.length} screens; ${findings.length} English words; ${missing.length} missing keys`,
  );
  expect(missing, 'i18next keys found in no language').toEqual([]);
  expect(report, 'English words on Japanese screens').toEqual([]);
});
