/**
 * The newcomer's path through the studio, in Chromium, through roles and accessible names.
 * Each test starts in a fresh browser context: empty IndexedDB and localStorage (a first visit).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures/studio.ts';

test('opens on the clickstream template with a hint to press Run', async ({ studio, page }) => {
  await studio.open();
  await expect(page.getByText('Press Run to watch it flow.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Design: .*[Cc]lickstream/ })).toBeVisible();
  // The template's cards are on the canvas, named "<Kind>: <name>", with their key figures.
  await expect(studio.node(/^Data stream: /).first()).toBeVisible();
  await expect(studio.node(/^Analytics SQL application: /).first()).toBeVisible();
  await expect(studio.node(/^Firehose delivery stream: /).first()).toBeVisible();
  await expect(studio.node(/^Data stream: /).first()).toContainText(/\d+ shards?/);
  await expect(page.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: '/tmp/shots/studio-template.png' });
});

test('build a pipeline: drag from the palette, connect, set shards, refuse a bad connection, undo/redo', async ({
  studio,
  page,
}) => {
  await studio.open();
  const menu = await studio.designMenu();
  await menu.getByRole('button', { name: 'New empty design' }).click();
  await expect(studio.node(/.+/)).toHaveCount(0);

  await studio.dragFromPalette('Producer', 180, 160);
  await studio.dragFromPalette('Data stream', 560, 160);
  await studio.dragFromPalette('S3 bucket', 560, 380);
  await expect(studio.node('Producer: producer-1')).toBeVisible();
  await expect(studio.node('Data stream: stream-1')).toBeVisible();
  await expect(studio.node(/^S3 bucket: /)).toBeVisible();
  const s3Name = (await studio.doc()).nodes.find((n) => n.kind === 's3')?.name ?? '';

  // A valid connection: producer → data stream.
  await studio.connect('producer-1', 'stream-1');
  await expect(page.getByRole('status').filter({ hasText: 'Connected producer-1 → stream-1' })).toBeVisible();
  expect((await studio.doc()).edges).toHaveLength(1);
  await expect(
    page.getByRole('group', { name: /Producer: producer-1 → Data stream: stream-1/ }),
  ).toBeVisible();

  // An invalid one: a producer cannot write to an S3 bucket; refused, with the reason on screen.
  await studio.connect('producer-1', s3Name);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /A producer writes to a data stream or a Firehose .*not to an S3 bucket/ }),
  ).toBeVisible();
  expect((await studio.doc()).edges).toHaveLength(1);

  // Set the shard count in the inspector: the card shows it.
  await studio.node('Data stream: stream-1').click();
  const shards = studio.inspector.getByLabel('Shards', { exact: true });
  await shards.fill('4');
  await shards.press('Enter'); // numbers apply on Enter or blur, not per keystroke
  await expect(studio.node('Data stream: stream-1')).toContainText('4 shards');

  // An out-of-range value shows an inline error next to the field and a problem in the tab.
  await shards.fill('0');
  await shards.press('Enter');
  await expect(studio.inspector.getByText(/Shards must be between 1 and 10,000/)).toBeVisible();
  await expect(page.getByRole('tab', { name: /Problems/ })).toContainText('1');
  await shards.fill('4');
  await shards.press('Enter');
  await expect(studio.inspector.getByText(/Shards must be between/)).toHaveCount(0);

  // Undo / redo from the keyboard (focus off the form first: form keys never reach the canvas).
  // Each committed number is one undo step: undo takes back the fix (to 0), redo puts it back.
  await studio.canvas.click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('Control+z');
  await expect(studio.node('Data stream: stream-1')).toContainText('0 shards');
  await page.keyboard.press('Control+y');
  await expect(studio.node('Data stream: stream-1')).toContainText('4 shards');
  // Undo three times (the fix, the 0, the first 4), then redo with the toolbar buttons.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(studio.node('Data stream: stream-1')).toContainText('1 shard');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(studio.node('Data stream: stream-1')).toContainText('4 shards');
});

test('export, reload and find the design restored, import it back equal, refuse a broken file', async ({
  studio,
  page,
}, testInfo) => {
  await studio.open();
  // Make an edit so the saved design differs from the template.
  await studio
    .node(/^Data stream: /)
    .first()
    .click();
  await studio.inspector.getByLabel('Shards', { exact: true }).fill('6');
  await studio.inspector.getByLabel('Shards', { exact: true }).press('Enter');
  await expect(studio.node(/^Data stream: /).first()).toContainText('6 shards');
  await studio.saved();
  const before = await studio.doc();

  // Export: a download of the design as JSON.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported.format).toBe('shardscape.pipeline');
  expect(exported.nodes).toEqual(before.nodes);

  // Reload: the design comes back exactly from IndexedDB.
  await page.reload();
  await expect(studio.canvas).toBeVisible();
  await expect(studio.node(/^Data stream: /).first()).toContainText('6 shards');
  expect(await studio.doc()).toEqual(before);

  // Import the exported file: a new design, equal to the exported one.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('status').filter({ hasText: /Imported .+ as a new design/ })).toBeVisible();
  const imported = await studio.doc();
  expect(imported).toEqual(before);
  const menu = await studio.designMenu();
  await expect(menu.getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Escape');

  // A broken file: the message says what and where; the open design is untouched.
  const broken = testInfo.outputPath('broken.json');
  await writeFile(broken, '{\n  "format": "shardscape.pipeline",\n  "nodes": [ }\n');
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser2).setFiles(broken);
  const alert = page.getByRole('alertdialog', { name: /Could not import broken\.json/ });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/line 3/);
  await expect(alert).toContainText('Your current design is unchanged.');
  await alert.getByRole('button', { name: 'OK' }).click();
  await expect(alert).toBeHidden();
  expect(await studio.doc()).toEqual(imported);
});

test('switch to Japanese: the whole studio follows, and the choice persists', async ({ studio, page }) => {
  await studio.open();
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(studio.paletteEntry('データストリーム')).toBeVisible();
  await expect(studio.paletteEntry('Lambda 関数')).toBeVisible();
  await expect(page.getByRole('button', { name: 'エクスポート' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /問題/ })).toBeVisible();
  await expect(studio.node(/^データストリーム: /).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/studio-ja.png' });
  await page.reload();
  await expect(studio.paletteEntry('データストリーム')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});
