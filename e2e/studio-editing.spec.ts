/**
 * Editing beyond the first path: the template gallery, Monaco for handler code (typing never
 * reaches canvas keys), the keyboard shortcut list, the context menu, copy/paste and the Problems tab.
 */
import { expect, test } from './fixtures/studio.ts';

test('open a template from the gallery and edit its Lambda handler in Monaco', async ({ studio, page }) => {
  await studio.open();
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: 'Templates' });
  await expect(gallery.getByRole('listitem')).toHaveCount(8);
  await gallery.getByRole('button', { name: 'Open template: Conveyor-belt sushi IoT' }).click();
  await expect(gallery).toBeHidden();
  const lambda = studio.node('Lambda function: plate-tracker');
  await expect(lambda).toBeVisible();
  await expect(lambda).toContainText('batch 100');

  await lambda.click();
  const editor = studio.inspector.getByRole('textbox', { name: 'Handler code' });
  await expect(editor).toBeVisible();
  await editor.focus(); // Monaco's text layer sits over its input element
  await page.keyboard.press('ControlOrMeta+End');
  // Space is React Flow's pan key and Backspace/Delete delete nodes: inside Monaco they must type.
  await page.keyboard.type('\n// keep spaces x');
  await page.keyboard.press('Backspace');
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __editor: { getValue(): string } }).__editor.getValue()),
    )
    .toContain('// keep spaces ');
  await expect
    .poll(async () => (await studio.doc()).nodes.find((n) => n.name === 'plate-tracker')?.config.code)
    .toMatch(/\/\/ keep spaces $/);
  await expect(lambda).toBeVisible();
});

test('shortcut list, context menu rename and duplicate, copy/paste, delete, and a problem that selects its node', async ({
  studio,
  page,
}) => {
  await studio.open();
  await studio.canvas.click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(keys).toContainText('Ctrl/⌘ + Z');
  await page.keyboard.press('Escape');
  await expect(keys).toBeHidden();

  const stream = studio.node(/^Data stream: /).first();
  const streamName = ((await stream.getAttribute('aria-label')) ?? '').replace('Data stream: ', '');
  await stream.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Actions for ${streamName}` });
  await menu.getByRole('menuitem', { name: 'Rename…' }).click();
  await menu.getByLabel('New name').fill('orders');
  await menu.getByRole('button', { name: 'OK' }).click();
  await expect(studio.node('Data stream: orders')).toBeVisible();

  await studio.node('Data stream: orders').click({ button: 'right' });
  await page
    .getByRole('menu', { name: 'Actions for orders' })
    .getByRole('menuitem', { name: 'Duplicate' })
    .click();
  await expect(studio.node('Data stream: orders-copy')).toBeVisible();

  // Copy / paste with the keyboard: the copy of the copy gets the next free name.
  await studio.node('Data stream: orders-copy').click();
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(studio.node('Data stream: orders-copy-2')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(studio.node('Data stream: orders-copy-2')).toHaveCount(0);

  // A range error: the Problems tab counts it, and clicking it selects the node.
  await studio.node('Data stream: orders-copy').click();
  await studio.inspector.getByLabel('Retention period', { exact: true }).fill('10');
  await studio.inspector.getByLabel('Retention period', { exact: true }).press('Enter');
  await studio.canvas.click({ position: { x: 30, y: 30 } }); // deselect
  await expect(studio.inspector.getByRole('heading', { name: 'Design' })).toBeVisible();
  const problem = page
    .getByRole('tabpanel')
    .getByRole('button', { name: /Error orders-copy Retention period/ });
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(studio.inspector.getByLabel('Retention period', { exact: true })).toHaveValue('10');
  await expect(studio.inspector.getByText(/Retention period must be between 24 and 8,760/)).toBeVisible();
});

test('drop a prototype (schema version 0) file on the canvas: it imports, upgraded, as a new design', async ({
  studio,
  page,
}) => {
  await studio.open();
  const v0 = JSON.stringify({
    version: 0,
    title: 'Prototype pipeline',
    nodes: [
      { id: 'a', type: 'producer', x: 0, y: 0, data: { rate: '300' } },
      { id: 'b', type: 'kinesis', x: 320, y: 0, data: { shards: '3' } },
    ],
    links: [{ from: 'a', to: 'b' }],
  });
  // A real drop event carrying a File, as when a .json is dragged from the desktop.
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'prototype.json', { type: 'application/json' }));
    return dt;
  }, v0);
  await studio.canvas.dispatchEvent('dragover', { dataTransfer });
  await studio.canvas.dispatchEvent('drop', { dataTransfer });
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Imported prototype.json: upgraded from schema version 0 to 1.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Design: Prototype pipeline' })).toBeVisible();
  await expect(studio.node(/^Data stream: /)).toContainText('3 shards');
  const doc = await studio.doc();
  expect(doc.nodes.map((n) => n.kind)).toEqual(['producer', 'stream']);
  expect(doc.edges).toHaveLength(1);
});

test('the design list: new, rename, duplicate, open and delete designs; Enter on a palette entry adds a node', async ({
  studio,
  page,
}) => {
  page.on('dialog', (d) => void d.accept()); // the delete confirmation
  await studio.open();
  let menu = await studio.designMenu();
  await menu.getByRole('button', { name: 'New empty design' }).click();
  await expect(page.getByRole('button', { name: 'Design: Untitled pipeline' })).toBeVisible();

  // Keyboard: focus the palette entry and press Enter: the node lands at the centre of the view.
  await studio.paletteEntry('Lambda function').focus();
  await page.keyboard.press('Enter');
  await expect(studio.node('Lambda function: function-1')).toBeVisible();
  await studio.saved();

  menu = await studio.designMenu();
  await menu.getByRole('button', { name: 'Rename Untitled pipeline' }).click();
  await menu.getByLabel('New design name').fill('My pipeline');
  await menu.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Design: My pipeline' })).toBeVisible();

  await menu.getByRole('button', { name: 'Duplicate My pipeline' }).click();
  await expect(page.getByRole('button', { name: 'Design: My pipeline (copy)' })).toBeVisible();
  await expect(studio.node('Lambda function: function-1')).toBeVisible();

  menu = await studio.designMenu();
  await expect(menu.getByRole('listitem')).toHaveCount(3);
  await menu.getByRole('button', { name: /^Web clickstream analytics/ }).click();
  await expect(page.getByRole('button', { name: 'Design: Web clickstream analytics' })).toBeVisible();

  menu = await studio.designMenu();
  await menu.getByRole('button', { name: 'Delete My pipeline (copy)' }).click();
  await expect(menu.getByRole('listitem')).toHaveCount(2);
  await page.reload();
  menu = await studio.designMenu();
  await expect(menu.getByRole('button', { name: /^My pipeline/ })).toHaveCount(1);
  await expect(menu.getByRole('button', { name: /^Web clickstream analytics/ })).toBeVisible();
});

test('an edge from a stream reads by polling or through a named enhanced fan-out consumer', async ({
  studio,
  page,
}) => {
  await studio.open();
  // Register two EFO consumers on the stream, typed one per line (Enter starts the next one).
  await studio.node('Data stream: clickstream').click();
  const consumers = studio.inspector.getByLabel('Enhanced fan-out consumers');
  await consumers.click();
  await page.keyboard.type('dashboard\nanalytics');
  await expect(studio.node('Data stream: clickstream')).toContainText('EFO × 2');

  const edge = studio.canvas.getByRole('group', {
    name: /^Connection: Data stream: clickstream → Analytics SQL/,
  });
  await edge.focus();
  await page.keyboard.press('Enter'); // React Flow selects a focused edge with Enter
  const mode = studio.inspector.getByLabel('Read mode');
  await expect(mode).toHaveValue('polling');
  await mode.selectOption('efo');
  await studio.inspector.getByLabel('EFO consumer').selectOption('analytics');
  // The edge's label (drawn in React Flow's label layer) and its name say what it configures now.
  await expect(studio.canvas.getByText('EFO consumer: analytics')).toBeVisible();
  await expect(studio.canvas.getByRole('group', { name: /\(EFO consumer: analytics\)$/ })).toHaveCount(1);
  const saved = (await studio.doc()).edges.find((e) => e.config.readMode === 'efo');
  expect(saved?.config).toMatchObject({ readMode: 'efo', efoConsumerName: 'analytics' });
});
