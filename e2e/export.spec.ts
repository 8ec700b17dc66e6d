/**
 * Taking a design to AWS from the studio: Export as… → CloudFormation, the downloaded template read
 * back; Flink SQL previewed; then Copy link, and the link opened in a new page gives the same design.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/studio.ts';

test('export CloudFormation from the studio, copy a share link and open it in a new page', async ({
  studio,
  page,
  context,
}, testInfo) => {
  // Four exports and a second browser context: longer than the default 90 s on a loaded machine.
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await studio.open();
  const before = await studio.doc();

  await page.getByRole('button', { name: 'Export as…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as deployable config' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'CloudFormation (JSON)' }).check();
  await expect(dialog.getByText(/^One template with every resource/)).toBeVisible();
  await expect(dialog.getByRole('code').or(dialog.locator('.monaco-editor')).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/export-dialog.png' });

  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Download .*\.template\.json$/ }).click();
  const download = await downloadPromise;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const template = JSON.parse(await readFile(file, 'utf8'));
  expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
  const types = Object.values(
    template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>,
  );
  const stream = types.find((r) => r.Type === 'AWS::Kinesis::Stream');
  const streamNode = before.nodes.find((n) => n.kind === 'stream');
  expect(stream?.Properties.ShardCount).toBe(streamNode?.config.shardCount);
  expect(types.some((r) => r.Type === 'AWS::KinesisFirehose::DeliveryStream')).toBe(true);

  // Flink SQL: the Analytics node's SQL translated (its exporter loads when chosen).
  await dialog.getByRole('radio', { name: 'Flink SQL' }).check();
  await expect(dialog.locator('.monaco-editor, .export-dialog__plain').first()).toContainText(/CREATE.TABLE/);
  await expect(dialog.getByRole('button', { name: /^Download .*\.flink\.sql$/ })).toBeEnabled();
  await page.screenshot({ path: '/tmp/shots/flink-export-dialog.png' });

  await dialog.getByRole('radio', { name: 'Share link' }).check();
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#design=[A-Za-z0-9_-]+$/);

  // Someone else opens the link: a fresh page in a fresh context (empty IndexedDB).
  const other = await context.browser()?.newContext();
  if (!other) throw new Error('no browser');
  const page2 = await other.newPage();
  await page2.goto(link);
  await expect(
    page2.getByRole('status').filter({ hasText: 'Opened the design from the link' }),
  ).toBeVisible();
  const opened = await page2.evaluate(() => window.__studio?.getState().doc);
  expect(opened?.nodes).toEqual(before.nodes);
  expect(opened?.edges).toEqual(before.edges);
  expect(page2.url()).not.toContain('#design=');
  await other.close();
});
