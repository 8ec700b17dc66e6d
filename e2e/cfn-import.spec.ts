/**
 * Importing a CloudFormation template from the studio: a hand-written YAML template (short-form
 * tags, a Lambda with inline code, resources Shardscape has no node for) becomes a new design on the
 * canvas after the code review, and the studio lists what it could not map. A broken file changes nothing.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures/studio.ts';

const TEMPLATE = new URL('../src/export/cloudformation-import/fixtures/unknown.yaml', import.meta.url)
  .pathname;

test('import a CloudFormation YAML template: nodes on the canvas and the not-mapped list', async ({
  studio,
  page,
}, testInfo) => {
  await studio.open();
  const file = testInfo.outputPath('orders.yaml');
  await copyFile(TEMPLATE, file);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  // The function's inline code is shown before the design opens.
  const review = page.getByRole('dialog', { name: 'This design contains code' });
  await expect(review.getByRole('region', { name: 'Function order-worker' })).toContainText(
    'exports.handler',
  );
  await review.getByRole('button', { name: 'Open the design' }).click();

  const alert = page.getByRole('alertdialog', { name: 'orders.yaml: 3 resources not mapped' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('listitem')).toHaveText([
    'Alarms (AWS::SNS::Topic): a topic that is no function’s on-failure destination',
    'Dashboard (AWS::CloudWatch::Dashboard): Shardscape has no node for this resource type',
    'Box (AWS::EC2::Instance): Shardscape has no node for this resource type',
  ]);
  await expect(alert).not.toContainText('Your current design is unchanged.');
  await expect(
    page.getByRole('status').filter({
      hasText: 'Imported CloudFormation template orders.yaml as a new design: 3 nodes, 2 connections.',
    }),
  ).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/cfnimport-not-mapped.png' });
  await alert.getByRole('button', { name: 'OK' }).click();

  await expect(page.getByRole('button', { name: /^Design: orders/ })).toBeVisible();
  await expect(studio.node(/^Data stream: orders/)).toContainText('4 shards');
  await expect(studio.node(/^Lambda function: order-worker/)).toBeVisible();
  await expect(studio.node(/^DynamoDB table: orders-by-key/)).toBeVisible();
  const doc = await studio.doc();
  expect(doc.edges.map((e) => e.id).sort()).toEqual(['order-worker--orders-by-key', 'orders--order-worker']);
  // Laid out left to right: stream, then function, then table.
  const x = (kind: string) => doc.nodes.find((n) => n.kind === kind)?.position.x ?? Number.NaN;
  expect(x('stream')).toBeLessThan(x('lambda'));
  expect(x('lambda')).toBeLessThan(x('dynamodb'));
  await page.screenshot({ path: '/tmp/shots/cfnimport-canvas.png' });

  // A file that is not a template: a clear message, and the open design is untouched.
  const broken = testInfo.outputPath('broken.yaml');
  await writeFile(broken, 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Orders: [\n');
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser2).setFiles(broken);
  const failed = page.getByRole('alertdialog', { name: 'Could not import broken.yaml' });
  await expect(failed).toContainText('neither valid JSON nor valid YAML');
  await expect(failed).toContainText('Your current design is unchanged.');
  await failed.getByRole('button', { name: 'OK' }).click();
  expect(await studio.doc()).toEqual(doc);
});
