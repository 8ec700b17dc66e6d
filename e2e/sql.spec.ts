/**
 * The Analytics node's SQL editor in the studio: highlighting, completion, live error markers and
 * the one-click fix for the query shown in the source talk.
 */
import { expect, test } from './fixtures/studio.ts';

// The query on the talk's slide: an aggregate over a stream with no ROWTIME GROUP BY (and the
// slide's stream name), which KDA rejects.
const TALK_QUERY =
  "SELECT STREAM COUNT(*) AS MUSTACH_COUNT, STEP(ROWTIME BY INTERVAL '1' SECOND) FROM SOURCE_STREAM WHERE HAS_MUSTACH = TRUE;";

test('the selfie dashboard’s Analytics SQL: highlighted, completed, checked and fixed in one click', async ({
  studio,
  page,
}) => {
  await studio.open();
  const menu = await studio.designMenu();
  await menu.getByRole('button', { name: /New from template/ }).click();
  await page.getByRole('button', { name: /^Open template: Live selfie dashboard/ }).click();
  const card = studio.node(/^Analytics SQL application: /);
  await expect(card).toBeVisible();
  await card.click();

  const editor = studio.inspector.locator('.sql-editor .monaco-editor');
  // Monaco (~1 MB gzip) loads lazily; on a busy 2-core machine that can take a while.
  await expect(editor).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('textbox', { name: /^SQL editor for / })).toBeAttached();
  // The template's SQL is valid: no problems listed.
  await expect(studio.inspector.getByText('No problems found.')).toBeVisible();

  // Highlighting: the kda-sql tokenizer gives keywords, strings, quoted identifiers, functions and
  // INTERVAL literals distinct token classes.
  await expect(editor.locator('.view-lines span[class^="mtk"]').first()).toBeVisible();
  const classes = await editor
    .locator('.view-lines span[class^="mtk"]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.className.split(' ')[0]))]);
  expect(classes.length).toBeGreaterThanOrEqual(5);
  const keywordClass = await editor
    .locator('.view-lines span', { hasText: /^CREATE$/ })
    .first()
    .getAttribute('class');
  const intervalClass = await editor
    .locator('.view-lines span', { hasText: /^INTERVAL/ })
    .first()
    .getAttribute('class');
  expect(keywordClass).not.toEqual(intervalClass);

  // Completion: typing SEL offers SELECT.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('SEL');
  const suggest = editor.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest.getByRole('listitem', { name: /^SELECT, Keyword/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // Replace everything with the talk's query: an error marker with KDA's message, and a fix.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(TALK_QUERY);
  await expect.poll(() => page.evaluate(() => window.__sqlEditor?.getValue())).toBe(TALK_QUERY);
  await expect(editor.locator('.squiggly-error').first()).toBeAttached();
  // Markers follow typing after a debounce: wait for the check of the final text, not an earlier one.
  await expect
    .poll(() => page.evaluate(() => (window.__sqlMarkers?.() ?? []).map((m) => m.message)))
    .toContain(
      "An aggregate over a stream needs a GROUP BY on a ROWTIME window, or it would never emit: add GROUP BY STEP(ROWTIME BY INTERVAL '1' SECOND) (a tumbling window) and insert the result into a stream with a pump",
    );
  const problems = studio.inspector.getByRole('list', { name: 'SQL problems' });
  await expect(problems).toContainText('An aggregate over a stream needs a GROUP BY on a ROWTIME window');
  const fix = problems.getByRole('button', { name: /^Apply fix: Group by STEP/ });
  await expect(fix).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/sql-editor-error.png' });

  await fix.click();
  await expect(studio.inspector.getByText('No problems found.')).toBeVisible();
  await expect(editor.locator('.squiggly-error')).toHaveCount(0);
  const fixed = await page.evaluate(() => window.__sqlEditor?.getValue() ?? '');
  expect(fixed).toContain('CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"');
  expect(fixed).toContain('GROUP BY STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL \'1\' SECOND)');
  expect(await page.evaluate(() => window.__sqlMarkers?.().length)).toBe(0);
  // The fix went through the store: it is the node's SQL and one undo step.
  const doc = await studio.doc();
  expect(doc.nodes.find((n) => n.kind === 'analytics')?.config.sql).toBe(fixed);
  await page.screenshot({ path: '/tmp/shots/sql-editor-fixed.png' });
});

test('Discover schema proposes columns from the upstream producer’s records', async ({ studio, page }) => {
  await studio.open();
  const menu = await studio.designMenu();
  await menu.getByRole('button', { name: /New from template/ }).click();
  await page.getByRole('button', { name: /^Open template: Live selfie dashboard/ }).click();
  await studio.node(/^Analytics SQL application: /).click();
  const samples = studio.inspector.getByLabel('Sample records (one per line)');
  await expect(samples).toHaveValue(/hasMustache/);
  await studio.inspector.getByRole('button', { name: 'Discover schema' }).click();
  await expect(
    studio.inspector.getByRole('status').filter({ hasText: /^Discovered \d+ columns\.$/ }),
  ).toBeVisible();
  await expect(studio.inspector.getByLabel('Name of column 1')).not.toHaveValue('');
  const doc = await studio.doc();
  const cols = (doc.nodes.find((n) => n.kind === 'analytics')?.config.columns ?? []) as {
    mapping: string;
    sqlType: string;
  }[];
  expect(cols.find((c) => c.mapping === '$.hasMustache')?.sqlType).toBe('BOOLEAN');
});

test('templates insert valid SQL for the node’s columns; quick fix from the editor; Japanese labels', async ({
  studio,
  page,
}) => {
  await studio.open();
  const menu = await studio.designMenu();
  await menu.getByRole('button', { name: /New from template/ }).click();
  await page.getByRole('button', { name: /^Open template: Live selfie dashboard/ }).click();
  await studio.node(/^Analytics SQL application: /).click();
  const editor = studio.inspector.locator('.sql-editor .monaco-editor');
  // Monaco (~1 MB gzip) loads lazily; on a busy 2-core machine that can take a while.
  await expect(editor).toBeVisible({ timeout: 60_000 });

  // Each console-style template is valid SQL for the selfie columns.
  for (const name of ['Continuous filter', 'Sliding window', 'Top-K items', 'Anomaly detection']) {
    await studio.inspector.getByLabel('Template', { exact: true }).selectOption({ label: name });
    await studio.inspector.getByRole('button', { name: 'Insert template' }).click();
    await expect
      .poll(() => page.evaluate(() => window.__sqlEditor?.getValue() ?? ''))
      .toContain(`-- ${name.split(' ')[0]}`);
    await expect(studio.inspector.getByText('No problems found.')).toBeVisible();
  }
  expect(await page.evaluate(() => window.__sqlEditor?.getValue() ?? '')).toContain('RANDOM_CUT_FOREST');

  // The quick fix is also offered in the editor itself (Ctrl+. on the marker).
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(
    'SELECT STREAM COUNT(*) AS MUSTACH_COUNT FROM "SOURCE_SQL_STREAM_001" WHERE HAS_MUSTACH = TRUE;',
  );
  await expect(editor.locator('.squiggly-error').first()).toBeAttached();
  await page.evaluate(() => window.__sqlEditor?.setPosition({ lineNumber: 1, column: 16 }));
  await page.keyboard.press('ControlOrMeta+.');
  const action = page.locator('.action-widget').getByText(/^Group by STEP/);
  await expect(action).toBeVisible();
  await action.click();
  await expect(studio.inspector.getByText('No problems found.')).toBeVisible();
  expect(await page.evaluate(() => window.__sqlEditor?.getValue() ?? '')).toContain('GROUP BY STEP(');

  // Japanese: the panel's labels follow the locale.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(studio.inspector.getByRole('button', { name: 'スキーマの検出' })).toBeVisible();
  await expect(studio.inspector.getByText('問題は見つかりませんでした。')).toBeVisible();
  await expect(studio.inspector.getByRole('button', { name: 'テンプレートを挿入' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/sql-editor-ja.png' });
});
