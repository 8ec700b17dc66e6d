/**
 * The Lambda and SQL editors open wide: a drawer over the canvas with the code large on the left
 * and the node's context on the right (the function's input and output; the SQL's schema).
 * Run: E2E_PORT=4316 E2E_DIST=dist-presenter E2E_RESULTS=test-results-presenter \
 *      E2E_REPORT=reports/e2e-presenter.json npx playwright test e2e/wide-editor.spec.ts
 */
import { mkdirSync } from 'node:fs';
import { run, waitForClock } from './fixtures/run.ts';
import { expect, test } from './fixtures/studio.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test('a Lambda’s code opens wide beside what it receives and where its result goes', async ({
  studio,
  page,
}) => {
  await studio.open();
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('button', { name: 'Open template: Hot partition key' }).click();
  await studio.node(/^Lambda function: /).click();
  const code = studio.inspector.locator('.code-editor .monaco-editor');
  await expect(code).toBeVisible({ timeout: 60_000 });
  const narrow = await code.boundingBox();
  await studio.inspector.getByRole('button', { name: 'Open the editor wide' }).click();
  const context = studio.inspector.getByRole('region', { name: 'What the function sees' });
  await expect(context).toContainText('Records from telemetry');
  await expect(context).toContainText('Sends to device-state');
  await expect(context).toContainText('Run the design to see real records here.');
  const wide = await code.boundingBox();
  const side = await context.boundingBox();
  if (!narrow || !wide || !side) throw new Error('no boxes');
  // At 1440×900 the editor is at least twice as wide as in the 290 px inspector, and tall.
  expect(wide.width).toBeGreaterThan(2 * narrow.width);
  expect(wide.width).toBeGreaterThan(600);
  expect(wide.height).toBeGreaterThan(450);
  expect(side.x).toBeGreaterThanOrEqual(wide.x + wide.width);

  // Typing in the wide editor still types (Space is React Flow's pan key outside .nokey).
  await studio.inspector.getByRole('textbox', { name: 'Handler code' }).focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n// wide and roomy');
  await expect
    .poll(async () => (await studio.doc()).nodes.find((n) => n.kind === 'lambda')?.config.code)
    .toMatch(/\/\/ wide and roomy$/);

  await run(page, '10×');
  await waitForClock(page, 5);
  // The records coming in from the stream, as the handler gets them (JSON telemetry).
  await expect(context.locator('.lambda-context__records pre').first()).toContainText('{', {
    timeout: 30_000,
  });
  await page.screenshot({ path: `${SHOTS}/wide-lambda.png` });
  await studio.inspector.getByRole('button', { name: 'Back to the narrow inspector' }).click();
  await expect(context).toHaveCount(0);
});

test('an Analytics node’s SQL opens wide with its input schema beside it', async ({ studio, page }) => {
  await studio.open();
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('button', { name: /^Open template: Live selfie dashboard/ }).click();
  await studio.node(/^Analytics SQL application: /).click();
  const sql = studio.inspector.locator('.sql-editor .monaco-editor');
  await expect(sql).toBeVisible({ timeout: 60_000 });
  await studio.inspector.getByRole('button', { name: 'Open the editor wide' }).click();
  const discover = studio.inspector.getByRole('button', { name: /Discover schema/ });
  await expect(discover).toBeVisible();
  const editor = await sql.boundingBox();
  const schema = await discover.boundingBox();
  if (!editor || !schema) throw new Error('no boxes');
  expect(editor.width).toBeGreaterThan(600);
  expect(editor.height).toBeGreaterThan(450);
  // The schema sits beside the SQL, not below it.
  expect(schema.x).toBeGreaterThan(editor.x + editor.width);
  expect(schema.y).toBeLessThan(editor.y + editor.height);
  await page.screenshot({ path: `${SHOTS}/wide-sql.png` });
});
